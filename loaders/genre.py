"""What kind of document this is, and the metadata its genre's conventions give.

Genres: ``letter`` (the Mayor's letters answering Assembly motions: "Our ref", "Date:", an
address block, "Dear ...", a subject line naming the meeting, "Motion N - Title" headings and a
signature block), ``question_answer`` (Mayor's Question Time pages: question title, asker,
meeting date, question, answerer, answer), ``press_release`` (headline, summary bullets, quotes,
"Notes to editors"), ``news`` (headline, byline, publisher, "Published 5 days ago") and
``generic``. Detection looks only at layout conventions, never at one document's wording.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from graph.facts import DocumentInfo
from loaders.dates import find_dates as _find_dates
from loaders.dates import parse_date
from loaders.names.bounded import Bounded
from loaders.names.folding import fold

__all__ = ["GenreInfo", "detect", "find_dates", "parse_date", "Motion"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def find_dates(text: str, ref: str | None = None) -> list[tuple[int, int, str]]:
    """Dates in `text` as (start, end, ISO), from loaders.dates (partial where the text is)."""
    return [(d.start, d.end, d.iso) for d in _find_dates(text, ref)]


@dataclass(frozen=True)
class Motion:
    number: str
    title: str
    heading: str  # the heading as written, e.g. "Motion 1 - Supporting ..."
    start: int
    end: int


@dataclass
class GenreInfo:
    """Metadata the genre's layout gives. Offsets point into the document's text."""

    genre: str = "generic"
    title: str | None = None
    date: str | None = None
    ref_date: str | None = None  # date used to resolve posts and partial dates (may be inferred)
    reference: str | None = None
    author: str | None = None
    author_office: str | None = None
    author_span: tuple[int, int] | None = None  # signature block: name line .. office line
    sender: str | None = None  # a member named in the letterhead (the author when no one signs)
    sender_span: tuple[int, int] | None = None
    addressee: str | None = None
    addressee_office: str | None = None
    addressee_span: tuple[int, int] | None = None
    publisher: str | None = None
    byline: str | None = None
    meeting: str | None = None  # the body and meeting named in a letter's subject line
    meeting_date: str | None = None
    subject_span: tuple[int, int] | None = None
    reply_span: tuple[int, int] | None = None  # "my reply to ..." sentence
    motions: list[Motion] = field(default_factory=list)
    question_title: str | None = None
    question_text: str | None = None
    question_span: tuple[int, int] | None = None
    asker: str | None = None
    asker_span: tuple[int, int] | None = None
    answerer: str | None = None
    answerer_span: tuple[int, int] | None = None
    answer_text: str | None = None
    answer_span: tuple[int, int] | None = None
    answer_date: str | None = None
    question_number: str | None = None
    summary: list[str] = field(default_factory=list)
    notes_start: int | None = None

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if v not in (None, [], ())}
        d["motions"] = [m.heading for m in self.motions]
        return d


_LINE = re.compile(r"[^\n]*")
_MOTION = re.compile(
    r"^[ ]*Motion[ ]+(?P<num>\d+(?:\.\d+)*[a-z]?)[ ]*[-:][ ]*(?P<title>\S[^\n]{1,200}?)[ ]*$", re.MULTILINE
)
_OUR_REF = re.compile(
    r"^[ ]*Our[ ]ref(?:erence)?[ ]*:?[ ]*(?P<ref>\S[^\n]{0,60}?)[ ]*$", re.MULTILINE | re.IGNORECASE
)
_DATE_LINE = re.compile(r"^[ ]*Date[ ]*:[ ]*(?P<date>[^\n]{3,60}?)[ ]*$", re.MULTILINE)
# "Your ref: th Date: 25 November 2015": a date label within a line of a letter's head
_DATE_IN_LINE = re.compile(r"\bDate[ ]*:[ ]*(?P<date>\d{1,2}(?:st|nd|rd|th)?[ ][A-Z][a-z]+[ ]\d{4})")
# a sender's letterhead: the address and numbers of the office the letter comes from
_LETTERHEAD = re.compile(r"\b(?:Switchboard|Minicom|Telephone|Tel|Fax|Web|Email)[ ]*:|\bwww\.", re.IGNORECASE)
# the two or three capitalised words before a post-nominal ("... Group Darren Johnson AM"): the
# reader of the letter tries the last three against the registry, then the last two
_SENDER = re.compile(
    r"\b(?P<name>[A-Z][^\W\d_]*['’-]?[^\W\d_]*(?:[ ][A-Z][^\W\d_'’-]*){1,2})[ ](?:AM|MP|OBE|MBE|CBE)\b"
)
_DEAR = re.compile(r"^[ ]*Dear[ ][^\n]{1,80},?[ ]*$", re.MULTILINE)
# "Dear Ed... I wholeheartedly welcome ...": a letter to a paper opens on its salutation
_DEAR_OPENING = re.compile(r"\s*Dear[ ][A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,3}(?:,|\.{2,}|…)")
# a letter whose lines a copy ran together: an address with its postcode, then "Dear Sadiq, I am ..."
DEAR_INLINE = re.compile(r"(?<![\w-])Dear[ ](?P<name>[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,3}),[ ]+(?=[A-Z])")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}\b")


def flat_salutation(head: str) -> re.Match | None:
    """The "Dear X," of a letter copied onto one line: after an address with a postcode."""
    m = DEAR_INLINE.search(head, 0, 1500)
    return m if m is not None and POSTCODE.search(head, 0, m.start()) else None


_SIGNED_NAME = re.compile(
    r"(?:[A-Z][a-z'-]+[ ]){1,3}[A-Z][a-z'-]+(?:[ ]AM)?(?P<party>[ ]\([A-Z][\w ]{1,20}\))?$"
)
_CLOSING = re.compile(
    r"^[ ]*(?:Yours[ ](?:sincerely|faithfully|truly)|Best[ ]wishes|Kind[ ]regards|With[ ]best[ ]wishes)[ ,]*$",
    re.MULTILINE | re.IGNORECASE,
)
_QA_LABEL = re.compile(
    r"^[ ]*(?P<label>Question[ ](?:by|from|asked[ ]by|tabled[ ]by)|Asked[ ]by|Tabled[ ]by|Answer(?:ed)?[ ]by|Answer[ ]from|"
    r"Meeting[ ]date|Meeting|Question[ ](?:number|no\.?|reference)|Answer[ ]date|Date[ ]answered|Session[ ]date|Date)[ ]*:?[ ]*(?P<value>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_PUBLISHERS = (
    ("BBC", re.compile(r"\bBBC\b")),
    ("MyLondon", re.compile(r"\bMyLondon\b|mylondon")),
    (
        "Evening Standard",
        re.compile(r"\b(?:Evening )?Standard\b(?=.*(?:newsletter|Sign up|Share))", re.DOTALL),
    ),
    (
        "The Guardian",
        re.compile(r"\bthe ?guardian\.com\b|\bGuardian\b(?=.*Share)", re.DOTALL | re.IGNORECASE),
    ),
    ("London.gov.uk", re.compile(r"london\.gov\.uk")),
)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


_REPLY_PHRASE = re.compile(r"\b(?:[Mm]y|[Oo]ur)[ ](?:reply|response|replies|responses)[ ]to\b")


def _is_stop(text: str, i: int) -> bool:
    """A line break, or a full stop that is not a decimal point, ends the reply sentence."""
    return text[i] == "\n" or (text[i] == "." and not (i + 1 < len(text) and text[i + 1].isdecimal()))


def _reply_sentence(text: str) -> tuple[int, int] | None:
    """The sentence that first says "my reply to ..." (with its full stop): found by the phrase,
    then widened to the sentence, rather than by one regex that retried at every position."""
    q = _REPLY_PHRASE.search(text)
    if q is None:
        return None
    start = q.start()
    while start > 0 and not _is_stop(text, start - 1):
        start -= 1
    end = q.end()
    while end < len(text) and not _is_stop(text, end):
        end += 1
    if end < len(text) and text[end] == ".":
        end += 1
    return start, end


_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d(?![\d%])")
_WEEKDAY_DATE = Bounded(
    rf"(?P<wd>{_WEEKDAY_RE}),?[ ](?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ ](?:of[ ])?(?P<m>{_MONTH_RE})\b(?![ ,]*(?:19|20)\d\d)",
    "w",
)


def _infer_ref_date(text: str) -> str | None:
    """No stated date: a weekday with a day and month pins the year, near the latest year named."""
    years = [
        int(m.group(0))
        for m in _YEAR_NUMBER.finditer(text)
        if not (m.start() and (text[m.start() - 1].isdecimal() or text[m.start() - 1] in "£,."))
    ]
    today = dt.date.today()
    years = [y for y in years if y <= today.year]
    if not years:
        return None
    latest = max(years)
    for m in _WEEKDAY_DATE.finditer(text):
        wd = list(calendar.day_name).index(m.group("wd"))
        mo, d = _MONTHS[m.group("m").lower()], int(m.group("d"))
        for y in range(latest, min(latest + 7, today.year + 1)):
            if _valid(y, mo, d) and dt.date(y, mo, d).weekday() == wd:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_DATE_LABEL = re.compile(
    r"^(?:-[ ])?(?:(?:First[ ])?[Pp]ublished(?:[ ]on)?|(?:Last[ ])?[Uu]pdated(?:[ ]on)?|Date|Dated|Issued|Released|Posted)"
    r"[ ]*:?[ ]*",
    re.IGNORECASE,
)


def _date_line(text: str, limit: int = 2500) -> tuple[int, str] | None:
    """A line near the top that holds only a date (maybe after "Published:" or a time of day):
    the date a press release, news page or letter gives itself. (line start, ISO day)."""
    for s, _e, line in _lines(text[:limit]):
        body = _DATE_LABEL.sub("", line.strip())
        if not body or len(body) > 60 or not re.search(r"\d", body):
            continue
        found = [d for d in _find_dates(body) if len(d.iso) == 10]
        if not found:
            continue
        rest = body[: found[0].start] + body[found[0].end :]
        # what is left may be a time of day ("17:32, ") or a weekday, nothing that reads as prose
        rest = re.sub(
            r"\b\d{1,2}[:.]\d{2}(?:[ ]?[ap]m)?\b|\b(?:BST|GMT|UTC)\b|[,|()\-]", " ", rest, flags=re.I
        )
        if len(rest.split()) <= 1:
            return s, found[0].iso
    return None


def detect(doc: DocumentInfo) -> GenreInfo:
    """Genre and metadata of a document; also fills `doc`'s title, date, reference, author ..."""
    text = doc.text
    folded = fold(text)
    head = folded[:3000]
    info = GenreInfo()
    if (
        _OUR_REF.search(head)
        or _DEAR.search(head)
        or _CLOSING.search(folded)
        or _DEAR_OPENING.match(head)
        or flat_salutation(head) is not None
    ):
        info.genre = "letter"
        _letter(folded, info)
        # keep headings as written (dashes, apostrophes), not folded
        info.motions = [
            Motion(m.number, text[m.end - len(m.title) : m.end], text[m.start : m.end], m.start, m.end)
            for m in info.motions
        ]
        if info.subject_span:
            info.title = text[info.subject_span[0] : info.subject_span[1]]
    elif len(_QA_LABEL.findall(head)) >= 2 and re.search(r"^[ ]*(?:Question|Answer)\b", head, re.MULTILINE):
        info.genre = "question_answer"
        _question_answer(folded, info)
    elif re.search(r"^[ ]*Notes?[ ]to[ ]editors?\b", folded, re.MULTILINE | re.IGNORECASE) or re.search(
        r"^[ ]*(?:PRESS RELEASE|For immediate release)\b", head, re.MULTILINE | re.IGNORECASE
    ):
        info.genre = "press_release"
        _press_release(folded, info)
    elif re.search(
        r"^[ ]*(?:-[ ])?Published\b|^[ ]*By[ ][A-Z]|\bShare[ ]This[ ]Article\b|\bexternal\b|newsletter",
        folded,
        re.MULTILINE,
    ):
        info.genre = "news"
        _news(folded, info)
    else:
        _generic(folded, info)
    if info.date is None and info.genre in ("news", "generic", "press_release"):
        line = _date_line(folded)
        if line is not None:
            info.date = line[1]
        else:
            first = [d for d in find_dates(folded[:400]) if len(d[2]) == 10]
            if first:
                info.date = first[0][2]
    info.ref_date = info.date or info.meeting_date or _infer_ref_date(folded)
    doc.genre = info.genre
    doc.title = doc.title or info.title
    doc.date = doc.date or info.date
    doc.reference = doc.reference or info.reference
    doc.author = doc.author or info.author
    doc.addressee = doc.addressee or info.addressee
    doc.publisher = doc.publisher or info.publisher
    if doc.date and not info.ref_date:
        info.ref_date = doc.date
    return info


