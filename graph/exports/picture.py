"""A static PNG or SVG of a small subgraph, drawn by networkx with matplotlib, for reports.

Nodes are coloured by label (the same colours as the HTML view) with a legend, labelled by
name; edges are labelled by relationship type. The layout is seeded, so the same subgraph
gives the same picture. A picture of more than MAX_PICTURE_NODES nodes is unreadable: select
less (`--actor`, `--type`, `--since`) or use the html or gexf export.
"""

from __future__ import annotations

import textwrap
from typing import IO

from graph.exports.html import LABEL_COLOURS, OTHER_COLOUR
from graph.subgraph import SubgraphSource

MAX_PICTURE_NODES = 300


class PictureTooLarge(ValueError):
    """The subgraph has too many nodes for a readable static picture."""


def _short(name: str, width: int = 22) -> str:
    name = " ".join(name.split())
    if len(name) > 60:
        name = name[:57] + "..."
    return "\n".join(textwrap.wrap(name, width)[:3]) or name


def draw(sub: SubgraphSource, out: IO[bytes], fmt: str, title: str | None = None) -> None:
    """Draw the subgraph to `out` as "png" or "svg"."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    import networkx as nx  # here: ~0.1 s off every command that draws nothing
    from matplotlib.lines import Line2D

    graph = nx.MultiDiGraph()
    for node in sub.nodes():
        graph.add_node(node.id, name=node.name, type=node.label)
        if graph.number_of_nodes() > MAX_PICTURE_NODES:
            raise PictureTooLarge(
                f"more than {MAX_PICTURE_NODES} nodes is too many for a picture: narrow the selection "
                "(--actor, --depth, --type, --since) or export html or gexf"
            )
    for rel in sub.rels():
        graph.add_edge(rel.src, rel.dst, key=rel.key, type=rel.type)

    n = graph.number_of_nodes()
    size = min(24.0, max(8.0, 2.2 * n**0.5))
    fig, ax = plt.subplots(figsize=(size * 1.3, size), dpi=110)
    try:
        pos = nx.spring_layout(nx.Graph(graph), seed=7, k=2.2 / max(n, 1) ** 0.5, iterations=200)
        colours = [LABEL_COLOURS.get(d["type"], OTHER_COLOUR) for _, d in graph.nodes(data=True)]
        nx.draw_networkx_edges(
            graph,
            pos,
            ax=ax,
            edge_color="#9aa4ae",
            arrows=True,
            arrowsize=12,
            width=1.2,
            node_size=650,
            connectionstyle="arc3,rad=0.08",
        )
        nx.draw_networkx_nodes(
            graph, pos, ax=ax, node_color=colours, node_size=650, edgecolors="#444444", linewidths=0.8
        )
        ys = [y for _, y in pos.values()]
        drop = 0.035 * ((max(ys) - min(ys)) or 1.0)  # names sit under their node
        nx.draw_networkx_labels(
            graph,
            {k: (x, y - drop) for k, (x, y) in pos.items()},
            ax=ax,
            labels={k: _short(d["name"]) for k, d in graph.nodes(data=True)},
            font_size=8,
            verticalalignment="top",
        )
        # One label per node pair (parallel edges share a line): their types joined.
        pair_types: dict[tuple[str, str], list[str]] = {}
        for u, v, d in graph.edges(data=True):
            pair_types.setdefault((u, v), []).append(d["type"])
        nx.draw_networkx_edge_labels(
            nx.DiGraph(list(pair_types)),
            pos,
            ax=ax,
            edge_labels={pair: ", ".join(sorted(set(types))) for pair, types in pair_types.items()},
            font_size=6,
            font_color="#57606a",
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
        )
        present = [lab for lab in LABEL_COLOURS if any(d["type"] == lab for _, d in graph.nodes(data=True))]
        handles = [
            Line2D(
                [0],
                [0],
                marker="o",
                linestyle="",
                markersize=9,
                markerfacecolor=LABEL_COLOURS[lab],
                markeredgecolor="#444444",
                label=lab,
            )
            for lab in present
        ]
        if handles:
            ax.legend(handles=handles, loc="upper left", frameon=True, fontsize=9, title="label")
        ax.set_title(title or f"{n} nodes, {graph.number_of_edges()} relationships", fontsize=12)
        ax.axis("off")
        ax.margins(0.08)
        fig.tight_layout()
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(out, format=fmt, metadata=metadata)
    finally:
        plt.close(fig)
