"""A question's parameters as a person writes them, made ready for its Cypher.

`prepare` is the one path from command-line strings to what a question's Cypher receives; both
`civicgraph ask` and `civicgraph export --query` call it. It types every value (Question.bind)
and settles each actor parameter on exactly one node, passed on as `id:<node id>`:

- a name is looked up in the store (names and aliases, case-insensitively, a leading "the",
  apostrophes and punctuation optional, honorifics such as Sir or Lord and post-nominals such as
  AM, MP or OBE optional), or fails with a message a person can act on: the closest known names
  when nothing matches, the candidates when several do;
- an office ("the Mayor" is an alias of the post Mayor of London) is answered for the person who
  holds it on the question's date, since facts name the person: the `until` or `today`
  parameter when given, else the current date. A holder whose term (HOLDS_OFFICE start/end) is
  not known counts as holding it; when several hold it on that date, the office itself is kept.
  `id:<node id>` is always that node, an office included.

The order of preference when matching a name, first non-empty tier wins:
  1. `id:<node id>`: that node, nothing else
  2. the node's name, ignoring case
  3. one of its aliases (abbreviations included), ignoring case
  4. the name with case, a leading "the", apostrophes and punctuation ignored
  5. an alias compared the same way
  6. the name or an alias with honorifics and post-nominals also ignored ("Andrew Boff AM")
Several different nodes in the winning tier make the name ambiguous.

Speed: the exact spellings (tiers 2 and 3, and 6 for names written in plain words) are looked up
in the index on the search keys the store writes with every node (graph/schema.py SEARCH_KEYS),
one index lookup per label; only when that finds nothing are all nodes compared (nodes written
before the keys existed), and only then is every name fetched for the forgiving tiers and the
suggestions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.schema import NODE_LABELS, SEARCH_KEYS, SEARCHABLE_LABELS, TOTALS_LABEL, check_label
from graph.store import Store
from graph.subgraph import date_in_range
from queries.catalog import Question, QuestionError

__all__ = [
    "Candidate",
    "Prepared",
    "ResolveError",
    "normalise",
    "resolve",
    "prepare",
    "holders",
    "ID_PREFIX",
]

ID_PREFIX = "id:"

# Nodes a name can refer to: everything but documents and statements (their names are texts).
_FIELDS = "n.id AS id, n.name AS name, n.aliases AS aliases, labels(n)[0] AS label"


def _per_label(match: str, labels: Iterable[str]) -> str:
    """One statement with a branch per label (UNION), so that each branch is an index lookup:
    neither engine uses an index for a node whose label is not given."""
    return "\nUNION\n".join(
        f"{match.replace('LABEL', check_label(label))}\nRETURN {_FIELDS}" for label in labels
    )


# Index lookups on the search keys the store writes with every node (graph/schema.py SEARCH_KEYS).
_BY_SEARCH_KEYS = _per_label(
    f"UNWIND $keys AS k\nMATCH (n:LABEL) WHERE k IN n.{SEARCH_KEYS}", SEARCHABLE_LABELS
)
_BY_ID = _per_label("MATCH (n:LABEL {id: $id})", [label for label in NODE_LABELS if label != "Document"])
_ALL = f"MATCH (n) WHERE NOT n:Document AND NOT n:Statement AND NOT n:{TOTALS_LABEL} RETURN {_FIELDS}"
_HOLDERS = (
    f"MATCH (n)-[h:HOLDS_OFFICE]->(o:Post {{id: $id}}) RETURN {_FIELDS}, h.start AS start, h.end AS end "
    "ORDER BY name"
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class ResolveError(QuestionError):
    """A name that names no node, or several; `candidates` are the names worth suggesting."""

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


@dataclass(frozen=True)
class Candidate:
    """A node a name may refer to."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Candidate:
        aliases = row.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = (aliases,)
        return cls(
            str(row["id"]), str(row.get("name") or row["id"]), str(row.get("label") or ""), tuple(aliases)
        )

    def describe(self) -> str:
        return f"{self.name} ({self.label}, id:{self.id})" if self.label else f"{self.name} (id:{self.id})"


