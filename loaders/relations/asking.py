"""ASKED / REPLIED_TO in running text ("asked by X", "X asked the Mayor whether ...")."""

from __future__ import annotations

import re

from loaders.relations.agency import ASK_TO_REVIEW
from loaders.relations.clauses import date_in, end_of, objects_after, subject_of
from loaders.relations.context import ACTORS, Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_ASKED_OBJ = re.compile(
    r"(?<![\w-])(?:asked|asks|questioned|quizzed|pressed|challenged|grilled|urged)[ ](?=(?:the[ ])?[A-Z])"
)
# (not "challenged by": a challenge with nothing asked is criticism, read by the language layer)
_ASKED_BY = re.compile(
    r"(?<![\w-])(?:asked|questioned|quizzed|pressed|grilled)[ ](?:directly[ ]|again[ ]|repeatedly[ ]|specifically[ ])?by[ ]"
)
_ASKED_WH = re.compile(r"(?<![\w-])asked[ ](?=why|whether|if|how|what|when|about)")


@rule("ask", "question", "quiz", "press", "challeng", "grill", "urge")
def asked(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    skip = getattr(ctx, "asked_spans", set())
    for m in finditer(_ASKED_OBJ, ctx, sent):
        if m.start() in skip:
            continue
        objs = objects_after(ctx, m.end(), sent[1], labels=ACTORS, coordinate=False)
        if not objs:
            continue
        if ASK_TO_REVIEW.match(folded, m.start(), sent[1]):
            continue
        after_obj = end_of(ctx, objs[0], m.end())
        if re.match(r"[ ](?:to[ ](?!account)|not[ ]to[ ])", folded[after_obj : after_obj + 8]):
            continue  # "asked the Met to leave no stone unturned" is a request, not a question
        if _REQUEST_AFTER.match(folded, after_obj, sent[1]):
            continue  # "asked TfL's Commissioner, Andy Lord, to set out ..." likewise
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = (date_in(ctx, sent[0], sent[1]) or None) if who is not None else None
        for o in objs:
            ctx.add("ASKED", who, o, sent, date=date, about=_about(ctx, m.end(), sent[1]))
    for m in finditer(_ASKED_BY, ctx, sent):
        agents = objects_after(ctx, m.end(), sent[1], labels=("Person", "Organization"), coordinate=False)
        if not agents:
            continue
        # the one asked: the speaker or subject of the main clause before "when asked by"
        asked_one = None
        for x in reversed(ctx.ments.between(sent[0], m.start())):
            if x.entity.label == "Person" and re.match(
                r"[ ,]*(?:said|says|told|insisted|claimed|denied|admitted|did|had|was|has)\b",
                folded[x.end : x.end + 12],
            ):
                asked_one = x.entity
                break
        if asked_one is None:
            asked_one = subject_of(ctx, sent, m.start(), exclude={a.id for a in agents})
        for a in agents:
            ctx.add("ASKED", a, asked_one, sent, date=date_in(ctx, sent[0], sent[1]))
    for m in finditer(_ASKED_WH, ctx, sent):
        who = subject_of(ctx, sent, m.start())
        if who is None:
            continue
        # "When X asked why ..., Y said ...": Y was asked
        comma = folded.find(",", m.end(), sent[1])
        target = None
        if comma != -1 and re.search(r"(?:^|\b)[Ww]hen[ ][^,]*$", folded[sent[0] : m.start()]):
            for x in ctx.ments.between(comma, sent[1]):
                if x.entity.label == "Person" and x.entity.id != who.id:
                    target = x.entity
                    break
        if target is not None:
            ctx.add(
                "ASKED",
                who,
                target,
                sent,
                date=date_in(ctx, sent[0], sent[1]),
                about=_about(ctx, m.end(), comma),
            )


_REQUEST_AFTER = re.compile(
    r"(?:'s?[ ][^.;:?]{0,60}?|,[ ][^.;:?]{0,60}?,)[ ](?:to|not[ ]to)[ ](?!account)[a-z]+"
)


def _about(ctx: Context, start: int, end: int) -> str | None:
    text = " ".join(ctx.text[start:end].split()).strip(" ,.")
    return text[:200] or None


declare_gates(
    {
        _ASKED_BY: ((" by ",),),
        _ASKED_WH: (("asked ",),),
    }  # fmt: skip
)
declare_fast_patterns(_ASKED_OBJ, _ASKED_BY, _ASKED_WH)
