"""T105 deadline-after-parent: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from smartlint_rules import _support as sup

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion
from smartlint.rewrite import deadline_phrase, format_date
from smartlint.rule import Examples, Rule, RuleContext

_TITLE = {"en": "End with the parent objective", "zh": "与上级目标同时结束"}


class DeadlineAfterParent(Rule):
    """The goal ends after the period of the objective it serves.

    ## What it does
    When the caller gives the parent objective's period (`context.parent_period`), it fires if
    the goal's deadline — or, when the goal states none, the end of its own period
    (`context.period`) — comes after the end of the parent's period.

    ## Why it matters
    An objective is judged when its period ends. A key result that finishes later cannot count
    towards it, so the objective is scored on incomplete evidence.

    ## How to fix
    Bring the deadline inside the parent's period, or attach the goal to an objective of the
    later period.

    ## Configuration
    No options. The periods come from the goal document's hierarchy or the caller's context.

    ## Fix safety
    The suggestion replaces the bound with the parent period's end date. Not applied
    unattended.
    """

    code = "T105"
    name = "deadline-after-parent"
    dimension = Dimension.TIME_BOUND
    needs_context = ("parent_period",)
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{text}” ends on {date}, after the parent objective's period {period} ends "
        "({parent_end}): finish by then or attach the goal to a later objective.",
        "zh": "“{text}”在{date}结束，晚于上级目标周期{period}的结束日（{parent_end}）："
        "请在此之前完成，或挂到之后周期的目标下。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Reduce customer churn to 3% by September 30, 2027",
                  {"parent_period": "2027-H1", "parent": "Keep our customers longer",
                   "reference_date": "2027-01-15"})],
            good=[("Reduce customer churn to 3% by June 30, 2027",
                   {"parent_period": "2027-H1", "parent": "Keep our customers longer",
                    "reference_date": "2027-01-15"})],
        ),
        "zh": Examples(
            bad=[("2027年9月30日前将客户流失率降低到3%",
                  {"parent_period": "2027-H1", "parent": "提高客户留存",
                   "reference_date": "2027-01-15"})],
            good=[("2027年6月30日前将客户流失率降低到3%",
                   {"parent_period": "2027-H1", "parent": "提高客户留存",
                    "reference_date": "2027-01-15"})],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        parent = ctx.context.parent_period
        if parent is None or parent.end is None:
            return []
        lang = goal.lang
        args: dict[str, Any] = {"period": parent.label, "parent_end": format_date(parent.end, lang)}
        bounds = [t for t in sup.bounding_times(goal) if t.end_date is not None]
        for t in bounds:
            if t.end_date is not None and t.end_date > parent.end:
                suggestion = Suggestion(
                    title=_TITLE.get(lang, _TITLE["en"]),
                    replacement=deadline_phrase(lang, parent.end), start=t.start, end=t.end,
                )
                return [self.finding(goal, t.start, t.end, ctx, suggestions=[suggestion],
                                     text=t.text, date=format_date(t.end_date, lang), **args)]
        own = ctx.context.period
        if not bounds and own is not None and own.end is not None and own.end > parent.end:
            return [self.finding(goal, 0, len(goal.text), ctx, text=own.label,
                                 date=format_date(own.end, lang), **args)]
        return []
