"""`civicgraph load` at scale: end to end, the writer against raw batched UNWIND MERGE, reloads.

    python bench/bench_load.py --docs 1000,10000 [--workers 2] [--groups 20,200] [--rounds 3] [--queries]
    python bench/bench_load.py --docs 100000 --no-writer       # end to end only
    python bench/bench_load.py --docs 10000,100000 --no-writer --rules-only   # without the language layer

For each size, on a corpus from bench/corpus.py (cached under --corpus-dir):
- end to end: `civicgraph load DIR --workers W` in a fresh embedded store, as a user runs it:
  wall time, documents/s, facts/s, peak memory of the CLI process (and of its workers, summed)
  and of the server (RSS sampled every 0.1 s), store size on disk; then the same load again
  (every file unchanged) and `civicgraph stats --fingerprint`, timed;
- with --queries: every canned question for the hub ("Sadiq Khan", the Mayor) and with no actor
  on that store, as `civicgraph ask` runs them (a page of 100 rows and the total), p50/p95;
- the writer (unless --no-writer): the same documents prepared first (read, extracted and turned
  into upsert rows in W processes, as `load`'s workers do), then written as `load`'s writer does
  it: each group of --groups documents merged (graph/upsert.py merge_rows) and sent as one
  statement (`Store.upsert`) into a fresh store, timing only that; statement size and the time
  per statement over the first and the last tenth of the run (growth with the store); and the
  same data (each document's nodes, evidence pieces as Evidence nodes, relationships, with their
  properties, repeats included) written with bare `UNWIND $rows ... MERGE ... SET x += r.p` in
  batches of 5,000 through the FalkorDB client itself (no cleaning, no statement check) into
  another fresh store with the same indexes: the engine's raw batched rate on the same data, in
  the same run. Both rates count the documents' relationship rows; the ratio is writer over raw.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from graph.falkor import EmbeddedFalkorStore  # noqa: E402
from graph.upsert import merge_rows, plan_upsert  # noqa: E402
from loaders.pipeline import GroupWriter, LoadSummary, Pending, candidates, prepared_files  # noqa: E402

CLI = [sys.executable, "-c", "from cli.app import main; main()"]


def rules_only() -> None:
    """Extraction without the language layer from here on, in this process and the workers it
    forks: the chain without its `parse` and `relations` components, what bench/bench_layers.py
    calls "rules" (the first extractor). A measurement switch (--rules-only), so that the 100,000
    document run costs minutes, not hours; `load` itself always runs the whole chain."""
    from loaders import chain

    chain.run_chain.__defaults__ = (tuple(c for c in chain.CHAIN if c.name not in ("parse", "relations")),)


CLI_RULES_ONLY = [
    sys.executable,
    "-c",
    "from bench.bench_load import rules_only; rules_only(); from cli.app import main; main()",
]


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rfind(")") + 2 :].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def run_cli(args: list[str], store: Path, cwd: Path = ROOT, cli: list[str] = CLI) -> dict[str, Any]:
    """Run one civicgraph command (of the code in `cwd`); wall time and peak RSS of the CLI, its
    workers (summed) and the server."""
    env = dict(os.environ, CIVICGRAPH_STORE=f"embedded:{store}")
    peaks = {"cli_mb": 0.0, "workers_mb": 0.0, "server_mb": 0.0}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*cli, *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peaks["cli_mb"] = max(peaks["cli_mb"], _rss_mb(proc.pid))
            workers = [k for k in _children(proc.pid)]
            peaks["workers_mb"] = max(peaks["workers_mb"], sum(_rss_mb(k) for k in workers))
            try:
                server = int((store / "server.pid").read_text().strip())
                peaks["server_mb"] = max(peaks["server_mb"], _rss_mb(server))
            except (OSError, ValueError):
                pass
            stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    thread.join()
    return {"seconds": round(seconds, 2), "code": proc.returncode, "stdout": out, "stderr": err[-2000:]} | {
        k: round(v) for k, v in peaks.items()
    }


def end_to_end(
    corpus: Path, docs: int, workers: int, work: Path, queries: bool, cli: list[str] = CLI
) -> dict[str, Any]:
    store = work / f"e2e-{docs}"
    first = run_cli(["load", str(corpus), "--workers", str(workers), "--format", "json"], store, cli=cli)
    if first["code"] != 0:
        raise SystemExit(f"load failed: {first['stderr']}")
    summary = json.loads(first["stdout"])
    facts = sum(summary["facts_by_type"].values())
    again = run_cli(["load", str(corpus), "--workers", str(workers), "--format", "json"], store, cli=cli)
    fp = run_cli(["stats", "--fingerprint"], store)
    stats = json.loads(run_cli(["stats", "--format", "json"], store)["stdout"])
    result = {
        "documents": summary["loaded"],
        "facts": facts,
        "relationships": stats["total_relationships"],
        "nodes": stats["total_nodes"],
        "evidence_nodes": stats["nodes"].get("Evidence", 0),
        "load": {k: first[k] for k in ("seconds", "cli_mb", "workers_mb", "server_mb")},
        "docs_per_s": round(summary["loaded"] / first["seconds"], 1),
        "facts_per_s": round(facts / first["seconds"]),
        "reload_unchanged_s": again["seconds"],
        "reload_unchanged": json.loads(again["stdout"])["unchanged"],
        "fingerprint": {k: fp[k] for k in ("seconds", "cli_mb", "workers_mb", "server_mb")},
    }
    if queries:
        result["queries"] = ask_all(store)
    size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
    result["store_mb"] = round(size / 1e6, 1)
    return result


def ask_all(store: Path, reps: int = 20) -> list[dict[str, Any]]:
    """Every question for the hub and with no actor, as `civicgraph ask` runs it (a page)."""
    from queries.catalog import load_catalog
    from queries.paging import run_page
    from queries.resolve import prepare

    out = []
    with EmbeddedFalkorStore(str(store)) as st:
        for q in load_catalog().values():
            cases = [("no actor", {k: v for k, v in q.example_params().items() if k not in q.actor_params})]
            if q.actor_params:
                cases.append(("hub", q.example_params() | {q.actor_params[0]: "Sadiq Khan"}))
            for case, raw in cases:
                if any(p.required and p.name not in raw for p in q.params):
                    continue
                times, total = [], 0
                for i in range(reps + 2):
                    t0 = time.perf_counter()
                    page = run_page(st, q, prepare(st, q, raw).params)
                    if i >= 2:
                        times.append((time.perf_counter() - t0) * 1000)
                    total = page.total
                times.sort()
                out.append({"question": q.name, "case": case, "rows": total,
                            "p50_ms": round(statistics.median(times), 1),
                            "p95_ms": round(times[max(0, int(0.95 * len(times)) - 1)], 1)})  # fmt: skip
    return out


def prepared_documents(corpus: Path, workers: int) -> list[Any]:
    files = candidates([corpus], LoadSummary())
    return [result for _, result in prepared_files(files, (), workers) if not isinstance(result, str)]


def _groups(prepared: list[Any], group: int) -> list[list[Any]]:
    return [prepared[start : start + group] for start in range(0, len(prepared), group)]


def writer(prepared: list[Any], group: int, folder: Path) -> dict[str, Any]:
    """The pipeline's write path alone, as `load` runs it once documents are back from the workers
    (loaders/pipeline.py GroupWriter: each group's rows merged, one statement per group, written
    in a thread of its own while the next group is merged)."""
    times: list[float] = []
    chars: list[int] = []
    with EmbeddedFalkorStore(str(folder)) as store:
        store.ensure_schema()
        send = store.upsert

        def timed_upsert(rows: Any, replaces: Any = ()) -> None:
            t0 = time.perf_counter()
            send(rows, replaces)
            times.append(time.perf_counter() - t0)

        store.upsert = timed_upsert  # type: ignore[method-assign]
        summary = LoadSummary()
        started = time.perf_counter()
        group_writer = GroupWriter(store, summary, lambda sha: None)
        for docs in _groups(prepared, group):
            group_writer.submit(Pending(list(docs), [[] for _ in docs], [d.path for d in docs]))
        group_writer.close()
        seconds = time.perf_counter() - started
    if summary.failed:
        raise SystemExit(f"the writer failed: {summary.failed[:3]}")
    for docs in _groups(prepared, group)[:20]:  # statement size, outside the timing
        chars.append(len(plan_upsert(merge_rows(d.rows for d in docs), loaded_at="x").cypher))
    rows = sum(len(r) for d in prepared for r in d.rows.rels.values())
    tenth = max(1, len(times) // 10)
    return {
        "group": group,
        "statements": len(times),
        "relationship_rows": rows,
        "seconds": round(seconds, 2),
        "rels_per_s": round(rows / seconds),
        "statement_chars_median": round(statistics.median(chars)),
        "ms_per_statement_median": round(1000 * statistics.median(times), 1),
        "first_tenth_ms_per_statement": round(1000 * statistics.mean(times[:tenth]), 1),
        "last_tenth_ms_per_statement": round(1000 * statistics.mean(times[-tenth:]), 1),
    }


def raw_rows(prepared: list[Any]) -> tuple[dict[str, list], dict[tuple[str, str, str], list]]:
    """The same data as bare rows, document by document (repeats included): nodes by label,
    evidence pieces as Evidence nodes, relationships by type and end labels."""
    nodes: dict[str, list] = {}
    rels: dict[tuple[str, str, str], list] = {}
    for merged in (d.rows for d in prepared):
        for label, rows in merged.nodes.items():
            nodes.setdefault(label, []).extend({"id": r["id"], "p": r["p"]} for r in rows.values())
        for (t, a, b), rows in merged.rels.items():
            for r in rows.values():
                rels.setdefault((t, a, b), []).append(
                    {"key": r["key"], "src": r["src"], "dst": r["dst"], "p": r["p"]}
                )
                nodes.setdefault("Evidence", []).extend(
                    {"id": e["id"], "p": {"fact": r["key"], "type": t, "doc": e["doc"], "doc_id": e["doc_id"],
                                          "quote": e["quote"], "start": e["start"], "end": e["end"]}}
                    for e in r["ev"]
                )  # fmt: skip
    return nodes, rels


def raw(prepared: list[Any], folder: Path, size: int = 5000) -> dict[str, Any]:
    """The same rows written with bare batched UNWIND MERGE (the engine's raw rate), sent straight
    through the FalkorDB client (no value cleaning, no statement check: the engine and its client
    alone), in batches of `size` rows."""
    nodes, rels = raw_rows(prepared)
    count = sum(len(v) for v in rels.values())
    with EmbeddedFalkorStore(str(folder)) as store:
        store.ensure_schema()
        graph = store._graph  # the bare client: the point of the comparison
        t0 = time.perf_counter()
        for label, rows in nodes.items():
            for s in range(0, len(rows), size):
                graph.query(f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n += r.p",
                            {"rows": rows[s : s + size]}, timeout=300_000)  # fmt: skip
        for (t, a, b), rows in rels.items():
            for s in range(0, len(rows), size):
                graph.query(f"UNWIND $rows AS r MATCH (a:{a} {{id: r.src}}) MATCH (b:{b} {{id: r.dst}}) "
                            f"MERGE (a)-[x:{t} {{key: r.key}}]->(b) SET x += r.p", {"rows": rows[s : s + size]},
                            timeout=300_000)  # fmt: skip
        seconds = time.perf_counter() - t0
    return {"relationship_rows": count, "seconds": round(seconds, 2), "rels_per_s": round(count / seconds)}


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median rate (the lower middle one of an even number)."""
    return dict(sorted(runs, key=lambda run: run["rels_per_s"])[(len(runs) - 1) // 2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--groups", default="200")
    parser.add_argument("--rounds", type=int, default=1, help="raw and writer runs, alternated; medians")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "cg-bench-corpus")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--no-writer", action="store_true")
    parser.add_argument("--no-e2e", action="store_true")
    parser.add_argument(
        "--rules-only", action="store_true", help="extract without the language layer (rules_only)"
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the stores (their folder is printed)")
    args = parser.parse_args()
    cli = CLI_RULES_ONLY if args.rules_only else CLI
    if args.rules_only:
        rules_only()  # the writer's documents, prepared in this process's workers
    report: dict[str, Any] = {"command": "python bench/bench_load.py " + " ".join(sys.argv[1:]), "sizes": []}
    work = Path(tempfile.mkdtemp(prefix="cg-load-"))
    try:
        for docs in [int(d) for d in args.docs.split(",")]:
            corpus = args.corpus_dir / str(docs)
            paths = generate(docs, corpus)
            entry: dict[str, Any] = {
                "documents": docs,
                "corpus_mb": round(sum(p.stat().st_size for p in paths) / 1e6, 1),
            }
            if not args.no_e2e:
                entry["end_to_end"] = end_to_end(corpus, docs, args.workers, work, args.queries, cli)
                print(json.dumps({"docs": docs, "end_to_end": entry["end_to_end"]}), flush=True)
            if not args.no_writer:
                t0 = time.perf_counter()
                prepared = prepared_documents(corpus, args.workers)
                entry["extract_s"] = round(time.perf_counter() - t0, 1)
                groups = [int(g) for g in args.groups.split(",")]
                rounds: list[dict[str, Any]] = []
                for r in range(args.rounds):  # alternated, so that a busy spell of a shared machine
                    rounds.append(  # falls on both sides rather than on one
                        {"raw": raw(prepared, work / f"raw-{docs}-{r}")}
                        | {g: writer(prepared, g, work / f"w-{docs}-{g}-{r}") for g in groups}
                    )
                    for folder in work.glob(f"*-{docs}-*{r}"):
                        shutil.rmtree(folder, ignore_errors=True)
                entry["raw"] = _median_run([x["raw"] for x in rounds])
                entry["raw"]["rounds_rels_per_s"] = [x["raw"]["rels_per_s"] for x in rounds]
                entry["writer"] = []
                for g in groups:
                    w = _median_run([x[g] for x in rounds])
                    w["rounds_rels_per_s"] = [x[g]["rels_per_s"] for x in rounds]
                    w["rounds_ratio_to_raw"] = [
                        round(x[g]["rels_per_s"] / x["raw"]["rels_per_s"], 2) for x in rounds
                    ]
                    w["ratio_to_raw"] = round(w["rels_per_s"] / entry["raw"]["rels_per_s"], 2)
                    entry["writer"].append(w)
                del prepared
                print(json.dumps({"docs": docs, "writer": entry["writer"], "raw": entry["raw"]}), flush=True)
            report["sizes"].append(entry)
    finally:
        if args.keep:
            print(json.dumps({"stores_kept_in": str(work)}), flush=True)
        else:
            shutil.rmtree(work, ignore_errors=True)
    write_report(args.out, report)
    return 0


def loadavg() -> float:
    """The machine's 1-minute load average, recorded beside figures from a shared machine."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def write_report(path: Path | None, report: dict[str, Any]) -> None:
    """The report as JSON at `path` (its folder made), when one is given."""
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
