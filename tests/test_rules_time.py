"""T102–T106: vague time, deadline in the past, outside the period, after the parent's
period, frequency taken for a deadline — and fiscal-year resolution as the rules see it."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from conftest import REFERENCE_DATE

import smartlint
from smartlint.config import Config, config_from_mapping
from smartlint.corpus import parse_period
from smartlint.model import Context, ParsedGoal, TimeFrame, TimeKind
from smartlint.rule import RuleContext

Q1 = parse_period("2027-Q1")
H1 = parse_period("2027-H1")


def fired(code: str, text: str, lang: str | None = None, config: Config | None = None,
          **context: Any) -> list[smartlint.Finding]:
    context.setdefault("reference_date", REFERENCE_DATE)
    config = config or Config(select=(code,))
    result = smartlint.lint(text, lang=lang, context=Context(**context), config=config)
    return [f for f in result if f.code == code]


# -- T102 vague-time --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "term"),
    [
        ("Reduce customer churn to 3% as soon as possible", "en", "as soon as possible"),
        ("Reduce customer churn to 3% ASAP", "en", "ASAP"),
        ("Eventually reach 1,000 paying customers", "en", "Eventually"),
        ("Keep uptime above 99.9% on an ongoing basis", "en", "on an ongoing basis"),
        ("尽快将客户流失率降低到3%", "zh", "尽快"),
        ("适时将客单价提高到500元", "zh", "适时"),
        ("逐步将月活跃用户提高到100万", "zh", "逐步"),
    ],
)
def test_vague_time_fires_on_the_word(text: str, lang: str, term: str) -> None:
    (finding,) = fired("T102", text, lang)
    assert text[finding.start : finding.end] == term


def test_vague_time_quiet_with_a_real_bound() -> None:
    assert fired("T102", "Reduce customer churn to 3% by June 30, 2027", "en") == []
    assert fired("T102", "2027年底前逐步将月活跃用户提高到100万", "zh") == []
    assert fired("T102", "Reduce customer churn to 3%", "en") == []  # no time word at all


def test_vague_time_suggestion_uses_the_period_end() -> None:
    (finding,) = fired("T102", "Reduce customer churn to 3% ASAP", "en", period=Q1)
    (suggestion,) = finding.suggestions
    assert suggestion.apply("Reduce customer churn to 3% ASAP") == (
        "Reduce customer churn to 3% by March 31, 2027"
    )
    (zh,) = fired("T102", "尽快将客户流失率降低到3%", "zh")
    assert zh.suggestions[0].placeholders == ("期限",)


def test_vague_time_lexicon_is_user_extendable() -> None:
    text = "Reduce customer churn to 3% in due time"
    assert fired("T102", text, "en") == []
    config = config_from_mapping(
        {"select": ["T102"], "lexicon": {"en": {"vague_time": ["in due time"]}}}
    )
    assert len(fired("T102", text, "en", config=config)) == 1


# -- T103 deadline-in-past --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce customer churn to 3% by March 31, 2026", "en"),
        ("Reach 1,000 paying customers in 2026", "en"),
        ("2026年3月31日前将客户流失率降低到3%", "zh"),
    ],
)
def test_deadline_in_past_fires(text: str, lang: str) -> None:
    assert len(fired("T103", text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce customer churn to 3% by March 31, 2027", "en"),
        ("Reduce customer churn to 3% by January 15, 2027", "en"),  # today is not past
        ("Cut energy use by 10% compared with 2020 by the end of 2027", "en"),  # a baseline
        ("2027年3月31日前将客户流失率降低到3%", "zh"),
    ],
)
def test_deadline_in_past_quiet(text: str, lang: str) -> None:
    assert fired("T103", text, lang) == []


def test_deadline_in_past_follows_the_reference_date() -> None:
    text = "Reduce customer churn to 3% by March 31, 2027"
    assert fired("T103", text, "en", reference_date=date(2027, 4, 1))
    config = config_from_mapping({"select": ["T103"], "reference-date": "2027-04-01"})
    result = smartlint.lint(text, lang="en", config=config)
    assert result.codes == ["T103"]


def test_deadline_in_past_on_a_hand_built_goal() -> None:
    from smartlint_rules.t103_deadline_in_past import DeadlineInPast

    text = "Ship it by May 1, 2026"
    past = TimeFrame(8, 22, "by May 1, 2026", TimeKind.DEADLINE, True, None, date(2026, 5, 1))
    ref = TimeFrame(8, 22, "by May 1, 2026", TimeKind.REFERENCE, False, None, date(2026, 5, 1))
    ctx = RuleContext(Context(reference_date=REFERENCE_DATE))
    goal = ParsedGoal(text=text, lang="en", timeframes=(past,))
    (finding,) = DeadlineInPast().check(goal, ctx)
    assert (finding.start, finding.end) == (8, 22)
    assert "May 1, 2026" in finding.message
    reference_only = ParsedGoal(text=text, lang="en", timeframes=(ref,))
    assert list(DeadlineInPast().check(reference_only, ctx)) == []


# -- fiscal years: the time rules see resolved dates -------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Reduce customer churn to 3% by FY27 Q2", "en"), ("将流失率降低到3%，FY27 Q2前完成", "zh")],
)
def test_fiscal_quarter_resolves_with_fiscal_year_start(text: str, lang: str) -> None:
    calendar = config_from_mapping({"select": ["T103"]})
    april = config_from_mapping({"select": ["T103"], "fiscal-year-start": 4})
    # FY27 Q2 is April–June 2027 with calendar fiscal years, July–September 2026 from April
    assert fired("T103", text, lang, config=calendar) == []
    assert len(fired("T103", text, lang, config=april)) == 1


def test_fiscal_half_and_quarter_fall_inside_or_outside_the_period() -> None:
    fy27 = parse_period("FY27", 4)  # 2026-04-01 .. 2027-03-31
    april = config_from_mapping({"select": ["T104"], "fiscal-year-start": 4})
    assert fired("T104", "Reduce customer churn to 3% in H2", "en", config=april, period=fy27) == []
    assert fired("T104", "Reduce customer churn to 3% in Q3", "en", config=april, period=fy27)


# -- T104 deadline-outside-period -------------------------------------------------------


def test_deadline_outside_period() -> None:
    text = "Reduce customer churn to 3% by June 30, 2027"
    (finding,) = fired("T104", text, "en", period=Q1)
    assert "2027-Q1" in finding.message
    assert finding.suggestions[0].apply(text) == "Reduce customer churn to 3% by March 31, 2027"
    assert fired("T104", "Reduce customer churn to 3% by March 31, 2027", "en", period=Q1) == []
    assert fired("T104", text, "en") == []  # no period in the context: nothing to compare
    # before the period starts is outside too
    q2 = parse_period("2027-Q2")
    assert fired("T104", "Reduce customer churn to 3% by February 28, 2027", "en", period=q2)
    (zh,) = fired("T104", "2027年6月30日前将客户流失率降低到3%", "zh", period=Q1)
    assert zh.suggestions[0].apply("2027年6月30日前将客户流失率降低到3%").startswith(
        "2027年3月31日前"
    )


# -- T105 deadline-after-parent ---------------------------------------------------------


def test_deadline_after_parent_period() -> None:
    text = "Reduce customer churn to 3% by September 30, 2027"
    (finding,) = fired("T105", text, "en", parent_period=H1, parent="Keep customers longer")
    assert "June 30, 2027" in finding.message
    assert fired("T105", "Reduce customer churn to 3% by June 30, 2027", "en",
                 parent_period=H1) == []
    # no deadline of its own: the goal's period is compared
    q3 = parse_period("2027-Q3")
    assert fired("T105", "Reduce customer churn to 3%", "en", period=q3, parent_period=H1)
    assert fired("T105", "Reduce customer churn to 3%", "en", period=Q1, parent_period=H1) == []
    assert fired("T105", "2027年9月30日前将客户流失率降低到3%", "zh", parent_period=H1)


# -- T106 frequency-not-deadline --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "term"),
    [
        ("Publish 4 customer case studies monthly", "en", "monthly"),
        ("Hold 2 customer interviews per week", "en", "per week"),
        ("每月发布4篇客户案例", "zh", "每月"),
    ],
)
def test_frequency_not_deadline(text: str, lang: str, term: str) -> None:
    (finding,) = fired("T106", text, lang)
    assert finding.severity is smartlint.Severity.INFO
    assert term in text[finding.start : finding.end]
    fixed = finding.suggestions[0].apply(text)
    assert term in fixed and ("<deadline>" in fixed or "<期限>" in fixed)


@pytest.mark.parametrize(
    ("text", "lang", "period"),
    [
        ("Publish 4 customer case studies monthly in Q2 2027", "en", None),
        ("Publish 4 customer case studies monthly", "en", Q1),
        ("2027年6月30日前每月发布4篇客户案例", "zh", None),
        ("Reduce customer churn to 3%", "en", None),  # no frequency at all
    ],
)
def test_frequency_not_deadline_quiet(text: str, lang: str, period: Any) -> None:
    assert fired("T106", text, lang, period=period) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reach 100% of the annual sales quota", "en"),
        ("Grow monthly active users to 50,000", "en"),
        ("Grow annual recurring revenue from $8M to $9.5M", "en"),
        ("完成年度销售任务的100%", "zh"),
        ("将月度活跃用户提高到1万", "zh"),
    ],
)
def test_a_frequency_that_names_the_metric_is_no_stand_in_for_a_deadline(
    text: str, lang: str
) -> None:
    assert fired("T106", text, lang) == []
    missing = smartlint.lint(text, lang=lang, context=Context(reference_date=REFERENCE_DATE))
    assert "T101" in missing.codes  # the missing deadline is still reported, once


@pytest.mark.parametrize(
    ("code", "text"),
    [("T101", "Reduce customer churn from 3% to 2%"),
     ("T102", "Reduce customer churn to 2% soon"),
     ("T103", "Reduce customer churn to 2% by March 31, 2026"),
     ("A105", "Increase customer churn to 5% by June 30, 2027"),
     ("M102", "Increase revenue by 10% by June 30, 2027")],
)
def test_findings_made_once_follow_the_config(code: str, text: str) -> None:
    # these rules make each finding once for its places and words, under one config: a
    # config with another severity gets its own, and the first one's comes back after
    from smartlint.model import Severity

    ctx = Context(reference_date=REFERENCE_DATE)
    plain = Config(select=(code,))
    loud = Config(select=(code,), severity={code: Severity.ERROR})
    first = smartlint.lint(text, lang="en", context=ctx, config=plain).findings
    louder = smartlint.lint(text, lang="en", context=ctx, config=loud).findings
    again = smartlint.lint(text, lang="en", context=ctx, config=plain).findings
    assert [f.code for f in first] == [code]
    assert louder[0].severity is Severity.ERROR and first[0].severity is not Severity.ERROR
    assert again == first
    assert list(louder) == [
        dataclasses.replace(f, severity=Severity.ERROR) for f in first]
