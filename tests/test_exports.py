"""Exports as their readers see them: every format is read back by a real consumer.

A small fixed graph (two documents, people and bodies whose names carry quotes, backslashes,
newlines, unicode and even `</script>`) is loaded into an embedded store through the same path
loaders use (graph.facts -> to_batch -> Store.upsert). Each export is then read by networkx,
python-igraph, the json and csv modules, a fresh embedded store (the Cypher script) or headless
Chromium (the HTML page), and compared with the store.

Golden files in tests/golden/exports/ pin the exact output for the fixed graph, so that a
change to an export shows up in review. After an intended change, regenerate them with

    CIVICGRAPH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_exports.py -k golden

and read the diff.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

from graph.exports import FORMATS, LIST_SEPARATOR, PictureTooLarge, write_export
from graph.exports.cypher_script import literal, statements
from graph.exports.html import json_for_script, render_html
from graph.facts import DocumentInfo, Entity, Evidence, Fact, to_batch
from graph.store import open_store
from graph.subgraph import MemorySubgraph, Selection, SelectionError, Subgraph, SubNode, date_in_range

GOLDEN = Path(__file__).parent / "golden" / "exports"
UPDATE_GOLDEN = os.environ.get("CIVICGRAPH_UPDATE_GOLDEN") == "1"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

# --- the fixed graph ---------------------------------------------------------------------------

MAYOR = Entity("Sadiq Khan", "Person", aliases=("the Mayor", "Mayor of London"))
ASSEMBLY = Entity("London Assembly", "Organization", aliases=("the Assembly",))
MOPAC = Entity("Mayor's Office for Policing And Crime", "Organization", aliases=("MOPAC",))
QUOTED = Entity('Zoë "Z" O\'Brien \\ Garbett', "Person")  # quotes, a backslash, unicode
FUND = Entity('the £2.4m "Safer Streets"\nfund', "Programme")  # a newline in a name
HOSTILE = Entity("</script><script>alert(1)</script><!--", "Programme")
SCOTLAND_YARD = Entity("Metropolitan Police Service", "Organization", aliases=("the Met",))

TEXT_A = (
    "Letter from the Mayor, 26 November 2025.\n"
    'The Mayor will fund the £2.4m "Safer Streets"\nfund from November 2025.\n'
    "MOPAC oversees the Metropolitan Police Service.\n"
    'Zoë "Z" O\'Brien \\ Garbett asked the Mayor about policing on 5 September 2024.\n'
    'The Mayor said: "it\'s not good enough".\n'
)
TEXT_B = (
    "Press release, 2025.\n"
    'The Mayor funds the £2.4m "Safer Streets"\nfund, City Hall confirmed.\n'
    "The Mayor replied to Zoë on 1 October 2024.\n"
    "MOPAC funds </script><script>alert(1)</script><!-- in 2023.\n"
)


def _doc(name: str, text: str) -> DocumentInfo:
    return DocumentInfo(
        name=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        genre="letter",
        title=f"About {name}",
        date="2025-11-26",
    )


def _ev(doc: DocumentInfo, quote: str) -> Evidence:
    start = doc.text.index(quote)
    return Evidence(doc.name, doc.sha256, quote, start, start + len(quote))


def fixture_facts() -> list[tuple[DocumentInfo, list[Fact]]]:
    a, b = _doc("001_letter.txt", TEXT_A), _doc("002_press.txt", TEXT_B)
    funds_a = Fact(
        MAYOR,
        "FUNDS",
        FUND,
        [_ev(a, 'The Mayor will fund the £2.4m "Safer Streets"\nfund')],
        date="2025-11",
        amount_gbp=2_400_000,
    )
    funds_b = Fact(
        MAYOR,
        "FUNDS",
        FUND,
        [_ev(b, 'The Mayor funds the £2.4m "Safer Streets"\nfund')],
        date="2025",
        amount_gbp=2_400_000,
    )
    return [
        (
            a,
            [
                funds_a,
                Fact(
                    MOPAC,
                    "OVERSEES",
                    SCOTLAND_YARD,
                    [_ev(a, "MOPAC oversees the Metropolitan Police Service")],
                ),
                Fact(
                    QUOTED,
                    "ASKED",
                    MAYOR,
                    [_ev(a, 'Zoë "Z" O\'Brien \\ Garbett asked the Mayor about policing')],
                    date="2024-09-05",
                    about="policing",
                ),
                Fact(
                    MAYOR,
                    "SAID",
                    None,
                    [_ev(a, 'The Mayor said: "it\'s not good enough"')],
                    text="it's not good enough",
                    date="2025-11-26",
                ),
            ],
        ),
        (
            b,
            [
                funds_b,
                Fact(
                    MAYOR,
                    "REPLIED_TO",
                    QUOTED,
                    [_ev(b, "The Mayor replied to Zoë on 1 October 2024")],
                    date="2024-10-01",
                ),
                Fact(
                    MOPAC,
                    "FUNDS",
                    HOSTILE,
                    [_ev(b, "MOPAC funds </script><script>alert(1)</script><!-- in 2023")],
                    date="2023",
                    amount_gbp=1234.5,
                ),
            ],
        ),
    ]


def load_fixture(store) -> None:
    for doc, facts in fixture_facts():
        store.upsert(to_batch(doc, facts, mentioned=[ASSEMBLY]))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = open_store("embedded:" + str(tmp_path_factory.mktemp("exports-store")))
    try:
        load_fixture(st)
        yield st
    finally:
        st.close()


@pytest.fixture(scope="module")
def store_uri(store):
    return "embedded:" + str(store.location)


def store_nodes(st) -> dict[str, dict]:
    """Nodes by id, derived properties (leading underscore, kept up by the store) left out as
    exports leave them out, and so are Evidence nodes (exports show evidence on its relationship)
    and the store's own facts by month (graph/schema.py TOTALS_LABEL)."""
    rows = st.run(
        "MATCH (n) WHERE NOT n:Evidence AND NOT n:Totals RETURN labels(n) AS labels, properties(n) AS props"
    )
    return {
        r["props"]["id"]: {
            "labels": sorted(r["labels"]),
            **{k: v for k, v in r["props"].items() if not k.startswith("_")},
        }
        for r in rows
    }


