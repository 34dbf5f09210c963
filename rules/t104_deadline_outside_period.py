"""T104 deadline-outside-period: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion
from smartlint.rewrite import deadline_phrase, format_date
from smartlint.rule import Examples, Rule, RuleContext

_TITLE = {"en": "End with the period", "zh": "与周期同时结束"}


class DeadlineOutsidePeriod(Rule):
    """The deadline falls outside the period the goal belongs to.

    ## What it does
    When the caller says which period the goal belongs to (`context.period`, e.g. the "2027-Q1"
    of a goal document), it checks the end date of each time bound the goal states against
    that period, and fires when it ends after the period or before it starts. Without a period
    in the context it does nothing.

    ## Why it matters
    A Q1 goal due in June will be scored at the end of Q1 before it is finished, or carried
    over silently; either way the review is wrong.

    ## How to fix
    Move the deadline inside the period, or file the goal under the period it really belongs
    to.

    ## Configuration
    No options. The period comes from the goal document or from the caller's context.

    ## Fix safety
    The suggestion replaces the bound with the period's end date. Not applied unattended.
    """

    code = "T104"
    name = "deadline-outside-period"
    dimension = Dimension.TIME_BOUND
    needs_context = ("period",)
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{text}” ({date}) falls outside this goal's period {period} ({period_start} – "
        "{period_end}): move the deadline inside it or file the goal elsewhere.",
        "zh": "“{text}”（{date}）不在该目标所属周期{period}（{period_start}至{period_end}）内："
        "请把期限移入周期，或把目标放到对应的周期。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Reduce customer churn to 3% by June 30, 2027",
                  {"period": "2027-Q1", "reference_date": "2027-01-15"})],
            good=[("Reduce customer churn to 3% by March 31, 2027",
                   {"period": "2027-Q1", "reference_date": "2027-01-15"})],
        ),
        "zh": Examples(
            bad=[("2027年6月30日前将客户流失率降低到3%",
                  {"period": "2027-Q1", "reference_date": "2027-01-15"})],
            good=[("2027年3月31日前将客户流失率降低到3%",
                   {"period": "2027-Q1", "reference_date": "2027-01-15"})],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        period = ctx.context.period
        if period is None or period.end is None:
            return []
        for t in sup.bounding_times(goal):
            if t.end_date is None:
                continue
            if t.end_date <= period.end and (period.start is None or t.end_date >= period.start):
                continue
            suggestion = Suggestion(
                title=_TITLE.get(goal.lang, _TITLE["en"]),
                replacement=deadline_phrase(goal.lang, period.end), start=t.start, end=t.end,
            )
            start = format_date(period.start, goal.lang) if period.start else "…"
            return [self.finding(
                goal, t.start, t.end, ctx, suggestions=[suggestion], text=t.text,
                date=format_date(t.end_date, goal.lang), period=period.label, period_start=start,
                period_end=format_date(period.end, goal.lang),
            )]
        return []
