"""The interface of document-level rules (scope "document", codes O1xx).

Goal rules look at one goal: `check(goal, ctx) -> Iterable[Finding]`. Document rules look
at a whole goal document — its objectives, key results, ids and parents:

    class TooFewKeyResults(DocumentRule):
        '''What it does / Why it matters / …'''
        code = "O101"
        name = "key-result-count"
        dimension = Dimension.STRUCTURE
        messages = {"en": "…{count}…", "zh": "…{count}…"}
        examples = {"en": Examples(bad=[markdown text], good=[markdown text]), "zh": …}

        def check_document(self, doc, ctx):
            for objective in doc.objectives:
                if len(objective.children) < ctx.option(self, "min", 2):
                    yield self.finding_at(doc, objective, ctx, count=len(objective.children))

`check_document(doc: GoalDocument, ctx: DocumentContext) -> Iterable[LocatedFinding]`.
`finding_at` places the finding on a goal's text (or on a given position, such as the
line of a `parent:` key) and writes the message in the document's language.
`ctx.resolve(ref, doc)` follows a parent reference across files (see
`smartlint.documents.engine`). Examples of document rules are whole documents (Markdown
text); `smartlint.documents.read_string` turns one into a `GoalDocument`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from smartlint.documents.model import GoalDocument, GoalItem, Position
from smartlint.model import Finding, Severity, Suggestion
from smartlint.output import LocatedFinding
from smartlint.rule import Rule, RuleContext

if TYPE_CHECKING:
    from smartlint.config import Config


@dataclass(frozen=True)
class Resolution:
    """Where a parent reference leads: an item, a whole document, or a reason it does not."""

    ref: str
    item: GoalItem | None = None
    document: GoalDocument | None = None
    problem: str | None = None  # "file" (no such file), "id" (no such id), "read" (unreadable)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass
class DocumentContext(RuleContext):
    """What a document rule may consult: config, the document's language, and a resolver."""

    lang: str = "en"
    resolver: Callable[[str, GoalDocument], Resolution] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def resolve(self, ref: str, doc: GoalDocument) -> Resolution:
        if self.resolver is None:
            return Resolution(ref, problem="file", detail="no resolver")
        return self.resolver(ref, doc)

    @classmethod
    def for_config(cls, config: Config | None, lang: str = "en") -> DocumentContext:
        return cls(config=config, lang=lang)


class DocumentRule(Rule):
    """Base class of rules that check a goal document as a whole."""

    scope: ClassVar[str] = "document"

    def check_document(
        self, doc: GoalDocument, ctx: DocumentContext
    ) -> Iterable[LocatedFinding]:
        raise NotImplementedError

    def check(self, goal: Any, ctx: RuleContext) -> Iterable[Finding]:
        return ()  # document rules never run on single goals

    def finding_at(
        self,
        doc: GoalDocument,
        item: GoalItem | None,
        ctx: DocumentContext,
        *,
        position: Position | None = None,
        suggestions: Iterable[Suggestion] = (),
        severity: Severity | None = None,
        **args: Any,
    ) -> LocatedFinding:
        """A finding on `item`'s text, or at `position` (e.g. a front-matter key)."""
        if severity is None:
            severity = self.default_severity
            if ctx.config is not None:
                severity = ctx.config.severity_for(self.code, severity)
        lang = ctx.lang if ctx.lang in self.messages else "en"
        finding = Finding(
            code=self.code,
            name=self.name,
            dimension=self.dimension,
            severity=severity,
            message=self.message(lang, **args),
            start=0,
            end=len(item.text) if item is not None and position is None else 0,
            suggestions=tuple(suggestions),
            lang=lang,
        )
        if position is None and item is not None:
            start, end = item.start, item.end
        else:
            start = position or Position(1, 1)
            end = Position(start.line, start.column)
        return LocatedFinding(
            path=doc.path,
            line=start.line,
            column=start.column,
            end_line=end.line,
            end_column=end.column,
            finding=finding,
            goal=item.text if item is not None else None,
        )
