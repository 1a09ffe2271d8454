"""Direct quotations and reported speech, with who said them, as the text writes it.

SAID facts need the words, the speaker phrase and the sentence that proves the attribution.
UK press releases and news reports quote in a few regular shapes, which this module reads with
bounded look-arounds (no parser, so it stays fast on large inputs):

- attribution before the quote: `X said: "..."`, `X, the Met's lead, said "..."`,
  `According to X, "..."`, `X called the funds "too little, too late"`, or a fragment inside a
  sentence whose speech verb names the speaker (`X said the force had "not seen" a problem`);
- attribution after it: `"...," X said.`, `"...," said X.`, `"...", she said.`;
- quotes continued over paragraphs (UK convention: a paragraph that opens a quotation mark and
  does not close it continues into the next paragraph that opens one): one Quote for the run;
- a whole-sentence quote straight after an attributed one (nothing else between them) keeps
  that speaker, as news copy does (`"...," she said. "More words."`);
- reported speech: `X said (that) <clause>`, `X told the London Assembly <clause>`,
  `<clause>, X told the London Assembly earlier this month.`, `<clause>, according to X.`

Titles, scare quotes and link texts are not statements: a quote is returned only with a
speech verb (or "according to") linking it to a speaker; one to three quoted words must sit
close after that verb, and quotes right after "the term", "so-called", "titled", "using" ...
are never statements. Single quotation marks count only when paired (so apostrophes such as
"Met’s", "I’m" and "victims’" are not quotation marks). Pronoun speakers are returned as
written ("she"): resolving them is the caller's job. Where a reported clause contains a direct
quote, only the direct quote is returned, so one statement is not counted twice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]


@dataclass(frozen=True)
class Quote:
    """A statement: the quoted (or reported) words, their speaker and the clause stating it."""

    start: int
    end: int
    text: str  # the quoted words without the outer quotation marks; == source[start:end]
    kind: str  # "direct" or "reported"
    speaker: str | None  # the attribution phrase as written ("Sir Sadiq", "she", ...)
    speaker_start: int | None
    speaker_end: int | None
    clause_start: int  # the sentence(s) stating it, quote and attribution, for evidence
    clause_end: int
    verb: str | None = None  # the speech verb linking speaker and words ("said", "told" ...)
    inherited: bool = False  # speaker carried over from the quote just before


# --- vocabulary ---------------------------------------------------------------------------------

_REPORTING = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "warned",
    "warns",
    "warning",
    "explained",
    "explains",
    "explaining",
    "stressed",
    "stresses",
    "stressing",
    "claimed",
    "claims",
    "claiming",
    "revealed",
    "reveals",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "confirmed",
    "confirms",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "stated",
    "states",
    "suggested",
    "suggests",
    "conceded",
    "concedes",
    "maintained",
    "maintains",
    "announced",
    "announces",
    "emphasised",
    "emphasized",
    "emphasising",
    "emphasizing",
    "cautioned",
    "predicted",
    "wrote",
    "writes",
    "denied",
    "denies",
]
_DIRECT_ONLY = [
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "commented",
    "comments",
    "remarked",
    "declared",
    "declares",
    "continued",
    "answered",
    "recalled",
    "urged",
    "urges",
    "pledged",
    "promised",
    "vowed",
    "announcing",
]
_CHARACTERISING = [
    "called",
    "calls",
    "described",
    "describes",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "dubbed",
    "accused",
    "accuses",
    "criticised",
    "criticized",
    "slammed",
    "condemned",
]
_EXPECTING = [
    "expected",
    "expects",
    "believes",
    "believed",
    "thinks",
    "thought",
    "hopes",
    "hoped",
    "feels",
    "felt",
    "fears",
    "feared",
    "estimated",
]
_NEEDS_THAT = {
    "announced",
    "announces",
    "denied",
    "denies",
    "wrote",
    "writes",
    "notes",
    "states",
    "predicted",
}
_TELL = {"told", "tells", "telling"}
_NAMING = {"called", "calls", "dubbed", "labelled", "labeled", "branded", "brands"}

_ALL_VERBS = _REPORTING + _DIRECT_ONLY + _CHARACTERISING + _EXPECTING
# Literal alternations first: the regex engine then skips ahead fast (the word boundary before
# is checked in Python, see _Context).
_P_VERB = re.compile("(?:" + "|".join(sorted(set(_ALL_VERBS), key=len, reverse=True)) + r")\b")
_REPORTING_SET = frozenset(_REPORTING)
_P_ACCORDING = re.compile(r"(?:According|according) to\s+")

_AUX = {
    "has", "had", "have", "also", "previously", "now", "then", "later", "again", "repeatedly",
    "directly", "apparently", "reportedly", "today", "yesterday", "recently", "publicly", "privately",
    "already", "once", "first", "further", "subsequently", "however", "just", "always", "often",
    "still", "earlier", "too", "since", "is", "are", "was", "were", "be", "been", "being",
    "similarly", "separately", "openly", "explicitly", "specifically", "clearly", "firmly", "simply",
    "originally", "initially", "last", "night", "week", "month", "year", "this", "personally",
}  # fmt: skip
_PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "being"}
_BLOCKING = {
    "to", "would", "will", "could", "should", "may", "might", "must", "can", "did", "does", "do",
    "not", "never", "n't", "who", "which", "that", "whom", "whose", "what", "if", "whether", "when",
    "where", "why", "how", "cannot", "shall", "won't", "wouldn't", "didn't", "doesn't", "don't",
    "can't", "couldn't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "weren't",
}  # fmt: skip
_PRONOUNS = {"i", "we", "he", "she", "they", "it", "you"}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "many", "several", "both", "all", "each", "every", "one", "two", "three",
    "another", "other", "most", "senior", "former",
}  # fmt: skip
_OPENERS = {
    "in", "on", "at", "when", "while", "whilst", "as", "after", "before", "since", "if", "although",
    "though", "because", "during", "despite", "following", "given", "under", "over", "within", "with",
    "without", "for", "from", "by", "having", "unlike", "like", "amid", "amongst", "among", "between",
    "through", "until", "once", "last", "this", "next", "earlier", "later", "yesterday", "today",
    "tonight", "meanwhile", "however", "but", "and", "also", "elsewhere", "according", "separately",
    "overall", "previously", "here", "there", "now", "instead", "notably", "similarly", "likewise",
    "additionally", "further", "furthermore", "moreover", "thus", "then", "indeed", "of", "to",
    "recently", "currently", "initially", "originally", "ultimately", "finally", "first", "second",
    "third", "lastly", "again", "still", "yet", "so", "or", "nor", "plus", "hence", "nonetheless",
    "nevertheless", "subsequently", "crucially", "importantly", "speaking", "asked", "writing",
    "responding", "appearing", "addressing", "commenting", "reacting", "explaining", "against",
    "across", "around", "beyond", "behind", "above", "below", "towards", "toward", "upon",
    "throughout", "alongside", "inside", "outside", "considering", "regarding", "ahead", "due",
    "thanks", "whatever", "whether", "where", "why", "how", "what", "who", "which", "whose",
}  # fmt: skip
_LEAD_CONNECTORS = {
    "but", "and", "so", "yet", "however", "meanwhile", "now", "also", "then", "instead", "indeed",
    "still", "separately", "elsewhere", "overall", "previously", "later", "earlier", "today",
    "yesterday", "tonight", "finally", "additionally", "moreover", "furthermore", "plus", "or", "nor",
    "thus", "hence", "nonetheless", "nevertheless", "subsequently", "ultimately", "notably",
    "crucially", "importantly", "similarly", "likewise", "here", "there", "again",
}  # fmt: skip
_SUBORDINATORS = {
    "after", "before", "when", "while", "whilst", "because", "although", "though", "since", "if",
    "as", "until", "once", "whether", "where", "whereas", "unless",
}  # fmt: skip
_PREPOSITION_LIKE = {
    "following", "including", "regarding", "concerning", "excluding", "considering", "involving",
    "amid", "despite", "about", "over", "against", "among", "amongst", "during", "into", "onto",
}  # fmt: skip
_FINITE_AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "did", "does", "do", "must", "may", "might", "shall",
}  # fmt: skip
_BAD_LAST = {
    "the", "a", "an", "of", "to", "for", "and", "or", "but", "in", "on", "at", "by", "with", "from",
    "as", "than", "that", "which", "who", "whose", "whom", "his", "her", "its", "their", "our", "my",
    "your", "this", "these", "those", "not",
}  # fmt: skip
# Words just before a quote that make it a name, term or title rather than a statement.
_P_TERM_BEFORE = re.compile(
    r"(?i)(?:\bso-called|\bthe\s+(?:term|terms|word|words|phrase|label|slogan|hashtag|name|title|headline|strapline|banner)"
    r"|\bterm(?:ed)?|\btitled|\bentitled|\bheadlined|\bnamed|\bnicknamed|\bbadged|\bbranded\s+as|\bknown\s+as"
    r"|\breferred\s+to\s+as|\bcharacteri[sz]ed\s+as|\busing|\buse\s+of|\bmarked|\breading|\bcategori[sz]ed\s+as"
    r"|\bclassed\s+as|\bdescribed\s+by\s+the\s+term|\bread\s+more|\bsee|\bvisit|\bclick)"
    r"[\s,:]*$"
)
_P_FINITE_ED = re.compile(r"^[a-z]{3,}ed$")
_P_STRONG_BOUNDARY = re.compile(
    r",\s+(?:while|whilst|but|whereas|although|though|yet)\b|;|\sbut\s|\swhilst?\s|\s[–—]\s"
    r"|,\s+and\s+(?=[A-Z]|(?:he|she|they|we|it)\b)"
)
_P_SENT_END = re.compile(r"[.!?…]+[’”\"')\]]*(?=\s|$)")
_P_WORD = re.compile(r"[^\s,]+")
_P_TEMPORAL = re.compile(
    r"(?i)\s*,?\s*(?:(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this|next)\s+(?:week|month|year|night|[a-z]+day)"
    r"|on\s+[A-Z][a-z]+day(?:\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)?|on\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+"
    r"|yesterday|today|recently|previously|before|repeatedly|publicly|privately|again|consistently"
    r"|clearly|already|often|earlier|later|openly|explicitly|firmly|also|then|now|once"
    r"|in\s+(?:a|an|the|his|her|their|its)\s+[a-z]+(?:\s+[a-z]+)?"
    r"|at\s+(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?|in\s+[A-Z][a-z]+(?:\s+\d{4})?)\b\s*,?"
)
_P_JOINED_VERB = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+)?$")
# (up to eight words, commas allowed: "told the Assembly's Fire, Resilience and Emergency Planning
# Committee on Tuesday that ...")
_P_OBJECT_TAIL = re.compile(r"(?:,?\s+[\w’'-]+){1,8}?\s+that\b")
_P_LEADING_TIME = re.compile(
    r"(?:(?i:last|this|next|earlier|later)\s+(?i:week|month|year|night|weekend|[a-z]+day|spring|summer|autumn|winter)"
    r"|(?:In|On|At|By|During|Since)\s+(?:[A-Z][\w’'-]*|\d{1,4})(?:\s+(?:[A-Z][\w’'-]*|\d{1,4})){0,3})\s+(?=\S)"
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "sgt", "cllr", "rev", "hon", "gen", "col", "capt", "lt",
    "insp", "supt", "no", "nos", "vol", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "inc", "ltd",
    "co", "cf", "fig", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "rt", "det", "ch", "con", "pc", "dc", "ds", "di", "dci",
}  # fmt: skip

_DOUBLE_MARKS = '“”"„‟'
_SINGLE_OPENERS = "‘‛'’"
_SINGLE_CLOSERS = "’'"
_QUOTE_CHARS = set(_DOUBLE_MARKS + "‘’'‛")
_OPEN_LEFT = set("([{—–-/“\"‘'") | {"\u00a0"}
_P_DOUBLE = re.compile('[“”"„‟]')
_P_SINGLE = re.compile("[‘’'‛]")
_P_PARAGRAPH = re.compile(r"[^\n]+")

_WINDOW_BACK = 400
_WINDOW_FORWARD = 600
_SUBJECT_WINDOW = 220


# --- quotation marks ----------------------------------------------------------------------------


@dataclass
class _Unit:
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
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


def _units(text: str, paras: list[tuple[int, int]]) -> list[_Unit]:
    raw = _raw_spans(text, paras)
    units: list[_Unit] = []
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
        units.append(_Unit(unit_open, start, end, close_end, closed, k, last_para, dbl))
    units.sort(key=lambda u: u.open)
    return units


# --- sentences ----------------------------------------------------------------------------------


def _verb_automaton():
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the regex gives the same spans
        return None
    automaton = ahocorasick.Automaton()
    for verb in set(_ALL_VERBS):
        automaton.add_word(verb, len(verb))
    automaton.make_automaton()
    return automaton


_VERBS_AC = _verb_automaton()


def _verb_spans(text: str):
    """The spans _P_VERB.finditer gives (the longest verb at each start that ends a word, left to
    right without overlaps), found with one Aho-Corasick pass: the 100-word alternation was
    the slowest scan of the extractor."""
    if _VERBS_AC is None:
        return [(m.start(), m.end()) for m in _P_VERB.finditer(text)]
    n = len(text)
    best: dict[int, int] = {}
    for end_incl, length in _VERBS_AC.iter(text):
        end = end_incl + 1
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue  # \b after the verb
        start = end - length
        if best.get(start, 0) < length:
            best[start] = length
    out = []
    last_end = 0
    for start in sorted(best):
        if start >= last_end:
            out.append((start, start + best[start]))
            last_end = start + best[start]
    return out


class _Context:
    """The text with its paragraphs, quotations, speech verbs and sentence ends, found once.

    Every later look-up is a bisect into these lists plus work bounded by a window, so the
    whole pass stays linear in the length of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = _paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.units = _units(text, self.paras)
        self.unit_starts = [u.open for u in self.units]
        self.verbs: list[tuple[int, int, str]] = []
        for vs, ve in _verb_spans(text):
            prev = text[vs - 1] if vs else " "
            if not (prev.isalnum() or prev in "_-’'") and self.unit_at(vs) is None:
                self.verbs.append((vs, ve, text[vs:ve]))
        self.verb_starts = [v[0] for v in self.verbs]
        self.according = [
            (m.start(), m.end())
            for m in _P_ACCORDING.finditer(text)
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
        k = bisect.bisect_right(self.para_starts, pos) - 1
        if k < 0:
            return -1, 0, 0
        ps, pe = self.paras[k]
        return k, ps, pe

    def unit_at(self, pos: int) -> _Unit | None:
        """The quotation whose marks enclose pos (opening mark < pos < closing mark)."""
        k = bisect.bisect_right(self.unit_starts, pos) - 1
        # a few steps back cover quotes nested in time order
        for j in range(k, max(-1, k - 3), -1):
            u = self.units[j]
            if u.open < pos < u.close_end - (1 if u.closed else 0):
                return u
        return None

    def verbs_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        return self.verbs[bisect.bisect_left(self.verb_starts, lo) : bisect.bisect_left(self.verb_starts, hi)]

    def according_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        a, b = bisect.bisect_left(self.according_starts, lo), bisect.bisect_left(self.according_starts, hi)
        return self.according[a:b]

    def strong_boundaries(self, lo: int, hi: int) -> list[int]:
        """Ends of clause boundaries (", while", ", but", ";" ...) lying in text[lo:hi]."""
        a, b = bisect.bisect_left(self.bound_starts, lo), bisect.bisect_left(self.bound_starts, hi)
        return [e for _s, e in self.bounds[a:b] if e <= hi]

    def subject(self, lo: int, verb_start: int, verb: str) -> tuple[int, int] | None:
        key = (lo, verb_start)
        if key not in self._subjects:
            self._subjects[key] = _subject(self.text, max(lo, verb_start - _SUBJECT_WINDOW), verb_start, verb)
        return self._subjects[key]

    def _is_boundary(self, start: int, end: int, lo: int) -> bool:
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


# --- speakers -----------------------------------------------------------------------------------

_ELIDED = (-1, -1)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(*m.span(), m.group()) for m in _P_WORD.finditer(text, lo, hi)]


