"""The SMART score: bounds, monotonicity and the documented weights."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from smartlint.model import Dimension, Finding, Severity
from smartlint.scan.score import WEIGHTS, dimension_passes, smart_score

findings = st.builds(
    lambda d, s: Finding("X001", "x", d, s, "m", 0, 1),
    st.sampled_from(list(Dimension)),
    st.sampled_from(list(Severity)),
)


def test_weights_add_up_to_100() -> None:
    assert sum(WEIGHTS.values()) == 100


@given(st.lists(findings, max_size=12))
def test_score_is_within_bounds(fs: list[Finding]) -> None:
    assert 0 <= smart_score(fs) <= 100
    assert (smart_score(fs) == 100) == all(
        f.severity is Severity.INFO and f.dimension is Dimension.STRUCTURE for f in fs
    )


@given(st.lists(findings, max_size=8), findings)
def test_another_finding_never_raises_the_score(fs: list[Finding], extra: Finding) -> None:
    assert smart_score([*fs, extra]) <= smart_score(fs)


@given(st.sampled_from(list(WEIGHTS)))
def test_errors_cost_more_than_warnings_than_hints(dim: Dimension) -> None:
    def score(sev: Severity) -> int:
        return smart_score([Finding("X001", "x", dim, sev, "m", 0, 1)])

    assert score(Severity.ERROR) < score(Severity.WARNING) < score(Severity.INFO) < 100
    assert score(Severity.ERROR) == 100 - WEIGHTS[dim]


def test_vague_goal_without_measure_or_deadline() -> None:
    fs = [
        Finding("S101", "v", Dimension.SPECIFIC, Severity.WARNING, "m", 0, 1),
        Finding("M101", "m", Dimension.MEASURABLE, Severity.WARNING, "m", 0, 1),
        Finding("T101", "t", Dimension.TIME_BOUND, Severity.WARNING, "m", 0, 1),
    ]
    assert smart_score(fs) == 44  # 10 + 15 + 3 x 25 x 0.25, rounded
    passes = dimension_passes(fs)
    assert [d for d, ok in passes.items() if not ok] == [
        Dimension.SPECIFIC, Dimension.MEASURABLE, Dimension.TIME_BOUND,
    ]
