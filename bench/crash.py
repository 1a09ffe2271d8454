"""The crash loop of issue 6, longer than CI's: kill loads at many random moments, check, reload.

    python bench/crash.py [--kills 25] [--documents 400] [--seed 1] [--workers 1] [--kinds cli,server]

A corpus of --documents generated documents (tests/crashkit.py: letters, question pages, press
releases and news reports from small templates) is loaded once cleanly while this process reads
the store as fast as it can (every snapshot must show each document whole or absent); that load
gives the reference fingerprint. Then, for each kind of kill (the `civicgraph load` process, and
the embedded redis-server under it), --kills kill points are tried, spread over the load and
placed at random (seeded): each starts a load on an empty store, sends SIGKILL once the journal
holds the chosen number of documents plus a random 0-60 ms, checks that only whole documents are
in the store (and that a load that went on after a server kill has everything it reported), loads
the folder again and compares the fingerprint with the reference. A kill point survives when all
of that holds.

Prints one line per kill point and a summary: tried, survived, mid-load (the kill came while
some but not all documents were in the journal) per kind; writes the same as JSON to --out.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import crashkit as ck  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=25, help="kill points per kind")
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", default="cli,server", help="cli, server or both (comma-separated)")
    parser.add_argument("--workers", type=int, default=1, help="civicgraph load --workers")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "crash.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cg-crash-"))
    try:
        corpus = work / "corpus"
        paths = ck.write_corpus(corpus, args.documents, seed=args.seed)
        whole = ck.expected(paths)
        began = time.monotonic()
        watched = ck.watched_load(work / "clean", whole, str(corpus))
        if watched.exit_code != 0:
            print(f"the clean load failed: {watched.stderr[-1000:]}", file=sys.stderr)
            return 1
        with ck.open_store(work / "clean") as store:
            reference = ck.fingerprint(store)
        pieces = sum(len(p) for p in whole.pieces.values())
        print(
            f"corpus: {args.documents} documents, {pieces} evidence pieces; clean load {time.monotonic() - began:.1f} s; "
            f"reader: {watched.polls} snapshots, {len(watched.problems)} with a half document"
        )
        rng = random.Random(args.seed)
        points = []
        for kind in args.kinds.split(","):
            for _, after, extra in ck.kill_points(rng, kind, args.kills, args.documents):
                folder = work / f"store-{len(points)}"
                point = ck.crash_and_recover(
                    kind, corpus, folder, after, extra, whole, reference, args.workers
                )
                points.append(point)
                shutil.rmtree(folder, ignore_errors=True)
                print(
                    f"{kind:6} kill at {point.progress!s:>4} of {args.documents} in the journal "
                    f"(after {after} + {extra * 1000:2.0f} ms), first exit {point.first_exit!s:>3}: "
                    f"{'survived' if point.survived else 'LOST: ' + '; '.join(point.problems[:3])} ({point.seconds:.1f} s)",
                    flush=True,
                )
        summary = ck.summarize(points, args.documents)
        total = {"tried": len(points), "survived": sum(p.survived for p in points)}
        print(
            json.dumps({"by_kind": summary, "total": total, "reader_half_documents": len(watched.problems)})
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps(
                {
                    "command": " ".join(["python", *sys.argv]),
                    "documents": args.documents,
                    "seed": args.seed,
                    "workers": args.workers,
                    "by_kind": summary,
                    "total": total,
                    "reader": {"snapshots": watched.polls, "half_documents": len(watched.problems)},
                    "points": [
                        {
                            "kind": p.kind,
                            "after_docs": p.after_docs,
                            "extra_ms": round(p.extra_s * 1000),
                            "progress": p.progress,
                            "first_exit": p.first_exit,
                            "survived": p.survived,
                            "problems": p.problems[:5],
                        }  # fmt: skip
                        for p in points
                    ],
                },
                indent=2,
            )
        )
        return 0 if total["survived"] == total["tried"] and not watched.problems else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
