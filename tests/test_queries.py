"""The canned questions (queries/*.cypher), name resolution and `civicgraph ask`.

Two graphs: a small one written here from facts (graph.facts), so that the query logic (reply
pairing, medians, waiting days, oversight chains, shortest connections) is tested apart from
extraction quality; and the sample corpus examples/london loaded by the real pipeline, asserted
against what its documents say. Both run on the embedded FalkorDB, and on Neo4j 5 where a
Docker engine answers (testcontainers); otherwise the Neo4j runs are skipped with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.facts import DocumentInfo, Entity, Evidence, Fact, short_hash, to_batch
from graph.fingerprint import fingerprint
from graph.schema import (
    ASK_GENRES,
    FACT_TYPES,
    MENTION_GENRES,
    MONTH_FACTS,
    MONTHS,
    NODE_LABELS,
    RECORD_LABELS,
    TOTALS_ID,
    TOTALS_LABEL,
)
from graph.store import Store, open_store
from queries.catalog import (
    CatalogError,
    ParamError,
    UnknownQuestion,
    get_question,
    load_catalog,
    parse_fragment,
    parse_question,
)
from queries.paging import paged, run_page
from queries.resolve import ResolveError, normalise, plain_name, prepare, resolve

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "london"
CATALOG = load_catalog()
QUESTIONS = sorted(CATALOG)
INJECTIONS = [
    "'}) DETACH DELETE n //",
    '" OR 1=1 //',
    "{x: 1}",
    "$actor",
    "x') MATCH (n) DETACH DELETE n //",
    "\\'",
]


# --- a small graph written from facts ---------------------------------------------------------

ASSEMBLY = Entity("London Assembly", "Organization", aliases=("the Assembly",))
MAYOR = Entity("Sadiq Khan", "Person", aliases=("the Mayor", "Mayor of London", "Mr Khan"))
POST = Entity("Mayor of London", "Post", aliases=("Mayor",))
MET = Entity("Metropolitan Police Service", "Organization", aliases=("the Met", "MPS", "Met Police"))
MOPAC = Entity("Mayor's Office for Policing and Crime", "Organization", aliases=("MOPAC",))
BOARD = Entity("London Policing Board", "Organization")
DPS = Entity("Directorate of Professional Standards", "Organization")
HALL = Entity("Susan Hall", "Person", aliases=("Susan Hall AM",))
WAXMAN = Entity("Claire Waxman", "Person", aliases=("London Victims' Commissioner", "the Commissioner"))
ROWLEY = Entity("Mark Rowley", "Person", aliases=("the Commissioner",))
PACKAGE = Entity("£2.4m package of support", "Programme")
STALKING = Entity("pan-London Stalking Service", "Programme")
BOARDS = Entity("local safeguarding children boards", "Organization")
HMICFRS = Entity("HMICFRS", "Organization")
NEW_MET = Entity("New Met for London", "Programme")
LONER = Entity("Isolated Trust", "Organization")  # mentioned, in no fact

LETTER_2026 = """Date: 20 April 2026
Motions agreed at the London Assembly meeting on 26 February 2026.
Motion 1 – Supporting Victims
Motion 2 – Cyber Helpline
My reply to each motion is below. I have funded a new £2.4m package of support for victims.
I provide £160,000 per year to local safeguarding children boards, rising to £800,000 from April 2026.
MOPAC oversees the Metropolitan Police Service. MOPAC funds the pan-London Stalking Service.
"""
LETTER_2025 = """Date: 2 April 2025
Motion 3.6 – Restoring Confidence, agreed on 5 September 2024.
The London Policing Board oversees the Met. I am committed to the New Met for London plan.
The Mayor oversees MOPAC. In 2023 I commissioned HMICFRS, which reviews the Met.
The Met oversees its Directorate of Professional Standards. Sir Mark Rowley leads the Met.
The Isolated Trust was mentioned once.
"""
QUESTION_PAGE = """Written questions and motions, with the answers given.
Susan Hall AM asked the Mayor in January 2025 about police numbers.
On 10 June 2025 Susan Hall asked the Met about stop and search; the Met replied on 20 June 2025.
The Met wrote to Susan Hall on 1 May 2025.
The Assembly asked the Met on 5 January 2026 (Motion 9 – Front Counters) and on 1 March 2026
(Motion 10 – Stop and Search); the Met replied to Motion 10 on 21 March 2026.
Susan Hall has also asked MOPAC about stalking, on a date nobody recorded.
"""
NEWS = """Hall said the package was "too little, too late". Waxman said: "I welcome this vital funding."
Susan Hall criticised the package. The Victims' Commissioner welcomed the package.
Hall asked the Mayor about police numbers in January.
On 3 March 2025 Susan Hall urged the Mayor to freeze fares, the paper reported.
When Hall asked Sir Mark Rowley about grooming gangs, he said the force had not seen a problem.
"""


def _doc(name: str, text: str, genre: str) -> DocumentInfo:
    return DocumentInfo(name=name, sha256=short_hash(name, text, length=64), text=text, genre=genre)


# Letters and question pages make asks (a reply is due); a news story only reports them.
DOCS = {
    name: _doc(name, text, genre)
    for name, text, genre in (
        ("letter-2026.txt", LETTER_2026, "letter"),
        ("letter-2025.txt", LETTER_2025, "letter"),
        ("questions.txt", QUESTION_PAGE, "question_answer"),
        ("news.txt", NEWS, "news"),
    )
}


def ev(doc_name: str, quote: str) -> Evidence:
    """Evidence as the loaders make it: the document's own text at its offsets."""
    doc = DOCS[doc_name]
    start = doc.text.index(quote)
    return Evidence(doc.name, doc.sha256, quote, start, start + len(quote))


def synthetic_facts() -> dict[str, list[Fact]]:
    d26, d25, questions, news = "letter-2026.txt", "letter-2025.txt", "questions.txt", "news.txt"
    return {
        d26: [
            Fact(
                ASSEMBLY,
                "ASKED",
                MAYOR,
                [ev(d26, "Motion 1 – Supporting Victims")],
                date="2026-02-26",
                about="Motion 1 – Supporting Victims",
            ),
            Fact(
                ASSEMBLY,
                "ASKED",
                MAYOR,
                [ev(d26, "Motion 2 – Cyber Helpline")],
                date="2026-02-26",
                about="Motion 2 – Cyber Helpline",
            ),
            # a reply about nothing in particular answers every earlier ask of its asker
            Fact(
                MAYOR,
                "REPLIED_TO",
                ASSEMBLY,
                [ev(d26, "My reply to each motion is below.")],
                date="2026-04-20",
            ),
            Fact(
                MAYOR,
                "FUNDS",
                PACKAGE,
                [ev(d26, "I have funded a new £2.4m package of support for victims.")],
                date="2026-04-20",
                amount_gbp=2_400_000,
            ),
            Fact(
                MAYOR,
                "FUNDS",
                BOARDS,
                [ev(d26, "I provide £160,000 per year to local safeguarding children boards")],
                amount_gbp=160_000,
                period="per year",
            ),
            Fact(
                MAYOR,
                "FUNDS",
                BOARDS,
                [ev(d26, "rising to £800,000 from April 2026")],
                amount_gbp=800_000,
                date="2026-04",
            ),
            Fact(
                MAYOR,
                "COMMITTED_TO",
                BOARDS,
                [ev(d26, "rising to £800,000 from April 2026")],
                amount_gbp=800_000,
                due="2026-04",
                text="increase funding to £800,000",
            ),
            Fact(MOPAC, "OVERSEES", MET, [ev(d26, "MOPAC oversees the Metropolitan Police Service.")]),
            Fact(MOPAC, "FUNDS", STALKING, [ev(d26, "MOPAC funds the pan-London Stalking Service.")]),
        ],
        d25: [
            Fact(
                ASSEMBLY,
                "ASKED",
                MAYOR,
                [ev(d25, "Motion 3.6 – Restoring Confidence")],
                date="2024-09-05",
                about="Motion 3.6 – Restoring Confidence",
            ),
            Fact(
                MAYOR,
                "REPLIED_TO",
                ASSEMBLY,
                [ev(d25, "Date: 2 April 2025")],
                date="2025-04-02",
                about="Motion 3.6 – Restoring Confidence",
            ),
            Fact(BOARD, "OVERSEES", MET, [ev(d25, "The London Policing Board oversees the Met.")]),
            Fact(MAYOR, "COMMITTED_TO", NEW_MET, [ev(d25, "I am committed to the New Met for London plan.")]),
            Fact(MAYOR, "OVERSEES", MOPAC, [ev(d25, "The Mayor oversees MOPAC.")]),
            Fact(MAYOR, "COMMISSIONED", HMICFRS, [ev(d25, "In 2023 I commissioned HMICFRS")], date="2023"),
            Fact(HMICFRS, "REVIEWS", MET, [ev(d25, "HMICFRS, which reviews the Met")]),
            Fact(
                MET, "OVERSEES", DPS, [ev(d25, "The Met oversees its Directorate of Professional Standards.")]
            ),
            Fact(MAYOR, "HOLDS_OFFICE", POST, [ev(d25, "The Mayor")]),
            Fact(ROWLEY, "LEADS", MET, [ev(d25, "Sir Mark Rowley leads the Met.")]),
        ],
        questions: [
            Fact(
                HALL,
                "ASKED",
                MAYOR,
                [ev(questions, "Susan Hall AM asked the Mayor in January 2025")],
                date="2025-01",
                about="Question 2025/0001 – Police numbers",
            ),
            Fact(
                HALL,
                "ASKED",
                MET,
                [ev(questions, "On 10 June 2025 Susan Hall asked the Met")],
                date="2025-06-10",
                about="Question 2025/0002 – Stop and search",
            ),
            Fact(
                MET,
                "REPLIED_TO",
                HALL,
                [ev(questions, "the Met replied on 20 June 2025")],
                date="2025-06-20",
                about="Question 2025/0002 – Stop and search",
            ),
            # before the ask: answers nothing asked later
            Fact(
                MET,
                "REPLIED_TO",
                HALL,
                [ev(questions, "The Met wrote to Susan Hall on 1 May 2025.")],
                date="2025-05-01",
            ),
            Fact(
                ASSEMBLY,
                "ASKED",
                MET,
                [ev(questions, "The Assembly asked the Met on 5 January 2026")],
                date="2026-01-05",
                about="Motion 9 – Front Counters",
            ),
            Fact(
                ASSEMBLY,
                "ASKED",
                MET,
                [ev(questions, "on 1 March 2026\n(Motion 10 – Stop and Search)")],
                date="2026-03-01",
                about="Motion 10 – Stop and Search",
            ),
            Fact(
                MET,
                "REPLIED_TO",
                ASSEMBLY,
                [ev(questions, "the Met replied to Motion 10 on 21 March 2026")],
                date="2026-03-21",
                about="Motion 10 – Stop and Search",
            ),
            Fact(
                HALL,
                "ASKED",
                MOPAC,
                [ev(questions, "Susan Hall has also asked MOPAC about stalking")],
                about="Question 2025/0003 – Stalking",
            ),  # undated: an ask that cannot wait a number of days
        ],
        news: [
            Fact(HALL, "SAID", None, [ev(news, '"too little, too late"')], text="too little, too late"),
            Fact(
                WAXMAN,
                "SAID",
                None,
                [ev(news, '"I welcome this vital funding."')],
                date="2026-04-21",
                text="I welcome this vital funding.",
            ),
            Fact(HALL, "CRITICISED", PACKAGE, [ev(news, "Susan Hall criticised the package.")]),
            Fact(WAXMAN, "WELCOMED", PACKAGE, [ev(news, "The Victims' Commissioner welcomed the package.")]),
            # the news repeats a question put formally: the same ask (evidence merges), still an ask
            Fact(
                HALL,
                "ASKED",
                MAYOR,
                [ev(news, "Hall asked the Mayor about police numbers in January.")],
                date="2025-01",
                about="Question 2025/0001 – Police numbers",
            ),
            # only reported: mentions, never waiting
            Fact(
                HALL,
                "ASKED",
                MAYOR,
                [ev(news, "On 3 March 2025 Susan Hall urged the Mayor to freeze fares")],
                date="2025-03-03",
                about="freezing fares",
            ),
            Fact(
                HALL,
                "ASKED",
                ROWLEY,
                [ev(news, "When Hall asked Sir Mark Rowley about grooming gangs")],
                about="grooming gangs",
            ),
        ],
    }


