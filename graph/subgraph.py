"""Choose the part of the graph an export writes, and stream it out of a Store in pages.

A `Selection` says what to keep: the whole graph, the neighbourhood of an actor, some
relationship types, a date range, the result of a read-only Cypher statement; the filters
combine. `Subgraph` turns it into two ordered streams, nodes (by id) and relationships (by
type, then merge key), fetched page by page, so an export of a million relationships never holds more
than a page of rows plus the set of selected node ids.

Selection rules, in words:
- no filter: every node (isolated ones too) and every relationship;
- `types` / `since` / `until` keep relationships; the nodes are then their end points;
- `actor` keeps the nodes within `depth` steps of the actor, walking only kept relationships
  (and not through MENTIONS unless asked with `types`: every document mentions everything),
  and the kept relationships between those nodes;
- `cypher` starts from the nodes, relationships and paths the statement returns (run
  read-only) instead of the whole graph; the other filters then apply to that result;
- `answer` (a canned question's Cypher, whose rows are names and quotes rather than graph
  elements) keeps the nodes the answer names (any string cell equal to a node's name or id,
  documents left out) or returns, and the kept relationships among them (MENTIONS only when
  asked with `types`).

Properties whose name starts with "_" are the store's derived bookkeeping (graph/schema.py's
SEARCH_KEYS, DERIVED) and are left out of every export. Evidence, stored as Evidence nodes, is
never a node of a selection: each relationship carries its pieces as the EVIDENCE_FIELDS lists,
read a page at a time (graph/evidence.py).

Dates are ISO strings of any precision ("2025", "2025-11", "2025-11-26"); a fact is kept when
its date overlaps [since, until], comparing the two on their common prefix, so `--until 2025`
keeps "2025-11-26" and `--since 2025-03` keeps "2025" (it may be in range). Undated facts are
dropped as soon as a date bound is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from graph.evidence import attach
from graph.facts import is_iso_date
from graph.schema import (
    EVIDENCE_LABEL,
    FACT_TYPES,
    FALKORDB_UNINDEXED,
    NODE_LABELS,
    REL_TYPES,
    TOTALS_LABEL,
    check_rel_type,
)
from graph.store import ReadOnlyError, Store, StoreError

PAGE_SIZE = 5000


class SelectionError(StoreError):
    """A selection that cannot be exported: unknown type, bad date, writing Cypher, ..."""


@dataclass(frozen=True, slots=True)
class SubNode:
    """A node as exports see it: its `id` property, labels and the other properties."""

    id: str
    labels: tuple[str, ...]
    props: dict[str, Any]

    @property
    def label(self) -> str:
        """The schema label (the first declared one), used for colour and Type columns."""
        for label in self.labels:
            if label in NODE_LABELS:
                return label
        return self.labels[0] if self.labels else ""

    @property
    def name(self) -> str:
        return str(self.props.get("name") or self.id)


@dataclass(frozen=True, slots=True)
class SubRel:
    """A relationship: merge key, type, end node ids and properties (evidence lists included).

    The end nodes' label and name ride along so that streaming writers (facts, cypher) need no
    node lookup; `dst_text` is a Statement's text, which the fact export prints for SAID."""

    key: str
    type: str
    src: str
    dst: str
    props: dict[str, Any]
    src_label: str = ""
    src_name: str = ""
    dst_label: str = ""
    dst_name: str = ""
    dst_text: str | None = None

    def fact_row(self) -> dict[str, Any]:
        """The row shape `graph.facts.fact_from_rel` reads."""
        return {
            "type": self.type,
            "props": self.props,
            "src_name": self.src_name,
            "src_label": self.src_label,
            "dst_name": self.dst_name,
            "dst_label": self.dst_label,
            "dst_text": self.dst_text,
        }


class SubgraphSource(Protocol):
    """What exports read: two re-iterable streams, nodes before relationships."""

    def nodes(self) -> Iterator[SubNode]: ...

    def rels(self) -> Iterator[SubRel]: ...


