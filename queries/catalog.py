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
    // include: FRAGMENT [$PARAM AS VAR] [OPTION]  zero or more: shared Cypher put before the body

The KEY lines come first; the first other comment line (usually a bare `//`) starts free
notes that run to the end of the header (documentation, not parsed). An unknown KEY among the
KEY lines is an error. A param line is split like a shell line (double quotes group
words, `\\"` escapes), then `--` or `—` starts the help text. Its parts:

    NAME     a Cypher parameter used as `$NAME` in the file (letters, digits, underscore)
    TYPE     string | date | int | float | bool | actor
               date   an ISO date YYYY-MM-DD, passed to Cypher as that string
               bool   true/false, yes/no, 1/0
               actor  a node named by its name or an alias, or `id:<node id>`; the CLI
                      resolves it to exactly one node (queries/resolve.py) and passes
                      `id:<node id>`. Every actor parameter is turned into nodes by the
                      `lookup` fragment: `// include: lookup $NAME AS VAR` (VAR, a list of
                      nodes, is then in scope).
    required             the question cannot run without it (otherwise it is optional)
    default=VALUE        used when the parameter is not given; `null` (the default default)
                         means no filter; for a date, `today` means the current date
    example=VALUE        a typical value, shown by `ask --list`; the tests run every question
                         with its examples
    choices=A|B|...      the only values accepted

Fragments
---------
Cypher that several questions share is written once, in `queries/_FRAGMENT.cypher`, and an
`include:` line puts it before the question's own Cypher, in the order of the lines. A fragment
has the same kind of header: `fragment:` (its name), `description:`, optionally `takes: $P` (the
parameter it is written for) and `needs: VARS` (variables an earlier include must give), and
`gives: VARS` (what is in scope after it), `drops: VARS` (needed variables it uses before its
first WITH and does not carry on), and `options:` lines (`NAME -- what it does`).
`include: F $X AS V` renames the fragment's `$P` to `$X` and the first variable it gives to `V`;
`include: F OPTION` keeps the fragment's lines tagged `// if: OPTION` and drops those tagged
`// unless: OPTION` (without the option, the other way round). Each fragment's `WITH` clauses (each starting a
line) carry what earlier includes gave; a fragment never names those variables in a `WITH`.
The question's own Cypher must carry them itself.

