"""The write path both engines share: clean values, then build one portable Cypher upsert.

`plan_upsert` turns a `Batch` into a single statement (FalkorDB and Neo4j 5 both run it as
one atomic unit; the two differ only in how a fact is found, _fact_lookup), so a document's
nodes, relationships, evidence and journal mark land together or not at all. Labels and
relationship types are checked against graph/schema.py before they are written into the text
(they cannot be parameters); every value travels as a parameter, cleaned by `clean_value` first.

How values merge, so that loading documents in any order gives the same graph:
- nodes are MERGEd by `id`, relationships by `key` between their two end nodes (on FalkorDB a
  fact is found through its type's `key` index and created when missing: _fact_lookup);
- a scalar property keeps the larger of the stored and the new value (a more precise date
  "2025-11-03" wins over "2025-11"; `day` follows the `date` it was computed from);
- list properties (aliases ...) are unions;
- each evidence piece becomes one Evidence node (graph/schema.py EVIDENCE_PROPERTIES), written
  once whatever the number of documents that repeat the fact: a new piece costs the same at the
  10,000th document as at the first. The relationship keeps a count and one sample quote;
- what the store derives is kept up to date in the same statement: each node's count of
  relationships by type and direction (`_out_TYPE`, `_in_TYPE`, set when a relationship is
  created), the names of the first documents that mention it (graph/schema.py FIRST_DOCUMENTS,
  set when a MENTIONS is created), and the pairing of asks with replies (graph/pairing.py).

A replaced document (a changed file) takes its pieces away: relationships left with none are
deleted, their samples chosen again from what is left, counts lowered, asks paired again, and
the first documents chosen again for the nodes whose list named it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.cypher_check import check_statement
from graph.facts import Batch
from graph.pairing import (
    FORMAL,
    PAIR,
    PAIRING_PROPERTIES,
    formal_genres_literal,
    improve_with_reply,
    recompute,
    recompute_asks,
    recompute_threads_of_replies,
    thread,
)
from graph.schema import (
    ABOUT_KEY,
    EVIDENCE_COUNT,
    EVIDENCE_FIELDS,
    EVIDENCE_LABEL,
    FACT_TYPES,
    FIRST_DOCUMENTS,
    FIRST_DOCUMENTS_KEPT,
    MONTH_FACTS,
    MONTHS,
    NODE_LABELS,
    SAMPLE_DOCUMENT,
    SAMPLE_ORDER,
    SAMPLE_QUOTE,
    SEARCH_KEYS,
    SEARCHABLE_LABELS,
    STATEMENT_LABEL,
    TEXT_KEY,
    THREAD,
    TOTALS_ID,
    TOTALS_LABEL,
    SchemaError,
    check_label,
    check_property,
    check_rel_type,
    degree_property,
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
_FOLLOWS = {"day": "date", ABOUT_KEY: "about"}
# Set by the journal, not by a batch.
JOURNAL_PROPERTIES = ("loaded", "loaded_at")
# Derived by the store as it writes (graph/pairing.py): a batch cannot set them.
_PAIRING_DERIVED = (THREAD, PAIR, ABOUT_KEY, *PAIRING_PROPERTIES)
# Sets ABOUT_KEY on the asks of a store written before the store kept it (every write does since);
# run where the schema is made sure of (graph/falkor.py, graph/neo4j_store.py ensure_schema).
DERIVE_ABOUT_KEYS = (
    f"MATCH ()-[q:ASKED]->() WHERE q.key >= '' AND q.about IS NOT NULL AND q.{ABOUT_KEY} IS NULL\n"
    f"SET q.{ABOUT_KEY} = toLower(q.about)\n"
    "RETURN count(q) AS derived"
)

_COUNT = "WITH count(*) AS _c"


def _first_documents_from_mentions(node: str, where: str = "") -> list[str]:
    """Set `node`'s FIRST_DOCUMENTS from the documents that mention it (`where` filters them,
    `fd_d` being the document): their names in order, without repeats, the first
    FIRST_DOCUMENTS_KEPT of them; removed when none has a name. `node` is bound before."""
    return [
        f"OPTIONAL MATCH (fd_d:Document)-[:MENTIONS]->({node}){where}",
        f"WITH {node}, fd_d.name AS fd_name",
        "ORDER BY fd_name",
        f"WITH {node}, collect(DISTINCT fd_name) AS fd_names",
        f"SET {node}.{FIRST_DOCUMENTS} = CASE WHEN size(fd_names) = 0 THEN null "
        f"ELSE fd_names[0..{FIRST_DOCUMENTS_KEPT}] END",
    ]


# Sets FIRST_DOCUMENTS on the mentioned nodes of a store written before the store kept it (every
# write does since), a label at a time (a scan of the label's nodes: Evidence nodes, most of a
# store, are never mentioned); run where the schema is made sure of, as DERIVE_ABOUT_KEYS. A node
# whose documents have no name is read again each time (there is nothing to keep).
DERIVE_FIRST_DOCUMENTS = tuple(
    "\n".join(
        [
            f"MATCH (fd_m:{label}) WHERE fd_m.{FIRST_DOCUMENTS} IS NULL",
            "WITH fd_m",
            "MATCH (fd_d:Document)-[:MENTIONS]->(fd_m) WHERE fd_d.name IS NOT NULL",
            "WITH DISTINCT fd_m",
            *_first_documents_from_mentions("fd_m"),
            "RETURN count(fd_m) AS derived",
        ]
    )
    for label in NODE_LABELS
    if label != EVIDENCE_LABEL
)


def _insert_first_document(doc: str, node: str) -> str:
    """The SET item putting document `doc`'s name in its place in `node`'s FIRST_DOCUMENTS (the
    list stays in name order, without repeats, FIRST_DOCUMENTS_KEPT long at most)."""
    kept = f"coalesce({node}.{FIRST_DOCUMENTS}, [])"
    return (
        f"{node}.{FIRST_DOCUMENTS} = CASE WHEN {doc}.name IS NULL OR {doc}.name IN {kept} THEN {node}.{FIRST_DOCUMENTS} "
        f"ELSE ([fd IN {kept} WHERE fd < {doc}.name] + [{doc}.name] + [fd IN {kept} WHERE fd > {doc}.name])"
        f"[0..{FIRST_DOCUMENTS_KEPT}] END"
    )


def _move_months() -> list[str]:
    """Move facts between months in the counts graph/schema.py MONTHS / MONTH_FACTS keep: on rows
    binding `mt` (the TOTALS_LABEL node, or null), `a`, `b` (a fact's ends) and `mo`, `mn` (the
    month the fact was counted in and the one it is counted in now, null for none), each node (`a`
    once when the fact joins it to itself) gets -1 in the old month and +1 in the new one. The
    moves are added up by node first, so that each node's lists are set once (from one row). A
    month left at 0 is taken out, and lists left empty removed, so that the same facts give the
    same lists (in some order) whatever order they were written and moved in (the fingerprint).
    Short names: a statement has one of these per group of dated relationships, and its text is
    sent and parsed with every write. The 65,536 characters of graph/cypher_check.py
    (MAX_STATEMENT_CHARS) bound what `Store.run` accepts, not the upsert, which the stores send
    without that check: a 200-document statement of `load` is longer (median 75,000 characters
    with the rules-only extractor, 105,000 with the language layer; BENCHMARKS.md)."""
    return [
        "UNWIND [e IN CASE WHEN mo = mn THEN [] ELSE [[mo, -1], [mn, 1]] END WHERE e[0] IS NOT NULL] AS mm",
        "UNWIND [e IN [mt, a] + CASE WHEN a = b THEN [] ELSE [b] END WHERE e IS NOT NULL] AS mx",
        "WITH mx, mm[0] AS mg, sum(mm[1]) AS md",
        f"WITH mx, collect([mg, md]) AS ms, coalesce(mx.{MONTHS}, []) AS mh",
        f"WITH mx, mh + [e IN ms WHERE NOT e[0] IN mh | e[0]] AS ma, [i IN range(0, size(mh) - 1) |"
        f" mx.{MONTH_FACTS}[i] + reduce(c = 0, e IN ms | c + CASE WHEN e[0] = mh[i] THEN e[1] ELSE 0 END)]"
        " + [e IN ms WHERE NOT e[0] IN mh | e[1]] AS mc",
        "WITH mx, ma, mc, [i IN range(0, size(ma) - 1) WHERE mc[i] <> 0] AS mi",
        f"SET mx.{MONTHS} = CASE WHEN size(mi) = 0 THEN null ELSE [i IN mi | ma[i]] END,"
        f"    mx.{MONTH_FACTS} = CASE WHEN size(mi) = 0 THEN null ELSE [i IN mi | mc[i]] END",
    ]


def _months_write_segment(param: str, group: tuple[str, str, str]) -> str:
    """Before a group of relationships is written (_rel_segment): the month each fact is counted in
    now (none for a new one) and the one it will be counted in once its date is merged (the larger
    date, as _max_merge keeps it), moved in the counts (_move_months)."""
    rel_type, src_label, dst_label = group
    return "\n".join(
        [
            f"MERGE (mt:{TOTALS_LABEL} {{id: '{TOTALS_ID}'}})",
            f"WITH mt UNWIND ${param} AS r",
            f"MERGE (a:{src_label} {{id: r.src}})",
            f"MERGE (b:{dst_label} {{id: r.dst}})",
            # read through the type's `key` index: a pattern from `a` to `b` reads every relationship
            # between the two (248,922 rows for 200 documents' asks between two hubs at 3,000 documents)
            f"WITH mt, r, a, b OPTIONAL MATCH ()-[x:{rel_type} {{key: r.key}}]->()",
            "WITH mt, a, b, r.key AS k, r.p.date AS mp, collect(CASE WHEN startNode(x) = a AND endNode(x) = b"
            " THEN x.date END) AS mw",
            "WITH mt, a, b, substring(mw[0], 0, 7) AS mo, substring(CASE WHEN mp IS NULL THEN mw[0]"
            " WHEN size(mw) = 0 OR mp > mw[0] THEN mp ELSE mw[0] END, 0, 7) AS mn",
            *_move_months(),
        ]
    )


def _months_replace_segment(rel_type: str) -> str:
    """Before a type's share of removing replaced documents (_replace_type_segment): the facts it
    will delete (every evidence piece from the replaced documents) taken off their month."""
    return "\n".join(
        [
            f"OPTIONAL MATCH (mt:{TOTALS_LABEL} {{id: '{TOTALS_ID}'}})",
            "WITH mt",
            f"MATCH (k:{EVIDENCE_LABEL}) WHERE k.doc_id IN $replaces AND k.type = '{rel_type}'",
            "WITH DISTINCT mt, k.fact AS mk",
            f"MATCH (a)-[x:{rel_type} {{key: mk}}]->(b) WHERE x.date IS NOT NULL",
            f"OPTIONAL MATCH (v:{EVIDENCE_LABEL} {{fact: x.key}}) WHERE NOT v.doc_id IN $replaces",
            "WITH mt, a, b, x, count(v) AS ml",
            "WITH mt, a, b, CASE WHEN ml = 0 THEN substring(x.date, 0, 7) END AS mo, null AS mn",
            *_move_months(),
        ]
    )


# The relationship types counted in MONTHS, as a pattern's type list.
_FACT_PATTERN = "|".join(FACT_TYPES)

# Counts MONTHS / MONTH_FACTS (graph/schema.py) in a store written before the store kept them
# (every write does since): run where the schema is made sure of, in this order, each doing
# nothing once the TOTALS_LABEL node is there (the last creates it, when there is a dated fact);
# a label at a time, its nodes' counts cleared then counted from their dated facts.
_NO_TOTALS = f"OPTIONAL MATCH (tl_t:{TOTALS_LABEL})\nWITH count(tl_t) AS tl_have WHERE tl_have = 0\n"
DERIVE_MONTHS = (
    *(
        _NO_TOTALS
        + f"MATCH (tl_n:{label}) WHERE tl_n.{MONTHS} IS NOT NULL\n"
        + f"SET tl_n.{MONTHS} = null, tl_n.{MONTH_FACTS} = null\nRETURN count(tl_n) AS cleared"
        for label in NODE_LABELS
        if label not in (EVIDENCE_LABEL, "Document")
    ),
    *(
        _NO_TOTALS
        + f"MATCH (tl_n:{label})-[tl_f:{_FACT_PATTERN}]-() WHERE tl_f.date IS NOT NULL\n"
        + "WITH DISTINCT tl_n, tl_f\n"
        + "WITH tl_n, substring(tl_f.date, 0, 7) AS tl_g, count(*) AS tl_c\n"
        + "WITH tl_n, collect(tl_g) AS tl_gs, collect(tl_c) AS tl_cs\n"
        + f"SET tl_n.{MONTHS} = tl_gs, tl_n.{MONTH_FACTS} = tl_cs\nRETURN count(tl_n) AS derived"
        for label in NODE_LABELS
        if label not in (EVIDENCE_LABEL, "Document")
    ),
    _NO_TOTALS
    + f"MATCH ()-[tl_f:{_FACT_PATTERN}]->() WHERE tl_f.date IS NOT NULL\n"
    + "WITH substring(tl_f.date, 0, 7) AS tl_g, count(*) AS tl_c\n"
    + "WITH collect(tl_g) AS tl_gs, collect(tl_c) AS tl_cs\n"
    + "WITH tl_gs, tl_cs WHERE size(tl_gs) > 0\n"
    + f"MERGE (tl_t:{TOTALS_LABEL} {{id: '{TOTALS_ID}'}})\n"
    + f"SET tl_t.{MONTHS} = tl_gs, tl_t.{MONTH_FACTS} = tl_cs\nRETURN count(tl_t) AS derived",
)


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
        props.pop(FIRST_DOCUMENTS, None)  # derived by the store from the MENTIONS it holds
        props.pop(MONTHS, None)  # ... and from the dated facts it holds
        props.pop(MONTH_FACTS, None)
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
    name): they are kept, so dump -> restore gives the same graph. A statement's TEXT_KEY is its
    text in lower case, computed here whatever the row brings (the same text gives the same key)."""
    given = props.pop(SEARCH_KEYS, None)
    if label in SEARCHABLE_LABELS:
        keys = set(search_keys(props.get("name"), props.get("aliases")))
        if isinstance(given, list):
            keys |= {k for k in given if isinstance(k, str) and k}
        if keys:
            props[SEARCH_KEYS] = sorted(keys)
    props.pop(TEXT_KEY, None)
    if label == STATEMENT_LABEL:
        text = props.get("text") or props.get("name")
        if isinstance(text, str):
            props[TEXT_KEY] = text.lower()


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
    if isinstance(old.get(ABOUT_KEY), str) and isinstance(old.get("about"), str):  # follows the `about` kept
        old[ABOUT_KEY] = old["about"].lower()


