"""Who said a quotation: the attribution before it in its sentence (`X said: "..."`, `According
to X, "..."`, an intro line ending in ":") or right after it (`"...," X said.`, `"...," said X.`).

Titles, scare quotes and link texts are not statements: a quote is attributed only through a
speech verb (or "according to"); one to three quoted words must sit close after that verb, and
quotes right after "the term", "so-called", "titled", "using" ... are never statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.quotes.context import QuoteContext
from loaders.quotes.marks import QuoteUnit
from loaders.quotes.speakers import ELIDED, subject_after_verb, valid_subject
from loaders.quotes.verbs import CHARACTERISING, EXPECTING, NAMING
from loaders.quotes.words import word_count

__all__ = ["Attribution", "attribution_before", "attribution_after"]

# Words just before a quote that make it a name, term or title rather than a statement.
_P_TERM_BEFORE = re.compile(
    r"(?i)(?:\bso-called|\bthe\s+(?:term|terms|word|words|phrase|label|slogan|hashtag|name|title|headline|strapline|banner)"
    r"|\bterm(?:ed)?|\btitled|\bentitled|\bheadlined|\bnamed|\bnicknamed|\bbadged|\bbranded\s+as|\bknown\s+as"
    r"|\breferred\s+to\s+as|\bcharacteri[sz]ed\s+as|\busing|\buse\s+of|\bmarked|\breading|\bcategori[sz]ed\s+as"
    r"|\bclassed\s+as|\bdescribed\s+by\s+the\s+term|\bread\s+more|\bsee|\bvisit|\bclick)"
    r"[\s,:]*$"
)


@dataclass
class Attribution:
    """A speech verb (or "according to") and the span of its speaker phrase."""

    verb_start: int
    verb_end: int
    verb: str
    speaker: tuple[int, int]


# a speech verb's participle after a clause and a comma: the clause's subject speaks
_PARTICIPLES = frozenset({"saying", "adding", "warning", "arguing", "insisting", "telling", "stating"})


def _kind(verb: str) -> int:
    """Rank of a verb for linking a quote: speech and characterising verbs before expectation."""
    return 1 if verb in EXPECTING else 0


def _attributions(ctx: QuoteContext, lo: int, hi: int) -> list[Attribution]:
    """Speech verbs with their speakers in text[lo:hi] (one sentence), outside quotations."""
    text = ctx.text
    boundaries = ctx.strong_boundaries(lo, hi)
    found: list[Attribution] = []
    for vs, ve, verb in ctx.verbs_in(lo, hi):
        b = lo
        for pos in boundaries:
            if pos <= vs:
                b = pos
        # a quotation, or an earlier attribution, between boundary and verb belongs to an
        # earlier clause ("X said, adding that ...")
        if found and b <= found[-1].verb_end <= vs:
            b = max(b, found[-1].verb_end, found[-1].speaker[1] if found[-1].speaker[0] > vs else 0)
        clause = text[lo:vs].rstrip()
        if verb in _PARTICIPLES and clause.endswith(",") and len(clause.split()) >= 3:
            # "Neil Garratt criticised the rise, saying: “...”": the clause's speaker (the one its own
            # speech verb found, else whoever the clause names), not "the rise" before the comma
            start = lo + len(text[lo:vs]) - len(text[lo:vs].lstrip())
            found.append(
                Attribution(vs, ve, verb, found[-1].speaker if found else (start, lo + len(clause) - 1))
            )
            continue
        subj = ctx.subject(ctx.after_last_quote(b, vs), vs, verb)
        if subj is None:
            continue
        if subj == ELIDED:
            if not found:
                continue
            subj = found[-1].speaker
        found.append(Attribution(vs, ve, verb, subj))
    for a_start, a_end in ctx.according_in(lo, hi):
        stop = a_end
        while stop < hi and stop < a_end + 200 and text[stop] not in ',.;:\n“”"‘':
            stop += 1
        end = stop
        while end > a_end and text[end - 1].isspace():
            end -= 1
        if end > a_end and valid_subject(text, a_end, end):
            found.append(Attribution(a_start, a_end, "according to", (a_end, end)))
    found.sort(key=lambda a: a.verb_start)
    return found


def attribution_before(ctx: QuoteContext, unit: QuoteUnit) -> tuple[Attribution, int] | None:
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
    words = word_count(text[unit.start : unit.end])
    bounds = [b for b in ctx.strong_boundaries(lo, hi) if b <= q]
    b = bounds[-1] if bounds else lo
    near = [a for a in found if a.verb_start >= b] or (found if words >= 4 else [])
    if not near:
        return None
    near.sort(key=lambda a: (_kind(a.verb), -a.verb_start))
    chosen = near[0]
    gap_from = chosen.verb_end
    prev = ctx.after_last_quote(chosen.verb_end, q)
    gap_from = max(gap_from, prev)
    gap = text[gap_from:q] if hi == q else ""
    if chosen.verb in NAMING and not gap.strip():
        return None  # 'a report called "..."' names a thing
    if words <= 3 and hi == q and (word_count(gap) > 6 or "," in gap.strip().rstrip(",:")):
        return None  # a scare quote far from the verb is not the statement
    return chosen, lo


def attribution_after(ctx: QuoteContext, unit: QuoteUnit) -> tuple[Attribution, int] | None:
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
    if verb in EXPECTING or verb in CHARACTERISING:
        return None
    if ended and pos < len(text) and text[pos].isupper() and vs != pos and text[pos : pos + 2] != "I ":
        return None  # a new sentence starts after the quote
    if vs == pos:
        subj = subject_after_verb(text, ve, hi)
    else:
        subj = ctx.subject(pos, vs, verb)
        if subj == ELIDED or (subj is not None and subj[0] != pos):
            subj = None  # only the speaker may stand between the quote and its verb
    if subj is None:
        return None
    end = ctx.sentence_end(max(ve, subj[1]))
    return Attribution(vs, ve, verb, subj), end