@dataclass
class Selection:
    """What to export. `actor` is a node id (names are resolved by the caller)."""

    actor: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    cypher: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    answer: bool = False  # `cypher` is a canned question: take the nodes its rows name

    def __post_init__(self) -> None:
        self.types = tuple(dict.fromkeys(check_rel_type(t) for t in self.types))
        if self.depth < 0:
            raise SelectionError(f"--depth must be 0 or more, not {self.depth}")
        for name, value in (("since", self.since), ("until", self.until)):
            if value is not None and not is_iso_date(value):
                raise SelectionError(f"--{name} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")

    @property
    def filters_rels(self) -> bool:
        return bool(self.types or self.since or self.until)


_TYPE_ORDER = {name: i for i, name in enumerate(REL_TYPES)}


def rel_order(rel: SubRel) -> tuple[int, str]:
    """The order relationships stream in: schema type order, then merge key."""
    return (_TYPE_ORDER.get(rel.type, len(_TYPE_ORDER)), rel.key)


def date_in_range(date: Any, since: str | None, until: str | None) -> bool:
    """Does an ISO date of any precision overlap [since, until]? (see the module docstring)"""
    if since is None and until is None:
        return True
    if not isinstance(date, str) or not date:
        return False
    if since is not None:
        n = min(len(date), len(since))
        if date[:n] < since[:n]:
            return False
    if until is not None:
        n = min(len(date), len(until))
        if date[:n] > until[:n]:
            return False
    return True


# --- rows -> model -------------------------------------------------------------------------

_NODE_COLUMNS = "labels(n) AS labels, properties(n) AS props"
_REL_COLUMNS = (
    "type(r) AS type, properties(r) AS props, a.id AS src, labels(a) AS src_labels, a.name AS src_name, "
    "b.id AS dst, labels(b) AS dst_labels, b.name AS dst_name, b.text AS dst_text"
)


def _primary(labels: Iterable[str]) -> str:
    labels = list(labels)
    for label in labels:
        if label in NODE_LABELS:
            return label
    return labels[0] if labels else ""


def with_evidence(store: Store, rels: list[SubRel]) -> list[SubRel]:
    """The relationships with their evidence lists filled in (one look-up for the lot)."""
    attach(store, {rel.key: rel.props for rel in rels if rel.type != "MENTIONS"})
    return rels


def node_from_row(labels: list[str], props: dict[str, Any]) -> SubNode:
    props = {k: v for k, v in props.items() if not k.startswith("_")}
    node_id = props.pop("id", None)
    if node_id is None:
        raise SelectionError(
            f"a node labelled {':'.join(labels) or '(none)'} has no id property; exports need one"
        )
    return SubNode(id=str(node_id), labels=tuple(labels), props=props)


def rel_from_row(row: dict[str, Any]) -> SubRel:
    props = {k: v for k, v in row["props"].items() if not k.startswith("_")}
    key = props.pop("key", None)
    if key is None:
        raise SelectionError(
            f"a {row['type']} relationship from {row['src']!r} to {row['dst']!r} has no key property; exports need one"
        )
    return SubRel(
        key=str(key),
        type=row["type"],
        src=str(row["src"]),
        dst=str(row["dst"]),
        props=props,
        src_label=_primary(row.get("src_labels") or ()),
        src_name=row.get("src_name") or str(row["src"]),
        dst_label=_primary(row.get("dst_labels") or ()),
        dst_name=row.get("dst_name") or str(row["dst"]),
        dst_text=row.get("dst_text"),
    )


# --- the store-backed subgraph -------------------------------------------------------------