def _is_np_head(words: list[tuple[int, int, str]]) -> bool:
    if not words:
        return False
    first = words[0][2].strip("([")
    low = first.lower()
    if not first or not (first[0].isalpha()):
        return False
    if any(w[2].lower() in _FINITE_AUX for w in words) or words[-1][2].lower() in _SUBORDINATORS:
        return False
    if first[0].isupper():
        participle = len(low) > 4 and low.endswith(("ing", "ed")) and len(words) > 1
        return low not in _OPENERS and not participle
    return low in _PRONOUNS or low in _DETERMINERS


def _subject(text: str, lo: int, verb_start: int, verb: str) -> tuple[int, int] | None:
    """The speaker phrase ending just before a speech verb; _ELIDED when none is written."""
    words = _words(text, lo, verb_start)
    passive = False
    while words and words[-1][2].lower() in _AUX:
        if words[-1][2].lower() in _PASSIVE_AUX:
            passive = True
        words.pop()
    if passive and not verb.endswith("ing"):
        return None
    if words and words[-1][2].lower() in _BLOCKING:
        return None
    if all(w[2].lower() in ("and", "but", "then", "so", "yet", "or") for w in words):
        return _ELIDED  # "..., and said ...": the subject is the one before
    # strip what comes before the subject, until nothing changes:
    # connectors and time phrases ("But", "Last week", "In January"), comma-separated parts that
    # are not a noun phrase ("In a statement, X", "appearing before the GLA, X"), and a
    # subordinate clause ending in the subject ("It comes after the Met", "When Hall asked ...")
    for _ in range(12):
        before = len(words)
        while len(words) > 1 and words[0][2].lower().rstrip(",") in _LEAD_CONNECTORS:
            words.pop(0)
        if words:
            m = _P_LEADING_TIME.match(text, words[0][0], verb_start)
            if m and m.end() < verb_start:
                words = [w for w in words if w[0] >= m.end()]
        comma_idx = next((i for i, w in enumerate(words) if text[w[1] : w[1] + 1] == ","), None)
        if comma_idx is not None and comma_idx < len(words) - 1 and not _is_np_head(words[: comma_idx + 1]):
            words = words[comma_idx + 1 :]
            continue
        head_end = comma_idx if comma_idx is not None else len(words) - 1
        for i in range(head_end, -1, -1):
            if words[i][2].lower() in _SUBORDINATORS and i < len(words) - 1:
                words = words[i + 1 :]
                break
        if len(words) == before:
            break
    if not words:
        return None
    # a finite verb in the head means a clause, not a noun phrase: keep what follows "and"/"but"
    # (appositions after a comma may hold one: "The review, which will report in spring,")
    head_end = next((i for i, w in enumerate(words) if text[w[1] : w[1] + 1] == ","), len(words) - 1)
    for i in range(head_end, -1, -1):
        if words[i][2].lower() in _FINITE_AUX:
            rest = words[i + 1 :]
            cut = next(
                (j for j in range(len(rest) - 1, -1, -1) if rest[j][2].lower() in ("and", "but", "then")),
                None,
            )
            if cut is None:
                return None
            words = rest[cut + 1 :]
            if not words:
                return _ELIDED  # "X said A had doubled and warned ...": the same X
            break
    # trailing participle or time phrase in apposition ("The Mayor, speaking at City Hall,")
    while len(words) > 1 and "," in text[words[-1][1] - 1 : verb_start]:
        comma_positions = [i for i, w in enumerate(words[:-1]) if text[w[1] : w[1] + 1] == ","]
        if not comma_positions:
            break
        last_part = words[comma_positions[-1] + 1 :]
        lead = last_part[0][2].lower()
        if lead.endswith("ing") or lead in _AUX or lead in ("on", "in", "at", "during", "speaking"):
            words = words[: comma_positions[-1] + 1]
        else:
            break
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    while end > start and text[end - 1] in ",":
        end -= 1
    return (start, end) if _valid_subject(text, start, end) else None


