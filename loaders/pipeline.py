"""Files to facts to store: the `load` job.

Each document is read, extracted and written as one atomic upsert that also marks it in the
load journal (its Document node), so a document is in the store whole or not at all. Documents
already in the journal (same content hash) are skipped; a file whose content changed replaces
its own earlier version and touches nothing else. Reading and extraction can run in worker
processes; writes stay in this process, in input order, so the result does not depend on the
number of workers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import Batch, to_batch
from graph.journal import sign
from graph.schema import SchemaError, check_label
from graph.store import Store, StoreError
from loaders.extract import Extraction, ExtractionError, extract, registry_for
from loaders.readers import DocumentError, iter_documents, read_document


@dataclass
class LoadSummary:
    """What a load did, for the CLI's summary and for tests."""

    read: int = 0
    loaded: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    facts_by_type: Counter = field(default_factory=Counter)
    new_entities: int = 0
    verify: Any = None  # a loaders.verify.VerifyReport when the load checked the store first

    @property
    def ok(self) -> bool:
        return not self.failed and (self.verify is None or self.verify.ok)

    def as_dict(self) -> dict:
        return {
            "documents_read": self.read,
            "loaded": self.loaded,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "facts_by_type": dict(sorted(self.facts_by_type.items())),
            "new_entities": self.new_entities,
            **(
                {"store_check": {"reason": self.verify.reason, **self.verify.as_dict()}}
                if self.verify
                else {}
            ),
        }


# One extraction outcome: the file, and either its extraction or why it failed.
Outcome = tuple[str, Extraction | None, str | None]


def extract_file(path: str, registry_files: tuple[str, ...] = ()) -> Outcome:
    """Read and extract one file; every expected failure becomes a reason string."""
    try:
        doc = read_document(Path(path).resolve())  # one path per file, wherever it is named from
        return path, extract(doc, registry_for(registry_files)), None
    except (DocumentError, ExtractionError) as exc:
        return path, None, _reason(exc)
    except (MemoryError, RecursionError) as exc:
        return path, None, f"too large or too deeply nested to process ({type(exc).__name__})"


def _reason(exc: Exception) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason) if reason else str(exc)


def candidates(paths: Iterable[str | Path], summary: LoadSummary) -> list[str]:
    """Expand folders into the files to read; unsupported and missing paths are recorded."""
    files: list[str] = []
    for path, problem in iter_documents([Path(p) for p in paths]):
        if problem is None:
            files.append(str(path))
        elif getattr(problem, "skipped", False):
            summary.skipped.append((str(path), _reason(problem)))
        else:
            summary.failed.append((str(path), _reason(problem)))
    return files


def extract_files(
    files: Sequence[str], registry_files: tuple[str, ...] = (), workers: int = 1
) -> Iterator[Outcome]:
    """Extraction outcomes in input order, in `workers` processes when more than one."""
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield extract_file(path, registry_files)
        return
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(extract_file, files, [registry_files] * len(files), chunksize=4):
                done += 1
                yield outcome
    except BrokenProcessPool:
        # a worker died (out of memory, a crash in a parser library): the files it had not
        # finished are read here, one by one, so one bad file does not end the load
        for path in files[done:]:
            yield extract_file(path, registry_files)


def _check_suspected_damage(store: Store, registry_files: tuple[str, ...], workers: int) -> Any:
    """When the store says it may be damaged (an unclean stop, files changed while it was
    stopped), compare it with the journal and heal it before loading (loaders/verify.py)."""
    reason = store.damage_suspected() if hasattr(store, "damage_suspected") else None
    if not reason:
        return None
    from loaders.verify import verify_store

    report = verify_store(store, heal=True, registry_files=registry_files, workers=workers)
    report.reason = reason
    store.damage_checked()
    return report


GROUP_DOCUMENTS = 20  # documents per atomic upsert: one statement's planning cost shared by many