class Subgraph:
    """A selection over a store, streamed: `nodes()` by id, `rels()` by type then key, re-iterable.

    Holds at most one page of rows, plus the set of selected node ids when a filter decides
    which nodes belong (a Cypher result is held whole: the store returns it in one piece)."""

    def __init__(
        self, store: Store, selection: Selection | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        self.store = store
        self.sel = selection or Selection()
        self.page_size = page_size
        self._node_ids: set[str] | None = None
        self._cypher_result: tuple[dict[str, SubNode], dict[str, SubRel]] | None = None
        if self.sel.actor is not None:
            found = self.store.run(
                f"MATCH (n) WHERE n.id = $id AND NOT n:{TOTALS_LABEL} RETURN n.id AS id LIMIT 1",
                {"id": self.sel.actor},
            )
            if not found:
                raise SelectionError(f"no node with id {self.sel.actor!r}")

    # public streams

    def nodes(self) -> Iterator[SubNode]:
        if self.sel.cypher is not None:
            nodes, _ = self._cypher()
            ids = self.node_ids()
            for node_id in sorted(ids):
                yield nodes[node_id]
            return
        ids = self.node_ids()
        if ids is None:  # the whole graph
            yield from self._all_nodes()
        elif len(ids) <= self.page_size:
            yield from self._nodes_by_id(sorted(ids))
        else:
            yield from (n for n in self._all_nodes() if n.id in ids)

    def rels(self) -> Iterator[SubRel]:
        if self.sel.answer:
            yield from self._rels_among(sorted(self.node_ids() or ()))
            return
        if self.sel.cypher is not None:
            _, rels = self._cypher()
            ids = self.node_ids()
            for rel in sorted(rels.values(), key=rel_order):
                if self._keeps(rel) and rel.src in ids and rel.dst in ids:
                    yield rel
            return
        if self.sel.actor is not None:
            yield from self._rels_among(sorted(self.node_ids() or ()))
            return
        yield from self._all_rels()

    def is_empty(self) -> bool:
        if self.sel.cypher is None and self.node_ids() is None:
            return not self.store.run(f"MATCH (n) WHERE NOT n:{TOTALS_LABEL} RETURN n.id AS id LIMIT 1")
        return next(iter(self.nodes()), None) is None

    def node_ids(self) -> set[str] | None:
        """The selected node ids, or None for 'every node' (the unfiltered whole graph)."""
        if self._node_ids is not None:
            return self._node_ids
        if self.sel.cypher is not None:
            nodes, rels = self._cypher()
            ids = set(nodes)
            if self.sel.filters_rels and not self.sel.answer:
                ids = {end for r in rels.values() if self._keeps(r) for end in (r.src, r.dst)}
            if self.sel.actor is not None:
                ids &= self._neighbourhood()
        elif self.sel.actor is not None:
            ids = self._neighbourhood()
        elif self.sel.filters_rels:
            ids = set()
            for rel in self._all_rels():
                ids.add(rel.src)
                ids.add(rel.dst)
        else:
            return None
        self._node_ids = ids
        return ids

    # filters

    def _keeps(self, rel: SubRel) -> bool:
        types = self._rel_types()
        if types and rel.type not in types:
            return False
        return date_in_range(rel.props.get("date"), self.sel.since, self.sel.until)

    def _rel_types(self) -> tuple[str, ...]:
        """Types to keep; around an actor the default leaves out MENTIONS (see the module doc)."""
        if self.sel.types or (self.sel.actor is None and not self.sel.answer):
            return self.sel.types
        return FACT_TYPES

    def _rel_where(self) -> tuple[list[str], dict[str, Any]]:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if self._rel_types():
            clauses.append("type(r) IN $types")
            params["types"] = list(self._rel_types())
        if self.sel.since or self.sel.until:
            clauses.append("r.date IS NOT NULL")
        return clauses, params

    # paged reads

    def _all_nodes(self) -> Iterator[SubNode]:
        query = (
            f"MATCH (n) WHERE n.id > $after AND NOT n:{EVIDENCE_LABEL} AND NOT n:{TOTALS_LABEL} "
            f"RETURN {_NODE_COLUMNS} ORDER BY n.id LIMIT $limit"
        )
        after = ""
        while True:
            rows = self.store.run(query, {"after": after, "limit": self.page_size})
            for row in rows:
                node = node_from_row(row["labels"], row["props"])
                yield node
                after = node.id
            if len(rows) < self.page_size:
                return

    def _nodes_by_id(self, ids: list[str]) -> Iterator[SubNode]:
        query = f"MATCH (n) WHERE n.id IN $ids RETURN {_NODE_COLUMNS} ORDER BY n.id"
        for start in range(0, len(ids), self.page_size):
            for row in self.store.run(query, {"ids": ids[start : start + self.page_size]}):
                yield node_from_row(row["labels"], row["props"])

    def _all_rels(self) -> Iterator[SubRel]:
        """Kept relationships, type by type (schema order), each type in key order.

        Paging within one type lets the store use that type's index on `key` and sort only that
        type's remaining keys for each page, which keeps a million-relationship export close
        to linear time. Types outside the schema are not exported. On FalkorDB the mentions have
        no such index (graph/schema.py FALKORDB_UNINDEXED): each page reads them from the
        documents, which at 10,000 documents (167,026 mentions) took 28.8 s where the index's range
        reads took 40.1 s (BENCHMARKS.md, scale12)."""
        dated = " AND r.date IS NOT NULL" if self.sel.since or self.sel.until else ""
        falkordb = getattr(self.store, "backend", "") in ("falkordb", "embedded")
        for rel_type in self._rel_types() or tuple(REL_TYPES):
            # without an index on its `key`, a type is read from its sources' label, not from every
            # node (evidence pieces included)
            unindexed = falkordb and (rel_type, "key") in FALKORDB_UNINDEXED
            source = ":" + "|".join(REL_TYPES[rel_type].sources) if unindexed else ""
            query = (
                f"MATCH (a{source})-[r:{check_rel_type(rel_type)}]->(b) WHERE r.key > $after{dated} "
                f"RETURN {_REL_COLUMNS} ORDER BY r.key LIMIT $limit"
            )
            after = ""
            while True:
                rows = self.store.run(query, {"after": after, "limit": self.page_size})
                page = [rel_from_row(row) for row in rows]
                if page:
                    after = page[-1].key
                yield from with_evidence(self.store, [rel for rel in page if self._keeps(rel)])
                if len(rows) < self.page_size:
                    break

    def _rels_among(self, ids: list[str]) -> Iterator[SubRel]:
        """Kept relationships with both ends in `ids`, by type and key (ids are few: a neighbourhood)."""
        clauses, params = self._rel_where()
        where = " AND ".join(["a.id IN $src", "b.id IN $ids", *clauses])
        query = f"MATCH (a)-[r]->(b) WHERE {where} RETURN {_REL_COLUMNS}"
        found: dict[str, SubRel] = {}
        for start in range(0, len(ids), self.page_size):
            for row in self.store.run(
                query, {**params, "src": ids[start : start + self.page_size], "ids": ids}
            ):
                rel = rel_from_row(row)
                if self._keeps(rel):
                    found[rel.key] = rel
        ordered = sorted(found.values(), key=rel_order)
        for start in range(0, len(ordered), self.page_size):
            yield from with_evidence(self.store, ordered[start : start + self.page_size])

    def _neighbourhood(self) -> set[str]:
        """Ids within `depth` steps of the actor over kept relationships, either direction."""
        assert self.sel.actor is not None
        types = list(self._rel_types())
        dated = bool(self.sel.since or self.sel.until)
        query = (
            "MATCH (a)-[r]-(b) WHERE a.id IN $frontier AND type(r) IN $types"
            + (" AND r.date IS NOT NULL" if dated else "")
            + " RETURN DISTINCT b.id AS id"
            + (", r.date AS date" if dated else "")
        )
        seen = {self.sel.actor}
        frontier = [self.sel.actor]
        for _ in range(self.sel.depth):
            found: set[str] = set()
            for start in range(0, len(frontier), self.page_size):
                chunk = frontier[start : start + self.page_size]
                for row in self.store.run(query, {"frontier": chunk, "types": types}):
                    if row["id"] is not None and (
                        not dated or date_in_range(row["date"], self.sel.since, self.sel.until)
                    ):
                        found.add(str(row["id"]))
            frontier = sorted(found - seen)
            if not frontier:
                break
            seen |= found
        return seen

    # Cypher-defined selections

    def _cypher(self) -> tuple[dict[str, SubNode], dict[str, SubRel]]:
        if self._cypher_result is None:
            self._cypher_result = run_selection_cypher(
                self.store, self.sel.cypher or "", self.sel.params, names=self.sel.answer
            )
        return self._cypher_result


def run_selection_cypher(
    store: Store, cypher: str, params: dict[str, Any] | None = None, *, names: bool = False
) -> tuple[dict[str, SubNode], dict[str, SubRel]]:
    """Run a read-only statement and collect the nodes, relationships and paths it returns.

    With `names`, string cells that equal a node's name or id (documents aside) add that node.
    Relationships come back with element ids of their ends; their end nodes' ids, labels and
    names are read again by relationship key, and end nodes that the statement did not return
    are added (a relationship is drawn between two nodes)."""
    try:
        rows = store.run(cypher, params or {}, write=False)
    except ReadOnlyError as exc:
        raise SelectionError(
            f"--cypher: the statement writes to the graph; exports run read-only statements ({exc})"
        ) from exc
    nodes: dict[str, SubNode] = {}
    rel_keys: dict[str, str] = {}  # key -> type
    strings: set[str] = set()
    for row in rows:
        for value in row.values():
            _collect(value, nodes, rel_keys, strings)
    if names and strings:
        wanted = sorted(strings)
        query = (
            f"MATCH (n) WHERE (n.name IN $names OR n.id IN $names) AND NOT n:Document AND NOT n:{EVIDENCE_LABEL} "
            f"AND NOT n:{TOTALS_LABEL} RETURN {_NODE_COLUMNS}"
        )
        for start in range(0, len(wanted), PAGE_SIZE):
            for row in store.run(query, {"names": wanted[start : start + PAGE_SIZE]}):
                node = node_from_row(row["labels"], row["props"])
                nodes[node.id] = node
    rels: dict[str, SubRel] = {}
    keys = sorted(rel_keys)
    query = f"MATCH (a)-[r]->(b) WHERE r.key IN $keys RETURN {_REL_COLUMNS}"
    for start in range(0, len(keys), PAGE_SIZE):
        page = [rel_from_row(row) for row in store.run(query, {"keys": keys[start : start + PAGE_SIZE]})]
        for rel in with_evidence(store, page):
            rels[rel.key] = rel
    missing = sorted({end for r in rels.values() for end in (r.src, r.dst)} - set(nodes))
    node_query = f"MATCH (n) WHERE n.id IN $ids RETURN {_NODE_COLUMNS}"
    for start in range(0, len(missing), PAGE_SIZE):
        for row in store.run(node_query, {"ids": missing[start : start + PAGE_SIZE]}):
            node = node_from_row(row["labels"], row["props"])
            nodes[node.id] = node
    return nodes, rels


def _collect(value: Any, nodes: dict[str, SubNode], rel_keys: dict[str, str], strings: set[str]) -> None:
    """Walk one result value (node, relationship, path, list or map) for graph elements."""
    if isinstance(value, str):
        strings.add(value)
    elif isinstance(value, list):
        for item in value:
            _collect(item, nodes, rel_keys, strings)
    elif isinstance(value, dict):
        if "_labels" in value:
            if EVIDENCE_LABEL in value["_labels"]:
                return  # evidence shows on its relationship, not as a node
            node = node_from_row(list(value["_labels"]), value)
            nodes[node.id] = node
        elif "_type" in value:
            if value.get("key") is None:
                raise SelectionError(
                    f"--cypher returned a {value['_type']} relationship without a key property"
                )
            rel_keys[str(value["key"])] = value["_type"]
        elif "_nodes" in value or "_rels" in value:
            _collect(value.get("_nodes") or [], nodes, rel_keys, strings)
            _collect(value.get("_rels") or [], nodes, rel_keys, strings)
        else:
            for item in value.values():
                _collect(item, nodes, rel_keys, strings)


# --- in memory, for tests and small pure uses ----------------------------------------------


@dataclass
class MemorySubgraph:
    """A fixed subgraph held in lists; same streams as `Subgraph` (sorted like it)."""

    node_list: list[SubNode]
    rel_list: list[SubRel]

    def nodes(self) -> Iterator[SubNode]:
        return iter(sorted(self.node_list, key=lambda n: n.id))

    def rels(self) -> Iterator[SubRel]:
        return iter(sorted(self.rel_list, key=rel_order))

    def is_empty(self) -> bool:
        return not self.node_list
