"""One text's paragraphs, quotations, speech verbs, clause boundaries and sentence ends, found once.

Every later look-up (the sentence around a position, the verbs in a span, the quotation holding a
position) is a bisect into these lists plus work bounded by a window, so finding the quotes of a
text stays linear in its length.
"""

from __future__ import annotations

import bisect
import re

from loaders.quotes.marks import QuoteUnit, paragraphs, units
from loaders.quotes.speakers import subject_before
from loaders.quotes.verbs import P_ACCORDING, verb_spans

__all__ = ["QuoteContext"]

_P_STRONG_BOUNDARY = re.compile(
    r",\s+(?:while|whilst|but|whereas|although|though|yet)\b|;|\sbut\s|\swhilst?\s|\s[–—]\s"
    r"|,\s+and\s+(?=[A-Z]|(?:he|she|they|we|it)\b)"
)
# a scraped page's sentences run together: "key transport requests.The mayor is ..."
_RUN_TOGETHER = re.compile(r"(?<=[a-z][a-z])[.!?](?=[A-Z](?:[a-z]|[ ]))")
_P_SENT_END = re.compile(r"[.!?…]+[’”\"')\]]*(?=\s|$)|" + _RUN_TOGETHER.pattern)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "sgt", "cllr", "rev", "hon", "gen", "col", "capt", "lt",
    "insp", "supt", "no", "nos", "vol", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "inc", "ltd",
    "co", "cf", "fig", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "rt", "det", "ch", "con", "pc", "dc", "ds", "di", "dci",
}  # fmt: skip

_WINDOW_BACK = 400
_WINDOW_FORWARD = 600
_SUBJECT_WINDOW = 220


class QuoteContext:
    """The text with its paragraphs, quotations, speech verbs and sentence ends, found once.

    Every later look-up is a bisect into these lists plus work bounded by a window, so the
    whole pass stays linear in the length of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.units = units(text, self.paras)
        self.unit_starts = [u.open for u in self.units]
        self.verbs: list[tuple[int, int, str]] = []
        for vs, ve in verb_spans(text):
            prev = text[vs - 1] if vs else " "
            if not (prev.isalnum() or prev in "_-’'") and self.unit_at(vs) is None:
                self.verbs.append((vs, ve, text[vs:ve]))
        self.verb_starts = [v[0] for v in self.verbs]
        self.according = [
            (m.start(), m.end())
            for m in P_ACCORDING.finditer(text)
            if not (m.start() and text[m.start() - 1].isalnum()) and self.unit_at(m.start()) is None
        ]
        self.according_starts = [a[0] for a in self.according]
        self.bounds = [
            (m.start(), m.end()) for m in _P_STRONG_BOUNDARY.finditer(text) if self.unit_at(m.start()) is None
        ]
        self.bound_starts = [b[0] for b in self.bounds]
        self.ends = [(m.start(), m.end()) for m in _P_SENT_END.finditer(text)]
        self.end_starts = [e[0] for e in self.ends]
        self._subjects: dict[tuple[int, int], tuple[int, int] | None] = {}

    def para_of(self, pos: int) -> tuple[int, int, int]:
        """(index, start, end) of the paragraph holding pos ((-1, 0, 0) before the first)."""
        k = bisect.bisect_right(self.para_starts, pos) - 1
        if k < 0:
            return -1, 0, 0
        ps, pe = self.paras[k]
        return k, ps, pe

    def unit_at(self, pos: int) -> QuoteUnit | None:
        """The quotation whose marks enclose pos (opening mark < pos < closing mark)."""
        k = bisect.bisect_right(self.unit_starts, pos) - 1
        # a few steps back cover quotes nested in time order
        for j in range(k, max(-1, k - 3), -1):
            u = self.units[j]
            if u.open < pos < u.close_end - (1 if u.closed else 0):
                return u
        return None

    def verbs_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Speech verbs (start, end, verb) outside quotations starting in text[lo:hi]."""
        return self.verbs[bisect.bisect_left(self.verb_starts, lo) : bisect.bisect_left(self.verb_starts, hi)]

    def according_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of "according to " outside quotations starting in text[lo:hi]."""
        a, b = bisect.bisect_left(self.according_starts, lo), bisect.bisect_left(self.according_starts, hi)
        return self.according[a:b]

    def strong_boundaries(self, lo: int, hi: int) -> list[int]:
        """Ends of clause boundaries (", while", ", but", ";" ...) lying in text[lo:hi]."""
        a, b = bisect.bisect_left(self.bound_starts, lo), bisect.bisect_left(self.bound_starts, hi)
        return [e for _s, e in self.bounds[a:b] if e <= hi]

    def subject(self, lo: int, verb_start: int, verb: str) -> tuple[int, int] | None:
        """The speaker phrase before a verb, not before lo (speakers.subject_before), asked once."""
        joined = list(_RUN_TOGETHER.finditer(self.text, max(lo, verb_start - _SUBJECT_WINDOW), verb_start))
        if joined:
            lo = max(lo, joined[-1].end())  # "written to the chancellor.A city hall source said"
        key = (lo, verb_start)
        if key not in self._subjects:
            self._subjects[key] = subject_before(
                self.text, max(lo, verb_start - _SUBJECT_WINDOW), verb_start, verb
            )
        return self._subjects[key]

    def _is_boundary(self, start: int, end: int, lo: int) -> bool:
        """Whether the sentence-end match text[start:end] ends a sentence: not inside a quotation
        that goes on, not after an abbreviation or initial, not before a lower-case word."""
        text = self.text
        unit = self.unit_at(start)
        if unit is not None and unit.close_end > end:
            return False  # inside a quotation that goes on
        if text[start] == ".":
            w = start
            while w > lo and w > start - 12 and (text[w - 1].isalnum() or text[w - 1] == "."):
                w -= 1
            word = text[w:start].lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                return False
        nxt = end
        while nxt < len(text) and nxt < end + 8 and text[nxt] in " \t\u00a0":
            nxt += 1
        return not (nxt < len(text) and text[nxt].islower())

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding pos (within its paragraph and a window back)."""
        _, ps, _ = self.para_of(pos)
        lo = max(ps, pos - _WINDOW_BACK)
        start = lo
        k = bisect.bisect_left(self.end_starts, pos) - 1
        while k >= 0 and self.ends[k][0] >= lo:
            s, e = self.ends[k]
            if e <= pos and self._is_boundary(s, e, lo):
                start = e
                break
            k -= 1
        while start < pos and self.text[start].isspace():
            start += 1
        return start

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding pos (within its paragraph and a window forward)."""
        _, _, pe = self.para_of(pos)
        if pe <= pos:
            return pos
        hi = min(pe, pos + _WINDOW_FORWARD)
        k = bisect.bisect_left(self.end_starts, pos)
        while k < len(self.ends) and self.ends[k][0] < hi:
            s, e = self.ends[k]
            if self._is_boundary(s, e, pos):
                return min(e, pe)
            k += 1
        return hi

    def after_last_quote(self, lo: int, pos: int) -> int:
        """Where the clause before `pos` can start: after the last quotation closing in text[lo:pos]."""
        k = bisect.bisect_left(self.unit_starts, pos) - 1
        while k >= 0:
            u = self.units[k]
            if u.open < lo:
                break
            if u.close_end <= pos:
                return max(lo, u.close_end)
            k -= 1
        return lo
