"""Direct quotations and reported speech, with who said them, as the text writes it.

SAID facts need the words, the speaker phrase and the sentence that proves the attribution.
UK press releases and news reports quote in a few regular shapes, which this package reads with
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

Where: marks (quotation marks paired into units), verbs and words (vocabularies), speakers (the
speaker phrase of a verb), context (a text's paragraphs, units, verbs and sentences, found once),
attribution (the speaker before or after a quote), direct (direct quotes and inherited speakers),
reported (reported speech) and quote (the Quote returned); `find_quotes` puts them together.
"""

from __future__ import annotations

import bisect

from loaders.quotes.context import QuoteContext
from loaders.quotes.direct import direct_quotes, inherit
from loaders.quotes.quote import Quote
from loaders.quotes.reported import reported_speech

__all__ = ["Quote", "find_quotes"]


def find_quotes(text: str) -> list[Quote]:
    """Direct and reported statements in text with their speakers, sorted by position."""
    if not text:
        return []
    ctx = QuoteContext(text)
    raw = direct_quotes(ctx)
    direct = inherit(ctx, raw)
    covered = sorted((ctx.unit_at(q.start).open if ctx.unit_at(q.start) else q.start, q.end) for q in direct)
    starts = [c[0] for c in covered]
    reported = []
    seen: set[tuple[int, int]] = set()
    for q in reported_speech(ctx):
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
        direct += [q for q in inherit(ctx, statements) if q.inherited and q.start not in kept]
    return sorted(direct + reported, key=lambda q: (q.start, q.end, q.kind))
