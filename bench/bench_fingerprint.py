"""`civicgraph stats --fingerprint` from a stopped server: this tree against another, each tree on a
store of its own (copies of one store), rounds alternating which tree goes first.

    git -C /work/main worktree add --detach BASE_TREE BASE_COMMIT
    cp -a STORE STORE_BASE && cp -a STORE STORE_NEW
    PYTHONPATH=. python bench/bench_fingerprint.py --before BASE_TREE STORE_BASE --after . STORE_NEW \
        --rounds 5 --out bench/results/fingerprint-10k.json

Each round, for each tree in turn (before, after; then after, before; ...):
- `civicgraph stats --fingerprint` as a new process of the tree, the server stopped first: wall
  time (bench_load.run_cli: the process from its start to its exit) and peak memory of the CLI,
  of the processes it starts and of the server;
- the same with the phases timed inside one process of the tree (PHASES below): importing the
  store code, opening the stopped store (the server's start), the fingerprint itself, closing
  (the server's stop), with the CPU seconds of that process, of its share processes and of the
  server while the fingerprint ran.
The 1-minute load average (/proc/loadavg) is recorded before and after each figure, and the
digests must be one for both trees. `--wait-idle 0.75` starts the rounds only once the machine's
CPU was 75 % idle over 3 s (a quiet spell of a shared machine). A measurement script, not a test.
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

from bench.bench_hub import _wait_stopped
from bench.bench_load import loadavg, run_cli, write_report

PHASES = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from graph.falkor import EmbeddedFalkorStore
from graph.fingerprint import fingerprint
t1 = time.perf_counter()

def cpu(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

st = EmbeddedFalkorStore(sys.argv[1])
st.run("RETURN 1")
t2 = time.perf_counter()
server = st.server.pid
s0 = cpu(server)
digest = fingerprint(st)
t3 = time.perf_counter()
s1 = cpu(server)
st.close()
t4 = time.perf_counter()
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"digest": digest, "import_s": round(t1 - t0, 3), "open_s": round(t2 - t1, 3),
                  "fingerprint_s": round(t3 - t2, 3), "close_s": round(t4 - t3, 3), "total_s": round(t4 - t0, 3),
                  "cpu_process_s": round(me.ru_utime + me.ru_stime, 2),
                  "cpu_share_processes_s": round(kids.ru_utime + kids.ru_stime, 2),
                  "cpu_server_during_fingerprint_s": round(s1 - s0, 2)}))
"""


def idle_share(seconds: float = 3.0) -> float:
    """The share of the machine's CPU time that was idle over `seconds` (/proc/stat)."""

    def snap() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return values[3] + values[4], sum(values)

    idle0, total0 = snap()
    time.sleep(seconds)
    idle1, total1 = snap()
    return (idle1 - idle0) / max(1, total1 - total0)


def wait_idle(fraction: float, limit_s: float) -> float:
    """Until the CPU was at least `fraction` idle over 3 s (or `limit_s` passed); that share."""
    deadline = time.monotonic() + limit_s
    while True:
        share = idle_share()
        if share >= fraction or time.monotonic() > deadline:
            return share
        time.sleep(7)


def cold_cli(tree: Path, store: Path) -> dict[str, Any]:
    _wait_stopped(store)
    before = loadavg()
    r = run_cli(["stats", "--fingerprint"], store, cwd=tree)
    if r["code"] != 0:
        raise SystemExit(f"{tree}: `stats --fingerprint` failed: {r['stderr']}")
    return {"digest": r["stdout"].strip(), "loadavg_before": before, "loadavg_after": loadavg()} | {
        k: r[k] for k in ("seconds", "cli_mb", "workers_mb", "server_mb")
    }


def phases(tree: Path, store: Path) -> dict[str, Any]:
    _wait_stopped(store)
    before = loadavg()
    out = subprocess.run([sys.executable, "-c", PHASES, str(store)], cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree)),
                         capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(out.stdout) | {"loadavg_before": before, "loadavg_after": loadavg()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", nargs=2, type=Path, required=True, metavar=("TREE", "STORE"))
    parser.add_argument("--after", nargs=2, type=Path, required=True, metavar=("TREE", "STORE"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--wait-idle",
        type=float,
        metavar="FRACTION",
        help="start only once the CPU was this idle over 3 s (a quiet spell of a shared machine)",
    )
    parser.add_argument(
        "--wait-limit", type=float, default=1800, help="seconds to wait at most for --wait-idle"
    )
    args = parser.parse_args()  # fmt: skip
    trees = {"before": args.before, "after": args.after}
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    idle = wait_idle(args.wait_idle, args.wait_limit) if args.wait_idle else None
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for i in range(args.rounds):
        order = list(trees) if i % 2 == 0 else list(reversed(trees))
        for name in order:
            tree, store = (p.resolve() for p in trees[name])
            rounds[name].append({"cli": cold_cli(tree, store), "phases": phases(tree, store)})
            print(name, i, json.dumps(rounds[name][-1]), flush=True)
    digests = {r[k]["digest"] for name in trees for r in rounds[name] for k in ("cli", "phases")}
    if len(digests) != 1:
        raise SystemExit(f"the trees gave different digests: {sorted(digests)}")

    def med(name: str, get: Any) -> float:
        return round(statistics.median(get(r) for r in rounds[name]), 2)

    figures = {
        "cli_cold_s": lambda r: r["cli"]["seconds"],
        "phases_total_s": lambda r: r["phases"]["total_s"],
        "import_s": lambda r: r["phases"]["import_s"],
        "open_s": lambda r: r["phases"]["open_s"],
        "fingerprint_s": lambda r: r["phases"]["fingerprint_s"],
        "close_s": lambda r: r["phases"]["close_s"],
        "cpu_process_s": lambda r: r["phases"]["cpu_process_s"],
        "cpu_share_processes_s": lambda r: r["phases"]["cpu_share_processes_s"],
        "cpu_server_during_fingerprint_s": lambda r: r["phases"]["cpu_server_during_fingerprint_s"],
    }
    summary: dict[str, Any] = {"digest": digests.pop(), "started": started, "idle_at_start": idle}
    for key, get in figures.items():
        b, a = med("before", get), med("after", get)
        summary[key] = {"before": b, "after": a, "ratio_before_over_after": round(b / a, 2) if a else None,
                        "before_rounds": [get(r) for r in rounds["before"]],
                        "after_rounds": [get(r) for r in rounds["after"]]}  # fmt: skip
    summary["peak_mb_cli"] = {
        name: {k: max(r["cli"][k] for r in rounds[name]) for k in ("cli_mb", "workers_mb", "server_mb")}
        for name in trees
    }
    summary["loadavg_cli"] = {
        name: [(r["cli"]["loadavg_before"], r["cli"]["loadavg_after"]) for r in rounds[name]]
        for name in trees
    }
    report = {
        "command": "python bench/bench_fingerprint.py " + " ".join(sys.argv[1:]),
        "summary": summary,
        "rounds": rounds,
    }
    print(json.dumps(summary, indent=1))
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
