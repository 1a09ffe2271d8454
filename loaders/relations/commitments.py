"""COMMITTED_TO: pledges ("the Mayor has committed to funding X", "which he pledged to expand")."""

from __future__ import annotations

import re

from loaders.relations.clauses import antecedent, is_actor_mention, objects_after, subject_of
from loaders.relations.context import Context
from loaders.relations.money import amount_at
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_COMMITTED = re.compile(r"(?<![\w-])(?:committed|commitment|pledged|promised|vowed)[ ]to[ ](?:[a-z]+ing[ ])?")
_WHICH_COMMITTED = re.compile(
    r",?[ ]which[ ](?P<who>[^,.;]{2,60}?)[ ](?:is|are|was|were|remains?|has[ ]been)[ ](?:fully[ ]|firmly[ ]|also[ ])?committed[ ]to"
)


@rule("commit", "pledge", "promise", "vow")
def committed(ctx: Context, sent: tuple[int, int], s: str) -> None:
    for m in finditer(_WHICH_COMMITTED, ctx, sent):
        who = ctx.ments.between(m.start("who"), m.end("who"))
        actor = next((x.entity for x in who if is_actor_mention(x)), None)
        thing = antecedent(ctx, sent, m.start())
        ctx.add("COMMITTED_TO", actor, thing, sent, text=_clause(ctx, sent, m.start()))
    for m in finditer(_COMMITTED, ctx, sent):
        if _WHICH_COMMITTED.search(ctx.folded, max(sent[0], m.start() - 80), m.end()):
            continue
        if ctx.folded[max(0, m.start() - 2) : m.start()].endswith("'s") or re.search(
            r"(?:[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)[ ]$", ctx.folded[max(0, m.start() - 7) : m.start()]
        ):
            continue
        actor = subject_of(ctx, sent, m.start())
        # one commits to doing something (a body's work, a programme), not to a person
        objs = [
            o
            for o in objects_after(ctx, m.end(), sent[1], discover="Programme", coordinate=False)
            if o.label != "Person"
        ]
        if not objs:
            nxt = [x for x in ctx.ments.between(m.end(), sent[1]) if x.entity.label not in ("Person", "Post")]
            objs = [nxt[0].entity] if nxt else []
        amounts = amount_at(ctx, m.end(), sent[1])
        for o in objs[:1]:
            ctx.add(
                "COMMITTED_TO",
                actor,
                o,
                sent,
                text=_clause(ctx, sent, m.start()),
                amount_gbp=amounts[0].gbp if amounts else None,
            )


def _clause(ctx: Context, sent: tuple[int, int], pos: int) -> str:
    return " ".join(ctx.text[pos : sent[1]].split())[:300]


declare_gates(
    {
        _COMMITTED: ((" to ",),),
        _WHICH_COMMITTED: (("committed to",),),
    }  # fmt: skip
)
declare_fast_patterns(_COMMITTED)
