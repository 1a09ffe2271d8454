"""The relation families' trigger words and argument roles (loaders/data/lexicon.toml).

The file is data: lemmas, not inflections, and the roles where each family's subject and object
are found. This module reads and checks it, and answers the cheap question the parser asks
first: is a sentence worth parsing at all (does it hold a trigger word or a sum of money)?
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.schema import FACT_TYPES

__all__ = ["Pattern", "patterns", "worth_parsing", "LEXICON_FILE", "ROLES", "KINDS"]

LEXICON_FILE = Path(__file__).resolve().parents[1] / "data" / "lexicon.toml"
ROLES = (
    "subj",
    "agent",
    "obj",
    "dative",
    "clause",
    "purpose",
    "clause_subject",
    "clause_object",
    "clause_agent",
    "purpose_object",
    "quote",
    "report",
    "attr",
    "oprd",
    "object_of",
    "poss",
    "governor",
    "compound",
    "self",
    "speaker",
    "giver",
    "publisher",
    "owner",
    "voice",
    "mayor_for_assembly",
    "motion_addressee",
    "named_in_sentence",
    "as_subject",
    "reporter",
    "announcer",
    "predicate",
)
KINDS = ("actor", "named", "named_thing", "thing", "body", "assembly", "assembly_member", "post", "person")
_KEYS = {
    "verbs",
    "nouns",
    "adjectives",
    "modals",
    "perfect",
    "not_verbs",
    "first_person",
    "third_person",
    "money",
    "subject",
    "object",
    "kinds",
    "subject_kinds",
    "about",
    "clause_verbs",
    "not_clause_verbs",
    "head_verbs",
    "object_words",
    "not_object_words",
    "proper_nouns",
    "complement_words",
    "reported",
    "clause",
}
WORD_LISTS = "words"  # the file's [words] table: named word lists a frame cites as "@name"
_MONEY = ("any", "required", "forbidden", "sum_or_noun", "optional")


@dataclass(frozen=True)
class Pattern:
    """One frame of a relation family: its trigger words and argument roles."""

    family: str  # the relationship type
    verbs: dict[str, tuple[str | None, ...]]  # lemma -> the second words it needs (None: none)
    nouns: frozenset[str] = frozenset()
    proper_nouns: bool = False  # a noun trigger may be the head of a name ("Shared Endeavour Fund")
    adjectives: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()  # any verb with one of these auxiliaries ("will")
    perfect: bool = False  # any verb in the present perfect ("I have introduced ...")
    not_verbs: frozenset[str] = frozenset()  # ... except these
    first_person: bool = False  # the subject must be whoever speaks ("I", "we")
    third_person: bool = False  # ... or must not be
    clause_verbs: frozenset[str] = frozenset()  # the "to"-clause must have one of these verbs
    not_clause_verbs: frozenset[str] = frozenset()  # ... or must not
    head_verbs: frozenset[str] = frozenset()  # the clause the trigger hangs on must have one of these verbs
    object_words: frozenset[str] = frozenset()  # the trigger's direct object must be one of these
    complement_words: frozenset[str] = frozenset()  # what the trigger's clause says its object is
    reported: bool = False  # the trigger's clause is what its subject said they would do
    clause: str = "any"  # any | required | forbidden | to: whether the trigger has a "to"/"that"-clause
    not_object_words: frozenset[str] = frozenset()  # ... or must not be
    money: str = "any"  # any | required | forbidden | sum_or_noun | optional
    subject: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("actor",)
    subject_kinds: tuple[str, ...] = ("actor",)
    about: str | None = None

    @property
    def words(self) -> set[str]:
        return set(self.verbs) | set(self.nouns) | set(self.adjectives)


def _roles(roles: list[str], where: str) -> tuple[str, ...]:
    for role in roles:
        if role not in ROLES and not re.fullmatch(r"prep:[a-z]+", role):
            raise ValueError(f"{where}: unknown role {role!r} (known: {', '.join(ROLES)}, prep:WORD)")
    return tuple(roles)


def _kinds(kinds: list[str], where: str) -> tuple[str, ...]:
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"{where}: unknown kind(s) {', '.join(sorted(unknown))} (known: {', '.join(KINDS)})")
    return tuple(kinds)


@cache
def patterns(path: str = str(LEXICON_FILE)) -> tuple[Pattern, ...]:
    """Every frame of every family, in file order."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    named = data.pop(WORD_LISTS, {})
    out = []

    def words(spec: dict, key: str, where: str) -> frozenset[str]:
        """A frame's word list, with each "@name" replaced by the [words] list of that name."""
        found: set[str] = set()
        for word in spec.get(key, []):
            if word.startswith("@"):
                if word[1:] not in named:
                    raise ValueError(f"{where}: {key} cites {word}, which [{WORD_LISTS}] does not define")
                found |= set(named[word[1:]])
            else:
                found.add(word)
        return frozenset(found)

    for family, frames in data.items():
        if family not in FACT_TYPES:
            raise ValueError(f"{path}: [[{family}]] is not a fact type of graph/schema.py")
        if not isinstance(frames, list):
            raise ValueError(f"{path}: {family} must be a list of [[{family}]] tables")
        for n, spec in enumerate(frames, 1):
            where = f"{path}: [[{family}]] number {n}"
            unknown = set(spec) - _KEYS
            if unknown:
                raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
            verbs: dict[str, tuple[str | None, ...]] = {}
            for entry in spec.get("verbs", []):
                first, _, rest = entry.partition(" ")
                verbs[first] = (*verbs.get(first, ()), rest or None)
            if spec.get("clause", "any") not in ("any", "required", "forbidden", "to"):
                raise ValueError(f"{where}: clause must be any, required, forbidden or to")
            if spec.get("money", "any") not in _MONEY:
                raise ValueError(f"{where}: money must be one of {', '.join(_MONEY)}")
            out.append(
                Pattern(
                    family=family,
                    verbs=verbs,
                    nouns=words(spec, "nouns", where),
                    proper_nouns=bool(spec.get("proper_nouns", False)),
                    adjectives=words(spec, "adjectives", where),
                    modals=frozenset(spec.get("modals", [])),
                    perfect=bool(spec.get("perfect", False)),
                    not_verbs=words(spec, "not_verbs", where),
                    first_person=bool(spec.get("first_person", False)),
                    third_person=bool(spec.get("third_person", False)),
                    clause_verbs=words(spec, "clause_verbs", where),
                    not_clause_verbs=words(spec, "not_clause_verbs", where),
                    head_verbs=words(spec, "head_verbs", where),
                    object_words=words(spec, "object_words", where),
                    not_object_words=words(spec, "not_object_words", where),
                    complement_words=words(spec, "complement_words", where),
                    reported=bool(spec.get("reported", False)),
                    clause=spec.get("clause", "any"),
                    money=spec.get("money", "any"),
                    subject=_roles(spec.get("subject", []), where),
                    object=_roles(spec.get("object", []), where),
                    kinds=_kinds(spec.get("kinds", ["actor"]), where),
                    subject_kinds=_kinds(spec.get("subject_kinds", ["actor"]), where),
                    about=spec.get("about"),
                )
            )
    return tuple(out)


