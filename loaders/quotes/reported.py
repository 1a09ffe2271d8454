"""Reported speech: `X said (that) <clause>`, `X told the London Assembly <clause>`,
`<clause>, X told the London Assembly earlier this month.`, `According to X, <clause>` and
`<clause>, according to X.`

A reported clause must read as one (it opens on a name, number, pronoun or determiner and has a
finite verb early on), so "X revealed the figures, which ..." is not a statement.
"""

from __future__ import annotations

import bisect
import re

from loaders.quotes.attribution import Attribution
from loaders.quotes.context import QuoteContext
from loaders.quotes.marks import QUOTE_CHARS
from loaders.quotes.quote import Quote
from loaders.quotes.speakers import ELIDED, subject_after_verb, valid_subject
from loaders.quotes.verbs import ANNOUNCING, NEEDS_THAT, REPORTING_SET, TELL
from loaders.quotes.words import BAD_LAST, DETERMINERS, FINITE_AUX, PREPOSITION_LIKE, PRONOUNS, SUBORDINATORS

__all__ = ["reported_speech"]

_P_FINITE_ED = re.compile(r"^[a-z]{3,}ed$")
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


# Verbs that often take a plain object ("revealed the figures, which ..."): their clause must
# show a finite verb before its first comma.
_NP_OBJECT_VERBS = {
    "revealed", "reveals", "confirmed", "confirms", "admitted", "admits", "acknowledged",
    "acknowledges", "stressed", "stresses", "stressing", "noted", "noting", "suggested", "suggests",
    "emphasised", "emphasized", "emphasising", "emphasizing", "maintained", "maintains", "cautioned",
}  # fmt: skip


def _is_finite(word: str) -> bool:
    """An auxiliary, a negation or a past tense in -ed: the word makes a clause."""
    low = word.lower().strip(",.;:()")
    return low in FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low) is not None


def _finite_soon(words: list[str], stop_at_comma: bool = True) -> bool:
    """Whether a clause has a finite verb early on (in 12 words, before a comma if asked)."""
    for w in words[:12]:
        low = w.lower().strip(",.;:()")
        if low in FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low):
            return True
        if low in ("says", "remains", "needs", "seems", "means", "continues", "goes", "makes", "takes"):
            return True
        if stop_at_comma and w.endswith(","):
            return False
    return False


_CLAUSE_START_OK = PRONOUNS | DETERMINERS | {"there", "more", "no", "not", "only", "fewer", "less"}
_FUNCTION_WORDS = (
    BAD_LAST
    | SUBORDINATORS
    | PREPOSITION_LIKE
    | {"to", "so", "nor", "yet", "if", "into", "upon", "via", "per"}
)
_APPROX = {"about", "around", "over", "almost", "nearly", "some", "up"}  # "about 1,200 remained"


def _clause_ok(text: str, start: int, end: int, had_that: bool, verb: str = "") -> bool:
    """Whether text[start:end] after a reporting verb reads as a clause: with "that", three words
    are enough; without it, it must open like a subject and have a finite verb soon."""
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
    """The span without surrounding spaces and punctuation."""
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


def reported_speech(ctx: QuoteContext) -> list[Quote]:
    """Reported clauses of every reporting verb with a speaker (one elided after "and" is the
    previous verb's), then those of "according to"."""
    text = ctx.text
    out: list[Quote] = []
    last_sentence: tuple[int, Attribution] | None = None
    for vs, ve, verb in ctx.verbs:
        if verb not in REPORTING_SET:
            continue
        s_lo = ctx.sentence_start(vs)
        s_hi = ctx.sentence_end(ve)
        bounds = ctx.strong_boundaries(s_lo, vs)
        b = bounds[-1] if bounds else s_lo
        if last_sentence and last_sentence[1].verb_end >= s_lo and b <= last_sentence[1].verb_end <= vs:
            b = last_sentence[1].verb_end
        subj = ctx.subject(ctx.after_last_quote(b, vs), vs, verb)
        verb_first = False
        if subj == ELIDED:
            if last_sentence and last_sentence[1].verb_end >= s_lo:
                subj = last_sentence[1].speaker
            elif text[s_lo:vs].rstrip().endswith(","):
                subj = subject_after_verb(text, ve, s_hi)
                verb_first = True
            else:
                subj = None
        if subj is None:
            continue
        att = Attribution(vs, ve, verb, subj)
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


