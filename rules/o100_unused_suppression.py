"""An inline suppression directive that silences nothing.

## What it does
Reports a `smartlint-disable…` comment (Markdown) or `# smartlint: disable=…` comment
(YAML, plain text) when no finding of the codes it names was silenced by it. A directive
without codes is reported when it silenced no finding at all. Codes that are not selected
in the run are not held against the directive; unknown codes are.

## Why it matters
Suppressions outlive the problems they hid: once the goal is rewritten, a stale directive
would silently hide the next real problem on that line.

## How to fix
Delete the directive, or the codes in it that no longer fire.

## Configuration
`ignore = ["O100"]` turns the check off.

## Fix safety
No suggestion: removing a comment is left to the author.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint.documents.model import GoalDocument
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples


class UnusedSuppression(DocumentRule):
    code = "O100"
    name = "unused-suppression"
    dimension = Dimension.STRUCTURE
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This suppression ({codes}) silences nothing: remove it.",
        "zh": "这条屏蔽注释（{codes}）没有屏蔽任何问题：请删除。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[
                "## Objective: Grow revenue in EMEA\n\n"
                "<!-- smartlint-disable-next-line M101 -->\n"
                "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"
                "- KR: Sign 12 new resellers by 2027-03-31\n"
            ],
            good=[
                "## Objective: Grow revenue in EMEA\n\n"
                "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"
                "- KR: Sign 12 new resellers by 2027-03-31\n"
            ],
        ),
        "zh": Examples(
            bad=[
                "## 目标：扩大华东市场\n\n"
                "<!-- smartlint-disable-next-line M101 -->\n"
                "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"
                "- 关键结果：2027年3月31日前签约12家新经销商\n"
            ],
            good=[
                "## 目标：扩大华东市场\n\n"
                "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"
                "- 关键结果：2027年3月31日前签约12家新经销商\n"
            ],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        # Reported by the checker once every other finding is known
        # (smartlint.documents.engine.Checker._apply_suppressions).
        return iter(())
