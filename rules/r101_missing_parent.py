"""R101 missing-parent: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint.model import Dimension, Finding, ParsedGoal
from smartlint.rule import Examples, Rule, RuleContext

_WHAT = {
    "en": {"key_result": "key result", "objective": "team objective"},
    "zh": {"key_result": "关键结果", "objective": "团队目标"},
}


class MissingParent(Rule):
    """A key result or team objective with no parent objective.

    ## What it does
    Runs only when the caller gives the goal's place in a hierarchy. It fires when
    `context.goal_type` is `key_result` and there is no `context.parent`, or when it is
    `objective` for a team (`context.team` set) and there is no parent objective. Company-level
    objectives (no team) may stand alone.

    ## Why it matters
    A key result measures an objective; on its own it is a metric without a purpose. A team
    objective that serves no higher objective is where effort drifts away from the company's
    priorities.

    ## How to fix
    Attach the goal to the objective it serves (in a goal document, nest it under that
    objective), or ask whether it should exist.

    ## Configuration
    No options. The hierarchy comes from the goal document or from the caller's context.

    ## Fix safety
    No suggestion: only the author knows which objective the goal serves.
    """

    code = "R101"
    name = "missing-parent"
    dimension = Dimension.RELEVANT
    needs_context = ("goal_type",)  # a key result, or a team's objective
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This {what} has no parent objective: attach it to the objective it serves.",
        "zh": "这个{what}没有上级目标：请把它挂到它所服务的目标下。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Reduce customer churn from 5% to 3% by June 30, 2027",
                  {"goal_type": "key_result"}),
                 ("Cut onboarding time from 30 to 14 days by June 30, 2027",
                  {"goal_type": "objective", "team": "Customer Success"})],
            good=[("Reduce customer churn from 5% to 3% by June 30, 2027",
                   {"goal_type": "key_result", "parent": "Keep our customers longer"}),
                  ("Cut onboarding time from 30 to 14 days by June 30, 2027",
                   {"goal_type": "objective"})],
        ),
        "zh": Examples(
            bad=[("2027年6月30日前将客户流失率从5%降低到3%", {"goal_type": "key_result"})],
            good=[("2027年6月30日前将客户流失率从5%降低到3%",
                   {"goal_type": "key_result", "parent": "提高客户留存"})],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        context = ctx.context
        if context.parent:
            return []
        kind = context.goal_type
        if kind == "key_result" or (kind == "objective" and context.team):
            what = _WHAT.get(goal.lang, _WHAT["en"])[kind]
            return [self.finding(goal, 0, len(goal.text), ctx, what=what)]
        return []
