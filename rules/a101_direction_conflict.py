"""A101 direction-conflict: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules.a105_metric_wrong_direction import better_way, better_word

from smartlint._lazyre import lazy_compiler
from smartlint.model import Dimension, Direction, Finding, ParsedGoal, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_WAY = {
    "en": {Direction.INCREASE: "a rise", Direction.DECREASE: "a fall"},
    "zh": {Direction.INCREASE: "上升", Direction.DECREASE: "下降"},
}
#: bound once: an enum member read through its class costs ~70 ns more than a global
_INCREASE, _DECREASE = Direction.INCREASE, Direction.DECREASE
_TITLE = {"en": "Swap baseline and target", "zh": "交换基线和目标"}
_VERB_FOR = {"en": {"up": "increase", "down": "reduce"}, "zh": {"up": "提高", "down": "降低"}}
_BOTH_TITLE = {"en": "Swap the numbers and use “{verb}”", "zh": "交换数值并改用“{verb}”"}
#: When the numbers make the metric worse (`metric_direction` lexicon).
_WORSE = {
    "en": "From {baseline} to {target} makes {metric} worse ({better} is better): "
    "make the verb, the metric and the numbers agree.",
    "zh": "从{baseline}到{target}会让{metric}变差（{metric}越{better}越好）："
    "请让动词、指标与数值方向一致。",
}


#: module patterns compiled on first use (smartlint._lazyre): a cold check compiles
#: only those its goals need
_lazy = lazy_compiler(globals())
_NUMBER_AND_UNIT = _lazy(r"^(\D{0,3}?[\d.,]+)(.*)$", re.DOTALL)


def _swapped(baseline: str, target: str) -> tuple[str, str]:
    """Baseline and target texts after swapping them. A unit written only once, on the
    target ("from 10 to 14 days"), stays at the end: "14 to 10 days", not "14 days to 10"."""
    b, t = _NUMBER_AND_UNIT.match(baseline), _NUMBER_AND_UNIT.match(target)
    if b is not None and t is not None and not b.group(2).strip() and t.group(2).strip():
        return t.group(1), b.group(1) + t.group(2)
    return target, baseline


class DirectionConflict(Rule):
    """The verb says one way and the numbers go the other.

    ## What it does
    Compares the baseline and target of a goal ("from 3% to 5%", "从2秒到5秒") with the
    direction its verb asks for ("reduce", "提高") and, when the metric is in the
    `metric_direction` lexicon, with the direction in which that metric gets better. It
    fires when the goal says to reduce a metric while the target is above the baseline, or
    to increase it while the target is below ("Reduce churn from 3% to 5%"), and when the
    numbers make the metric worse ("将响应时间从2秒提高到5秒": response time is better
    low). Values in different units are converted before they are compared, so "from
    200 ms to 0.5 s" is a rise.

    ## Why it matters
    One of the two is a mistake, and nobody can tell which: the team may work hard to move the
    metric the wrong way, or report success on a number that got worse.

    ## How to fix
    Decide what is meant, then make the verb and the numbers agree: swap the baseline and the
    target, or change the verb.

    ## Configuration
    No options.

    ## Fix safety
    The suggestion swaps baseline and target. It is never applied unattended: only the author
    knows whether the verb or the numbers are wrong.
    """

    code = "A101"
    name = "direction-conflict"
    dimension = Dimension.ACHIEVABLE
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{verb}” asks for {way}, but the numbers go from {baseline} to {target}: "
        "make the verb and the numbers agree.",
        "zh": "“{verb}”要求{way}，但数值是从{baseline}到{target}：请让动词与数值方向一致。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Reduce customer churn from 3% to 5% by June 30, 2027",
                 "Increase win rate from 30% to 25% in Q2 2027",
                 "Improve p95 latency from 200 ms to 0.5 s by June 30, 2027"],
            good=["Raise the share of tickets solved on first contact from 55% to 70% by Q1 2027",
                  "Reduce customer churn from 5% to 3% by June 30, 2027",
                  "Improve p95 latency from 300 ms to 200 ms by June 30, 2027",
                  "Reduce p95 latency from 0.5 s to 200 ms by June 30, 2027"],
        ),
        "zh": Examples(
            bad=["2027年6月30日前将客户流失率从3%降低到5%",
                 "2027年6月30日前将响应时间从2秒提高到5秒"],
            good=["2027年6月30日前将客户流失率从5%降低到3%",
                  "2027年6月30日前将响应时间从5秒缩短到2秒"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if goal.target is None and len(goal.quantities) < 2:
            return []  # no pair of numbers to compare (2 goals in 5): not even a look-up
        baseline, target = goal.baseline, goal.target  # (the analysis's: see A105)
        if baseline is None and target is None:
            baseline, target = sup.baseline_target(goal)
        if baseline is None or target is None:
            return []
        values = sup.comparable(baseline, target)
        if values is None or values[0] == values[1]:
            return []
        moved = _INCREASE if values[1] > values[0] else _DECREASE
        config = ctx.config
        if goal.direction is moved:
            # `signed_direction` is then the analysis's way or None (a verb such as
            # "improve"): no conflict either way, so the metric is asked first, and the verb
            # only for a finding (~1 µs a goal spared where the numbers go the verb's way)
            metric = better_way(goal, config)
            if metric is None or (metric.value == "up") == (moved is _INCREASE):
                return []
            way = sup.signed_direction(goal, config)
            conflict = False
        else:
            way = sup.signed_direction(goal, config)
            conflict = way is not None and way is not moved
            if not conflict:
                # the verb agrees with the numbers (or says only "improve"), but the numbers
                # make the metric worse: "将响应时间从2秒提高到5秒", "Improve latency from 200 ms
                # to 0.5 s"
                metric = better_way(goal, config)
                if metric is None:
                    return []
                if (metric.value == "up") == (moved is _INCREASE):
                    return []
        # a finding: only now are the suggestion's words worth making
        lang = goal.lang if goal.lang in _WAY else "en"
        verb = sup.first_verb(goal, config)
        start = min(verb.start, baseline.start) if verb is not None else baseline.start
        between = goal.text[baseline.end : target.start]
        swapped_baseline, swapped_target = _swapped(baseline.text, target.text)
        swap = Suggestion(
            title=_TITLE[lang], replacement=swapped_baseline + between + swapped_target,
            start=baseline.start, end=target.end,
        )
        if conflict:
            assert way is not None
            return [self.finding(
                goal, start, target.end, ctx, suggestions=[swap], verb=verb.text if verb else "",
                way=_WAY[lang][way], baseline=baseline.text, target=target.text,
            )]
        message = _WORSE[lang].format(
            baseline=baseline.text, target=target.text, metric=metric.text,
            better=better_word(lang, metric.text, metric.value),
        )
        # the verb agrees with the numbers: swapping the numbers alone would make them
        # disagree with the verb, so the swap comes with the verb turned round
        suggestions = [] if way is moved else [swap]
        if verb is not None and way is moved:  # swap the numbers and turn the verb round
            better_verb = _VERB_FOR[lang][metric.value]
            if lang == "zh" and better_word(lang, metric.text, metric.value) == "短":
                better_verb = "缩短"  # a duration is shortened, not lowered
            if verb.text[:1].isupper():
                better_verb = better_verb[:1].upper() + better_verb[1:]
            edits = sorted(
                [(verb.start, verb.end, better_verb),
                 (baseline.start, baseline.end, swapped_baseline),
                 (target.start, target.end, swapped_target)],
                reverse=True,
            )
            region_end = max(verb.end, target.end)
            region = goal.text[start:region_end]
            for a, b, words in edits:
                region = region[: a - start] + words + region[b - start :]
            suggestions.insert(0, Suggestion(
                title=_BOTH_TITLE[lang].format(verb=better_verb), replacement=region,
                start=start, end=region_end,
            ))
        return [self.finding(goal, start, max(target.end, verb.end if verb else 0), ctx,
                             suggestions=suggestions, message=message)]
