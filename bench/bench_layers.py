"""Extraction speed on real pages: the first extractor's rules against the chain with the language
layer, in the same run; the memory of a worker with the model loaded; and `load` on 1 and 2 workers.

    python bench/bench_layers.py [--mb 2] [--load-docs 400]
    python bench/bench_layers.py --components [--mb 0.3]   # where the chain's CPU goes, cold

The corpus is the real pages of bench/eval/real, bench/real/dev and the samples, repeated until it
holds --mb MB (each copy renamed, so the store sees distinct documents). "rules" runs the chain
without its `parse` and `relations` components (what the first extractor did: page reading, the
linker, the regular-expression rules and quotes); "chain" runs every component. Speed is MB of
text per second of CPU on one core (process time, so another user of the machine does not count).

The language layer keeps parsed sentences per process (loaders/nlp/model.py), so a copy of a page
would cost almost nothing: "chain, cold" empties that cache before every document (what a corpus
of all-different pages costs), "chain, warm" keeps it (a corpus whose pages share their
boilerplate; on these repeated copies it is an upper bound).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.facts import DocumentInfo  # noqa: E402
from loaders import chain as chain_module  # noqa: E402
from loaders.document import Doc  # noqa: E402
from loaders.extract import default_registry  # noqa: E402

SETS = [ROOT / "bench/eval/real/docs", ROOT / "bench/real/dev/docs", ROOT / "examples/london"]


def pages() -> list[tuple[str, str]]:
    out = []
    for folder in SETS:
        for p in sorted(folder.glob("*.txt")):
            out.append((p.name, p.read_text(encoding="utf-8")))
    return out


def corpus(megabytes: float) -> list[tuple[str, str]]:
    base = pages()
    docs, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        name, text = base[i % len(base)]
        docs.append((f"{i:05d}_{name}", text))
        size += len(text.encode("utf-8"))
        i += 1
    return docs


def run(docs: list[tuple[str, str]], components, cold: bool = False) -> tuple[float, int]:
    """CPU seconds and facts for extracting `docs` with the chain `components`; `cold` empties
    the parsed-sentence cache before each document."""
    from loaders.nlp import model

    registry = default_registry()
    facts = 0
    t0 = time.process_time()
    for name, text in docs:
        if cold:
            model._cache.clear()
        doc = Doc(info=DocumentInfo(name=name, sha256=name, text=text), registry=registry)
        chain_module.run_chain(doc, components)
        facts += len(doc.facts)
    return time.process_time() - t0, facts


def by_component(docs: list[tuple[str, str]]) -> dict[str, float]:
    """CPU seconds of each chain component over `docs`, cold (the parse's cache emptied before
    each document), and of each of the language model's pipes on the sentences it parsed (run
    pipe by pipe over a document's sentences, as `nlp.pipe` does them in one batch)."""
    from collections import Counter

    from loaders.nlp import model

    nlp = model.pipeline()
    registry = default_registry()
    spent: Counter = Counter()

    def staged(stream, batch_size=64):  # type: ignore[no-untyped-def]
        sdocs = list(stream)
        for name, proc in nlp.pipeline:
            t = time.process_time()
            if hasattr(proc, "pipe"):
                sdocs = list(proc.pipe(sdocs, batch_size=batch_size))
            else:
                sdocs = [proc(d) for d in sdocs]
            spent[f"  pipe {name}"] += time.process_time() - t
        return sdocs

    nlp.pipe = staged
    try:
        for doc_name, text in docs:
            model._cache.clear()
            doc = Doc(info=DocumentInfo(name=doc_name, sha256=doc_name, text=text), registry=registry)
            for component in chain_module.CHAIN:
                t = time.process_time()
                component.run(doc)
                spent[component.name] += time.process_time() - t
    finally:
        del nlp.pipe
    return dict(spent)


def worker_memory() -> dict:
    """Peak resident memory of a fresh process that loads the model and extracts every page."""
    code = (
        f"import resource, sys, json; sys.path.insert(0, {str(ROOT)!r})\n"
        "from bench.bench_layers import pages, run\n"
        "from loaders.chain import CHAIN\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "run(pages(), CHAIN)\n"
        "print(json.dumps({'before_kib': base, 'peak_kib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load_scaling(n_docs: int) -> dict:
    """Wall time of `civicgraph load` on the same folder with --workers 1 and 2, fresh stores."""
    exe = Path(sys.executable).with_name("civicgraph")
    base = pages()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(n_docs):
            name, text = base[i % len(base)]
            (folder / f"{i:05d}_{name}").write_text(text + f"\n\nCopy {i}.\n", encoding="utf-8")
        for workers in (1, 2):
            store = Path(tmp) / f"store{workers}"
            env = dict(os.environ, CIVICGRAPH_HOME=str(Path(tmp) / "home"))
            t0 = time.perf_counter()
            subprocess.run(
                [str(exe), "--store", f"embedded:{store}", "load", str(folder), "--workers", str(workers)],
                capture_output=True, text=True, check=True, env=env,
            )  # fmt: skip
            out[workers] = round(time.perf_counter() - t0, 1)
            subprocess.run(
                [str(exe), "--store", f"embedded:{store}", "server", "stop"], capture_output=True, env=env
            )
            shutil.rmtree(store, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--load-docs", type=int, default=400, help="0 skips the load comparison")
    ap.add_argument(
        "--components", action="store_true", help="only the CPU of each chain component and model pipe, cold"
    )
    args = ap.parse_args()
    docs = corpus(args.mb)
    if args.components:
        run(docs[:20], chain_module.CHAIN)
        spent = by_component(docs)
        total = sum(v for k, v in spent.items() if not k.startswith(" "))
        for name, cpu in spent.items():
            print(f"{name:32s} {cpu:8.2f} s  {100 * cpu / total:5.1f}%")
        print(f"{'chain, cold':32s} {total:8.2f} s  ({len(docs)} pages, {args.mb} MB)")
        return
    mb = sum(len(t.encode("utf-8")) for _, t in docs) / 1e6
    rules_only = tuple(c for c in chain_module.CHAIN if c.name not in ("parse", "relations"))
    run(docs[:20], chain_module.CHAIN)  # load the model and warm the caches before timing
    cpu_rules, facts_rules = run(docs, rules_only)
    cpu_cold, facts_cold = run(docs, chain_module.CHAIN, cold=True)
    cpu_warm, facts_warm = run(docs, chain_module.CHAIN)
    print(f"corpus: {len(docs)} real pages, {mb:.2f} MB")
    print(
        f"rules (first extractor): {mb / cpu_rules:.3f} MB/s per core, {facts_rules} facts ({cpu_rules:.1f} s CPU)"
    )
    print(
        f"chain, cold (every sentence parsed): {mb / cpu_cold:.4f} MB/s per core, {facts_cold} facts ({cpu_cold:.1f} s CPU)"
    )
    print(
        f"chain, warm (repeats from the cache): {mb / cpu_warm:.4f} MB/s per core, {facts_warm} facts ({cpu_warm:.1f} s CPU)"
    )
    print(f"ratio chain cold / rules (CPU per MB): {cpu_cold / cpu_rules:.1f}x")
    mem = worker_memory()
    print(f"worker peak memory with the model loaded: {mem['peak_kib'] / 1024:.0f} MiB")
    if not args.load_docs:
        return
    scaling = load_scaling(args.load_docs)
    print(f"load {args.load_docs} pages: --workers 1 {scaling[1]} s, --workers 2 {scaling[2]} s, "
          f"speed-up {scaling[1] / scaling[2]:.2f}x")  # fmt: skip
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB peak)")


if __name__ == "__main__":
    main()