def synthetic_batches() -> list:
    mentioned = {"letter-2025.txt": [LONER]}
    return [to_batch(DOCS[name], facts, mentioned.get(name, [])) for name, facts in synthetic_facts().items()]


# --- stores -----------------------------------------------------------------------------------


@functools.cache
def _docker_reason() -> str | None:
    """Why Neo4j tests cannot run here, or None when a Docker engine answers."""
    try:
        import docker

        docker.from_env(timeout=5).ping()
    except Exception as exc:  # no socket, no permission, no daemon, no package
        return f"no Docker engine answers ({type(exc).__name__}: {str(exc)[:120]}); Neo4j tests need testcontainers"
    return None


def _neo4j(request) -> Store:
    """A Neo4j 5 server of its own in a container (the graphs must not share a database)."""
    reason = _docker_reason()
    if reason:
        pytest.skip(reason)
    try:
        from testcontainers.community.neo4j import Neo4jContainer
    except ImportError:  # testcontainers before 4.10
        from testcontainers.neo4j import Neo4jContainer
    from graph.neo4j_store import Neo4jStore

    container = Neo4jContainer("neo4j:5").start()
    request.addfinalizer(container.stop)
    return Neo4jStore(
        container.get_connection_url(), username=container.username, password=container.password
    )


def _open(kind: str, tmp_path_factory, request) -> Store:
    if kind == "embedded":
        return open_store("embedded:" + str(tmp_path_factory.mktemp("store")))
    return _neo4j(request)


BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(scope="module", params=BACKENDS)
def synthetic(request, tmp_path_factory) -> Iterator[Store]:
    """The hand-made graph in a fresh store."""
    store = _open(request.param, tmp_path_factory, request)
    try:
        store.ensure_schema()
        for batch in synthetic_batches():
            store.upsert(batch)
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module", params=BACKENDS)
def london(request, tmp_path_factory) -> Iterator[Store]:
    """examples/london loaded by the real pipeline."""
    try:
        from loaders.pipeline import load_paths
    except ImportError as exc:
        pytest.skip(f"loaders.pipeline cannot be imported yet ({exc}); the London tests need the loaders")
    store = _open(request.param, tmp_path_factory, request)
    try:
        summary = load_paths(store, [EXAMPLES])
        assert summary.loaded == 5 and not summary.failed, summary.as_dict()
        yield store
    finally:
        store.close()


def run(store: Store, name: str, **raw: Any) -> list[dict[str, Any]]:
    """What `civicgraph ask NAME -p k=v ...` does: queries.resolve.prepare, then the Cypher."""
    question = get_question(name, CATALOG)
    prepared = prepare(store, question, {k: str(v) for k, v in raw.items()})
    return store.run(question.cypher, prepared.params)


def run_raw(store: Store, name: str, **values: Any) -> list[dict[str, Any]]:
    """What a Neo4j Browser user does: the file as it is, every parameter set by hand."""
    question = get_question(name, CATALOG)
    params = {p.name: None for p in question.params} | values
    return store.run(question.cypher, params)


def one(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    """The single row whose columns equal `match` (a failing test shows every row)."""
    found = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, f"expected one row with {match}, got {len(found)} in {rows}"
    return found[0]


# --- the catalogue ----------------------------------------------------------------------------


def test_the_catalogue_has_every_question_with_a_complete_header():
    assert set(QUESTIONS) >= {
        "who-was-asked",
        "unanswered",
        "response-times",
        "funding",
        "funding-totals",
        "oversight",
        "commitments",
        "statements",
        "reactions",
        "actor",
        "timeline",
        "evidence",
        "connection",
    }
    for question in CATALOG.values():
        assert question.description and question.returns, question.name
        for param in question.params:
            assert param.example is not None, f"{question.name}: parameter {param.name} needs an example"
            assert param.help, f"{question.name}: parameter {param.name} needs a help text"


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_file_keeps_to_the_cypher_both_engines_run(name):
    text = get_question(name, CATALOG).cypher
    code = re.sub(r"//[^\n]*", "", text)
    for forbidden in (
        "=~",
        "datetime(",
        "date(",
        "duration(",
        "apoc.",
        "gds.",
        "COUNT {",
        "EXISTS {",
        "CALL db.",
    ):
        assert forbidden.lower() not in code.lower(), f"{name} uses {forbidden}, which one engine lacks"
    assert not re.search(r"MATCH[^\n]*shortestPath", code, re.I), (
        "FalkorDB runs shortestPath only in WITH/RETURN"
    )
    assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE)\b", code), f"{name} must only read"


def test_connection_links_through_every_fact_type_and_never_through_documents():
    cypher = get_question("connection", CATALOG).cypher
    for types in re.findall(r"\[:([A-Z_|]+)[*\]]", cypher):
        assert set(types.split("|")) == set(FACT_TYPES)


def test_parameters_are_typed_with_clear_errors():
    who = get_question("who-was-asked", CATALOG)
    assert who.bind({"since": "2024-01-01"})["since"] == "2024-01-01"
    with pytest.raises(ParamError, match=r"parameter since: '2024-13-01' is not an ISO date \(YYYY-MM-DD\)"):
        who.bind({"since": "2024-13-01"})
    with pytest.raises(ParamError, match="parameter until: '1 May 2025' is not an ISO date"):
        who.bind({"until": "1 May 2025"})
    with pytest.raises(ParamError, match="has no parameter 'speaker'; it takes: actor, since, until, about"):
        who.bind({"speaker": "Susan Hall"})
    funding = get_question("funding", CATALOG)
    assert funding.bind({"min_amount": "2,400,000"})["min_amount"] == 2_400_000.0
    with pytest.raises(ParamError, match="parameter min_amount: 'lots' is not a number"):
        funding.bind({"min_amount": "lots"})
    with pytest.raises(ParamError, match="parameter kind: 'praised' is not one of criticised, welcomed"):
        get_question("reactions", CATALOG).bind({"kind": "praised"})
    with pytest.raises(
        ParamError, match='question oversight needs parameter actor \\(e.g. -p actor="the Met"\\)'
    ):
        get_question("oversight", CATALOG).bind({})
    # every declared parameter reaches Cypher, null when not given: the files are null-safe
    assert who.bind({}) == {"actor": None, "since": None, "until": None, "about": None}


