"""The load job: journal, replacement of changed files, grouping, and bad documents in a batch."""

import os
import shutil
from pathlib import Path

import pytest

from graph.fingerprint import fingerprint
from graph.store import open_store
from loaders.pipeline import extract_file, load_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "london"

LETTER = """MAYOR OF LONDON

Jane Doe AM
Chair of the London Assembly

Our ref: MGLA010125-0001

Date: 3 March 2025

Dear Jane,

London Assembly (Plenary) Meeting 6 February 2025 – Motions

Thank you for your letter about the motions agreed at the London Assembly (Plenary) meeting on
6 February 2025. My reply to Motion 2 is set out below.

Motion 2 – Safer Cycling Routes

MOPAC awarded a grant to the Riverside Cycling Trust in 2024-25 for a pilot.

Yours sincerely,

Sir Sadiq Khan
Mayor of London
"""


_MAIN_PID = os.getpid()
_REAL_EXTRACT_FILE = extract_file


def _dies_in_a_worker(path, registry_files=()):
    """extract_file, except that a worker process given the marked file dies at once."""
    if path.endswith("zz_kills_its_worker.txt") and os.getpid() != _MAIN_PID:
        os._exit(1)
    return _REAL_EXTRACT_FILE(path, registry_files)


@pytest.fixture()
def store(tmp_path):
    with open_store(f"embedded:{tmp_path / 'store'}") as st:
        yield st


def quotes_of(store, doc_name):
    rows = store.run("MATCH (v:Evidence) WHERE v.doc = $doc RETURN v.quote AS q", {"doc": doc_name})
    return [row["q"] for row in rows]


def test_a_changed_file_replaces_its_own_facts_and_nothing_else(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(EXAMPLES / "002_cf470289dbe1361c.txt", folder)
    letter = folder / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    first = load_paths(store, [folder])
    assert first.loaded == 2 and first.ok
    assert any("Riverside Cycling Trust" in q for q in quotes_of(store, "letter.txt"))
    news_before = sorted(quotes_of(store, "002_cf470289dbe1361c.txt"))

    letter.write_text(LETTER.replace("Riverside Cycling Trust", "Northside Walking Club"), encoding="utf-8")
    second = load_paths(store, [folder])
    assert (second.loaded, second.replaced, second.unchanged) == (1, 1, 1)
    letter_quotes = quotes_of(store, "letter.txt")
    assert not any("Riverside" in q for q in letter_quotes), "the old version's evidence is gone"
    assert any("Northside Walking Club" in q for q in letter_quotes)
    assert sorted(quotes_of(store, "002_cf470289dbe1361c.txt")) == news_before, "other documents untouched"
    assert store.run("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 2}]
    assert store.run("MATCH (n {name: 'Riverside Cycling Trust'}) RETURN count(n) AS n") == [{"n": 0}]


def test_grouping_does_not_change_the_graph(tmp_path):
    prints = []
    for group in (1, 3, 20):
        with open_store(f"embedded:{tmp_path / f'g{group}'}") as st:
            summary = load_paths(st, [EXAMPLES], group=group)
            assert summary.loaded == 5
            prints.append(fingerprint(st))
    assert len(set(prints)) == 1


def test_the_journal_skips_documents_already_loaded(store):
    load_paths(store, [EXAMPLES])
    again = load_paths(store, [EXAMPLES])
    assert (again.loaded, again.unchanged) == (0, 5)
    assert set(store.loaded_documents()) == {
        row["id"] for row in store.run("MATCH (d:Document) RETURN d.id AS id")
    }


def test_a_worker_that_dies_does_not_end_the_load(store, tmp_path, monkeypatch):
    """A worker killed mid-document (out of memory, a crashing parser) breaks the process pool;
    the files it had in flight are run again one at a time, each in a process of its own (never in
    the loading process, which the crash would take down): the one that kills its process again is
    reported as failed, with the reason, and the others load."""
    from loaders import pipeline

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("002_cf470289dbe1361c.txt", "004_ad05e4fc8a4fd73b.txt"):
        shutil.copy(EXAMPLES / name, folder)
    (folder / "zz_kills_its_worker.txt").write_text("a document whose worker dies\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "extract_file", _dies_in_a_worker)
    summary = load_paths(store, [folder], workers=2)
    assert summary.loaded == 2
    assert [(Path(path).name, reason) for path, reason in summary.failed] == [
        (
            "zz_kills_its_worker.txt",
            "the process extracting it died (out of memory, or a crash in a parser library)",
        )
    ]
