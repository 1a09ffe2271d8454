"""Object relative clauses: "the Good Work Standard, which I launched in 2019" gives the verb's fact
for the thing before "which".
"""

from __future__ import annotations

import re

from loaders.relations.clauses import PRONOUN, date_in, is_actor_mention
from loaders.relations.context import Context
from loaders.relations.registry import declare_gates, finditer, rule

# Object relative clauses: "the Good Work Standard, which I launched in 2019", "the School Streets
# programme, which TfL funds and boroughs deliver": the thing before "which" is the verb's object.
_OBJECT_RELATIVE = re.compile(
    r"(?P<rel>,?[ ](?:which|that)[ ])(?P<subj>(?:[\w'&.-]+[ ]){1,6}?)(?:has[ ]|have[ ]|had[ ]|also[ ]|first[ ])*"
    r"(?P<verb>funds|funded|finances|financed|launched|set[ ]up|established|founded|created|commissioned|"
    r"commissions|leads|led|runs|ran|manages|managed|chairs|chaired|oversees|oversaw|scrutinises|scrutinised)"
    r"(?=[ ](?:and|in|since|from|for|with|through|last|this|on|at|back|more|until)\b|[,.;:)]|$)"
)
_RELATIVE_PREDICATE = {
    "funds": "FUNDS", "funded": "FUNDS", "finances": "FUNDS", "financed": "FUNDS",
    "launched": "ESTABLISHED", "set up": "ESTABLISHED", "established": "ESTABLISHED", "founded": "ESTABLISHED",
    "created": "ESTABLISHED", "commissioned": "COMMISSIONED", "commissions": "COMMISSIONED",
    "leads": "LEADS", "led": "LEADS", "runs": "LEADS", "ran": "LEADS", "manages": "LEADS", "managed": "LEADS",
    "chairs": "CHAIRS", "chaired": "CHAIRS", "oversees": "OVERSEES", "oversaw": "OVERSEES",
    "scrutinises": "OVERSEES", "scrutinised": "OVERSEES",
}  # fmt: skip


@rule("which ", "that ")
def object_relatives(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    for m in finditer(_OBJECT_RELATIVE, ctx, sent):
        # the object: a named thing right before "which"
        before = ctx.ments.before(m.start("rel") + 1)
        if not before or m.start("rel") - before[-1].end > 1:
            continue
        thing = before[-1].entity
        if thing.label not in ("Organization", "Programme", "Inquiry"):
            continue
        # the subject: one actor (or "I"/"we") and nothing else but determiners
        subj_lo, subj_hi = m.start("subj"), m.end("subj")
        named = [x for x in ctx.ments.between(subj_lo, subj_hi) if is_actor_mention(x)]
        who = None
        if len(named) == 1:
            rest = (folded[subj_lo : named[0].start] + folded[named[0].end : subj_hi]).split()
            if all(w in ("the", "The", "its", "their") for w in rest):
                who = named[0].entity
        elif not named:
            p = PRONOUN.fullmatch(folded, subj_lo, subj_hi - 1)
            if p is not None:
                who = ctx.pronoun(p.start(), p.group(0))
        if who is None or who.id == thing.id:
            continue
        pred = _RELATIVE_PREDICATE[" ".join(m.group("verb").split())]
        props = (
            {"date": date_in(ctx, m.end("verb"), sent[1], prefer_after=m.end("verb"))}
            if pred == "ESTABLISHED"
            else {}
        )
        ctx.add(pred, who, thing, sent, **props)


declare_gates(
    {
        _OBJECT_RELATIVE: ((" which ", " that "),),
    }  # fmt: skip
)
