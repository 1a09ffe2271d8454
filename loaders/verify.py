"""Damage found, never loaded silently: the store compared with its journal and the sources.

`verify_store` reads every document of the load journal again from its file (the journal keeps
its path and content hash), extracts it, and keeps the extractions whose checksum equals the
journal's `written` mark: those reproduce exactly what the document wrote (graph/journal.py).
From them it rebuilds the graph the store should hold and compares it with the store, element by
element. An element is judged only when every document that writes it could be re-read this way;
the others are counted as not checked (a source moved or changed, a document loaded by another
extractor version or before checksums existed).

Healing: damaged relationships and nodes are deleted and every document that writes them is
written again (the same idempotent upsert as a load), then the comparison runs once more.
`civicgraph stats --verify` runs it; `load` runs it first when the store says it may be damaged
(an unclean stop, or store files changed while the server was stopped: graph/embedded.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.facts import Batch, to_batch
from graph.journal import Element, checksum, elements, journal, sign, stored, written_by
from graph.schema import SchemaError, check_label, check_rel_type
from graph.store import Store

HEAL_GROUP = 20  # documents per healing upsert, as a load writes them


@dataclass
class VerifyReport:
    """What a check found and did."""

    documents: int = 0  # in the journal
    checked: int = 0  # re-read from their source and reproducing their checksum
    not_checked: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    elements: int = 0  # elements compared
    damaged: list[str] = field(default_factory=list)  # what differed, one line each
    healed: list[str] = field(default_factory=list)  # paths of the documents written again
    remaining: list[str] = field(default_factory=list)  # still different after healing
    reason: str | None = None  # why the check ran, when a load ran it
    lost: list[str] = field(default_factory=list)  # paths journal.jsonl lists that the store lost

    @property
    def ok(self) -> bool:
        return not self.remaining

    def summary(self) -> str:
        text = (
            f"checked {self.checked} of {self.documents} documents ({self.elements} graph elements): "
            f"{len(self.damaged)} damaged"
        )
        if self.healed:
            text += f", {len(self.healed)} documents written again"
        if self.remaining:
            text += f", {len(self.remaining)} still damaged"
        if self.lost:
            text += f"; {len(self.lost)} documents lost from the store (they load again with their files)"
        if self.not_checked:
            text += f"; {len(self.not_checked)} documents not checked ({self.not_checked[0][1]} ...)"
        return text

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "checked": self.checked,
            "elements_compared": self.elements,
            "damaged": self.damaged,
            "healed_documents": self.healed,
            "still_damaged": self.remaining,
            "lost_documents": self.lost,
            "not_checked": [{"path": p, "reason": r} for p, r in self.not_checked],
        }


def _describe(element: Element, expected: dict | None, found: dict | None) -> str:
    name = f"{element[1]} {element[2]}" if element[0] == "node" else f"{element[1]} {element[4]}"
    if found is None:
        return f"{name}: missing from the store"
    if expected is None:
        return f"{name}: in the store, written by no document"
    changed = sorted(k for k in set(expected) | set(found) if expected.get(k) != found.get(k))
    shown = ", ".join(f"{k} {found.get(k)!r} (expected {expected.get(k)!r})" for k in changed[:3])
    return f"{name}: {shown[:300]}"


def _compare(
    store: Store, batches: dict[str, Batch]
) -> tuple[list[tuple[Element, str]], dict[Element, set[str]], int]:
    """Damaged elements with a description, who writes each element, and how many were compared."""
    combined = Batch(
        nodes=[n for b in batches.values() for n in b.nodes],
        rels=[r for b in batches.values() for r in b.rels],
    )
    expected = elements(combined)
    expected_writers = written_by(batches.items())
    found, found_writers = stored(store)
    damaged = []
    compared = 0
    for element in set(expected) | set(found):
        writers = expected_writers.get(element, set()) | found_writers.get(element, set())
        if not writers or not writers <= batches.keys():
            continue  # written by no journaled document, or by one that could not be re-read
        compared += 1
        if expected.get(element) != found.get(element):
            damaged.append((element, _describe(element, expected.get(element), found.get(element))))
    writers = {e: expected_writers.get(e, set()) | found_writers.get(e, set()) for e, _ in damaged}
    for element in list(found_writers):  # relationships of damaged nodes go with them
        if element[0] == "rel" and any(d[0] == "node" and d[2] in (element[2], element[3]) for d in writers):
            writers[element] = expected_writers.get(element, set()) | found_writers[element]
    return damaged, writers, compared


def _heal(store: Store, damaged: dict[Element, set[str]], batches: dict[str, Batch]) -> list[str]:
    """Delete the damaged elements, write every document that writes them again; their ids."""
    rels: dict[str, list[str]] = {}
    nodes: dict[str, list[str]] = {}
    for element in damaged:
        if element[0] == "rel":
            rels.setdefault(check_rel_type(element[1]), []).append(element[4])
        else:
            nodes.setdefault(check_label(element[1]), []).append(element[2])
    for rel_type, keys in rels.items():
        store.run(f"MATCH ()-[r:{rel_type}]->() WHERE r.key IN $keys DELETE r", {"keys": keys}, write=True)
    for label, ids in nodes.items():
        store.run(f"MATCH (n:{label}) WHERE n.id IN $ids DETACH DELETE n", {"ids": ids}, write=True)
    again = sorted({doc for writers in damaged.values() for doc in writers if doc in batches})
    for start in range(0, len(again), HEAL_GROUP):
        group = [batches[doc] for doc in again[start : start + HEAL_GROUP]]
        store.upsert(
            Batch(
                nodes=[n for b in group for n in b.nodes],
                rels=[r for b in group for r in b.rels],
                documents=[d for b in group for d in b.documents],
            )
        )
    return again


def verify_store(
    store: Store, *, heal: bool = True, registry_files: Sequence[str | Path] = (), workers: int = 1
) -> VerifyReport:
    """Compare the store with what its journaled documents wrote; heal what differs (see above)."""
    from loaders.extract import registry_for
    from loaders.pipeline import extract_files

    report = VerifyReport()
    reg = tuple(str(Path(p)) for p in registry_files)
    registry_for(reg)
    entries = journal(store)
    report.documents = len(entries)
    if hasattr(store, "journal_file"):  # the embedded store keeps a copy outside the graph
        inside = {entry["id"] for entry in entries}
        report.lost = sorted(path for doc, path in store.journal_file().items() if doc not in inside)
    by_path: dict[str, dict] = {}
    for entry in entries:
        path = entry.get("path") or ""
        if not path or not Path(path).is_file():
            report.not_checked.append((path or entry["id"], "its source file is gone"))
        elif not entry.get("written"):
            report.not_checked.append((path, "loaded before the journal kept checksums"))
        else:
            by_path[path] = entry
    batches: dict[str, Batch] = {}
    paths: dict[str, str] = {}
    for path, extraction, problem in extract_files(sorted(by_path), reg, max(1, workers)):
        entry = by_path[path]
        if extraction is None:
            report.not_checked.append((path, f"cannot be read now: {problem}"))
            continue
        if extraction.document.sha256 != entry["id"]:
            report.not_checked.append((path, "its source file changed since it was loaded"))
            continue
        try:
            batch = sign(to_batch(extraction.document, extraction.facts, extraction.entities))
        except SchemaError as exc:
            report.not_checked.append((path, f"not stored: {exc}"))
            continue
        if checksum(batch) != entry["written"]:
            report.not_checked.append((path, "extracted differently now (another extractor version)"))
            continue
        batches[entry["id"]] = batch
        paths[entry["id"]] = path
    report.checked = len(batches)
    damaged, writers, report.elements = _compare(store, batches)
    report.damaged = sorted(line for _, line in damaged)
    if damaged and heal:
        report.healed = [paths[doc] for doc in _heal(store, writers, batches)]
        report.remaining = sorted(line for _, line in _compare(store, batches)[0])
    elif damaged:
        report.remaining = list(report.damaged)
    return report
