"""The per-document state the relation rules share: the document, its mentions, quotes and speakers,
and the facts found so far (merged by key, each with its evidence sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.facts import DocumentInfo, Entity, Evidence, Fact
from loaders.genre import GenreInfo
from loaders.names.mentions import DocMentions
from loaders.registry import Registry

ACTORS = ("Person", "Organization", "Post")


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
        """The quote around `pos`; of nested ones, one whose speaker is known: in "X said Y had
        proved “completely ineffective”", the words are X's, not the scare quote's."""
        around = sorted((q for q in self.quotes if q.start <= pos < q.end), key=lambda q: q.end - q.start)
        return next((q for q in around if q.speaker is not None), around[0] if around else None)

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
