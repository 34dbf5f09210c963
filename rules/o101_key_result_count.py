"""An objective with too few or too many key results.

## What it does
Counts the key results of each objective in a goal document and reports the objective
when there are fewer than `min` (default 2) or more than `max` (default 5).

## Why it matters
One key result usually measures the objective too narrowly (hitting it says little about
the objective); none leaves it unmeasured. More than five spreads a team thin and hides
what matters.

## How to fix
Add key results that together show the objective is met, or move the extra ones to
another objective or to a backlog.

## Configuration
    [tool.smartlint.rules.O101]
    min = 2
    max = 5

## Fix safety
No suggestion: which results to add or drop is the author's call.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from smartlint.documents.model import GoalDocument
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.errors import ConfigError
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples


class KeyResultCount(DocumentRule):
    code = "O101"
    name = "key-result-count"
    dimension = Dimension.STRUCTURE
    default_severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"min": 2, "max": 5}
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This objective has {count} key result{s}; give it {min} to {max}.",
        "zh": "这个目标有{count}个关键结果，建议设{min}到{max}个。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["## Objective: Grow revenue in EMEA\n\n"
                 "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
            good=["## Objective: Grow revenue in EMEA\n\n"
                  "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"
                  "- KR: Sign 12 new resellers by 2027-03-31\n"],
        ),
        "zh": Examples(
            bad=["## 目标：扩大华东市场\n\n"
                 "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
            good=["## 目标：扩大华东市场\n\n"
                  "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"
                  "- 关键结果：2027年3月31日前签约12家新经销商\n"],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        low, high = ctx.option(self, "min", 2), ctx.option(self, "max", 5)
        if not isinstance(low, int) or not isinstance(high, int) or not 0 <= low <= high:
            raise ConfigError(
                f"[tool.smartlint.rules.O101]: min and max must be whole numbers with "
                f"0 <= min <= max, not min={low!r}, max={high!r}"
            )
        for objective in doc.objectives:
            count = sum(1 for c in objective.children if c.kind == "key_result")
            if count < low or count > high:
                yield self.finding_at(doc, objective, ctx, count=count,
                                      s="" if count == 1 else "s", min=low, max=high)
