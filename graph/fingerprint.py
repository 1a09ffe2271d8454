"""A hash of a graph's content, equal for equal graphs on any store.

What counts: every node's labels and properties (evidence pieces are Evidence nodes), every
relationship's type, end nodes (by their `id` property, never by internal ids) and properties.
What does not: internal ids, the order in which things were written or are returned, the order
of set-like lists (aliases; the evidence lists of stores written before evidence had its own
nodes, compared as a set of tuples), whole floats versus integers (engines differ), and volatile
properties (the journal's `loaded_at`).

The hash is a multiset hash: the sum, modulo 2**256, of the SHA-256 of each element's canonical
line, so it does not depend on the order elements are read in, and each engine pages the way it
is fastest. Streamed, a page at a time, nothing held but a page:
- FalkorDB: nodes label by label in internal-id order (`WHERE id(n) > $after`: a seek, each page
  costs its own size), relationships from their source nodes, a page of source nodes at a time;
- Neo4j: nodes label by label in `id` order, relationships type by type in `key` order, after
  the last one seen (`WHERE n.id > $after`, served by the indexes).
Paging with SKIP re-sorted everything each time; a property range re-read every remaining index
entry on FalkorDB (62 s for 10,000 documents), where the internal-id seek reads only the page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from graph.schema import EVIDENCE_FIELDS, NODE_LABELS, REL_TYPES, check_label, check_rel_type
from graph.store import Store, StoreError

VOLATILE = frozenset({"loaded_at"})
PAGE = 5000


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


def _canonical(value: Any) -> Any:
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return _number(value)


def canonical_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties with volatile ones dropped, evidence lists as sorted tuples, lists as sets."""
    props = {k: v for k, v in props.items() if k not in VOLATILE and v is not None}
    evidence = [props.pop(name, None) or [] for name in EVIDENCE_FIELDS]
    out = {k: _canonical(v) for k, v in props.items()}
    if any(evidence):
        pieces = [[_number(v) for v in piece] for piece in zip(*evidence, strict=False)]
        out["evidence"] = sorted(pieces, key=lambda p: json.dumps(p, ensure_ascii=False))
    return out


def _keyset(store: Store, query: str, column: str, after: Any = "") -> Iterator[dict[str, Any]]:
    """Rows of `query` (which takes $after and $limit and orders by `column`), page by page."""
    while True:
        rows = store.run(query, {"after": after, "limit": PAGE})
        yield from rows
        if len(rows) < PAGE:
            return
        after = rows[-1][column]


def _by_internal_id(store: Store) -> bool:
    """FalkorDB, embedded or not: page by internal id (graph/falkor.py `backend`)."""
    return getattr(store, "backend", "") in ("falkordb", "embedded")


def _ascending(label: str, after: int, last: int) -> None:
    if last <= after:  # the seek's order is what makes `id(n) > $after` paging complete
        raise StoreError(f"{label}: FalkorDB returned nodes out of internal-id order; cannot page")


def nodes(store: Store) -> Iterator[dict[str, Any]]:
    """Every node as {label, labels, id, props}, label by label, a page at a time."""
    for label in NODE_LABELS:
        if not _by_internal_id(store):
            query = (
                f"MATCH (n:{check_label(label)}) WHERE n.id > $after "
                "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id LIMIT $limit"
            )
            for row in _keyset(store, query, "id"):
                yield {"label": label, **row}
            continue
        query = (
            f"MATCH (n:{check_label(label)}) WHERE id(n) > $after WITH n LIMIT $limit "
            "RETURN id(n) AS iid, n.id AS id, labels(n) AS labels, properties(n) AS props"
        )
        after = -1
        while True:
            rows = store.run(query, {"after": after, "limit": PAGE})
            for row in rows:
                _ascending(label, after, row["iid"])
                after = row.pop("iid")
                yield {"label": label, **row}
            if len(rows) < PAGE:
                break


_SOURCES = (
    "MATCH (a:{label}) WHERE id(a) > $after WITH a LIMIT $limit "
    "WITH collect(a) AS batch "
    "UNWIND batch AS a "
    "OPTIONAL MATCH (a)-[r]->(b) "
    "RETURN id(batch[size(batch) - 1]) AS last, size(batch) AS scanned, type(r) AS type, r.key AS key, "
    "a.id AS src, labels(a)[0] AS src_label, b.id AS dst, labels(b)[0] AS dst_label, properties(r) AS props"
)
SOURCE_PAGE = 1000  # source nodes per page (a hub's relationships come with it)


def relationships(store: Store) -> Iterator[dict[str, Any]]:
    """Every relationship as {type, key, src, src_label, dst, dst_label, props}, a page at a time."""
    if not _by_internal_id(store):
        for rel_type in REL_TYPES:
            query = (
                f"MATCH (a)-[r:{check_rel_type(rel_type)}]->(b) WHERE r.key > $after "
                "RETURN r.key AS key, a.id AS src, labels(a)[0] AS src_label, b.id AS dst, "
                "labels(b)[0] AS dst_label, properties(r) AS props ORDER BY r.key, a.id, b.id LIMIT $limit"
            )
            for row in _keyset(store, query, "key"):
                yield {"type": rel_type, **row}
        return
    for label in NODE_LABELS:
        query = _SOURCES.format(label=check_label(label))
        after = -1
        while True:
            rows = store.run(query, {"after": after, "limit": SOURCE_PAGE})
            if not rows:
                break
            _ascending(label, after, rows[-1]["last"])
            after, scanned = rows[-1]["last"], rows[-1]["scanned"]
            for row in rows:
                if row["type"] is not None:
                    yield {
                        k: row[k] for k in ("type", "key", "src", "src_label", "dst", "dst_label", "props")
                    }
            if scanned < SOURCE_PAGE:
                break


def lines(store: Store) -> Iterator[str]:
    """The canonical line of every element of the graph (in no particular order)."""
    for row in nodes(store):
        yield json.dumps(["node", sorted(row["labels"]), canonical_props(row["props"])],
                         sort_keys=True, ensure_ascii=False)  # fmt: skip
    for row in relationships(store):
        yield json.dumps(["rel", row["type"], row["src"], row["dst"], canonical_props(row["props"])],
                         sort_keys=True, ensure_ascii=False)  # fmt: skip


_MODULUS = 2**256


def fingerprint(store: Store) -> str:
    """Hex of the graph's multiset hash (see the module docstring): 64 hex digits."""
    total = 0
    for line in lines(store):
        total += int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")
    return f"{total % _MODULUS:064x}"
