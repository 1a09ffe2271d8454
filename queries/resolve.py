"""Names as a person writes them ("the Met", "mopac", "Mayor's Office") to the one node meant.

Questions take actors by name; the graph keys nodes by id. Resolution looks a name up in the
store (names and aliases, case-insensitively, a leading "the", apostrophes and punctuation
optional) and settles on exactly one node, or fails with a message a person can act on: the
closest known names when nothing matches, the candidates when several do. The CLI then passes
`id:<node id>` to the question, which every .cypher file accepts next to a plain name.

The order of preference, first non-empty tier wins:
  1. `id:<node id>`: that node, nothing else
  2. the node's name, ignoring case
  3. one of its aliases (abbreviations included), ignoring case
  4. the name with case, a leading "the", apostrophes and punctuation ignored
  5. an alias compared the same way
Several different nodes in the winning tier make the name ambiguous.

Speed: the exact spellings (tiers 2 and 3) are looked up in the index on the search keys the
store writes with every node (graph/schema.py SEARCH_KEYS), one index lookup per label; only
when that finds nothing are all nodes compared (nodes written before the keys existed), and only
then is every name fetched for the forgiving tiers and the suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.schema import NODE_LABELS, SEARCH_KEYS, SEARCHABLE_LABELS, check_label
from graph.store import Store

__all__ = ["Candidate", "ResolveError", "normalise", "resolve", "resolve_params", "holders", "ID_PREFIX"]

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
_ALL = f"MATCH (n) WHERE NOT n:Document AND NOT n:Statement RETURN {_FIELDS}"
_HOLDERS = f"MATCH (n)-[:HOLDS_OFFICE]->(o:Post {{id: $id}}) RETURN DISTINCT {_FIELDS} ORDER BY name"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class ResolveError(ValueError):
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


def _keys(text: str) -> list[str]:
    """Lower-case spellings the store is asked for: with and without "the", either apostrophe."""
    base = " ".join(text.lower().split())
    keys: set[str] = set()
    for variant in {base, base.translate(_APOSTROPHES), base.translate(_APOSTROPHES).replace("'", "’")}:
        keys.update({variant, _the_less(variant), "the " + _the_less(variant)})
    return sorted(keys)


def _tiers(text: str, candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    lowered = " ".join(text.lower().split())
    norm = normalise(text)
    tiers: list[list[Candidate]] = [[], [], [], []]
    for c in candidates:
        if c.name.lower() == lowered:
            tiers[0].append(c)
        elif any(a.lower() == lowered for a in c.aliases):
            tiers[1].append(c)
        elif normalise(c.name) == norm:
            tiers[2].append(c)
        elif norm and any(normalise(a) == norm for a in c.aliases):
            tiers[3].append(c)
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


def resolve_params(
    store: Store, values: Mapping[str, Any], actor_params: Iterable[str]
) -> tuple[dict[str, Any], dict[str, Candidate]]:
    """`values` with every given actor parameter replaced by `id:<node id>`, and what each became."""
    resolved = dict(values)
    chosen: dict[str, Candidate] = {}
    for name in actor_params:
        value = values.get(name)
        if value is None:
            continue
        node = resolve(store, str(value), param=name)
        resolved[name] = ID_PREFIX + node.id
        chosen[name] = node
    return resolved, chosen


def holders(store: Store, node: Candidate) -> list[Candidate]:
    """Who holds `node` when it is a post: "the Mayor" names the office, facts name the person."""
    if node.label != "Post":
        return []
    return [Candidate.from_row(r) for r in store.run(_HOLDERS, {"id": node.id})]
