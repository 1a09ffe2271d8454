"""Transcripts of Mayor's Question Time, plenaries and committee meetings.

Layouts read::

    London Assembly (Mayor's Question Time)          Mayor's Question Time – Monday 24 February 2020
    18 June 2008                                     Transcript of Item 4B – Questions to the Mayor
    1208/2008 - S67 Appointments                     Jennette Arnold OBE AM (Chair): We now move ...
    John Biggs                                       Len Duvall AM: Can you tell us if ...?
    Have you made all your S67 appointments yet?     Sadiq Khan (Mayor of London): Yes, there are ...
    Boris Johnson (Mayor of London): The question ...

Each question item ("2018/5227 - Taxi and Private Hire Trade (1) David Kurten") or, without
items, each exchange in which a member asks and the Mayor answers gives (layer "layout"): the
member ASKED the Mayor (about = the item's title, date = the meeting) and the Mayor REPLIED_TO the
member. Speaker turns (loaders.layouts.turns) give the office facts of their roles and the zones
that resolve "I" and "you".
"""

from __future__ import annotations

import re
from itertools import pairwise

from graph.facts import Entity, slug
from loaders.actors import looks_like_person, resolve_name
from loaders.document import Doc
from loaders.layouts.base import add_answer, add_question, asker_in, first_date, first_sentences, lines, trim
from loaders.layouts.turns import QUESTION_NUMBER, TITLED_LABEL, TURN, Turn, inline_turns, read_turns

NAME = "transcript"

# "1020 / 2003 - Title Name", "2019/14512 - Title Name AM" (number and year either way round)
_ITEM = re.compile(r"^[ \t]*(?P<num>\d{3,5}[ \t]*/[ \t]*\d{4,5})\s*[-–]\s*(?P<rest>[^\n]+?)\s*$", re.M)
_HEAD = re.compile(
    r"\bTranscript\b|Question\s+Time|Question\s+Number|Plenary|Committee\s+meeting"
    r"|Minutes\s+of\s+Evidence|Examination\s+of\s+Witness|Oral\s+evidence",
    re.I,
)
# a select committee's turns name people by title and surname, without a role: "Q60  Ms Buck:"
# a broadcaster's transcript names its speakers in capitals: "ANDREW MARR:", "KEN LIVINGSTONE:"
_CAPITALS_LABEL = re.compile(r"[A-Z][A-Z’'.-]+(?:[ ][A-Z][A-Z’'.-]+){1,3}")
_MAYOR_ROLE = re.compile(r"\bMayor\b", re.I)
# the body whose meeting it is: "Police and Crime Committee – 17 November 2016", "Transcript of the
# meeting of the Metropolitan Police Authority held on ..."
_NAME = r"[A-Z][\w,&’'-]*(?:[ ]+(?:[A-Z][\w,&’'-]*|and|of|for|&)){0,6}"
_COMMITTEE = re.compile(rf"\b(?P<name>{_NAME}[ ]+Committee)\b")
_GROUP = re.compile(rf"\b(?P<name>{_NAME}[ ]+(?:Working[ ]Group|Investigation[ ]Panel|Review[ ]Group))\b")
_MEETING_OF = re.compile(rf"(?i:\bmeeting[ ]+of[ ]+(?:the[ ]+)?)(?P<name>{_NAME})")


def detect(text: str) -> bool:
    head = text[:3000]
    turns = [
        m
        for m in TURN.finditer(text[:8000])
        if m.group("role") is not None
        or m.group("post")
        or TITLED_LABEL.match(QUESTION_NUMBER.sub("", m.group("who")))
        or _CAPITALS_LABEL.fullmatch(m.group("who"))
    ]
    if len(turns) < 2 and _HEAD.search(head):
        turns += inline_turns(text[:8000])  # a transcript copied onto one line
    if not _HEAD.search(head):
        # a page copied without its heading: turns between a member and "Name (Mayor of London)"
        mayor = any(m.group("role") and _MAYOR_ROLE.search(m.group("role")) for m in turns)
        return mayor and len({m.group("who") for m in turns}) >= 2
    return len(turns) >= 2 or (len(turns) == 1 and _ITEM.search(head) is not None)


