"""Train and measure the stance model (bench/stance.py) on the real gold sets.

    python bench/train_stance.py                 # leave-one-set-out figures
    python bench/train_stance.py --write 0.5     # then train on every set and write the model
    python bench/train_stance.py --score SET...  # score the written model on other sets (blind sets)

Needs scikit-learn and vaderSentiment (`pip install -e .[train]`).

Every candidate (holder, target, sentence) of every document is labelled from the gold: the
family of a gold fact whose subject and object are the candidate's holder and target (aliases
through the sets' alias tables) when the gold quote overlaps the sentence; no stance otherwise.
A pair the gold names with its quote elsewhere is left out of training (the sentence may still
say it). Figures are per fact, as the shared scorer counts them: a gold fact is found when the
document has a fact of its family between the same two actors.

Leave-one-set-out: the model that scores a set never saw it, so the figures say what the model
does on a set of documents nobody tuned it on. The rules' own WELCOMED / CRITICISED facts are
measured in the same run, alone and together with the model's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from check_gold import alias_tables  # noqa: E402
from score_real import scorer  # noqa: E402
from stance import FAMILIES, MODEL_PATH, candidates, features  # noqa: E402

from graph.facts import DocumentInfo  # noqa: E402
from loaders.chain import run_chain  # noqa: E402
from loaders.document import Doc  # noqa: E402
from loaders.extract import default_registry  # noqa: E402

# The sets the model learns from. Sets added later are scored blind with --score first.
TRAIN_SETS = [
    "bench/eval/real",
    "bench/real/dev",
    "bench/real/blind",
    "bench/real/fresh",
    "bench/real/fresh2",
    *(f"bench/real/fresh{n}" for n in range(18, 28)),
]
NONE = "NONE"


def entities(folders: list[Path]):
    table: dict = {}
    for folder in folders:
        for path in alias_tables(folder):
            for canonical, spec in json.loads(path.read_text(encoding="utf-8")).items():
                merged = table.setdefault(canonical, {"aliases": []})
                aliases = spec if isinstance(spec, list) else spec.get("aliases", [])
                merged["aliases"] = list(dict.fromkeys(merged["aliases"] + aliases))
    return scorer().Entities(table)


def _options(g: dict) -> list[tuple[str, str]]:
    out = [(g["subject"], g["object"])]
    out += [
        (a.get("subject", g["subject"]), a.get("object", g["object"]))
        for a in g.get("alternatives", [])
        if a.get("predicate") == g["predicate"]
    ]
    return out


def read_set(folder: Path, ents) -> list[dict]:
    """Per document: its candidates' features and labels, the gold stances, the rules' stances."""
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines() if line.strip()]
    registry = default_registry()
    out = []
    for name in sorted({g["doc"] for g in gold}):
        text = (folder / "docs" / name).read_text(encoding="utf-8")
        doc = run_chain(Doc(info=DocumentInfo(name=name, sha256=name, text=text), registry=registry))
        stances = [g for g in gold if g["doc"] == name and g["predicate"] in FAMILIES]
        rows = []
        for c in candidates(doc):
            label, ambiguous = NONE, False
            for g in stances:
                if not any(
                    ents.same(s, c.holder.name) and ents.same(o, c.target.name) for s, o in _options(g)
                ):
                    continue
                spots = [i for i in _find_all(text, g["quote"])]
                if any(i < c.end and i + len(g["quote"]) > c.start for i in spots):
                    label = g["predicate"]
                else:
                    ambiguous = True
            rows.append(
                {
                    "cand": c,
                    "genre": doc.genre,
                    "label": label,
                    "train": label != NONE or not ambiguous,
                    "pair": (c.holder.name, c.target.name),
                    "sentence": text[c.start : c.end],
                    "how": c.how,
                }
            )
        rules = [
            (f.predicate, f.subject.name, f.object.name)
            for f in doc.facts
            if f.predicate in FAMILIES and f.object is not None
        ]
        out.append({"doc": name, "rows": rows, "gold": stances, "rules": rules})
    return out


def _find_all(text: str, quote: str):
    i = text.find(quote)
    while i != -1:
        yield i
        i = text.find(quote, i + 1)


def _feats(r: dict) -> dict[str, int]:
    return dict.fromkeys(features(r["cand"], r["genre"]), 1)


def fit(docs: list[dict], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for d in docs for r in d["rows"] if r["train"]]
    vec = DictVectorizer()
    x = vec.fit_transform([_feats(r) for r in rows])
    y = [r["label"] for r in rows]
    model = LogisticRegression(C=c, max_iter=3000, class_weight={NONE: 1.0, **dict.fromkeys(FAMILIES, 3.0)})
    model.fit(x, y)
    return vec, model


def predict(vec, model, docs: list[dict]) -> None:
    for d in docs:
        if not d["rows"]:
            continue
        x = vec.transform([_feats(r) for r in d["rows"]])
        for r, p in zip(d["rows"], model.predict_proba(x), strict=True):
            r["p"] = dict(zip(model.classes_, p, strict=True))


def emitted(d: dict, threshold: dict[str, float]) -> set[tuple[str, str, str]]:
    out = set()
    for r in d["rows"]:
        for fam in FAMILIES:
            if r.get("p", {}).get(fam, 0.0) >= threshold[fam]:
                out.add((fam, *r["pair"]))
    return out


def measure(docs: list[dict], facts_of, ents) -> dict[str, Counter]:
    """Per family: gold facts, gold found, facts given, facts that match a gold fact."""
    n: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        facts = facts_of(d)
        for g in d["gold"]:
            n[g["predicate"]]["gold"] += 1
            hit = any(
                p == g["predicate"] and any(ents.same(s, hs) and ents.same(o, ht) for s, o in _options(g))
                for p, hs, ht in facts
            )
            n[g["predicate"]]["found"] += hit
        for p, hs, ht in facts:
            n[p]["given"] += 1
            n[p]["right"] += any(
                g["predicate"] == p and any(ents.same(s, hs) and ents.same(o, ht) for s, o in _options(g))
                for g in d["gold"]
            )
    return n


def line(name: str, n: dict[str, Counter]) -> str:
    parts = []
    for fam in FAMILIES:
        c = n[fam]
        parts.append(
            f"{fam} {c['found']}/{c['gold']} found, {c['right']}/{c['given']} right"
            f" ({c['right'] / c['given']:.2f})"
            if c["given"]
            else f"{fam} {c['found']}/{c['gold']} found, 0 given"
        )
    return f"{name:28} " + "; ".join(parts)


def total(ns: list[dict[str, Counter]]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for n in ns:
        for fam, c in n.items():
            out[fam].update(c)
    return out


def cross_validate(sets: dict[str, list[dict]], c: float) -> None:
    """Give every row of every set the probabilities of a model trained on the other sets."""
    for name, docs in sets.items():
        rest = [d for other, ds in sets.items() if other != name for d in ds]
        vec, model = fit(rest, c)
        predict(vec, model, docs)


def report(docs: list[dict], thresholds: list[float], ents) -> None:
    print(line("rules alone", measure(docs, lambda d: set(d["rules"]), ents)))
    for t in thresholds:
        th = dict.fromkeys(FAMILIES, t)
        print(line(f"model alone @{t}", measure(docs, lambda d, th=th: emitted(d, th), ents)))
        both = measure(docs, lambda d, th=th: set(d["rules"]) | emitted(d, th), ents)
        print(line(f"rules+model @{t}", both))


def write_model(docs: list[dict], c: float, threshold: float) -> None:
    vec, model = fit(docs, c)
    names = vec.get_feature_names_out()
    weights = {
        str(f): [round(float(w), 4) for w in model.coef_[:, i]]
        for i, f in enumerate(names)
        if max(abs(model.coef_[:, i])) >= 0.01
    }
    data = {
        "trained_on": TRAIN_SETS,
        "c": c,
        "classes": [str(k) for k in model.classes_],
        "bias": [round(float(b), 4) for b in model.intercept_],
        "threshold": dict.fromkeys(FAMILIES, threshold),
        "weights": weights,
    }
    MODEL_PATH.write_text(json.dumps(data, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(weights)} features")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    ap.add_argument("--write", type=float, metavar="THRESHOLD", help="train on every set and write the model")
    ap.add_argument("--score", nargs="*", help="score the written model on these sets and stop")
    args = ap.parse_args()

    if args.score:
        from stance import load_model

        model = load_model()
        folders = [Path(s) for s in args.score]
        ents = entities(folders)
        for folder in folders:
            docs = read_set(folder, ents)
            for d in docs:
                for r in d["rows"]:
                    r["p"] = model.probabilities(features(r["cand"], r["genre"]))
            report(docs, [model.threshold[FAMILIES[0]]], ents)
        return

    folders = [ROOT / s for s in TRAIN_SETS if (ROOT / s).is_dir()]
    ents = entities(folders)
    sets = {f.name if f.name != "real" else "shared-real": read_set(f, ents) for f in folders}
    labels = Counter(r["label"] for docs in sets.values() for d in docs for r in d["rows"] if r["train"])
    print(f"candidates for training: {dict(labels)}")
    cross_validate(sets, args.c)
    everything = [d for docs in sets.values() for d in docs]
    report(everything, [float(x) for x in args.thresholds.split(",")], ents)
    if args.write is not None:
        write_model(everything, args.c, args.write)


if __name__ == "__main__":
    main()
