"""A105 metric-wrong-direction: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from smartlint_rules import MadeFindings
from smartlint_rules import _support as sup

from smartlint._lazyre import lazy_compiler
from smartlint.model import Dimension, Direction, Finding, ParsedGoal, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_lazy = lazy_compiler(globals())
_BETTER = {"en": {"up": "higher", "down": "lower"}, "zh": {"up": "高", "down": "低"}}
_VERB_FOR = {"en": {"up": "increase", "down": "reduce"}, "zh": {"up": "提高", "down": "降低"}}
#: bound once: an enum member read through its class costs ~70 ns more than a global
_INCREASE = Direction.INCREASE
_SIGNED = (Direction.INCREASE, Direction.DECREASE)
_TITLE = {"en": "Use “{verb}”", "zh": "改用“{verb}”"}
#: "the share of tickets solved on first contact" is a share, not tickets: a ratio word
#: before "of" is the head of the phrase, and a share has no better way of its own.
_EN_RATIO_OF = _lazy(
    r"\b(?:share|percentage|percent|proportion|fraction|%)\s+of\s+"
    r"(?:(?:the|our|all|new|active)\s+)*$",
    re.IGNORECASE,
)


#: the Chinese metric endings, compiled on first use (by a finding on a Chinese goal)
_ZH_DURATION = _lazy(r"(?:时间|时长|周期|耗时)$")
_ZH_COUNT = _lazy(r"(?:量|数|次数|数量|工单|投诉|故障|事故|缺陷|线索|商机)$")


def better_word(lang: str, metric: str, better: str) -> str:
    """Which way is better, in words: "lower"; "低", or "短" / "少" for a Chinese duration
    or count ("响应时间越短越好", "工单量越少越好", not "越低越好")."""
    if lang == "zh" and _ZH_DURATION.search(metric):
        return "长" if better == "up" else "短"
    if lang == "zh" and _ZH_COUNT.search(metric):  # "工单量越少越好", not "越低越好"
        return "多" if better == "up" else "少"
    return _BETTER[lang][better]


@sup.per_goal  # A101, A105 and the level rewrite ask in turn about the same goal
def better_way(goal: ParsedGoal, config: Any = None) -> Any:
    """The `metric_direction` entry the goal moves, or None when the metric's better way is
    unknown — also when the entry is only what a share or rate counts ("the share of
    tickets solved on first contact"), since its head then is the share."""
    metric = sup.metric_term(goal, "metric_direction", config)
    if metric is None or metric.value not in ("up", "down"):
        return None
    # gate: the pattern tries every position of the text (~3 µs) and needs an "of" to match
    if goal.lang == "en" and "of" in goal.text[: metric.start].lower() and _EN_RATIO_OF.search(
            goal.text, 0, metric.start):
        return None
    return metric


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
        "en": "“{verb}” moves {metric} the wrong way: for {metric}, {better} is better. "
        "Did you mean “{fix}”?",
        "zh": "“{verb}”让{metric}朝错误方向变化：{metric}越{better}越好。是否应为“{fix}”？",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase customer churn to 5% by June 30, 2027",
                 "Reduce NPS by 5 points by the end of 2027"],
            good=["Reduce customer churn to 3% by June 30, 2027",
                  "Increase the share of tickets solved on first contact to 70% by Q2 2027",
                  "Increase NPS from 30 to 40 by the end of 2027",
                  "Reduce the support ticket resolution time to 4 hours by June 30, 2027"],
        ),
        "zh": Examples(
            bad=["2027年6月30日前将客户流失率提高到5%"],
            good=["2027年6月30日前将客户流失率降低到3%"],
        ),
    }

    #: the findings made, by (goal language, verb, metric)
    _made = MadeFindings()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        # gates on the analysis first: `signed_direction` reads the verb (a lexicon look-up),
        # and a goal that reaches or keeps a level, or has a baseline and a target, needs none
        if goal.direction is not None and goal.direction not in _SIGNED:
            return []  # what `signed_direction` answers for it, whatever the verb
        # the analysis's pair when it found either (what `baseline_target` answers then),
        # without the memo's call: most goals with numbers have one (so in A101, A103, M102)
        baseline, target = goal.baseline, goal.target
        if baseline is None and target is None:
            baseline, target = sup.baseline_target(goal)
        if baseline is not None and target is not None:
            return []  # the numbers say which way is meant: A101 (direction-conflict) judges
        config = ctx.config
        way = goal.direction
        if way is not None:
            # The analysis's way (a rise or a fall) is what `signed_direction` answers, or
            # None for a verb whose way depends on the metric ("improve"): either way, a
            # metric that is better that same way (or none) ends it, and only a metric
            # that disagrees needs the verb read (~1 µs a goal spared on the others)
            metric = better_way(goal, config)
            if metric is None or (metric.value == "up") == (way is _INCREASE):
                return []
            way = sup.signed_direction(goal, config)
            if way is None:
                return []
        else:
            way = sup.signed_direction(goal, config)
            if way is None:
                return []
            metric = better_way(goal, config)
            if metric is None:
                return []
            if (metric.value == "up") == (way is _INCREASE):
                return []
        lang = goal.lang if goal.lang in _VERB_FOR else "en"
        verb = sup.first_verb(goal, config)
        if verb is None:
            return []
        # The finding is all in the verb, the metric and their places (and the config's
        # severity): made once for each, as it is immutable. The same few verbs and
        # metrics come back in many goals (a finding on ~1 goal in 6 of the benchmark's;
        # two formats, `better_word` and the objects were ~3 µs of each)
        made = self._made.under(ctx.config)
        key = (goal.lang, verb, metric)  # (named tuples of places, texts and values)
        finding = made.get(key)
        if finding is None:
            fix = _match_case(_VERB_FOR[lang][metric.value], verb.text)
            # positional, in field order (title, replacement, start, end): ~0.25 µs less
            suggestion = Suggestion(_TITLE[lang].format(verb=fix), fix, verb.start, verb.end)
            finding = made[key] = self.finding(
                goal, min(verb.start, metric.start), max(verb.end, metric.end), ctx,
                suggestions=[suggestion], verb=verb.text, metric=metric.text,
                better=better_word(lang, metric.text, metric.value), fix=fix,
            )
        return [finding]