def test_today_defaults_to_the_current_date():
    unanswered = get_question("unanswered", CATALOG)
    assert unanswered.bind({})["today"] == dt.date.today().isoformat()
    assert unanswered.bind({}, today=dt.date(2026, 11, 23))["today"] == "2026-11-23"
    assert unanswered.bind({"today": "2025-02-01"})["today"] == "2025-02-01"


def test_header_grammar_errors_name_the_file_and_the_problem():
    good = (
        "// name: q\n// description: d\n// param: x int example=3 -- a number\n// returns: a\nRETURN $x AS a"
    )
    question = parse_question(good, "q.cypher", "q")
    assert question.params[0].type == "int" and question.params[0].help == "a number"
    with pytest.raises(CatalogError, match="q.cypher: param 'x integer .*': unknown type 'integer'"):
        parse_question(good.replace("x int", "x integer"), "q.cypher")
    with pytest.raises(CatalogError, match="q.cypher: uses undeclared parameter"):
        parse_question(good.replace("RETURN $x", "RETURN $y"), "q.cypher")
    with pytest.raises(CatalogError, match="q.cypher: name 'q' differs from the file name 'p'"):
        parse_question(good, "q.cypher", "p")
    with pytest.raises(CatalogError, match="needs exactly one '// returns:' line"):
        parse_question(good.replace("// returns: a\n", ""), "q.cypher")
    with pytest.raises(CatalogError, match="example parameter x: 'three' is not a whole number"):
        parse_question(good.replace("example=3", "example=three"), "q.cypher")
    # a $name inside a string literal or a comment is not a parameter
    literal = good.replace("RETURN $x AS a", "// not $y\nRETURN $x + '$z' /* nor $w */ AS a")
    assert parse_question(literal, "q.cypher").name == "q"
    # the catalogue reads the Cypher with the tokenizer that checks statements (graph/cypher_check.py)
    with pytest.raises(CatalogError, match="q.cypher: a string opened at character .* is never closed"):
        parse_question(good.replace("AS a", "AS a, 'x"), "q.cypher")


def test_unknown_question_offers_the_closest_names_or_lists_them_all():
    with pytest.raises(UnknownQuestion, match="unknown question 'who-asked'; did you mean who-was-asked"):
        get_question("who-asked", CATALOG)
    with pytest.raises(UnknownQuestion, match="unknown question 'budget'; available: actor, commitments"):
        get_question("budget", CATALOG)


# --- fragments: the shared Cypher exists once ------------------------------------------------------

QUERY_FILES = sorted((ROOT / "queries").glob("*.cypher"))
QUESTION_FILES = [f for f in QUERY_FILES if not f.name.startswith("_")]


@pytest.mark.parametrize(
    ("what", "marker"),
    [
        ("the actor lookup by id", "OPTIONAL MATCH (n1:Person {id:"),
        ("the actor lookup by name", "STARTS WITH 'id:'"),
        ("the kind of an ask", "CASE WHEN q._formal THEN 'ask'"),
    ],
)
def test_the_cypher_files_hold_each_shared_block_once(what, marker):
    counts = {f.name: f.read_text(encoding="utf-8").count(marker) for f in QUERY_FILES}
    holders = {name: n for name, n in counts.items() if n}
    assert list(holders.values()) == [1], f"{what} must be written once, in a fragment: {holders}"
    assert next(iter(holders)).startswith("_")


def test_every_actor_parameter_is_looked_up_by_the_fragment():
    for question in CATALOG.values():
        renamed = {i.param for i in question.includes if i.fragment == "lookup"}
        assert renamed == set(question.actor_params), question.name
        assert question.cypher.endswith(question.body)


def test_the_lookup_fragment_tries_every_label_names_can_have():
    """Neither engine uses an index for a node without a label, so the fragment looks an id up
    under every label but Document, the list graph/schema.py declares."""
    text = (ROOT / "queries" / "_lookup.cypher").read_text(encoding="utf-8")
    labels = re.findall(r"\(n\d:(\w+) \{id: lookup_id\}\)", text)
    assert labels == [label for label in NODE_LABELS if label not in RECORD_LABELS]


def test_the_timeline_reads_every_fact_type_the_schema_declares():
    """With no actor (or for a hub) the timeline reads each fact type through its `date` index
    (patterns per type: neither engine uses a per-type index for a pattern of several types): the
    range, and the year and the month $since falls in (one read, `IN`); with an actor it expands
    the same types (not MENTIONS): every list is graph/schema.py's FACT_TYPES."""
    text = (ROOT / "queries" / "timeline.cypher").read_text(encoding="utf-8")
    for var in "ty":
        assert re.findall(rf"\[\(x\)-\[{var}\d+:(\w+)\]->\(y\)", text) == list(FACT_TYPES), var
    (own,) = re.findall(r"\(n\)-\[own:([\w|]+)\]-\(\)", text)
    assert own.split("|") == list(FACT_TYPES)
    # its count (`// count`): the months cut by $since or $until read per type, the facts between
    # two actors, or the actors' own; the properties it reads are graph/schema.py's
    assert re.findall(r"\[\(x\)-\[b\d+:(\w+)\]->\(y\)", text) == list(FACT_TYPES)
    (between,) = re.findall(r"\(a\)-\[f:([\w|]+)\]->\(b\)", text)
    assert between.split("|") == list(FACT_TYPES)
    (mine,) = re.findall(r"\(n\)-\[mine:([\w|]+)\]-\(\)", text)
    assert mine.split("|") == list(FACT_TYPES)
    assert set(re.findall(r"holder\.(\w+)", text)) == {MONTHS, MONTH_FACTS}
    assert re.findall(r"\(totals:(\w+) \{id: '(\w+)'\}\)", text) == [(TOTALS_LABEL, TOTALS_ID)]


def test_the_pairing_and_the_schema_agree_on_which_genres_make_asks():
    """The kind of an ask is recorded as it is written (graph/facts.py from the document's genre,
    graph/upsert.py again when a replaced document takes evidence away), from ASK_GENRES."""
    from graph.pairing import formal_genres_literal

    assert tuple(re.findall(r"'([^']+)'", formal_genres_literal())) == ASK_GENRES
    assert not set(ASK_GENRES) & set(MENTION_GENRES)


def test_every_genre_the_loaders_set_is_an_ask_genre_or_a_mention_genre():
    """A new genre must be placed: are asks in it made to someone who must reply, or reported?"""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "loaders").rglob("*.py"))
    genres = set(re.findall(r"\bgenre\s*(?::\s*str\s*)?=\s*\"(\w+)\"", source))
    assert genres, 'the loaders set genres as `genre = "..."`'
    assert genres <= set(ASK_GENRES) | set(MENTION_GENRES), genres - set(ASK_GENRES) - set(MENTION_GENRES)


def test_include_lines_are_checked():
    head = "// name: q\n// description: d\n// param: actor actor example=x -- who\n// returns: a\n"
    with pytest.raises(
        CatalogError, match="actor parameter actor needs '// include: lookup \\$actor AS VAR'"
    ):
        parse_question(head + "RETURN $actor AS a", "q.cypher")
    with pytest.raises(CatalogError, match="include 'lokup': no such fragment.*did you mean lookup"):
        parse_question(head + "// include: lokup $actor AS actors\nRETURN 1 AS a", "q.cypher")
    with pytest.raises(CatalogError, match="fragment asks needs actors from an earlier include"):
        parse_question(
            head.replace("actor actor example=x", "x int example=3") + "// include: asks\nRETURN $x AS a",
            "q.cypher",
        )
    question = parse_question(
        head + "// include: lookup $actor AS people\nRETURN size(people) AS a", "q.cypher"
    )
    assert (
        "$actor" in question.cypher and "AS people" in question.cypher and "AS actors" not in question.cypher
    )


def test_include_options_choose_the_lines_of_a_fragment():
    fragment = parse_fragment(
        "// fragment: f\n// description: d\n// gives: x\n// options: up -- only up\n"
        "WITH 1 AS x  // unless: up\nWITH 2 AS x  // if: up\n",
        "_f.cypher",
    )
    head = "// name: q\n// description: d\n// returns: x\n"
    plain = parse_question(head + "// include: f\nRETURN x", "q.cypher", fragments={"f": fragment})
    chosen = parse_question(head + "// include: f up\nRETURN x", "q.cypher", fragments={"f": fragment})
    assert "WITH 1 AS x\n" in plain.cypher and "WITH 2" not in plain.cypher
    assert "WITH 2 AS x\n" in chosen.cypher and "WITH 1" not in chosen.cypher and "// if" not in chosen.cypher
    with pytest.raises(CatalogError, match="fragment f has no option 'down'; options: up"):
        parse_question(head + "// include: f down\nRETURN x", "q.cypher", fragments={"f": fragment})
    with pytest.raises(CatalogError, match="tagged with undeclared option"):
        parse_fragment(
            "// fragment: f\n// description: d\n// gives: x\nWITH 1 AS x  // if: up\n", "_f.cypher"
        )
    # response-times counts the asks an actor received, not those it made
    assert "[()-[own:ASKED]->(n) WHERE" in get_question("response-times", CATALOG).cypher


