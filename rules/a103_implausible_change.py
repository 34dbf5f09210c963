"""A103 implausible-change: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from smartlint_rules import _support as sup
from smartlint_rules.m102_change_without_baseline import is_level_not_change

from smartlint.config import Config
from smartlint.model import Dimension, Direction, Finding, ParsedGoal, Quantity, QuantityKind
from smartlint.rule import Examples, Rule, RuleContext

#: enum members bound once: `Kind.MEMBER` looks through the enum's metaclass on every
#: use (~70 ns more than a global; several a goal)
_GROWING = (Direction.INCREASE, Direction.REACH, None)
_INCREASE = Direction.INCREASE
_PERCENT = QuantityKind.PERCENT
_MULTIPLIER = QuantityKind.MULTIPLIER

_QUARTER_DAYS = 92
_YEAR_DAYS = 365.25


class ImplausibleChange(Rule):
    """Growth far beyond what the time frame allows, such as five times the revenue in a quarter.

    ## What it does
    Works out the growth factor the goal asks for — target over baseline ("from $1M to $5M"),
    a relative change ("by 400%", "提高400%") or a multiplier ("5x", "翻两番") — and the time
    it allows: from the reference date (or the start of the goal's time frame) to its deadline,
    or the length of the context period when the goal has no deadline of its own. It fires when
    the factor is above `max-growth-per-quarter` for spans up to a quarter, or above
    `max-growth-per-year` raised to the number of years for longer spans (never less than the
    quarterly limit). Levels in percent ("from 2% to 10% conversion") are not compared, because
    small rates move by large factors without anything implausible happening; nor are goals
    that lower something or move a metric that is better low (latency, cost).

    ## Why it matters
    A stretch goal motivates; a goal nobody believes is ignored from the first week, and its
    misses teach the team that goals do not matter.

    ## How to fix
    Give the goal more time, split it into a near step and a later one, or lower the target to
    what the team believes it can reach with effort.

    ## Configuration
    `max-growth-per-quarter` and `max-growth-per-year` are growth factors (2.0 = double).
    Raise them for a young business that really does grow that fast.

    ## Fix safety
    No suggestion: the right target is a judgement.
    """

    code = "A103"
    name = "implausible-change"
    dimension = Dimension.ACHIEVABLE
    options: ClassVar[Mapping[str, Any]] = {
        "max_growth_per_quarter": 2.0,
        "max_growth_per_year": 5.0,
    }
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This asks for {factor:g}× growth in {days} days (the limit is {limit:g}×): "
        "allow more time or set a target the team believes in.",
        "zh": "该目标要求在{days}天内增长到{factor:g}倍（上限为{limit:g}倍）：请给出更多时间，"
        "或设定团队相信能达到的目标。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Grow monthly recurring revenue from $1M to $5M by March 31, 2027",
                  {"reference_date": "2027-01-15"})],
            good=[("Grow monthly recurring revenue from $1M to $1.5M by March 31, 2027",
                   {"reference_date": "2027-01-15"})],
        ),
        "zh": Examples(
            bad=[("2027年3月31日前将月度经常性收入从100万元提高到500万元",
                  {"reference_date": "2027-01-15"})],
            good=[("2027年3月31日前将月度经常性收入从100万元提高到150万元",
                   {"reference_date": "2027-01-15"})],
        ),
    }

    def _factor(
        self, goal: ParsedGoal, ctx: RuleContext
    ) -> tuple[float, Quantity, bool] | None:
        """The growth factor the numbers ask for, where it is, and whether it holds only
        for a verb that increases (a percentage change); the verb is `check`'s to read."""
        if not goal.quantities and goal.change is None and goal.target is None:
            return None  # no number, no factor: one goal in five ends here
        baseline, target = goal.baseline, goal.target  # (the analysis's: see A105)
        if baseline is None and target is None:
            baseline, target = sup.baseline_target(goal)
        if baseline is not None and target is not None:
            if _PERCENT in (baseline.kind, target.kind):
                return None
            values = sup.comparable(baseline, target)
            if values is None or values[0] <= 0:
                return None
            return values[1] / values[0], target, False
        change = goal.change  # (the analysis's, when it found one: no memo call)
        if change is None:
            change = sup.change_quantity(goal)
        if change is None or change.value is None:
            return None
        if change.kind is _MULTIPLIER:
            factor, increase_only = change.value, False
        elif change.kind is _PERCENT and change.unit in (None, "percent"):
            factor, increase_only = 1 + change.value / 100, True
        else:
            return None
        # asked after the kind: a change in points or in money ("by 14 points") gives no
        # factor whatever it is (its look-up through the memo, ~1 µs, was made for nothing)
        if is_level_not_change(goal, change):
            return None  # "to 3x quota" is a level to reach, not a growth factor
        return factor, change, increase_only

    #: The limits read from the last config: (config, (per quarter, per year)); reading
    #: and checking the two options took ~1.5 µs a goal with a growth factor.
    _limits: tuple[Config | None, tuple[float, float]] | None = None

    def _growth_limits(self, ctx: RuleContext) -> tuple[float, float]:
        memo = self._limits
        if memo is None or memo[0] is not ctx.config:
            # a bad value raises, every time: only good ones are kept
            limits = (
                sup.number_option(ctx.option(self, "max_growth_per_quarter"), self.code,
                                  "max_growth_per_quarter"),
                sup.number_option(ctx.option(self, "max_growth_per_year"), self.code,
                                  "max_growth_per_year"),
            )
            memo = self._limits = (ctx.config, limits)
        return memo[1]

    def _days(self, goal: ParsedGoal, ctx: RuleContext) -> int | None:
        ref = ctx.context.reference_date or goal.reference_date or date.today()
        bound = sup.deadline(goal)
        if bound is not None and bound.end_date is not None:
            return (bound.end_date - (bound.start_date or ref)).days
        period = ctx.context.period
        if period is not None and period.start is not None and period.end is not None:
            return (period.end - period.start).days
        return None

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        found = self._factor(goal, ctx)
        if found is None:
            return []
        factor, where, increase_only = found
        if factor <= 1:
            return []
        # the verb's way, asked once the numbers make a growth factor: without the
        # analysis's, `sup.direction` searches the verb (~1 µs), on most goals for nothing
        way = goal.direction
        if way is None:
            way = sup.direction(goal, ctx.config)
        if way is not _INCREASE and (increase_only or way not in _GROWING):
            return []  # a factor of a fall, or of a percentage under a verb that is no rise
        days = self._days(goal, ctx)
        if days is None or days <= 0:
            return []
        # asked last, as the dearest test: most goals have no growth factor to judge
        metric = sup.metric_term(goal, "metric_direction", ctx.config)
        if metric is not None and metric.value == "down":
            return []  # a rise in latency or cost is a problem, but not of ambition
        per_quarter, per_year = self._growth_limits(ctx)
        limit = per_quarter
        if days > _QUARTER_DAYS:
            limit = max(per_quarter, per_year ** (days / _YEAR_DAYS))
        if factor > limit:
            return [self.finding(goal, where.start, where.end, ctx, factor=round(factor, 1),
                                 days=days, limit=round(limit, 1))]
        return []
