"""Files to facts to store: the `load` job.

Each document is read, extracted and written as one atomic upsert that also marks it in the
load journal (its Document node), so a document is in the store whole or not at all. Files
whose content hash the journal already holds are skipped before they are read or extracted; a
file whose content changed replaces its own earlier version and touches nothing else. Reading,
extraction and building the upsert rows run in worker processes (loaders/workqueue.py: a bounded
number in flight, results taken as they finish); writes stay in this process. The store's merge
rules make the result independent of the order documents are written in (graph/upsert.py), so
it does not depend on the number of workers either.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import to_batch
from graph.journal import sign
from graph.schema import THING_LABELS, SchemaError, check_label
from graph.store import Store, StoreError
from graph.upsert import Rows, batch_rows, merge_rows
from loaders.extract import Extraction, ExtractionError, extract, registry_for
from loaders.readers import DocumentError, iter_documents, read_document
from loaders.workqueue import WorkerDied, imap_unordered


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


# Documents per atomic upsert: one statement's fixed cost (FalkorDB parses and plans each new
# statement text, ~40 ms; a round trip) shared by many. Measured with bench/bench_load.py
# --groups (BENCHMARKS.md, "Statement size"): at 10,000 documents the writer reached 0.72 of the
# raw rate with 100 documents per statement, 0.81 with 200, 0.65 with 500 (statements of ~1 s).
# The unit of atomicity stays the document: a group that fails is written again one by one.
GROUP_DOCUMENTS = 200


@dataclass
class Prepared:
    """One document made ready for the store in a worker: its upsert rows (cleaned, checked,
    grouped, with the journal checksum: graph/upsert.py Rows) and what the summary counts."""

    sha256: str
    path: str
    rows: Rows
    facts: Counter


def prepare_file(path: str, registry_files: tuple[str, ...] = ()) -> Prepared | str:
    """Read, extract and turn one file into its upsert rows (in a worker process); a string is
    why it could not be."""
    _, extraction, problem = extract_file(path, registry_files)
    if extraction is None:
        return problem or "unknown error"
    doc = extraction.document
    try:
        rows = batch_rows(to_batch(doc, extraction.facts, extraction.entities))
    except SchemaError as exc:  # an extraction the schema refuses is that document's failure
        return f"not stored: {exc}"
    sign(rows)  # the journal's checksum of what the document writes
    return Prepared(doc.sha256, doc.path, rows, Counter(f.predicate for f in extraction.facts))


def file_hash(path: str) -> str | None:
    """The content hash the journal keys documents by (loaders.readers: sha256 of the bytes), or
    None when the file cannot be read here (the reader then reports why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass
class Pending:
    """Prepared documents waiting to be written together."""

    docs: list[Prepared] = field(default_factory=list)
    replaces: list[list[str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.docs, self.replaces, self.paths = [], [], []


def _write(store: Store, pending: Pending, summary: LoadSummary, merged: Rows | None = None) -> list[str]:
    """Write pending documents in one atomic upsert (`merged`: their rows, merged beforehand); on
    failure retry them one by one so one bad document does not fail its neighbours. Returns the
    paths that could not be stored."""
    try:
        store.upsert(
            merged or merge_rows(d.rows for d in pending.docs),
            [old for olds in pending.replaces for old in olds],
        )
    except (StoreError, SchemaError) as exc:
        if len(pending.docs) == 1:
            summary.failed.append((pending.paths[0], f"not stored: {exc}"))
            return pending.paths
        failed: list[str] = []
        for i in range(len(pending.docs)):
            failed += _write(
                store, Pending([pending.docs[i]], [pending.replaces[i]], [pending.paths[i]]), summary
            )
        return failed
    summary.loaded += len(pending.docs)
    summary.replaced += sum(1 for r in pending.replaces if r)
    for doc in pending.docs:
        summary.facts_by_type.update(doc.facts)
    return []


class GroupWriter:
    """Writes groups in a thread of its own, one at a time and in order, while the loading thread
    keeps the worker processes supplied: the server's time on a group no longer stalls
    extraction. The loading thread merges a group's rows before it waits for the group being
    written, so that merging overlaps the server's work. At most one group is being written
    while the next one fills, so memory stays bounded. `forget(sha256)` is called, in the
    loading thread, for each document that could not be stored."""

    def __init__(self, store: Store, summary: LoadSummary, forget: Callable[[str], Any]) -> None:
        self._store, self._summary, self._forget = store, summary, forget
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="civicgraph-writer")
        self._running: tuple[Future, Pending] | None = None

    def submit(self, pending: Pending) -> None:
        merged = merge_rows(d.rows for d in pending.docs)  # while the previous group is written
        self.wait()
        self._running = (self._pool.submit(_write, self._store, pending, self._summary, merged), pending)

    def wait(self) -> None:
        """Wait for the group being written (its unexpected errors are raised here)."""
        if self._running is None:
            return
        future, pending = self._running
        self._running = None
        for path in future.result():
            self._forget(pending.docs[pending.paths.index(path)].sha256)

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self._pool.shutdown(wait=True)


def entity_count(store: Store) -> int:
    """Nodes of things (graph/schema.py THING_LABELS): one count per label, each from the label's
    own index, so the count costs the same however much evidence the store holds."""
    return sum(
        store.run(f"MATCH (n:{check_label(label)}) RETURN count(n) AS n")[0]["n"] for label in THING_LABELS
    )


def prepared_files(
    files: Sequence[str], registry_files: tuple[str, ...], workers: int
) -> Iterator[tuple[str, Prepared | str]]:
    """Each file's Prepared document or failure reason: here, or in `workers` processes as they
    finish, with a bounded number in flight (loaders/workqueue.py)."""
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield path, prepare_file(path, registry_files)
        return
    work = functools.partial(prepare_file, registry_files=registry_files)
    for path, result in imap_unordered(
        work, files, workers=workers, initializer=registry_for, initargs=(registry_files,)
    ):
        yield path, str(result) if isinstance(result, WorkerDied) else result


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

    Files are hashed first and those the journal already holds (same content) are skipped
    without being read or extracted. The others are extracted in `workers` processes and
    written `group` at a time, each group in one atomic upsert that also marks its documents in
    the journal: after a crash a document is wholly in the store or absent. Memory stays bounded:
    a few documents per worker in flight and one group waiting to be written."""
    summary = LoadSummary()
    reg = tuple(str(Path(p)) for p in registry_files)
    registry_for(reg)  # a bad --registry file fails the whole run before anything is written
    files = candidates(paths, summary)
    store.ensure_schema()
    summary.verify = _check_suspected_damage(store, reg, workers)
    journal = store.loaded_documents()
    by_path = {p: doc_id for doc_id, p in journal.items()}
    entities_before = entity_count(store)
    todo: list[str] = []
    later: list[str] = []  # a second file with the content of an earlier one: after the first pass
    hashes: set[str] = set()
    for path in files:
        sha = file_hash(path)
        if sha is not None and sha in journal:
            summary.read += 1
            summary.unchanged += 1
            if progress:
                progress(path)
            continue
        (later if sha in hashes else todo).append(path)
        if sha is not None:
            hashes.add(sha)
    pending = Pending()
    writer = GroupWriter(store, summary, lambda sha: journal.pop(sha, None))

    def flush() -> None:
        nonlocal pending
        writer.submit(pending)
        pending = Pending()

    try:
        for batch_of_paths in (todo, later):
            for path, result in prepared_files(batch_of_paths, reg, max(1, workers)):
                if progress:
                    progress(path)
                if isinstance(result, str):
                    summary.failed.append((path, result))
                    continue
                summary.read += 1
                if result.sha256 in journal:  # the same content as a file loaded before it
                    summary.unchanged += 1
                    continue
                old = by_path.get(result.path)
                journal[result.sha256] = result.path
                by_path[result.path] = result.sha256
                pending.docs.append(result)
                pending.replaces.append([old] if old and old != result.sha256 else [])
                pending.paths.append(path)
                if len(pending.docs) >= max(1, group):
                    flush()
            if pending.docs:
                flush()
            writer.wait()  # a second file with the same content knows whether the first was stored
    finally:
        writer.close()
    summary.new_entities = max(0, entity_count(store) - entities_before) if summary.loaded else 0
    return summary
