"""Dates in running text, normalised to ISO 8601 with the precision the text gives.

Civic documents date things in many ways: "20 April 2026", "Thursday, 13th November",
"April 2026", "in 2018", "2023-24", "26/02/2026", and news reports add relative dates ("last
week", "in January", "Published 5 days ago"). Facts need a comparable ISO string, partial when the
text is partial ("2026-04", "2023"), so this module finds each expression with its exact span and
normalises it. Relative and year-less expressions are resolved against a reference date (the
document's date); without one they are not returned, so a year is never invented.

Choices (documented because other choices were possible):
- "last week" / "this week" / "N weeks ago" give the month (YYYY-MM) of the reference minus the
  weeks: the text does not say which day, and ISO week dates would not sort with the others.
- "5 days ago", "today", "yesterday", "tomorrow" keep day precision.
- A year-less day or month ("31 March", "in January") takes the most recent such date not after
  the reference; when the sentence before it speaks of the future ("will", "due to", "by" with a
  modal ...), the next one not before the reference. A weekday given with a year-less date
  ("Thursday, 13th November") picks the nearby year in which that weekday matches.
- A financial year "2023-24" (or "2023/24", "2023-2024") gives its first year, "2023".
- Numeric dates are read in UK order (day/month/year); ISO "2026-02-26" is read as ISO.
- A bare four-digit year counts only after a word that introduces a time ("in", "since", "by",
  "until", "during", "early", "summer" ...): plain numbers and counts are not dates.
- Weekday names on their own ("on Thursday", "last Monday") are not returned.

Regexes are linear (no nested unbounded repetition) so long inputs cannot hang.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# month and weekday names: capitalised words that are never a name's
CALENDAR_WORDS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
)  # fmt: skip

__all__ = ["DateMention", "parse_date", "find_dates", "resolve_relative", "parse_reference"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: its exact span in the source and its ISO value."""

    start: int
    end: int
    text: str  # == source[start:end]
    iso: str  # "2026-02-26", "2026-04" or "2023": the precision the text gives
    relative: bool = False  # True when the value was resolved against the reference date

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year', read from the ISO value."""
        return {10: "day", 7: "month"}.get(len(self.iso), "year")


Reference = tuple[int, int | None, int | None]

