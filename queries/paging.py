"""Large answers a page at a time, with the total: what `civicgraph ask --limit/--offset` runs.

A question's statement ends with `RETURN <columns> [ORDER BY ...] [LIMIT ...]` (the catalogue's
grammar: the columns are the header's `returns:`). `paged` turns it into a statement that sends
back only the total and the page asked for: turning rows into Python values costs about 30 µs a
row, so a hub's 20,000-row timeline is cheap to count and order but slow to ship whole.

A question may also mark where its rows are complete, with a line of plain variables tagged
`// page` followed by the answer's order:

    WITH a, q, b, kind  // page
    ORDER BY coalesce(q.date, '9999'), a.name, b.name, coalesce(q.about, ''), q.key
    OPTIONAL MATCH ...        (one row in, one row out: no WITH, no aggregation)
    RETURN ...

The order is the RETURN's, then a key no two rows share (a relationship's `key`), so that rows
the RETURN's order ties fall on one page or the next the same way every time. There the rows
are counted, only the page's rows are kept (the engine keeps the best
`offset + limit` rows while it reads them, instead of sorting every row), and what follows the
order (the columns, look-ups such as an ask's reply) runs for the page alone. Without the mark
every row is built, ordered and collected before the page is cut: at 10,000 documents that is a
few milliseconds, at a million relationships a hub's answers cost 120 to 200 ms that way
(BENCHMARKS.md). Run whole (`--all`, the Neo4j Browser), the marked WITH is a sort like any other.

A question whose answer is in date order may say so on the mark, with the date it is ordered by:

    WITH a, q, b, kind  // page by q.date: ...

which promises that the order puts rows in ascending order of that date first (undated rows
last), and that the question's `until` parameter bounds that date from above (`date <= $until`)
and nothing else. Then a page costs two statements (`run_page`): the first counts the rows by
month of that date (the statement up to the mark, then `count(*)` per month: no row is carried,
collected or sorted), which gives the total and the month the page ends in; the second is the
page's statement with `until` lowered to the end of that month, so that it reads, orders and
cuts only the rows up to the page (a date index reads the range asked), not the whole answer.
Rows up to a date come first in the answer's order, so the page is the same rows. At a million
relationships the first page of the busiest answers costs half what one statement did
(BENCHMARKS.md).

The count derived that way carries every row the statement builds up to the mark (its lists,
unwinds, DISTINCT). A question may instead give its own count after its statement (`// count`,
queries/catalog.py: rows `group` and `rows`, a group on several rows added up, a group adding up
to 0 no group: a row may take rows off, as the timeline's facts between two of its actors), which
`counted` then returns; it must give exactly the derived count's groups (tests/test_query_pages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.store import Store
from queries.catalog import Question

__all__ = [
    "DEFAULT_LIMIT",
    "PAGE_PARAMS",
    "Page",
    "counted",
    "derived_count",
    "page_until",
    "paged",
    "run_page",
]

DEFAULT_LIMIT = 100
PAGE_OFFSET = "page_offset"
PAGE_LIMIT = "page_limit"
PAGE_PARAMS = (PAGE_OFFSET, PAGE_LIMIT)
_LAST_RETURN = re.compile(r"^RETURN\b(?P<distinct>\s+DISTINCT\b)?", re.MULTILINE)
_MARK = re.compile(
    r"^WITH (?P<vars>[A-Za-z_]\w*(?:, [A-Za-z_]\w*)*) *// page\b(?: by (?P<by>[A-Za-z_]\w*\.[A-Za-z_]\w*)\b)?"
    r"[^\n]*\n(?P<order>ORDER BY [^\n]+(?:\n[ \t]+[^\n]+)*)\n",
    re.MULTILINE,
)
# The parameter a `// page by` mark lowers, and the groups it counts: dates cut to the month
# ("2024-03-15" and "2024-03" in "2024-03"; a year-only "2024" its own), undated last.
_UNTIL = "until"
_MONTH = 7
_UNDATED = "~"
_GROUP = "page_group"
_ROWS = "page_rows"
_ROW = "page_row"
_TOTAL = "page_total"


@dataclass(frozen=True)
class Page:
    """Rows `offset` to `offset + len(rows)` of an answer of `total` rows."""

    rows: list[dict[str, Any]]
    total: int
    offset: int = 0

    @property
    def complete(self) -> bool:
        return self.offset == 0 and len(self.rows) == self.total


def paged(question: Question) -> str:
    """The question's statement returning `total` and `page` (the rows of $page_offset to
    $page_offset + $page_limit, as maps of the question's columns) instead of every row."""
    cypher = question.cypher
    matches = list(_LAST_RETURN.finditer(cypher))
    if not matches:
        raise ValueError(f"{question.source}: no RETURN clause at the start of a line")
    last = matches[-1]
    row = ", ".join(f"{column}: {column}" for column in question.returns)
    mark = _MARK.search(cypher)
    if mark is None:
        body = cypher[: last.start()] + "WITH" + cypher[last.end() :]
        return (
            f"{body.rstrip()}\n"
            f"WITH collect({{{row}}}) AS {_ROWS}\n"
            f"RETURN size({_ROWS}) AS total, {_ROWS}[${PAGE_OFFSET}..(${PAGE_OFFSET} + ${PAGE_LIMIT})] AS page"
        )
    between = cypher[mark.end() : last.start()]
    if re.search(r"^\s*(WITH|UNWIND)\b", between, re.MULTILINE) or mark.start() > last.start():
        raise ValueError(f"{question.source}: only MATCH clauses may come between `// page` and the RETURN")
    names = [name.strip() for name in mark["vars"].split(",")]
    unpacked = ", ".join(f"{_ROW}[{i}] AS {name}" for i, name in enumerate(names))
    distinct = " DISTINCT" if last["distinct"] else ""
    return (
        f"{cypher[: mark.start()]}"
        f"WITH collect([{', '.join(names)}]) AS {_ROWS}\n"
        f"WITH size({_ROWS}) AS {_TOTAL}, {_ROWS}\n"
        f"UNWIND {_ROWS} AS {_ROW}\n"
        f"WITH {_TOTAL}, {unpacked}\n"
        f"{mark['order']}\n"
        f"SKIP ${PAGE_OFFSET} LIMIT ${PAGE_LIMIT}\n"
        f"{between}"
        f"WITH{distinct} {_TOTAL}, {cypher[last.end() :].strip()}\n"
        f"RETURN {_TOTAL} AS total, collect({{{row}}}) AS page"
    )


