"""Counts that describe a store: nodes by label, relationships by type."""

from __future__ import annotations

from typing import Any

from graph.schema import TOTALS_LABEL
from graph.store import Store


def graph_stats(store: Store) -> dict[str, Any]:
    """Node counts by label and relationship counts by type, with the store's backend and place."""
    nodes: dict[str, int] = {}
    for row in store.run("MATCH (n) RETURN labels(n) AS labels, count(*) AS n"):
        for label in row["labels"] or ["(none)"]:
            if (
                label == TOTALS_LABEL
            ):  # the store's own counts by month (graph/schema.py), not a node of the graph
                continue
            nodes[label] = nodes.get(label, 0) + row["n"]
    rels = {
        row["type"]: row["n"] for row in store.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    }
    return {
        "backend": store.backend,
        "location": store.location,
        "nodes": dict(sorted(nodes.items())),
        "relationships": dict(sorted(rels.items())),
        "total_nodes": sum(nodes.values()),
        "total_relationships": sum(rels.values()),
    }
