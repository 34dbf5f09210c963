"""M102 change-without-baseline: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import MadeFindings
from smartlint_rules import _support as sup

from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.model import (
    Dimension,
    Direction,
    Finding,
    ParsedGoal,
    Quantity,
    QuantityKind,
    Suggestion,
    TimeKind,
)
from smartlint.rewrite import PLACEHOLDERS
from smartlint.rule import Examples, Rule, RuleContext

_lazy = lazy_compiler(globals())

#: enum members bound once: `Kind.MEMBER` looks through the enum's metaclass on every
#: use (~70 ns more than a global; several a goal)
_PERCENT = QuantityKind.PERCENT
_MULTIPLIER = QuantityKind.MULTIPLIER
_REFERENCE = TimeKind.REFERENCE

_TITLE = {"en": "Add the baseline", "zh": "补充基线"}
#: Between the metric and its change: "sales by 10%", "bookings 3x".
_EN_METRIC_THEN_CHANGE = _lazy(r"\s*by\s+", re.IGNORECASE)


#: Words that make the next figure the level to reach, not a change: "to 3x quota",
#: "to within ±5%", "达到3倍".
# the look-ahead holds the first letters of the words: it changes no match, and the search
# (at every position of the 24 characters before the figure) gives up sooner (1.2 → 0.7 µs)
_EN_LEVEL_BEFORE = _lazy(
    r"(?=[tuwbanlm])\b(?:to|within|under|below|above|at|at least|at most|no more than|less than|"
    r"more than)\s+(?:within\s+)?[±+~-]?\s*$",
    re.IGNORECASE,
)


_EN_OVER_LAST_WORDS = ("year", "quarter", "month", "yoy", "qoq", "mom")
_EN_OVER_LAST_LINKS = ("over", "yoy", "qoq", "mom", "last", "previous", "prior")
#: Compiled on first use: the Chinese ones only for Chinese goals, "over last year" only
#: past its word gates (a cold English check compiled all four for nothing, ~2.5 ms)
_ZH_VERB_BEFORE = _lazy(
    r"(?:提高|提升|增加|增长|上升|降低|减少|下降|缩短|压缩|优化|改善|改进|增强|加强|翻)[了]?\s*$"
)
_ZH_LEVEL_BEFORE = _lazy(r"(?:到|至|达到|为|控制在|保持在|不低于|不高于|不超过)\s*[±+~-]?\s*$")
_EN_OVER_LAST = _lazy(
    r"\b(?:year[- ]over[- ]year|yoy|quarter[- ]over[- ]quarter|qoq|month[- ]over[- ]month|"
    r"mom|(?:compared (?:with|to)|versus|vs\.?|over|on) (?:last|the previous|the prior) "
    r"(?:year|quarter|month))\b",
    re.IGNORECASE,
)
_ZH_OVER_LAST = _lazy(r"同比|环比|较上年|较去年|比去年|比上年|较上季度|比上季度")


def _names_its_base(goal: ParsedGoal) -> bool:
    """The change is measured against a named period — "compared with 2026", "YoY",
    "同比", "比2026年" — whose figure is on record: the base is known, if not written."""
    reference = _REFERENCE
    for t in goal.timeframes:
        if t.kind is reference:
            return True
    if goal.lang == "zh":
        return bool(_ZH_OVER_LAST.search(goal.text))
    # gate: every English form holds one of these words, and the pattern costs ~11 µs a goal
    lower = goal.text.lower()
    for word in _EN_OVER_LAST_WORDS:  # (plain loops: a generator for `any` cost ~0.4 µs)
        if word in lower:
            break
    else:
        return False
    # "quarter" and "year" are in many deadlines: each form also holds one of these words,
    # which in an ASCII text (where IGNORECASE and lower() agree) is a test of its own
    if goal.text.isascii():
        for word in _EN_OVER_LAST_LINKS:
            if word in lower:
                break
        else:
            return False
    return bool(_EN_OVER_LAST.search(goal.text))


@sup.per_goal  # A103 and M102 ask in turn about the same change
def is_level_not_change(goal: ParsedGoal, change: Quantity) -> bool:
    """"Increase pipeline coverage to 3x quota", "Improve forecast accuracy to within ±5%":
    the figure is where the metric must get to (a target), not how much it must move."""
    before = goal.text[max(0, change.start - 24) : change.start]
    if not _may_end_with_level_word(before):
        return False
    pattern = _ZH_LEVEL_BEFORE if goal.lang == "zh" else _EN_LEVEL_BEFORE
    return bool(pattern.search(before))


#: The last characters of the words both level patterns end with ("to", "within", "under",
#: "below", "above", "at (least/most)", "…than"; "到", "至", "为", "…在", "…于", "不超过").
_LEVEL_WORD_ENDS = frozenset("onrwetONRWET到至为在于过")
_SIGNS = "±+~-"


def _may_end_with_level_word(before: str) -> bool:
    """False when neither level pattern can match `before`: each ends with a level word,
    white space and an optional sign, so the last other character must end such a word.
    (A non-ASCII letter may pass: IGNORECASE could match it to an ASCII one.) The search
    tries every position of the window; this test skips it on most goals with a change."""
    rest = before.rstrip()  # what `\s*$` takes (str.isspace, the pattern's `\s`)
    if rest and rest[-1] in _SIGNS:
        rest = rest[:-1].rstrip()
    last = rest[-1:]
    return bool(last) and (last in _LEVEL_WORD_ENDS or not last.isascii())


def baseline_insertion(
    goal: ParsedGoal, change_start: int, change_end: int, config: Config | None = None
) -> tuple[int, str]:
    """Where to put the baseline and with what words, for a change at the given span.

    `config` is the run's: its lexicon additions (a user's goal verbs) place the metric
    when the analysis found none, and the per-goal memo of the metric is the rules' own."""
    if goal.lang == "zh":
        m = _ZH_VERB_BEFORE.search(goal.text, 0, change_start)
        at = m.start() if m else change_start
        return at, f"从{PLACEHOLDERS['zh']['baseline']}"
    # after the metric, so that the change still reads on: "Increase sales from <baseline>
    # by 10%", "Double qualified pipeline from <baseline>" (not "Double from <baseline> …")
    span = sup.metric_span(goal, config)
    at = change_end
    if span is not None and (
        _EN_METRIC_THEN_CHANGE.fullmatch(goal.text, span[1], change_start)
        or (change_end <= span[0] and not goal.text[change_end : span[0]].strip())
    ):
        at = span[1]
    return at, f" from {PLACEHOLDERS['en']['baseline']}"


