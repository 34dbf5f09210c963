"""The same key result written twice in one document.

## What it does
Compares the key results of a goal document, ignoring case, spacing and punctuation, and
reports each repeat, naming the line of the first one.

## Why it matters
A copied key result counts the same work twice: the objective looks better covered than
it is, and progress gets reported twice.

## How to fix
Delete the copy, or make it say what it was meant to measure.

## Configuration
None.

## Fix safety
No suggestion: which copy to keep is the author's call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint.documents.model import GoalDocument, GoalItem
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples

_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def _key(text: str) -> str:
    return _NOISE.sub("", text.casefold())


class DuplicateKeyResult(DocumentRule):
    code = "O102"
    name = "duplicate-key-result"
    dimension = Dimension.STRUCTURE
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This key result repeats the one on line {line}.",
        "zh": "这个关键结果与第{line}行的重复。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["## Objective: Grow revenue in EMEA\n\n"
                 "- KR: Sign 12 new resellers by 2027-03-31\n"
                 "- KR: Sign 12 new resellers by 2027-03-31.\n"],
            good=["## Objective: Grow revenue in EMEA\n\n"
                  "- KR: Sign 12 new resellers by 2027-03-31\n"
                  "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
        ),
        "zh": Examples(
            bad=["## 目标：扩大华东市场\n\n"
                 "- 关键结果：2027年3月31日前签约12家新经销商\n"
                 "- 关键结果：2027年3月31日前签约12家新经销商。\n"],
            good=["## 目标：扩大华东市场\n\n"
                  "- 关键结果：2027年3月31日前签约12家新经销商\n"
                  "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        first: dict[str, GoalItem] = {}
        for item in doc.key_results:
            key = _key(item.text)
            if not key:
                continue
            if key in first:
                yield self.finding_at(doc, item, ctx, line=first[key].start.line)
            else:
                first[key] = item
