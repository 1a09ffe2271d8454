"""The extraction chain: named components over one typed document, in one declared order.

Each component says which fields of `loaders.document.Doc` it reads and which it sets; the
order below is the only place the order is written, and `check_chain` (run at import) refuses
an order in which a component reads a field no earlier component set. See EXTRACTION.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loaders.document import Doc
from loaders.layouts import find_voice, read_layout, speaker_turns
from loaders.layouts.base import LIST_MARK
from loaders.money_lists import find_money_lists
from loaders.names import linker_for
from loaders.nlp.model import parse
from loaders.nlp.money_names import name_money_programmes
from loaders.nlp.relations import parser_relations
from loaders.offices import find_offices
from loaders.relations import sentences as split_sentences
from loaders.rosters import find_rosters
from loaders.rules_layer import run_rules
from loaders.select import select_facts
from loaders.speech import late_speaker_blocks, speaker_blocks

__all__ = ["Component", "CHAIN", "run_chain", "check_chain"]

# Fields a new Doc has before any component runs.
GIVEN = ("info", "text", "registry")


@dataclass(frozen=True)
class Component:
    name: str
    reads: tuple[str, ...]
    sets: tuple[str, ...]
    run: Callable[[Doc], None]
    why: str


def _mentions(doc: Doc) -> None:
    doc.mentions = linker_for(doc.registry).link(doc.text, doc.ref_date)


_BULLET = re.compile(LIST_MARK.pattern + r"\s+")


def _sentences(doc: Doc) -> None:
    """Sentence spans, without the bullet or number that starts a list item (a parser reads
    "• Sadiq renews pledge" as a noun phrase)."""
    out = []
    for s, e in split_sentences(doc.mentions.folded):
        m = _BULLET.match(doc.text, s, e)
        out.append((m.end(), e) if m and m.end() < e else (s, e))
    doc.sentences = out


CHAIN: tuple[Component, ...] = (
    Component(
        "layout",
        reads=("text", "registry"),
        sets=(
            "legacy",
            "layout",
            "genre",
            "title",
            "date",
            "ref_date",
            "reference",
            "author",
            "addressee",
            "publisher",
            "zones",
            "facts",
        ),
        run=read_layout,
        why="the page's own structure: labelled fields, who asks and who answers, zones, metadata",
    ),
    Component(
        "mentions",
        reads=("text", "ref_date", "registry"),
        sets=("mentions",),
        run=_mentions,
        why="registry names, offices resolved to holders on the document's date, people and bodies by pattern",
    ),
    Component(
        "sentences",
        reads=("mentions",),
        sets=("sentences",),
        run=_sentences,
        why="the unit every relation rule reads and cites as evidence",
    ),
    Component(
        "voice",
        reads=("text", "mentions", "author", "genre", "date", "ref_date", "registry"),
        sets=("author", "publisher_actor", "addressee", "facts"),
        run=find_voice,
        why="whose publication it is (an Assembly committee's report, the Mayor's letter and whom it asks)",
    ),
    Component(
        "turns",
        reads=("text", "layout", "mentions", "registry"),
        sets=("zones", "facts"),
        run=speaker_turns,
        why="transcript speaker turns ('Name (Role): ...') anywhere: zones and the offices of their roles",
    ),
    Component(
        "speech",
        reads=("text", "mentions", "date"),
        sets=("zones", "facts"),
        run=speaker_blocks,
        why="quoted paragraphs under a speaker line ('Name, Office, said:') as SAID and as quote zones",
    ),
    Component(
        "rules",
        reads=("legacy", "layout", "mentions", "sentences", "registry"),
        sets=("facts", "rules_context"),
        run=run_rules,
        why="the first extractor's sentence rules and quotes, kept as a layer measured against the parser",
    ),
    Component(
        "parse",
        reads=("text", "sentences", "mentions", "zones"),
        sets=("parsed",),
        run=parse,
        why="spaCy's tagger, lemmatiser, dependency parser and entities on the sentences worth parsing",
    ),
    Component(
        "late speech",
        reads=("text", "mentions", "date", "parsed", "zones"),
        sets=("zones", "facts"),
        run=late_speaker_blocks,
        why="quoted paragraphs whose speaker only the parse's recogniser names ('Amy Lamé said: ...')",
    ),
    Component(
        "offices",
        reads=("text", "mentions", "sentences", "parsed", "registry"),
        sets=("facts",),
        run=find_offices,
        why="offices named beside people: 'Name, Office', 'Office, Name', 'Name (Office)', 'Title Name'",
    ),
    Component(
        "rosters",
        reads=("text", "mentions", "date", "registry"),
        sets=("facts",),
        run=find_rosters,
        why="people listed one a line: a body's members (its chair and deputy), a session's guests (asked)",
    ),
    Component(
        "relations",
        reads=("parsed", "mentions", "zones", "rules_context", "ref_date"),
        sets=("facts",),
        run=parser_relations,
        why="each relation family's trigger lemmas and argument roles over the parse (loaders/data/lexicon.toml)",
    ),
    Component(
        "money names",
        reads=("facts", "parsed", "mentions"),
        sets=("facts",),
        run=name_money_programmes,
        why="a FUNDS fact's money-named programme ('£136m package') named by what the sentence says it is for",
    ),
    Component(
        "money lists",
        reads=("text", "mentions", "facts", "date"),
        sets=("facts",),
        run=find_money_lists,
        why="a lead line naming who gives money, then one line per sum and recipient ('£502,992 to Lewisham')",
    ),
    Component(
        "select",
        reads=("facts", "date"),
        sets=("facts",),
        run=select_facts,
        why="per relation family, keep the layers that measure best; give dated facts the document's date",
    ),
)


def check_chain(chain: tuple[Component, ...] = CHAIN) -> None:
    """Raise when a component reads a field that no earlier component (or the input) sets."""
    have = set(GIVEN)
    for c in chain:
        missing = [f for f in c.reads if f not in have]
        if missing:
            raise RuntimeError(
                f"chain component {c.name!r} reads {', '.join(missing)} before anything sets it"
            )
        have.update(c.sets)


check_chain()


def run_chain(doc: Doc, chain: tuple[Component, ...] = CHAIN) -> Doc:
    for component in chain:
        component.run(doc)
    return doc
