"""Per-relation recall and precision of the extractor on each evaluation set, as a Markdown table.

    python bench/extraction_report.py SET_DIR [SET_DIR...]

EXTRACTION.md's tables are this script's output (the sets: bench/eval/real, bench/real/dev,
bench/eval/seeds, and any folder of the same layout).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_real import score_set  # noqa: E402


def main() -> None:
    results = [score_set(Path(p)) for p in sys.argv[1:]]
    names = [Path(p).name if Path(p).name != "docs" else Path(p).parent.name for p in sys.argv[1:]]
    print("| set | docs | gold facts | recall | precision (lower bound) |")
    print("|---|---:|---:|---:|---:|")
    for name, r in zip(names, results, strict=True):
        print(
            f"| {name} | {r['docs']} | {r['gold']} | {r['recall']:.3f} | {r['precision_lower_bound']:.3f} |"
        )
    preds = sorted({p for r in results for p in r["per_predicate"]})
    print()
    print("| relation | " + " | ".join(f"{n} R (found/gold) / P" for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    for pred in preds:
        cells = []
        for r in results:
            v = r["per_predicate"].get(pred)
            if v is None:
                cells.append("-")
                continue
            rec = f"{v['found']}/{v['gold']}" if v["gold"] else "0/0"
            prec = f"{v['correct'] / v['facts']:.2f}" if v["facts"] else "-"
            cells.append(f"{rec} / {prec}")
        print(f"| {pred} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
