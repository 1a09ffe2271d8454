"""Exports written row by row as the subgraph streams out: facts (JSON lines) and CSV.

Nothing here holds more than one node or relationship at a time, so these formats export
graphs of any size in constant memory (beyond the subgraph's own page).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from graph.exports.values import EDGE_RESERVED, NODE_RESERVED, edge_attributes, node_attributes
from graph.facts import fact_from_rel
from graph.schema import COMMON_NODE_PROPERTIES, EVIDENCE_FIELDS, NODE_LABELS, REL_TYPES
from graph.subgraph import SubgraphSource, SubNode, SubRel


@contextmanager
def text_stream(out: IO[bytes]) -> Iterator[IO[str]]:
    """UTF-8 text over a binary stream, detached afterwards so the caller keeps `out` open."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
        text.flush()
    finally:
        text.detach()


def write_facts(sub: SubgraphSource, out: IO[bytes]) -> None:
    """The fact export (docs/ARCHITECTURE.md): one JSON object a line; MENTIONS are not facts and are left out."""
    with text_stream(out) as text:
        for rel in sub.rels():
            if rel.type == "MENTIONS":
                continue
            text.write(json.dumps(fact_from_rel(rel.fact_row()), ensure_ascii=False) + "\n")


# --- CSV -----------------------------------------------------------------------------------

# Columns are fixed from the schema (so rows stream without a first pass); properties the schema
# does not declare go, as JSON, in the last column `extra`.
_NODE_PROPS = tuple(
    dict.fromkeys(
        p
        for p in (*COMMON_NODE_PROPERTIES, *(p for lab in NODE_LABELS.values() for p in lab.properties))
        if p != "id"
    )
)
_REL_PROPS = tuple(dict.fromkeys(p for t in REL_TYPES.values() for p in t.properties))
NODE_COLUMNS = ("Id", "Label", "Type", "Labels", *_NODE_PROPS, "extra")
EDGE_COLUMNS = (
    "Source",
    "Target",
    "Type",
    "Label",
    "Id",
    "Relationship",
    "evidence_count",
    *_REL_PROPS,
    *EVIDENCE_FIELDS,
    "extra",
)


def _row(
    attrs: dict[str, Any], fixed: dict[str, Any], columns: tuple[str, ...], reserved: frozenset[str]
) -> list[Any]:
    known = set(columns)
    extra = {k: v for k, v in attrs.items() if k not in known and k not in reserved}
    values = {**{k: v for k, v in attrs.items() if k in known}, **fixed}
    values["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else ""
    return ["" if values.get(c) is None else values[c] for c in columns]


def write_nodes_csv(nodes: Iterable[SubNode], out: IO[str]) -> None:
    """nodes.csv: Id, Label (the name), Type (the schema label), Labels, properties, extra."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node in nodes:
        attrs = node_attributes(node, flat=True)
        fixed = {
            "Id": node.id,
            "Label": attrs.pop("label"),
            "Type": attrs.pop("type"),
            "Labels": attrs.pop("labels"),
        }
        writer.writerow(_row(attrs, fixed, NODE_COLUMNS, NODE_RESERVED))


def write_edges_csv(rels: Iterable[SubRel], out: IO[str]) -> None:
    """edges.csv: Source, Target, Type, Label, Id, Relationship, properties, extra.

    Type is "Directed": Gephi's spreadsheet import reads Type as the edge kind and accepts only
    Directed, Undirected or Mixed. The relationship type is in Label (drawn on the edge by Gephi
    and Kumu) and in Relationship (to colour or filter by); Id is the relationship's merge key."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for rel in rels:
        attrs = edge_attributes(rel, flat=True)
        fixed = {
            "Source": rel.src,
            "Target": rel.dst,
            "Type": "Directed",
            "Label": rel.type,
            "Id": rel.key,
            "Relationship": rel.type,
        }
        for name in ("label", "type", "key"):
            attrs.pop(name)
        writer.writerow(_row(attrs, fixed, EDGE_COLUMNS, EDGE_RESERVED))


def write_csv(sub: SubgraphSource, dest: Path) -> None:
    """Write nodes.csv and edges.csv into the folder `dest`, or into `dest` as a zip (*.zip).

    The columns are those Gephi's spreadsheet import and Kumu read; lists are joined with " | "."""
    if dest.suffix.lower() == ".zip":
        with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            # A zip has one member open for writing at a time: nodes first, then edges.
            with archive.open("nodes.csv", "w") as raw, text_stream(raw) as text:
                write_nodes_csv(sub.nodes(), text)
            with archive.open("edges.csv", "w") as raw, text_stream(raw) as text:
                write_edges_csv(sub.rels(), text)
        return
    dest.mkdir(parents=True, exist_ok=True)
    with (dest / "nodes.csv").open("w", encoding="utf-8", newline="") as out:
        write_nodes_csv(sub.nodes(), out)
    with (dest / "edges.csv").open("w", encoding="utf-8", newline="") as out:
        write_edges_csv(sub.rels(), out)
