"""A question's own count (`// count`, queries/catalog.py) against the count paging.py derives
from its statement, timed alone, alternated in one process on one loaded store:

    PYTHONPATH=. python bench/bench_count.py --store /abs/path/STORE [--question timeline] [--reps 30]

For no actor, the hub ("Sadiq Khan") and a small actor (--small, a name with a few facts), with
the question's example parameters: p50, p95 and the fastest of --reps runs after two warm-ups,
each statement run in turn so that a busy spell of a shared machine falls on both. Before timing,
and for a few more date ranges, both counts must give the same months and rows, or the run fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.falkor import EmbeddedFalkorStore  # noqa: E402
from queries.catalog import load_catalog  # noqa: E402
from queries.paging import derived_count  # noqa: E402
from queries.resolve import prepare  # noqa: E402

RANGES = [
    (None, None),
    ("2025-03", "2025-09-15"),
    ("2025-12-20", "2026-12-31"),
    ("2024", None),
    (None, "2024-06"),
]


def _groups(store: EmbeddedFalkorStore, cypher: str, params: dict[str, Any]) -> dict[str, int]:
    groups: dict[str, int] = {}
    for row in store.run(cypher, params):
        groups[row["group"]] = groups.get(row["group"], 0) + int(row["rows"])
    return groups


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="an embedded store folder, loaded")
    parser.add_argument("--question", default="timeline")
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--small", default="Chloe Dawson", help="an actor with a few facts")
    args = parser.parse_args()
    question = load_catalog()[args.question]
    if question.count is None:
        raise SystemExit(f"{args.question} gives no count of its own")
    statements = {"derived": derived_count(question), "own": question.count}
    examples = {k: v for k, v in question.example_params().items() if k not in question.actor_params}
    cases = {"no actor": {}, "hub": {"actor": "Sadiq Khan"}, "small": {"actor": args.small}}
    out = []
    with EmbeddedFalkorStore(str(args.store), timeout_ms=120_000) as store:
        for case, actor in cases.items():
            params = prepare(store, question, examples | actor).params
            for since, until in [(params.get("since"), params.get("until")), *RANGES]:
                ranged = params | {"since": since, "until": until}
                derived = _groups(store, statements["derived"], ranged)
                if _groups(store, statements["own"], ranged) != derived:
                    raise SystemExit(f"{case} {since}..{until}: the counts differ")
            rows = sum(_groups(store, statements["own"], params).values())
            times: dict[str, list[float]] = {name: [] for name in statements}
            for i in range(args.reps + 2):
                for name, cypher in statements.items():
                    t0 = time.perf_counter()
                    store.run(cypher, params)
                    if i >= 2:
                        times[name].append((time.perf_counter() - t0) * 1000)
            for name, taken in times.items():
                taken.sort()
                out.append({"case": case, "count": name, "rows": rows,
                            "p50_ms": round(statistics.median(taken), 1),
                            "p95_ms": round(taken[max(0, int(0.95 * len(taken)) - 1)], 1),
                            "min_ms": round(taken[0], 1)})  # fmt: skip
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
