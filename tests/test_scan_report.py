"""The HTML report: parsed back to check its numbers, escaping, language and self-containment."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_scan_support import SAMPLE, fake_fixture, write_csv  # noqa: F401

from smartlint.model import Dimension, Finding, Severity
from smartlint.scan import GoalResult, ScanSummary, render_report, scan_file, smart_score


class _Collect(HTMLParser):
    """Collects elements with data-* attributes, their text, and every tag/attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.keyed: list[tuple[dict[str, str | None], str]] = []  # (attrs of scope, text)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._open: list[list[Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        scope: dict[str, str | None] = {}
        for _, a in self.stack:
            scope.update({k: v for k, v in a.items() if k.startswith("data-")})
        scope.update({k: v for k, v in d.items() if k.startswith("data-")})
        if tag not in ("br", "meta", "rect", "link"):
            self.stack.append((tag, d))
            self._open.append([scope, ""])

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, d = self.stack.pop()
            scope, text = self._open.pop()
            if "data-key" in d:
                self.keyed.append((scope, text.strip()))
            if self._open:
                self._open[-1][1] += text
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open:
            self._open[-1][1] += data

    def value(self, key: str, **scope: str) -> str:
        for attrs, text in self.keyed:
            if attrs.get("data-key") == key and all(
                attrs.get(f"data-{k}") == v for k, v in scope.items()
            ):
                return text
        raise KeyError((key, scope))


def _parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    p.close()
    return p


def _result(row: int, text: str, findings: tuple[Finding, ...], **kw: Any) -> GoalResult:
    return GoalResult(row=row, text=text, lang=kw.pop("lang", "en"), findings=findings,
                      score=smart_score(findings), rewrite=kw.pop("rewrite", None), **kw)


def _f(code: str, dim: Dimension, sev: Severity = Severity.WARNING, msg: str = "m") -> Finding:
    return Finding(code, code.lower(), dim, sev, msg, 0, 1)


def test_report_numbers_match_the_results() -> None:
    s = ScanSummary()
    s.add(_result(2, "Improve things", (_f("S101", Dimension.SPECIFIC),
                                        _f("T101", Dimension.TIME_BOUND, Severity.ERROR)),
                  team="Sales", owner="Ann", rewrite="Raise <metric> to <target> by <deadline>"))
    s.add(_result(3, "Raise NPS from 30 to 45 by 2027-06-30", (), team="Sales", owner="Bo"))
    s.add(_result(4, "Make it better", (_f("S101", Dimension.SPECIFIC),), team="Ops"))
    s.add(_result(5, "Cut churn to 3% by June", (), team="Ops", owner="Bo"))
    p = _parse(render_report(s))
    assert p.value("goals") == "4"
    assert p.value("with_findings") == "2"
    assert p.value("clean") == "2"
    assert p.value("errors") == "1" and p.value("warnings") == "2"
    assert p.value("rate", dim="S") == "50%" and p.value("passed", dim="S") == "2"
    assert p.value("rate", dim="T") == "75%" and p.value("rate", dim="M") == "100%"
    # The chart's bars carry the same rates.
    rates = {d["data-dim"]: d["data-rate"] for t, d in p.tags if t == "g"}
    assert rates == {"S": "0.5000", "M": "1.0000", "A": "1.0000", "R": "1.0000", "T": "0.7500"}
    assert p.value("goals", group="Sales") == "2" and p.value("with_findings", group="Sales") == "1"
    assert p.value("goals", group="Bo") == "2"
    assert p.value("count", code="S101") == "2"
    # The weakest goal comes first with its rewrite.
    weakest_rows = [d["data-row"] for t, d in p.tags if t == "tr" and "data-row" in d]
    assert weakest_rows == ["2", "4"]
    assert "Raise <metric> to <target> by <deadline>" in "".join(p.text)


def test_report_escapes_everything_and_is_self_contained() -> None:
    s = ScanSummary()
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    s.add(_result(2, evil, (_f("S101", Dimension.SPECIFIC, msg=evil),), team=evil, owner=evil,
                  rewrite=evil))
    html = render_report(s)
    p = _parse(html)
    assert not [t for t, _ in p.tags if t in ("script", "img", "link", "iframe")]
    assert evil in "".join(p.text)  # shown as text, not markup
    for _, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.startswith("on")
            assert not (v or "").startswith(("http:", "https:", "//"))
    assert "http" not in html and "url(" not in html  # nothing to fetch


def test_chinese_report_has_lang_and_charset(tmp_path: Path, fake: list) -> None:
    rows = [["目标", "负责人", "团队"], ["提升客户满意度", "张三", "销售部"],
            ["加强团队协作", "李四", "销售部"]]
    src = write_csv(tmp_path / "g.csv", rows, encoding="gbk")
    report = tmp_path / "r.html"
    scan_file(str(src), report=str(report))
    html = report.read_bytes().decode("utf-8")
    p = _parse(html)
    assert ("html", {"lang": "zh-CN"}) in p.tags
    assert any(t == "meta" and d.get("charset") == "utf-8" for t, d in p.tags)
    text = "".join(p.text)
    assert "SMART 目标检查报告" in text and "张三" in text and "这里有问题" in text
    assert p.value("goals", group="销售部") == "2"


def test_empty_scan_report_says_nothing_to_fix() -> None:
    html = render_report(ScanSummary(), lang="en")
    assert "Nothing to fix" in html and _parse(html).value("goals") == "0"


def test_report_from_the_example_sheet(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    report = tmp_path / "r.html"
    outcome = scan_file(str(src), report=str(report))
    p = _parse(report.read_text("utf-8"))
    assert p.value("goals") == str(outcome.summary.goals) == "5"
    assert p.value("skipped") == "1"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no headless browser installed")
def test_report_renders_in_a_headless_browser(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    report = tmp_path / "r.html"
    scan_file(str(src), report=str(report))
    shot = tmp_path / "shot.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri()],
        check=True, capture_output=True, timeout=60,
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_a_split_rewrite_keeps_one_goal_a_line() -> None:
    """A compound goal's rewrite is one goal a line: the report must not run them together."""
    import re

    s = ScanSummary()
    split = "Increase pipeline by 20% by June 30, 2027\nReduce churn to 3% by June 30, 2027"
    s.add(_result(2, "Increase pipeline by 20% and reduce churn to 3% by June 30, 2027",
                  (_f("S103", Dimension.SPECIFIC),), rewrite=split))
    html = render_report(s)
    assert split in html  # the line break is in the markup …
    rule = re.search(r"\.rewrite\{[^}]*\}", html)
    assert rule is not None and "white-space:pre-line" in rule.group(0)  # … and shown
