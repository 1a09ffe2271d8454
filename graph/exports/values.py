"""How property values become attributes in formats whose attributes are scalars.

GraphML, GEXF and CSV hold one string or number per attribute, so lists (a node's aliases, an
edge's evidence quotes and documents) are joined into one string with LIST_SEPARATOR,
" | " (space, vertical bar, space). An item that itself contains " | " is not escaped: split
on the separator only for display, and read the JSON or Cytoscape export when exact lists
matter. JSON-based formats (json, cytoscape, html, facts) keep lists as lists.
"""

from __future__ import annotations

import json
import math
from typing import Any

from graph.subgraph import SubNode, SubRel

LIST_SEPARATOR = " | "

# Properties that are sometimes stored as int and sometimes as float (2400000 vs 2400000.5):
# typed formats declare one attribute type, so these are always written as floats.
FLOAT_PROPS = frozenset({"amount_gbp"})

# Attribute names the exports set themselves; a property with the same name gets "prop_".
NODE_RESERVED = frozenset({"id", "label", "type", "labels"})
EDGE_RESERVED = frozenset({"id", "key", "label", "type", "source", "target", "evidence_count"})


def scalar(value: Any) -> str | int | float | bool | None:
    """One attribute value: lists joined, maps as JSON, NaN dropped, None kept as None."""
    if value is None:
        return None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _prop_items(props: dict[str, Any], reserved: frozenset[str], flat: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in sorted(props):
        value = props[name]
        if name in FLOAT_PROPS and isinstance(value, int | float) and not isinstance(value, bool):
            value = float(value)
        if flat:
            value = scalar(value)
        if value is None:
            continue
        out[f"prop_{name}" if name in reserved else name] = value
    return out


def node_attributes(node: SubNode, *, flat: bool) -> dict[str, Any]:
    """`label` is the display name (what Gephi and GEXF show), `type` the schema label."""
    attrs: dict[str, Any] = {
        "label": node.name,
        "type": node.label,
        "labels": ":".join(node.labels) if flat else list(node.labels),
    }
    attrs.update(_prop_items(node.props, NODE_RESERVED, flat))
    return attrs


def edge_attributes(rel: SubRel, *, flat: bool) -> dict[str, Any]:
    """`label` and `type` are the relationship type; `key` its merge key."""
    attrs: dict[str, Any] = {"label": rel.type, "type": rel.type, "key": rel.key}
    attrs["evidence_count"] = len(rel.props.get("evidence_keys") or rel.props.get("evidence_quotes") or [])
    attrs.update(_prop_items(rel.props, EDGE_RESERVED, flat))
    return attrs
