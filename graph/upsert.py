"""The write path both engines share: clean values, then build one portable Cypher upsert.

`plan_upsert` turns a `Batch` into a single statement (FalkorDB and Neo4j 5 both run it as
one atomic unit), so a document's nodes, relationships, evidence and journal mark land
together or not at all. Labels and relationship types are checked against graph/schema.py
before they are written into the text (they cannot be parameters); every value travels as a
parameter, cleaned by `clean_value` first.

How values merge, so that loading documents in any order gives the same graph:
- nodes are MERGEd by `id`, relationships by `key` between their two end nodes;
- a scalar property keeps the larger of the stored and the new value (a more precise date
  "2025-11-03" wins over "2025-11"; `day` follows the `date` it was computed from);
- list properties (aliases ...) are unions;
- evidence pieces are appended to the parallel lists of schema.EVIDENCE_FIELDS only when
  their key is not there yet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.cypher_check import check_statement
from graph.facts import Batch
from graph.schema import (
    EVIDENCE_FIELDS,
    SEARCH_KEYS,
    SEARCHABLE_LABELS,
    SchemaError,
    check_label,
    check_property,
    check_rel_type,
    search_keys,
)

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# Characters that never reach a store: C0 controls except tab, newline and carriage return,
# DEL, and lone surrogates (invalid UTF-8 once encoded). Each becomes U+FFFD, one for one,
# so a cleaned text keeps its length and evidence offsets still index it.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

# Evidence piece fields in the order of EVIDENCE_FIELDS.
EVIDENCE_PARTS = ("key", "doc", "doc_id", "quote", "start", "end")
# A property whose value follows the winner of another (day is computed from date).
_FOLLOWS = {"day": "date"}
# Set by the journal, not by a batch.
JOURNAL_PROPERTIES = ("loaded", "loaded_at")

_COUNT = "WITH count(*) AS _c"


def clean_text(text: str | bytes) -> str:
    """Valid UTF-8 with no NUL or other control characters (tab and line breaks kept)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return _UNSAFE_CHARS.sub("\ufffd", text)


