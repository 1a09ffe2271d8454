"""Damage found, never loaded silently: the store compared with its journal and the sources.

`verify_store` reads every document of the load journal again from its file (the journal keeps
its path and content hash), extracts it, and keeps the extractions whose checksum equals the
journal's `written` mark: those reproduce exactly what the document wrote (graph/journal.py).
From them it rebuilds the graph the store should hold and compares it with the store, element by
element. An element is judged only when every document that writes it could be re-read this way;
the others are counted as not checked (a source moved or changed, a document loaded by another
extractor version or before checksums existed).

Each evidence piece is an element of its own (its Evidence node), and a relationship's count of
pieces and sample quote are compared like its other properties. Relationship counts on nodes
(`_out_TYPE`/`_in_TYPE`) are checked against the relationships the store holds.

Healing: damaged relationships and nodes are deleted (a damaged piece takes its fact with it, a
damaged node its relationships, each relationship its pieces and its share of the counts), every
document that writes any of them is written again (the same idempotent upsert as a load), counts
still wrong are set to what the relationships add up to, and the comparison runs once more.
`civicgraph stats --verify` runs it; `load` runs it first when the store says it may be damaged
(an unclean stop, or store files changed while the server was stopped: graph/embedded.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.journal import Element, Stored, checksum, elements, journal, stored, written_by
from graph.schema import (
    EVIDENCE_LABEL,
    FALKORDB_UNINDEXED,
    REL_TYPES,
    TOTALS_LABEL,
    check_label,
    check_property,
    check_rel_type,
    degree_property,
)
from graph.store import Store
from graph.upsert import DERIVE_MONTHS, Rows, merge_rows

HEAL_GROUP = 20  # documents per healing upsert, as a load writes them


@dataclass
class VerifyReport:
    """What a check found and did."""

    documents: int = 0  # in the journal
    checked: int = 0  # re-read from their source and reproducing their checksum
    not_checked: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    elements: int = 0  # elements compared
    damaged: list[str] = field(default_factory=list)  # what differed, one line each
    healed: list[str] = field(default_factory=list)  # paths of the documents written again
    remaining: list[str] = field(default_factory=list)  # still different after healing
    reason: str | None = None  # why the check ran, when a load ran it
    lost: list[str] = field(default_factory=list)  # paths journal.jsonl lists that the store lost

    @property
    def ok(self) -> bool:
        return not self.remaining

    def summary(self) -> str:
        text = (
            f"checked {self.checked} of {self.documents} documents ({self.elements} graph elements): "
            f"{len(self.damaged)} damaged"
        )
        if self.healed:
            text += f", {len(self.healed)} documents written again"
        if self.remaining:
            text += f", {len(self.remaining)} still damaged"
        if self.lost:
            text += f"; {len(self.lost)} documents lost from the store (they load again with their files)"
        if self.not_checked:
            text += f"; {len(self.not_checked)} documents not checked ({self.not_checked[0][1]} ...)"
        return text

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "checked": self.checked,
            "elements_compared": self.elements,
            "damaged": self.damaged,
            "healed_documents": self.healed,
            "still_damaged": self.remaining,
            "lost_documents": self.lost,
            "not_checked": [{"path": p, "reason": r} for p, r in self.not_checked],
        }


def _describe(element: Element, expected: dict | None, found: dict | None) -> str:
    name = f"{element[1]} {element[2]}" if element[0] == "node" else f"{element[1]} {element[4]}"
    if element[1] == EVIDENCE_LABEL:  # a piece of evidence: name its fact
        piece = expected or found or {}
        name += f" (of {piece.get('type')} {piece.get('fact')})"
    if found is None:
        return f"{name}: missing from the store"
    if expected is None:
        return f"{name}: in the store, written by no document"
    changed = sorted(k for k in set(expected) | set(found) if expected.get(k) != found.get(k))
    shown = ", ".join(f"{k} {found.get(k)!r} (expected {expected.get(k)!r})" for k in changed[:3])
    return f"{name}: {shown[:300]}"


@dataclass
class _Comparison:
    """The expected graph, the store as read, and what differs."""

    expected: dict[Element, dict]
    expected_writers: dict[Element, set[str]]
    store: Stored
    damaged: list[tuple[Element, str]]  # element and a description, one each
    compared: int

    def writers(self, element: Element) -> set[str]:
        return self.expected_writers.get(element, set()) | self.store.writers.get(element, set())

    def lines(self) -> list[str]:
        """One line per damaged element, then one per node whose relationship counts are wrong."""
        counts = [
            f"{element[1]} {element[2]}: "
            + ", ".join(f"{name} {have!r} (counted {right})" for name, (have, right) in sorted(wrong.items()))
            for element, wrong in self.store.degrees.items()
        ]
        return sorted(line[:300] for line in [*(line for _, line in self.damaged), *counts])


def _compare(store: Store, batches: dict[str, Rows]) -> _Comparison:
    """Every element written only by documents in `batches`, compared with the store (the
    store's relationship counts are checked by graph/journal.py stored())."""
    result = _Comparison(
        elements(merge_rows(batches.values())), written_by(batches.items()), stored(store), [], 0
    )
    expected, found = result.expected, result.store.found
    for element in set(expected) | set(found):
        writers = result.writers(element)
        if not writers or not writers <= batches.keys():
            continue  # written by no journaled document, or by one that could not be re-read
        result.compared += 1
        if expected.get(element) != found.get(element):
            result.damaged.append((element, _describe(element, expected.get(element), found.get(element))))
    return result


def _facts_to_rewrite(store: Store, comparison: _Comparison) -> set[tuple[str, str]]:
    """(type, key) of the relationships a heal deletes and writes again: the damaged ones, the
    facts of damaged evidence pieces (their count and sample are rebuilt with them), and every
    relationship of a damaged node (deleted with it)."""
    facts: set[tuple[str, str]] = set()
    ids: dict[str, list[str]] = {}
    for element, _ in comparison.damaged:
        if element[0] == "rel":
            facts.add((element[1], element[4]))
        elif element[1] == EVIDENCE_LABEL:
            piece = comparison.store.found.get(element) or comparison.expected.get(element) or {}
            if isinstance(piece.get("type"), str) and isinstance(piece.get("fact"), str):
                facts.add((piece["type"], piece["fact"]))
        else:
            ids.setdefault(check_label(element[1]), []).append(element[2])
    for label, node_ids in ids.items():
        rows = store.run(
            f"MATCH (n:{label})-[r]-() WHERE n.id IN $ids RETURN DISTINCT type(r) AS type, r.key AS key",
            {"ids": node_ids},
        )
        facts.update((row["type"], row["key"]) for row in rows if isinstance(row["key"], str))
    return facts


def _delete_facts(store: Store, facts: set[tuple[str, str]]) -> None:
    """Delete relationships by (type, key), with their Evidence nodes, taking them off their end
    nodes' counts (the upsert counts them again as it creates them)."""
    by_type: dict[str, list[str]] = {}
    for rel_type, key in sorted(facts):
        by_type.setdefault(check_rel_type(rel_type), []).append(key)
    for rel_type, keys in by_type.items():
        out, into = degree_property(rel_type, "out"), degree_property(rel_type, "in")
        # a type without a `key` index on FalkorDB (mentions) is read from its sources' label
        source = (
            ":" + "|".join(REL_TYPES[rel_type].sources) if (rel_type, "key") in FALKORDB_UNINDEXED else ""
        )
        store.run(
            f"UNWIND $keys AS k MATCH (a{source})-[r:{rel_type} {{key: k}}]->(b) "
            f"SET a.{out} = a.{out} - 1, b.{into} = b.{into} - 1 DELETE r",
            {"keys": keys},
            write=True,
        )
        store.run(
            f"UNWIND $keys AS k MATCH (v:{EVIDENCE_LABEL} {{fact: k}}) WHERE v.type = $type DELETE v",
            {"keys": keys, "type": rel_type},
            write=True,
        )


def _set_counts(store: Store, degrees: dict[Element, dict[str, tuple[Any, int]]]) -> None:
    """Set relationship counts to what the relationships the store holds add up to."""
    for element, wrong in sorted(degrees.items()):
        label = check_label(element[1])
        names = ", ".join(f"n.{check_property(name)} = $counts.{name}" for name in sorted(wrong))
        store.run(
            f"MATCH (n:{label} {{id: $id}}) SET {names}",
            {"id": element[2], "counts": {name: right for name, (_, right) in wrong.items()}},
            write=True,
        )


def _heal(store: Store, comparison: _Comparison, batches: dict[str, Rows]) -> list[str]:
    """Delete the damaged elements and the relationships that go with them (_facts_to_rewrite),
    write every document that writes any of them again, then set the relationship counts that are
    still wrong; returns the ids of the documents written again."""
    facts = _facts_to_rewrite(store, comparison)
    _delete_facts(store, facts)
    nodes: dict[str, list[str]] = {}
    for element, _ in comparison.damaged:
        if element[0] == "node":
            nodes.setdefault(check_label(element[1]), []).append(element[2])
    for label, ids in nodes.items():
        store.run(f"MATCH (n:{label}) WHERE n.id IN $ids DETACH DELETE n", {"ids": ids}, write=True)
    gone = {element for element, _ in comparison.damaged}
    gone.update(
        element
        for element in (*comparison.expected, *comparison.store.found)
        if element[0] == "rel" and (element[1], element[4]) in facts
    )
    again = sorted({doc for element in gone for doc in comparison.writers(element) if doc in batches})
    for start in range(0, len(again), HEAL_GROUP):
        store.upsert(merge_rows(batches[doc] for doc in again[start : start + HEAL_GROUP]))
    if comparison.store.degrees or facts:
        _set_counts(store, stored(store).degrees)
    if facts or nodes:  # facts deleted past the upsert: the dated facts by month counted again
        store.run(f"MATCH (t:{TOTALS_LABEL}) DELETE t", write=True)
        for statement in DERIVE_MONTHS:
            store.run(statement, write=True)
    return again


def verify_store(
    store: Store, *, heal: bool = True, registry_files: Sequence[str | Path] = (), workers: int = 1
) -> VerifyReport:
    """Compare the store with what its journaled documents wrote; heal what differs (see above)."""
    from loaders.extract import registry_for
    from loaders.pipeline import prepared_files

    report = VerifyReport()
    reg = tuple(str(Path(p)) for p in registry_files)
    registry_for(reg)
    entries = journal(store)
    report.documents = len(entries)
    if hasattr(store, "journal_file"):  # the embedded store keeps a copy outside the graph
        inside = {entry["id"] for entry in entries}
        report.lost = sorted(path for doc, path in store.journal_file().items() if doc not in inside)
    by_path: dict[str, dict] = {}
    for entry in entries:
        path = entry.get("path") or ""
        if not path or not Path(path).is_file():
            report.not_checked.append((path or entry["id"], "its source file is gone"))
        elif not entry.get("written"):
            report.not_checked.append((path, "loaded before the journal kept checksums"))
        else:
            by_path[path] = entry
    batches: dict[str, Rows] = {}
    paths: dict[str, str] = {}
    for path, prepared in prepared_files(sorted(by_path), reg, max(1, workers)):
        entry = by_path[path]
        if isinstance(prepared, str):
            report.not_checked.append((path, f"cannot be read now: {prepared}"))
            continue
        if prepared.sha256 != entry["id"]:
            report.not_checked.append((path, "its source file changed since it was loaded"))
            continue
        if checksum(prepared.rows) != entry["written"]:
            report.not_checked.append((path, "extracted differently now (another extractor version)"))
            continue
        batches[entry["id"]] = prepared.rows
        paths[entry["id"]] = path
    report.checked = len(batches)
    comparison = _compare(store, batches)
    report.elements = comparison.compared
    report.damaged = comparison.lines()
    if report.damaged and heal:
        report.healed = [paths[doc] for doc in _heal(store, comparison, batches)]
        report.remaining = _compare(store, batches).lines()
    elif report.damaged:
        report.remaining = list(report.damaged)
    return report
