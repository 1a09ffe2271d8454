"""The civicgraph command as a user meets it: load, extract, stats, cypher, dump and restore."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "london"
runner = CliRunner()


@pytest.fixture()
def store_uri(tmp_path):
    """An empty store that exists (reads refuse a store that does not)."""
    uri = f"embedded:{tmp_path / 'store'}"
    open_store(uri).close()
    return uri


def cg(store_uri, *args):
    return runner.invoke(app, ["--help"] if not args else list(args), env={"CIVICGRAPH_STORE": store_uri})


def rows_of(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_help_and_version():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "load" in result.output and "Examples" in result.output
    assert runner.invoke(app, ["--version"]).output.startswith("civicgraph")


def test_extract_prints_the_fact_export_without_a_store():
    result = runner.invoke(app, ["extract", str(EXAMPLES / "004_ad05e4fc8a4fd73b.txt")])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert facts, "a Mayor's letter answering a motion yields facts"
    text = (EXAMPLES / "004_ad05e4fc8a4fd73b.txt").read_text(encoding="utf-8")
    for fact in facts:
        assert set(fact) == {
            "subject",
            "predicate",
            "object",
            "date",
            "amount_gbp",
            "about",
            "text",
            "evidence",
        }
        for ev in fact["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]
    assert any(f["predicate"] == "ASKED" and f["date"] == "2024-09-05" for f in facts)


def test_load_reports_bad_files_and_loads_the_rest(store_uri, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(EXAMPLES / "004_ad05e4fc8a4fd73b.txt", folder)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    result = cg(store_uri, "load", str(folder), "--format", "json")
    assert result.exit_code == 1, "some documents failed"
    summary = json.loads(result.stdout)
    assert summary["loaded"] == 1
    failed = {Path(f["path"]).name for f in summary["failed"]}
    assert failed == {"empty.txt", "binary.txt"}
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr

    again = cg(store_uri, "load", str(folder / "004_ad05e4fc8a4fd73b.txt"), "--format", "json")
    assert again.exit_code == 0
    assert json.loads(again.stdout)["unchanged"] == 1


def test_load_of_a_missing_path_fails_with_its_name(store_uri, tmp_path):
    result = cg(store_uri, "load", str(tmp_path / "nowhere"), "--format", "json")
    assert result.exit_code == 1
    assert "nowhere" in result.stderr


def test_stats_count_what_a_load_wrote(store_uri):
    assert cg(store_uri, "load", str(EXAMPLES), "--format", "json").exit_code == 0
    stats = rows_of(cg(store_uri, "stats", "--format", "json"))
    assert stats["backend"] == "embedded"
    assert stats["nodes"]["Document"] == 5
    assert stats["relationships"]["ASKED"] >= 4
    first = cg(store_uri, "stats", "--fingerprint").stdout.strip()
    assert cg(store_uri, "load", str(EXAMPLES)).exit_code == 0
    assert cg(store_uri, "stats", "--fingerprint").stdout.strip() == first, "loading again changes nothing"


def test_cypher_is_read_only_unless_asked(store_uri):
    refused = cg(store_uri, "cypher", "CREATE (:Person {id: 'x', name: 'X'})")
    assert refused.exit_code == 1
    assert "--write" in refused.stderr
    assert cg(store_uri, "cypher", "CREATE (:Person {id: 'x', name: 'X'})", "--write").exit_code == 0
    rows = rows_of(cg(store_uri, "cypher", "MATCH (p:Person) RETURN p.name AS name", "--format", "json"))
    assert rows == [{"name": "X"}]


def test_cypher_parameters_are_values_not_code(store_uri):
    payload = "x'}) DETACH DELETE n //"
    cg(store_uri, "cypher", "CREATE (:Person {id: 'x', name: 'X'})", "--write")
    result = cg(
        store_uri,
        "cypher",
        "MATCH (p:Person) WHERE p.name = $name RETURN p.name AS name",
        "-p",
        f"name={payload}",
        "--format",
        "json",
    )
    assert rows_of(result) == []
    assert rows_of(cg(store_uri, "cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json")) == [
        {"n": 1}
    ]


def test_cypher_row_limit_can_be_lifted(store_uri):
    limited = cg(
        store_uri, "cypher", "UNWIND range(1, 30) AS x RETURN x", "--limit", "10", "--format", "json"
    )
    assert len(rows_of(limited)) == 10
    assert "first 10 of 30" in limited.stderr
    full = cg(
        store_uri,
        "cypher",
        "UNWIND range(1, 30) AS x RETURN x",
        "--limit",
        "10",
        "--no-limit",
        "--format",
        "json",
    )
    assert len(rows_of(full)) == 30


def test_dump_and_restore_reproduce_the_graph(store_uri, tmp_path):
    assert cg(store_uri, "load", str(EXAMPLES)).exit_code == 0
    original = cg(store_uri, "stats", "--fingerprint").stdout.strip()
    backup = tmp_path / "backup.jsonl"
    assert cg(store_uri, "dump", str(backup)).exit_code == 0
    assert cg(store_uri, "dump", str(backup)).exit_code == 2, "an existing file is not overwritten"
    fresh = f"embedded:{tmp_path / 'fresh'}"
    assert cg(fresh, "restore", str(backup)).exit_code == 0
    assert cg(fresh, "stats", "--fingerprint").stdout.strip() == original


def test_restore_refuses_a_file_that_is_not_a_dump(store_uri, tmp_path):
    bogus = tmp_path / "bogus.jsonl"
    bogus.write_text('{"hello": 1}\n')
    result = cg(store_uri, "restore", str(bogus))
    assert result.exit_code == 1
    assert "not a civicgraph dump" in result.stderr


def test_unknown_store_uri_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["stats"], env={"CIVICGRAPH_STORE": "mysql://admin:s3cret@db"})
    assert result.exit_code == 2, "a store URI that names nothing is a usage error"
    assert "unknown store" in result.stderr
    assert "s3cret" not in result.stderr, "passwords are never echoed"


def test_dump_into_a_missing_folder_is_a_usage_error(store_uri, tmp_path):
    result = cg(store_uri, "dump", str(tmp_path / "missing" / "x.jsonl"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_corrupt_append_only_file_is_reported_and_repaired(store_uri, tmp_path):
    assert cg(store_uri, "cypher", "CREATE (:Person {id: 'a', name: 'A'})", "--write").exit_code == 0
    incr = sorted((tmp_path / "store" / "appendonlydir").glob("*.incr.aof"))[-1]
    with incr.open("ab") as fh:
        fh.write(b"this is not a redis command\r\n")
    broken = cg(store_uri, "stats")
    assert broken.exit_code == 1
    assert "corrupt" in broken.stderr and "civicgraph server repair" in broken.stderr
    repaired = cg(store_uri, "server", "repair")
    assert repaired.exit_code == 0, repaired.output
    assert "backup" in repaired.stdout
    assert rows_of(cg(store_uri, "cypher", "MATCH (n) RETURN n.name AS name", "--format", "json")) == [
        {"name": "A"}
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
        "CALL dbms.components()",
        "CALL db.idx.fulltext.createNodeIndex('Person', 'name')",
        "USE system SHOW USERS",
        "LOAD /* sneaky */ CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ],
)
def test_read_only_cypher_refuses_procedures_and_file_access(store_uri, statement):
    result = cg(store_uri, "cypher", statement)
    assert result.exit_code == 1
    assert "read-only" in result.stderr


def test_read_only_cypher_still_allows_schema_procedures_and_subqueries(store_uri):
    assert cg(store_uri, "cypher", "CALL db.labels()", "--format", "json").exit_code == 0
    result = cg(store_uri, "cypher", "CALL { RETURN 1 AS x } RETURN x", "--format", "json")
    assert rows_of(result) == [{"x": 1}]


def test_store_can_be_given_before_the_command(tmp_path, monkeypatch):
    # monkeypatch restores the variable afterwards: the option sets it for the whole process
    monkeypatch.setenv("CIVICGRAPH_STORE", f"embedded:{tmp_path / 'other'}")
    uri = f"embedded:{tmp_path / 'early'}"
    open_store(uri).close()
    result = runner.invoke(app, ["--store", uri, "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["location"].endswith("early")


@pytest.mark.parametrize(
    "command",
    [
        ["ask", "funding"],
        ["stats"],
        ["cypher", "RETURN 1"],
        ["export", "json"],
        ["dump", "backup.jsonl"],
    ],
)
def test_reading_a_store_that_does_not_exist_is_a_usage_error_naming_it(tmp_path, monkeypatch, command):
    """A mistyped --store path must not answer "no results" from a new, empty store."""
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "some" / "typo" / "path"
    result = runner.invoke(app, ["--store", f"embedded:{typo}", *command])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"error: store {typo}: no such folder (load documents first: civicgraph load PATH, or check --store)"
    ]
    assert not typo.exists(), "nothing was created"
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    result = runner.invoke(app, ["--store", f"embedded:{empty_folder}", *command])
    assert result.exit_code == 2 and "no civicgraph store in it" in result.stderr


def test_writing_commands_create_the_store(tmp_path):
    fresh = tmp_path / "fresh"
    result = runner.invoke(
        app, ["--store", f"embedded:{fresh}", "load", str(EXAMPLES / "004_ad05e4fc8a4fd73b.txt")]
    )
    assert result.exit_code == 0, result.output
    assert cg(f"embedded:{fresh}", "stats", "--format", "json").exit_code == 0


def test_load_ends_with_a_summary_line(store_uri):
    result = cg(store_uri, "load", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.stderr.splitlines() if x.startswith("loaded ")]
    facts = sum(json.loads(result.stdout)["facts_by_type"].values())
    assert re.fullmatch(
        r"loaded 5 of 5 documents \(0 unchanged, 0 failed\), \d+ facts stored, in [\d.]+ s, [\d.]+ documents/s",
        line,
    ), line
    stored = int(re.search(r"(\d+) facts stored", line).group(1))
    assert 0 < stored <= facts, "facts that merge into one relationship are stored once"
    again = cg(store_uri, "load", str(EXAMPLES), "--format", "json")
    assert "loaded 0 of 5 documents (5 unchanged, 0 failed), 0 facts stored" in again.stderr


def test_load_shows_progress_on_a_terminal(store_uri, monkeypatch):
    """Files done of the total, facts, rate and time left: Rich draws them on a terminal."""
    import io

    from rich.console import Console

    from cli import progress

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=200)
    seen: list[str] = []
    real = progress.load_progress

    def recording(_console):
        bar = real(console)
        original = bar.update

        def update(task, **fields):
            original(task, **fields)
            t = bar.tasks[0]
            seen.append(f"{t.completed:.0f}/{t.total:.0f} {t.fields['facts']}")

        bar.update = update
        return bar

    monkeypatch.setattr("cli.app.load_progress", recording)
    monkeypatch.setattr("cli.app._at_terminal", lambda: True)
    result = cg(store_uri, "load", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [s.split()[0] for s in seen] == ["1/5", "2/5", "3/5", "4/5", "5/5"]
    assert "files," in screen.getvalue() and "left" in screen.getvalue()


def test_usage_errors_are_one_line_and_help_lists_the_store_variable_once():
    result = runner.invoke(app, ["stats", "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: civicgraph stats: Invalid value for '--format': Value error, "
        "'xml' is not one of 'table', 'json', 'csv', 'markdown'."
    ]
    unknown = runner.invoke(app, ["stat"])
    assert unknown.exit_code == 2 and len(unknown.stderr.strip().splitlines()) == 1
    assert "No such command 'stat'. Did you mean 'stats'?" in unknown.stderr
    for command in (["ask", "--help"], ["stats", "--help"], ["export", "--help"]):
        text = runner.invoke(app, command).stdout
        assert text.count("CIVICGRAPH_STORE") == 1, command
    assert "DESIGN.md" not in runner.invoke(app, ["extract", "--help"]).stdout


# --- the README's commands, as a reader runs them --------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHELLS = {"sh", "bash", "shell", "console"}
NEEDS_NEO4J = re.compile(r"docker|bolt://|neo4j(?:\+s)?://|NEO4J_|\.env\b")


def readme_commands() -> list[tuple[int, str]]:
    """Every command line of the README's fenced shell blocks, with its line number."""
    commands, language = [], None
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            language = line[3:].strip() if language is None else None
            continue
        if language in SHELLS and line.strip() and not line.lstrip().startswith("#"):
            commands.append((number, line.strip()))
    return commands