def _reported_before(ctx: QuoteContext, att: Attribution, s_lo: int, s_hi: int) -> Quote | None:
    """'X said (that) <clause>' and 'X told the Assembly (that) <clause>'."""
    text = ctx.text
    pos = att.verb_end
    if att.verb in ANNOUNCING:
        return None
    if att.verb in TELL:
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
    elif att.verb in NEEDS_THAT:
        return None
    while pos < s_hi and text[pos] in " \t\u00a0":
        pos += 1
    if pos >= s_hi or text[pos] in QUOTE_CHARS or text[pos] in ":,;.":
        return None
    k = bisect.bisect_left(ctx.bound_starts, pos)
    end = min(s_hi, ctx.bounds[k][0]) if k < len(ctx.bounds) else s_hi
    for vs, _ve, verb in ctx.verbs_in(pos, end):
        # "... had doubled and warned that ...": the next statement has its own clause
        joined = _P_JOINED_VERB.search(text, max(pos, vs - 12), vs)
        if joined and verb in REPORTING_SET:
            end = joined.start()
            break
    start, end = _trim(text, pos, end)
    if end <= start or not _clause_ok(text, start, end, had_that, att.verb):
        return None
    return _make_reported(ctx, start, end, att, s_lo, s_hi)


def _reported_after(ctx: QuoteContext, att: Attribution, s_lo: int, s_hi: int) -> Quote | None:
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
    if any(c in QUOTE_CHARS and c not in "'’" for c in text[start:end]) and not _balanced(text[start:end]):
        return None
    return _make_reported(ctx, start, end, att, s_lo, s_hi)


# Common irregular past tenses: "Knife crime fell by 12 per cent, according to X" has a finite verb.
_IRREGULAR_PAST = frozenset(
    "fell rose grew went came made took gave found kept left met paid spent sent built cut hit put set "
    "stood held led meant knew got felt began became ran won lost sold bought brought thought saw "
    "told said".split()
)


def _finite_anywhere(words: list[str]) -> bool:
    """Whether a finite verb (irregular pasts too) is among the first 40 words."""
    for w in words[:40]:
        low = w.lower().strip(",.;:()")
        if low in FINITE_AUX or low.endswith("n't") or _P_FINITE_ED.match(low) or low in _IRREGULAR_PAST:
            return True
    return False


def _balanced(s: str) -> bool:
    """Whether the double quotation marks in s pair up."""
    return s.count("“") == s.count("”") and s.count('"') % 2 == 0


def _according(ctx: QuoteContext, a_start: int, a_end: int) -> Quote | None:
    """'According to X, <clause>.' and '<clause>, according to X.'."""
    text = ctx.text
    s_lo = ctx.sentence_start(a_start)
    s_hi = ctx.sentence_end(a_end)
    stop = a_end
    while stop < s_hi and text[stop] not in ',.;:\n“”"‘':
        stop += 1
    sp_s, sp_e = _trim(text, a_end, stop)
    if sp_e <= sp_s or not valid_subject(text, sp_s, sp_e):
        return None
    att = Attribution(a_start, a_end, "according to", (sp_s, sp_e))
    if text[s_lo:a_start].strip() == "" and stop < s_hi and text[stop] == ",":
        start, end = _trim(text, stop + 1, s_hi)
        if text[start : start + 1] in QUOTE_CHARS:
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


def _make_reported(ctx: QuoteContext, start: int, end: int, att: Attribution, s_lo: int, s_hi: int) -> Quote:
    """The reported Quote of text[start:end]; its clause spans the sentence and the speaker."""
    s, e = att.speaker
    return Quote(
        start, end, ctx.text[start:end], "reported", ctx.text[s:e], s, e,
        min(s_lo, start, s), max(s_hi, end, e), att.verb,
    )  # fmt: skip