Counting
--------
A question paged by date (queries/paging.py, `// page by`) may give, after its statement, the
statement that counts its rows by month: a line `// count`, then Cypher returning `group` (the
month, "2024-03", a year-only date's year, "~" for undated rows) and `rows`, a group on as many
rows as it likes (they are added). It may be several statements joined by lines `UNION ALL`
(a statement per index it reads, say): the same includes are put before each, as a `CALL {}`
subquery, which would look them up once, is one form FalkorDB 4.16 takes and Neo4j 5 deprecates
(it wants `CALL (vars) {}`, which FalkorDB does not parse). It must count exactly the rows the
question's statement returns (tests compare it with the count paging.py derives). Without it
the count is derived from the question's statement.

So a file holds only its own Cypher: `Question.cypher` is the complete statement that runs,
and `civicgraph ask NAME --cypher` prints it with its parameters for the Neo4j Browser. Every
parameter reaches Cypher as `$NAME`, always bound (to null when not given).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from graph.cypher_check import StatementRefused, parameters
from graph.facts import is_iso_date

__all__ = [
    "CatalogError",
    "QuestionError",
    "ParamError",
    "UnknownQuestion",
    "Param",
    "Question",
    "Fragment",
    "PARAM_TYPES",
    "load_catalog",
    "load_fragments",
    "get_question",
    "parse_question",
    "parse_fragment",
    "did_you_mean",
]

PARAM_TYPES = ("string", "date", "int", "float", "bool", "actor")
HEADER_KEYS = ("name", "description", "param", "returns", "include")
FRAGMENT_KEYS = ("fragment", "description", "takes", "needs", "drops", "gives", "options")
FRAGMENT_PREFIX = "_"  # queries/_NAME.cypher is a fragment, not a question

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_LINE = re.compile(r"^//\s?([a-z_]+):\s*(.*)$")
_HELP_SEP = re.compile(r"\s+(?:--|—)\s+")
_INCLUDE = re.compile(
    r"^([a-z][a-z0-9-]*)(?:\s+\$([A-Za-z_]\w*)\s+AS\s+([A-Za-z_]\w*))?((?:\s+[a-z][a-z0-9-]*)*)$"
)
# A fragment line that belongs to one option only: `... // if: OPTION` or `... // unless: OPTION`.
_OPTION_TAG = re.compile(r"\s*//\s*(if|unless):\s*([a-z][a-z0-9-]*)\s*$")
_COUNT_LINE = re.compile(r"^// count$", re.MULTILINE)
_UNION_LINE = re.compile(r"^UNION ALL$", re.MULTILINE)
_WITH_LINE = re.compile(r"^(\s*WITH\s+(?:DISTINCT\s+)?)", re.MULTILINE)
_TRUE = {"true", "yes", "1", "y", "on"}
_FALSE = {"false", "no", "0", "n", "off"}


class CatalogError(ValueError):
    """A .cypher file whose header does not follow the grammar (names the file)."""


class QuestionError(ValueError):
    """A mistake in how a question was asked: a usage error wherever it is raised (exit code 2)."""


class ParamError(QuestionError):
    """A parameter value the question cannot take (names the parameter)."""


class UnknownQuestion(QuestionError):
    """A question name that is not in the catalogue; the message offers the closest ones."""


def did_you_mean(word: str, known: list[str] | tuple[str, ...], *, n: int = 3) -> list[str]:
    """The known words closest to a misspelt one (difflib's ratio, at least 0.6)."""
    return difflib.get_close_matches(word, list(known), n=n, cutoff=0.6)


def _suggestion(word: str, known: list[str] | tuple[str, ...]) -> str:
    """` (did you mean X?)` when a known word is close, else nothing."""
    close = did_you_mean(word, known)
    return f" (did you mean {' or '.join(close)}?)" if close else ""


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
            raise ParamError(
                f"parameter {self.name}: {raw!r} is not one of {', '.join(self.choices)}"
                + _suggestion(str(parsed).lower(), self.choices)
            )
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
class Include:
    """One `include:` line: a fragment, and optionally the parameter and variable it is renamed to."""

    fragment: str
    param: str | None = None
    var: str | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fragment:
    """Shared Cypher that questions put before their own (queries/_NAME.cypher)."""

    name: str
    description: str
    body: str
    takes: str | None = None
    needs: tuple[str, ...] = ()
    gives: tuple[str, ...] = ()
    source: str = ""
    options: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()

    def _lines_for(self, options: tuple[str, ...]) -> str:
        """The body with the lines of the options not chosen left out, and the tags removed."""
        kept = []
        for line in self.body.splitlines():
            tag = _OPTION_TAG.search(line)
            if tag is None:
                kept.append(line)
            elif (tag.group(2) in options) == (tag.group(1) == "if"):
                kept.append(line[: tag.start()])
        return "\n".join(kept)

    def expand(self, include: Include, carried: list[str]) -> tuple[str, tuple[str, ...]]:
        """The fragment's Cypher for one include line, and the variables it gives there."""
        text, gives = self._lines_for(include.options), list(self.gives)
        if include.param is not None:
            assert self.takes is not None and include.var is not None and gives  # parse_question checks
            text = re.sub(rf"\${re.escape(self.takes)}\b", "$" + include.param, text)
            text = re.sub(rf"\b{re.escape(gives[0])}\b", include.var, text)
            gives[0] = include.var
        if carried:
            text = _WITH_LINE.sub(lambda m: m.group(1) + ", ".join(carried) + ", ", text)
        return text, tuple(gives)


@dataclass(frozen=True)
class Question:
    """A canned question: its header and the Cypher it runs."""

    name: str
    description: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    cypher: str  # the complete statement: included fragments, then the file's own Cypher
    source: str = ""
    notes: tuple[str, ...] = field(default=(), compare=False)
    includes: tuple[Include, ...] = ()
    body: str = ""  # the file's own Cypher, after the header
    count: str | None = None  # the statement counting the rows by month, if the file gives one (`// count`)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise self._no_such_param(name)

    def _no_such_param(self, name: str) -> ParamError:
        names = [p.name for p in self.params]
        return ParamError(
            f"question {self.name} has no parameter {name!r}{_suggestion(name, names)}; "
            f"it takes: {self.param_names()}"
        )

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
            raise self._no_such_param(unknown[0])
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

    def for_browser(self, values: Mapping[str, Any]) -> str:
        """The complete statement as the Neo4j Browser takes it: `:params {...}`, then the Cypher.

        `:params` sets every declared parameter (null switches a filter off), so the statement
        runs as pasted."""
        pairs = ", ".join(f"{p.name}: {cypher_literal(values.get(p.name))}" for p in self.params)
        return (
            f":params {{{pairs}}}\n\n"
            f"// civicgraph question {self.name} ({self.source}): {self.description}\n{self.cypher}\n"
        )

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


def cypher_literal(value: Any) -> str:
    """A value written as a Cypher literal (strings single-quoted, with escapes)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f"'{text}'"


def _parse_date(name: str, value: str) -> str:
    if not is_iso_date(value, partial=False):
        raise ParamError(f"parameter {name}: {value!r} is not an ISO date (YYYY-MM-DD)")
    return value


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


def _split_header(
    text: str, source: str, keys: tuple[str, ...]
) -> tuple[dict[str, list[str]], list[str], str]:
    """The KEY lines, the free notes and the Cypher after the header of a .cypher file."""
    fields: dict[str, list[str]] = {k: [] for k in keys}
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
        if match and match.group(1) in keys:
            fields[match.group(1)].append(match.group(2).strip())
        elif match:
            raise CatalogError(
                f"{source}: unknown header key {match.group(1)!r}; keys: {', '.join(keys)}"
                + _suggestion(match.group(1), keys)
            )
        else:
            in_notes = True
            notes.append(stripped[2:].strip())
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        raise CatalogError(f"{source}: no Cypher after the header")
    return fields, notes, body


def _one(fields: dict[str, list[str]], key: str, source: str) -> str:
    if len(fields[key]) != 1 or not fields[key][0]:
        raise CatalogError(f"{source}: the header needs exactly one '// {key}:' line")
    return fields[key][0]


def _names(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def parse_fragment(text: str, source: str = "<text>") -> Fragment:
    """A Fragment from a `_NAME.cypher` file's text; CatalogError names the file and the problem."""
    fields, _notes, body = _split_header(text, source, FRAGMENT_KEYS)
    name, description = _one(fields, "fragment", source), _one(fields, "description", source)
    takes = fields["takes"][0].strip().lstrip("$") if fields["takes"] else None
    gives = _names(fields["gives"][0]) if fields["gives"] else ()
    if not gives:
        raise CatalogError(f"{source}: the header needs a '// gives:' line naming what is in scope after it")
    if takes is not None and f"${takes}" not in body:
        raise CatalogError(f"{source}: takes ${takes} but does not use it")
    needs = _names(fields["needs"][0]) if fields["needs"] else ()
    drops = _names(fields["drops"][0]) if fields["drops"] else ()
    if set(drops) - set(needs):
        raise CatalogError(
            f"{source}: drops {', '.join(sorted(set(drops) - set(needs)))}, which it does not need"
        )
    options = tuple(o.strip().split()[0] for o in fields["options"] if o.strip())
    tagged = {m.group(2) for m in map(_OPTION_TAG.search, body.splitlines()) if m}
    if tagged - set(options):
        raise CatalogError(
            f"{source}: lines tagged with undeclared option(s) {', '.join(sorted(tagged - set(options)))}"
        )
    return Fragment(name, description, body, takes, needs, gives, source, options, drops)


def _parse_include(spec: str, source: str) -> Include:
    match = _INCLUDE.match(spec.strip())
    if not match:
        raise CatalogError(f"{source}: include {spec!r}: expected FRAGMENT [$PARAM AS VAR] [OPTION ...]")
    fragment, param, var, options = match.groups()
    return Include(fragment, param, var, tuple(options.split()))


def _expand(includes: tuple[Include, ...], fragments: Mapping[str, Fragment], body: str, source: str) -> str:
    """The fragments the include lines name, in order, then the question's own Cypher."""
    carried: list[str] = []
    parts: list[str] = []
    for include in includes:
        fragment = fragments.get(include.fragment)
        if fragment is None:
            raise CatalogError(
                f"{source}: include {include.fragment!r}: no such fragment; fragments: "
                f"{', '.join(sorted(fragments)) or 'none'}{_suggestion(include.fragment, list(fragments))}"
            )
        if include.param is not None and fragment.takes is None:
            raise CatalogError(f"{source}: fragment {fragment.name} takes no parameter to rename")
        unknown = [o for o in include.options if o not in fragment.options]
        if unknown:
            raise CatalogError(
                f"{source}: fragment {fragment.name} has no option {unknown[0]!r}; "
                f"options: {', '.join(fragment.options) or 'none'}"
            )
        missing = [v for v in fragment.needs if v not in carried]
        if missing:
            raise CatalogError(
                f"{source}: fragment {fragment.name} needs {', '.join(missing)} from an earlier include"
            )
        carried = [v for v in carried if v not in fragment.drops]
        text, gives = fragment.expand(include, carried)
        parts.append(f"// -- {fragment.name} ({fragment.source})\n{text}")
        carried += [v for v in gives if v not in carried]
    if parts:
        parts.append(f"// -- {source}")
    return "\n".join([*parts, body])


def parse_question(
    text: str,
    source: str = "<text>",
    expected_name: str | None = None,
    fragments: Mapping[str, Fragment] | None = None,
) -> Question:
    """A Question from a .cypher file's text; CatalogError names the file and what is wrong."""
    fields, notes, body = _split_header(text, source, HEADER_KEYS)
    name = _one(fields, "name", source)
    description = _one(fields, "description", source)
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
    returns = _names(_one(fields, "returns", source))
    includes = tuple(_parse_include(spec, source) for spec in fields["include"])
    looked_up = [i.param for i in includes if i.param is not None]
    for p in params:
        if p.type == "actor" and p.name not in looked_up:
            raise CatalogError(
                f"{source}: actor parameter {p.name} needs '// include: lookup ${p.name} AS VAR'"
            )
    for pname in looked_up:
        if pname not in seen:
            raise CatalogError(f"{source}: include renames ${pname}, which is not a declared parameter")
    fragments = fragments if fragments is not None else load_fragments()
    count: str | None = None
    counting = list(_COUNT_LINE.finditer(body))
    if len(counting) > 1:
        raise CatalogError(f"{source}: more than one '// count' line")
    if counting:
        body, count_body = body[: counting[0].start()].rstrip() + "\n", body[counting[0].end() :]
        if not count_body.strip():
            raise CatalogError(f"{source}: no Cypher after '// count'")
        parts = _UNION_LINE.split(count_body)
        if any(not part.strip() for part in parts):
            raise CatalogError(f"{source}: a 'UNION ALL' of the count with no Cypher before or after it")
        count = "UNION ALL\n".join(
            _expand(includes, fragments, part.strip("\n") + "\n", source) for part in parts
        )
    cypher = _expand(includes, fragments, body, source)
    try:
        used = parameters(cypher)
        counted = parameters(count) if count is not None else set()
    except StatementRefused as exc:
        raise CatalogError(f"{source}: {exc}") from None
    if counted - seen:
        raise CatalogError(
            f"{source}: the count uses undeclared parameter(s) {', '.join(sorted(counted - seen))}"
        )
    if used - seen:
        raise CatalogError(f"{source}: uses undeclared parameter(s) {', '.join(sorted(used - seen))}")
    if seen - used:
        raise CatalogError(f"{source}: declares unused parameter(s) {', '.join(sorted(seen - used))}")
    return Question(name, description, params, returns, cypher, source, tuple(notes), includes, body, count)


def _cypher_files(folder: Traversable | None, fragments: bool) -> list[Traversable]:
    folder = folder or resources.files("queries")
    return sorted(
        (
            f
            for f in folder.iterdir()
            if f.name.endswith(".cypher") and f.is_file() and f.name.startswith(FRAGMENT_PREFIX) == fragments
        ),
        key=lambda f: f.name,
    )


def load_fragments(folder: Traversable | None = None) -> dict[str, Fragment]:
    """Every fragment (`_NAME.cypher`) in `folder` (the installed `queries` package by default)."""
    found: dict[str, Fragment] = {}
    for f in _cypher_files(folder, fragments=True):
        fragment = parse_fragment(f.read_text(encoding="utf-8"), source=f.name)
        if f.name != f"{FRAGMENT_PREFIX}{fragment.name}.cypher":
            raise CatalogError(f"{f.name}: fragment {fragment.name!r} differs from the file name")
        found[fragment.name] = fragment
    return found


def load_catalog(folder: Traversable | None = None) -> dict[str, Question]:
    """Every question in `folder` (the installed `queries` package by default), by name."""
    fragments = load_fragments(folder)
    catalog: dict[str, Question] = {}
    for f in _cypher_files(folder, fragments=False):
        stem = f.name[: -len(".cypher")]
        question = parse_question(
            f.read_text(encoding="utf-8"), source=f.name, expected_name=stem, fragments=fragments
        )
        catalog[question.name] = question
    return catalog


def get_question(name: str, catalog: Mapping[str, Question] | None = None) -> Question:
    """The question called `name`; UnknownQuestion offers the closest names, or lists them all."""
    catalog = load_catalog() if catalog is None else catalog
    try:
        return catalog[name]
    except KeyError:
        pass
    close = did_you_mean(name, sorted(catalog))
    if close:
        raise UnknownQuestion(
            f"unknown question {name!r}; did you mean {' or '.join(close)}? "
            f"(civicgraph ask --list shows all {len(catalog)})"
        )
    raise UnknownQuestion(f"unknown question {name!r}; available: {', '.join(sorted(catalog))}")
