"""A hash of a graph's content, equal for equal graphs on any store.

What counts: every node's labels and properties, every relationship's type, end nodes (by their
`id` property, never by internal ids) and properties, evidence included. What does not: internal
ids, the order in which things were written or are returned, the order of set-like lists
(aliases; evidence pieces, whose parallel lists are compared as a set of tuples), whole floats
versus integers (engines differ), and volatile properties (the journal's `loaded_at`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from graph.dump import pages
from graph.schema import EVIDENCE_FIELDS
from graph.store import Store

VOLATILE = frozenset({"loaded_at"})
PAGE = 5000

_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, labels(n)[0] SKIP $skip LIMIT $limit"
_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props "
    "ORDER BY a.id, b.id, type(r), r.key SKIP $skip LIMIT $limit"
)


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
    """Properties with volatile ones dropped, evidence as sorted tuples, lists as sets."""
    props = {k: v for k, v in props.items() if k not in VOLATILE and v is not None}
    evidence = [props.pop(name, None) or [] for name in EVIDENCE_FIELDS]
    out = {k: _canonical(v) for k, v in props.items()}
    if any(evidence):
        pieces = [[_number(v) for v in piece] for piece in zip(*evidence, strict=False)]
        out["evidence"] = sorted(pieces, key=lambda p: json.dumps(p, ensure_ascii=False))
    return out


def fingerprint(store: Store) -> str:
    """Hex SHA-256 of the graph's content (see the module docstring)."""
    lines = []
    for row in pages(store, _NODES, PAGE):
        lines.append(json.dumps(["node", sorted(row["labels"]), canonical_props(row["props"])],
                                sort_keys=True, ensure_ascii=False))  # fmt: skip
    for row in pages(store, _RELS, PAGE):
        lines.append(json.dumps(["rel", row["type"], row["src"], row["dst"], canonical_props(row["props"])],
                                sort_keys=True, ensure_ascii=False))  # fmt: skip
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