def _evidence(pieces: Iterable[dict[str, Any]], *, where: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for piece in pieces or ():
        cleaned = {part: clean_value(piece.get(part)) for part in EVIDENCE_PARTS}
        missing = [part for part, value in cleaned.items() if value is None or value == ""]
        if missing:  # a piece without them proves nothing
            raise SchemaError(f"{where}: an evidence piece has no {', '.join(missing)}")
        if cleaned["key"] not in seen:
            seen.add(cleaned["key"])
            out.append(cleaned)
    return out


def sample_order(piece: dict[str, Any]) -> str:
    """The sort key that chooses a fact's sample piece (graph/schema.py SAMPLE_ORDER): document
    name, start and end offsets (zero-padded), then the document's hash, so that no two pieces
    of one fact tie and the sample does not depend on load order. `_SAMPLE_ORDER_CYPHER` is the
    same in Cypher."""

    def pad(offset: Any) -> str:
        return f"{offset:010d}" if isinstance(offset, int) and offset >= 0 else str(offset)

    return f"{piece['doc']}|{pad(piece['start'])}|{pad(piece['end'])}|{piece['doc_id']}"


def _sample_order_cypher(var: str) -> str:
    """sample_order() of the Evidence node bound to `var`, in Cypher."""
    return (
        f"{var}.doc + '|' + substring(toString(10000000000 + {var}.start), 1) + '|' "
        f"+ substring(toString(10000000000 + {var}.end), 1) + '|' + {var}.doc_id"
    )


def _evidence_rows(fact_key: str, pieces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Evidence node rows of one relationship's pieces (graph/schema.py EVIDENCE_PROPERTIES)."""
    return [
        {
            "id": evidence_id(fact_key, piece["key"]),
            "doc": piece["doc"],
            "doc_id": piece["doc_id"],
            "quote": piece["quote"],
            "start": piece["start"],
            "end": piece["end"],
            "first": sample_order(piece),
        }
        for piece in pieces
    ]


def evidence_id(fact_key: str, piece_key: str) -> str:
    """The id of the Evidence node of one piece of one fact."""
    return "ev-" + hashlib.sha256(f"{fact_key}\x1f{piece_key}".encode()).hexdigest()[:24]


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
        for name in ("key", *EVIDENCE_FIELDS, *_PAIRING_DERIVED):
            props.pop(name, None)
        evidence = _evidence(rel.get("evidence") or (), where=where)
        if rel_type == "ASKED":
            props[THREAD] = thread(src, dst, props.get("about"))
            if isinstance(props.get("about"), str):  # graph/schema.py ABOUT_KEY; it follows `about`
                props[ABOUT_KEY] = props["about"].lower()
            props[PAIR] = f"{src}|{dst}"
        elif rel_type == "REPLIED_TO":
            props[THREAD] = thread(dst, src, props.get("about"))
        rows = groups.setdefault(group, {})
        known = rows.get(key)
        if known is None:
            rows[key] = {"key": key, "src": src, "dst": dst, "p": props, "ev": evidence}
        else:
            _merge_into(known["p"], props)
            have = {e["key"] for e in known["ev"]}
            known["ev"].extend(e for e in evidence if e["key"] not in have)
    for rows in groups.values():
        for row in rows.values():
            row["ev"] = _evidence_rows(row["key"], row["ev"])
    return groups


@dataclass
class Rows:
    """A batch cleaned, checked and grouped as the upsert writes it: node rows by label and id,
    relationship rows by (type, source label, target label) and key (evidence pieces as Evidence
    node rows), and the ids of the documents it journals. A load builds them in its worker
    processes (loaders/pipeline.py), so that the writer only merges a group's rows and sends them."""

    nodes: dict[str, dict[str, dict[str, Any]]]
    rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]]
    documents: list[str]

    def paths(self) -> dict[str, Any]:
        """The `path` of each document the rows journal (None when it has none)."""
        docs = self.nodes.get("Document", {})
        return {d: (docs.get(d) or {}).get("p", {}).get("path") for d in self.documents}


