"""docs/rules is generated from the rule classes and must be current; `explain` prints it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT

from smartlint.registry import load_registry
from smartlint.ruledocs import render_all, render_rule_doc

DOCS = ROOT / "docs" / "rules"


def _script():  # type: ignore[no-untyped-def]
    path = ROOT / "scripts" / "gen_rule_docs.py"
    spec = importlib.util.spec_from_file_location("gen_rule_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current() -> None:
    stale = _script().stale_pages(DOCS)
    assert not stale, f"stale rule docs {stale}: run python scripts/gen_rule_docs.py"


def test_generator_writes_every_page_and_removes_leftovers(tmp_path: Path) -> None:
    script = _script()
    (tmp_path / "Z999.md").write_text("a rule that no longer exists\n", "utf-8")
    written = script.write_pages(tmp_path)
    pages = render_all(load_registry())
    assert sorted(p.name for p in tmp_path.glob("*.md")) == sorted(pages)
    assert "Z999.md (removed)" in written
    assert script.stale_pages(tmp_path) == []
    (tmp_path / "README.md").write_text("edited by hand\n", "utf-8")
    assert script.stale_pages(tmp_path) == ["README.md"]


@pytest.mark.parametrize("code", ["A101", "T102", "R102"])
def test_page_shows_sections_examples_options_and_severity(code: str) -> None:
    rule = load_registry().get(code)
    assert rule is not None
    page = render_rule_doc(rule)
    assert page.startswith(f"# {code} `{rule.name}`")
    for heading in ("## What it does", "## Why it matters", "## How to fix", "## Examples",
                    "## Configuration", "## Fix safety", "### English", "### 中文"):
        assert heading in page
    for lang in ("en", "zh"):
        for example in rule.examples[lang].bad:
            text = example if isinstance(example, str) else example[0]
            assert f"`{text}`" in page
    assert f'{code} = "{rule.default_severity.value}"' in page


def test_options_are_rendered_as_toml() -> None:
    rule = load_registry().get("S104")
    assert rule is not None
    page = render_rule_doc(rule)
    assert "[tool.smartlint.rules.S104]" in page
    assert "max-chars = { en = 200, zh = 60 }" in page


def test_index_lists_every_rule() -> None:
    index = render_all(load_registry())["README.md"]
    for rule in load_registry():
        assert f"[{rule.code}]({rule.code}.md)" in index