def skip_reason(command: str) -> str | None:
    code = command.split("  #")[0]
    if NEEDS_NEO4J.search(code):
        return "needs Neo4j, which runs in Docker; no Docker engine on the machines this suite runs on"
    if code.split() == ["make", "test"]:
        return "the test suite itself"
    return None


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory) -> dict[int, subprocess.CompletedProcess]:
    """The README's commands in order, in a fresh folder and a fresh store, as on a new clone:
    `make` in the clone, the rest in a working folder where examples/ is the clone's."""
    work = tmp_path_factory.mktemp("reader")
    (work / "examples").symlink_to(ROOT / "examples")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CIVICGRAPH_", "MAKE"))}
    env |= {
        "CIVICGRAPH_HOME": str(tmp_path_factory.mktemp("home")),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    }
    done: dict[int, subprocess.CompletedProcess] = {}

    def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )

    try:
        for number, command in readme_commands():
            if skip_reason(command) is None:
                done[number] = run(command, ROOT if command.startswith("make ") else work)
    finally:
        run("civicgraph server stop", work)
    return done


@pytest.mark.parametrize(
    ("line", "command"), readme_commands(), ids=[f"README:{n}" for n, _ in readme_commands()]
)
def test_every_readme_command_runs_as_written(readme_run, line, command):
    reason = skip_reason(command)
    if reason:
        pytest.skip(f"{command!r}: {reason}")
    result = readme_run[line]
    assert result.returncode == 0, f"README line {line}: {command}\n{result.stderr[-2000:]}"


def test_the_readme_shows_the_two_first_commands_and_cites_no_file_outside_the_repository():
    commands = [c.split("#")[0].strip() for _, c in readme_commands()]
    assert commands[:2] == ["make demo", "make test"]
    cited = [p for p in ROOT.glob("**/*") if p.suffix in {".py", ".md", ".toml"} and ".venv" not in p.parts]
    for path in cited:
        if path.name == "test_cli.py":
            continue
        assert "DESIGN.md" not in path.read_text(encoding="utf-8", errors="replace"), path
