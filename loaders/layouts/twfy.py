"""TheyWorkForYou's London Assembly pages: Mayor's questions republished by mySociety.

Layout read::

    Decisions and challenges                                         (the question's title)
    Questions to the Mayor of London – answered at on 23 January 2020.
    Susan Hall Conservative                                          (a speaker line: name, group)
    Do you think you've always been honest with Londoners ...?
    Sadiq Khan Mayor of London                                       (a speaker line: name, office)
    I think it is somewhat ironic that ...

A speaker line is a whole line that is a person's name and then their party group or office,
with no colon. Each line starts a turn (loaders.layouts.turns.Turn, a zone that resolves "I" and
"you"). A member's group gives MEMBER_OF that group and an office HOLDS_OFFICE (layer "layout");
each member whose question the Mayor answers in the next turn ASKED the Mayor and the Mayor
REPLIED_TO them (about = the title, date = the date the page says the question was answered).
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.actors import looks_like_person, resolve_name
from loaders.document import Doc, Zone
from loaders.layouts.base import first_date, lines
from loaders.layouts.transcript import exchanges_with_the_mayor, mayor_in
from loaders.layouts.turns import Turn, role_fact
from loaders.offices import party_entity

NAME = "theyworkforyou"

# "Questions to the Mayor of London – answered at on 23 January 2020." (TheyWorkForYou's heading)
_HEADING = re.compile(
    r"^[ \t]*Questions?[ \t]+to[ \t]+the[ \t]+Mayor\b[^\n]{0,40}?[–—-][ \t]*answered\b[^\n]*$", re.M | re.I
)
# the group a member sits in, as TheyWorkForYou prints it after the name
_GROUP = re.compile(
    r"(?:Conservative|Labour(?:/Co-operative)?|Liberal[ ]Democrat|Green|UKIP|Reform[ ]UK|Brexit[ ]Alliance"
    r"|Independent|One[ ]London|Veritas|Respect)",
)
# an office TheyWorkForYou prints after the name of whoever answers
_OFFICE = re.compile(
    r"(?:Deputy[ ])?Mayor(?:[ ]of[ ]London|[ ]for[ ][A-Z][\w ,&]{2,60})|Chair(?:man)?|Statutory[ ]Deputy[ ]Mayor"
)
_MAX_LABEL = 90


def detect(text: str) -> bool:
    return _HEADING.search(text[:2000]) is not None


def read(doc: Doc) -> None:
    text = doc.text
    heading = _HEADING.search(text[:2000])  # detect() found it
    date = first_date(heading.group(0))
    doc.genre = "question_answer"
    doc.date = date or doc.date
    doc.ref_date = doc.date or doc.ref_date
    title = next((line for _s, _e, line in lines(text, 0, heading.start())), None)
    doc.title = title or doc.title
    turns = speaker_turns(doc)
    mayor = mayor_in(doc, turns)
    if mayor is not None:
        exchanges_with_the_mayor(doc, turns, mayor, date)


def speaker_turns(doc: Doc) -> list[Turn]:
    """The page's turns, one per speaker line, with their zones and the group or office facts."""
    text = doc.text
    labels = []
    for s, e, line in lines(text, 0, len(text)):
        found = _label(doc, line)
        if found is not None:
            labels.append((s, e, *found))
    turns: list[Turn] = []
    for i, (s, e, speaker, role) in enumerate(labels):
        end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        turns.append(Turn(speaker, role, s, e, end, (s, e)))
        doc.zones.append(Zone("turn", e, end, speaker=speaker))
        _role_fact(doc, speaker, role, (s, e))
    return turns


def _label(doc: Doc, line: str) -> tuple[Entity, str] | None:
    """(speaker, role) when the line is a speaker line: a person's name, then a group
    or an office, and nothing else."""
    stripped = line.strip()
    if len(stripped) > _MAX_LABEL or stripped[-1:] in ".?!:;," or not stripped[:1].isupper():
        return None
    words = stripped.split()
    for k in (2, 3, 4):
        if len(words) <= k:
            break
        who, role = " ".join(words[:k]), " ".join(words[k:])
        if not (_GROUP.fullmatch(role) or _OFFICE.fullmatch(role)):
            continue
        named = resolve_name(doc.registry, who, doc.ref_date)
        if named is not None and named.actor.label == "Person":
            speaker = named.actor
        elif named is None and looks_like_person(who):
            speaker = Entity(name=who, label="Person", id=slug(who))
        else:
            continue
        return speaker, role
    return None


def _role_fact(doc: Doc, speaker: Entity, role: str, span: tuple[int, int]) -> None:
    """A group gives MEMBER_OF the Assembly's group of that party; an office is read as a
    transcript's role in brackets is (loaders.layouts.turns.role_fact)."""
    if _GROUP.fullmatch(role):
        group = party_entity(doc.registry, role, group=True)
        if group is not None:
            doc.facts.add("MEMBER_OF", speaker, group, span, layer="layout")
        return
    role_fact(doc, speaker, role, span, body=None)
