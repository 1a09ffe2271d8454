"""Score the extractor on a set of real documents with hand-made gold, per relation family.

    python bench/score_real.py SET_DIR [SET_DIR...] [--layers rules,layout] [--show missed,extra] [--json]

A set folder holds docs/, gold.jsonl and entities.json (the layout of ../shared/eval/real). The
figures are those of the shared scorer (its matching rules are imported, not re-implemented):
recall, the lower bound on precision, and both per predicate, so layers can be compared per
relation family. `--layers` keeps only the named layers' facts (loaders/select.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def scorer():
    for path in (ROOT.parent / "shared" / "eval" / "score.py", ROOT / "bench" / "eval" / "score.py"):
        if path.is_file():
            spec = importlib.util.spec_from_file_location("cg_score", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit("no scorer: ../shared/eval/score.py or bench/eval/score.py")


def entity_tables(folder: Path) -> list[Path]:
    tables = [ROOT / "bench" / "eval" / "entities.json"]
    shared = ROOT.parent / "shared" / "eval" / "entities.json"
    if shared.is_file():
        tables = [shared]
    extra = folder / "entities.json"
    return tables + ([extra] if extra.is_file() else [])


def extract_set(folder: Path) -> list[dict]:
    from loaders.extract import extract
    from loaders.readers import read_document

    facts = []
    docs = folder / "docs" if (folder / "docs").is_dir() else folder  # bench/heldout keeps them beside
    for path in sorted(docs.iterdir()):
        if path.is_file() and path.name not in ("gold.jsonl", "entities.json", "README.md"):
            facts += [f.as_json() for f in extract(read_document(path)).facts]
    return facts


def score_set(folder: Path, facts: list[dict] | None = None) -> dict:
    sc = scorer()
    table: dict = {}
    for path in entity_tables(folder):
        for canonical, spec in json.loads(path.read_text()).items():
            merged = table.setdefault(canonical, {"aliases": []})
            merged["aliases"] += spec if isinstance(spec, list) else spec.get("aliases", [])
    ents = sc.Entities(table)
    gold = [json.loads(x) for x in (folder / "gold.jsonl").read_text().splitlines() if x.strip()]
    facts = extract_set(folder) if facts is None else facts
    gold_docs = {g["doc"] for g in gold}
    gold_preds = {g["predicate"] for g in gold}
    per = defaultdict(lambda: {"gold": 0, "found": 0, "facts": 0, "correct": 0})
    missed, extra = [], []
    for g in gold:
        per[g["predicate"]]["gold"] += 1
        if any(sc.matches(g, f, ents) for f in facts):
            per[g["predicate"]]["found"] += 1
        else:
            missed.append(g)
    for f in facts:
        if f["predicate"] not in gold_preds or not (sc.documents_of(f) & gold_docs):
            continue
        per[f["predicate"]]["facts"] += 1
        if any(sc.matches(g, f, ents) for g in gold if g["doc"] in sc.documents_of(f)):
            per[f["predicate"]]["correct"] += 1
        else:
            extra.append(f)
    n_gold = sum(v["gold"] for v in per.values())
    n_found = sum(v["found"] for v in per.values())
    n_facts = sum(v["facts"] for v in per.values())
    n_correct = sum(v["correct"] for v in per.values())
    return {
        "set": folder.name,
        "docs": len(gold_docs),
        "gold": n_gold,
        "recall": round(n_found / n_gold, 3) if n_gold else 0.0,
        "precision_lower_bound": round(n_correct / n_facts, 3) if n_facts else 0.0,
        "facts": n_facts,
        "per_predicate": dict(sorted(per.items())),
        "missed": missed,
        "extra": extra,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--layers", help="keep only these layers' facts, e.g. rules,layout")
    ap.add_argument("--show", default="", help="missed,extra")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.layers:
        os.environ["CIVICGRAPH_LAYERS"] = args.layers
    results = [score_set(folder) for folder in args.sets]
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k not in ("missed", "extra")} for r in results]))
        return
    for r in results:
        print(
            f"== {r['set']}: {r['docs']} docs, {r['gold']} gold: recall {r['recall']} precision>={r['precision_lower_bound']} ({r['facts']} judged facts)"
        )
        for pred, v in r["per_predicate"].items():
            p = f"{v['correct']}/{v['facts']}" if v["facts"] else "-"
            print(f"   {pred:<14} recall {v['found']:>3}/{v['gold']:<3}  precision {p}")
        if "missed" in args.show:
            for g in r["missed"]:
                print(
                    f"   MISSED [{g['doc'][:12]}] {g['subject']} -{g['predicate']}-> {g.get('object') or g.get('text')}"
                )
        if "extra" in args.show:
            for f in r["extra"]:
                obj = (f.get("object") or {}).get("name") or (f.get("text") or "")[:60]
                print(
                    f"   EXTRA  [{f['evidence'][0]['document'][:12]}] {f['subject']['name']} -{f['predicate']}-> {obj} | {f['evidence'][0]['quote'][:90]!r}"
                )


if __name__ == "__main__":
    main()
