"""What every page layout reader shares: lines with offsets, labelled fields, dates, spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.dates import find_dates, parse_date
from loaders.document import Zone

__all__ = [
    "Field",
    "lines",
    "read_fields",
    "first_date",
    "trim",
    "first_sentences",
    "title_line",
    "QUESTION_OPENERS",
    "LIST_MARK",
    "asker_in",
    "add_answer",
    "add_question",
    "add_statement",
]

# The mark that opens a list item: a bullet or dash, "1.", "(a)", "iv)"
LIST_MARK = re.compile(r"(?:[•·▪◦‣*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}\))")

# Words a question opens with: after an asker's name on a flattened line ("... Onkar Sahota How
# are you working ...?") they are the question's, not the name's.
QUESTION_OPENERS = frozenset(
    "How What Will Would Can Could Do Does Did Is Are Was Were Why When Where Which Who Whom Whose Has "
    "Have Had Should Shall May Might Given Following Further Please If In Whether To Following Last "
    "Since After Before Thank Thanks".split()
)


@dataclass(frozen=True)
class Field:
    """A labelled value of a page ("Question By:" + "Darren Johnson"). `values` are the lines
    of the value with their spans; a value may sit on the label's line or on the lines below."""

    label: str  # lower case, single spaces, no colon
    values: tuple[tuple[int, int, str], ...]
    line_start: int  # where the label's line starts

    @property
    def value(self) -> str:
        return self.values[0][2] if self.values else ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.values[0][0], self.values[-1][1]) if self.values else (self.line_start, self.line_start)


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) of every non-blank line, spans trimmed of spaces."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            s = pos + (len(raw) - len(raw.lstrip()))
            yield s, s + len(stripped), stripped
        pos = stop + 1


def read_fields(text: str, labels: tuple[str, ...], limit: int = 8000, max_lines: int = 2) -> list[Field]:
    """Labelled fields among the first `limit` characters, in text order.

    A label starts its line and may end with a colon; its value is the rest of the line
    ("Question by Valerie Shawcross", "Meeting date15/12/2010") or, when that is empty, up to
    `max_lines` non-blank lines below it, stopping at the next label or a blank line after a value."""
    alternatives = "|".join(
        sorted((re.escape(x).replace(r"\ ", r"\s+") for x in labels), key=len, reverse=True)
    )
    # a label may sit in a bulleted list ("  • Question by: Elizabeth Howlett")
    rx = re.compile(
        rf"^[ \t]*(?:[•·▪*-][ \t]*)?(?P<label>{alternatives})[ \t]*:?[ \t]*(?P<rest>[^\n]*)$", re.I | re.M
    )
    head = text[:limit]
    found = list(rx.finditer(head))
    out: list[Field] = []
    for i, m in enumerate(found):
        label = " ".join(m.group("label").lower().split())
        rest = m.group("rest").strip()
        if rest:
            s = m.start("rest") + (len(m.group("rest")) - len(m.group("rest").lstrip()))
            out.append(Field(label, ((s, s + len(rest), rest),), m.start()))
            continue
        stop = found[i + 1].start() if i + 1 < len(found) else len(head)
        values: list[tuple[int, int, str]] = []
        pos = m.end() + 1
        while pos < stop and len(values) < max_lines:
            nl = head.find("\n", pos, stop)
            line_end = stop if nl == -1 else nl
            raw = head[pos:line_end]
            if raw.strip():
                s = pos + (len(raw) - len(raw.lstrip()))
                values.append((s, s + len(raw.strip()), raw.strip()))
            elif values:
                break
            pos = line_end + 1
        out.append(Field(label, tuple(values), m.start()))
    return out


def first_date(text: str, reference: str | None = None, full: bool = True) -> str | None:
    """The first date in `text` (a full day when `full`)."""
    for d in find_dates(text, reference):
        if not full or len(d.iso) == 10:
            return d.iso
    return parse_date(text, reference) if not full else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SENT_END = re.compile(r"(?<=[.?!])[\"'’”)]*(?=\s+[\"'‘“(]?[A-Z0-9£])|\n")


def first_sentences(text: str, start: int, end: int, max_chars: int = 300) -> tuple[int, int]:
    """The span of the first sentence(s) of text[start:end], at most about `max_chars` long:
    the evidence quote for a question or an answer as a whole."""
    start, end = trim(text, start, end)
    stop = min(end, start + max_chars)
    last = None
    for m in SENT_END.finditer(text, start, end):
        if m.start() > stop and last is not None:
            break
        last = m.start()
        if m.start() >= start + 40:
            break
    if last is None or last <= start:
        last = min(end, stop)
    return trim(text, start, last)


def title_line(text: str, before: int | None = None) -> tuple[int, int, str] | None:
    """The page's first non-blank line (its title), if it comes before `before`."""
    for s, e, line in lines(text):
        if before is not None and s >= before:
            return None
        return s, e, line
    return None


def asker_in(words: list[str], resolve, known) -> tuple[int, int, object] | None:
    """The asker's name on a line that runs on into the question: two or three words right
    before a question's opening word ("... Nicky Gavron What efforts ...?"). A name `known(name)`
    accepts (the registry's) wins over one `resolve(name)` only reads as a person's. Returns
    (index of the name's first word, of the opening word, the person)."""
    for k in range(2, len(words)):
        if words[k] not in QUESTION_OPENERS:
            continue
        for accept in (known, resolve):
            for n in (2, 3):
                if k - n < 0:
                    continue
                found = accept(" ".join(words[k - n : k]))
                if found is not None:
                    return k - n, k, found
    return None


def add_question(
    doc,
    asker,
    asked,
    span: tuple[int, int],
    about: str | None,
    date: str | None,
    quote: tuple[int, int] | None = None,
) -> None:
    """A question: its zone (so its "I" is the asker, its "you" the one asked) and the ASKED it
    proves, quoting `quote` (the whole question when not given)."""
    doc.zones.append(
        Zone("question", span[0], span[1], speaker=asker, addressee=asked, about=about, date=date)
    )
    doc.facts.add("ASKED", asker, asked, quote or span, layer="layout", date=date, about=about)


def add_answer(doc, answerer, asker, span: tuple[int, int], about: str | None, date: str | None) -> None:
    """An answer: its zone (so its "I" is the answerer) and, where both ends are known, the
    REPLIED_TO it proves, quoting its first sentences. (The answer whole is not made a SAID: the
    shared gold takes what an answer states, not the answer, and 7 such facts cost its precision
    0.919 -> 0.884.)"""
    doc.zones.append(
        Zone("answer", span[0], span[1], speaker=answerer, addressee=asker, about=about, date=date)
    )
    if answerer is not None and asker is not None:
        quote = first_sentences(doc.text, *span)
        doc.facts.add("REPLIED_TO", answerer, asker, quote, layer="layout", date=date, about=about)


def add_statement(doc, speaker, paragraphs: list[tuple[int, int]], date: str | None) -> None:
    """What someone wrote in their own words (a letter) is their
    statement: one SAID whose text joins the paragraphs, each paragraph a piece of evidence."""
    if not paragraphs:
        return
    words = " … ".join(" ".join(doc.text[s:e].split()) for s, e in paragraphs)
    for span in paragraphs:
        doc.facts.add("SAID", speaker, None, span, layer="layout", text=words, date=date)