def test_a_second_lookup_carries_the_first(synthetic):
    """Fragments carry what earlier includes gave through their own WITH clauses."""
    question = get_question("connection", CATALOG)
    assert "WITH actors, by_name + [n IN" in question.cypher
    prepared = prepare(synthetic, question, {"actor": "MOPAC", "other": "the Met"})
    assert synthetic.run(question.cypher, prepared.params) == [
        {"hops": 1, "chain": "Mayor's Office for Policing and Crime -OVERSEES-> Metropolitan Police Service"}
    ]


# --- name resolution ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("the Met", MET),
        ("MET POLICE", MET),
        ("Metropolitan Police Service", MET),
        ("mps", MET),
        ("mopac", MOPAC),
        ("MOPAC", MOPAC),
        ("Mayor’s Office for Policing and Crime", MOPAC),
        ("mayors office for policing and crime", MOPAC),
        ("The Mayor's Office for Policing & Crime.", None),
        ("the Mayor", MAYOR),
        ("Mayor", POST),
        ("Mayor of London", POST),
        ("London Victims’ Commissioner", WAXMAN),
        ("id:hmicfrs", HMICFRS),
    ],
)
def test_names_resolve_like_a_person_expects(synthetic, written, meant):
    if meant is None:  # '&' for 'and' is a step too far: it must fail clearly, not guess
        with pytest.raises(ResolveError, match="closest: Mayor's Office for Policing and Crime"):
            resolve(synthetic, written)
        return
    assert resolve(synthetic, written).id == meant.id


def test_an_unknown_name_lists_the_closest_known_ones(synthetic):
    with pytest.raises(
        ResolveError,
        match=r"parameter actor: no node called 'the Mett'; closest: Metropolitan Police Service",
    ) as exc:
        resolve(synthetic, "the Mett")
    assert exc.value.candidates[0] == "Metropolitan Police Service"
    with pytest.raises(ResolveError, match="parameter funder: no node called 'Sadiq'; closest: Sadiq Khan"):
        resolve(synthetic, "Sadiq", param="funder")
    with pytest.raises(ResolveError, match="no node with id 'nobody'"):
        resolve(synthetic, "id:nobody")


def test_an_ambiguous_name_lists_the_candidates(synthetic):
    with pytest.raises(
        ResolveError, match="'the Commissioner' could mean 2 nodes: Claire Waxman .*; Mark Rowley "
    ) as exc:
        resolve(synthetic, "the Commissioner")
    assert exc.value.candidates == ["Claire Waxman", "Mark Rowley"]


def test_normalise_ignores_case_the_apostrophes_and_a_leading_the():
    assert normalise("The Mayor’s Office.") == normalise("mayors office") == "mayors office"


def test_the_cypher_files_also_take_a_plain_name_as_a_browser_user_types_it(synthetic):
    by_id = run(synthetic, "who-was-asked", actor="the Met")
    assert by_id and all("Metropolitan Police Service" in (r["asker"], r["asked"]) for r in by_id)
    for typed in (
        "the Met",
        "THE MET",
        "Met Police",
        "Metropolitan Police Service",
        "id:metropolitan-police-service",
    ):
        assert run_raw(synthetic, "who-was-asked", actor=typed) == by_id, typed
    assert run_raw(synthetic, "funding", funder="Mayor’s Office for Policing and Crime") == run(
        synthetic, "funding", funder="MOPAC"
    )


# --- the questions on the hand-made graph -------------------------------------------------------


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_question_runs_with_its_examples_and_returns_its_declared_columns(synthetic, name):
    question = get_question(name, CATALOG)
    examples = question.example_params()
    with_examples = run(synthetic, name, **examples)
    # the required parameters alone (the examples'), every filter off: something is found
    required = {p.name: examples[p.name] for p in question.params if p.required}
    everything = run(synthetic, name, **required)
    assert everything, f"{name} finds something in the hand-made graph"
    for row in with_examples + everything:
        assert tuple(row) == question.returns


def test_who_was_asked_pairs_each_ask_with_its_reply(synthetic):
    rows = run(synthetic, "who-was-asked")
    motion1 = one(rows, about="Motion 1 – Supporting Victims")
    assert (motion1["asker"], motion1["asked"], motion1["kind"]) == ("London Assembly", "Sadiq Khan", "ask")
    assert (motion1["asked_on"], motion1["replied_on"], motion1["days_to_reply"]) == (
        "2026-02-26",
        "2026-04-20",
        53,
    )
    assert (
        motion1["ask_document"] == "letter-2026.txt"
        and motion1["reply_quote"] == "My reply to each motion is below."
    )
    # a reply about the motion itself, 209 days on; the later general reply does not count
    motion36 = one(rows, about="Motion 3.6 – Restoring Confidence")
    assert (motion36["replied_on"], motion36["days_to_reply"]) == ("2025-04-02", 209)
    # the Met's general letter of 1 May came before the question of 10 June: not its reply
    question = one(rows, about="Question 2025/0002 – Stop and search")
    assert (question["replied_on"], question["days_to_reply"]) == ("2025-06-20", 10)
    unanswered = one(rows, about="Motion 9 – Front Counters")
    assert unanswered["replied_on"] is None and unanswered["days_to_reply"] is None
    # a month-only date: listed, no day count; reported in the news too, still a formal ask
    hall = one(rows, about="Question 2025/0001 – Police numbers")
    assert (hall["asked_on"], hall["days_to_reply"], hall["kind"]) == ("2025-01", None, "ask")
    # undated asks are listed too, after the dated ones
    undated = one(rows, about="Question 2025/0003 – Stalking")
    assert (undated["asked"], undated["asked_on"], undated["replied_on"], undated["kind"]) == (
        "Mayor's Office for Policing and Crime",
        None,
        None,
        "ask",
    )
    assert rows[-1] == undated
    dated = [r["asked_on"] for r in rows if r["asked_on"] is not None]
    assert dated == sorted(dated) and rows[: len(dated)] == [r for r in rows if r["asked_on"]]


def test_an_ask_only_reported_in_the_news_is_a_mention(synthetic):
    rows = run(synthetic, "who-was-asked", actor="Susan Hall")
    kinds = {r["about"]: r["kind"] for r in rows}
    assert kinds == {
        "Question 2025/0001 – Police numbers": "ask",  # on a question page, and in the news
        "Question 2025/0002 – Stop and search": "ask",
        "Question 2025/0003 – Stalking": "ask",
        "freezing fares": "mention",  # dated, but only reported
        "grooming gangs": "mention",
    }
    assert one(rows, about="freezing fares")["ask_document"] == "news.txt"


def test_a_reply_pairs_by_about_and_date(synthetic):
    """Replies answer asks about the same thing (ignoring case), or general replies any earlier
    ask; never a reply about something else, never a reply before the ask."""
    rows = run(synthetic, "who-was-asked", actor="the Met")
    replied = {r["about"]: r["replied_on"] for r in rows}
    assert replied == {
        "Question 2025/0002 – Stop and search": "2025-06-20",
        "Motion 9 – Front Counters": None,  # the reply about Motion 10 is not about it
        "Motion 10 – Stop and Search": "2026-03-21",
    }


def test_who_was_asked_filters_by_actor_dates_and_words(synthetic):
    met = run(synthetic, "who-was-asked", actor="the Met")
    assert {r["about"] for r in met} == {
        "Question 2025/0002 – Stop and search",
        "Motion 9 – Front Counters",
        "Motion 10 – Stop and Search",
    }
    since = run(synthetic, "who-was-asked", since="2025-01-15", until="2026-02-01")
    # January 2025 may fall after the 15th: a month-only date is kept when it may be in range
    assert [r["about"] for r in since] == [
        "Question 2025/0001 – Police numbers",
        "freezing fares",
        "Question 2025/0002 – Stop and search",
        "Motion 9 – Front Counters",
    ]
    assert {r["about"] for r in run(synthetic, "who-was-asked", about="STOP AND")} == {
        "Question 2025/0002 – Stop and search",
        "Motion 10 – Stop and Search",
    }


def test_unanswered_lists_the_formal_asks_waiting_oldest_first(synthetic):
    rows = run(synthetic, "unanswered", today="2026-11-23")
    # not the fares mention (news), not the undated stalking question (no number of days)
    assert [(r["about"], r["days_waiting"]) for r in rows] == [
        ("Question 2025/0001 – Police numbers", 691),  # from 1 January 2025, the month's first day
        ("Motion 9 – Front Counters", 322),
    ]
    # as of 10 March 2026 the February motions and Motion 10 were still waiting; later asks did not exist
    then = run(synthetic, "unanswered", today="2026-03-10")
    assert [(r["about"], r["days_waiting"]) for r in then] == [
        ("Question 2025/0001 – Police numbers", 433),
        ("Motion 9 – Front Counters", 64),
        ("Motion 1 – Supporting Victims", 12),
        ("Motion 2 – Cyber Helpline", 12),
        ("Motion 10 – Stop and Search", 9),
    ]
    # the asks fragment's filters apply to every question built on it
    assert [r["about"] for r in run(synthetic, "unanswered", today="2026-11-23", since="2025-06-01")] == [
        "Motion 9 – Front Counters"
    ]
    # a reply after `today` does not count yet
    assert [(r["about"], r["days_waiting"]) for r in run(synthetic, "unanswered", today="2024-09-10")] == [
        ("Motion 3.6 – Restoring Confidence", 5)
    ]
    # by default, as of the current date
    default = one(run(synthetic, "unanswered"), about="Motion 9 – Front Counters")
    assert default["days_waiting"] == (dt.date.today() - dt.date(2026, 1, 5)).days


