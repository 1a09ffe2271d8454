"""Export time and peak memory on a large synthetic graph: streaming vs materialise-then-write.

    .venv/bin/python bench/bench_export.py                      # 100k relationships
    .venv/bin/python bench/bench_export.py --rels 1000000       # a million
    .venv/bin/python bench/bench_export.py --formats facts,csv,cypher,graphml --keep /tmp/big

Builds a graph of --rels relationships between --rels/4 nodes (each relationship with one
piece of evidence: a ~120-character quote, document, offsets, like a loaded fact) in an
embedded store, then runs each export in a fresh child process, twice:

- stream:      civicgraph's exporter (graph.subgraph pages of 5000 rows -> writer);
- materialise: the obvious alternative, all nodes and all relationships fetched with one
               query each and held as lists, then the same writer over those lists.

Each child's peak resident memory is its ru_maxrss (os.wait4), so the numbers include the
Python interpreter and imports (the `baseline` row: a child that only imports and opens the
store). The redis-server's own memory is not counted: it is the same for both. The report
prints time, peak memory, memory above baseline, and the materialise/stream ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LABELS = ("Person", "Organization", "Programme", "Post", "Inquiry")
TYPES = (
    "FUNDS",
    "OVERSEES",
    "ASKED",
    "REPLIED_TO",
    "CRITICISED",
    "WELCOMED",
    "PARTNERS_WITH",
    "COMMISSIONED",
)
WORDS = [
    "mayor",
    "assembly",
    "police",
    "funding",
    "inquiry",
    "london",
    "housing",
    "transport",
    "review",
    "budget",
    "motion",
    "letter",
]


def build(uri: str, n_rels: int, n_nodes: int, seed: int = 1, chunk: int = 5000) -> float:
    """Write the synthetic graph through Store.upsert in batches; returns seconds taken."""
    from graph.facts import Batch
    from graph.store import open_store

    rng = random.Random(seed)
    labels = [LABELS[i % len(LABELS)] for i in range(n_nodes)]
    started = time.perf_counter()
    with open_store(uri, timeout_ms=600_000) as store:
        store.ensure_schema()
        for start in range(0, n_nodes, chunk):
            nodes = [
                {
                    "label": labels[i],
                    "id": f"node-{i:07d}",
                    "props": {
                        "name": f"Actor {i} " + " ".join(rng.choices(WORDS, k=3)),
                        "aliases": [f"A{i}"],
                    },
                }
                for i in range(start, min(n_nodes, start + chunk))
            ]
            store.upsert(Batch(nodes=nodes))
        for start in range(0, n_rels, chunk):
            rels = []
            for i in range(start, min(n_rels, start + chunk)):
                src, dst = rng.randrange(n_nodes), rng.randrange(n_nodes)
                quote = " ".join(rng.choices(WORDS, k=18))
                year = 2015 + i % 11
                rels.append(
                    {
                        "type": TYPES[i % len(TYPES)],
                        "key": f"k{i:08d}",
                        "src": f"node-{src:07d}",
                        "src_label": labels[src],
                        "dst": f"node-{dst:07d}",
                        "dst_label": labels[dst],
                        "props": {"date": f"{year}-0{1 + i % 9}-1{i % 10}", "amount_gbp": float(i)},
                        "evidence": [
                            {
                                "key": f"doc{i % 500}:{i}:{i + len(quote)}",
                                "doc": f"doc{i % 500}.txt",
                                "doc_id": f"{i % 500:064x}",
                                "quote": quote,
                                "start": i,
                                "end": i + len(quote),
                            }
                        ],
                    }
                )
            store.upsert(Batch(rels=rels))
    return time.perf_counter() - started


def child(uri: str, fmt: str, mode: str, out: str) -> None:
    """One measured export (runs in its own process); prints a JSON line."""
    from graph.exports import FORMATS, write_export
    from graph.store import open_store
    from graph.subgraph import (
        _NODE_COLUMNS,
        _REL_COLUMNS,
        MemorySubgraph,
        Subgraph,
        node_from_row,
        rel_from_row,
    )

    started = time.perf_counter()
    with open_store(uri, timeout_ms=3_600_000) as store:
        if mode == "baseline":
            store.run("RETURN 1")
            print(json.dumps({"seconds": time.perf_counter() - started}))
            return
        sub = Subgraph(store)
        if mode == "materialise":  # the obvious way: one query each for nodes and relationships
            nodes = [
                node_from_row(r["labels"], r["props"]) for r in store.run(f"MATCH (n) RETURN {_NODE_COLUMNS}")
            ]
            rels = [rel_from_row(r) for r in store.run(f"MATCH (a)-[r]->(b) RETURN {_REL_COLUMNS}")]
            sub = MemorySubgraph(nodes, rels)
        dest = Path(out)
        if FORMATS[fmt].to_path:
            write_export(sub, fmt, dest)
        else:
            with dest.open("wb") as fh:
                write_export(sub, fmt, fh)
    size = (
        sum(p.stat().st_size for p in Path(out).rglob("*"))
        if Path(out).is_dir()
        else Path(out).stat().st_size
    )
    print(json.dumps({"seconds": time.perf_counter() - started, "bytes": size}))


def run_child_measured(cmd: list[str]) -> tuple[str, str, int, float]:
    """Run a child, returning stdout, stderr, exit status and its own peak RSS in MiB (wait4)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    out_chunks, err_chunks = [], []
    # Read both pipes to EOF without waiting on the process (wait4 must reap it to get its rusage).
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ, out_chunks)
    sel.register(proc.stderr, selectors.EVENT_READ, err_chunks)
    while sel.get_map():
        for key, _ in sel.select():
            data = key.fileobj.readline()
            if data:
                key.data.append(data)
            else:
                sel.unregister(key.fileobj)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return "".join(out_chunks), "".join(err_chunks), proc.returncode, usage.ru_maxrss / 1024


