"""Totals of a scan, gathered one result at a time (memory grows with owners, not rows)."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from smartlint.model import Dimension, Severity
from smartlint.scan.engine import GoalResult, ScanStats
from smartlint.scan.score import LETTER, SMART_DIMENSIONS

#: How many of the lowest-scoring goals the report lists.
WEAKEST = 15


@dataclass
class GroupStats:
    """Totals for one team or owner."""

    goals: int = 0
    with_findings: int = 0
    score_sum: int = 0
    codes: Counter[str] = field(default_factory=Counter)

    @property
    def average(self) -> float:
        return self.score_sum / self.goals if self.goals else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "goals": self.goals,
            "with_findings": self.with_findings,
            "average_score": round(self.average, 1),
            "top_codes": [c for c, _ in self.codes.most_common(3)],
        }


@dataclass
class ScanSummary:
    """Everything the text summary and the HTML report show."""

    goals: int = 0
    with_findings: int = 0
    score_sum: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    code_names: dict[str, str] = field(default_factory=dict)
    passes: Counter[Dimension] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    teams: dict[str, GroupStats] = field(default_factory=dict)
    owners: dict[str, GroupStats] = field(default_factory=dict)
    # A min-heap of (-score, -row, seq): its top is the best of the weakest, dropped first.
    _weakest: list[tuple[int, int, int, GoalResult]] = field(default_factory=list)
    _seq: int = 0
    _clean: int = 0  # goals without findings (they pass every dimension)

    def add(self, result: GoalResult) -> None:
        self.goals += 1
        self.score_sum += result.score
        self.langs[result.lang] += 1
        if result.findings:
            self.with_findings += 1
        if result.findings:
            for f in result.findings:
                self.severities[f.severity.value] += 1
                self.codes[f.code] += 1
                self.code_names.setdefault(f.code, f.name)
            for dim, ok in result.passes.items():
                if ok:
                    self.passes[dim] += 1
        else:
            self._clean += 1  # every dimension passes; counted once, added in pass_count
        for key, groups in ((result.team, self.teams), (result.owner, self.owners)):
            if key:
                g = groups.get(key)
                if g is None:
                    g = groups[key] = GroupStats()
                g.goals += 1
                g.score_sum += result.score
                g.with_findings += bool(result.findings)
                g.codes.update(f.code for f in result.findings)
        if result.findings:
            self._seq += 1
            item = (-result.score, -result.row, self._seq, result)
            if len(self._weakest) < WEAKEST:
                heapq.heappush(self._weakest, item)
            elif item > self._weakest[0]:
                heapq.heapreplace(self._weakest, item)

    @property
    def average(self) -> float:
        return self.score_sum / self.goals if self.goals else 0.0

    @property
    def lang(self) -> str:
        """The language most goals are written in ("en" when there are none)."""
        return self.langs.most_common(1)[0][0] if self.langs else "en"

    def passed(self, dim: Dimension) -> int:
        """How many goals pass `dim`."""
        return self.passes[dim] + self._clean

    def pass_rate(self, dim: Dimension) -> float:
        return self.passed(dim) / self.goals if self.goals else 0.0

    def weakest(self) -> list[GoalResult]:
        """The lowest-scoring goals with findings, worst first (ties: earlier row first)."""
        return [item[3] for item in sorted(self._weakest, reverse=True)]

    def count(self, severity: Severity) -> int:
        return self.severities[severity.value]

    def to_dict(self, stats: ScanStats | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if stats is not None:
            out.update(
                source=stats.source,
                sheet=stats.sheet,
                rows=stats.rows,
                skipped_empty=stats.skipped_empty,
                columns=dict(stats.columns.roles) if stats.columns else {},
            )
        out.update(
            goals=self.goals,
            goals_with_findings=self.with_findings,
            average_score=round(self.average, 1),
            findings={s.value: self.count(s) for s in Severity},
            pass_rate={
                LETTER[d]: round(self.pass_rate(d), 4) for d in SMART_DIMENSIONS
            },
            codes=dict(self.codes.most_common()),
            languages=dict(self.langs),
            teams={k: v.to_dict() for k, v in sorted(self.teams.items())},
            owners={k: v.to_dict() for k, v in sorted(self.owners.items())},
        )
        return out
