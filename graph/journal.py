"""The load journal's checksum: what each document wrote, in a form the store can be compared with.

A document's Document node carries `written`, the SHA-256 of everything its batch writes (nodes,
relationships, properties, the Evidence node of each piece of evidence and the count and sample
its fact keeps), as graph/upsert.py cleans and merges it. The store cannot
recompute that number itself (properties of a node or relationship several documents share are
merged), so a check rebuilds the expected graph from the documents' batches (re-extracted from
their sources: loaders/verify.py) and compares it with the store element by element; the checksum
says whether a re-extraction reproduces exactly what was written, i.e. whether it may be trusted
as the expected content.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.facts import Batch
from graph.fingerprint import canonical_props, nodes, relationships
from graph.pairing import PAIRING_PROPERTIES
from graph.schema import (
    ABOUT_KEY,
    EVIDENCE_COUNT,
    EVIDENCE_LABEL,
    EVIDENCE_PROPERTIES,
    FIRST_DOCUMENTS,
    MONTH_FACTS,
    MONTHS,
    SAMPLE_DOCUMENT,
    SAMPLE_ORDER,
    SAMPLE_QUOTE,
    degree_property,
)
from graph.store import Store
from graph.upsert import JOURNAL_PROPERTIES, Rows, batch_rows

WRITTEN = "written"
# Not compared element by element: the journal's own marks; `day`, which follows `date` (compared)
# but is merged differently when two documents with dates of different precision land in one
# group or in two; and what the store derives from the whole graph rather than from the documents
# that write an element: the ask-reply pairing (graph/pairing.py, recomputed from the asks and
# replies, which are compared) and the relationship counts on nodes (DEGREE_PREFIXES), which are
# checked against the relationships the store holds instead (Stored.degrees); an ask's `about` in
# lower case (ABOUT_KEY), which the store sets from `about` (compared); the first documents that
# mention a node (FIRST_DOCUMENTS), which the store keeps from the MENTIONS it holds (compared); a
# node's dated facts by month (MONTHS, MONTH_FACTS), kept from the facts it holds (compared).
IGNORED = frozenset(
    {
        *JOURNAL_PROPERTIES,
        WRITTEN,
        "day",
        ABOUT_KEY,
        FIRST_DOCUMENTS,
        MONTHS,
        MONTH_FACTS,
        *PAIRING_PROPERTIES,
    }
)
DEGREE_PREFIXES = ("_out_", "_in_")

# An element of the graph: ("node", label, id) or ("rel", type, source id, target id, key). Each
# evidence piece is an element of its own, its Evidence node ("node", "Evidence", id), written by
# the document it quotes; its fact carries the count and sample the store keeps beside them.
Element = tuple[str, ...]


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return canonical_props(
        {k: v for k, v in props.items() if k not in IGNORED and not k.startswith(DEGREE_PREFIXES)}
    )


def evidence_summary(pieces: list[dict[str, Any]]) -> dict[str, Any]:
    """What the store keeps on a fact about its Evidence rows (graph/upsert.py): the count, and
    the sample piece (the smallest sort key)."""
    if not pieces:
        return {}
    sample = min(pieces, key=lambda piece: piece["first"])
    return {
        EVIDENCE_COUNT: len(pieces),
        SAMPLE_QUOTE: sample["quote"],
        SAMPLE_DOCUMENT: sample["doc"],
        SAMPLE_ORDER: sample["first"],
    }


def elements(batch: Batch | Rows) -> dict[Element, dict[str, Any]]:
    """What `batch` (or its rows) leaves in an empty store, element by element, in canonical form."""
    out: dict[Element, dict[str, Any]] = {}
    planned = batch_rows(batch)
    for label, rows in planned.nodes.items():
        for row in rows.values():
            out[("node", label, row["id"])] = _props(row["p"])
    for (rel_type, _, _), rows in planned.rels.items():
        for row in rows.values():
            out[("rel", rel_type, row["src"], row["dst"], row["key"])] = _props(
                {**row["p"], **evidence_summary(row["ev"])}
            )
            for piece in row["ev"]:
                evidence = {"fact": row["key"], "type": rel_type, **piece}
                out[("node", EVIDENCE_LABEL, piece["id"])] = _props(
                    {name: evidence[name] for name in EVIDENCE_PROPERTIES}
                )
    return out


def checksum(batch: Batch | Rows) -> str:
    """SHA-256 of what one document's batch writes (its own `written` mark left out)."""
    digest = hashlib.sha256()
    for element, props in sorted(elements(batch).items()):
        digest.update(json.dumps([element, props], sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def sign(batch: Batch | Rows) -> Batch | Rows:
    """Put the checksum on the Document node(s) the batch journals as `written`; returns it."""
    value = checksum(batch)
    if isinstance(batch, Rows):
        for doc in batch.documents:
            if doc in batch.nodes.get("Document", {}):
                batch.nodes["Document"][doc]["p"][WRITTEN] = value
        return batch
    for node in batch.nodes:
        if node["label"] == "Document" and node["id"] in batch.documents:
            node["props"] = {**(node.get("props") or {}), WRITTEN: value}
    return batch


_JOURNAL = "MATCH (d:Document) WHERE d.loaded = true RETURN d.id AS id, d.path AS path, d.written AS written"


def journal(store: Store) -> list[dict[str, Any]]:
    """Every loaded document: id (content hash), path and checksum (None before checksums)."""
    return store.run(_JOURNAL)


@dataclass
class Stored:
    """The store read for a check (see `stored`)."""

    found: dict[Element, dict[str, Any]] = field(default_factory=dict)
    writers: dict[Element, set[str]] = field(default_factory=dict)
    # Nodes whose relationship counts differ from the relationships the store holds: for each,
    # the count properties that differ, as (stored value, relationships counted).
    degrees: dict[Element, dict[str, tuple[Any, int]]] = field(default_factory=dict)


def stored(store: Store) -> Stored:
    """The store's elements in canonical form, the documents each was written by (a node's
    documents MENTION it, a Document node is its own, an Evidence node's is the document it
    quotes, a relationship's are its Evidence nodes' documents), and the nodes whose counts of
    relationships are wrong. Read a page at a time in key order (graph/fingerprint.py)."""
    out = Stored()
    found, writers = out.found, out.writers
    mentions: dict[str, set[str]] = {}
    quoted: dict[tuple[Any, Any], set[str]] = {}  # (type, fact key) -> documents of its pieces
    counts: dict[Element, dict[str, int]] = {}
    for row in nodes(store):
        props = {k: v for k, v in (row["props"] or {}).items() if k != "id"}
        element = ("node", row["label"], row["id"])
        found[element] = _props(props)
        counts[element] = {k: v for k, v in props.items() if k.startswith(DEGREE_PREFIXES)}
        if row["label"] == "Document":
            writers[element] = {row["id"]}
        elif row["label"] == EVIDENCE_LABEL:
            doc_id = props.get("doc_id")
            writers[element] = {doc_id} if isinstance(doc_id, str) else set()
            quoted.setdefault((props.get("type"), props.get("fact")), set()).update(writers[element])
    held: dict[Element, Counter] = {}
    for row in relationships(store):
        props = dict(row["props"] or {})
        props.pop("key", None)
        element = ("rel", row["type"], row["src"], row["dst"], row["key"])
        found[element] = _props(props)
        held.setdefault(("node", row["src_label"], row["src"]), Counter())[
            degree_property(row["type"], "out")
        ] += 1
        held.setdefault(("node", row["dst_label"], row["dst"]), Counter())[
            degree_property(row["type"], "in")
        ] += 1
        if row["type"] == "MENTIONS":
            writers[element] = {row["src"]}
            mentions.setdefault(row["dst"], set()).add(row["src"])
        else:
            writers[element] = quoted.get((row["type"], row["key"]), set())
    for element in found:
        if element[0] == "node" and element[1] not in ("Document", EVIDENCE_LABEL):
            writers[element] = mentions.get(element[2], set())
    for element, have in counts.items():
        should = held.get(element, Counter())
        wrong = {
            name: (have.get(name, 0), should.get(name, 0))
            for name in set(have) | set(should)
            if have.get(name, 0) != should.get(name, 0)
        }
        if wrong:
            out.degrees[element] = wrong
    return out


def written_by(batches: Iterable[tuple[str, Batch | Rows]]) -> dict[Element, set[str]]:
    """For each element, the documents (by id) whose batches write it."""
    writers: dict[Element, set[str]] = {}
    for doc_id, batch in batches:
        for element in elements(batch):
            writers.setdefault(element, set()).add(doc_id)
    return writers
