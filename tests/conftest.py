"""Shared fixtures: real stores, torn down after each test.

- `embedded_store`: the embedded FalkorDB server in the test's own tmp folder (never the default
  store folder); closing it stops the server, and teardown checks nothing is left running.
- `stores`: the same tests on every backend that is available: the embedded store always, and
  Neo4j 5 through testcontainers when a Docker engine answers (skipped, with the reason shown by
  `pytest -ra`, when none does).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import pid_alive, stop_server
from graph.falkor import EmbeddedFalkorStore
from graph.store import Store

NEO4J_IMAGE = os.environ.get("CIVICGRAPH_NEO4J_IMAGE", "neo4j:5.26-community")


@pytest.fixture
def store_folder(tmp_path: Path) -> Iterator[Path]:
    """A store folder of the test's own; any server still running there is stopped after it."""
    folder = tmp_path / "store"
    yield folder
    if folder.exists():
        status = stop_server(folder)
        pid = status.get("pid")
        assert not (pid and pid_alive(pid)), f"redis-server {pid} still running after the test"


@pytest.fixture
def embedded_store(store_folder: Path) -> Iterator[EmbeddedFalkorStore]:
    store = EmbeddedFalkorStore(str(store_folder), timeout_ms=20_000, memory_mb=2048)
    try:
        yield store
    finally:
        pid = store.server.pid
        store.close()
        assert not (pid and pid_alive(pid)), "closing the last user must stop the embedded server"


def _docker_problem() -> str | None:
    """Why Neo4j cannot run here, or None."""
    try:
        import docker
    except ImportError:
        return "the docker package is not installed (pip install 'testcontainers[neo4j]')"
    try:
        client = docker.from_env(timeout=5)
        client.ping()
        client.close()
    except Exception as exc:  # noqa: BLE001 - any failure means no engine
        return f"no Docker engine answers ({type(exc).__name__}: {str(exc)[:120]})"
    return None


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[dict[str, str]]:
    """A Neo4j 5 container for the whole session, or a skip saying why there is none."""
    problem = _docker_problem()
    if problem:
        pytest.skip(f"Neo4j backend not tested: {problem}")
    try:
        from testcontainers.community.neo4j import Neo4jContainer
    except ImportError:  # older testcontainers
        from testcontainers.neo4j import Neo4jContainer

    password = uuid.uuid4().hex
    with Neo4jContainer(NEO4J_IMAGE, password=password) as container:
        yield {"uri": container.get_connection_url(), "password": password}


@pytest.fixture(params=["embedded", "neo4j"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each contract test once per backend."""
    if request.param == "embedded":
        store = request.getfixturevalue("embedded_store")
        yield store
        return
    server = request.getfixturevalue("neo4j_server")
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(server["uri"], password=server["password"], timeout_ms=20_000)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    try:
        yield store
    finally:
        store.run("MATCH (n) DETACH DELETE n", write=True)
        store.close()
