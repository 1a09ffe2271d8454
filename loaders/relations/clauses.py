"""Helpers over one sentence that the rule families share: who the subject of a verb is, which
entities follow it as objects, what a pronoun or "it" refers to, and the date of a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from graph.facts import Entity, slug
from loaders.dates import find_dates
from loaders.names.discovery import canonical_np
from loaders.names.heads import (
    INQUIRY_HEADS,
    LOWER_INQUIRY_HEADS,
    LOWER_ORG_HEADS,
    LOWER_PROGRAMME_HEADS,
    ORG_HEADS,
    PROGRAMME_HEADS,
)
from loaders.names.mentions import Mention
from loaders.relations.context import ACTORS, Context

# small patterns used in the hot paths below (compiled once)
_RX_POSS = re.compile(r"'s?\b")
_RX_FROM_BY_OF = re.compile(r"[ ](?:from|by|of)[ ](?:the[ ])?")
_RX_COORD = re.compile(r"(?:,[ ]|,?[ ]and[ ]|,?[ ]or[ ]|[ ]&[ ])(?:the[ ])?")
_RX_PAREN = re.compile(r"[ ]?\([A-Za-z&' ]{1,40}\)")
RX_GAP_OFFICE_FIRST = re.compile(r"[ ]?,?[ ]?")
RX_GAP_PERSON_FIRST = re.compile(r"[ ]?,[ ]?(?:the[ ])?|[ ]")
RX_AND = re.compile(r"[ ](?:and|&)[ ](?:the[ ])?")
_RX_IT = re.compile(r"(?<![\w'])(?:it|It)(?![\w'])")


# --- helpers over a sentence -----------------------------------------------------------------

_DET = re.compile(
    r"(?:(?:the|a|an|this|that|these|those|its|their|his|her|our|my|new|fresh|additional|extra|further|existing|"
    r"specialist|all|both|some|vital|directly|independently|also|further|more|than|over|around|about|up|to)[ ]+)*",
    re.IGNORECASE,
)
_DET_ONE = re.compile(
    r"(?:the|a|an|this|that|these|those|its|their|his|her|our|my|new|fresh|additional|extra|further|existing|"
    r"specialist|all|both|some|vital|directly|independently|also|more|than|over|around|about|up|to)[ ]+",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|:|\(|\b(?:said|says|told[ ][^,;]{1,40}?|claimed|warned|added|insisted|argued)[ ](?:that[ ])?(?=the[ ]|this[ ]|it[ ]|they[ ]|[A-Z])|\bwhich\b|\bwho\b|\bthat\b|,[ ]and\b|,[ ]but\b|\bbut\b|\bwhile\b|\bwhen\b|\bwhere\b|\bafter\b|\bbecause\b"
)
_SUBORDINATE = re.compile(
    r"[\"']?(?:As|While|When|After|Since|If|Although|Though|Because|Following|Given|Across|Against|Further[ ]to|Once|Until|Before|Despite)\b[^,;]{1,200},[ ]"
)
PRONOUN = re.compile(
    r"(?<![\w'])(?:I|I'm|I've|I'd|I'll|[Ww]e|[Ww]e've|[Ww]e're|[Ww]e'll|[Mm]y|[Oo]ur)(?![\w'])"
)
_THIRD = re.compile(r"(?<![\w'])(?:[Hh]e|[Ss]he|[Tt]hey)(?![\w'])")


def is_actor_mention(m: Mention) -> bool:
    return m.entity.label in ACTORS


_NP_ROLE_GAP = re.compile(
    r"(?:'s?)?(?:[ ][A-Za-z-]+){0,3}?[ ](?:member|members|leader|spokesman|spokeswoman|spokesperson|chair|"
    r"chairman|chairwoman|councillor|lead|head|minister|commissioner|director|executive|secretary|officer|"
    r"boss|candidate|AM|MP|Cllr)[ ]|[ ]"
)


def subject_of(
    ctx: Context, sent: tuple[int, int], pos: int, exclude: set[str] | None = None
) -> Entity | None:
    """The actor doing the verb at `pos`: the first actor of its clause (or 'I'/'we'), else earlier.

    A relative pronoun's subject is its antecedent ("X, who asked ..."); in a noun phrase with
    several names the head is the last ("Green Party assembly member Jo Bloggs criticised")."""
    exclude = exclude or set()
    folded = ctx.folded
    s0 = sent[0]
    seg = folded[s0:pos]
    breaks = [(m.end() + s0, m.start() + s0, m.group(0)) for m in _CLAUSE_BREAK.finditer(seg)]
    lead = _SUBORDINATE.match(seg)
    if lead:
        breaks = [b for b in breaks if b[0] > s0 + lead.end()]
        breaks.insert(0, (s0 + lead.end(), s0 + lead.end(), ","))
        breaks.sort()
    bounds = [*reversed(breaks), (s0, s0, "")]
    prev = pos
    for b, b_start, word in bounds:
        cands: list[tuple[int, int, Entity, bool]] = []  # start, end, who, is a possessive determiner
        for m in ctx.ments.between(b, prev):
            if is_actor_mention(m) and m.entity.id not in exclude and not _inside_parens(folded, m.start, b):
                if _RX_POSS.match(folded[m.end : m.end + 2]) and not re.match(
                    r"'s[ ](?:\w+[ ])?(?:said|told)", folded[m.end : m.end + 20]
                ):
                    continue  # a possessive modifies a noun: "the Met's work"
                cands.append((m.start, m.end, m.entity, False))
        for p in PRONOUN.finditer(folded, b, prev):
            who = ctx.pronoun(p.start(), p.group(0))
            if who is not None and who.id not in exclude:
                cands.append((p.start(), p.end(), who, p.group(0).lower() in ("my", "our")))
        for p in _THIRD.finditer(folded, b, prev):
            who = _last_person(ctx, p.start())
            if who is not None and who.id not in exclude:
                cands.append((p.start(), p.end(), who, False))
        cands.sort(key=lambda c: c[0])
        if any(not c[3] for c in cands):
            cands = [c for c in cands if not c[3]]  # "my Deputy Mayor, X, is ...": X acts, not me
        # a clause whose subject is a thing ("the money would fund ..."): no actor does it,
        # unless the thing's phrase names one ("the investment from the Mayor")
        things = [m for m in ctx.ments.between(b, prev) if not is_actor_mention(m)]
        if things and things[0].start - b <= 6 and (not cands or things[0].start < cands[0][0]):
            between = folded[things[0].end : cands[0][0]] if cands else ""
            if not cands or not _RX_FROM_BY_OF.fullmatch(between):
                return None
        if cands:
            first = cands[0]
            for nxt in cands[1:]:
                if nxt[2].label != "Person" or not _NP_ROLE_GAP.fullmatch(folded, first[1], nxt[0]):
                    break
                first = nxt
            return first[2]
        if word.strip() in ("who", "which", "that"):
            # a relative clause with no actor of its own: its antecedent does the verb
            ante = ctx.ments.before(b_start)
            if (
                ante
                and b_start - ante[-1].end <= 3
                and is_actor_mention(ante[-1])
                and ante[-1].entity.id not in exclude
            ):
                return ante[-1].entity
        prev = b
    return None


def _inside_parens(folded: str, pos: int, lo: int) -> bool:
    seg = folded[lo:pos]
    return seg.rfind("(") > seg.rfind(")")


def _last_person(ctx: Context, pos: int) -> Entity | None:
    """'he'/'she' at `pos`: the last person named before it, outside quotation marks unless the
    pronoun is in the same quotation ("The Mayor has ... He has also asked ...")."""
    own = ctx.quote_at(pos)
    for m in reversed(ctx.ments.before(pos)):
        if m.entity.label != "Person":
            continue
        q = ctx.quote_at(m.start)
        if q is None or (own is not None and q is own):
            return m.entity
    return None


def last_thing(ctx: Context, pos: int, labels=("Organization", "Programme", "Inquiry")) -> Entity | None:
    for m in reversed(ctx.ments.before(pos)):
        if m.entity.label in labels:
            return m.entity
    return None


_BOUNDARY = re.compile(
    r"[,.;:()\"]|[ ]-[ ]|[ ](?:to|for|in|from|by|which|that|and|or|but|while|because|when|with|who|as|at|on|since|"
    r"after|alongside|including)[ ]"
)


def objects_after(
    ctx: Context,
    pos: int,
    limit: int,
    *,
    labels: tuple[str, ...] | None = None,
    discover: str | None = None,
    coordinate: bool = True,
) -> list[Entity]:
    """Entities named right after `pos`: one, or a coordinated list ("A, B and C")."""
    folded = ctx.folded
    p = pos
    while p < limit and ctx.ments.at(p) is None:
        d = _DET_ONE.match(folded, p, limit) or _PLACE_POSS.match(folded, p, limit)
        if not d:
            break
        p = d.end()
    out: list[Entity] = []
    while p < limit:
        m = ctx.ments.at(p)
        if m is None:
            # a mention may start a little later inside the noun phrase ("the MPS review")
            ent = _discover_np(ctx, p, limit, discover) if discover else None
            if ent is None:
                break
            out.append(ent[0])
            p = ent[1]
        else:
            if labels is None or m.entity.label in labels:
                out.append(m.entity)
            p = m.end
        if not coordinate:
            break
        p = _skip_parenthetical(folded, p, limit)
        c = _RX_COORD.match(folded, p, limit)
        if not c or ctx.ments.at(c.end()) is None:
            break
        p = c.end()
    return out


# "London's Violence Reduction Unit": a possessive place (not itself a mention) before a name
_PLACE_POSS = re.compile(r"(?:the[ ])?[A-Z][a-z]+'s?[ ](?=[A-Z])")


def _skip_parenthetical(folded: str, p: int, limit: int) -> int:
    m = _RX_PAREN.match(folded, p, limit)
    return m.end() if m else p


_CAP_NP = re.compile(
    r"(?:pan-London[ ])?[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|the|on|&)[ ]){0,2}[A-Z][\w'&-]*){0,8}"
)
_LOWER_NP = re.compile(r"[a-z][\w-]*(?:[ ][a-z][\w-]*){0,5}")
_NOT_THING = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "I",
        "We",
        "He",
        "She",
        "They",
        "London",
        "Londoners",
        "Mayor",
        "Our",
        "My",
        "In",
        "On",
        "A",
        "An",
        "Government",
        "Assembly",
    ]
)


_DECISION_HEADS = frozenset(
    ["freeze", "rise", "increase", "cut", "cuts", "decision", "proposal", "proposals", "policy", "budget",
     "settlement", "deal", "expansion", "closure", "closures", "reforms", "changes", "announcement"]
)  # fmt: skip


def _discover_np(ctx: Context, p: int, limit: int, label: str) -> tuple[Entity, int] | None:
    """A thing named at `p` that the linker did not know: a capitalised name or a noun phrase
    whose head word is a body, programme or inquiry word. Becomes a mention too."""
    folded = ctx.folded
    m = _CAP_NP.match(folded, p, limit)
    if m and m.group(0).split()[0] not in _NOT_THING:
        np = m.group(0)
        # stop before a registry mention inside the phrase
        for inner in ctx.ments.between(p, m.end()):
            np = folded[p : inner.start].rstrip()
            break
        np = re.sub(r"(?:[ ](?:of|and|for|the|on|&))+$", "", np)
        if np.endswith("'s"):
            return None
        name = canonical_np(np)
        if not name or name in _NOT_THING:
            return None
        head = name.split()[-1]
        lab = (
            "Organization"
            if head in ORG_HEADS
            else "Programme"
            if head in PROGRAMME_HEADS
            else "Inquiry"
            if head in INQUIRY_HEADS
            else label
        )
        ent = Entity(name=name, label=lab, id=slug(name))
        ctx.ments.add(Mention(p, p + len(np), ent, "discovered"))
        return ent, p + len(np)
    m = _LOWER_NP.match(folded, p, limit)
    if m:
        b = _BOUNDARY.search(folded, p, min(limit, p + 80))
        end = b.start() if b else min(limit, m.end())
        words = folded[p:end].split()
        if not words or len(words) > 5:
            return None
        head = words[-1]
        if head in LOWER_ORG_HEADS:
            lab = "Organization"
        elif head in LOWER_PROGRAMME_HEADS:
            lab = "Programme"
        elif head in LOWER_INQUIRY_HEADS:
            lab = "Inquiry"
        elif head in _DECISION_HEADS and label == "Programme":
            lab = "Programme"  # "the bus fare freeze": a decision, welcomed or criticised
        else:
            return None
        if len(words) < 2 or words[0] in ("range", "number", "variety", "series", "lot", "services"):
            return None
        name = canonical_np(" ".join(words))
        if len(name.split()) < 2:
            return None
        ent = Entity(name=name, label=lab, id=slug(name))
        ctx.ments.add(Mention(p, end, ent, "discovered"))
        return ent, end
    return None


_AGENT_BEFORE = re.compile(r"\bby[ ](?:the[ ])?$")
# "funded by TfL and (is|will be|has been) run by X": the second passive's auxiliary may differ
_COORDINATED_PASSIVE = re.compile(
    r"[ ](?:and|&)[ ](?:then[ ]|also[ ])?(?:is[ ]|was[ ]|are[ ]|were[ ]|(?:will|would|should|could|can|may|is[ ]to|are[ ]to)[ ](?:also[ ])?be[ ]|"
    r"(?:has|have)[ ](?:also[ ])?been[ ])?(?:then[ ]|also[ ])?"
)


# "the Food Bank welcomed the review led by X": the clause is about the unnamed review, not the
# name before the verb
_UNNAMED_NP_BEFORE = re.compile(
    r"\b(?:welcomed|criticised|said|backed|supported|announced|published|ordered|commissioned|launched|opposed|praised|rejected)[ ](?:the|a|an)[ ][a-z][\w-]*(?:[ ][a-z][\w-]*){0,2}[ ,]*$"
)


def antecedent(
    ctx: Context, sent: tuple[int, int], pos: int, labels=("Organization", "Programme", "Inquiry")
) -> Entity | None:
    """The thing a passive or relative clause at `pos` is about: the nearest thing before it in the
    sentence ("the national operation led by ...", "the Lighthouse[1] - ... - which was set up by"),
    'it' -> the last thing mentioned, else a capitalised name just before."""
    folded = ctx.folded
    seg_start = sent[0]
    # the agent of a passive coordinated with this one ("funded by TfL and run by X") is not what
    # this clause is about
    before = [
        m
        for m in ctx.ments.between(seg_start, pos)
        if m.entity.label in labels
        and not (
            _AGENT_BEFORE.search(folded, max(seg_start, m.start - 8), m.start)
            and _COORDINATED_PASSIVE.fullmatch(folded, m.end, pos)
        )
    ]
    its = list(_RX_IT.finditer(folded[seg_start:pos]))
    it = its[-1] if its else None
    named = re.search(
        r"(?<=[a-z,][ ])the[ ](?P<np>[A-Z][\w'-]+(?:[ ][A-Z][\w'-]+){0,3})(?=\[\d+\]|,[ ]which\b|[ ]-[ ])",
        folded[seg_start:pos],
    )
    if named and not (before and before[-1].start > seg_start + named.start()):
        np = named.group("np")
        if (
            np.split()[0] not in _NOT_THING
            and ctx.registry.find(np) is None
            and ctx.ments.at(seg_start + named.start("np")) is None
        ):
            s = seg_start + named.start("np")
            name = canonical_np(np)
            ent = Entity(name=name, label="Organization", id=slug(name))
            ctx.ments.add(Mention(s, s + len(np), ent, "discovered"))
            return ent
    if before:
        last = before[-1]
        gap = folded[last.end : pos]
        if it is not None and seg_start + it.start() > last.end:
            return _it_refers_to(ctx, seg_start + it.start(), labels)
        if len(gap) <= 120 and not _UNNAMED_NP_BEFORE.search(gap):
            return last.entity
    if it is not None:
        return _it_refers_to(ctx, seg_start + it.start(), labels)
    # a capitalised name just before: "the Lighthouse[1] - the UK's first ... - which"
    m = re.search(
        r"(?:the[ ])?(?P<np>[A-Z][\w'-]+(?:[ ][A-Z][\w'-]+){0,4})(?:\[\d+\])?(?:[ ]-[ ][^-]{1,80}?-[ ]?|,[ ])?(?:which|that)?[ ]?(?:has[ ][^,]{0,80}?since[ ]it[ ])?(?:was|were|is|has been)?[ ]?$",
        folded[max(seg_start, pos - 200) : pos],
    )
    if m:
        np = m.group("np")
        if np.split()[0] not in _NOT_THING and ctx.registry.find(np) is None:
            s = max(seg_start, pos - 200) + m.start("np")
            ent = Entity(name=canonical_np(np), label="Organization", id=slug(canonical_np(np)))
            ctx.ments.add(Mention(s, s + len(np), ent, "discovered"))
            return ent
    return None


def _it_refers_to(ctx: Context, pos: int, labels=("Organization", "Programme", "Inquiry")) -> Entity | None:
    """'It' opening a sentence continues the previous sentence's subject ("The X Programme will
    be funded by Y. It will be delivered by Z": it is the programme, not Y); elsewhere it is the
    last thing mentioned."""
    sents = ctx.sentences  # type: ignore[attr-defined]
    starts = getattr(ctx, "sentence_starts", None) or [a for a, _ in sents]
    i = bisect_right(starts, pos) - 1
    if i >= 1 and pos - sents[i][0] <= 1:
        p0, p1 = sents[i - 1]
        first = ctx.ments.between(p0, p1)
        if first and first[0].entity.label in labels and first[0].start - p0 <= 40:
            return first[0].entity
    return last_thing(ctx, pos, labels)


def date_in(ctx: Context, start: int, end: int, prefer_after: int | None = None) -> str | None:
    """The first date in [start, end), preferring one after `prefer_after` (the verb)."""
    cache = ctx.__dict__.setdefault("_dates", {})
    found = cache.get((start, end))
    if found is None:
        found = cache[(start, end)] = find_dates(ctx.text[start:end], ctx.info.ref_date)
    found = [d for d in found if not _is_money_or_count(ctx.folded, start + d.start)]
    if prefer_after is not None:
        after = [d for d in found if start + d.start >= prefer_after]
        if after:
            return after[0].iso
    return found[0].iso if found else None


def _is_money_or_count(folded: str, pos: int) -> bool:
    return pos > 0 and folded[pos - 1] in "£$"


def possessor(ctx: Context, pos: int) -> Entity | None:
    """The entity in "X's <noun>" where pos is at or just after the possessive."""
    folded = ctx.folded
    p = pos
    while p > 0 and folded[p - 1] in "s'":
        p -= 1
    for m in reversed(ctx.ments.before(p + 1)):
        if m.end == p or m.end == p - 1:
            return m.entity if is_actor_mention(m) else None
        break
    return None


def owner_of(ctx: Context, thing: Entity) -> Entity | None:
    """Who a programme belongs to in this document: its funder, founder or leader so far."""
    for pred in ("FUNDS", "ESTABLISHED", "LEADS", "COMMITTED_TO", "COMMISSIONED"):
        for key in ctx.order:
            f = ctx.facts[key]
            if f.predicate == pred and f.object is not None and f.object.id == thing.id:
                return f.subject
    return None


def actor_entity(e: Entity) -> bool:
    return e.label in ACTORS


def possessive_at(ctx: Context, ent: Entity, after: int) -> bool:
    end = end_of(ctx, ent, after)
    return ctx.folded[end : end + 2] in ("'s", "s'") or ctx.folded[end : end + 2] == "' "


def end_of(ctx: Context, ent: Entity, after: int) -> int:
    for m in ctx.ments.between(after, after + 200):
        if m.entity.id == ent.id:
            return m.end
    return after


# a set named only by its size: "a range of services", "a number of projects", "several charities"
GENERIC_SET = re.compile(
    r"(?:(?:a|an)[ ](?:wide[ ]|broad[ ]|large[ ]|small[ ]|growing[ ])?(?:range|number|variety|series|host|mix|"
    r"network|portfolio|package|suite|family)[ ]of[ ]|(?:several|various|many|numerous|multiple)[ ])"
)
