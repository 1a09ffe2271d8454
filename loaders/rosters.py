"""A body's membership printed as a list under its name, as committee reports print it::

    The Transport Committee

    Roger Evans - Chairman (Conservative)
    Geoff Pope - Deputy Chair (Liberal Democrat)
    John Biggs - Labour

A line that names one body and nothing else, followed by at least three lines that each start
with a person and go on only with a role and a party, gives each person MEMBER_OF the body, a
chair CHAIRS it and a deputy chair HOLDS_OFFICE "Deputy Chair of <body>" (layer "layout"; the
evidence is the member's own line). A list of those present at a meeting has no body's name
above it and gives nothing here.
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.actors import post_entity, resolve_name
from loaders.document import Doc
from loaders.layouts.base import LIST_MARK, lines
from loaders.names.people import COURTESY_WORDS
from loaders.offices import meeting_body

__all__ = ["find_rosters"]

_MIN_MEMBERS = 3
# what may follow a member's name: separators, a role, a party, post-nominals
_REST = re.compile(
    r"^[ \t]*(?:AM\b|MP\b|OBE\b|CBE\b|MBE\b|[-–—,:(][ \t]*)*"
    r"(?P<role>(?:Deputy[ \t]+|Vice[ \t-]+)?(?:Chair(?:man|woman|person)?))?"
    r"[ \t]*[-–—,(]*[ \t]*(?:Labour|Conservatives?|Liberal[ \t]+Democrats?|Lib[ \t]+Dem|Green|UKIP|One[ \t]+London|"
    r"Independent|Reform(?:[ \t]+UK)?|Brexit[ \t]+Alliance|Non-aligned)?[ \t)]*(?:AM)?[ \t]*$",
    re.I,
)
# a sentence that introduces a membership list: "That the membership ... be noted:"
_LIST_INTRO = re.compile(r"(?i)\bmembers(?:hip)?\b[^:]*:\s*$")
_HEADING_WORDS = re.compile(r"(?i)^(?:the|members?(?:hip)?|of|:|\s)*$")


def find_rosters(doc: Doc) -> None:
    """Add the facts of every membership list and every list of guests in `doc`."""
    text = doc.text
    rows = list(lines(text, 0, len(text)))
    _guests(doc, rows)
    _present(doc, rows)
    i = 0
    while i < len(rows):
        body = _heading_body(doc, *rows[i])
        if body is None:
            i += 1
            continue
        members = []
        j = i + 1
        while j < len(rows):
            member = _member(doc, *rows[j])
            if member is None:
                break
            members.append(member)
            j += 1
        if len(members) >= _MIN_MEMBERS:
            for person, role, span in members:
                _add(doc, body, person, role, span)
            i = j
        else:
            i += 1


def _heading_body(doc: Doc, start: int, end: int, line: str) -> Entity | None:
    """The body a line names and does no more than name ('The Transport Committee'), or the body
    whose membership a minute's sentence introduces ('That the membership ... for the Committee
    ... be noted:'; "the Committee" is the committee the document last named)."""
    if len(line) <= 300 and _LIST_INTRO.search(line):
        bodies = [m for m in doc.mentions.between(start, end) if m.entity.label == "Organization"]
        if len(bodies) == 1:
            return bodies[0].entity
        generic = re.search(r"(?i)\bthe\s+(committee|board|panel|authority)\b", line)
        if not bodies and generic:
            head = generic.group(1).lower()
            for m in reversed(doc.mentions.before(start)):
                if m.entity.label == "Organization" and m.entity.name.lower().endswith(head):
                    return m.entity
        return None
    if len(line) > 90:
        return None
    found = [m for m in doc.mentions.between(start, end) if m.entity.label == "Organization"]
    if len(found) != 1:
        return None
    m = found[0]
    rest = doc.text[start : m.start] + doc.text[m.end : end]
    return m.entity if _HEADING_WORDS.match(rest) else None


def _member(doc: Doc, start: int, end: int, line: str) -> tuple[Entity, str | None, tuple[int, int]] | None:
    """(person, role, span) when the line is a person and only a role or party after it."""
    if len(line) > 90:
        return None
    found = doc.mentions.between(start, end)
    if not found or found[0].entity.label != "Person" or found[0].kind == "office":
        return None
    first = found[0]
    if doc.text[start : first.start].strip(" \t•·-–*"):
        return None
    rest = _REST.match(doc.text[first.end : end])
    if rest is None:
        return None
    stripped = doc.text[start:end]
    lead = len(stripped) - len(stripped.lstrip(" \t•·-–*"))
    return first.entity, rest.group("role"), (start + lead, end)


