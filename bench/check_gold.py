"""Check a real set's hand-made gold before anyone scores it.

    python bench/check_gold.py bench/real/fresh24 [bench/real/fresh25 ...]

A set folder holds docs/, gold.jsonl and entities.json (the layout of ../shared/eval/real). The
checks are the ones every blind set's README promises: each quote (and each SAID text) is its
document's own text; each ASKED / REPLIED_TO has an `about` and each SAID a `text`; every gold
document exists; every name the gold uses, alternatives included, is a canonical name of one of
the alias tables the scorer is given (shared, every bench/real set's, the set's own). Prints
one line per problem and exits 1 when there is any, so a set's author can run it as often as
they like without running the extractor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def alias_tables(folder: Path) -> list[Path]:
    """Every alias table a real set may lean on: the shared ones, then every bench/real set's."""
    shared = [  # ../shared's tables, or their copies in bench/eval on a machine without ../shared (CI)
        SHARED / "entities.json",
        SHARED / "real" / "entities.json",
        ROOT / "bench" / "eval" / "entities.json",
        ROOT / "bench" / "eval" / "real" / "entities.json",
    ]
    own = sorted((ROOT / "bench" / "real").glob("*/entities.json"))
    return [p for p in [*shared, *own, folder / "entities.json"] if p.is_file()]


def canonical_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for table in alias_tables(folder):
        names.update(json.loads(table.read_text(encoding="utf-8")))
    return names


def problems(folder: Path) -> list[str]:
    """Every problem of one set's gold, as 'file:line: reason'."""
    out: list[str] = []
    gold_file = folder / "gold.jsonl"
    names = canonical_names(folder)
    docs: dict[str, str] = {}
    for number, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{gold_file}:{number}"
        if not line.strip():
            continue
        fact = json.loads(line)
        doc = fact["doc"]
        if doc not in docs:
            path = folder / "docs" / doc
            if not path.is_file():
                out.append(f"{where}: no document {doc}")
                continue
            docs[doc] = path.read_text(encoding="utf-8")
        text = docs[doc]
        if fact.get("quote") and fact["quote"] not in text:
            out.append(f"{where}: the quote is not {doc}'s own text")
        predicate = fact["predicate"]
        if predicate == "SAID" and not fact.get("text"):
            out.append(f"{where}: a SAID fact without its text")
        if predicate == "SAID" and fact.get("text") and fact["text"] not in text:
            out.append(f"{where}: the SAID text is not {doc}'s own text")
        if predicate in ("ASKED", "REPLIED_TO") and not fact.get("about"):
            out.append(f"{where}: an {predicate} fact without its about")
        for option in [fact, *fact.get("alternatives", [])]:
            for role in ("subject", "object"):
                name = option.get(role)
                if name and name not in names:
                    out.append(f"{where}: {role} {name!r} is no canonical name of the alias tables")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    found = [p for folder in argv for p in problems(Path(folder))]
    for problem in found:
        print(problem)
    print(f"{len(argv)} set(s), {len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
