"""T103 deadline-in-past: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from smartlint_rules import MadeFindings

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion, TimeKind
from smartlint.rewrite import deadline_phrase, format_date
from smartlint.rule import Examples, Rule, RuleContext

#: bound once: an enum member read through its class costs ~70 ns more than a global
_VAGUE = TimeKind.VAGUE

_TITLE = {"en": "Set a deadline ahead", "zh": "设定尚未到来的期限"}


class DeadlineInPast(Rule):
    """The deadline is already behind us.

    ## What it does
    Compares the end date of each time bound the goal states ("by March 31, 2026", "in 2026",
    "FY26 Q4" — resolved with `fiscal-year-start`) with the reference date: the context's, the
    config's `reference-date`, `--today`, or else today. It fires when the bound ended before
    the reference date.

    ## Why it matters
    A goal due in the past is either a copy of last period's goal or a typo in the year; in
    both cases nobody is really working towards that date.

    ## How to fix
    Set a deadline still ahead, or move the goal to the period it belongs to. When the goal
    belongs to a period (the context), its end date is offered.

    ## Configuration
    Set the reference date with `reference-date = "2027-01-15"` or `--today`, and the fiscal
    year's first month with `fiscal-year-start = 4`.

    ## Fix safety
    The suggestion replaces the stale bound with "by <deadline>" (or the period's end). Not
    applied unattended.
    """

    code = "T103"
    name = "deadline-in-past"
    dimension = Dimension.TIME_BOUND
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{text}” ended on {date}, before today ({today}): set a deadline that is still "
        "ahead.",
        "zh": "“{text}”已于{date}结束，早于今天（{today}）：请设定尚未到来的期限。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Reduce customer churn to 3% by March 31, 2026",
                  {"reference_date": "2027-01-15"})],
            good=[("Reduce customer churn to 3% by March 31, 2027",
                   {"reference_date": "2027-01-15"})],
        ),
        "zh": Examples(
            bad=[("2026年3月31日前将客户流失率降低到3%", {"reference_date": "2027-01-15"})],
            good=[("2027年3月31日前将客户流失率降低到3%", {"reference_date": "2027-01-15"})],
        ),
    }

    #: the findings made, by (language, the time frame's place, words and end, today, the
    #: date suggested)
    _made = MadeFindings()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if not goal.timeframes:
            return []  # no time frame, no deadline (one goal in four: no memo look-up)
        today = ctx.context.reference_date or goal.reference_date or date.today()
        vague = _VAGUE
        for t in goal.timeframes:  # the bounding ones (`sup.bounding_times`), in text order
            if not t.bounding or t.kind is vague or t.end_date is None or t.end_date >= today:
                continue
            period = ctx.context.period
            ahead = None
            if period is not None and period.end is not None and period.end >= today:
                ahead = period.end
            # the finding is all in these (made once for each: the same few stale deadlines
            # come back in many goals; three formats and the objects were ~4 µs of each)
            made = self._made.under(ctx.config)
            key = (goal.lang, t.start, t.end, t.text, t.end_date, today, ahead)
            finding = made.get(key)
            if finding is None:
                suggestion = Suggestion(
                    title=_TITLE.get(goal.lang, _TITLE["en"]),
                    replacement=deadline_phrase(goal.lang, ahead), start=t.start, end=t.end,
                )
                finding = made[key] = self.finding(
                    goal, t.start, t.end, ctx, suggestions=[suggestion], text=t.text,
                    date=format_date(t.end_date, goal.lang),
                    today=format_date(today, goal.lang),
                )
            return [finding]
        return []
