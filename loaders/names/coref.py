"""References back to something the document has named: abbreviations it defines, people by
surname or short name, and definite descriptions of bodies and money.

Once "the National Crime Agency (NCA)" is written, "NCA" names it; once "Sir Mark Rowley" is
named, "Rowley" and "Sir Mark" are him; "the money" and "the £2.4m" are the last money-named
programme, "the force" the last police force, "the board" the last body named "... Board", and
a sentence opening "The cross-party group, which ..." continues the body the sentence before was
about. These run after the names are linked, since they only point back at mentions.
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.names.bounded import Bounded
from loaders.names.linescan import LineScan
from loaders.names.mentions import DocMentions, Mention
from loaders.names.money_programmes import parse_short_money
from loaders.names.people import HONORIFIC_WORDS
from loaders.registry import Registry

__all__ = ["DEF_REF", "defined_abbreviations", "backrefs", "definite_refs"]

_ABBR_DEF = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")


def defined_abbreviations(doc: DocMentions, registry: Registry) -> None:
    """'Long Name (ABBR)' makes ABBR a name of the same thing for the rest of the document."""
    folded = doc.folded
    defined: dict[str, Entity] = {}
    first_at: dict[str, int] = {}
    for m in _ABBR_DEF.finditer(folded):
        abbr = m.group("abbr")
        if abbr in defined or registry.find(abbr) is not None:
            continue
        start = m.start() - 1 if m.start() > 0 and folded[m.start() - 1] == " " else m.start()
        before = doc.before(start + 1)
        if (
            not before
            or before[-1].end != start
            or before[-1].label not in ("Organization", "Programme", "Inquiry")
        ):
            continue
        defined[abbr] = before[-1].entity
        first_at[abbr] = m.end()
    if not defined:
        return
    rx = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(a) for a in defined) + r")(?![\w-])")
    for m in rx.finditer(folded):
        if m.start() < first_at[m.group(0)] or doc.at(m.start()) is not None:
            continue
        doc.add(Mention(m.start(), m.end(), defined[m.group(0)], "alias"))


_BACKREF_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'.]*[ ]$")
_BACKREF_FINE_BEFORE = re.compile(
    r"(?:^|[.!?\n:\"]\s*)(?:The|When|While|As|But|And|Later|Earlier|Then|Meanwhile|Now|Separately|Finally|However|Instead|Still|Yet|Asked|Speaking|Responding)?[ ]?$|\b(?:"
    + "|".join(sorted(HONORIFIC_WORDS))
    + r")[ ]$"
)
_SPACE_CAPITAL = re.compile(r"[ ][A-Z]")
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(HONORIFIC_WORDS)) + r")\.?[ ]$")


def backrefs(doc: DocMentions, registry: Registry) -> None:
    """A person's surname (or first name, where the registry says it is used alone) is that person
    after the full name (anywhere, for a registry person), with an honorific before it kept ("Mr
    Khan"); a surname shared by two people named in the document is no one's."""
    folded = doc.folded
    persons: dict[str, Entity] = {}
    for m in doc.mentions:
        if m.label == "Person":
            persons[m.entity.id] = m.entity
    by_token: dict[str, set[str]] = {}
    for ent in persons.values():
        parts = [p for p in ent.name.split() if p not in HONORIFIC_WORDS]
        if len(parts) >= 2:
            by_token.setdefault(parts[-1], set()).add(ent.id)
        entry = registry.get(ent.id)
        if entry is not None and entry.first_name_alone and parts:
            by_token.setdefault(parts[0], set()).add(ent.id)
    if not by_token:
        return
    first_mention = {}
    for m in doc.mentions:
        first_mention.setdefault(m.entity.id, m.start)
    rx = re.compile(
        r"(?<![\w'-])(?:"
        + "|".join(re.escape(t) for t in sorted(by_token, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in rx.finditer(folded):
        ids = by_token[m.group(0)]
        if len(ids) != 1:
            continue
        eid = next(iter(ids))
        if first_mention.get(eid, 1 << 60) > m.start() and registry.get(eid) is None:
            continue
        prev = folded[max(0, m.start() - 25) : m.start()]
        nxt = folded[m.end() : m.end() + 3]
        if _BACKREF_CAPITAL_BEFORE.search(prev) and not _BACKREF_FINE_BEFORE.search(prev):
            continue
        if _SPACE_CAPITAL.match(nxt):
            continue
        start = m.start()
        hon = _HONORIFIC_BEFORE.search(prev)
        if hon:
            start -= len(hon.group(0))
        doc.add(Mention(start, m.end(), persons[eid], "backref"))


DEF_REF = Bounded(
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Tt]hese)[ ](?:(?:new|same|additional|extra|fresh|whole|"
    r"entire|independent|national|police|local|fire)[ ])?(?P<head>money|funds|funding|fund|package|investment|cash|grant|force|board|"
    r"inquiry|enquiry|review|audit|operation|re-investigation|reinvestigation|partnership|executive|Executive|"
    r"Board|assembly|service|Service|helpline|pilot|programme|scheme|strategy|plan|trust|Trust|council|Council|committee|"
    r"Committee|Brigade|brigade|Authority|authority|Agency|agency|Corporation|corporation|Commission|commission|"
    r"inspectorate|Unit|Foundation|£\d[\d,.]*(?:m|bn|k|million|billion)?)(?![\w-])",
    "w-",
)
# (it must open a sentence: checked in _sentence_opening, a look-behind here would slow the scan)
_SUBJECT_BODY_REF = re.compile(
    r"The[ ](?:[a-z][\w-]*[ ]){0,2}?(?:group|body|organisation|organization|charity|"
    r"union|watchdog|agency|think[ ]tank|campaign[ ]group|umbrella[ ]body|umbrella[ ]group)(?=[ ,])"
)


def _sentence_opening(text: str, pos: int) -> bool:
    """Whether pos starts a line or follows a sentence's end and a space."""
    return pos == 0 or text[pos - 1] == "\n" or (pos >= 2 and text[pos - 1] == " " and text[pos - 2] in ".!?")


_MONEY_REF_HEADS = frozenset(["money", "funds", "funding", "fund", "package", "investment", "cash", "grant"])


def definite_refs(doc: DocMentions, registry: Registry) -> None:
    """'The money', 'the £2.4m', 'the force', 'the board' ... point back at the last mention that
    fits; a sentence opening on a description of a body continues the previous sentence's body."""
    folded = doc.folded
    scan = doc.scan or LineScan(folded)
    for m in scan.finditer(DEF_REF, "defref"):
        if doc.at(m.start()) is not None or doc.between(m.start(), m.end()):
            continue
        head = m.group("head")
        target: Entity | None = None
        for prev in reversed(doc.before(m.start())):
            e = prev.entity
            if head.startswith("£"):
                amount = parse_short_money(head)
                if prev.kind == "money" and amount is not None and prev.amount == amount:
                    target = e
                    break
                continue
            if head in _MONEY_REF_HEADS:
                if prev.kind == "money" and e.label == "Programme":
                    target = e
                    break
                continue
            if head == "force":
                entry = registry.get(e.id)
                if entry is not None and entry.kind == "police":
                    target = e
                    break
                continue
            last = e.name.split()[-1].lower() if e.name.split() else ""
            if (
                e.label in ("Organization", "Programme", "Inquiry")
                and (
                    last.rstrip("s") == head.lower().rstrip("s")
                    # "a new service, Energy Advice London ... the new service": the kind named before it
                    or re.search(
                        rf"\b{re.escape(head.lower())}(?:,|[ ]called|[ ]named)?[ ]$",
                        folded[max(0, prev.start - 30) : prev.start].lower(),
                    )
                )
            ):
                target = e
                break
        if target is not None:
            doc.add(Mention(m.start(), m.end(), target, "coref"))
    # "The cross-party group, which ..., said": a sentence opening on a description of a body
    # continues the body the sentence before was about (its first body named)
    for m in _SUBJECT_BODY_REF.finditer(folded):
        if not _sentence_opening(folded, m.start()) or doc.between(m.start(), m.end()):
            continue
        prev_end = m.start() - 1
        while prev_end > 0 and folded[prev_end - 1] in " \n":
            prev_end -= 1
        prev_start = max(folded.rfind(". ", 0, prev_end - 1), folded.rfind("\n", 0, prev_end - 1)) + 1
        orgs = [x for x in doc.between(prev_start, prev_end) if x.label == "Organization"]
        if orgs:
            doc.add(Mention(m.start(), m.end(), orgs[0].entity, "coref"))
