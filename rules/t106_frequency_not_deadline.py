"""T106 frequency-not-deadline: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules._lists import possible_lists

from smartlint._lazyre import lazy_compiler
from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion, TimeKind
from smartlint.rewrite import deadline_phrase
from smartlint.rule import Examples, Rule, RuleContext

_lazy = lazy_compiler(globals())
_TITLE = {"en": "Add a deadline", "zh": "加上期限"}
#: bound once: an enum member read through its class costs ~70 ns more than a global
_FREQUENCY = TimeKind.FREQUENCY
_VAGUE = TimeKind.VAGUE
#: One-word frequencies that also name a metric when a noun follows ("annual sales quota",
#: "monthly active users"): then nobody reads them as a deadline. Compiled on first use,
#: by a goal with a frequency: the class of every CJK character alone took ~2.5 ms to
#: compile, which a cold English check paid for nothing
_ADJECTIVE = _lazy(
    r"(?:daily|weekly|biweekly|monthly|quarterly|annual|yearly|semi-annual|half-yearly)$", re.I
)
_NOUN_NEXT = _lazy(
    r"\s+(?!(?:in|by|for|from|to|until|through|over|and|or|at|on|per|during|since)\b)[A-Za-z]"
)
_ZH_ADJECTIVE = _lazy(r"(?:年度|月度|季度|半年度|周度|年|月|季)$")
_ZH_NOUN_NEXT = _lazy(r"[\u4e00-\u9fffA-Za-z]")


def _names_the_metric(text: str, start: int, end: int, lang: str) -> bool:
    """"annual sales quota", "monthly active users", "年度销售任务", "月度活跃用户": the
    frequency is part of the metric's name, not a time frame the goal is bounded by."""
    word = text[start:end]
    if lang == "zh":
        return bool(_ZH_ADJECTIVE.search(word)) and not word.startswith("每") and bool(
            _ZH_NOUN_NEXT.match(text, end))
    return bool(_ADJECTIVE.fullmatch(word)) and bool(_NOUN_NEXT.match(text, end))


class FrequencyNotDeadline(Rule):
    """A frequency or metric window ("monthly", "每月") stands where a deadline should be.

    ## What it does
    Fires when the goal's only time words say how often or over what window something is
    measured — "monthly", "per week", "year over year", "每月", "同比" — and nothing says by
    when the goal must be met, in the text or in the context's period. A frequency word that
    is part of a metric's name ("annual sales quota", "monthly active users", "年度销售任务")
    is not mistaken for a deadline by anyone, so it is left to T101 (missing-deadline). It
    reports at the `info` level, next to the missing deadline, to explain why "monthly" does
    not count.

    ## Why it matters
    "Publish a newsletter monthly" can be met or missed every month forever: without an end
    date there is no moment at which the goal is judged.

    ## How to fix
    Keep the frequency — it belongs to the metric — and add the period over which it must hold:
    "Publish a newsletter monthly from February to June 2027", "2027年上半年每月发布一期简报".

    ## Configuration
    Extend the word list with `[tool.smartlint.lexicon.en] frequency_time = ["fortnightly"]`.

    ## Fix safety
    The suggestion appends "by <deadline>" (or the period's end) and keeps the frequency. Not
    applied unattended.
    """

    code = "T106"
    name = "frequency-not-deadline"
    dimension = Dimension.TIME_BOUND
    default_severity = Severity.INFO
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{term}” says how often, not by when: keep it and add a deadline.",
        "zh": "“{term}”说明的是频率，而不是期限：保留它，并写明何时完成。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Publish 4 customer case studies monthly",
                 "Send a product newsletter to 5,000 subscribers every month"],
            good=["Publish 4 customer case studies monthly in Q2 2027",
                  "Grow monthly active users to 50,000",  # names the metric: T101's case
                  "Reach 100% of the annual sales quota",
                  ("Grow monthly active users to 50,000", {"period": "2027-Q2"})],
        ),
        "zh": Examples(
            bad=["每月发布4篇客户案例"],
            good=["2027年6月30日前每月发布4篇客户案例",
                  "完成年度销售任务的100%",
                  ("每月发布4篇客户案例", {"period": "2027-Q2"})],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if ctx.context.period is not None:
            return []
        vague = _VAGUE
        for t in goal.timeframes:  # a bounding time frame (as in T102: no memo look-up)
            if t.bounding and t.kind is not vague:
                return []
        frequency = _FREQUENCY
        times = goal.timeframes
        # (no time frame, as in most goals that get here: no list made)
        spans = [(t.start, t.end) for t in times if t.kind is frequency] if times else []
        if not spans and "frequency_time" in possible_lists(goal, ctx.config):
            spans = [(term.start, term.end) for term in sup.matcher(
                goal.lang, "frequency_time", ctx.config).finditer(goal.text)]
        if not spans:
            return []  # (most goals that get this far: no list made by the filter below)
        spans = [span for span in spans if not _names_the_metric(goal.text, *span, goal.lang)]
        if not spans:
            return []
        start, end = min(spans)
        tail = goal.text.rstrip()
        sep = "" if goal.lang == "zh" else " "
        phrase = deadline_phrase(goal.lang)
        suggestion = Suggestion(
            title=_TITLE.get(goal.lang, _TITLE["en"]),
            replacement=(f"，{phrase}完成" if goal.lang == "zh" else sep + phrase),
            start=len(tail), end=len(tail),
        )
        return [self.finding(goal, start, end, ctx, suggestions=[suggestion],
                             term=goal.text[start:end])]