def _add(doc: Doc, body: Entity, person: Entity, role: str | None, span: tuple[int, int]) -> None:
    doc.facts.add("MEMBER_OF", person, body, span, layer="layout")
    if not role:
        return
    if re.match(r"(?i)deputy|vice", role):
        full = max((body.name, *body.aliases), key=len)  # "London Assembly Transport Committee"
        post = post_entity(doc.registry, f"Deputy Chair of the {full}")
        if post is not None:
            doc.facts.add("HOLDS_OFFICE", person, post, span, layer="layout")
    else:
        doc.facts.add("CHAIRS", person, body, span, layer="layout")


# a list of guests an Assembly body will question, one a line below: "The guests are:",
# "... as background to putting questions to the following invited guests:"
_GUESTS_INTRO = re.compile(
    r"(?i)\b(?:the\s+(?:invited\s+)?guests?\s+(?:are|were|will\s+be|include[sd]?)|put(?:ting)?\s+questions\s+to|"
    r"invited\s+guests|question\s+and\s+answer\s+session\s+with|will\s+(?:question|hear\s+from))\b[^:\n]*:\s*$"
)


def _guests(doc: Doc, rows: list[tuple[int, int, str]]) -> None:
    """Each guest listed under an intro to questioning: the Assembly body that holds the session
    (named in the intro, else the last one named before it) ASKED them."""
    for k, (start, end, line) in enumerate(rows):
        if len(line) > 300 or not _GUESTS_INTRO.search(line):
            continue
        body = _asking_body(doc, start, end)
        if body is None:
            continue
        for g_start, g_end, g_line in rows[k + 1 : k + 12]:
            found = doc.mentions.between(g_start, g_end)
            first = found[0] if found else None
            if (
                first is None
                or first.entity.label != "Person"
                or doc.text[g_start : first.start].strip(" \t•·-–*")
            ):
                if LIST_MARK.match(g_line):
                    continue  # a guest the page names in a way not read as a person: the list goes on
                break
            doc.facts.add("ASKED", body, first.entity, (g_start, g_end), layer="layout", date=doc.date)


def _asking_body(doc: Doc, start: int, end: int) -> Entity | None:
    named = [m.entity for m in doc.mentions.between(start, end) if doc.registry.is_assembly_body(m.entity.id)]
    if named:
        return named[0]
    before = doc.mentions.before(start, max(0, start - 1500))
    return next((m.entity for m in reversed(before) if doc.registry.is_assembly_body(m.entity.id)), None)


# the heading of the list of a meeting's members: "Members", "Present:", "Members present:"
_PRESENT_HEADING = re.compile(
    r"(?i)^(?:(?:board|authority|committee|assembly)\s+)?(?:members(?:\s+present)?|present)(?:\s*[:\-–])?$"
)
# what may stand around a present member's name: titles, post-nominals, a role in brackets
_PRESENT_REST = re.compile(
    r"^[\s,]*(?:AM|MP|[A-Z]{2,4}|\([^()\n]{1,60}\))?[\s,]*(?:\([^()\n]{1,60}\))?[\s,]*$"
)


def _present(doc: Doc, rows: list[tuple[int, int, str]]) -> None:
    """Those present at a body's meeting, listed one a line in its minutes: the members listed under
    "Members" or "Present" (or, as the minutes' first list, straight under their head) are
    MEMBER_OF the meeting's body. A member with a role in brackets ("Toby Harris (Chair)") has its
    office from loaders/offices.py instead; the lists under "MPA staff", "Also present",
    "Apologies" have no heading of members and give nothing."""
    if not _MINUTES.search(doc.text[:300]):
        return
    body = meeting_body(doc)
    if body is None:
        return
    for start, end, line in rows:
        label = _MEMBERS_LINE.match(line)
        if label:
            _members_in_a_line(doc, body, start + label.end(), end)
    flat = _PRESENT_FLAT.search(doc.text, 0, 3000)
    if flat:
        _members_run_on(doc, body, flat.end())
    first = True
    i = 0
    while i < len(rows):
        members = []
        j = i
        while j < len(rows) and (member := _present_member(doc, *rows[j])) is not None:
            members.append(member)
            j += 1
        if len(members) < _MIN_MEMBERS:
            i += 1
            continue
        heading = rows[i - 1][2].strip(" \t•·*") if i > 0 else ""
        if _PRESENT_HEADING.match(heading) or first and i == 1 and _MINUTES.search(heading):
            _add_present(doc, body, members)
        first = False
        i = j


_MINUTES = re.compile(r"(?i)\bminutes\b|\btranscript\s+of\s+the\s+meeting\b")
# "Members: Kit Malthouse (Chairman), Reshard Auladin (Vice Chairman), John Biggs, ... and X."
_MEMBERS_LINE = re.compile(
    r"(?i)^(?:(?:board|authority|committee|assembly)\s+)?members(?:\s+present)?\s*:\s*"
)


