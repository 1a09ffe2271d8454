"""Extraction throughput: MB of text per second on one core and on all cores.

    python bench/bench_extract.py [--mb 50] [--workers 2] [--spacy PYTHON]

The corpus is the sample documents repeated with their names and numbers varied (so no two
documents are byte-identical) until it holds --mb megabytes of text. The same text then goes
through civicgraph's extractor in one process and in --workers processes. With --spacy PYTHON
(an interpreter that has spaCy and a small English model) the same text also goes through a
spaCy NER pass, the obvious alternative, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.facts import DocumentInfo  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.registry import Registry  # noqa: E402

NAMES = ["Alex Morgan", "Priya Shah", "Tom Reid", "Grace Obi", "Lena Kurz", "Sam Patel"]


def corpus(megabytes: float) -> list[str]:
    """Sample documents, varied, until the corpus holds `megabytes` MB of UTF-8 text."""
    rng = random.Random(7)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/london").glob("*.txt"))]
    docs, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        text = seeds[i % len(seeds)]
        text = text.replace("Susan Hall", rng.choice(NAMES)).replace(
            "2.4m", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}m"
        )
        text += f"\n\nReference {i}.\n"
        docs.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return docs


_REGISTRY: Registry | None = None


def _extract(args: tuple[int, str]) -> int:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = Registry.load()
    i, text = args
    doc = DocumentInfo(name=f"doc{i}.txt", sha256=f"{i:064x}", text=text, path=f"doc{i}.txt")
    return len(extract(doc, _REGISTRY).facts)


def run(docs: list[str], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    if workers == 1:
        facts = sum(map(_extract, enumerate(docs)))
    else:
        with ProcessPoolExecutor(workers) as pool:
            facts = sum(pool.map(_extract, enumerate(docs), chunksize=16))
    return time.perf_counter() - start, facts


SPACY = """
import sys, time, spacy
nlp = spacy.load(sys.argv[1], disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
nlp.max_length = 10_000_000
texts = open(sys.argv[2], encoding="utf-8").read().split("\\x1e")
start = time.perf_counter(); n = 0
for doc in nlp.pipe(texts, batch_size=16):
    n += len(doc.ents)
print(time.perf_counter() - start, n)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--spacy", help="python with spaCy installed, for the NER comparison")
    ap.add_argument("--spacy-model", default="en_core_web_sm")
    ap.add_argument("--spacy-mb", type=float, default=5, help="spaCy is slow: measure it on this many MB")
    args = ap.parse_args()
    docs = corpus(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    result = {"corpus_mb": round(mb, 1), "documents": len(docs)}
    seconds, facts = run(docs, 1)
    result["one_core"] = {"seconds": round(seconds, 1), "mb_per_s": round(mb / seconds, 2), "facts": facts}
    seconds, facts = run(docs, args.workers)
    result[f"{args.workers}_workers"] = {
        "seconds": round(seconds, 1),
        "mb_per_s": round(mb / seconds, 2),
        "facts": facts,
    }
    if args.spacy:
        small = corpus(args.spacy_mb)
        small_mb = sum(len(d.encode("utf-8")) for d in small) / 1e6
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
            fh.write("\x1e".join(small))
        out = subprocess.run(
            [args.spacy, "-c", SPACY, args.spacy_model, fh.name], capture_output=True, text=True, check=True
        )
        os.unlink(fh.name)
        seconds, ents = out.stdout.split()
        spacy_rate = small_mb / float(seconds)
        result["spacy_ner_one_core"] = {
            "corpus_mb": round(small_mb, 1),
            "seconds": round(float(seconds), 1),
            "mb_per_s": round(spacy_rate, 2),
            "entities": int(ents),
        }
        result["ratio_civicgraph_vs_spacy_one_core"] = round(result["one_core"]["mb_per_s"] / spacy_rate, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
