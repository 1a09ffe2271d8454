"""Mentions: where in a document an entity is named, and the document's set of them.

Every later pass (the sentence rules, the quotes' speakers, the NLP layer) asks "what is named
here?" with a position, so the mentions of a document are kept sorted and non-overlapping and
looked up by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.facts import Entity

if TYPE_CHECKING:
    from loaders.names.linescan import LineScan

__all__ = ["Mention", "DocMentions"]


@dataclass(frozen=True)
class Mention:
    """One naming of an entity: text[start:end] names `entity` (found the way `kind` says)."""

    start: int
    end: int
    entity: Entity
    kind: str  # registry | person | backref | office | discovered | coref | money | pronoun
    post: Entity | None = None  # for office mentions: the post named
    amount: float | None = None  # for money-named programmes

    @property
    def label(self) -> str:
        """The entity's label (Person, Organization, Post, Programme, Inquiry)."""
        return self.entity.label


@dataclass
class DocMentions:
    """All mentions in one document, sorted by start; non-overlapping."""

    text: str
    folded: str
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    places: list[tuple[int, int]] = field(default_factory=list)  # names of places, not of entities
    scan: LineScan | None = None  # the linker's line index of the folded text, reused by later passes
    holders: dict[str, Entity] = field(default_factory=dict)  # post id -> the person named beside it
    genders: dict[str, str] | None = None  # person id -> "f"/"m" where the page says Ms or Mr (focus)

    def in_place(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a place's name ("Haringey" in "Enfield and Haringey")."""
        return any(a <= start and end <= b for a, b in self.places)

    def finish(self) -> None:
        """Keep the mentions that win where candidates overlap, sorted, and index them."""
        # longer mentions win; then the earlier one. A map of the characters taken (2 where a
        # kept mention starts, 1 inside it) keeps this linear: inserting into a sorted list was
        # quadratic in the number of mentions of a long document.
        chosen: list[Mention] = []
        taken = bytearray(max((m.end for m in self.mentions), default=0) + 1)
        for m in sorted(self.mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if m.end > m.start:
                if taken.find(b"\x01", m.start, m.end) != -1 or taken.find(b"\x02", m.start, m.end) != -1:
                    continue
                taken[m.start] = 2
                taken[m.start + 1 : m.end] = b"\x01" * (m.end - m.start - 1)
            elif taken[m.start] == 1:
                continue  # empty, and inside a kept mention
            chosen.append(m)
        kept = sorted(chosen, key=lambda m: m.start)
        self.mentions = kept
        self.starts = [m.start for m in kept]
        for m in kept:
            self.entities.setdefault(m.entity.id, m.entity)

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end), in text order."""
        i = bisect_left(self.starts, start)
        out: list[Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, pos: int) -> Mention | None:
        """The mention starting exactly at `pos`."""
        i = bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def covering(self, pos: int) -> Mention | None:
        """The mention whose words include the character at `pos`."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end:
            return self.mentions[i]
        return None

    def before(self, pos: int, limit: int = 0) -> list[Mention]:
        """Mentions ending at or before `pos` (nearest last), not starting before `limit`."""
        i = bisect_left(self.starts, pos)
        out = [m for m in self.mentions[max(0, i - 60) : i] if m.end <= pos and m.start >= limit]
        return out

    def add(self, mention: Mention) -> Mention:
        """Add a mention found later (by a relation pattern); overlapping ones are refused."""
        i = bisect_left(self.starts, mention.start)
        if i > 0 and self.mentions[i - 1].end > mention.start:
            return self.mentions[i - 1]
        if i < len(self.mentions) and self.mentions[i].start < mention.end:
            return self.mentions[i]
        self.mentions.insert(i, mention)
        self.starts.insert(i, mention.start)
        self.entities.setdefault(mention.entity.id, mention.entity)
        return mention
