"""The Store contract, on real stores: the embedded FalkorDB always, Neo4j where Docker runs.

Tests taking `stores` run once per backend; tests taking `embedded_store` or `store_folder`
are about the embedded server itself (its folder, socket, lifecycle and failure modes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import redis

from graph.embedded import (
    pid_alive,
    repair_aof,
    server_status,
    start_server,
    stop_server,
)
from graph.evidence import as_lists, pieces
from graph.facts import Batch, DocumentInfo, Entity, Evidence, Fact, to_batch
from graph.falkor import EmbeddedFalkorStore
from graph.fingerprint import fingerprint
from graph.schema import TOTALS_LABEL, SchemaError
from graph.store import QueryTimeout, ReadOnlyError, Store, StoreError
from graph.upsert import plan_upsert

ROOT = Path(__file__).resolve().parent.parent


def open_embedded(folder: Path, **options: object) -> EmbeddedFalkorStore:
    """An embedded store with limits suited to tests (the `embedded_store` fixture's settings)."""
    options.setdefault("timeout_ms", 20_000)
    options.setdefault("memory_mb", 2048)
    return EmbeddedFalkorStore(str(folder), **options)  # type: ignore[arg-type]


KHAN = Entity("Sadiq Khan", "Person", aliases=("the Mayor",))
HALL = Entity("Susan Hall", "Person")
MET = Entity("Metropolitan Police Service", "Organization", aliases=("the Met",))
REVIEW = Entity("Casey Review", "Inquiry")

HOSTILE = [
    "x'}) DETACH DELETE n //",
    'it\'s "quoted" and {braced} and \\back\\slashed\\',
    "line one\nline two\ttabbed",
    "$param `backtick` ]]>*/ -- ;",
    "RETURN 1; MATCH (n) DETACH DELETE n",
    "\u202eevil bidi override\u202c and \u00e9\u00e8 and \U0001f600",
]


# --- building documents as the loaders do ----------------------------------------------------------


def document(name: str, text: str) -> DocumentInfo:
    return DocumentInfo(
        name=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, path=f"/corpus/{name}"
    )


def evidence(doc: DocumentInfo, quote: str) -> Evidence:
    start = doc.text.index(quote)
    return Evidence(doc.name, doc.sha256, quote, start, start + len(quote))


LETTER = document(
    "letter.txt",
    "Susan Hall asked Sadiq Khan about the Met. Sadiq Khan replied to Susan Hall. "
    "Sadiq Khan funds the Metropolitan Police Service with 2.4m.",
)
PRESS = document(
    "press.txt", "City Hall: Sadiq Khan funds the Metropolitan Police Service with 2.4m, he said."
)
REPORT = document("report.txt", "The Casey Review reviews the Metropolitan Police Service.")


def letter_batch(doc: DocumentInfo = LETTER) -> Batch:
    return to_batch(doc, [
        Fact(HALL, "ASKED", KHAN, [evidence(doc, "Susan Hall asked Sadiq Khan")], date="2025-11-03", about="the Met"),
        Fact(KHAN, "REPLIED_TO", HALL, [evidence(doc, "Sadiq Khan replied to Susan Hall")], date="2025-12"),
        Fact(KHAN, "FUNDS", MET, [evidence(doc, "Sadiq Khan funds the Metropolitan Police Service")],
             amount_gbp=2_400_000, date="2025-11"),
    ])  # fmt: skip


def press_batch() -> Batch:
    return to_batch(PRESS, [
        Fact(KHAN, "FUNDS", MET, [evidence(PRESS, "Sadiq Khan funds the Metropolitan Police Service")],
             amount_gbp=2_400_000, date="2025-11-20"),
    ])  # fmt: skip


def report_batch() -> Batch:
    return to_batch(
        REPORT,
        [Fact(REVIEW, "REVIEWS", MET, [evidence(REPORT, "The Casey Review reviews the Metropolitan")])],
    )


def counts(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    nodes = {  # the store's own counts by month (graph/schema.py TOTALS_LABEL) are not part of the graph
        r["label"]: r["n"]
        for r in store.run("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")
        if r["label"] != TOTALS_LABEL
    }
    rels = {r["type"]: r["n"] for r in store.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return nodes, rels


def funds(store: Store) -> dict:
    """The FUNDS relationship's properties, with its evidence (Evidence nodes) as the lists exports show."""
    rows = store.run(
        "MATCH (:Person {id: 'sadiq-khan'})-[f:FUNDS]->(:Organization) RETURN properties(f) AS p"
    )
    assert len(rows) == 1, rows
    props = rows[0]["p"]
    return props | as_lists(pieces(store, [props["key"]]).get(props["key"], []))


def graph_queries(store: EmbeddedFalkorStore) -> int:
    """How many GRAPH.QUERY commands the embedded server has run."""
    client = redis.Redis(unix_socket_path=str(store.server.socket), decode_responses=True)
    try:
        return int(client.info("commandstats").get("cmdstat_graph.QUERY", {}).get("calls", 0))
    finally:
        client.close()


# --- the contract, on every backend ------------------------------------------------------------------


def test_rows_are_plain_python_values(stores: Store) -> None:
    stores.upsert(letter_batch())
    row = stores.run(
        "MATCH p = (a:Person {id: $id})-[r:FUNDS]->(b) RETURN a, r, p, a.aliases AS aliases, {n: 1, s: 'x'} AS m",
        {"id": "sadiq-khan"},
    )[0]
    assert row["a"]["_labels"] == ["Person"] and row["a"]["name"] == "Sadiq Khan"
    assert row["r"]["_type"] == "FUNDS" and row["r"]["_start"] == row["a"]["_element_id"]
    assert row["r"]["amount_gbp"] == 2_400_000
    assert [n["id"] for n in row["p"]["_nodes"]] == ["sadiq-khan", "metropolitan-police-service"]
    assert [r["_type"] for r in row["p"]["_rels"]] == ["FUNDS"]
    assert row["aliases"] == ["the Mayor"] and row["m"] == {"n": 1, "s": "x"}


def test_the_same_batch_twice_leaves_the_graph_unchanged(stores: Store) -> None:
    stores.upsert(letter_batch())
    first = counts(stores), fingerprint(stores), funds(stores)
    stores.upsert(letter_batch())
    assert (counts(stores), fingerprint(stores), funds(stores)) == first
    assert first[0] == (
        {"Document": 1, "Person": 2, "Organization": 1, "Evidence": 3},
        {"ASKED": 1, "REPLIED_TO": 1, "FUNDS": 1, "MENTIONS": 3},
    )


def test_a_fact_from_a_second_document_gains_its_evidence_once(stores: Store) -> None:
    stores.upsert(letter_batch())
    stores.upsert(press_batch())
    stores.upsert(press_batch())
    stores.upsert(letter_batch())
    props = funds(stores)
    assert sorted(props["evidence_docs"]) == ["letter.txt", "press.txt"]
    assert len(props["evidence_keys"]) == len(set(props["evidence_keys"])) == 2
    for i, doc in enumerate(props["evidence_docs"]):
        text = {"letter.txt": LETTER.text, "press.txt": PRESS.text}[doc]
        assert text[props["evidence_starts"][i] : props["evidence_ends"][i]] == props["evidence_quotes"][i]
    assert props["date"] == "2025-11-20", "the more precise date wins, whatever the order"
    assert stores.loaded_documents() == {
        LETTER.sha256: "/corpus/letter.txt",
        PRESS.sha256: "/corpus/press.txt",
    }


def test_aliases_merge_instead_of_being_overwritten(stores: Store) -> None:
    khan_too = Entity("Sadiq Khan", "Person", aliases=("Mayor Khan",))
    stores.upsert(letter_batch())
    stores.upsert(to_batch(PRESS, [Fact(khan_too, "FUNDS", MET, [evidence(PRESS, "Sadiq Khan funds")])]))
    aliases = stores.run("MATCH (n:Person {id: 'sadiq-khan'}) RETURN n.aliases AS a")[0]["a"]
    assert sorted(aliases) == ["Mayor Khan", "the Mayor"]


def test_replacing_a_document_removes_only_its_own_evidence(stores: Store) -> None:
    stores.upsert(letter_batch())
    stores.upsert(press_batch())
    stores.upsert(report_batch())
    # The letter changes: it no longer mentions Susan Hall; it still says Khan funds the Met.
    new_letter = document("letter.txt", "Sadiq Khan funds the Metropolitan Police Service, the letter says.")
    batch = to_batch(new_letter, [
        Fact(KHAN, "FUNDS", MET, [evidence(new_letter, "Sadiq Khan funds the Metropolitan Police Service")],
             amount_gbp=2_400_000),
    ])  # fmt: skip
    stores.upsert(batch, replaces=[LETTER.sha256])

    props = funds(stores)
    assert sorted(props["evidence_doc_ids"]) == sorted([PRESS.sha256, new_letter.sha256])
    nodes, rels = counts(stores)
    assert "ASKED" not in rels and "REPLIED_TO" not in rels, "facts only the old letter supported are gone"
    assert stores.run("MATCH (n:Person {id: 'susan-hall'}) RETURN n") == [], (
        "a node left with no relationship goes"
    )
    assert nodes == {"Document": 3, "Person": 1, "Organization": 1, "Inquiry": 1, "Evidence": 3}
    assert stores.run("MATCH ()-[f:FUNDS]->() RETURN f._evidence AS n") == [{"n": 2}], "the count follows"
    assert rels["REVIEWS"] == 1 and rels["FUNDS"] == 1
    assert set(stores.loaded_documents()) == {new_letter.sha256, PRESS.sha256, REPORT.sha256}


def test_read_only_mode_refuses_every_kind_of_write(stores: Store) -> None:
    stores.upsert(letter_batch())
    before = fingerprint(stores)
    for statement in [
        "CREATE (n:Person {id: 'intruder'})",
        "MERGE (n:Person {id: 'intruder'})",
        "MATCH (n:Person) SET n.name = 'changed'",
        "MATCH (n:Person) REMOVE n.name",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Person) DELETE n",
    ]:
        with pytest.raises(ReadOnlyError, match="change the graph"):
            stores.run(statement)
    assert fingerprint(stores) == before
    stores.run("CREATE (n:Person {id: 'allowed', name: 'Allowed'})", write=True)
    assert stores.run("MATCH (n:Person {id: 'allowed'}) RETURN n.name AS name") == [{"name": "Allowed"}]


def test_read_only_mode_refuses_load_csv(stores: Store) -> None:
    for statement in [
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "load   csv WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN count(row)",
        "LOAD/* hidden */CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ]:
        with pytest.raises(ReadOnlyError, match="LOAD CSV"):
            stores.run(statement)


def test_hostile_values_are_stored_and_read_back_literally(stores: Store) -> None:
    stores.upsert(letter_batch())
    echoed = stores.run("UNWIND $values AS v RETURN v", {"values": HOSTILE})
    assert [r["v"] for r in echoed] == HOSTILE
    doc = document("hostile.txt", " | ".join(HOSTILE))
    people = [Entity(value, "Person", id=f"hostile-{i}") for i, value in enumerate(HOSTILE)]
    stores.upsert(to_batch(doc, [Fact(p, "SAID", None, [evidence(doc, HOSTILE[i])], text=HOSTILE[i])
                                 for i, p in enumerate(people)]))  # fmt: skip
    names = {
        r["id"]: r["name"]
        for r in stores.run(
            "MATCH (n:Person) WHERE n.id STARTS WITH 'hostile-' RETURN n.id AS id, n.name AS name"
        )
    }
    assert names == {f"hostile-{i}": value for i, value in enumerate(HOSTILE)}
    quotes = sorted(r["q"] for r in stores.run("MATCH (v:Evidence {type: 'SAID'}) RETURN v.quote AS q"))
    assert quotes == sorted(HOSTILE)
    for value in HOSTILE:  # and they match as parameters
        assert stores.run("MATCH (n:Person {name: $name}) RETURN count(n) AS c", {"name": value}) == [
            {"c": 1}
        ]
    assert counts(stores)[0]["Person"] == 2 + len(HOSTILE), "nothing was deleted by the Cypher-looking text"


def test_control_characters_and_broken_text_are_cleaned_before_the_store(stores: Store) -> None:
    nasty = "NUL\x00 bell\x07 esc\x1b[31m lone\ud800surrogate ok\ttab\nnewline"
    stores.upsert(Batch(nodes=[{"label": "Person", "id": "nasty", "props": {"name": nasty, "score": 2**70}}]))
    row = stores.run("MATCH (n:Person {id: 'nasty'}) RETURN n.name AS name, n.score AS score")[0]
    assert row["name"] == "NUL\ufffd bell\ufffd esc\ufffd[31m lone\ufffdsurrogate ok\ttab\nnewline"
    assert len(row["name"]) == len(nasty), "one replacement per character keeps offsets valid"
    assert row["score"] == pytest.approx(2.0**70), "too big for 64 bits: stored as a float, not clamped"


def test_unknown_labels_and_types_are_rejected_before_anything_runs(stores: Store) -> None:
    stores.upsert(letter_batch())
    before = fingerprint(stores)
    bad_batches = [
        Batch(nodes=[{"label": "Person`) DETACH DELETE n //", "id": "x", "props": {}}]),
        Batch(nodes=[{"label": "Weapon", "id": "x", "props": {}}]),
        Batch(nodes=[{"label": "Person", "id": "x", "props": {"name) DETACH DELETE n //": 1}}]),
        Batch(
            rels=[
                {
                    "type": "KILLED",
                    "key": "k",
                    "src": "a",
                    "src_label": "Person",
                    "dst": "b",
                    "dst_label": "Person",
                    "props": {},
                    "evidence": [],
                }
            ]
        ),  # fmt: skip
        Batch(
            nodes=[{"label": "Person", "id": "ok", "props": {"name": "fine"}}],
            rels=[
                {
                    "type": "FUNDS",
                    "key": "k",
                    "src": "ok",
                    "src_label": "Person",
                    "dst": "b",
                    "dst_label": "Galaxy",
                    "props": {},
                    "evidence": [],
                }
            ],
        ),  # fmt: skip
    ]
    for batch in bad_batches:
        with pytest.raises(SchemaError):
            plan_upsert(batch)
        queries = graph_queries(stores) if isinstance(stores, EmbeddedFalkorStore) else None
        with pytest.raises(SchemaError):
            stores.upsert(batch)
        if queries is not None:
            assert graph_queries(stores) == queries, "no statement reached the server"
    assert fingerprint(stores) == before, "not even the valid part of a bad batch was written"


def test_a_runaway_query_is_stopped_by_the_timeout_and_the_store_stays_usable(stores: Store) -> None:
    stores.upsert(letter_batch())
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit"):
        stores.run(
            "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS c", timeout_ms=300
        )
    assert time.monotonic() - started < 10
    assert stores.run("MATCH (n:Person) RETURN count(n) AS c") == [{"c": 2}]


def test_fingerprint_ignores_write_order_but_not_content(tmp_path: Path) -> None:
    prints = []
    for name, order in (
        ("abc", [letter_batch, press_batch, report_batch]),
        ("cba", [report_batch, press_batch, letter_batch]),
    ):
        with open_embedded(tmp_path / name) as store:
            for make in order:
                store.upsert(make())
            prints.append(fingerprint(store))
    with open_embedded(tmp_path / "less") as store:
        store.upsert(letter_batch())
        store.upsert(press_batch())
        prints.append(fingerprint(store))
    assert prints[0] == prints[1]
    assert prints[2] != prints[0]
    assert len(prints[0]) == 64 and int(prints[0], 16) >= 0


def test_reads_decode_every_kind_of_value_as_the_falkordb_client_does(
    embedded_store: EmbeddedFalkorStore,
) -> None:
    """`run` reads answers with its own decoder for the common types (graph/falkor.py `decode`);
    every value comes out as plain(the client's own parse) would give it."""
    from falkordb.query_result import parse_scalar

    from graph.falkor import decode, plain

    embedded_store.upsert(letter_batch())
    query = (
        "MATCH p = (a:Person {id: 'sadiq-khan'})-[r:FUNDS]->(b) "
        "RETURN a, r, p, properties(r) AS props, a.aliases AS aliases, $hostile AS hostile, 2.5 AS f, 3.0 AS whole, "
        "-7 AS i, true AS yes, false AS no, null AS nothing, [1, 'x', [2.5, null], {k: [true]}] AS nested, "
        "{a: 1, b: {c: 'd', e: []}, f: 0.1} AS m, date('2025-04-02') AS day, point({latitude: 51.5, longitude: -0.1}) AS pt"
    )
    params = {"hostile": HOSTILE}
    row = embedded_store.run(query, params)[0]
    result = embedded_store._graph.ro_query(query, params)
    columns = [h[1] for h in result.header]
    expected = {c: plain(v) for c, v in zip(columns, result.result_set[0], strict=True)}
    assert row == expected
    assert row["hostile"] == HOSTILE and row["f"] == 2.5 and row["whole"] == 3.0 and row["yes"] is True
    graph = embedded_store._graph
    for cell in ([2, "x"], [3, -4], [1, None], [4, "false"], [5, "1e-07"], [6, [[2, "a"], [1, None]]]):
        assert decode(cell, graph) == plain(parse_scalar(cell, graph))


def test_the_fingerprint_read_in_shares_by_several_processes_is_the_same(tmp_path: Path) -> None:
    """A large graph is read and hashed by several processes at once, each a share of the nodes and
    of the relationships' sources; the sum is the one a single reader gets, and a change in any
    share changes it."""
    with open_embedded(tmp_path / "store") as store:
        for make in (letter_batch, press_batch, report_batch):
            store.upsert(make())
        alone = fingerprint(store, shares=1)
        assert fingerprint(store, shares=2) == fingerprint(store, shares=3) == alone
        store.run("MATCH (v:Evidence) WITH v LIMIT 1 SET v.start = v.start + 1", write=True)
        changed = fingerprint(store, shares=1)
        assert changed != alone and fingerprint(store, shares=3) == changed


def test_the_fingerprint_pages_see_every_relationship_whatever_the_page_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of source nodes leave out nodes without relationships but for a page's last one,
    which says where the next page starts: with pages of one, two or three nodes (full pages,
    pages ending on a node with no relationship), every relationship is read exactly once."""
    import graph.fingerprint as fp

    with open_embedded(tmp_path / "store") as store:
        for make in (letter_batch, press_batch, report_batch):
            store.upsert(make())
        every = sorted(
            (r["type"], r["src"], r["dst"], r["key"])
            for r in store.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, r.key AS key"
            )
        )
        whole = fingerprint(store, shares=1)
        for size in (1, 2, 3):
            monkeypatch.setattr(fp, "SOURCE_PAGE", size)
            monkeypatch.setattr(fp, "PAGE", size)
            read = sorted((r["type"], r["src"], r["dst"], r["key"]) for r in fp.relationships(store))
            assert read == every, size
            every_node = f"MATCH (n) WHERE NOT n:{TOTALS_LABEL} RETURN count(n) AS n"
            assert len(list(fp.nodes(store))) == store.run(every_node)[0]["n"]
            assert fingerprint(store, shares=1) == fingerprint(store, shares=2) == whole


def test_the_fingerprint_lines_made_from_cells_equal_those_made_from_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On FalkorDB the fingerprint's lines are made from the reply's cells, nodes as the values of
    their label's keys learnt from a sample (graph/fingerprint.py `_falkor_lines`): they are the
    lines made from plain rows (`_row_lines`), for every kind of value (lists, floats, booleans,
    evidence lists, the volatile `loaded_at`, hostile strings), with ranges of one id, and when
    nodes have keys the sample did not see (their page is read again whole)."""
    import graph.fingerprint as fp

    with open_embedded(tmp_path / "store") as store:
        for make in (letter_batch, press_batch, report_batch):
            store.upsert(make())
        store.run(
            "MATCH (p:Person) WITH p ORDER BY p.id LIMIT 1 SET p.zz_float = 1.5, p.zz_whole = 2.0, "
            "p.zz_flag = true, p.zz_list = [3, 'b', 1], p.zz_text = $hostile",
            {"hostile": " ".join(HOSTILE)},
            write=True,
        )
        store.run(
            "MATCH (p:Person) WITH p ORDER BY p.id DESC LIMIT 1 SET p.evidence_keys = ['k2', 'k1'], "
            "p.evidence_docs = ['d2', 'd1'], p.evidence_doc_ids = ['i2', 'i1'], p.evidence_quotes = ['b', 'a'], "
            "p.evidence_starts = [5, 1], p.evidence_ends = [9, 2.0], p.loaded_at = 'now'",
            write=True,
        )
        expected = sorted(fp._row_lines(store))
        assert sorted(fp._falkor_lines(store, (0, 1))) == expected
        whole = fingerprint(store, shares=1)
        monkeypatch.setattr(fp, "_KEY_SAMPLE", fp._KEY_SAMPLE.replace("LIMIT 500", "LIMIT 1"))
        for size in (1, 2):
            monkeypatch.setattr(fp, "PAGE", size)
            monkeypatch.setattr(fp, "SOURCE_PAGE", size)
            assert sorted(fp._falkor_lines(store, (0, 1))) == expected, size
            shared = sorted(line for k in range(3) for line in fp._falkor_lines(store, (k, 3)))
            assert shared == expected, size
            assert fingerprint(store, shares=2) == whole


# --- the embedded server --------------------------------------------------------------------------------


def _listening_tcp_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                fields = line.split()
                if fields[3] == "0A":  # LISTEN
                    inodes.add(fields[9])
    return inodes


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc to list sockets")
def test_the_server_listens_only_on_a_private_unix_socket(embedded_store: EmbeddedFalkorStore) -> None:
    server = embedded_store.server
    assert os.stat(server.folder).st_mode & 0o777 == 0o700
    assert os.stat(server.folder).st_uid == os.getuid()
    assert server.socket.is_socket() and os.stat(server.socket).st_mode & 0o777 == 0o700
    pid = server.pid
    assert not _socket_inodes(pid) & _listening_tcp_inodes(), "the server has a TCP listening socket"
    status = server_status(server.folder)
    assert status["running"] and status["pid"] == pid and status["tcp_port"] == 0
    assert status["leases"] == [os.getpid()] and status["graphs"] == ["civicgraph"]


def test_a_folder_owned_by_someone_else_is_refused(tmp_path: Path) -> None:
    if os.getuid() == 0:
        folder = tmp_path / "theirs"
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
    else:
        folder = Path("/")  # owned by root, never by this user
    with pytest.raises(StoreError, match="owned by uid"):
        open_embedded(folder)
    assert not (folder / "falkordb.sock").exists()


def test_an_existing_folder_is_tightened_to_0700(store_folder: Path) -> None:
    store_folder.mkdir(mode=0o755)
    os.chmod(store_folder, 0o755)
    with open_embedded(store_folder):
        assert os.stat(store_folder).st_mode & 0o777 == 0o700


def test_data_survives_stopping_and_restarting_the_server(store_folder: Path) -> None:
    with open_embedded(store_folder) as store:
        store.upsert(letter_batch())
        before = fingerprint(store)
        pid = store.server.pid
    assert not pid_alive(pid), "closing the last user stopped the server"
    assert (store_folder / "appendonlydir").is_dir()
    with open_embedded(store_folder) as store:
        assert store.server.pid != pid
        assert fingerprint(store) == before
        assert store.loaded_documents() == {LETTER.sha256: "/corpus/letter.txt"}


def test_the_last_user_out_stops_the_server(store_folder: Path) -> None:
    first = open_embedded(store_folder)
    second = open_embedded(store_folder)
    pid = first.server.pid
    assert second.server.pid == pid, "a second user shares the running server"
    first.close()
    assert pid_alive(pid) and second.run("RETURN 1 AS one") == [{"one": 1}]
    second.close()
    assert not pid_alive(pid)
    assert not (store_folder / "falkordb.sock").exists() and list((store_folder / "leases").iterdir()) == []


def test_a_forked_child_closing_the_store_leaves_the_parents_server_alone(
    embedded_store: EmbeddedFalkorStore,
) -> None:
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            embedded_store.close()
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    assert pid_alive(embedded_store.server.pid)
    assert embedded_store.run("RETURN 1 AS one") == [{"one": 1}]


def _run_child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_no_redis_server_is_left_after_a_process_ends(store_folder: Path) -> None:
    """A process that opens the store and exits (even without closing it) leaves nothing running."""
    code = (
        "import sys; from graph.store import open_store\n"
        "store = open_store('embedded:' + sys.argv[1])\n"
        "print(store.server.pid)\n"
        "store.run('RETURN 1')\n"  # no close(): the atexit hook gives the lease back
    )
    done = _run_child(code, str(store_folder))
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout.strip())
    deadline = time.monotonic() + 10
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(pid), "redis-server still running after the process ended"


def test_a_killed_user_leaves_a_stale_lease_that_the_next_user_cleans(store_folder: Path) -> None:
    code = (
        "import sys, time; from graph.store import open_store\n"
        "store = open_store('embedded:' + sys.argv[1])\n"
        "print(store.server.pid, flush=True); time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(store_folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        pid = int(child.stdout.readline().strip())
    finally:
        child.kill()
        child.wait()
    assert pid_alive(pid), "the server outlives a killed user until the next one comes"
    assert len(list((store_folder / "leases").iterdir())) == 1
    with open_embedded(store_folder) as store:
        assert store.server.pid == pid
        assert [p.name.split("-")[0] for p in (store_folder / "leases").iterdir()] == [str(os.getpid())]
    assert not pid_alive(pid), "the dead user's lease did not keep the server running"


def test_two_processes_writing_at_once_share_the_server_and_equal_a_sequential_load(tmp_path: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from graph.store import open_store\n"
        "import test_store_contract as t\n"
        "makers = [t.letter_batch, t.press_batch, t.report_batch]\n"
        "with open_store('embedded:' + sys.argv[1]) as store:\n"
        "    for i in range(int(sys.argv[2]), 30, 2):\n"
        "        store.upsert(makers[i % 3]())\n"
    )
    folder = tmp_path / "shared"
    children = [subprocess.Popen([sys.executable, "-c", code, str(folder), str(k)], cwd=ROOT) for k in (0, 1)]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    assert server_status(folder)["running"] is False, "the last writer out stopped the server"
    with open_embedded(tmp_path / "sequential") as store:
        for make in (letter_batch, press_batch, report_batch):
            store.upsert(make())
        expected = fingerprint(store)
    with open_embedded(folder) as store:
        assert fingerprint(store) == expected


def test_stale_pid_and_socket_files_from_a_crash_are_cleaned(store_folder: Path) -> None:
    store_folder.mkdir(mode=0o700)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (store_folder / "server.pid").write_text(f"{dead.pid}\n")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(store_folder / "falkordb.sock"))
    stale.close()  # the file stays behind, nobody listens
    (store_folder / "leases").mkdir(mode=0o700)
    (store_folder / "leases" / f"{dead.pid}-deadbeef").write_text("")
    assert server_status(store_folder)["stale"]
    with open_embedded(store_folder) as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
        assert store.server.pid != dead.pid and pid_alive(store.server.pid)
        assert any("stale" in notice for notice in store.notices)
        assert not (store_folder / "leases" / f"{dead.pid}-deadbeef").exists()


def test_a_killed_server_is_restarted_on_next_use_with_nothing_committed_lost(
    embedded_store: EmbeddedFalkorStore, caplog: pytest.LogCaptureFixture
) -> None:
    embedded_store.upsert(letter_batch())
    before = fingerprint(embedded_store)
    old = embedded_store.server.pid
    os.kill(old, signal.SIGKILL)
    while pid_alive(old):
        time.sleep(0.01)
    with caplog.at_level("WARNING", logger="civicgraph.store"):
        assert fingerprint(embedded_store) == before
    assert embedded_store.server.pid != old
    assert any("restarted" in n and "had stopped" in n for n in embedded_store.notices)
    assert "restarted" in caplog.text


def test_read_only_mode_refuses_write_procedures(embedded_store: EmbeddedFalkorStore) -> None:
    with pytest.raises(ReadOnlyError):
        embedded_store.run("CALL db.idx.fulltext.createNodeIndex('Person', 'name')")
    assert embedded_store.run("CALL db.indexes() YIELD types RETURN types") == []


def test_a_query_over_its_memory_cap_is_stopped_and_the_server_stays_up(tmp_path: Path) -> None:
    with open_embedded(tmp_path / "s", query_memory_mb=128) as store:
        pid = store.server.pid
        with pytest.raises(StoreError, match="more memory than one query may use"):
            store.run("UNWIND range(1, 30000000) AS x WITH collect(toString(x)) AS xs RETURN size(xs) AS n")
        assert store.server.pid == pid and store.run("RETURN 1 AS one") == [{"one": 1}]


def test_an_empty_graph_still_answers_reads_after_a_restart(embedded_store: EmbeddedFalkorStore) -> None:
    old = embedded_store.server.pid
    os.kill(old, signal.SIGKILL)
    while pid_alive(old):
        time.sleep(0.01)
    assert embedded_store.run("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def test_an_expression_too_big_for_memory_kills_only_the_server_which_comes_back(tmp_path: Path) -> None:
    """FalkorDB 4.16 allocates range(1, 1000000000) in one piece (16 GB) before any timeout or
    per-query memory cap can act; the address-space limit turns that into the death of this
    server alone, reported clearly, and the next statement finds it restarted with its data."""
    folder = tmp_path / "s"
    with open_embedded(folder, memory_mb=1024, timeout_ms=2_000) as store:
        store.upsert(letter_batch())
        with pytest.raises(StoreError, match="restarted") as failure:
            store.run("UNWIND range(1, 1000000000) AS x RETURN count(x)")
        assert "Out Of Memory" in str(failure.value)
        assert store.run("MATCH (n:Person) RETURN count(n) AS c") == [{"c": 2}]


def test_a_corrupt_append_only_file_stops_the_start_with_the_repair_step(store_folder: Path) -> None:
    with open_embedded(store_folder) as store:
        store.upsert(letter_batch())
        store.upsert(press_batch())
    incr = next((store_folder / "appendonlydir").glob("*.incr.aof"))
    data = bytearray(incr.read_bytes())
    boundary = data.index(b"\r\n*", len(data) // 3) + 2  # a command header in the middle of the file
    data[boundary : boundary + 4] = b"#!?#"
    incr.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupt") as failure:
        open_embedded(store_folder)
    assert "redis-check-aof --fix" in str(failure.value)
    assert not any(pid_alive(int(p.read_text())) for p in store_folder.glob("server.pid"))
    report = repair_aof(store_folder)
    assert "valid" in report and "backup" in report
    with open_embedded(store_folder) as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_a_truncated_append_only_file_loads_with_a_notice(store_folder: Path) -> None:
    with open_embedded(store_folder) as store:
        store.upsert(letter_batch())
        store.upsert(press_batch())
    incr = next((store_folder / "appendonlydir").glob("*.incr.aof"))
    with incr.open("r+b") as fh:
        fh.truncate(incr.stat().st_size - 7)  # the tail of the last write never made it
    with open_embedded(store_folder) as store:
        assert any("half-written" in notice for notice in store.notices)
        assert LETTER.sha256 in store.loaded_documents(), "everything before the cut is there"


def test_server_start_keeps_it_running_until_server_stop(store_folder: Path) -> None:
    status = start_server(store_folder)
    pid = status["pid"]
    assert status["running"] and status["persistent"] and pid_alive(pid)
    with open_embedded(store_folder) as store:
        assert store.server.pid == pid
    assert pid_alive(pid), "a persistent server outlives its users"
    before = stop_server(store_folder)
    assert before["pid"] == pid
    assert not pid_alive(pid)
    assert server_status(store_folder)["running"] is False


def test_the_graph_index_and_unique_constraint_exist_once(embedded_store: EmbeddedFalkorStore) -> None:
    embedded_store.ensure_schema()
    embedded_store.ensure_schema()
    indexes = embedded_store.run("CALL db.indexes() YIELD label, properties RETURN label, properties")
    [person] = [i for i in indexes if i["label"] == "Person"]  # one index per label, its properties listed
    assert "id" in person["properties"] and len(set(person["properties"])) == len(person["properties"])
    deadline = time.monotonic() + 10  # constraints are built in the background
    while time.monotonic() < deadline:
        states = embedded_store.run("CALL db.constraints() YIELD label, status RETURN label, status")
        if {"label": "Person", "status": "OPERATIONAL"} in states:
            break
        time.sleep(0.05)
    with pytest.raises(StoreError, match="unique constraint"):
        embedded_store.run("CREATE (:Person {id: 'twin'}), (:Person {id: 'twin'})", write=True)
    assert embedded_store.run("MATCH (n:Person {id: 'twin'}) RETURN n") == []


# --- the Neo4j backend's driver code, against FalkorDB's Bolt listener ----------------------------------

BOLT_NETNS_ENV = "CIVICGRAPH_BOLT_NETNS"
BOLT_MARKER_ENV = "CIVICGRAPH_BOLT_MARKER"


def _netns_prefix() -> list[str] | None:
    """A command prefix that runs a process in a new network namespace (only a loopback)."""
    if not shutil.which("unshare"):
        return None
    for prefix in (["unshare", "--net"], ["unshare", "--user", "--map-root-user", "--net"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0:
                return prefix
        except (OSError, subprocess.TimeoutExpired):
            continue
    return None


@pytest.mark.xfail(
    reason="FalkorDB 4.16's experimental Bolt listener crashes the server on the upsert that writes "
    "evidence as Evidence nodes (issue 11); the Neo4j backend is tested against Neo4j through testcontainers",
    strict=False,
)
def test_neo4j_backend_over_falkordb_bolt_listener() -> None:
    """Runs `test_neo4j_store_code_through_bolt` in a private network namespace, because the
    listener binds every interface and checks no password: there, only a loopback exists."""
    prefix = _netns_prefix()
    if prefix is None:
        pytest.skip("FalkorDB Bolt listener test needs `unshare --net` (a private network namespace)")
    inner = tempfile.mkdtemp(prefix="cg-bolt-")  # short: unix socket paths are limited to 107 bytes
    marker = Path(inner) / "no-bolt-listener"
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", f"{inner}/t",
             f"{Path(__file__)}::test_neo4j_store_code_through_bolt"],
            cwd=ROOT, env={**os.environ, BOLT_NETNS_ENV: "1", BOLT_MARKER_ENV: str(marker)},
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if marker.exists():
            pytest.skip(f"this FalkorDB build has no Bolt listener: {marker.read_text()}")
    finally:
        shutil.rmtree(inner, ignore_errors=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def _one_relationship_at_a_time(batch: Batch) -> list[Batch]:
    """The listener crashes on parameters over about 4 KB: write a batch in small pieces."""
    nodes = {n["id"]: n for n in batch.nodes}
    pieces = [Batch(nodes=[nodes[r["src"]], nodes[r["dst"]]], rels=[r]) for r in batch.rels]
    return [*pieces, Batch(nodes=[nodes[d] for d in batch.documents], documents=batch.documents)]


def _loopback_up() -> None:
    import fcntl
    import struct

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        request = struct.pack("16sH22x", b"lo", 0)
        flags = struct.unpack("16sH22x", fcntl.ioctl(sock, 0x8913, request))[1]  # SIOCGIFFLAGS
        fcntl.ioctl(sock, 0x8914, struct.pack("16sH22x", b"lo", flags | 0x1))  # SIOCSIFFLAGS: IFF_UP
    finally:
        sock.close()


@pytest.mark.skipif(
    os.environ.get(BOLT_NETNS_ENV) != "1", reason="runs inside a private network namespace only"
)
def test_neo4j_store_code_through_bolt(tmp_path: Path) -> None:
    """What this covers of graph/neo4j_store.py, with the real neo4j driver: driver set-up,
    sessions, read and write transaction functions (`execute_read`/`execute_write` with a
    `unit_of_work` timeout), parameters (lists, maps, numbers, text with braces, newlines and
    Cypher fragments), the portable upsert statement of graph/upsert.py in one write transaction
    (run twice: idempotent), evidence merging across documents, conversion of driver Node,
    Relationship and Path values to plain rows, the load journal, and the client-side LOAD CSV
    refusal. It checks the result from FalkorDB's side: the graph written through Bolt (one
    relationship per upsert) has the same fingerprint as the same documents written through the
    native client in whole batches.

    What it cannot cover (the listener's limits, measured on this build): read access mode
    (the listener runs writes inside read transactions), transaction timeouts (ignored; the
    server's own timeout applies and surfaces as an unknown error), database selection (every
    transaction goes to the graph `falkordb`), schema statements (CREATE CONSTRAINT ... IF NOT
    EXISTS), authentication (the listener only forwards a password to Redis AUTH), text
    containing a quote or a backslash (the listener pastes parameters into the query text
    without escaping them, so they break or inject), parameters over about 4 KB (they crash the
    server, so whole batches cannot go through it), ports above 32767 (not opened), and writes
    with the append-only file on (they crash the server). Those are tested against Neo4j itself
    through testcontainers."""
    from graph.neo4j_store import Neo4jStore

    for line in Path("/proc/net/dev").read_text().splitlines()[2:]:
        assert line.split(":")[0].strip() == "lo", (
            "not in a private network namespace: refusing to open a Bolt port"
        )
    _loopback_up()
    port = 17687  # the namespace is private, so the port is free; the listener ignores ports above 32767
    try:
        bolt_side = EmbeddedFalkorStore(str(tmp_path / "bolt"), bolt_port=port, persist=False, graph="falkordb",
                                        timeout_ms=20_000)  # fmt: skip
    except StoreError as exc:
        if "BOLT" not in str(exc).upper():
            raise
        Path(os.environ[BOLT_MARKER_ENV]).write_text(str(exc))
        pytest.skip(str(exc))
    native = EmbeddedFalkorStore(str(tmp_path / "native"), timeout_ms=20_000)
    try:
        with pytest.raises(StoreError, match="NEO4J_PASSWORD"):
            os.environ.pop("NEO4J_PASSWORD", None)
            Neo4jStore(f"bolt://127.0.0.1:{port}")
        neo = Neo4jStore(f"bolt://127.0.0.1:{port}", password="")
        neo._schema_ready = True  # CREATE CONSTRAINT is not for this listener
        try:
            values = {
                "n": 7,
                "f": 2.5,
                "xs": [1, 2, 3],
                "m": {"k": "v"},
                "s": "x}) DETACH DELETE n // {braces}\nnewline",
            }
            row = neo.run("RETURN $n AS n, $f AS f, $xs AS xs, $m AS m, $s AS s", values)[0]
            assert row == values
            for make in (letter_batch, press_batch, report_batch, letter_batch):
                native.upsert(make())
                for small in _one_relationship_at_a_time(make()):
                    neo.upsert(small)
            assert fingerprint(bolt_side) == fingerprint(native), (
                "the Bolt-written graph equals the native one"
            )
            assert fingerprint(neo) == fingerprint(native), "and reads back the same through the driver"
            got = neo.run(
                "MATCH p = (a:Person {id: $id})-[r:FUNDS]->(b) RETURN a, r, p", {"id": "sadiq-khan"}
            )[0]
            assert got["a"]["_labels"] == ["Person"] and got["r"]["_type"] == "FUNDS"
            assert got["r"]["_start"] == got["a"]["_element_id"] and got["r"]["_evidence"] == 2
            assert [n["id"] for n in got["p"]["_nodes"]] == ["sadiq-khan", "metropolitan-police-service"]
            assert neo.loaded_documents() == native.loaded_documents()
            with pytest.raises(ReadOnlyError, match="LOAD CSV"):
                neo.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
            neo.run("CREATE (:Person {id: 'written', name: 'W'})", write=True)
            assert bolt_side.run("MATCH (n:Person {id: 'written'}) RETURN n.name AS name") == [{"name": "W"}]
        finally:
            neo.close()
    finally:
        native.close()
        bolt_side.close()