def _valid_subject(text: str, start: int, end: int) -> bool:
    phrase = text[start:end]
    if not phrase or len(phrase) > 200 or "\n" in phrase:
        return False
    if any(c in _QUOTE_CHARS and c not in "'’" for c in phrase) or any(c in "!?;:" for c in phrase):
        return False
    tokens = phrase.replace(",", " ").split()
    if not tokens or len(tokens) > 25:
        return False
    first, last = tokens[0].strip("(["), tokens[-1].lower().strip(")]")
    if not first or not first[0].isalpha():
        return False
    if first[0].islower() and first.lower() not in _PRONOUNS and first.lower() not in _DETERMINERS:
        return False
    if first.lower() in _PRONOUNS and len(tokens) > 1:
        return False  # "It follows claims ...": a pronoun is a whole subject on its own
    if last in _BAD_LAST or last in _PREPOSITION_LIKE or last.endswith(("'s", "’s")):
        return False
    return any(t.lower() not in _DETERMINERS for t in tokens)


def _subject_after_verb(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker written after the verb ("..., said Sir Mark Rowley, the Commissioner.")."""
    while pos < hi and text[pos] in " \t\u00a0":
        pos += 1
    end = pos
    while end < hi and text[end] not in '.;!?\n“”"‘':
        end += 1
    phrase_end = end
    # cut a continuation that is not apposition (", adding that ...", ", who ...")
    for m in re.finditer(r",\s*", text[pos:end]):
        nxt = text[pos + m.end() : pos + m.end() + 12].split(" ")[0].lower()
        if nxt and nxt[0].islower() and nxt not in _DETERMINERS:
            phrase_end = pos + m.start()
            break
    while phrase_end > pos and text[phrase_end - 1] in " ,\t":
        phrase_end -= 1
    if phrase_end <= pos or not _valid_subject(text, pos, phrase_end):
        return None
    return pos, phrase_end


# --- attributions inside one sentence ----------------------------------------------------------


@dataclass
class _Attribution:
    verb_start: int
    verb_end: int
    verb: str
    speaker: tuple[int, int]


def _kind(verb: str) -> int:
    """Rank of a verb for linking a quote: speech and characterising verbs before expectation."""
    return 1 if verb in _EXPECTING else 0


def _attributions(ctx: _Context, lo: int, hi: int) -> list[_Attribution]:
    """Speech verbs with their speakers in text[lo:hi] (one sentence), outside quotations."""
    text = ctx.text
    boundaries = ctx.strong_boundaries(lo, hi)
    found: list[_Attribution] = []
    for vs, ve, verb in ctx.verbs_in(lo, hi):
        b = lo
        for pos in boundaries:
            if pos <= vs:
                b = pos
        # a quotation, or an earlier attribution, between boundary and verb belongs to an
        # earlier clause ("X said, adding that ...")
        if found and b <= found[-1].verb_end <= vs:
            b = max(b, found[-1].verb_end, found[-1].speaker[1] if found[-1].speaker[0] > vs else 0)
        subj = ctx.subject(_after_last_quote(ctx, b, vs), vs, verb)
        if subj is None:
            continue
        if subj == _ELIDED:
            if not found:
                continue
            subj = found[-1].speaker
        found.append(_Attribution(vs, ve, verb, subj))
    for a_start, a_end in ctx.according_in(lo, hi):
        stop = a_end
        while stop < hi and stop < a_end + 200 and text[stop] not in ',.;:\n“”"‘':
            stop += 1
        end = stop
        while end > a_end and text[end - 1].isspace():
            end -= 1
        if end > a_end and _valid_subject(text, a_end, end):
            found.append(_Attribution(a_start, a_end, "according to", (a_end, end)))
    found.sort(key=lambda a: a.verb_start)
    return found


def _after_last_quote(ctx: _Context, lo: int, pos: int) -> int:
    k = bisect.bisect_left(ctx.unit_starts, pos) - 1
    while k >= 0:
        u = ctx.units[k]
        if u.open < lo:
            break
        if u.close_end <= pos:
            return max(lo, u.close_end)
        k -= 1
    return lo


def _word_count(text: str) -> int:
    return len(text.split())


def _before(ctx: _Context, unit: _Unit) -> tuple[_Attribution, int] | None:
    """The attribution before a quote in its sentence (or an intro line ending with ':')."""
    text = ctx.text
    q = unit.open
    _, ps, _ = ctx.para_of(q)
    lo = ctx.sentence_start(q)
    hi = q
    if lo >= q:
        # quote opens the sentence: an intro "X said:" may close the paragraph before it
        k = unit.first_para
        if q == ps and k > 0:
            pps, ppe = ctx.paras[k - 1]
            if text[ppe - 1] == ":":
                hi = ppe
                lo = ctx.sentence_start(ppe - 1)
        if lo >= hi:
            return None
    found = _attributions(ctx, lo, hi)
    if not found or _P_TERM_BEFORE.search(text, max(lo, q - 60), q):
        return None
    words = _word_count(text[unit.start : unit.end])
    bounds = [b for b in ctx.strong_boundaries(lo, hi) if b <= q]
    b = bounds[-1] if bounds else lo
    near = [a for a in found if a.verb_start >= b] or (found if words >= 4 else [])
    if not near:
        return None
    near.sort(key=lambda a: (_kind(a.verb), -a.verb_start))
    chosen = near[0]
    gap_from = chosen.verb_end
    prev = _after_last_quote(ctx, chosen.verb_end, q)
    gap_from = max(gap_from, prev)
    gap = text[gap_from:q] if hi == q else ""
    if chosen.verb in _NAMING and not gap.strip():
        return None  # 'a report called "..."' names a thing
    if words <= 3 and hi == q and (_word_count(gap) > 6 or "," in gap.strip().rstrip(",:")):
        return None  # a scare quote far from the verb is not the statement
    return chosen, lo


def _after(ctx: _Context, unit: _Unit) -> tuple[_Attribution, int] | None:
    """The attribution right after a closed quote: '"...," X said.' or '"...," said X.'."""
    if not unit.closed:
        return None
    text = ctx.text
    _, _, pe = ctx.para_of(unit.close_end - 1)
    pos = unit.close_end
    hi = min(pe, pos + 200)
    while pos < hi and text[pos] in " \t\u00a0,":
        pos += 1
    inner_tail = text[unit.start : unit.end].rstrip()
    ended = inner_tail[-1:] in (".", "!", "?", "…") if inner_tail else False
    stop = pos
    while stop < hi and text[stop] not in '.;!?\n“”"‘(':
        stop += 1
    verbs = ctx.verbs_in(pos, stop)
    if not verbs:
        return None
    vs, ve, verb = verbs[0]
    if verb in _EXPECTING or verb in _CHARACTERISING:
        return None
    if ended and pos < len(text) and text[pos].isupper() and vs != pos and text[pos : pos + 2] != "I ":
        return None  # a new sentence starts after the quote
    if vs == pos:
        subj = _subject_after_verb(text, ve, hi)
    else:
        subj = ctx.subject(pos, vs, verb)
        if subj == _ELIDED or (subj is not None and subj[0] != pos):
            subj = None  # only the speaker may stand between the quote and its verb
    if subj is None:
        return None
    end = ctx.sentence_end(max(ve, subj[1]))
    return _Attribution(vs, ve, verb, subj), end


# --- direct quotes ------------------------------------------------------------------------------


def _direct(ctx: _Context) -> list[Quote]:
    text = ctx.text
    out: list[Quote] = []
    for unit in ctx.units:
        if unit.end <= unit.start or not any(c.isalpha() for c in text[unit.start : unit.end]):
            continue
        att = _before(ctx, unit)
        clause_start = clause_end = None
        if att is not None:
            a, clause_start = att
            clause_end = ctx.sentence_end(max(unit.start, unit.end - 1))
        else:
            after = _after(ctx, unit)
            if after is not None:
                a, clause_end = after
                clause_start = ctx.sentence_start(unit.open)
        if clause_start is None or clause_end is None:
            out.append(_unattributed(ctx, unit))
            continue
        s, e = a.speaker
        out.append(
            Quote(
                unit.start,
                unit.end,
                text[unit.start : unit.end],
                "direct",
                text[s:e],
                s,
                e,
                min(clause_start, unit.open),
                max(clause_end, unit.close_end),
                a.verb,
            )  # fmt: skip
        )
    return out


def _unattributed(ctx: _Context, unit: _Unit) -> Quote:
    """A placeholder for a quote without a speaker: kept only if _inherit gives it one."""
    t = ctx.text
    return Quote(
        unit.start, unit.end, t[unit.start : unit.end], "direct", None, None, None, unit.open, unit.close_end
    )


def _inherit(ctx: _Context, quotes: list[Quote]) -> list[Quote]:
    """Whole-sentence quotes right after an attributed quote keep its speaker."""
    text = ctx.text
    out: list[Quote] = []
    prev: Quote | None = None
    for q in quotes:
        if q.speaker is not None:
            out.append(q)
            prev = q
            continue
        unit = ctx.unit_at(q.start)
        if unit is None or prev is None:
            prev = None
            continue
        between = text[prev.clause_end : unit.open]
        starts_sentence = ctx.sentence_start(unit.open) >= unit.open
        if between.strip() or not starts_sentence or _word_count(q.text) < 4:
            prev = None
            continue
        clause_end = ctx.sentence_end(max(unit.start, unit.end - 1))
        inherited = Quote(
            q.start, q.end, q.text, "direct", prev.speaker, prev.speaker_start, prev.speaker_end,
            unit.open, max(clause_end, unit.close_end), prev.verb, True,
        )  # fmt: skip
        out.append(inherited)
        prev = inherited
    return out


# --- reported speech ----------------------------------------------------------------------------


# Verbs that often take a plain object ("revealed the figures, which ..."): their clause must
# show a finite verb before its first comma.
_NP_OBJECT_VERBS = {
    "revealed", "reveals", "confirmed", "confirms", "admitted", "admits", "acknowledged",
    "acknowledges", "stressed", "stresses", "stressing", "noted", "noting", "suggested", "suggests",
    "emphasised", "emphasized", "emphasising", "emphasizing", "maintained", "maintains", "cautioned",
}  # fmt: skip


def _is_finite(word: str) -> bool:
    low = word.lower().strip(",.;:()")
    return low in _FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low) is not None


def _finite_soon(words: list[str], stop_at_comma: bool = True) -> bool:
    """Whether a clause has a finite verb early on (in 12 words, before a comma if asked)."""
    for w in words[:12]:
        low = w.lower().strip(",.;:()")
        if low in _FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low):
            return True
        if low in ("says", "remains", "needs", "seems", "means", "continues", "goes", "makes", "takes"):
            return True
        if stop_at_comma and w.endswith(","):
            return False
    return False


_CLAUSE_START_OK = _PRONOUNS | _DETERMINERS | {"there", "more", "no", "not", "only", "fewer", "less"}
_FUNCTION_WORDS = (
    _BAD_LAST
    | _SUBORDINATORS
    | _PREPOSITION_LIKE
    | {"to", "so", "nor", "yet", "if", "into", "upon", "via", "per"}
)
_APPROX = {"about", "around", "over", "almost", "nearly", "some", "up"}  # "about 1,200 remained"


def _clause_ok(text: str, start: int, end: int, had_that: bool, verb: str = "") -> bool:
    words = text[start : min(end, start + 300)].split()  # the opening words decide
    if len(words) < 3:
        return False
    first = words[0].strip("(")
    if not first:
        return False
    if not had_that:
        low = first.lower()
        approx = low in _APPROX and len(words) > 1 and words[1][:1].isdigit()
        # a bare noun phrase of up to three words before the verb: "members would walk out"
        bare = low not in _FUNCTION_WORDS and any(_is_finite(w) for w in words[1:4])
        if not (
            first[0].isupper()
            or first[0].isdigit()
            or low in _CLAUSE_START_OK
            or first[0] == "£"
            or approx
            or bare
        ):
            return False
    return True if had_that else _finite_soon(words, stop_at_comma=verb in _NP_OBJECT_VERBS)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.–—-"):
        end -= 1
    return start, end


def _skip_object(text: str, pos: int, hi: int) -> int | None:
    """End of the object of "told" ("the London Assembly", "reporters", "MPs")."""
    m = re.compile(
        r"\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|on|the|in)?\s*[A-Z][\w’'&.-]*){0,6}"
        r"|[a-z]+(?:\s+(?:committee|conference|meeting|hearing|panel|inquiry|programme|show|audience))?)"
    ).match(text, pos, hi)
    if not m or m.end() == pos:
        return None
    return m.end()


def _reported(ctx: _Context) -> list[Quote]:
    text = ctx.text
    out: list[Quote] = []
    last_sentence: tuple[int, _Attribution] | None = None
    for vs, ve, verb in ctx.verbs:
        if verb not in _REPORTING_SET:
            continue
        s_lo = ctx.sentence_start(vs)
        s_hi = ctx.sentence_end(ve)
        bounds = ctx.strong_boundaries(s_lo, vs)
        b = bounds[-1] if bounds else s_lo
        if last_sentence and last_sentence[1].verb_end >= s_lo and b <= last_sentence[1].verb_end <= vs:
            b = last_sentence[1].verb_end
        subj = ctx.subject(_after_last_quote(ctx, b, vs), vs, verb)
        verb_first = False
        if subj == _ELIDED:
            if last_sentence and last_sentence[1].verb_end >= s_lo:
                subj = last_sentence[1].speaker
            elif text[s_lo:vs].rstrip().endswith(","):
                subj = _subject_after_verb(text, ve, s_hi)
                verb_first = True
            else:
                subj = None
        if subj is None:
            continue
        att = _Attribution(vs, ve, verb, subj)
        last_sentence = (s_lo, att)
        quote = (
            _reported_after(ctx, att, s_lo, s_hi)
            if verb_first
            else _reported_before(ctx, att, s_lo, s_hi) or _reported_after(ctx, att, s_lo, s_hi)
        )
        if quote is not None:
            out.append(quote)
    for a_start, a_end in ctx.according:
        q = _according(ctx, a_start, a_end)
        if q is not None:
            out.append(q)
    return out


def _reported_before(ctx: _Context, att: _Attribution, s_lo: int, s_hi: int) -> Quote | None:
    """'X said (that) <clause>' and 'X told the Assembly (that) <clause>'."""
    text = ctx.text
    pos = att.verb_end
    if att.verb in _TELL:
        obj_end = _skip_object(text, pos, s_hi)
        if obj_end is None:
            return None
        pos = obj_end
        # "told BBC Radio London's breakfast show that ...": the object ran on to "that"
        longer = _P_OBJECT_TAIL.match(text, pos, s_hi)
        if longer:
            pos = longer.end() - 4
    t = _P_TEMPORAL.match(text, pos, s_hi)
    if t:
        pos = t.end()
    that = re.compile(r"\s*,?\s*that\b").match(text, pos, s_hi)
    had_that = that is not None
    if that:
        pos = that.end()
    elif att.verb in _NEEDS_THAT:
        return None
    while pos < s_hi and text[pos] in " \t\u00a0":
        pos += 1
    if pos >= s_hi or text[pos] in _QUOTE_CHARS or text[pos] in ":,;.":
        return None
    k = bisect.bisect_left(ctx.bound_starts, pos)
    end = min(s_hi, ctx.bounds[k][0]) if k < len(ctx.bounds) else s_hi
    for vs, _ve, verb in ctx.verbs_in(pos, end):
        # "... had doubled and warned that ...": the next statement has its own clause
        joined = _P_JOINED_VERB.search(text, max(pos, vs - 12), vs)
        if joined and verb in _REPORTING_SET:
            end = joined.start()
            break
    start, end = _trim(text, pos, end)
    if end <= start or not _clause_ok(text, start, end, had_that, att.verb):
        return None
    return _make_reported(ctx, start, end, att, s_lo, s_hi)


def _reported_after(ctx: _Context, att: _Attribution, s_lo: int, s_hi: int) -> Quote | None:
    """'<clause>, X told the London Assembly earlier this month.' and '<clause>, said X.'."""
    text = ctx.text
    head = min(att.speaker[0], att.verb_start)
    tail = text[max(att.verb_end, att.speaker[1]) : s_hi]
    if len(tail.split()) > 10 or re.search(r"\bthat\b", tail):
        return None
    comma = text.rfind(",", s_lo, head)
    if comma < 0 or text[comma + 1 : head].strip():
        return None
    start, end = _trim(text, s_lo, comma)
    words = text[start:end].split()
    while words and words[0].lower().strip(",") in ("but", "and", "so", "yet"):
        start = text.index(words[0], start) + len(words[0])
        start, end = _trim(text, start, end)
        words = words[1:]
    if end <= start or len(words) < 3 or not _finite_anywhere(words):
        return None
    if any(c in _QUOTE_CHARS and c not in "'’" for c in text[start:end]) and not _balanced(text[start:end]):
        return None
    return _make_reported(ctx, start, end, att, s_lo, s_hi)


# Common irregular past tenses: "Knife crime fell by 12 per cent, according to X" has a finite verb.
_IRREGULAR_PAST = frozenset(
    "fell rose grew went came made took gave found kept left met paid spent sent built cut hit put set "
    "stood held led meant knew got felt began became ran won lost sold bought brought thought saw "
    "told said".split()
)


def _finite_anywhere(words: list[str]) -> bool:
    for w in words[:40]:
        low = w.lower().strip(",.;:()")
        if low in _FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low) or low in _IRREGULAR_PAST:
            return True
    return False


def _balanced(s: str) -> bool:
    return s.count("“") == s.count("”") and s.count('"') % 2 == 0


def _according(ctx: _Context, a_start: int, a_end: int) -> Quote | None:
    """'According to X, <clause>.' and '<clause>, according to X.'."""
    text = ctx.text
    s_lo = ctx.sentence_start(a_start)
    s_hi = ctx.sentence_end(a_end)
    stop = a_end
    while stop < s_hi and text[stop] not in ',.;:\n“”"‘':
        stop += 1
    sp_s, sp_e = _trim(text, a_end, stop)
    if sp_e <= sp_s or not _valid_subject(text, sp_s, sp_e):
        return None
    att = _Attribution(a_start, a_end, "according to", (sp_s, sp_e))
    if text[s_lo:a_start].strip() == "" and stop < s_hi and text[stop] == ",":
        start, end = _trim(text, stop + 1, s_hi)
        if text[start : start + 1] in _QUOTE_CHARS:
            return None
        if end > start and _finite_anywhere(text[start:end].split()) and len(text[start:end].split()) >= 3:
            return _make_reported(ctx, start, end, att, s_lo, s_hi)
        return None
    before = text[s_lo:a_start].rstrip()
    if before.endswith(",") and sp_e >= s_hi - 2:
        start, end = _trim(text, s_lo, s_lo + len(before))
        words = text[start:end].split()
        if len(words) >= 3 and _finite_anywhere(words):
            return _make_reported(ctx, start, end, att, s_lo, s_hi)
    return None


def _make_reported(ctx: _Context, start: int, end: int, att: _Attribution, s_lo: int, s_hi: int) -> Quote:
    s, e = att.speaker
    return Quote(
        start, end, ctx.text[start:end], "reported", ctx.text[s:e], s, e,
        min(s_lo, start, s), max(s_hi, end, e), att.verb,
    )  # fmt: skip


# --- entry point --------------------------------------------------------------------------------


def find_quotes(text: str) -> list[Quote]:
    """Direct and reported statements in text with their speakers, sorted by position."""
    if not text:
        return []
    ctx = _Context(text)
    raw = _direct(ctx)
    direct = _inherit(ctx, raw)
    covered = sorted((ctx.unit_at(q.start).open if ctx.unit_at(q.start) else q.start, q.end) for q in direct)
    starts = [c[0] for c in covered]
    reported = []
    seen: set[tuple[int, int]] = set()
    for q in _reported(ctx):
        if (q.start, q.end) in seen:
            continue
        k = bisect.bisect_left(starts, q.end)
        if any(covered[j][1] > q.start for j in range(max(0, k - 50), k)):
            continue  # the clause holds a direct quote: that quote is the statement
        seen.add((q.start, q.end))
        reported.append(q)
    # "The mayor said the programmes would be a game-changer. “It will give all Londoners ...”":
    # a quote left without a speaker, right after reported speech, is the same speaker's
    kept = {q.start for q in direct}
    left = [q for q in raw if q.speaker is None and q.start not in kept]
    if left and reported:
        statements = sorted(direct + reported + left, key=lambda q: (q.clause_start, q.start))
        direct += [q for q in _inherit(ctx, statements) if q.inherited and q.start not in kept]
    return sorted(direct + reported, key=lambda q: (q.start, q.end, q.kind))
