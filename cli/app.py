"""The `civicgraph` command: thin Typer commands over the library."""

from __future__ import annotations

import json
import os
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from cli.ask import ask
from cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    STORE_HELP,
    Format,
    OneLineErrors,
    default_format,
    emit,
    err,
    fail,
    json_value,
    one_line,
    out,
    parse_params,
    private_file,
    store_from,
    timeout_ms,
)
from cli.export import export
from cli.progress import FactCounter, load_progress, load_summary_line
from graph.store import ReadOnlyError, StoreError, default_uri

EPILOG = """Examples:

  civicgraph load examples/london/

  civicgraph ask who-was-asked -p actor="the Met"

  civicgraph cypher "MATCH (a)-[r:FUNDS]->(b) RETURN a.name, r.amount_gbp, b.name"

  civicgraph export graphml --out london.graphml

  civicgraph --store bolt://localhost:7687 load examples/london/
"""

app = typer.Typer(
    name="civicgraph",
    cls=OneLineErrors,
    help="Turn London accountability documents into an evidence-backed graph and ask it questions.",
    epilog=EPILOG,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
server_app = typer.Typer(help="Start, stop and inspect the embedded FalkorDB server.", no_args_is_help=True)
app.add_typer(server_app, name="server")

StoreOpt = Annotated[str | None, typer.Option("--store", envvar="CIVICGRAPH_STORE", help=STORE_HELP)]


def _version(value: bool) -> None:
    if value:
        try:
            print(f"civicgraph {version('civicgraph')}")
        except PackageNotFoundError:
            print("civicgraph (not installed)")
        raise typer.Exit()


@app.callback()
def main_options(
    version_: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    store: Annotated[
        str | None,
        typer.Option("--store", help=STORE_HELP + " (before or after the command; or CIVICGRAPH_STORE)"),
    ] = None,
) -> None:
    """civicgraph: who was asked what, who funds whom, who oversees whom, who promised what."""
    if store:
        # every command's own --store reads CIVICGRAPH_STORE, and Click parses a command's
        # options after this callback has run: `civicgraph --store URI load ...` works like
        # `civicgraph load --store URI ...`
        os.environ["CIVICGRAPH_STORE"] = store


# --- load and extract ---------------------------------------------------------------------------


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .html .htm .pdf).")],
    registry: Annotated[
        list[Path], typer.Option("--registry", help="Extra registry JSON of known actors.")
    ] = [],  # noqa: B006
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")] = 1,
    fmt: Annotated[Format | None, typer.Option("--format", help="Summary as table or json.")] = None,
    store: StoreOpt = None,
) -> None:
    """Read documents, extract facts with evidence, and write them to the store.

    Exit code 0 when every document loaded, 1 when some failed."""
    from loaders.extract import registry_for
    from loaders.pipeline import load_paths
    from loaders.registry import RegistryError

    try:
        registry_for(registry)  # a bad --registry file is a usage error, before the store starts
    except RegistryError as exc:
        fail(str(exc), EXIT_USAGE)
    started = time.monotonic()
    with store_from(store, create=True) as st:
        counting = FactCounter(st)
        summary = _run_load(counting, paths, registry, workers, load_paths)
    elapsed = time.monotonic() - started
    for path, reason in summary.failed:
        err.print(
            Text.assemble(("failed:", "red"), f" {one_line(path)}: {one_line(reason)}"), highlight=False
        )
    for path, reason in summary.skipped:
        err.print(f"skipped: {one_line(path)}: {one_line(reason)}", highlight=False)
    if summary.verify:  # the store was suspect: it was compared with its journal first
        err.print(f"store check ({one_line(summary.verify.reason)}): {one_line(summary.verify.summary())}")
    data = summary.as_dict()
    if default_format(fmt) is Format.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        rows = [
            {"": k, "count": v}
            for k, v in (
                ("documents read", summary.read),
                ("loaded", summary.loaded),
                ("unchanged", summary.unchanged),
                ("replaced", summary.replaced),
                ("skipped", len(summary.skipped)),
                ("failed", len(summary.failed)),
                ("new entities", summary.new_entities),
            )
        ]
        rows += [{"": f"facts {t}", "count": n} for t, n in data["facts_by_type"].items()]
        emit(rows, Format.table, title="load summary")
    err.print(load_summary_line(summary, counting.facts, elapsed), highlight=False)
    if not summary.ok:
        raise typer.Exit(EXIT_FAILED)


def _at_terminal() -> bool:
    """A person watches stderr: draw the progress bar."""
    return sys.stderr.isatty()


