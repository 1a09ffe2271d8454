"""Typed facts from sentences: who funds, oversees, leads, asked, said ... what, with evidence.

Patterns are the genres' conventions and plain English syntax, never one document's wording:
active verbs with the subject found left of the verb ("MOPAC awarded a grant to X"), passives
with the agent after "by" and the thing before ("the inquiry chaired by X", "which was set up by
the Mayor in 2018"), coordination ("led by A and B" gives two facts), apposition ("Met Police
Commissioner Sir Mark Rowley", "X, the Met's public protection lead") and pronouns ("I" in a
letter is its signatory; "I" in a quote is its speaker; "it" is the last thing mentioned).

Each rule returns facts whose evidence is the sentence that states them (offsets into the
document's own text). Dates are the first date in the clause, resolved against the document's
date; money comes from loaders.money.
"""

from __future__ import annotations

import re
from bisect import bisect_right

try:  # optional speed-up (pinned in pyproject.toml); the regex path gives the same result
    import ahocorasick
except ImportError:  # pragma: no cover
    ahocorasick = None
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from graph.facts import DocumentInfo, Entity, Evidence, Fact, slug
from loaders.dates import find_dates
from loaders.entities import (
    _LOWER_INQUIRY_HEADS,
    _LOWER_ORG_HEADS,
    _LOWER_PROGRAMME_HEADS,
    INQUIRY_HEADS,
    ORG_HEADS,
    PROGRAMME_HEADS,
    DocMentions,
    Mention,
    canonical_np,
)
from loaders.genre import GenreInfo
from loaders.money import find_amounts
from loaders.registry import Registry

__all__ = ["Context", "extract_relations", "sentences"]

ACTORS = ("Person", "Organization", "Post")

# --- sentences -------------------------------------------------------------------------------

# (the full stop is part of the match rather than a look-behind, which would slow the scan; only the
# end of a match is used)
_SENT_END = re.compile(r"[.!?][\"')\]]*(?=[ ]+[\"'(\[]?[A-Z0-9£])|\n")
_NO_SPLIT_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sir|Prof|Cllr|No|e\.g|i\.e|etc|vs|Rt|Hon|approx)\.|\b[A-Z]\.)$"
)


# small patterns used in the hot paths below (compiled once)
_RX_POSS = re.compile(r"'s?\b")
_RX_FROM_BY_OF = re.compile(r"[ ](?:from|by|of)[ ](?:the[ ])?")
_RX_COORD = re.compile(r"(?:,[ ]|,?[ ]and[ ]|,?[ ]or[ ]|[ ]&[ ])(?:the[ ])?")
_RX_PAREN = re.compile(r"[ ]?\([A-Za-z&' ]{1,40}\)")
_RX_GAP_OFFICE_FIRST = re.compile(r"[ ]?,?[ ]?")
_RX_GAP_PERSON_FIRST = re.compile(r"[ ]?,[ ]?(?:the[ ])?|[ ]")
_RX_AND = re.compile(r"[ ](?:and|&)[ ](?:the[ ])?")
_RX_IT = re.compile(r"(?<![\w'])(?:it|It)(?![\w'])")


