"""R101–R102: a key result or team objective without a parent; a key result unrelated to
its parent."""

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


GOAL = "Reduce customer churn from 5% to 3% by June 30, 2027"


@pytest.mark.parametrize(
    ("context", "fires", "word"),
    [
        ({"goal_type": "key_result"}, True, "key result"),
        ({"goal_type": "objective", "team": "Customer Success"}, True, "team objective"),
        ({"goal_type": "key_result", "parent": "Keep our customers longer"}, False, None),
        ({"goal_type": "objective"}, False, None),  # a company objective may stand alone
        ({}, False, None),  # no hierarchy given: nothing to say
    ],
)
def test_missing_parent(context: dict[str, Any], fires: bool, word: str | None) -> None:
    found = fired("R101", GOAL, "en", **context)
    assert bool(found) == fires
    if word:
        assert word in found[0].message


def test_missing_parent_in_chinese() -> None:
    (finding,) = fired("R101", "2027年6月30日前将客户流失率从5%降低到3%", "zh",
                       goal_type="key_result")
    assert "关键结果" in finding.message


@pytest.mark.parametrize(
    ("text", "parent", "lang", "term"),
    [
        ("Publish 20 blog posts by June 30, 2027", "Reduce customer churn", "en", "blog posts"),
        ("Cut p95 latency to 200 ms by June 30, 2027", "Grow revenue in EMEA", "en", "latency"),
        ("2027年6月30日前发布20篇博客文章", "降低客户流失率", "zh", "博客"),
    ],
)
def test_unrelated_to_parent(text: str, parent: str, lang: str, term: str) -> None:
    (finding,) = fired("R102", text, lang, goal_type="key_result", parent=parent)
    assert text[finding.start : finding.end] == term
    assert parent in finding.message


@pytest.mark.parametrize(
    ("text", "parent", "lang"),
    [
        ("Raise the renewal rate from 80% to 88% by June 30, 2027", "Reduce customer churn", "en"),
        ("Grow qualified pipeline to $4M by June 30, 2027", "Grow revenue in EMEA", "en"),
        ("Publish 20 blog posts that cut churn among new accounts by June 30, 2027",
         "Reduce customer churn", "en"),
        ("Finish the office move by June 30, 2027", "Reduce customer churn", "en"),  # unknown
        ("Publish 20 blog posts by June 30, 2027", "Be the best place to work", "en"),  # unknown
        ("2027年6月30日前将续约率从80%提高到88%", "降低客户流失率", "zh"),
    ],
)
def test_unrelated_to_parent_quiet(text: str, parent: str, lang: str) -> None:
    assert fired("R102", text, lang, goal_type="key_result", parent=parent) == []
    assert fired("R102", text, lang) == []  # no parent: never


def test_metric_family_lexicon_is_user_extendable() -> None:
    text = "Publish 20 blog posts by June 30, 2027"
    config = config_from_mapping(
        {"select": ["R102"], "lexicon": {"en": {"metric_family": ["blog posts = retention"]}}}
    )
    assert fired("R102", text, "en", goal_type="key_result", parent="Reduce churn")
    assert fired("R102", text, "en", config=config, goal_type="key_result",
                 parent="Reduce churn") == []