def batch_rows(batch: Batch | Rows) -> Rows:
    """The rows of a batch (SchemaError when a label, type, property name or id is refused)."""
    if isinstance(batch, Rows):
        return batch
    documents = [d for d in (clean_value(doc) for doc in batch.documents) if isinstance(d, str) and d]
    return Rows(node_rows(batch), rel_rows(batch), documents)


def merge_rows(parts: Iterable[Rows]) -> Rows:
    """Several batches' rows as one, merged as one batch would be (larger scalar, union of lists,
    each evidence piece once). The parts are left as they were (a group that fails is written
    again document by document)."""
    nodes: dict[str, dict[str, dict[str, Any]]] = {}
    rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}
    documents: list[str] = []
    for part in parts:
        for label, rows in part.nodes.items():
            into = nodes.setdefault(label, {})
            for node_id, row in rows.items():
                known = into.get(node_id)
                if known is None:
                    into[node_id] = {"id": node_id, "p": dict(row["p"])}
                else:
                    _merge_into(known["p"], row["p"])
        for group, rows in part.rels.items():
            into = rels.setdefault(group, {})
            for key, row in rows.items():
                known = into.get(key)
                if known is None:
                    into[key] = {**row, "p": dict(row["p"]), "ev": list(row["ev"])}
                else:
                    _merge_into(known["p"], row["p"])
                    have = {e["id"] for e in known["ev"]}
                    known["ev"].extend(e for e in row["ev"] if e["id"] not in have)
        documents.extend(d for d in part.documents if d not in documents)
    return Rows(nodes, rels, documents)


