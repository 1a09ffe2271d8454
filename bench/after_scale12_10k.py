"""After scale12 (2026-12-07): the fingerprint, the reload and the hub's questions at 10k, the code
before the merge (its first parent) against main, each tree on a store it built itself (a store
written before scale12 keeps the MENTIONS `key` index, which is what is being compared).

    git -C /work/main worktree add --detach /tmp/before12 8450959^1
    git -C /work/main worktree add --detach /tmp/after12 main
    # each store built by its own tree (the language layer, the default extractor):
    (cd TREE && CIVICGRAPH_STORE=embedded:STORE python -c "from cli.app import main; main()" load CORPUS10K --workers 2)
    PYTHONPATH=/tmp/after12 python bench/after_scale12_10k.py --before /tmp/before12 STORE_BEFORE \
        --after /tmp/after12 STORE_AFTER --corpus CORPUS10K --rounds 3 --out bench/results/after-scale12-10k.json

Each round, for each tree in turn (the order alternates by round, so that a busy spell of the
shared machine falls on both), on its own store:
- bench/bench_hub.py `measure`: every canned question for the hub and with no actor, p50/p95 of
  --reps after two warm-ups, and its first two pages hashed; the fingerprint in that process
  (server running); then `civicgraph stats --fingerprint` as a new process with the server
  stopped first (wall time and peak memory);
- the server's start alone: a new process of the tree opens the stopped store and runs
  `RETURN 1` (wall time), and what the server's log says it spent loading;
- `civicgraph stats --fingerprint` as a new process while another process of the tree holds the
  server running;
- `civicgraph load CORPUS --workers 2` again, every file unchanged, the server stopped first.
The 1-minute load average (/proc/loadavg) is recorded before each figure. A measurement script,
not a test: nothing here is asserted beyond the two trees' pages and row counts being equal.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.bench_hub import _wait_stopped, measure
from bench.bench_load import loadavg, run_cli, write_report

OPEN = """
import sys, time
t0 = time.perf_counter()
from graph.falkor import EmbeddedFalkorStore
t1 = time.perf_counter()
with EmbeddedFalkorStore(sys.argv[1]) as st:
    st.run("RETURN 1")
    t2 = time.perf_counter()
print(round(t1 - t0, 3), round(t2 - t1, 3))
"""

HOLD = """
import sys
from graph.falkor import EmbeddedFalkorStore
with EmbeddedFalkorStore(sys.argv[1]) as st:
    st.run("RETURN 1")
    print("up", flush=True)
    sys.stdin.read()
"""

_STAMP = re.compile(r"^\d+:\w \d+ \w+ \d+ (\d\d):(\d\d):(\d\d)\.(\d+) ")


def _stamp(line: str) -> float | None:
    m = _STAMP.match(line)
    if not m:
        return None
    h, mi, s, ms = (int(x) for x in m.groups())
    return h * 3600 + mi * 60 + s + ms / 1000


def server_start(tree: Path, store: Path) -> dict[str, Any]:
    """A new process of `tree` opens the stopped store and runs one query; the log's loading span."""
    _wait_stopped(store)
    log = store / "server.log"
    offset = log.stat().st_size if log.exists() else 0
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", OPEN, str(store)], cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)),
                         capture_output=True, text=True, check=True)  # fmt: skip
    wall = time.perf_counter() - t0
    import_s, open_s = (float(x) for x in out.stdout.split())
    lines = log.read_bytes()[offset:].decode(errors="replace").splitlines()
    index_lines = [ln for ln in lines if "ndex" in ln or "oaded" in ln or "oading" in ln]
    start = next((_stamp(ln) for ln in lines if "Server initialized" in ln), None)
    ready = next((_stamp(ln) for ln in lines if "Ready to accept connections" in ln), None)
    indexes = next((_stamp(ln) for ln in lines if "Constructing indexes" in ln), None)
    done = next((_stamp(ln) for ln in lines if "Done loading RDB" in ln), None)
    aof = next(
        (float(ln.split(": ")[-1].split()[0]) for ln in lines if "DB loaded from append only file" in ln),
        None,
    )
    return {"wall_s": round(wall, 2), "import_s": import_s, "open_and_query_s": open_s,
            "log_init_to_ready_s": round(ready - start, 2) if start and ready else None,
            "log_indexes_to_rdb_done_s": round(done - indexes, 2) if indexes and done else None,
            "log_aof_loaded_s": aof,
            "log_lines": index_lines[:16]}  # fmt: skip


def warm_fingerprint(tree: Path, store: Path, digest: str) -> dict[str, Any]:
    """`stats --fingerprint` as a new process while another process of the tree holds the server."""
    _wait_stopped(store)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(store)], cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "up"
        cli = run_cli(["stats", "--fingerprint"], store, cwd=tree)
    finally:
        holder.stdin.close()
        holder.wait(120)
    if cli["code"] != 0 or cli["stdout"].strip() != digest:
        raise SystemExit(f"{tree}: warm `stats --fingerprint` gave {cli['stdout']!r}: {cli['stderr']}")
    return {k: cli[k] for k in ("seconds", "cli_mb", "workers_mb")}


