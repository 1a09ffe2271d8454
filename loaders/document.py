"""The one typed document that flows through the extraction chain (loaders/chain.py).

Every component of the chain reads some fields of `Doc` and sets others; `loaders.chain`
declares which, in order, and checks that nothing is read before it is set. Offsets are
always offsets into `Doc.text`, the document's own text, so every fact's quote is
`text[start:end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.facts import DocumentInfo, Entity, Evidence, Fact
from graph.schema import allows
from loaders.dates import CALENDAR_WORDS
from loaders.names.posts import no_longer_held

# What a layer may mistake for a party to a fact: a date ("On 9 September, I announced ...") or
# a document's reference ("MD1227"). Neither names an actor or a thing.
# an office's possessive: "Deputy Mayor for Policing’s", "the Mayor's critical friend"
_SOMEONES_OWN = re.compile(
    r"['’]s$|\b(?:Mayor|Commissioner|Minister|Secretary|Chair|Leader)\b[^’']{0,40}['’]s\s+[a-z]"
)
_NOT_A_NAME = re.compile(
    rf"(?i)^(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(CALENDAR_WORDS)})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+\d{4})?$|^\d{4}$|^[A-Z]{1,5}[ -]?\d{3,6}$"
    # a bare word for an office or a body names no one in particular ("The Chair has written to
    # ...", "encouraged the Board to ...", "welcomed the new Members")
    r"|^(?:Chair|Chairman|Chairwoman|Board|Members?|Department|Committee|Authority|Council|Panel)$"
)

__all__ = ["Doc", "Zone", "FactSet", "LAYERS", "facts_overlap"]

# Where a fact came from: the page's layout (labelled fields, speaker turns), offices named in
# apposition beside people (loaders/offices.py), the first extractor's sentence rules
# (loaders/relations: regular expressions over words), or the dependency parse (loaders/nlp).
LAYERS = ("layout", "apposition", "rules", "parser")


@dataclass
class Zone:
    """A region of the page with a role: who speaks or writes in it and to whom.

    kind: question | answer | motion | turn | quote | recommendations | boilerplate | notes |
    header. `speaker` is who "I"/"we" is inside it, `addressee` who "you" is."""

    kind: str
    start: int
    end: int
    speaker: Entity | None = None
    addressee: Entity | None = None
    about: str | None = None
    date: str | None = None

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass
class FactSet:
    """Facts of one document, merged by key, each remembering the layers that found it.

    `add` is the single door: it applies the schema's source and target rules
    (graph.schema.allows), refuses self-loops and keeps a quote only as the text's own slice."""

    info: DocumentInfo
    facts: dict[str, Fact] = field(default_factory=dict)
    layers: dict[str, set[str]] = field(default_factory=dict)
    evidence_keys: dict[str, set[str]] = field(default_factory=dict)  # per fact, to add a piece once

    def add(
        self,
        predicate: str,
        subject: Entity | None,
        obj: Entity | None,
        span: tuple[int, int],
        *,
        layer: str,
        **props: Any,
    ) -> Fact | None:
        if subject is None or (obj is None and predicate != "SAID"):
            return None
        if obj is not None and obj.id == subject.id:
            return None
        if _NOT_A_NAME.match(subject.name) or (obj is not None and _NOT_A_NAME.match(obj.name)):
            return None
        if not allows(predicate, subject.label, obj.label if obj is not None else "Statement"):
            return None
        if obj is not None and obj.label == "Post" and _SOMEONES_OWN.search(obj.name):
            return None  # "the Deputy Mayor for Policing’s critical friend": someone of an office, not it
        s, e = span
        text = self.info.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            return None
        ev = Evidence(self.info.name, self.info.sha256, text[s:e], s, e)
        props = {k: v for k, v in props.items() if v is not None}
        fact = Fact(subject=subject, predicate=predicate, object=obj, evidence=[ev], **props)
        known = self.facts.get(fact.key)
        if known is None:
            self.facts[fact.key] = fact
            self.layers[fact.key] = {layer}
            self.evidence_keys[fact.key] = {ev.key}
            return fact
        self.layers[fact.key].add(layer)
        seen = self.evidence_keys.setdefault(fact.key, {x.key for x in known.evidence})
        if ev.key not in seen:
            seen.add(ev.key)
            known.evidence.append(ev)
        for name in ("date", "period", "due", "role", "text"):
            if getattr(known, name) is None and getattr(fact, name) is not None:
                setattr(known, name, getattr(fact, name))
        return known

    def merge(self, fact: Fact, layer: str) -> Fact | None:
        """Take a fact built elsewhere (the rules layer) with all its evidence."""
        first, *rest = fact.evidence
        props = {
            k: getattr(fact, k) for k in ("date", "amount_gbp", "about", "text", "period", "due", "role")
        }
        kept = self.add(
            fact.predicate, fact.subject, fact.object, (first.start, first.end), layer=layer, **props
        )
        if kept is not None:
            seen = self.evidence_keys.setdefault(kept.key, {x.key for x in kept.evidence})
            for ev in rest:
                if ev.key not in seen:
                    seen.add(ev.key)
                    kept.evidence.append(ev)
        return kept

    def __iter__(self):
        return iter(self.facts.values())

    def __len__(self) -> int:
        return len(self.facts)

    def drop(self, key: str) -> None:
        self.facts.pop(key, None)
        self.layers.pop(key, None)
        self.evidence_keys.pop(key, None)