def store_rels(st) -> dict[str, dict]:
    """Relationships by key, with their evidence (Evidence nodes) as the lists exports show."""
    from graph.evidence import as_lists, pieces

    rows = st.run(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props"
    )
    found = pieces(st, [r["props"]["key"] for r in rows])
    return {
        r["props"]["key"]: {
            "type": r["type"],
            "src": r["src"],
            "dst": r["dst"],
            **{k: v for k, v in r["props"].items() if not k.startswith("_")},
            **as_lists(found.get(r["props"]["key"], [])),
        }
        for r in rows
    }


def export_bytes(sub, fmt: str) -> bytes:
    buf = io.BytesIO()
    write_export(sub, fmt, buf)
    return buf.getvalue()


# --- selection --------------------------------------------------------------------------------


def test_dates_of_any_precision_overlap_the_range():
    assert date_in_range("2025-11-26", "2025", "2025")
    assert date_in_range("2025", "2025-03", None), "a year may fall after March of that year"
    assert not date_in_range("2024-12-31", "2025", None)
    assert date_in_range("2025-11", None, "2025-11-30")
    assert not date_in_range("2025-12", None, "2025-11-30")
    assert not date_in_range(None, "2020", None), "undated facts go when a bound is given"
    assert date_in_range(None, None, None)


def test_a_selection_rejects_unknown_types_and_bad_dates():
    with pytest.raises(ValueError, match="unknown relationship type 'PAYS'"):
        Selection(types=("PAYS",))
    with pytest.raises(SelectionError, match="--since"):
        Selection(since="26/11/2025")


def test_the_whole_graph_streams_every_node_and_relationship_in_pages(store):
    sub = Subgraph(store, page_size=3)  # several pages even for the small graph
    nodes, rels = list(sub.nodes()), list(sub.rels())
    assert {n.id for n in nodes} == set(store_nodes(store))
    assert {r.key for r in rels} == set(store_rels(store))
    assert [n.id for n in nodes] == sorted(n.id for n in nodes)
    assert len(rels) == len({r.key for r in rels}), "no relationship twice across pages"


