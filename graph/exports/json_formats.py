"""Node-link JSON (D3, sigma.js) and Cytoscape.js JSON, streamed element by element.

Both are the layouts networkx writes and reads (`nx.node_link_data(G, edges="links")` and
`nx.cytoscape_data(G)` of the MultiDiGraph in graph.exports.networkx_formats, with the same
attributes), but written one node or relationship a line as the subgraph streams out, so no
graph is held in memory. Lists (aliases, evidence quotes, documents, offsets) stay lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from graph.exports.streams import text_stream
from graph.exports.values import edge_attributes, node_attributes
from graph.subgraph import SubgraphSource, SubNode, SubRel


def node_link_node(node: SubNode) -> dict[str, Any]:
    return {**node_attributes(node, flat=False), "id": node.id}


def node_link_edge(rel: SubRel) -> dict[str, Any]:
    return {**edge_attributes(rel, flat=False), "source": rel.src, "target": rel.dst, "key": rel.key}


def cytoscape_node(node: SubNode) -> dict[str, Any]:
    attrs = node_attributes(node, flat=False)
    return {"data": {**attrs, "id": node.id, "value": node.id, "name": attrs.get("name") or node.id}}


def cytoscape_edge(rel: SubRel) -> dict[str, Any]:
    """Edges get the element id "rel-<key>" (Cytoscape.js ids are shared by nodes and edges)."""
    data = {**edge_attributes(rel, flat=False), "source": rel.src, "target": rel.dst, "key": rel.key}
    data["id"] = f"rel-{rel.key}"
    return {"data": data}


def node_link(sub: SubgraphSource) -> dict[str, Any]:
    """The whole node-link document in memory (for small subgraphs and tests)."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [node_link_node(n) for n in sub.nodes()],
        "links": [node_link_edge(r) for r in sub.rels()],
    }


def cytoscape_elements(sub: SubgraphSource) -> dict[str, Any]:
    """The whole Cytoscape.js document in memory (the HTML page embeds it)."""
    return {
        "data": {},
        "directed": True,
        "multigraph": True,
        "elements": {
            "nodes": [cytoscape_node(n) for n in sub.nodes()],
            "edges": [cytoscape_edge(r) for r in sub.rels()],
        },
    }


def _items(text: IO[str], items: Iterable[dict[str, Any]]) -> None:
    first = True
    for item in items:
        text.write(("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False, default=str))
        first = False
    text.write("\n")


def write_json(sub: SubgraphSource, out: IO[bytes]) -> None:
    with text_stream(out) as text:
        text.write('{"directed": true, "multigraph": true, "graph": {},\n"nodes": [')
        _items(text, (node_link_node(n) for n in sub.nodes()))
        text.write('],\n"links": [')
        _items(text, (node_link_edge(r) for r in sub.rels()))
        text.write("]}\n")


def write_cytoscape(sub: SubgraphSource, out: IO[bytes]) -> None:
    with text_stream(out) as text:
        text.write('{"data": {}, "directed": true, "multigraph": true,\n"elements": {"nodes": [')
        _items(text, (cytoscape_node(n) for n in sub.nodes()))
        text.write('],\n"edges": [')
        _items(text, (cytoscape_edge(r) for r in sub.rels()))
        text.write("]}}\n")
