"""What a statement may do, decided on its tokens before it reaches a server.

Why tokens and not text patterns: a pattern cannot tell `'/*'` (a string) from `/*` (a comment),
so `WITH '/*' AS a CALL dbms.procedures() ... '*/'` once hid a procedure call from the read-only
check. The tokenizer below knows Cypher's strings (both quotes, backslash escapes), comments
(`//`, `/* */`) and back-quoted names, so every check sees what the server's parser will see.

Why not a full openCypher parser from PyPI: of those tried (RELIABILITY.md lists them), none both
reads every statement civicgraph and its users send and keeps grouping parentheses in its tree;
the nesting that costs FalkorDB exponential parse time is exactly those brackets and prefix
operators, which a token stream shows directly.

The checks, for every statement (`check_statement`):
- size: at most MAX_STATEMENT_CHARS characters (values belong in parameters);
- nesting: at most MAX_NESTING levels of brackets ( [ { and prefix operators (NOT, unary minus
  or plus) inside one another. FalkorDB's parser takes about twice as long for each level
  (`RETURN ((((1))))` nested 24 deep held a server thread for 82 s, beyond any timeout);
- read-only statements only: no LOAD CSV (it reads files and URLs), no USE of another database,
  and CALL only of the read-only procedures of the engine (READ_ONLY_PROCEDURES).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.store import ReadOnlyError, StoreError

MAX_STATEMENT_CHARS = 65_536
MAX_NESTING = 12

# Procedures a read-only statement may call, per engine: schema look-ups, full-text search and
# FalkorDB's read-only algorithms. Anything else (apoc.load.*, dbms.*, index creation ...) may
# read files, reach the network or change the server, which a read transaction alone does not
# prevent on Neo4j. An entry ending in "." admits the whole family. Compared case-insensitively.
READ_ONLY_PROCEDURES: dict[str, tuple[str, ...]] = {
    "falkordb": (
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.indexes",
        "db.constraints",
        "db.idx.fulltext.querynodes",
        "db.idx.fulltext.queryrelationships",
        "algo.",
    ),
    "neo4j": (
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.schema.visualization",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
    ),
}


class StatementRefused(StoreError):
    """A statement refused before it was sent (too long, nested too deeply, unreadable)."""


@dataclass(frozen=True)
class Token:
    kind: str  # "name" (keyword or identifier), "quoted" (`name`), "string", "number", "param", "punct"
    text: str  # names as written; quoted names and strings without their quotes
    start: int


# One pattern, tried at each position in turn: the first alternative that matches wins. A line
# comment ends at the first character any parser could take for a line end (when in doubt, more
# of the text is read as code, never less). A quote, back-quote or "/*" that no alternative can
# close falls through to `punct`, and is refused as never closed.
_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<comment>//[^\n\r\x0b\x0c\x85\u2028\u2029]*|/\*.*?\*/)
    |(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    |(?P<quoted>`(?:[^`]|``)*`)
    |(?P<name>[^\W\d]\w*)
    |(?P<number>\d[\w.]*|\.\d\w*)
    |(?P<param>\$(?:[^\W\d]\w*|\d+|`(?:[^`]|``)*`))
    |(?P<punct><>|<=|>=|=~|->|<-|\.\.|\+=|[^\w\s])""",
    re.DOTALL | re.VERBOSE,
)
_UNCLOSED = {"'": "string", '"': "string", "`": "quoted name"}


def tokens(cypher: str) -> Iterator[Token]:
    """The tokens of a statement, comments dropped. Raises StatementRefused for a string, quoted
    name or comment that is never closed (the server would refuse it too)."""
    for match in _TOKEN.finditer(cypher):
        kind, text, start = match.lastgroup, match.group(), match.start()
        if kind in ("space", "comment"):
            continue
        if kind == "punct" and (text in _UNCLOSED or cypher.startswith("/*", start)):
            what = _UNCLOSED.get(text, "comment")
            raise StatementRefused(f"a {what} opened at character {start} is never closed")
        if kind == "string":
            text = text[1:-1]
        elif kind == "quoted":
            text = text[1:-1].replace("``", "`")
        yield Token(kind, text, start)


def parameters(cypher: str) -> set[str]:
    """The names of the `$parameters` a statement uses (not those inside strings or comments)."""
    return {t.text[1:].strip("`").replace("``", "`") for t in tokens(cypher) if t.kind == "param"}


_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = set(_OPEN.values())
# After these, a + or - is a sign (prefix), not an operator between two values.
_BEFORE_PREFIX = {
    "(",
    "[",
    "{",
    ",",
    ":",
    "|",
    "+",
    "-",
    "*",
    "/",
    "%",
    "^",
    "=",
    "<>",
    "<",
    ">",
    "<=",
    ">=",
    "=~",
}
_KEYWORDS_BEFORE_PREFIX = {
    "RETURN", "WITH", "WHERE", "AND", "OR", "XOR", "NOT", "IN", "THEN", "ELSE", "WHEN", "CASE",
    "UNWIND", "SET", "LIMIT", "SKIP", "BY", "IS", "CONTAINS", "STARTS", "ENDS",
}  # fmt: skip