def test_types_and_dates_keep_relationships_and_their_end_nodes(store):
    sub = Subgraph(store, Selection(types=("FUNDS",)))
    rels = list(sub.rels())
    assert {r.type for r in rels} == {"FUNDS"} and len(rels) == 2
    assert {n.id for n in sub.nodes()} == {MAYOR.id, FUND.id, MOPAC.id, HOSTILE.id}

    dated = Subgraph(store, Selection(since="2024-10", until="2025-06"))
    assert {r.type for r in dated.rels()} == {"REPLIED_TO"}
    late = Subgraph(store, Selection(since="2025-11-15"))
    assert {r.type for r in late.rels()} == {"FUNDS", "SAID"}, "FUNDS dated 2025-11 may fall after the 15th"
    assert all(date_in_range(r.props.get("date"), "2025-11-15", None) for r in late.rels())


def test_around_an_actor_walks_depth_steps_without_going_through_documents(store):
    one = Subgraph(store, Selection(actor=MOPAC.id, depth=1))
    assert {n.id for n in one.nodes()} == {MOPAC.id, SCOTLAND_YARD.id, HOSTILE.id}
    assert {r.type for r in one.rels()} == {"OVERSEES", "FUNDS"}
    two = Subgraph(store, Selection(actor=QUOTED.id, depth=2))
    assert {n.id for n in two.nodes()} == {
        QUOTED.id,
        MAYOR.id,
        FUND.id,
        Fact(MAYOR, "SAID", None, text="it's not good enough").statement.id,
    }
    assert "MENTIONS" not in {r.type for r in two.rels()}
    only_asked = Subgraph(store, Selection(actor=QUOTED.id, depth=2, types=("ASKED",)))
    assert {r.type for r in only_asked.rels()} == {"ASKED"}
    with pytest.raises(SelectionError, match="no node with id"):
        Subgraph(store, Selection(actor="nobody-at-all"))


def test_a_cypher_statement_selects_nodes_relationships_and_paths(store):
    paths = Subgraph(
        store, Selection(cypher="MATCH p=(a {id: $id})-[:OVERSEES]->() RETURN p", params={"id": MOPAC.id})
    )
    assert {n.id for n in paths.nodes()} == {MOPAC.id, SCOTLAND_YARD.id}
    assert [r.type for r in paths.rels()] == ["OVERSEES"]
    rels_only = Subgraph(store, Selection(cypher="MATCH ()-[r:FUNDS]->() RETURN r"))
    assert {n.id for n in rels_only.nodes()} == {MAYOR.id, FUND.id, MOPAC.id, HOSTILE.id}, "ends come along"
    combined = Subgraph(store, Selection(cypher="MATCH ()-[r]->() RETURN r", types=("FUNDS",), since="2025"))
    assert [r.dst for r in combined.rels()] == [FUND.id]


def test_a_cypher_statement_that_writes_is_refused(store):
    sub = Subgraph(store, Selection(cypher="MATCH (n) SET n.touched = true RETURN n"))
    with pytest.raises(SelectionError, match="writes"):
        list(sub.nodes())
    assert not store.run("MATCH (n) WHERE n.touched IS NOT NULL RETURN n.id")


# --- graph formats read back --------------------------------------------------------------------


def test_graphml_reads_back_with_networkx_with_every_attribute(store, tmp_path):
    path = tmp_path / "g.graphml"
    write_export(Subgraph(store), "graphml", path)
    keys = [k.get("id") for k in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}key")]
    assert len(keys) == len(set(keys)), (
        "key ids are XML ids: unique even when a node and an edge attribute share a name"
    )
    graph = nx.read_graphml(path, force_multigraph=True)
    nodes, rels = store_nodes(store), store_rels(store)
    assert graph.number_of_nodes() == len(nodes) and graph.number_of_edges() == len(rels)
    assert graph.nodes[FUND.id]["label"] == FUND.name, "quotes and the newline survive"
    assert graph.nodes[QUOTED.id]["name"] == QUOTED.name
    assert graph.nodes[MAYOR.id]["type"] == "Person"
    assert graph.nodes[MAYOR.id]["aliases"] == LIST_SEPARATOR.join(sorted(MAYOR.aliases))
    funds = next(
        d for _, _, d in graph.edges(data=True) if d["type"] == "FUNDS" and d["amount_gbp"] == 2_400_000
    )
    assert isinstance(funds["amount_gbp"], float)
    quotes = funds["evidence_quotes"].split(LIST_SEPARATOR)
    assert len(quotes) == 2 and all('"Safer Streets"\nfund' in q for q in quotes)
    assert funds["evidence_docs"].split(LIST_SEPARATOR) == ["001_letter.txt", "002_press.txt"]
    for u, v, key in graph.edges(keys=True):
        assert (rels[key]["src"], rels[key]["dst"]) == (u, v)


