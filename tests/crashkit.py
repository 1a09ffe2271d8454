"""Shared by tests/test_reliability.py and bench/crash.py: a generated corpus, the CLI as a
subprocess, kill points, and the checks that say a store is whole.

The corpus is written from small templates of the four genres civicgraph reads (a Mayor's letter
answering motions, a question-and-answer page, a press release, a news report), varying people,
bodies, amounts and dates with a seeded random generator; nothing is copied from the samples.
Bodies and people come from small pools, so many facts are found in several documents and their
relationships gather evidence from each: the order of loading matters to the store's work, and
must not matter to its content.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.embedded import pid_alive, server_status
from graph.falkor import EmbeddedFalkorStore
from graph.fingerprint import fingerprint

ROOT = Path(__file__).resolve().parent.parent
# Documents per atomic write in the kit's loads (`load --group`): small, so that a few hundred
# documents land in many steps for the reader to watch and the kill points to fall between.
# What is checked (a group lands whole or not at all) does not depend on the size; the other
# loads of the tests run with the default.
GROUP = 20

FIRST = ["Amara", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Isla", "Jonas", "Kemi", "Liam"]
LAST = ["Okafor", "Whitlock", "Brennan", "Sandhu", "Marsh", "Castell", "Doyle", "Ferreira", "Hale", "Ives"]
PLACES = ["Riverside", "Northgate", "Hillcrest", "Canalside", "Eastfield", "Westbrook", "Parkview"]
KINDS = ["Cycling Trust", "Youth Foundation", "Food Bank", "Housing Association", "Arts Collective"]
TOPICS = [
    ("Safer Cycling Routes", "protected cycle lanes on main roads"),
    ("Night Bus Safety", "more staff on night buses"),
    ("Youth Club Funding", "keeping youth clubs open in the holidays"),
    ("Affordable Workspace", "cheaper studios for small firms"),
    ("Clean Air Schools", "traffic-free streets outside schools"),
    ("Temporary Accommodation", "fewer families in bed and breakfast rooms"),
]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

LETTER = """MAYOR OF LONDON

{chair} AM
Chair of the London Assembly

Our ref: MGLA{ref}

Date: {reply_day} {reply_month} {year}

Dear {chair_first},

London Assembly (Plenary) Meeting {ask_day} {ask_month} {year} – Motions

Thank you for your letter about the motions agreed at the London Assembly (Plenary) meeting on
{ask_day} {ask_month} {year}. My reply to Motion {motion} is set out below.

Motion {motion} – {topic}

The Assembly asked me to support {aim}. MOPAC awarded a grant to the {org} in {year} for a pilot,
and I have committed £{amount} to the work from April {next_year}.

Yours sincerely,

Sadiq Khan
Mayor of London
"""

PRESS = """Mayor backs the {org}

{day} {month} {year}

The Mayor of London, Sadiq Khan, has today announced £{amount}m for the {org} to fund {aim}.

{person}, chief executive of the {org}, said: “This money from City Hall means {aim} at last. We
welcome the Mayor's support.”

The {org} will work with MOPAC, and the Police and Crime Committee will oversee the programme.

Notes to editors
The {org} was set up in {founded}.
"""

NEWS = """{org} criticised over {topic_lower}

By {reporter}

{day} {month} {year}

{person}, who chairs the {org}, has been criticised by {critic} AM for delays to {aim}.

“We were promised {aim} by {promise_year} and we are still waiting,” {critic} said.

{person} said the {org} welcomed the review led by the Greater London Authority and would
publish its findings in {month} {next_year}.
"""

QUESTION = """{topic}

Question No: {year}/{number}

{asker}

Meeting date: {day} {month} {year}

What is the Mayor doing about {aim} in {place}?

Answered by: Sadiq Khan