@cache
def _surface_pattern() -> re.Pattern[str]:
    """Word starts that may be an inflection of a trigger lemma: the lemma less a final 'e' or
    'y' ('provid', 'appl'), plus the irregular forms spaCy's own exception table knows ('gave',
    'led', 'sought')."""
    lemmas = set()
    for pattern in patterns():
        lemmas |= pattern.words
    stems = {w[:-1] if len(w) > 3 and w[-1] in "ey" else w for w in lemmas}
    irregular: set[str] = set()
    try:
        from loaders.nlp.model import pipeline

        table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in ("verb", "noun", "adj"):
            for form, lemma_list in table[pos].items():
                if any(x in lemmas for x in lemma_list):
                    irregular.add(form)
    except Exception:  # noqa: BLE001 - without the table, the stems still catch regular forms
        pass
    words = sorted(stems | irregular, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + ")", re.I)


_LIST_AFTER = re.compile(r"^(?:They|These|Those)\s+(?:are|were|include|included)\b")
_DONE = re.compile(r"\b(?:I|[Ww]e)(?:['’]ve|\s+have)\s")
_WILL_DO = re.compile(
    r"\b(?:I|[Ww]e)(?:['’]ll|\s+will|\s+shall)\s"
)  # "I will campaign to ..." (COMMITTED_TO, modal)


def worth_parsing(sentence: str) -> bool:
    """A sum of money, a word that may be a trigger of some family, or a list naming who the
    sentence before described ("They are Deloitte, Nomura ...")."""
    return (
        "£" in sentence
        or _surface_pattern().search(sentence) is not None
        or bool(_LIST_AFTER.match(sentence))
        or _DONE.search(sentence) is not None  # "I have frozen TfL fares" (COMMITTED_TO, perfect)
        or _WILL_DO.search(sentence) is not None
    )
