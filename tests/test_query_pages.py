"""Pages of the answers ordered by date (`// page by`, queries/paging.py), and the asks' `about`
kept in lower case (graph/schema.py ABOUT_KEY), on the embedded store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.facts import DocumentInfo, Entity, Evidence, Fact, short_hash, to_batch
from graph.schema import ABOUT_KEY
from graph.store import Store, open_store
from queries.catalog import get_question, load_catalog
from queries.paging import counted, derived_count, page_until, run_page
from queries.resolve import prepare

CATALOG = load_catalog()
ASSEMBLY = Entity("London Assembly", "Organization")
MAYOR = Entity("Sadiq Khan", "Person", aliases=("the Mayor",))
HALL = Entity("Susan Hall", "Person")
MET = Entity("Metropolitan Police Service", "Organization", aliases=("the Met",))
# Dates of every precision over many months, and undated asks: pages fall inside and across months.
DATES = ["2024", "2024-01", "2024-01-01", "2024-01-15", "2024-02", "2024-02-03", "2024-02-28", "2024-03-10",
         "2024-05", "2024-05-05", "2024-07-01", "2024-12-31", "2025", "2025-01-02", "2025-03-31",
         "2025-06-30", "2025-06-30", "2026-02-26", None]  # fmt: skip
BY_DATE = ["who-was-asked", "unanswered", "timeline"]


def _batches() -> list[Any]:
    """One letter per ask (asks of several actors, some answered), so every ask is formal."""
    batches = []
    pairs = [(ASSEMBLY, MAYOR), (HALL, MAYOR), (ASSEMBLY, MET)]
    for i, date in enumerate(DATES * 2):
        asker, asked = pairs[i % 3]
        about = f"{'MOTION' if i % 4 == 0 else 'Motion'} {i} – {'Fares' if i % 3 else 'Police'}"
        text = f"Letter {i}.\n{asker.name} asked {asked.name} about {about}.\n{asked.name} replied.\n"
        doc = DocumentInfo(name=f"letter-{i:03d}.txt", sha256=short_hash(str(i), text, length=64), text=text,
                           genre="letter")  # fmt: skip
        quote = f"{asker.name} asked {asked.name} about {about}."
        start = text.index(quote)
        facts = [Fact(asker, "ASKED", asked, [Evidence(doc.name, doc.sha256, quote, start, start + len(quote))],
                      date=date, about=about)]  # fmt: skip
        if i % 5 == 0 and date is not None:
            reply = f"{asked.name} replied."
            at = text.index(reply)
            facts.append(Fact(asked, "REPLIED_TO", asker, [Evidence(doc.name, doc.sha256, reply, at, at + len(reply))],
                              date="2026-03-01", about=about))  # fmt: skip
        batches.append(to_batch(doc, facts))
    return batches


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[Store]:
    with open_store("embedded:" + str(tmp_path_factory.mktemp("pages"))) as st:
        for batch in _batches():
            st.upsert(batch)
        yield st


class Recording:
    """A store that keeps the parameters of every statement it runs."""

    def __init__(self, store: Store) -> None:
        self.store, self.calls = store, []

    def run(self, cypher: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict[str, Any]]:
        self.calls.append(dict(params or {}))
        return self.store.run(cypher, params, **kw)


def _cases(name: str) -> list[dict[str, str]]:
    question = get_question(name, CATALOG)
    declared = {p.name for p in question.params}
    cases = [{}, {"actor": "Sadiq Khan"}, {"since": "2024-01-10"}, {"until": "2024-06-30"}, {"about": "motion"},
             {"since": "2024-02-01", "until": "2025-03-31", "about": "FARES"}, {"until": "2023-12-31"}]  # fmt: skip
    extra = {"today": "2025-06-30"} if "today" in declared else {}
    return [extra | c for c in cases if set(c) <= declared]


@pytest.mark.parametrize("name", BY_DATE)
def test_pages_read_by_month_are_the_whole_answer_cut_in_order(store, name):
    """Each page (counted by month, then read up to the month it ends in) is the whole answer's
    rows in order, and the total is the whole answer's, for pages of 1, 3 and 8 rows."""
    question = get_question(name, CATALOG)
    assert counted(question) is not None
    for raw in _cases(name):
        params = prepare(store, question, raw).params
        whole = store.run(question.cypher, params)
        assert whole or raw.get("until") == "2023-12-31", raw
        for limit in (1, 3, 8):
            rows, offset = [], 0
            while True:
                page = run_page(store, question, params, offset=offset, limit=limit)
                assert page.total == len(whole), (raw, limit, offset)
                if not page.rows:
                    break
                rows += page.rows
                offset += limit
            assert sorted(map(repr, rows)) == sorted(map(repr, whole)), (raw, limit)
            first = question.returns[0]
            assert [r[first] for r in rows] == [r[first] for r in whole], (raw, limit)


