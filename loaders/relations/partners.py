"""PARTNERS_WITH: working with, alongside, agreeing with, and joint subjects ("The Mayor and London
Councils launch ...").
"""

from __future__ import annotations

import re

from loaders.relations.clauses import (
    RX_AND,
    antecedent,
    is_actor_mention,
    objects_after,
    owner_of,
    subject_of,
)
from loaders.relations.context import Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_PARTNER = re.compile(
    r"(?<![\w-])(?:(?P<verb>working|work|works|worked)[ ](?P<adv>(?:closer|closely|together|jointly|hand[ ]in[ ]hand|"
    r"directly|constructively)[ ])?(?P<prep>with|alongside)[ ]|"
    r"in[ ](?:close[ ])?partnership[ ]with[ ]|partner(?:s|ed|ing)?[ ]with[ ]|"
    r"(?:collaborat(?:e|es|ed|ing))[ ]with[ ]|(?:team(?:s|ed)?[ ]up|join(?:s|ed)?[ ]forces)[ ]with[ ])"
)
_WORK_AS_NOUN = re.compile(
    r"(?:\b(?:the|our|their|his|her|its|this|that|wider|further|joint|close|ongoing|future|vital|important|"
    r"some|more|good|great|excellent|partnership)[ ]$)"
)
# "The Mayor and London Councils launch ...": two actors doing one thing together
_JOINT = re.compile(
    r"[ ](?:have[ ]|has[ ]|will[ ]|today[ ]|jointly[ ]|together[ ])*(?:launch|launched|launches|announce|announced|"
    r"unveil|unveiled|agree|agreed|sign|signed|set[ ]up|publish|published|co-fund|co-funded|jointly[ ]fund)\b"
)
_AGREED_WITH = re.compile(
    r"(?<![\w-])(?:has[ ]been|have[ ]been|was|were|is|are|been)[ ](?:jointly[ ])?agreed[ ]with[ ]"
)


@rule(
    "work", "partner", "collaborat", "team", "forces", "alongside", "launch", "announc", "unveil", "agree",
    "sign", "set up", "publish", "fund",
)  # fmt: skip
def partners(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    # "A and B launch X": a joint act by the clause's coordinated subjects
    ms = ctx.ments.between(sent[0], min(sent[1], sent[0] + 200))
    if len(ms) >= 2 and is_actor_mention(ms[0]) and is_actor_mention(ms[1]) and ms[0].start - sent[0] <= 4:
        if RX_AND.fullmatch(folded[ms[0].end : ms[1].start]) and _JOINT.match(folded, ms[1].end, sent[1]):
            ctx.add("PARTNERS_WITH", ms[0].entity, ms[1].entity, sent)
    # "the plan has been agreed with X": whoever owns the plan partners with X
    for m in finditer(_AGREED_WITH, ctx, sent):
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label == "Organization"]
        thing = antecedent(ctx, sent, m.start())
        owner = owner_of(ctx, thing) if thing is not None else None
        for o in objs:
            ctx.add("PARTNERS_WITH", owner, o, sent)
    for m in finditer(_PARTNER, ctx, sent):
        if re.search(
            r"(?:forward|want|hope|plan|seek)[ ]to[ ]$", ctx.folded[max(sent[0], m.start() - 12) : m.start()]
        ):
            continue  # an intention, not a partnership
        before = folded[max(sent[0], m.start() - 12) : m.start()]
        plain = m.group("verb") and not m.group("adv") and m.group("prep") == "with"
        if m.group("verb") and re.search(_WORK_AS_NOUN, before):
            continue  # "our wider work with the Government" is a noun, not a partnership
        if (
            plain
            and m.group("verb") == "working"
            and not re.search(
                r"(?:is|are|was|were|be|been|am)[ ](?:also[ ]|now[ ]|already[ ]|still[ ])?$", before
            )
        ):
            continue  # "X working with Y" as a bare participle is too loose without "closely"
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label in ("Organization",)]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        if plain and who is not None and who.label != "Organization":
            continue  # a person "working with" a body is not an institutional partnership
        for o in objs:
            ctx.add("PARTNERS_WITH", who, o, sent)


declare_gates(
    {
        _AGREED_WITH: (("agreed with",),),
        _PARTNER: (("with", "alongside"),),
    }  # fmt: skip
)
declare_fast_patterns(_PARTNER, _AGREED_WITH)
