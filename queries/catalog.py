"""The catalogue of canned questions: every `queries/*.cypher` file is one question.

A new file is a new question, no code change: the CLI, the tests and `ask --list` read the
file's comment header, which is the question's whole interface.

Header grammar
--------------
The header is the block of `//` comment lines at the top of the file (it ends at the first
line that is neither a `//` comment nor blank). Each header line is `// KEY: VALUE`:

    // name: who-was-asked                       the CLI name; must equal the file name
    // description: Who asked whom what ...      one line, shown by `ask --list`
    // param: NAME TYPE [ATTR=VALUE ...] [-- HELP]    zero or more, one per parameter
    // returns: asker, asked, about, ...         the columns, in order, of every row

The KEY lines come first; the first other comment line (usually a bare `//`) starts free
notes that run to the end of the header (documentation, not parsed). An unknown KEY among the
KEY lines is an error. A param line is split like a shell line (double quotes group
words, `\\"` escapes), then `--` or `—` starts the help text. Its parts:

    NAME     a Cypher parameter used as `$NAME` in the file (letters, digits, underscore)
    TYPE     string | date | int | float | bool | actor
               date   an ISO date YYYY-MM-DD, passed to Cypher as that string
               bool   true/false, yes/no, 1/0
               actor  a node named by its name or an alias, or `id:<node id>`; the CLI
                      resolves it to exactly one node (queries/resolve.py: case, a leading
                      "the", apostrophes and punctuation forgiven) and passes `id:<node id>`.
                      The Cypher file must accept both forms: `id:...` exactly, a name or alias
                      case-insensitively with a leading "the" and either apostrophe optional,
                      so that a Neo4j Browser user can set a plain name.
    required             the question cannot run without it (otherwise it is optional)
    default=VALUE        used when the parameter is not given; `null` (the default default)
                         means no filter; for a date, `today` means the current date
    example=VALUE        a typical value, shown by `ask --list`; the tests run every question
                         with its examples
    choices=A|B|...      the only values accepted

Every parameter reaches Cypher as `$NAME`, always bound (to null when not given), so each file
runs as it is in the Neo4j Browser after `:param NAME => value` for each of its parameters.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

__all__ = [
    "CatalogError",
    "ParamError",
    "UnknownQuestion",
    "Param",
    "Question",
    "PARAM_TYPES",
    "load_catalog",
    "get_question",
    "parse_question",
]

PARAM_TYPES = ("string", "date", "int", "float", "bool", "actor")
HEADER_KEYS = ("name", "description", "param", "returns")

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_LINE = re.compile(r"^//\s?([a-z_]+):\s*(.*)$")
_CYPHER_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HELP_SEP = re.compile(r"\s+(?:--|—)\s+")
_TRUE = {"true", "yes", "1", "y", "on"}
_FALSE = {"false", "no", "0", "n", "off"}


class CatalogError(ValueError):
    """A .cypher file whose header does not follow the grammar (names the file)."""


class ParamError(ValueError):
    """A parameter value the question cannot take (names the parameter)."""


class UnknownQuestion(KeyError):
    """A question name that is not in the catalogue; the message lists the ones that are."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True)
