"""Speaker turns of a transcript: "Sadiq Khan (Mayor of London): ...", "Len Duvall AM: ...".

Transcripts of Mayor's Question Time, plenaries and committees print each turn as a line that
starts with the speaker, post-nominals and a role in brackets, then a colon::

    Jennette Arnold OBE AM (Chair): We now move to questions on the budget ...
    Len Duvall AM: Can you tell us if there are any technical changes ...
    Sadiq Khan (Mayor of London): Yes, there are some changes to the budget ...
    Boris Johnson (): No, the answer is ...          (a copy that dropped the role's words)

`read_turns` returns the turns in order; each becomes a zone of kind "turn" with its speaker,
and the role in brackets gives an office fact (layer "layout"): "(Mayor of London)" and the like
give HOLDS_OFFICE; "(Chair)", "(Chairman)" give CHAIRS of the meeting's body (the London
Assembly unless the transcript names a committee).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.facts import Entity, slug
from loaders.actors import post_entity, resolve_name
from loaders.document import Doc, Zone
from loaders.names.linker import linker_for
from loaders.names.people import HONORIFICS

__all__ = ["Turn", "read_turns", "role_fact", "TURN", "TITLED_LABEL", "QUESTION_NUMBER", "inline_turns"]

# one line: a label never runs over a line break ("The Mayor" above "Roger Evans AM (Chairman):")
_NAME = r"[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,4}"
_TURN_BODY = (
    rf"(?P<who>{_NAME}?)(?P<post>(?:[ \t]+(?:AM|MP|OBE|CBE|MBE|QPM|KC|QC|JP|DL))*)[ \t]*"
    rf"(?:\((?P<role>[^()\n]{{0,80}})\))?[ \t]*:[ \t]+(?=\S)"
)
TURN = re.compile(rf"^[ \t]*{_TURN_BODY}", re.M)
# a transcript whose lines a copy ran together: a turn starts after a sentence's end, and names its
# speaker with a role in brackets ("... in the news. Andy Morgan (Superintendent, MPS): Yes, ...")
_INLINE_TURN = re.compile(
    rf"(?<=[.?!:”\"’)][ ])(?P<who>{_NAME})(?P<post>(?:[ ]+(?:AM|MP|OBE|CBE|MBE|QPM|KC|QC|JP|DL))*)[ ]*"
    rf"\((?P<role>[^()\n]{{1,80}})\)[ ]*:[ ]+(?=\S)"
)
_FLAT_LINE = 1500  # a line this long holds a flattened page
_CHAIR_ROLE = re.compile(r"^(?:Chair|Chairman|Chairwoman|Chairperson)$", re.I)
_SKIP_ROLE = re.compile(r"^(?:AM|MP|Member|Assembly\s+Member|)$", re.I)
_NOT_SPEAKER = re.compile(
    r"^(?:Question|Answer|Date|Time|Item|Subject|Report|Appendix|Note|Notes|Minutes|Motion|Title|Source|Tel|Email|Contact|Present|Apologies|Published|Created|Session|Meeting|Reference|Decision|Type)\b",
    re.I,
)


def inline_turns(text: str) -> list[re.Match]:
    """Turns of a transcript copied onto long lines; none unless a line is that long."""
    if not any(len(line) > _FLAT_LINE for line in text.splitlines()):
        return []
    return list(_INLINE_TURN.finditer(text))


@dataclass(frozen=True)
class Turn:
    speaker: Entity
    role: str | None
    start: int  # of the line
    text_start: int  # of the words spoken
    end: int  # of the turn (the next turn's line, or the end)
    label_span: tuple[int, int]  # "Sadiq Khan (Mayor of London)"


def read_turns(doc: Doc, body: Entity | None = None, min_turns: int = 2) -> list[Turn]:
    """The turns of `doc` (none unless there are at least `min_turns`), with zones and office
    facts added; `body` is the meeting's body that a "(Chair)" chairs."""
    text = doc.text
    found = []
    matches = list(TURN.finditer(text))
    if len(matches) < min_turns:
        matches = sorted([*matches, *inline_turns(text)], key=lambda m: m.start())
    for m in matches:
        who = QUESTION_NUMBER.sub("", m.group("who").strip())
        if not who or _NOT_SPEAKER.match(who) or len(who.split()) > 5:
            continue
        speaker = _speaker(doc, who, m.group("post") or "", m.start("who") + m.group("who").find(who))
        if speaker is None:
            continue
        found.append((m, speaker))
    if len(found) < min_turns:
        return []
    turns: list[Turn] = []
    for i, (m, speaker) in enumerate(found):
        end = found[i + 1][0].start() if i + 1 < len(found) else len(text)
        role = (m.group("role") or "").strip() or None
        label_end = m.end() - len(m.group(0)) + len(m.group(0).rstrip().rstrip(":").rstrip())
        label = (m.start("who"), label_end)
        turns.append(Turn(speaker, role, m.start(), m.end(), end, label))
        doc.zones.append(Zone("turn", m.end(), end, speaker=speaker))
        role_fact(doc, speaker, role, label, body)
    return turns