def _the_less(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def normalise(text: str) -> str:
    """The comparison form of a name: lower case ASCII words, no leading "the", no punctuation.

    "The Mayor’s Office." and "mayors office" compare equal."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)).encode("ascii", "ignore").decode()
    folded = folded.lower().replace("'", "")
    return _the_less(_NOT_WORD.sub(" ", folded).strip())


@functools.cache
def _title_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """Honorifics (as word sequences, longest first) and post-nominals, in comparison form.

    The lists are the extractor's own (loaders/names/people.py), so a name resolves the way the
    loaders read it in documents."""
    from loaders.names.people import POST_NOMINALS, TITLES

    titles = sorted({tuple(normalise(t).split()) for t in TITLES if normalise(t)}, key=len, reverse=True)
    return tuple(titles), frozenset(normalise(p) for p in POST_NOMINALS)


def plain_name(text: str) -> str:
    """The comparison form without honorifics before and post-nominals after: "Sir Mark Rowley"
    and "Lord Duvall of Woolwich OBE AM" become "mark rowley" and "duvall of woolwich"."""
    titles, post_nominals = _title_words()
    words = normalise(text).split()
    while len(words) > 1 and words[-1] in post_nominals:
        words.pop()
    stripped = True
    while stripped:
        stripped = False
        for title in titles:
            if len(words) > len(title) and tuple(words[: len(title)]) == title:
                words = words[len(title) :]
                stripped = True
                break
    return " ".join(words)


def _keys(text: str) -> list[str]:
    """Lower-case spellings the store is asked for: with and without "the", either apostrophe,
    and the plain name (no honorifics or post-nominals)."""
    base = " ".join(text.lower().split())
    keys: set[str] = set()
    for variant in {base, base.translate(_APOSTROPHES), base.translate(_APOSTROPHES).replace("'", "’")}:
        keys.update({variant, _the_less(variant), "the " + _the_less(variant)})
    plain = plain_name(text)
    if plain:
        keys.add(plain)
    return sorted(keys)


def _tiers(text: str, candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    lowered = " ".join(text.lower().split())
    norm = normalise(text)
    plain = plain_name(text)
    tiers: list[list[Candidate]] = [[], [], [], [], []]
    for c in candidates:
        if c.name.lower() == lowered:
            tiers[0].append(c)
        elif any(a.lower() == lowered for a in c.aliases):
            tiers[1].append(c)
        elif normalise(c.name) == norm:
            tiers[2].append(c)
        elif norm and any(normalise(a) == norm for a in c.aliases):
            tiers[3].append(c)
        elif plain and any(plain_name(form) == plain for form in (c.name, *c.aliases)):
            tiers[4].append(c)
    return tiers


def _unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    seen: dict[str, Candidate] = {}
    for c in candidates:
        seen.setdefault(c.id, c)
    return sorted(seen.values(), key=lambda c: (c.name.lower(), c.label, c.id))


def _pick(text: str, candidates: list[Candidate], param: str) -> Candidate | None:
    for tier in _tiers(text, candidates):
        found = _unique(tier)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(c.describe() for c in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise ResolveError(
                f"parameter {param}: {text!r} could mean {len(found)} nodes: {listed}{more}; "
                f"use a fuller name or -p {param}=id:<id>",
                [c.name for c in found],
            )
    return None


def _suggest(text: str, candidates: list[Candidate], limit: int = 5) -> list[str]:
    """Closest canonical names: similar spellings first, then names containing the words."""
    by_form: dict[str, str] = {}
    for c in candidates:
        for form in (c.name, *c.aliases):
            by_form.setdefault(normalise(form), c.name)
    norm = normalise(text)
    names: list[str] = []
    for form in difflib.get_close_matches(norm, list(by_form), n=limit * 3, cutoff=0.6):
        if by_form[form] not in names:
            names.append(by_form[form])
    if norm:
        pattern = re.compile(rf"\b{re.escape(norm)}\b")
        for form, name in sorted(by_form.items()):
            if pattern.search(form) and name not in names:
                names.append(name)
    return names[:limit]


def resolve(store: Store, text: str, *, param: str = "actor") -> Candidate:
    """The one node `text` names; ResolveError (naming `param`) when none or several do."""
    text = text.strip()
    if not text:
        raise ResolveError(f"parameter {param}: empty name")
    if text.startswith(ID_PREFIX):
        node_id = text[len(ID_PREFIX) :].strip()
        rows = store.run(_BY_ID, {"id": node_id})
        if not rows:
            raise ResolveError(f"parameter {param}: no node with id {node_id!r}")
        return Candidate.from_row(rows[0])
    keys = _keys(text)
    found = _pick(text, [Candidate.from_row(r) for r in store.run(_BY_SEARCH_KEYS, {"keys": keys})], param)
    if found:
        return found
    # only on a miss: punctuation and typos, and nodes written without search keys
    everyone = [Candidate.from_row(r) for r in store.run(_ALL)]
    found = _pick(text, everyone, param)
    if found:
        return found
    if not everyone:
        raise ResolveError(
            f"parameter {param}: no node called {text!r}: the store is empty (load documents first)"
        )
    close = _suggest(text, everyone)
    hint = f"; closest: {', '.join(close)}" if close else "; nothing with a similar name"
    raise ResolveError(f"parameter {param}: no node called {text!r}{hint}", close)


def holders(store: Store, node: Candidate, on: str | None = None) -> list[Candidate]:
    """Who holds `node` when it is a post, on the ISO date `on` (any precision) when given: "the
    Mayor" names the office, facts name the person. A term compares with the date on the
    precision both have, and a term whose start or end is not known is open on that side."""
    if node.label != "Post":
        return []
    rows = store.run(_HOLDERS, {"id": node.id})
    return [Candidate.from_row(r) for r in rows if on is None or date_in_range(on, r["start"], r["end"])]


@dataclass(frozen=True)
class Prepared:
    """A question with its parameters ready: what its Cypher receives, and what names became."""

    question: Question
    values: dict[str, Any]  # typed, as given (names as written)
    params: dict[str, Any]  # what the Cypher receives: every actor parameter as id:<node id>
    chosen: dict[str, Candidate] = field(default_factory=dict)  # the node each actor parameter names
    notes: tuple[str, ...] = ()  # one line per name that became something else, for the user


def prepare(
    store: Store, question: Question, raw: Mapping[str, str], *, today: dt.date | None = None
) -> Prepared:
    """Typed parameters with every actor resolved to one node (see the module docstring).

    Raises ParamError or ResolveError, both QuestionErrors: usage errors, naming the parameter."""
    values = question.bind(raw, today=today)
    on = values.get("until") or values.get("today") or (today or dt.date.today()).isoformat()
    params = dict(values)
    chosen: dict[str, Candidate] = {}
    notes: list[str] = []
    for pname in question.actor_params:
        given = values.get(pname)
        if given is None:
            continue
        node = resolve(store, str(given), param=pname)
        if not str(given).startswith(ID_PREFIX):  # an id names exactly the node meant
            node, note = _follow_office(store, pname, str(given), node, str(on))
            if note:
                notes.append(note)
        params[pname] = ID_PREFIX + node.id
        chosen[pname] = node
    return Prepared(question, values, params, chosen, tuple(notes))


def _follow_office(store: Store, pname: str, given: str, node: Candidate, on: str) -> tuple[Candidate, str]:
    """The node to answer for, and a line saying what the name became (empty when nothing to say).

    An office with one holder on the date is answered for that person."""
    held_by = holders(store, node, on)
    if len(held_by) == 1:
        person = held_by[0]
        return person, (
            f"{pname}: {given!r} is the office {node.name}, held by {person.name}: answering for "
            f"{person.name} (for the office itself: -p {pname}=id:{node.id})"
        )
    line = f"{pname}: {given!r} is {node.name} ({node.label})" if node.name != given or held_by else ""
    if held_by:
        names = ", ".join(h.name for h in held_by)
        line += f', an office held by {names} on {on}; for one of them: -p {pname}="{held_by[0].name}"'
    return node, line
