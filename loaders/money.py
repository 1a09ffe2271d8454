"""Sums of money in pounds sterling, with their exact span, value, period and qualifier.

FUNDS and COMMITTED_TO facts carry an amount in pounds. Documents write it as "£2.4m",
"£2.4 million", "£4.49million", "£800,000", "£1bn", "£500k", "50p", "GBP 2.4m" or "2.4 million
pounds", often with a period ("£160,000 per year", "£10m annually") or a qualifier ("more than
£233m"). Other currencies are not returned, nor are amount-less phrases ("multi-million pound").

Choices:
- period is an ISO 8601 duration: "P1Y" (per year, a year, annually, p.a., annual), "P1M",
  "P1W", "P1D". "£3m over three years" gives "P3Y": gbp is then the total for the whole period,
  not a yearly rate. One-off sums have period None.
- A range ("£2m-£3m", "£2-3m", "between £2m and £3m") gives its first (lower) value with
  qualifier "range"; the span covers the whole range.
- qualifier is the hedge written just before the amount, lower-cased ("more than", "up to",
  "around", "over", "at least" ...), else None.
- Pence: "50p" (one or two digits before the p, so "1080p" is not money) and "150 pence".

Patterns are anchored on "£", "GBP" or the word "pound", so the text is scanned quickly and no
pattern can backtrack over long inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["Amount", "find_amounts", "WHERE_MONEY_IS_SET", "FUNDING_NOUNS"]

# documents and settlements in which money is set out, never what it pays ("£2.2bn of funding in
# the Spending Review", "£5m in his budget")
WHERE_MONEY_IS_SET = frozenset(
    {
        "review",
        "budget",
        "statement",
        "settlement",
        "report",
        "plan",
        "letter",
        "announcement",
        "bill",
        "year",
    }
)
# words for money itself ("the new investment", "government funding", "a Home Office grant")
FUNDING_NOUNS = frozenset(
    {
        "funding",
        "investment",
        "grant",
        "money",
        "cash",
        "funds",
        "subsidy",
        "sponsorship",
        "donation",
        "expenditure",
        "spending",
        "spend",
        "budget",
        "allocation",
    }
)


@dataclass(frozen=True)
class Amount:
    """One sum of money: its exact span in the source and its value in pounds."""

    start: int
    end: int
    text: str  # == source[start:end], e.g. "£2.4m"
    gbp: float  # 2400000.0
    period: str | None = None  # "P1Y", "P1M", "P1W", "P1D", "P3Y" ... or None
    qualifier: str | None = None  # "more than", "up to", "around", "range" ... or None


_MULTIPLIERS = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "mil": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9, "tn": 10**12, "trillion": 10**12,
}  # fmt: skip
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "half a": Decimal("0.5"),
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,15}(?:\.\d+)?"
_MULT = r"(?i:billion|bn|b|million|mil|mn|m|thousand|k|trillion|tn)(?![A-Za-z])"
_WORDNUM = "|".join(
    sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _WORD_NUMBERS), key=len, reverse=True)
)

# "£2.4m", "£ 2.4 million", "GBP 2.4m"
_P_STERLING = re.compile(
    rf"(?P<cur>£|GBP[ \u00a0]?|UKP[ \u00a0]?)[ \u00a0]?(?P<num>{_NUM})(?:[ \u00a0]?(?P<mult>{_MULT}))?"
)
_P_POUND_WORD = re.compile("pound|Pound|POUND")  # finds where _P_POUNDS can end, fast
# "2.4 million pounds", "500 pounds", "two billion pounds"
_P_POUNDS = re.compile(
    rf"(?<![\w£$€¥.,])(?:(?P<num>{_NUM})|(?P<word>(?i:{_WORDNUM})))(?:[ \u00a0]?(?P<mult>{_MULT}))?"
    r"[ \u00a0](?i:pounds?)\b(?:[ \u00a0]sterling\b)?"
)
# "50p" (one or two digits: "1080p" is a video format), "150 pence"
_P_PENCE = re.compile(
    r"(?<![\w£$€¥.,])(?:(?P<num>\d{1,2}(?:\.\d+)?)p\b(?!\.\w)|(?P<num2>\d{1,4}(?:\.\d+)?)[ \u00a0]?pence\b)"
)

_P_RANGE_TAIL = re.compile(
    rf"[ \u00a0]?(?P<sep>-|–|—|(?i:to|and))[ \u00a0]?(?P<cur>£|GBP[ \u00a0]?)?(?P<num>{_NUM})"
    rf"(?:[ \u00a0]?(?P<mult>{_MULT}))?"
)
_QUALIFIERS = frozenset(
    [
        "more than",
        "over",
        "up to",
        "around",
        "about",
        "almost",
        "nearly",
        "approximately",
        "approx.",
        "approx",
        "roughly",
        "some",
        "at least",
        "at most",
        "in excess of",
        "less than",
        "under",
        "just over",
        "just under",
        "an estimated",
        "estimated",
        "circa",
        "c.",
        "close to",
        "upwards of",
        "as much as",
        "as little as",
        "below",
        "above",
        "exceeding",
        "over and above",
    ]
)
_ANNUAL_BEFORE = frozenset({"annual", "yearly", "monthly", "weekly"})
_UNITS = {"year": "Y", "annum": "Y", "yr": "Y", "month": "M", "week": "W", "day": "D"}
_ADVERBS = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
}
_COUNT = r"\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|thirty-six"
_P_PERIOD = re.compile(
    r"(?i)^[ \u00a0-]?(?:,[ \u00a0]?)?(?:"
    r"(?:per|a|an|each|every)[ \u00a0-]+(?P<unit>year|annum|yr|month|week|day)\b(?![ \u00a0]+ago)"
    r"|/[ \u00a0]?(?P<unit2>year|yr|annum|month|week|day)\b"
    r"|(?P<pa>p\.a\.|pa\b|per[ \u00a0]annum|pcm\b)"
    r"|(?P<adv>annually|yearly|annual|monthly|weekly|daily)\b"
    r"|(?:over|across|spread[ \u00a0]over|during)[ \u00a0]+(?:the[ \u00a0]+(?:next|coming|following|last|past)[ \u00a0]+)?"
    rf"(?:(?P<n>{_COUNT})[ \u00a0]*(?:-[ \u00a0]*)?(?P<u>years?|months?|weeks?)\b"
    rf"|(?:a|the[ \u00a0]+next)[ \u00a0]+(?P<n2>{_COUNT})-(?P<u2>year|month|week)[ \u00a0]+period\b)"
    r")"
)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word == "thirty-six":
        return 36
    if word == "eighteen":
        return 18
    n = _WORD_NUMBERS.get(word)
    return int(n) if n is not None else None


def _value(num: str | None, word: str | None, mult: str | None) -> Decimal | None:
    try:
        base = (
            Decimal(num.replace(",", ""))
            if num
            else Decimal(_WORD_NUMBERS[re.sub(r"\s+", " ", (word or "").lower())])
        )
    except (InvalidOperation, KeyError):
        return None
    if mult:
        base *= _MULTIPLIERS[mult.lower()]
    return base


def _period_after(text: str, pos: int) -> tuple[str | None, int]:
    """The period written right after an amount, and where that phrase ends."""
    m = _P_PERIOD.match(text[pos : pos + 60])
    if not m:
        return None, pos
    unit = m.group("unit") or m.group("unit2")
    if unit:
        return f"P1{_UNITS[unit.lower()]}", pos + m.end()
    if m.group("pa"):
        return ("P1M" if m.group("pa").lower() == "pcm" else "P1Y"), pos + m.end()
    if m.group("adv"):
        return _ADVERBS[m.group("adv").lower()], pos + m.end()
    n, u = (m.group("n"), m.group("u")) if m.group("n") else (m.group("n2"), m.group("u2"))
    count = _count(n) if n else None
    if not count or not u:
        return None, pos
    return f"P{count}{u[0].upper()}", pos + m.end()


def _candidates(text: str) -> list[tuple[int, int, Decimal, bool]]:
    """(start, end, value, is_pence) for every money-like match, before overlap resolution."""
    found: list[tuple[int, int, Decimal, bool]] = []
    for m in _P_STERLING.finditer(text):
        if m.group("cur") != "£" and m.start() and text[m.start() - 1].isalnum():
            continue  # "XGBP 5" is not a currency code
        value = _value(m.group("num"), None, m.group("mult"))
        if value is not None:
            found.append((m.start(), m.end(), value, False))
    windows: list[tuple[int, int]] = []
    for w in _P_POUND_WORD.finditer(text):
        lo, hi = max(0, w.start() - 40), min(len(text), w.end() + 12)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    for lo, hi in windows:
        for m in _P_POUNDS.finditer(text, lo, hi):
            value = _value(m.group("num"), m.group("word"), m.group("mult"))
            if value is not None and (m.group("num") or m.group("mult")):
                found.append((m.start(), m.end(), value, False))
    for m in _P_PENCE.finditer(text):
        value = _value(m.group("num") or m.group("num2"), None, None)
        if value is not None:
            found.append((m.start(), m.end(), value / 100, True))
    return found


def find_amounts(text: str) -> list[Amount]:
    """Every sterling amount in text, sorted and non-overlapping (the longest match wins)."""
    if not text:
        return []
    found = _candidates(text)
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Amount] = []
    last_end = -1
    for start, end, value, pence in found:
        if start < last_end:
            continue
        qualifier = None
        if not pence:
            end, value, ranged = _extend_range(text, start, end, value)
            if ranged:
                qualifier = "range"
        last_words = [w.lower() for w in text[max(0, start - 40) : start].split()[-3:]]
        if qualifier is None:
            qualifier = _qualifier(last_words)
        period, _ = _period_after(text, end)
        if period is None and last_words and last_words[-1] in _ANNUAL_BEFORE:
            period = _ADVERBS[last_words[-1]]
        out.append(Amount(start, end, text[start:end], float(value), period, qualifier))
        last_end = end
    return out


def _qualifier(last_words: list[str]) -> str | None:
    """The hedge among the (at most three) words before an amount: "more than", "up to" ..."""
    for n in (3, 2, 1):
        if len(last_words) >= n:
            phrase = " ".join(last_words[-n:])
            if phrase in _QUALIFIERS:
                return phrase
    return None


def _extend_range(text: str, start: int, end: int, value: Decimal) -> tuple[int, Decimal, bool]:
    """Extend "£2m" over "-£3m" / "-3m" / " to £3m": (new end, first value, whether a range)."""
    m = _P_RANGE_TAIL.match(text, end, min(len(text), end + 40))
    if not m:
        return end, value, False
    sep = m.group("sep").lower()
    between = text[max(0, start - 20) : start].split()[-1:] in (["between"], ["Between"])
    if sep in ("to", "and") and not (m.group("cur") or m.group("mult")):
        return end, value, False
    if sep == "and" and not between:
        return end, value, False
    second = _value(m.group("num"), None, m.group("mult"))
    if second is None:
        return end, value, False
    first_text = text[start:end]
    if m.group("mult") and not re.search(_MULT + r"\s*$", first_text):
        value = value * _MULTIPLIERS[m.group("mult").lower()]  # "£2-3m": the first is 2m
    return m.end(), value, True
