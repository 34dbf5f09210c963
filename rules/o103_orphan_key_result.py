"""A key result that belongs to no objective.

## What it does
Reports a key result ("KR: …", "关键结果：…") written before any objective in a goal
document, so there is nothing it measures.

## Why it matters
A key result measures progress toward an objective. On its own it is a task or a metric
without a purpose, and nobody can tell whether hitting it matters.

## How to fix
Put it under the objective it measures, or write that objective above it.

## Configuration
None.

## Fix safety
No suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint.documents.model import GoalDocument
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples


class OrphanKeyResult(DocumentRule):
    code = "O103"
    name = "orphan-key-result"
    dimension = Dimension.STRUCTURE
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This key result has no objective: put it under the objective it measures.",
        "zh": "这个关键结果没有所属目标：请把它放到它衡量的目标之下。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["# Sales\n\n- KR: Sign 12 new resellers by 2027-03-31\n"],
            good=["## Objective: Grow revenue in EMEA\n\n"
                  "- KR: Sign 12 new resellers by 2027-03-31\n"],
        ),
        "zh": Examples(
            bad=["# 销售部\n\n- 关键结果：2027年3月31日前签约12家新经销商\n"],
            good=["## 目标：扩大华东市场\n\n- 关键结果：2027年3月31日前签约12家新经销商\n"],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        for item in doc.key_results:
            if item.parent is None:
                yield self.finding_at(doc, item, ctx)
