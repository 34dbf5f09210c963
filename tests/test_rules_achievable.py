"""A101–A105: direction conflict, impossible value, implausible change, absolute target,
metric moved the wrong way."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REFERENCE_DATE

import smartlint
from smartlint.config import Config, config_from_mapping
from smartlint.errors import ConfigError
from smartlint.model import Context, Direction, ParsedGoal, Quantity, QuantityKind, Span

CTX = Context(reference_date=REFERENCE_DATE)


def fired(code: str, text: str, lang: str | None = None, config: Config | None = None,
          **context: Any) -> list[smartlint.Finding]:
    ctx = Context(reference_date=REFERENCE_DATE, **context)
    config = config or Config(select=(code,))
    return [f for f in smartlint.lint(text, lang=lang, context=ctx, config=config)
            if f.code == code]


# -- A101 direction-conflict ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce churn from 3% to 5% by June 30, 2027", "en"),
        ("Increase the win rate from 30% to 25% in Q2 2027", "en"),
        ("Reduce p95 latency from 200 ms to 0.5 s by June 30, 2027", "en"),  # 200 ms < 500 ms
        ("将客户流失率从3%降低到5%，2027年6月30日前完成", "zh"),
        ("2027年6月30日前将响应时间从2秒提高到5秒", "zh"),  # response time is better low
    ],
)
def test_direction_conflict_fires(text: str, lang: str) -> None:
    found = fired("A101", text, lang)
    assert len(found) == 1
    (finding,) = found
    fix = finding.suggestions[0]
    fixed = fix.apply(text)
    assert fired("A101", fixed, lang) == [], fixed  # the first suggestion resolves it
    for number in ("3%", "5%", "30%", "25%", "200 ms", "0.5 s", "2秒", "5秒"):
        assert (number in text) == (number in fixed)  # and keeps every number


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce churn from 5% to 3% by June 30, 2027", "en"),
        ("Reduce p95 latency from 0.5 s to 200 ms by June 30, 2027", "en"),  # 500 ms > 200 ms
        ("Improve p95 latency from 300 ms to 200 ms by June 30, 2027", "en"),
        ("Grow revenue from $2M to $3M by June 30, 2027", "en"),
        ("Reduce churn to 3% by June 30, 2027", "en"),  # no baseline: nothing to compare
        ("2027年6月30日前将响应时间从5秒缩短到2秒", "zh"),
    ],
)
def test_direction_conflict_quiet(text: str, lang: str) -> None:
    assert fired("A101", text, lang) == []


def test_direction_conflict_compares_converted_units_on_a_hand_built_goal() -> None:
    from smartlint_rules.a101_direction_conflict import DirectionConflict

    from smartlint.rule import RuleContext

    text = "Reduce latency from 2 s to 1500 ms"
    goal = ParsedGoal(
        text=text, lang="en", verb=Span(0, 6, "Reduce"), verb_lemma="reduce",
        direction=Direction.DECREASE, metric=Span(7, 14, "latency"),
        baseline=Quantity(20, 23, "2 s", 2.0, QuantityKind.UNIT, "second"),
        target=Quantity(27, 34, "1500 ms", 1500.0, QuantityKind.UNIT, "millisecond"),
    )
    assert list(DirectionConflict().check(goal, RuleContext(CTX))) == []
    worse = ParsedGoal(
        text=text, lang="en", verb=goal.verb, verb_lemma="reduce",
        direction=Direction.DECREASE, metric=goal.metric,
        baseline=Quantity(20, 23, "2 s", 2.0, QuantityKind.UNIT, "second"),
        target=Quantity(27, 34, "2500 ms", 2500.0, QuantityKind.UNIT, "millisecond"),
    )
    assert [f.code for f in DirectionConflict().check(worse, RuleContext(CTX))] == ["A101"]


def test_direction_conflict_message_is_in_the_goal_language() -> None:
    (en,) = fired("A101", "Reduce churn from 3% to 5% by June 30, 2027", "en")
    (zh,) = fired("A101", "2027年6月30日前将客户流失率从3%降低到5%", "zh")
    assert "3%" in en.message and "5%" in en.message and "Reduce" in en.message
    assert "降低" in zh.message and "3%" in zh.message


# -- A102 impossible-value --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce infrastructure costs by 150% by the end of 2027", "en"),
        ("Raise the trial conversion rate to 120% by June 30, 2027", "en"),
        ("Uptime of 101% by June 30, 2027", "en"),
        ("Reach -5 open escalations by June 30, 2027", "en"),
        ("2027年底前将基础设施成本降低150%", "zh"),
        ("2027年6月30日前将留存率提高到120%", "zh"),
    ],
)
def test_impossible_value_fires(text: str, lang: str) -> None:
    (finding,) = fired("A102", text, lang)
    assert finding.severity is smartlint.Severity.ERROR


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce infrastructure costs by 15% by the end of 2027", "en"),
        ("Grow revenue by 150% by the end of 2027", "en"),  # growth may exceed 100%
        ("Reach 120% of the sales quota by June 30, 2027", "en"),  # quota attainment may
        ("Net revenue retention of at least 115% in 2027", "en"),  # NRR may pass 100%
        ("2027年底前将净收入留存率提升到115%", "zh"),
        ("Raise the trial conversion rate to 12% by June 30, 2027", "en"),
        ("2027年底前将收入提高150%", "zh"),
    ],
)
def test_impossible_value_quiet(text: str, lang: str) -> None:
    assert fired("A102", text, lang) == []


# -- A103 implausible-change ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grow monthly recurring revenue from $1M to $5M by March 31, 2027", "en"),
        ("Increase revenue 5x by March 31, 2027", "en"),
        ("Increase revenue by 400% by March 31, 2027", "en"),
        ("2027年3月31日前将月度经常性收入从100万元提高到500万元", "zh"),
    ],
)
def test_implausible_change_fires(text: str, lang: str) -> None:
    assert len(fired("A103", text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grow monthly recurring revenue from $1M to $1.5M by March 31, 2027", "en"),
        ("Grow revenue from $1M to $4M by December 31, 2027", "en"),  # a year allows 5x
        ("Raise conversion from 2% to 10% by March 31, 2027", "en"),  # rates are not compared
        ("Grow revenue from $1M to $5M", "en"),  # no time frame: nothing to judge by
        ("Reduce p95 latency from 200 ms to 1 s by March 31, 2027", "en"),  # not a growth goal
        ("2027年3月31日前将月度经常性收入从100万元提高到150万元", "zh"),
    ],
)
def test_implausible_change_quiet(text: str, lang: str) -> None:
    assert fired("A103", text, lang) == []


def test_implausible_change_uses_context_period_without_a_deadline() -> None:
    from datetime import date

    from smartlint.model import Period

    q1 = Period("2027-Q1", date(2027, 1, 1), date(2027, 3, 31))
    assert fired("A103", "Grow revenue from $1M to $5M", "en", period=q1)


def test_implausible_change_thresholds_come_from_config() -> None:
    text = "Grow monthly recurring revenue from $1M to $5M by March 31, 2027"
    loose = config_from_mapping(
        {"select": ["A103"], "rules": {"A103": {"max-growth-per-quarter": 6}}}
    )
    assert fired("A103", text, "en", config=loose) == []
    strict = config_from_mapping(
        {"select": ["A103"], "rules": {"A103": {"max-growth-per-quarter": 1.2}}}
    )
    assert fired("A103", "Grow revenue from $1M to $1.5M by March 31, 2027", "en",
                 config=strict)
    bad = config_from_mapping({"select": ["A103"], "rules": {"A103": {"max-growth-per-year": "x"}}})
    with pytest.raises(ConfigError, match="max-growth-per-year"):
        fired("A103", text, "en", config=bad)


# -- A104 absolute-target ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "term"),
    [
        ("Reach 100% test coverage by June 30, 2027", "en", "100%"),
        ("Have zero security incidents in 2027", "en", "zero"),
        ("Never miss a renewal date in 2027", "en", "Never"),
        ("2027年全年实现零缺陷交付", "zh", "零缺陷"),
        ("2027年6月30日前测试覆盖率达到100%", "zh", "100%"),
    ],
)
def test_absolute_target_is_reported_as_info(text: str, lang: str, term: str) -> None:
    (finding,) = fired("A104", text, lang)
    assert finding.severity is smartlint.Severity.INFO
    assert text[finding.start : finding.end] == term


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reach 85% test coverage by June 30, 2027", "en"),
        ("Grow revenue by 100% by the end of 2027", "en"),  # doubling is not a perfect score
        ("2027年底前将收入提高100%", "zh"),
        ("2027年底前零售门店收入提高10%", "zh"),  # 零售 is retail, not zero
    ],
)
def test_absolute_target_quiet(text: str, lang: str) -> None:
    assert fired("A104", text, lang) == []


# -- A105 metric-wrong-direction --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "fix"),
    [
        ("Increase customer churn to 5% by June 30, 2027", "en", "Reduce"),
        ("Reduce NPS by 5 points by the end of 2027", "en", "Increase"),
        ("Increase the sales cycle by 10 days", "en", "Reduce"),
        ("提高流失率", "zh", "降低"),
        ("2027年6月30日前将客户流失率提高到5%", "zh", "降低"),
    ],
)
def test_metric_wrong_direction_fires_with_the_right_verb(text: str, lang: str, fix: str) -> None:
    (finding,) = fired("A105", text, lang)
    (suggestion,) = finding.suggestions
    assert suggestion.replacement == fix
    assert fired("A105", suggestion.apply(text), lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reduce customer churn to 3% by June 30, 2027", "en"),
        ("Improve churn", "en"),  # "improve" means the better way, whatever it is
        ("Reduce the support ticket resolution time to 4 hours", "en"),
        ("Increase the support ticket resolution rate to 90%", "en"),  # head: a rate
        ("Increase win rate to 30%", "en"),
        ("优化响应时间", "zh"),
        ("运营费用占收入的比例降至两成以下", "zh"),  # a ratio: revenue is not the head
        ("本季度将工单一次解决率提高到85%", "zh"),  # a resolution rate, not tickets
        ("2027年6月30日前将客户流失率降低到3%", "zh"),
    ],
)
def test_metric_wrong_direction_quiet(text: str, lang: str) -> None:
    assert fired("A105", text, lang) == []


def test_metric_direction_lexicon_is_user_extendable() -> None:
    text = "Increase flaky builds to 10 by June 30, 2027"
    assert fired("A105", text, "en") == []
    config = config_from_mapping(
        {"select": ["A105"], "lexicon": {"en": {"metric_direction": ["flaky builds = down"]}}}
    )
    assert len(fired("A105", text, "en", config=config)) == 1
    # a user entry overrides a shipped one
    flip = config_from_mapping(
        {"select": ["A105"], "lexicon": {"en": {"metric_direction": ["churn = up"]}}}
    )
    assert fired("A105", "Increase churn to 5%", "en", config=flip) == []


def test_bad_metric_direction_entry_is_a_config_error() -> None:
    config = config_from_mapping(
        {"select": ["A105"], "lexicon": {"en": {"metric_direction": ["bugs = sideways"]}}},
        "pyproject.toml",
    )
    with pytest.raises(ConfigError, match=r"pyproject.toml.*metric_direction.*bugs = sideways"):
        fired("A105", "Increase bugs to 10", "en", config=config)


def test_a_hyphen_does_not_hide_a_metric() -> None:
    assert fired("A105", "Increase first-response time to 6 hours", "en")


# -- what people see: shares, swaps and units --------------------------------------------


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("A101", "Raise the share of tickets solved on first contact from 55% to 70% by Q1 2027"),
        ("A101", "Lift the percentage of support tickets closed in a day from 40% to 60% in 2027"),
        ("A105", "Increase the share of tickets resolved on first contact to 70% by Q2 2027"),
        ("A105", "Grow the proportion of new leads contacted within 5 minutes to 90% in 2027"),
    ],
)
def test_a_share_of_a_down_metric_has_no_wrong_way(code: str, text: str) -> None:
    assert fired(code, text, "en") == []


def test_a_swap_never_leaves_the_numbers_against_the_verb() -> None:
    """The verb agrees with the numbers but the metric gets worse: the only suggestion
    turns the verb round with the swap ("Increase churn from 5% to 3%" would conflict)."""
    for text, lang in [("Increase churn from 3% to 5% by Q2 2027", "en"),
                       ("2027年6月30日前将客户流失率从3%提高到5%", "zh")]:
        (finding,) = fired("A101", text, lang)
        fixed = text[: finding.start] + finding.suggestions[0].replacement + text[finding.end :]
        assert len(finding.suggestions) == 1
        assert fired("A101", fixed, lang) == []
        assert fired("A105", fixed, lang) == []


def test_a_unit_written_once_stays_at_the_end_when_swapped() -> None:
    (finding,) = fired("A101", "Cut median time to first value from 10 to 21 days by Q1 2027")
    assert finding.suggestions[-1].replacement == "21 to 10 days"


def test_messages_read_naturally() -> None:
    (a101,) = fired("A101", "Increase churn from 3% to 5% by Q2 2027", "en")
    assert "(lower is better)" in a101.message
    (a105,) = fired("A105", "Increase support tickets to 900 by Q2 2027", "en")
    assert "for support tickets, lower is better" in a105.message
    (zh,) = fired("A101", "2027年6月30日前将响应时间从2秒提高到5秒", "zh")
    assert "越短越好" in zh.message and "缩短" in zh.suggestions[0].replacement
    (count,) = fired("A105", "2027年底前将客服工单量提高到4000张", "zh")
    assert "工单量越少越好" in count.message


@pytest.mark.parametrize(
    "text",
    [
        "Improve defect count from 10 to 20 by Q3 2027",
        "Improve average handle time from 6 to 9 minutes by Q3 2027",
        "Improve forecast accuracy from 90% to 80% by Q3 2027",
        "Improve help-centre deflection from 20% to 12% by Q3 2027",
    ],
)
def test_improve_with_numbers_that_make_common_metrics_worse(text: str) -> None:
    assert fired("A101", text, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase net revenue retention from 104% to 110% by March 31, 2027", "en"),
        ("Grow pipeline coverage to 350% by June 30, 2027", "en"),  # 3.5x quota
        ("2027年6月30日前将管道覆盖率提高到300%", "zh"),
    ],
)
def test_ratios_that_pass_100_percent_are_possible(text: str, lang: str) -> None:
    assert fired("A102", text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reach 100% of the annual sales quota by December 31, 2027", "en"),
        ("Hit 100% of plan in Q3 2027", "en"),
        ("2027年底前完成年度销售任务的100%", "zh"),
    ],
)
def test_hitting_the_whole_plan_is_not_an_absolute_target(text: str, lang: str) -> None:
    assert fired("A104", text, lang) == []