# a select committee's evidence numbers its questions before the speaker, named by title and
# surname: "Q60  Ms Buck: ..."
QUESTION_NUMBER = re.compile(r"^Q\d+[ \t]+")
TITLED_LABEL = re.compile(rf"(?:{'|'.join(HONORIFICS)})\.?[ \t]+[A-Z]")


def _speaker(doc: Doc, who: str, post: str, start: int) -> Entity | None:
    """Who a turn's label names: the registry's or a written-out person, the person the
    document's mentions read there ("Mr Livingstone" in a 2008 transcript), else, for a title
    and a surname the registry does not know ("Ms Buck"), a person by that label."""
    if who.isupper() and len(who) > 3:
        who = who.title()  # "ANDREW MARR:", "KEN LIVINGSTONE:": a broadcaster's transcript
    named = resolve_name(doc.registry, who + post, doc.ref_date)
    if named is not None:
        return named.actor
    if doc.mentions is not None:
        m = doc.mentions.covering(start)
        if m is not None and m.entity.label == "Person" and m.end >= start + len(who) - 1:
            return m.entity
    if TITLED_LABEL.match(who) and len(who.split()) == 2:
        title, surname = who.replace(".", "").split()[0], who.split()[-1]
        known = linker_for(doc.registry).people.resolve(surname, title, {})
        if known is not None:
            return known  # "Mr Livingstone": the registry's one Livingstone
        name = f"{title} {surname}"
        return Entity(name=name, label="Person", id=slug(name))
    return None


def role_fact(
    doc: Doc, speaker: Entity, role: str | None, span: tuple[int, int], body: Entity | None
) -> None:
    """The office a turn's label gives its speaker: CHAIRS the meeting's body for "Chair",
    HOLDS_OFFICE of the post otherwise, unless the registry says someone else held it then."""
    if not role or _SKIP_ROLE.match(role) or speaker.label != "Person":
        return
    if re.search(r"\b(?:of|for|the|and)\s*$", role):
        return  # a copy that dropped the role's last words ("Mayor of ")
    if _CHAIR_ROLE.match(role):
        chaired = body or (
            doc.registry.find("London Assembly").entity if doc.registry.find("London Assembly") else None
        )
        if chaired is not None:
            doc.facts.add("CHAIRS", speaker, chaired, span, layer="layout")
        return
    if re.match(r"(?i)^deputy\s+chair", role):
        return
    post = post_entity(doc.registry, role)
    if post is None:
        return
    holder = resolve_name(doc.registry, role, doc.ref_date)
    if (
        holder is not None
        and holder.actor.label == "Person"
        and holder.actor.id != speaker.id
        and holder.post is not None
    ):
        return  # the registry says someone else held it then: a role we cannot trust
    doc.facts.add("HOLDS_OFFICE", speaker, post, span, layer="layout")
