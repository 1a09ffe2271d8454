"""Mayor's Question Time question pages (london.gov.uk, mqt.london.gov.uk, and their copies).

Layouts read (labels vary in case, colon and line breaks)::

    Low Emission Zone                      Barclays Cycle sponsorship
    MQT on 2007-05-23                      Question number4021/2010
    Session date:                          Meeting date15/12/2010
    May 23, 2007                           Question by Valerie Shawcross
    Question By:                           <question>
    Darren Johnson                         Answer by Boris Johnson (1st Term)
    City Hall Greens                       Officers are drafting a response ...
    Asked Of:                              Written response provided on 5 January 2011:
    The Mayor                              <answer>
    <question>
    Answer for Low Emission Zone
    Answered By:
    The Mayor
    <answer>

Facts of the page itself (layer "layout"): the asker ASKED the one asked (about = the title,
date = the session), the answerer REPLIED_TO the asker (date = the written response's date when
given, else the session), and the asker MEMBER_OF the party group printed under the name.
The question and answer become zones, so "you" and "I" inside them resolve to the right people.
"""

from __future__ import annotations

import re

from loaders.actors import resolve_name
from loaders.document import Doc, Zone
from loaders.layouts.base import (
    Field,
    add_answer,
    add_question,
    first_date,
    first_sentences,
    lines,
    read_fields,
    trim,
)
from loaders.layouts.turns import TURN

NAME = "question_page"

_LABELS = (
    "question by",
    "question from",
    "question asked by",
    "asked by",
    "tabled by",
    "asked of",
    "answered by",
    "answer by",
    "answer from",
    "session date",
    "meeting date",
    "question number",
    "question no",
    "question no.",
    "question reference",
    "date answered",
    "answer date",
    "organisation",
)
_ASKER = ("question by", "question from", "question asked by", "asked by", "tabled by")
_ANSWERER = ("answered by", "answer by", "answer from")
_DETECT = re.compile(
    r"^[ \t]*(?:[•·▪*-][ \t]*)?(?:Question\s+(?:By|by|from)|Asked\s+(?:Of|of|by)|Answered\s+(?:By|by)|Answer\s+by|"
    r"Question\s+number|Question\s+No)\b|^[ \t]*(?:[•·▪*-][ \t]*)?(?:Meeting|Session)\s+date\s*:",
    re.M,
)
_ANSWER_HEAD = re.compile(
    r"^[ \t]*(?:Answer\s+for\b[^\n]*|Answer\s*:?|Answered\s+By\s*:?|Answer\s+by\b[^\n]*)[ \t]*$", re.M | re.I
)
_WRITTEN = re.compile(
    r"^[ \t]*Written\s+(?:response|answer)\s+(?:provided\s+on|from\s+the\s+Mayor\s+received|received|dated|on)?\s*(?P<date>[^\n:]{4,40}?)\s*:?\s*$",
    re.M | re.I,
)
_HOLDING = re.compile(r"^\s*Officers\s+are\s+drafting\s+a\s+response", re.I)
_PAGE_END = re.compile(
    r"^[ \t]*(?:Main\s+question|Supplementary\s+question|Related\s+questions?|Share\s+this)\b", re.M | re.I
)
_CHROME = re.compile(
    r"^(?:MQT\s+on\b|Mayor'?s\s+Question\s+Time\b|Questions?\s+to\s+the\s+Mayor\b|Home\b|Skip\b|Menu\b|Search\b)",
    re.I,
)
_GROUP_WORDS = re.compile(
    r"\b(?:Group|Greens?|Labour|Conservatives?|Liberal|Lib\s+Dems?|Democrats?|UKIP|Independent|Party|Reform|Brexit|Alliance)\b"
)


def detect(text: str) -> bool:
    """Two labels, one of them a question's: a supplementary's page has only "Question by:" and
    "Meeting date:"."""
    labels = [m.group(0) for m in _DETECT.finditer(text[:6000])]
    return len(labels) >= 2 and any(not re.search(r"(?i)date\s*:", label) for label in labels)


