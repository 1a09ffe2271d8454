"""The writer's throughput, this tree against another checkout of the code (main, say), in the
same run, on the same prepared documents.

    git -C /work/main archive main | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python bench/bench_write_before.py --before /tmp/base --docs 10000 [--rounds 3] [--rules-only] [--out FILE]

The documents of bench/corpus.py's corpus of --docs (cached under --corpus-dir) are prepared once,
in this tree (read, extracted and turned into upsert rows in --workers processes, as `load`'s
workers do; --rules-only without the language layer, bench_load.py `rules_only`), and kept in a
file. Then, in alternated rounds so that a busy spell of a shared machine falls on both, a process
of each tree writes them into a fresh embedded store as `load`'s writer sends them: each group of
--group documents merged (graph/upsert.py merge_rows) and sent as one statement
(`Store.upsert`), timing only the statements. Relationships per second count the documents'
relationship rows (facts and mentions); the report gives each tree's median and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_load import prepared_documents, rules_only, write_report  # noqa: E402
from bench.corpus import generate  # noqa: E402

# Run inside each tree (its own graph/): write the pickled rows, a group a statement, timed.
WRITE = """
import json, pickle, sys, time
from graph.falkor import EmbeddedFalkorStore
from graph.upsert import merge_rows

rows_file, folder, group = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(rows_file, "rb") as fh:
    docs = pickle.load(fh)
seconds = 0.0
with EmbeddedFalkorStore(folder) as store:
    store.ensure_schema()
    for start in range(0, len(docs), group):
        merged = merge_rows(docs[start : start + group])
        t0 = time.perf_counter()
        store.upsert(merged)
        seconds += time.perf_counter() - t0
    facts = store.run("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
rels = sum(len(r) for d in docs for r in d.rels.values())
print(json.dumps({"seconds": round(seconds, 2), "rels_per_s": round(rels / seconds), "relationship_rows": rels,
                  "relationships_stored": facts}))
"""


def write_in(tree: Path, rows_file: Path, folder: Path, group: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", WRITE, str(rows_file), str(folder), str(group)],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (its root)")
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--group", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "cg-bench-corpus")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.rules_only:
        rules_only()
    corpus = args.corpus_dir / str(args.docs)
    generate(args.docs, corpus)
    work = Path(tempfile.mkdtemp(prefix="cg-write-"))
    report: dict[str, Any] = {"command": "python bench/bench_write_before.py " + " ".join(sys.argv[1:])}
    try:
        rows_file = work / "rows.pickle"
        with rows_file.open("wb") as fh:
            pickle.dump([d.rows for d in prepared_documents(corpus, args.workers)], fh)
        trees = {"before": args.before.resolve(), "after": ROOT}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for r in range(args.rounds):
            for name, tree in trees.items() if r % 2 == 0 else reversed(trees.items()):
                folder = work / f"{name}-{r}"
                runs[name].append(write_in(tree, rows_file, folder, args.group))
                shutil.rmtree(folder, ignore_errors=True)
                print(json.dumps({"round": r, "tree": name, **runs[name][-1]}), flush=True)
        for name, done in runs.items():
            report[name] = {
                "rels_per_s_median": statistics.median(x["rels_per_s"] for x in done),
                "rounds_rels_per_s": [x["rels_per_s"] for x in done],
                "relationships_stored": done[0]["relationships_stored"],
            }
        report["ratio_after_to_before"] = round(
            report["after"]["rels_per_s_median"] / report["before"]["rels_per_s_median"], 3
        )
        print(json.dumps(report, indent=2), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
