"""FalkorDB behind the Store interface: an external server (`falkordb://host:port`) or the
embedded one (graph/embedded.py), both through the `falkordb` client.

Reads go through GRAPH.RO_QUERY, which refuses every write (CREATE, MERGE, SET, DELETE, write
procedures); LOAD CSV is refused by its text as well, since RO_QUERY lets it read files and
URLs. Every statement carries a timeout; a statement that runs past it is stopped by the
server and rolled back, and surfaces as QueryTimeout. Writes (`upsert`) are one statement per
batch, which FalkorDB applies atomically.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import logging
import os
import re
import weakref
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.exceptions import SchemaVersionMismatchException
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.embedded import WRITE_TIMEOUT_MS, EmbeddedServer
from graph.facts import Batch
from graph.schema import NODE_INDEXES, NODE_LABELS, REL_TYPES, check_label, check_property
from graph.store import (
    DEFAULT_GRAPH,
    DEFAULT_TIMEOUT_MS,
    QueryTimeout,
    ReadOnlyError,
    StoreError,
    StoreURIError,
    redact,
)
from graph.upsert import plan_upsert, statement_params

log = logging.getLogger("civicgraph.store")
T = TypeVar("T")

_READ_ONLY_REFUSAL = "is to be executed only on read-only queries"


def plain(value: Any) -> Any:
    """A FalkorDB result value as plain Python (the shapes graph/store.py describes)."""
    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), "_element_id": str(value.id),
                **{k: plain(v) for k, v in (value.properties or {}).items()}}  # fmt: skip
    if isinstance(value, Edge):
        src = value.src_node.id if isinstance(value.src_node, Node) else value.src_node
        dst = value.dest_node.id if isinstance(value.dest_node, Node) else value.dest_node
        return {"_type": value.relation, "_element_id": str(value.id), "_start": str(src), "_end": str(dst),
                **{k: plain(v) for k, v in (value.properties or {}).items()}}  # fmt: skip
    if isinstance(value, FalkorPath):
        return {"_nodes": [plain(n) for n in value.nodes()], "_rels": [plain(e) for e in value.edges()]}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # durations and anything newer


_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _check_param_names(values: dict[str, Any]) -> None:
    """The falkordb client writes parameters into a `CYPHER name=value ...` header: a name must
    be a plain identifier (anything else would be read as Cypher), and map keys, which it quotes
    in backticks, may be neither empty nor hold a backtick (it raises ValueError on those)."""

    def keys(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if not key or "`" in key:
                    raise StoreError(f"parameter {where}: map key {key!r} cannot be empty or hold a backtick")
                keys(item, where)
        elif isinstance(value, list):
            for item in value:
                keys(item, where)

    for name, value in values.items():
        if not _PARAM_NAME.fullmatch(name):
            raise StoreError(f"parameter name {name!r}: use letters, digits and _ (and no digit first)")
        keys(value, name)


class FalkorStore:
    """A FalkorDB server reached over TCP or a unix socket."""

    backend = "falkordb"

    def __init__(
        self,
        host: str = "localhost",
        port: int = 6379,
        *,
        graph: str = DEFAULT_GRAPH,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        username: str | None = None,
        password: str | None = None,
        unix_socket_path: str | None = None,
        location: str | None = None,
    ) -> None:
        self.graph_name = graph
        self.timeout_ms = max(1, int(timeout_ms))
        self.location = location or (unix_socket_path or f"{host}:{port}")
        self._timeout_max: int | None = None
        self._schema_ready = False
        self._closed = False
        # No client-side retries: a statement is sent once (a retried runaway query would run
        # again), and the socket waits a little longer than the longest server-side timeout.
        socket_timeout = max(self.timeout_ms, WRITE_TIMEOUT_MS) / 1000 + 60
        try:
            self._db = FalkorDB(
                host=host, port=port, username=username, password=password, unix_socket_path=unix_socket_path,
                socket_timeout=socket_timeout, socket_connect_timeout=10, retry=Retry(NoBackoff(), 0),
                encoding_errors="replace",
            )  # fmt: skip
        except (redis.RedisError, OSError) as exc:
            raise StoreError(f"cannot reach FalkorDB at {self.location}: {exc}") from None
        self._graph = self._db.select_graph(graph)
        self._prepare()

    @classmethod
    def from_uri(
        cls, uri: str, *, graph: str = DEFAULT_GRAPH, timeout_ms: int = DEFAULT_TIMEOUT_MS
    ) -> FalkorStore:
        """`falkordb://[user@]host[:port][/graph]`; the password comes from FALKORDB_PASSWORD
        (one in the URI is accepted too, but never shown in messages)."""
        parts = urlsplit(uri)
        if parts.scheme != "falkordb" or not parts.hostname:
            raise StoreURIError(f"{redact(uri)!r}: expected falkordb://host:port")
        try:
            port = parts.port or 6379
        except ValueError:
            raise StoreURIError(f"{redact(uri)!r}: the port is not a number") from None
        path_graph = parts.path.strip("/")
        return cls(
            parts.hostname, port, graph=path_graph or graph, timeout_ms=timeout_ms,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else os.environ.get("FALKORDB_PASSWORD"),
            location=f"{parts.hostname}:{port}",
        )  # fmt: skip

    # -- connection ------------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Make sure the graph key exists (RO_QUERY refuses an absent graph) and learn the
        server's timeout ceiling (asking past it is an error)."""
        try:
            self._call(lambda: self._graph.query("RETURN 0", timeout=10_000), sent_hint=False)
        except StoreError as exc:
            if "NOPERM" not in str(exc) and "no permissions" not in str(exc).lower():
                raise
        try:
            config = self._call(lambda: self._db.connection.execute_command("GRAPH.CONFIG", "GET", "TIMEOUT_MAX"),
                                sent_hint=False)  # fmt: skip
            self._timeout_max = int(config[1]) or None
        except (StoreError, IndexError, TypeError, ValueError):
            self._timeout_max = None

    def _timeout(self, requested: int | None) -> int:
        timeout = max(1, int(requested if requested is not None else self.timeout_ms))
        return min(timeout, self._timeout_max) if self._timeout_max else timeout

    def _before_statement(self) -> None:
        """Hook for the embedded store (notice a dead server before sending anything)."""

    def _connection_lost(self, exc: Exception, *, sent: bool) -> bool:
        """Hook for the embedded store (restart a dead server). True: send the statement again."""
        raise StoreError(f"lost the connection to FalkorDB at {self.location}: {exc}") from None

    def _call(self, fn: Callable[[], T], *, sent_hint: bool = True, timeout_ms: int | None = None) -> T:
        """Run `fn` against the server, turning its failures into StoreError and friends."""
        if self._closed:
            raise StoreError(f"the store at {self.location} is closed")
        self._before_statement()
        for attempt in range(3):
            try:
                return fn()
            except SchemaVersionMismatchException:
                continue  # the client refreshed its view of labels and property names
            except redis.TimeoutError as exc:
                raise StoreError(f"FalkorDB at {self.location} did not answer in time: {exc}") from None
            except redis.ConnectionError as exc:
                sent = sent_hint and "connecting to" not in str(exc)
                if attempt == 0 and self._connection_lost(exc, sent=sent):
                    continue
                raise StoreError(f"lost the connection to FalkorDB at {self.location}: {exc}") from None
            except redis.ResponseError as exc:
                raise self._translate(exc, timeout_ms) from None
        raise StoreError(f"FalkorDB at {self.location}: the graph schema kept changing during the statement")

    def _translate(self, exc: redis.ResponseError, timeout_ms: int | None) -> StoreError:
        message = str(exc)
        if _READ_ONLY_REFUSAL in message:
            return ReadOnlyError("this statement would change the graph, and it was run read-only")
        if "Query timed out" in message:
            limit = f" ({timeout_ms / 1000:g} s)" if timeout_ms else ""
            return QueryTimeout(
                f"the statement ran past its time limit{limit} and was stopped, changing nothing; "
                "narrow it (LIMIT, a more selective MATCH) or allow more time"
            )
        if "mem consumption exceeded capacity" in message:
            return StoreError("the statement needed more memory than one query may use, and was stopped")
        return StoreError(f"FalkorDB refused the statement: {message}")

    # -- the Store interface -----------------------------------------------------------------------

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
        timeout_ms: int | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Run one statement; rows as dicts of plain values. Read-only unless write=True."""
        values = statement_params(cypher, params, write=write)
        _check_param_names(values)
        timeout = self._timeout(timeout_ms)
        query = self._graph.query if write else self._graph.ro_query
        result = self._call(lambda: query(cypher, values, timeout=timeout), timeout_ms=timeout)
        columns = [h[1] if isinstance(h, list | tuple) else h for h in result.header]
        return [{str(c): plain(v) for c, v in zip(columns, row, strict=False)} for row in result.result_set]

    def upsert(self, batch: Batch, replaces: list[str] = ()) -> None:  # type: ignore[assignment]
        """Write the batch as one atomic statement (see graph/upsert.py for the merge rules)."""
        statement = plan_upsert(
            batch, replaces, loaded_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        )
        if not self._schema_ready:
            self.ensure_schema()
        timeout = self._timeout(max(self.timeout_ms, WRITE_TIMEOUT_MS))
        self._call(
            lambda: self._graph.query(statement.cypher, statement.params, timeout=timeout), timeout_ms=timeout
        )

    def ensure_schema(self) -> None:
        """The exact-match node indexes of graph/schema.py's NODE_INDEXES (`id` on every label, the
        name search keys), an index on `key` for every relationship type, and a unique constraint
        on every label's `id` (GRAPH.CONSTRAINT). Idempotent."""
        indexed = {
            (row["entitytype"], row["label"], prop)
            for row in self.run(
                "CALL db.indexes() YIELD label, properties, entitytype RETURN label, properties, entitytype"
            )
            for prop in row["properties"] or []
        }
        # node indexes are data in graph/schema.py (NODE_INDEXES): id, and the name search keys
        wanted = [
            ("NODE", check_label(label), prop, f"CREATE INDEX FOR (n:{label}) ON (n.{check_property(prop)})")
            for label, prop in NODE_INDEXES
        ]
        wanted += [
            ("RELATIONSHIP", t, "key", f"CREATE INDEX FOR ()-[r:{t}]-() ON (r.key)") for t in REL_TYPES
        ]
        for entity, name, prop, statement in wanted:
            if (entity, name, prop) in indexed:
                continue
            try:
                self.run(statement, write=True)
            except StoreError as exc:
                if "already indexed" not in str(exc):
                    raise
        constrained = {
            row["label"] for row in self.run("CALL db.constraints() YIELD type, label, entitytype, status "
                                             "RETURN type, label, entitytype, status")
            if row["type"] == "UNIQUE" and row["entitytype"] == "NODE" and row["status"] != "FAILED"
        }  # fmt: skip
        for label in NODE_LABELS:
            if label in constrained:
                continue
            command = (
                "GRAPH.CONSTRAINT",
                "CREATE",
                self.graph_name,
                "UNIQUE",
                "NODE",
                label,
                "PROPERTIES",
                1,
                "id",
            )
            try:
                self._call(lambda c=command: self._db.connection.execute_command(*c))
            except StoreError as exc:
                if "already exists" not in str(exc):
                    raise
        self._schema_ready = True

    def loaded_documents(self) -> dict[str, str]:
        rows = self.run("MATCH (d:Document) WHERE d.loaded = true RETURN d.id AS id, d.path AS path")
        return {row["id"]: row["path"] or "" for row in rows}

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(redis.RedisError, OSError, AttributeError):
            self._db.connection.close()

    def __enter__(self) -> FalkorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_OPEN: weakref.WeakSet[EmbeddedFalkorStore] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """A process that forgot to close its embedded store still gives its lease back."""
    for store in list(_OPEN):
        with contextlib.suppress(Exception):  # at exit, nothing more can be done
            store.close()


