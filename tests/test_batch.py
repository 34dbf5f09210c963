"""The batch path (`lint_many`, `_prime`, `pipeline.analyse_texts`) and the parse cache.

The batch path is a speed-up only: every test here pits it against linting goal by goal.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_robustness import ANY_TEXT, GOALISH

import smartlint
from smartlint import api, pipeline
from smartlint.config import Config
from smartlint.errors import SmartlintError

REF = date(2027, 1, 15)
CTX = smartlint.Context(reference_date=REF)

GOALS = [
    "Increase qualified pipeline from $2M to $3M by end of Q3",
    "  Reduce churn by 2% this year  ",  # padded: parsed stripped, spans moved back
    "Improve onboarding",
    "Improve onboarding",  # repeated within a batch
    "六月底前将新签客户数从120提高到150",
    "提升客户满意度",
    "Launch the partner portal\ud800 by June",  # a lone surrogate
    "Grow ARR " + "and expand coverage " * 60 + "by 20% in FY27",  # over max_length
    "",
    "Raise NPS to 45 by June; 同时将续约率提高到90%",
]


def _one_by_one(texts: list[str], **kwargs: Any) -> list[dict[str, Any]]:
    api._parse_stripped.cache_clear()
    return [_facts(smartlint.lint(t, **kwargs)) for t in texts]


def _facts(result: smartlint.LintResult) -> dict[str, Any]:
    return {**result.to_dict(), "goal": result.goal.to_dict()}


@pytest.mark.parametrize("lang", [None, "en", "zh"])
def test_lint_many_gives_what_lint_gives_goal_by_goal(lang: str | None) -> None:
    api._parse_stripped.cache_clear()
    many = [_facts(r) for r in smartlint.lint_many(GOALS, lang=lang, context=CTX)]
    assert many == _one_by_one(GOALS, lang=lang, context=CTX)


def test_lint_many_over_several_batches_keeps_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "BATCH_SIZE", 3)
    texts = [f"Raise NPS to {n} by June" for n in range(10)] + GOALS
    api._parse_stripped.cache_clear()
    many = smartlint.lint_many(iter(texts), context=CTX)  # any iterable
    assert [r.text for r in many] == texts
    assert [_facts(r) for r in many] == _one_by_one(texts, context=CTX)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(GOALISH, ANY_TEXT), max_size=6), st.sampled_from([None, "en", "zh"]))
def test_lint_many_is_lint_on_any_text(texts: list[str], lang: str | None) -> None:
    api._parse_stripped.cache_clear()
    many = [_facts(r) for r in smartlint.lint_many(texts, lang=lang, context=CTX)]
    assert many == _one_by_one(texts, lang=lang, context=CTX)


def test_primed_goals_are_not_analysed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Cut onboarding time from 30 to 20 days by Q2", "本季度将客单价提高10%"]
    api._parse_stripped.cache_clear()
    expected = [_facts(smartlint.lint(t, context=CTX)) for t in texts]
    api._parse_stripped.cache_clear()
    api._prime([(t, None, CTX) for t in texts])
    assert len(api._PREPARED) == 2

    def refuse(lang: str, text: str) -> Any:
        raise AssertionError(f"analysed again: {text!r}")

    # `lint` calls the pipeline's analyse_text through the name api binds on first use
    monkeypatch.setattr(pipeline, "analyse_text", refuse)
    monkeypatch.setattr(api, "_analyse_text", refuse)
    assert [_facts(smartlint.lint(t, context=CTX)) for t in texts] == expected
    assert not api._PREPARED  # each analysis was taken by its goal


def test_goals_already_parsed_are_not_primed_again() -> None:
    api._parse_stripped.cache_clear()
    smartlint.lint("Raise NPS to 45 by June", context=CTX)
    api._prime([("Raise NPS to 45 by June", None, CTX), ("Grow ARR by 20% in FY27", None, CTX)])
    assert list(api._PREPARED) == [("Grow ARR by 20% in FY27", "en")]
    api._PREPARED.clear()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(GOALISH, ANY_TEXT), max_size=6), st.sampled_from([None, "en", "zh"]))
def test_priming_tells_the_language_lint_reports(texts: list[str], lang: str | None) -> None:
    # callers pass it on to `lint` instead of letting it detect the language again
    for config in (api._DEFAULT_CONFIG, Config(max_length=20)):
        langs = api._prime([(t, lang, CTX) for t in texts], config)
        api._PREPARED.clear()
        linted = [smartlint.lint(t, lang=lang, context=CTX, config=config) for t in texts]
        assert langs == [result.lang for result in linted]


def test_priming_gives_the_languages_as_given_when_it_cannot_prepare() -> None:
    assert api._prime([("Raise NPS to 45", "fr", CTX), (42, None, CTX)]) == ["fr", None]  # type: ignore[list-item]


def test_priming_never_raises_and_lint_still_reports_the_problem() -> None:
    api._prime([("Raise NPS to 45", "fr", CTX), (42, None, CTX)])  # type: ignore[list-item]
    with pytest.raises(SmartlintError, match="unsupported language"):
        smartlint.lint_many(["Raise NPS to 45"], lang="fr")


def test_priming_follows_the_config_language_and_length_limit() -> None:
    config = Config(language="zh", max_length=12)
    text = "将NPS提高到45，并且把续约率提高到百分之九十"
    api._parse_stripped.cache_clear()
    api._prime([(text, None, None)], config)
    key = api._parse_key(text, None, None, config)
    assert key[1] == "zh" and key[0] == text[:12].strip()
    assert (key[0], "zh") in api._PREPARED
    assert _facts(smartlint.lint(text, config=config)) == _facts(
        smartlint.lint_many([text], config=config)[0]
    )
    api._PREPARED.clear()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_analyse_texts_is_analyse_text_for_each(lang: str) -> None:
    texts = [g for g in GOALS if g.strip()]
    batch = pipeline.analyse_texts(lang, texts)
    for text, (doc, quantities, times, analysis) in zip(texts, batch, strict=True):
        one_doc, one_q, one_t, one_a = pipeline.analyse_text(lang, text)
        assert (quantities, analysis) == (one_q, one_a)
        assert [(m.start, m.end, m.text, m.kind) for m in times] == [
            (m.start, m.end, m.text, m.kind) for m in one_t
        ]
        assert doc.text == one_doc.text


def test_parse_cache_is_bounded_and_forgets_the_least_recently_used() -> None:
    cache = api._ParseCache(maxsize=2)
    a = cache("Raise NPS to 45", "en", REF, 1)
    cache("Grow ARR by 20%", "en", REF, 1)
    assert cache("Raise NPS to 45", "en", REF, 1) is a  # a hit, and now the most recent
    cache("Cut churn to 2%", "en", REF, 1)  # evicts "Grow ARR", the least recently used
    assert ("Raise NPS to 45", "en", REF, 1) in cache
    assert ("Grow ARR by 20%", "en", REF, 1) not in cache
    assert len(cache.data) == 2
    cache.cache_clear()
    assert ("Raise NPS to 45", "en", REF, 1) not in cache
