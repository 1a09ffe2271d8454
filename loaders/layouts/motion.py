"""London Assembly motions and the motions items of plenary minutes.

Layouts read::

    Key information                          12.1  Stephen Knight AM moved and Tom Copley AM
    Date: Wednesday 26th January 2022              seconded the following motion:
    Motion detail                            "This Assembly notes: ...
    Caroline Russell AM proposed, and Sian    This Assembly therefore calls on the Mayor to ..."
    Berry AM seconded, the following motion:
    "This Assembly notes: ...
    This Assembly therefore calls on the Mayor to ..."
    Following debate ... the motion was agreed ...
    Mayor's Response to Motion

The motion is a zone whose speaker is the London Assembly ("This Assembly") and whose addressee
is the Mayor on the meeting's date. Facts (layer "layout"): the London Assembly ASKED the one the
motion calls on (about = the motion's title, date = the meeting), the proposer ASKED the same,
and the Mayor REPLIED_TO the London Assembly where the page carries the Mayor's response. The
motion's own sentences (what it denounces, welcomes, calls for) are left to the language layers.
"""

from __future__ import annotations

import re

from loaders.actors import resolve_name
from loaders.document import Doc, Zone
from loaders.layouts.base import first_date, lines, trim

NAME = "motion"

_MOVED = re.compile(
    r"(?P<proposer>[A-Z][^\n,]{2,60}?)\s+(?:proposed|moved)\s*,?\s*(?:and\s+(?P<seconder>[A-Z][^\n,]{2,60}?)\s+seconded\s*,?\s*)?"
    r"(?:the\s+following\s+)?(?:motion|amendment)\s*:?"
    # "The following motion has been proposed in the name of Léonie Cooper AM and will be seconded by ..."
    r"|(?:motion|amendment)\s+(?:has\s+been|was)\s+(?:proposed|moved|tabled)\s+(?:in\s+the\s+name\s+of|by)\s+"
    r"(?P<proposer2>[A-Z][^\n,]{2,60}?)(?=\s+(?:and|AM\b|:)|[:,.])",
)
_THIS_ASSEMBLY = re.compile(
    r"\bThis\s+Assembly\s+(?:notes|calls|believes|resolves|urges|welcomes|agrees|asks|requests|denounces|regrets|"
    r"further|condemns|deplores|supports|recognises|recognizes|congratulates|expresses|reaffirms|is|also)\b"
)
_CALLS = re.compile(
    r"\b(?:calls?\s+(?:on|upon)|call\s+that|urges|asks|requests|instructs|mandates)\s+(?:the\s+)?(?P<who>Mayor|Government|Secretary\s+of\s+State|Chancellor|Prime\s+Minister|[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,5})"
)
_RESPONSE = re.compile(
    r"^[ \t]*(?:The\s+)?Mayor'?’?s\s+Response\s+to\s+(?:the\s+)?Motion\b[^\n]*$", re.M | re.I
)
_DATE_LABEL = re.compile(
    r"^[ \t]*(?:Date|Meeting\s+date|Date\s+of\s+meeting)\s*:?\s*(?P<d>[^\n]{4,60})$", re.M | re.I
)
_DETAIL = re.compile(r"^[ \t]*Motion\s+detail\s*$", re.M | re.I)
_NOT_TITLE = re.compile(r"(?i)key information|agenda item|date\b|time\b|motion detail|minutes|motions?$")


def detect(text: str) -> bool:
    head = text[:6000]
    return bool(_MOVED.search(head) or _DETAIL.search(head)) and bool(_THIS_ASSEMBLY.search(text))


