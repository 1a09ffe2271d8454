"""Who runs, chairs, sets up, commissions and reviews what: LEADS, CHAIRS, ESTABLISHED (passives
with an agent, "X-led", active verbs) and COMMISSIONED / REVIEWS ("asked HMICFRS to inspect").
"""

from __future__ import annotations

import re

from loaders.relations.clauses import (
    GENERIC_SET,
    actor_entity,
    antecedent,
    date_in,
    end_of,
    is_actor_mention,
    last_thing,
    objects_after,
    possessor,
    subject_of,
)
from loaders.relations.context import ACTORS, Context
from loaders.relations.money import programme_amount
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

# LEADS / CHAIRS / ESTABLISHED (passives with an agent) ---------------------------------------
_LED_BY = re.compile(
    r"(?<![\w-])(?:led|delivered|run|managed|operated|administered|coordinated|co-ordinated)[ ](?:jointly[ ]|locally[ ])?by[ ]"
)
# passives with an agent and coordinated verbs: "which is commissioned and funded by X"
_PASSIVE_VERBS = {
    "funded": "FUNDS",
    "financed": "FUNDS",
    "paid for": "FUNDS",
    "commissioned": "COMMISSIONED",
}
_FUNDED_BY = re.compile(
    r"(?<![\w-])(?P<v1>funded|financed|paid[ ]for|commissioned)(?:[ ](?:and|&)[ ](?P<v2>funded|financed|"
    r"commissioned|run|delivered|managed|led))?[ ](?:jointly[ ]|directly[ ]|entirely[ ]|partly[ ]|largely[ ]|wholly[ ])?by[ ]"
)
_LEADS = re.compile(r"(?<![\w-])(?:leads|is[ ]leading|are[ ]leading|will[ ]lead|led)[ ](?=the[ ]|a[ ]|an[ ])")
_X_LED = re.compile(r"(?P<who>[A-Za-z]{2,20})-led[ ]")
_CHAIRED_BY = re.compile(r"(?<![\w-])chaired[ ]by[ ]")
_CHAIRS = re.compile(r"(?<![\w-])(?:chairs|chaired|will[ ]chair|is[ ]chairing)[ ](?=the[ ])")
_SET_UP_BY = re.compile(r"(?<![\w-])(?:set[ ]up|set-up|established|founded|created|launched|started)[ ]by[ ]")
_SET_UP = re.compile(
    r"(?<![\w-])(?:set[ ]up|established|founded|created|launched)(?:[ ]and[ ](?:funded|runs|ran|leads|led))?[ ](?!by[ ])"
)


