"""The driver: runs every rule, in a fixed order, on the sentences holding its trigger words, then
applies "This includes Z" follow-ups.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from graph.facts import Fact
from loaders.relations.agency import commissioned_reviews, leads_chairs_established
from loaders.relations.asking import asked, question_sessions
from loaders.relations.clauses import objects_after
from loaders.relations.commitments import committed
from loaders.relations.context import Context
from loaders.relations.membership import membership
from loaders.relations.money import funds
from loaders.relations.oversight import oversees
from loaders.relations.partners import partners
from loaders.relations.reactions import welcomed_criticised
from loaders.relations.registry import DECLARED_RULES, TRIGGER_WORDS, TRIGGERS, Rule, trigger_automaton
from loaders.relations.relatives import object_relatives
from loaders.relations.sentences import sentences

# Appositions first (who speaks for which body), then commissions (so "asked X to review" is not
# also a question), then the rest.
RULES: tuple[Rule, ...] = (
    membership,
    commissioned_reviews,
    funds,
    committed,
    oversees,
    leads_chairs_established,
    welcomed_criticised,
    object_relatives,
    partners,
    asked,
    question_sessions,
)
if sorted(r.__name__ for r in RULES) != sorted(r.__name__ for r in DECLARED_RULES):  # pragma: no cover
    raise RuntimeError("loaders.relations.driver.RULES must list every @rule exactly once")


def _rule_sentences(folded: str, spans: list[tuple[int, int]]) -> dict[str, set[int] | None]:
    """For each rule, the sentences holding one of its trigger words: one scan of the document
    (an Aho-Corasick pass over every rule's words, or one regex scan per rule without it)
    instead of one search per sentence and rule."""
    low = folded.lower()
    starts = [a for a, _ in spans]
    automaton = trigger_automaton()
    if automaton is not None:
        found_by: dict[str, set[int] | None] = {
            r.__name__: (set() if TRIGGER_WORDS[r.__name__] else None) for r in RULES
        }
        for end_incl, (length, names) in automaton.iter(low):
            start = end_incl + 1 - length
            i = bisect_right(starts, start) - 1
            if i >= 0 and end_incl < spans[i][1]:
                for name in names:
                    found_by[name].add(i)  # type: ignore[union-attr]
        return found_by
    out: dict[str, set[int] | None] = {}
    for r in RULES:
        trigger = TRIGGERS[r.__name__]
        if trigger is None:
            out[r.__name__] = None
            continue
        found: set[int] = set()
        pos = 0
        search = trigger.search
        while True:
            m = search(low, pos)
            if m is None:
                break
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= spans[i][1]:
                found.add(i)
                pos = spans[i][1]  # one hit is enough: go on from the next sentence
            else:
                pos = m.start() + 1
        out[r.__name__] = found
    return out


def extract_relations(ctx: Context) -> list[Fact]:
    folded = ctx.folded
    sents = getattr(ctx, "sentences", None) or sentences(folded)
    ctx.sentences = sents  # type: ignore[attr-defined]
    ctx.asked_spans = set()  # type: ignore[attr-defined]
    spans = [(a, min(b, a + 5000)) for a, b in sents]
    lowered = folded.lower()
    same_length = len(lowered) == len(folded)
    hits = _rule_sentences(folded, spans) if same_length else None
    for i, sent in enumerate(spans):
        s = folded[sent[0] : sent[1]]
        ctx.pending = None  # type: ignore[attr-defined]
        low = lowered[sent[0] : sent[1]] if same_length else s.lower()
        ctx._low_sent, ctx._low_span = low, sent
        # in the order of RULES (see there why)
        for r in RULES:
            if hits is not None:
                where = hits[r.__name__]
                if where is None or i in where:
                    r(ctx, sent, s)
                continue
            trigger = TRIGGERS[r.__name__]
            if trigger is None or trigger.search(low):
                r(ctx, sent, s)
        pending = ctx.pending  # type: ignore[attr-defined]
        if pending is not None:
            _includes_followup(ctx, sents, sent, pending)
    return [ctx.facts[k] for k in ctx.order]


def _includes_followup(ctx: Context, sents, sent, pending) -> None:
    """A verb whose object is a set named only by its size ("X commissions a range of services",
    "Y funds several charities"), followed by "This includes Z" / "These include Z": Z is one
    of the set, so the verb holds for Z too."""
    pred, who, _ = pending
    if who is None:
        return
    i = sents.index(sent)
    if i + 1 >= len(sents):
        return
    nxt = sents[i + 1]
    m = re.compile(r"(?:This|These|It|They)[ ](?:also[ ])?(?:includes?|include)[ ]").match(
        ctx.folded, nxt[0], nxt[1]
    )
    if not m:
        return
    objs = objects_after(
        ctx, m.end(), nxt[1], labels=("Programme", "Organization"), discover="Programme", coordinate=False
    )
    for o in objs:
        ctx.add(pred, who, o, nxt)
