"""The SMART score of one goal: 0-100, from its findings (documented in docs/scan.md).

Each SMART dimension carries a weight; the dimensions a rule-based check can judge well
(Specific, Measurable, Time-bound) weigh most. A dimension keeps its full weight when no
finding touches it, 75 % of it when its worst finding is `info`, 25 % when `warning`,
nothing when `error`. Structure findings (not a SMART letter) take 5 points per warning
and 10 per error, at most 20. The total is rounded and kept within 0-100.
"""

from __future__ import annotations

from collections.abc import Iterable

from smartlint.model import Dimension, Finding, Severity

#: Dimension weights; they add up to 100.
WEIGHTS: dict[Dimension, int] = {
    Dimension.SPECIFIC: 25,
    Dimension.MEASURABLE: 25,
    Dimension.ACHIEVABLE: 10,
    Dimension.RELEVANT: 15,
    Dimension.TIME_BOUND: 25,
}
#: Share of a dimension's weight kept, by the worst severity found in it.
KEPT: dict[Severity, float] = {Severity.INFO: 0.75, Severity.WARNING: 0.25, Severity.ERROR: 0.0}
STRUCTURE_PENALTY: dict[Severity, int] = {Severity.INFO: 0, Severity.WARNING: 5, Severity.ERROR: 10}
STRUCTURE_CAP = 20

SMART_DIMENSIONS: tuple[Dimension, ...] = tuple(WEIGHTS)
#: One letter per dimension, for charts and compact columns.
LETTER: dict[Dimension, str] = {
    Dimension.SPECIFIC: "S",
    Dimension.MEASURABLE: "M",
    Dimension.ACHIEVABLE: "A",
    Dimension.RELEVANT: "R",
    Dimension.TIME_BOUND: "T",
}


def worst_by_dimension(findings: Iterable[Finding]) -> dict[Dimension, Severity]:
    worst: dict[Dimension, Severity] = {}
    for f in findings:
        seen = worst.get(f.dimension)
        if seen is None or f.severity.rank > seen.rank:
            worst[f.dimension] = f.severity
    return worst


def smart_score(findings: Iterable[Finding]) -> int:
    """0-100; 100 when nothing was found."""
    findings = tuple(findings)
    if not findings:
        return 100
    worst = worst_by_dimension(findings)
    total = 0.0
    for dim, weight in WEIGHTS.items():
        sev = worst.get(dim)
        total += weight if sev is None else weight * KEPT[sev]
    penalty = sum(STRUCTURE_PENALTY[f.severity] for f in findings if f.dimension not in WEIGHTS)
    total -= min(penalty, STRUCTURE_CAP)
    return max(0, min(100, round(total)))


def dimension_passes(findings: Iterable[Finding]) -> dict[Dimension, bool]:
    """Whether each SMART dimension passes: no warning or error in it (info is a hint)."""
    worst = worst_by_dimension(findings)
    return {
        dim: worst.get(dim) is None or worst[dim] is Severity.INFO for dim in SMART_DIMENSIONS
    }
