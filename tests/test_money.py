"""Sums of money in pounds: value, period and qualifier, and what is not money."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.money import Amount, find_amounts


def one(text: str) -> Amount:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "gbp"),
    [
        ("a £3.6m grant", "£3.6m", 3_600_000),
        ("a £3.6 m grant", "£3.6 m", 3_600_000),
        ("a £3.6million grant", "£3.6million", 3_600_000),
        ("a £3.6 million grant", "£3.6 million", 3_600_000),
        ("a £7.19million budget", "£7.19million", 7_190_000),
        ("spent £415m on it", "£415m", 415_000_000),
        ("receives £650,000 in total", "£650,000", 650_000),
        ("a £2bn plan", "£2bn", 2_000_000_000),
        ("a £2.25 billion plan", "£2.25 billion", 2_250_000_000),
        ("costs £750k", "£750k", 750_000),
        ("costs £750K", "£750K", 750_000),
        ("just £5m", "£5m", 5_000_000),
        ("a 20p charge", "20p", 0.2),
        ("a 75 pence fee", "75 pence", 0.75),
        ("tickets at £12.50", "£12.50", 12.5),
        ("GBP 1.2m was paid", "GBP 1.2m", 1_200_000),
        ("GBP3m was paid", "GBP3m", 3_000_000),
        ("some 3.5 million pounds", "3.5 million pounds", 3_500_000),
        ("half a million pounds", "half a million pounds", 500_000),
        ("two billion pounds sterling", "two billion pounds sterling", 2_000_000_000),
        ("a £ 40m fund", "£ 40m", 40_000_000),
    ],
)
def test_amounts_are_read_in_pounds(text: str, written: str, gbp: float) -> None:
    amount = one(text)
    assert amount.text == written == text[amount.start : amount.end]
    assert amount.gbp == pytest.approx(gbp)


def test_decimal_millions_are_exact() -> None:
    assert one("£4.49million").gbp == 4_490_000.0
    assert one("£2.4m").gbp == 2_400_000.0


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("£120,000 per year", "P1Y"),
        ("£3,500 a year", "P1Y"),
        ("£8m annually", "P1Y"),
        ("£1m per annum", "P1Y"),
        ("£1m p.a.", "P1Y"),
        ("£40,000 each year", "P1Y"),
        ("an annual £6m grant", "P1Y"),
        ("£900 a month", "P1M"),
        ("£900 pcm", "P1M"),
        ("£60 per week", "P1W"),
        ("£5 a day", "P1D"),
        ("£9m over four years", "P4Y"),
        ("£9m over the next 4 years", "P4Y"),
        ("£9m over a two-year period", "P2Y"),
        ("£1.5m over 18 months", "P18M"),
        ("a one-off £2m payment", None),
        ("£2m a year ago", None),
    ],
)
def test_periods_are_iso_durations(text: str, period: str | None) -> None:
    assert one(text).period == period


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than £100m", "more than"),
        ("over £100m", "over"),
        ("up to £100m", "up to"),
        ("around £100m", "around"),
        ("at least £100m", "at least"),
        ("in excess of £100m", "in excess of"),
        ("almost £100m", "almost"),
        ("a new £100m fund", None),
    ],
)
def test_hedges_before_an_amount_are_kept(text: str, qualifier: str | None) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "written", "gbp"),
    [
        ("£4m-£6m", "£4m-£6m", 4_000_000),
        ("£4m–£6m", "£4m–£6m", 4_000_000),
        ("£4-6m", "£4-6m", 4_000_000),
        ("between £4m and £6m", "£4m and £6m", 4_000_000),
        ("£4m to £6m", "£4m to £6m", 4_000_000),
    ],
)
def test_ranges_give_the_first_value(text: str, written: str, gbp: float) -> None:
    amount = one(text)
    assert (amount.text, amount.gbp, amount.qualifier) == (written, gbp, "range")


def test_a_range_needs_a_second_amount() -> None:
    amount = one("£4m to 30 schools")
    assert (amount.text, amount.qualifier) == ("£4m", None)


@pytest.mark.parametrize(
    "text",
    [
        "a multi-million pound package",
        "a million-pound scheme",
        "$5m from the US",
        "€3m from the EU",
        "US$ 2 billion",
        "12 dollars",
        "2,000 officers",
        "15 years",
        "page 5",
        "at 5pm",
        "1080p video",
        "the pound fell",
    ],
)
def test_other_currencies_and_plain_numbers_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_several_amounts_are_sorted_and_separate() -> None:
    text = "It rises from £160,000 per year to £800,000, within a £2.4m package."
    found = find_amounts(text)
    assert [(a.text, a.period) for a in found] == [("£160,000", "P1Y"), ("£800,000", None), ("£2.4m", None)]


# --- properties ---------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "£", "GBP", "2.4", "m", "million", "bn", "k", "p", "pence", "pounds", "per year", "a year",
        "over three years", "more than", "up to", "-", "–", "to", "and", "between", ",", ".", " ",
        "000", "1,000", "0", "9" * 30, "half a", "annual", "$", "€", "\n",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_FRAGMENTS | st.text(max_size=4), max_size=40).map(" ".join),
    st.lists(_FRAGMENTS, max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_valid_sorted_spans_deterministically(text: str) -> None:
    found = find_amounts(text)
    last_end = 0
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.start >= last_end
        last_end = a.end
        assert a.gbp >= 0
    assert find_amounts(text) == found
