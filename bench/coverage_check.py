"""Structural coverage on unlabelled real pages: which page did its layout fail to read?

    python bench/coverage_check.py FOLDER [FOLDER...]

No gold is needed. A page's own structure says what it must give: a page with a "Question
By:"/"Question No:" item must give an ASKED; a transcript with turns of a member and the Mayor
must give an exchange; a decision page must give its approver. The script prints every page's
layout, date and facts by relation, and a line beginning "MISSING" for each page that gives less
than its structure promises. An unseen layout variant loses a whole page at once, so this finds
variants cheaply, before anyone writes gold for them (EXTRACTION.md).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from graph.facts import DocumentInfo  # noqa: E402
from loaders.extract import default_registry, extract  # noqa: E402

_PROMISES = (
    # (what the page shows, the relation it must then give)
    (re.compile(r"(?im)^\s*(?:[•·*-]\s*)?Question\s+by\s*:|Question\s+No\.?\s*:?\s*\d"), "ASKED"),
    (re.compile(r"(?m)^[^\n:]{3,60}\((?:The\s+)?Mayor(?:\s+of\s+London)?\)\s*:"), "REPLIED_TO"),
    (re.compile(r"(?im)^\s*(?:[•·*-]\s*)?(?:Decision\s+by|Authorisation\s+name)\s*:"), "HOLDS_OFFICE"),
)


def check(path: Path, registry) -> tuple[str, list[str]]:
    """One line about the page and the relations its structure promises but it did not give."""
    text = path.read_text(encoding="utf-8", errors="replace")
    result = extract(DocumentInfo(name=path.name, sha256=path.name, text=text), registry)
    counts = Counter(f.predicate for f in result.facts)
    missing = [rel for rx, rel in _PROMISES if rx.search(text) and not counts[rel]]
    facts = " ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "no facts"
    return f"{path.name[:50]:50} {facts}", missing


def main() -> int:
    registry = default_registry()
    pages = sorted(
        p for folder in sys.argv[1:] for p in Path(folder).rglob("*.txt") if p.name != "README.txt"
    )
    failed = 0
    for path in pages:
        line, missing = check(path, registry)
        print(line)
        for rel in missing:
            print(f"  MISSING {rel}: {path}")
        failed += bool(missing)
    print(f"{len(pages)} pages, {failed} gave less than their structure promises")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