@rule(
    "led", "lead", "chair", "set up", "set-up", "establish", "founded", "created", "launched", "started ",
    "delivered ", "run ", "managed ", "operated ", "administered ", "ordinated ", "funded ", "financed ", "paid for",
    "commissioned ",
)  # fmt: skip
def leads_chairs_established(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    for m in finditer(_FUNDED_BY, ctx, sent):
        agents = [
            a
            for a in objects_after(ctx, m.end(), sent[1], labels=ACTORS, discover="Organization")
            if actor_entity(a)
        ]
        thing = antecedent(ctx, sent, m.start())
        preds = [_PASSIVE_VERBS[" ".join(m.group("v1").split())]]
        if m.group("v2"):
            preds.append(_PASSIVE_VERBS.get(m.group("v2"), "LEADS"))
        for a in agents:
            for pred in preds:
                amount = programme_amount(ctx, thing) if pred == "FUNDS" and thing is not None else None
                ctx.add(pred, a, thing, sent, **({"amount_gbp": amount} if amount else {}))
    for rx, pred in ((_LED_BY, "LEADS"), (_CHAIRED_BY, "CHAIRS"), (_SET_UP_BY, "ESTABLISHED")):
        for m in finditer(rx, ctx, sent):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS, discover="Organization")
            thing = antecedent(ctx, sent, m.start())
            if thing is None and pred == "LEADS":
                # "It remains ..., led by X": the sentence's subject
                first = re.match(r"(?:It|This|They)\b", folded[sent[0] : sent[1]])
                if first:
                    thing = last_thing(ctx, sent[0])
            date = (
                date_in(ctx, m.end(), sent[1], prefer_after=m.end())
                if pred == "ESTABLISHED" and agents and thing is not None
                else None
            )
            for a in agents:
                if a.label == "Programme" or a.label == "Inquiry":
                    continue
                ctx.add(pred, a, thing, sent, **({"date": date} if pred == "ESTABLISHED" else {}))
    for rx, pred in ((_LEADS, "LEADS"), (_CHAIRS, "CHAIRS")):
        for m in finditer(rx, ctx, sent):
            objs = objects_after(
                ctx, m.end(), sent[1], labels=("Programme", "Inquiry", "Organization"), discover="Inquiry"
            )
            who = subject_of(ctx, sent, m.start())
            for o in objs:
                if pred == "LEADS" and o.label == "Organization":
                    continue
                ctx.add(pred, who, o, sent)
    for m in finditer(_X_LED, ctx, sent):
        who = ctx.ments.before(m.end("who"))
        if who and who[-1].end == m.end("who") and is_actor_mention(who[-1]):
            objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
            for o in objs:
                ctx.add("LEADS", who[-1].entity, o, sent)
    for m in finditer(_SET_UP, ctx, sent):
        if re.search(
            r"(?:has|have|had|was|were|been|be)[ ]$", folded[max(0, m.start() - 6) : m.start()]
        ) and re.match(r"[ ]?by", folded[m.end() - 1 : m.end() + 3]):
            continue
        objs = objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
        who = subject_of(ctx, sent, m.start())
        date = date_in(ctx, m.end(), sent[1], prefer_after=m.end()) if objs and who is not None else None
        first = ctx.ments.at(m.end()) or next(iter(ctx.ments.between(m.end(), m.end() + 12)), None)
        if first is not None and first.kind == "money":
            continue  # "launched a £35m fund" is money announced (FUNDS), not a body set up
        for o in objs:
            if o.label == "Person":
                continue
            ctx.add("ESTABLISHED", who, o, sent, date=date)
            if "funded" in m.group(0):
                ctx.add("FUNDS", who, o, sent)


# COMMISSIONED / REVIEWS -------------------------------------------------------------------------
_COMMISSION = re.compile(
    r"(?<![\w-])(?:commission|commissions|commissioned|commissioning)[ ](?!by[ ]|of[ ]|for[ ]|on[ ])"
)
ASK_TO_REVIEW = re.compile(
    r"(?<![\w-])(?:asked|asks|asking|requested|requests|invited|called[ ]on|ordered)[ ](?:that[ ])?(?P<obj>[^.;]{2,80}?)[ ](?:to[ ])?(?:independently[ ]|formally[ ])?"
    r"(?:look[ ]at|look[ ]into|inspect|review|investigate|examine|audit|carry[ ]out|conduct)\b"
)
_TO_INSPECT = re.compile(
    r"[ ]to[ ](?:independently[ ]|formally[ ])?(?:inspect|review|examine|investigate|audit|look[ ]at|look[ ]into)[ ]"
)
_ORDERED_REL = re.compile(
    r"(?<![\w-])(?:ordered|commissioned|requested)(?=[ ](?:has|have|had|was|is|led|found|showed|said)\b)"
)
_REVIEW_VERB = re.compile(
    r"(?<![\w-])(?:inspect|inspects|inspected|inspecting|review|reviews|reviewed|reviewing|audit|audits|audited|investigate|investigates|investigated|investigating)[ ](?=the[ ]|a[ ]|an[ ]|[A-Z])"
)
_INSPECTOR_POSS = re.compile(
    r"'s?[ ](?:[\w-]+[ ]){0,2}?(?:decision|report|inspection|findings|review|assessment|judgement|judgment|verdict)\b"
)


