"""Reopening a large embedded store: how long the server takes to come back with its data.

    python bench/bench_reopen.py [--rels 100000] [--folder DIR]

Builds a store of --rels relationships with batched upserts, closes it (the server stops), then
times a fresh open and first query. A restart loads the append-only file's snapshot base plus
its short tail, not a replay of every write (see `auto-aof-rewrite-min-size` in graph/embedded.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.facts import Batch  # noqa: E402
from graph.store import open_store  # noqa: E402


def build(uri: str, rels: int, per_batch: int = 2000) -> float:
    start = time.perf_counter()
    people = max(2, rels // 2)
    with open_store(uri) as st:
        for b in range(0, rels, per_batch):
            n = min(per_batch, rels - b)
            nodes = [
                {"label": "Person", "id": f"p{i}", "props": {"name": f"Person {i}"}}
                for i in range(b // 2, b // 2 + n // 2 + 1)
            ]
            edges = [
                {
                    "type": "FUNDS",
                    "key": f"k{i}",
                    "src": f"p{i // 2}",
                    "src_label": "Person",
                    "dst": f"p{(i * 7) % people}",
                    "dst_label": "Person",
                    "props": {"amount_gbp": i},
                    "evidence": [
                        {
                            "key": f"e{i}",
                            "doc": "d.txt",
                            "doc_id": "x" * 64,
                            "quote": "q" * 200,
                            "start": 0,
                            "end": 200,
                        }
                    ],
                }
                for i in range(b, b + n)
            ]
            st.upsert(Batch(nodes=nodes, rels=edges))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rels", type=int, default=100_000)
    ap.add_argument("--folder")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="cg-reopen-")
    uri = f"embedded:{folder}"
    built = build(uri, args.rels)
    start = time.perf_counter()
    with open_store(uri) as st:
        count = st.run("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    reopen = time.perf_counter() - start
    aof = sum(p.stat().st_size for p in (Path(folder) / "appendonlydir").glob("*"))
    print(
        json.dumps(
            {
                "relationships": count,
                "build_s": round(built, 1),
                "reopen_s": round(reopen, 2),
                "aof_bytes": aof,
                "folder": folder,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
