"""`smartlint.suggest`: one rewrite that answers every finding and keeps every fact."""

from __future__ import annotations

import re

import pytest
from conftest import REFERENCE_DATE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartlint
from smartlint.config import Config
from smartlint.corpus import parse_period
from smartlint.model import Context

CTX = Context(reference_date=REFERENCE_DATE)
Q2 = parse_period("2027-Q2")
SMT = Config(select=("S", "M", "T"))
FILL = {
    "en": {"baseline": "40%", "target": "45%", "deadline": "June 30, 2027"},
    "zh": {"基线": "40%", "目标": "45%", "期限": "2027年6月30日"},
}
NUMBER = re.compile(r"\d[\d,.]*(?:%|x\b)?")


def test_a_complete_goal_is_left_as_it_is() -> None:
    text = "Reduce customer churn from 5% to 3% by June 30, 2027"
    rewrite = smartlint.suggest(text, lang="en", context=CTX)
    assert rewrite.text == text
    assert rewrite.placeholders == ()
    assert rewrite.addresses == ()


@pytest.mark.parametrize(
    ("text", "lang", "expected", "addresses"),
    [
        ("Improve customer satisfaction", "en",
         "Increase customer satisfaction from <baseline> to <target> by <deadline>",
         {"M101", "S101", "T101"}),
        ("Improve p95 latency", "en",
         "Reduce p95 latency from <baseline> to <target> by <deadline>", {"M101", "T101"}),
        ("Increase revenue by 10%", "en", "Increase revenue by 10% from <baseline> by <deadline>",
         {"M102", "T101"}),
        ("Reduce customer churn to 3% ASAP", "en", "Reduce customer churn to 3% by <deadline>",
         {"T102"}),
        ("NPS", "en", "Increase NPS from <baseline> to <target> by <deadline>", {"M103"}),
        ("提升客户满意度", "zh", "<期限>前将客户满意度从<基线>提高到<目标>",
         {"M101", "S101", "T101"}),
        ("将收入提高10%", "zh", "<期限>前将收入从<基线>提高10%", {"M102", "T101"}),
        ("尽快将客户流失率降低到3%", "zh", "<期限>前将客户流失率降低到3%", {"T102"}),
    ],
)
def test_rewrite_fills_what_is_missing_with_placeholders(
    text: str, lang: str, expected: str, addresses: set[str]
) -> None:
    rewrite = smartlint.suggest(text, lang=lang, context=CTX)
    assert rewrite.text == expected
    assert addresses <= set(rewrite.addresses)
    assert rewrite.original == text and rewrite.lang == lang


def test_the_period_end_becomes_the_deadline() -> None:
    context = Context(reference_date=REFERENCE_DATE, period=Q2)
    rewrite = smartlint.suggest("Improve customer satisfaction", lang="en", context=context)
    assert rewrite.text.endswith("by June 30, 2027")
    assert "deadline" not in rewrite.placeholders
    zh = smartlint.suggest("提升客户满意度", lang="zh", context=context)
    assert zh.text.startswith("2027年6月30日前")


def test_a_compound_goal_becomes_one_goal_a_line() -> None:
    text = "Increase revenue by 10% and reduce customer churn to 3% by June 30, 2027"
    rewrite = smartlint.suggest(text, lang="en", context=CTX)
    assert rewrite.text.split("\n") == [
        "Increase revenue by 10% from <baseline> by June 30, 2027",
        "Reduce customer churn to 3% by June 30, 2027",
    ]
    assert {"S103", "M102"} <= set(rewrite.addresses)


def test_a_stale_deadline_is_the_one_fact_replaced() -> None:
    rewrite = smartlint.suggest("Reduce customer churn to 3% by March 31, 2026", lang="en",
                                context=CTX)
    assert rewrite.text == "Reduce customer churn to 3% by <deadline>"
    assert "T103" in rewrite.addresses


def test_jargon_and_wrong_direction_are_rewritten() -> None:
    text = "Try to leverage partners to grow pipeline by 20% by June 30, 2027"
    rewrite = smartlint.suggest(text, lang="en", context=CTX)
    assert rewrite.text == "Use partners to grow pipeline by 20% from <baseline> by June 30, 2027"
    turned = smartlint.suggest("Increase customer churn to 5% by June 30, 2027", lang="en",
                               context=CTX)
    assert turned.text == "Reduce customer churn to 5% by June 30, 2027"


def test_fill_and_partial_fill() -> None:
    rewrite = smartlint.suggest("Improve customer satisfaction", lang="en", context=CTX)
    partial = rewrite.fill({"target": "90%"})
    assert "<target>" not in partial and "<baseline>" in partial and "90%" in partial