def read(doc: Doc) -> None:
    text = doc.text
    fields = read_fields(text, _LABELS)
    if sum(f.label in _ASKER for f in fields) >= 2 and not any(f.label in _ANSWERER for f in fields):
        _question_list(doc, read_fields(text, _LABELS, limit=len(text)))
        return
    by_label: dict[str, Field] = {}
    for f in fields:
        by_label.setdefault(f.label, f)

    session = _session_date(text, by_label)
    doc.genre = "question_answer"
    doc.date = session
    doc.ref_date = session or first_date(text[:2000])
    doc.title = _title(text, fields)
    number = _get(by_label, ("question number", "question no", "question no.", "question reference"))
    doc.reference = number.value if number else None

    asker_field = _get(by_label, _ASKER)
    asker = group = None
    # the asker's group: the line under the name, or an "Organisation:" field ("City Hall Conservatives")
    organisation = _get(by_label, ("organisation",))
    if asker_field is not None and asker_field.values:
        named = resolve_name(doc.registry, asker_field.values[0][2], doc.ref_date)
        asker = named.actor if named else None
        group_line = (
            asker_field.values[1]
            if len(asker_field.values) > 1
            else organisation.values[0]
            if organisation is not None and organisation.values
            else None
        )
        if group_line is not None and _GROUP_WORDS.search(group_line[2]):
            s, e, value = group_line
            e = max(e, asker_field.values[0][1])
            entry = doc.registry.find(value)
            from graph.facts import Entity, slug

            group = (
                entry.entity
                if entry is not None
                else Entity(name=value, label="Organization", id=slug(value))
            )
            if asker is not None:
                doc.facts.add("MEMBER_OF", asker, group, (asker_field.values[0][0], e), layer="layout")

    asked_field = _get(by_label, ("asked of",))
    answer_field = _get(by_label, _ANSWERER)
    answerer = None
    for f in (answer_field, asked_field):
        if f is not None and f.values:
            named = resolve_name(doc.registry, f.values[0][2], doc.ref_date)
            if named is not None:
                answerer = named.actor
                break
    if answerer is None:
        holder = doc.registry.holder("mayor-of-london", doc.ref_date)
        answerer = holder.entity if holder else None
    asked = answerer
    if asked_field is not None and asked_field.values:
        asked = _first_named(doc, asked_field.values[0][2]) or answerer
    doc.author = asker
    doc.addressee = asked

    q_start = max((f.span[1] for f in fields if f.label in _ASKER + ("asked of",) and f.values), default=0)
    head = _ANSWER_HEAD.search(text, q_start)
    q_end = head.start() if head else len(text)
    if head is None and answer_field is not None and answer_field.line_start > q_start:
        # an answer label the head pattern does not know (in a bulleted list) still ends the question
        q_end = answer_field.line_start
    a_start = (
        answer_field.span[1]
        if answer_field and answer_field.span[1] > q_end
        else (head.end() if head else len(text))
    )
    end_m = _PAGE_END.search(text, a_start)
    a_end = end_m.start() if end_m else len(text)
    q_span = trim(text, q_start, q_end)
    a_span = trim(text, a_start, a_end)
    about = doc.title
    written = _WRITTEN.search(text, a_start, a_end)
    answer_date = None
    if written:
        answer_date = first_date(written.group("date"), doc.ref_date)
        # the holding line ("Officers are drafting ...") is not the answer: the written one is
        if _HOLDING.match(text[a_span[0] : a_span[1]]):
            a_span = trim(text, written.end(), a_end)
    explicit = _get(by_label, ("date answered", "answer date"))
    if explicit is not None:
        answer_date = first_date(explicit.value, doc.ref_date) or answer_date

    if q_span[1] > q_span[0]:
        doc.zones.append(
            Zone("question", q_span[0], q_span[1], speaker=asker, addressee=asked, about=about, date=session)
        )
    also = _all_named(doc, asked_field.values[0][2]) if asked_field is not None and asked_field.values else []
    if asker is not None and asked is not None and q_span[1] > q_span[0]:
        span = _question_quote(text, *q_span)
        for one in [asked, *(x for x in also if x.id != asked.id)]:
            # "Asked Of: Sadiq Khan (Mayor of London) & Mike Brown MVO (Commissioner, TfL)": each
            doc.facts.add("ASKED", asker, one, span, layer="layout", date=session, about=about)
    if a_span[1] > a_span[0]:
        # the one of those asked whose turn opens the answer answers it ("Mike Brown MVO
        # (Commissioner of Transport for London):  There is no question ...")
        label = TURN.match(text, a_span[0])
        turn = _first_named(doc, label.group("who")) if label else None
        if turn is not None and any(turn.id == x.id for x in also):
            answerer = turn
        add_answer(doc, answerer, asker, a_span, about, answer_date or session)


