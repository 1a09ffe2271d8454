"""Write throughput of the embedded store, batched versus one statement per row, and start-up time.

    python bench/bench_upsert.py [--docs 300] [--facts 20] [--repeat 5]

The same synthetic documents (each with --facts facts over a shared pool of people and bodies,
so relationships recur across documents and merge their evidence) are written twice, in the
same run, each into a fresh embedded store:
  - batched: one `Store.upsert` per document (one statement: nodes, relationships, evidence,
    mentions and the journal mark), as `civicgraph load` writes;
  - per row: one statement per relationship (with its two end nodes), plus one per document for
    its journal mark.
Both stores must end with the same fingerprint. Relationships per second count every
relationship row written (facts and mentions). Start-up time is the median of --repeat runs of
(a) opening the embedded store in this process (server start, health check) and closing it
(server stop), on an empty folder and on the loaded one, and (b) a whole new Python process that
opens the store, runs one query and exits, as a CLI command does.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.facts import Batch, DocumentInfo, Entity, Evidence, Fact, to_batch  # noqa: E402
from graph.falkor import EmbeddedFalkorStore  # noqa: E402
from graph.fingerprint import fingerprint  # noqa: E402

PREDICATES = ["FUNDS", "OVERSEES", "CRITICISED", "WELCOMED", "PARTNERS_WITH", "COMMISSIONED"]


def documents(count: int, facts: int, seed: int = 11) -> list[Batch]:
    """`count` documents' batches with `facts` facts each over a pool of 200 actors."""
    rng = random.Random(seed)
    people = [Entity(f"Person {i}", "Person", aliases=(f"P{i}",)) for i in range(120)]
    bodies = [Entity(f"Body {i}", "Organization") for i in range(80)]
    actors = people + bodies
    batches = []
    for d in range(count):
        sentences, picked = [], []
        for f in range(facts):
            subject, target = rng.sample(actors, 2)
            predicate = rng.choice(PREDICATES)
            sentence = f"In paragraph {f}, {subject.name} {predicate.lower()} {target.name}."
            sentences.append(sentence)
            picked.append((subject, predicate, target, sentence))
        text = " ".join(sentences)
        doc = DocumentInfo(name=f"doc{d:05}.txt", sha256=f"{d:064x}", text=text, path=f"/bench/doc{d:05}.txt")
        fact_list = []
        for subject, predicate, target, sentence in picked:
            start = text.index(sentence)
            ev = Evidence(doc.name, doc.sha256, sentence, start, start + len(sentence))
            fact_list.append(Fact(subject, predicate, target, [ev], date=f"2025-{1 + d % 12:02}"))
        batches.append(to_batch(doc, fact_list))
    return batches


def per_row(batch: Batch) -> list[Batch]:
    nodes = {n["id"]: n for n in batch.nodes}
    rows = [Batch(nodes=[nodes[r["src"]], nodes[r["dst"]]], rels=[r]) for r in batch.rels]
    return [*rows, Batch(nodes=[nodes[d] for d in batch.documents], documents=batch.documents)]


def merged(batches: list[Batch], size: int) -> list[Batch]:
    """Several documents per statement (the upsert merges repeated nodes and relationships)."""
    out = []
    for i in range(0, len(batches), size):
        group = batches[i : i + size]
        out.append(Batch(nodes=[n for b in group for n in b.nodes], rels=[r for b in group for r in b.rels],
                         documents=[d for b in group for d in b.documents]))  # fmt: skip
    return out


def write(
    folder: Path, batches: list[Batch], *, rows: bool = False, docs_per_statement: int = 1
) -> tuple[float, str]:
    pieces = [p for b in batches for p in per_row(b)] if rows else merged(batches, docs_per_statement)
    with EmbeddedFalkorStore(str(folder)) as store:
        store.ensure_schema()
        started = time.perf_counter()
        for piece in pieces:
            store.upsert(piece)
        elapsed = time.perf_counter() - started
        return elapsed, fingerprint(store)


def startup(folder: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        store = EmbeddedFalkorStore(str(folder))
        store.run("RETURN 1")
        store.close()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def process_startup(folder: Path, repeat: int) -> float:
    code = "import sys; from graph.store import open_store; s = open_store('embedded:' + sys.argv[1]); s.run('RETURN 1'); s.close()"
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--facts", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--group", type=int, default=20, help="documents per statement in the grouped run")
    args = parser.parse_args()

    batches = documents(args.docs, args.facts)
    rels = sum(len(b.rels) for b in batches)
    work = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    try:
        batched_s, batched_fp = write(work / "batched", batches)
        grouped_s, grouped_fp = write(work / "grouped", batches, docs_per_statement=args.group)
        rows_s, rows_fp = write(work / "rows", batches, rows=True)
        if not batched_fp == grouped_fp == rows_fp:
            raise SystemExit("the two stores differ: the benchmark wrote different graphs")
        empty = startup(work / "empty", args.repeat)
        loaded = startup(work / "batched", args.repeat)
        process = process_startup(work / "batched", args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"command: python bench/bench_upsert.py --docs {args.docs} --facts {args.facts} --repeat {args.repeat} --group {args.group}"
    )
    print(
        f"data: {args.docs} documents, {rels} relationship rows ({args.facts} facts each + mentions), same fingerprint"
    )
    print(f"batched (one statement per document): {batched_s:.2f} s, {rels / batched_s:,.0f} relationships/s")
    print(
        f"batched ({args.group} documents per statement): {grouped_s:.2f} s, {rels / grouped_s:,.0f} relationships/s"
    )
    print(f"per row (one statement per relationship): {rows_s:.2f} s, {rels / rows_s:,.0f} relationships/s")
    print(
        f"ratio batched / per row: {rows_s / batched_s:.1f}x (one document per statement), "
        f"{rows_s / grouped_s:.1f}x ({args.group} documents per statement)"
    )
    print(f"embedded server start+stop, empty folder (median of {args.repeat}): {empty * 1000:.0f} ms")
    print(f"embedded server start+stop, loaded folder (median of {args.repeat}): {loaded * 1000:.0f} ms")
    print(
        f"new process: import, open store, one query, close (median of {args.repeat}): {process * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