def read(doc: Doc) -> None:
    text = doc.text
    head = text[:1500]
    items = list(_ITEM.finditer(text))
    year = _year(items[0].group("num")) if items else None
    date = first_date(head, year) or (first_date(head) if not year else None)
    doc.date = date or doc.date
    doc.ref_date = doc.date or year or doc.ref_date
    doc.genre = "question_answer"
    body = None if "Question Time" in head else _body_in_head(doc, head)
    turns = read_turns(doc, body=body, min_turns=1 if items else 2)
    mayor = mayor_in(doc, turns)
    if mayor is None:
        _hearing(doc, turns, date)
        return
    if items:
        for k, item in enumerate(items):
            stop = items[k + 1].start() if k + 1 < len(items) else len(text)
            title, asker, q_from = _title_and_asker(doc, item, stop)
            item_turns = [t for t in turns if item.end() <= t.start < stop]
            if asker is None:
                # "2017/4525 – Fire Brigade funding" and then "Andrew Dismore AM: Do you ...?": the
                # item's first turn by someone other than the Mayor or the chair, if it asks
                first = next(
                    (
                        t
                        for t in item_turns
                        if t.speaker.id != mayor.id and not (t.role and re.match(r"(?i)chair", t.role))
                    ),
                    None,
                )
                if first is None or "?" not in text[first.text_start : first.end]:
                    continue
                asker, q_from = first.speaker, first.start
            _exchange(doc, asker, mayor, title, date, q_from, stop, item_turns)
        return
    exchanges_with_the_mayor(doc, turns, mayor, date)


def exchanges_with_the_mayor(doc: Doc, turns: list[Turn], mayor: Entity, date: str | None) -> None:
    """Turns without numbered items (a transcript's, or those a question page quotes from the
    meeting): each member who asks and is answered by the Mayor in the next turn ASKED the Mayor,
    and the Mayor REPLIED_TO them, once a member."""
    text = doc.text
    asked: set[str] = set()
    for i, t in enumerate(turns[:-1]):
        nxt = turns[i + 1]
        if t.speaker.id == mayor.id or nxt.speaker.id != mayor.id or t.speaker.id in asked:
            continue
        words = text[t.text_start : t.end]
        if not _asks(words):
            continue
        if t.role and re.match(r"(?i)chair", t.role) and len(words) < 200:
            continue  # the chair's "Mr Mayor, would you like to respond?"; a chair's own question is longer
        asked.add(t.speaker.id)
        _exchange(doc, t.speaker, mayor, doc.title, date, t.start, nxt.end, [t, nxt])


# a chair's question put without a question mark: "I am going to start off with a very general
# question mainly for Justine, asking you to outline the Mayor's vision"
_ASKING = re.compile(
    r"(?i)\b(?:(?:my|a|the|first|next|general|last)[ ](?:\w+[ ])?question[ ](?:\w+[ ])?(?:for|to)|ask(?:ing)?[ ]you[ ]to"
    r"|I[ ](?:would|want)[ ](?:like[ ])?to[ ]ask)\b"
)


def _asks(words: str) -> bool:
    """Whether a turn puts a question: a question mark, or a question announced in words."""
    return "?" in words or _ASKING.search(words) is not None


def _year(num: str) -> str | None:
    """The year of an item number: '1020 / 2003' and '2019/14512' both name theirs."""
    return next((p for p in (x.strip() for x in num.split("/")) if re.fullmatch(r"(?:19|20)\d\d", p)), None)


def _hearing(doc: Doc, turns: list[Turn], date: str | None) -> None:
    """A committee hearing without the Mayor: a turn that asks a question and the next turn, by
    someone else, that answers it (a member and a guest); each pair once."""
    text = doc.text
    paired: set[tuple[str, str]] = set()
    for t, nxt in pairwise(turns):
        if t.speaker.id == nxt.speaker.id or t.speaker.label != "Person" or nxt.speaker.label != "Person":
            continue
        if not _asks(text[t.text_start : t.end]) or (t.speaker.id, nxt.speaker.id) in paired:
            continue
        if len(text[nxt.text_start : nxt.end].split()) <= 3:
            continue  # "Tim Godwin (Deputy Commissioner, MPS): Tim Godwin.": going round the room, no answer
        paired.add((t.speaker.id, nxt.speaker.id))
        _exchange(doc, t.speaker, nxt.speaker, doc.title, date, t.start, nxt.end, [t, nxt])


