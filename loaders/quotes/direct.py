"""Direct quotes: each quotation with the attribution that links it to a speaker, and
whole-sentence quotes straight after an attributed one, which keep its speaker as news copy does
(`"...," she said. "More words."`).
"""

from __future__ import annotations

import re

from loaders.layouts.base import LIST_MARK
from loaders.quotes.attribution import attribution_after, attribution_before
from loaders.quotes.context import QuoteContext
from loaders.quotes.marks import QuoteUnit
from loaders.quotes.quote import Quote
from loaders.quotes.words import word_count

__all__ = ["direct_quotes", "inherit"]


def direct_quotes(ctx: QuoteContext) -> list[Quote]:
    """Every quotation with its attribution (before it first, else after it); those without one
    are placeholders with no speaker, for `inherit` to keep or drop."""
    text = ctx.text
    out: list[Quote] = []
    for unit in ctx.units:
        if unit.end <= unit.start or not any(c.isalpha() for c in text[unit.start : unit.end]):
            continue
        att = attribution_before(ctx, unit)
        clause_start = clause_end = None
        if att is not None:
            a, clause_start = att
            clause_end = ctx.sentence_end(max(unit.start, unit.end - 1))
        else:
            after = attribution_after(ctx, unit)
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


def _unattributed(ctx: QuoteContext, unit: QuoteUnit) -> Quote:
    """A placeholder for a quote without a speaker: kept only if inherit gives it one."""
    t = ctx.text
    return Quote(
        unit.start, unit.end, t[unit.start : unit.end], "direct", None, None, None, unit.open, unit.close_end
    )


def _only_a_list(between: str) -> bool:
    """Nothing between two quotes, or only a bulleted list the first quote introduced ("... the
    12 stations are:" then the stations, then the next quoted paragraph): news copy goes on with
    the same speaker."""
    rows = [line.strip() for line in between.splitlines() if line.strip()]
    if not rows:
        return True
    items = [row for row in rows if LIST_MARK.match(row)]
    headings = [row for row in rows if not LIST_MARK.match(row)]
    return (
        len(items) >= 2
        and not any(re.search(r"[“”\"]", row) for row in rows)
        # a heading over the list ("Fire stations proposed for closure"), no sentence
        and all(len(row.split()) <= 8 and not row.endswith((".", "!", "?")) for row in headings)
    )


def inherit(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
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
        if not _only_a_list(between) or not starts_sentence or word_count(q.text) < 4:
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