def test_a_first_page_reads_only_up_to_the_month_it_ends_in(store):
    question = get_question("who-was-asked", CATALOG)
    params = prepare(store, question, {}).params
    recording = Recording(store)
    first = run_page(recording, question, params, limit=2)  # type: ignore[arg-type]
    assert [call.get("until") for call in recording.calls] == [None, "2024"], "two asks dated 2024 alone"
    assert [r["asked_on"] for r in first.rows] == ["2024", "2024"]
    recording.calls.clear()
    assert [r["asked_on"] for r in run_page(recording, question, params, limit=3).rows] == [
        "2024",
        "2024",
        "2024-01",
    ]  # type: ignore[arg-type]
    assert [call.get("until") for call in recording.calls] == [None, "2024-01~"]
    recording.calls.clear()
    last = run_page(recording, question, params, offset=first.total - 1, limit=5)  # type: ignore[arg-type]
    assert [call.get("until") for call in recording.calls] == [None, None], "the undated rows are last"
    assert [r["asked_on"] for r in last.rows] == [None]
    recording.calls.clear()
    assert run_page(recording, question, params, offset=first.total + 3).rows == []  # type: ignore[arg-type]
    assert len(recording.calls) == 1, "past the last row the counts are enough"


def test_page_until_ends_the_read_at_the_month_of_the_last_row_wanted():
    groups = {"2024": 2, "2024-01": 3, "2024-03": 4, "~": 2}
    assert page_until(groups, 1, None) == "2024", "a year-only date is a group of its own"
    assert page_until(groups, 2, "2026-12-31") == "2024"
    assert page_until(groups, 3, None) == "2024-01~"
    assert page_until(groups, 5, "2024-01-20") == "2024-01-20", "never above the until asked"
    assert page_until(groups, 6, None) == "2024-03~"
    assert page_until(groups, 10, None) is None, "the undated rows come last: no bound"
    assert page_until({"2024-01": 3, "2024-03": 4}, 5, "2025") == "2025", "the last month: as asked"
    assert page_until(groups, 100, None) is None


def test_a_page_by_mark_needs_a_marked_variable_and_an_until():
    import dataclasses

    question = get_question("timeline", CATALOG)
    broken = dataclasses.replace(
        question, cypher=question.cypher.replace("// page by r.date", "// page by q.date")
    )
    with pytest.raises(ValueError, match="names none of the marked variables"):
        counted(broken)
    no_until = dataclasses.replace(question, params=tuple(p for p in question.params if p.name != "until"))
    with pytest.raises(ValueError, match="needs an `until` parameter"):
        counted(no_until)


