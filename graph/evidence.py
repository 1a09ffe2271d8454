"""Reading evidence back: the Evidence nodes of facts, in the shape exports and tests expect.

Each piece of evidence is its own Evidence node (graph/schema.py EVIDENCE_PROPERTIES), found by
its fact's key through an index. Exports, the fact export and dumps show a fact's pieces as the
parallel lists of EVIDENCE_FIELDS on the relationship, as they always have; `attach` puts them
there for a page of relationships with one look-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.schema import EVIDENCE_FIELDS, EVIDENCE_LABEL
from graph.store import Store

__all__ = ["PAGE", "pieces", "attach", "as_lists"]

PAGE = 2000

_PIECES = (
    f"UNWIND $keys AS k MATCH (v:{EVIDENCE_LABEL} {{fact: k}}) "
    "RETURN v.fact AS fact, v.doc AS doc, v.doc_id AS doc_id, v.quote AS quote, v.start AS start, v.end AS end"
)


def _order(piece: dict[str, Any]) -> tuple:
    return (str(piece["doc"]), piece["start"] if isinstance(piece["start"], int) else 0, str(piece["end"]))


def pieces(store: Store, keys: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Every piece of the facts with these keys, by key, in document-name then offset order."""
    wanted = sorted(set(keys))
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(wanted), PAGE):
        for row in store.run(_PIECES, {"keys": wanted[start : start + PAGE]}):
            found.setdefault(row["fact"], []).append(row)
    for items in found.values():
        items.sort(key=_order)
    return found


def as_lists(items: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Pieces as the parallel lists of EVIDENCE_FIELDS (empty when there are none)."""
    if not items:
        return {}
    columns = (
        [f"{p['doc_id']}:{p['start']}:{p['end']}" for p in items],
        [p["doc"] for p in items],
        [p["doc_id"] for p in items],
        [p["quote"] for p in items],
        [p["start"] for p in items],
        [p["end"] for p in items],
    )
    return dict(zip(EVIDENCE_FIELDS, columns, strict=True))


def attach(store: Store, props_by_key: dict[str, dict[str, Any]]) -> None:
    """Add the evidence lists to each relationship's properties (keyed by relationship key)."""
    found = pieces(store, props_by_key)
    for key, props in props_by_key.items():
        props.update(as_lists(found.get(key, [])))
