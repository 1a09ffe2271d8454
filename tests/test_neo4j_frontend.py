"""Every statement civicgraph gives Neo4j, checked by Neo4j's own Cypher front end.

No Neo4j server runs on these machines, but Neo4j publishes its parser and semantic analysis as
the npm package `@neo4j-cypher/language-support` (pinned in tests/neo4j_frontend/package.json,
installed by .ci/run with `npm ci`). This test feeds it:
- every canned question (queries/*.cypher, with its `// include:` fragments) as the Neo4j Browser
  runs it: what `civicgraph ask NAME --cypher` prints after its `:params` command;
- every statement the Neo4j backend sends while the CLI loads the examples, asks every question
  with its examples, prints stats and the fingerprint, dumps, restores and exports: recorded by a
  fake driver, which runs each read and write on an embedded FalkorDB so that every code path
  sees real rows (schema statements, Neo4j-only, are recorded and not run);
- the Cypher export: its statements and the schema its header suggests.
Any error, and any deprecation warning, fails the test with the statement and the message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph.neo4j_store as neo4j_store
from cli.app import app
from graph.cypher_check import parameters
from graph.falkor import EmbeddedFalkorStore
from graph.schema import neo4j_schema_statements
from queries.catalog import Question, load_catalog

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "tests" / "neo4j_frontend"
EXAMPLES = ROOT / "examples" / "london"
URI = "bolt://neo4j.invalid:7687"
runner = CliRunner()


def _frontend_problem() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (Debian: apt-get install nodejs)"
    if not (FRONTEND / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return "run `npm ci --prefix tests/neo4j_frontend` (.ci/run does) to install Neo4j's Cypher front end"
    return None


def lint(items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Diagnostics of Neo4j's front end for (name, statement) pairs; parameters are declared."""
    payload = [
        {
            "name": name,
            "cypher": cypher,
            "parameters": dict.fromkeys(parameters(cypher), ""),
        }
        for name, cypher in items
    ]
    done = subprocess.run(
        ["node", str(FRONTEND / "lint.cjs")], input=json.dumps(payload), capture_output=True, text=True,
        cwd=FRONTEND, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def problems(results: list[dict[str, Any]], statements: dict[str, str]) -> list[str]:
    found = []
    for result in results:
        for d in result["diagnostics"]:
            if d["severity"] == "error" or "deprecated" in d["message"].lower():
                line = statements[result["name"]].splitlines()[d["line"] - 1].strip()
                found.append(
                    f"{result['name']} line {d['line']}: {d['severity']}: {d['message']} | {line[:160]}"
                )
    return found


# --- a driver that records what the Neo4j backend sends --------------------------------------------------


class _Result(list):
    def consume(self) -> None:
        return None


class _ServerInfo:
    agent = "Neo4j/5.26.0"


class _Tx:
    def __init__(self, driver: RecordingDriver, write: bool) -> None:
        self.driver, self.write = driver, write

    def run(self, cypher: str, parameters: dict[str, Any] | None = None, **_: Any) -> _Result:
        self.driver.sent.append(cypher)
        return _Result(self.driver.backing.run(cypher, parameters or {}, write=self.write))


class _Session:
    def __init__(self, driver: RecordingDriver) -> None:
        self.driver = driver

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_read(self, work: Any) -> Any:
        return work(_Tx(self.driver, write=False))

    def execute_write(self, work: Any) -> Any:
        return work(_Tx(self.driver, write=True))

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> _Result:
        self.driver.sent.append(cypher)  # schema statements: Neo4j syntax, not run on FalkorDB
        return _Result()


class RecordingDriver:
    def __init__(self, backing: EmbeddedFalkorStore) -> None:
        self.backing = backing
        self.sent: list[str] = []

    def session(self, **_: Any) -> _Session:
        return _Session(self)

    def get_server_info(self) -> _ServerInfo:
        return _ServerInfo()

    def close(self) -> None:
        return None


def browser_statement(question: Question) -> str:
    """What `civicgraph ask NAME -p ... --cypher` prints for the question with its examples, less
    the first command (`:params {...}`, the Browser's own, not Cypher): the complete statement."""
    params = [x for k, v in question.example_params().items() for x in ("-p", f"{k}={v}")]
    result = runner.invoke(app, ["ask", question.name, *params, "--cypher"])
    assert result.exit_code == 0, result.output
    command, cypher = result.stdout.split("\n", 1)
    assert command.startswith(":params {"), command
    assert cypher.rstrip().endswith(question.cypher.rstrip()), "the catalogue's statement, as it is sent"
    return cypher


@pytest.fixture
def recorded(store_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The statements the Neo4j backend sends through a realistic session of the CLI."""
    with EmbeddedFalkorStore(str(store_folder), timeout_ms=60_000) as backing:
        driver = RecordingDriver(backing)
        monkeypatch.setattr(neo4j_store.GraphDatabase, "driver", lambda *a, **k: driver)
        monkeypatch.setenv("NEO4J_PASSWORD", "not-used")

        def cg(*args: str) -> None:
            result = runner.invoke(app, ["--store", URI, *args])
            assert result.exit_code == 0, (args, result.output)

        cg("load", str(EXAMPLES), "--format", "json")
        for question in load_catalog().values():
            params = [f"{k}={v}" for k, v in question.example_params().items()]
            cg("ask", question.name, *[x for p in params for x in ("-p", p)], "--format", "json")
        cg("stats", "--format", "json")
        cg("stats", "--fingerprint")
        dump = tmp_path / "graph.jsonl"
        cg("dump", str(dump))
        cg("restore", str(dump))
        for fmt, extra in [("json", []), ("graphml", []), ("cypher", []), ("json", ["--actor", "MOPAC"])]:
            cg("export", fmt, *extra, "--out", str(tmp_path / f"export-{fmt}-{len(extra)}"))
        yield driver.sent


def test_neo4j_front_end_accepts_every_statement_civicgraph_gives_neo4j(recorded, tmp_path):
    problem = _frontend_problem()
    if problem:
        pytest.skip(problem)
    statements: dict[str, str] = {}
    for question in load_catalog().values():
        statements[f"ask {question.name} --cypher"] = browser_statement(question)
    for index, cypher in enumerate(dict.fromkeys(recorded)):
        statements[f"sent #{index}"] = cypher
    script = (tmp_path / "export-cypher-0").read_text(encoding="utf-8")
    header = [line[2:].strip().rstrip(";") for line in script.splitlines() if line.startswith("//   ")]
    assert header == neo4j_schema_statements(), "the export suggests exactly the backend's schema"
    body = [line.rstrip(";") for line in script.splitlines() if line and not line.startswith("//")]
    assert body, "the export has statements"
    for index, cypher in enumerate(header + body[:200]):
        statements[f"export #{index}"] = cypher
    sent_kinds = {re.split(r"\s", c.strip(), maxsplit=1)[0].upper() for c in recorded}
    assert {"CREATE", "UNWIND", "MATCH"} <= sent_kinds, "schema, upserts and reads were all recorded"
    results = lint(list(statements.items()))
    assert len(results) == len(statements)
    found = problems(results, statements)
    print(
        f"\nNeo4j front end: {len(statements)} statements ({len(set(recorded))} sent by the backend), {len(found)} problems"
    )
    assert not found, "\n".join(found)


def test_the_front_end_check_fails_on_what_neo4j_refuses_or_deprecates():
    """The check itself can fail: a syntax error and the old CALL subquery form are caught."""
    problem = _frontend_problem()
    if problem:
        pytest.skip(problem)
    statements = {
        "typo": "MATCH (n) RETRUN n",
        "old subquery": "MATCH (n) CALL { WITH n RETURN n AS m } RETURN m",
        "fine": "MATCH (n:Person {id: $id}) RETURN n.name AS name",
    }
    found = problems(lint(list(statements.items())), statements)
    assert [f.split(" line")[0] for f in found] == ["typo", "old subquery"], found


def test_the_driver_takes_no_option_that_servers_before_neo4j_5_7_refuse(monkeypatch):
    """notifications_min_severity made every command fail on Neo4j 5.0-5.6 (no notification
    filtering in their Bolt version); the notices are silenced through logging instead."""
    made: list[dict[str, Any]] = []
    monkeypatch.setattr(
        neo4j_store.GraphDatabase, "driver", lambda *a, **k: made.append(k) or RecordingDriver(None)
    )
    neo4j_store.Neo4jStore(URI, password="x").close()
    assert made == [{"auth": ("neo4j", "x")}]
    import logging

    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("neo4j.notifications").handlers)


def test_a_server_older_than_neo4j_5_is_one_clear_error(monkeypatch):
    class Old(RecordingDriver):
        def get_server_info(self) -> _ServerInfo:
            info = _ServerInfo()
            info.agent = "Neo4j/4.4.30"
            return info

    monkeypatch.setattr(neo4j_store.GraphDatabase, "driver", lambda *a, **k: Old(None))
    store = neo4j_store.Neo4jStore(URI, password="x")
    with pytest.raises(neo4j_store.StoreError, match="runs Neo4j/4.4.30; civicgraph needs Neo4j 5 or later"):
        store.run("RETURN 1 AS x")