def _node_segment(param: str, label: str, rows: list[dict[str, Any]]) -> str:
    lines = [f"UNWIND ${param} AS r", f"MERGE (n:{label} {{id: r.id}})", *_set_clauses("n", rows)]
    return "\n".join(lines)


def _fact_lookup(rel_type: str, engine: str) -> bool:
    """Whether `_rel_segment` finds a relationship through its type's `key` index and creates it
    when missing (FalkorDB's facts), instead of MERGEing it between its two end nodes.

    FalkorDB's relationship MERGE reads every relationship between the two nodes before it filters
    on `key`: between the hubs (the Assembly and the Mayor's asks and replies) that was 854,902
    reads, 426 of the 731 ms of one 200-document statement at 9,800 documents (BENCHMARKS.md,
    "The writer against raw"). The index (graph/schema.py REL_INDEXES, every type's `key`) finds
    the one with that key; the ends are compared after, so the same key between other ends is
    another relationship, as MERGE has it.

    Check then create is safe on FalkorDB because it serialises a graph's writes: one write
    statement runs at a time (docs.falkordb.com/design/concurrency), and within a statement a key
    is one row (rel_rows and merge_rows key a group's rows by `key`). On a Neo4j server two
    transactions could both find nothing and both create, so Neo4j keeps MERGE (it locks the end
    nodes); the store tells plan_upsert its engine, which costs nothing. MENTIONS keeps MERGE on
    both: a document and a node share at most that one relationship, so MERGE reads one.

    The lookup and MERGE both need the type known to the graph when the statement is planned,
    which FalkorDB does before the statement waits for the one writing: a plan made before a
    type existed finds none of its relationships, and creates them again. ensure_schema makes
    every type known before anything is written (graph/falkor.py _register_rel_types)."""
    return engine == "falkordb" and rel_type in FACT_TYPES