def _run_load(st: FactCounter, paths: list[Path], registry: list[Path], workers: int, load_paths: Any) -> Any:
    """Run the load; on a terminal, with a progress bar: files done of total, facts stored,
    files per second and the time left."""
    if not _at_terminal():
        return load_paths(st, paths, registry_files=registry, workers=workers)
    from loaders.pipeline import LoadSummary, candidates

    total = len(candidates(paths, LoadSummary()))  # the same walk load_paths makes, for the total
    with load_progress(err) as progress:
        task = progress.add_task("loading", total=total, facts=0, file="")

        def advance(path: str) -> None:
            progress.update(task, advance=1, facts=st.facts, file=one_line(Path(path).name))

        return load_paths(st, paths, registry_files=registry, workers=workers, progress=advance)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl (the fact export) or table.")] = "jsonl",
    registry: Annotated[
        list[Path], typer.Option("--registry", help="Extra registry JSON of known actors.")
    ] = [],  # noqa: B006
) -> None:
    """Print the facts found in documents, without touching a store (JSON lines: the fact export
    of docs/ARCHITECTURE.md)."""
    from loaders.extract import registry_for
    from loaders.pipeline import LoadSummary, candidates, extract_files
    from loaders.registry import RegistryError

    if fmt not in {"jsonl", "table"}:
        fail(f"unknown format {fmt!r}: use jsonl or table", EXIT_USAGE)
    try:
        registry_for(registry)  # a bad --registry file is a usage error, before any document
    except RegistryError as exc:
        fail(str(exc), EXIT_USAGE)
    summary = LoadSummary()
    outcomes = extract_files(candidates(paths, summary), tuple(str(p) for p in registry))
    rows = []
    for path, extraction, problem in outcomes:
        if extraction is None:
            summary.failed.append((path, problem or "unknown error"))
            continue
        for fact in extraction.facts:
            data = fact.as_json()
            if fmt == "jsonl":
                print(json.dumps(data, ensure_ascii=False))
            else:
                rows.append(
                    {
                        "document": Path(path).name,
                        "subject": data["subject"]["name"],
                        "predicate": data["predicate"],
                        "object": (data["object"] or {}).get("name") or data["text"],
                        "date": data["date"],
                        "amount_gbp": data["amount_gbp"],
                    }
                )
    if fmt == "table":
        emit(rows, Format.table, empty="no facts found")
    for path, reason in summary.failed:
        err.print(f"failed: {one_line(path)}: {one_line(reason)}", highlight=False)
    if summary.failed:
        raise typer.Exit(EXIT_FAILED)


# --- store inspection -----------------------------------------------------------------------------


@app.command()
def stats(
    fmt: Annotated[Format | None, typer.Option("--format", help="table or json")] = None,
    fingerprint: Annotated[
        bool, typer.Option("--fingerprint", help="Print only a hash of the graph's content.")
    ] = False,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Compare the store with its load journal and the source files; write again what differs.",
        ),
    ] = False,
    store: StoreOpt = None,
) -> None:
    """Counts of nodes by label and relationships by type, and where the store is."""
    from graph.stats import graph_stats

    with store_from(store) as st:
        if verify:
            _verify(st, fmt)
            return
        if fingerprint:
            from graph.fingerprint import fingerprint as fp

            print(fp(st))
            return
        data = graph_stats(st)
    if default_format(fmt) is Format.json:
        print(json.dumps(data, indent=2))
        return
    out.print(f"store: {data['backend']} at {data['location']}", highlight=False)
    emit(
        [{"label": k, "nodes": v} for k, v in data["nodes"].items()],
        Format.table,
        title="nodes",
        empty="no nodes",
    )
    emit(
        [{"type": k, "relationships": v} for k, v in data["relationships"].items()],
        Format.table,
        title="relationships",
        empty="no relationships",
    )


