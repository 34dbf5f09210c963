"""S103–S105: compound goal, goal too long, jargon and weasel words."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REFERENCE_DATE

import smartlint
from smartlint.config import Config, config_from_mapping
from smartlint.errors import ConfigError
from smartlint.model import Context

CTX = Context(reference_date=REFERENCE_DATE)


def fired(code: str, text: str, lang: str | None = None, config: Config | None = None,
          **context: Any) -> list[smartlint.Finding]:
    context.setdefault("reference_date", REFERENCE_DATE)
    config = config or Config(select=(code,))
    result = smartlint.lint(text, lang=lang, context=Context(**context), config=config)
    return [f for f in result if f.code == code]


# -- S103 compound-goal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        (
            "Increase revenue by 10% and reduce customer churn to 3% by June 30, 2027",
            "en",
            ["Increase revenue by 10% by June 30, 2027",
             "Reduce customer churn to 3% by June 30, 2027"],
        ),
        (
            "Cut infrastructure costs by 20%; raise NPS to 45 by the end of 2027",
            "en",
            ["Cut infrastructure costs by 20% by the end of 2027",
             "Raise NPS to 45 by the end of 2027"],
        ),
        (
            "Grow pipeline to $4M, reduce the sales cycle to 40 days and hire 3 AEs in 2027",
            "en",
            ["Grow pipeline to $4M in 2027", "Reduce the sales cycle to 40 days in 2027",
             "Hire 3 AEs in 2027"],
        ),
        (
            "2027年6月30日前将收入提高10%，并将客户流失率降低到3%",
            "zh",
            ["2027年6月30日前将收入提高10%", "2027年6月30日前将客户流失率降低到3%"],
        ),
    ],
)
def test_compound_goal_is_split(text: str, lang: str, parts: list[str]) -> None:
    (finding,) = fired("S103", text, lang)
    assert str(len(parts)) in finding.message
    (split,) = finding.suggestions
    assert split.replacement.split("\n") == parts
    for part in parts:
        assert fired("S103", part, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase revenue and gross margin by 10% by June 30, 2027", "en"),  # one verb
        ("Build and launch the partner portal by June 30, 2027", "en"),  # one deliverable
        ("Grow revenue by 10%, reaching $5M by June 30, 2027", "en"),  # same outcome
        ("Reduce churn to 3% by June 30, 2027", "en"),
        ("2027年6月30日前将收入和毛利率提高10%", "zh"),
        ("开发并上线自动对账功能", "zh"),
        ("通过举办客户培训，将产品采用率提高到60%", "zh"),  # the first part is the means
        ("Cut the sales cycle to 70 days while keeping the win rate above 30% in 2027", "en"),
    ],
)
def test_compound_goal_quiet(text: str, lang: str) -> None:
    assert fired("S103", text, lang) == []


# -- S104 goal-too-long -----------------------------------------------------------------

LONG_EN = (
    "Increase the number of qualified enterprise opportunities that the sales development "
    "team creates from outbound campaigns, partner referrals, events and inbound website "
    "requests by 25% compared with last year by the end of the second quarter of 2027"
)
LONG_ZH = (
    "在2027年6月30日前通过外呼活动、合作伙伴推荐、线下活动以及官网咨询等多种渠道，"
    "把销售开发团队创建的合格企业级商机数量在去年的基础上提高25%"
)


def test_goal_too_long_counts_words_in_english_and_characters_in_chinese() -> None:
    (en,) = fired("S104", LONG_EN, "en")
    assert "38 words" in en.message and "30" in en.message
    (zh,) = fired("S104", LONG_ZH, "zh")
    assert f"{len(LONG_ZH)}字" in zh.message
    assert fired("S104", "Increase qualified opportunities by 25% by June 30, 2027", "en") == []
    assert fired("S104", "2027年6月30日前将合格企业级商机数量提高25%", "zh") == []


def test_goal_too_long_limits_per_language_from_config() -> None:
    short = "Increase qualified opportunities by 25% by June 30, 2027"  # 9 words
    tight = config_from_mapping({"select": ["S104"], "rules": {"S104": {"max-words": 8}}})
    assert len(fired("S104", short, "en", config=tight)) == 1
    table = config_from_mapping(
        {"select": ["S104"], "rules": {"S104": {"max-words": {"en": 50}, "max-chars": {"zh": 80}}}}
    )
    assert fired("S104", LONG_EN, "en", config=table) == []
    assert fired("S104", LONG_ZH, "zh", config=table) == []
    bad = config_from_mapping({"select": ["S104"], "rules": {"S104": {"max-words": "many"}}})
    with pytest.raises(ConfigError, match="max-words"):
        fired("S104", short, "en", config=bad)


# -- S105 jargon-or-weasel-word ---------------------------------------------------------


def test_jargon_and_hedges_are_found_with_plain_replacements() -> None:
    text = "Try to leverage partner synergies to grow pipeline by 20% by June 30, 2027"
    found = fired("S105", text, "en")
    terms = [text[f.start : f.end] for f in found]
    assert terms == ["Try to", "leverage", "synergies"]
    assert all(f.severity is smartlint.Severity.INFO for f in found)
    leverage = found[1]
    assert leverage.suggestions[0].replacement == "use"
    assert found[0].suggestions[0].apply(text).startswith("leverage partner")
    assert "a hedge" in found[0].message and "jargon" in leverage.message


def test_jargon_in_chinese() -> None:
    text = "争取在2027年6月30日前赋能渠道伙伴，将商机提高20%"
    found = fired("S105", text, "zh")
    assert [text[f.start : f.end] for f in found] == ["赋能", "争取"] or [
        text[f.start : f.end] for f in found
    ] == ["争取", "赋能"]
    assert any(s.replacement == "支持" for f in found for s in f.suggestions)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grow partner-sourced pipeline by 20% by June 30, 2027", "en"),
        ("Reduce the time to close support tickets to 4 hours", "en"),  # "some" inside words
        ("2027年6月30日前将渠道伙伴带来的商机提高20%", "zh"),
    ],
)
def test_jargon_quiet(text: str, lang: str) -> None:
    assert fired("S105", text, lang) == []


def test_jargon_lexicon_is_user_extendable() -> None:
    text = "Circle back with 20 churned customers by June 30, 2027"
    config = config_from_mapping(
        {"select": ["S105"], "lexicon": {"en": {"jargon": ["ping = contact"]}}}
    )
    (finding,) = fired("S105", "Ping 20 churned customers by June 30, 2027", "en", config=config)
    assert finding.suggestions[0].replacement == "Contact"
    assert fired("S105", text, "en")[0].suggestions[0].replacement == "Follow up"


def test_lexicon_pairs_and_words_read_the_same_files() -> None:
    from smartlint import lexicon

    pairs = lexicon.pairs("en", "jargon")
    assert pairs["leverage"] == "use" and pairs["synergy"] == ""
    config = config_from_mapping({"lexicon": {"en": {"jargon": ["Ping = contact", "blocker"]}}})
    extended = lexicon.pairs("en", "jargon", config)
    assert extended["ping"] == "contact" and extended["blocker"] == ""
    assert "ping" not in lexicon.pairs("en", "jargon")  # the shipped table is not changed
    assert "synergy" in lexicon.words("en", "jargon")  # words() still reads plain lists


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Launch the partner portal and reduce churn from 5% to 3% by June 30, 2027", "en"),
        ("Reduce churn from 5% to 3% and ship the partner portal by June 30, 2027", "en"),
        ("2027年6月30日前上线合作伙伴门户，并将客户流失率从5%降低到3%", "zh"),
    ],
)
def test_a_task_beside_a_measured_outcome_is_its_means_not_a_second_goal(
    text: str, lang: str
) -> None:
    assert smartlint.lint(text, lang=lang, context=CTX, config=Config(select=("S103",))).codes == []


@pytest.mark.parametrize(
    "text",
    ["Launch the partner portal and hire 5 engineers by June 30, 2027",
     "Launch the partner portal and reduce churn"],
)
def test_two_tasks_or_two_unmeasured_parts_are_still_split(text: str) -> None:
    result = smartlint.lint(text, lang="en", context=CTX, config=Config(select=("S103",)))
    assert result.codes == ["S103"]
