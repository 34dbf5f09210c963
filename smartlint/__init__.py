"""smartlint: check OKRs and SMART goals in English and Simplified Chinese.

    >>> import smartlint
    >>> result = smartlint.lint("Improve customer satisfaction")
    >>> [f.code for f in result.findings]
    ['M101', 'S101', 'T101']
"""

from __future__ import annotations

from smartlint.api import lint, lint_many, parse, selected_rules
from smartlint.config import Config, load_config
from smartlint.errors import ConfigError, InputError, SmartlintError
from smartlint.model import (
    SCHEMA_VERSION,
    Context,
    Dimension,
    Direction,
    Finding,
    LintResult,
    ParsedGoal,
    Period,
    Quantity,
    QuantityKind,
    Rewrite,
    Severity,
    Span,
    Suggestion,
    TimeFrame,
    TimeKind,
)
from smartlint.registry import Registry, load_registry
from smartlint.rewrite import suggest
from smartlint.rule import Examples, Rule, RuleContext

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Config",
    "ConfigError",
    "Context",
    "Dimension",
    "Direction",
    "Examples",
    "Finding",
    "InputError",
    "LintResult",
    "ParsedGoal",
    "Period",
    "Quantity",
    "QuantityKind",
    "Registry",
    "Rewrite",
    "Rule",
    "RuleContext",
    "Severity",
    "SmartlintError",
    "Span",
    "Suggestion",
    "TimeFrame",
    "TimeKind",
    "lint",
    "lint_many",
    "load_config",
    "load_registry",
    "parse",
    "selected_rules",
    "suggest",
]