# minutes whose lines a copy ran together: "Place: Virtual Meeting ... Present: Léonie Cooper AM (Chair)
# Shaun Bailey AM (Deputy Chairman) Unmesh Desai AM Susan Hall AM Observer Siân Berry AM 1 Apologies"
_PRESENT_FLAT = re.compile(r"\bPresent\s*:\s*(?=\S[^\n]{40})")
_BETWEEN_MEMBERS = re.compile(r"^(?:[ \t]*(?:AM|MP|OBE|CBE|MBE|JP|DL|QPM|\([^()\n]{1,60}\)|,))*[ \t]*$")


def _members_run_on(doc: Doc, body: Entity, pos: int) -> None:
    """The members named one after another on a run-on line after "Present:": persons with
    nothing between them but post-nominals and roles in brackets, up to the first other word."""
    found = []
    last = pos
    for m in doc.mentions.between(pos, min(len(doc.text), pos + 1500)):
        if not _BETWEEN_MEMBERS.match(doc.text[last : m.start]) or m.entity.label != "Person":
            break
        role = _ROLE_AFTER.match(doc.text, m.end)
        last = role.end() if role else m.end
        found.append((m.entity, role.group(0) if role else None, (m.start, last)))
    if len(found) >= _MIN_MEMBERS:
        _add_present(doc, body, found)


_ROLE_AFTER = re.compile(r"(?:[ \t]+(?:AM|MP|OBE|CBE|MBE|JP))*[ \t]*\([^()\n]{1,60}\)")


def _members_in_a_line(doc: Doc, body: Entity, start: int, end: int) -> None:
    """The members a "Members:" line lists, split at commas and the last "and"; each one that is a
    person and nothing else (a role in brackets gives its office elsewhere) is MEMBER_OF the body."""
    text = doc.text
    found = []
    for part in re.finditer(r"[^,;]+", text[start:end]):
        for piece in re.split(r"\s+and\s+", part.group(0)):
            at = start + part.start() + part.group(0).find(piece)
            words = piece.strip().rstrip(".")
            if not words:
                continue
            s = at + piece.find(words)
            member = _present_member(doc, s, s + len(words), words)
            if member is not None:
                found.append(member)
    if len(found) >= _MIN_MEMBERS:
        _add_present(doc, body, found)


def _add_present(doc: Doc, body: Entity, members: list[tuple[Entity, str | None, tuple[int, int]]]) -> None:
    """MEMBER_OF the meeting's body for each member present without a role in brackets (a member
    with one, "Toby Harris (Chair)", has the role's office from loaders/offices.py instead)."""
    assembly = doc.registry.find("London Assembly")
    for person, role, span in members:
        if role is None:
            doc.facts.add("MEMBER_OF", person, body, span, layer="layout")
        if (
            assembly is not None
            and body.id != assembly.entity.id
            and _AM.search(doc.text, span[0], span[1] + 12)
        ):
            # "Tony Arbour AM" on a committee's list: an Assembly Member, as the letters say
            doc.facts.add("MEMBER_OF", person, assembly.entity, span, layer="layout")


_AM = re.compile(r"\bAM\b")


def _present_member(
    doc: Doc, start: int, end: int, line: str
) -> tuple[Entity, str | None, tuple[int, int]] | None:
    """(person, role in brackets or None, span) when a line is one person and nothing else but
    titles, post-nominals and a bracketed role."""
    if len(line) > 90:
        return None
    found = doc.mentions.between(start, end)
    if not found or len(found) == 1 and " " not in found[0].entity.name and found[0].kind == "ner":
        # a name nothing else on the page tells is a person's: "Anthony Arbour" (the tagger's
        # "Amanda" alone of "Amanda Sater" is a cut, whatever it took it for)
        bare = line.lstrip(" \t•·-–*")
        named = resolve_name(doc.registry, bare, doc.ref_date) if "(" not in bare else None
        if named is None or named.actor.label != "Person" or named.post is not None:
            return None
        return named.actor, None, (end - len(bare), end)
    if len(found) != 1 or found[0].entity.label != "Person" or found[0].kind == "office":
        return None
    person = found[0]
    lead = doc.text[start : person.start].strip(" \t•·-–*")
    if any(w.rstrip(".") not in COURTESY_WORDS for w in lead.split()):
        return None  # only titles before the name ("Sir John Quinton")
    rest = _PRESENT_REST.match(doc.text[person.end : end])
    if rest is None:
        return None
    role = re.search(r"\(([^()]+)\)", doc.text[person.end : end])
    stripped = doc.text[start:end]
    skip = len(stripped) - len(stripped.lstrip(" \t•·-–*"))
    return person.entity, role.group(1) if role else None, (start + skip, end)