def _first_line(text: str) -> tuple[int, int, str] | None:
    for s, e, line in _lines(text):
        if line.strip():
            return s, e, line.strip()
    return None


def _letter(text: str, info: GenreInfo) -> None:
    ref = _OUR_REF.search(text[:3000])
    if ref:
        info.reference = ref.group("ref")
    dl = _DATE_LINE.search(text[:3000])
    if dl:
        info.date = parse_date(dl.group("date"))
    dear = _DEAR.search(text[:4000])
    if info.date is None:
        line = _date_line(text[: dear.start()] if dear else text[:1500])
        if line is not None:
            info.date = line[1]
    if info.date is None:
        inline = _DATE_IN_LINE.search(text[: dear.start()] if dear else text[:1500])
        if inline:
            info.date = parse_date(inline.group("date"))
    top_end = ref.start() if ref else dl.start() if dl else dear.start() if dear else 0
    # address block: non-empty lines before "Our ref"/"Date", after any letterhead in capitals
    block = [(s, e, ln.strip()) for s, e, ln in _lines(text[:top_end]) if ln.strip()]
    block = [b for b in block if not (b[2].isupper() and len(b[2].split()) <= 5) and "@" not in b[2]]
    if block and _LETTERHEAD.search(block[0][2]):
        # the sender's own letterhead ("... Darren Johnson AM Switchboard: 020 ..."), not an
        # address: the member it names wrote the letter
        sender = _SENDER.search(block[0][2])
        if sender:
            info.sender = sender.group("name")
            info.sender_span = (block[0][0] + sender.start("name"), block[0][0] + sender.end("name"))
        block = block[1:]
    if block:
        info.addressee = block[0][2]
        info.addressee_span = (block[0][0] + text[block[0][0] :].index(block[0][2][0]), block[0][1])
        if len(block) > 1:
            info.addressee_office = block[1][2]
            info.addressee_span = (info.addressee_span[0], block[1][1])
    if dear:
        # the subject line: the first non-empty line after "Dear ...,"
        for s, e, line in _lines(text[dear.end() : dear.end() + 2000]):
            if (
                line.strip()
                and re.search(r"[.?!][\"'”’)]*\s*$", line)
                and not re.match(r"\s*(?:re|subject)\b", line, re.I)
            ):
                break  # the letter opens with a sentence ("I urge you to ..."): it has no subject line
            if line.strip():
                s += dear.end()
                e += dear.end()
                info.subject_span = (s + len(line) - len(line.lstrip()), e - (len(line) - len(line.rstrip())))
                subject = line.strip()
                info.title = subject
                mm = re.match(r"(?P<body>.+?)[ ]+[Mm]eeting\b", subject)
                if mm:
                    info.meeting = mm.group("body").strip(" ,")
                dates = find_dates(subject)
                full = [d for d in dates if len(d[2]) == 10]
                if full:
                    info.meeting_date = full[0][2]
                break
    for m in _MOTION.finditer(text):
        title = m.group("title").strip()
        heading = m.group(0).strip()
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        info.motions.append(Motion(m.group("num"), title, heading, s, s + len(heading)))
    reply = _reply_sentence(text)
    if reply:
        start, end = reply
        info.reply_span = (start + len(text[start:end]) - len(text[start:end].lstrip()), end)
    closings = list(_CLOSING.finditer(text))
    closing = closings[-1] if closings else None
    lines = []
    if closing:
        lines = [
            (s + closing.end(), e + closing.end(), ln.strip())
            for s, e, ln in _lines(text[closing.end() : closing.end() + 1500])
            if ln.strip() and not re.search(r"\bsignature\b|\bsigned\b|^\[|^!\[", ln, re.IGNORECASE)
        ]
    elif dear or _DEAR_OPENING.match(text):
        lines = _signed_at_the_end(text)
    if lines:
        s, e, name = lines[0]
        s += len(text[s:e]) - len(text[s:e].lstrip())
        party = _SIGNED_NAME.match(name)
        if party and party.group("party"):
            name = name[: party.start("party")]  # "John Biggs (Lab)": the name, not the party
        info.author = name
        info.author_span = (s, e)
        offices = lines[1:] if not closing else lines[1:2]
        if offices:
            info.author_office = "\n".join(line for _, _, line in offices)
            last = text[offices[-1][0] : offices[-1][1]]
            info.author_span = (s, offices[-1][1] - (len(last) - len(last.rstrip())))


