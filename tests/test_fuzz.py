"""Hypothesis properties for the paths where outside input enters civicgraph (issue 6, point 5).

What each property holds for any input: no exception escapes but the documented error type;
every evidence offset indexes the kept text (`text[start:end] == quote`); the output is the same
when run again. Complements tests/test_readers.py (readers alone) and
tests/test_extract_property.py (the extractor on word soup): here whole files go through the
reader, the size guard and the extractor together; the extractor meets quotes, money and dates
built to look real and must return only what the store accepts; and command-line parameters
meet the question catalogue, `parse_params` and the store's own parameter handling.

CI runs a modest number of examples (CIVICGRAPH_FUZZ_EXAMPLES, default below); bench/fuzz_long.py
runs the same properties with many more.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import string
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cli.common import EXIT_USAGE, json_value, parse_params
from graph.facts import Batch, DocumentInfo, to_batch
from graph.falkor import EmbeddedFalkorStore
from graph.schema import NODE_LABELS, REL_TYPES
from graph.store import StoreError
from graph.upsert import clean_text, clean_value, plan_upsert
from loaders.extract import ExtractionError, extract
from loaders.pipeline import extract_file
from loaders.registry import Registry
from queries.catalog import ParamError, load_catalog

EXAMPLES = int(os.environ.get("CIVICGRAPH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
REGISTRY = Registry.load()
CATALOG = load_catalog()
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# --- strategies: text that looks like the documents civicgraph reads -----------------------------

PEOPLE = st.sampled_from(
    ["Sadiq Khan", "Sir Mark Rowley", "Susan Hall AM", "Baroness Casey", "Dr Amara Okafor", "Commander Ben Doyle",
     "the Mayor", "the Commissioner", "Ms Hale", "Sir Sadiq", "Lord Ives OBE", "Hale"]
)  # fmt: skip
BODIES = st.sampled_from(
    ["MOPAC", "the Met", "the MPS", "the London Assembly", "City Hall", "the GLA", "HMICFRS", "the NCA",
     "the Riverside Food Bank", "Transport for London", "the Police and Crime Committee", "the inspectorate"]
)  # fmt: skip
MONEY = st.one_of(
    st.builds("£{}m".format, st.decimals(0, 999, places=1, allow_nan=False, allow_infinity=False)),
    st.builds("£{:,}".format, st.integers(0, 10**12)),
    st.builds("£{}million".format, st.integers(0, 5000)),
    st.builds("£{}bn".format, st.integers(0, 99)),
    st.builds("£{} per year".format, st.integers(0, 10**7)),
    st.sampled_from(["£", "£.", "£0", "£-5m", "£1e9", "£99999999999999999999999999", "£2.4.5m", "£,000"]),
)
MONTH = st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December", "Febuary", "Sept"])  # fmt: skip
DATES = st.one_of(
    st.builds("{} {} {}".format, st.integers(0, 40), MONTH, st.integers(1900, 2100)),
    st.builds("{} {}".format, MONTH, st.integers(1, 3000)),
    st.builds("{}-{:02d}-{:02d}".format, st.integers(1000, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.builds("{}/{}".format, st.integers(1990, 2040), st.integers(0, 99)),
    st.sampled_from(["last week", "in January", "Published 5 days ago", "yesterday", "next month",
                     "31 February 2025", "29 February 2023", "from April 2026", "13th November"]),
)  # fmt: skip
QUOTES = st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", "„"])
VERBS = st.sampled_from(
    ["said", "told the Assembly", "asked", "funded", "has awarded a grant to", "welcomed", "criticised",
     "will oversee", "chairs", "leads", "set up", "committed", "replied to", "is reviewing", "partners with"]
)  # fmt: skip
FILLER = st.text(alphabet=string.ascii_letters + string.digits + " ,.;:()-–—\n'\"£\u202e\u00a0", max_size=30)
PIECE = st.one_of(PEOPLE, BODIES, MONEY, DATES, QUOTES, VERBS, FILLER, st.just("\n\n"), st.just(". "))
SENTENCE = st.one_of(
    st.builds("{} {} {} with {} from {}.".format, PEOPLE, VERBS, BODIES, MONEY, DATES),
    st.builds("{}{}{} said {} on {}.".format, QUOTES, FILLER, QUOTES, PEOPLE, DATES),
    st.builds("{}, chair of {}, said: “{}”".format, PEOPLE, BODIES, FILLER),
    st.builds("{} was set up by {} in {}.".format, BODIES, PEOPLE, DATES),
    st.builds("{} asked {} about {} on {}.".format, PEOPLE, PEOPLE, FILLER, DATES),
    st.builds("{} has awarded a grant of {} to {} {}.".format, BODIES, MONEY, BODIES, DATES),
    st.builds("{} {} {}, {} said.".format, BODIES, VERBS, BODIES, PEOPLE),
    st.lists(PIECE, min_size=1, max_size=12).map(" ".join),
)
DOCUMENT_TEXT = st.lists(
    st.tuples(SENTENCE, st.sampled_from([" ", "\n", "\n\n"])), min_size=1, max_size=25
).map(lambda parts: "".join(s + sep for s, sep in parts))


def _check_facts(text: str, extraction) -> list:
    """Offsets index the text; values have the documented shapes; the batch is storable."""
    for fact in extraction.facts:
        assert fact.predicate in REL_TYPES and fact.predicate != "MENTIONS"
        assert fact.subject.label in NODE_LABELS
        assert fact.target is None or fact.target.label in NODE_LABELS
        assert fact.evidence, "every fact carries evidence"
        for ev in fact.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.quote
        if fact.date is not None:
            assert ISO.match(fact.date), fact.date
            if len(fact.date) == 10:
                dt.date.fromisoformat(fact.date)
            elif len(fact.date) == 7:
                assert 1 <= int(fact.date[5:]) <= 12, fact.date
        if fact.amount_gbp is not None:
            assert isinstance(fact.amount_gbp, int | float) and math.isfinite(fact.amount_gbp)
            assert fact.amount_gbp >= 0, fact.amount_gbp
    batch = to_batch(extraction.document, extraction.facts, extraction.entities)
    plan_upsert(batch)  # raises SchemaError if a label, type, property or id is not acceptable
    return [f.as_json() for f in extraction.facts]


# --- whole files: reader, size guard and extractor together -----------------------------------------------


FILE_BYTES = st.one_of(
    st.binary(max_size=3000),
    DOCUMENT_TEXT.map(lambda t: t.encode("utf-8")),
    st.tuples(DOCUMENT_TEXT, st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])).map(
        lambda t: t[0].encode(t[1], errors="replace")
    ),
    DOCUMENT_TEXT.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode()),
    st.tuples(st.binary(max_size=40), DOCUMENT_TEXT).map(lambda t: t[0] + t[1].encode()),
)


@FUZZ
@given(raw=FILE_BYTES, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_file_gives_exact_facts_or_one_reason(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(raw)
    first = extract_file(str(path))
    name, extraction, problem = first
    assert name == str(path)
    if extraction is None:
        assert isinstance(problem, str) and problem and "\n" not in problem
        assert extract_file(str(path))[2] == problem, "the same reason again"
        return
    assert problem is None
    facts = _check_facts(extraction.document.text, extraction)
    again = extract_file(str(path))[1]
    assert again.document.text == extraction.document.text
    assert [f.as_json() for f in again.facts] == facts, "deterministic"


# --- the extractor on text built like documents -----------------------------------------------------------------


@FUZZ
@given(text=DOCUMENT_TEXT, date=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
def test_extraction_returns_only_what_the_store_accepts(text: str, date: dt.date | None) -> None:
    def run():
        doc = DocumentInfo(
            name="fuzz.txt", sha256="f" * 64, text=text, date=date.isoformat() if date else None
        )
        return extract(doc, REGISTRY)

    try:
        first = run()
    except ExtractionError as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    facts = _check_facts(text, first)
    assert [f.as_json() for f in run().facts] == facts, "deterministic"


# --- parameters: the question catalogue, parse_params and the store --------------------------------------------

QUESTIONS = sorted(CATALOG)
RAW_VALUE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2024-02-29", "2023-02-29", "2024-13-01", " 2024-01-01 ", "yes", "NO", "1e400", "nan",
                     "-inf", "1,000.5", "1_000", "0x10", "99999999999999999999", "id:x", "the Met", "'})//"]),
)  # fmt: skip


@FUZZ
@given(name=st.sampled_from(QUESTIONS), data=st.data())
def test_question_parameters_bind_to_typed_values_or_a_param_error(name: str, data: st.DataObject) -> None:
    question = CATALOG[name]
    names = [p.name for p in question.params]
    keys = st.one_of(st.sampled_from(names), st.text(max_size=12)) if names else st.text(max_size=12)
    raw = data.draw(st.dictionaries(keys, RAW_VALUE, max_size=4))
    try:
        values = question.bind(raw)
    except ParamError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert set(values) == set(names)
    assert question.bind(raw) == values, "deterministic"
    for param in question.params:
        value = values[param.name]
        if value is None:
            assert not param.required and param.name not in raw
            continue
        if param.choices:
            assert value in param.choices
        elif param.type == "date":
            assert dt.date.fromisoformat(value).isoformat() == value
        elif param.type == "int":
            assert type(value) is int
        elif param.type == "float":
            assert isinstance(value, float) and math.isfinite(value)
        elif param.type == "bool":
            assert type(value) is bool
        else:
            assert isinstance(value, str) and value == value.strip() and value


@FUZZ
@given(pairs=st.lists(st.text(max_size=20), max_size=6))
def test_parse_params_gives_key_value_pairs_or_a_usage_error(pairs: list[str]) -> None:
    try:
        params = parse_params(pairs)
    except typer.Exit as exit_:
        assert exit_.exit_code == EXIT_USAGE
        assert any("=" not in pair or not pair.partition("=")[0].strip() for pair in pairs)
        return
    expected: dict[str, str] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        expected[key.strip()] = value
    assert params == expected


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with EmbeddedFalkorStore(str(tmp_path_factory.mktemp("fuzz") / "store"), timeout_ms=20_000) as opened:
        yield opened


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _same(got, want) -> bool:
    """`got` is what the store read back for `want`: FalkorDB prints doubles to 15 significant
    digits in its answers (0.1 + 0.2 comes back as 0.3), everything else exactly."""
    if isinstance(want, float) and isinstance(got, int | float):
        return got == float(f"{want:.15g}")
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(_same, got, want))
    if isinstance(want, dict):
        return (
            isinstance(got, dict) and got.keys() == want.keys() and all(_same(got[k], want[k]) for k in want)
        )
    return got == want


@FUZZ
@given(text=st.one_of(st.text(max_size=60), JSONISH.map(json.dumps)))
@example(text="1.7976931348623151E308")
@example(text='{"": 1, "a`b": [0.30000000000000004, 18446744073709551616]}')
def test_command_line_values_reach_the_store_as_values(store: EmbeddedFalkorStore, text: str) -> None:
    """`cypher -p k=TEXT`: the value the store sees and returns is the parsed value, cleaned of
    what no store may hold (NUL and other controls, lone surrogates, integers past 64 bits, NaN,
    infinities and doubles that would read back as infinite), or a StoreError naming the
    parameter; the server keeps answering. (The long run found 1.7976931348623151e308, which
    came back as infinity.)"""
    value = json_value(text)
    try:
        rows = store.run("RETURN $v AS v", {"v": value})
    except StoreError as error:
        assert "parameter v" in str(error)
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
        return
    assert _same(rows[0]["v"], clean_value(value)), (rows, value)


@FUZZ
@given(text=st.text(max_size=80))
def test_any_text_is_stored_literally_and_string_functions_agree_with_python(
    store: EmbeddedFalkorStore, text: str
) -> None:
    """Broken UTF-8 once crashed the server in size(), reverse() and substring(): every text is
    cleaned to one replacement character per unsafe one, then stored and read back as it is."""
    clean = clean_text(text)
    assume(len(clean) == len(text))
    row = store.run("RETURN $v AS v, size($v) AS n, reverse($v) AS r, substring($v, 1, 3) AS s", {"v": text})[
        0
    ]
    assert row == {"v": clean, "n": len(clean), "r": clean[::-1], "s": clean[1:4]}
    node_id = "fuzz-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    store.upsert(
        Batch(nodes=[{"label": "Person", "id": node_id, "props": {"name": text, "aliases": [text]}}])
    )
    back = store.run(
        "MATCH (n:Person {id: $id}) RETURN n.name AS name, n.aliases AS aliases", {"id": node_id}
    )
    assert back == [{"name": clean, "aliases": [clean]}]
