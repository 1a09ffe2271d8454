"""Compilations of questions and answers: "Written Answers to Questions Not Answered at Mayor's
Question Time on 25 May 2016", priority order papers, and their copies (where items may run on).

Layout read (an item may start mid-line, after the previous answer's last sentence)::

    Routemaster buses Question No: 2016/1327 Caroline Pidgeon Will you cancel the procurement ...?
    The Mayor
    Londoners deserve a bus fleet that is greener ...
    The Cable Car Question No: 2016/1328 Caroline Pidgeon What are your plans for ...?
    The Mayor
    Officers are drafting a response which will be sent shortly.
    Written response from the Mayor received 28/06/2016
    My manifesto made clear ...

Each item gives (layer "layout"): the asker ASKED the Mayor (about = the item's title, date = the
session), and, where an answer follows, the Mayor REPLIED_TO the asker (dated by the written
response when given). Questions and answers become zones.
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.actors import looks_like_person, resolve_name
from loaders.document import Doc
from loaders.layouts.base import QUESTION_OPENERS, add_answer, add_question, first_date, trim

NAME = "written_answers"

# "Question No: 2016/1327", "Question No: 1 / 2006", "Question No: 2016/2897 (Oral)"
_ITEM = re.compile(
    r"Question\s+No\.?\s*:?\s*(?P<num>\d{1,5}[ \t]*/[ \t]*\d{1,5})(?:\s*\((?:Oral|Written|Supplementary)\))?\s+"
)
_ANSWERER = re.compile(
    r"^[ \t]*(?P<who>The\s+Mayor|(?:The\s+)?Deputy\s+Mayor[^\n]{0,60}|[A-Z][a-z]+\s+[A-Z][\w’'-]+(?:\s+\([^)\n]*\))?)[ \t]*$",
    re.M,
)
_WRITTEN = re.compile(
    r"Written\s+(?:response|answer)\s+(?:from\s+the\s+Mayor\s+)?(?:received|provided\s+on|dated)?\s*(?P<d>\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})",
    re.I,
)
# a page copied flat: "... communities in ? <title again> The Mayor Last updated: 29 June, 2021 <answer>"
_INLINE_ANSWERER = re.compile(
    r"(?P<who>The\s+Mayor)\s+Last\s+updated\s*:?\s*(?P<d>\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4})\s*"
)
# an answer labelled inline: "... count towards this 20%? Response from the Mayor The ODA ..."
_RESPONSE_LABEL = re.compile(
    r"(?P<who>Response\s+from\s+the\s+Mayor|(?:The\s+)?Mayor['’]s\s+(?:response|reply|answer)|The\s+Mayor\s+replie[sd])\s*:?\s+"
)
_HOLDING = re.compile(r"^\s*(?:Officers\s+are\s+drafting|Oral\s+response)", re.I)
_REPORT_HEAD = re.compile(r"(?i)written\s+answer|questions\s+to\s+the\s+mayor|question\s+time")


# a report copied flat with the number first: "1555 / 2005 - Crossrail Jenny Jones Are you ...? *"
_NUMBER_FIRST = re.compile(r"(?:(?<=\s)|^)(?P<num>\d{3,5}[ \t]*/[ \t]*(?:19|20)\d\d)\s+[-–]\s+")


def detect(text: str) -> bool:
    items = len(_ITEM.findall(text[:20000]))
    head = _REPORT_HEAD.search(text[:1500]) is not None
    if items >= 2 or (items == 1 and head):
        return True
    return head and len(_NUMBER_FIRST.findall(text[:20000])) >= 2


def read(doc: Doc) -> None:
    text = doc.text
    doc.genre = "question_answer"
    session = first_date(text[:400])
    doc.date = session or doc.date
    doc.ref_date = doc.date or doc.ref_date
    items = list(_ITEM.finditer(text))
    if not items:
        _number_first(doc, session)
        return
    starts = [_title_start(text, m.start()) for m in items]
    for k, m in enumerate(items):
        stop = starts[k + 1] if k + 1 < len(items) else len(text)
        title = " ".join(text[starts[k] : m.start()].split()) or m.group("num")
        asker, q_start = _asker(doc, text, m.end())
        if asker is None:
            continue
        ans = (
            _ANSWERER.search(text, q_start, stop)
            or _INLINE_ANSWERER.search(text, q_start, stop)
            or _RESPONSE_LABEL.search(text, q_start, stop)
        )
        q_end = ans.start() if ans else stop
        a_start = ans.end() if ans else None
        if ans is not None and ans.re is _INLINE_ANSWERER:
            q_end = text.rfind("?", q_start, ans.start()) + 1 or ans.start()  # the title again follows
        elif ans is None:
            # a report that prints each answer as the paragraphs under its question, unlabelled
            nl = text.find("\n", q_start, stop)
            if nl != -1 and "?" in text[q_start:nl] and text[nl:stop].strip():
                q_end = a_start = nl
        q_span = trim(text, q_start, q_end)
        named = resolve_name(doc.registry, ans.group("who"), doc.ref_date) if ans else None
        answerer = named.actor if named else _mayor(doc)
        if answerer is None or q_span[1] <= q_span[0]:
            continue
        add_question(doc, asker, answerer, q_span, title, session)
        if a_start is None:
            continue
        a_span = trim(text, a_start, stop)
        written = _WRITTEN.search(text, a_span[0], a_span[1])
        answer_date = session
        if ans is not None and ans.re is _INLINE_ANSWERER:
            answer_date = first_date(ans.group("d")) or session
        elif written is not None:
            answer_date = first_date(written.group("d")) or session
            a_span = trim(text, written.end(), a_span[1])
        elif _HOLDING.match(text[a_span[0] : a_span[1]]):
            continue
        if a_span[1] <= a_span[0]:
            continue
        add_answer(doc, answerer, asker, a_span, title, answer_date)


def _title_start(text: str, pos: int) -> int:
    """An item's title starts after the last sentence end or line break before 'Question No'."""
    lo = max(0, pos - 200)
    cut = lo
    for m in re.finditer(r"[.?!:][\"'’”)]*\s+|\n", text[lo:pos]):
        cut = lo + m.end()
    return cut


