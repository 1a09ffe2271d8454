"""How the canned questions find their rows, so that they stay fast on big graphs.

Timing is measured by bench/bench_queries.py; these tests pin the shape that makes it fast, on
the embedded FalkorDB: names resolve through an index on the search keys the store writes with
every node, and a question given `id:<node id>` (what `civicgraph ask` passes) starts from that
node, found by an index per label, without scanning every node or every relationship.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.facts import Batch
from graph.falkor import FalkorStore
from graph.schema import SEARCH_KEYS, SchemaError, search_keys
from graph.store import open_store
from graph.subgraph import Subgraph
from graph.upsert import batch_rows, clean_params, merge_rows, plan_upsert
from queries.catalog import load_catalog
from queries.resolve import _BY_SEARCH_KEYS, _keys, prepare, resolve

ROOT = Path(__file__).resolve().parents[1]
CATALOG = load_catalog()


def _operations(store: FalkorStore, cypher: str, params: dict) -> list:
    """Every operation of the statement's profiled plan (GRAPH.PROFILE runs it)."""
    plan = store._graph.profile(cypher, clean_params(params))
    out, todo = [], [plan.structured_plan]
    while todo:
        op = todo.pop()
        out.append(op)
        todo.extend(op.children)
    return out


def _scanned(store: FalkorStore, cypher: str, params: dict) -> list[str]:
    """Scans (of all nodes, or of a label) that produced rows: what an index lookup avoids."""
    return [
        f"{op.name} {op.args} ({op.records_produced} rows)"
        for op in _operations(store, cypher, params)
        if "Scan" in op.name and "Index" not in op.name and op.records_produced > 0
    ]


def _node(label: str, node_id: str, name: str, *aliases: str) -> dict:
    props: dict = {"name": name}
    if aliases:
        props["aliases"] = list(aliases)
    return {"label": label, "id": node_id, "props": props}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[FalkorStore]:
    """A few named actors among a hundred others, written by the store's upsert."""
    st = open_store("embedded:" + str(tmp_path_factory.mktemp("plans")))
    try:
        st.ensure_schema()
        nodes = [_node("Organization", f"body-{i}", f"Body {i}") for i in range(100)]
        nodes += [
            _node("Organization", "mopac", "Mayor’s Office for Policing and Crime", "MOPAC"),
            _node("Person", "sadiq-khan", "Sadiq  Khan", "the Mayor"),
            {"label": "Statement", "id": "statement-1", "props": {"name": "MOPAC", "text": "MOPAC"}},
        ]
        st.upsert(Batch(nodes=nodes))
        st.upsert(
            Batch(
                nodes=[_node("Organization", "mopac", "Mayor’s Office for Policing and Crime", "the MOPAC")]
            )
        )
        yield st
    finally:
        st.close()


@pytest.fixture(scope="module")
def london(tmp_path_factory) -> Iterator[FalkorStore]:
    from loaders.pipeline import load_paths

    st = open_store("embedded:" + str(tmp_path_factory.mktemp("london")))
    try:
        load_paths(st, [ROOT / "examples" / "london"])
        yield st
    finally:
        st.close()


def test_search_keys_are_every_name_lower_case_and_single_spaced():
    assert search_keys("Sadiq  Khan", ["the Mayor", "THE MAYOR", " "]) == ["sadiq khan", "the mayor"]
    assert search_keys(None, "MOPAC") == ["mopac"]


def test_the_store_writes_search_keys_for_named_nodes_and_merges_them(store):
    [row] = store.run(f"MATCH (n:Organization {{id: 'mopac'}}) RETURN n.{SEARCH_KEYS} AS keys")
    assert sorted(row["keys"]) == ["mayor’s office for policing and crime", "mopac", "the mopac"]
    [person] = store.run(f"MATCH (n:Person {{id: 'sadiq-khan'}}) RETURN n.{SEARCH_KEYS} AS keys")
    assert sorted(person["keys"]) == ["sadiq khan", "the mayor"]
    # statements are named by their text: not looked up by name, so no keys
    assert store.run(f"MATCH (n:Statement) RETURN n.{SEARCH_KEYS} AS keys") == [{"keys": None}]


def test_exports_leave_the_derived_keys_out(store):
    props = [node.props for node in Subgraph(store).nodes()]
    assert props and not any(SEARCH_KEYS in p for p in props)