def _by(question: Question) -> tuple[re.Match[str], str] | None:
    """The question's `// page by VAR.PROPERTY` mark and that date, or None when it has none."""
    mark = _MARK.search(question.cypher)
    if mark is None or mark["by"] is None:
        return None
    names = [name.strip() for name in mark["vars"].split(",")]
    if mark["by"].split(".")[0] not in names:
        raise ValueError(f"{question.source}: `// page by {mark['by']}` names none of the marked variables")
    if not any(param.name == _UNTIL for param in question.params):
        raise ValueError(f"{question.source}: `// page by` needs an `{_UNTIL}` parameter to lower")
    return mark, mark["by"]


def counted(question: Question) -> str | None:
    """The statement counting the answer's rows by month of the date of its `// page by` mark
    (rows `group`, `rows`, a group on several rows to be added; undated rows in the group "~"):
    the question's own (`// count`) if it gives one, else derived from its statement; None when
    the mark has no date."""
    found = _by(question)
    if found is None:
        if question.count is not None:
            raise ValueError(f"{question.source}: a `// count` needs a `// page by` mark with a date")
        return None
    if question.count is not None:
        return question.count
    return derived_count(question)


def derived_count(question: Question) -> str:
    """The count of `counted` derived from the question's statement up to its `// page by` mark."""
    found = _by(question)
    if found is None:
        raise ValueError(f"{question.source}: no `// page by` mark with a date to count by")
    mark, date = found
    return (
        f"{question.cypher[: mark.start()]}"
        f"WITH substring(coalesce({date}, '{_UNDATED}'), 0, {_MONTH}) AS {_GROUP}, count(*) AS {_ROWS}\n"
        f"RETURN {_GROUP} AS group, {_ROWS} AS rows"
    )


def page_until(groups: dict[str, int], end: int, until: str | None) -> str | None:
    """`until` lowered to the end of the month in which row `end` of the answer falls (rows
    counted by month, `counted`), or `until` itself when the page reaches the last month or the
    undated rows. A month "2024-03" ends at "2024-03~" (after every date in it: digits and '-' sort
    before '~'); a year-only date "2024" is a group of its own and ends at itself."""
    seen = 0
    months = sorted(groups)
    for index, group in enumerate(months):
        seen += groups[group]
        if seen >= end:
            if group == _UNDATED or index == len(months) - 1:
                return until
            bound = group + "~" if len(group) >= _MONTH else group
            return bound if until is None or bound < until else until
    return until


def run_page(
    store: Store,
    question: Question,
    params: dict[str, Any],
    *,
    offset: int = 0,
    limit: int | None = DEFAULT_LIMIT,
) -> Page:
    """One page of the answer (every row when `limit` is None), with the total number of rows."""
    if offset < 0 or (limit is not None and limit < 1):
        raise ValueError("offset must be 0 or more and limit 1 or more")
    if limit is None:
        rows = store.run(question.cypher, params)
        return Page(rows[offset:], len(rows), offset)
    statement = paged(question)
    counting = counted(question)
    total: int | None = None
    if counting is not None:  # rows by month: the total, then read only up to the page's month
        groups: dict[str, int] = {}
        for row in store.run(counting, params):
            groups[row["group"]] = groups.get(row["group"], 0) + int(row["rows"])
        groups = {group: rows for group, rows in groups.items() if rows}
        total = sum(groups.values())
        if offset >= total:
            return Page([], total, offset)
        params = {**params, _UNTIL: page_until(groups, offset + limit, params.get(_UNTIL))}
    result = store.run(statement, {**params, PAGE_OFFSET: offset, PAGE_LIMIT: limit})
    if not result and offset > 0 and total is None:  # past the last row: no row to carry the total
        result = [{"total": run_page(store, question, params, limit=1).total, "page": []}]
    found = result[0] if result else {"total": 0, "page": []}
    rows = [{column: item.get(column) for column in question.returns} for item in found["page"] or []]
    return Page(rows, int(found["total"] or 0) if total is None else total, offset)
