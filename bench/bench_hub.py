"""The canned questions and the fingerprint on one loaded store: this tree against another
checkout of the code (main, say), in the same run.

    git -C /work/main archive main | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python bench/bench_hub.py --store /tmp/s/store10k --before /tmp/base [--rounds 2] [--out FILE]

The store is one `civicgraph load` built (bench_load.py builds them; keep one with
`civicgraph --store embedded:DIR load CORPUS`). For each tree, in alternated rounds so that a busy
spell of a shared machine falls on both:
- every canned question for the hub ("Sadiq Khan", the Mayor) and with no actor, as
  `civicgraph ask` runs them (the name resolved, then a page of 100 rows and the total): p50 and
  p95 of --reps runs after two warm-ups, in a process of that tree holding the store open
  (bench_load.py `ask_all`, which main has too), and the first two pages (rows 1-100 and
  101-200, with the total) of each of those answers, hashed: the two trees must give the same
  pages, row for row, or the run fails;
- the fingerprint in that process (the server running): seconds and the digest;
- `civicgraph stats --fingerprint` in a new process of that tree with the server stopped first,
  as a user runs it and as bench_load.py measures it: wall time, peak memory of the CLI, of the
  processes it starts (summed) and of the server (whose start, which loads the store, is part of
  the time).
Both trees read the same store, so they must give the same digest; the run fails otherwise.
`--no-fingerprint` measures the questions alone (the fingerprint of a million relationships
takes minutes a round).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import run_cli, write_report  # noqa: E402
from graph.embedded import server_status  # noqa: E402

# Run inside each tree (its own bench/, graph/ and queries/): the questions as bench_load.py's
# `ask_all` times them (which main has too), while this process holds the store open, then the
# fingerprint with the server running.
PROBE = """
import hashlib, json, sys, time
from bench.bench_load import ask_all
from graph.falkor import EmbeddedFalkorStore
from graph.fingerprint import fingerprint
from queries.catalog import load_catalog
from queries.paging import run_page
from queries.resolve import prepare

folder, reps, fp = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
with EmbeddedFalkorStore(folder) as st:
    questions = ask_all(folder, reps)
    pages = {}
    for q in load_catalog().values():  # the pages ask_all times, kept to compare the trees
        for item in questions:
            if item["question"] != q.name:
                continue
            raw = {k: v for k, v in q.example_params().items() if k not in q.actor_params}
            if item["case"] == "hub":
                raw = q.example_params() | {q.actor_params[0]: "Sadiq Khan"}
            params = prepare(st, q, raw).params
            for offset in (0, 100):
                page = run_page(st, q, params, offset=offset)
                text = json.dumps([page.total, page.rows], sort_keys=True, default=str)
                pages[f"{q.name}|{item['case']}|{offset}"] = hashlib.sha256(text.encode()).hexdigest()
    t0 = time.perf_counter()
    digest = fingerprint(st) if fp else None
    seconds = time.perf_counter() - t0
print(json.dumps({"questions": questions, "pages": pages, "fingerprint": digest, "fingerprint_s": round(seconds, 2)}))
"""


def _wait_stopped(store: Path, limit_s: float = 60) -> None:
    """Until the embedded server of `store` has stopped (the last process out stops it)."""
    deadline = time.monotonic() + limit_s
    while server_status(store)["running"]:
        if time.monotonic() > deadline:
            raise SystemExit(f"{store}: the server is still running; close what holds it")
        time.sleep(0.2)


def measure(tree: Path, store: Path, reps: int, fingerprints: bool = True) -> dict[str, Any]:
    """One round of one tree: the questions (and the first two pages of each answer, hashed) and
    the fingerprint with the server up, then the CLI's fingerprint from a stopped server."""
    _wait_stopped(store)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(store), str(reps), "1" if fingerprints else "0"],
        cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)), capture_output=True, text=True,
    )  # fmt: skip
    if probe.returncode != 0:
        raise SystemExit(f"{tree}: the probe failed: {probe.stderr[-2000:]}")
    result = json.loads(probe.stdout)
    if not fingerprints:
        return result
    _wait_stopped(store)
    cli = run_cli(["stats", "--fingerprint"], store, cwd=tree)
    if cli["code"] != 0 or cli["stdout"].strip() != result["fingerprint"]:
        raise SystemExit(f"{tree}: `stats --fingerprint` gave {cli['stdout']!r}: {cli['stderr']}")
    result["cli_fingerprint"] = {k: cli[k] for k in ("seconds", "cli_mb", "workers_mb", "server_mb")}
    return result


