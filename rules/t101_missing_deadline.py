"""T101 missing-deadline: the goal states no time bound for achieving it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import MadeFindings
from smartlint_rules._core import signals

from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_ZH_TITLE, _ZH_FILL = "加上完成期限", "在<期限>前"
#: the Chinese suggestion for a goal that starts at 0, as `lint` gives them (immutable:
#: one for all the findings, ~1 µs less for each)
_ZH_AT_START = Suggestion(_ZH_TITLE, _ZH_FILL, 0, 0)


class MissingDeadline(Rule):
    """The goal states no time bound for achieving it.

    ## What it does
    Fires when the text has no time bound: no date or period ("by September 30, 2027",
    "in Q3 2027", "this quarter", "到2025年", "年底前", "本季度"), no window from now
    ("within four months", "四个月内") and no bounding event ("by launch day", "上线前").
    Durations and frequencies inside the metric ("contacted within 5 minutes", "monthly
    active users", "每年"), baseline dates ("compared with 2020", "比2020年") and periods
    that only say which things are counted ("Q2 pipeline", "年度目标") are not bounds.
    A period or due date supplied as context (a document's period, a parent's period,
    a due date) satisfies the rule.

    ## Why it matters
    Without a deadline a goal never fails: it can always be met "later", nobody knows
    when to check it, and it cannot be planned against other work.

    ## How to fix
    Add when it must be achieved: "… by June 30, 2027", "… in Q3 2027", "在2027年6月30日前…".
    In a goal document, give the document a period and every goal in it inherits it.

    ## Configuration
    Events that bound a goal ("launch", "IPO", "发布会") are in the `deadline_events`
    lexicon; extend it per language under `[tool.smartlint.lexicon.<lang>]`.
    Default severity: warning — the period is often stated once for a whole OKR set, which a
    single line does not show; pass it as context to silence the rule for good.

    ## Fix safety
    The suggestion adds a `<deadline>` / `<期限>` placeholder for the author to fill, so it is
    never safe to apply unattended.
    """

    code = "T101"
    name = "missing-deadline"
    dimension = Dimension.TIME_BOUND
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "No deadline: say by when this must be achieved (e.g. \u201cby June 30, 2027\u201d).",
        "zh": "没有完成期限：请写明何时达成，例如“在2027年6月30日前”或“本季度内”。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[
                "Reduce customer churn from 3% to 2%",
                "Increase monthly active users to 1,200",
                "Every inbound lead is contacted within 5 minutes",
                "Grow Q2 pipeline to $4M",
                "Cut energy use by 10% compared with 2020",
                "Keep uptime at 99.9% each month",
            ],
            good=[
                "Reduce customer churn from 3% to 2% by September 30, 2027",
                "Publish 15 blog posts this quarter",
                "Hire 5 AEs within four months",
                "Sign 20 partners by launch day",
                "Reach 1,200 MAU in 2027",
                ("Reduce customer churn from 3% to 2%", {"period": "2027-Q3"}),
            ],
        ),
        "zh": Examples(
            bad=[
                "将客户流失率降低2%",
                "销售额比2020年增长10%",
                "每年新增200家客户",
            ],
            good=[
                "年底前将客户流失率降低2%",
                "到2025年实现营收翻一番",
                "四个月内招聘5名销售人员",
                "本季度签约10家新客户",
                ("将客户流失率降低2%", {"period": "2027-Q3"}),
            ],
        ),
    }

    #: the findings made, by (language, start, end, where the deadline goes)
    _made = MadeFindings()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        text = goal.text
        if not text or text.isspace():  # (strip() would copy the text)
            return []  # nothing to judge
        context = ctx.context
        if context.period is not None or context.due_date is not None:
            return []
        if context.parent_period is not None:
            return []
        sig = signals(goal, ctx)
        if sig.time_bound:
            return []
        # a goal comes stripped from `lint`: no copies made to measure what strip() would take
        lead = 0 if not text[0].isspace() else len(text) - len(text.lstrip())
        end = len(text) if not text[-1].isspace() else len(text.rstrip())
        zh = goal.lang == "zh"
        at = lead if zh else (
            end if text[end - 1] not in ".;" else len(text[:end].rstrip(".;")))
        # The finding is all in these few numbers (the message has no fields; the severity
        # is the config's): made once for each, as it is immutable. Most goals lack a
        # deadline and end at one of a few dozen places (a finding on ~1 goal in 3 of the
        # benchmark's: ~2.5 µs each to make)
        made = self._made.under(ctx.config)
        key = (goal.lang, lead, end, at)
        finding = made.get(key)
        if finding is None:
            if zh:
                # a suggestion is immutable: the usual one (at the start) is made once
                suggestion = _ZH_AT_START if lead == 0 else Suggestion(
                    _ZH_TITLE, _ZH_FILL, lead, lead)
            else:
                suggestion = Suggestion("Add a deadline", " by <deadline>", at, at)
            finding = made[key] = self.finding(goal, lead, end, ctx, suggestions=[suggestion])
        return [finding]
