"""Neo4j 5 behind the Store interface, through the official `neo4j` driver.

Credentials come from NEO4J_USERNAME (default `neo4j`) and NEO4J_PASSWORD (required: there is
no default password anywhere), the database from NEO4J_DATABASE (else the server's default).
Reads run in read transactions (`execute_read`: the server refuses writes in read access mode,
write procedures included); writes in retrying transaction functions (`execute_write`), and an
upsert is the same single statement FalkorDB runs (graph/upsert.py), in one transaction.
Timeouts are the driver's transaction timeouts.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.facts import Batch
from graph.schema import neo4j_schema_statements
from graph.store import DEFAULT_TIMEOUT_MS, QueryTimeout, ReadOnlyError, StoreError, StoreURIError, redact
from graph.upsert import (
    DERIVE_ABOUT_KEYS,
    DERIVE_FIRST_DOCUMENTS,
    DERIVE_MONTHS,
    Rows,
    plan_upsert,
    statement_params,
)

T = TypeVar("T")

WRITE_TIMEOUT_MS = 300_000
MIN_NEO4J_MAJOR = 5

# The server's notifications (deprecations, cartesian products ...) reach the driver's
# `neo4j.notifications` logger; without this handler, logging's last resort would print each one
# on stderr between a command's lines. An application that configures logging still gets them.
logging.getLogger("neo4j.notifications").addHandler(logging.NullHandler())


def plain(value: Any) -> Any:
    """A driver value as plain Python (the shapes graph/store.py describes)."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), "_element_id": value.element_id,
                **{k: plain(v) for k, v in value.items()}}  # fmt: skip
    if isinstance(value, Relationship):
        start, end = value.start_node, value.end_node
        return {"_type": value.type, "_element_id": value.element_id,
                "_start": start.element_id if start is not None else None,
                "_end": end.element_id if end is not None else None,
                **{k: plain(v) for k, v in value.items()}}  # fmt: skip
    if isinstance(value, Path):
        return {"_nodes": [plain(n) for n in value.nodes], "_rels": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


class Neo4jStore:
    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> None:
        if "@" in uri.partition("://")[2].split("/", 1)[0]:
            raise StoreURIError(
                f"{redact(uri)}: put credentials in NEO4J_USERNAME and NEO4J_PASSWORD, not in the store URI"
            )
        self.location = uri
        self.timeout_ms = max(1, int(timeout_ms))
        user = username or os.environ.get("NEO4J_USERNAME") or "neo4j"
        # An explicit password="" is for servers without authentication (FalkorDB's Bolt
        # listener in the tests); the environment must name a real one.
        secret = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        if secret is None or (password is None and not secret):
            raise StoreError(f"NEO4J_PASSWORD is not set: export the password of user {user!r} to use {uri}")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self._schema_ready = False
        self._closed = False
        self._version_checked = False
        try:
            # No notifications_min_severity: servers before Neo4j 5.7 refuse that option (every
            # command failed on 5.0-5.6). The notices go to the driver's logger, silenced above.
            self._driver = GraphDatabase.driver(uri, auth=(user, secret))
        except (DriverError, ValueError) as exc:
            raise StoreError(f"cannot use Neo4j at {uri}: {exc}") from None

    # -- plumbing -------------------------------------------------------------------------------------

    def _session(self) -> neo4j.Session:
        if self._closed:
            raise StoreError(f"the store at {self.location} is closed")
        if not self._version_checked:
            self._check_version()
        return self._driver.session(database=self.database)

    def _check_version(self) -> None:
        """civicgraph's statements need Neo4j 5 (`REQUIRE ... IS UNIQUE`, `CALL {}`, `COUNT {}`):
        an older server is one clear error, not a syntax error at the first statement."""
        agent = self._guard(lambda: self._driver.get_server_info().agent) or ""
        self._version_checked = True
        version = agent.partition("/")[2]
        major = version.split(".", 1)[0]
        if agent.startswith("Neo4j/") and major.isdigit() and int(major) < MIN_NEO4J_MAJOR:
            raise StoreError(
                f"{self.location} runs {agent}; civicgraph needs Neo4j {MIN_NEO4J_MAJOR} or later"
            )

    def _guard(self, fn: Callable[[], T], timeout_ms: int | None = None) -> T:
        try:
            return fn()
        except AuthError as exc:
            raise StoreError(
                f"Neo4j at {self.location} refused the credentials (NEO4J_USERNAME/NEO4J_PASSWORD): {exc.message}"
            ) from None
        except ServiceUnavailable as exc:
            raise StoreError(f"cannot reach Neo4j at {self.location}: {exc}") from None
        except Neo4jError as exc:
            raise self._translate(exc, timeout_ms) from None
        except DriverError as exc:
            raise StoreError(f"Neo4j at {self.location}: {exc}") from None

    def _translate(self, exc: Neo4jError, timeout_ms: int | None) -> StoreError:
        code = exc.code or ""
        message = exc.message or str(exc)
        if "AccessMode" in code or "read access mode" in message.lower() or "ForbiddenOnReadOnly" in code:
            return ReadOnlyError("this statement would change the graph, and it was run read-only")
        if "TransactionTimedOut" in code or ("timed out" in message.lower() and "Transaction" in code):
            limit = f" ({timeout_ms / 1000:g} s)" if timeout_ms else ""
            return QueryTimeout(
                f"the statement ran past its time limit{limit} and was stopped, changing nothing; "
                "narrow it (LIMIT, a more selective MATCH) or allow more time"
            )
        if isinstance(exc, ClientError):
            return StoreError(f"Neo4j refused the statement: {message}")
        return StoreError(f"Neo4j failed: {message}")

    # -- the Store interface ------------------------------------------------------------------------------

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
        timeout_ms: int | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Run one statement in a read (or, with write=True, a write) transaction."""
        values = statement_params(cypher, params, write=write, engine="neo4j")
        timeout = max(1, int(timeout_ms if timeout_ms is not None else self.timeout_ms))

        @unit_of_work(timeout=timeout / 1000)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(cypher, values)
            return [{key: plain(value) for key, value in record.items()} for record in result]

        def go() -> list[dict[str, Any]]:
            with self._session() as session:
                return session.execute_write(work) if write else session.execute_read(work)

        return self._guard(go, timeout)

    def upsert(self, batch: Batch | Rows, replaces: list[str] = ()) -> None:  # type: ignore[assignment]
        """The batch as one statement in one retrying write transaction."""
        statement = plan_upsert(
            batch,
            replaces,
            loaded_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            engine="neo4j",
        )
        if not self._schema_ready:
            self.ensure_schema()
        timeout = max(self.timeout_ms, WRITE_TIMEOUT_MS)

        @unit_of_work(timeout=timeout / 1000)
        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(statement.cypher, statement.params).consume()

        def go() -> None:
            with self._session() as session:
                session.execute_write(work)

        self._guard(go, timeout)

    def schema_statements(self) -> list[str]:
        """graph/schema.py's `neo4j_schema_statements` (one definition for this backend and the
        Cypher export's header)."""
        return neo4j_schema_statements()

    def ensure_schema(self) -> None:
        def go() -> None:
            with self._session() as session:
                for statement in self.schema_statements():
                    session.run(statement).consume()  # schema changes run in their own transactions
                session.run(DERIVE_ABOUT_KEYS).consume()  # a store written before asks kept it
                for statement in DERIVE_FIRST_DOCUMENTS:  # ... or nodes their first documents
                    session.run(statement).consume()
                for statement in DERIVE_MONTHS:  # ... or the dated facts by month
                    session.run(statement).consume()

        self._guard(go)
        self._schema_ready = True

    def loaded_documents(self) -> dict[str, str]:
        rows = self.run("MATCH (d:Document) WHERE d.loaded = true RETURN d.id AS id, d.path AS path")
        return {row["id"]: row["path"] or "" for row in rows}

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
