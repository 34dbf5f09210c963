"""M102–M104: change without baseline, metric without target, yes/no key result."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REFERENCE_DATE

import smartlint
from smartlint.config import Config, config_from_mapping
from smartlint.model import Context


def fired(code: str, text: str, lang: str | None = None, config: Config | None = None,
          **context: Any) -> list[smartlint.Finding]:
    context.setdefault("reference_date", REFERENCE_DATE)
    config = config or Config(select=(code,))
    result = smartlint.lint(text, lang=lang, context=Context(**context), config=config)
    return [f for f in result if f.code == code]


# -- M102 change-without-baseline -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "change", "fixed"),
    [
        ("Increase annual recurring revenue by 10% by December 31, 2027", "en", "10%",
         "Increase annual recurring revenue from <baseline> by 10% by December 31, 2027"),
        ("Double qualified pipeline by June 30, 2027", "en", None, None),
        ("Grow bookings 3x in 2027", "en", "3x",
         "Grow bookings 3x from <baseline> in 2027"),
        ("2027年12月31日前将年度经常性收入提高10%", "zh", "10%",
         "2027年12月31日前将年度经常性收入从<基线>提高10%"),
        ("2027年底前销售额翻一番", "zh", "翻一番", None),
    ],
)
def test_change_without_baseline(text: str, lang: str, change: str | None,
                                 fixed: str | None) -> None:
    (finding,) = fired("M102", text, lang)
    if change is not None:
        assert text[finding.start : finding.end] == change
        assert change in finding.message
    (suggestion,) = finding.suggestions
    assert suggestion.placeholders in (("baseline",), ("基线",))
    if fixed is not None:
        assert suggestion.apply(text) == fixed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase annual recurring revenue from $2M to $2.2M by December 31, 2027", "en"),
        ("Increase annual recurring revenue by 10%, from $2M to $2.2M, by December 31, 2027",
         "en"),
        ("Raise NPS by 5 points by June 30, 2027", "en"),  # points: an absolute change
        ("Add 500 customers by June 30, 2027", "en"),
        ("2027年12月31日前将年度经常性收入从200万元提高到220万元", "zh"),
    ],
)
def test_change_without_baseline_quiet(text: str, lang: str) -> None:
    assert fired("M102", text, lang) == []


# -- M103 metric-without-target ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "rewrite"),
    [
        ("NPS", "en", "Raise NPS from <baseline> to <target> by <deadline>"),
        ("Customer acquisition cost", "en",
         "Reduce customer acquisition cost from <baseline> to <target> by <deadline>"),
        ("客户满意度", "zh", "<期限>前将客户满意度从<基线>提高到<目标>"),
        ("获客成本", "zh", "<期限>前将获客成本从<基线>降低到<目标>"),
    ],
)
def test_metric_without_target(text: str, lang: str, rewrite: str) -> None:
    (finding,) = fired("M103", text, lang)
    assert text in finding.message
    assert finding.suggestions[0].replacement == rewrite


def test_metric_without_target_fills_the_deadline_from_the_period() -> None:
    from smartlint.corpus import parse_period

    (finding,) = fired("M103", "NPS", "en", period=parse_period("2027-Q2"))
    assert finding.suggestions[0].replacement.endswith("by June 30, 2027")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Raise NPS from 32 to 40 by June 30, 2027", "en"),
        ("Improve NPS", "en"),  # a verb: M101's business
        ("NPS of 45", "en"),
        ("Our partner ecosystem", "en"),  # not a metric of the lexicon
        ("2027年6月30日前将客户满意度从80%提高到90%", "zh"),
    ],
)
def test_metric_without_target_quiet(text: str, lang: str) -> None:
    assert fired("M103", text, lang) == []


def test_metric_without_target_length_limit_is_configurable() -> None:
    text = "Our enterprise and mid-market segment net revenue retention"  # 8 words
    assert fired("M103", text, "en") == []
    config = config_from_mapping({"select": ["M103"], "rules": {"M103": {"max-words": 8}}})
    assert len(fired("M103", text, "en", config=config)) == 1


# -- M104 yes-no-key-result -------------------------------------------------------------

KR: dict[str, Any] = {"goal_type": "key_result", "parent": "Win more self-serve customers"}


@pytest.mark.parametrize(
    ("text", "lang", "verb"),
    [
        ("Launch the new pricing page by March 31, 2027", "en", "Launch"),
        ("Complete the CRM migration in Q1 2027", "en", "Complete"),
        ("2027年3月31日前上线新版定价页面", "zh", "上线"),
    ],
)
def test_yes_no_key_result(text: str, lang: str, verb: str) -> None:
    (finding,) = fired("M104", text, lang, **KR)
    assert text[finding.start : finding.end] == verb
    assert finding.suggestions[0].placeholders[:1] in (("metric",), ("指标",))


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Launch the new pricing page by March 31, 2027", {}),  # not a key result
        ("Launch the new pricing page by March 31, 2027", {"goal_type": "objective"}),
        ("Raise self-serve conversion from 2% to 3% by March 31, 2027", KR),
        ("Publish 15 customer case studies by March 31, 2027", KR),  # a count is measurable
    ],
)
def test_yes_no_key_result_quiet(text: str, context: dict[str, Any]) -> None:
    assert fired("M104", text, "en", **context) == []


# -- one problem, one finding: M103 and M104 yield to M101 --------------------------------


@pytest.mark.parametrize(
    ("code", "text", "lang", "context"),
    [
        ("M103", "NPS", "en", {}),
        ("M103", "客户满意度", "zh", {}),
        ("M104", "Launch the new pricing page by March 31, 2027", "en", KR),
        ("M104", "2027年3月31日前上线新版定价页面", "zh", {"goal_type": "key_result"}),
    ],
)
def test_a_rule_that_repeats_missing_measure_yields_to_it(
    code: str, text: str, lang: str, context: dict[str, Any]
) -> None:
    ctx = Context(reference_date=REFERENCE_DATE, **context)
    alone = smartlint.lint(text, lang=lang, context=ctx, config=Config(select=(code,)))
    assert alone.codes == [code]
    together = smartlint.lint(text, lang=lang, context=ctx, config=Config(select=(code, "M101")))
    assert together.codes == ["M101"]
    everything = smartlint.lint(text, lang=lang, context=ctx)
    assert "M101" in everything.codes and code not in everything.codes


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase qualified pipeline coverage to 3x quota by June 30, 2027", "en"),
        ("Improve forecast accuracy to within ±5% of the committed number in 2027", "en"),
        ("2027年3月31日前将销售管道覆盖率提高到3倍", "zh"),
    ],
)
def test_a_figure_after_to_is_the_level_not_a_change(text: str, lang: str) -> None:
    ctx = Context(reference_date=REFERENCE_DATE)
    config = Config(select=("M102", "A103"))
    assert smartlint.lint(text, lang=lang, context=ctx, config=config).codes == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grow partner-sourced pipeline by 30% compared with 2026 by December 31, 2027", "en"),
        ("Expand revenue by 25% year over year in 2027", "en"),
        ("2027年收入比2026年增长20%", "zh"),
        ("2027年收入同比增长20%", "zh"),
    ],
)
def test_a_change_against_a_named_period_has_its_base(text: str, lang: str) -> None:
    assert fired("M102", text, lang) == []


def test_change_without_baseline_places_the_baseline_after_a_user_verb() -> None:
    # "turbocharge" is no built-in goal verb and the fronted "In Q3," leaves the analysis
    # without a metric: only the user's lexicon finds "widget adoption" to put it after
    text = "In Q3, turbocharge widget adoption by 10%"
    assert smartlint.parse(text, lang="en").metric is None  # else the config is not needed
    config = config_from_mapping(
        {"select": ["M102"], "lexicon": {"en": {"goal-verbs": ["turbocharge = up"]}}})
    (plain,) = fired("M102", text, "en")
    (with_verb,) = fired("M102", text, "en", config=config)
    assert plain.suggestions[0].apply(text) == text + " from <baseline>"
    assert with_verb.suggestions[0].apply(text) == (
        "In Q3, turbocharge widget adoption from <baseline> by 10%")
