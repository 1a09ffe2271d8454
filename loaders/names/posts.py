"""Posts: offices found by name, and who holds them in a document.

An office is named by the registry ("the Mayor", "the Commissioner"), by its remit ("Deputy
Mayor for Transport", "the deputy mayor for housing") or as another place's mayor ("Mayor of
Newham"). A one-word office is that office only on its own: "Chair of the London Assembly
Economy Committee" is another office. A post mention then stands for its holder: a person named
beside it in the document first, else the registry's holder on the document's date (always for
the Mayor, otherwise when the document names that holder), else the post itself.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.facts import Entity, slug
from loaders.names.bounded import Bounded
from loaders.names.focus import is_first_name
from loaders.names.linescan import LineScan
from loaders.names.mentions import DocMentions, Mention
from loaders.names.people import COURTESY_WORDS
from loaders.registry import Registry

__all__ = [
    "POST_CAP",
    "POST_LOWER",
    "post_name",
    "post_ok",
    "posts_by_remit",
    "resolve_posts",
    "no_longer_held",
    "opens_main_clause",
    "said_of_another",
    "not_anyone_yet",
    "NO_ONE_IN_PARTICULAR",
]

# offices named by their remit: "Deputy Mayor for Transport", "the deputy mayor for housing",
# "Secretary of State for Transport", "Minister for London"
_POST_TITLE = (
    r"(?:[Dd]eputy[ ][Mm]ayor|[Ss]ecretary[ ]of[ ][Ss]tate|[Mm]inister(?:[ ]of[ ][Ss]tate)?|[Cc]ommissioner|"
    r"[Cc]hief[ ][Ss]ecretary|[Cc]hief[ ][Aa]dviser|[Ss]pecial[ ][Aa]dviser)[ ](?:for|to)[ ]"
)
POST_CAP = Bounded(
    r"(?P<post>" + _POST_TITLE + r"(?:the[ ])?[A-Z][\w'-]*"
    r"(?:[ ](?:and|&)[ ][A-Z][\w'-]*|[ ][A-Z][\w'-]*|(?:,[ ][A-Z][\w'-]*)+[ ](?:and|&)[ ][A-Z][\w'-]*)*)",
    "w-",
)
# "Mayor of Newham", "Mayor of Greater Manchester": another place's mayor (London's is in the registry)
_MAYOR_OF = Bounded(
    r"(?P<post>(?:Deputy[ ])?Mayor[ ]of[ ](?!London\b)(?:the[ ])?[A-Z][\w'-]*(?:[ ](?:and[ ])?[A-Z][\w'-]*){0,3})",
    "w-",
)
POST_LOWER = Bounded(  # a remit in lower case follows "for" ("to invest" is the post doing something)
    r"(?P<post>" + _POST_TITLE.replace("(?:for|to)", "for") + r"(?!the\b)[a-z][\w'-]*"
    r"(?:[ ](?:and|&)[ ][a-z][\w'-]*(?:[ ](?!(?:said|says|told|has|had|is|was|were|will|would|who|which|"
    r"that|and|on|in|at|to|for|of|the)\b)[a-z][\w'-]*)?)?)",
    "w-",
)
_SMALL_WORDS = frozenset(["for", "of", "and", "the", "to", "on", "in", "&"])


def post_name(text: str) -> str:
    """Canonical name of an office found by its remit: words capitalised, small words not."""
    words = " ".join(text.split()).split(" ")
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


# A capitalised word (not a verb or a sentence start) right after a post's name on the same line
# makes the post part of a longer name.
_LONGER_NAME = re.compile(
    r"[ ](?!(?:And|Said|Says|Has|Is|The|This|For|To|In|On|At|I|We)\b)[A-Z][a-z]+(?:,?[ ](?:and[ ]|&[ ])?[A-Z][a-z]+)*[ ](?:Committee|Board|Panel|Group|Meeting|meeting|Sub-Committee|Commission|Council)\b"
)

_LONGER_TITLE = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?(?!London\b)[A-Z]")
_ANOTHER_TITLE = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?[A-Z]")
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w']*|'s|')[ ]?$")
_THE_OR_AS_BEFORE = re.compile(r"(?:^|[.\n]|\b)(?:The|As)[ ]$")


def post_ok(folded: str, start: int, end: int, surface: str) -> bool:
    """One-word post names ("Chair", "Commissioner") only on their own, not inside a longer title."""
    # "the Mayor of Greater Manchester" is another title; "the Mayor for allowing ..." is not
    longer_title = _LONGER_TITLE.match(folded, end, end + 20)
    if _LONGER_NAME.match(folded, end, end + 40):
        return False  # "Chair of the London Assembly Economy Committee" is another office
    if " " in surface.strip():
        return not longer_title or surface.lower().endswith("london")
    if _ANOTHER_TITLE.match(folded, end, end + 20):
        return False  # "Chair of London Councils" is another body's office
    prev = folded[max(0, start - 30) : start]
    if _CAPITAL_BEFORE.search(prev) and not _THE_OR_AS_BEFORE.search(prev):
        return False
    return not longer_title


def posts_by_remit(folded: str, scan: LineScan, reg: Registry) -> list[Mention]:
    """Offices named by their remit ("Deputy Mayor for Transport") or another place's mayor: the
    registry's post when it knows the name, else a new Post."""
    out: list[Mention] = []
    for rx in (POST_CAP, POST_LOWER, _MAYOR_OF):
        for m in scan.finditer(rx, "post"):
            end = _before_a_name(m.group("post"), reg) + m.start("post")
            name = post_name(folded[m.start("post") : end])
            entry = reg.find(name)
            ent = entry.entity if entry is not None else Entity(name=name, label="Post", id=slug(name))
            if ent.label != "Post":
                continue
            out.append(Mention(m.start("post"), end, ent, "discovered"))
    return out


