"""`civicgraph ask`: the canned accountability questions of queries/*.cypher, by name."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    STORE_HELP,
    Format,
    default_format,
    emit,
    err,
    fail,
    parse_params,
    store_from,
)
from graph.store import Store
from queries.catalog import CatalogError, ParamError, Question, UnknownQuestion, get_question, load_catalog
from queries.resolve import ID_PREFIX, Candidate, ResolveError, holders, resolve_params


def _catalog() -> dict[str, Question]:
    try:
        return load_catalog()
    except CatalogError as exc:
        fail(f"bad question file {exc}", EXIT_FAILED)


def _list(catalog: dict[str, Question], fmt: Format | None) -> None:
    """Names, descriptions and parameters; JSON keeps the parameters structured."""
    fmt = default_format(fmt)
    if fmt is Format.json:
        emit([q.as_dict() for q in catalog.values()], fmt)
        return
    rows = [
        {
            "name": q.name,
            "description": q.description,
            "parameters": "\n".join(p.describe() for p in q.params) or "none",
        }
        for q in catalog.values()
    ]
    emit(rows, fmt, title="civicgraph ask NAME [-p key=value]...")


def _described(values: dict[str, Any]) -> str:
    given = ", ".join(f"{k}={v}" for k, v in values.items() if v is not None)
    return f" ({given})" if given else ""


def _follow_office(store: Store, pname: str, given: str, node: Candidate) -> str | None:
    """Tell on stderr which node a name became. An office with one holder in the graph ("the
    Mayor") is answered for that person, since facts name the person; returns the id to use
    instead, or None to keep the node."""
    held_by = holders(store, node)
    if len(held_by) == 1:
        person = held_by[0]
        err.print(
            f"{pname}: {given!r} is the office {node.name}, held by {person.name}: answering for "
            f"{person.name} (for the office itself: -p {pname}=id:{node.id})",
            highlight=False,
        )
        return person.id
    if node.name != given or held_by:
        line = f"{pname}: {given!r} is {node.name} ({node.label})"
        if held_by:
            names = ", ".join(h.name for h in held_by)
            line += f', an office held by {names}; for one of them: -p {pname}="{held_by[0].name}"'
        err.print(line, highlight=False)
    return None


def ask(
    name: Annotated[str | None, typer.Argument(help="The question, e.g. who-was-asked; see --list.")] = None,
    param: Annotated[
        list[str], typer.Option("--param", "-p", help="A parameter as key=value; repeat for more.")
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format", help="table (default at a terminal), json (default when piped), csv, markdown."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Show at most N rows.")] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the questions, their parameters and exit.")
    ] = False,
    store: Annotated[str | None, typer.Option("--store", envvar="CIVICGRAPH_STORE", help=STORE_HELP)] = None,
) -> None:
    """Ask one of the canned accountability questions (civicgraph ask --list shows them all).

    Actor parameters take a name or an alias, case-insensitively ("the Met", "mopac"), or
    id:<node id>. Exit code 0 with answers or none, 1 when the store fails, 2 for usage errors.
    """
    catalog = _catalog()
    if list_:
        _list(catalog, fmt)
        return
    if not name:
        fail(f"name a question or use --list; questions: {', '.join(sorted(catalog))}", EXIT_USAGE)
    try:
        question = get_question(name, catalog)
    except UnknownQuestion as exc:
        fail(str(exc), EXIT_USAGE)
    raw = parse_params(param)
    try:
        values = question.bind(raw)
    except ParamError as exc:
        fail(str(exc), EXIT_USAGE)
    with store_from(store) as st:
        try:
            bound, chosen = resolve_params(st, values, question.actor_params)
        except ResolveError as exc:
            fail(str(exc), EXIT_USAGE)
        for pname, node in chosen.items():
            if str(values[pname]).startswith(ID_PREFIX):
                continue  # an id names exactly the node meant, an office included
            holder = _follow_office(st, pname, values[pname], node)
            if holder is not None:
                bound[pname] = ID_PREFIX + holder
        rows = st.run(question.cypher, bound)
    total = len(rows)
    if limit is not None and total > limit:
        rows = rows[:limit]
        err.print(f"showing {limit} of {total} rows (--limit)", highlight=False)
    emit(
        rows, fmt, title=question.name, empty=f"no results: {question.name} found nothing{_described(values)}"
    )
