"""Due dates and periods as spreadsheets hold them: date cells, ISO text, "2027年6月30日",
"2027-Q1", "Q1 2027", "FY27 Q2", "2027年第一季度", "2027 H1", "2027上半年", "2027".

Deliberately small and strict (no dateparser): a cell either matches one of these forms or
is ignored, and parsing 100,000 cells costs milliseconds.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from typing import Any

from smartlint.dates import fiscal_year_range, half_range, month_range, quarter_range
from smartlint.model import Period

_YMD = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:\s.*)?$")

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:FY\s*)?(\d{4}|\d{2}(?=\D|$))"
_QUARTER_FORMS = (
    re.compile(rf"^{_YEAR}\s*年?\s*[-/ ]?\s*Q([1-4])$", re.I),
    re.compile(rf"^Q([1-4])\s*[-/ ,]?\s*{_YEAR}$", re.I),
    re.compile(rf"^{_YEAR}\s*年?\s*第?([一二三四1-4])\s*季度?$", re.I),
)
_HALF_FORMS = (
    re.compile(rf"^{_YEAR}\s*年?\s*[-/ ]?\s*H([12])$", re.I),
    re.compile(rf"^H([12])\s*[-/ ,]?\s*{_YEAR}$", re.I),
    re.compile(rf"^{_YEAR}\s*年?\s*(上|下)半年$", re.I),
)
_YEAR_FORM = re.compile(rf"^{_YEAR}\s*(?:年|年度|全年)?$", re.I)
_MONTH_FORM = re.compile(r"^(\d{4})\s*[-/年]\s*(\d{1,2})\s*月?$")


def parse_due_date(value: Any) -> date | None:
    """A due date from a cell value, or None when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    return _parse_due_text(value)


@functools.lru_cache(maxsize=4096)
def _parse_due_text(value: str) -> date | None:
    m = _YMD.match(value)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY.match(value)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        # Day-first when the first number cannot be a month; otherwise month-first (US).
        return _safe_date(year, b, a) if a > 12 else _safe_date(year, a, b)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def parse_period(value: Any, fiscal_year_start: int = 1) -> Period | None:
    """A `Period` from a cell like "2027-Q1"; a label-only Period when the form is unknown."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and 1900 <= value <= 2200 and float(value).is_integer():
        value = str(int(value))
    label = str(value).strip()
    if not label:
        return None
    return _parse_period(label, fiscal_year_start)


@functools.lru_cache(maxsize=1024)
def _parse_period(label: str, fiscal_year_start: int) -> Period:
    # Cached: a sheet repeats a handful of period labels on thousands of rows.
    text = label.replace("\u3000", " ")
    # Only a label that says "FY" is a fiscal period; "2027-Q1" is a calendar quarter.
    fiscal = fiscal_year_start if "fy" in text.lower() else 1
    for form in _QUARTER_FORMS:
        m = form.match(text)
        if m:
            y, q = (m[1], m[2]) if form is not _QUARTER_FORMS[1] else (m[2], m[1])
            start, end = quarter_range(_year(y), _CN_DIGIT[q], fiscal)
            return Period(label, start, end)
    for form in _HALF_FORMS:
        m = form.match(text)
        if m:
            y, h = (m[1], m[2]) if form is not _HALF_FORMS[1] else (m[2], m[1])
            start, end = half_range(_year(y), 1 if h in ("1", "上") else 2, fiscal)
            return Period(label, start, end)
    m = _MONTH_FORM.match(text)
    if m and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        start, end = month_range(year, month)
        return Period(label, start, end)
    m = _YEAR_FORM.match(text)
    if m and (len(m[1]) == 4 or "fy" in text.lower()):
        start, end = fiscal_year_range(_year(m[1]), fiscal)
        return Period(label, start, end)
    return Period(label)
