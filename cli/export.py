"""`civicgraph export FORMAT`: a chosen subgraph, out in the format a visualisation tool reads.

The selection options combine (see graph.subgraph for the rules); output goes to standard
output unless --out names a file (binary formats and csv need one), and an existing file is
only replaced with --force, atomically: an export is complete or absent, never half-written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import EXIT_USAGE, STORE_HELP, err, fail, json_value, parse_params, store_from
from graph.exports import FORMATS, CypherExportError, PictureTooLarge, write_export
from graph.schema import SchemaError
from graph.store import Store
from graph.subgraph import Selection, SelectionError, Subgraph, SubNode, SubRel
from queries.catalog import did_you_mean

HTML_COMFORTABLE_NODES = 5000

_FORMAT_HELP = "One of: " + "; ".join(f"{f.name} ({f.description})" for f in FORMATS.values())


class _Counting:
    """Counts what the writer took from the subgraph, for the closing summary line."""

    def __init__(self, sub: Subgraph) -> None:
        self.sub = sub
        self.nodes_seen = 0
        self.rels_seen = 0
        self.facts_seen = 0
        self.shared_ids: list[str] = []

    def nodes(self) -> Iterator[SubNode]:
        self.nodes_seen = 0
        self.shared_ids = []
        previous = None
        for node in self.sub.nodes():  # ordered by id: nodes sharing an id come together
            self.nodes_seen += 1
            if node.id == previous:
                self.shared_ids.append(node.id)
            previous = node.id
            yield node

    def rels(self) -> Iterator[SubRel]:
        self.rels_seen = self.facts_seen = 0
        for rel in self.sub.rels():
            self.rels_seen += 1
            self.facts_seen += rel.type != "MENTIONS"
            yield rel


def export(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=_FORMAT_HELP, show_default=False)],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File to write (a folder or .zip for csv); standard output when absent."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Only the graph around this actor (name, alias or id:<node id>)."),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Steps from --actor.")] = 1,
    types: Annotated[
        str | None,
        typer.Option("--type", help="Relationship types to keep, comma-separated: FUNDS,OVERSEES."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Keep facts dated on or after (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Keep facts dated on or before (YYYY[-MM[-DD]]).")
    ] = None,
    query: Annotated[
        str | None,
        typer.Option("--query", help="A canned question (see `ask --list`): draw what it answers."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="key=value for --query or --cypher (repeatable)."),
    ] = None,
    cypher: Annotated[
        str | None,
        typer.Option(
            "--cypher", help="A read-only Cypher statement returning nodes, relationships or paths."
        ),
    ] = None,
    store: Annotated[str | None, typer.Option("--store", envvar="CIVICGRAPH_STORE", help=STORE_HELP)] = None,
) -> None:
    """Export the graph, or part of it, for Gephi, yEd, Cytoscape, Kumu, D3, Neo4j or a browser.

    Examples: `export graphml --out london.graphml`; `export html --actor "the Mayor" --depth 2
    --out mayor.html`; `export png --actor "Sadiq Khan" --out mayor.png`; `export csv --type
    FUNDS --out funding.zip`; `export facts --since 2025-01`."""
    name = fmt.strip().lower()
    spec = FORMATS.get(name)
    if spec is None:
        close = did_you_mean(name, list(FORMATS))
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        fail(f"unknown format {fmt!r}{hint}; formats: {', '.join(FORMATS)}", EXIT_USAGE)
    if query and cypher:
        fail("--query and --cypher both choose the subgraph: give one of them", EXIT_USAGE)
    if out is None and not spec.to_stdout:
        fail(
            f"{name} is not text for standard output: give --out FILE"
            + (" (a folder or a .zip)" if spec.to_path else ""),
            EXIT_USAGE,
        )
    if out is not None:
        _check_destination(out, name, force)
    raw_params = parse_params(param or [])
    if raw_params and not (query or cypher):
        fail("-p/--param goes with --query or --cypher", EXIT_USAGE)
    type_list = tuple(t.strip().upper() for t in (types or "").split(",") if t.strip())
    try:
        selection = Selection(depth=depth, types=type_list, since=since, until=until)
    except (SchemaError, SelectionError) as exc:
        fail(str(exc), EXIT_USAGE)
    with store_from(store) as st:
        if actor is not None:
            selection.actor = resolve_actor(st, actor)
        if query:
            selection.cypher, selection.params = _question(st, query, raw_params)
            selection.answer = True
        elif cypher:
            selection.cypher, selection.params = cypher, {k: json_value(v) for k, v in raw_params.items()}
        sub = Subgraph(st, selection)
        if sub.is_empty():
            fail(
                "the selection is empty: nothing to export (check --actor, --type, --since/--until, the query)"
            )
        counting = _Counting(sub)
        options: dict[str, Any] = {}
        if name in {"html", "png", "svg"}:
            options["title"] = _title(selection, actor, query)
        try:
            _write(counting, name, out, options)
        except (CypherExportError, PictureTooLarge) as exc:
            fail(f"{name}: {exc}")
        except OSError as exc:
            fail(f"--out {out or '-'}: {exc.strerror or exc}")
    if counting.shared_ids and name not in {"facts", "csv", "cypher"}:
        shared = ", ".join(counting.shared_ids[:5]) + (" ..." if len(counting.shared_ids) > 5 else "")
        err.print(
            f"warning: {len(counting.shared_ids)} node id(s) belong to nodes of two labels ({shared}); "
            f"{name} identifies nodes by id, so a reader merges each pair into one node (or rejects the second)",
            highlight=False,
        )
    if name == "html" and counting.nodes_seen > HTML_COMFORTABLE_NODES:
        err.print(
            f"note: a page of {counting.nodes_seen} nodes is slow to draw in a browser; "
            "--actor, --type or --since make a smaller one",
            highlight=False,
        )
    where = str(out) if out is not None else "standard output"
    what = (
        f"{counting.facts_seen} facts"
        if name == "facts"
        else f"{counting.nodes_seen} nodes and {counting.rels_seen} relationships"
    )
    err.print(f"exported {what} as {name} to {where}", highlight=False)


def _check_destination(out: Path, fmt: str, force: bool) -> None:
    if FORMATS[fmt].to_path and out.suffix.lower() != ".zip":
        if out.exists() and not out.is_dir():
            fail(
                f"--out {out}: exists and is not a folder (csv writes nodes.csv and edges.csv into a folder or a .zip)",
                EXIT_USAGE,
            )
        taken = [p.name for p in (out / "nodes.csv", out / "edges.csv") if p.exists()]
        if taken and not force:
            fail(f"--out {out}: {' and '.join(taken)} exist (use --force to overwrite)", EXIT_USAGE)
        return
    if out.is_dir():
        fail(f"--out {out}: is a folder; give a file name", EXIT_USAGE)
    if out.exists() and not force:
        fail(f"--out {out}: exists (use --force to overwrite)", EXIT_USAGE)
    if not out.parent.is_dir():
        fail(f"--out {out}: folder {out.parent} does not exist", EXIT_USAGE)


def _write(sub: _Counting, fmt: str, out: Path | None, options: dict[str, Any]) -> None:
    """Write to a temporary name beside the target and rename it into place when complete."""
    if out is None:
        sys.stdout.flush()
        stream = sys.stdout.buffer
        write_export(sub, fmt, stream, **options)
        stream.flush()
        return
    spec = FORMATS[fmt]
    if spec.to_path and out.suffix.lower() != ".zip":
        staging = out / f".export-{os.getpid()}"
        try:
            write_export(sub, fmt, staging, **options)
            for member in ("nodes.csv", "edges.csv"):
                os.replace(staging / member, out / member)
        finally:
            for leftover in staging.glob("*") if staging.exists() else ():
                leftover.unlink()
            if staging.exists():
                staging.rmdir()
        return
    partial = out.with_name(
        f".{out.stem}.{os.getpid()}.partial{out.suffix}"
    )  # the suffix picks zip or folder
    try:
        write_export(sub, fmt, partial, **options)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _title(selection: Selection, actor: str | None, query: str | None) -> str:
    bits = ["civicgraph"]
    if actor:
        bits.append(f"around {actor} (depth {selection.depth})")
    if query:
        bits.append(f"answer to {query}")
    if selection.types:
        bits.append(", ".join(selection.types))
    if selection.since or selection.until:
        bits.append(f"{selection.since or '…'} to {selection.until or '…'}")
    return " · ".join(bits)


def _question(st: Store, name: str, raw: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """The canned question's Cypher and its parameters, prepared exactly as `ask` prepares them."""
    from cli.ask import question_named
    from queries.catalog import QuestionError
    from queries.resolve import prepare

    question = question_named(name)
    try:
        prepared = prepare(st, question, raw)
    except QuestionError as exc:
        fail(str(exc), EXIT_USAGE)
    for note in prepared.notes:
        err.print(note, highlight=False)
    return question.cypher, prepared.params


# --- actor names -----------------------------------------------------------------------------


def resolve_actor(st: Store, name: str, *, option: str = "--actor") -> str:
    """The node id a name, alias or `id:<node id>` stands for, read as `ask` reads it
    (queries.resolve); a usage error with the closest names, or the candidates, when it is not
    one node. The node itself, an office included: the drawing starts from it."""
    from queries.resolve import ResolveError, resolve

    try:
        return resolve(st, name, param=option).id
    except ResolveError as exc:
        fail(str(exc), EXIT_USAGE)
