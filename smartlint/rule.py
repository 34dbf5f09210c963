"""The base class of every rule, built-in or third-party.

A rule is one unit: its code, slug, dimension, default severity, messages in each
language, documentation and examples all live on the class (see STYLE.md, point 1).

    class MissingMeasure(Rule):
        '''What it does / Why it matters / ... (the doc, in fixed sections)'''
        code = "M101"
        name = "missing-measure"
        dimension = Dimension.MEASURABLE
        messages = {"en": "No measurable target ...", "zh": "没有可衡量的目标……"}
        examples = {"en": Examples(bad=[...], good=[...]), "zh": Examples(...)}

        def check(self, goal, ctx):
            if ...:
                yield self.finding(goal, 0, len(goal.text), ctx, suggestions=[...])
"""

from __future__ import annotations

import functools
import inspect
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from smartlint.model import Context, Dimension, Finding, ParsedGoal, Severity, Suggestion

if TYPE_CHECKING:
    from smartlint.config import Config


@dataclass(frozen=True)
class Examples:
    """Goals on which a rule must fire (`bad`) and must stay quiet (`good`).

    Each entry is a goal text, or (text, context-dict) when the example needs context.
    """

    bad: Sequence[str | tuple[str, Mapping[str, Any]]] = ()
    good: Sequence[str | tuple[str, Mapping[str, Any]]] = ()


@dataclass
class RuleContext:
    """What a rule may consult besides the goal: the caller's context and the config."""

    context: Context = field(default_factory=Context)
    config: Config | None = None

    def option(self, rule: Rule, key: str, default: Any = None) -> Any:
        """A per-rule option from `[tool.smartlint.rules.<CODE>]`, else the rule default."""
        if self.config is not None:
            opts = self.config.rule_options.get(rule.code, {})
            if key in opts:
                return opts[key]
        return rule.options.get(key, default)


@functools.lru_cache(maxsize=256)
def _plain(template: str) -> str:
    """A message without fields, formatted once (still through `format`, for "{{" and "}}");
    most findings of a rule carry the same one."""
    return template.format()


class Rule:
    """Base class: subclass it, set the class attributes and implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    dimension: ClassVar[Dimension]
    default_severity: ClassVar[Severity] = Severity.WARNING
    #: "goal": runs on each goal; "document": runs on a goal document (see smartlint.documents)
    scope: ClassVar[str] = "goal"
    languages: ClassVar[tuple[str, ...]] = ("en", "zh")
    #: The problem, per language; `str.format` fields come from `finding(..., **args)`.
    messages: ClassVar[Mapping[str, str]] = {}
    #: Default values of the options users may set in config.
    options: ClassVar[Mapping[str, Any]] = {}
    examples: ClassVar[Mapping[str, Examples]] = {}
    #: Fields of the goal's `Context` without which the rule can find nothing (a relevance
    #: rule's parent objective, a period to fall inside). `lint` does not call the rule on a
    #: goal whose context sets none of them. Empty (the default): the rule is always called.
    needs_context: ClassVar[tuple[str, ...]] = ()

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> Iterable[Finding]:
        """The findings on `goal`: yield them, or return a list. (The built-in rules return a
        list: most goals give a rule nothing to report, and a generator made for every rule
        on every goal cost ~0.3 µs each.)"""
        raise NotImplementedError

    # -- helpers for subclasses ---------------------------------------------------------

    def message(self, lang: str, **args: Any) -> str:
        template = self.messages.get(lang) or self.messages.get("en") or self.name
        return template.format(**args) if args else _plain(template)

    def finding(
        self,
        goal: ParsedGoal,
        start: int,
        end: int,
        ctx: RuleContext | None = None,
        *,
        suggestions: Iterable[Suggestion] = (),
        severity: Severity | None = None,
        message: str | None = None,
        **args: Any,
    ) -> Finding:
        """A finding of this rule on `goal.text[start:end]`, message in the goal's language."""
        if severity is None:
            severity = self.default_severity
            # no call when the config overrides no severity (the usual case)
            if ctx is not None:
                config = ctx.config
                if config is not None and config.severity:
                    severity = config.severity_for(self.code, severity)
        lang = goal.lang
        if message is None:
            if type(self).message is _base_message:  # not overridden: no second call
                messages = self.messages
                template = messages.get(lang) or messages.get("en") or self.name
                # format_map: the fields straight from `args`, not from a copy made to
                # unpack them as keywords (the templates have named fields only)
                message = template.format_map(args) if args else _plain(template)
            else:
                message = self.message(lang, **args)
        # positional, in field order (code, name, dimension, severity, message, start, end,
        # suggestions, lang): a frozen dataclass takes them ~25% faster than by keyword
        return Finding(self.code, self.name, self.dimension, severity, message, start, end,
                       tuple(suggestions), lang)

    # -- metadata -----------------------------------------------------------------------

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: its docstring, dedented."""
        return textwrap.dedent(inspect.getdoc(cls) or "").strip()

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else cls.name

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


_base_message = Rule.message
