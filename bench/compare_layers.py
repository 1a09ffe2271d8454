"""Rules versus parser, per relation family: recall and precision of each layer on real sets.

    python bench/compare_layers.py SET_DIR [SET_DIR...]

For each family, four configurations are scored on the union of the sets: the structure alone
(layout and appositions), structure + the first extractor's rules, structure + the parser layer,
and structure + both. EXTRACTION.md's comparison table is this script's output.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_real import score_set  # noqa: E402

CONFIGS = {
    "structure": "layout,apposition",
    "+rules": "layout,apposition,rules",
    "+parser": "layout,apposition,parser",
    "+both": "layout,apposition,rules,parser",
}


def main() -> None:
    sets = [Path(p) for p in sys.argv[1:]]
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for name, layers in CONFIGS.items():
        os.environ["CIVICGRAPH_LAYERS"] = layers
        for folder in sets:
            r = score_set(folder)
            for pred, v in r["per_predicate"].items():
                row = table[pred][name]
                row[0] += v["found"]
                row[1] += v["gold"]
                row[2] += v["correct"]
                row[3] += v["facts"]
    names = list(CONFIGS)
    print("| family | gold | " + " | ".join(f"{n} R / P" for n in names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for pred in sorted(table):
        cells = []
        for n in names:
            found, gold, correct, facts = table[pred][n]
            p = f"{correct / facts:.2f}" if facts else "-"
            cells.append(f"{found / gold:.2f} / {p}" if gold else f"- / {p}")
        gold = table[pred][names[0]][1]
        print(f"| {pred} | {gold} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
