"""The held-out development sets (bench/heldout, bench/heldout/blind and blind2: synthetic documents on
other topics than the samples, hand-annotated before the extractor was run on them) scored by
the shared scorer (vendored in bench/eval).

Thresholds sit a little under the figures reached, so a regression fails CI."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.extract import extract
from loaders.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "bench" / "heldout"
EVAL = ROOT / "bench" / "eval"


def score(folder: Path, tmp_path: Path) -> dict:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = []
    for path in sorted(folder.glob("*.txt")):
        (docs / path.name).write_bytes(path.read_bytes())
        ex = extract(read_document(path))
        lines += [json.dumps(f.as_json(), ensure_ascii=False) for f in ex.facts]
    facts = tmp_path / "facts.jsonl"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(facts), "--gold", str(folder / "gold.jsonl"),
         "--entities", str(folder / "entities.json"), "--entities", str(EVAL / "entities.json"),
         "--docs", str(docs), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    ("folder", "recall", "precision"),
    [
        # Synthetic documents written in the style the first rules expected: a regression guard
        # for the rules layer, no longer evidence of generality (test_extract_real.py is). The
        # language layer finds true facts their gold does not list, so the precision bound is lower.
        # Its gold also counts a body's statements ("the Fire Brigades Union said ..."), which
        # the 17 real sets leave out (4 of 152 SAID facts) and the extractor no longer states.
        ("", 0.89, 0.78),  # measured 0.908 / 0.835
        ("blind", 0.92, 0.80),  # measured 0.969 / 0.846
        ("blind2", 0.86, 0.76),  # measured 0.902 / 0.80
    ],
)
def test_heldout_sets_score(tmp_path, folder, recall, precision):
    s = score(HELDOUT / folder if folder else HELDOUT, tmp_path)
    assert s["recall"] >= recall, s
    assert s["precision_lower_bound"] >= precision, s
    assert s["evidence_valid"] == 1.0, s
    assert s["date_accuracy"] >= 0.9, s
    assert s["amount_accuracy"] >= 0.9, s