def test_names_resolve_through_the_index_without_scanning(store):
    rows = store.run(_BY_SEARCH_KEYS, {"keys": _keys("mopac")})
    assert [r["id"] for r in rows] == ["mopac"]
    assert _scanned(store, _BY_SEARCH_KEYS, {"keys": _keys("mopac")}) == []
    assert resolve(store, "the Mayor").id == "sadiq-khan"
    assert resolve(store, "MAYOR’S OFFICE FOR POLICING AND CRIME").id == "mopac"


def test_a_node_written_without_search_keys_is_still_found(store):
    """Stores loaded before the keys existed: resolution falls back to comparing every name."""
    store.run("CREATE (:Organization {id: 'old-body', name: 'Old Body', aliases: ['OB']})", write=True)
    try:
        assert store.run(_BY_SEARCH_KEYS, {"keys": _keys("ob")}) == []
        assert resolve(store, "ob").id == "old-body"
    finally:
        store.run("MATCH (n:Organization {id: 'old-body'}) DELETE n", write=True)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_a_question_given_an_id_starts_from_that_node(london, name):
    """With every actor resolved to id:<node id>, no operation scans all nodes or a whole label:
    the question reads the actor's own relationships (and the nodes at their other ends)."""
    question = CATALOG[name]
    prepared = prepare(london, question, question.example_params())
    assert len(prepared.chosen) == len(question.actor_params)
    assert _scanned(london, question.cypher, prepared.params) == []
    followed = [p for p, node in prepared.chosen.items() if resolve(london, prepared.values[p]).id != node.id]
    if not followed:  # no office answered for its holder: by name (the Browser's way), the same answer
        assert london.run(question.cypher, prepared.params) == london.run(question.cypher, prepared.values)


def _ask(key: str, src: str = "assembly", dst: str = "mayor", *pieces: str) -> dict:
    """An ASKED fact between two Organization nodes, with evidence pieces named `pieces`."""
    return {
        "type": "ASKED",
        "key": key,
        "src": src,
        "src_label": "Organization",
        "dst": dst,
        "dst_label": "Organization",
        "props": {"about": f"about {key}"},
        "evidence": [
            {"key": f"{p}:0:1", "doc": f"{p}.txt", "doc_id": p, "quote": "q", "start": 0, "end": 1}
            for p in pieces
        ],
    }


@pytest.fixture(scope="module")
def hubs(tmp_path_factory) -> Iterator[FalkorStore]:
    """Two hubs with 300 asks between them, as the Assembly and the Mayor have at scale."""
    st = open_store("embedded:" + str(tmp_path_factory.mktemp("hubs")))
    try:
        st.ensure_schema()
        st.upsert(Batch(rels=[_ask(f"ask-{i}", "assembly", "mayor", f"doc{i}") for i in range(300)]))
        yield st
    finally:
        st.close()


def _asks(store: FalkorStore) -> list[dict]:
    return store.run(
        "MATCH (a)-[x:ASKED]->(b) WHERE x.key STARTS WITH 'dup' RETURN a.id AS a, b.id AS b, x.key AS key,"
        " x._evidence AS pieces, a._out_ASKED AS out, b._in_ASKED AS into ORDER BY a, b"
    )


def test_a_fact_is_found_through_the_key_index_not_among_the_pairs_relationships(hubs):
    """FalkorDB's relationship MERGE between two bound nodes reads every relationship between
    them (854,902 reads in a statement at 10k documents): a fact is looked up through its type's
    `key` index instead (graph/upsert.py _fact_lookup), new or known, and no operation reads the
    pair's 300 asks."""
    for rels in (
        [_ask("ask-7", "assembly", "mayor", "again")],
        [_ask("ask-new", "assembly", "mayor", "new")],
    ):
        statement = plan_upsert(Batch(rels=rels))
        ops = _operations(hubs, statement.cypher, statement.params)
        assert not [op.name for op in ops if op.name in ("Expand Into", "Conditional Traverse")]
        assert [op for op in ops if op.name == "Edge By Index Scan" and "ASKED" in str(op.args)]
        assert [f"{op.name} ({op.records_produced})" for op in ops if op.records_produced > 10] == []
    [row] = hubs.run("MATCH (a {id: 'assembly'}) RETURN a._out_ASKED AS out")
    assert row["out"] == 301
    assert len(hubs.run("MATCH ()-[x:ASKED {key: 'ask-7'}]->() RETURN x._evidence AS n")) == 1