def _before_a_name(post: str, reg: Registry) -> int:
    """Where an office named by its remit ends when its holder's name runs on after it ("Deputy
    Mayor for Policing Sophie Linden", "Deputy Mayor for Housing Dr Jane Doe"): before a known
    person, an honorific, or a first name and a surname that end the phrase."""
    words = post.split(" ")
    for k in range(3, len(words)):
        tail = " ".join(words[k:])
        known = reg.find(tail)
        if (
            known is not None
            and known.label == "Person"
            or words[k].rstrip(".") in COURTESY_WORDS
            and k + 1 < len(words)
            or is_first_name(words[k])
            and len(words) - k in (2, 3)
        ):
            return len(" ".join(words[:k]))
    return len(post)


# words before an office its holder had: "the former Mayor", "the ex-Mayor", "the then Mayor"
NO_LONGER = frozenset(
    {"former", "ex", "previous", "previously", "formerly", "outgoing", "late", "then", "erstwhile"}
)


def no_longer_held(text: str, start: int) -> bool:
    """Whether the office named at `start` is one its holder had ("the former Mayor of London",
    "the ex-Mayor", "the then Mayor"; not "and then the Mayor of London")."""
    before = re.search(
        r"(?P<the>\bthe\s+)?(?P<word>\w+)(?:-|\s+)(?P<after>the\s+)?$", text[max(0, start - 30) : start]
    )
    if before is None:
        return False
    word = before.group("word").lower()
    return word in NO_LONGER and (word != "then" or before.group("after") is None)


# an office as the complement of a verb: "Nicky Gavron will be the new Deputy Mayor, Mr
# Livingstone said", "Val Shawcross would take over as the chair of the LFEPA"
_COMPLEMENT_BEFORE = re.compile(
    r"(?i)(?:\bas\s+(?:the\s+|a\s+|an\s+|my\s+|his\s+|her\s+|our\s+|their\s+)?|"
    r"\b(?:be|become|becomes|became|becoming|is|was|been|remains?)\s+(?:the\s+|a\s+|an\s+)?)"
    r"(?:new\s+|next\s+|first\s+)?$"
)


