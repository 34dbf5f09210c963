"""smartlint's built-in rules: one rule per module, named `<code>_<slug>.py`."""

from __future__ import annotations

from smartlint.registry import builtin_rule_classes
from smartlint.rule import Rule


def builtin_rules() -> list[type[Rule]]:
    """Entry point `smartlint.rules:builtin`: every rule class in this package."""
    return builtin_rule_classes(__name__)
