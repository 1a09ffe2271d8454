"""Backups that move a whole graph between stores: JSON lines of nodes and relationships.

The dump keeps everything a store holds (labels, every property, Evidence nodes), so
dump -> restore into a fresh store gives the same fingerprint, on either engine. Restore goes
through `Store.upsert`, so it is batched, whitelisted and idempotent like a load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from graph.cypher_check import StatementRefused
from graph.facts import Batch
from graph.schema import (
    EVIDENCE_FIELDS,
    FIRST_DOCUMENTS,
    MONTH_FACTS,
    MONTHS,
    TOTALS_LABEL,
    check_label,
    check_rel_type,
)
from graph.store import Store, StoreError

FORMAT = "civicgraph-dump"
VERSION = 1
PAGE = 5000

_NODES = (  # the store-wide counts by month (graph/schema.py TOTALS_LABEL) are counted again as it is restored
    f"MATCH (n) WHERE NOT n:{TOTALS_LABEL} RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, labels(n)[0] SKIP $skip LIMIT $limit"
)
_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS src_labels, a.id AS src, "
    "labels(b) AS dst_labels, b.id AS dst, properties(r) AS props "
    "ORDER BY type(r), a.id, b.id, r.key SKIP $skip LIMIT $limit"
)


class DumpError(StoreError):
    """A dump file that cannot be restored (names the line and the reason)."""


def pages(store: Store, query: str, size: int = PAGE) -> Iterator[dict[str, Any]]:
    """Rows of a read query that takes $skip and $limit, a page at a time (the query must order
    its rows totally, or a page boundary may repeat or drop one)."""
    skip = 0
    while True:
        rows = store.run(query, {"skip": skip, "limit": size})
        yield from rows
        if len(rows) < size:
            return
        skip += size


def dump(store: Store, out: IO[str]) -> tuple[int, int]:
    """Write the whole graph to `out`; returns (nodes, relationships) written."""
    out.write(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
    nodes = rels = 0
    for row in pages(store, _NODES):
        props = dict(row["props"])
        node_id = props.pop("id", None)
        out.write(
            json.dumps(
                {"node": {"labels": row["labels"], "id": node_id, "props": props}},
                ensure_ascii=False,
                sort_keys=True,
            )
            + "\n"
        )
        nodes += 1
    for row in pages(store, _RELS):
        out.write(
            json.dumps(
                {
                    "rel": {
                        "type": row["type"],
                        "src": row["src"],
                        "src_label": row["src_labels"][0],
                        "dst": row["dst"],
                        "dst_label": row["dst_labels"][0],
                        "props": row["props"],
                    }
                },
                ensure_ascii=False,
                sort_keys=True,
            )
            + "\n"
        )
        rels += 1
    return nodes, rels


def _node_props(props: dict[str, Any]) -> dict[str, Any]:
    """A dumped node's properties without its relationship counts, first documents and facts by
    month, which the store derives again as the relationships are restored (graph/schema.py DERIVED)."""
    derived = (FIRST_DOCUMENTS, MONTHS, MONTH_FACTS)
    return {k: v for k, v in props.items() if not k.startswith(("_out_", "_in_")) and k not in derived}


def _rel_row(rel: dict[str, Any]) -> dict[str, Any]:
    """A dumped relationship as an upsert row: evidence lists (dumps of stores from before
    evidence had its own nodes) become evidence pieces again; the ask-reply pairing is derived
    again as the asks and replies are restored (graph/pairing.py)."""
    props = dict(rel["props"])
    key = props.pop("key", None)
    lists = [props.pop(name, None) or [] for name in EVIDENCE_FIELDS]
    evidence = [
        {"key": k, "doc": d, "doc_id": i, "quote": q, "start": s, "end": e}
        for k, d, i, q, s, e in zip(*lists, strict=False)
    ]
    return {
        "type": check_rel_type(rel["type"]),
        "key": key,
        "src": rel["src"],
        "src_label": check_label(rel["src_label"]),
        "dst": rel["dst"],
        "dst_label": check_label(rel["dst_label"]),
        "props": props,
        "evidence": evidence,
    }


def _upsert(store: Store, batch: Batch) -> None:
    """Write a batch of restored rows; one whose statement is over the length limit (many kinds of
    relationship, each its own part of the statement) is written in two halves, and so on."""
    try:
        store.upsert(batch)
    except StatementRefused as exc:
        if "characters long" not in str(exc) or len(batch.nodes) + len(batch.rels) < 2:
            raise
        for part in ("nodes", "rels"):
            rows = getattr(batch, part)
            half = len(rows) // 2
            for piece in (rows[:half], rows[half:]):
                if piece:
                    _upsert(store, Batch(**{part: list(piece)}))


def restore(store: Store, source: IO[str], *, batch_size: int = 2000) -> tuple[int, int]:
    """Read a dump into `store` (nodes first, then relationships); returns the counts restored."""
    store.ensure_schema()
    header = source.readline()
    try:
        meta = json.loads(header)
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise DumpError("line 1: not a civicgraph dump (no civicgraph-dump header)")
    if meta.get("version") != VERSION:
        raise DumpError(f"line 1: dump version {meta.get('version')} is not supported (expected {VERSION})")
    batch, counts = Batch(), [0, 0]

    def flush() -> None:
        if batch.nodes or batch.rels:
            _upsert(store, batch)
            counts[0] += len(batch.nodes)
            counts[1] += len(batch.rels)
            batch.nodes.clear()
            batch.rels.clear()

    for number, line in enumerate(source, start=2):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if "node" in item:
                node = item["node"]
                batch.nodes.append(
                    {
                        "label": check_label(node["labels"][0]),
                        "id": node["id"],
                        "props": _node_props(node["props"]),
                    }
                )
            else:
                if batch.nodes:  # relationships need their end nodes stored first
                    flush()
                batch.rels.append(_rel_row(item["rel"]))
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise DumpError(f"line {number}: {type(exc).__name__}: {exc}") from exc
        if len(batch.nodes) + len(batch.rels) >= batch_size:
            flush()
    flush()
    return counts[0], counts[1]