def _rel_segment(
    param: str, group: tuple[str, str, str], rows: list[dict[str, Any]], *, engine: str = "falkordb"
) -> str:
    """Write the relationships, count them on their end nodes when new, merge their properties,
    and write their new evidence pieces (counted, and the sample kept, on the relationship).

    How a relationship is found or created depends on the engine (`_fact_lookup`): on FalkorDB a
    fact is looked up through its type's `key` index and created when missing; MENTIONS, and
    every type on Neo4j, are MERGEd between their two end nodes."""
    rel_type, src_label, dst_label = group
    out, into = degree_property(rel_type, "out"), degree_property(rel_type, "in")
    counted = f"a.{out} = coalesce(a.{out}, 0) + 1, b.{into} = coalesce(b.{into}, 0) + 1"
    lines = [
        f"UNWIND ${param} AS r",
        f"MERGE (a:{src_label} {{id: r.src}})",
        f"MERGE (b:{dst_label} {{id: r.dst}})",
    ]
    if _fact_lookup(rel_type, engine):
        ends = "startNode({0}) = a AND endNode({0}) = b"
        lines += [
            f"WITH r, a, b OPTIONAL MATCH ()-[xf:{rel_type} {{key: r.key}}]->() WHERE {ends.format('xf')}",
            f"FOREACH (xc IN CASE WHEN xf IS NULL THEN [1] ELSE [] END |"
            f" CREATE (a)-[:{rel_type} {{key: r.key}}]->(b) SET {counted})",
            "WITH DISTINCT r, a, b",
            f"MATCH ()-[x:{rel_type} {{key: r.key}}]->() WHERE {ends.format('x')}",
        ]
    else:
        lines += [
            f"MERGE (a)-[x:{rel_type} {{key: r.key}}]->(b)",
            f"ON CREATE SET {counted}"
            + (f", {_insert_first_document('a', 'b')}" if rel_type == "MENTIONS" else ""),
        ]
    lines += _set_clauses("x", rows)
    if any(row["ev"] for row in rows):
        wins = f"(x.{SAMPLE_ORDER} IS NULL OR e.first < x.{SAMPLE_ORDER})"
        lines += [
            "WITH x, r",
            "UNWIND r.ev AS e",
            f"MERGE (v:{EVIDENCE_LABEL} {{id: e.id}})",
            f"ON CREATE SET v.fact = r.key, v.type = '{rel_type}', v.doc = e.doc, v.doc_id = e.doc_id,",
            "    v.quote = e.quote, v.start = e.start, v.end = e.end,",
            f"    x.{EVIDENCE_COUNT} = coalesce(x.{EVIDENCE_COUNT}, 0) + 1,",
            f"    x.{SAMPLE_QUOTE} = CASE WHEN {wins} THEN e.quote ELSE x.{SAMPLE_QUOTE} END,",
            f"    x.{SAMPLE_DOCUMENT} = CASE WHEN {wins} THEN e.doc ELSE x.{SAMPLE_DOCUMENT} END,",
            f"    x.{SAMPLE_ORDER} = CASE WHEN {wins} THEN e.first ELSE x.{SAMPLE_ORDER} END",
        ]
    return "\n".join(lines)