def test_graphml_reads_back_with_igraph(store, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is not installed")
    path = tmp_path / "g.graphml"
    write_export(Subgraph(store), "graphml", path)
    graph = igraph.Graph.Read_GraphML(str(path))
    assert graph.vcount() == len(store_nodes(store)) and graph.ecount() == len(store_rels(store))
    assert FUND.name in graph.vs["label"]
    assert set(graph.es["type"]) == {r["type"] for r in store_rels(store).values()}


def test_gexf_reads_back_with_networkx(store, tmp_path):
    path = tmp_path / "g.gexf"
    write_export(Subgraph(store), "gexf", path)
    graph = nx.read_gexf(path)
    nodes, rels = store_nodes(store), store_rels(store)
    assert graph.number_of_nodes() == len(nodes) and graph.number_of_edges() == len(rels)
    assert graph.nodes[HOSTILE.id]["label"] == HOSTILE.name
    assert graph.nodes[QUOTED.id]["type"] == "Person"
    edges = {d["id"]: d for _, _, d in graph.edges(data=True)}
    assert set(edges) == set(rels)
    for key, data in edges.items():
        assert data["label"] == data["rel_type"] == rels[key]["type"], "GEXF keeps `type` for the direction"
    said = next(d for d in edges.values() if d["label"] == "SAID")
    assert said["evidence_quotes"] == 'The Mayor said: "it\'s not good enough"'


def test_node_link_json_has_every_node_and_edge_with_lists_intact(store):
    data = json.loads(export_bytes(Subgraph(store), "json"))
    nodes, rels = store_nodes(store), store_rels(store)
    assert {n["id"] for n in data["nodes"]} == set(nodes)
    for node in data["nodes"]:
        assert node["name"] == nodes[node["id"]]["name"] and node["type"] in nodes[node["id"]]["labels"]
    assert len(data["links"]) == len(rels)
    for link in data["links"]:
        stored = rels[link["key"]]
        assert (link["source"], link["target"], link["type"]) == (
            stored["src"],
            stored["dst"],
            stored["type"],
        )
        assert link.get("evidence_quotes") == stored.get("evidence_quotes")
        assert link.get("evidence_starts") == stored.get("evidence_starts")
    assert nx.node_link_graph(data, edges="links").number_of_edges() == len(rels)
    from graph.exports.networkx_formats import to_networkx

    expected = nx.node_link_data(to_networkx(Subgraph(store), flat=False), edges="links")
    for doc in (data, expected):
        doc["links"].sort(key=lambda link: link["key"])  # networkx lists edges by source node
    assert data == expected, "the streamed document is what networkx writes for the same graph"


def test_cytoscape_json_has_every_element_with_unique_ids(store):
    data = json.loads(export_bytes(Subgraph(store), "cytoscape"))
    nodes, rels = store_nodes(store), store_rels(store)
    elements = data["elements"]
    assert {n["data"]["id"] for n in elements["nodes"]} == set(nodes)
    assert {e["data"]["key"] for e in elements["edges"]} == set(rels)
    ids = [e["data"]["id"] for group in elements.values() for e in group]
    assert len(ids) == len(set(ids)), "Cytoscape.js needs unique element ids"
    for edge in elements["edges"]:
        stored = rels[edge["data"]["key"]]
        assert (edge["data"]["source"], edge["data"]["target"]) == (stored["src"], stored["dst"])
        assert edge["data"].get("evidence_docs") == stored.get("evidence_docs")
    for node in elements["nodes"]:
        assert node["data"]["name"] == nodes[node["data"]["id"]]["name"]
    back = nx.cytoscape_graph(data)
    assert (back.number_of_nodes(), back.number_of_edges()) == (len(nodes), len(rels))


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_to_a_folder_and_to_a_zip_reads_back_with_the_csv_module(store, tmp_path):
    write_export(Subgraph(store), "csv", tmp_path / "folder")
    write_export(Subgraph(store), "csv", tmp_path / "g.zip")
    with zipfile.ZipFile(tmp_path / "g.zip") as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        zipped = {m: archive.read(m).decode("utf-8") for m in archive.namelist()}
    for member in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "folder" / member).read_text(encoding="utf-8") == zipped[member]
    nodes, rels = store_nodes(store), store_rels(store)
    node_rows = _read_csv(zipped["nodes.csv"])
    assert list(node_rows[0])[:3] == ["Id", "Label", "Type"]
    assert {r["Id"]: r["Label"] for r in node_rows} == {k: v["name"] for k, v in nodes.items()}
    assert {r["Id"]: r["Type"] for r in node_rows}[MOPAC.id] == "Organization"
    edge_rows = _read_csv(zipped["edges.csv"])
    assert list(edge_rows[0])[:6] == ["Source", "Target", "Type", "Label", "Id", "Relationship"]
    assert len(edge_rows) == len(rels)
    for row in edge_rows:
        stored = rels[row["Id"]]
        assert (row["Source"], row["Target"]) == (stored["src"], stored["dst"])
        assert row["Type"] == "Directed", "Gephi reads Type as the edge kind"
        assert row["Label"] == row["Relationship"] == stored["type"]
        assert row["evidence_quotes"] == LIST_SEPARATOR.join(stored.get("evidence_quotes") or [])


