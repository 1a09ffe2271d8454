"""The fuzzing of issue 6, long: tests/test_fuzz.py's properties with many examples each.

    python bench/fuzz_long.py [--examples 20000] [--seed 1] [-k EXPR]

Runs pytest on tests/test_fuzz.py with CIVICGRAPH_FUZZ_EXAMPLES=--examples (CI uses 60) and
hypothesis's statistics, then prints, for each property, the examples that passed and failed as
hypothesis counted them, and the total. Exit code 1 when any property failed (pytest's output,
with the failing example, is printed then).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TEST = re.compile(r"^tests/test_fuzz\.py::(\w+):")
_COUNT = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-k", default=None, help="only the properties pytest -k selects")
    args = parser.parse_args()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py",
               "--hypothesis-show-statistics", f"--hypothesis-seed={args.seed}"]  # fmt: skip
    if args.k:
        command += ["-k", args.k]
    began = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, env={**os.environ, "CIVICGRAPH_FUZZ_EXAMPLES": str(args.examples)},
        capture_output=True, text=True,
    )  # fmt: skip
    took = time.monotonic() - began
    counts: dict[str, list[int]] = {}
    current = None
    for line in done.stdout.splitlines():
        if m := _TEST.match(line.strip()):
            current = m.group(1)
        elif (m := _COUNT.search(line)) and current:
            totals = counts.setdefault(current, [0, 0, 0])
            for i in range(3):
                totals[i] += int(m.group(i + 1))
    width = max((len(n) for n in counts), default=10)
    print(f"{'property':{width}}  passing  failing  invalid")
    for name, (passing, failing, invalid) in counts.items():
        print(f"{name:{width}}  {passing:7}  {failing:7}  {invalid:7}")
    passing = sum(c[0] for c in counts.values())
    failing = sum(c[1] for c in counts.values())
    print(
        f"total: {passing} examples passed, {failing} failed, over {len(counts)} properties "
        f"(--examples {args.examples}, --seed {args.seed}) in {took / 60:.1f} min; pytest exit {done.returncode}"
    )
    if done.returncode != 0:
        print(done.stdout[-6000:], done.stderr[-2000:], sep="\n")
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
