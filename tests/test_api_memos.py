"""The per-call shortcuts of `lint` and the pipeline (the last config, reference date,
rules and pipeline seen, remembered by identity) must never hand one call another's
answer."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import smartlint
from smartlint import api
from smartlint.config import Config
from smartlint.pipeline import analyse_text, get_nlp

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
    api._last_rules = (None, "", ())
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
