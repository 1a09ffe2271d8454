"""MEMBER_OF / HOLDS_OFFICE / CHAIRS by apposition and premodifiers ("TfL's Commissioner, Andy
Lord", "Labour assembly member Jo Bloggs", "X, chief executive of Y").
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.names.heads import ORG_HEADS
from loaders.names.posts import no_longer_held
from loaders.relations.clauses import (
    RX_GAP_OFFICE_FIRST,
    RX_GAP_PERSON_FIRST,
    objects_after,
    possessor,
    subject_of,
)
from loaders.relations.context import Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_ROLE_OF = re.compile(
    r",[ ](?:the[ ]|a[ ]|an[ ])?(?:(?i:former|current|new|interim|acting)[ ])?(?P<role>(?i:(?:deputy[ ]|executive[ ]|"
    r"managing[ ]|regional[ ]|general[ ]|assistant[ ])?(?:leader|member|head|chief[ ]executive|director|"
    r"spokesperson|spokesman|spokeswoman|chair|chairman|chairwoman|vice-chair|founder|co-founder|president|"
    r"treasurer|secretary|chief|commissioner|lead)))[ ](?:of|at)[ ](?:the[ ])?(?:[A-Z][a-z]+'s[ ])?"
)
# "TfL's Commissioner, Andy Lord": an office named by its body, in apposition with its holder
_POSS_OFFICE = re.compile(r"'s?[ ](?P<role>[A-Z][\w-]*(?:[ ][A-Z][\w-]*){0,2}),[ ]")
# "London Assembly member Jo Bloggs", "Green Party assembly member Jo Bloggs", "Labour MP Jo Bloggs"
_PREMODIFIER_ROLE = re.compile(
    r"(?:[ ][A-Za-z-]+){0,2}?[ ](?P<role>member|AM|MP|councillor|Councillor|Cllr|leader|spokesperson|"
    r"spokesman|spokeswoman|peer|candidate)[ ]"
)
# "Conservative assembly member Jo Bloggs": a party named by its adjective before a member's name
_PARTY_ADJECTIVE = re.compile(
    r"(?P<party>Conservative|Labour|Liberal[ ]Democrat|Lib[ ]Dem|Green|Reform(?:[ ]UK)?)[ ](?:Party[ ])?"
    r"(?:London[ ])?(?:[Aa]ssembly[ ]|[Pp]arty[ ])?(?P<role>member|AM|MP|MEP|councillor|Councillor|peer|candidate|"
    r"leader|spokesperson|spokesman|spokeswoman)[ ]"
)
_PARTIES = {
    "Conservative": "Conservative Party", "Labour": "Labour Party", "Liberal Democrat": "Liberal Democrats",
    "Lib Dem": "Liberal Democrats", "Green": "Green Party", "Reform": "Reform UK", "Reform UK": "Reform UK",
}  # fmt: skip
_POSS_ROLE = re.compile(
    r",[ ](?:the[ ]|a[ ])?(?P<org>[^,.;]{2,60}?)'s?[ ](?P<role>[^,.;]{2,60}?)(?:,|[ ](?:said|told|says)\b)"
)
_ROLE_WORDS = re.compile(
    r"\b(?:lead|leader|head|chief|director|officer|commander|spokesperson|spokesman|spokeswoman|manager|chair|executive|deputy|commissioner|superintendent|inspector|adviser|advisor|minister|secretary)\b",
    re.IGNORECASE,
)
_REPRESENTED = re.compile(
    r"(?<![\w-])(?:is|are|was|were)[ ](?:also[ ])?(?:represented|a[ ]member|members)[ ](?:on|of)[ ](?:the[ ])?"
)


@rule(
    "",
)
def membership(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    if not any(x.entity.label == "Person" for x in ctx.ments.between(sent[0], sent[1])):
        # no person named (an office held is a person too): only "we are represented on X" can
        # still say something here
        for m in finditer(_REPRESENTED, ctx, sent):
            objs = objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
            who = subject_of(ctx, sent, m.start())
            for o in objs:
                ctx.add("MEMBER_OF", who, o, sent)
        return
    for m in finditer(_ROLE_OF, ctx, sent):
        before = ctx.ments.before(m.start() + 1)
        if not before or before[-1].end != m.start() or before[-1].entity.label != "Person":
            continue
        person = before[-1].entity
        r0 = m.start("role")  # the office's mention may start before it: "the Secretary of State ..."
        held = next(
            (x for x in ctx.ments.between(r0 - 5, m.end("role") + 200) if x.start <= r0 < x.end), None
        )
        if held is not None and held.entity.label in ("Post", "Person") and held.end > m.end("role"):
            continue  # "Secretary of State for Transport": an office's own name, not a body's member
        orgs = [
            o
            for o in objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
            if o.label == "Organization" and _a_body(ctx, o)
        ]
        role = " ".join(m.group("role").lower().split())
        for o in orgs:
            if role in ("chair", "chairman", "chairwoman"):
                ctx.add("CHAIRS", person, o, sent)
            else:
                ctx.add("MEMBER_OF", person, o, sent, role=role)
    for m in finditer(_POSS_ROLE, ctx, sent):
        if not _ROLE_WORDS.search(m.group("role")):
            continue
        before = ctx.ments.before(m.start() + 1)
        if not before or before[-1].end != m.start() or before[-1].entity.label != "Person":
            continue
        org = next(
            (
                x.entity
                for x in ctx.ments.between(m.start("org") - 4, m.end("org") + 2)
                if x.entity.label == "Organization"
            ),
            None,
        )
        if org is not None:
            role = " ".join(m.group("role").split())
            post = _post_for(ctx, role, org)
            if post is not None:
                ctx.add("HOLDS_OFFICE", before[-1].entity, post, sent)
            else:
                ctx.add("MEMBER_OF", before[-1].entity, org, sent, role=role)
    for m in finditer(_POSS_OFFICE, ctx, sent):
        org = possessor(ctx, m.start() + 1)
        person = ctx.ments.at(m.end())
        if org is None or org.label != "Organization" or person is None or person.entity.label != "Person":
            continue
        role = m.group("role")
        post = _post_for(ctx, role, org)
        if post is not None:
            ctx.add("HOLDS_OFFICE", person.entity, post, sent)
        elif _ROLE_WORDS.search(role):
            ctx.add("MEMBER_OF", person.entity, org, sent, role=role.lower())
    for m in finditer(_REPRESENTED, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
        who = subject_of(ctx, sent, m.start())
        for o in objs:
            ctx.add("MEMBER_OF", who, o, sent)
    for m in finditer(_PARTY_ADJECTIVE, ctx, sent):
        person = ctx.ments.at(m.end())
        party = ctx.registry.find(_PARTIES[" ".join(m.group("party").split())])
        if person is None or person.entity.label != "Person" or party is None:
            continue
        role = m.group("role").lower()
        props = {} if role in ("member", "am", "mp", "mep") else {"role": role}
        ctx.add("MEMBER_OF", person.entity, party.entity, (m.start(), person.end), **props)
    # "Post Person", "Person, Post", signature blocks "Person\nPost"
    ms = ctx.ments.between(sent[0], sent[1])
    for a, b in zip(ms, ms[1:], strict=False):
        gap = folded[a.end : b.start]
        if a.entity.label == "Organization" and b.entity.label == "Person":
            pm = _PREMODIFIER_ROLE.fullmatch(gap)
            entry = ctx.registry.get(a.entity.id)
            if pm and pm.group("role") in ("MP", "MEP") and (entry is None or entry.kind != "party"):
                pm = None  # "Bromley and Chislehurst MP Sir Bob Neill": a constituency, not a body
            if pm:
                role = pm.group("role").lower()
                ctx.add(
                    "MEMBER_OF",
                    b.entity,
                    a.entity,
                    (a.start, b.end),
                    **({"role": role} if role not in ("member", "am", "mp") else {}),
                )
        pairs = []
        if a.kind == "office" and b.entity.label == "Person" and RX_GAP_OFFICE_FIRST.fullmatch(gap):
            pairs.append((b, a))
        if b.kind == "office" and a.entity.label == "Person" and RX_GAP_PERSON_FIRST.fullmatch(gap):
            pairs.append((a, b))
        for person, office in pairs:
            if office.post is None or office.entity.id != person.entity.id:
                continue
            if no_longer_held(ctx.text, office.start):
                continue  # "the former Mayor of London, Boris Johnson"
            span = (min(a.start, b.start), max(a.end, b.end))
            ctx.add("HOLDS_OFFICE", person.entity, office.post, span)
            chairs_from_post(ctx, person.entity, office.post, span)


def _post_for(ctx: Context, role: str, org: Entity) -> Entity | None:
    """The registry's office for a body's role ("TfL's Commissioner" -> Commissioner of Transport
    for London), if there is one."""
    for name in (org.name, *org.aliases):
        for cand in (f"{role} of {name}", f"{name} {role}", f"{role} of the {name}"):
            entry = ctx.registry.find(cand)
            if entry is not None and entry.label == "Post":
                return entry.entity
    return None


def chairs_from_post(ctx: Context, person: Entity, post: Entity, span: tuple[int, int]) -> None:
    m = re.match(r"(?:Chair|Chairman|Chairwoman)[ ](?:of|,)[ ](?:the[ ])?(?P<body>.+)$", post.name)
    if m:
        body = ctx.registry.find(m.group("body")) or ctx.registry.find("the " + m.group("body"))
        if body is not None:
            ctx.add("CHAIRS", person, body.entity, span)


declare_gates(
    {
        _ROLE_OF: ((", ",),),
        _POSS_ROLE: (("'",),),
        _POSS_OFFICE: (("'",),),
        _REPRESENTED: (("represented", "member"),),
        _PARTY_ADJECTIVE: (("conservative", "labour", "democrat", "lib dem", "green", "reform"),),
    }  # fmt: skip
)
declare_fast_patterns(_REPRESENTED)


def _a_body(ctx: Context, org: Entity) -> bool:
    """A body the registry knows, or a name ending in a body word: "Director of Spatial Planning"
    and "Head of Governance and Resilience" name remits, not bodies to be a member of."""
    if ctx.registry.get(org.id) is not None:
        return True
    last = org.name.split()[-1] if org.name.split() else ""
    return last in ORG_HEADS or last.rstrip("s") in ORG_HEADS or last.isupper()
