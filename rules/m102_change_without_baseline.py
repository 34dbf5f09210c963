"""M102 change-without-baseline: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint.model import Dimension, Finding, ParsedGoal, QuantityKind, Suggestion
from smartlint.rewrite import PLACEHOLDERS
from smartlint.rule import Examples, Rule, RuleContext

_ZH_VERB_BEFORE = re.compile(
    r"(?:提高|提升|增加|增长|上升|降低|减少|下降|缩短|压缩|优化|改善|改进|增强|加强|翻)[了]?\s*$"
)
_TITLE = {"en": "Add the baseline", "zh": "补充基线"}


def baseline_insertion(goal: ParsedGoal, change_start: int, change_end: int) -> tuple[int, str]:
    """Where to put the baseline and with what words, for a change at the given span."""
    if goal.lang == "zh":
        m = _ZH_VERB_BEFORE.search(goal.text, 0, change_start)
        at = m.start() if m else change_start
        return at, f"从{PLACEHOLDERS['zh']['baseline']}"
    return change_end, f" from {PLACEHOLDERS['en']['baseline']}"


class ChangeWithoutBaseline(Rule):
    """A relative change ("by 10%") with no baseline to measure it from.

    ## What it does
    Fires when the goal asks for a relative change — a percentage ("increase revenue by 10%",
    "收入提高10%") or a multiplier ("double", "3x", "翻一番") — and states no starting level
    ("from $2M", "从200万元"). Changes in percentage points and absolute counts ("by 500
    customers") are not flagged.

    ## Why it matters
    "10% more" of an unknown level cannot be checked at the end of the period: people will
    disagree on the starting number, and the base chosen later is usually the convenient one.

    ## How to fix
    State the baseline and, ideally, the level it leads to: "Increase revenue by 10%, from $2M
    to $2.2M".

    ## Configuration
    No options.

    ## Fix safety
    The suggestion inserts "from <baseline>" (Chinese "从<基线>") next to the change for the
    author to fill. Never applied unattended.
    """

    code = "M102"
    name = "change-without-baseline"
    dimension = Dimension.MEASURABLE
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{change}” of what level? State the baseline, e.g. “from $2M to $2.2M”.",
        "zh": "“{change}”是相对哪个水平？请写明基线，例如“从200万元提高到220万元”。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase annual recurring revenue by 10% by December 31, 2027"],
            good=["Increase annual recurring revenue by 10%, from $2M to $2.2M, by December "
                  "31, 2027",
                  "Increase annual recurring revenue from $2M to $2.2M by December 31, 2027"],
        ),
        "zh": Examples(
            bad=["2027年12月31日前将年度经常性收入提高10%"],
            good=["2027年12月31日前将年度经常性收入从200万元提高到220万元"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> Iterator[Finding]:
        change = sup.change_quantity(goal)
        if change is None:
            return
        relative = change.kind is QuantityKind.MULTIPLIER or (
            change.kind is QuantityKind.PERCENT and change.unit in (None, "percent")
        )
        if not relative:
            return
        baseline, _ = sup.baseline_target(goal)
        if baseline is not None:
            return
        at, words = baseline_insertion(goal, change.start, change.end)
        suggestion = Suggestion(title=_TITLE.get(goal.lang, _TITLE["en"]), replacement=words,
                                start=at, end=at)
        yield self.finding(goal, change.start, change.end, ctx, suggestions=[suggestion],
                           change=change.text)