@dataclass
class Doc:
    """A document being extracted. Fields are grouped by the component that sets them."""

    info: DocumentInfo
    registry: Any  # loaders.registry.Registry
    # layout
    layout: str = "generic"
    genre: str = "generic"
    title: str | None = None
    date: str | None = None  # the document's own date (published, signed, session)
    ref_date: str | None = None  # date that resolves "the Mayor" and partial dates
    reference: str | None = None
    author: Entity | None = None
    addressee: Entity | None = None
    publisher: str | None = None
    publisher_actor: Entity | None = None  # the Mayor, for a Mayoral press release
    zones: list[Zone] = field(default_factory=list)
    legacy: Any = None  # loaders.genre.GenreInfo: the general reading the rules layer reads
    # mentions
    mentions: Any = None  # loaders.names.mentions.DocMentions
    # sentences
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # parse
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index -> spacy Doc
    # facts (every relation component adds here)
    facts: FactSet = field(init=False)
    rules_context: Any = None  # the rules layer's own context (speakers of its quotes)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.facts = FactSet(self.info)

    @property
    def text(self) -> str:
        return self.info.text

    @property
    def sentence_starts(self) -> list[int]:
        """The start of each sentence, in order (built once, for bisecting by offset)."""
        if len(self._starts) != len(self.sentences):
            self._starts = [s for s, _ in self.sentences]
        return self._starts

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence `pos` is in (or the last that starts before it); -1 before the first."""
        return bisect_right(self.sentence_starts, pos) - 1

    def holder(self, post_id: str) -> Entity | None:
        """Who held a post for this document: its holder on the document's date; without a
        date, the person its office's mentions stand for most often (first, on a tie), never a
        former holder ("the former Mayor, Boris Johnson")."""
        entry = self.registry.holder(post_id, self.ref_date)
        if entry is not None:
            return entry.entity
        if (self.ref_date and len(self.ref_date) == 10) or self.mentions is None:
            return None  # (a year or month two holders shared: the one the page names, below)
        stood_for = [
            m.entity
            for m in self.mentions.mentions
            if m.post is not None
            and m.post.id == post_id
            and m.entity.label == "Person"
            and not no_longer_held(self.text, m.start)
        ]
        if not stood_for:
            return None
        counts = Counter(e.id for e in stood_for)
        return max(stood_for, key=lambda e: counts[e.id])

    def addressee_at(self, pos: int) -> Entity | None:
        """Who "you" is at `pos`: the addressee of the innermost question, answer, speech turn,
        motion or letter that names one (a member's turn inside a question item is to the one asked)."""
        zone = self.zone_at(pos, "question", "answer", "turn", "motion", "letter", addressed=True)
        return zone.addressee if zone is not None else None

    def zone_at(self, pos: int, *kinds: str, addressed: bool = False) -> Zone | None:
        """The innermost zone covering `pos` (of one of `kinds` when given; with `addressed`,
        only a zone that names its addressee)."""
        best: Zone | None = None
        for z in self.zones:
            if (
                z.covers(pos)
                and (not kinds or z.kind in kinds)
                and (not addressed or z.addressee is not None)
            ):
                if best is None or z.end - z.start < best.end - best.start:
                    best = z
        return best


def facts_overlap(a: Fact, b: Fact) -> bool:
    """Whether two facts share words (their evidence spans overlap); linear in their evidence."""
    spans = sorted([(e.start, e.end, 0) for e in a.evidence] + [(e.start, e.end, 1) for e in b.evidence])
    reach = {0: -1, 1: -1}
    for start, end, side in spans:
        if start < reach[1 - side]:
            return True
        reach[side] = max(reach[side], end)
    return False
