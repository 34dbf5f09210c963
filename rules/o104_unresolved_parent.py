"""A `parent` that points at no file or no objective.

## What it does
Follows every parent reference of a goal document — the front-matter `parent` and each
objective's own — and reports the ones that lead nowhere: a file that does not exist or is
not a goal document, or an id that the file does not hold. Paths are relative to the
repository root (or, with `./` and `../`, to the file); see docs/formats.md.

## Why it matters
The link from a team objective to the company objective it serves is how alignment is
read. A broken link, often left by a renamed file or id, silently cuts a team off.

## How to fix
Correct the path or the id (`{#id}` after the heading in Markdown, `id:` in YAML).

## Configuration
None.

## Fix safety
No suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from smartlint.documents.model import GoalDocument, GoalItem, Position
from smartlint.documents.rules import DocumentContext, DocumentRule
from smartlint.model import Dimension, Severity
from smartlint.output import LocatedFinding
from smartlint.rule import Examples

_REASONS = {
    "en": {"file": "no such goal document ({detail})", "id": "no objective with id “{detail}”",
           "read": "the file cannot be read ({detail})"},
    "zh": {"file": "找不到这个目标文件（{detail}）", "id": "没有 id 为“{detail}”的目标",
           "read": "文件无法读取（{detail}）"},
}


class UnresolvedParent(DocumentRule):
    code = "O104"
    name = "unresolved-parent"
    dimension = Dimension.STRUCTURE
    default_severity = Severity.ERROR
    messages: ClassVar[Mapping[str, str]] = {
        "en": "Parent “{ref}” does not resolve: {reason}.",
        "zh": "上级目标“{ref}”无法解析：{reason}。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["## Objective: Grow revenue in EMEA {#emea parent=#no-such-id}\n\n"
                 "- KR: Sign 12 new resellers by 2027-03-31\n"
                 "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
            good=["## Objective: Grow revenue {#grow}\n\n"
                  "- KR: Raise revenue from $8M to $10M by 2027-03-31\n"
                  "- KR: Keep gross margin above 60% through 2027-03-31\n\n"
                  "## Objective: Grow revenue in EMEA {#emea parent=#grow}\n\n"
                  "- KR: Sign 12 new resellers by 2027-03-31\n"
                  "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"],
        ),
        "zh": Examples(
            bad=["## 目标：扩大华东市场 {#east parent=#no-such-id}\n\n"
                 "- 关键结果：2027年3月31日前签约12家新经销商\n"
                 "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
            good=["## 目标：提高收入 {#grow}\n\n"
                  "- 关键结果：2027年3月31日前收入从800万元提高到1000万元\n"
                  "- 关键结果：2027年3月31日前毛利率保持在60%以上\n\n"
                  "## 目标：扩大华东市场 {#east parent=#grow}\n\n"
                  "- 关键结果：2027年3月31日前签约12家新经销商\n"
                  "- 关键结果：2027年3月31日前华东收入从200万元提高到300万元\n"],
        ),
    }

    def check_document(self, doc: GoalDocument, ctx: DocumentContext) -> Iterator[LocatedFinding]:
        lang = ctx.lang if ctx.lang in _REASONS else "en"
        refs: list[tuple[str, GoalItem | None, Position | None]] = []
        if doc.parent_ref:
            line = doc.meta_lines.get("parent")
            refs.append((doc.parent_ref, None, Position(line, 1) if line else Position(1, 1)))
        for item in doc.objectives:
            if item.parent_ref:
                refs.append((item.parent_ref, item, item.parent_ref_position))
        for ref, owner, position in refs:
            res = ctx.resolve(ref, doc)
            if res.ok:
                continue
            reason = _REASONS[lang][res.problem or "file"].format(detail=res.detail)
            yield self.finding_at(doc, owner, ctx, position=position, ref=ref, reason=reason)
