"""S100 text-over-limit: the goal text is longer than smartlint analyses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint.model import Dimension, Finding, ParsedGoal, Severity
from smartlint.rule import Examples, Rule, RuleContext

_LONG_EN = "Grow revenue. " * 200
_LONG_ZH = "提高销售额。" * 400


class TextOverLimit(Rule):
    """The goal text is longer than smartlint analyses; only its beginning was checked.

    ## What it does
    Reports a goal whose text is longer than the `max-length` setting (2,000 characters
    by default). smartlint analyses only the first `max-length` characters of such a text,
    so that pasted documents or junk cannot make a run slow.

    ## Why it matters
    A goal is a sentence or two. A text this long is usually a whole document pasted into
    one cell or line, and the findings on it cover only its beginning.

    ## How to fix
    Split the text into separate goals, one per line, row or list item.

    ## Configuration
    `max-length` in `[tool.smartlint]` sets the limit in characters.

    ## Fix safety
    No automatic fix: only a person can decide where one goal ends and the next begins.
    """

    code = "S100"
    name = "text-over-limit"
    dimension = Dimension.SPECIFIC
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "Goal text is {length} characters long; only the first {limit} were checked. "
        "Split it into separate goals.",
        "zh": "目标文本长达{length}个字符，只检查了前{limit}个。请拆分为多个目标。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(bad=[_LONG_EN], good=["Grow revenue 10% by Q3 2027"]),
        "zh": Examples(bad=[_LONG_ZH], good=["2027年第三季度末前将销售额提高10%"]),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        limit = ctx.config.max_length if ctx.config is not None else 2000
        if len(goal.text) > limit:
            return [self.finding(goal, limit, len(goal.text), ctx, length=len(goal.text),
                                 limit=limit)]
        return []
