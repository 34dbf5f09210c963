from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint
from typing import ClassVar

import pytest

import smartlint
from smartlint import registry as registry_mod
from smartlint.errors import ConfigError
from smartlint.model import Dimension, Finding, ParsedGoal
from smartlint.registry import Registry, load_registry
from smartlint.rule import Rule, RuleContext


class ShoutingRule(Rule):
    """Flags goals written in capitals."""

    code = "X901"
    name = "shouting"
    dimension = Dimension.SPECIFIC
    messages: ClassVar[dict[str, str]] = {
        "en": "Goal is in capitals: {word}",
        "zh": "目标全是大写：{word}",
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> Iterable[Finding]:
        if goal.text.isupper():
            yield self.finding(goal, 0, len(goal.text), ctx, word=goal.text.split()[0])


def test_builtin_rules_come_through_the_entry_point() -> None:
    eps = [ep for ep in registry_mod._entry_points() if ep.name == registry_mod.BUILTIN_ENTRY]
    assert eps, "the built-in entry point is not installed"
    reg = load_registry()
    assert {"M101", "T101", "S101", "S102"} <= set(reg.codes())


def test_two_rules_with_one_code_are_refused() -> None:
    class Twin(ShoutingRule):
        pass

    with pytest.raises(ConfigError, match="two rules claim the code X901"):
        Registry([ShoutingRule, Twin])


def test_lookup_by_code_or_name() -> None:
    reg = Registry([ShoutingRule])
    assert reg.get("x901") is ShoutingRule
    assert reg.get("shouting") is ShoutingRule
    assert reg.get("nope") is None


def test_third_party_plugins_load_only_when_selected(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = EntryPoint(
        name="shout", value="tests.test_registry:ShoutingRule", group=registry_mod.GROUP
    )
    real = registry_mod._entry_points()
    monkeypatch.setattr(registry_mod, "_entry_points", lambda: [*real, plugin])
    monkeypatch.setattr(
        EntryPoint, "load", lambda self: ShoutingRule if self is plugin else real_load(self)
    )
    load_registry.cache_clear()
    try:
        assert "X901" not in load_registry()
        assert "X901" in load_registry(("shout",))
        with pytest.raises(ConfigError, match="'nothere' is not an installed"):
            load_registry(("nothere",))
    finally:
        load_registry.cache_clear()


real_load = EntryPoint.load


def test_plugin_rule_runs_with_messages_in_the_goal_language() -> None:
    rule = ShoutingRule()
    goal = smartlint.parse("GROW REVENUE", lang="en")
    [finding] = list(rule.check(goal, RuleContext()))
    assert finding.message == "Goal is in capitals: GROW"
    zh_goal = smartlint.parse("GROW 收入", lang="zh")
    [zh_finding] = list(rule.check(zh_goal, RuleContext()))
    assert zh_finding.message == "目标全是大写：GROW"
    assert zh_finding.lang == "zh"
    assert list(rule.check(smartlint.parse("Grow revenue", lang="en"), RuleContext())) == []
