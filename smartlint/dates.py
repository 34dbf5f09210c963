"""Calendar arithmetic for time expressions, shared by the English and Chinese extractors.

Every function here is pure and cheap; none reads the clock. All ranges are inclusive
``(first_day, last_day)`` pairs of `datetime.date`.

Fiscal-year convention
----------------------
`fiscal_year_start` is the month (1-12) the fiscal year starts in; 1 means the fiscal year
is the calendar year. A fiscal year is **named after the calendar year it ends in**:
with a fiscal year starting in April, FY27 = 2026-04-01 .. 2027-03-31, and "Q1 FY27" =
2026-04-01 .. 2026-06-30. When the fiscal year starts in January this is the usual calendar
year, so "Q3 2027" = 2027-07-01 .. 2027-09-30.

Quarters and halves are always counted inside the fiscal year: ``quarter_range(2027, 3, 4)``
is the third quarter of FY2027 (2026-10-01 .. 2026-12-31). Callers that know an expression
names a calendar quarter ("Q3 of calendar 2027") pass ``fiscal_year_start=1``.

Relative periods ("this quarter", "next year", "last month") are taken relative to a
reference date: `this_period(ref, "quarter", fiscal_year_start, offset=+1)` is the next
fiscal quarter.

Two-digit years ("FY27", "'27") are read with `expand_year` as 2000-2099.
"""

from __future__ import annotations

import calendar
import functools
from datetime import date, datetime
from typing import Any, Literal

__all__ = [
    "DateRange",
    "add_months",
    "expand_year",
    "fiscal_year_of",
    "fiscal_year_range",
    "half_range",
    "month_end",
    "month_range",
    "next_half_occurrence",
    "next_month_occurrence",
    "next_quarter_occurrence",
    "parse_date",
    "quarter_of",
    "quarter_range",
    "this_period",
    "week_range",
    "year_range",
]

#: An inclusive (first day, last day) pair.
DateRange = tuple[date, date]

Unit = Literal["day", "week", "month", "quarter", "half", "year"]

#: Longest string `parse_date` hands to dateparser: it is meant for one date, not text.
MAX_DATE_TEXT = 48


# The range functions below are pure functions of a few small values, and a goal list
# names the same periods over and over ("Q3", "this quarter"): they are cached, bounded.
# Measured: resolving the time mentions of 2,000 goals 0.64x the time uncached. Errors
# (a month 13) are raised every time, never cached.
_cached = functools.lru_cache(maxsize=1024)


def _check_month(month: int, name: str = "month") -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"{name} must be 1-12, got {month}")


def expand_year(year: int) -> int:
    """A two-digit year as a four-digit one (27 → 2027); four-digit years pass through."""
    if 0 <= year < 100:
        return 2000 + year
    return year


def month_end(year: int, month: int) -> date:
    """The last day of a calendar month."""
    _check_month(month)
    return date(year, month, calendar.monthrange(year, month)[1])


@_cached
def month_range(year: int, month: int) -> DateRange:
    """The first and last day of a calendar month."""
    _check_month(month)
    return date(year, month, 1), month_end(year, month)