def test_the_facts_export_gives_back_the_facts_that_were_loaded(store):
    lines = export_bytes(Subgraph(store), "facts").decode("utf-8").splitlines()
    exported = [json.loads(line) for line in lines]
    loaded = [f for _, facts in fixture_facts() for f in facts]
    assert len(exported) == len(loaded) - 1, "the two FUNDS facts of the Mayor merge into one"
    said = next(f for f in exported if f["predicate"] == "SAID")
    assert said["object"] is None and said["text"] == "it's not good enough"
    funds = next(f for f in exported if f["predicate"] == "FUNDS" and f["subject"]["name"] == "Sadiq Khan")
    assert funds["object"] == {"name": FUND.name, "type": "Programme"} and funds["amount_gbp"] == 2_400_000
    assert [e["document"] for e in funds["evidence"]] == ["001_letter.txt", "002_press.txt"]
    texts = {"001_letter.txt": TEXT_A, "002_press.txt": TEXT_B}
    for fact in exported:
        for ev in fact["evidence"]:
            assert texts[ev["document"]][ev["start"] : ev["end"]] == ev["quote"]


# --- the Cypher script --------------------------------------------------------------------------


def test_cypher_literals_escape_what_needs_escaping():
    assert literal('it\'s a \\ "q"\nline\ttab') == "'it\\'s a \\\\ \"q\"\\nline\\ttab'"
    assert literal(["a", 1, 2.5, True]) == "['a', 1, 2.5, true]"
    assert literal("Zoë ☃ 😀") == "'Zoë ☃ 😀'"
    with pytest.raises(ValueError, match="NUL"):
        literal("a\x00b")
    with pytest.raises(ValueError):
        literal(float("nan"))


def test_the_cypher_script_recreates_the_subgraph_in_a_fresh_store(store, tmp_path):
    script = export_bytes(Subgraph(store), "cypher").decode("utf-8")
    assert "$" not in "".join(s for s in statements(script) if "'" not in s), "parameter-free"
    with open_store("embedded:" + str(tmp_path / "fresh")) as fresh:
        for statement in statements(script):
            fresh.run(statement, write=True)
        assert store_nodes(fresh) == store_nodes(store)
        assert store_rels(fresh) == store_rels(store)
        for statement in statements(script):  # MERGE: running it again changes nothing
            fresh.run(statement, write=True)
        assert store_rels(fresh) == store_rels(store)


# --- HTML --------------------------------------------------------------------------------------


def _page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match, "the data element is there"
    return json.loads(match.group(1))


