"""The load journal's checksum: what each document wrote, in a form the store can be compared with.

A document's Document node carries `written`, the SHA-256 of everything its batch writes (nodes,
relationships, properties, evidence), as graph/upsert.py cleans and merges it. The store cannot
recompute that number itself (properties of a node or relationship several documents share are
merged), so a check rebuilds the expected graph from the documents' batches (re-extracted from
their sources: loaders/verify.py) and compares it with the store element by element; the checksum
says whether a re-extraction reproduces exactly what was written, i.e. whether it may be trusted
as the expected content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from graph.dump import pages
from graph.facts import Batch
from graph.fingerprint import canonical_props
from graph.schema import EVIDENCE_FIELDS
from graph.store import Store
from graph.upsert import EVIDENCE_PARTS, JOURNAL_PROPERTIES, node_rows, rel_rows

WRITTEN = "written"
# Not compared: the journal's own marks, and `day`, which follows `date` (compared) but is merged
# differently when two documents with dates of different precision land in one group or in two.
IGNORED = frozenset({*JOURNAL_PROPERTIES, WRITTEN, "day"})

# An element of the graph: ("node", label, id) or ("rel", type, source id, target id, key).
Element = tuple[str, ...]


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return canonical_props({k: v for k, v in props.items() if k not in IGNORED})


def elements(batch: Batch) -> dict[Element, dict[str, Any]]:
    """What `batch` leaves in an empty store, element by element, in canonical form."""
    out: dict[Element, dict[str, Any]] = {}
    for label, rows in node_rows(batch).items():
        for row in rows.values():
            out[("node", label, row["id"])] = _props(row["p"])
    for (rel_type, _, _), rows in rel_rows(batch).items():
        for row in rows.values():
            props = dict(row["p"])
            for field, part in zip(EVIDENCE_FIELDS, EVIDENCE_PARTS, strict=True):
                if row["ev"]:
                    props[field] = [piece[part] for piece in row["ev"]]
            out[("rel", rel_type, row["src"], row["dst"], row["key"])] = _props(props)
    return out


def checksum(batch: Batch) -> str:
    """SHA-256 of what one document's batch writes (its own `written` mark left out)."""
    digest = hashlib.sha256()
    for element, props in sorted(elements(batch).items()):
        digest.update(json.dumps([element, props], sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def sign(batch: Batch) -> Batch:
    """Put the batch's checksum on its Document node(s) as `written`; returns the batch."""
    value = checksum(batch)
    for node in batch.nodes:
        if node["label"] == "Document" and node["id"] in batch.documents:
            node["props"] = {**(node.get("props") or {}), WRITTEN: value}
    return batch


_NODES = (
    "MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props "
    "ORDER BY n.id, labels(n)[0] SKIP $skip LIMIT $limit"
)
_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, r.key AS key, "
    "properties(r) AS props ORDER BY a.id, b.id, type(r), r.key SKIP $skip LIMIT $limit"
)
_JOURNAL = "MATCH (d:Document) WHERE d.loaded = true RETURN d.id AS id, d.path AS path, d.written AS written"


def journal(store: Store) -> list[dict[str, Any]]:
    """Every loaded document: id (content hash), path and checksum (None before checksums)."""
    return store.run(_JOURNAL)


def stored(store: Store) -> tuple[dict[Element, dict[str, Any]], dict[Element, set[str]]]:
    """The store's elements in canonical form, and the documents each was written by: a node's
    documents MENTION it (a Document node is its own), a relationship's hold its evidence."""
    found: dict[Element, dict[str, Any]] = {}
    writers: dict[Element, set[str]] = {}
    mentions: dict[str, set[str]] = {}
    for row in pages(store, _NODES):
        element = ("node", row["label"], row["id"])
        found[element] = _props({k: v for k, v in (row["props"] or {}).items() if k != "id"})
        if row["label"] == "Document":
            writers[element] = {row["id"]}
    for row in pages(store, _RELS):
        props = row["props"] or {}
        props.pop("key", None)
        element = ("rel", row["type"], row["src"], row["dst"], row["key"])
        found[element] = _props(props)
        if row["type"] == "MENTIONS":
            writers[element] = {row["src"]}
            mentions.setdefault(row["dst"], set()).add(row["src"])
        else:
            writers[element] = set(props.get("evidence_doc_ids") or [])
    for element in found:
        if element[0] == "node" and element[1] != "Document":
            writers[element] = mentions.get(element[2], set())
    return found, writers


def written_by(batches: Iterable[tuple[str, Batch]]) -> dict[Element, set[str]]:
    """For each element, the documents (by id) whose batches write it."""
    writers: dict[Element, set[str]] = {}
    for doc_id, batch in batches:
        for element in elements(batch):
            writers.setdefault(element, set()).add(doc_id)
    return writers
