"""M103 metric-without-target: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from smartlint_rules import _support as sup
from smartlint_rules.m101_missing_measure import reported_by_missing_measure

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion
from smartlint.rewrite import metric_sentence
from smartlint.rule import Examples, Rule, RuleContext

_TITLE = {"en": "Set a level", "zh": "设定目标值"}


class MetricWithoutTarget(Rule):
    """A metric is named but no level is set ("NPS", "Cloud cost").

    ## What it does
    Fires on a goal that is little more than the name of a metric from the `metric_direction`
    lexicon — no action verb, no number, the metric at the end of the phrase ("NPS", "Q3
    pipeline coverage", "客户满意度"). Goals with a verb but no number are left to M101
    (missing-measure). When M101 is selected and reports the goal, this rule stays quiet:
    both would say "no level" with the same rewrite, so M103 speaks only in runs that
    leave M101 out.

    ## Why it matters
    A metric on its own says what to watch, not where it should be. At the end of the period
    any value can be called a success.

    ## How to fix
    Say where the metric should go and by when: "Raise NPS from 32 to 40 by June 30, 2027".

    ## Configuration
    The metrics come from `smartlint/data/<lang>/metric_direction.txt`; add yours with
    `[tool.smartlint.lexicon.en] metric_direction = ["bugs = down"]`. `max-words` (English)
    and `max-chars` (Chinese) say how short a goal must be to count as a bare metric name.

    ## Fix safety
    The suggestion rewrites the goal as "<verb> <metric> from <baseline> to <target> by
    <deadline>", with the verb for the metric's better direction. Never applied unattended.
    """

    code = "M103"
    name = "metric-without-target"
    dimension = Dimension.MEASURABLE
    options: ClassVar[Mapping[str, Any]] = {"max_words": 6, "max_chars": 12}
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{metric}” names a metric but sets no level: say where it should be and by when.",
        "zh": "“{metric}”只是指标名称，没有目标值：请写明要达到的水平和期限。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["NPS", "Customer acquisition cost"],
            good=["Raise NPS from 32 to 40 by June 30, 2027", "Improve NPS",
                  "NPS survey redesign for enterprise accounts",
                  "A more confident, better-prepared sales team"],
        ),
        "zh": Examples(
            bad=["客户满意度", "获客成本"],
            good=["2027年6月30日前将客户满意度从80%提高到90%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if goal.quantities or goal.verb is not None or goal.placeholders:
            return []
        config = ctx.config
        text = goal.text.strip()
        if goal.lang == "zh":
            limit = ctx.option(self, "max_chars")
            if len(text) > sup.number_option(limit, self.code, "max_chars"):
                return []
        elif sup.word_count(text) > sup.number_option(
            ctx.option(self, "max_words"), self.code, "max_words"
        ):
            return []
        if sup.first_verb(goal, config) is not None:
            return []
        metric = None
        for term in sup.matcher(goal.lang, "metric_direction", config).finditer(goal.text):
            metric = term  # the rightmost: the head of the phrase
        if metric is None:
            return []
        rest = goal.text[metric.end :].strip().strip(" 。.，,")
        if (len(rest) > 1) if goal.lang == "zh" else bool(rest):
            return []  # the metric is not the head of the phrase: "NPS survey", "sales team"
        if reported_by_missing_measure(goal, ctx):
            return []  # M101 says the same thing, with the same rewrite
        name = goal.text.strip().rstrip("。.")
        phrase = name
        if goal.lang == "en" and name[:1].isupper() and name[1:2].islower():
            phrase = name[0].lower() + name[1:]  # "Customer churn" goes mid-sentence
        period = ctx.context.period
        suggestion = Suggestion(
            title=_TITLE.get(goal.lang, _TITLE["en"]),
            replacement=metric_sentence(goal.lang, phrase, metric.value,
                                        period.end if period is not None else None),
        )
        return [self.finding(goal, 0, len(goal.text), ctx, suggestions=[suggestion], metric=name)]