def _asks(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.run(
        f"MATCH ()-[q:ASKED]->() RETURN q.key AS key, q.about AS about, q.{ABOUT_KEY} AS lowered"
    )
    return {r["key"]: r for r in rows}


def test_asks_keep_about_in_lower_case_following_the_about_kept(tmp_path: Path):
    """Two documents state one ask with `about` in different cases (one relationship: the key
    ignores case); the lower-case key follows the `about` the merge keeps, written together or apart."""
    texts = [
        "The Assembly asked the Mayor about Motion 7 – Fares.",
        "THE ASSEMBLY ASKED ABOUT MOTION 7 – FARES.",
    ]
    abouts = ["Motion 7 – Fares", "MOTION 7 – FARES"]
    batches = []
    for i, (text, about) in enumerate(zip(texts, abouts, strict=True)):
        doc = DocumentInfo(
            name=f"d{i}.txt", sha256=short_hash(str(i), text, length=64), text=text, genre="letter"
        )
        fact = Fact(ASSEMBLY, "ASKED", MAYOR, [Evidence(doc.name, doc.sha256, text, 0, len(text))],
                    date="2025-01-02", about=about)  # fmt: skip
        batches.append(to_batch(doc, [fact]))
    for name, order in (("apart", batches), ("reversed", batches[::-1])):
        with open_store(f"embedded:{tmp_path / name}") as st:
            for batch in order:
                st.upsert(batch)
            [ask] = _asks(st).values()
            assert ask["about"] == max(abouts) and ask["lowered"] == "motion 7 – fares", name
    from graph.upsert import batch_rows, merge_rows

    together = merge_rows([batch_rows(b) for b in batches[::-1]])
    [row] = [r for (t, _, _), rows in together.rels.items() if t == "ASKED" for r in rows.values()]
    assert row["p"]["about"] == max(abouts) and row["p"][ABOUT_KEY] == "motion 7 – fares"


def test_a_store_written_before_the_lower_case_about_answers_the_same_and_gets_it_at_its_next_write(tmp_path):
    folder = tmp_path / "old"
    batches = _batches()
    with open_store(f"embedded:{folder}") as st:
        for batch in batches[:-1]:
            st.upsert(batch)
        question = get_question("who-was-asked", CATALOG)
        params = prepare(st, question, {"about": "fares"}).params
        before = st.run(question.cypher, params)
        assert before and all("fares" in r["about"].lower() for r in before)
        st.run(f"MATCH ()-[q:ASKED]->() SET q.{ABOUT_KEY} = null", write=True)  # as a store written before
        assert all(a["lowered"] is None for a in _asks(st).values())
        assert st.run(question.cypher, params) == before
    with open_store(f"embedded:{folder}") as st:
        st.upsert(batches[-1])  # the first write of a session makes sure of the schema: keys derived
        asks = _asks(st)
        assert all(a["lowered"] == a["about"].lower() for a in asks.values() if a["about"] is not None)
        assert len(asks) == len(batches)


def test_a_batch_cannot_set_the_lower_case_about(tmp_path):
    [batch] = _batches()[:1]
    for rel in batch.rels:
        rel["props"][ABOUT_KEY] = "something else"
    with open_store(f"embedded:{tmp_path / 's'}") as st:
        st.upsert(batch)
        [ask] = _asks(st).values()
        assert ask["lowered"] == ask["about"].lower()


def _groups(store: Store, cypher: str, params: dict[str, Any]) -> dict[str, int]:
    groups: dict[str, int] = {}
    for row in store.run(cypher, params):
        groups[row["group"]] = groups.get(row["group"], 0) + int(row["rows"])
    return groups


COUNTED = [name for name, question in CATALOG.items() if question.count is not None]


def test_the_questions_that_give_their_own_count():
    assert COUNTED == ["timeline"]
    for name in COUNTED:
        assert counted(CATALOG[name]) == CATALOG[name].count
        assert "// count" not in CATALOG[name].cypher


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Iterator[Store]:
    """The letters, and facts between two nodes of one name (a Person and an Organization called
    Susan Hall), and a hub's facts by month and year only."""
    org = Entity("Susan Hall", "Organization")
    with open_store("embedded:" + str(tmp_path_factory.mktemp("shared"))) as st:
        for batch in _batches():
            st.upsert(batch)
        for i, (a, b, date) in enumerate([(org, HALL, "2024-01-15"), (HALL, org, "2024-01"), (org, MAYOR, "2024"),
                                          (MET, org, "2025-03-31"), (HALL, MAYOR, "2025-03")]):  # fmt: skip
            text = f"Note {i}.\n{a.name} asked {b.name} about Buses {i}.\n"
            doc = DocumentInfo(name=f"note-{i:03d}.txt", sha256=short_hash("note", str(i), length=64), text=text,
                               genre="letter")  # fmt: skip
            quote = f"{a.name} asked {b.name} about Buses {i}."
            start = text.index(quote)
            fact = Fact(a, "ASKED", b, [Evidence(doc.name, doc.sha256, quote, start, start + len(quote))],
                        date=date, about=f"Buses {i}")  # fmt: skip
            st.upsert(to_batch(doc, [fact]))
        yield st


@pytest.mark.parametrize("name", COUNTED)
def test_a_count_a_question_gives_is_the_count_derived_from_its_statement(shared, name):
    """For no actor, one actor, a name that finds two nodes (a fact between them counted once), a
    name that finds none, a typed alias, and each of those read as a hub (its counts raised past
    the threshold, then put back), with `since` and `until` of every precision: the question's own
    count gives the same months and rows as the count paging.py derives and as the rows the
    question returns, and the pages are the answer's."""
    question = CATALOG[name]
    mayor = prepare(shared, question, {"actor": "Sadiq Khan"}).params["actor"]
    assert len(shared.run("MATCH (n {name: 'Susan Hall'}) RETURN n.id AS id")) == 2
    actors = [None, mayor, "susan hall", "the Mayor", "nobody"]
    sinces = [None, "2024", "2024-01", "2024-01-01", "2024-01-15", "2024-02-03", "2025-03-31"]
    untils = [None, "2023", "2024-01", "2024-02-03", "2024-12-31", "2025", "2025-03"]
    compared = 0
    for hub in (False, True):
        if hub:
            shared.run("MATCH (n) WHERE n.name IN ['Sadiq Khan', 'Susan Hall'] SET n._in_ASKED = n._in_ASKED + 10000",
                       write=True)  # fmt: skip
            assert [
                r["n"] for r in shared.run("MATCH (n) WHERE n._in_ASKED > 5000 RETURN count(n) AS n")
            ] == [3]
        try:
            for actor in actors:
                for since in sinces:
                    for until in untils:
                        params = {"actor": actor, "since": since, "until": until}
                        derived = _groups(shared, derived_count(question), params)
                        own = _groups(shared, counted(question), params)
                        assert own == derived, (hub, params)
                        answer: dict[str, int] = {}  # the rows the question returns, by month
                        for row in shared.run(question.cypher, params):
                            month = row["date"][:7] if row["date"] is not None else "~"
                            answer[month] = answer.get(month, 0) + 1
                        assert own == answer, (hub, params)
                        compared += bool(derived)
            for actor in actors:
                params = {"actor": actor, "since": "2024-01", "until": "2025"}
                whole = shared.run(question.cypher, params)
                for offset in (0, 2, 7):
                    page = run_page(shared, question, params, offset=offset, limit=3)
                    assert (page.total, page.rows) == (len(whole), whole[offset : offset + 3]), (hub, params)
        finally:
            if hub:
                shared.run("MATCH (n) WHERE n.name IN ['Sadiq Khan', 'Susan Hall'] SET n._in_ASKED = n._in_ASKED - 10000",
                           write=True)  # fmt: skip
    assert compared > 200


def test_a_count_is_parsed_from_after_the_statement():
    from queries.catalog import CatalogError, parse_question

    head = "// name: q\n// description: d\n// param: until date\n// returns: d\n"
    body = "MATCH (n) WHERE n.d <= $until\nWITH n  // page by n.d\nORDER BY n.d\nRETURN n.d AS d\n"
    count = "// count\nMATCH (n) RETURN n.d AS group, count(*) AS rows\n"
    question = parse_question(head + body + count, fragments={})
    assert (
        question.cypher.strip() == body.strip() and question.count.strip() == count.split("\n", 1)[1].strip()
    )
    assert counted(question) == question.count
    with pytest.raises(CatalogError, match="more than one"):
        parse_question(head + body + count + count, fragments={})
    with pytest.raises(CatalogError, match="the count uses undeclared"):
        parse_question(head + body + count.replace("RETURN", "WHERE $x RETURN"), fragments={})
    with pytest.raises(CatalogError, match="no Cypher after"):
        parse_question(head + body + "// count\n", fragments={})


def test_a_count_of_several_statements_has_the_includes_before_each():
    """A count joined by `UNION ALL` lines (Neo4j 5 deprecates `CALL {}`, FalkorDB 4.16 does not
    parse `CALL (vars) {}`): each statement gets the question's includes."""
    from queries.catalog import CatalogError, Fragment, parse_question

    fragment = Fragment("pick", "d", "WITH $until AS picked\n", gives=("picked",), source="_pick.cypher")
    head = "// name: q\n// description: d\n// param: until date\n// returns: d\n// include: pick\n"
    body = "MATCH (n) WHERE n.d <= picked\nWITH n  // page by n.d\nORDER BY n.d\nRETURN n.d AS d\n"
    count = "// count\nMATCH (n:A) RETURN n.d AS group, count(*) AS rows\nUNION ALL\nMATCH (n:B) RETURN n.d AS group, count(*) AS rows\n"
    question = parse_question(head + body + count, fragments={"pick": fragment})
    parts = question.count.split("UNION ALL\n")
    assert len(parts) == 2 and all(part.count("WITH $until AS picked") == 1 for part in parts)
    assert "MATCH (n:A)" in parts[0] and "MATCH (n:B)" in parts[1]
    with pytest.raises(CatalogError, match="no Cypher before or after"):
        parse_question(head + body + count + "UNION ALL\n", fragments={"pick": fragment})
