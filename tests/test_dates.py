"""Calendar arithmetic shared by the English and Chinese extractors."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlint import dates as D


def test_fiscal_year_is_named_after_the_year_it_ends_in() -> None:
    assert D.fiscal_year_range(27, 4) == (date(2026, 4, 1), date(2027, 3, 31))
    assert D.fiscal_year_range(2027, 4) == (date(2026, 4, 1), date(2027, 3, 31))
    assert D.fiscal_year_range(2027) == (date(2027, 1, 1), date(2027, 12, 31))
    assert D.fiscal_year_of(date(2026, 4, 1), 4) == 2027
    assert D.fiscal_year_of(date(2026, 3, 31), 4) == 2026


def test_quarters_and_halves() -> None:
    assert D.quarter_range(2027, 3) == (date(2027, 7, 1), date(2027, 9, 30))
    assert D.quarter_range(2027, 1, 4) == (date(2026, 4, 1), date(2026, 6, 30))
    assert D.half_range(2027, 2) == (date(2027, 7, 1), date(2027, 12, 31))
    assert D.half_range(2027, 2, 4) == (date(2026, 10, 1), date(2027, 3, 31))
    with pytest.raises(ValueError):
        D.quarter_range(2027, 5)
    with pytest.raises(ValueError):
        D.half_range(2027, 0)


def test_month_helpers() -> None:
    assert D.month_end(2028, 2) == date(2028, 2, 29)
    assert D.month_end(2027, 2) == date(2027, 2, 28)
    assert D.add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert D.add_months(date(2027, 1, 15), -2) == date(2026, 11, 15)
    assert D.year_range(2027) == (date(2027, 1, 1), date(2027, 12, 31))


def test_relative_periods(ref_date: date) -> None:
    assert D.this_period(ref_date, "quarter", 1, 1) == (date(2027, 4, 1), date(2027, 6, 30))
    assert D.this_period(ref_date, "quarter") == (date(2027, 1, 1), date(2027, 3, 31))
    assert D.this_period(ref_date, "quarter", 1, -1) == (date(2026, 10, 1), date(2026, 12, 31))
    assert D.this_period(ref_date, "year", 1, 1) == (date(2028, 1, 1), date(2028, 12, 31))
    assert D.this_period(ref_date, "year", 4) == (date(2026, 4, 1), date(2027, 3, 31))
    assert D.this_period(ref_date, "month", 1, 1) == (date(2027, 2, 1), date(2027, 2, 28))
    assert D.this_period(ref_date, "week") == (date(2027, 1, 11), date(2027, 1, 17))
    assert D.next_half_occurrence(date(2027, 8, 1), 1) == (date(2028, 1, 1), date(2028, 6, 30))


def test_parse_date_resolves_plain_dates(ref_date: date) -> None:
    assert D.parse_date("September 30, 2027", ref_date) == date(2027, 9, 30)
    assert D.parse_date("9/30/2027", ref_date) == date(2027, 9, 30)
    # Only a month: its last day (a deadline month means its end), in the future.
    assert D.parse_date("March", ref_date) == date(2027, 3, 31)


def test_parse_date_is_guarded(ref_date: date) -> None:
    assert D.parse_date("not a date at all", ref_date) is None
    assert D.parse_date("", ref_date) is None
    assert D.parse_date("1 " * 25000, ref_date) is None  # refused, not parsed


@given(st.integers(1990, 2100), st.integers(1, 12))
def test_quarters_tile_the_fiscal_year(fy: int, fys: int) -> None:
    first, last = D.fiscal_year_range(fy, fys)
    assert (last - first).days in (364, 365)
    ranges = [D.quarter_range(fy, q, fys) for q in (1, 2, 3, 4)]
    assert ranges[0][0] == first and ranges[-1][1] == last
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert start == end + timedelta(days=1)
    assert D.half_range(fy, 1, fys)[0] == first and D.half_range(fy, 2, fys)[1] == last


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.integers(1, 12))
def test_every_day_is_in_its_own_quarter(d: date, fys: int) -> None:
    fy, q = D.quarter_of(d, fys)
    first, last = D.quarter_range(fy, q, fys)
    assert first <= d <= last
    this = D.this_period(d, "quarter", fys)
    nxt = D.this_period(d, "quarter", fys, 1)
    assert this == (first, last)
    assert nxt[0] == last + timedelta(days=1)


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.integers(-400, 400))
def test_add_months_round_trips_on_early_days(d: date, months: int) -> None:
    d = d.replace(day=min(d.day, 28))
    assert D.add_months(D.add_months(d, months), -months) == d