def _verify(st: Any, fmt: Format | None) -> None:
    """`stats --verify`: loaders/verify.py's check and healing, one summary line (exit 1 when
    damage remains)."""
    from loaders.verify import verify_store

    report = verify_store(st)
    if hasattr(st, "damage_checked"):
        st.damage_checked()
    if default_format(fmt) is Format.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        out.print(one_line(report.summary()), highlight=False)
        for line in report.damaged:
            err.print(f"damaged: {one_line(line)}", highlight=False)
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def cypher(
    statement: Annotated[
        str, typer.Argument(help="A Cypher statement; values go in --param, not in the text.")
    ],
    param: Annotated[list[str], typer.Option("--param", "-p", help="key=value (JSON values parsed).")] = [],  # noqa: B006
    write: Annotated[bool, typer.Option("--write", help="Allow the statement to change the graph.")] = False,
    fmt: Annotated[Format | None, typer.Option("--format", help="table, json, csv or markdown")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Print at most this many rows.")] = 1000,
    no_limit: Annotated[bool, typer.Option("--no-limit", help="Print every row.")] = False,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds before the query is stopped (default 30).")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Run ad-hoc Cypher, read-only unless --write."""
    params = {k: json_value(v) for k, v in parse_params(param).items()}
    limit_ms = timeout_ms(timeout)
    with store_from(store, create=write) as st:
        try:
            rows = st.run(statement, params, write=write, timeout_ms=limit_ms)
        except ReadOnlyError as exc:
            fail(f"{exc} (add --write to change the graph)")
        except StoreError as exc:
            fail(str(exc))
    if not no_limit and len(rows) > limit:
        err.print(f"showing the first {limit} of {len(rows)} rows (--no-limit prints all)", highlight=False)
        rows = rows[:limit]
    emit(rows, fmt)


# --- backups ----------------------------------------------------------------------------------------


@app.command()
def dump(
    file: Annotated[Path, typer.Argument(help="Where to write the dump (JSON lines).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    store: StoreOpt = None,
) -> None:
    """Write the whole graph to a portable file that `restore` reads into any store."""
    from graph.dump import dump as dump_graph

    if file.exists() and not force:
        fail(f"{file}: exists (use --force to overwrite)", EXIT_USAGE)
    if not file.parent.is_dir():
        fail(f"{file}: the folder {file.parent} does not exist", EXIT_USAGE)
    partial = file.with_name(file.name + ".partial")
    try:
        # the whole graph, quotes included: readable by its owner only, from its first byte
        with store_from(store) as st, private_file(partial) as fh:
            nodes, rels = dump_graph(st, fh)
        partial.replace(file)  # a dump is complete or absent, never half-written
    finally:
        partial.unlink(missing_ok=True)
    err.print(f"dumped {nodes} nodes and {rels} relationships to {file}", highlight=False)


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `civicgraph dump`.")],
    store: StoreOpt = None,
) -> None:
    """Read a dump into the store (merging with what is there)."""
    from graph.dump import restore as restore_graph

    if not file.is_file():
        fail(f"{file}: no such file", EXIT_USAGE)
    with store_from(store, create=True) as st, file.open(encoding="utf-8", errors="strict") as fh:
        try:
            nodes, rels = restore_graph(st, fh)
        except UnicodeDecodeError as exc:
            fail(f"{file}: not UTF-8 text ({exc.reason})")
    err.print(f"restored {nodes} nodes and {rels} relationships from {file}", highlight=False)


# --- the embedded server ----------------------------------------------------------------------------


def _embedded_folder(store: str | None) -> str | None:
    uri = store or default_uri()
    if uri != "embedded" and not uri.startswith("embedded:"):
        fail(f"`server` manages the embedded store; --store is {uri}", EXIT_USAGE)
    return uri.partition(":")[2] or None


@server_app.command("start")
def server_start(store: StoreOpt = None) -> None:
    """Start the embedded server and keep it running for later commands (until `server stop`)."""
    from graph.embedded import start_server

    try:
        status = start_server(_embedded_folder(store))
    except StoreError as exc:
        fail(str(exc))
    out.print(f"running: pid {status.get('pid')} on unix socket {status.get('socket')}", highlight=False)


@server_app.command("stop")
def server_stop(store: StoreOpt = None) -> None:
    """Stop the embedded server (data stays on disk)."""
    from graph.embedded import stop_server

    try:
        stop_server(_embedded_folder(store))
    except StoreError as exc:
        fail(str(exc))
    out.print("stopped")


@server_app.command("repair")
def server_repair(
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Set the damaged store files aside and load again the documents of journal.jsonl.",
        ),
    ] = False,
    store: StoreOpt = None,
) -> None:
    """Repair a corrupt append-only file (after backing it up); the server must be stopped."""
    from graph.embedded import rebuild_store, repair_aof

    folder = _embedded_folder(store)
    try:
        if not rebuild:
            out.print(repair_aof(folder), highlight=False)
            return
        backup, documents = rebuild_store(folder)
    except StoreError as exc:
        fail(str(exc))
    present = [p for p in documents if Path(p).is_file()]
    err.print(
        f"set the damaged files aside in {one_line(backup)}; loading {len(present)} documents again",
        highlight=False,
    )
    for gone in sorted(set(documents) - set(present)):
        err.print(f"gone: {one_line(gone)} (listed in the journal, no longer on disk)", highlight=False)
    from loaders.pipeline import load_paths

    # the data files were set aside: the load writes a new store in the same folder
    with store_from(f"embedded:{folder}" if folder else "embedded", create=True) as st:
        summary = load_paths(st, present)
    out.print(f"rebuilt: {summary.loaded} documents loaded, {len(summary.failed)} failed", highlight=False)
    if not summary.ok or len(present) < len(documents):
        raise typer.Exit(EXIT_FAILED)


@server_app.command("status")
def server_status(
    fmt: Annotated[Format | None, typer.Option("--format", help="table or json")] = None,
    store: StoreOpt = None,
) -> None:
    """Say whether the embedded server runs, where, and who uses it."""
    from graph.embedded import server_status as status_of

    try:
        status = status_of(_embedded_folder(store))
    except StoreError as exc:
        fail(str(exc))
    if default_format(fmt) is Format.json:
        print(json.dumps(status, indent=2, default=str))
    else:
        emit([{"": k, "value": v} for k, v in status.items()], Format.table, title="embedded server")


app.command("ask", epilog="civicgraph ask --list shows every question.")(ask)
app.command("export")(export)


def main() -> None:
    app()