def clean_value(value: Any) -> Any:
    """A value both engines store as given: clean text, 64-bit integers, finite floats.

    Integers beyond 64 bits become floats (FalkorDB would clamp them silently); NaN and
    infinities, and doubles FalkorDB would read back as infinite, become None (no engine
    round-trips them as parameters); None inside lists is dropped (list properties cannot
    hold null). FalkorDB reads doubles back to 15 significant digits."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if INT64_MIN <= value <= INT64_MAX:
            return value
        try:
            return clean_value(float(value))
        except OverflowError:
            return None
    if isinstance(value, float):
        # FalkorDB answers with doubles printed to 15 significant digits: the largest ones
        # (above 1.79769313486231e308) would come back as infinity, so they count as infinite
        return value if math.isfinite(value) and math.isfinite(float(f"{value:.15g}")) else None
    if isinstance(value, str | bytes):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return [v for v in (clean_value(item) for item in items) if v is not None]
    return clean_text(str(value))


def clean_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """Statement parameters as `clean_value` leaves them (keys are kept as names)."""
    return {str(k): clean_value(v) for k, v in (params or {}).items()}


def statement_params(
    cypher: str, params: dict[str, Any] | None, *, write: bool, engine: str = "falkordb"
) -> dict[str, Any]:
    """What every backend does before running a statement: refuse what graph/cypher_check.py
    refuses (size, nesting, and in read-only mode files, USE and procedures outside the engine's
    allowlist) and clean the parameter values."""
    check_statement(cypher, write=write, engine=engine)
    return clean_params(params)


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any]


def _clean_props(props: dict[str, Any] | None, *, where: str) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in (props or {}).items():
        try:
            check_property(name)
        except SchemaError as exc:
            raise SchemaError(f"{where}: {exc}") from None
        value = clean_value(value)
        if value is not None and value != []:
            cleaned[name] = value
    return cleaned


def _max_merge(var: str, name: str, *, win: str | None = None) -> str:
    """`var.name` keeps the larger of its value and the row's; `win` is another property's
    winning condition to follow instead."""
    new = f"r.p.{name}"
    old = f"{var}.{name}"
    if win is not None:
        return f"{old} = CASE WHEN {win} THEN {new} ELSE {old} END"
    return f"{old} = CASE WHEN {new} IS NULL THEN {old} WHEN {old} IS NULL OR {new} > {old} THEN {new} ELSE {old} END"


def _wins(var: str, name: str) -> str:
    return f"(r.p.{name} IS NOT NULL AND ({var}.{name} IS NULL OR r.p.{name} > {var}.{name}))"


def _union(var: str, name: str) -> str:
    old = f"coalesce({var}.{name}, [])"
    return (
        f"{var}.{name} = CASE WHEN r.p.{name} IS NULL THEN {var}.{name} "
        f"ELSE {old} + [v IN r.p.{name} WHERE NOT v IN {old}] END"
    )


def _set_clauses(var: str, rows: list[dict[str, Any]]) -> list[str]:
    """SET clauses merging every property the rows carry (one clause per dependency level)."""
    names = sorted({name for row in rows for name in row["p"]})
    lists = {name for row in rows for name, value in row["p"].items() if isinstance(value, list)}
    followers = [n for n in names if n in _FOLLOWS and _FOLLOWS[n] in names and n not in lists]
    first = [_max_merge(var, n, win=_wins(var, _FOLLOWS[n])) for n in followers]
    rest = [_union(var, n) if n in lists else _max_merge(var, n) for n in names if n not in followers]
    return [f"SET {', '.join(items)}" for items in (first, rest) if items]


def node_rows(batch: Batch) -> dict[str, dict[str, dict[str, Any]]]:
    """Rows by label and id; the same node twice merges its properties here."""
    by_label: dict[str, dict[str, dict[str, Any]]] = {}
    for index, node in enumerate(batch.nodes):
        where = f"node {index}"
        label = check_label(node.get("label", ""))
        node_id = clean_value(node.get("id"))
        if not isinstance(node_id, str) or not node_id:
            raise SchemaError(f"{where} ({label}): id must be a non-empty string")
        props = _clean_props(node.get("props"), where=f"{where} ({label} {node_id})")
        props.pop("id", None)
        _add_search_keys(label, props)
        rows = by_label.setdefault(label, {})
        known = rows.get(node_id)
        if known is None:
            rows[node_id] = {"id": node_id, "p": props}
        else:
            _merge_into(known["p"], props)
    return by_label


def _add_search_keys(label: str, props: dict[str, Any]) -> None:
    """The derived lookup keys of graph/schema.py (SEARCH_KEYS) from the row's name and aliases;
    they merge like any list (a union), so every name a node was written with stays findable. A
    restored dump brings the keys the node had (names it was written with that are no longer its
    name): they are kept, so dump -> restore gives the same graph."""
    given = props.pop(SEARCH_KEYS, None)
    if label in SEARCHABLE_LABELS:
        keys = set(search_keys(props.get("name"), props.get("aliases")))
        if isinstance(given, list):
            keys |= {k for k in given if isinstance(k, str) and k}
        if keys:
            props[SEARCH_KEYS] = sorted(keys)


def _merge_into(old: dict[str, Any], new: dict[str, Any]) -> None:
    """The in-batch version of the store's merge rules (larger scalar, union of lists)."""
    for name, value in new.items():
        have = old.get(name)
        if have is None:
            old[name] = value
        elif isinstance(have, list) and isinstance(value, list):
            old[name] = have + [v for v in value if v not in have]
        else:
            try:
                if value > have:
                    old[name] = value
            except TypeError:
                pass


def _evidence(pieces: Iterable[dict[str, Any]], *, where: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for piece in pieces or ():
        cleaned = {part: clean_value(piece.get(part)) for part in EVIDENCE_PARTS}
        missing = [part for part, value in cleaned.items() if value is None or value == ""]
        if missing:  # list properties cannot hold null, and a piece without them proves nothing
            raise SchemaError(f"{where}: an evidence piece has no {', '.join(missing)}")
        if cleaned["key"] not in seen:
            seen.add(cleaned["key"])
            out.append(cleaned)
    return out


def rel_rows(batch: Batch) -> dict[tuple[str, str, str], dict[str, dict[str, Any]]]:
    """Rows by (type, source label, target label) and key; duplicates merge their evidence."""
    groups: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}
    for index, rel in enumerate(batch.rels):
        rel_type = check_rel_type(rel.get("type", ""))
        group = (rel_type, check_label(rel.get("src_label", "")), check_label(rel.get("dst_label", "")))
        where = f"relationship {index} ({rel_type})"
        key, src, dst = (clean_value(rel.get(k)) for k in ("key", "src", "dst"))
        for name, value in (("key", key), ("src", src), ("dst", dst)):
            if not isinstance(value, str) or not value:
                raise SchemaError(f"{where}: {name} must be a non-empty string")
        props = _clean_props(rel.get("props"), where=where)
        for name in ("key", *EVIDENCE_FIELDS):
            props.pop(name, None)
        evidence = _evidence(rel.get("evidence") or (), where=where)
        rows = groups.setdefault(group, {})
        known = rows.get(key)
        if known is None:
            rows[key] = {"key": key, "src": src, "dst": dst, "p": props, "ev": evidence}
        else:
            _merge_into(known["p"], props)
            have = {e["key"] for e in known["ev"]}
            known["ev"].extend(e for e in evidence if e["key"] not in have)
    return groups