@dataclass
class _Pending:
    """Extracted documents waiting to be written together."""

    batches: list[Batch] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    replaces: list[list[str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.batches, self.extractions, self.replaces, self.paths = [], [], [], []


def _existing_ids(store: Store, batch: Batch) -> set[str]:
    """Which of the batch's node ids the store already has (label by label, through the id index)."""
    by_label: dict[str, list[str]] = {}
    for node in batch.nodes:
        by_label.setdefault(check_label(node["label"]), []).append(node["id"])
    known: set[str] = set()
    for label, ids in by_label.items():
        rows = store.run(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id", {"ids": ids})
        known.update(r["id"] for r in rows)
    return known


def _write(store: Store, pending: _Pending, summary: LoadSummary) -> list[str]:
    """Write pending documents in one atomic upsert; on failure retry them one by one so one bad
    document does not fail its neighbours. Returns the paths that could not be stored."""
    combined = Batch(
        nodes=[n for b in pending.batches for n in b.nodes],
        rels=[r for b in pending.batches for r in b.rels],
        documents=[d for b in pending.batches for d in b.documents],
    )
    try:
        known = _existing_ids(store, combined)
        store.upsert(combined, [old for olds in pending.replaces for old in olds])
    except (StoreError, SchemaError) as exc:
        if len(pending.batches) == 1:
            summary.failed.append((pending.paths[0], f"not stored: {exc}"))
            return pending.paths
        failed: list[str] = []
        for i in range(len(pending.batches)):
            single = _Pending(
                [pending.batches[i]], [pending.extractions[i]], [pending.replaces[i]], [pending.paths[i]]
            )
            failed += _write(store, single, summary)
        return failed
    summary.loaded += len(pending.batches)
    summary.replaced += sum(1 for r in pending.replaces if r)
    summary.new_entities += sum(
        1
        for n in {n["id"]: n for n in combined.nodes}.values()
        if n["id"] not in known and n["label"] != "Document"
    )
    for extraction in pending.extractions:
        summary.facts_by_type.update(f.predicate for f in extraction.facts)
    return []


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    registry_files: Sequence[str | Path] = (),
    workers: int = 1,
    group: int = GROUP_DOCUMENTS,
    progress: Callable[[str], None] | None = None,
) -> LoadSummary:
    """Load files and folders into `store`; never raises for a bad document, only records it.

    Documents are written `group` at a time, each group in one atomic upsert that also marks
    its documents in the journal: after a crash a document is wholly in the store or absent."""
    summary = LoadSummary()
    reg = tuple(str(Path(p)) for p in registry_files)
    registry_for(reg)  # a bad --registry file fails the whole run before anything is written
    files = candidates(paths, summary)
    store.ensure_schema()
    summary.verify = _check_suspected_damage(store, reg, workers)
    journal = store.loaded_documents()
    by_path = {p: doc_id for doc_id, p in journal.items()}
    pending = _Pending()

    def flush() -> None:
        for path in _write(store, pending, summary):
            doc_id = pending.extractions[pending.paths.index(path)].document.sha256
            journal.pop(doc_id, None)
        pending.clear()

    for path, extraction, problem in extract_files(files, reg, max(1, workers)):
        if progress:
            progress(path)
        if extraction is None:
            summary.failed.append((path, problem or "unknown error"))
            continue
        summary.read += 1
        doc = extraction.document
        if doc.sha256 in journal:
            summary.unchanged += 1
            continue
        try:
            batch = sign(to_batch(doc, extraction.facts, extraction.entities))  # journal checksum
        except SchemaError as exc:  # an extraction the schema refuses is that document's failure
            summary.failed.append((path, f"not stored: {exc}"))
            continue
        old = by_path.get(doc.path)
        journal[doc.sha256] = doc.path
        by_path[doc.path] = doc.sha256
        pending.batches.append(batch)
        pending.extractions.append(extraction)
        pending.replaces.append([old] if old and old != doc.sha256 else [])
        pending.paths.append(path)
        if len(pending.batches) >= max(1, group):
            flush()
    if pending.batches:
        flush()
    return summary