def nesting(toks: list[Token]) -> int:
    """The deepest nesting of brackets and prefix operators (NOT, unary - and +)."""
    depth = deepest = 0
    stack: list[int] = []  # depth to return to when each open bracket closes
    prefix_run = 0  # prefix operators in a row before the current operand
    previous: Token | None = None
    for tok in toks:
        text = tok.text
        is_prefix = (tok.kind == "name" and text.upper() == "NOT") or (
            tok.kind == "punct"
            and text in {"-", "+"}
            and (
                previous is None
                or (previous.kind == "punct" and previous.text in _BEFORE_PREFIX)
                or (previous.kind == "name" and previous.text.upper() in _KEYWORDS_BEFORE_PREFIX)
            )
        )
        if is_prefix:
            prefix_run += 1
            deepest = max(deepest, depth + prefix_run)
        elif tok.kind == "punct" and text in _OPEN:
            stack.append(depth)
            depth += prefix_run + 1
            prefix_run = 0
            deepest = max(deepest, depth)
        elif tok.kind == "punct" and text in _CLOSE:
            depth = stack.pop() if stack else 0
            prefix_run = 0
        else:
            prefix_run = 0
        previous = tok
    return deepest


def _keyword(tok: Token | None, word: str) -> bool:
    return tok is not None and tok.kind == "name" and tok.text.upper() == word


def procedures(toks: list[Token]) -> list[str]:
    """Names of the procedures a statement CALLs (`CALL a.b.c(...)`, quoted parts joined);
    `CALL {` and `CALL (x) {` subqueries are not procedures."""
    names = []
    for index, tok in enumerate(toks):
        if not _keyword(tok, "CALL") or (
            index and toks[index - 1].kind == "punct" and toks[index - 1].text == "."
        ):
            continue
        parts: list[str] = []
        j = index + 1
        while j < len(toks) and toks[j].kind in {"name", "quoted"}:
            parts.append(toks[j].text)
            if j + 1 < len(toks) and toks[j + 1].text == "." and toks[j + 1].kind == "punct":
                j += 2
            else:
                break
        if parts:
            names.append(".".join(parts))
    return names


def _clause(toks: list[Token], index: int) -> bool:
    """The name at `index` stands where a clause keyword can (not `n.use`, not `{load: 1}`)."""
    before = toks[index - 1] if index else None
    after = toks[index + 1] if index + 1 < len(toks) else None
    if before is not None and before.kind == "punct" and before.text in {".", "$"}:
        return False
    return not (after is not None and after.kind == "punct" and after.text in {":", ")", ",", "]", "}", "."})


@functools.lru_cache(maxsize=512)
def check_statement(cypher: str, *, write: bool, engine: str = "falkordb") -> None:
    """Refuse a statement before it is sent: StatementRefused when it is too long, nested too
    deeply or unreadable; ReadOnlyError when a read-only statement would read files, switch
    database or call a procedure outside the engine's READ_ONLY_PROCEDURES. Cached by text: the
    canned questions are checked once per process."""
    if len(cypher) > MAX_STATEMENT_CHARS:
        raise StatementRefused(
            f"the statement is {len(cypher):,} characters long (limit {MAX_STATEMENT_CHARS:,}); "
            "pass values as parameters, not in the text"
        )
    toks = list(tokens(cypher))
    depth = nesting(toks)
    if depth > MAX_NESTING:
        raise StatementRefused(
            f"the statement nests brackets or NOT/minus signs {depth} deep (limit {MAX_NESTING}); "
            "the server's parser slows down twice over for each level"
        )
    if write:
        return
    for index, tok in enumerate(toks):
        if tok.kind != "name" or not _clause(toks, index):
            continue
        word = tok.text.upper()
        if word == "LOAD" and _keyword(toks[index + 1] if index + 1 < len(toks) else None, "CSV"):
            raise ReadOnlyError("read-only statements may not use LOAD CSV (it reads files and URLs)")
        if word == "USE" and index + 1 < len(toks) and toks[index + 1].kind in {"name", "quoted"}:
            raise ReadOnlyError("read-only statements may not switch database with USE")
    allowed = READ_ONLY_PROCEDURES.get(engine, READ_ONLY_PROCEDURES["falkordb"])
    for name in procedures(toks):
        lowered = name.lower()
        if not any(
            lowered == entry or (entry.endswith(".") and lowered.startswith(entry)) for entry in allowed
        ):
            raise ReadOnlyError(f"read-only statements may not call the procedure {name}")