def said_of_another(text: str, start: int) -> bool:
    """Whether the office that starts at `start` is what a verb before it says of its own subject
    (then it is not the office of a name written after it, nor of the holder the registry knows)."""
    lo = max(0, start - 40)
    m = _COMPLEMENT_BEFORE.search(text, lo, start)
    if m is None:
        return False
    # "As the twice-elected mayor, Ken Livingstone speaks for London": an "as" opening the
    # sentence says the office of the subject after it
    return not (
        m.group(0)[:2].lower() == "as" and _SENTENCE_OPENS.search(text, max(0, m.start() - 4), m.start())
    )


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


# words before an office that name no holder in particular: "any Prime Minister who is committed
# to ...", "whoever is the next Mayor", "a future Commissioner"
NO_ONE_IN_PARTICULAR = frozenset({"any", "every", "each", "no", "whichever", "whoever", "whatever"})
_NOT_ANYONE_YET = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(NO_ONE_IN_PARTICULAR))}|(?:a\s+|the\s+)?(?:next|future|incoming)|"
    r"prospective|would-be)\s+$"
)


def not_anyone_yet(text: str, start: int) -> bool:
    """Whether the office named at `start` is no one's in particular (any holder, the next one)."""
    return _NOT_ANYONE_YET.search(text, max(0, start - 20), start) is not None


def _mayors_term(registry: Registry, named_people, named_count, named_first):
    """The term of the Mayor an undated page names most: the era its other offices belong to."""
    post = registry.get("mayor-of-london")
    terms = [h for h in (post.holders if post else []) if h.person in named_people]
    if not terms:
        return None
    return min(terms, key=lambda h: (-named_count[h.person], named_first[h.person]))


@dataclass(frozen=True)
class _Term:
    start: str
    end: str | None


def _period_end(date: str) -> str:
    """The last day a partial ISO date ("2008", "2016-05") can mean, as a sortable string."""
    return date + ("-12-31" if len(date) == 4 else "-31")


def _overlaps(term, era) -> bool:
    """Whether two terms of office share a day (an open end is today)."""
    return term.start <= (era.end or "9999") and era.start <= (term.end or "9999")


# a preposition whose object the name is ("In a letter to Chancellor Rishi Sunak, ...")
# ("In a letter to home secretary James Cleverly, the mayor said": a title in lower case too)
_IN_A_PHRASE = re.compile(
    r"\b(?:to|from|with|by|for|against|about|on|at|of)\s+(?:(?:[A-Z][\w’'.-]*|home|foreign|transport|"
    r"housing|health|culture|communities|shadow|deputy|prime|chief|secretary|minister|chancellor)\s+){0,3}$"
)
_VERB_AFTER = re.compile(
    r"\s+(?:has|have|had|is|was|will|would|said|says|told|wrote|warned|added|urged|suggests|suggested|argued|"
    r"argues|claimed|claims|insisted|insists|stated|states|asked|asks|called|calls|accused|accuses)\b"
)


def opens_main_clause(text: str, lo: int, name_start: int, office_end: int) -> bool:
    """'In a letter to Chancellor Rishi Sunak, the Mayor has emphasised ...': after a name that
    ends an opening phrase, "the Mayor" and its verb are the main clause, not the name's office
    (`lo` bounds the look back)."""
    return bool(_VERB_AFTER.match(text, office_end) and _IN_A_PHRASE.search(text, lo, name_start))