class EmbeddedFalkorStore(FalkorStore):
    """The embedded server of a store folder (started and stopped by civicgraph; see
    graph/embedded.py). Opening takes a lease on the server; `close()` gives it back, and the
    last process out stops the server."""

    backend = "embedded"

    def __init__(
        self,
        folder: str | None = None,
        *,
        graph: str = DEFAULT_GRAPH,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        **server_options: Any,
    ) -> None:
        self.server = EmbeddedServer(folder, graph=graph, timeout_ms=timeout_ms, **server_options)
        self.server.acquire()
        try:
            super().__init__(graph=graph, timeout_ms=timeout_ms, unix_socket_path=str(self.server.socket),
                             location=str(self.server.folder))  # fmt: skip
        except BaseException:
            self.server.release()
            raise
        _OPEN.add(self)

    @property
    def notices(self) -> list[str]:
        """What the server lifecycle reported (stale files cleaned, restarts, a cut AOF tail)."""
        return self.server.notices

    def _before_statement(self) -> None:
        if not self.server.running():
            self._recover()

    def _recover(self) -> str | None:
        """Restart a dead server and drop the connections that led to the old one."""
        restarted = self.server.recover()  # None: it runs (another process may have restarted it)
        with contextlib.suppress(redis.RedisError, OSError, AttributeError):
            self._db.connection.connection_pool.disconnect()
        return restarted

    def _connection_lost(self, exc: Exception, *, sent: bool) -> bool:
        restarted = self._recover()
        if not sent:
            return True  # the statement never reached the server: send it (once) now
        if restarted is None:
            raise StoreError(
                f"lost the connection to the embedded server in {self.location}: {exc}"
            ) from None
        raise StoreError(
            f"{restarted}; the statement that was running is not retried (it may have been the cause)"
        )

    def close(self) -> None:
        if self._closed:
            return
        super().close()
        _OPEN.discard(self)
        self.server.release()