def _example(goal: ParsedGoal, change: Quantity, down: bool) -> str:
    """A worked example of a baseline and the level the change leads to, going the goal's
    way: "from 200 to 220" for "+10%", "from 200 to 160" for "−20%", "from 200 to 400"
    for "double"."""
    value = change.value or 0.0
    if change.kind is QuantityKind.MULTIPLIER:
        target = 200 * value
    else:
        target = 200 * (1 - value / 100) if down else 200 * (1 + value / 100)
    if target < 0 or target == 200:
        target = 100 if down else 300
    if goal.lang == "zh":
        return f"从200{'降低' if down else '提高'}到{target:g}"
    return f"from 200 to {target:g}"


class ChangeWithoutBaseline(Rule):
    """A relative change ("by 10%") with no baseline to measure it from.

    ## What it does
    Fires when the goal asks for a relative change — a percentage ("increase revenue by 10%",
    "收入提高10%") or a multiplier ("double", "3x", "翻一番") — and states no starting level
    ("from $2M", "从200万元"). Changes in percentage points and absolute counts ("by 500
    customers") are not flagged, and neither is a change against a named period ("by 30%
    compared with 2026", "year over year", "同比增长20%"): that base is a figure on record.

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
        "en": "“{change}” of what level? State the baseline, e.g. “{example}”.",
        "zh": "“{change}”是相对哪个水平？请写明基线，例如“{example}”。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase annual recurring revenue by 10% by December 31, 2027"],
            good=["Increase annual recurring revenue by 10%, from $2M to $2.2M, by December "
                  "31, 2027",
                  "Increase qualified pipeline coverage to 3x quota by June 30, 2027",
                  "Improve forecast accuracy to within ±5% of the committed number in 2027",
                  "Grow partner-sourced pipeline by 30% compared with 2026 by December 31, 2027",
                  "Increase annual recurring revenue from $2M to $2.2M by December 31, 2027"],
        ),
        "zh": Examples(
            bad=["2027年12月31日前将年度经常性收入提高10%"],
            good=["2027年12月31日前将年度经常性收入从200万元提高到220万元",
                  "2027年收入同比增长20%"],
        ),
    }

    #: the findings made, by (language, the change, the baseline's place and words, way)
    _made = MadeFindings()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        if goal.change is None and not goal.quantities:
            return []  # no number, no change (not even a look-up)
        change = goal.change  # (the analysis's, when it found one: no memo call)
        if change is None:
            change = sup.change_quantity(goal)
        if change is None:
            return []
        relative = change.kind is _MULTIPLIER or (
            change.kind is _PERCENT and change.unit in (None, "percent")
        )
        if not relative:
            return []
        # the analysis's baseline when it found a baseline or a target (no memo call)
        baseline = goal.baseline
        if baseline is None and goal.target is None:
            baseline, _ = sup.baseline_target(goal)
        if baseline is not None or is_level_not_change(goal, change):
            return []
        if _names_its_base(goal):
            return []  # "by 30% compared with 2026", "同比增长20%": the base is a known figure
        at, words = baseline_insertion(goal, change.start, change.end, ctx.config)
        down = sup.signed_direction(goal, ctx.config) is Direction.DECREASE
        # the finding is all in these (made once for each: a finding on ~1 goal in 10 of
        # the benchmark's, and the same changes come back)
        made = self._made.under(ctx.config)
        key = (goal.lang, change.start, change.end, change.text, change.kind, change.value,
               at, words, down)
        finding = made.get(key)
        if finding is None:
            suggestion = Suggestion(_TITLE.get(goal.lang, _TITLE["en"]), words, at, at)
            finding = made[key] = self.finding(
                goal, change.start, change.end, ctx, suggestions=[suggestion],
                change=change.text, example=_example(goal, change, down))
        return [finding]
