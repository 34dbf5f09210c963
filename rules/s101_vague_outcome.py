"""S101 vague-outcome: the outcome is worded vaguely and nothing concrete pins it down."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules._core import (
    is_objective,
    signals,
)

from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion
from smartlint.rewrite import level_suggestion
from smartlint.rule import Examples, Rule, RuleContext


class VagueOutcome(Rule):
    """The outcome is worded vaguely and nothing concrete pins it down.

    ## What it does
    Fires when the main outcome is stated with vague or subjective wording — "improve /
    enhance / optimise / strengthen / foster X", "better", "more", "world-class",
    "robust", "seamless", "提高AGV的稳定性", "取得实质性进展" — or is only a direction
    ("Increase sales", "Reduce churn"), a bare metric name ("Cloud cost"), or has an unset
    target ("X%", "TBD"), and no quantity, threshold or precise criterion pins it down.
    "Increase sales by 10%" and "Reduce churn to 3%" are not vague; neither is a concrete
    binary deliverable ("Deploy a marketing automation platform") or "achieve the plan"
    (its criterion is precise, only kept elsewhere). When the vague word is a verb that
    only gives a direction ("Increase", "降低"), the message says so: the way is clear, the
    distance is not.

    ## Why it matters
    A vague outcome lets everyone read their own goal into it: the team cannot tell what
    to aim at and the result cannot be judged.

    ## How to fix
    Name the metric and the level: "Raise customer satisfaction (CSAT) from 4.1 to 4.5",
    "将AGV平均无故障运行时间从200小时提高到300小时".

    ## Configuration
    The vague wording is in the `vague_verbs` and `vague_words` lexicons, metric names in
    `metric_nouns`; extend them per language under `[tool.smartlint.lexicon.<lang>]`.
    Default severity: warning. For OKR objectives (`goal_type = "objective"` in the
    context) it is reported as info: objectives may inspire; key results must not be vague.

    ## Fix safety
    The rewrite adds `<baseline>` / `<target>` placeholders (`<基线>` / `<目标>`), so it is
    never safe to apply unattended.
    """

    code = "S101"
    name = "vague-outcome"
    dimension = Dimension.SPECIFIC
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "Vague outcome: \u201c{cue}\u201d leaves open what exactly must be achieved; "
        "pin it down with a metric and a level.",
        "zh": "结果表述模糊：“{cue}”没说清要做到什么程度，请用具体指标和数值来界定。",
    }
    #: When the cue is a verb that gives the way but not the distance ("Increase sales").
    direction_messages: ClassVar[Mapping[str, str]] = {
        "en": "“{cue}” says which way, not how far: name the result to reach.",
        "zh": "“{cue}”只说了方向，没说幅度：请写明要达到的结果。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[
                "Improve customer satisfaction",
                "Enhance the onboarding experience",
                "Build a world-class engineering culture",
                "Earn the trust of more developers",
                "Cloud cost",
                "App load time",
                "Increase conversion to X%",
                "Build a foundation for international growth",
                "Increase sales",
            ],
            good=[
                "Increase sales by 10%",
                "Reduce churn to 3%",
                "Reach carbon neutrality by 2030",
                "Deploy a marketing automation platform",
                "Achieve the plan",
                "Launch the partner portal",
                "Customer satisfaction up 5 points",
            ],
        ),
        "zh": Examples(
            bad=[
                "提高AGV的稳定性",
                "取得实质性进展",
                "进一步优化客户体验",
                "云成本",
                "将转化率提高到X%",
                "打造世界一流的研发团队",
            ],
            good=[
                "增加销售额10%",
                "将客户流失率降低到3%",
                "部署营销自动化平台",
                "完成年度计划",
                "将AGV平均无故障运行时间从200小时提高到300小时",
            ],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if not goal.text or goal.text.isspace():  # (strip() would copy the text)
            return []  # nothing to judge
        sig = signals(goal, ctx)
        if sig.vague is None:
            return []
        lang = goal.lang if goal.lang in self.messages else "en"
        rewrite = level_suggestion(goal, sig, ctx.config, ctx.context)
        title = "用指标和数值界定结果" if lang == "zh" else "Pin the outcome down with a level"
        verb = sup.first_verb(goal, ctx.config)
        message = None
        if (verb is not None and (verb.start, verb.end) == (sig.vague.start, sig.vague.end)
                and verb.value in ("up", "down")):
            message = self.direction_messages[lang].format(cue=sig.vague.text)
        return [self.finding(
            goal,
            sig.vague.start,
            sig.vague.end,
            ctx,
            message=message,
            severity=Severity.INFO if is_objective(ctx) else None,
            suggestions=[Suggestion(title, rewrite)],  # (safe: False by default)
            cue=sig.vague.text,
        )]