@pytest.mark.parametrize("today", ["2024-09-05", "2025-02-01", "2025-03-04", "2026-03-10", "2030-01-01"])
def test_a_news_mention_is_never_waiting_and_days_waiting_is_never_blank(synthetic, today):
    rows = run(synthetic, "unanswered", today=today)
    assert "freezing fares" not in {r["about"] for r in rows}, "a news mention is not an ask awaiting a reply"
    assert "grooming gangs" not in {r["about"] for r in rows}
    for row in rows:
        assert isinstance(row["days_waiting"], int) and row["days_waiting"] >= 0, row


def test_unanswered_uses_the_server_clock_when_today_is_null(synthetic):
    rows = run_raw(synthetic, "unanswered", today=None)
    assert (
        one(rows, about="Motion 9 – Front Counters")["days_waiting"]
        == (dt.date.today() - dt.date(2026, 1, 5)).days
    )


def test_response_times_count_formal_asks_and_say_what_they_left_out(synthetic):
    rows = run(synthetic, "response-times")
    mayor = one(rows, actor="Sadiq Khan")
    # Motions 1, 2 and 3.6 and Question 0001; the fares mention is reported, not counted
    assert (mayor["times_asked"], mayor["times_replied"], mayor["mentions"]) == (4, 3, 1)
    assert (mayor["median_days_to_reply"], mayor["longest_days_to_reply"]) == (53, 209)
    met = one(rows, actor="Metropolitan Police Service")
    assert (met["times_asked"], met["times_replied"]) == (3, 2)
    assert (met["median_days_to_reply"], met["longest_days_to_reply"]) == (15, 20)  # the median of 10 and 20
    mopac = one(rows, actor="Mayor's Office for Policing and Crime")
    assert (mopac["times_asked"], mopac["undated_asks"], mopac["mentions"]) == (0, 1, 0)
    rowley = one(rows, actor="Mark Rowley")
    assert (rowley["times_asked"], rowley["times_replied"], rowley["mentions"]) == (0, 0, 1)
    assert [r["actor"] for r in run(synthetic, "response-times", actor="the met")] == [
        "Metropolitan Police Service"
    ]
    motions = one(run(synthetic, "response-times", about="motion"), actor="Sadiq Khan")
    assert (motions["times_asked"], motions["times_replied"], motions["mentions"]) == (3, 3, 0)


def test_funding_shows_amounts_with_their_quotes(synthetic):
    rows = run(synthetic, "funding")
    package = one(rows, recipient="£2.4m package of support")
    assert package["funder"] == "Sadiq Khan" and package["amount_gbp"] == 2_400_000
    assert package["quote"] == "I have funded a new £2.4m package of support for victims."
    assert package["recipient_type"] == "Programme" and package["date"] == "2026-04-20"
    assert [r["amount_gbp"] for r in rows][:3] == [2_400_000, 800_000, 160_000]
    assert one(rows, amount_gbp=160_000)["period"] == "per year"
    assert [r["recipient"] for r in run(synthetic, "funding", funder="mopac")] == [
        "pan-London Stalking Service"
    ]
    assert [r["amount_gbp"] for r in run(synthetic, "funding", min_amount="500000")] == [2_400_000, 800_000]
    assert {
        r["funder"] for r in run(synthetic, "funding", recipient="local safeguarding children boards")
    } == {"Sadiq Khan"}


def test_funding_totals_sum_per_funder_and_per_recipient(synthetic):
    rows = run(synthetic, "funding-totals")
    mayor = one(rows, role="funder", actor="Sadiq Khan")
    assert (mayor["total_gbp"], mayor["funding_facts"], mayor["facts_with_amount"]) == (3_360_000, 3, 3)
    mopac = one(rows, role="funder", actor="Mayor's Office for Policing and Crime")
    assert (mopac["total_gbp"], mopac["funding_facts"]) == (None, 1)
    assert one(rows, role="recipient", actor="local safeguarding children boards")["total_gbp"] == 960_000
    assert [r["role"] for r in run(synthetic, "funding-totals", actor="Sadiq Khan")] == ["funder"]


def test_oversight_follows_the_chain_both_ways_to_any_depth(synthetic):
    rows = run(synthetic, "oversight", actor="the Met")
    above = {(r["other"], r["depth"]) for r in rows if r["direction"] == "above"}
    assert above == {
        ("Mayor's Office for Policing and Crime", 1),
        ("London Policing Board", 1),
        ("Sadiq Khan", 2),
    }
    chain = one(rows, other="Sadiq Khan")["chain"]
    assert chain == "Sadiq Khan → Mayor's Office for Policing and Crime → Metropolitan Police Service"
    below = one(rows, direction="below")
    assert (below["other"], below["depth"]) == ("Directorate of Professional Standards", 1)
    assert below["quote"] == "The Met oversees its Directorate of Professional Standards."
    mayor = run(synthetic, "oversight", actor="Sadiq Khan")
    assert [(r["other"], r["depth"]) for r in mayor] == [
        ("Mayor's Office for Policing and Crime", 1),
        ("Metropolitan Police Service", 2),
        ("Directorate of Professional Standards", 3),
    ]


def test_commitments_statements_and_reactions(synthetic):
    commitments = run(synthetic, "commitments", actor="Sadiq Khan")
    boards = one(commitments, committed_to="local safeguarding children boards")
    assert (boards["amount_gbp"], boards["due"], boards["text"]) == (
        800_000,
        "2026-04",
        "increase funding to £800,000",
    )
    assert [r["committed_to"] for r in run(synthetic, "commitments", word="new met")] == [
        "New Met for London"
    ]

    said = run(synthetic, "statements", speaker="Susan Hall", word="LATE")
    assert [(r["speaker"], r["statement"], r["quote"]) for r in said] == [
        ("Susan Hall", "too little, too late", '"too little, too late"')
    ]
    assert [r["speaker"] for r in run(synthetic, "statements", word="welcome")] == ["Claire Waxman"]

    reactions = run(synthetic, "reactions", actor="£2.4m package of support")
    assert {(r["actor"], r["reaction"]) for r in reactions} == {
        ("Susan Hall", "criticised"),
        ("Claire Waxman", "welcomed"),
    }
    assert [r["actor"] for r in run(synthetic, "reactions", kind="Welcomed")] == ["Claire Waxman"]


def test_actor_profile(synthetic):
    [mopac] = run(synthetic, "actor", actor="mopac")
    assert (mopac["name"], mopac["type"], mopac["aliases"]) == (
        "Mayor's Office for Policing and Crime",
        "Organization",
        ["MOPAC"],
    )
    assert sorted(mopac["relationships"]) == [
        "ASKED in: 1",
        "FUNDS out: 1",
        "OVERSEES in: 1",
        "OVERSEES out: 1",
    ]
    assert mopac["documents"] == ["letter-2025.txt", "letter-2026.txt", "questions.txt"]
    [mayor] = run(synthetic, "actor", actor="Sadiq Khan")
    assert mayor["offices"] == ["Mayor of London"]
    assert "ASKED in: 5" in mayor["relationships"] and "REPLIED_TO out: 2" in mayor["relationships"]
    # an office by name is answered for its holder; by id it is the office itself
    [post] = run(synthetic, "actor", actor="id:mayor-of-london")
    assert post["holders"] == ["Sadiq Khan"] and post["offices"] == []


def test_timeline_is_in_date_order(synthetic):
    rows = run(synthetic, "timeline", actor="Sadiq Khan")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and dates[0] == "2023"
    assert one(rows, relation="FUNDS", date="2026-04-20")["amount_gbp"] == 2_400_000
    since = run(synthetic, "timeline", actor="Sadiq Khan", since="2026-04-01")
    assert [r["date"] for r in since] == ["2026-04", "2026-04-20", "2026-04-20"]
    said = one(run(synthetic, "timeline", actor="Claire Waxman"), relation="SAID")
    assert said["object"] == "I welcome this vital funding."


def test_an_actor_profile_lists_the_first_20_documents_by_name_and_counts_them_all(tmp_path):
    """A hub is mentioned by thousands of documents: the profile names the first 20 (by name) and
    says how many there are, from the count the store keeps, or by counting when a node has none
    (a store written before the counts)."""
    names = [f"note-{i:02d}.txt" for i in reversed(range(25))]  # written in reverse name order
    with open_store(f"embedded:{tmp_path / 'store'}") as store:
        for name in names:
            store.upsert(to_batch(_doc(name, f"{name}: the Isolated Trust met.", "news"), [], [LONER]))
        [trust] = run(store, "actor", actor="Isolated Trust")
        assert trust["documents"] == sorted(names)[:20]
        assert trust["documents_total"] == 25
        store.run("MATCH (n {id: $id}) REMOVE n._in_MENTIONS", {"id": LONER.id}, write=True)
        [uncounted] = run(store, "actor", actor="Isolated Trust")
        assert (uncounted["documents"], uncounted["documents_total"]) == (sorted(names)[:20], 25)


def _first_documents(store: Store, entity: Entity) -> list[str] | None:
    rows = store.run("MATCH (n {id: $id}) RETURN n._first_documents AS kept", {"id": entity.id})
    return rows[0]["kept"] if rows else None


