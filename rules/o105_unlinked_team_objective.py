"""A team objective that is not linked to any company objective.

## What it does
In a team's goal document (one whose front matter or YAML names a `team`), reports each
objective that has no `parent` of its own while the document has no `parent` either.

## Why it matters
OKRs cascade: a team objective should say which company objective it moves. An unlinked
one may be good work, but nobody can see how it serves the company's goals, and
conflicting priorities go unnoticed.

## How to fix
Give the document a `parent` (the company objective most of its objectives serve), or
the objective its own: `{#id parent=company/2027-q1.md#grow-revenue}` after a Markdown
heading, a "Parent: …" line under it, or `parent:` in YAML.

## Configuration
None.

## Fix safety
No suggestion: which company objective it serves is the team's call.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint.documents.model import GoalDocument
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples


class UnlinkedTeamObjective(DocumentRule):
    code = "O105"
    name = "unlinked-team-objective"
    dimension = Dimension.RELEVANT
    default_severity = Severity.WARNING
    messages: ClassVar[Mapping[str, str]] = {
        "en": "Team objective without a parent: link it to the company objective it serves.",
        "zh": "团队目标没有上级目标：请关联它所支撑的公司目标。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["---\nteam: Sales\nperiod: 2027-Q1\n---\n"
                 "## Objective: Grow revenue in EMEA\n\n"
                 "- KR: Sign 12 new resellers by 2027-03-31\n"
                 "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
            good=["---\nteam: Sales\nperiod: 2027-Q1\n---\n"
                  "## Objective: Grow revenue in EMEA {#emea parent=company.md#grow}\n\n"
                  "- KR: Sign 12 new resellers by 2027-03-31\n"
                  "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
        ),
        "zh": Examples(
            bad=["---\nteam: 销售部\nperiod: 2027-Q1\n---\n"
                 "## 目标：扩大华东市场\n\n"
                 "- 关键结果：2027年3月31日前签约12家新经销商\n"
                 "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
            good=["---\nteam: 销售部\nperiod: 2027-Q1\nparent: company.md#grow\n---\n"
                  "## 目标：扩大华东市场\n\n"
                  "- 关键结果：2027年3月31日前签约12家新经销商\n"
                  "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        if not doc.team or doc.parent_ref:
            return
        for item in doc.objectives:
            if not item.parent_ref:
                yield self.finding_at(doc, item, ctx)