def sentences(folded: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of spaces; a line break always ends a sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(folded):
        end = m.end()
        if m.group(0) != "\n" and _NO_SPLIT_BEFORE.search(folded[max(0, end - 8) : end]):
            continue
        _push(folded, start, end, out)
        start = end
    _push(folded, start, len(folded), out)
    return out


def _push(folded: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and folded[s] in " \n":
        s += 1
    while e > s and folded[e - 1] in " \n":
        e -= 1
    if e > s:
        out.append((s, e))


# --- quotes ------------------------------------------------------------------------------------


@dataclass
class Quote:
    start: int  # of the quoted text (inside the marks)
    end: int
    speaker: Entity | None = None
    attribution: tuple[int, int] | None = None
    paragraph: tuple[int, int] = (0, 0)


_SPEECH = r"(?:said|says|told|added|warned|explained|stressed|claimed|revealed|argued|insisted|commented|noted|urged|replied|responded|continued|wrote|tweeted|admitted|acknowledged|confirmed|declared|announced)"


# --- context -----------------------------------------------------------------------------------


@dataclass
class Context:
    doc: DocumentInfo
    info: GenreInfo
    ments: DocMentions
    registry: Registry
    facts: dict[str, Fact] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    signatory: Entity | None = None
    evidence_keys: dict[str, set[str]] = field(default_factory=dict)
    _low_sent: str = ""  # the sentence being read, lower-cased (for the literal gates of patterns)
    _low_span: tuple[int, int] = (-1, -1)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def folded(self) -> str:
        return self.ments.folded

    # ----- facts
    def add(
        self,
        predicate: str,
        subject: Entity | None,
        obj: Entity | None,
        span: tuple[int, int],
        **props,
    ) -> Fact | None:
        if subject is None or (obj is None and predicate != "SAID"):
            return None
        if obj is not None and obj.id == subject.id:
            return None
        if subject.label not in ACTORS:
            return None
        if predicate in ("HOLDS_OFFICE", "CHAIRS") and subject.label != "Person":
            return None
        if predicate == "HOLDS_OFFICE" and obj.label not in ("Post", "Organization"):
            return None
        if predicate == "MEMBER_OF" and obj.label not in ("Organization", "Inquiry", "Programme"):
            return None
        if predicate in ("ASKED", "REPLIED_TO", "PARTNERS_WITH") and obj.label not in ACTORS:
            return None
        s, e = span
        quote = self.text[s:e]
        assert quote == self.doc.text[s:e]
        ev = Evidence(document=self.doc.name, document_id=self.doc.sha256, quote=quote, start=s, end=e)
        fact = Fact(subject=subject, predicate=predicate, object=obj, evidence=[ev], **props)
        key = fact.key
        known = self.facts.get(key)
        if known is not None:
            seen = self.evidence_keys.setdefault(key, {x.key for x in known.evidence})
            if ev.key not in seen:
                seen.add(ev.key)
                known.evidence.append(ev)
            if known.date is None and fact.date:
                known.date = fact.date
            return known
        self.facts[key] = fact
        self.order.append(key)
        return fact

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def pronoun(self, pos: int, word: str) -> Entity | None:
        """Who 'I', 'we', 'my' ... at `pos` is: a quote's speaker, or a letter's signatory."""
        q = self.quote_at(pos)
        if q is not None:
            if q.speaker is not None and word.lower() in ("we", "we've", "we're", "we'll", "our"):
                # "we" in the words of a body's chief executive or spokesperson is that body
                return self.affiliation(q.speaker) or q.speaker
            return q.speaker
        if self.info.genre == "letter" or self.info.genre == "question_answer":
            if self.info.answer_span and self.info.answer_span[0] <= pos < self.info.answer_span[1]:
                return self.answerer
            return self.signatory
        return None

    answerer: Entity | None = None

    def affiliation(self, person: Entity) -> Entity | None:
        """The body a person speaks for in this document ("X, Chief Executive of Y"), if stated."""
        if person.label != "Person":
            return None
        for key in self.order:
            f = self.facts[key]
            if (
                f.subject.id == person.id
                and f.predicate in ("MEMBER_OF", "CHAIRS", "LEADS")
                and f.object is not None
                and f.object.label == "Organization"
            ):
                return f.object
        return None


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
_PRONOUN = re.compile(
    r"(?<![\w'])(?:I|I'm|I've|I'd|I'll|[Ww]e|[Ww]e've|[Ww]e're|[Ww]e'll|[Mm]y|[Oo]ur)(?![\w'])"
)
_THIRD = re.compile(r"(?<![\w'])(?:[Hh]e|[Ss]he|[Tt]hey)(?![\w'])")


def _actor(m: Mention) -> bool:
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
            if _actor(m) and m.entity.id not in exclude and not _inside_parens(folded, m.start, b):
                if _RX_POSS.match(folded[m.end : m.end + 2]) and not re.match(
                    r"'s[ ](?:\w+[ ])?(?:said|told)", folded[m.end : m.end + 20]
                ):
                    continue  # a possessive modifies a noun: "the Met's work"
                cands.append((m.start, m.end, m.entity, False))
        for p in _PRONOUN.finditer(folded, b, prev):
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
        things = [m for m in ctx.ments.between(b, prev) if not _actor(m)]
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
                and _actor(ante[-1])
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


def _last_thing(ctx: Context, pos: int, labels=("Organization", "Programme", "Inquiry")) -> Entity | None:
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
        if head in _LOWER_ORG_HEADS:
            lab = "Organization"
        elif head in _LOWER_PROGRAMME_HEADS:
            lab = "Programme"
        elif head in _LOWER_INQUIRY_HEADS:
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
_COORDINATED_PASSIVE = re.compile(r"[ ](?:and|&)[ ](?:is[ ]|was[ ]|are[ ]|were[ ]|then[ ]|also[ ])?")


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
        if len(gap) <= 120:
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
    return _last_thing(ctx, pos, labels)


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


# --- rules -----------------------------------------------------------------------------------

Rule = Callable[[Context, tuple[int, int], str], None]
_RULES: list[Rule] = []


_TRIGGERS: dict[str, re.Pattern[str] | None] = {}
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
_TRIGGER_AUTOMATON: list = []  # [automaton] once built, [None] without pyahocorasick


def _trigger_automaton():
    """One Aho-Corasick automaton for every rule's trigger words (value: the rules' names)."""
    if not _TRIGGER_AUTOMATON:
        if ahocorasick is None:
            _TRIGGER_AUTOMATON.append(None)
        else:
            words: dict[str, list[str]] = {}
            for name, ks in _TRIGGER_WORDS.items():
                for k in ks:
                    words.setdefault(k, []).append(name)
            automaton = ahocorasick.Automaton()
            for k, names in words.items():
                automaton.add_word(k, (len(k), tuple(names)))
            automaton.make_automaton()
            _TRIGGER_AUTOMATON.append(automaton)
    return _TRIGGER_AUTOMATON[0]


def rule(*keywords: str) -> Callable[[Rule], Rule]:
    """Register a sentence rule; it runs only on sentences holding one of `keywords` (lower case)."""

    def deco(fn: Rule) -> Rule:
        _RULES.append(fn)
        _TRIGGERS[fn.__name__] = (
            re.compile("|".join(re.escape(k) for k in keywords)) if any(keywords) else None
        )
        _TRIGGER_WORDS[fn.__name__] = tuple(k for k in keywords if k)
        return fn

    return deco


def _finditer(pattern: re.Pattern[str], ctx: Context, sent: tuple[int, int]) -> Iterator[re.Match[str]]:
    gate = _GATES.get(pattern)
    if gate is not None:
        low = ctx._low_sent if ctx._low_span == sent else ctx.folded[sent[0] : sent[1]].lower()
        for words in gate:
            for g in words:
                if g in low:
                    break
            else:
                return iter(())  # the pattern cannot match without one of these words: skip the scan
    fast = _NO_LOOKBEHIND.get(pattern)
    if fast is not None:
        return _finditer_bounded(fast, ctx.folded, sent[0], sent[1])
    return pattern.finditer(ctx.folded, sent[0], sent[1])


# Patterns that open with (?<![\w-]) (not inside a word or after a hyphen), compiled without it: a
# leading look-behind keeps the regex engine from skipping ahead to where a match can begin. The
# look-behind is checked in _finditer_bounded instead; a refused match is searched for again one
# character later, so the matches are the same.
_LEADING_LOOKBEHIND = "(?<![\\w-])"
_NO_LOOKBEHIND: dict[re.Pattern[str], re.Pattern[str]] = {}


def _finditer_bounded(rx: re.Pattern[str], text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    while pos <= end:
        m = rx.search(text, pos, end)
        if m is None:
            return
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            pos = s + 1
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def _one_top_level_branch(pattern: str) -> bool:
    """Whether a pattern has no '|' outside groups and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


def _declare_fast_patterns() -> None:
    for value in list(globals().values()):
        if isinstance(value, re.Pattern) and value.pattern.startswith(_LEADING_LOOKBEHIND):
            rest = value.pattern[len(_LEADING_LOOKBEHIND) :]
            if "(?<!" not in rest[:1] and _one_top_level_branch(rest):
                _NO_LOOKBEHIND[value] = re.compile(rest, value.flags)


# Literal words (lower case) each pattern needs: a sentence must hold one word of each group, or
# the pattern is not run on it.
_GATES: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {}


# FUNDS ------------------------------------------------------------------------------------------
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
_FUNDED_ADJ = re.compile(r"(?P<who>[A-Za-z' ]{2,60}?)-funded[ ]")
_FROM = re.compile(r"[ ]from[ ](?:the[ ])?")


def _amount_at(ctx: Context, start: int, end: int):
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
    for m in _finditer(_FUND_VERB, ctx, sent):
        objs = objects_after(ctx, m.end() + 1, sent[1], discover="Programme")
        funder = subject_of(ctx, sent, m.start())
        for o in objs:
            amount = _programme_amount(ctx, o)
            ctx.add("FUNDS", funder, o, sent, date=date_in(ctx, m.end(), sent[1]), amount_gbp=amount)
        if not objs and _GENERIC_SET.match(ctx.folded, m.end() + 1, sent[1]):
            ctx.pending = ("FUNDS", funder, sent)  # type: ignore[attr-defined]
    # "awarded a grant to X"
    for m in _finditer(_GRANT_TO, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Organization")
        funder = subject_of(ctx, sent, m.start())
        amounts = _amount_at(ctx, m.start(), m.end())
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
    for m in _finditer(_MONEY_VERB, ctx, sent):
        amounts = [a for a in _amount_at(ctx, m.end(), min(sent[1], m.end() + 60)) if a.start < 25]
        if not amounts:
            continue
        a = amounts[0]
        after = m.end() + a.end
        t = re.compile(
            r"(?:[ ](?:per|a|each)[ ](?:year|annum|month|week)|[ ]annually|[ ]a[ ]year)?[ ](?:[\w-]+[ ]){0,4}?(?:to|for|in|into|on|towards)[ ](?:tackle[ ]|support[ ]|help[ ]|fund[ ])?"
        ).match(folded, after, sent[1])
        objs = objects_after(ctx, t.end(), sent[1], discover="Organization") if t else []
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
            more = [x for x in _amount_at(ctx, p, min(sent[1], p + 40)) if x.start == 0]
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
    for m in _finditer(_ANNOUNCE, ctx, sent):
        mm = ctx.ments.at(m.end())
        if mm is None or mm.kind != "money":
            continue
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
        f = _FROM.match(folded, mm.end, sent[1])
        if f:
            src = ctx.ments.at(f.end()) or ctx.ments.at(f.start() + 6)
            if src is not None and _actor(src):
                ctx.add("FUNDS", src.entity, mm.entity, sent, amount_gbp=mm.amount)
    # "a City Hall-funded project" (object: the thing in apposition before it)
    for m in _finditer(_FUNDED_ADJ, ctx, sent):
        who = ctx.ments.before(m.end("who") + 1)
        funder = who[-1].entity if who and who[-1].end == m.end("who") and _actor(who[-1]) else None
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
_GOES_TO = re.compile(
    r"(?<![\w-])(?:will[ ]|would[ ]|is[ ]to[ ]|are[ ]to[ ])?(?:go|goes|went|be[ ]given|be[ ]paid|be[ ]allocated|be[ ]awarded)[ ]to[ ](?=(?:the[ ])?[A-Z])"
)


def _money_patterns(ctx: Context, sent: tuple[int, int]) -> None:
    """Funding written with the recipient first or the sum elsewhere in the clause:
    "the £2bn settlement that the DfT gave TfL", "gave TfL £2bn", "backing TfL with £2bn",
    "increasing the Prevention Grant by £316m", "part of the money will go to X"."""
    folded = ctx.folded
    for m in _finditer(_GAVE, ctx, sent):
        rec = ctx.ments.at(m.end()) or ctx.ments.at(m.end() + 4)
        if rec is None or rec.entity.label not in ("Organization", "Programme"):
            continue
        money = [a for a in _amount_at(ctx, rec.end, min(sent[1], rec.end + 40)) if a.start <= 12]
        if not money:
            # the sum before a relative clause: "the £2.2bn settlement that the DfT gave TfL"
            rel = list(re.finditer(r"(?:that|which)[ ]", folded[max(sent[0], m.start() - 80) : m.start()]))
            if not rel:
                continue
            rel_at = max(sent[0], m.start() - 80) + rel[-1].start()
            money = [a for a in _amount_at(ctx, max(sent[0], rel_at - 80), rel_at)][-1:]
        if not money:
            continue
        funder = subject_of(ctx, sent, m.start(), exclude={rec.entity.id})
        ctx.add("FUNDS", funder, rec.entity, sent, amount_gbp=money[0].gbp, period=money[0].period,
                date=date_in(ctx, sent[0], sent[1]))  # fmt: skip
    for rx in (_BACKING, _INCREASE_BY):
        for m in _finditer(rx, ctx, sent):
            objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj"))]
            objs = [o for o in objs if o.label in ("Organization", "Programme")][:1]
            money = [a for a in _amount_at(ctx, m.end(), min(sent[1], m.end() + 40)) if a.start <= 2]
            if not objs or not money:
                continue
            funder = subject_of(ctx, sent, m.start(), exclude={objs[0].id})
            ctx.add("FUNDS", funder, objs[0], sent, amount_gbp=money[0].gbp, period=money[0].period,
                    date=date_in(ctx, sent[0], sent[1], prefer_after=m.end()))  # fmt: skip
    for m in _finditer(_GOES_TO, ctx, sent):
        # the money's subject: a money-named programme or a definite "the money" back to one
        money = [x for x in ctx.ments.between(sent[0], m.start()) if x.entity.label == "Programme"]
        money = [
            x for x in money if x.kind in ("money", "coref") and _programme_amount(ctx, x.entity) is not None
        ]
        if not money:
            continue
        owner = _owner_of(ctx, money[-1].entity)
        for o in objects_after(ctx, m.end(), sent[1], discover="Programme"):
            if o.label in ("Organization", "Programme") and o.id != money[-1].entity.id:
                ctx.add("FUNDS", owner, o, sent)


def _programme_amount(ctx: Context, ent: Entity) -> float | None:
    amounts = getattr(ctx, "_amounts", None)
    if amounts is None:
        amounts = {m.entity.id: m.amount for m in ctx.ments.mentions if m.amount is not None}
        ctx._amounts = amounts  # type: ignore[attr-defined]
    return amounts.get(ent.id)


def _agent_nearby(ctx: Context, sent: tuple[int, int], programme: Entity) -> Entity | None:
    """An agentless announcement ("A £2m fund has been announced for ..."): whoever this document
    already says funds or launched it; else, as news leads go on, the actor of the next sentence
    that speaks of the same money ("Mayor X said the money would ...")."""
    owner = _owner_of(ctx, programme)
    if owner is not None:
        return owner
    sents = ctx.sentences  # type: ignore[attr-defined]
    i = sents.index(sent)
    for nxt in sents[i + 1 : i + 3]:
        ms = ctx.ments.between(nxt[0], nxt[1])
        if any(m.entity.id == programme.id for m in ms):
            for m in ms:
                if _actor(m):
                    return m.entity
    return None


# COMMITTED_TO --------------------------------------------------------------------------------
_COMMITTED = re.compile(r"(?<![\w-])(?:committed|commitment|pledged|promised|vowed)[ ]to[ ](?:[a-z]+ing[ ])?")
_WHICH_COMMITTED = re.compile(
    r",?[ ]which[ ](?P<who>[^,.;]{2,60}?)[ ](?:is|are|was|were|remains?|has[ ]been)[ ](?:fully[ ]|firmly[ ]|also[ ])?committed[ ]to"
)


@rule("commit", "pledge", "promise", "vow")
def committed(ctx: Context, sent: tuple[int, int], s: str) -> None:
    for m in _finditer(_WHICH_COMMITTED, ctx, sent):
        who = ctx.ments.between(m.start("who"), m.end("who"))
        actor = next((x.entity for x in who if _actor(x)), None)
        thing = antecedent(ctx, sent, m.start())
        ctx.add("COMMITTED_TO", actor, thing, sent, text=_clause(ctx, sent, m.start()))
    for m in _finditer(_COMMITTED, ctx, sent):
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
        amounts = _amount_at(ctx, m.end(), sent[1])
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


# OVERSEES -----------------------------------------------------------------------------------
_HOLD_TO_ACCOUNT = re.compile(r"(?<![\w-])hold(?:s|ing)?[ ](?P<obj>[^.;]{1,80}?)[ ]to[ ]account")
_HELD_TO_ACCOUNT = re.compile(r"(?<![\w-])(?:held|be[ ]held|being[ ]held)[ ]to[ ]account(?P<by>[ ]by[ ])?")
_OVERSEE = re.compile(
    r"(?<![\w-])(?:oversee|oversees|overseeing|oversaw|scrutinise|scrutinises|scrutinised|scrutinising|scrutinize|scrutinizes)[ ]"
)
_OVERSEEN_BY = re.compile(r"(?<![\w-])(?:overseen|scrutinised|scrutinized|supervised)[ ]by[ ]")
_OVERSIGHT_OF = re.compile(r"(?<![\w-])(?:oversight|scrutiny)[ ]of[ ]")
_POSS_OVERSIGHT = re.compile(r"'s?[ ](?:[\w-]+[ ]){0,2}?(?:oversight|scrutiny)(?![ ]of)\b")


@rule("account", "overs", "scrutin", "supervis")
def oversees(ctx: Context, sent: tuple[int, int], s: str) -> None:
    for m in _finditer(_HOLD_TO_ACCOUNT, ctx, sent):
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj")) if _actor(x)]
        if not objs:
            continue
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in _finditer(_HELD_TO_ACCOUNT, ctx, sent):
        before = [x for x in ctx.ments.between(sent[0], m.start()) if _actor(x)]
        if not before:
            continue
        overseen = before[-1].entity
        if m.group("by"):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
        else:
            est = re.search(
                r"(?<![\w-])(?:established|set[ ]up|created|founded|launched)[ ]",
                ctx.folded[sent[0] : m.start()],
            )
            agents = []
            if est:
                agents = [e for e in objects_after(ctx, sent[0] + est.end(), m.start(), labels=ACTORS)]
        for a in agents:
            ctx.add("OVERSEES", a, overseen, sent)
    for m in _finditer(_OVERSEE, ctx, sent):
        at = _WORK_OF.match(ctx.folded, m.end(), sent[1])
        objs = objects_after(ctx, at.end() if at else m.end(), sent[1], discover="Programme")
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in _finditer(_OVERSEEN_BY, ctx, sent):
        agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
        thing = antecedent(ctx, sent, m.start(), labels=("Organization", "Programme", "Inquiry", "Person"))
        for a in agents:
            ctx.add("OVERSEES", a, thing, sent)
    for m in _finditer(_OVERSIGHT_OF, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1])
        who = _possessor(ctx, m.start()) or subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in _finditer(_POSS_OVERSIGHT, ctx, sent):
        # "... sits within X's oversight framework": X's oversight has no object of its own; it
        # covers what the paragraph has just said is overseen ("... see the police held to account")
        who = _possessor(ctx, m.start() + 2 if ctx.folded[m.start() + 1] == "s" else m.start() + 1)
        overseen = _overseen_in_paragraph(ctx, sent)
        if who is not None and overseen is not None:
            ctx.add("OVERSEES", who, overseen, sent)


# "scrutinises the work of X": the body is overseen, not its work
_WORK_OF = re.compile(
    r"(?:the[ ])?(?:work|performance|activities|running|conduct|finances|spending|budget|operations?|"
    r"handling|response|decisions|plans|delivery)[ ]of[ ]"
)


def _possessor(ctx: Context, pos: int) -> Entity | None:
    """The entity in "X's <noun>" where pos is at or just after the possessive."""
    folded = ctx.folded
    p = pos
    while p > 0 and folded[p - 1] in "s'":
        p -= 1
    for m in reversed(ctx.ments.before(p + 1)):
        if m.end == p or m.end == p - 1:
            return m.entity if _actor(m) else None
        break
    return None


def _overseen_in_paragraph(ctx: Context, sent: tuple[int, int]) -> Entity | None:
    """What an OVERSEES fact stated earlier in the same paragraph holds to account."""
    para_start = ctx.folded.rfind("\n", 0, sent[0]) + 1
    for key in reversed(ctx.order):
        f = ctx.facts[key]
        if (
            f.predicate == "OVERSEES"
            and f.object is not None
            and para_start <= f.evidence[-1].start < sent[0]
        ):
            return f.object
    return None


# LEADS / CHAIRS / ESTABLISHED (passives with an agent) ---------------------------------------
_LED_BY = re.compile(
    r"(?<![\w-])(?:led|delivered|run|managed|operated|coordinated|co-ordinated)[ ](?:jointly[ ]|locally[ ])?by[ ]"
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
    "delivered ", "run ", "managed ", "operated ", "ordinated ", "funded ", "financed ", "paid for",
    "commissioned ",
)  # fmt: skip
def leads_chairs_established(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    for m in _finditer(_FUNDED_BY, ctx, sent):
        agents = [
            a
            for a in objects_after(ctx, m.end(), sent[1], labels=ACTORS, discover="Organization")
            if _actor_entity(a)
        ]
        thing = antecedent(ctx, sent, m.start())
        preds = [_PASSIVE_VERBS[" ".join(m.group("v1").split())]]
        if m.group("v2"):
            preds.append(_PASSIVE_VERBS.get(m.group("v2"), "LEADS"))
        for a in agents:
            for pred in preds:
                amount = _programme_amount(ctx, thing) if pred == "FUNDS" and thing is not None else None
                ctx.add(pred, a, thing, sent, **({"amount_gbp": amount} if amount else {}))
    for rx, pred in ((_LED_BY, "LEADS"), (_CHAIRED_BY, "CHAIRS"), (_SET_UP_BY, "ESTABLISHED")):
        for m in _finditer(rx, ctx, sent):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS, discover="Organization")
            thing = antecedent(ctx, sent, m.start())
            if thing is None and pred == "LEADS":
                # "It remains ..., led by X": the sentence's subject
                first = re.match(r"(?:It|This|They)\b", folded[sent[0] : sent[1]])
                if first:
                    thing = _last_thing(ctx, sent[0])
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
        for m in _finditer(rx, ctx, sent):
            objs = objects_after(
                ctx, m.end(), sent[1], labels=("Programme", "Inquiry", "Organization"), discover="Inquiry"
            )
            who = subject_of(ctx, sent, m.start())
            for o in objs:
                if pred == "LEADS" and o.label == "Organization":
                    continue
                ctx.add(pred, who, o, sent)
    for m in _finditer(_X_LED, ctx, sent):
        who = ctx.ments.before(m.end("who"))
        if who and who[-1].end == m.end("who") and _actor(who[-1]):
            objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
            for o in objs:
                ctx.add("LEADS", who[-1].entity, o, sent)
    for m in _finditer(_SET_UP, ctx, sent):
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


# WELCOMED / CRITICISED --------------------------------------------------------------------------
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
        for m in _finditer(rx, ctx, sent):
            if _MODAL.search(folded[max(sent[0], m.start() - 20) : m.start()]):
                continue
            if re.match(r"[a-z]", folded[m.end() : m.end() + 1]) and not re.match(
                r"(?:the|this|that|these|a|an|its|their|his|her)[ ]", folded[m.end() : m.end() + 7]
            ):
                continue
            objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
            if objs and _possessive_at(ctx, objs[0], m.end()):
                # "the Mayor's £8m plan": what is welcomed is the possessed thing ("the Government's
                # action" names none); a criticism of "the Mayor's decision" falls on the Mayor
                owner = objs[0]
                end = _end_of(ctx, owner, m.end())
                poss = re.compile(r"'s?[ ]").match(folded, end, sent[1])
                objs = (
                    objects_after(ctx, poss.end(), sent[1], discover="Programme", coordinate=False)
                    if poss
                    else []
                )
                if not objs and pred == "CRITICISED" and _actor_entity(owner):
                    objs = [owner]
            who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
            for o in objs:
                ctx.add(pred, who, o, sent, date=ctx.info.date)
    for rx, pred in ((_WELCOMED_BY, "WELCOMED"), (_CRITICISED_BY, "CRITICISED")):
        for m in _finditer(rx, ctx, sent):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
            before = [x for x in ctx.ments.between(sent[0], m.start())]
            thing = before[-1].entity if before else None
            for a in agents:
                ctx.add(pred, a, thing, sent, date=ctx.info.date)
    for m in _finditer(_CALLED, ctx, sent):
        if not _NEGATIVE.search(m.group("q")):
            continue
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj"))]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs[:1]:
            ctx.add("CRITICISED", who, o, sent, date=ctx.info.date)


# COMMISSIONED / REVIEWS -------------------------------------------------------------------------
_COMMISSION = re.compile(
    r"(?<![\w-])(?:commission|commissions|commissioned|commissioning)[ ](?!by[ ]|of[ ]|for[ ]|on[ ])"
)
_ASK_TO_REVIEW = re.compile(
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
    for m in _finditer(_COMMISSION, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Programme")
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = date_in(ctx, m.end(), sent[1]) if objs else None
        for o in objs:
            ctx.add("COMMISSIONED", who, o, sent, date=date)
            t = _TO_INSPECT.match(folded, _end_of(ctx, o, m.end()), sent[1])
            if t:
                for r in objects_after(ctx, t.end(), sent[1]):
                    ctx.add("REVIEWS", o, r, sent, date=date)
        if not objs and _GENERIC_SET.match(folded, m.end(), sent[1]):
            ctx.pending = ("COMMISSIONED", who, sent)  # type: ignore[attr-defined]
    for m in _finditer(_ASK_TO_REVIEW, ctx, sent):
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj")) if _actor(x)][:1]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = date_in(ctx, sent[0], sent[1]) if objs and who is not None else None
        for o in objs:
            ctx.add("COMMISSIONED", who, o, sent, date=date)
            ctx.asked_spans.add(m.start())  # type: ignore[attr-defined]
    for m in _finditer(_ORDERED_REL, ctx, sent):
        before = ctx.ments.between(sent[0], m.start())
        if len(before) < 2 or not _actor(before[-1]) or m.start() - before[-1].end > 2:
            continue
        who = before[-1].entity
        things = [x.entity for x in before[:-1] if x.entity.id != who.id]
        if things:
            ctx.add("COMMISSIONED", who, things[-1], sent, date=date_in(ctx, sent[0], sent[1]))
    for m in _finditer(_REVIEW_VERB, ctx, sent):
        if re.search(
            r"(?:the|a|an|its|their|our|his|her)[ ](?:\w+[ ])?$",
            folded[max(sent[0], m.start() - 15) : m.start()],
        ):
            continue
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label != "Person"]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("REVIEWS", who, o, sent)
    for m in _finditer(_INSPECTOR_POSS, ctx, sent):
        who = _possessor(ctx, m.start() + 1)
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


def _owner_of(ctx: Context, thing: Entity) -> Entity | None:
    """Who a programme belongs to in this document: its funder, founder or leader so far."""
    for pred in ("FUNDS", "ESTABLISHED", "LEADS", "COMMITTED_TO", "COMMISSIONED"):
        for key in ctx.order:
            f = ctx.facts[key]
            if f.predicate == pred and f.object is not None and f.object.id == thing.id:
                return f.subject
    return None


def _actor_entity(e: Entity) -> bool:
    return e.label in ACTORS


def _possessive_at(ctx: Context, ent: Entity, after: int) -> bool:
    end = _end_of(ctx, ent, after)
    return ctx.folded[end : end + 2] in ("'s", "s'") or ctx.folded[end : end + 2] == "' "


def _end_of(ctx: Context, ent: Entity, after: int) -> int:
    for m in ctx.ments.between(after, after + 200):
        if m.entity.id == ent.id:
            return m.end
    return after


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
    for m in _finditer(_OBJECT_RELATIVE, ctx, sent):
        # the object: a named thing right before "which"
        before = ctx.ments.before(m.start("rel") + 1)
        if not before or m.start("rel") - before[-1].end > 1:
            continue
        thing = before[-1].entity
        if thing.label not in ("Organization", "Programme", "Inquiry"):
            continue
        # the subject: one actor (or "I"/"we") and nothing else but determiners
        subj_lo, subj_hi = m.start("subj"), m.end("subj")
        named = [x for x in ctx.ments.between(subj_lo, subj_hi) if _actor(x)]
        who = None
        if len(named) == 1:
            rest = (folded[subj_lo : named[0].start] + folded[named[0].end : subj_hi]).split()
            if all(w in ("the", "The", "its", "their") for w in rest):
                who = named[0].entity
        elif not named:
            p = _PRONOUN.fullmatch(folded, subj_lo, subj_hi - 1)
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


# PARTNERS_WITH --------------------------------------------------------------------------------
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
    if len(ms) >= 2 and _actor(ms[0]) and _actor(ms[1]) and ms[0].start - sent[0] <= 4:
        if _RX_AND.fullmatch(folded[ms[0].end : ms[1].start]) and _JOINT.match(folded, ms[1].end, sent[1]):
            ctx.add("PARTNERS_WITH", ms[0].entity, ms[1].entity, sent)
    # "the plan has been agreed with X": whoever owns the plan partners with X
    for m in _finditer(_AGREED_WITH, ctx, sent):
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label == "Organization"]
        thing = antecedent(ctx, sent, m.start())
        owner = _owner_of(ctx, thing) if thing is not None else None
        for o in objs:
            ctx.add("PARTNERS_WITH", owner, o, sent)
    for m in _finditer(_PARTNER, ctx, sent):
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
            and not re.search(r"(?:is|are|was|were|be|been|am)[ ]$", before)
        ):
            continue  # "X working with Y" as a bare participle is too loose without "closely"
        objs = [o for o in objects_after(ctx, m.end(), sent[1]) if o.label in ("Organization",)]
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        if plain and who is not None and who.label != "Organization":
            continue  # a person "working with" a body is not an institutional partnership
        for o in objs:
            ctx.add("PARTNERS_WITH", who, o, sent)


# MEMBER_OF / HOLDS_OFFICE / CHAIRS by apposition --------------------------------------------------
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
        for m in _finditer(_REPRESENTED, ctx, sent):
            objs = objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
            who = subject_of(ctx, sent, m.start())
            for o in objs:
                ctx.add("MEMBER_OF", who, o, sent)
        return
    for m in _finditer(_ROLE_OF, ctx, sent):
        before = ctx.ments.before(m.start() + 1)
        if not before or before[-1].end != m.start() or before[-1].entity.label != "Person":
            continue
        person = before[-1].entity
        orgs = [
            o
            for o in objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
            if o.label == "Organization"
        ]
        role = " ".join(m.group("role").lower().split())
        for o in orgs:
            if role in ("chair", "chairman", "chairwoman"):
                ctx.add("CHAIRS", person, o, sent)
            else:
                ctx.add("MEMBER_OF", person, o, sent, role=role)
    for m in _finditer(_POSS_ROLE, ctx, sent):
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
    for m in _finditer(_POSS_OFFICE, ctx, sent):
        org = _possessor(ctx, m.start() + 1)
        person = ctx.ments.at(m.end())
        if org is None or org.label != "Organization" or person is None or person.entity.label != "Person":
            continue
        role = m.group("role")
        post = _post_for(ctx, role, org)
        if post is not None:
            ctx.add("HOLDS_OFFICE", person.entity, post, sent)
        elif _ROLE_WORDS.search(role):
            ctx.add("MEMBER_OF", person.entity, org, sent, role=role.lower())
    for m in _finditer(_REPRESENTED, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1], discover="Organization", coordinate=False)
        who = subject_of(ctx, sent, m.start())
        for o in objs:
            ctx.add("MEMBER_OF", who, o, sent)
    for m in _finditer(_PARTY_ADJECTIVE, ctx, sent):
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
        if a.kind == "office" and b.entity.label == "Person" and _RX_GAP_OFFICE_FIRST.fullmatch(gap):
            pairs.append((b, a))
        if b.kind == "office" and a.entity.label == "Person" and _RX_GAP_PERSON_FIRST.fullmatch(gap):
            pairs.append((a, b))
        for person, office in pairs:
            if office.post is None or office.entity.id != person.entity.id:
                continue
            span = (min(a.start, b.start), max(a.end, b.end))
            ctx.add("HOLDS_OFFICE", person.entity, office.post, span)
            _chairs_from_post(ctx, person.entity, office.post, span)


def _post_for(ctx: Context, role: str, org: Entity) -> Entity | None:
    """The registry's office for a body's role ("TfL's Commissioner" -> Commissioner of Transport
    for London), if there is one."""
    for name in (org.name, *org.aliases):
        for cand in (f"{role} of {name}", f"{name} {role}", f"{role} of the {name}"):
            entry = ctx.registry.find(cand)
            if entry is not None and entry.label == "Post":
                return entry.entity
    return None


def _chairs_from_post(ctx: Context, person: Entity, post: Entity, span: tuple[int, int]) -> None:
    m = re.match(r"(?:Chair|Chairman|Chairwoman)[ ](?:of|,)[ ](?:the[ ])?(?P<body>.+)$", post.name)
    if m:
        body = ctx.registry.find(m.group("body")) or ctx.registry.find("the " + m.group("body"))
        if body is not None:
            ctx.add("CHAIRS", person, body.entity, span)


# ASKED / REPLIED_TO in running text --------------------------------------------------------------
_ASKED_OBJ = re.compile(
    r"(?<![\w-])(?:asked|asks|questioned|quizzed|pressed|challenged|grilled|urged)[ ](?=(?:the[ ])?[A-Z])"
)
_ASKED_BY = re.compile(
    r"(?<![\w-])(?:asked|questioned|quizzed|pressed|challenged|grilled)[ ](?:directly[ ]|again[ ]|repeatedly[ ]|specifically[ ])?by[ ]"
)
_ASKED_WH = re.compile(r"(?<![\w-])asked[ ](?=why|whether|if|how|what|when|about)")


@rule("ask", "question", "quiz", "press", "challeng", "grill", "urge")
def asked(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    skip = getattr(ctx, "asked_spans", set())
    for m in _finditer(_ASKED_OBJ, ctx, sent):
        if m.start() in skip:
            continue
        objs = objects_after(ctx, m.end(), sent[1], labels=ACTORS, coordinate=False)
        if not objs:
            continue
        if _ASK_TO_REVIEW.match(folded, m.start(), sent[1]):
            continue
        after_obj = _end_of(ctx, objs[0], m.end())
        if re.match(r"[ ](?:to[ ](?!account)|not[ ]to[ ])", folded[after_obj : after_obj + 8]):
            continue  # "asked the Met to leave no stone unturned" is a request, not a question
        if _REQUEST_AFTER.match(folded, after_obj, sent[1]):
            continue  # "asked TfL's Commissioner, Andy Lord, to set out ..." likewise
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = (date_in(ctx, sent[0], sent[1]) or None) if who is not None else None
        for o in objs:
            ctx.add("ASKED", who, o, sent, date=date, about=_about(ctx, m.end(), sent[1]))
    for m in _finditer(_ASKED_BY, ctx, sent):
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
    for m in _finditer(_ASKED_WH, ctx, sent):
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


# --- driver -----------------------------------------------------------------------------------


def _rule_sentences(folded: str, spans: list[tuple[int, int]]) -> dict[str, set[int] | None]:
    """For each rule, the sentences holding one of its trigger words: one scan of the document
    (an Aho-Corasick pass over every rule's words, or one regex scan per rule without it)
    instead of one search per sentence and rule."""
    low = folded.lower()
    starts = [a for a, _ in spans]
    automaton = _trigger_automaton()
    if automaton is not None:
        found_by: dict[str, set[int] | None] = {
            r.__name__: (set() if _TRIGGER_WORDS[r.__name__] else None) for r in _ORDERED_RULES
        }
        for end_incl, (length, names) in automaton.iter(low):
            start = end_incl + 1 - length
            i = bisect_right(starts, start) - 1
            if i >= 0 and end_incl < spans[i][1]:
                for name in names:
                    found_by[name].add(i)  # type: ignore[union-attr]
        return found_by
    out: dict[str, set[int] | None] = {}
    for r in _ORDERED_RULES:
        trigger = _TRIGGERS[r.__name__]
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
    if not _ORDERED_RULES:
        _order_rules()
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
        # appositions first (who speaks for which body), then commissions (so "asked X to review"
        # is not also a question), then the rest in the order they are declared
        for r in _ORDERED_RULES:
            if hits is not None:
                where = hits[r.__name__]
                if where is None or i in where:
                    r(ctx, sent, s)
                continue
            trigger = _TRIGGERS[r.__name__]
            if trigger is None or trigger.search(low):
                r(ctx, sent, s)
        pending = ctx.pending  # type: ignore[attr-defined]
        if pending is not None:
            _includes_followup(ctx, sents, sent, pending)
    return [ctx.facts[k] for k in ctx.order]


_ORDERED_RULES: list[Rule] = []


def _order_rules() -> None:
    first = [membership, commissioned_reviews]
    _ORDERED_RULES[:] = first + [r for r in _RULES if r not in first]


# a set named only by its size: "a range of services", "a number of projects", "several charities"
_GENERIC_SET = re.compile(
    r"(?:(?:a|an)[ ](?:wide[ ]|broad[ ]|large[ ]|small[ ]|growing[ ])?(?:range|number|variety|series|host|mix|"
    r"network|portfolio|package|suite|family)[ ]of[ ]|(?:several|various|many|numerous|multiple)[ ])"
)


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


def _declare_gates() -> None:
    by = (" by ",)
    table: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
        _FUND_VERB: (("fund",),),
        _GRANT_TO: (("grant",),),
        # (sums may be written "50p": no money word is required of these two)
        _MONEY_VERB: (("provid", "give", "gave", "allocat", "invest", "spend", "spent", "pay", "paid",
                              "award", "put", "pledg", "commit", "contribut"),),
        _ANNOUNCE: (("£",), ("announc", "unveil", "launch", "confirm")),
        _FUNDED_ADJ: (("-funded",),),
        _GAVE: (("gave", "give", "given", "giving", "granted", "handed", "awarded", "allocated",
                        "provided", "paid"),),
        _BACKING: (("£",), ("back", "support")),
        _INCREASE_BY: (("£",), ("increas", "boost", "rais", "top", "expand")),
        _GOES_TO: ((" to ",), ("go", "went", "given", "paid", "allocated", "awarded")),
        _COMMITTED: ((" to ",),),
        _WHICH_COMMITTED: (("committed to",),),
        _HOLD_TO_ACCOUNT: (("to account",),),
        _HELD_TO_ACCOUNT: (("to account",),),
        _OVERSEEN_BY: (by,),
        _OVERSIGHT_OF: (("oversight of", "scrutiny of"),),
        _POSS_OVERSIGHT: (("oversight", "scrutiny"),),
        _LED_BY: (by, ("led", "delivered", "run", "managed", "operated", "ordinated")),
        _FUNDED_BY: (by, ("funded", "financed", "paid for", "commissioned")),
        _CHAIRED_BY: (("chaired by",),),
        _SET_UP_BY: (by, ("set up", "set-up", "established", "founded", "created", "launched", "started")),
        _X_LED: (("-led",),),
        _LEADS: (("lead", "led "),),
        _SET_UP: (("set up", "established", "founded", "created", "launched"),),
        _CHAIRS: (("chair",),),
        _WELCOME: (("welcom",),),
        _WELCOMED_BY: (("welcomed by",),),
        _CRITICISED_BY: (by,),
        _CALLED: (('"',),),
        _COMMISSION: (("commission",),),
        _ASK_TO_REVIEW: (("ask", "request", "invit", "called on", "ordered"),
                         ("look", "inspect", "review", "investigat", "examin", "audit", "carry", "conduct")),
        _ORDERED_REL: (("ordered", "commissioned", "requested"),),
        _REVIEW_VERB: (("inspect", "review", "audit", "investigat"),),
        _INSPECTOR_POSS: (("'",), ("decision", "report", "inspection", "findings", "review", "assessment",
                                   "judg", "verdict")),
        _AGREED_WITH: (("agreed with",),),
        _PARTNER: (("with", "alongside"),),
        _ROLE_OF: ((", ",),),
        _POSS_ROLE: (("'",),),
        _POSS_OFFICE: (("'",),),
        _REPRESENTED: (("represented", "member"),),
        _PARTY_ADJECTIVE: (("conservative", "labour", "democrat", "lib dem", "green", "reform"),),
        _ASKED_BY: (by,),
        _ASKED_WH: (("asked ",),),
        _OBJECT_RELATIVE: ((" which ", " that "),),
    }  # fmt: skip
    for rx, groups in table.items():
        if not all(isinstance(ws, tuple) and ws and all(isinstance(w, str) for w in ws) for ws in groups):
            raise TypeError(f"gate of {rx.pattern[:40]!r} must be a tuple of tuples of words")
    _GATES.update(table)


_declare_gates()
_declare_fast_patterns()
