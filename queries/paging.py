"""Large answers a page at a time, with the total: what `civicgraph ask --limit/--offset` runs.

A question's statement ends with `RETURN <columns> [ORDER BY ...] [LIMIT ...]` (the catalogue's
grammar: the columns are the header's `returns:`). `paged` turns that last RETURN into a WITH and
collects the ordered rows on the server, which sends back only the total and the page asked for:
turning rows into Python values costs about 30 µs a row, so a hub's 20,000-row timeline is
cheap to count and order but slow to ship whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.store import Store
from queries.catalog import Question

__all__ = ["DEFAULT_LIMIT", "PAGE_PARAMS", "Page", "paged", "run_page"]

DEFAULT_LIMIT = 100
PAGE_OFFSET = "page_offset"
PAGE_LIMIT = "page_limit"
PAGE_PARAMS = (PAGE_OFFSET, PAGE_LIMIT)
_LAST_RETURN = re.compile(r"^RETURN\b", re.MULTILINE)
_ROWS = "page_rows"


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
    matches = list(_LAST_RETURN.finditer(question.cypher))
    if not matches:
        raise ValueError(f"{question.source}: no RETURN clause at the start of a line")
    last = matches[-1]
    body = question.cypher[: last.start()] + "WITH" + question.cypher[last.end() :]
    row = ", ".join(f"{column}: {column}" for column in question.returns)
    return (
        f"{body.rstrip()}\n"
        f"WITH collect({{{row}}}) AS {_ROWS}\n"
        f"RETURN size({_ROWS}) AS total, {_ROWS}[${PAGE_OFFSET}..(${PAGE_OFFSET} + ${PAGE_LIMIT})] AS page"
    )


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
    result = store.run(paged(question), {**params, PAGE_OFFSET: offset, PAGE_LIMIT: limit})
    found = result[0] if result else {"total": 0, "page": []}
    rows = [{column: item.get(column) for column in question.returns} for item in found["page"] or []]
    return Page(rows, int(found["total"] or 0), offset)
