"""Properties that hold for any input text (issue 8): no crash, exact spans, determinism,
bounded time on inputs known to be slow in the libraries underneath."""

from __future__ import annotations

import itertools
import time
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import smartlint
from smartlint import api

REF = date(2027, 1, 15)

# Goal-like fragments mixed with arbitrary text, so the generator reaches the extractors'
# interesting paths (numbers, units, dates) and not only noise.
FRAGMENTS = st.sampled_from(
    [
        "Increase",
        "revenue",
        "by",
        "10%",
        "$2.5M",
        "from",
        "to",
        "3x",
        "Q3",
        "2027",
        "FY27",
        "within",
        "four",
        "months",
        "end of",
        "H2",
        "per week",
        "soon",
        "将",
        "客户流失率",
        "降低",
        "2%",
        "到2027年",
        "年底前",
        "四个月内",
        "百分之十",
        "翻一番",
        "１２３",
        "万元",
        "每月",
        "尽快",
        "at least",
        "NPS",
        "≥",
        "50",
        "ms",
        "0.5 s",
        "TBD",
        "X%",
        "<target>",
        "\u200f",
        "🚀",
        "\t",
    ]
)
GOALISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=6)), max_size=14).map(" ".join)
ANY_TEXT = st.one_of(
    GOALISH,
    st.text(max_size=80),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),  # incl. surrogates
)


def _spans(goal: smartlint.ParsedGoal) -> list:
    spans: list = [*goal.quantities, *goal.timeframes, *goal.placeholders]
    spans += [s for s in (goal.verb, goal.metric, goal.baseline, goal.target, goal.change) if s]
    return spans


@given(ANY_TEXT)
def test_parse_and_lint_never_raise_and_spans_are_exact(text: str) -> None:
    goal = smartlint.parse(text, reference_date=REF)
    for span in _spans(goal):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    result = smartlint.lint(text, context=smartlint.Context(reference_date=REF))
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        for s in f.suggestions:
            if s.start is not None:
                assert s.end is not None and 0 <= s.start <= s.end <= len(text)


@given(GOALISH, st.sampled_from(["en", "zh", None]))
def test_results_are_deterministic(text: str, lang: str | None) -> None:
    ctx = smartlint.Context(reference_date=REF)
    first = smartlint.lint(text, lang=lang, context=ctx)
    api._parse_stripped.cache_clear()
    second = smartlint.lint(text, lang=lang, context=ctx)
    assert first.findings == second.findings


@given(GOALISH, st.text(" \t\n\u3000", max_size=4), st.text(" \t\n", max_size=4))
def test_surrounding_whitespace_changes_no_finding(text: str, before: str, after: str) -> None:
    ctx = smartlint.Context(reference_date=REF)
    plain = smartlint.lint(text, context=ctx)
    padded = smartlint.lint(before + text + after, context=ctx)
    assert [(f.code, f.message) for f in plain.findings] == [
        (f.code, f.message) for f in padded.findings
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "Grow \udfff revenue",
        "\x00\x01\x1b[31m",
        "\u202e50%",
        "１０％増加",
        "ＮＰＳ５０",
        "",
    ],
)
def test_odd_characters(text: str) -> None:
    smartlint.lint(text)
    smartlint.parse(text, lang="zh")
    smartlint.parse(text, lang="en")


SLOW_INPUTS = {
    "ones": "1 " * 25000,
    "by": "by " * 20000,
    "a": "a" * 100000,
    "nian": "年" * 20000,
    "2027nian": "2027年" * 5000,
    "percent": "10% " * 20000,
    "digits": "9" * 100000,
}


@pytest.mark.parametrize("name", sorted(SLOW_INPUTS))
def test_known_slow_inputs_are_bounded(name: str) -> None:
    text = SLOW_INPUTS[name]
    smartlint.lint("warm up the pipelines", lang="en")
    smartlint.lint("预热", lang="zh")
    # The parse cache would make a second run free: clear it and keep the best of two,
    # so a moment of load on a shared machine does not fail the test.
    best = float("inf")
    for _ in range(2):
        api._parse_stripped.cache_clear()
        t0 = time.perf_counter()
        smartlint.parse(text, reference_date=REF)
        smartlint.lint(text, context=smartlint.Context(reference_date=REF))
        best = min(best, time.perf_counter() - t0)
    assert best < 1.0, f"{name}: {best:.2f}s"


def test_text_over_the_limit_is_reported_and_bounded() -> None:
    text = "Grow revenue 10% by Q3 2027. " * 400
    cfg = smartlint.Config(max_length=500)
    result = smartlint.lint(text, config=cfg)
    [over] = [f for f in result.findings if f.code == "S100"]
    assert (over.start, over.end) == (500, len(text.rstrip()))
    assert str(len(text.strip())) in over.message and "500" in over.message
    assert "S100" not in smartlint.lint("Grow revenue 10% by Q3 2027", config=cfg).codes


@given(GOALISH, st.sampled_from(["en", "zh"]))
@example("5RMB 100", "zh")  # read as "5RMB" and "RMB 100" once
@example("5个百分之十", "zh")  # "5个百分之" and "百分之十"
def test_quantities_are_in_order_and_never_overlap(text: str, lang: str) -> None:
    found = smartlint.parse(text, lang=lang, reference_date=REF).quantities
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, (a, b)
