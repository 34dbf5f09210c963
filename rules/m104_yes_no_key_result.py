"""M104 yes-no-key-result: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules.m101_missing_measure import reported_by_missing_measure

from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_KR = {"goal_type": "key_result", "parent": "Win more self-serve customers"}
_KR_ZH = {"goal_type": "key_result", "parent": "赢得更多自助购买的客户"}
_TITLE = {"en": "Measure the result", "zh": "衡量结果"}


class YesNoKeyResult(Rule):
    """A key result that is met by a yes or a no: a task, not a result.

    ## What it does
    When the caller says the goal is a key result (`context.goal_type = "key_result"`), it
    fires if the goal is a deliverable or an action with no number — "Launch the new pricing
    page", "Complete the CRM migration", "上线新版定价页面" — recognised by the `do` verbs of
    the `goal_verbs` lexicon. Objectives and goals without a type are left to M101 and S102.
    When M101 (missing-measure) is selected and reports the key result, this rule stays
    quiet: M101 and S102 (output-not-outcome) already say that it sets no measure and is a
    task, so M104 speaks only in runs that leave M101 out.

    ## Why it matters
    A key result should show how far the objective has moved. A done/not-done task says only
    that work happened, so an objective can be "100% complete" while nothing changed.

    ## How to fix
    Measure what the task should change: "Raise self-serve conversion from 2% to 3% after
    launching the new pricing page". Keep the task itself in the plan, not in the key results.

    ## Configuration
    Add verbs with `[tool.smartlint.lexicon.en] goal_verbs = ["onboard = do"]`.

    ## Fix safety
    The suggestion puts the measure first and keeps the task as its means, with placeholders
    for the metric and levels. Never applied unattended.
    """

    code = "M104"
    name = "yes-no-key-result"
    dimension = Dimension.MEASURABLE
    needs_context = ("goal_type",)  # key results only
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This key result is met by a yes or a no (“{verb}”): measure what it should "
        "change instead.",
        "zh": "这个关键结果只有“是/否”两种结果（“{verb}”）：请改为衡量它应带来的变化。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Launch the new pricing page by March 31, 2027", _KR)],
            good=[("Raise self-serve conversion from 2% to 3% by March 31, 2027", _KR),
                  "Launch the new pricing page by March 31, 2027"],
        ),
        "zh": Examples(
            bad=[("2027年3月31日前上线新版定价页面", _KR_ZH)],
            good=[("2027年3月31日前将自助购买转化率从2%提高到3%", _KR_ZH)],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if ctx.context.goal_type != "key_result":
            return []
        if goal.change is not None or goal.target is not None:
            return []
        # a count ("publish 15 posts") is measurable; dates and periods are not counts
        times = [(t.start, t.end) for t in goal.timeframes]
        if any(not sup.spans_overlap((q.start, q.end), times) for q in goal.quantities):
            return []
        verb = sup.first_verb(goal, ctx.config)
        if verb is None or verb.value != "do":
            return []
        if reported_by_missing_measure(goal, ctx):
            return []  # M101 and S102 already say it
        if goal.lang == "zh":
            text = f"{goal.text}，使<指标>从<基线>提高到<目标>"
        else:
            lowered = goal.text[:1].lower() + goal.text[1:]
            text = f"Raise <metric> from <baseline> to <target> once we {lowered}"
        suggestion = Suggestion(title=_TITLE.get(goal.lang, _TITLE["en"]), replacement=text)
        return [self.finding(goal, verb.start, verb.end, ctx, suggestions=[suggestion],
                             verb=verb.text)]