def read(doc: Doc) -> None:
    text = doc.text
    doc.genre = "motion"
    label = _DATE_LABEL.search(text[:3000])
    date = first_date(label.group("d")) if label else None
    date = date or first_date(text[:600]) or doc.date
    doc.date = date
    doc.ref_date = date or doc.ref_date
    moved = _MOVED.search(text[:6000])
    start = moved.end() if moved else (_DETAIL.search(text).end() if _DETAIL.search(text) else 0)
    first = _THIS_ASSEMBLY.search(text, start)
    if first is None:
        return
    m_start = first.start()
    # back up to an opening quotation mark on the same line
    line_start = text.rfind("\n", 0, m_start) + 1
    q = max(text.rfind("“", line_start, m_start), text.rfind('"', line_start, m_start))
    m_start = q if q != -1 else m_start
    end_m = re.search(
        r"^[ \t]*(?:Following\s+debate|Upon\s+being\s+put|The\s+motion\s+was|Response\s+to\s+motion|Mayor'?’?s\s+Response)",
        text[m_start:],
        re.M | re.I,
    )
    m_end = m_start + end_m.start() if end_m else len(text)
    span = trim(text, m_start, m_end)
    doc.title = doc.title if doc.title and not _NOT_TITLE.match(doc.title) else _title(doc, moved)
    assembly = doc.registry.find("London Assembly")
    mayor_entry = doc.registry.holder("mayor-of-london", doc.ref_date)
    mayor = (
        mayor_entry.entity
        if mayor_entry
        else (doc.registry.find("Mayor of London").entity if doc.registry.find("Mayor of London") else None)
    )
    assembly_ent = assembly.entity if assembly else None
    doc.zones.append(
        Zone("motion", span[0], span[1], speaker=assembly_ent, addressee=mayor, about=doc.title, date=date)
    )
    doc.author = assembly_ent
    doc.addressee = mayor
    body = text[span[0] : span[1]]
    asked = []
    for c in _CALLS.finditer(body):
        who = c.group("who")
        target = mayor if who == "Mayor" else None
        if target is None:
            named = resolve_name(doc.registry, who, doc.ref_date)
            target = named.actor if named else None
        if target is not None:
            sent_start = max(body.rfind(". ", 0, c.start()) + 2, body.rfind("\n", 0, c.start()) + 1, 0)
            sent_end = body.find(".", c.end())
            sent_end = len(body) if sent_end == -1 else sent_end + 1
            asked.append((target, (span[0] + sent_start, span[0] + sent_end)))
    if not asked and mayor is not None and not _CALLS.search(body) and re.search(r"\bthe\s+Mayor\b", body):
        asked.append((mayor, span))
    if doc.title is None and asked:
        # no title on the page: what the motion calls for names it
        s0, e0 = asked[0][1]
        call = re.search(
            r"\b(?:calls?\s+(?:on|upon)|urges|asks|requests)\s+[^.]*?\bto\s+(?P<what>[^.\"”]+)", text[s0:e0]
        )
        doc.title = " ".join(call.group("what").split()) if call else None
    seen = set()
    for target, ev in asked:
        if target.id in seen:
            continue
        seen.add(target.id)
        doc.facts.add("ASKED", assembly_ent, target, ev, layer="layout", date=date, about=doc.title)
        if moved is not None:
            named = resolve_name(
                doc.registry, moved.group("proposer") or moved.group("proposer2"), doc.ref_date
            )
            if named is not None and named.actor.label == "Person":
                doc.facts.add(
                    "ASKED",
                    named.actor,
                    target,
                    trim(text, moved.start(), moved.end()),
                    layer="layout",
                    date=date,
                    about=doc.title,
                )
    response = _RESPONSE.search(text, span[1] if span else 0)
    if response is not None and mayor is not None and assembly_ent is not None:
        doc.facts.add(
            "REPLIED_TO",
            mayor,
            assembly_ent,
            (response.start(), response.end()),
            layer="layout",
            about=doc.title,
        )


def _title(doc: Doc, moved) -> str | None:
    for _s, _e, line in lines(doc.text, 0, moved.start() if moved else 400):
        if _NOT_TITLE.match(line):
            continue
        if re.search(r"[A-Za-z]{3}", line) and len(line) < 150:
            return line
    return None