def test_the_html_page_is_self_contained_and_its_data_cannot_break_out(store):
    page = render_html(Subgraph(store), title='a <b>"title"</b>')
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I), (
        "no http(s) script or style source"
    )
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I), (
        "nothing is loaded at all"
    )
    assert not re.search(r"url\(\s*['\"]?https?:", page, re.I) and "@import" not in page
    assert page.count("</script>") == 3, "data, library and page script: the hostile name closed nothing"
    assert "<!--" not in page, "the hostile name's comment opener is escaped too"
    assert "<b>" not in page.split("<body>")[0].split("<title>")[1].split("</title>")[0]
    data = _page_data(page)
    names = {n["data"]["name"] for n in data["elements"]["nodes"]}
    assert HOSTILE.name in names and FUND.name in names
    assert {e["label"] for e in data["legend"]} == {
        "Person",
        "Organization",
        "Programme",
        "Statement",
        "Document",
    }
    assert "<" not in json_for_script({"x": "</script>"})


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--window-size=1200,800",
    ]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=90, cwd=tmp_path)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_draws_the_graph_offline(store, tmp_path):
    from PIL import Image

    page = tmp_path / "g.html"
    write_export(Subgraph(store), "html", page)
    shot = tmp_path / "shot.png"
    _chromium([f"--screenshot={shot}", page.as_uri()], tmp_path)
    assert shot.exists(), "chromium wrote a screenshot"
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    canvas = image.crop((0, 60, int(width * 0.7), height))  # the drawing area, left of the side panel
    colours = canvas.getcolors(maxcolors=1 << 20)
    background = max(colours)[1]
    drawn = sum(n for n, colour in colours if colour != background)
    assert drawn > 0.01 * canvas.width * canvas.height, "nodes and edges are drawn"
    node_colours = {(0xE6, 0x9F, 0x00), (0x56, 0xB4, 0xE9)}  # Person and Organization in the legend palette
    assert node_colours & {c for _, c in colours}, "nodes are coloured by label"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_shows_aliases_of_a_node_and_evidence_of_an_edge(store, tmp_path):
    page = tmp_path / "g.html"
    write_export(Subgraph(store), "html", page)
    node_dom = _chromium(["--dump-dom", page.as_uri() + f"#node={MAYOR.id}"], tmp_path).stdout
    details = node_dom.split('id="details"', 1)[1]
    assert "the Mayor" in details and "Mayor of London" in details and "FUNDS" in details
    funds_key = next(k for k, r in store_rels(store).items() if r["type"] == "FUNDS" and r["src"] == MAYOR.id)
    edge_dom = _chromium(["--dump-dom", page.as_uri() + f"#edge={funds_key}"], tmp_path).stdout
    details = edge_dom.split('id="details"', 1)[1]
    assert "Evidence (2)" in details and "001_letter.txt" in details and "002_press.txt" in details
    assert "The Mayor will fund the £2.4m" in details


# --- pictures ----------------------------------------------------------------------------------


def test_png_and_svg_pictures_of_a_small_subgraph(store, tmp_path):
    from PIL import Image

    write_export(Subgraph(store), "png", tmp_path / "g.png")
    image = Image.open(tmp_path / "g.png").convert("RGB")
    assert len(image.getcolors(maxcolors=1 << 20)) > 10, "not a blank picture"
    svg = ET.fromstring(export_bytes(Subgraph(store), "svg"))
    assert svg.tag.endswith("svg")
    assert "Sadiq Khan" in export_bytes(Subgraph(store), "svg").decode("utf-8")


def test_a_picture_of_too_many_nodes_is_refused():
    many = MemorySubgraph([SubNode(f"n{i}", ("Person",), {"name": f"N {i}"}) for i in range(301)], [])
    with pytest.raises(PictureTooLarge, match="too many"):
        export_bytes(many, "png")


# --- golden files ------------------------------------------------------------------------------

_TEXT_FORMATS = ("facts", "graphml", "gexf", "json", "cytoscape", "cypher")


def _stable(fmt: str, text: str) -> str:
    text = re.sub(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", "<loaded_at>", text
    )  # the load journal
    if fmt == "gexf":  # the writer stamps today's date and the networkx version
        text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="-"', text)
        text = re.sub(r"<creator>NetworkX [^<]*</creator>", "<creator>NetworkX</creator>", text)
    return text


@pytest.mark.parametrize("fmt", [*_TEXT_FORMATS, "csv"])
def test_golden_exports_stay_stable(store, tmp_path, fmt):
    if fmt == "csv":
        write_export(Subgraph(store), "csv", tmp_path / "csv")
        outputs = {
            f"csv-{m}": _stable(fmt, (tmp_path / "csv" / m).read_text(encoding="utf-8"))
            for m in ("nodes.csv", "edges.csv")
        }
    else:
        outputs = {
            f"small{FORMATS[fmt].suffix}": _stable(fmt, export_bytes(Subgraph(store), fmt).decode("utf-8"))
        }
    for name, text in outputs.items():
        golden = GOLDEN / name
        if UPDATE_GOLDEN:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert golden.exists(), f"{golden} is missing: run with CIVICGRAPH_UPDATE_GOLDEN=1"
        assert text == golden.read_text(encoding="utf-8"), f"{name} changed; regenerate if intended"


