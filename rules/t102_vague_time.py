"""T102 vague-time: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import MadeFindings

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion, TimeKind
from smartlint.rewrite import deadline_phrase, vague_time_spans
from smartlint.rule import Examples, Rule, RuleContext

#: bound once: an enum member read through its class costs ~70 ns more than a global
_VAGUE = TimeKind.VAGUE

_TITLE = {"en": "Give a date", "zh": "给出日期"}


class VagueTime(Rule):
    """A time word that sounds like a deadline but sets none: "soon", "ASAP", "尽快".

    ## What it does
    Finds the words of the `vague_time` lexicon ("soon", "ASAP", "eventually", "ongoing",
    "going forward", "尽快", "适时", "逐步" …) and the time expressions the parser marked as
    vague. It stays quiet when the goal also has a real time bound ("gradually, by June 30").

    ## Why it matters
    "As soon as possible" is never late, so it never prompts anyone to act, and nobody can say
    at review time whether the goal was met on time.

    ## How to fix
    Replace the word with a date or a period: "by March 31, 2027", "in Q2 2027", "2027年6月30日前".
    When the goal belongs to a period (the context), its end date is offered.

    ## Configuration
    Extend the list with `[tool.smartlint.lexicon.en] vague_time = ["in due course"]`.

    ## Fix safety
    The suggestion replaces the vague word with "by <deadline>" (or the context period's end).
    Not applied unattended: the date is a decision.
    """

    code = "T102"
    name = "vague-time"
    dimension = Dimension.TIME_BOUND
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{term}” sets no deadline: say by when, e.g. “by March 31, 2027”.",
        "zh": "“{term}”没有给出期限：请写明何时完成，例如“2027年3月31日前”。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Reduce customer churn to 3% as soon as possible",
                 "Eventually reach 1,000 paying customers"],
            good=["Reduce customer churn to 3% by June 30, 2027",
                  "Reach 1,000 paying customers in Q3 2027"],
        ),
        "zh": Examples(
            bad=["尽快将客户流失率降低到3%", "逐步将月活跃用户提高到100万"],
            good=["2027年6月30日前将客户流失率降低到3%", "2027年底前将月活跃用户提高到100万"],
        ),
    }

    #: the findings made, by (language, place, words, the period's end)
    _made = MadeFindings()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        vague = _VAGUE
        for t in goal.timeframes:
            # a bounding time frame (what `sup.bounding_times` keeps), tested here: T102
            # was the first to ask that memo on most goals, and T103 and T106 test the
            # frames themselves too (one or two a goal: no call, no tuple kept)
            if t.bounding and t.kind is not vague:
                return []
        # the same spans the level rewrite drops: computed once a goal, in text order
        spans = vague_time_spans(goal, ctx.config)
        if not spans:
            return []
        start, end = spans[0]
        period = ctx.context.period
        due = period.end if period is not None else None
        term = goal.text[start:end]
        # the finding is all in these (made once for each: ~1 goal in 15 of the benchmark's
        # has one, and the same few words come back)
        made = self._made.under(ctx.config)
        key = (goal.lang, start, end, term, due)
        finding = made.get(key)
        if finding is None:
            fill = deadline_phrase(goal.lang, due)
            # positional, in field order (title, replacement, start, end): ~0.25 µs less
            suggestion = Suggestion(_TITLE.get(goal.lang, _TITLE["en"]), fill, start, end)
            finding = made[key] = self.finding(goal, start, end, ctx, suggestions=[suggestion],
                                               term=term)
        return [finding]