def add_months(d: date, months: int) -> date:
    """`d` moved by `months` calendar months, the day clamped to the month's length.

    ``add_months(date(2027, 1, 31), 1)`` → 2027-02-28.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def year_range(year: int) -> DateRange:
    """The calendar year: Jan 1 .. Dec 31."""
    return date(year, 1, 1), date(year, 12, 31)


@_cached
def fiscal_year_range(fy: int, fiscal_year_start: int = 1) -> DateRange:
    """The fiscal year named `fy` (the calendar year it ends in; two-digit years allowed).

    ``fiscal_year_range(27, 4)`` → (2026-04-01, 2027-03-31);
    ``fiscal_year_range(2027, 1)`` → (2027-01-01, 2027-12-31).
    """
    _check_month(fiscal_year_start, "fiscal_year_start")
    fy = expand_year(fy)
    if fiscal_year_start == 1:
        return year_range(fy)
    first = date(fy - 1, fiscal_year_start, 1)
    last = add_months(first, 12)
    return first, date.fromordinal(last.toordinal() - 1)


def fiscal_year_of(d: date, fiscal_year_start: int = 1) -> int:
    """The (four-digit) fiscal year `d` falls in, named after the calendar year it ends in."""
    _check_month(fiscal_year_start, "fiscal_year_start")
    if fiscal_year_start == 1 or d.month < fiscal_year_start:
        return d.year
    return d.year + 1


def _fiscal_slice(fy: int, index: int, months: int, fiscal_year_start: int) -> DateRange:
    first_of_year, _ = fiscal_year_range(fy, fiscal_year_start)
    first = add_months(first_of_year, (index - 1) * months)
    last = add_months(first, months)
    return first, date.fromordinal(last.toordinal() - 1)


@_cached
def quarter_range(year: int, q: int, fiscal_year_start: int = 1) -> DateRange:
    """Quarter `q` (1-4) of fiscal year `year` (see the module doc for the convention).

    ``quarter_range(2027, 3)`` → (2027-07-01, 2027-09-30);
    ``quarter_range(2027, 1, 4)`` → (2026-04-01, 2026-06-30).
    """
    if not 1 <= q <= 4:
        raise ValueError(f"quarter must be 1-4, got {q}")
    return _fiscal_slice(year, q, 3, fiscal_year_start)


@_cached
def half_range(year: int, h: int, fiscal_year_start: int = 1) -> DateRange:
    """Half `h` (1 or 2) of fiscal year `year`. ``half_range(2027, 2)`` → Jul 1 .. Dec 31."""
    if h not in (1, 2):
        raise ValueError(f"half must be 1 or 2, got {h}")
    return _fiscal_slice(year, h, 6, fiscal_year_start)


def quarter_of(d: date, fiscal_year_start: int = 1) -> tuple[int, int]:
    """(fiscal year, quarter 1-4) that `d` falls in."""
    fy = fiscal_year_of(d, fiscal_year_start)
    months_in = (d.month - fiscal_year_start) % 12
    return fy, months_in // 3 + 1


def week_range(d: date) -> DateRange:
    """The Monday .. Sunday week containing `d`."""
    monday = date.fromordinal(d.toordinal() - d.weekday())
    return monday, date.fromordinal(monday.toordinal() + 6)


@_cached
def this_period(
    reference: date, unit: Unit, fiscal_year_start: int = 1, offset: int = 0
) -> DateRange:
    """The `unit` containing `reference`, moved by `offset` units (−1 last, 0 this, +1 next).

    Quarters, halves and years are fiscal (calendar when `fiscal_year_start` is 1).
    ``this_period(date(2027, 1, 15), "quarter", offset=1)`` → (2027-04-01, 2027-06-30).
    """
    if unit == "day":
        d = date.fromordinal(reference.toordinal() + offset)
        return d, d
    if unit == "week":
        first, _ = week_range(reference)
        first = date.fromordinal(first.toordinal() + 7 * offset)
        return first, date.fromordinal(first.toordinal() + 6)
    if unit == "month":
        d = add_months(reference.replace(day=1), offset)
        return month_range(d.year, d.month)
    if unit == "quarter":
        fy, q = quarter_of(reference, fiscal_year_start)
        index = fy * 4 + (q - 1) + offset
        fy, q0 = divmod(index, 4)
        return quarter_range(fy, q0 + 1, fiscal_year_start)
    if unit == "half":
        fy, q = quarter_of(reference, fiscal_year_start)
        index = fy * 2 + (q - 1) // 2 + offset
        fy, h0 = divmod(index, 2)
        return half_range(fy, h0 + 1, fiscal_year_start)
    if unit == "year":
        fy = fiscal_year_of(reference, fiscal_year_start) + offset
        return fiscal_year_range(fy, fiscal_year_start)
    raise ValueError(f"unknown period unit {unit!r}")


@_cached
def next_half_occurrence(reference: date, h: int, fiscal_year_start: int = 1) -> DateRange:
    """The half `h` meant by a bare "H2": this fiscal year's, or next year's once it is over."""
    fy = fiscal_year_of(reference, fiscal_year_start)
    rng = half_range(fy, h, fiscal_year_start)
    if rng[1] < reference:
        rng = half_range(fy + 1, h, fiscal_year_start)
    return rng


@_cached
def next_quarter_occurrence(reference: date, q: int, fiscal_year_start: int = 1) -> DateRange:
    """The quarter `q` meant by a bare "Q3": this fiscal year's, or next year's once over."""
    fy = fiscal_year_of(reference, fiscal_year_start)
    rng = quarter_range(fy, q, fiscal_year_start)
    if rng[1] < reference:
        rng = quarter_range(fy + 1, q, fiscal_year_start)
    return rng


@_cached
def next_month_occurrence(reference: date, month: int) -> DateRange:
    """The month meant by a bare "March": this year's, or next year's once it is over."""
    rng = month_range(reference.year, month)
    if rng[1] < reference:
        rng = month_range(reference.year + 1, month)
    return rng


@functools.lru_cache(maxsize=1)
def _dateparser() -> Any:
    # Imported lazily: dateparser costs ~0.3 s of start-up and most goals never need it.
    import dateparser

    return dateparser


@functools.lru_cache(maxsize=2048)
def parse_date(
    text: str,
    reference: date,
    *,
    languages: tuple[str, ...] = ("en",),
    prefer_day: Literal["first", "last", "current"] = "last",
    prefer_future: bool = True,
) -> date | None:
    """Resolve one plain date string that an extractor has already found, or None.

    For strings such as "September 30, 2027", "9/30/2027", "March", "30 Sep". This is a
    guarded wrapper around `dateparser.parse`: text longer than `MAX_DATE_TEXT` characters
    is refused (dateparser is slow on long input and is never a detector here), any
    exception from dateparser counts as "not a date", and results before year 1000 or after
    9999 are dropped. Where only a month is given the day defaults to `prefer_day`
    ("last": a month named as a deadline means its end); where the year is missing the
    next occurrence after `reference` is preferred when `prefer_future` is True.
    """
    text = text.strip()
    if not text or len(text) > MAX_DATE_TEXT:
        return None
    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": prefer_day,
        "PREFER_DATES_FROM": "future" if prefer_future else "past",
        "RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
        "REQUIRE_PARTS": [],
        "STRICT_PARSING": False,
    }
    try:
        result = _dateparser().parse(text, languages=list(languages), settings=settings)
    except Exception:  # dateparser raises a variety of errors on odd input; none is ours
        return None
    if result is None or not 1000 <= result.year <= 9999:
        return None
    return result.date()
