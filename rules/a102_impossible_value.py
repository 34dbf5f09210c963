"""A102 impossible-value: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint.model import Dimension, Direction, Finding, ParsedGoal, QuantityKind, Severity
from smartlint.rule import Examples, Rule, RuleContext

#: enum members bound once: `Kind.MEMBER` looks through the enum's metaclass on every
#: use (~70 ns more than a global; several a goal)
_PERCENT = QuantityKind.PERCENT
_NUMBER = QuantityKind.NUMBER

_DETAIL = {
    "en": {
        "decrease": "a fall of more than 100% would leave less than nothing",
        "rate": "a share or rate cannot be above 100%",
        "negative": "a count cannot be negative",
    },
    "zh": {
        "decrease": "降幅超过100%意味着比零还少",
        "rate": "比率或占比不可能超过100%",
        "negative": "数量不可能为负数",
    },
}


class ImpossibleValue(Rule):
    """A value that cannot exist: a fall of more than 100%, a rate above 100%, a negative count.

    ## What it does
    Fires on three kinds of number no measurement can produce:
    a decrease of more than 100% ("reduce costs by 150%", "成本降低120%"), a share or rate
    above 100% ("uptime of 101%", "留存率达到120%"), recognised by the words in the
    `rate_metric` lexicon (where entries such as `net revenue retention = exempt` name the
    ratios that may pass 100%), and a negative count ("-5 customers").

    ## Why it matters
    A target that cannot be reached cannot be tracked either. It is almost always a typo or a
    mix-up between percent and percentage points, or between a rate and a growth rate.

    ## How to fix
    Check the number. A fall is at most 100%; a share is at most 100%; to say "grow the rate by
    half", give the target level ("from 40% to 60%").

    ## Configuration
    The words that make a metric a rate are in `smartlint/data/<lang>/rate_metric.txt`; extend
    them with `[tool.smartlint.lexicon.en] rate_metric = ["yield"]`.

    ## Fix safety
    No suggestion: only the author knows the intended number.
    """

    code = "A102"
    name = "impossible-value"
    dimension = Dimension.ACHIEVABLE
    default_severity = Severity.ERROR
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{value}” is impossible: {detail}. Check the number.",
        "zh": "“{value}”不可能实现：{detail}。请检查数值。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Reduce infrastructure costs by 150% by the end of 2027",
                 "Raise the trial conversion rate to 120% by June 30, 2027"],
            good=["Reduce infrastructure costs by 15% by the end of 2027",
                  "Grow revenue by 150% by the end of 2027"],
        ),
        "zh": Examples(
            bad=["2027年底前将基础设施成本降低150%", "2027年6月30日前将留存率提高到120%"],
            good=["2027年底前将基础设施成本降低15%", "2027年底前将收入提高150%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        percent = _PERCENT
        above_100 = False  # the two other cases need a percentage above 100: most goals have none
        for q in goal.quantities:
            value = q.value
            if value is None:
                continue
            if value < 0 and q.kind is _NUMBER:
                detail = _DETAIL.get(goal.lang, _DETAIL["en"])
                return [self.finding(goal, q.start, q.end, ctx, value=q.text,
                                     detail=detail["negative"])]
            if value > 100 and q.kind is percent:
                above_100 = True
        if not above_100:  # the analysis's own numbers, in case they are not listed
            for own in (goal.change, goal.baseline, goal.target):  # (a loop: no generator)
                if own is not None and own.kind is percent and (own.value or 0) > 100:
                    break
            else:
                return []
        detail = _DETAIL.get(goal.lang, _DETAIL["en"])
        config = ctx.config
        change = sup.change_quantity(goal)
        if (
            change is not None
            and change.kind is QuantityKind.PERCENT
            and change.unit in (None, "percent")
            and (change.value or 0) > 100
            and sup.direction(goal, config) is Direction.DECREASE
        ):
            return [self.finding(goal, change.start, change.end, ctx, value=change.text,
                                 detail=detail["decrease"])]
        baseline, target = sup.baseline_target(goal)
        levels = [q for q in (baseline, target) if q is not None]
        if not levels:  # "to 120%", "达到120%": a percentage that is not the change
            levels = [q for q in goal.quantities if q is not change]
        over = [
            q for q in levels
            if q.kind is QuantityKind.PERCENT and q.unit in (None, "percent")
            and (q.value or 0) > 100
        ]
        if not over:
            return []
        span = sup.metric_span(goal, config) or (0, len(goal.text))
        terms = list(sup.matcher(goal.lang, "rate_metric", config).finditer(goal.text, *span))
        # some ratios may pass 100% ("net revenue retention of 115%"): marked `= exempt`
        if terms and not any(t.value == "exempt" for t in terms):
            q = over[0]
            return [self.finding(goal, q.start, q.end, ctx, value=q.text, detail=detail["rate"])]
        return []