class Param:
    """One declared parameter of a question."""

    name: str
    type: str
    required: bool = False
    default: str | None = None  # as written in the header; None is null
    example: str | None = None
    choices: tuple[str, ...] = ()
    help: str = ""

    def parse(self, raw: str) -> Any:
        """A command-line string as the value Cypher receives; ParamError when it does not fit."""
        value = raw.strip()
        if self.type == "string" or self.type == "actor":
            if not value:
                raise ParamError(f"parameter {self.name}: empty value")
            parsed: Any = value
        elif self.type == "date":
            parsed = _parse_date(self.name, value)
        elif self.type == "int":
            try:
                parsed = int(value)
            except ValueError:
                raise ParamError(f"parameter {self.name}: {raw!r} is not a whole number") from None
        elif self.type == "float":
            try:
                parsed = float(value.replace(",", "").replace("_", ""))
            except ValueError:
                raise ParamError(f"parameter {self.name}: {raw!r} is not a number") from None
            if parsed != parsed or parsed in (float("inf"), float("-inf")):
                raise ParamError(f"parameter {self.name}: {raw!r} is not a finite number")
        elif self.type == "bool":
            if value.lower() in _TRUE:
                parsed = True
            elif value.lower() in _FALSE:
                parsed = False
            else:
                raise ParamError(f"parameter {self.name}: {raw!r} is not true or false")
        else:  # pragma: no cover - rejected when the header is parsed
            raise ParamError(f"parameter {self.name}: unknown type {self.type}")
        if self.choices and str(parsed).lower() not in self.choices:
            raise ParamError(f"parameter {self.name}: {raw!r} is not one of {', '.join(self.choices)}")
        if self.choices:
            parsed = str(parsed).lower()
        return parsed

    def default_value(self, today: dt.date | None = None) -> Any:
        """The value used when the parameter is not given."""
        if self.default is None:
            return None
        if self.type == "date" and self.default == "today":
            return (today or dt.date.today()).isoformat()
        return self.parse(self.default)

    def describe(self) -> str:
        """One line for `ask --list`: `since (date, optional, e.g. 2024-01-01): asked on or after`."""
        bits = [self.type, "required" if self.required else "optional"]
        if self.default is not None:
            bits.append(f"default {self.default}")
        if self.choices:
            bits.append("one of " + "|".join(self.choices))
        if self.example is not None:
            bits.append(f"e.g. {self.example}")
        text = f"{self.name} ({', '.join(bits)})"
        return f"{text}: {self.help}" if self.help else text


@dataclass(frozen=True)
class Question:
    """A canned question: its header and the Cypher it runs."""

    name: str
    description: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    cypher: str
    source: str = ""
    notes: tuple[str, ...] = field(default=(), compare=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParamError(f"question {self.name} has no parameter {name!r}; it takes: {self.param_names()}")

    def param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"

    @property
    def actor_params(self) -> tuple[str, ...]:
        """Parameters that name a node and are resolved before the question runs."""
        return tuple(p.name for p in self.params if p.type == "actor")

    def bind(self, raw: Mapping[str, str], *, today: dt.date | None = None) -> dict[str, Any]:
        """Typed values for every declared parameter (null when not given); ParamError otherwise.

        Unknown names are rejected, not ignored: a misspelt filter would silently return
        everything."""
        unknown = [k for k in raw if k not in {p.name for p in self.params}]
        if unknown:
            raise ParamError(
                f"question {self.name} has no parameter {unknown[0]!r}; it takes: {self.param_names()}"
            )
        values: dict[str, Any] = {}
        for p in self.params:
            if p.name in raw:
                values[p.name] = p.parse(raw[p.name])
            else:
                values[p.name] = p.default_value(today)
            if p.required and values[p.name] is None:
                example = f' (e.g. -p {p.name}="{p.example}")' if p.example else ""
                raise ParamError(f"question {self.name} needs parameter {p.name}{example}")
        return values

    def example_params(self) -> dict[str, str]:
        """The header's examples, as command-line strings."""
        return {p.name: p.example for p in self.params if p.example is not None}

    def as_dict(self) -> dict[str, Any]:
        """The question as `ask --list --format json` shows it."""
        return {
            "name": self.name,
            "description": self.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "default": p.default,
                    "example": p.example,
                    "choices": list(p.choices) or None,
                    "help": p.help,
                }
                for p in self.params
            ],
            "returns": list(self.returns),
        }


