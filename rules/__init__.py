"""smartlint's built-in rules: one rule per module, named `<code>_<slug>.py`."""

from __future__ import annotations

from collections.abc import Hashable

from smartlint.model import Finding
from smartlint.registry import builtin_rule_classes
from smartlint.rule import Rule


def builtin_rules() -> list[type[Rule]]:
    """Entry point `smartlint.rules:builtin`: every rule class in this package."""
    return builtin_rule_classes(__name__)


class MadeFindings:
    """Findings a rule made under one config, by a small key that holds all a finding is
    made of (a few places and matched phrases): a finding is immutable, and the same few
    come back in many goals, so each is made once. Another config starts afresh (its
    identity is the key; the config is kept alive here so the identity stays its own);
    at most ~1024 are kept. The config and its table are replaced together, in one
    assignment: a thread never reads another config's findings."""

    __slots__ = ("_state",)

    def __init__(self) -> None:
        self._state: tuple[object, dict[Hashable, Finding]] = (self, {})

    def under(self, config: object) -> dict[Hashable, Finding]:
        state = self._state
        if state[0] is not config:
            state = self._state = (config, {})
        elif len(state[1]) >= 1024:
            state[1].clear()
        return state[1]