def _first_documents_counted(store: Store, entity: Entity) -> list[str] | None:
    """The first documents that mention the node, read from the MENTIONS the store holds."""
    rows = store.run(
        "MATCH (d:Document)-[:MENTIONS]->(n {id: $id}) WHERE d.name IS NOT NULL "
        "RETURN DISTINCT d.name AS name ORDER BY name",
        {"id": entity.id},
    )
    return [row["name"] for row in rows][:20] or None


def test_the_first_documents_are_kept_as_documents_are_written_replaced_and_derived(tmp_path):
    """graph/schema.py FIRST_DOCUMENTS: the names of the first 20 documents that mention a node,
    kept as the MENTIONS are written, one document at a time or several in one statement, names
    repeated and in any case; chosen again when a replaced document was one of them (a changed
    file still mentioning the node, or no longer); derived for a store written before it. The
    profile reads it and gives what reading the mentions gives."""
    from graph.upsert import batch_rows, merge_rows

    other = Entity("Elsewhere Board", "Organization")
    names = [f"note-{i:02d}.txt" for i in range(26)] + ["Zeta.txt", "alpha.txt", "\u00c9mile.txt", "_x.txt"]
    order = [names[i] for i in (7, 3, 29, 0, 25, 12, 28, 1, 19, 26, 5, 27, 9, 14, 2, 21, 8, 23, 4, 11)]
    order += [n for n in names if n not in order]
    docs = {name: _doc(name, f"{name}: the Isolated Trust met.", "news") for name in names}
    twin = _doc("note-02.txt", "note-02.txt, a second file of that name: the Isolated Trust met.", "news")

    def written(store: Store) -> None:
        kept = _first_documents(store, LONER)
        assert kept == _first_documents_counted(store, LONER)
        if not store.run("MATCH (n {id: $id}) RETURN n.id AS id", {"id": LONER.id}):
            return  # every document that mentioned it is gone, and so is the node
        [profile] = run(store, "actor", actor="Isolated Trust")
        store.run("MATCH (n {id: $id}) REMOVE n._first_documents", {"id": LONER.id}, write=True)
        [read] = run(store, "actor", actor="Isolated Trust")  # from the mentions, as before
        assert profile == read and profile["documents"] == (kept or [])
        store.run(
            "MATCH (n {id: $id}) SET n._first_documents = $kept", {"id": LONER.id, "kept": kept}, write=True
        )

    with open_store(f"embedded:{tmp_path / 'store'}") as store:
        for name in order[:6]:  # one document a statement
            store.upsert(to_batch(docs[name], [], [LONER]))
            written(store)
        for start in range(6, len(order), 8):  # several in one statement, as a load's group
            group = [to_batch(docs[name], [], [LONER]) for name in order[start : start + 8]]
            store.upsert(merge_rows(batch_rows(b) for b in group))
            written(store)
        store.upsert(to_batch(twin, [], [LONER]))  # a name twice: kept once
        written(store)
        assert _first_documents(store, LONER) == sorted(names)[:20]
        assert run(store, "actor", actor="Isolated Trust")[0]["documents_total"] == len(names) + 1

        def replace(old: DocumentInfo, new: DocumentInfo, mentioned: list[Entity]) -> None:
            store.upsert(to_batch(new, [], mentioned), replaces=[old.sha256])
            if old is not twin:
                docs[new.name] = new
            written(store)

        first = sorted(names)[0]  # changed, still mentioning the trust: the list is the same
        replace(docs[first], _doc(first, f"{first}: the Isolated Trust met again.", "news"), [LONER])
        assert _first_documents(store, LONER) == sorted(names)[:20]
        replace(twin, _doc("note-02.txt", "note-02.txt, changed: the Board met.", "news"), [other])
        assert "note-02.txt" in _first_documents(store, LONER), "the other file of that name mentions it"
        gone = sorted(names)[3]  # changed, no longer mentioning the trust: the 21st comes in
        replace(docs[gone], _doc(gone, f"{gone}: the Board met.", "news"), [other])
        assert _first_documents(store, LONER) == [n for n in sorted(names) if n != gone][:20]
        assert _first_documents(store, other) == sorted(["note-02.txt", gone])
        for name in [n for n in sorted(names) if n != gone]:  # every mention gone: so is the node
            replace(docs[name], _doc(name, f"{name}, changed: the Board met.", "news"), [other])
        assert _first_documents(store, LONER) is None
        assert _first_documents(store, other) == sorted(set(names))[:20]

        # a store written before the store kept them: derived where the schema is made sure of
        store.upsert(to_batch(_doc("late.txt", "late.txt: the Isolated Trust met.", "news"), [], [LONER]))
        store.run("MATCH (n) REMOVE n._first_documents", write=True)
        assert _first_documents(store, other) is None
        store.ensure_schema()
        assert (
            _first_documents(store, other)
            == _first_documents_counted(store, other)
            == sorted(set(names))[:20]
        )
        assert _first_documents(store, LONER) == ["late.txt"]
        assert store.run("MATCH (n) WHERE n._first_documents IS NOT NULL RETURN count(n) AS n") == [{"n": 2}]


def test_statements_search_words_in_any_case_in_stores_old_and_new(tmp_path):
    """The word search reads the lower-case text the store keeps with each statement
    (graph/schema.py TEXT_KEY); a statement written before it existed is found all the same."""
    with open_store(f"embedded:{tmp_path / 'store'}") as store:
        for batch in synthetic_batches():
            store.upsert(batch)
        kept = store.run("MATCH (s:Statement) RETURN s.text AS text, s._text_key AS key")
        assert kept and all(row["key"] == row["text"].lower() for row in kept)
        for word in ("TOO LITTLE", "welcome THIS"):
            found = run(store, "statements", word=word)
            assert [r["statement"] for r in found] == [
                t
                for t in ("too little, too late", "I welcome this vital funding.")
                if word.lower() in t.lower()
            ]
            store.run("MATCH (s:Statement) REMOVE s._text_key", write=True)
            assert run(store, "statements", word=word) == found
            for batch in synthetic_batches():  # loading again writes the key back
                store.upsert(batch)
        assert run(store, "statements", word="nowhere") == []


def test_evidence_gives_every_quote_with_its_offsets(synthetic):
    rows = run(synthetic, "evidence", actor="the Met", other="MOPAC")
    assert [(r["subject"], r["relation"], r["object"]) for r in rows] == [
        ("Mayor's Office for Policing and Crime", "OVERSEES", "Metropolitan Police Service")
    ]
    row = rows[0]
    assert DOCS[row["document"]].text[row["quote_start"] : row["quote_end"]] == row["quote"]
    between = run(synthetic, "evidence", actor="Susan Hall", other="the Met")
    assert sorted((r["relation"], r["date"]) for r in between) == [
        ("ASKED", "2025-06-10"),
        ("REPLIED_TO", "2025-05-01"),
        ("REPLIED_TO", "2025-06-20"),
    ]


def test_connection_finds_only_the_shortest_chains(synthetic):
    rows = run(synthetic, "connection", actor="Claire Waxman", other="the Met")
    assert rows == [
        {
            "hops": 3,
            "chain": "Claire Waxman -WELCOMED-> £2.4m package of support <-CRITICISED- Susan Hall "
            "-ASKED-> Metropolitan Police Service",
        },
        {
            "hops": 3,
            "chain": "Claire Waxman -WELCOMED-> £2.4m package of support <-CRITICISED- Susan Hall "
            "<-REPLIED_TO- Metropolitan Police Service",
        },
    ]
    mayor = run(synthetic, "connection", actor="Sadiq Khan", other="the Met")
    assert {r["hops"] for r in mayor} == {2}
    assert (
        "Sadiq Khan -OVERSEES-> Mayor's Office for Policing and Crime -OVERSEES-> Metropolitan Police Service"
        in {r["chain"] for r in mayor}
    )
    assert [r["hops"] for r in run(synthetic, "connection", actor="MOPAC", other="the Met")] == [1]
    # documents mention everything; they are not a connection
    assert run(synthetic, "connection", actor="Isolated Trust", other="the Met") == []


# --- hostile parameters -------------------------------------------------------------------------


@pytest.mark.parametrize("name", QUESTIONS)
def test_injection_in_any_parameter_finds_nothing_and_changes_nothing(synthetic, name):
    question = get_question(name, CATALOG)
    examples = question.example_params()
    before = fingerprint(synthetic)
    for param in question.params:
        for attack in INJECTIONS:
            raw = {**examples, param.name: attack}
            try:
                rows = run(synthetic, name, **raw)
            except (ParamError, ResolveError) as exc:
                assert f"parameter {param.name}" in str(exc) or param.name in str(exc)
            else:
                assert rows == [], f"{name} -p {param.name}={attack!r} returned {rows}"
            # unresolved, as the Browser would send it
            if param.type in ("string", "actor"):
                typed = {k: question.param(k).parse(v) for k, v in examples.items()}
                assert run_raw(synthetic, name, **{**typed, param.name: attack}) == []
    assert fingerprint(synthetic) == before


# --- the sample corpus, loaded by the pipeline ----------------------------------------------------