def _signed_at_the_end(text: str) -> list[tuple[int, int, str]]:
    """A letter with no "Yours sincerely" signs in its last short lines: a name, then its offices
    ("John Biggs / London Assembly budget chair / Member for City and East London")."""
    block: list[tuple[int, int, str]] = []
    for s, e, ln in reversed(list(_lines(text))):
        line = ln.strip()
        if not line:
            continue
        if len(block) == 4 or len(line) > 60 or line.endswith((".", "!", "?", ":", ";")):
            break
        block.insert(0, (s, e, line))
    return block if block and _SIGNED_NAME.match(block[0][2]) else []


def _question_answer(text: str, info: GenreInfo) -> None:
    first = _first_line(text)
    labels: dict[str, tuple[str, int, int]] = {}
    for m in _QA_LABEL.finditer(text[:6000]):
        label = " ".join(m.group("label").lower().split())
        labels.setdefault(label, (m.group("value").strip(), m.start("value"), m.end("value")))
    for key in (
        "question by",
        "question from",
        "question asked by",
        "question tabled by",
        "asked by",
        "tabled by",
    ):
        if key in labels and labels[key][0]:
            info.asker, s, e = labels[key]
            info.asker_span = (s, s + len(info.asker))
            break
    for key in ("answered by", "answer by", "answer from"):
        if key in labels and labels[key][0]:
            info.answerer, s, e = labels[key]
            info.answerer_span = (s, s + len(info.answerer))
            break
    for key in ("meeting date", "session date", "meeting", "date"):
        if key in labels:
            d = parse_date(labels[key][0])
            if d:
                info.meeting_date = d
                break
    for key in ("answer date", "date answered"):
        if key in labels:
            info.answer_date = parse_date(labels[key][0])
    for key in ("question number", "question no", "question no.", "question reference"):
        if key in labels:
            info.question_number = labels[key][0]
    title = _qa_title(text)
    if title is not None:
        info.question_title = title
        info.title = title
    elif first and not _QA_LABEL.match(first[2]):
        info.question_title = first[2]
        info.title = first[2]
    q = re.search(r"^[ ]*Question[ ]*:?[ ]*$\n(?P<body>(?:.|\n)*?)(?=^[ ]*Answer\b|\Z)", text, re.MULTILINE)
    if q:
        body = q.group("body").strip()
        if body:
            s = q.start("body") + q.group("body").index(body[0])
            info.question_text = body
            info.question_span = (s, s + len(body))
    a = re.search(r"^[ ]*Answer[ ]*:?[ ]*$\n(?P<body>(?:.|\n)*)", text, re.MULTILINE)
    if a:
        body = a.group("body").strip()
        if body:
            s = a.start("body") + a.group("body").index(body[0])
            info.answer_text = body
            info.answer_span = (s, s + len(body))
    info.date = info.answer_date or info.meeting_date


