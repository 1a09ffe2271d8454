"""FUNDS: who pays for what ("MOPAC awarded a £2m grant to X", "the X-funded scheme", "£3m from
the Mayor"), with the amount from loaders.money.
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.money import WHERE_MONEY_IS_SET, find_amounts
from loaders.names.discovery import canonical_np
from loaders.names.mentions import Mention
from loaders.relations.clauses import (
    GENERIC_SET,
    date_in,
    is_actor_mention,
    objects_after,
    owner_of,
    subject_of,
)
from loaders.relations.context import ACTORS, Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_FUND_VERB = re.compile(r"(?<![\w-])(?:fund|funds|funded)(?![\w-])(?![ ]by)")
_GRANT_TO = re.compile(
    r"(?<![\w-])(?:award(?:s|ed|ing)?|gave|give[sn]?|grant(?:s|ed)?|allocat(?:e|es|ed|ing)|made)[ ](?:a[ ]|an[ ]|the[ ])?(?:[\w£.,-]+[ ]){0,3}?grants?[ ](?:of[ ][^ ]+[ ])?to[ ]"
)
_MONEY_VERB = re.compile(
    r"(?<![\w-])(?:provide|provides|provided|providing|give|gives|gave|allocate[sd]?|allocating|invest|invests|invested|investing|"
    r"spend|spends|spent|spending|pay|pays|paid|award|awards|awarded|put|puts|pledge[sd]?|pledging|commit|commits|committed|contribute[sd]?)[ ]"
)
_ANNOUNCE = re.compile(
    r"(?<![\w-])(?:announced|announces|announcing|announce|unveiled|unveils|unveiling|launched|launches|launching|confirmed)[ ](?:a[ ]|an[ ]|the[ ])?(?:new[ ]|fresh[ ]|further[ ]|additional[ ]|extra[ ])*(?=£)"
)
_PASSIVE_ANNOUNCE = re.compile(
    r"(?:has|have)[ ]been[ ](?:announced|unveiled|launched|confirmed|allocated|awarded)|(?:was|were|is|are)[ ](?:being[ ])?(?:announced|unveiled|launched|confirmed|allocated|awarded)"
)
# a demand before the verb in its sentence: the money is asked for, not given
_DEMAND = re.compile(r"\b(?:must|should|ought[ ]to|needs?[ ]to)\b")
# a failure or refusal just before the verb: "the mayor's failure to spend £111m" paid nothing
_NOT_DONE = re.compile(
    r"\b(?:fail(?:ed|s|ure|ing)?|refus(?:e|ed|es|al|ing)|unable|unwilling|inability|declined?)[ ]to[ ]$"
)
# a condition the payment hangs on, in the same clause: "Unless the Government funds TfL, ..."
_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless)[ ][^,;:]*$")
_FUNDED_ADJ = re.compile(r"(?P<who>[A-Za-z' ]{2,60}?)-funded[ ]")
_FROM = re.compile(r"[ ]from[ ](?:the[ ])?")


def amount_at(ctx: Context, start: int, end: int):
    return [a for a in find_amounts(ctx.text[start:end])]


@rule(
    "fund",
    "grant",
    "£",
    "announc",
    "unveil",
    "launch",
    "confirm",
    "invest",
    "provid",
    "money",
    "gave",
    "give",
    "given",
    "paid",
    "award",
    "allocat",
)
def funds(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    done: set[int] = set()
    # "X will directly fund Y", "set up and funded Y"
    for m in finditer(_FUND_VERB, ctx, sent):
        if (
            _DEMAND.search(folded, sent[0], m.start())
            or _NOT_DONE.search(folded, sent[0], m.start())
            or _CONDITION.search(folded, sent[0], m.start())
        ):
            continue  # "The Mayor must reconsider ... and fully fund the Brigade": asked, not paid
        objs = objects_after(ctx, m.end() + 1, sent[1], discover="Programme")
        funder = subject_of(ctx, sent, m.start())
        for o in objs:
            amount = programme_amount(ctx, o)
            ctx.add("FUNDS", funder, o, sent, date=date_in(ctx, m.end(), sent[1]), amount_gbp=amount)
        if not objs and GENERIC_SET.match(ctx.folded, m.end() + 1, sent[1]):
            ctx.pending = ("FUNDS", funder, sent)  # type: ignore[attr-defined]
    # "awarded a grant to X"
    for m in finditer(_GRANT_TO, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Organization")
        funder = subject_of(ctx, sent, m.start())
        amounts = amount_at(ctx, m.start(), m.end())
        for o in objs:
            ctx.add(
                "FUNDS",
                funder,
                o,
                sent,
                date=date_in(ctx, m.end(), sent[1]),
                amount_gbp=amounts[0].gbp if amounts else None,
            )
    # "provide £160,000 per year to X", "invested £233m to tackle X"
    for m in finditer(_MONEY_VERB, ctx, sent):
        amounts = [a for a in amount_at(ctx, m.end(), min(sent[1], m.end() + 60)) if a.start < 25]
        if (
            not amounts
            or _NOT_DONE.search(folded, max(sent[0], m.start() - 30), m.start())
            or _CONDITION.search(folded, sent[0], m.start())
        ):
            continue
        a = amounts[0]
        after = m.end() + a.end
        t = re.compile(
            r"(?:[ ](?:per|a|each)[ ](?:year|annum|month|week)|[ ]annually|[ ]a[ ]year)?[ ](?:[\w-]+[ ]){0,4}?(?:to|for|in|into|on|towards)[ ](?:tackle[ ]|support[ ]|help[ ]|fund[ ])?"
        ).match(folded, after, sent[1])
        name = ctx.ments.covering(t.end() - 2) if t else None
        if name is not None and name.kind != "money" and name.start < t.end() - 2:
            t = None  # "£3.4m of funding from Transport for London": the "for" of a name
        objs = objects_after(ctx, t.end(), sent[1], discover="Organization") if t else []
        if t and t.group(0).rstrip().endswith(" in"):
            # "invested £2.2bn in the Spending Review": where the money was set, not whom it pays
            objs = [o for o in objs if o.name.split()[-1].lower() not in WHERE_MONEY_IS_SET]
        funder = subject_of(ctx, sent, m.start())
        # (dates are looked up only where a fact can be made: they are the slow part)
        date = date_in(ctx, sent[0], sent[1], prefer_after=after) if funder is not None else None
        objs = [o for o in objs if o.label != "Person"]
        for o in objs:
            ctx.add("FUNDS", funder, o, sent, amount_gbp=a.gbp, period=a.period, date=date)
            done.add(m.start())
        if not objs:
            # "The Mayor commits £8m to keep shelters open": the sum is the programme this document
            # names by that amount ("an £8m winter plan")
            named = _money_programme(ctx, a.gbp)
            if named is not None:
                pred = "COMMITTED_TO" if re.match(r"(?:commit|pledge)", m.group(0)) else "FUNDS"
                ctx.add(pred, funder, named, sent, amount_gbp=a.gbp, period=a.period, date=date)
        if not t:
            continue
        # "... and this will increase to £800,000 from April 2026": a commitment
        for inc in re.finditer(
            r"(?:this|it|which|that)[ ]will[ ](?:then[ ])?(?:increase|rise|grow|go[ ]up)[ ]to[ ]",
            folded[sent[0] : sent[1]],
        ):
            p = sent[0] + inc.end()
            more = [x for x in amount_at(ctx, p, min(sent[1], p + 40)) if x.start == 0]
            if more and objs and funder:
                ctx.add(
                    "COMMITTED_TO",
                    funder,
                    objs[0],
                    sent,
                    amount_gbp=more[0].gbp,
                    date=date_in(ctx, p, sent[1]),
                    due=date_in(ctx, p, sent[1]),
                    text=ctx.text[sent[0] + inc.start() : sent[1]].rstrip("."),
                )
    _money_patterns(ctx, sent)
    # "announced a new £2.4m package"
    for m in finditer(_ANNOUNCE, ctx, sent):
        mm = ctx.ments.at(m.end())
        if mm is None or mm.kind != "money":
            continue
        if _money_from(ctx, mm.end, sent) is not None:
            continue  # "announced £3.4m of funding from TfL": TfL pays (below), not the announcer
        funder = subject_of(ctx, sent, m.start())
        # "today" means the document's own date; without one (only a date inferred from the text)
        # an announcement stays undated
        date = (date_in(ctx, sent[0], sent[1]) or ctx.info.date) if ctx.info.date else None
        ctx.add("FUNDS", funder, mm.entity, sent, amount_gbp=mm.amount, date=date)
    # "A £2.4m package ... has been announced" (agent by "by", or the next sentences' actor)
    for mm in ctx.ments.between(sent[0], sent[1]):
        if mm.kind != "money" or mm.entity.label != "Programme":
            continue
        p = _PASSIVE_ANNOUNCE.search(folded, mm.end, min(sent[1], mm.end + 140))
        if p:
            by = re.compile(r"[ ]by[ ]").match(folded, p.end(), sent[1])
            agent = None
            if by:
                ag = objects_after(ctx, by.end(), sent[1], labels=ACTORS)
                agent = ag[0] if ag else None
            else:
                agent = _agent_nearby(ctx, sent, mm.entity)
            ctx.add("FUNDS", agent, mm.entity, sent, amount_gbp=mm.amount, date=ctx.info.date)
        # "this new £2.4m fund from the Mayor"
        src = _money_from(ctx, mm.end, sent)
        if src is not None:
            ctx.add("FUNDS", src.entity, mm.entity, sent, amount_gbp=mm.amount)
    # "a City Hall-funded project" (object: the thing in apposition before it)
    for m in finditer(_FUNDED_ADJ, ctx, sent):
        who = ctx.ments.before(m.end("who") + 1)
        funder = who[-1].entity if who and who[-1].end == m.end("who") and is_actor_mention(who[-1]) else None
        if funder is None:
            continue
        ap = re.search(
            r"(?P<np>[A-Z][\w'-]+(?:[ ][A-Z][\w'-]+){0,4})[ ]?(?:-|,)[ ](?:a|an|the)[ ]$",
            folded[max(sent[0], m.start() - 80) : m.start("who")],
        )
        if ap:
            s0 = max(sent[0], m.start() - 80) + ap.start("np")
            mention = ctx.ments.at(s0)
            ent = mention.entity if mention else None
            if ent is None:
                name = canonical_np(ap.group("np"))
                ent = Entity(name=name, label="Organization", id=slug(name))
                ctx.ments.add(Mention(s0, s0 + len(ap.group("np")), ent, "discovered"))
            ctx.add("FUNDS", funder, ent, sent)


def _money_from(ctx: Context, end: int, sent: tuple[int, int]) -> Mention | None:
    """The actor a sum (ending at `end`) comes from, named right after it ("a £2.4m fund from the Mayor")."""
    f = _FROM.match(ctx.folded, end, sent[1])
    if f:
        src = ctx.ments.at(f.end()) or ctx.ments.at(f.start() + 6)
        if src is not None and is_actor_mention(src):
            return src
    return None


def _money_programme(ctx: Context, amount: float) -> Entity | None:
    """The one programme this document names by a sum ("the £8m plan"), by its amount."""
    found = {m.entity.id: m.entity for m in ctx.ments.mentions if m.kind == "money" and m.amount == amount}
    return next(iter(found.values())) if len(found) == 1 else None


_GAVE = re.compile(
    r"(?<![\w-])(?:gave|give|gives|given|giving|granted|handed|awarded|allocated|provided|paid)[ ](?=(?:the[ ])?[A-Z])"
)
_BACKING = re.compile(
    r"(?<![\w-])(?:back|backs|backed|backing|support|supports|supported|supporting)[ ](?P<obj>[^.;]{2,60}?)[ ]with[ ](?=(?:an?[ ]|the[ ])?(?:extra[ ]|additional[ ]|further[ ])?£)"
)
_INCREASE_BY = re.compile(
    r"(?<![\w-])(?:increas|boost|rais|top(?:p)?|expand)(?:e|es|ed|ing|s)?[ ](?:up[ ])?(?P<obj>[^.;]{2,70}?)[ ]by[ ](?:an?[ ](?:extra|additional|further)[ ])?(?=£)"
)
_FOR_AFTER = re.compile(r"[ ](for|to|towards)[ ](?:the[ ]|a[ ]|an[ ])?")
_GOES_TO = re.compile(
    r"(?<![\w-])(?:will[ ]|would[ ]|is[ ]to[ ]|are[ ]to[ ])?(?:go|goes|went|be[ ]given|be[ ]paid|be[ ]allocated|be[ ]awarded)[ ]to[ ](?=(?:the[ ])?[A-Z])"
)


def _money_patterns(ctx: Context, sent: tuple[int, int]) -> None:
    """Funding written with the recipient first or the sum elsewhere in the clause:
    "the £2bn settlement that the DfT gave TfL", "gave TfL £2bn", "backing TfL with £2bn",
    "increasing the Prevention Grant by £316m", "part of the money will go to X"."""
    folded = ctx.folded
    for m in finditer(_GAVE, ctx, sent):
        rec = ctx.ments.at(m.end()) or ctx.ments.at(m.end() + 4)
        if rec is None or rec.entity.label not in ("Organization", "Programme"):
            continue
        money = [a for a in amount_at(ctx, rec.end, min(sent[1], rec.end + 40)) if a.start <= 12]
        if not money:
            # the sum before a relative clause: "the £2.2bn settlement that the DfT gave TfL"
            rel = list(re.finditer(r"(?:that|which)[ ]", folded[max(sent[0], m.start() - 80) : m.start()]))
            if not rel:
                continue
            rel_at = max(sent[0], m.start() - 80) + rel[-1].start()
            money = [a for a in amount_at(ctx, max(sent[0], rel_at - 80), rel_at)][-1:]
        if not money:
            continue
        funder = subject_of(ctx, sent, m.start(), exclude={rec.entity.id})
        ctx.add("FUNDS", funder, rec.entity, sent, amount_gbp=money[0].gbp, period=money[0].period,
                date=date_in(ctx, sent[0], sent[1]))  # fmt: skip
    for a in amount_at(ctx, sent[0], sent[1]):
        # "£8m from Transport for London for a Climate Change Mitigation Fund": a sum, whom it
        # comes from and what it is for, with no verb
        src = _money_from(ctx, sent[0] + a.end, sent)
        t = _FOR_AFTER.match(folded, src.end, sent[1]) if src is not None else None
        rec = (ctx.ments.at(t.end()) or ctx.ments.at(t.end(1) + 1)) if t is not None else None
        if (
            rec is not None
            and rec.entity.label in ("Organization", "Programme")
            and rec.entity.id != src.entity.id
        ):
            ctx.add("FUNDS", src.entity, rec.entity, sent, amount_gbp=a.gbp, period=a.period,
                    date=date_in(ctx, sent[0], sent[1]))  # fmt: skip
    for rx in (_BACKING, _INCREASE_BY):
        for m in finditer(rx, ctx, sent):
            objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj"))]
            objs = [o for o in objs if o.label in ("Organization", "Programme")][:1]
            money = [a for a in amount_at(ctx, m.end(), min(sent[1], m.end() + 40)) if a.start <= 2]
            if not objs or not money:
                continue
            funder = subject_of(ctx, sent, m.start(), exclude={objs[0].id})
            ctx.add("FUNDS", funder, objs[0], sent, amount_gbp=money[0].gbp, period=money[0].period,
                    date=date_in(ctx, sent[0], sent[1], prefer_after=m.end()))  # fmt: skip
    for m in finditer(_GOES_TO, ctx, sent):
        # the money's subject: a money-named programme or a definite "the money" back to one
        money = [x for x in ctx.ments.between(sent[0], m.start()) if x.entity.label == "Programme"]
        money = [
            x for x in money if x.kind in ("money", "coref") and programme_amount(ctx, x.entity) is not None
        ]
        if not money:
            continue
        owner = owner_of(ctx, money[-1].entity)
        for o in objects_after(ctx, m.end(), sent[1], discover="Programme"):
            if o.label in ("Organization", "Programme") and o.id != money[-1].entity.id:
                ctx.add("FUNDS", owner, o, sent)


def programme_amount(ctx: Context, ent: Entity) -> float | None:
    amounts = getattr(ctx, "_amounts", None)
    if amounts is None:
        amounts = {m.entity.id: m.amount for m in ctx.ments.mentions if m.amount is not None}
        ctx._amounts = amounts  # type: ignore[attr-defined]
    return amounts.get(ent.id)


def _agent_nearby(ctx: Context, sent: tuple[int, int], programme: Entity) -> Entity | None:
    """An agentless announcement ("A £2m fund has been announced for ..."): whoever this document
    already says funds or launched it; else, as news leads go on, the actor of the next sentence
    that speaks of the same money ("Mayor X said the money would ...")."""
    owner = owner_of(ctx, programme)
    if owner is not None:
        return owner
    sents = ctx.sentences  # type: ignore[attr-defined]
    i = sents.index(sent)
    for nxt in sents[i + 1 : i + 3]:
        ms = ctx.ments.between(nxt[0], nxt[1])
        if any(m.entity.id == programme.id for m in ms):
            for m in ms:
                if is_actor_mention(m):
                    return m.entity
    return None


declare_gates(
    {
        _FUND_VERB: (("fund",),),
        _GRANT_TO: (("grant",),),
        _MONEY_VERB: (
            (
                "provid",
                "give",
                "gave",
                "allocat",
                "invest",
                "spend",
                "spent",
                "pay",
                "paid",
                "award",
                "put",
                "pledg",
                "commit",
                "contribut",
            ),
        ),
        _ANNOUNCE: (("£",), ("announc", "unveil", "launch", "confirm")),
        _FUNDED_ADJ: (("-funded",),),
        _GAVE: (
            (
                "gave",
                "give",
                "given",
                "giving",
                "granted",
                "handed",
                "awarded",
                "allocated",
                "provided",
                "paid",
            ),
        ),
        _BACKING: (("£",), ("back", "support")),
        _INCREASE_BY: (("£",), ("increas", "boost", "rais", "top", "expand")),
        _GOES_TO: ((" to ",), ("go", "went", "given", "paid", "allocated", "awarded")),
    }  # fmt: skip
)
declare_fast_patterns(_FUND_VERB, _GRANT_TO, _MONEY_VERB, _ANNOUNCE, _GAVE, _BACKING, _INCREASE_BY, _GOES_TO)
