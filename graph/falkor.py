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
import json
import logging
import os
import re
import threading
import time
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
from falkordb.query_result import parse_scalar
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.collector import paused
from graph.embedded import QUERY_MEMORY_MB, WRITE_TIMEOUT_MS, EmbeddedServer, rss_mb
from graph.facts import Batch
from graph.schema import (
    FALKORDB_UNINDEXED,
    NODE_INDEXES,
    NODE_LABELS,
    REL_INDEXES,
    REL_TYPES,
    check_label,
    check_property,
    check_rel_type,
)
from graph.store import (
    DEFAULT_GRAPH,
    DEFAULT_TIMEOUT_MS,
    QueryTimeout,
    ReadOnlyError,
    StoreError,
    StoreURIError,
    redact,
)
from graph.upsert import (
    DERIVE_ABOUT_KEYS,
    DERIVE_FIRST_DOCUMENTS,
    DERIVE_MONTHS,
    Rows,
    batch_rows,
    plan_upsert,
    statement_params,
)

log = logging.getLogger("civicgraph.store")
T = TypeVar("T")

_READ_ONLY_REFUSAL = "is to be executed only on read-only queries"
# How long past its time limit a statement may run before the watchdog stops it.
GRACE_S = 1.0
WATCH_INTERVAL_S = 0.1
# Growth of the server's memory during one statement past which the watchdog stops it: twice the
# per-query cap FalkorDB enforces itself (QUERY_MEMORY_MB), for memory that cap does not count.
RUNAWAY_GROWTH_MB = 2 * QUERY_MEMORY_MB


