"""S102 output-not-outcome: the goal is an activity or deliverable, not an outcome."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules._core import signals

from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion
from smartlint.rewrite import outcome_suggestion
from smartlint.rule import Examples, Rule, RuleContext


class OutputNotOutcome(Rule):
    """The goal is an activity or deliverable, not an outcome.

    ## What it does
    Fires when the main clause describes something to produce or do — launch, build,
    create, write, publish, hold, host, define, document, implement, deploy, distribute,
    complete, migrate, hire N people, run N webinars, 制定, 建立, 完成…文档, 开发…功能,
    组织…培训 — rather than a change in a state, a behaviour or a result for customers,
    users or the business. A count does not make an output an outcome ("Publish 15 blog
    posts" is quantified and still an output). Results that others decide (customers
    signed, coverage earned, adoption) are outcomes. A goal whose own main clause states a
    measurable outcome is not an output, whatever else it mentions.

    ## Why it matters
    Outputs can all be delivered while nothing improves. Key results should say what the
    work must change, so the team can pick — and drop — the activities that get there.

    ## How to fix
    Keep the deliverable as the means and state the change it should bring:
    "Launch the partner portal" → "<N> partners register deals through the partner portal
    by <deadline>"; "上线合作伙伴门户" →
    "通过上线合作伙伴门户，在<期限>前将合作伙伴报备商机数提升至<目标>".

    ## Configuration
    The activity verbs are in the `output_verbs` lexicon, deliverable nouns and states in
    `output_nouns` / `output_states`, business results in `metric_nouns`; extend them per
    language under `[tool.smartlint.lexicon.<lang>]`. Default severity: warning.

    ## Fix safety
    The rewrite adds an outcome with placeholders (`<metric>`, `<target>`,
    `<结果指标>`, `<目标>`), so it is never safe to apply unattended.
    """

    code = "S102"
    name = "output-not-outcome"
    dimension = Dimension.SPECIFIC
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "\u201c{cue}\u201d is an activity or deliverable, not an outcome: "
        "say what it should change, and for whom.",
        "zh": "这是要做的事或交付物（“{cue}”），不是成果：请写明它要带来什么变化。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[
                "Launch the partner portal",
                "Publish 15 blog posts",
                "Hire 5 AEs",
                "Distribute the book to 600 people",
                "Run 10 webinars this quarter",
                "Build a foundation for international growth",
                "Deploy a marketing automation platform",
                "I will create an onboarding program that enables new sellers to hit quota",
            ],
            good=[
                "Increase sales funnel by 35%",
                "Reach 1,200 MAU",
                "Customer satisfaction up 5 points",
                "Sign 10 new enterprise customers",
                "Earn the trust of developers",
                "Improve customer satisfaction",
                "Launch the partner portal and sign 20 partners on it",
            ],
        ),
        "zh": Examples(
            bad=[
                "上线合作伙伴门户",
                "制定销售激励制度",
                "完成产品说明文档",
                "开发自动对账功能",
                "组织三场销售技能培训",
                "招聘5名销售人员",
            ],
            good=[
                "将客户流失率降低2%",
                "月活跃用户达到1200",
                "签约10家新客户",
                "提高客户满意度",
                "新员工培训完成率达到95%",
            ],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if not goal.text or goal.text.isspace():  # (strip() would copy the text)
            return []  # nothing to judge
        sig = signals(goal, ctx)
        if sig.output is None:
            return []
        title = "把交付物改写为成果" if goal.lang == "zh" else "State the outcome it should bring"
        rewrite = outcome_suggestion(goal, sig, ctx.config, ctx.context)
        suggestion = Suggestion(title, rewrite)  # (safe: False by default)
        return [self.finding(
            goal,
            sig.output.start,
            sig.output.end,
            ctx,
            suggestions=[suggestion],
            cue=sig.output.text,
        )]