def test_neo4j_keeps_merging_facts_between_their_ends():
    """Check then create is safe on FalkorDB (one write at a time), not on a Neo4j server."""
    batch = Batch(rels=[_ask("ask-1")])
    assert "MERGE (a_s0)-[x_s0:ASKED {key: r_s0.key}]->(b_s0)" in plan_upsert(batch, engine="neo4j").cypher
    falkor = plan_upsert(batch).cypher
    assert (
        "MERGE (a_s0)-[x_s0:ASKED" not in falkor
        and "OPTIONAL MATCH ()-[xf_s0:ASKED {key: r_s0.key}]->()" in falkor
    )


def _mentions_key_indexed(store: FalkorStore) -> bool:
    rows = store.run(
        "CALL db.indexes() YIELD label, properties, entitytype RETURN label, properties, entitytype"
    )
    return any(
        r["entitytype"] == "RELATIONSHIP" and r["label"] == "MENTIONS" and "key" in r["properties"]
        for r in rows
    )


def test_mentions_have_no_key_index_and_the_export_still_reads_them_in_key_order(london):
    """MENTIONS' `key` index (the largest: one entry per mention) is left out on FalkorDB
    (graph/schema.py FALKORDB_UNINDEXED): a mention is MERGEd from its document, not found through
    the index; the whole-graph export reads mentions from the documents, in key order as before;
    a store written with the index loses it at its next ensure_schema."""
    assert not _mentions_key_indexed(london)
    statement = plan_upsert(
        Batch(
            nodes=[{"label": "Document", "id": "d-plan", "props": {"name": "d.txt"}}, _node("Person", "p-plan", "P")],
            rels=[{"type": "MENTIONS", "src": "d-plan", "dst": "p-plan", "src_label": "Document",
                   "dst_label": "Person", "key": "m-plan", "props": {}, "evidence": []}],
        )
    )  # fmt: skip
    plan = str(london._graph.explain(statement.cypher, clean_params(statement.params)))  # not run
    assert re.search(r"Expand Into \| \(a_s\d+\)-\[x_s\d+:MENTIONS\]", plan)
    assert not re.search(r"Index Scan \| \[\w+:MENTIONS\]", plan)
    keys = [row["key"] for row in london.run("MATCH ()-[r:MENTIONS]->() RETURN r.key AS key ORDER BY key")]
    assert len(keys) > 10
    assert [r.key for r in Subgraph(london, page_size=7).rels() if r.type == "MENTIONS"] == keys
    london.run("CREATE INDEX FOR ()-[r:MENTIONS]-() ON (r.key)", write=True)
    assert _mentions_key_indexed(london)
    london.ensure_schema()
    assert not _mentions_key_indexed(london)


def test_a_fact_repeated_in_a_statement_is_written_once(hubs):
    """The same key twice in one batch, and in two batches merged into one statement (as `load`'s
    writer merges a group's documents), is one relationship counted once on its ends."""
    hubs.upsert(Batch(rels=[_ask("dup-1", "p1", "p2", "d1"), _ask("dup-1", "p1", "p2", "d2")]))
    merged = merge_rows([batch_rows(Batch(rels=[_ask("dup-2", "p3", "p4", f"d{i}")])) for i in range(3)])
    hubs.upsert(merged)
    hubs.upsert(Batch(rels=[_ask("dup-2", "p3", "p4", "d3")]))  # known: found, not created again
    assert _asks(hubs) == [
        {"a": "p1", "b": "p2", "key": "dup-1", "pieces": 2, "out": 1, "into": 1},
        {"a": "p3", "b": "p4", "key": "dup-2", "pieces": 4, "out": 1, "into": 1},
    ]
    # the same key between other ends is another relationship, as MERGE has it
    hubs.upsert(Batch(rels=[_ask("dup-2", "p5", "p4", "d9")]))
    assert [(r["a"], r["b"], r["pieces"]) for r in _asks(hubs) if r["key"] == "dup-2"] == [
        ("p3", "p4", 4),
        ("p5", "p4", 1),
    ]
    # rows not keyed by their key (built by hand) could repeat a key in one UNWIND: refused
    rows = batch_rows(Batch(rels=[_ask("dup-3", "p1", "p2", "d1")]))
    [group] = rows.rels.values()
    group["other"] = dict(group["dup-3"])
    with pytest.raises(SchemaError, match="not keyed"):
        plan_upsert(rows)