_PAGE_CHROME = re.compile(
    r"^(?:Skip[ ]to|Home\b|Menu\b|Search\b|Back\b|Share\b|Print\b|Cookies?\b|Accept\b|"
    r"(?:The[ ])?Mayor'?s[ ]Question[ ]Time\b|MQT\b|Plenary\b|Questions?[ ]to[ ]the[ ]Mayor\b|Find[ ]an[ ]answer\b)",
    re.IGNORECASE,
)


def _qa_title(text: str) -> str | None:
    """A question page's title: the last line above its first label ("Question by:", "Question
    number:" ...) that is not page furniture (skip links, breadcrumbs, the meeting's name, a date)."""
    first = _QA_LABEL.search(text[:6000])
    if first is None:
        return None
    for _s, _e, line in reversed(list(_lines(text[: first.start()]))):
        st = line.strip()
        if not st or _PAGE_CHROME.match(st) or ">" in st or " / " in st:
            continue
        if _date_line(st) is not None or not re.search(r"[A-Za-z]{2}", st):
            continue
        return st
    return None


def _press_release(text: str, info: GenreInfo) -> None:
    first = _first_line(text)
    if first and not first[2].startswith(("-", "•", "*")):
        info.title = first[2]
    for _s, _e, line in _lines(text[:4000]):
        st = line.strip()
        if re.match(r"^[-•*][ ]", st):
            info.summary.append(st[2:].strip())
        elif st and info.summary:
            break
    if not info.title and info.summary:
        info.title = info.summary[0]
    notes = re.search(r"^[ ]*Notes?[ ]to[ ]editors?\b", text, re.MULTILINE | re.IGNORECASE)
    if notes:
        info.notes_start = notes.start()
    info.publisher = "Greater London Authority" if re.search(r"\bMayor\b", text[:3000]) else None


def _news(text: str, info: GenreInfo) -> None:
    first = _first_line(text)
    if first:
        info.title = first[2]
    by = re.search(r"^[ ]*By[ ](?P<who>[A-Z][^\n]{1,60}?)[ ]*$", text[:3000], re.MULTILINE)
    if by:
        info.byline = by.group("who").strip()
        info.author = info.byline
    pub = re.search(r"^[ ]*(?:-[ ])?Published[ ]*:?[ ]*(?P<when>[^\n]{0,40})$", text[:2000], re.MULTILINE)
    if pub:
        d = parse_date(pub.group("when"))
        if d:
            info.date = d
    for name, rx in _PUBLISHERS:
        if rx.search(text):
            info.publisher = name
            break


def _generic(text: str, info: GenreInfo) -> None:
    first = _first_line(text)
    if first and len(first[2]) <= 200:
        info.title = first[2]
