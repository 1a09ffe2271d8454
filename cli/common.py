"""What every command shares: the store option, output formats, one-line errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from graph.schema import SchemaError
from graph.store import Store, StoreError, StoreURIError, default_uri, open_store

# Exit codes: 0 all good, 1 something failed (some documents, a query), 2 usage errors.
EXIT_FAILED = 1
EXIT_USAGE = 2

# Everything printed may hold text from documents or the command line: no Rich markup or emoji
# codes are read in it ("[/]" in a name would crash the printing, "[bold]" would vanish).
out = Console(soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)

# Shown escaped in one-line messages: controls, line and paragraph separators, bidi and
# zero-width marks (a file name holding them could break the line or spoof its text).
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")

STORE_HELP = (
    "Store URI: embedded (default), embedded:DIR, falkordb://host:port, bolt://host:7687, neo4j+s://..."
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def one_line(text: object) -> str:
    """`text` made safe to show on one terminal line (see _UNSAFE_IN_LINE)."""
    return _UNSAFE_IN_LINE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


# Shown escaped in table cells (which keep their line breaks and tabs): the other controls, and bidi
# and zero-width marks, which would reorder or hide a cell's text on a terminal.
_UNSAFE_IN_CELL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)


def shown(text: object) -> str:
    """A table cell as a terminal may show it: values stay readable, no mark can spoof them."""
    return _UNSAFE_IN_CELL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    """Print one clear line on stderr and exit with `code`."""
    err.print(Text.assemble(("error:", "bold red"), " ", one_line(message)), highlight=False)
    raise typer.Exit(code)


def _click_class(name: str) -> type[Exception]:
    """Click's exception class `name`, wherever this Typer keeps Click (vendored or not)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


_ClickException = _click_class("ClickException")
_UsageError = _click_class("UsageError")


class OneLineErrors(TyperGroup):
    """The command group, with Click's usage errors as one line on stderr (exit code 2).

    Click prints a usage error as four lines (usage, a hint, a blank, the error); here it is
    `error: civicgraph ask: Invalid value for '--format': 'xml' is not one of ...`, like every
    other error the CLI prints. Help asked for (or shown for no arguments) is printed as usual."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except _ClickException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # help for a bare group, not a mistake
                exc.show()
                sys.exit(exc.exit_code)
            ctx = getattr(exc, "ctx", None)
            where = f"{ctx.command_path}: " if isinstance(exc, _UsageError) and ctx is not None else ""
            err.print(
                Text.assemble(("error:", "bold red"), " ", one_line(where + exc.format_message())),
                highlight=False,
            )
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(EXIT_FAILED)
        sys.exit(code if isinstance(code, int) else 0)


def default_format(requested: Format | None) -> Format:
    """Tables for a person at a terminal, JSON when piped, unless asked."""
    if requested is not None:
        return requested
    return Format.table if sys.stdout.isatty() else Format.json


def missing_store(uri: str | None) -> str | None:
    """Why an embedded store that a read would open does not exist, or None.

    Opening an embedded store creates it, so a mistyped `--store embedded:DIR` (or a command run
    before any `load`) would answer from a new empty graph; reads refuse instead. Other stores
    are servers: they exist or fail to connect."""
    from graph.embedded import Paths

    uri = uri or default_uri()
    if uri != "embedded" and not uri.startswith("embedded:"):
        return None
    paths = Paths(uri.partition(":")[2] or None)
    if paths.folder.exists() and paths.folder.stat().st_uid != os.getuid():
        return None  # opening it names the real problem: the folder is someone else's
    if paths.aof.is_dir():
        return None
    what = "no such folder" if not paths.folder.exists() else "no civicgraph store in it"
    return f"store {paths.folder}: {what} (load documents first: civicgraph load PATH, or check --store)"


@contextmanager
def store_from(uri: str | None, *, create: bool = False) -> Iterator[Store]:
    """Open the store, turning connection problems into one-line errors. Only a command that
    writes (`create`) may open an embedded store that does not exist yet: a read of a missing
    one is a usage error naming the folder."""
    if not create:
        problem = missing_store(uri)
        if problem:
            fail(problem, EXIT_USAGE)
    try:
        store = open_store(uri)
    except StoreURIError as exc:
        fail(str(exc), EXIT_USAGE)
    except (StoreError, SchemaError) as exc:
        fail(str(exc))
    try:
        yield store
    except (StoreError, SchemaError) as exc:
        fail(str(exc))
    finally:
        store.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render_rows(rows: list[dict[str, Any]], fmt: Format, *, title: str | None = None) -> str | None:
    """Rows as text in `fmt`; None for `table`, which is printed with Rich directly."""
    columns = list(rows[0].keys()) if rows else []
    if fmt is Format.json:
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    if fmt is Format.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if fmt is Format.markdown:
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for row in rows:
            lines.append(
                "| "
                + " | ".join(_cell(row.get(c)).replace("|", "\\|").replace("\n", " ") for c in columns)
                + " |"
            )
        return "\n".join(lines)
    return None


def emit(
    rows: list[dict[str, Any]], fmt: Format | None, *, title: str | None = None, empty: str = "no results"
) -> None:
    """Print rows in the chosen format; an empty result says so (on stderr for JSON/CSV)."""
    fmt = default_format(fmt)
    if not rows:
        if fmt is Format.json:
            print("[]")
        err.print(empty, highlight=False)
        return
    text = render_rows(rows, fmt, title=title)
    if text is not None:
        print(text)
        return
    table = Table(title=title and shown(title), show_lines=False)
    for column in rows[0]:
        table.add_column(shown(column), overflow="fold")
    for row in rows:
        table.add_row(*(shown(_cell(v)) for v in row.values()))
    out.print(table)


def timeout_ms(seconds: float | None, option: str = "--timeout") -> int | None:
    """A time limit given in seconds, as milliseconds (None: the store's default). NaN, infinity,
    zero and negative values are usage errors: none of them is a time limit."""
    if seconds is None:
        return None
    if not math.isfinite(seconds) or seconds <= 0:
        fail(f"{option} {seconds}: give a number of seconds greater than 0", EXIT_USAGE)
    return max(1, round(seconds * 1000))


def private_file(path: Path) -> IO[str]:
    """A new text file (replacing any) that only its owner may read or write (mode 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its mode through O_CREAT
    return os.fdopen(fd, "w", encoding="utf-8")


def json_value(text: str) -> Any:
    """An ad-hoc Cypher parameter: JSON when it parses as JSON (numbers, lists, null), else the string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """`key=value` pairs from the command line; values stay strings until a typed parser reads them."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            fail(f"parameter {pair!r} is not key=value", EXIT_USAGE)
        params[key] = value
    return params
