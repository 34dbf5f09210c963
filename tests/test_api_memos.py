"""The per-call shortcuts of `lint` and the pipeline (the last config, reference date,
rules and pipeline seen, remembered by identity) must never hand one call another's
answer."""

from __future__ import annotations

import dataclasses
from datetime import date

from conftest import REFERENCE_DATE, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import smartlint
from smartlint import api
from smartlint.config import Config
from smartlint.corpus import context_from_dict, load_corpus
from smartlint.model import Context, Period
from smartlint.pipeline import analyse_text, get_nlp
from smartlint.rule import Rule, RuleContext
from smartlint.ruledocs import split_example

_GOALS = {
    "en": "Improve onboarding soon and launch the new portal by March 31, 2027",
    "zh": "尽快改善客户体验，并在2027年3月31日前上线新门户",
}
_EARLY, _LATE = date(2027, 1, 15), date(2027, 6, 1)  # after the deadline: T103
_CONFIGS = {
    "all": Config(reference_date=_EARLY),
    "M only": Config(select=("M",), reference_date=_EARLY),
    "no S101": Config(ignore=("S101",), reference_date=_EARLY),
    "late": Config(reference_date=_LATE),
    "late, no S101": Config(ignore=("S101",), reference_date=_LATE),
}


def _fresh(text: str, lang: str, config: Config) -> list[tuple[str, int, int, str]]:
    """`lint` with nothing remembered from the call before."""
    api._last_bare = (None, date.min, api._last_bare[2])
    api._last_rules = (None, "", False, ())
    result = smartlint.lint(text, lang=lang, config=config)
    return [(f.code, f.start, f.end, f.message) for f in result]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(_CONFIGS)), st.sampled_from(["en", "zh"]))))
def test_each_call_gets_its_own_config_date_and_language(calls: list[tuple[str, str]]) -> None:
    expected = {
        (name, lang): _fresh(_GOALS[lang], lang, _CONFIGS[name])
        for name in _CONFIGS
        for lang in _GOALS
    }
    # the configs do tell the goals apart (or the test could not fail)
    assert len({tuple(v) for v in expected.values()}) >= 8
    for name, lang in calls:
        found = smartlint.lint(_GOALS[lang], lang=lang, config=_CONFIGS[name])
        assert [(f.code, f.start, f.end, f.message) for f in found] == expected[name, lang]


def test_an_equal_config_object_is_asked_again() -> None:
    # equal configs give equal answers, but each object is its own key: a config changed
    # in place (its mappings are mutable) is not answered from another's memo
    a, b = Config(select=("T",)), Config(select=("T",))
    assert [f.code for f in smartlint.lint(_GOALS["en"], lang="en", config=a)] == [
        f.code for f in smartlint.lint(_GOALS["en"], lang="en", config=b)
    ]
    assert api._last_rules[0] is b and api._last_bare[0] is b


def test_a_pipe_added_then_removed_is_seen_each_time() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    calls: list[str] = []

    @Language.component("smartlint_test_counter")
    def counter(doc: Doc) -> Doc:
        calls.append(doc.text)
        return doc

    nlp = get_nlp("en")
    text = "Grow ARR 20% by Q3 2027"
    doc, *_ = analyse_text("en", text)
    assert not isinstance(doc, Doc)  # the direct path, remembered for this pipeline
    nlp.add_pipe("smartlint_test_counter")
    try:
        doc, quantities, times, analysis = analyse_text("en", text)
        assert isinstance(doc, Doc) and calls == [text]  # run in full, the new pipe too
        assert quantities and times and analysis.verb is not None
    finally:
        nlp.remove_pipe("smartlint_test_counter")
    doc, *_ = analyse_text("en", text)
    assert not isinstance(doc, Doc) and calls == [text]  # back to the direct path


def test_the_same_config_on_another_day_is_asked_again(monkeypatch: object) -> None:
    config = Config()  # no reference date of its own: today's
    days = [_EARLY, _LATE, _EARLY]
    monkeypatch.setattr(api, "_today", lambda: days[0])  # type: ignore[attr-defined]
    seen = []
    while days:
        seen.append([f.code for f in smartlint.lint(_GOALS["en"], lang="en", config=config)])
        days.pop(0)
    assert "T103" in seen[1] and "T103" not in seen[0] + seen[2]  # past only on the late day


# -- rules that need a context (`Rule.needs_context`) ------------------------------------

_PERIOD = Period(label="Q1 2027", start=date(2027, 1, 1), end=date(2027, 3, 31))
_CONTEXT_VALUES = {
    "period": _PERIOD,
    "parent": "Grow revenue in EMEA",
    "parent_period": Period(label="2027", start=date(2027, 1, 1), end=date(2027, 2, 28)),
    "goal_type": "key_result",
    "due_date": date(2027, 3, 31),
    "owner": "Ana",
    "team": "Sales",
}


def _needing_rules() -> list[Rule]:
    return [r for r in api.selected_rules() if r.needs_context]


def test_the_rules_that_need_a_context_say_which_fields() -> None:
    fields = {f.name for f in dataclasses.fields(Context)}
    rules = _needing_rules()
    assert {r.code for r in rules} >= {"R101", "R102", "T104", "T105", "M104"}
    for rule in rules:
        assert set(rule.needs_context) <= fields - {"reference_date"}, rule.code


def test_a_rule_finds_nothing_without_the_context_it_needs() -> None:
    # what makes skipping it in `lint` safe: on every corpus goal, under a context that sets
    # every other field (and under none), the rule finds nothing
    goals = load_corpus(ROOT / "corpus")
    assert len(goals) > 300
    for rule in _needing_rules():
        others = {k: v for k, v in _CONTEXT_VALUES.items() if k not in rule.needs_context}
        for context in (
            Context(reference_date=REFERENCE_DATE),
            Context(reference_date=REFERENCE_DATE, **others),
        ):
            ctx = RuleContext(context=context, config=Config())
            for g in goals:
                parsed = smartlint.parse(g.text, lang=g.lang, reference_date=REFERENCE_DATE)
                assert list(rule.check(parsed, ctx)) == [], (rule.code, g.text, context)


def test_with_the_context_they_need_they_run() -> None:
    # and `lint` does call them when the context has it (or the skip could hide them): each
    # rule's own examples of what it catches, with and without their context
    checked = 0
    for rule in _needing_rules():
        for lang, examples in rule.examples.items():
            for bad in examples.bad:
                text, fields = split_example(bad)
                if not fields:
                    continue
                context = context_from_dict(
                    {"reference_date": REFERENCE_DATE.isoformat(), **fields}
                )
                assert lint_codes(rule.code, text, lang, context) == {rule.code}, text
                assert lint_codes(rule.code, text, lang, None) == set(), text
                checked += 1
    assert checked >= 10


def lint_codes(code: str, text: str, lang: str, context: Context | None) -> set[str]:
    # the rule alone, as its examples are meant (M104 leaves to M101 what M101 says)
    config = Config(select=(code,), reference_date=REFERENCE_DATE)
    return {f.code for f in smartlint.lint(text, lang=lang, context=context, config=config)}


@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=30))
def test_surrogates_are_found_as_the_regex_finds_them(text: str) -> None:
    clean = api._without_surrogates(text)
    assert clean == api._SURROGATE.sub("\ufffd", text)
    assert (clean is text) == (api._SURROGATE.search(text) is None)