def _all_named(doc: Doc, value: str) -> list:
    """Everyone an "Asked of" field names, joined by "&" or "and" (their offices in brackets)."""
    plain = re.sub(r"\([^()]*\)", " ", value)
    found = []
    for part in re.split(r"\s*&\s*|\s+and\s+", plain):
        named = resolve_name(doc.registry, part.strip(), doc.ref_date) if part.strip() else None
        if named is not None and named.actor.label == "Person" and all(named.actor.id != x.id for x in found):
            found.append(named.actor)
    return found if len(found) > 1 else []


def _first_named(doc: Doc, value: str):
    """Whom an "Asked of:" field names first: the whole value ("The Mayor"), else its first part
    that names someone ("Seb Dance, Deputy Mayor for Transport, Phil Graham, ... and John
    Kavanagh (Programme Director, BusinessLDN)": Seb Dance)."""
    for part in (value, *re.split(r",\s*|\s+and\s+|\s*\(", value)):
        named = resolve_name(doc.registry, part.strip(), doc.ref_date) if part.strip() else None
        if named is not None:
            return named.actor
    return None


def _question_list(doc: Doc, fields: list[Field]) -> None:
    """A page that lists questions put to the Mayor, each under its title with its asker and
    meeting date ("Wages (Supplementary) [2] / • Question by: Andrew Dismore / • Meeting date:
    20 November 2013 / <question>"): each asker ASKED the Mayor of that date (about = the title).
    The list carries no answers."""
    text = doc.text
    doc.genre = "question_answer"
    askers = [k for k, f in enumerate(fields) if f.label in _ASKER and f.values]
    for n, k in enumerate(askers):
        last = n + 1 == len(askers)
        item_fields = fields[k : len(fields) if last else askers[n + 1]]
        title = _line_above(text, fields[k].line_start)
        q_start = max(f.span[1] for f in item_fields)
        # the question runs to the next item's title, the line above its asker's
        next_title = None if last else _line_above(text, fields[askers[n + 1]].line_start)
        q_end = len(text) if last else (next_title[0] if next_title else fields[askers[n + 1]].line_start)
        date_field = next((f for f in item_fields if f.label in ("meeting date", "session date")), None)
        date = first_date(date_field.value) if date_field is not None else None
        doc.date = doc.date or date
        named = resolve_name(doc.registry, fields[k].value, date or doc.ref_date)
        holder = doc.registry.holder("mayor-of-london", date or doc.ref_date)
        if named is None or holder is None or q_end <= q_start:
            continue
        about = re.sub(r"\s*\[\d+\]\s*$", "", title[2]) if title else None
        q_span = trim(text, q_start, q_end)
        if q_span[1] <= q_span[0]:
            continue
        add_question(
            doc, named.actor, holder.entity, q_span, about, date, quote=_question_quote(text, *q_span)
        )


def _line_above(text: str, pos: int) -> tuple[int, int, str] | None:
    """The last non-blank line that ends before `pos` (within 300 characters)."""
    found = None
    for line in lines(text, max(0, pos - 300), pos):
        found = line
    return found


def _get(by_label: dict[str, Field], labels: tuple[str, ...]) -> Field | None:
    for label in labels:
        if label in by_label:
            return by_label[label]
    return None


def _session_date(text: str, by_label: dict[str, Field]) -> str | None:
    for label in ("session date", "meeting date"):
        f = by_label.get(label)
        if f is not None and f.values:
            d = first_date(" ".join(v[2] for v in f.values))
            if d:
                return d
    m = re.search(r"^[ \t]*MQT\s+on\s+(\S+)", text[:3000], re.M)
    return first_date(m.group(1)) if m else None


def _title(text: str, fields: list[Field]) -> str | None:
    stop = fields[0].line_start if fields else 400
    for _s, _e, line in lines(text, 0, stop):
        if _CHROME.match(line) or not re.search(r"[A-Za-z]{2}", line):
            continue
        return line
    return None


def _question_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """The question itself: the last sentence with a question mark, else the first sentences."""
    body = text[start:end]
    marks = [m.end() for m in re.finditer(r"\?", body)]
    if marks:
        stop = start + marks[-1]
        sent_start = max(
            (start + m.end() for m in re.finditer(r"[.?!][\"'’”)]*\s+|\n", body[: marks[-1] - 1])),
            default=start,
        )
        return trim(text, sent_start, stop)
    return first_sentences(text, start, end)