def _node_segment(param: str, label: str, rows: list[dict[str, Any]]) -> str:
    lines = [f"UNWIND ${param} AS r", f"MERGE (n:{label} {{id: r.id}})", *_set_clauses("n", rows)]
    return "\n".join(lines)


def _rel_segment(param: str, group: tuple[str, str, str], rows: list[dict[str, Any]]) -> str:
    rel_type, src_label, dst_label = group
    lines = [
        f"UNWIND ${param} AS r",
        f"MERGE (a:{src_label} {{id: r.src}})",
        f"MERGE (b:{dst_label} {{id: r.dst}})",
        f"MERGE (a)-[x:{rel_type} {{key: r.key}}]->(b)",
        *_set_clauses("x", rows),
    ]
    if any(row["ev"] for row in rows):
        lines.append("WITH x, [e IN r.ev WHERE NOT e.key IN coalesce(x.evidence_keys, [])] AS fresh")
        appends = [
            f"x.{field} = coalesce(x.{field}, []) + [e IN fresh | e.{part}]"
            for field, part in zip(EVIDENCE_FIELDS, EVIDENCE_PARTS, strict=True)
        ]
        lines.append("SET " + ", ".join(appends))
    return "\n".join(lines)


def _replace_segments() -> list[str]:
    """Remove replaced documents: their evidence everywhere, relationships left without
    evidence, the Document nodes (and their MENTIONS), then nodes left with no relationship.

    The relationships to delete are collected after the SET rather than filtered with
    `WITH ... WHERE`: FalkorDB 4.16 moves such a filter in front of the SET, which then
    only updates the filtered rows."""
    keep_lists = ", ".join(f"x.{field} = [i IN keep | x.{field}[i]]" for field in EVIDENCE_FIELDS)
    evidence = "\n".join(
        [
            "MATCH ()-[x]->() WHERE any(d IN coalesce(x.evidence_doc_ids, []) WHERE d IN $replaces)",
            "WITH x, [i IN range(0, size(x.evidence_doc_ids) - 1) WHERE NOT x.evidence_doc_ids[i] IN $replaces] AS keep",
            f"SET {keep_lists}",
            "WITH collect(CASE WHEN size(keep) = 0 THEN x END) AS emptied",
            "UNWIND emptied AS x",
            "DELETE x",
        ]
    )
    documents = "\n".join(
        [
            "UNWIND $replaces AS old_id",
            "MATCH (old:Document {id: old_id})",
            "OPTIONAL MATCH (old)-[:MENTIONS]->(m)",
            "WITH old, collect(m) AS touched",
            "DETACH DELETE old",
            "WITH touched",
            "UNWIND touched AS m",
            "WITH DISTINCT m",
            "WHERE NOT (m)--()",
            "DELETE m",
        ]
    )
    return [evidence, documents]


def plan_upsert(batch: Batch, replaces: Sequence[str] = (), *, loaded_at: str | None = None) -> Statement:
    """One statement writing the whole batch (see the module docstring for the merge rules).

    Raises SchemaError before any statement exists when a label, type, property name or id
    is not acceptable. `batch.documents` get `loaded = true` (the load journal) in the same
    statement; `loaded_at` is an optional timestamp stored beside it."""
    node_groups = node_rows(batch)
    rel_groups = rel_rows(batch)
    documents = [d for d in (clean_value(doc) for doc in batch.documents) if isinstance(d, str) and d]
    replaced = sorted({clean_value(r) for r in replaces} - set(documents) - {None, ""})

    segments: list[str] = []
    params: dict[str, Any] = {}
    for index, label in enumerate(sorted(node_groups)):
        rows = list(node_groups[label].values())
        params[f"n{index}"] = rows
        segments.append(_node_segment(f"n{index}", label, rows))
    for index, group in enumerate(sorted(rel_groups)):
        rows = list(rel_groups[group].values())
        params[f"r{index}"] = rows
        segments.append(_rel_segment(f"r{index}", group, rows))
    if replaced:
        params["replaces"] = replaced
        segments.extend(_replace_segments())
    if documents:
        params["docs"] = documents
        params["loaded_at"] = loaded_at
        segments.append(
            "\n".join(
                [
                    "UNWIND $docs AS d",
                    "MATCH (doc:Document {id: d})",
                    "SET doc.loaded = true, doc.loaded_at = $loaded_at",
                ]
            )
        )
    if not segments:
        return Statement("RETURN 0 AS written", {})
    cypher = f"\n{_COUNT}\n".join(segments) + f"\n{_COUNT}\nRETURN _c AS written"
    return Statement(cypher, params)
