"""One document's text in, its entities and evidence-backed facts out.

`extract(doc, registry)` runs genre detection (metadata onto `doc`), mention linking, the
genre's structural facts (a letter's motions asked and replied to, a Q&A page's question and
answer), the sentence rules of loaders.relations and the quotes of loaders.quotes (SAID).
Every fact's evidence is a slice of `doc.text`: `doc.text[start:end] == quote`.

The only exception that leaves `extract` is `ExtractionError` (one line naming the document and
the reason); anything unexpected inside is turned into one, so a batch can go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.facts import DocumentInfo, Entity, Fact
from loaders.chain import run_chain
from loaders.document import Doc
from loaders.genre import GenreInfo
from loaders.registry import Registry

__all__ = ["Extraction", "ExtractionError", "extract", "default_registry", "registry_for"]

# The longest text extracted (characters of kept text, about 2,000 pages). Extraction costs about
# 3 s and 50 MB of memory per million characters of dense prose, and grows a little faster than
# the text, so a bigger document (a 20 MB single line, a data dump saved as .txt) is refused with
# its size rather than holding a worker for minutes and a gigabyte: measured in RELIABILITY.md.
MAX_CHARS = 5_000_000


class ExtractionError(Exception):
    """A document that could not be extracted; str() names the document and the reason."""

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason


@dataclass
class Extraction:
    document: DocumentInfo
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    genre: GenreInfo | None = None


_REGISTRIES: dict[tuple[str, ...], Registry] = {}


def registry_for(extra: Sequence[str | Path] = ()) -> Registry:
    """The built-in registry plus the user's files, loaded once per process (workers too);
    raises RegistryError for a bad file."""
    key = tuple(str(Path(p)) for p in extra)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = Registry.load([Path(p) for p in key])
    return _REGISTRIES[key]


def default_registry() -> Registry:
    return registry_for(())


def extract(doc: DocumentInfo, registry: Registry | None = None) -> Extraction:
    """Facts and entities of one document (deterministic: same input, same output order)."""
    if not isinstance(doc.text, str):
        raise ExtractionError(doc.name, "document text is not a string")
    if len(doc.text) > MAX_CHARS:
        size, limit = len(doc.text) / 1e6, MAX_CHARS / 1e6
        raise ExtractionError(
            doc.name,
            f"text too long to extract: {size:.1f} million characters (limit {limit:g} million); "
            "split it into smaller files",
        )
    try:
        return _extract(doc, registry or default_registry())
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(doc.name, "text too deeply nested to extract") from None
    except Exception as exc:  # a bug must not stop a batch: report it as this document's failure
        raise ExtractionError(
            doc.name, f"internal error while extracting ({type(exc).__name__}: {exc})"
        ) from exc


def _extract(info: DocumentInfo, registry: Registry) -> Extraction:
    doc = run_chain(Doc(info=info, registry=registry))
    facts = list(doc.facts)
    for f in facts:
        for ev in f.evidence:  # provenance is the contract: a quote is the document's own text
            if info.text[ev.start : ev.end] != ev.quote:
                raise ExtractionError(
                    info.name, f"internal error: a {f.predicate} quote does not match the text at {ev.start}"
                )
    facts.sort(
        key=lambda f: (
            f.evidence[0].start,
            f.evidence[0].end,
            f.predicate,
            f.subject.id,
            f.target.id if f.target else "",
            f.about or "",
            f.amount_gbp or 0,
        )
    )
    entities: dict[str, Entity] = {}  # the facts' reading of a name first (loaders/select.py)
    for f in facts:
        entities.setdefault(f.subject.id, f.subject)
        if f.object is not None:
            entities.setdefault(f.object.id, f.object)
    for m in doc.mentions.mentions:
        entities.setdefault(m.entity.id, m.entity)
    return Extraction(
        document=info, facts=facts, entities=sorted(entities.values(), key=lambda e: e.id), genre=doc.legacy
    )
