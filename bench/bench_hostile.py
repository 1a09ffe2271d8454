"""The bounds of issue 12, measured: what hostile queries and pages cost, and what the guards cost.

    python bench/bench_hostile.py            # every part (about 2 minutes on 2 cores)
    python bench/bench_hostile.py --part nesting

Parts:
- nesting: FalkorDB's parse time for each kind of nesting at depths up to the limit and beyond it
  (sent straight to the server, past civicgraph's check), against civicgraph's check of the same
  statement; deeper statements are not sent (24 levels held a thread for 82 s).
- check: the token check of every canned question (uncached) and of a statement at the size limit,
  against the regular-expression check it replaced.
- watchdog: `civicgraph cypher` with a statement FalkorDB does not stop (a string doubled in
  reduce()): wall time to the error, the server's peak memory, the server answering afterwards.
- html: `civicgraph load` of a 25 MB page of 10^6 tags (refused), and `civicgraph extract` of pages
  at and under the tag limit: wall time and peak memory of the process (wait4).
- verify: `stats --verify` on a generated corpus against the load itself.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import crashkit as ck  # noqa: E402
import redis  # noqa: E402

from graph.cypher_check import MAX_NESTING, MAX_STATEMENT_CHARS, check_statement  # noqa: E402
from graph.falkor import EmbeddedFalkorStore  # noqa: E402
from queries.catalog import load_catalog  # noqa: E402

NESTED = {
    "parentheses": lambda n: "RETURN " + "(" * n + "1" + ")" * n,
    "lists": lambda n: "RETURN " + "[" * n + "1" + "]" * n,
    "unary minus": lambda n: "RETURN " + "-" * n + "1",
    "NOT": lambda n: "RETURN " + "NOT " * n + "true",
    "functions": lambda n: "RETURN " + "abs(" * n + "1" + ")" * n,
    "list comprehensions": lambda n: "RETURN " + "[x IN " * n + "[1]" + " | x]" * n,
}


def nesting(folder: Path) -> None:
    print(f"## FalkorDB parse time by nesting depth (civicgraph refuses above {MAX_NESTING})")
    print("| kind | " + " | ".join(f"depth {d}" for d in (8, 10, 12, 14, 16)) + " |")
    print("|---|" + "---:|" * 5)
    with EmbeddedFalkorStore(str(folder), timeout_ms=10_000) as store:
        client = redis.Redis(unix_socket_path=str(store.server.socket), socket_timeout=30)
        for kind, make in NESTED.items():
            cells = []
            for depth in (8, 10, 12, 14, 16):
                times = []
                for run in range(3):  # a new text each time: FalkorDB caches parsed statements
                    statement = f"{make(depth)} AS x{depth}_{run}_{time.monotonic_ns()}"
                    began = time.perf_counter()
                    client.execute_command("GRAPH.RO_QUERY", "civicgraph", statement, "timeout", 10_000)
                    times.append(time.perf_counter() - began)
                cells.append(f"{statistics.median(times) * 1000:.1f} ms")
            print(f"| {kind} | " + " | ".join(cells) + " |")
        client.close()
    deep = NESTED["parentheses"](24)
    began = time.perf_counter()
    for _ in range(1000):
        _refused(deep)
    print(f"\ncivicgraph's check refuses the 24-deep statement in {(time.perf_counter() - began):.3f} ms per statement "
          "(1000 runs; it is never sent)")  # fmt: skip


def _refused(statement: str) -> None:
    try:
        check_statement.__wrapped__(statement, write=False)
    except Exception:  # noqa: BLE001 - refused is the point
        return
    raise AssertionError("not refused")


_OLD_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_OLD_PROCEDURE = re.compile(r"\bCALL\s+(?!\{)`?([A-Za-z_][\w.]*)", re.IGNORECASE)


def _old_check(cypher: str) -> list[str]:
    """The regular-expression check this issue replaced (it missed comment markers in strings)."""
    return _OLD_PROCEDURE.findall(_OLD_COMMENTS.sub(" ", cypher))


def check() -> None:
    print("## Cost of the statement check (uncached), against the regular expressions it replaced")
    questions = list(load_catalog().values())
    big = "RETURN " + " + ".join(["'abcdefgh'"] * ((MAX_STATEMENT_CHARS - 20) // 13)) + " AS s"
    for name, statements in (
        ("13 canned questions", [q.cypher for q in questions]),
        ("one 64 KB statement", [big]),
    ):
        rounds = 50
        began = time.perf_counter()
        for _ in range(rounds):
            for cypher in statements:
                check_statement.__wrapped__(cypher, write=False)
        tokens = (time.perf_counter() - began) / rounds
        began = time.perf_counter()
        for _ in range(rounds):
            for cypher in statements:
                _old_check(cypher)
        regex = (time.perf_counter() - began) / rounds
        print(f"- {name} ({sum(map(len, statements)):,} characters): token check {tokens * 1000:.2f} ms, "
              f"regular expressions {regex * 1000:.2f} ms (ratio {tokens / regex:.1f}); cached after the first call")  # fmt: skip


def watchdog(folder: Path) -> None:
    print("## The watchdog: a statement FalkorDB does not stop")
    doubling = "RETURN size(reduce(s = '', x IN range(1, 30) | s + s + 'aaaa')) AS n"
    with EmbeddedFalkorStore(str(folder), timeout_ms=30_000) as keeper:
        before = keeper.server.pid
        for timeout in ("5", None):
            args = ["cypher", doubling] + (["--timeout", timeout] if timeout else [])
            code, _, stderr, seconds, _ = ck.run_measured(folder, *args)
            print(f"- `civicgraph cypher \"{doubling}\"{' --timeout ' + timeout if timeout else ''}`: exit {code} "
                  f"after {seconds:.1f} s: {stderr.strip()[:160]}")  # fmt: skip
        after = keeper.run("RETURN 1 AS ok")
        print(
            f"- the other user's store answers afterwards: {after}; server pid {before} -> {keeper.server.pid}"
        )


def html(folder: Path, work: Path) -> None:
    print("## HTML: the tag limit")
    page = work / "tags.html"
    page.write_text("<html><body>" + "<p>The Mayor said yes.</p>" * 1_000_000 + "</body></html>")
    code, _, stderr, seconds, peak = ck.run_measured(folder, "load", str(page))
    print(f"- `civicgraph load` of {page.stat().st_size / 1e6:.1f} MB, 10^6 tags: exit {code} in {seconds:.2f} s, "
          f"peak {peak:.0f} MB ({stderr.strip().splitlines()[-1][:120]})")  # fmt: skip
    for tags in (10_000, 25_000, 49_000):
        body = "".join(
            f"<p>Paragraph {i} of the Mayor of London's report on funding for the Met.</p>"
            for i in range(tags)
        )
        page = work / f"p{tags}.html"
        page.write_text(f"<html><head><title>t</title></head><body><article>{body}</article></body></html>")
        code, _, _, seconds, peak = ck.run_measured(folder, "extract", str(page))
        print(f"- `civicgraph extract` of a {page.stat().st_size / 1e6:.1f} MB page of {tags:,} paragraphs: exit {code} "
              f"in {seconds:.1f} s, peak {peak:.0f} MB")  # fmt: skip


def verify(folder: Path, work: Path) -> None:
    print("## The store check against a load")
    corpus = work / "corpus"
    corpus.mkdir()
    ck.write_corpus(corpus, 300, seed=12)
    code, _, _, load_s, load_mb = ck.run_measured(folder, "load", str(corpus), "--format", "json")
    code2, out, _, verify_s, verify_mb = ck.run_measured(folder, "stats", "--verify", "--format", "json")
    print(f"- 300 generated documents: `load` {load_s:.1f} s ({load_mb:.0f} MB), `stats --verify` {verify_s:.1f} s "
          f"({verify_mb:.0f} MB), exit {code}/{code2}; ratio {verify_s / load_s:.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["nesting", "check", "watchdog", "html", "verify"], action="append")
    parts = parser.parse_args().part or ["nesting", "check", "watchdog", "html", "verify"]
    with tempfile.TemporaryDirectory(prefix="civicgraph-hostile-") as tmp:
        work = Path(tmp)
        for part in parts:
            folder = work / f"store-{part}"
            if part == "check":
                check()
            elif part in ("nesting", "watchdog"):
                (nesting if part == "nesting" else watchdog)(folder)
            else:
                (html if part == "html" else verify)(folder, work)
            print()


if __name__ == "__main__":
    main()
