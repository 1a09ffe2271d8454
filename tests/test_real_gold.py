"""The real sets' hand-made gold stays checkable: quotes are their documents' own text, names resolve."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_gold", ROOT / "bench" / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)

SETS = sorted(p.parent for p in (ROOT / "bench" / "real").glob("*/gold.jsonl"))


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_real_set_in_the_repository_passes_the_gold_checks(folder):
    assert check_gold.problems(folder) == []


def test_a_quote_that_is_not_the_documents_text_and_an_unknown_name_are_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("The Mayor said hello.", encoding="utf-8")
    (tmp_path / "entities.json").write_text(json.dumps({"Jo Nobody": {"type": "Person", "aliases": []}}))
    facts = [
        {"doc": "a.txt", "subject": "Jo Nobody", "predicate": "ASKED", "object": "Nobody Else",
         "quote": "The Mayor said goodbye.", "about": None, "alternatives": []},
    ]  # fmt: skip
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(f) for f in facts), encoding="utf-8")
    found = check_gold.problems(tmp_path)
    assert any("not a.txt's own text" in p for p in found)
    assert any("without its about" in p for p in found)
    assert any("'Nobody Else'" in p for p in found)
    assert not any("'Jo Nobody'" in p for p in found)
