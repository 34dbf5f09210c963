"""A105 metric-wrong-direction: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint.model import Dimension, Direction, Finding, ParsedGoal, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_BETTER = {"en": {"up": "up", "down": "down"}, "zh": {"up": "高", "down": "低"}}
_VERB_FOR = {"en": {"up": "increase", "down": "reduce"}, "zh": {"up": "提高", "down": "降低"}}
_TITLE = {"en": "Use “{verb}”", "zh": "改用“{verb}”"}


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


class MetricWrongDirection(Rule):
    """The goal moves a metric the wrong way for its kind, such as "increase churn".

    ## What it does
    Looks up the metric the goal moves in the `metric_direction` lexicon (revenue, pipeline,
    win rate, deal size and NPS are better up; churn, CAC, sales cycle, support tickets and
    latency are better down …) and fires when the verb pushes it the other way: "increase
    churn", "reduce NPS", "提高流失率". When several lexicon entries appear in the metric, the
    rightmost one is taken, because it is the head of the phrase ("support ticket resolution
    rate" is a rate). Verbs whose way depends on the metric ("improve", "优化") never fire,
    and a goal with a baseline and a target is left to A101 (direction-conflict), which
    reads the numbers.

    ## Why it matters
    Either the goal rewards damage, or it says the opposite of what the author meant; both
    mislead the people who work towards it.

    ## How to fix
    Use the verb for the better direction ("reduce churn"), or name the metric that should
    really go that way ("increase retention").

    ## Configuration
    Add metrics with `[tool.smartlint.lexicon.en] metric_direction = ["bugs = down"]`
    (`up` or `down`; a user entry overrides the shipped one).

    ## Fix safety
    The suggestion changes the verb only. It is not applied unattended, since the author may
    have meant a different metric.
    """

    code = "A105"
    name = "metric-wrong-direction"
    dimension = Dimension.ACHIEVABLE
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{verb}” moves {metric} the wrong way: {metric} is better when it goes "
        "{better}. Did you mean “{fix}”?",
        "zh": "“{verb}”让{metric}朝错误方向变化：{metric}越{better}越好。是否应为“{fix}”？",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase customer churn to 5% by June 30, 2027",
                 "Reduce NPS by 5 points by the end of 2027"],
            good=["Reduce customer churn to 3% by June 30, 2027",
                  "Increase NPS from 30 to 40 by the end of 2027",
                  "Reduce the support ticket resolution time to 4 hours by June 30, 2027"],
        ),
        "zh": Examples(
            bad=["2027年6月30日前将客户流失率提高到5%"],
            good=["2027年6月30日前将客户流失率降低到3%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> Iterator[Finding]:
        config = sup.config_of(ctx)
        way = sup.signed_direction(goal, config)
        if way is None:
            return
        baseline, target = sup.baseline_target(goal)
        if baseline is not None and target is not None:
            return  # the numbers say which way is meant: A101 (direction-conflict) judges
        metric = sup.metric_term(goal, "metric_direction", config)
        if metric is None or metric.value not in ("up", "down"):
            return
        if (metric.value == "up") == (way is Direction.INCREASE):
            return
        lang = goal.lang if goal.lang in _VERB_FOR else "en"
        verb = sup.first_verb(goal, config)
        if verb is None:
            return
        fix = _match_case(_VERB_FOR[lang][metric.value], verb.text)
        suggestion = Suggestion(
            title=_TITLE[lang].format(verb=fix), replacement=fix, start=verb.start, end=verb.end
        )
        yield self.finding(
            goal, min(verb.start, metric.start), max(verb.end, metric.end), ctx,
            suggestions=[suggestion], verb=verb.text, metric=metric.text,
            better=_BETTER[lang][metric.value], fix=fix,
        )
