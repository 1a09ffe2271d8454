"""WELCOMED / CRITICISED: reactions to a decision or report, active or passive, negated or not."""

from __future__ import annotations

import re

from loaders.relations.clauses import actor_entity, end_of, objects_after, possessive_at, subject_of
from loaders.relations.context import ACTORS, Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_WELCOME = re.compile(r"(?<![\w-])(?:welcome|welcomes|welcomed|welcoming)[ ](?!to[ ]|back[ ]|by[ ])")
_WELCOMED_BY = re.compile(
    r"(?<![\w-])(?:was|were|is|are|has[ ]been|have[ ]been|been)[ ](?:warmly[ ]|widely[ ])?welcomed[ ]by[ ]"
)
_CRITICISE = re.compile(
    r"(?<![\w-])(?:criticised|criticized|criticises|criticizes|criticising|condemned|condemns|attacked|attacks|slammed|slams|"
    r"blasted|lambasted|hit[ ]out[ ]at|hits[ ]out[ ]at|accused|accuses|rounded[ ]on|branded|berated|derided)[ ]"
)
_CRITICISED_BY = re.compile(
    r"(?<![\w-])(?:was|were|has[ ]been|have[ ]been|been)[ ](?:heavily[ ]|widely[ ])?(?:criticised|criticized|condemned|attacked|slammed)[ ]by[ ]"
)
_CALLED = re.compile(
    r"(?<![\w-])(?:called|labelled|labeled|described|dismissed)[ ](?P<obj>[^\"]{2,80}?)[ ](?:as[ ])?\"(?P<q>[^\"]{1,120})\""
)
_NEGATIVE = re.compile(
    r"too[ ]little|too[ ]late|hollow|failure|failed|failing|disgrace|shameful|scandal|insult|betrayal|pathetic|inadequate|"
    r"woeful|appalling|shambles|cynical|stunt|not[ ]enough|unacceptable|sanitise|sanitize|drop[ ]in[ ]the[ ]ocean|"
    r"paltry|derisory|waste|incompetent|complacent|laughable|rings[ ]hollow|smokescreen|whitewash|cover-up",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:not|never|rarely|seldom|hardly|barely|scarcely|n't)[ ](?:\w+[ ])?$")
_MODAL = re.compile(r"(?:will|would|should|could|may|might|to|shall)[ ](?:\w+[ ])?$")


@rule(
    "welcom",
    "critic",
    "condemn",
    "attack",
    "slam",
    "blast",
    "hit out",
    "accus",
    "round",
    "brand",
    "berat",
    "derid",
    "called",
    "label",
    "descri",
    "dismiss",
)
def welcomed_criticised(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    for rx, pred in ((_WELCOME, "WELCOMED"), (_CRITICISE, "CRITICISED")):
        for m in finditer(rx, ctx, sent):
            if _MODAL.search(folded[max(sent[0], m.start() - 20) : m.start()]):
                continue
            if _DENIED.search(folded[max(sent[0], m.start() - 20) : m.start()]):
                continue  # "who has rarely criticised the Labour government", "never welcomed"
            if re.match(r"[a-z]", folded[m.end() : m.end() + 1]) and not re.match(
                r"(?:the|this|that|these|a|an|its|their|his|her)[ ]", folded[m.end() : m.end() + 7]
            ):
                continue
            objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
            if objs and possessive_at(ctx, objs[0], m.end()):
                # "the Mayor's £8m plan": what is welcomed is the possessed thing ("the Government's
                # action" names none); a criticism of "the Mayor's decision" falls on the Mayor
                owner = objs[0]
                end = end_of(ctx, owner, m.end())
                poss = re.compile(r"'s?[ ]").match(folded, end, sent[1])
                objs = (
                    objects_after(ctx, poss.end(), sent[1], discover="Programme", coordinate=False)
                    if poss
                    else []
                )
                if not objs and pred == "CRITICISED" and actor_entity(owner):
                    objs = [owner]
            who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
            for o in objs:
                ctx.add(pred, who, o, sent, date=ctx.info.date)
    for rx, pred in ((_WELCOMED_BY, "WELCOMED"), (_CRITICISED_BY, "CRITICISED")):
        for m in finditer(rx, ctx, sent):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
            before = [x for x in ctx.ments.between(sent[0], m.start())]
            thing = before[-1].entity if before else None
            for a in agents:
                ctx.add(pred, a, thing, sent, date=ctx.info.date)
    for m in finditer(_CALLED, ctx, sent):
        if not _NEGATIVE.search(m.group("q")):
            continue
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj"))]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs[:1]:
            ctx.add("CRITICISED", who, o, sent, date=ctx.info.date)


declare_gates(
    {
        _WELCOME: (("welcom",),),
        _WELCOMED_BY: (("welcomed by",),),
        _CRITICISED_BY: ((" by ",),),
        _CALLED: (('"',),),
    }  # fmt: skip
)
declare_fast_patterns(_WELCOME, _WELCOMED_BY, _CRITICISE, _CRITICISED_BY, _CALLED)
