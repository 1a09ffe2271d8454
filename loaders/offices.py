"""Offices named beside people: "Name, Office", "Office, Name", "Name (Office)", "Title Name".

Real pages name a person's office in apposition: "Andy Bell, Assistant Commissioner, London
Fire Brigade", "London Fire Commissioner, Dany Cotton", "The Mayor of London, Boris Johnson,",
"Boris Johnson (Mayor of London)", "Deputy Mayor Stephen Greenhalgh", "Caroline Russell AM, Chair
of the London Assembly Environment Committee". An office that chairs a body gives CHAIRS of that
body; any other gives HOLDS_OFFICE of the post (a registry post when it matches, e.g. "Deputy
Mayor, Policing and Crime", else the post as written). "AM" after a name in such an apposition
gives MEMBER_OF the London Assembly. Layer "apposition".
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.actors import post_entity
from loaders.document import Doc

__all__ = ["find_offices", "OFFICE"]

_CAP = r"[A-Z][\w’'&.-]*"
_CONNECT = r"(?:and|of|for|the|on|in|&|at|to)"
# words that make a capitalised phrase an office
_HEAD = (
    r"(?:Mayor|Chair|Chairman|Chairwoman|Chairperson|Commissioner|Chief\s+Executive|Director|Secretary|"
    r"Leader|Head|President|Minister|Officer|Spokesperson|Spokesman|Spokeswoman|Founder|Co-founder|Lead|"
    r"Manager|Adviser|Advisor|Councillor|Constable|Commander|Superintendent|Editor|Governor|Treasurer|"
    r"Clerk|Coordinator|Chancellor|Ombudsman|Inspector|Champion|Convenor|Chief|Deputy|Correspondent|"
    r"Rapporteur|Principal|Dean|Chief\s+Fire\s+Officer|Cabinet\s+Member|Portfolio\s+Holder|Member)"
)
# an office: capitalised words ending in a head word, then "of/for X Y", then ", Body" parts
_OFFICE_CORE = rf"(?:{_CAP}\s+){{0,4}}{_HEAD}\b(?:\s+(?:of|for|at|to|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*)?"
OFFICE = re.compile(rf"{_OFFICE_CORE}(?:,\s+(?!(?:said|who|which|and)\b){_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*)*")
_OFFICE_AT_END = re.compile(rf"(?:^|(?<=[\s(•*-]))(?:(?:the|The|my|My|his|His|her|Her|our|Our|their|Their|London's|London’s)\s+)?(?P<office>{_OFFICE_CORE}),\s*$")
_CHAIR = re.compile(r"^(?:Deputy\s+|Vice[\s-]+)?(?P<role>Chair|Chairman|Chairwoman|Chairperson)(?:\s+of\s+(?:the\s+)?|,\s+)(?P<body>.+)$")
_SPLIT = re.compile(rf"\s+and\s+(?=(?:{_CAP}\s+){{0,3}}{_HEAD}\b)")
_NOT_OFFICE = re.compile(r"^(?:Member\s+of\s+the\s+public|Members\b|Officers\b|Chief\b$|Deputy\b$|Head\b$|Lead\b$)", re.I)
_AM = re.compile(r"\s+AM\b")


def find_offices(doc: Doc) -> None:
    """Add HOLDS_OFFICE, CHAIRS and MEMBER_OF facts for offices named beside people."""
    text = doc.text
    people = [m for m in doc.mentions.mentions if m.entity.label == "Person"]
    for m in people:
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end == -1 else line_end
        after = text[m.end : line_end]
        # "Name, Office ..." / "Name AM, Office" / "Name (Office)"
        office = None
        a = re.match(r"\s*,\s+", after)
        if a:
            om = OFFICE.match(text, m.end + a.end(), line_end)
            if om and _ends_well(text, om.end(), line_end):
                office = (om.start(), om.end())
        p = re.match(r"\s*\(\s*", after)
        if office is None and p:
            om = OFFICE.match(text, m.end + p.end(), line_end)
            if om and text[om.end() : om.end() + 1] == ")":
                office = (om.start(), om.end())
        line_start = text.rfind("\n", 0, m.start) + 1
        before = text[line_start : m.start]
        if office is None:
            bm = _OFFICE_AT_END.search(before)
            if bm:
                s = line_start + bm.start("office")
                office = (s, s + len(bm.group("office")))
        if office is None:
            tm = re.search(rf"(?:^|(?<=\s))(?P<title>(?:{_CAP}\s+){{0,3}}{_HEAD})\s+$", before)
            if tm and m.kind in ("person", "registry") and not re.search(r"\b(?:said|told)\s*$", before):
                s = line_start + tm.start("title")
                office = (s, s + len(tm.group("title")))
        if office is None:
            continue
        _office_facts(doc, m, office)


def _ends_well(text: str, end: int, line_end: int) -> bool:
    """An apposition ends at the line's end, a comma, a bracket, a full stop or a speech verb."""
    rest = text[end:line_end]
    return not rest.strip() or bool(re.match(r"\s*(?:[,.;:)]|(?:has|have|is|was|said|says|will|who)\b)", rest))


def _office_facts(doc: Doc, m, span: tuple[int, int]) -> None:
    text = doc.text
    phrase = text[span[0] : span[1]]
    if _NOT_OFFICE.match(phrase):
        return
    evidence = (min(m.start, span[0]), max(m.end, span[1]))
    person: Entity = m.entity
    stated = False
    pos = span[0]
    for part in _SPLIT.split(phrase):
        part_start = text.find(part, pos)
        pos = part_start + len(part)
        chair = _CHAIR.match(part)
        if chair:
            body = _body(doc, chair.group("body"))
            if body is not None:
                stated |= doc.facts.add("CHAIRS", person, body, evidence, layer="apposition") is not None
            continue
        post = post_entity(doc.registry, part)
        if post is None or (m.post is not None and m.post.id == post.id and m.kind == "office"):
            # "The Mayor of London, Sadiq Khan": the linker already made the office its holder
            if m.post is not None:
                stated |= doc.facts.add("HOLDS_OFFICE", person, m.post, evidence, layer="apposition") is not None
            continue
        stated |= doc.facts.add("HOLDS_OFFICE", person, post, evidence, layer="apposition") is not None
    surface = text[m.start : m.end + 4]
    if stated and _AM.search(surface):
        assembly = doc.registry.find("London Assembly")
        if assembly is not None:
            doc.facts.add("MEMBER_OF", person, assembly.entity, evidence, layer="apposition")


def _body(doc: Doc, words: str) -> Entity | None:
    name = " ".join(words.split()).strip(" ,.;:")
    if not name:
        return None
    for form in (name, re.sub(r"^London Assembly\s+", "", name), re.sub(r"^Assembly'?s?\s+", "", name)):
        entry = doc.registry.find(form)
        if entry is not None and entry.label == "Organization":
            return entry.entity
    return Entity(name=name, label="Organization", id=slug(name))