def test_suggest_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        smartlint.suggest(42)  # type: ignore[arg-type]


# -- the property: filled rewrites lint clean on S, M and T, and no fact is lost ---------

EN_VERBS = ["Increase", "Grow", "Reduce", "Cut", "Improve", "Raise", "Lower", "Boost"]
EN_METRICS = ["revenue", "customer churn", "NPS", "qualified pipeline", "support tickets",
              "customer satisfaction", "win rate", "average deal size", "p95 latency",
              "monthly active users"]
EN_DATES = ["by June 30, 2027", "by May 15, 2027", "in Q2 2027", "by the end of Q2 2027",
            "within four months"]
EN_VAGUE = ["ASAP", "soon", "eventually"]

ZH_VERBS = ["提高", "提升", "降低", "减少", "优化", "改善", "增加"]
ZH_METRICS = ["收入", "客户流失率", "净推荐值", "销售管道", "工单量", "客户满意度", "赢单率",
              "响应时间", "月活跃用户"]
ZH_DATES = ["2027年6月30日前", "2027年5月15日前", "2027年第二季度", "四个月内"]
ZH_VAGUE = ["尽快", "逐步"]


@st.composite
def en_goals(draw: st.DrawFn) -> tuple[str, list[str]]:
    verb = draw(st.sampled_from(EN_VERBS))
    metric = draw(st.sampled_from(EN_METRICS))
    a, b = draw(st.integers(1, 90)), draw(st.integers(1, 90))
    number = draw(st.sampled_from(["", f"by {a}%", f"to {a}%", f"from {a}% to {b}%",
                                   f"to {a},{b:03d}"]))
    when = draw(st.sampled_from(["", "", *EN_DATES, *EN_VAGUE]))
    text = " ".join(p for p in (verb, metric, number, when) if p)
    facts = [metric, *NUMBER.findall(number)]
    if when in EN_DATES:
        facts.append(when)
    return text, facts


@st.composite
def zh_goals(draw: st.DrawFn) -> tuple[str, list[str]]:
    verb = draw(st.sampled_from(ZH_VERBS))
    metric = draw(st.sampled_from(ZH_METRICS))
    a = draw(st.integers(1, 90))
    number = draw(st.sampled_from(["", f"{a}%", f"到{a}%"]))
    when = draw(st.sampled_from(["", *ZH_DATES, *ZH_VAGUE]))
    form = draw(st.sampled_from(["{w}将{m}{v}{n}", "{w}{v}{m}", "{m}{v}{n}{w2}"]))
    if form == "{w}{v}{m}":
        number = ""
    text = form.format(w=when, m=metric, v=verb, n=number, w2=f"，{when}" if when else "")
    facts = [metric, *NUMBER.findall(number)]
    if when in ZH_DATES:
        facts.append(when)
    return text, facts


def _check(lang: str, text: str, facts: list[str], with_period: bool) -> None:
    context = Context(reference_date=REFERENCE_DATE, period=Q2 if with_period else None)
    rewrite = smartlint.suggest(text, lang=lang, context=context)
    for fact in facts:
        assert fact in rewrite.text, f"{fact!r} of {text!r} lost in {rewrite.text!r}"
    names = set(FILL[lang])
    assert set(rewrite.placeholders) <= names, rewrite.text
    filled = rewrite.fill(FILL[lang])
    assert "<" not in filled
    left = smartlint.lint(filled, lang=lang, context=context, config=SMT)
    assert left.codes == [], f"{text!r} → {filled!r} still has {left.codes}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal=en_goals(), with_period=st.booleans())
def test_filled_english_rewrites_lint_clean_and_keep_every_fact(
    goal: tuple[str, list[str]], with_period: bool
) -> None:
    _check("en", *goal, with_period)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal=zh_goals(), with_period=st.booleans())
def test_filled_chinese_rewrites_lint_clean_and_keep_every_fact(
    goal: tuple[str, list[str]], with_period: bool
) -> None:
    _check("zh", *goal, with_period)


def test_an_output_becomes_the_means_to_an_outcome() -> None:
    rewrite = smartlint.suggest("Publish 15 blog posts", lang="en", context=CTX)
    assert "15 blog posts" in rewrite.text
    assert {"metric", "target", "deadline"} <= set(rewrite.placeholders)
    assert {"S102", "T101"} <= set(rewrite.addresses)
    in_period = smartlint.suggest("Publish 15 blog posts", lang="en",
                                  context=Context(reference_date=REFERENCE_DATE, period=Q2))
    assert "June 30, 2027" in in_period.text and "deadline" not in in_period.placeholders
