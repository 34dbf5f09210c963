"""Every registered rule is complete: code, name, doc sections, messages and examples that
really fire (bad) and stay quiet (good) in each language it supports."""

from __future__ import annotations

import re
import string

import pytest
from conftest import REFERENCE_DATE

import smartlint
from smartlint.config import Config
from smartlint.corpus import context_from_dict
from smartlint.registry import load_registry
from smartlint.rule import Rule
from smartlint.ruledocs import SECTIONS, doc_sections, split_example

RULES = list(load_registry())
IDS = [r.code for r in RULES]
CODE = re.compile(r"^[SMARTO]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def test_there_are_rules_of_every_smart_dimension() -> None:
    letters = {r.code[0] for r in RULES}
    assert {"S", "M", "A", "R", "T"} <= letters


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_code_name_and_module(rule: type[Rule]) -> None:
    assert CODE.match(rule.code), rule.code
    assert NAME.match(rule.name), f"{rule.name!r} is not a lower-case slug with dashes"
    module = rule.__module__.rsplit(".", 1)[-1]
    if rule.__module__.startswith("smartlint_rules."):
        assert module == f"{rule.code.lower()}_{rule.name.replace('-', '_')}" or module.startswith(
            rule.code.lower() + "_"
        ), f"module {module} should be named {rule.code.lower()}_<slug>"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_doc_has_summary_and_every_section(rule: type[Rule]) -> None:
    summary, sections = doc_sections(rule)
    assert summary, f"{rule.code} has no docstring (class or module) of its own"
    assert summary.endswith("."), f"{rule.code}: the first line is a one-sentence summary"
    assert not summary.startswith("#")
    missing = [s for s in SECTIONS if not sections.get(s)]
    assert not missing, f"{rule.code}: missing or empty doc sections {missing}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_messages_in_every_language(rule: type[Rule]) -> None:
    assert rule.languages, rule.code
    for lang in rule.languages:
        template = rule.messages.get(lang)
        assert template and template.strip(), f"{rule.code}: no {lang} message"
        # a template must be a valid format string (fields are filled by the rule)
        list(string.Formatter().parse(template))
    zh = rule.messages.get("zh")
    if zh is not None:
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{rule.code}: the zh message is not Chinese"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_options_have_config_style_names(rule: type[Rule]) -> None:
    for key in rule.options:
        assert re.match(r"^[a-z][a-z0-9_]*$", key), f"{rule.code}: option {key!r}"


def _example_cases() -> list[tuple[type[Rule], str, str, object]]:
    cases = []
    for rule in RULES:
        for lang in rule.languages:
            examples = rule.examples.get(lang)
            for kind in ("bad", "good"):
                for example in getattr(examples, kind, ()) if examples else ():
                    cases.append((rule, lang, kind, example))
    return cases


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_examples_in_every_language(rule: type[Rule]) -> None:
    for lang in rule.languages:
        examples = rule.examples.get(lang)
        assert examples is not None, f"{rule.code}: no {lang} examples"
        assert len(examples.bad) >= 1, f"{rule.code}: no bad {lang} example"
        assert len(examples.good) >= 1, f"{rule.code}: no good {lang} example"


CASES = [c for c in _example_cases() if c[0].scope == "goal"]


@pytest.mark.parametrize(
    ("rule", "lang", "kind", "example"),
    CASES,
    ids=[f"{r.code}-{lang}-{kind}-{i}" for i, (r, lang, kind, _) in enumerate(CASES)],
)
def test_goal_examples_fire_or_stay_quiet(
    rule: type[Rule], lang: str, kind: str, example: object
) -> None:
    text, ctx = split_example(example)  # type: ignore[arg-type]
    context = context_from_dict({"reference_date": REFERENCE_DATE.isoformat(), **ctx})
    result = smartlint.lint(text, lang=lang, context=context, config=Config(select=(rule.code,)))
    fired = rule.code in result.codes
    if kind == "bad":
        assert fired, f"{rule.code} should fire on {text!r} ({lang}, context {ctx})"
        for finding in result.findings:
            assert finding.lang == lang
            assert 0 <= finding.start <= finding.end <= len(text)
            assert finding.message and "{" not in finding.message
    else:
        assert not fired, (
            f"{rule.code} should stay quiet on {text!r} ({lang}, context {ctx}); "
            f"it said {[f.message for f in result.findings]}"
        )
