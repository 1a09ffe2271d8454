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
- FalkorDB (`_falkor_lines`): nodes label by label and relationships by their source's label,
  an internal-id range at a time (`WHERE id(n) >= $lo AND id(n) < $hi`: a seek, each page costs
  its own size; about a page of the label's nodes per range), each line made from the reply's
  cells; `nodes` and `relationships` (plain rows, for the journal's checks) page after the last
  internal id seen;
- Neo4j: nodes label by label in `id` order, relationships type by type in `key` order, after
  the last one seen (`WHERE n.id > $after`, served by the indexes).
Paging with SKIP re-sorted everything each time; a property range re-read every remaining index
entry on FalkorDB (62 s for 10,000 documents), where the internal-id seek reads only the page.

Reading and hashing are Python's work (turning a page into values, the canonical lines), the
server's share is smaller. So on FalkorDB the next page is read while this one is hashed, and a
graph of SHARE_FROM elements or more on a unix socket (the embedded store) is read by one process
per core, each every n-th range of a label (a label of one page: its nodes whose internal id is
the share's number modulo n); the shares' sums add up to the same hash. At 10,000 documents
(BENCHMARKS.md, "Load at scale"): 18 s in one process at first, 4.6 s with two processes, and
with lines made from cells and pages by range the CPU of reading and hashing halved again (the
cold `stats --fingerprint` 12.4 -> 7.3 s on a busy machine).
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from graph.collector import paused
from graph.schema import EVIDENCE_FIELDS, NODE_LABELS, REL_TYPES, check_label, check_rel_type
from graph.store import Store, StoreError

VOLATILE = frozenset({"loaded_at"})
PAGE = 5000


_AS_IS = frozenset({str, int, bool})


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


_EVIDENCE_FIELDS = frozenset(EVIDENCE_FIELDS)


def canonical_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties with volatile ones dropped, evidence lists as sorted tuples, lists as sets."""
    if (
        all(map(_AS_IS.__contains__, map(type, props.values())))
        and VOLATILE.isdisjoint(props)
        and _EVIDENCE_FIELDS.isdisjoint(props)
    ):
        return dict(props)  # most elements: nothing to drop, sort or turn into an integer
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


def _pages(
    store: Store, query: str, params: dict[str, Any], following: Callable[[list[dict[str, Any]]], Any]
) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
    """(after, rows) of each page of `query`, which takes $after (-1 first, then what `following`
    says of the page before, until it says None). The next page is read in a thread while the
    caller works on this one: the server's share of the time then costs no waiting."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="civicgraph-read-ahead") as ahead:
        after = -1
        pending = ahead.submit(store.run, query, {**params, "after": after})
        while True:
            rows = pending.result()
            nxt = following(rows)
            if nxt is not None:
                pending = ahead.submit(store.run, query, {**params, "after": nxt})
            yield after, rows
            if nxt is None:
                return
            after = nxt


def nodes(store: Store, share: tuple[int, int] = (0, 1)) -> Iterator[dict[str, Any]]:
    """Every node as {label, labels, id, props}, label by label, a page at a time. On FalkorDB,
    `share` (k, n) reads only the nodes whose internal id is k modulo n (see `fingerprint`)."""
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
            f"MATCH (n:{check_label(label)}) WHERE id(n) > $after AND id(n) % $shares = $share "
            "WITH n LIMIT $limit RETURN id(n) AS iid, labels(n) AS labels, properties(n) AS props"
        )
        params = {"limit": PAGE, "share": share[0], "shares": share[1]}
        for after, rows in _pages(
            store, query, params, lambda rows: rows[-1]["iid"] if len(rows) == PAGE else None
        ):
            for row in rows:
                _ascending(label, after, row["iid"])
                after = row["iid"]
                props = row["props"]
                yield {"label": label, "id": props.get("id"), "labels": row["labels"], "props": props}


# A page of source nodes and their relationships; a node without any gives no row, but for the
# page's last node, which says where the next page starts (most nodes are evidence pieces, which
# have no relationship: their empty rows were half of what was read).
_SOURCES = (
    "MATCH (a:{label}) WHERE id(a) > $after AND id(a) % $shares = $share WITH a LIMIT $limit "
    "WITH collect(a) AS batch "
    "WITH batch, id(batch[size(batch) - 1]) AS last, size(batch) AS scanned "
    "UNWIND batch AS a "
    "OPTIONAL MATCH (a)-[r]->(b) "
    "WITH last, scanned, a, r, b WHERE r IS NOT NULL OR id(a) = last "
    "RETURN last, scanned, type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props{ends}"
)
_ENDS = ", r.key AS key, labels(a)[0] AS src_label, labels(b)[0] AS dst_label"
_LINE_COLUMNS = ("type", "src", "dst", "props")
SOURCE_PAGE = 1000  # source nodes per page (a hub's relationships come with it)


def _next_sources(rows: list[dict[str, Any]]) -> Any:
    """Where the next page of sources starts; None after a page that scanned fewer than a page."""
    return rows[-1]["last"] if rows and rows[-1]["scanned"] == SOURCE_PAGE else None


def relationships(
    store: Store, share: tuple[int, int] = (0, 1), *, ends: bool = True
) -> Iterator[dict[str, Any]]:
    """Every relationship as {type, key, src, src_label, dst, dst_label, props}, a page at a time.
    On FalkorDB, `share` (k, n) reads only those whose source's internal id is k modulo n, and
    without `ends` the rows hold only {type, src, dst, props} (what a canonical line needs)."""
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
    params = {"limit": SOURCE_PAGE, "share": share[0], "shares": share[1]}
    for label in NODE_LABELS:
        query = _SOURCES.format(label=check_label(label), ends=_ENDS if ends else "")
        columns = ("type", "key", "src", "src_label", "dst", "dst_label", "props") if ends else _LINE_COLUMNS
        for after, rows in _pages(store, query, params, _next_sources):
            if not rows:
                break
            _ascending(label, after, rows[-1]["last"])
            for row in rows:
                if row["type"] is not None:
                    yield {k: row[k] for k in columns}


# json.dumps(value, sort_keys=True, ensure_ascii=False) without a new encoder for every line
_LINE = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def _refuse(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _reused_encoder() -> Callable[[Any], str]:
    """_LINE without building a C encoder (and its circular-reference table) for every line, as
    JSONEncoder.encode does: the C encoder made once with the same settings (1.5 -> 1.0 s for the
    418k lines of 10,000 documents). _LINE itself where the C encoder is missing or gives another
    text for a sample of every kind of value the lines hold."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _LINE
    try:
        chunks = make(None, _refuse, json.encoder.encode_basestring, None, ": ", ", ", True, False, True)

        def line(value: Any) -> str:
            return "".join(chunks(value, 0))

        sample = ["rel", "T", "a\u00e9\"\\\n\x00\u2028", None,
                  {"z": [1, 2.5, -0.0, 1e300, True, False, None], "a": {"b": "c"}, "é": 2**70, "": []}]  # fmt: skip
        if line(sample) != _LINE(sample):
            return _LINE
    except Exception:  # an interpreter whose encoder takes other arguments
        return _LINE
    return line


_ENCODE = _reused_encoder()


def lines(store: Store, share: tuple[int, int] = (0, 1)) -> Iterator[str]:
    """The canonical line of every element of the graph (in no particular order); on FalkorDB,
    those of one share (see `fingerprint`)."""
    if _by_internal_id(store) and hasattr(store, "read_cells"):
        yield from _falkor_lines(store, share)
        return
    yield from _row_lines(store, share)


def _row_lines(store: Store, share: tuple[int, int] = (0, 1)) -> Iterator[str]:
    """`lines` from `nodes` and `relationships` (rows of plain values): Neo4j's, and on FalkorDB
    what `_falkor_lines` must equal (tests/test_store_contract.py)."""
    for row in nodes(store, share):
        yield _LINE(["node", sorted(row["labels"]), canonical_props(row["props"])])
    for row in relationships(store, share, ends=False):
        yield _LINE(["rel", row["type"], row["src"], row["dst"], canonical_props(row["props"])])


# FalkorDB's compact cells (graph/falkor.py `decode`): [type, value]. A string or an integer is
# sent as its Python value; a node's or relationship's properties are [MAP, [key, cell, ...]].
_NULL, _STRING, _INTEGER, _MAP = 1, 2, 3, 10
_PLAIN = frozenset({_STRING, _INTEGER})
# keys whose presence sends an element through canonical_props (dropped, or evidence lists)
_SPECIAL = VOLATILE | _EVIDENCE_FIELDS
_KIND = operator.itemgetter(0)
_VALUE = operator.itemgetter(1)


def _ranges(store: Store, label: str, per_page: int) -> list[tuple[int, int] | None]:
    """The internal-id ranges [lo, hi) to read `label` in, about `per_page` of its nodes each
    (its count spread over its ids, a range at most 8 pages wide); [None] for a label of at most
    a page (read whole), [] for an empty one."""
    row = store.run(f"MATCH (n:{check_label(label)}) RETURN count(n) AS n, max(id(n)) AS top")[0]
    count, top = int(row["n"] or 0), row["top"]
    if count == 0 or top is None:
        return []
    if count <= per_page:
        return [None]
    span = min(8 * per_page, max(per_page, per_page * (int(top) + 1) // count))
    return [(lo, lo + span) for lo in range(0, int(top) + 1, span)]


def _range_pages(
    store: Any, makers: list[Callable[[], tuple[str, dict[str, Any], Any]]]
) -> Iterator[tuple[Any, list[list[Any]]]]:
    """(what, rows) of each statement in turn, rows as cells (FalkorStore.read_cells): each maker
    gives (query, params, what) when its statement is sent, and the next one is read in a thread
    while the caller works on this one (the server's share of the time costs no wait)."""

    def read(made: tuple[str, dict[str, Any], Any]) -> tuple[Any, list[list[Any]]]:
        return made[2], store.read_cells(made[0], made[1])[1]

    if not makers:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="civicgraph-read-ahead") as ahead:
        pending = ahead.submit(read, makers[0]())
        for make in makers[1:]:
            done = pending.result()
            pending = ahead.submit(read, make())
            yield done
        yield pending.result()


def _mine(ranges: list[tuple[int, int] | None], share: tuple[int, int]) -> list[tuple[int, int] | None]:
    """A share's ranges: every `share[1]`-th of a label's ranges; a label read whole ([None]) is
    read by every share, each its nodes whose internal id is its number modulo the count."""
    return ranges if ranges == [None] else ranges[share[0] :: share[1]]


def _in_range(
    query: str, bounds: tuple[int, int] | None, share: tuple[int, int]
) -> tuple[str, dict[str, Any]]:
    """`query` (with {where}) for one range of `_mine`, and its parameters."""
    if bounds is None:
        return query.format(where=_MODULO), {"share": share[0], "shares": share[1]}
    return query.format(where="id(n) >= $lo AND id(n) < $hi"), {"lo": bounds[0], "hi": bounds[1]}


_MODULO = "id(n) % $shares = $share"


# A share's nodes of a label and its relationships by their source's label, an internal-id range
# at a time: the label's scan seeks to the range (FalkorDB's "Node By Label and ID Scan"), and a
# page is known without reading its last id (paging with `id(n) > $after ... LIMIT` needed the id
# on every row, and a source without relationships its own row to say where a page ended).
_NODES_IN = "MATCH (n:{label}) WHERE {where} RETURN labels(n) AS labels, properties(n) AS props"
# The same nodes as their values of a label's known keys, in sorted order, and how many keys each
# has: no key names in the reply (the Evidence nodes of 10,000 documents: 0.7 -> 0.45 s to read,
# the server's part 0.53 -> 0.40 s). A node with a key outside those is read again whole.
_NODE_VALUES = "MATCH (n:{label}) WHERE {where} RETURN labels(n) AS labels, size(keys(n)) AS kept{columns}"
_KEY_SAMPLE = "MATCH (n:{label}) WHERE {where} WITH n LIMIT 500 UNWIND keys(n) AS k RETURN DISTINCT k AS k"
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # written `quoted` (Evidence has `end`, `type`)
_RELS_IN = (
    "MATCH (n:{label}) WHERE {where} MATCH (n)-[r]->(b) "
    "RETURN type(r) AS type, n.id AS src, b.id AS dst, properties(r) AS props"
)


def _falkor_lines(store: Any, share: tuple[int, int]) -> Iterator[str]:
    """`lines` on FalkorDB: the same lines (nodes label by label, relationships by their source's
    label, this share's), read by internal-id range (`_ranges`) and made from the reply's cells:
    an element whose properties are all strings and integers and none of them special (414k of
    418k at 10,000 documents) becomes its line with no value decoded one by one, no dict per row
    and one reused encoder; the rest go through `decode` and canonical_props as `lines` does.
    A label's nodes come as the values of its keys (_NODE_VALUES), the keys learnt from a sample
    of its nodes; a page with a node that has another key is read again whole at the end, and
    the label's later pages are read whole."""
    from graph.falkor import decode

    graph = store.graph_for_cells
    encode = _ENCODE

    def props_of(cell: list[Any]) -> dict[str, Any]:
        if cell[0] == _MAP:
            pairs = cell[1]
            keys = pairs[0::2]
            cells = pairs[1::2]
            if _PLAIN.issuperset(map(_KIND, cells)) and _SPECIAL.isdisjoint(keys):
                return dict(zip(keys, map(_VALUE, cells), strict=False))
        return canonical_props(decode(cell, graph))

    def text(cell: list[Any]) -> Any:
        return cell[1] if cell[0] == _STRING else decode(cell, graph)

    def labels_of(cell: list[Any]) -> list[Any]:
        labels = [text(c) for c in cell[1]]
        if len(labels) > 1:
            labels.sort()
        return labels

    mine = {"share": share[0], "shares": share[1]}
    known: dict[str, tuple[str, ...] | None] = {}  # a label's keys; None: its nodes read whole

    def node_page(
        label: str, bounds: tuple[int, int] | None
    ) -> Callable[[], tuple[str, dict[str, Any], Any]]:
        def make() -> tuple[str, dict[str, Any], Any]:
            keys = known[label]
            if keys is None:
                query = _NODES_IN
            else:
                query = _NODE_VALUES.replace("{columns}", "".join(f", n.`{k}`" for k in keys))
            query, params = _in_range(query.replace("{label}", check_label(label)), bounds, share)
            return query, params, (label, bounds, keys)

        return make

    def node_lines(label: str, keys: tuple[str, ...], rows: list[list[Any]]) -> list[str] | None:
        """The lines of a page of _NODE_VALUES; None when a node has a key outside `keys`."""
        count, special, out = len(keys), not _SPECIAL.isdisjoint(keys), []
        for row in rows:  # (labels, kept, value of each key)
            kept, values = row[1][1], row[2:]
            if kept == count and not special and _PLAIN.issuperset(map(_KIND, values)):
                props = dict(zip(keys, map(_VALUE, values), strict=False))
            else:
                present = {k: c for k, c in zip(keys, values, strict=False) if c[0] != _NULL}
                if len(present) != kept:
                    return None
                props = canonical_props({k: decode(c, graph) for k, c in present.items()})
            out.append(encode(["node", labels_of(row[0]), props]))
        return out

    node_pages, rel_pages = [], []
    for label in NODE_LABELS:
        ranges = _mine(_ranges(store, label, PAGE), share)
        if ranges:
            sample = store.run(_KEY_SAMPLE.format(label=check_label(label), where=_MODULO), mine)
            keys = sorted(str(row["k"]) for row in sample)
            plain = keys and all(_PLAIN_KEY.fullmatch(k) for k in keys)
            known[label] = tuple(keys) if plain else None
        node_pages += [node_page(label, bounds) for bounds in ranges]
        rels_in = _RELS_IN.replace("{label}", check_label(label))
        for bounds in _mine(_ranges(store, label, SOURCE_PAGE), share):
            query, params = _in_range(rels_in, bounds, share)
            rel_pages.append(lambda q=query, p=params: (q, p, None))
    again = []
    for (label, bounds, keys), rows in _range_pages(store, node_pages):
        if keys is None:
            for row in rows:  # (labels, props)
                yield encode(["node", labels_of(row[0]), props_of(row[1])])
            continue
        page = node_lines(label, keys, rows)
        if page is None:
            again.append((label, bounds))
            known[label] = None  # pages not sent yet: whole
        else:
            yield from page
    for label, bounds in again:  # after the read-ahead: one statement at a time on the store
        query, params = _in_range(_NODES_IN.replace("{label}", check_label(label)), bounds, share)
        for row in store.read_cells(query, params)[1]:
            yield encode(["node", labels_of(row[0]), props_of(row[1])])
    for _, rows in _range_pages(store, rel_pages):
        for row in rows:  # (type, src, dst, props)
            yield encode(["rel", text(row[0]), text(row[1]), text(row[2]), props_of(row[3])])


_MODULUS = 2**256
# Processes that read and hash a FalkorDB graph at once, each a share of the nodes and of the
# relationships' sources (by internal id): reading and hashing are Python's work, one core's worth
# per process, while the server's part is small (BENCHMARKS.md, "Load at scale").
SHARES = max(1, min(4, os.cpu_count() or 1))
# Below this many nodes and relationships a graph is read in one process (starting the others
# would cost more than they save).
SHARE_FROM = 50_000


def _sum(store: Store, share: tuple[int, int]) -> int:
    total = 0
    with paused():
        for line in lines(store, share):
            total += int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")
    return total


def _share_sum(args: dict[str, Any], share: tuple[int, int]) -> int:
    """One share's sum, in a process of its own with its own connection to the same server."""
    from graph.falkor import FalkorStore

    with FalkorStore(**args) as store:
        return _sum(store, share)


def _elements(store: Store) -> int:
    """Nodes and relationships in the graph (FalkorDB keeps both counts)."""
    nodes = store.run("MATCH (n) RETURN count(n) AS total")[0]["total"]
    return int(nodes) + int(store.run("MATCH ()-[r]->() RETURN count(r) AS total")[0]["total"])


def fingerprint(store: Store, shares: int | None = None) -> str:
    """Hex of the graph's multiset hash (see the module docstring): 64 hex digits. A FalkorDB
    graph on a unix socket (the embedded store) of SHARE_FROM elements or more is read in
    `shares` processes at once (SHARES by default; this one reads the first share): the sum does
    not depend on who adds what."""
    args = store.reconnect_args() if _by_internal_id(store) and hasattr(store, "reconnect_args") else None
    if shares is None:
        shares = SHARES if args is not None and _elements(store) >= SHARE_FROM else 1
    if args is None or shares <= 1:
        return f"{_sum(store, (0, 1)) % _MODULUS:064x}"
    with ProcessPoolExecutor(max_workers=shares - 1) as pool:
        others = [pool.submit(_share_sum, args, (k, shares)) for k in range(1, shares)]
        total = _sum(store, (0, shares)) + sum(f.result() for f in others)
    return f"{total % _MODULUS:064x}"
