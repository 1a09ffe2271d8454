"""Dates in running text: what is found, how it is normalised, and what is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.dates import DateMention, find_dates, name_date, parse_date, parse_reference, resolve_relative

REF = "2026-04-20"  # a Monday


def isos(text: str, reference: str | None = REF) -> list[str]:
    return [m.iso for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The letter is dated 14 March 2025.", "2025-03-14"),
        ("Signed on 3rd of June 2024 by the chair.", "2024-06-03"),
        ("The hearing was on Wednesday 7 January 2026.", "2026-01-07"),
        ("Decided on Dec 9, 2025 at the plenary.", "2025-12-09"),
        ("Published June 12th, 2024.", "2024-06-12"),
        ("The plan runs from October 2027.", "2027-10"),
        ("Since SEPTEMBER 2021 the board has met monthly.", "2021-09"),
        ("The scheme began in 2019.", "2019"),
        ("Spending has risen since 2015.", "2015"),
        ("Data collected during 2022 show a fall.", "2022"),
        ("Budget for 2025-26 was agreed.", "2025"),
        ("The 2019/20 accounts were late.", "2019"),
        ("Accounts for 2030-2031 are projected.", "2030"),
        ("Logged as 2025-11-03 in the register.", "2025-11-03"),
        ("Received 03/11/2025 by post.", "2025-11-03"),
        ("Received 3.11.2025 by post.", "2025-11-03"),
    ],
)
def test_absolute_dates_keep_the_precision_written(text: str, iso: str) -> None:
    assert isos(text, None) == [iso]
    assert isos(text) == [iso]


def test_span_is_the_exact_source_text_and_includes_a_weekday() -> None:
    text = "Members met on Tuesday, 10th March 2026 to vote."
    [m] = find_dates(text)
    assert m.text == "Tuesday, 10th March 2026" == text[m.start : m.end]
    assert (m.iso, m.relative, m.precision) == ("2026-03-10", False, "day")


def test_numeric_dates_are_read_in_uk_order() -> None:
    assert isos("due 04/05/2026", None) == ["2026-05-04"]
    assert isos("an impossible 31/02/2026", None) == []


def test_a_weekday_that_disagrees_with_a_full_date_does_not_discard_it() -> None:
    assert isos("on Friday 14 March 2025", None) == ["2025-03-14"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The terms were published on 2 March.", "2026-03-02"),
        ("The review started on 12 September.", "2025-09-12"),  # after April: last year's
        ("It opened on 20 April.", "2026-04-20"),  # the reference day itself
        ("The service will launch on 1 June.", "2026-06-01"),  # future tense: the next one
        ("Met on Wednesday, 12th November.", "2025-11-12"),  # weekday picks the year
        ("Met on Friday, 12th November.", "2027-11-12"),  # Friday 12 Nov is in 2027
    ],
)
def test_a_day_and_month_take_their_year_from_the_reference(text: str, iso: str) -> None:
    [m] = find_dates(text, REF)
    assert m.iso == iso
    assert m.relative


def test_without_a_reference_no_year_is_invented() -> None:
    assert isos("published on 31 March", None) == []
    assert isos("last week and in January, 5 days ago, today", None) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("It was announced today.", "2026-04-20"),
        ("The Mayor spoke yesterday.", "2026-04-19"),
        ("The board meets tomorrow.", "2026-04-21"),
        ("Posted 3 days ago", "2026-04-17"),
        ("Published 10 days ago", "2026-04-10"),
        ("Updated two days ago", "2026-04-18"),
        ("Published5 days ago", "2026-04-15"),  # glued by a scraper
        ("The report came out last week.", "2026-04"),
        ("It was raised earlier this week.", "2026-04"),
        ("This weeks announcement", "2026-04"),
        ("Three weeks ago the chair resigned.", "2026-03"),
        ("as the Commissioner said earlier this month", "2026-04"),
        ("Figures released last month", "2026-03"),
        ("The inquiry reports next month", "2026-05"),
        ("Compared with last year", "2025"),
        ("a year ago", "2025"),
        ("Later this year the plan is due", "2026"),
        ("In January, the chair asked", "2026-01"),
        ("Since February the service has grown", "2026-02"),
        ("It was agreed in June.", "2025-06"),  # the most recent June not after the reference
        ("It will be reviewed in June.", "2026-06"),  # future tense
        ("last January", "2026-01"),
        ("next March", "2027-03"),
    ],
)
def test_relative_expressions_resolve_against_the_reference(text: str, iso: str) -> None:
    [m] = find_dates(text, REF)
    assert m.iso == iso
    assert m.relative


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("last night", "2026-04-19"),
        ("this morning", "2026-04-20"),
        ("the previous week", "2026-04"),
        ("last weekend", "2026-04"),
        ("six months ago", "2025-10"),
        ("in mid-2024", "2024"),
        ("in early March", "2026-03"),
    ],
)
def test_relative_expressions_are_found_inside_long_text(phrase: str, iso: str) -> None:
    filler = "Councillors debated the motion at length and then voted on it. " * 20
    text = f"{filler}It happened {phrase}, officials said. {filler}"
    [m] = find_dates(text, REF)
    assert phrase.endswith(m.text)
    assert m.iso == iso


def test_last_week_gives_the_month_of_seven_days_earlier() -> None:
    assert isos("last week", "2026-03-03") == ["2026-02"]


def test_relative_dates_with_a_partial_reference_keep_what_can_be_known() -> None:
    assert isos("last month", "2026-04") == ["2026-03"]
    assert isos("last year", "2026") == ["2025"]
    assert isos("yesterday", "2026-04") == []  # the day is unknown


@pytest.mark.parametrize(
    "text",
    [
        "2,000 or 3,000 cases were reviewed",
        "over the past 15 years",
        "15 years of service",
        "cost £2026 in total",
        "on Thursday the board met",
        "last Monday it rained",
        "The Mayor may decide",
        "Mayoral decisions",
        "we march on",
        "Motion 3.6 was agreed",
        "call 0800 555 111",
        "growth of 2.2019 per cent",
        "Version 1.2.3 released",
        "2026 officers were trained",
    ],
)
def test_numbers_and_weekdays_alone_are_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = "From 1 May 2025 to April 2026 (the 2025-26 year), last week and 02/03/2026."
    found = find_dates(text, REF)
    assert [m.iso for m in found] == ["2025-05-01", "2026-04", "2025", "2026-04", "2026-03-02"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_parse_date_reads_the_first_expression() -> None:
    assert parse_date("Date: 20 April 2026") == "2026-04-20"
    assert parse_date("yesterday", REF) == "2026-04-19"
    assert parse_date("no date here") is None


def test_resolve_relative_only_answers_for_relative_expressions() -> None:
    assert resolve_relative("last week", REF) == "2026-04"
    assert resolve_relative("in January", "2026-04-20") == "2026-01"
    assert resolve_relative("20 April 2026", REF) is None
    assert resolve_relative("last week", None) is None


def test_reference_must_be_an_iso_date() -> None:
    assert parse_reference("2026-04-20") == (2026, 4, 20)
    assert parse_reference("2026-04") == (2026, 4, None)
    with pytest.raises(ValueError, match="reference date"):
        find_dates("today", "20/04/2026")
    with pytest.raises(ValueError, match="not a calendar date"):
        parse_reference("2026-02-30")


# --- properties ---------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "20 April 2026", "Thursday, 13th", "November", "May", "in", "2018", "2023-24", "31 March",
        "2026-02-26", "26/02/2026", "Feb 26, 2026", "today", "last", "week", "month", "year", "ago",
        "5", "days", "earlier this", "Published", "£", "2,000", ",", ".", " ", "\n", "-", "/", "th",
        "of", "Sept.", "next", "the previous", "9999", "0", "29 February", "mid-", "1900", "2100",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_FRAGMENTS | st.text(max_size=4), max_size=40).map(" ".join),
    st.lists(_FRAGMENTS, max_size=40).map("".join),
)
REFERENCES = st.one_of(
    st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2026", "2026-02"])
)


def check_mentions(text: str, found: list[DateMention]) -> None:
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert len(m.iso) in (4, 7, 10)


@settings(max_examples=300, deadline=None)
@given(TEXTS, REFERENCES)
def test_any_text_gives_valid_sorted_spans_deterministically(text: str, reference: str | None) -> None:
    found = find_dates(text, reference)
    check_mentions(text, found)
    assert find_dates(text, reference) == found


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_without_reference_nothing_relative_is_returned(text: str) -> None:
    assert not any(m.relative for m in find_dates(text))


@pytest.mark.parametrize(
    "name, date",
    [
        ("2019-03-08-khan-letter.txt", "2019-03-08"),
        ("minutes_20160929.pdf", "2016-09-29"),
        ("s02_guardian-livingstone-silenced-2001.txt", "2001"),
        ("report 2010.html", "2010"),
        ("budget-2024-25.txt", None),  # a financial year, not the page's date
        ("q-2014-5158-oconnell.txt", None),  # a question's number
        ("2023-02-30-notes.txt", None),  # no such day
        ("plan-2099.txt", None),  # not yet
    ],
)
def test_a_date_a_file_is_named_by(name, date):
    assert name_date(name) == date
