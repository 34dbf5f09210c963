from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlint.model import Dimension, Finding, Rewrite, Severity, Suggestion


def test_finding_is_frozen_and_serialisable() -> None:
    f = Finding(
        "M101",
        "missing-measure",
        Dimension.MEASURABLE,
        Severity.ERROR,
        "msg",
        0,
        4,
        (Suggestion("Add a target", "Raise <metric> to <target>"),),
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.code = "X"  # type: ignore[misc]
    d = f.to_dict()
    assert d["dimension"] == "measurable" and d["severity"] == "error"
    assert d["suggestions"][0]["placeholders"] == ["metric", "target"]
    assert hash(f) == hash(dataclasses.replace(f))


def test_severity_order() -> None:
    assert Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank


def test_suggestion_apply_on_a_span_and_on_the_whole_goal() -> None:
    text = "Grow revenue soon"
    span = Suggestion("Name a date", "by <deadline>", start=13, end=17)
    assert span.apply(text, {"deadline": "2027-06-30"}) == "Grow revenue by 2027-06-30"
    whole = Suggestion("Rewrite", "Grow revenue to <target>")
    assert whole.apply(text) == "Grow revenue to <target>"
    assert not whole.safe


@given(
    st.dictionaries(
        st.sampled_from(["target", "baseline", "deadline", "期限"]),
        st.text(alphabet="0123456789%-.", min_size=1, max_size=8),
    )
)
def test_fill_replaces_exactly_the_given_placeholders(values: dict[str, str]) -> None:
    rw = Rewrite("x", "从<baseline>到<target>，在<期限>前 <deadline>", "zh")
    filled = rw.fill(values)
    for name in rw.placeholders:
        assert (f"<{name}>" in filled) == (name not in values)


@pytest.mark.parametrize(
    "cls", ["Span", "Quantity", "TimeFrame", "ParsedGoal", "Suggestion", "Finding",
            "TimeMention", "GoalAnalysis"],
)
def test_quick_init_builds_what_the_dataclass_init_builds(cls: str) -> None:
    import dataclasses
    import inspect

    from smartlint import model
    from smartlint.lang import base

    klass = getattr(model, cls, None) or getattr(base, cls)
    fields = dataclasses.fields(klass)
    # the same parameters, in order, with the same defaults, as the dataclass declares
    params = list(inspect.signature(klass).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        for f in fields
    ]
    values = {f.name: object() for f in fields}
    by_name = klass(**values)
    by_position = klass(*values.values())
    for f in fields:
        assert getattr(by_name, f.name) is values[f.name]
        assert getattr(by_position, f.name) is values[f.name]
    assert by_name == by_position
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_name, fields[0].name, 1)
    required = {f.name: 0 for f in fields if f.default is dataclasses.MISSING}
    bare = klass(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default
    with pytest.raises(TypeError):
        klass(**values, unknown=1)


def test_quick_init_refuses_what_it_cannot_build() -> None:
    import dataclasses

    from smartlint.model import quick_init

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(WithFactory)