def resolve_posts(doc: DocMentions, registry: Registry, ref_date: str | None) -> None:
    """Each post mention becomes an "office" mention of its holder when one is known (see the
    module docstring for the order); the post named stays on the mention."""
    folded = doc.folded
    holders: dict[str, Entity] = {}
    own: dict[int, Entity] = {}
    ms = doc.mentions
    for i, m in enumerate(ms):
        if m.label != "Post":
            continue
        beside = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(ms) and ms[j].label == "Person":
                a, b = (ms[j], m) if j < i else (m, ms[j])
                gap = folded[a.end : b.start]
                if re.fullmatch(r"[ ]?,?[ ]?(?:the[ ])?", gap) and not (
                    j < i
                    and opens_main_clause(folded, max(0, a.start - 60), a.start, m.end)
                    or j > i
                    and said_of_another(folded, m.start)  # "X as my Deputy Mayor for Y Ray Lewis as ..."
                ):
                    beside.insert(0, ms[j].entity)  # on the same line: "Transport secretary Grant Shapps"
                elif (
                    # a signature: "Sadiq Khan\nMayor of London" (not "Jo Bloggs\nThe Mayor": asked of)
                    j < i
                    and re.fullmatch(r"[ ]*\n[ ]*", gap)
                    and not re.match(r"(?i)the\b", folded[m.start : m.end])
                ):
                    beside.append(ms[j].entity)
        if beside:
            if not no_longer_held(doc.text, m.start):  # a former holder holds it no more
                holders.setdefault(m.entity.id, beside[0])
            own[i] = beside[0]  # "the former Mayor of London, Boris Johnson": this mention's own
        if i + 2 < len(ms) and ms[i + 1].label == "Post" and ms[i + 2].label == "Person":
            # "Chairman of the Fire Authority, Assembly Member James Cleverly": a title between
            title, person = ms[i + 1], ms[i + 2]
            if (
                re.fullmatch(r"[ ]?,[ ]?", folded[m.end : title.start])
                and folded[title.end : person.start] == " "
            ):
                holders.setdefault(m.entity.id, person.entity)
    out: list[Mention] = []
    named_people = {x.entity.id for x in ms if x.label == "Person"}  # once: linear in mentions
    named_count = Counter(x.entity.id for x in ms if x.label == "Person")
    named_first: dict[str, int] = {}
    for x in ms:
        if x.label == "Person":
            named_first.setdefault(x.entity.id, x.start)
    era = None if ref_date else _mayors_term(registry, named_people, named_count, named_first)
    for i, m in enumerate(ms):
        if m.label != "Post":
            out.append(m)
            continue
        person = own.get(i) or holders.get(m.entity.id)
        if person is None and not_anyone_yet(doc.text, m.start):
            continue  # "any Prime Minister who ...", "the next Mayor": no one in particular
        if person is None:
            entry = registry.holder(m.entity.id, ref_date)
            person = entry.entity if entry else None
            # an office stands for its holder on the document's date when the document names
            # that holder, or when it is the Mayor's (pages say "the Mayor" for the holder);
            # "the London Fire Commissioner" alone stays the office
            if person is not None and m.entity.id != "mayor-of-london" and person.id not in named_people:
                person = None
        if person is None and (not ref_date or len(ref_date) < 10):
            # no date to go by: the holder of this post that the document names most (first,
            # on a tie): "Sadiq Khan has told ... the Mayor blames ... Khan accusing Boris
            # Johnson"; for another office, only a holder in the era of the Mayor the page names
            # (Boris Johnson the Mayor is not "the Prime Minister" of a page about 2011); with a
            # year or month that two holders share (2008, 2016), the one of them the page names
            post = registry.get(m.entity.id)
            period = _Term(ref_date, _period_end(ref_date)) if ref_date else era
            named = [
                h.person
                for h in (post.holders if post else [])
                if h.person in named_people
                and (
                    period is None
                    or (m.entity.id == "mayor-of-london" and not ref_date)
                    or _overlaps(h, period)
                )
            ]
            if named:
                best = min(named, key=lambda p: (-named_count[p], named_first[p]))
                person = registry.get(best).entity
        if person is None:
            out.append(m)
        else:
            out.append(Mention(m.start, m.end, person, "office", post=m.entity))
    doc.mentions = out
    doc.entities = {}
    doc.finish()
    doc.holders = holders
