"""A corpus of N documents for the load benchmarks: the sample documents, varied.

    python bench/corpus.py --docs 10000 --out /tmp/cg-corpus-10000

Each document is one of examples/london/ (letters, a Q&A page, news) with its people, motion
numbers and titles, amounts, dates and references changed, cut to about 2.9 KB (its opening,
which decides the genre, then whole paragraphs drawn from the rest), so that documents differ
while facts recur across them the way a real corpus's do: the Mayor holds his office in thousands
of documents, the Assembly asks him many different motions. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "london"
TARGET_BYTES = 2900

FIRST = (
    "Amara Ben Chloe Daniel Elif Farah George Hannah Imran Jade Kwame Leila Marcus Nadia Oliver Priya".split()
)
LAST = "Abbott Bailey Carter Dawson Ellis Fletcher Grant Hughes Ingram Jones Lewis Morgan Nash Okafor Patel Quinn".split()
TOPICS = (
    "Safer Cycling Routes|Tube Fares|Temporary Accommodation|Knife Crime|Air Quality|Youth Services|"
    "Fire Safety|Police Front Counters|Affordable Homes|Night Buses|Victims' Services|Flood Defences"
).split("|")
MONTHS = "January February March April May June July August September October November December".split()
_PEOPLE = ("Susan Hall", "Andrew Boff", "Len Duvall", "Rebecca Arnold", "Shaun Bailey")
_MOTION = re.compile(r"Motion (\d+(?:\.\d+)?) – ([^\n]+)")
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (20\d\d)\b")
_MONEY = re.compile(r"£(\d+(?:\.\d+)?)m\b")
_REF = re.compile(r"MGLA\d{6}-\d{4}")


def vary(text: str, rng: random.Random, index: int) -> str:
    """The text with people, motions, dates, amounts and references changed."""
    people = {p: f"{rng.choice(FIRST)} {rng.choice(LAST)}" for p in _PEOPLE}
    for old, new in people.items():
        text = text.replace(old, new)
    motions: dict[str, str] = {}

    def motion(m: re.Match[str]) -> str:
        key = m.group(0)
        if key not in motions:
            motions[key] = f"Motion {rng.randint(1, 40)}.{rng.randint(1, 9)} – {rng.choice(TOPICS)} ({index})"
        return motions[key]

    text = _MOTION.sub(motion, text)
    year = rng.randint(2016, 2026)
    text = _DATE.sub(lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}", text)
    text = _MONEY.sub(lambda m: f"£{rng.randint(1, 99)}.{rng.randint(0, 9)}m", text)
    return _REF.sub(f"MGLA{index % 1000000:06d}-{rng.randint(1000, 9999)}", text)


def cut(text: str, rng: random.Random, size: int = TARGET_BYTES) -> str:
    """The opening (first 1,200 characters, to a paragraph end), then random later paragraphs."""
    paragraphs = text.split("\n")
    head, rest, length = [], [], 0
    for i, para in enumerate(paragraphs):
        if length < 1200:
            head.append(para)
            length += len(para) + 2
        else:
            rest = paragraphs[i:]
            break
    rng.shuffle(rest)
    for para in rest:
        if length + len(para) > size:
            continue
        head.append(para)
        length += len(para) + 2
    return "\n".join(head)


def generate(count: int, out: Path, seed: int = 11) -> list[Path]:
    """Write `count` documents into `out` (kept when it already holds them); returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{i // 1000:03d}" / f"doc{i:06d}.txt" for i in range(count)]
    if all(p.exists() for p in (paths[0], paths[-1])) and len(list(out.rglob("*.txt"))) == count:
        return paths
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i, path in enumerate(paths):
        path.parent.mkdir(exist_ok=True)
        text = cut(vary(seeds[i % len(seeds)], rng, i), rng)
        path.write_text(text + f"\n\nReference {i}.\n", encoding="utf-8")
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    paths = generate(args.docs, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB ({size / len(paths):,.0f} bytes each) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
