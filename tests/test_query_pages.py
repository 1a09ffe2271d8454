"""Pages of the answers ordered by date (`// page by`, queries/paging.py), and the asks' `about`
kept in lower case (graph/schema.py ABOUT_KEY), on the embedded store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.facts import DocumentInfo, Entity, Evidence, Fact, short_hash, to_batch
from graph.schema import ABOUT_KEY, FACT_TYPES, MONTH_FACTS, MONTHS, TOTALS_ID, TOTALS_LABEL, month_group
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
    return {group: rows for group, rows in groups.items() if rows}  # as run_page adds them up


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


# --- the dated facts by month the store keeps (graph/schema.py MONTHS, MONTH_FACTS) -------------------

_FACTS = "|".join(FACT_TYPES)


def _months_kept(store: Store) -> dict[str, dict[str, int]]:
    """Each node's kept facts by month (the Totals node's as TOTALS_ID)."""
    rows = store.run(
        f"MATCH (n) WHERE n.{MONTHS} IS NOT NULL RETURN n.id AS id, labels(n) AS labels, "
        f"n.{MONTHS} AS months, n.{MONTH_FACTS} AS facts"
    )
    kept: dict[str, dict[str, int]] = {}
    for row in rows:
        assert len(row["months"]) == len(row["facts"]) == len(set(row["months"])), row
        assert row["months"] and all(row["facts"]), "no month at 0, no empty list"
        kept[row["id"]] = dict(zip(row["months"], row["facts"], strict=True))
    totals = [r for r in rows if TOTALS_LABEL in r["labels"]]
    assert len(totals) <= 1 and all(r["id"] == TOTALS_ID for r in totals)
    return kept


def _months_counted(store: Store) -> dict[str, dict[str, int]]:
    """The same, counted from every dated fact the store holds."""
    counted_: dict[str, dict[str, int]] = {}
    for row in store.run(
        f"MATCH (n)-[f:{_FACTS}]-() WHERE f.date IS NOT NULL WITH DISTINCT n, f "
        "RETURN n.id AS id, f.date AS date, count(*) AS c"
    ):
        months = counted_.setdefault(row["id"], {})
        months[month_group(row["date"])] = months.get(month_group(row["date"]), 0) + row["c"]
    for row in store.run(
        f"MATCH ()-[f:{_FACTS}]->() WHERE f.date IS NOT NULL RETURN f.date AS date, count(*) AS c"
    ):
        months = counted_.setdefault(TOTALS_ID, {})
        months[month_group(row["date"])] = months.get(month_group(row["date"]), 0) + row["c"]
    return counted_


TIMELINE_RANGES = [(None, None), ("2024", "2024-03"), ("2024-03-16", "2024-04-01"), ("2024-03", None),
                   (None, "2024-03-15"), ("2024-04-01", "2025")]  # fmt: skip


def _timeline_totals_are_its_rows(store: Store, actors: list[str | None]) -> None:
    """The timeline's total (run_page, from its own count) is the number of rows it returns, for
    these actors, each also read as a hub (its counts raised past the threshold, then put back)."""
    question = CATALOG["timeline"]
    for hub in (False, True):
        if hub:
            store.run("MATCH (n) WHERE n.id IN $ids SET n._in_ASKED = coalesce(n._in_ASKED, 0) + 10000",
                      {"ids": [a[3:] for a in actors if a and a.startswith("id:")]}, write=True)  # fmt: skip
        try:
            for actor in actors:
                for since, until in TIMELINE_RANGES:
                    params = {"actor": actor, "since": since, "until": until}
                    rows = store.run(question.cypher, params)
                    assert run_page(store, question, params, limit=2).total == len(rows), (hub, params)
        finally:
            if hub:
                store.run("MATCH (n) WHERE n.id IN $ids SET n._in_ASKED = n._in_ASKED - 10000",
                          {"ids": [a[3:] for a in actors if a and a.startswith("id:")]}, write=True)  # fmt: skip


def test_the_facts_by_month_are_kept_as_facts_are_written_merged_replaced_and_derived(tmp_path):
    """Every node's dated facts by month and the store's (graph/schema.py MONTHS, MONTH_FACTS), kept
    as documents are written one a statement and eight a statement, as a merge moves a fact's date
    to another month ("2024" -> "2024-03-15" -> "2024-04-01"; an undated fact given a date), as a
    fact joins a node to itself, as replaced documents take facts away (or leave them, stated
    elsewhere); counted for a store written before them; left out of dumps and counted again by the
    restore. After every step they equal a count of the facts the store holds, and the timeline's
    totals (counted from them) equal its rows."""
    from graph.dump import dump, restore
    from graph.upsert import batch_rows, merge_rows

    a, b, c = (
        Entity("Ann Able", "Person"),
        Entity("Bee Board", "Organization"),
        Entity("Cee Council", "Organization"),
    )
    actors = [None, f"id:{a.id}", f"id:{b.id}", "Ann Able", "nobody"]
    made: dict[str, DocumentInfo] = {}

    def doc(name: str, facts: list[tuple[Entity, str, Entity, str | None, str]]) -> Any:
        text = f"{name}.\n" + "".join(
            f"{s.name} {p.lower()} {o.name} ({about}).\n" for s, p, o, _, about in facts
        )
        info = DocumentInfo(name=name, sha256=short_hash(name, text, length=64), text=text, genre="letter")
        made[name] = info
        written = []
        for s, p, o, date, about in facts:
            quote = f"{s.name} {p.lower()} {o.name} ({about})."
            at = text.index(quote)
            written.append(Fact(s, p, o, [Evidence(name, info.sha256, quote, at, at + len(quote))], date=date,
                                about=about if p == "ASKED" else None))  # fmt: skip
        return to_batch(info, written)

    def step(store: Store) -> None:
        assert _months_kept(store) == _months_counted(store)
        _timeline_totals_are_its_rows(store, actors)

    with open_store(f"embedded:{tmp_path / 'store'}") as store:
        store.upsert(doc("d1", [(a, "ASKED", b, "2024", "buses")]))
        step(store)
        assert _months_kept(store) == {a.id: {"2024": 1}, b.id: {"2024": 1}, TOTALS_ID: {"2024": 1}}
        store.upsert(doc("d2", [(a, "ASKED", b, "2024-03-15", "buses")]))  # the same fact, to the day
        step(store)
        assert _months_kept(store)[TOTALS_ID] == {"2024-03": 1}
        store.upsert(
            doc("d3", [(a, "ASKED", b, "2024-03-20", "buses"), (a, "CRITICISED", a, "2024-03-02", "")])
        )
        step(store)
        assert _months_kept(store)[a.id] == {"2024-03": 2}, "a fact joining a node to itself counts once"
        store.upsert(doc("d4", [(a, "ASKED", b, "2024-04-01", "buses"), (b, "ASKED", c, None, "trams")]))
        step(store)
        store.upsert(doc("d5", [(b, "ASKED", c, "2024-03", "trams")]))  # an undated fact given a date
        step(store)
        group = [doc(f"g{i}", [(a, "ASKED", c, f"2024-0{1 + i % 5}-1{i}", f"topic {i % 3}"),
                               (c, "REPLIED_TO", a, f"2025-0{1 + i % 4}", f"topic {i % 3}"),
                               (b, "WELCOMED", c, "2024" if i % 2 else "2024-03-16", "")])
                 for i in range(8)]  # fmt: skip
        store.upsert(merge_rows(batch_rows(g) for g in group))  # eight documents in one statement
        step(store)
        # replaced: a changed file still stating the fact (its date stays), then no longer stating
        # the facts only it stated (deleted), then one stating them again
        old = made["d4"].sha256
        store.upsert(doc("d4", [(a, "ASKED", b, "2024-04-01", "buses")]), replaces=[old])
        step(store)
        old = made["d3"].sha256
        store.upsert(doc("d3", [(c, "ASKED", b, "2026-01-05", "libraries")]), replaces=[old])
        step(store)
        assert store.run("MATCH ()-[f:CRITICISED]->() RETURN count(f) AS n") == [{"n": 0}], (
            "only d3 stated it"
        )
        for i in range(0, 8, 3):
            old = made[f"g{i}"].sha256
            store.upsert(doc(f"g{i}", []), replaces=[old])
            step(store)
        before = _months_kept(store)
        # a store written before them: counted where the schema is made sure of
        store.run(f"MATCH (t:{TOTALS_LABEL}) DELETE t", write=True)
        store.run(f"MATCH (n) SET n.{MONTHS} = null, n.{MONTH_FACTS} = null", write=True)
        store.run(f"MATCH (n {{id: $id}}) SET n.{MONTHS} = ['1999'], n.{MONTH_FACTS} = [7]", {"id": a.id},
                  write=True)  # fmt: skip  # what a write cut short may have left
        store.ensure_schema()
        assert _months_kept(store) == before
        step(store)
        store.ensure_schema()  # once there, not counted again
        assert _months_kept(store) == before
        # dumped without the Totals node (a node's own are read but not restored, as its other
        # counts), counted again by the restore
        out = tmp_path / "dump.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            dump(store, fh)
        assert TOTALS_LABEL not in out.read_text(encoding="utf-8")
        out.write_text(out.read_text(encoding="utf-8").replace('"_month_facts": [', '"_month_facts": [5, '))
        with open_store(f"embedded:{tmp_path / 'restored'}") as restored, out.open(encoding="utf-8") as fh:
            restore(restored, fh)
            assert _months_kept(restored) == before
            step(restored)
        # every dated fact gone: so are the months
        for name in sorted(made):
            old = made[name].sha256
            store.upsert(doc(name, []), replaces=[old])
        step(store)
        assert _months_kept(store) == {}


def test_the_facts_by_month_do_not_depend_on_the_order_documents_are_written_in(tmp_path):
    """The same documents in two orders (a fact's date moving between months in one, not in the
    other) leave the same counts, and the same fingerprint."""
    from graph.fingerprint import fingerprint

    a, b = Entity("Ann Able", "Person"), Entity("Bee Board", "Organization")
    batches = []
    for i, date in enumerate(["2024", "2024-03-15", "2024-04-01", None, "2025-01"]):
        name = f"n{i}"
        quote = f"Ann Able asked Bee Board about buses ({i})."
        text = f"{name}.\n{quote}\n"
        info = DocumentInfo(name=name, sha256=short_hash(name, text, length=64), text=text, genre="letter")
        at = text.index(quote)
        evidence = [Evidence(name, info.sha256, quote, at, at + len(quote))]
        facts = [Fact(a, "ASKED", b, evidence, date=date, about="buses" if i < 3 else f"trams {i}")]
        batches.append(to_batch(info, facts))
    prints, kept = [], []
    for order in (batches, batches[::-1]):
        with open_store(f"embedded:{tmp_path / str(len(prints))}") as store:
            for batch in order:
                store.upsert(batch)
            kept.append(_months_kept(store))
            assert kept[-1] == _months_counted(store)
            prints.append(fingerprint(store))
    assert kept[0] == kept[1] and kept[0][TOTALS_ID] == {"2024-04": 1, "2025-01": 1}
    assert prints[0] == prints[1]