def _replace_type_segment(rel_type: str) -> str:
    """One relationship type's share of removing replaced documents: take their pieces off the
    count, choose the sample again from the pieces left, recompute an ask's kind, and delete the
    relationships left without evidence (taking them off their end nodes' counts); asks between
    two actors whose replies or asks changed are paired again (graph/pairing.py)."""
    out, into = degree_property(rel_type, "out"), degree_property(rel_type, "in")
    sfx = "_" + rel_type.lower()  # names of its own: FalkorDB 4.16 mixes up names reused after a DELETE
    pair = f"b{sfx}.id + '|' + a{sfx}.id"  # a reply's asker and the one asked (an ask's PAIR)
    first = _sample_order_cypher(f"v{sfx}")
    lines = [
        f"MATCH (gone{sfx}:{EVIDENCE_LABEL}) WHERE gone{sfx}.doc_id IN $replaces AND gone{sfx}.type = '{rel_type}'",
        f"WITH gone{sfx}.fact AS k{sfx}, count(gone{sfx}) AS n{sfx}",
        f"MATCH (a{sfx})-[x{sfx}:{rel_type} {{key: k{sfx}}}]->(b{sfx})",
        f"SET x{sfx}.{EVIDENCE_COUNT} = coalesce(x{sfx}.{EVIDENCE_COUNT}, n{sfx}) - n{sfx}",
        f"WITH a{sfx}, b{sfx}, x{sfx}",
        f"OPTIONAL MATCH (v{sfx}:{EVIDENCE_LABEL} {{fact: x{sfx}.key}}) WHERE NOT v{sfx}.doc_id IN $replaces",
        f"WITH a{sfx}, b{sfx}, x{sfx}, collect(CASE WHEN v{sfx} IS NULL THEN null ELSE {{first: {first}, quote: v{sfx}.quote, doc: v{sfx}.doc, doc_id: v{sfx}.doc_id}} END) AS left{sfx}",
        f"WITH a{sfx}, b{sfx}, x{sfx}, left{sfx}, reduce(s = null, c IN left{sfx} | CASE WHEN s IS NULL OR c.first < s.first THEN c ELSE s END) AS sample{sfx}",
        f"SET x{sfx}.{SAMPLE_QUOTE} = sample{sfx}.quote, x{sfx}.{SAMPLE_DOCUMENT} = sample{sfx}.doc, x{sfx}.{SAMPLE_ORDER} = sample{sfx}.first",
    ]
    if rel_type == "ASKED":
        lines += [
            f"WITH a{sfx}, b{sfx}, x{sfx}, left{sfx}",
            f"OPTIONAL MATCH (d{sfx}:Document) WHERE d{sfx}.id IN [c IN left{sfx} | c.doc_id]",
            f"WITH a{sfx}, b{sfx}, x{sfx}, size(left{sfx}) = 0 AS emptied{sfx}, any(g IN collect(d{sfx}.genre) WHERE g IN {formal_genres_literal()}) AS formal{sfx}",
            f"SET x{sfx}.{FORMAL} = formal{sfx}",
        ]
    else:
        lines.append(f"WITH a{sfx}, b{sfx}, x{sfx}, size(left{sfx}) = 0 AS emptied{sfx}")
    lines += [
        f"SET a{sfx}.{out} = a{sfx}.{out} - CASE WHEN emptied{sfx} THEN 1 ELSE 0 END,",
        f"    b{sfx}.{into} = b{sfx}.{into} - CASE WHEN emptied{sfx} THEN 1 ELSE 0 END",
        # collected before deleting: FalkorDB 4.16 moves a `WITH ... WHERE` filter in front of a SET
        f"WITH collect(CASE WHEN emptied{sfx} THEN x{sfx} END) AS dead{sfx}, collect(DISTINCT CASE WHEN emptied{sfx} THEN {pair} END) AS pairs{sfx}",
        f"FOREACH (gone_rel{sfx} IN dead{sfx} | DELETE gone_rel{sfx})",
    ]
    if rel_type == "REPLIED_TO":  # asks a deleted reply may have answered are paired again
        lines += [
            f"WITH pairs{sfx}",
            f"UNWIND pairs{sfx} AS pr{sfx}",
            f"MATCH ()-[q:ASKED {{{PAIR}: pr{sfx}}}]->()",
            *recompute(),
        ]
    return "\n".join(lines)