def reload(tree: Path, store: Path, corpus: Path) -> dict[str, Any]:
    _wait_stopped(store)
    r = run_cli(["load", str(corpus), "--workers", "2", "--format", "json"], store, cwd=tree)
    if r["code"] != 0:
        raise SystemExit(f"{tree}: reload failed: {r['stderr']}")
    summary = json.loads(r["stdout"])
    return {k: r[k] for k in ("seconds", "cli_mb", "workers_mb", "server_mb")} | {
        "unchanged": summary["unchanged"], "loaded": summary["loaded"]}  # fmt: skip


def one_round(tree: Path, store: Path, corpus: Path, reps: int) -> dict[str, Any]:
    out: dict[str, Any] = {"loadavg_start": loadavg()}
    hub = measure(tree, store, reps)
    out["questions"], out["pages"] = hub["questions"], hub["pages"]
    out["digest"] = hub["fingerprint"]
    out["fingerprint_in_process_s"] = hub["fingerprint_s"]
    out["cli_cold"] = hub["cli_fingerprint"]
    out["loadavg_after_fingerprints"] = loadavg()
    out["server_start"] = server_start(tree, store)
    out["cli_warm"] = warm_fingerprint(tree, store, out["digest"])
    out["loadavg_before_reload"] = loadavg()
    out["reload"] = reload(tree, store, corpus)
    out["loadavg_end"] = loadavg()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", nargs=2, type=Path, required=True, metavar=("TREE", "STORE"))
    parser.add_argument("--after", nargs=2, type=Path, required=True, metavar=("TREE", "STORE"))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    trees = {"before": args.before, "after": args.after}
    stats = {}
    for name, (tree, store) in trees.items():
        _wait_stopped(store)
        r = run_cli(["stats", "--format", "json"], store, cwd=tree)
        s = json.loads(r["stdout"])
        stats[name] = {"relationships": s["total_relationships"], "nodes": s["total_nodes"]}
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for i in range(args.rounds):
        order = list(trees) if i % 2 == 0 else list(reversed(trees))
        for name in order:
            tree, store = trees[name]
            rounds[name].append(one_round(tree.resolve(), store.resolve(), args.corpus, args.reps))
            print(
                name,
                i,
                json.dumps({k: v for k, v in rounds[name][-1].items() if k not in ("questions", "pages")}),
                flush=True,
            )

    def med(name: str, get: Any) -> float:
        return round(statistics.median(get(r) for r in rounds[name]), 2)

    summary: dict[str, Any] = {"stores": stats}
    figures = {
        "cli_cold_s": lambda r: r["cli_cold"]["seconds"],
        "cli_warm_s": lambda r: r["cli_warm"]["seconds"],
        "in_process_s": lambda r: r["fingerprint_in_process_s"],
        "server_start_open_and_query_s": lambda r: r["server_start"]["open_and_query_s"],
        "server_log_aof_loaded_s": lambda r: r["server_start"]["log_aof_loaded_s"],
        "server_log_indexes_s": lambda r: r["server_start"]["log_indexes_to_rdb_done_s"],
        "reload_s": lambda r: r["reload"]["seconds"],
    }
    for key, get in figures.items():
        b, a = med("before", get), med("after", get)
        summary[key] = {"before": b, "after": a, "ratio_before_over_after": round(b / a, 2),
                        "before_rounds": [get(r) for r in rounds["before"]],
                        "after_rounds": [get(r) for r in rounds["after"]]}  # fmt: skip
    summary["peak_mb_cold_cli_fingerprint"] = {
        name: {k: max(r["cli_cold"][k] for r in rounds[name]) for k in ("cli_mb", "workers_mb", "server_mb")}
        for name in trees
    }
    summary["reload_server_peak_mb"] = {
        name: max(r["reload"]["server_mb"] for r in rounds[name]) for name in trees
    }
    summary["digests"] = {name: sorted({r["digest"] for r in rounds[name]}) for name in trees}
    table = []
    for i, b in enumerate(rounds["before"][0]["questions"]):
        a = rounds["after"][0]["questions"][i]
        assert (a["question"], a["case"]) == (b["question"], b["case"])
        row = {
            "question": a["question"],
            "case": a["case"],
            "rows_before": b["rows"],
            "rows_after": a["rows"],
        }
        for name in trees:
            row[f"{name}_p50_ms"] = med(name, lambda r, i=i: r["questions"][i]["p50_ms"])
            row[f"{name}_p95_ms"] = med(name, lambda r, i=i: r["questions"][i]["p95_ms"])
            row[f"{name}_p95_rounds"] = [r["questions"][i]["p95_ms"] for r in rounds[name]]
        row["ratio_p95"] = (
            round(row["before_p95_ms"] / row["after_p95_ms"], 2) if row["after_p95_ms"] else None
        )
        table.append(row)
    summary["questions"] = table
    pages_b, pages_a = rounds["before"][0]["pages"], rounds["after"][0]["pages"]
    summary["pages_differing"] = sorted(k for k in pages_a if pages_b.get(k) != pages_a[k])
    summary["loadavg"] = {
        name: [v for r in rounds[name] for v in (r["loadavg_start"], r["loadavg_end"])] for name in trees
    }
    report = {
        "command": "python bench/after_scale12_10k.py " + " ".join(sys.argv[1:]),
        "summary": summary,
        "rounds": rounds,
    }
    print(json.dumps(summary, indent=1))
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