def _asker(doc: Doc, text: str, pos: int) -> tuple[Entity | None, int]:
    """The asker named first in the item (a name the registry knows wins: "Jenny Jones From next
    year's budget ..." is Jenny Jones) and where the question starts."""
    words = list(re.finditer(r"\S+", text[pos : pos + 80]))
    for known_only in (True, False):
        for n in (3, 2):
            if len(words) >= n and words[n - 1].group(0) not in QUESTION_OPENERS:
                name = text[pos + words[0].start() : pos + words[n - 1].end()]
                if known_only and doc.registry.find(name) is None:
                    continue
                named = resolve_name(doc.registry, name, doc.ref_date)
                if (
                    named is not None
                    and named.actor.label == "Person"
                    and (doc.registry.find(name) or looks_like_person(name))
                ):
                    return named.actor, pos + words[n - 1].end()
    return None, pos


def _mayor(doc: Doc) -> Entity | None:
    holder = doc.registry.holder("mayor-of-london", doc.ref_date)
    return holder.entity if holder else None


def _number_first(doc: Doc, session: str | None) -> None:
    """Items numbered first ("1555 / 2005 - Crossrail Jenny Jones Are you concerned ...?"): the
    asker is the first known person after the title, the question what follows (an order paper:
    no answers)."""
    text = doc.text
    items = list(_NUMBER_FIRST.finditer(text))
    mayor = _mayor(doc)
    if mayor is None:
        return
    for k, m in enumerate(items):
        stop = items[k + 1].start() if k + 1 < len(items) else len(text)
        words = list(re.finditer(r"[^\s*]+", text[m.end() : min(stop, m.end() + 200)]))
        found = _first_known_person(doc, [w.group(0) for w in words])
        if found is None or found[0] == 0:
            continue  # no asker, or no title before them
        i, j, asker = found
        title = " ".join(w.group(0) for w in words[:i])
        q_start = m.end() + words[j].start() if j < len(words) else stop
        q_end = text.rfind("?", q_start, stop) + 1 or stop
        q_span = trim(text, q_start, q_end)
        if q_span[1] <= q_span[0]:
            continue
        add_question(doc, asker, mayor, q_span, title, session)


def _first_known_person(doc: Doc, words: list[str]) -> tuple[int, int, Entity] | None:
    """(first word, word after, person) of the first run of three or two words the registry
    knows as a person."""
    for i in range(len(words)):
        for n in (3, 2):
            entry = doc.registry.find(" ".join(words[i : i + n])) if i + n <= len(words) else None
            if entry is not None and entry.label == "Person":
                return i, i + n, entry.entity
    return None
