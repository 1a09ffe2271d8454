"""Quotation marks paired into quotations ("units"), possibly continued over paragraphs.

Double marks pair within a paragraph; single marks count only when they pair outside double
quotes, so apostrophes ("Met's", "I'm", "victims'") are never quotation marks. UK convention
continues a quotation into the next paragraph when a paragraph opens a mark and does not close
it and the next paragraph opens one again: one unit for the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QUOTE_CHARS", "QuoteUnit", "in_quotation_marks", "paragraphs", "units"]

_DOUBLE_MARKS = '“”"„‟'
_SINGLE_OPENERS = "‘‛'’"
_SINGLE_CLOSERS = "’'"
QUOTE_CHARS = set(_DOUBLE_MARKS + "‘’'‛")
_OPEN_LEFT = set("([{—–-/“\"‘'") | {"\u00a0"}
_P_DOUBLE = re.compile('[“”"„‟]')
_P_SINGLE = re.compile("[‘’'‛]")
_P_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class QuoteUnit:
    """One quotation, possibly continued over paragraphs."""

    open: int  # the opening mark
    start: int  # first quoted character
    end: int  # after the last quoted character
    close_end: int  # after the closing mark (or the paragraph end when unclosed)
    closed: bool
    first_para: int
    last_para: int
    double: bool


def _is_open_left(ch: str) -> bool:
    """Whether an opening mark may follow this character (a space, a bracket, a dash ...)."""
    return ch.isspace() or ch in _OPEN_LEFT


def _pair_doubles(text: str, ps: int, pe: int) -> tuple[list[tuple[int, int]], int | None]:
    """Paired double quotation marks in one paragraph, and an opening mark left unclosed."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _P_DOUBLE.finditer(text, ps, pe):
        i = m.start()
        ch = text[i]
        left = text[i - 1] if i > ps else " "
        right = text[i + 1] if i + 1 < pe else " "
        opener_like = _is_open_left(left) and not right.isspace()
        closer_like = not left.isspace() and (right.isspace() or not right.isalnum())
        if open_at is None:
            if ch == "”" and not opener_like:
                continue
            if ch == '"' and closer_like and not opener_like:
                continue
            open_at = i
        elif ch in "“„‟" and opener_like and not closer_like:
            open_at = i  # the earlier mark was never closed: start again here
        else:
            spans.append((open_at, i))
            open_at = None
    return spans, open_at


def _pair_singles(text: str, lo: int, hi: int, ps: int) -> tuple[list[tuple[int, int]], int | None]:
    """Paired single quotation marks in text[lo:hi] (no double quotes inside)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _P_SINGLE.finditer(text, lo, hi):
        i = m.start()
        ch = text[i]
        left = text[i - 1] if i > ps else " "
        right = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if ch in _SINGLE_OPENERS and _is_open_left(left) and (right.isalnum() or right in "…["):
                open_at = i
        elif ch in _SINGLE_CLOSERS and not left.isspace() and not right.isalnum():
            spans.append((open_at, i))
            open_at = None
    return spans, open_at


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, its surrounding spaces trimmed."""
    out = []
    for m in _P_PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _raw_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int | None, int, bool]]:
    """(open mark, close mark or None when unclosed at paragraph end, paragraph, double?)."""
    out: list[tuple[int, int | None, int, bool]] = []
    for k, (ps, pe) in enumerate(paras):
        doubles, unclosed = _pair_doubles(text, ps, pe)
        para_spans: list[tuple[int, int | None, bool]] = [(a, b, True) for a, b in doubles]
        if unclosed is not None:
            para_spans.append((unclosed, None, True))
        # single quotation marks only outside double quotes
        cuts = sorted((a, b if b is not None else pe) for a, b, _ in para_spans)
        lo = ps
        segments = []
        for a, b in cuts:
            segments.append((lo, a))
            lo = b + 1
        segments.append((lo, pe))
        for seg_lo, seg_hi in segments:
            if seg_hi <= seg_lo:
                continue
            singles, s_open = _pair_singles(text, seg_lo, seg_hi, ps)
            para_spans.extend((a, b, False) for a, b in singles)
            if s_open is not None and s_open == ps and seg_hi == pe and unclosed is None:
                para_spans.append((s_open, None, False))  # a paragraph opening a quote it continues
        para_spans.sort(key=lambda t: t[0])
        out.extend((a, b, k, dbl) for a, b, dbl in para_spans)
    return out


def units(text: str, paras: list[tuple[int, int]]) -> list[QuoteUnit]:
    """The quotations of a text in order of their opening marks, each joined with the paragraphs
    it continues into."""
    raw = _raw_spans(text, paras)
    found: list[QuoteUnit] = []
    first_in_para: dict[int, int] = {}
    for idx, (_a, _b, k, _d) in enumerate(raw):
        first_in_para.setdefault(k, idx)
    used: set[int] = set()
    for idx, (a, b, k, dbl) in enumerate(raw):
        if idx in used:
            continue
        unit_open, last_close, last_para = a, b, k
        while last_close is None:
            nxt = first_in_para.get(last_para + 1)
            if nxt is None:
                break
            na, nb, nk, nd = raw[nxt]
            if na != paras[nk][0] or nd != dbl:
                break
            used.add(nxt)
            last_close, last_para = nb, nk
        closed = last_close is not None
        inner_end = last_close if last_close is not None else paras[last_para][1]
        start = unit_open + 1
        while start < inner_end and text[start].isspace():
            start += 1
        end = inner_end
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        close_end = last_close + 1 if last_close is not None else paras[last_para][1]
        found.append(QuoteUnit(unit_open, start, end, close_end, closed, k, last_para, dbl))
    found.sort(key=lambda u: u.open)
    return found


# how far back an open quotation is looked for: a quotation is a sentence or a few, and a page
# copied onto one long line must not make one stray mark hide the rest of it
_QUOTATION_REACH = 600


def in_quotation_marks(text: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation in curly marks: one opened earlier in its paragraph
    (at most a few sentences back), not closed before `pos` and closed after it (a stray mark,
    never closed, quotes nothing)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - _QUOTATION_REACH)
    opened = text.rfind("\u201c", start, pos)
    if opened == -1 or text.find("\u201d", opened, pos) != -1:
        return False
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    return any(text.find(mark, pos, min(end, pos + _QUOTATION_REACH)) != -1 for mark in ("\u201d", '"'))
