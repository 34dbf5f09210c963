"""A104 absolute-target: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules._lists import possible_lists

from smartlint._lazyre import lazy_compiler
from smartlint.model import Dimension, Finding, ParsedGoal, QuantityKind, Severity
from smartlint.rule import Examples, Rule, RuleContext

_lazy = lazy_compiler(globals())
_HUNDRED_PERCENT = _lazy(r"100\s*(?:%|％|percent\b)|百分之百", re.IGNORECASE)


#: "100% of the annual sales quota", "年度销售任务的100%": attainment of a plan, which
#: a team is expected to reach, not a flawless record.
#: (Compiled on first use: only a goal with "100%" in it reads them.)
_PLAN_AFTER = _lazy(
    r"\s*of\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:quota|plan|target|budget|goal|forecast|commit)s?\b",
    re.IGNORECASE,
)
_ZH_PLAN_BEFORE = _lazy(
    r"(?:任务|计划|指标|目标|预算|配额)(?:的|之)?\s*(?:完成率)?\s*(?:达到|完成)?\s*$"
)


class AbsoluteTarget(Rule):
    """A perfect-score target — 100%, zero, never — that one slip will miss.

    ## What it does
    Flags targets that leave no room for error: "100%" as the level to reach (not a growth of
    100%), and the words of the `absolute_target` lexicon ("zero", "never", "no outages",
    "零缺陷", "零事故", "杜绝"). It reports at the `info` level: such goals are sometimes right
    (safety, compliance), but they deserve a second thought. "100% of the sales quota"
    (or "年度销售任务的100%") is the plan being met, not a flawless record, and is left
    alone.

    ## Why it matters
    An absolute target is missed by the first incident, after which it stops guiding anyone.
    Teams also start hiding the incidents that would break it.

    ## How to fix
    Keep it if the commitment is meant. Otherwise set a level that can be met and tracked,
    such as "99.9% uptime" or "at most 2 sev-1 incidents".

    ## Configuration
    Extend the word list with `[tool.smartlint.lexicon.en] absolute_target = ["flawless"]`.

    ## Fix safety
    No suggestion: the right level is the author's call.
    """

    code = "A104"
    name = "absolute-target"
    dimension = Dimension.ACHIEVABLE
    default_severity = Severity.INFO
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{term}” is an absolute target that one slip will miss: keep it only if you "
        "mean it, or set a level such as 99.9%.",
        "zh": "“{term}”是不留余地的绝对目标，一次失误就会落空："
        "确有必要才保留，否则请设定如99.9%这样的水平。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Reach 100% test coverage by June 30, 2027",
                 "Have zero security incidents in 2027"],
            good=["Reach 85% test coverage by June 30, 2027",
                  "Grow revenue by 100% by the end of 2027",
                  "Reach 100% of the annual sales quota by December 31, 2027"],
        ),
        "zh": Examples(
            bad=["2027年全年实现零缺陷交付", "2027年6月30日前测试覆盖率达到100%"],
            good=["2027年6月30日前测试覆盖率达到85%", "2027年底前将收入提高100%",
                  "2027年底前完成年度销售任务的100%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        config = ctx.config
        # the list's search only where the goal's words may hold an entry (few goals: the
        # test is shared with S105, T102 and T106)
        term = sup.matcher(goal.lang, "absolute_target", config).first(goal.text) if (
            "absolute_target" in possible_lists(goal, config)) else None
        if term is not None:
            return [self.finding(goal, term.start, term.end, ctx, term=term.text)]
        # gate: "100" or "百分之百" must be there, and the pattern alone costs ~1.7 µs a goal
        text = goal.text
        m = _HUNDRED_PERCENT.search(text) if "100" in text or "百分之百" in text else None
        if m is None:
            return []
        change = sup.change_quantity(goal)
        if change is not None and change.start <= m.start() < change.end:
            return []  # "grow by 100%" doubles; it is not a perfect score
        for q in goal.quantities:
            if q.start <= m.start() < q.end and q.kind is QuantityKind.MULTIPLIER:
                return []
        plan = _PLAN_AFTER.match(goal.text, m.end()) or _ZH_PLAN_BEFORE.search(
            goal.text, 0, m.start())
        if plan:
            return []  # "100% of the sales quota" is hitting the plan, not a perfect score
        return [self.finding(goal, m.start(), m.end(), ctx, term=m.group(0))]