# --- vocabulary ---------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_FULL_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_ABBR_MONTHS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Month names are matched capitalised (or in capitals): lower-case "may" and "march" are verbs.
_MONTH_FULL = "(?:" + "|".join(_FULL_MONTHS + [m.upper() for m in _FULL_MONTHS]) + r")\b"
_MONTH = (
    "(?:" + "|".join(_FULL_MONTHS + [m.upper() for m in _FULL_MONTHS]) + r")\b"
    "|(?:" + "|".join(_ABBR_MONTHS + [m.upper() for m in _ABBR_MONTHS]) + r")\b\.?"
)
_MONTH = f"(?:{_MONTH})"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?"
)
_SP = r"[ \t\u00a0\u202f]{1,3}"  # words of one date stay on one line
_YEAR = r"(?P<y>1[89]\d\d|20\d\d|21\d\d)"
_DAY = r"(?<![\d.,£$€/:\-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_NUM_WORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_P_DMY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?{_SP})?{_DAY}(?:{_SP}of)?{_SP}(?P<mon>{_MONTH}),?{_SP}{_YEAR}(?![\d])"
)
_P_MDY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?{_SP})?(?P<mon>{_MONTH}){_SP}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d),?{_SP}{_YEAR}(?![\d])"
)
_P_DM = re.compile(rf"(?:(?P<wd>{_WEEKDAY}),?{_SP})?{_DAY}(?:{_SP}of)?{_SP}(?P<mon>{_MONTH})")
_P_MD = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?{_SP})?(?P<mon>{_MONTH}){_SP}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,:]?\d)"
)
_P_MY = re.compile(rf"(?P<mon>{_MONTH}),?{_SP}{_YEAR}(?![\d])")
_P_ISO = re.compile(r"(?<![\d\-/.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
_P_NUMERIC = re.compile(r"(?<![\d/.\-,£$€])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\-]|[.,]\d)")
_P_FY = re.compile(rf"(?<![\d£$€.,\-/]){_YEAR}[ ]?[-–/][ ]?(?P<y2>\d{{4}}|\d{{2}})(?![\d%]|[.,]\d)")
_P_YEAR = re.compile(
    r"\b(?i:in|since|from|by|until|till|during|before|after|throughout|around|circa|between"
    r"|early|late|mid|spring|summer|autumn|winter|the\s+year|(?:end|start|beginning|middle|half|course|spring|summer|autumn|winter)\s+of)"
    rf"(?:[ \t]{{1,3}}|-){_YEAR}\b(?![-–/]\d|[.,]\d|\s?%|\s?per\s?cent|'s|’s)"
)
# the second year of "between 2019 and 2023", "from 2020 to 2024"
_P_YEAR_PAIR = re.compile(
    rf"\b(?i:between|from|in|during|since)[ \t]{{1,3}}(?:1[89]\d\d|20\d\d|21\d\d)[ \t]{{1,3}}(?i:and|to|or|until)[ \t]{{1,3}}{_YEAR}\b(?![-–/]\d|[.,]\d|\s?%)"
)
_P_MONTH_ONLY = re.compile(
    r"\b(?P<prep>(?i:in|since|from|by|until|till|during|before|after|throughout|through|last|this|next"
    r"|early|late|mid|(?:end|start|beginning|middle)\s+of|(?:earlier|later)\s+in))(?:[ \t]{1,3}|-)"
    rf"(?P<mon>{_MONTH_FULL})(?!{_SP}\d|,{_SP}\d)"
)
_P_RELATIVE = re.compile(
    r"(?i:\b(?:"
    r"(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<this>(?:(?:earlier|later)\s+)?this\s+(?:(?P<this_unit>week|month|year)(?:['’]?s)?))"
    r"|(?P<last>(?:last|the\s+previous)\s+(?P<last_unit>week|weekend|month|year))"
    r"|(?P<next>next\s+(?P<next_unit>week|month|year))"
    rf"|(?P<ago>(?P<n>{_NUM_WORD})\s+(?P<ago_unit>minute|hour|day|week|month|year)s?\s+ago)"
    r")\b)"
)
# "Published5 days ago": the number may be glued to a word before it.
_P_AGO_GLUED = re.compile(
    r"(?<=[A-Za-z])(?P<n>\d{1,3})\s+(?P<ago_unit>minute|hour|day|week|month|year)s?\s+ago\b"
)
# Triggers: every date expression holds a month name, a unit word of a relative date, or a
# four-digit year or numeric date. Each trigger pattern is a plain literal alternation (or a
# plain character class) so the regex engine can skip through text quickly.
TRIGGER_WORDS = [
    "today", "tonight", "yesterday", "tomorrow", "ago", "week", "month", "year", "night",
    "morning", "afternoon", "evening",
]  # fmt: skip
_P_TRIGGER_WORDS = re.compile(
    "|".join(
        _FULL_MONTHS
        + [m.upper() for m in _FULL_MONTHS]
        + _ABBR_MONTHS
        + [m.upper() for m in _ABBR_MONTHS]
        + [v for w in TRIGGER_WORDS for v in (w, w.capitalize(), w.upper())]
    )
)
_P_TRIGGER_DIGITS = re.compile(r"[12]\d\d\d|\d{1,2}[/.\-]\d")
_BEFORE, _AFTER = 40, 28
_FUTURE = re.compile(
    r"(?i)\b(?:will|would|shall|won['’]t|going\s+to|due\s+to|plans?\s+to|planned|expected\s+to|set\s+to|aims?\s+to|upcoming|forthcoming|next)\b|['’]ll\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?\n](?=\s|$)")

# --- reference ----------------------------------------------------------------------------------

_REF = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")


def parse_reference(reference: str | dt.date | None) -> Reference | None:
    """A reference date as (year, month or None, day or None); ValueError if unreadable."""
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if isinstance(reference, dt.date):
        return (reference.year, reference.month, reference.day)
    m = _REF.match(str(reference))
    if not m:
        raise ValueError(f"reference date {reference!r} is not an ISO date (YYYY[-MM[-DD]])")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        raise ValueError(f"reference date {reference!r} has no month {mo}")
    if d is not None and _valid(y, mo or 1, d) is None:
        raise ValueError(f"reference date {reference!r} is not a calendar date")
    return (y, mo, d)


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _iso_day(day: dt.date) -> str:
    return day.isoformat()


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def _month_year(month: int, ref: Reference, future: bool, strict: str = "") -> int:
    """Year of a year-less month: the most recent not after the reference (or next, if future).

    strict="past" excludes the reference month itself ("last January" said in January);
    strict="next" requires a month after the reference month.
    """
    y, rm = ref[0], ref[1]
    if rm is None:
        return y
    if strict == "past":
        return y if month < rm else y - 1
    if strict == "next" or future:
        return y if (month > rm or (month == rm and strict != "next")) else y + 1
    return y if month <= rm else y - 1


def _day_month_year(day: int, month: int, ref: Reference, weekday: int | None, future: bool) -> int | None:
    """Year of a year-less day and month, by the rules in the module docstring."""
    y, rm, rd = ref
    if rm is None:
        return y if _valid(y, month, day) else None
    anchor = dt.date(y, rm, rd or calendar.monthrange(y, rm)[1])
    years = [y - 1, y, y + 1]
    candidates = [(yy, _valid(yy, month, day)) for yy in years]
    candidates = [(yy, d) for yy, d in candidates if d is not None]
    if not candidates:
        return None
    if future:
        order = sorted(candidates, key=lambda c: (c[1] < anchor, abs((c[1] - anchor).days)))
    else:
        order = sorted(candidates, key=lambda c: (c[1] > anchor, abs((c[1] - anchor).days)))
    if weekday is not None:
        for yy, d in order:
            if d.weekday() == weekday:
                return yy
    return order[0][0]


# --- resolution of relative expressions ---------------------------------------------------------


def _n(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 0)


def _resolve_match(m: re.Match[str], ref: Reference) -> str | None:
    """ISO value of a _P_RELATIVE or _P_AGO_GLUED match against the reference."""
    y, rm, rd = ref
    g = m.groupdict()
    full = None if rm is None or rd is None else dt.date(y, rm, rd)
    if g.get("today"):
        return _iso_day(full) if full else (_iso_month(y, rm) if rm else f"{y:04d}")
    if g.get("yesterday") or g.get("tomorrow"):
        if full is None:
            return None
        return _iso_day(full + dt.timedelta(days=-1 if g.get("yesterday") else 1))
    unit = (g.get("this_unit") or g.get("last_unit") or g.get("next_unit") or g.get("ago_unit") or "").lower()
    if g.get("this"):
        if unit == "year":
            return f"{y:04d}"
        return _iso_month(y, rm) if rm else None
    step = -1 if g.get("last") else 1
    n = 1
    if g.get("ago") or m.re is _P_AGO_GLUED:
        step, n = -1, _n(g["n"])
    if unit in ("minute", "hour", "day"):
        if full is None or unit == "day" and n > 3660:
            return None
        return _iso_day(full - dt.timedelta(days=n if unit == "day" else 0))
    if unit in ("week", "weekend"):
        if full is None or n > 520:
            return None
        return _iso_month(*(lambda d: (d.year, d.month))(full + dt.timedelta(days=7 * n * step)))
    if unit == "month":
        if rm is None or n > 1200:
            return None
        return _iso_month(*_shift_month(y, rm, step * n))
    if unit == "year":
        if n > 300:
            return None
        return f"{y + step * n:04d}"
    return None


def _is_future_context(text: str, pos: int) -> bool:
    """Whether the sentence before pos (at most 80 characters) speaks of the future."""
    lo = max(0, pos - 80)
    window = text[lo:pos]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return _FUTURE.search(window) is not None


def resolve_relative(expression: str, reference: str | dt.date | None) -> str | None:
    """Resolve one relative or year-less expression ("last week", "in January", "31 March",
    "5 days ago") against the reference date; None when it is not one or cannot be resolved."""
    if parse_reference(reference) is None:
        return None
    for mention in find_dates(expression, reference):
        if mention.relative:
            return mention.iso
    return None


# --- finding ------------------------------------------------------------------------------------


def _month_no(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _weekday_no(name: str | None) -> int | None:
    return None if not name else _WEEKDAYS.get(name.rstrip(".").lower())


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anything that can be part of a date, merged, cut at whitespace.

    The detailed patterns run only there: most of a document holds no date, and finding the
    triggers is many times faster than running every detailed pattern over all the text.
    """
    n = len(text)
    spans = sorted(
        (max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER))
        for p in (_P_TRIGGER_WORDS, _P_TRIGGER_DIGITS)
        for m in p.finditer(text)
    )
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        stop = max(0, lo - 24)
        while lo > stop and not text[lo - 1].isspace():
            lo -= 1
        stop = min(n, hi + 24)
        while hi < stop and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _candidates(text: str, ref: Reference | None, lo: int, hi: int) -> list[tuple[int, int, str, bool]]:
    """Every date-like match in text[lo:hi] as (start, end, iso, relative), overlaps included."""
    found: list[tuple[int, int, str, bool]] = []
    add = found.append

    for pattern in (_P_DMY, _P_MDY):
        for m in pattern.finditer(text, lo, hi):
            d = _valid(int(m.group("y")), _month_no(m.group("mon")), int(m.group("d")))
            if d:  # a weekday that disagrees is the writer's slip: the numbers win
                add((m.start(), m.end(), _iso_day(d), False))
    for m in _P_MY.finditer(text, lo, hi):
        add((m.start(), m.end(), _iso_month(int(m.group("y")), _month_no(m.group("mon"))), False))
    for m in _P_ISO.finditer(text, lo, hi):
        d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            add((m.start(), m.end(), _iso_day(d), False))
    for m in _P_NUMERIC.finditer(text, lo, hi):
        sep, yy = m.group(2), m.group(4)
        if len(yy) == 2 and sep != "/":
            continue
        year = int(yy) + 2000 if len(yy) == 2 else int(yy)
        d = _valid(year, int(m.group(3)), int(m.group(1)))
        if d:
            add((m.start(), m.end(), _iso_day(d), False))
    for m in _P_FY.finditer(text, lo, hi):
        first, second = int(m.group("y")), m.group("y2")
        if (len(second) == 2 and int(second) == (first + 1) % 100) or (
            len(second) == 4 and int(second) == first + 1
        ):
            add((m.start(), m.end(), f"{first:04d}", False))
    for pattern in (_P_YEAR, _P_YEAR_PAIR):
        for m in pattern.finditer(text, lo, hi):
            add((m.start("y"), m.end("y"), m.group("y"), False))

    if ref is None:
        return found

    for pattern in (_P_DM, _P_MD):
        for m in pattern.finditer(text, lo, hi):
            month, day = _month_no(m.group("mon")), int(m.group("d"))
            future = _is_future_context(text, m.start())
            year = _day_month_year(day, month, ref, _weekday_no(m.group("wd")), future)
            d = _valid(year, month, day) if year is not None else None
            if d:
                add((m.start(), m.end(), _iso_day(d), True))
    for m in _P_MONTH_ONLY.finditer(text, lo, hi):
        prep = m.group("prep").lower()
        month = _month_no(m.group("mon"))
        strict = {"last": "past", "next": "next"}.get(prep, "")
        future = prep == "next" or _is_future_context(text, m.start())
        year = ref[0] if prep == "this" else _month_year(month, ref, future, strict)
        start = m.start() if prep in ("last", "this", "next") else m.start("mon")
        add((start, m.end(), _iso_month(year, month), True))
    for pattern in (_P_RELATIVE, _P_AGO_GLUED):
        for m in pattern.finditer(text, lo, hi):
            iso = _resolve_match(m, ref)
            if iso:
                add((m.start(), m.end(), iso, True))
    return found


def find_dates(text: str, reference: str | dt.date | None = None) -> list[DateMention]:
    """Every date expression in text, sorted and non-overlapping (longest wins on overlap).

    reference is the document's date (ISO, possibly partial); relative and year-less
    expressions are returned only when it is given.
    """
    ref = parse_reference(reference)
    if not text:
        return []
    found = [c for lo, hi in _windows(text) for c in _candidates(text, ref, lo, hi)]
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateMention] = []
    last_end = -1
    for start, end, iso, relative in found:
        if start < last_end:
            continue
        out.append(DateMention(start, end, text[start:end], iso, relative))
        last_end = end
    return out


def parse_date(text: str, reference: str | dt.date | None = None) -> str | None:
    """The ISO value of the first date expression in text ("Date: 20 April 2026" -> "2026-04-20")."""
    mentions = find_dates(text, reference)
    return mentions[0].iso if mentions else None


# A date a file is named by: a full date anywhere in the name ("2019-03-08-khan-letter.txt",
# "minutes_20160929.pdf") or a year closing it ("guardian-livingstone-tube-2001.txt").
_NAME_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_NAME_YEAR = re.compile(r"(?<![\d£$])[-_ ]((?:19|20)\d\d)$")


def name_date(name: str) -> str | None:
    """The date a document's file name gives, ISO and as precise as the name, if any; never a
    day that does not exist or a year after this one."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.rsplit("/", 1)[-1])
    m = _NAME_DAY.search(stem)
    if m is not None:
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None and day <= dt.date.today():
            return _iso_day(day)
    m = _NAME_YEAR.search(stem)
    if m is not None and int(m.group(1)) <= dt.date.today().year:
        return m.group(1)
    return None