def mayor_in(doc: Doc, turns: list[Turn]) -> Entity | None:
    """The Mayor among the speakers: by the role in brackets, else the holder on the page's date."""
    for t in turns:
        if t.role and _MAYOR_ROLE.search(t.role) and not re.search(r"(?i)deputy", t.role):
            return t.speaker
    holder = doc.registry.holder("mayor-of-london", doc.ref_date)
    if holder is not None and any(t.speaker.id == holder.id for t in turns):
        return holder.entity
    return None


def _title_and_asker(doc: Doc, item: re.Match, stop: int) -> tuple[str, Entity | None, int]:
    """'Taxi and Private Hire Trade (1) David Kurten' -> the title, the asker and where the
    question starts; the asker may stand alone on the next line instead, or the question run on
    after the name on the item's line ('Cleaner Neighbourhoods Nicky Gavron What efforts ...?')."""
    rest = item.group("rest").strip()
    words = rest.split()

    def person(name: str) -> Entity | None:
        named = resolve_name(doc.registry, name, doc.ref_date)
        if (
            named is not None
            and named.actor.label == "Person"
            and (looks_like_person(name) or doc.registry.find(name))
        ):
            return named.actor
        return None

    if len(words) <= 4 and (found := person(rest)) is not None:
        return "", found, item.end()  # "2020/4321 - David Kurten AM": the copy lost the title
    for n in (3, 2):
        if len(words) > n:
            found = person(" ".join(words[-n:]))
            if found is not None:
                return " ".join(words[:-n]), found, item.end()
    for _s, _e, line in lines(doc.text, item.end(), min(stop, item.end() + 200)):
        named = resolve_name(doc.registry, line, doc.ref_date) if len(line) < 60 else None
        if named is not None and named.actor.label == "Person":
            return rest, named.actor, item.end()
        break

    def known(name: str) -> Entity | None:
        entry = doc.registry.find(name)
        return person(name) if entry is not None and entry.label == "Person" else None

    inline = asker_in(words, person, known) if "?" in rest else None
    if inline is not None and inline[0] > 0:
        i, j, found = inline
        spans = list(re.finditer(r"\S+", doc.text[item.start("rest") : item.end("rest")]))
        return " ".join(words[:i]), found, item.start("rest") + spans[j].start()
    return rest, None, item.end()


def _exchange(
    doc: Doc,
    asker: Entity,
    answerer: Entity,
    about: str | None,
    date: str | None,
    start: int,
    stop: int,
    turns: list[Turn],
) -> None:
    text = doc.text
    answer = next((t for t in turns if t.speaker.id == answerer.id), None)
    q_end = answer.start if answer is not None else stop
    own = next((t for t in turns if t.speaker.id == asker.id and t.start < q_end), None)
    q_span = trim(text, own.text_start, own.end) if own is not None else _question_after(text, start, q_end)
    if q_span[1] <= q_span[0]:
        return
    add_question(doc, asker, answerer, q_span, about, date, quote=first_sentences(text, *q_span))
    if answer is not None:
        add_answer(doc, answerer, asker, trim(text, answer.text_start, answer.end), about, date)


def _question_after(text: str, start: int, stop: int) -> tuple[int, int]:
    """The question's own words: the first line after the item that is not the asker's name."""
    for s, e, line in lines(text, start, stop):
        if "?" in line or len(line.split()) > 6:
            return s, e
    return start, start


def _body_in_head(doc: Doc, head: str):
    """The committee or authority the head names, as the registry knows it (its longest known
    ending: "London Assembly Police and Crime Committee", "Metropolitan Police Authority")."""
    for rx in (_COMMITTEE, _MEETING_OF, _GROUP):
        found = rx.search(head)
        if found is None:
            continue
        words = found.group("name").strip(" ,").split()
        for i in range(len(words)):
            entry = doc.registry.find(" ".join(words[i:]))
            if entry is not None and entry.label == "Organization":
                return entry.entity
        if rx is _GROUP:  # "Stop and Search Working Group": an Assembly body the registry does not list
            name = " ".join(words)
            return Entity(name=name, label="Organization", id=slug(name))
    return None