@rule(
    "commission",
    "ask",
    "request",
    "invit",
    "call",
    "order",
    "inspect",
    "review",
    "audit",
    "investigat",
    "report",
    "decision",
    "finding",
    "assessment",
    "judg",
    "verdict",
)
def commissioned_reviews(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    for m in finditer(_COMMISSION, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = date_in(ctx, m.end(), sent[1]) if objs else None
        for o in objs:
            ctx.add("COMMISSIONED", who, o, sent, date=date)
            t = _TO_INSPECT.match(folded, end_of(ctx, o, m.end()), sent[1])
            if t:
                for r in objects_after(ctx, t.end(), sent[1]):
                    ctx.add("REVIEWS", o, r, sent, date=date)
        if not objs and GENERIC_SET.match(folded, m.end(), sent[1]):
            ctx.pending = ("COMMISSIONED", who, sent)  # type: ignore[attr-defined]
    for m in finditer(ASK_TO_REVIEW, ctx, sent):
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj")) if is_actor_mention(x)][:1]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = date_in(ctx, sent[0], sent[1]) if objs and who is not None else None
        for o in objs:
            ctx.add("COMMISSIONED", who, o, sent, date=date)
            ctx.asked_spans.add(m.start())  # type: ignore[attr-defined]
    for m in finditer(_ORDERED_REL, ctx, sent):
        before = ctx.ments.between(sent[0], m.start())
        if len(before) < 2 or not is_actor_mention(before[-1]) or m.start() - before[-1].end > 2:
            continue
        who = before[-1].entity
        things = [x.entity for x in before[:-1] if x.entity.id != who.id]
        if things:
            ctx.add("COMMISSIONED", who, things[-1], sent, date=date_in(ctx, sent[0], sent[1]))
    for m in finditer(_REVIEW_VERB, ctx, sent):
        if re.search(
            r"(?:the|a|an|its|their|our|his|her)[ ](?:\w+[ ])?$",
            folded[max(sent[0], m.start() - 15) : m.start()],
        ):
            continue
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label != "Person"]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("REVIEWS", who, o, sent)
    for m in finditer(_INSPECTOR_POSS, ctx, sent):
        who = possessor(ctx, m.start() + 1)
        if who is None:
            continue
        entry = ctx.registry.get(who.id)
        if entry is None or entry.kind not in ("inspectorate", "watchdog"):
            continue
        objs = [
            x.entity
            for x in ctx.ments.between(m.end(), sent[1])
            if x.entity.label == "Organization" and x.entity.id != who.id
        ]
        if objs:
            ctx.add("REVIEWS", who, objs[0], sent)
    # an inspector's report that speaks of a body: "HMI acknowledged in his report ... the MPS"
    first = next((x for x in ctx.ments.between(sent[0], sent[1])), None)
    if first is not None and first.start - sent[0] < 5:
        entry = ctx.registry.get(first.entity.id)
        verb = re.compile(
            r"(?:[ ]?\([^)]{1,40}\))?[ ](?:has[ ]|have[ ])?[a-z]+ed\b|[ ](?:said|found|says|finds)\b"
        ).match(folded, first.end, sent[1])
        if (
            verb
            and entry is not None
            and entry.kind in ("inspectorate", "watchdog")
            and re.search(r"\b(?:report|inspection|inspected|reviewed)\b", folded[first.end : sent[1]])
        ):
            objs = [
                x.entity
                for x in ctx.ments.between(first.end, sent[1])
                if x.entity.label == "Organization" and x.entity.id != first.entity.id
            ]
            if objs:
                ctx.add("REVIEWS", first.entity, objs[0], sent)


declare_gates(
    {
        _LED_BY: ((" by ",), ("led", "delivered", "run", "managed", "operated", "administered", "ordinated")),
        _FUNDED_BY: ((" by ",), ("funded", "financed", "paid for", "commissioned")),
        _CHAIRED_BY: (("chaired by",),),
        _SET_UP_BY: (
            (" by ",),
            ("set up", "set-up", "established", "founded", "created", "launched", "started"),
        ),
        _X_LED: (("-led",),),
        _LEADS: (("lead", "led "),),
        _SET_UP: (("set up", "established", "founded", "created", "launched"),),
        _CHAIRS: (("chair",),),
        _COMMISSION: (("commission",),),
        ASK_TO_REVIEW: (
            ("ask", "request", "invit", "called on", "ordered"),
            ("look", "inspect", "review", "investigat", "examin", "audit", "carry", "conduct"),
        ),
        _ORDERED_REL: (("ordered", "commissioned", "requested"),),
        _REVIEW_VERB: (("inspect", "review", "audit", "investigat"),),
        _INSPECTOR_POSS: (
            ("'",),
            ("decision", "report", "inspection", "findings", "review", "assessment", "judg", "verdict"),
        ),
    }  # fmt: skip
)
declare_fast_patterns(
    _LED_BY,
    _FUNDED_BY,
    _LEADS,
    _CHAIRED_BY,
    _CHAIRS,
    _SET_UP_BY,
    _SET_UP,
    _COMMISSION,
    ASK_TO_REVIEW,
    _ORDERED_REL,
    _REVIEW_VERB,
)
