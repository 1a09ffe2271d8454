"""One Store interface over the embedded FalkorDB, an external FalkorDB and Neo4j 5.

Callers never see a driver: they run Cypher with parameters and get rows of plain Python
values, and they upsert `Batch`es built by `graph.facts.to_batch`. The backend is chosen by a
URI (`--store` or CIVICGRAPH_STORE), see `open_store`.

Row values: scalars, lists and maps as Python values; a node as
`{"_labels": [...], "_element_id": str, **properties}`; a relationship as
`{"_type": str, "_element_id": str, "_start": str, "_end": str, **properties}` (element ids
of its end nodes); a path as `{"_nodes": [...], "_rels": [...]}`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from graph.facts import Batch

if TYPE_CHECKING:
    from graph.upsert import Rows

DEFAULT_GRAPH = "civicgraph"
DEFAULT_TIMEOUT_MS = 30_000


class StoreError(RuntimeError):
    """Anything that went wrong talking to a store, with a message fit for one CLI line."""


class StoreURIError(StoreError):
    """A --store value that names no usable store (a usage error, not a failure)."""


def redact(uri: str) -> str:
    """The URI with any password replaced by ***, fit for messages."""
    scheme, sep, rest = uri.partition("://")
    if not sep or "@" not in rest.split("/", 1)[0]:
        return uri
    userinfo, _, hostpart = rest.partition("@")
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}:***@{hostpart}" if ":" in userinfo else f"{scheme}://{user}@{hostpart}"


class ReadOnlyError(StoreError):
    """A statement that writes was run without write=True."""


class QueryTimeout(StoreError):
    """A statement ran longer than the store's query timeout."""


@runtime_checkable
class Store(Protocol):
    backend: str  # "embedded", "falkordb" or "neo4j"
    location: str  # where it is: a folder, host:port or URI

    def run(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        write: bool = False,
        timeout_ms: int | None = None,
    ) -> list[dict[str, Any]]:
        """Run one statement; read-only unless write=True (a write then raises ReadOnlyError)."""
        ...

    def upsert(self, batch: Batch | Rows, replaces: list[str] = ()) -> None:
        """Write a batch all-or-nothing: MERGE nodes by id, relationships by key, add evidence once.
        The batch may come as its rows, built beforehand (graph/upsert.py batch_rows).

        `replaces` are ids of Document nodes whose evidence, mentions and node are removed in the
        same atomic write (a changed file replacing its earlier version)."""
        ...

    def ensure_schema(self) -> None:
        """Create the indexes and constraints the schema implies (idempotent)."""
        ...

    def loaded_documents(self) -> dict[str, str]:
        """The load journal: {document id (content hash): path} of every fully loaded document."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def default_uri() -> str:
    return os.environ.get("CIVICGRAPH_STORE", "embedded")


def open_store(uri: str | None = None, *, graph: str = DEFAULT_GRAPH, timeout_ms: int | None = None) -> Store:
    """Open the store a URI names: `embedded`, `embedded:DIR`, `falkordb://host:port`,
    `bolt://...`, `neo4j://...`, `neo4j+s://...`."""
    uri = uri or default_uri()
    if timeout_ms is not None:
        timeout = timeout_ms
    else:
        raw = os.environ.get("CIVICGRAPH_TIMEOUT_MS", str(DEFAULT_TIMEOUT_MS))
        try:
            timeout = int(raw)
        except ValueError:
            raise StoreURIError(
                f"CIVICGRAPH_TIMEOUT_MS={raw!r} is not a whole number of milliseconds"
            ) from None
    if uri == "embedded" or uri.startswith("embedded:"):
        from graph.falkor import EmbeddedFalkorStore

        folder = uri.partition(":")[2] or None
        return EmbeddedFalkorStore(folder, graph=graph, timeout_ms=timeout)
    if uri.startswith("falkordb://"):
        from graph.falkor import FalkorStore

        return FalkorStore.from_uri(uri, graph=graph, timeout_ms=timeout)
    if uri.split("://", 1)[0] in {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(uri, timeout_ms=timeout)
    raise StoreURIError(
        f"unknown store {redact(uri)!r}: use embedded, embedded:DIR, falkordb://host:port, bolt://, neo4j:// or neo4j+s://"
    )