def _median(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per question and case, the median over rounds of p50 and p95; the fingerprints' medians."""
    out: dict[str, Any] = {"questions": []}
    for i, first in enumerate(rounds[0]["questions"]):
        out["questions"].append(
            first | {k: statistics.median(r["questions"][i][k] for r in rounds) for k in ("p50_ms", "p95_ms")}
        )
    out["pages"] = rounds[0]["pages"]
    if "cli_fingerprint" not in rounds[0]:
        return out
    out["fingerprint_s"] = statistics.median(r["fingerprint_s"] for r in rounds)
    out["cli_fingerprint_s"] = statistics.median(r["cli_fingerprint"]["seconds"] for r in rounds)
    out["cli_fingerprint_mb"] = max(r["cli_fingerprint"]["cli_mb"] for r in rounds)
    out["workers_mb"] = max(r["cli_fingerprint"]["workers_mb"] for r in rounds)
    out["server_mb"] = max(r["cli_fingerprint"]["server_mb"] for r in rounds)
    out["digest"] = rounds[0]["fingerprint"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="an embedded store folder, loaded")
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (its root)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--no-fingerprint", action="store_true", help="the questions alone")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": ROOT}
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            rounds[name].append(measure(tree, args.store, args.reps, not args.no_fingerprint))
    summary = {name: _median(runs) for name, runs in rounds.items()}
    before, after = summary["before"], summary["after"]
    differ = sorted(k for k in after["pages"] if before["pages"].get(k) != after["pages"][k])
    if differ:
        raise SystemExit(f"the two trees answer these pages differently: {', '.join(differ)}")
    table = []
    for b, a in zip(before["questions"], after["questions"], strict=True):
        table.append({"question": a["question"], "case": a["case"], "rows": a["rows"],
                      "before_p95_ms": b["p95_ms"], "after_p95_ms": a["p95_ms"],
                      "before_p50_ms": b["p50_ms"], "after_p50_ms": a["p50_ms"],
                      "ratio_p95": round(b["p95_ms"] / a["p95_ms"], 1) if a["p95_ms"] else None})  # fmt: skip
        if b["rows"] != a["rows"]:
            raise SystemExit(f"{a['question']} ({a['case']}): {b['rows']} rows before, {a['rows']} after")
    report: dict[str, Any] = {
        "command": "python bench/bench_hub.py " + " ".join(sys.argv[1:]),
        "questions": table,
        "pages_compared": len(after["pages"]),
        "rounds": rounds,
    }
    if not args.no_fingerprint:
        if before["digest"] != after["digest"]:
            raise SystemExit("the two trees give different fingerprints for the same store")
        report["fingerprint"] = {
            "digest": after["digest"],
            "in_process_s": {"before": before["fingerprint_s"], "after": after["fingerprint_s"]},
            "cli_cold_s": {"before": before["cli_fingerprint_s"], "after": after["cli_fingerprint_s"]},
            "cli_peak_mb": {"before": before["cli_fingerprint_mb"], "after": after["cli_fingerprint_mb"]},
            "cli_helpers_peak_mb": {"before": before["workers_mb"], "after": after["workers_mb"]},
            "server_peak_mb": {"before": before["server_mb"], "after": after["server_mb"]},
        }
    print(json.dumps({k: v for k, v in report.items() if k != "rounds"}, indent=2))
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
