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
from queries.catalog import CatalogError, Question, QuestionError, get_question, load_catalog
from queries.resolve import prepare


def catalog() -> dict[str, Question]:
    """The questions; a broken question file is a failure naming the file."""
    try:
        return load_catalog()
    except CatalogError as exc:
        fail(f"bad question file {exc}", EXIT_FAILED)


def question_named(name: str, questions: dict[str, Question] | None = None) -> Question:
    """The question called `name`, or a usage error offering the closest names."""
    try:
        return get_question(name, catalog() if questions is None else questions)
    except QuestionError as exc:
        fail(str(exc), EXIT_USAGE)


def _list(questions: dict[str, Question], fmt: Format | None) -> None:
    """Names, descriptions and parameters; JSON keeps the parameters structured."""
    fmt = default_format(fmt)
    if fmt is Format.json:
        emit([q.as_dict() for q in questions.values()], fmt)
        return
    rows = [
        {
            "name": q.name,
            "description": q.description,
            "parameters": "\n".join(p.describe() for p in q.params) or "none",
        }
        for q in questions.values()
    ]
    emit(rows, fmt, title="civicgraph ask NAME [-p key=value]...")


def _described(values: dict[str, Any]) -> str:
    given = ", ".join(f"{k}={v}" for k, v in values.items() if v is not None)
    return f" ({given})" if given else ""


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
    cypher: Annotated[
        bool,
        typer.Option(
            "--cypher",
            help="Print the question's complete Cypher with its parameters (:params) for the Neo4j "
            "Browser, and exit; names are passed as typed.",
        ),
    ] = False,
    store: Annotated[str | None, typer.Option("--store", envvar="CIVICGRAPH_STORE", help=STORE_HELP)] = None,
) -> None:
    """Ask one of the canned accountability questions (civicgraph ask --list shows them all).

    Actor parameters take a name or an alias, case-insensitively ("the Met", "mopac", "Andrew
    Boff AM"), or id:<node id>; an office ("the Mayor") is answered for its holder. Exit code 0
    with answers or none, 1 when the store fails, 2 for usage errors.
    """
    questions = catalog()
    if list_:
        _list(questions, fmt)
        return
    if not name:
        fail(f"name a question or use --list; questions: {', '.join(sorted(questions))}", EXIT_USAGE)
    question = question_named(name, questions)
    raw = parse_params(param)
    if cypher:
        try:
            values = question.bind(raw)
        except QuestionError as exc:
            fail(str(exc), EXIT_USAGE)
        print(question.for_browser(values), end="")
        return
    with store_from(store) as st:
        try:
            prepared = prepare(st, question, raw)
        except QuestionError as exc:
            fail(str(exc), EXIT_USAGE)
        for note in prepared.notes:
            err.print(note, highlight=False)
        rows = st.run(question.cypher, prepared.params)
    total = len(rows)
    if limit is not None and total > limit:
        rows = rows[:limit]
        err.print(f"showing {limit} of {total} rows (--limit)", highlight=False)
    emit(
        rows,
        fmt,
        title=question.name,
        empty=f"no results: {question.name} found nothing{_described(prepared.values)}",
    )
