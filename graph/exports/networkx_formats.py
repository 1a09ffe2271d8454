"""GraphML and GEXF, written by networkx.

Each builds one networkx MultiDiGraph from the subgraph streams (the one in-memory copy these
formats need) and hands it to networkx's writer. Nodes are keyed by their `id`, edges by their
merge `key` (several relationships can join the same two nodes).

Attributes (see graph.exports.values): nodes have `label` (name), `type` (schema label),
`labels` and their properties; edges have `label` and `type` (relationship type), `key`,
`evidence_count` and their properties, evidence lists included, joined with " | ".
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from graph.exports.values import edge_attributes, node_attributes
from graph.subgraph import SubgraphSource

if TYPE_CHECKING:  # imported where used: ~0.1 s off every command that never exports
    import networkx as nx

# GEXF gives these attribute names a meaning of its own (edge direction, time spells, ...):
# properties with these names are renamed in GEXF files only.
_GEXF_EDGE_RENAMES = {
    "type": "rel_type",
    "start": "start_date",
    "end": "end_date",
    "weight": "prop_weight",
    "pid": "prop_pid",
}
_GEXF_NODE_RENAMES = {"start": "start_date", "end": "end_date", "pid": "prop_pid"}


def to_networkx(sub: SubgraphSource, *, flat: bool) -> nx.MultiDiGraph:
    """The subgraph as a MultiDiGraph; `flat` makes every attribute a scalar."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in sub.nodes():
        graph.add_node(node.id, **node_attributes(node, flat=flat))
    for rel in sub.rels():
        for end, label, name in (
            (rel.src, rel.src_label, rel.src_name),
            (rel.dst, rel.dst_label, rel.dst_name),
        ):
            if end not in graph:  # cannot happen for a Subgraph; keep the file consistent anyway
                graph.add_node(
                    end, label=name or end, type=label, labels=label if flat else [label], name=name or end
                )
        graph.add_edges_from([(rel.src, rel.dst, rel.key, edge_attributes(rel, flat=flat))])
    return graph


def write_graphml(sub: SubgraphSource, out: IO[bytes]) -> None:
    """GraphML through lxml's incremental writer when lxml is there (no XML tree of the whole
    graph in memory next to the networkx graph), through ElementTree otherwise."""
    import networkx as nx

    graph = to_networkx(sub, flat=True)
    options = {
        "encoding": "utf-8",
        "prettyprint": True,
        "infer_numeric_types": True,
        "named_key_ids": False,  # d0, d1...: a node and an edge attribute may share a name
        "edge_id_from_attribute": "key",
    }
    try:
        import lxml.etree  # noqa: F401

        nx.write_graphml_lxml(graph, out, **options)
    except ImportError:
        nx.write_graphml_xml(graph, out, **options)


def gexf_graph(sub: SubgraphSource) -> nx.MultiDiGraph:
    """The flat graph with GEXF's reserved attribute names moved aside; edge ids are keys."""
    graph = to_networkx(sub, flat=True)
    for _, data in graph.nodes(data=True):
        for old, new in _GEXF_NODE_RENAMES.items():
            if old in data:
                data[new] = data.pop(old)
    for _, _, key, data in graph.edges(keys=True, data=True):
        for old, new in _GEXF_EDGE_RENAMES.items():
            if old in data:
                data[new] = data.pop(old)
        data["id"] = key
    return graph


def write_gexf(sub: SubgraphSource, out: IO[bytes]) -> None:
    import networkx as nx

    nx.write_gexf(gexf_graph(sub), out, encoding="utf-8", prettyprint=True, version="1.2draft")