_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A FalkorDB result value as plain Python (the shapes graph/store.py describes)."""
    if type(value) in _SCALARS:  # most values: answered first (a large page is many of them)
        return value
    if isinstance(value, dict):
        return {str(k): v if type(v) in _SCALARS else plain(v) for k, v in value.items()}
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


# falkordb's compact result-set types (falkordb.query_result.ResultSetScalarTypes) that `decode`
# reads itself; every other type (nodes, edges, paths, points, dates ...) goes through the client.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
_AS_SENT = (_STRING, _INTEGER)  # values the reply holds as they are


def decode(cell: list[Any], graph: Any) -> Any:
    """A compact result-set cell ([type, value]) as plain Python: what plain(parse_scalar(cell))
    gives. The client's parser dispatches every value through two generic calls and builds an
    OrderedDict for each map; reading the common types here made the fingerprint's pages (four
    million values at 10,000 documents) about three times faster (BENCHMARKS.md)."""
    kind, value = cell[0], cell[1]
    if kind in _AS_SENT:
        return value
    if kind == _NULL:
        return None
    if kind == _MAP:  # strings and integers read in line: most values are
        out = {}
        for i in range(0, len(value), 2):
            item = value[i + 1]
            out[str(value[i])] = item[1] if item[0] in _AS_SENT else decode(item, graph)
        return out
    if kind == _ARRAY:
        return [item[1] if item[0] in _AS_SENT else decode(item, graph) for item in value]
    if kind == _DOUBLE:
        return float(value)
    if kind == _BOOLEAN:
        return value == "true"
    return plain(parse_scalar(cell, graph))


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


class _Watchdog(threading.Thread):
    """Watches one statement from a thread of its own: when the server has not answered GRACE_S
    after the statement's time limit (FalkorDB checks its timeout between records, not inside its
    parser or one long expression), or the server's memory grew by more than RUNAWAY_GROWTH_MB
    while it ran (memory FalkorDB's per-query cap does not count, such as a string doubled in a
    reduce()), it calls `store._overdue`, which stops the statement the only way there is."""

    def __init__(self, store: FalkorStore, timeout_ms: int) -> None:
        super().__init__(daemon=True, name="civicgraph-watchdog")
        self.store = store
        self.deadline = time.monotonic() + timeout_ms / 1000 + GRACE_S
        self.done = threading.Event()
        self.start()

    def run(self) -> None:
        baseline = self.store._server_memory_mb()
        while not self.done.wait(WATCH_INTERVAL_S):
            if time.monotonic() > self.deadline:
                self.store._overdue("it ran past its time limit{limit} and the server did not stop it")
                return
            now = self.store._server_memory_mb()
            if baseline is not None and now is not None and now - baseline > RUNAWAY_GROWTH_MB:
                self.store._overdue(
                    f"the server's memory grew by {now - baseline:,.0f} MB while it ran "
                    f"(limit {RUNAWAY_GROWTH_MB:,} MB)"
                )
                return

    def finish(self) -> None:
        self.done.set()
        self.join()


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
        self._unix_socket_path = unix_socket_path if password is None else None
        self.location = location or (unix_socket_path or f"{host}:{port}")
        self._timeout_max: int | None = None
        self._overdue_note: str | None = None  # set by the watchdog thread
        self._sent_at = 0.0
        self._retry_safe = False  # the statement being sent may run twice (reads, upserts)
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

    def reconnect_args(self) -> dict[str, Any] | None:
        """What another process needs to reach the same graph (`FalkorStore(**args)`): the unix
        socket, the graph and the time limit; None for a server reached over TCP or with a
        password (nothing secret is handed on)."""
        if self._unix_socket_path is None:
            return None
        return {
            "unix_socket_path": self._unix_socket_path,
            "graph": self.graph_name,
            "timeout_ms": self.timeout_ms,
        }

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
        """Run `fn` against the server, turning its failures into StoreError and friends.

        A statement with a time limit is watched: if the server has not answered GRACE_S after
        the limit (its own timeout did not stop it: FalkorDB checks it between records, not
        inside its parser or one long expression), `_runaway` stops it."""
        if self._closed:
            raise StoreError(f"the store at {self.location} is closed")
        self._before_statement()
        for attempt in range(3):
            self._sent_at = time.time()
            watchdog = _Watchdog(self, timeout_ms) if timeout_ms else None
            try:
                result = fn()
                if watchdog is not None:
                    watchdog.finish()
                    self._overdue_note = None  # it fired as the answer came: nothing was lost
                return result
            except SchemaVersionMismatchException:
                continue  # the client refreshed its view of labels and property names
            except (redis.TimeoutError, redis.ConnectionError) as exc:
                if watchdog is not None:
                    watchdog.finish()
                if self._overdue_note is not None:
                    raise self._runaway_error(timeout_ms) from None
                if isinstance(exc, redis.TimeoutError):
                    raise StoreError(f"FalkorDB at {self.location} did not answer in time: {exc}") from None
                sent = sent_hint and "connecting to" not in str(exc)
                if attempt == 0 and self._connection_lost(exc, sent=sent):
                    continue
                raise StoreError(f"lost the connection to FalkorDB at {self.location}: {exc}") from None
            except redis.ResponseError as exc:
                raise self._translate(exc, timeout_ms) from None
            finally:
                if watchdog is not None:
                    watchdog.finish()
        raise StoreError(f"FalkorDB at {self.location}: the graph schema kept changing during the statement")

    def _overdue(self, why: str) -> None:
        """Called by the watchdog thread: the statement outlived its limit, or grew too big."""
        self._overdue_note = f"{why}; {self._runaway()}"

    def _server_memory_mb(self) -> float | None:
        """The server's resident memory, where it can be read (the embedded server's)."""
        return None

    def _runaway(self) -> str:
        """Stop waiting for a statement past its limit; returns what was done. An external server
        cannot be stopped from here: the connection is dropped (the server may still run it)."""
        with contextlib.suppress(redis.RedisError, OSError, AttributeError):
            self._db.connection.connection_pool.disconnect()
        return "the connection was closed; the server may still be running it"

    def _runaway_error(self, timeout_ms: int | None) -> QueryTimeout:
        note, self._overdue_note = self._overdue_note, None
        limit = f" ({timeout_ms / 1000:g} s)" if timeout_ms else ""
        return QueryTimeout(
            f"the statement was stopped ({note.replace('{limit}', limit)}); "
            "narrow it (LIMIT, a more selective MATCH, smaller values)"
        )

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
        self._retry_safe = not write
        if not write:
            columns, rows = self._call(lambda: self._read(cypher, values, timeout), timeout_ms=timeout)
            return [dict(zip(columns, row, strict=False)) for row in rows]
        result = self._call(lambda: self._graph.query(cypher, values, timeout=timeout), timeout_ms=timeout)
        columns = [h[1] if isinstance(h, list | tuple) else h for h in result.header]
        return [{str(c): plain(v) for c, v in zip(columns, row, strict=False)} for row in result.result_set]

    def read_cells(
        self, cypher: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> tuple[list[str], list[list[Any]]]:
        """A read-only statement as `run` sends it (same checks, time limit and watchdog), its rows
        left as the compact result set's cells, [type, value] (see `decode`): for readers of whole
        graphs (graph/fingerprint.py) that turn the common cells into their output directly,
        without a dict per row and a value per cell first. `decode(cell, store.graph_for_cells)`
        reads any cell as `run` would."""
        values = statement_params(cypher, params, write=False)
        _check_param_names(values)
        timeout = self._timeout(timeout_ms)
        self._retry_safe = True
        return self._call(lambda: self._read(cypher, values, timeout, raw=True), timeout_ms=timeout)

    @property
    def graph_for_cells(self) -> Any:
        """What `decode` needs to read a cell of `read_cells` (the client's graph: its schema)."""
        return self._graph

    def _read(
        self, cypher: str, values: dict[str, Any], timeout: int, *, raw: bool = False
    ) -> tuple[list[str], list[list[Any]]]:
        """GRAPH.RO_QUERY as the client's `ro_query` sends it (compact result set, time limit),
        its cells read by `decode` (or left as they came, `raw`): the column names and the rows."""
        graph = self._graph
        query = graph._build_params_header(values) + cypher  # the client's own parameter header
        with paused():
            response = graph.execute_command(
                "GRAPH.RO_QUERY", graph.name, query, "--compact", "timeout", timeout
            )
            return self._rows(response, raw=raw)

    def _rows(self, response: list[Any], *, raw: bool = False) -> tuple[list[str], list[list[Any]]]:
        graph = self._graph
        if isinstance(response[0], redis.ResponseError):  # what falkordb's QueryResult checks
            if str(response[0]) == "version mismatch":
                graph.schema.refresh(response[1])
                raise SchemaVersionMismatchException(response[1])
            raise response[0]
        if isinstance(response[-1], redis.ResponseError):
            raise response[-1]
        if len(response) == 1:  # statistics only
            return [], []
        columns = [str(h[1] if isinstance(h, list | tuple) else h) for h in response[0]]
        if raw:
            return columns, response[1]
        return columns, [
            [cell[1] if cell[0] in _AS_SENT else decode(cell, graph) for cell in row] for row in response[1]
        ]

    def upsert(self, batch: Batch | Rows, replaces: list[str] = ()) -> None:  # type: ignore[assignment]
        """Write the batch as one atomic statement (see graph/upsert.py for the merge rules)."""
        statement = plan_upsert(
            batch, replaces, loaded_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        )
        if not self._schema_ready:
            self.ensure_schema()
        timeout = self._timeout(max(self.timeout_ms, WRITE_TIMEOUT_MS))
        self._retry_safe = True
        self._call(
            lambda: self._graph.query(statement.cypher, statement.params, timeout=timeout), timeout_ms=timeout
        )

    def ensure_schema(self) -> None:
        """The exact-match node indexes of graph/schema.py's NODE_INDEXES (`id` on every label, the
        name search keys, evidence by fact and document), its REL_INDEXES (`key` on every
        relationship type, the ask-reply threads) but for FALKORDB_UNINDEXED (dropped from a store
        written before), every relationship type of REL_TYPES known to the graph
        (_register_rel_types), and a unique constraint on every label's `id` (GRAPH.CONSTRAINT).
        Idempotent."""
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
            (
                "RELATIONSHIP",
                t,
                prop,
                f"CREATE INDEX FOR ()-[r:{check_rel_type(t)}]-() ON (r.{check_property(prop)})",
            )
            for t, prop in REL_INDEXES
            if (t, prop) not in FALKORDB_UNINDEXED
        ]
        for t, prop in FALKORDB_UNINDEXED:  # written by an earlier version: memory no statement uses
            if ("RELATIONSHIP", t, prop) in indexed:
                self.run(
                    f"DROP INDEX FOR ()-[r:{check_rel_type(t)}]-() ON (r.{check_property(prop)})", write=True
                )
        for entity, name, prop, statement in wanted:
            if (entity, name, prop) in indexed:
                continue
            try:
                self.run(statement, write=True)
            except StoreError as exc:
                if "already indexed" not in str(exc):
                    raise
        self._register_rel_types()
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
        self.run(DERIVE_ABOUT_KEYS, write=True)  # a store written before asks kept it
        for statement in DERIVE_FIRST_DOCUMENTS:  # ... or nodes their first documents
            self.run(statement, write=True)
        for statement in DERIVE_MONTHS:  # ... or the dated facts by month
            self.run(statement, write=True)
        self._schema_ready = True

    def _register_rel_types(self) -> None:
        """Make every relationship type of graph/schema.py REL_TYPES known to the graph before any
        write is planned. FalkorDB builds a statement's plan before the statement waits for its
        turn to write, and resolves each relationship type's name to its id then: a type the
        graph did not know yet stays unknown to that plan, which then matches no relationship of
        it. A MERGE of a mention planned while another `load`'s statement wrote the store's first
        mentions found none of them, and wrote every one again (test_reliability.py,
        test_two_loads_at_once_...). A type is known once it has an index (REL_INDEXES) or has
        had a relationship; a type without an index (FALKORDB_UNINDEXED: the mentions) gets one
        relationship, created and deleted in the same statement (a type, once known, stays known,
        after a restart too)."""
        known = {
            row["type"]
            for row in self.run(
                "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type"
            )
        }
        for rel_type in REL_TYPES:
            if rel_type not in known:
                self.run(f"CREATE (n)-[r:{check_rel_type(rel_type)}]->(n) DELETE r, n", write=True)

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

    def damage_suspected(self) -> str | None:
        """Why the store may hold damaged data (an unclean stop, files changed while stopped), or
        None; `load` and `stats --verify` then compare it with the journal (loaders/verify.py)."""
        return self.server.damage_suspected()

    def damage_checked(self) -> None:
        self.server.damage_checked()

    def journal_file(self) -> dict[str, str]:
        """{document id: path} of journal.jsonl: every document this store was told it holds
        (replaced ones left out), to be compared with the journal inside the store."""
        documents: dict[str, str] = {}
        with contextlib.suppress(OSError):
            for line in self.server.paths.journal.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError, AttributeError, KeyError):
                    entry = json.loads(line)
                    if entry.get("replaced"):
                        documents.pop(entry["id"], None)
                    else:
                        documents[entry["id"]] = entry.get("path") or ""
        return documents

    def upsert(self, batch: Batch | Rows, replaces: list[str] = ()) -> None:  # type: ignore[assignment]
        """The atomic upsert, then the documents it marked as loaded are added to journal.jsonl
        beside the store (id and path): what `server repair --rebuild` loads again when the store's
        own files are beyond repair."""
        rows = batch_rows(batch)
        super().upsert(rows, replaces)
        paths = rows.paths()
        lines = [json.dumps({"id": d, "path": paths.get(d)}, ensure_ascii=False) for d in rows.documents]
        lines += [json.dumps({"id": old, "replaced": True}) for old in replaces]
        if lines:
            fd = os.open(self.server.paths.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")

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
        if self._retry_safe and self.server.stopped_by_watchdog_since(self._sent_at):
            # another process's runaway statement was stopped while ours ran: ours was not the
            # cause, and it can run twice (a read, or an upsert, which is idempotent)
            return True
        if restarted is None:
            raise StoreError(
                f"lost the connection to the embedded server in {self.location}: {exc}"
            ) from None
        raise StoreError(
            f"{restarted}; the statement that was running is not retried (it may have been the cause)"
        )

    def _server_memory_mb(self) -> float | None:
        pid = self.server.pid
        return rss_mb(pid) if pid else None

    def _runaway(self) -> str:
        """Stop the server (it saves and exits; killed if it does not) and start it again: the
        only way to stop a statement FalkorDB does not interrupt. Other processes' statements cut
        by the stop are sent again (see _connection_lost)."""
        done = self.server.restart_runaway()
        with contextlib.suppress(redis.RedisError, OSError, AttributeError):
            self._db.connection.connection_pool.disconnect()
        return done

    def close(self) -> None:
        if self._closed:
            return
        super().close()
        _OPEN.discard(self)
        self.server.release()
