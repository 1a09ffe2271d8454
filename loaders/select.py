"""The last step of the chain: which facts are kept, and the dates they carry.

Per relation family, only facts found by a kept layer survive (loaders/data/families.toml, chosen
by measurement: EXTRACTION.md). A fact of a dated type that found no date of its own takes the
document's date: a press release's announcement happened on the day it was published.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

from graph.facts import Fact
from graph.schema import FACT_TYPES, REL_TYPES
from loaders.document import LAYERS, Doc

__all__ = ["select_facts", "kept_layers", "FAMILIES_FILE"]

FAMILIES_FILE = Path(__file__).parent / "data" / "families.toml"
# Types whose facts carry a date (the schema declares the property).
_DATED = tuple(t for t in FACT_TYPES if "date" in REL_TYPES[t].properties)


@cache
def _families(path: str) -> dict[str, frozenset[str]]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))["keep"]
    out: dict[str, frozenset[str]] = {}
    for family, layers in data.items():
        if family not in FACT_TYPES:
            raise ValueError(f"{path}: {family!r} is not a fact type of graph/schema.py")
        unknown = set(layers) - set(LAYERS)
        if unknown:
            raise ValueError(f"{path}: {family}: unknown layer(s) {', '.join(sorted(unknown))}")
        out[family] = frozenset(layers)
    return out


def kept_layers(family: str) -> frozenset[str]:
    """The layers kept for a family; CIVICGRAPH_LAYERS=rules,layout (a measurement switch, used by
    bench/score_real.py) overrides the file for every family."""
    override = os.environ.get("CIVICGRAPH_LAYERS")
    if override:
        return frozenset(x.strip() for x in override.split(",") if x.strip())
    return _families(str(FAMILIES_FILE)).get(family, frozenset(LAYERS))


def select_facts(doc: Doc) -> None:
    facts = doc.facts
    _one_statement_per_speaker(doc)
    for key in list(facts.facts):
        fact = facts.facts[key]
        if not (facts.layers[key] & kept_layers(fact.predicate)):
            facts.drop(key)
            continue
        if fact.predicate == "SAID" and doc.zone_at(fact.evidence[0].start, "motion") is not None:
            facts.drop(key)  # "This Assembly notes that ...": a motion asks, it is not a statement
            continue
        if fact.date is None and fact.predicate in _DATED and doc.date:
            fact.date = doc.date


def _one_statement_per_speaker(doc: Doc) -> None:
    """One SAID fact per speaker and document, as the rules layer makes them: the speaker's
    words from every layer joined in document order, each quote a piece of evidence. A document
    is one occasion of speech for a speaker (a press release, an article, a transcript)."""
    facts = doc.facts
    by_speaker: dict[str, list[str]] = {}
    for key, fact in facts.facts.items():
        if fact.predicate == "SAID":
            by_speaker.setdefault(fact.subject.id, []).append(key)
    for keys in by_speaker.values():
        if len(keys) < 2:
            continue
        group = sorted((facts.facts[k] for k in keys), key=lambda f: f.evidence[0].start)
        parts: list[str] = []
        for f in group:
            for part in (f.text or "").split(" … "):
                if part and not any(part in p or p in part for p in parts):
                    parts.append(part)
        evidence = sorted({e.key: e for f in group for e in f.evidence}.values(), key=lambda e: e.start)
        layers = set().union(*(facts.layers[k] for k in keys))
        first = group[0]
        merged = Fact(subject=first.subject, predicate="SAID", object=None, evidence=evidence,
                      date=next((f.date for f in group if f.date), None), text=" … ".join(parts))
        for k in keys:
            facts.drop(k)
        facts.facts[merged.key] = merged
        facts.layers[merged.key] = layers