def _parse_date(name: str, value: str) -> str:
    if not _ISO_DATE.match(value):
        raise ParamError(f"parameter {name}: {value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ParamError(f"parameter {name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _split_help(spec: str) -> tuple[str, str]:
    """`NAME TYPE attrs -- help` as (`NAME TYPE attrs`, `help`)."""
    parts = _HELP_SEP.split(spec, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _parse_param(spec: str, source: str) -> Param:
    where = f"{source}: param {spec!r}"
    head, help_text = _split_help(spec)
    try:
        words = shlex.split(head, posix=True)
    except ValueError as exc:
        raise CatalogError(f"{where}: {exc}") from None
    if len(words) < 2:
        raise CatalogError(f"{where}: expected NAME TYPE [required] [default=V] [example=V] [-- help]")
    name, ptype, *attrs = words
    if not _PARAM_NAME.match(name):
        raise CatalogError(f"{where}: {name!r} is not a parameter name")
    if ptype not in PARAM_TYPES:
        raise CatalogError(f"{where}: unknown type {ptype!r}; types: {', '.join(PARAM_TYPES)}")
    required, default, example, choices = False, None, None, ()
    for attr in attrs:
        key, eq, value = attr.partition("=")
        if key == "required" and not eq:
            required = True
        elif key == "default" and eq:
            default = None if value == "null" else value
        elif key == "example" and eq:
            example = value
        elif key == "choices" and eq:
            choices = tuple(c.strip().lower() for c in value.split("|") if c.strip())
        else:
            raise CatalogError(
                f"{where}: unknown attribute {attr!r} (required, default=, example=, choices=)"
            )
    param = Param(name, ptype, required, default, example, choices, help_text)
    for label, value in (("default", default), ("example", example)):
        if value is None or (label == "default" and ptype == "date" and value == "today"):
            continue
        try:
            param.parse(value)
        except ParamError as exc:
            raise CatalogError(f"{where}: {label} {exc}") from None
    return param


def parse_question(text: str, source: str = "<text>", expected_name: str | None = None) -> Question:
    """A Question from a .cypher file's text; CatalogError names the file and what is wrong."""
    fields: dict[str, list[str]] = {k: [] for k in HEADER_KEYS}
    notes: list[str] = []
    lines = text.splitlines()
    body_start = len(lines)
    in_notes = False  # after the KEY: lines, other comment lines are free notes
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            body_start = i
            break
        match = None if in_notes else _HEADER_LINE.match(stripped)
        if match and match.group(1) in HEADER_KEYS:
            fields[match.group(1)].append(match.group(2).strip())
        elif match:
            raise CatalogError(
                f"{source}: unknown header key {match.group(1)!r}; keys: {', '.join(HEADER_KEYS)}"
            )
        else:
            in_notes = True
            notes.append(stripped[2:].strip())
    for key in ("name", "description", "returns"):
        if len(fields[key]) != 1 or not fields[key][0]:
            raise CatalogError(f"{source}: the header needs exactly one '// {key}:' line")
    name = fields["name"][0]
    if not _NAME.match(name):
        raise CatalogError(f"{source}: name {name!r} must be lower-case words joined by '-'")
    if expected_name is not None and name != expected_name:
        raise CatalogError(f"{source}: name {name!r} differs from the file name {expected_name!r}")
    params = tuple(_parse_param(spec, source) for spec in fields["param"])
    seen: set[str] = set()
    for p in params:
        if p.name in seen:
            raise CatalogError(f"{source}: parameter {p.name!r} is declared twice")
        seen.add(p.name)
    returns = tuple(c.strip() for c in fields["returns"][0].split(",") if c.strip())
    cypher = "\n".join(lines[body_start:]).strip()
    if not cypher:
        raise CatalogError(f"{source}: no Cypher after the header")
    used = set(_CYPHER_PARAM.findall(_strip_strings_and_comments(cypher)))
    if used - seen:
        raise CatalogError(f"{source}: uses undeclared parameter(s) {', '.join(sorted(used - seen))}")
    if seen - used:
        raise CatalogError(f"{source}: declares unused parameter(s) {', '.join(sorted(seen - used))}")
    return Question(name, fields["description"][0], params, returns, cypher, source, tuple(notes))


def _strip_strings_and_comments(cypher: str) -> str:
    """Cypher without string literals and // comments, so `$x` inside them is not a parameter."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", " ", cypher)


def _query_files(folder: Traversable | None = None) -> list[Traversable]:
    folder = folder or resources.files("queries")
    return sorted(
        (f for f in folder.iterdir() if f.name.endswith(".cypher") and f.is_file()),
        key=lambda f: f.name[: -len(".cypher")],
    )


def load_catalog(folder: Traversable | None = None) -> dict[str, Question]:
    """Every question in `folder` (the installed `queries` package by default), by name."""
    catalog: dict[str, Question] = {}
    for f in _query_files(folder):
        stem = f.name[: -len(".cypher")]
        question = parse_question(f.read_text(encoding="utf-8"), source=f.name, expected_name=stem)
        catalog[question.name] = question
    return catalog


def get_question(name: str, catalog: Mapping[str, Question] | None = None) -> Question:
    """The question called `name`; UnknownQuestion lists the available ones."""
    catalog = load_catalog() if catalog is None else catalog
    try:
        return catalog[name]
    except KeyError:
        raise UnknownQuestion(f"unknown question {name!r}; available: {', '.join(sorted(catalog))}") from None
