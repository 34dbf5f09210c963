"""M101 missing-measure: the goal states no measurable target or threshold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules._core import (
    Signals,
    is_objective,
    signals,
)

from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion
from smartlint.rewrite import level_plan, level_suggestion, zh_whole_metric
from smartlint.rule import Examples, Rule, RuleContext


class MissingMeasure(Rule):
    """The goal states no measurable target or threshold.

    ## What it does
    Fires when nobody could tell objectively whether the goal was met by comparing a
    measurement with a quantity the goal states: a number, percentage, amount, count,
    ratio or multiplier ("3x", "double", "翻一番"), or a threshold in words ("at least 5",
    "zero incidents", "all candidates …", "实现全覆盖", "growth above GDP growth").
    Years, dates, quarters, version numbers, ids and numbers that only name the
    deliverable ("a 1-month boot camp", "the 4 golden signals") do not count. Neither does
    an unset target ("X%", "TBD", "<target>") or "achieve the plan / quota" with no figure.

    ## Why it matters
    A goal without a level to reach cannot be scored: at the end of the period every
    reader will judge it differently, and progress cannot be tracked on the way.

    ## How to fix
    Say where the metric starts and where it must get to: "Raise customer satisfaction
    (CSAT) from 4.1 to 4.5", "将客户流失率从3%降低到2%". For a deliverable, measure what it
    should change, or at least how many ("Publish 15 blog posts").

    ## Configuration
    Words that state a threshold without digits are in the `thresholds` lexicon, words of
    "achieve the plan" in `plan_words`; extend either per language under
    `[tool.smartlint.lexicon.<lang>]`. Default severity: error — a key result without a
    measure is the one defect that makes a goal impossible to grade. When the context says
    the goal is an OKR objective (`goal_type = "objective"`), the finding is reported as
    info: objectives are qualitative by design and their key results carry the measure.

    ## Fix safety
    The suggested rewrite keeps the original wording and adds placeholders (`<baseline>`,
    `<target>`, `<deadline>`, `<基线>`, `<目标>`, `<期限>`) for what only the author knows,
    so it is never safe to apply unattended.
    """

    code = "M101"
    name = "missing-measure"
    dimension = Dimension.MEASURABLE
    default_severity = Severity.ERROR
    messages: ClassVar[Mapping[str, str]] = {
        "en": "No measurable target: state the number or threshold that shows the goal is met.",
        "zh": "没有可衡量的目标：请写明用哪个数字或门槛来判断是否达成。",
    }
    metric_messages: ClassVar[Mapping[str, str]] = {
        "en": "No measurable target for \u201c{metric}\u201d: "
        "state the level it must reach (e.g. from <baseline> to <target>).",
        "zh": "没有可衡量的目标：请写明“{metric}”要达到的数值，例如“从<基线>提高到<目标>”。",
    }
    unset_messages: ClassVar[Mapping[str, str]] = {
        "en": "The target is not set yet ({placeholder}): write in the figure to reach.",
        "zh": "目标值还没有填写（{placeholder}）：请写上要达到的具体数值。",
    }
    plan_messages: ClassVar[Mapping[str, str]] = {
        "en": "\u201c{plan}\u201d points to a figure kept elsewhere: "
        "write the figure into the goal.",
        "zh": "“{plan}”所指的数字不在目标里：请把具体数值写进来。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[
                "Launch the new pricing page",
                "Improve customer satisfaction",
                "Document all processes",
                "Increase conversion to X% by Q3 2027",
                "Achieve the sales plan this quarter",
                "Implement RFC #3716 in 2027",
                "Run a 1-month boot camp for new engineers",
            ],
            good=[
                "Publish 15 blog posts",
                "Reduce customer churn from 3% to 2% by Q3 2027",
                "Triple the number of paying teams",
                "All candidates take a structured interview",
                "Zero P1 incidents in production this quarter",
                "Grow revenue faster than GDP growth",
                "Keep the app rating at 4.8+",
                "Cut p95 latency to less than 200 ms",
            ],
        ),
        "zh": Examples(
            bad=[
                "上线新的定价页面",
                "提高客户满意度",
                "梳理所有业务流程",
                "完成年度销售任务",
                "将转化率提高到X%",
            ],
            good=[
                "将客户流失率从3%降低到2%",
                "发布15篇博客文章",
                "乡镇卫生院实现全覆盖",
                "销售额翻一番",
                "营收增速高于GDP增长",
            ],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if not goal.text or goal.text.isspace():  # (strip() would copy the text)
            return []  # nothing to judge
        sig = signals(goal, ctx)
        if sig.quantified:
            return []
        lang = goal.lang if goal.lang in self.messages else "en"
        if sig.unset_target:
            message = self.unset_messages[lang].format(placeholder=sig.placeholders[0].text)
        elif sig.plan is not None:
            message = self.plan_messages[lang].format(plan=sig.plan.text)
        elif (
            goal.metric is not None and sig.output is None and len(goal.metric.text) <= 40
            and level_plan(goal, ctx.config).direct  # "customers successful" is no metric
        ):
            metric = goal.metric.text
            if lang == "zh" and goal.verb is not None:  # the whole of "…的服务水平"
                start, end = zh_whole_metric(goal, (goal.metric.start, goal.metric.end),
                                             goal.verb.end)
                metric = goal.text[start:end]
            message = self.metric_messages[lang].format(metric=metric)
        else:
            message = self.messages[lang]
        rewrite = level_suggestion(goal, sig, ctx.config, ctx.context)
        title = "写明基线与目标值" if lang == "zh" else "State the baseline and the target"
        start, end = _span(goal, sig)
        return [self.finding(
            goal,
            start,
            end,
            ctx,
            message=message,
            severity=Severity.INFO if is_objective(ctx) else None,
            suggestions=[Suggestion(title, rewrite)],  # (safe: False by default)
        )]


def reported_by_missing_measure(goal: ParsedGoal, ctx: RuleContext) -> bool:
    """Does M101 report this goal under the run's config? Rules that would only repeat
    it (M103, M104) yield to it."""
    if ctx.config is not None and not ctx.config.is_selected(MissingMeasure.code):
        return False
    # what `check` decides before it makes its finding: the finding itself (a rewrite of
    # the whole goal, ~10 µs) is not read here
    if not goal.text or goal.text.isspace():
        return False
    return not signals(goal, ctx).quantified


def _span(goal: ParsedGoal, sig: Signals) -> tuple[int, int]:
    """Where the missing measure belongs: the metric, else the whole goal."""
    if sig.unset_target:
        return sig.placeholders[0].start, sig.placeholders[0].end
    if sig.plan is not None:
        return sig.plan.start, sig.plan.end
    if goal.metric is not None:
        return goal.metric.start, goal.metric.end
    lead = len(goal.text) - len(goal.text.lstrip())
    return lead, len(goal.text.rstrip())
