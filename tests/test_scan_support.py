"""Helpers shared by the tests/test_scan_*.py files (this module holds no tests).

`fake_lint` stands in for the rules, which other people are still writing: it finds
problems by keyword, so scan tests check the scan (reading, hierarchy, writing, report)
and not the rules' current behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import smartlint
import smartlint.api
from smartlint.langdetect import detect_language
from smartlint.model import (
    Context,
    Dimension,
    Finding,
    LintResult,
    ParsedGoal,
    Rewrite,
    Severity,
    Suggestion,
)

VAGUE = re.compile(r"improve|better|提升|加强|优化", re.I)
#: Every call of the fake lint: (text, lang, context), to check what the scan passed in.
CALLS: list[tuple[str, str | None, Context | None]] = []


def _finding(code: str, dim: Dimension, sev: Severity, lang: str, text: str) -> Finding:
    msg = {"en": f"{code} problem here", "zh": f"{code} 这里有问题"}[lang]
    return Finding(
        code=code,
        name=f"fake-{code.lower()}",
        dimension=dim,
        severity=sev,
        message=msg,
        start=0,
        end=len(text),
        suggestions=(Suggestion(f"fix {code}", f"{text} <target>"),),
        lang=lang,
    )


def fake_lint(
    text: str, *, lang: str | None = None, context: Context | None = None, config: Any = None
) -> LintResult:
    """S101 + M101 (warnings) on vague words; T101 (error) when no digit and no context date."""
    CALLS.append((text, lang, context))
    lang = lang or detect_language(text)
    found: list[Finding] = []
    if VAGUE.search(text):
        found.append(_finding("S101", Dimension.SPECIFIC, Severity.WARNING, lang, text))
        if not re.search(r"\d", text):
            found.append(_finding("M101", Dimension.MEASURABLE, Severity.WARNING, lang, text))
    has_time = re.search(r"\d", text) or (
        context is not None and (context.due_date or context.period)
    )
    if not has_time:
        found.append(_finding("T101", Dimension.TIME_BOUND, Severity.ERROR, lang, text))
    return LintResult(text=text, lang=lang, findings=tuple(found), goal=ParsedGoal(text, lang))


def fake_suggest(
    text: str, *, lang: str | None = None, context: Context | None = None, config: Any = None,
    result: Any = None,
) -> Rewrite:
    return Rewrite(original=text, text=f"REWRITE({text})", lang=lang or "en")


@pytest.fixture(name="fake")
def fake_fixture(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[list[tuple[str, str | None, Context | None]]]:
    """Replace lint (and suggest) with the fakes above; yields the list of lint calls."""
    CALLS.clear()
    monkeypatch.setattr(smartlint.api, "lint", fake_lint)
    monkeypatch.setattr(smartlint, "suggest", fake_suggest, raising=False)
    yield CALLS
    CALLS.clear()


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


#: A small mixed export: objective rows followed by key-result rows, en and zh.
SAMPLE: list[list[Any]] = [
    ["Type", "Goal", "Owner", "Team", "Due date", "Quarter"],
    ["Objective", "Improve customer happiness", "Ann Lee", "Sales", None, "2027-Q1"],
    ["Key Result", "Raise NPS from 30 to 45", None, None, "2027-03-31", None],
    ["Key Result", "Improve onboarding", "Bo Chen", None, None, None],
    ["Key Result", None, None, None, None, None],
    ["目标", "提升客户满意度", "张三", "销售部", None, None],
    ["关键结果", "客户满意度从80%提升到90%", "张三", "销售部", "2027年6月30日", None],
]