def test_london_motion_1_was_answered_53_days_later(london):
    rows = run(london, "who-was-asked", actor="London Assembly")
    motion = [r for r in rows if "Grooming Victims" in (r["about"] or "")]
    assert len(motion) == 1, rows
    row = motion[0]
    assert (row["asker"], row["asked"]) == ("London Assembly", "Sadiq Khan")
    assert (row["asked_on"], row["replied_on"], row["days_to_reply"]) == ("2026-02-26", "2026-04-20", 53)
    assert row["ask_document"] == "000_752acae30fefd230.txt"


def test_london_the_2024_confidence_motion_was_answered_209_days_later(london):
    rows = [
        r
        for r in run(london, "who-was-asked", since="2024-09-05", until="2024-09-05")
        if "Confidence" in (r["about"] or "")
    ]
    assert len(rows) == 1, rows
    assert (rows[0]["asked_on"], rows[0]["replied_on"], rows[0]["days_to_reply"]) == (
        "2024-09-05",
        "2025-04-02",
        209,
    )


def test_london_response_times_of_the_mayor(london):
    mayor = one(run(london, "response-times", actor="Sadiq Khan"), actor="Sadiq Khan")
    assert mayor["times_replied"] >= 4 and mayor["times_asked"] >= mayor["times_replied"]
    assert (mayor["median_days_to_reply"], mayor["longest_days_to_reply"]) == (53, 209)


def test_london_the_2_4m_package_is_funded_with_a_quote(london):
    rows = [r for r in run(london, "funding", funder="Sadiq Khan") if r["amount_gbp"] == 2_400_000]
    assert rows, run(london, "funding")
    assert any("£2.4m" in (r["quote"] or "") for r in rows)
    assert all(r["document"] for r in rows)


def test_london_oversight_of_the_met_includes_mopac(london):
    rows = run(london, "oversight", actor="the Met")
    assert "Mayor's Office for Policing and Crime" in {r["other"] for r in rows if r["direction"] == "above"}


def test_london_statements_and_reactions(london):
    said = run(london, "statements", speaker="Susan Hall", word="too little")
    assert said and all(r["speaker"] == "Susan Hall" for r in said)
    welcomed = run(london, "reactions", kind="welcomed")
    assert any(r["actor"] == "Claire Waxman" for r in welcomed), welcomed


def test_london_actor_profile_and_evidence(london):
    [mopac] = run(london, "actor", actor="mopac")
    assert mopac["name"] == "Mayor's Office for Policing and Crime"
    assert any(r.startswith("OVERSEES out") for r in mopac["relationships"])
    assert mopac["documents"]
    rows = run(london, "evidence", actor="MOPAC", other="the Met")
    texts = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES.iterdir()}
    assert rows
    for row in rows:
        assert texts[row["document"]][row["quote_start"] : row["quote_end"]] == row["quote"]


@pytest.mark.parametrize("name", QUESTIONS)
def test_london_every_question_runs_with_its_examples(london, name):
    question = get_question(name, CATALOG)
    rows = run(london, name, **question.example_params())
    for row in rows:
        assert tuple(row) == question.returns


# --- pages ----------------------------------------------------------------------------------------


def _pages(store: Store, name: str, raw: dict[str, str], limit: int) -> tuple[list[dict[str, Any]], set[int]]:
    """Every page of an answer, one after the other, and the totals the pages gave."""
    question = get_question(name, CATALOG)
    params = prepare(store, question, raw).params
    rows: list[dict[str, Any]] = []
    totals: set[int] = set()
    while True:
        page = run_page(store, question, params, offset=len(rows), limit=limit)
        totals.add(page.total)
        if not page.rows:
            return rows, totals
        rows += page.rows


def _cases(name: str) -> list[dict[str, str]]:
    """A question's examples, and (when it has an optional actor) the same with no actor."""
    question = get_question(name, CATALOG)
    cases = [question.example_params()]
    if question.actor_params and not any(
        p.required for p in question.params if p.name in question.actor_params
    ):
        cases.append({k: v for k, v in cases[0].items() if k not in question.actor_params})
    return cases


@pytest.mark.parametrize("name", QUESTIONS)
def test_the_pages_of_every_answer_are_the_answer_cut_in_order(london, name):
    """Questions that mark where their rows are complete (`// page`, queries/paging.py) keep only
    a page of rows past the mark; any page, and the total, is what the whole answer gives."""
    question = get_question(name, CATALOG)
    for raw in _cases(name):
        whole = run(london, name, **raw)
        for limit in (1, 2, 7):
            rows, totals = _pages(london, name, raw, limit)
            assert totals == {len(whole)}, (raw, limit)
            # rows the order ties may come in either order, each once (every first column is a sort key)
            assert sorted(map(repr, rows)) == sorted(map(repr, whole)), (raw, limit)
            assert [r[question.returns[0]] for r in rows] == [r[question.returns[0]] for r in whole]


def test_a_page_past_the_last_row_is_empty_and_still_gives_the_total(london):
    question = get_question("who-was-asked", CATALOG)
    params = prepare(london, question, {}).params
    total = run_page(london, question, params).total
    assert total > 0
    past = run_page(london, question, params, offset=total + 5, limit=3)
    assert past.rows == [] and past.total == total


def test_a_question_marked_for_pages_only_matches_between_the_mark_and_the_return():
    question = get_question("who-was-asked", CATALOG)
    broken = dataclasses.replace(
        question,
        cypher=question.cypher.replace(
            "OPTIONAL MATCH ()-[r:REPLIED_TO", "WITH a, q, b, kind\nOPTIONAL MATCH ()-[r:REPLIED_TO"
        ),
    )
    with pytest.raises(ValueError, match="only MATCH clauses may come between `// page` and the RETURN"):
        paged(broken)
    statement = paged(question)
    assert "SKIP $page_offset LIMIT $page_limit" in statement
    assert statement.index("LIMIT $page_limit") < statement.index("REPLIED_TO {key: q._reply}"), (
        "the reply is looked up for the page's rows only"
    )


# The dates a hub's answers are tried with: both bounds, one of them, dates that fall inside a
# month-only or a year-only date, and a range past every fact.
_HUB_RANGES = [
    {},
    {"since": "2025-01-15"},
    {"until": "2025-06-30"},
    {"since": "2023-06-01", "until": "2026-04-19"},
    {"since": "2026-04-01", "until": "2026-04-30"},
    {"since": "2030-01-01"},
]


def test_a_hub_is_read_from_the_date_indexes_with_the_same_answers(synthetic):
    """An actor in more than 5,000 asks or facts (the counts the store keeps) is read through the
    `date` indexes and kept to its own, where a smaller one is read one relationship at a time;
    both ways give the same rows. FalkorDB's string range reads can give more than asked above
    the upper bound, so the questions test the bound again (a range up to 2025-06-30 must not
    bring back what follows it)."""
    if synthetic.backend != "embedded":
        pytest.skip("the counts are set by hand on the embedded store")
    questions = {
        "who-was-asked": {},
        "unanswered": {"today": "2026-11-23"},
        "response-times": {},
        "timeline": {},
    }
    before = {
        (name, i): run(synthetic, name, actor="Sadiq Khan", **extra, **dates)
        for name, extra in questions.items()
        for i, dates in enumerate(_HUB_RANGES)
    }
    assert any(before[("timeline", 2)]) and all(r["date"] <= "2025-06-30" for r in before[("timeline", 2)])
    assert any(before[("who-was-asked", 1)])
    mayor = "MATCH (n:Person) WHERE n.name = 'Sadiq Khan' "
    [kept] = synthetic.run(mayor + "RETURN n._out_ASKED AS asks")
    synthetic.run(mayor + "SET n._out_ASKED = 6000", write=True)
    try:
        for (name, i), rows in before.items():
            again = run(synthetic, name, actor="Sadiq Khan", **questions[name], **_HUB_RANGES[i])
            assert again == rows, (name, _HUB_RANGES[i])
    finally:
        synthetic.run(mayor + "SET n._out_ASKED = $asks", {"asks": kept["asks"]}, write=True)


def test_with_no_actor_the_date_indexes_give_what_the_whole_store_gives(synthetic):
    """With no actor, asks and facts in a date range come from the `date` indexes; the same
    questions with the range tested on every relationship instead give the same rows."""
    for dates in _HUB_RANGES[1:]:
        every = run(synthetic, "timeline")
        expected = [
            r for r in every
            if ("since" not in dates or r["date"] >= dates["since"][: len(r["date"])])
            and ("until" not in dates or r["date"] <= dates["until"])
        ]  # fmt: skip
        assert run(synthetic, "timeline", **dates) == expected, dates
        asks = run(synthetic, "who-was-asked")
        expected_asks = [
            r for r in asks
            if r["asked_on"] is not None
            and ("since" not in dates or r["asked_on"] >= dates["since"][: len(r["asked_on"])])
            and ("until" not in dates or r["asked_on"] <= dates["until"])
        ]  # fmt: skip
        assert run(synthetic, "who-was-asked", **dates) == expected_asks, dates


# --- the command ----------------------------------------------------------------------------------

runner = CliRunner()


def _uri(store: Store) -> str:
    return "embedded:" + store.location if store.backend == "embedded" else store.location


@pytest.fixture()
def cg(synthetic):
    if synthetic.backend != "embedded":
        pytest.skip("the CLI is tested on the embedded store")

    def invoke(*args: str):
        return runner.invoke(app, list(args), env={"CIVICGRAPH_STORE": _uri(synthetic)})

    return invoke


