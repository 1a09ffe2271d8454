"""Who 'he' or 'she' is: the person in focus, one rule for every layer.

News and press releases name a speaker, then go on with a pronoun ("But Mr Coleman criticised Mr
Livingstone ... He said: ..."; "The Tories were challenged by Labour's Onkar Sahota, who claimed
they were looking to criticise Khan. '...,' he said"). The person in focus is the first person
named, outside quotation marks, in the nearest sentence that names one (the pronoun's own sentence
up to the pronoun first): the subject the text is about, not merely the last name written.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from graph.facts import Entity
from loaders.names.mentions import DocMentions

__all__ = ["inside_quotation", "person_in_focus", "person_titled", "agrees", "is_first_name"]

FIRST_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "first_names.toml"
_BACK = 10  # sentences looked back
_PRONOUN = re.compile(r"(?i)(?:he|him|his|she|her|hers)\b")
_FEMALE = re.compile(r"(?:Ms|Mrs|Miss|Dame|Lady|Baroness)\.?\s+$")
_MALE = re.compile(r"(?:Mr|Sir|Lord)\.?\s+$")


@cache
def _first_names() -> dict[str, str]:
    """First name -> "f" or "m" (loaders/data/first_names.toml)."""
    data = tomllib.loads(FIRST_NAMES_FILE.read_text(encoding="utf-8"))
    return {name: g for g, key in (("f", "female"), ("m", "male")) for name in data[key]}


def is_first_name(word: str) -> bool:
    """Whether a word is a common first name (loaders/data/first_names.toml)."""
    return word in _first_names()


def _genders(mentions: DocMentions) -> dict[str, str]:
    """Whom the page itself calls Ms or Mr ("Ms Rudd", "Mr Khan"), else whose first name tells
    ("Theresa May"): their id -> "f" or "m"."""
    known = mentions.genders
    if known is None:
        known = {}
        names = _first_names()
        for m in mentions.mentions:
            if m.entity.label == "Person" and m.entity.name.split()[0] in names:
                known.setdefault(m.entity.id, names[m.entity.name.split()[0]])
        text = mentions.text
        for m in mentions.mentions:
            if m.entity.label != "Person":
                continue
            before = text[max(0, m.start - 10) : m.start]
            own = text[m.start : m.end]
            word = (
                before
                if not re.match(r"(?:Ms|Mrs|Miss|Dame|Lady|Baroness|Mr|Sir|Lord)\b", own)
                else own.split()[0] + " "
            )
            if _FEMALE.search(word):
                known[m.entity.id] = "f"  # a title wins over a first name
            elif _MALE.search(word):
                known[m.entity.id] = "m"
        mentions.genders = known
    return known


# "When asked by Susan Hall", "Asked by Liberal Democrat AM Caroline Pidgeon": the asker, titles between
_BY = re.compile(r"\bby\s+(?:[A-Z][\w'’-]*\s+){0,4}$")


def agrees(mentions: DocMentions, pos: int, person_id: str) -> bool:
    """Whether the pronoun at `pos` may stand for the person: not "he" for someone the page calls
    Ms, nor "she" for someone it calls Mr."""
    pronoun = _PRONOUN.match(mentions.text, pos)
    if not pronoun:
        return True
    wanted = "f" if pronoun.group(0).lower().startswith(("she", "her")) else "m"
    return _genders(mentions).get(person_id, wanted) == wanted


def inside_quotation(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside quotation marks opened after `start` (a sentence's start)."""
    span = text[start:pos]
    return span.count("“") > span.count("”") or span.count('"') % 2 == 1


def person_in_focus(
    mentions: DocMentions,
    sentences: Sequence[tuple[int, int]],
    pos: int,
    quoted: Callable[[int, int], bool] | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    starts: Sequence[int] | None = None,
) -> Entity | None:
    """The person in focus at `pos`, or None when no sentence near before names one.

    `quoted(sentence_start, offset)` says whether an offset is inside someone's quoted words
    (default: quotation marks counted within the sentence); people in `skip` (by id) are passed
    over (whoever says "I" there is not "him"); `starts` are the sentences' starts when the
    caller keeps them (a long document has many pronouns)."""
    text = mentions.text
    pronoun = _PRONOUN.match(text, pos)
    wanted = pronoun and ("f" if pronoun.group(0).lower().startswith(("she", "her")) else "m")
    genders = _genders(mentions) if wanted else {}
    subject_pronoun = bool(pronoun) and pronoun.group(0).lower() in ("he", "she", "they")
    i = bisect_right(starts if starts is not None else [s for s, _ in sentences], pos) - 1
    for k in range(i, max(-1, i - _BACK), -1):
        s0, s1 = sentences[k]
        for m in mentions.between(s0, min(s1, pos)):
            # an office whose holder is unknown stands for its holder, in the pronoun's own
            # sentence ("the work of the Mayor and his Office")
            if (
                m.entity.label != "Person"
                and not (m.entity.label == "Post" and k == i)
                or m.entity.id in skip
            ):
                continue
            if genders.get(m.entity.id, wanted) != wanted:
                continue  # "He said Ms Rudd had failed": he is not the one the page calls Ms
            if k == i and subject_pronoun and _BY.search(text, max(s0, m.start - 60), m.start):
                continue  # "When asked by Susan Hall if ..., he said": he is not the asker
            if quoted(s0, m.start) if quoted is not None else inside_quotation(text, s0, m.start):
                continue
            return m.entity
    return None


# a phrase that is a title only: "the Home Office minister", "the commissioner"
_ROLE_AT_END = re.compile(r"(?i)\b(?P<role>minister|secretary|commissioner|chancellor)\s*$")


def person_titled(mentions: DocMentions, start: int, end: int) -> Entity | None:
    """Whom a phrase that is only a title (text[start:end], "the Home Office minister") stands
    for: the last person named before it with that title written right before the name
    ("Policing Minister Kit Malthouse"), else None."""
    role = _ROLE_AT_END.search(mentions.text, start, end)
    if role is None:
        return None
    word = re.compile(rf"(?i)\b{role.group('role')}\s+$")
    for m in reversed(mentions.before(start)):
        if m.entity.label == "Person" and word.search(mentions.text, max(0, m.start - 40), m.start):
            return m.entity
    return None
