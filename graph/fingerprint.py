"""A hash of a graph's content, equal for equal graphs on any store.

What counts: every node's labels and properties (evidence pieces are Evidence nodes), every
relationship's type, end nodes (by their `id` property, never by internal ids) and properties.
What does not: internal ids, the order in which things were written or are returned, the order
of set-like lists (aliases; the evidence lists of stores written before evidence had its own
nodes, compared as a set of tuples), whole floats versus integers (engines differ), and volatile
properties (the journal's `loaded_at`).

Streamed: nodes label by label in `id` order, relationships type by type in `key` order, each a
page at a time after the last one seen (`WHERE n.id > $after`, which each label's `id` index and
each type's `key` index serve), hashed as they come. Nothing is held but a page, and no page
sorts what the earlier ones already returned (paging with SKIP re-sorted everything each time).
Both orders are the same on any store with the same content, so no final sort is needed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from graph.schema import EVIDENCE_FIELDS, NODE_LABELS, REL_TYPES, check_label, check_rel_type
from graph.store import Store

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


def _keyset(store: Store, query: str, column: str) -> Iterator[dict[str, Any]]:
    """Rows of `query` (which takes $after and $limit and orders by `column`), page by page."""
    after = ""
    while True:
        rows = store.run(query, {"after": after, "limit": PAGE})
        yield from rows
        if len(rows) < PAGE:
            return
        after = rows[-1][column]


def nodes(store: Store) -> Iterator[dict[str, Any]]:
    """Every node as {label, labels, id, props}, label by label in `id` order, a page at a time."""
    for label in NODE_LABELS:
        query = (
            f"MATCH (n:{check_label(label)}) WHERE n.id > $after "
            "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id LIMIT $limit"
        )
        for row in _keyset(store, query, "id"):
            yield {"label": label, **row}


def relationships(store: Store) -> Iterator[dict[str, Any]]:
    """Every relationship as {type, key, src, src_label, dst, dst_label, props}, type by type in
    `key` order, a page at a time."""
    for rel_type in REL_TYPES:
        query = (
            f"MATCH (a)-[r:{check_rel_type(rel_type)}]->(b) WHERE r.key > $after "
            "RETURN r.key AS key, a.id AS src, labels(a)[0] AS src_label, b.id AS dst, "
            "labels(b)[0] AS dst_label, properties(r) AS props ORDER BY r.key, a.id, b.id LIMIT $limit"
        )
        for row in _keyset(store, query, "key"):
            yield {"type": rel_type, **row}


def lines(store: Store) -> Iterator[str]:
    """The canonical lines of the graph, in the order they are hashed."""
    for row in nodes(store):
        yield json.dumps(["node", sorted(row["labels"]), canonical_props(row["props"])],
                         sort_keys=True, ensure_ascii=False)  # fmt: skip
    for row in relationships(store):
        yield json.dumps(["rel", row["type"], row["src"], row["dst"], canonical_props(row["props"])],
                         sort_keys=True, ensure_ascii=False)  # fmt: skip


def fingerprint(store: Store) -> str:
    """Hex SHA-256 of the graph's content (see the module docstring)."""
    digest = hashlib.sha256()
    for line in lines(store):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