def _replace_segments() -> list[str]:
    """Remove replaced documents: their evidence everywhere (type by type, see
    _replace_type_segment), their Evidence nodes, the Document nodes and their MENTIONS (off the
    mentioned nodes' counts), then nodes left with no relationship."""
    segments = [s for t in FACT_TYPES for s in (_months_replace_segment(t), _replace_type_segment(t))]
    segments.append(f"MATCH (gone:{EVIDENCE_LABEL}) WHERE gone.doc_id IN $replaces\nDELETE gone")
    segments.append(  # the first documents chosen again where a replaced document's name was one
        "\n".join(
            [
                "UNWIND $replaces AS fd_old",
                "MATCH (fd_gone:Document {id: fd_old})-[:MENTIONS]->(fd_m)",
                f"WHERE fd_gone.name IN fd_m.{FIRST_DOCUMENTS}",
                "WITH DISTINCT fd_m",
                *_first_documents_from_mentions("fd_m", " WHERE NOT fd_d.id IN $replaces"),
            ]
        )
    )
    mentioned = degree_property("MENTIONS", "in")
    segments.append(
        "\n".join(
            [
                "UNWIND $replaces AS old_id",
                "MATCH (old:Document {id: old_id})",
                "OPTIONAL MATCH (old)-[:MENTIONS]->(m)",
                f"SET m.{mentioned} = m.{mentioned} - 1",
                "WITH old, collect(m) AS touched",
                "DETACH DELETE old",
                "WITH touched",
                "UNWIND touched AS m",
                "WITH DISTINCT m",
                "WHERE NOT (m)--()",
                "DELETE m",
            ]
        )
    )
    return segments