def test_ask_list_shows_names_descriptions_and_parameters():
    result = runner.invoke(app, ["ask", "--list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {q["name"]: q for q in json.loads(result.stdout)}
    assert set(listed) == set(QUESTIONS)
    since = next(p for p in listed["who-was-asked"]["params"] if p["name"] == "since")
    assert since == {
        "name": "since",
        "type": "date",
        "required": False,
        "default": None,
        "example": "2024-01-01",
        "choices": None,
        "help": "asked on or after this date",
    }
    table = runner.invoke(app, ["ask", "--list", "--format", "table"])
    assert table.exit_code == 0 and "response-times" in table.stdout and "median" in table.stdout


def test_ask_answers_in_every_format(cg):
    result = cg("ask", "who-was-asked", "-p", "actor=the Met", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["about"] for r in rows} >= {"Motion 9 – Front Counters"}
    assert "actor: 'the Met' is Metropolitan Police Service (Organization)" in result.stderr
    csv_out = cg("ask", "funding", "-p", "funder=mopac", "--format", "csv")
    assert csv_out.exit_code == 0 and csv_out.stdout.splitlines()[0] == (
        "funder,recipient,recipient_type,amount_gbp,period,date,quote,document"
    )
    markdown = cg("ask", "oversight", "--param", "actor=the Met", "--format", "markdown")
    assert markdown.exit_code == 0 and markdown.stdout.startswith("| direction | depth | other |")
    table = cg("ask", "response-times", "--format", "table")
    assert table.exit_code == 0 and "Sadiq" in table.stdout


def test_an_office_with_one_holder_is_answered_for_that_person(cg):
    result = cg("ask", "funding", "-p", "funder=Mayor", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {r["funder"] for r in rows} == {"Sadiq Khan"}
    said = " ".join(result.stderr.split())
    assert (
        "funder: 'Mayor' is the office Mayor of London, held by Sadiq Khan: answering for Sadiq Khan" in said
    )
    office = cg("ask", "funding", "-p", "funder=id:mayor-of-london", "--format", "json")
    assert office.exit_code == 0 and json.loads(office.stdout) == [], "id: names the office itself"


def test_export_of_a_question_answers_what_ask_answers(cg):
    """`export --query` prepares the parameters as `ask` does: the office "Mayor" is its holder."""
    asked = cg("ask", "oversight", "-p", "actor=Mayor", "--format", "json")
    assert asked.exit_code == 0, asked.output
    others = {r["other"] for r in json.loads(asked.stdout)}
    assert others == {
        "Mayor's Office for Policing and Crime",
        "Metropolitan Police Service",
        "Directorate of Professional Standards",
    }
    exported = cg("export", "json", "--query", "oversight", "-p", "actor=Mayor")
    assert exported.exit_code == 0, exported.output
    names = {n["label"] for n in json.loads(exported.stdout)["nodes"]}
    assert names >= others
    assert "answering for Sadiq Khan" in " ".join(exported.stderr.split())
    for command in (["ask", "oversight"], ["export", "json", "--query", "oversight"]):
        unknown = cg(*command, "-p", "actor=Nobody At All")
        assert unknown.exit_code == 2, f"{command}: an unknown actor is a usage error everywhere"
        assert "no node called 'Nobody At All'" in unknown.stderr


def test_names_with_honorifics_and_post_nominals_resolve(synthetic):
    assert resolve(synthetic, "Sir Mark Rowley").id == ROWLEY.id
    assert resolve(synthetic, "Claire Waxman OBE").id == WAXMAN.id
    assert resolve(synthetic, "Dr Susan Hall AM").id == HALL.id
    assert plain_name("Lord Duvall of Woolwich OBE AM") == "duvall of woolwich"
    assert plain_name("The Rt Hon Sir Sadiq Khan") == "sadiq khan"
    assert plain_name("AM") == "am", "a word alone is a name, not a post-nominal"


def test_london_andrew_boff_am_resolves(london):
    assert resolve(london, "Andrew Boff AM").name == "Andrew Boff"
    assert resolve(london, "Lord Duvall of Woolwich OBE AM").name == "Len Duvall"
    assert resolve(london, "Sir Mark Rowley").name == "Mark Rowley"


def test_ask_prints_the_complete_cypher_for_the_browser(cg, synthetic):
    result = cg("ask", "funding", "-p", "funder=the Met", "-p", "min_amount=1e5", "--cypher")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert ":params {funder: 'the Met', recipient: null, min_amount: 100000.0}" in text
    assert text.startswith(":params {"), "the Browser takes :params as the first command"
    cypher = text.split("\n", 1)[1].strip()
    assert cypher.startswith("// civicgraph question funding (funding.cypher)")
    assert cypher.endswith(get_question("funding", CATALOG).cypher.strip())
    assert "OPTIONAL MATCH (n1:Person {id: lookup_id})" in cypher, "the lookup is inlined"
    # what the Browser would run: the statement as printed, with those values
    assert synthetic.run(
        cypher, {"funder": "Mayor’s Office for Policing and Crime", "recipient": None, "min_amount": None}
    )
    quoted = cg("ask", "statements", "-p", "word=it's", "--cypher")
    assert "word: 'it\\'s'" in quoted.stdout


def test_ask_limit_and_empty_results(cg):
    limited = cg("ask", "timeline", "--limit", "2", "--format", "json")
    assert limited.exit_code == 0 and len(json.loads(limited.stdout)) == 2
    assert "showing rows 1-2 of" in limited.stderr and "--offset 2 for the next page" in limited.stderr
    total = int(limited.stderr.split(" of ")[1].split()[0])
    second = cg("ask", "timeline", "--limit", "2", "--offset", "2", "--format", "json")
    every = cg("ask", "timeline", "--all", "--format", "json")
    assert len(json.loads(every.stdout)) == total, "the total is every row"
    assert json.loads(second.stdout) == json.loads(every.stdout)[2:4], "the next page, in the same order"
    empty = cg("ask", "who-was-asked", "-p", "since=2030-01-01", "--format", "json")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
    assert "no results: who-was-asked found nothing (since=2030-01-01)" in empty.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["who-asked"], "unknown question 'who-asked'; did you mean who-was-asked?"),
        (["budget"], "unknown question 'budget'; available: actor, commitments"),
        ([], "name a question or use --list"),
        (
            ["who-was-asked", "-p", "since=2024-13-01"],
            "parameter since: '2024-13-01' is not an ISO date (YYYY-MM-DD)",
        ),
        (["who-was-asked", "-p", "speaker=x"], "question who-was-asked has no parameter 'speaker'"),
        (["statements", "-p", "speakr=x"], "has no parameter 'speakr' (did you mean speaker?)"),
        (["reactions", "-p", "kind=welcome"], "not one of criticised, welcomed (did you mean welcomed?)"),
        (["who-was-asked", "-p", "since"], "parameter 'since' is not key=value"),
        (["oversight"], "question oversight needs parameter actor"),
        (
            ["oversight", "-p", "actor=the Mett"],
            "no node called 'the Mett'; closest: Metropolitan Police Service",
        ),
        (["actor", "-p", "actor=the Commissioner"], "'the Commissioner' could mean 2 nodes"),
        (["funding", "--format", "xml"], "civicgraph ask: Invalid value for '--format'"),
        (["funding", "--limt", "3"], "No such option: --limt"),
    ],
)
def test_ask_usage_errors_exit_2_with_one_clear_line(cg, args, message):
    result = cg("ask", *args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in " ".join(result.stderr.split())


def test_an_office_is_answered_for_its_holder_on_the_question_date(tmp_path):
    """HOLDS_OFFICE start/end, where known, decide who held an office on the question's `until`
    (or `today`) date; a holder whose term is unknown may hold it on any date."""
    store = open_store(f"embedded:{tmp_path / 'offices'}")
    try:
        store.ensure_schema()
        store.run(
            "CREATE (o:Post {id: 'mayor-of-london', name: 'Mayor of London', aliases: ['the Mayor']}),"
            " (:Person {id: 'boris-johnson', name: 'Boris Johnson'})"
            "-[:HOLDS_OFFICE {start: '2008-05-04', end: '2016-05-08'}]->(o),"
            " (:Person {id: 'sadiq-khan', name: 'Sadiq Khan'})-[:HOLDS_OFFICE {start: '2016-05-09'}]->(o)",
            write=True,
        )
        who = get_question("who-was-asked", CATALOG)
        then = prepare(store, who, {"actor": "the Mayor", "until": "2012-01-01"})
        assert then.params["actor"] == "id:boris-johnson" and "held by Boris Johnson" in then.notes[0]
        now = prepare(store, who, {"actor": "the Mayor"}, today=dt.date(2026, 11, 23))
        assert now.params["actor"] == "id:sadiq-khan"
        waiting = prepare(
            store, get_question("unanswered", CATALOG), {"actor": "the Mayor", "today": "2010-06-01"}
        )
        assert waiting.params["actor"] == "id:boris-johnson"
        store.run("MATCH (:Person {id: 'sadiq-khan'})-[h:HOLDS_OFFICE]->() REMOVE h.start", write=True)
        both = prepare(store, who, {"actor": "the Mayor", "until": "2012-01-01"})
        assert both.params["actor"] == "id:mayor-of-london", "two may have held it: the office itself"
        assert "held by Boris Johnson, Sadiq Khan on 2012-01-01" in both.notes[0]
    finally:
        store.close()