def run(uri: str, fmt: str, mode: str, workdir: Path) -> dict:
    out = workdir / (f"out-{fmt}-{mode}" + (".zip" if fmt == "csv" else ""))
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--uri",
        uri,
        "--format",
        fmt,
        "--mode",
        mode,
        "--out",
        str(out),
    ]
    stdout, stderr, code, peak = run_child_measured(cmd)
    if code != 0:
        return {
            "format": fmt,
            "mode": mode,
            "error": (stderr.strip().splitlines() or ["failed"])[-1],
            "peak_mib": peak,
        }
    result = json.loads(stdout.strip().splitlines()[-1])
    result.update(format=fmt, mode=mode, peak_mib=peak)
    for leftover in [out] if out.is_file() else []:
        leftover.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rels", type=int, default=100_000, help="relationships in the synthetic graph")
    parser.add_argument("--nodes", type=int, default=None, help="nodes (default rels/4)")
    parser.add_argument(
        "--formats", default="facts,csv,cypher,graphml", help="comma-separated export formats"
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="store folder to build in and keep (reused if built)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.uri, args.format, args.mode, args.out)
        return

    n_nodes = args.nodes or max(10, args.rels // 4)
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    folder = args.keep or work / "store"
    uri = f"embedded:{folder}"
    marker = folder / f".bench-{args.rels}-{n_nodes}"

    from graph.store import open_store

    # One handle held from start to end keeps one server up for the build and every child (they
    # take leases); reopening a large store replays its append-only file, which takes minutes.
    with open_store(uri, timeout_ms=600_000) as holder:
        if marker.exists():
            print(f"reusing the graph in {folder}")
        else:
            print(f"building {args.rels} relationships between {n_nodes} nodes in {folder} ...", flush=True)
            seconds = build(uri, args.rels, n_nodes)
            marker.touch()
            print(f"built in {seconds:.1f} s", flush=True)
        counts = holder.run("MATCH ()-[r]->() RETURN count(r) AS rels")[0]["rels"]
        baseline = run(uri, "facts", "baseline", work)
        print(
            f"{counts} relationships in the store; baseline child (interpreter, imports, open store): "
            f"{baseline['peak_mib']:.0f} MiB",
            flush=True,
        )
        results = []
        for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
            for mode in ("stream", "materialise"):
                result = run(uri, fmt, mode, work)
                results.append(result)
                shown = result.get("error") or f"{result['seconds']:.1f} s, peak {result['peak_mib']:.0f} MiB"
                print(f"  {fmt:9} {mode:11} {shown}", flush=True)

    base = baseline["peak_mib"]
    print()
    print(f"command: {' '.join([Path(sys.executable).name, 'bench/bench_export.py', *sys.argv[1:]])}")
    print(f"graph: {args.rels} relationships, {n_nodes} nodes; embedded FalkorDB; page size 5000")
    print(f"baseline peak RSS {base:.0f} MiB (interpreter + imports + store client)")
    print()
    print("| format | mode | time (s) | peak RSS (MiB) | above baseline (MiB) | output (MiB) |")
    print("|---|---|---|---|---|---|")
    by = {(r["format"], r["mode"]): r for r in results}
    for r in results:
        if "error" in r:
            print(f"| {r['format']} | {r['mode']} | failed: {r['error']} | {r['peak_mib']:.0f} | | |")
            continue
        print(
            f"| {r['format']} | {r['mode']} | {r['seconds']:.1f} | {r['peak_mib']:.0f} | "
            f"{r['peak_mib'] - base:.0f} | {r['bytes'] / 2**20:.1f} |"
        )
    print()
    for fmt in dict.fromkeys(r["format"] for r in results):
        s, m = by.get((fmt, "stream")), by.get((fmt, "materialise"))
        if not s or not m or "error" in s or "error" in m:
            continue
        above_s, above_m = max(s["peak_mib"] - base, 1), m["peak_mib"] - base
        print(
            f"{fmt}: materialise/stream memory above baseline {above_m / above_s:.1f}x "
            f"({above_m:.0f} vs {above_s:.0f} MiB), time {m['seconds'] / s['seconds']:.2f}x"
        )
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