def _pairing_segments(
    rel_groups: dict[tuple[str, str, str], dict[str, dict[str, Any]]], params: dict[str, Any]
) -> list[str]:
    """Pair the batch's asks and the asks its replies may answer (graph/pairing.py)."""
    asks = sorted(k for (t, _, _), rows in rel_groups.items() if t == "ASKED" for k in rows)
    replies = [row for (t, _, _), rows in rel_groups.items() if t == "REPLIED_TO" for row in rows.values()]
    about = sorted(row["key"] for row in replies if row["p"].get("about") is not None)
    plain = sorted(row["key"] for row in replies if row["p"].get("about") is None)
    segments = []
    if asks:
        params["pair_asks"] = asks
        segments.append(recompute_asks("pair_asks"))
    if about:
        params["pair_replies"] = about
        segments.append(recompute_threads_of_replies("pair_replies"))
    if plain:
        params["pair_plain"] = plain
        segments.append(improve_with_reply("pair_plain"))
    return segments


# Variables of the write and pairing segments. Each segment gets its own names (a suffix): FalkorDB
# 4.16 has crashed or mixed up values when a statement reused a variable name in a later part.
_VARIABLES = ("n", "r", "a", "b", "x", "e", "v", "q", "k", "t", "c", "m", "fit", "best", "answered",
              "rank", "better", "plain", "reply", "fd", "fd_old", "fd_gone", "fd_m", "fd_d", "fd_name",
              "fd_names", "xf", "xc", "mt", "mo", "mn", "mm", "mx", "mg", "md", "ms", "mh", "mc", "mi", "mw", "mk", "ml", "ma", "mp", "i",
              "c")  # fmt: skip
_VARIABLE = re.compile(r"(?<![\w.$'])(" + "|".join(_VARIABLES) + r")(?![\w'])")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'")


def _own_names(cypher: str, suffix: str) -> str:
    """The segment with its variables renamed NAME_suffix (string literals left alone)."""
    parts = _STRING.split(cypher)
    literals = _STRING.findall(cypher)
    renamed = [_VARIABLE.sub(lambda m: f"{m.group(1)}_{suffix}", part) for part in parts]
    return "".join(part + (literals[i] if i < len(literals) else "") for i, part in enumerate(renamed))


def plan_upsert(
    batch: Batch | Rows,
    replaces: Sequence[str] = (),
    *,
    loaded_at: str | None = None,
    engine: str = "falkordb",
) -> Statement:
    """One statement writing the whole batch (see the module docstring for the merge rules).

    Raises SchemaError before any statement exists when a label, type, property name or id
    is not acceptable. `batch.documents` get `loaded = true` (the load journal) in the same
    statement; `loaded_at` is an optional timestamp stored beside it. `batch` may be its Rows,
    built beforehand (batch_rows). `engine` ("falkordb" or "neo4j", the store's) chooses how
    facts are found or created (_fact_lookup)."""
    rows = batch_rows(batch)
    node_groups, rel_groups, documents = rows.nodes, rows.rels, rows.documents
    replaced = sorted({clean_value(r) for r in replaces} - set(documents) - {None, ""})

    segments: list[str] = []
    params: dict[str, Any] = {}
    if replaced:  # first: what the replaced documents alone stated goes, then the batch writes
        params["replaces"] = replaced
        segments.extend(_replace_segments())
    for index, label in enumerate(sorted(node_groups)):
        rows = list(node_groups[label].values())
        params[f"n{index}"] = rows
        segments.append(_node_segment(f"n{index}", label, rows))
    for index, group in enumerate(sorted(rel_groups)):
        if any(row["key"] != key for key, row in rel_groups[group].items()):
            # a key twice in one UNWIND would be created twice where facts are looked up (_fact_lookup)
            raise SchemaError(f"relationship rows of {group[0]} are not keyed by their `key`")
        rows = list(rel_groups[group].values())
        params[f"r{index}"] = rows
        if group[0] in FACT_TYPES and any("date" in row["p"] for row in rows):
            segments.append(_months_write_segment(f"r{index}", group))
        segments.append(_rel_segment(f"r{index}", group, rows, engine=engine))
    segments += _pairing_segments(rel_groups, params)
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
    segments = [_own_names(segment, f"s{i}") for i, segment in enumerate(segments)]
    cypher = f"\n{_COUNT}\n".join(segments) + f"\n{_COUNT}\nRETURN _c AS written"
    return Statement(cypher, params)