# --- the command -------------------------------------------------------------------------------


def make_app() -> typer.Typer:
    from cli.export import export

    app = typer.Typer()
    app.command("export")(export)
    app.command("noop")(lambda: None)  # two commands, so `export` stays a sub-command as in civicgraph
    return app


runner = CliRunner()


def cg(store_uri: str, *args: str):
    return runner.invoke(make_app(), ["export", *args], env={"CIVICGRAPH_STORE": store_uri})


def test_cli_writes_text_formats_to_standard_output(store, store_uri):
    result = cg(store_uri, "graphml")
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)
    nodes, rels = len(store_nodes(store)), len(store_rels(store))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, rels)
    assert f"exported {nodes} nodes and {rels} relationships as graphml" in result.stderr


def test_cli_overwrites_a_file_only_with_force(store_uri, tmp_path):
    out = tmp_path / "g.json"
    out.write_text("keep me")
    result = cg(store_uri, "json", "--out", str(out))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text() == "keep me"
    result = cg(store_uri, "json", "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["nodes"]
    assert not list(tmp_path.glob(".*partial*")), "no temporary file left behind"


def test_cli_resolves_an_actor_by_alias_and_combines_filters(store_uri):
    result = cg(store_uri, "facts", "--actor", "the mayor", "--type", "funds,replied_to", "--since", "2024")
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {f["predicate"] for f in facts} == {"FUNDS", "REPLIED_TO"}
    assert all(f["subject"]["name"] == "Sadiq Khan" for f in facts)


def test_cli_explains_bad_selections(store_uri, tmp_path):
    unknown = cg(store_uri, "json", "--actor", "Sadiq Kahn")
    assert unknown.exit_code == 2 and "Sadiq Khan" in unknown.stderr, "closest names are offered"
    empty = cg(store_uri, "json", "--type", "CHAIRS")
    assert empty.exit_code == 1 and "empty" in empty.stderr
    writes = cg(store_uri, "json", "--cypher", "CREATE (n:Person {id: 'x'}) RETURN n")
    assert writes.exit_code == 1 and "writes" in writes.stderr
    fmt = cg(store_uri, "pdf")
    assert fmt.exit_code == 2 and "graphml" in fmt.stderr and "cytoscape" in fmt.stderr
    binary = cg(store_uri, "png")
    assert binary.exit_code == 2 and "--out" in binary.stderr
    bad_type = cg(store_uri, "json", "--type", "PAYS")
    assert bad_type.exit_code == 2 and "PAYS" in bad_type.stderr


def test_cli_exports_a_cypher_selection_with_parameters(store_uri):
    result = cg(
        store_uri,
        "cytoscape",
        "--cypher",
        "MATCH p=(a {id: $id})-[:OVERSEES]->() RETURN p",
        "-p",
        f"id={MOPAC.id}",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {n["data"]["id"] for n in data["elements"]["nodes"]} == {MOPAC.id, SCOTLAND_YARD.id}


def test_cli_exports_the_answer_to_a_canned_question(store_uri):
    from queries.catalog import load_catalog

    if "who-was-asked" not in load_catalog():
        pytest.skip("the who-was-asked question is not in the catalogue")
    result = cg(store_uri, "json", "--query", "who-was-asked", "-p", "actor=the Mayor")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {n["id"] for n in data["nodes"]} >= {MAYOR.id, QUOTED.id}
    assert "ASKED" in {link["type"] for link in data["links"]}
    unknown = cg(store_uri, "json", "--query", "who-is-nice")
    assert unknown.exit_code == 2 and "who-was-asked" in unknown.stderr


def test_cli_writes_csv_to_a_zip_and_png_to_a_file(store_uri, tmp_path):
    result = cg(store_uri, "csv", "--out", str(tmp_path / "g.zip"), "--type", "FUNDS")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "g.zip") as archive:
        edges = _read_csv(archive.read("edges.csv").decode("utf-8"))
    assert {e["Relationship"] for e in edges} == {"FUNDS"}
    result = cg(store_uri, "png", "--out", str(tmp_path / "mayor.png"), "--actor", "Sadiq Khan")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mayor.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
