"""Export formats for a subgraph (graph.subgraph), by name: what each writes and where it can go.

Streaming formats (facts, csv, cypher, json, cytoscape) write as the subgraph streams out of the
store; graphml, gexf, png and svg build one networkx graph of the subgraph, the only in-memory
copy, and let networkx (and matplotlib) write it; html holds the Cytoscape.js elements once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from graph.exports.cypher_script import CypherExportError, write_cypher
from graph.exports.html import write_html
from graph.exports.json_formats import write_cytoscape, write_json
from graph.exports.networkx_formats import write_gexf, write_graphml
from graph.exports.picture import PictureTooLarge, draw
from graph.exports.streams import write_csv, write_facts
from graph.exports.values import LIST_SEPARATOR
from graph.subgraph import SubgraphSource

__all__ = [
    "FORMATS",
    "ExportFormat",
    "write_export",
    "CypherExportError",
    "PictureTooLarge",
    "LIST_SEPARATOR",
]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    write: Callable[..., None]
    suffix: str
    to_stdout: bool = True  # text that can go to standard output
    to_path: bool = False  # writes a folder or a file by path (csv) instead of into a stream
    streams: bool = False  # written while the subgraph streams (no in-memory copy)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "facts",
            "JSON lines of facts with evidence (the fact export of docs/ARCHITECTURE.md)",
            write_facts,
            ".jsonl",
            streams=True,
        ),
        ExportFormat("graphml", "GraphML for Gephi, yEd, Cytoscape", write_graphml, ".graphml"),
        ExportFormat("gexf", "GEXF for Gephi", write_gexf, ".gexf"),
        ExportFormat("json", "node-link JSON for D3 and sigma.js", write_json, ".json", streams=True),
        ExportFormat("cytoscape", "Cytoscape.js elements JSON", write_cytoscape, ".cyjs", streams=True),
        ExportFormat(
            "csv",
            "nodes.csv and edges.csv for Gephi and Kumu, into a folder or a .zip",
            write_csv,
            ".zip",
            to_stdout=False,
            to_path=True,
            streams=True,
        ),
        ExportFormat(
            "cypher",
            "MERGE statements that recreate the subgraph in Neo4j",
            write_cypher,
            ".cypher",
            streams=True,
        ),
        ExportFormat(
            "html", "one offline HTML page drawing the graph (Cytoscape.js inline)", write_html, ".html"
        ),
        ExportFormat(
            "png", "a static picture of a small subgraph", partial(draw, fmt="png"), ".png", to_stdout=False
        ),
        ExportFormat("svg", "a static vector picture of a small subgraph", partial(draw, fmt="svg"), ".svg"),
    )
}


def write_export(sub: SubgraphSource, fmt: str, dest: IO[bytes] | Path, **options: Any) -> None:
    """Write `sub` in format `fmt` to a binary stream, or to a path for path formats (csv)."""
    spec = FORMATS[fmt]
    if spec.to_path:
        if not isinstance(dest, Path):
            raise TypeError(f"{fmt} writes to a folder or .zip path, not a stream")
        spec.write(sub, dest, **options)
    else:
        if isinstance(dest, Path):
            with dest.open("wb") as out:
                spec.write(sub, out, **options)
        else:
            spec.write(sub, dest, **options)
