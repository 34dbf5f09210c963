"""Reading the `period` of a goal document: "2027-Q1", "H2 2027", "FY2027", "2027年第一季度" …"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from smartlint.errors import InputError
from smartlint.model import Period

_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_QUARTER = re.compile(
    r"^(?:(?P<y1>\d{4})\s*[-/ ]?\s*Q(?P<q1>[1-4])|Q(?P<q2>[1-4])\s*[-/ ]?\s*(?:FY)?(?P<y2>\d{4}))$",
    re.I,
)
_HALF = re.compile(
    r"^(?:(?P<y1>\d{4})\s*[-/ ]?\s*H(?P<h1>[12])|H(?P<h2>[12])\s*[-/ ]?\s*(?P<y2>\d{4}))$", re.I
)
_YEAR = re.compile(r"^(?P<y>\d{4})$")
_FISCAL = re.compile(r"^FY\s*-?\s*(?P<y>\d{4}|\d{2})$", re.I)
_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")
_RANGE = re.compile(r"^(?P<a>\d{4}-\d{2}-\d{2})\s*(?:\.\.|/|–|—|to)\s*(?P<b>\d{4}-\d{2}-\d{2})$")
_ZH_QUARTER = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?:第\s*(?P<q>[一二三四1-4])\s*季度|Q(?P<qq>[1-4]))$", re.I
)
_ZH_HALF = re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<h>上|下)半年$")
_ZH_YEAR = re.compile(r"^(?P<y>\d{4})\s*(?:年|年度|财年)$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(year: int, first_month: int, months: int, fiscal_start: int = 1) -> tuple[date, date]:
    """Dates of `months` months starting at `first_month` of the (fiscal) year `year`.

    A fiscal year that starts in April is named after the calendar year it ends in
    (FY2027 = April 2026 – March 2027), the common convention.
    """
    month0 = (fiscal_start - 1) + (first_month - 1)
    start_year = year - (1 if fiscal_start > 1 else 0) + month0 // 12
    start_month = month0 % 12 + 1
    last0 = month0 + months - 1
    end_year = year - (1 if fiscal_start > 1 else 0) + last0 // 12
    end_month = last0 % 12 + 1
    return date(start_year, start_month, 1), _month_end(end_year, end_month)


def parse_period(value: Any, *, fiscal_year_start: int = 1, path: str | None = None,
                 line: int | None = None) -> Period:
    """A `Period` from a front-matter value. Unknown labels keep the label without dates.

    Quarters and halves are calendar ones unless written with "FY"; a mapping may give
    `start` and `end` dates (and an optional `label`).
    """
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        label = str(value.get("label") or f"{start}..{end}")
        try:
            start_d = start if isinstance(start, date) else date.fromisoformat(str(start))
            end_d = end if isinstance(end, date) else date.fromisoformat(str(end))
        except ValueError:
            raise InputError(
                "period needs 'start' and 'end' dates in YYYY-MM-DD form", path, line
            ) from None
        if end_d < start_d:
            raise InputError(f"period ends ({end_d}) before it starts ({start_d})", path, line)
        return Period(label, start_d, end_d)
    if isinstance(value, date):
        return Period(value.isoformat(), value, value)
    label = str(value).strip()
    text = label.replace("－", "-").replace("　", " ")
    try:
        return _parse_label(label, text, fiscal_year_start)
    except ValueError:  # e.g. month 13
        return Period(label)


def _parse_label(label: str, text: str, fiscal_year_start: int) -> Period:
    fiscal = text.upper().startswith("FY") or " FY" in text.upper()
    cleaned = re.sub(r"\bFY\s*", "", text, flags=re.I) if fiscal else text
    if m := _QUARTER.match(cleaned):
        year = int(m["y1"] or m["y2"])
        q = int(m["q1"] or m["q2"])
        start, end = _span(year, 3 * (q - 1) + 1, 3, fiscal_year_start if fiscal else 1)
        return Period(label, start, end)
    if m := _HALF.match(cleaned):
        year = int(m["y1"] or m["y2"])
        h = int(m["h1"] or m["h2"])
        start, end = _span(year, 6 * (h - 1) + 1, 6, fiscal_year_start if fiscal else 1)
        return Period(label, start, end)
    if m := _FISCAL.match(text):
        year = int(m["y"])
        year = year + 2000 if year < 100 else year
        start, end = _span(year, 1, 12, fiscal_year_start)
        return Period(label, start, end)
    if m := _YEAR.match(text):
        year = int(m["y"])
        return Period(label, date(year, 1, 1), date(year, 12, 31))
    if m := _MONTH.match(text):
        year, month = int(m["y"]), int(m["m"])
        return Period(label, date(year, month, 1), _month_end(year, month))
    if m := _RANGE.match(text):
        return Period(label, date.fromisoformat(m["a"]), date.fromisoformat(m["b"]))
    if m := _ZH_QUARTER.match(text):
        year, q = int(m["y"]), _ZH_NUM[m["q"] or m["qq"]]
        start, end = _span(year, 3 * (q - 1) + 1, 3)
        return Period(label, start, end)
    if m := _ZH_HALF.match(text):
        year = int(m["y"])
        start, end = _span(year, 1 if m["h"] == "上" else 7, 6)
        return Period(label, start, end)
    if m := _ZH_YEAR.match(text):
        year = int(m["y"])
        return Period(label, date(year, 1, 1), date(year, 12, 31))
    return Period(label)