Answer: I have asked Transport for London to fund {aim}, with £{amount} per year set aside. The
{org} will lead the work locally.
"""

TEMPLATES = (LETTER, PRESS, NEWS, QUESTION)


def _person(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(FIRST)
    return first, f"{first} {rng.choice(LAST)}"


def document_text(rng: random.Random, number: int) -> str:
    """One generated document (its genre cycles with `number`, its details come from `rng`)."""
    topic, aim = rng.choice(TOPICS)
    chair_first, chair = _person(rng)
    year = rng.randint(2018, 2025)
    values = {
        "org": f"{rng.choice(PLACES)} {rng.choice(KINDS)}",
        "person": _person(rng)[1],
        "critic": _person(rng)[1],
        "reporter": _person(rng)[1],
        "asker": _person(rng)[1],
        "chair": chair,
        "chair_first": chair_first,
        "topic": topic,
        "topic_lower": topic.lower(),
        "aim": aim,
        "place": rng.choice(PLACES),
        "year": year,
        "next_year": year + 1,
        "promise_year": year - rng.randint(1, 3),
        "founded": rng.randint(1985, 2015),
        "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS),
        "ask_day": rng.randint(1, 14),
        "ask_month": MONTHS[rng.randint(0, 5)],
        "reply_day": rng.randint(15, 28),
        "reply_month": MONTHS[rng.randint(6, 11)],
        "ref": f"{rng.randint(100000, 999999)}-{number:04d}",
        "motion": f"{rng.randint(1, 9)}",
        "number": f"{rng.randint(1000, 9999)}",
        "amount": rng.choice(
            [
                f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
                f"{rng.randint(10, 900)},000",
                f"{rng.randint(2, 40)}m",
            ]
        ),
    }
    template = TEMPLATES[number % len(TEMPLATES)]
    if template is PRESS:
        values["amount"] = f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"
    elif "," not in values["amount"] and "m" not in values["amount"]:
        values["amount"] = values["amount"] + "m"
    return template.format(**values)


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """`count` generated documents in `folder` (created), named doc-0000.txt ...; returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"doc-{number:04d}.txt"
        path.write_text(document_text(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


# --- the CLI as a user runs it --------------------------------------------------------------------


def cli_command(*args: str) -> list[str]:
    """`civicgraph ARGS` through this interpreter (works without the console script installed)."""
    return [sys.executable, "-c", "from cli.app import main; main()", *args]


def cli_env(store_folder: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICGRAPH_")}
    env.update(CIVICGRAPH_STORE=f"embedded:{store_folder}", PYTHONPATH=str(ROOT), **extra)
    return env


def run_cli(
    store_folder: Path, *args: str, timeout: float = 300, **extra: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        cli_command(*args), cwd=ROOT, env=cli_env(store_folder, **extra), capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def start_cli(store_folder: Path, *args: str, **extra: str) -> subprocess.Popen:
    """A CLI process in its own session (a kill reaches it alone, as a crash would)."""
    return subprocess.Popen(
        cli_command(*args), cwd=ROOT, env=cli_env(store_folder, **extra), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def run_measured(store_folder: Path, *args: str) -> tuple[int, str, str, float, float]:
    """`civicgraph ARGS` as a subprocess: (exit code, stdout, stderr, seconds, peak RSS in MB of
    that process alone).

    The peak is the child's own VmHWM, written by the child as it exits: wait4's ru_maxrss would
    carry over the parent's size through fork and exec (a test process that loaded the language
    model would make every child look 400 MB big)."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        code = (
            "import atexit, re\n"
            "def _peak():\n"
            "    status = open('/proc/self/status').read()\n"
            f"    open({peak.name!r}, 'w').write(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
            "atexit.register(_peak)\n"
            "from cli.app import main\n"
            "main()\n"
        )
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", code, *args], cwd=ROOT, env=cli_env(store_folder), capture_output=True,
            text=True,
        )  # fmt: skip
        seconds = time.monotonic() - began
        kb = peak.read().strip()
    return done.returncode, done.stdout, done.stderr, seconds, int(kb) / 1024 if kb else float("nan")


def open_store(folder: Path) -> EmbeddedFalkorStore:
    return EmbeddedFalkorStore(str(folder), timeout_ms=60_000)


# --- what "whole" means ----------------------------------------------------------------------------

# One consistent snapshot (a single read statement): every Document with its journal mark and its
# MENTIONS, and every evidence piece (Evidence node) of every relationship.
SNAPSHOT = """
MATCH (d:Document)
WITH collect({id: d.id, loaded: d.loaded, mentions: [(d)-[:MENTIONS]->(m) | m.id]}) AS docs
OPTIONAL MATCH (v:Evidence)
WITH docs, collect({fact: v.fact, piece: v.doc_id + ':' + toString(v.start) + ':' + toString(v.end),
                    doc_id: v.doc_id}) AS pieces
OPTIONAL MATCH (a)-[r]->(b) WHERE r._evidence IS NOT NULL
RETURN docs, pieces, collect({type: type(r), key: r.key, src: a.id, dst: b.id}) AS rels
"""


@dataclass
class Snapshot:
    """What the store says about each document at one instant."""

    loaded: dict[str, bool] = field(default_factory=dict)  # Document id -> journal mark
    mentions: dict[str, frozenset[str]] = field(default_factory=dict)
    pieces: dict[str, frozenset[tuple]] = field(default_factory=dict)  # doc id -> its evidence
    problems: list[str] = field(default_factory=list)  # duplicates seen while reading

    @property
    def documents(self) -> set[str]:
        return set(self.loaded)


def snapshot(store: Any) -> Snapshot:
    row = store.run(SNAPSHOT)[0]
    by_fact: dict[str, list[dict]] = defaultdict(list)
    for piece in row["pieces"]:
        if piece["fact"] is not None:
            by_fact[piece["fact"]].append(piece)
    for rel in row["rels"]:
        rel["ev"] = [p["piece"] for p in by_fact.get(rel["key"], [])]
        rel["doc_ids"] = [p["doc_id"] for p in by_fact.get(rel["key"], [])]
    snap = Snapshot()
    for doc in row["docs"]:
        snap.loaded[doc["id"]] = doc["loaded"] is True
        if len(doc["mentions"]) != len(set(doc["mentions"])):
            snap.problems.append(f"document {doc['id'][:12]} has duplicate MENTIONS")
        snap.mentions[doc["id"]] = frozenset(doc["mentions"])
    pieces: dict[str, set[tuple]] = defaultdict(set)
    seen_rels: set[tuple] = set()
    for rel in row["rels"]:
        if rel["key"] is None:
            continue
        ident = (rel["type"], rel["key"])
        if ident in seen_rels:
            snap.problems.append(f"relationship {ident} stored twice")
        seen_rels.add(ident)
        if len(rel["ev"]) != len(set(rel["ev"])):
            snap.problems.append(f"relationship {ident} holds an evidence piece twice")
        for key, doc_id in zip(rel["ev"], rel["doc_ids"], strict=True):
            pieces[doc_id].add((rel["type"], rel["key"], rel["src"], rel["dst"], key))
    snap.pieces = {doc_id: frozenset(found) for doc_id, found in pieces.items()}
    return snap


def half_present(snap: Snapshot, whole: Snapshot) -> list[str]:
    """Why `snap` is not made of whole documents (each one as in `whole`, a complete load) or
    absent ones; empty when it is."""
    problems = list(snap.problems)
    for doc_id, loaded in snap.loaded.items():
        name = doc_id[:12]
        if not loaded:
            problems.append(f"document {name} is in the store without its journal mark")
            continue
        if doc_id not in whole.loaded:
            problems.append(f"document {name} is not in the complete load")
            continue
        if snap.mentions[doc_id] != whole.mentions[doc_id]:
            problems.append(f"document {name}: its MENTIONS differ from a complete load")
        if snap.pieces.get(doc_id, frozenset()) != whole.pieces.get(doc_id, frozenset()):
            problems.append(f"document {name}: its evidence differs from a complete load")
    for doc_id in set(snap.pieces) - set(snap.loaded):
        problems.append(f"evidence of document {doc_id[:12]}, which is not in the store")
    return problems


def expected(paths: Sequence[Path]) -> Snapshot:
    """What a complete load of `paths` must hold for each document, worked out from extraction
    alone (no store): its MENTIONS and its evidence pieces."""
    from graph.facts import to_batch
    from loaders.pipeline import extract_file

    snap = Snapshot()
    pieces: dict[str, set[tuple]] = defaultdict(set)
    for path in paths:
        _, extraction, problem = extract_file(str(path))
        if extraction is None:
            raise AssertionError(f"{path}: {problem}")
        batch = to_batch(extraction.document, extraction.facts, extraction.entities)
        doc_id = extraction.document.sha256
        snap.loaded[doc_id] = True
        snap.mentions[doc_id] = frozenset(r["dst"] for r in batch.rels if r["type"] == "MENTIONS")
        for rel in batch.rels:
            for piece in rel["evidence"]:
                pieces[piece["doc_id"]].add((rel["type"], rel["key"], rel["src"], rel["dst"], piece["key"]))
    snap.pieces = {doc_id: frozenset(found) for doc_id, found in pieces.items()}
    return snap


# --- loads watched, loads killed -----------------------------------------------------------------------


@dataclass
class Watched:
    """A load watched by a reader polling the store, one consistent snapshot at a time."""

    exit_code: int
    stdout: str
    stderr: str
    polls: int = 0
    # (seconds since start, documents in the journal) at each poll that saw something new
    timeline: list[tuple[float, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def window(self) -> tuple[float, float]:
        """When the first and the last documents were seen in the journal."""
        seen = [t for t, n in self.timeline if n > 0]
        return (seen[0], seen[-1]) if seen else (0.0, 0.0)


def watched_load(store_folder: Path, whole: Snapshot, *args: str) -> Watched:
    """`civicgraph load ARGS` while this process reads the store as fast as it can, checking
    every snapshot for documents that are half there."""
    with open_store(store_folder) as reader:
        reader.ensure_schema()
        child = start_cli(store_folder, "load", *args, "--group", str(GROUP), "--format", "json")
        began = time.monotonic()
        polls, timeline, problems, last = 0, [], [], -1
        while child.poll() is None:
            snap = snapshot(reader)
            polls += 1
            count = sum(snap.loaded.values())
            if count != last:
                timeline.append((time.monotonic() - began, count))
                last = count
            for problem in half_present(snap, whole):
                problems.append(f"poll {polls} at {time.monotonic() - began:.2f} s: {problem}")
        out, err = child.communicate()
        final = snapshot(reader)
        timeline.append((time.monotonic() - began, sum(final.loaded.values())))
    return Watched(child.returncode, out, err, polls, timeline, problems)


@dataclass
class KillPoint:
    kind: str  # "cli" or "server"
    after_docs: int  # the kill comes once the journal holds this many documents ...
    extra_s: float  # ... and this much later
    progress: int | None = None  # documents in the journal when the kill came
    first_exit: int | None = None
    first_stderr: str = ""
    problems: list[str] = field(default_factory=list)
    fingerprint_ok: bool = False
    seconds: float = 0.0

    @property
    def survived(self) -> bool:
        return self.fingerprint_ok and not self.problems


def wait_gone(pid: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def _journal_count(store: EmbeddedFalkorStore) -> int:
    return store.run("MATCH (d:Document) WHERE d.loaded = true RETURN count(d) AS n")[0]["n"]


def crash_and_recover(
    kind: str, corpus: Path, store_folder: Path, after_docs: int, extra_s: float, whole: Snapshot,
    clean_print: str, workers: int = 1,
) -> KillPoint:  # fmt: skip
    """One kill point: start `civicgraph load CORPUS` on an empty store; once `after_docs`
    documents are in the journal, wait `extra_s` and SIGKILL the CLI (kind "cli") or the embedded
    redis-server (kind "server"); check that the store holds only whole documents (and, when the
    load went on after a server kill, everything it reported); load again; compare the
    fingerprint with a clean load's."""
    import json

    point = KillPoint(kind, after_docs, extra_s)
    began = time.monotonic()
    observer = open_store(store_folder)  # watches the journal; the server is up before the load
    try:
        observer.ensure_schema()
        child = start_cli(
            store_folder,
            "load",
            str(corpus),
            "--workers",
            str(workers),
            "--group",
            str(GROUP),
            "--format",
            "json",
        )
        try:
            while child.poll() is None and _journal_count(observer) < after_docs:
                time.sleep(0.01)
            deadline = time.monotonic() + extra_s
            while child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
            if child.poll() is None:
                if kind == "cli":
                    os.killpg(child.pid, signal.SIGKILL)  # the CLI and its worker processes, if any
                    child.wait()
                    point.progress = _journal_count(observer)
                else:
                    pid = server_status(store_folder)["pid"]
                    point.progress = _journal_count(observer)
                    os.kill(pid, signal.SIGKILL)
                    wait_gone(pid)
            out, point.first_stderr = child.communicate(timeout=600)
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
        point.first_exit = child.returncode
        snap = snapshot(observer)
        point.problems += half_present(snap, whole)
        if kind == "server" and child.returncode == 0:
            summary = json.loads(out)  # the load went on after the server came back
            if summary["loaded"] + summary["unchanged"] != len(whole.loaded) or set(snap.loaded) != set(
                whole.loaded
            ):
                point.problems.append(
                    f"the load reported {summary['loaded']} loaded, the journal holds {len(snap.loaded)}"
                )
    finally:
        observer.close()  # the last user out: the server stops, the reload starts it from disk
    again = run_cli(store_folder, "load", str(corpus), "--format", "json")
    if again.returncode != 0:
        point.problems.append(f"the reload exited {again.returncode}: {again.stderr.strip()[-300:]}")
    with open_store(store_folder) as st:
        point.fingerprint_ok = fingerprint(st) == clean_print
        snap = snapshot(st)
    point.problems += half_present(snap, whole)
    if set(snap.loaded) != set(whole.loaded):
        point.problems.append(f"after the reload the journal holds {len(snap.loaded)} of {len(whole.loaded)}")
    point.seconds = time.monotonic() - began
    return point


def kill_points(rng: random.Random, kind: str, count: int, total: int) -> list[tuple[str, int, float]]:
    """`count` kill points spread over a load of `total` documents: one in each equal slice of the
    journal's progress (its first 85 %), at a random place in it, plus a random 0-60 ms (about one
    group's write: kills land inside statements, between them and during extraction alike)."""
    span = 0.85 * total  # the last slice ends early enough for the kill to come before the end
    return [(kind, int(span * (i + rng.random()) / count), rng.uniform(0, 0.06)) for i in range(count)]


def summarize(points: Sequence[KillPoint], total: int) -> dict[str, dict[str, int]]:
    """Per kind: kill points tried, survived, and how many came mid-load (some but not all
    documents in the journal at the kill)."""
    out: dict[str, dict[str, int]] = {}
    for point in points:
        entry = out.setdefault(point.kind, {"tried": 0, "survived": 0, "mid_load": 0})
        entry["tried"] += 1
        entry["survived"] += point.survived
        entry["mid_load"] += point.progress is not None and 0 < point.progress < total
    return out
