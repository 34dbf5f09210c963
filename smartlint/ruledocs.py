"""Rule documentation, generated from each rule class.

`docs/rules/<CODE>.md` (written by `scripts/gen_rule_docs.py`) and `smartlint explain CODE`
print the same text, built here from the rule's docstring sections, its messages, examples
and option defaults. Example contexts are the corpus's context mappings
(`smartlint.corpus.context_from_dict`).
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from smartlint.rule import Rule

#: The sections every rule docstring has, in this order, after its one-line summary.
SECTIONS = ("What it does", "Why it matters", "How to fix", "Configuration", "Fix safety")
LANGUAGE_NAMES = {"en": "English", "zh": "中文 (Simplified Chinese)"}

_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


def split_example(example: str | tuple[str, Mapping[str, Any]]) -> tuple[str, Mapping[str, Any]]:
    """(text, context-dict) of an example given as a text or as such a pair."""
    if isinstance(example, str):
        return example, {}
    text, ctx = example
    return text, ctx


# -- docs ------------------------------------------------------------------------------


def rule_doc(rule: type[Rule]) -> str:
    """The rule's documentation: its own class docstring, else its module's docstring (a
    rule module holds one rule). Never the base class's docstring."""
    doc = rule.__dict__.get("__doc__")
    if not doc:
        module = sys.modules.get(rule.__module__)
        doc = getattr(module, "__doc__", None) or ""
    return inspect.cleandoc(doc)


def summary(rule: type[Rule]) -> str:
    doc = rule_doc(rule)
    return doc.splitlines()[0].strip() if doc else ""


def doc_sections(rule: type[Rule]) -> tuple[str, dict[str, str]]:
    """The summary line and the `## ` sections of a rule's docstring (heading → body)."""
    doc = rule_doc(rule)
    if not doc:
        return "", {}
    summary = doc.splitlines()[0].strip()
    sections: dict[str, str] = {}
    marks = list(_HEADING.finditer(doc))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(doc)
        sections[m.group(1)] = textwrap.dedent(doc[m.end() : end]).strip()
    return summary, sections


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, Mapping):
        inner = ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, Iterable):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_value(str(value))


def _context_note(ctx: Mapping[str, Any]) -> str:
    return ", ".join(f"{k} = {v}" for k, v in ctx.items())


def _example_lines(examples: Iterable[str | tuple[str, Mapping[str, Any]]]) -> list[str]:
    lines: list[str] = []
    for example in examples:
        text, ctx = split_example(example)
        note = f"  (context: {_context_note(ctx)})" if ctx else ""
        lines.append(f"- `{text}`{note}")
    return lines


def render_rule_doc(rule: type[Rule]) -> str:
    """The Markdown page of one rule: what `smartlint explain` prints and docs/rules holds."""
    summary, sections = doc_sections(rule)
    out = [f"# {rule.code} `{rule.name}`", "", summary, ""]
    out += [
        "| | |",
        "|---|---|",
        f"| Dimension | {rule.dimension.value} |",
        f"| Default severity | {rule.default_severity.value} |",
        f"| Languages | {', '.join(rule.languages)} |",
        f"| Scope | {rule.scope} |",
        "",
    ]
    for name in SECTIONS[:3]:
        out += [f"## {name}", "", sections.get(name, "(not documented)"), ""]
    out += ["## Messages", ""]
    for lang in rule.languages:
        out.append(f"- {lang}: {rule.messages.get(lang, '(missing)')}")
    out += ["", "## Examples", ""]
    for lang in rule.languages:
        ex = rule.examples.get(lang)
        out += [f"### {LANGUAGE_NAMES.get(lang, lang)}", ""]
        if ex is None:
            out += ["(none)", ""]
            continue
        out += ["Fires on:", "", *_example_lines(ex.bad), "", "Stays quiet on:", ""]
        out += [*_example_lines(ex.good), ""]
    out += ["## Configuration", "", sections.get("Configuration", "(not documented)"), ""]
    if rule.options:
        out += ["Options and their defaults:", "", "```toml", f"[tool.smartlint.rules.{rule.code}]"]
        for key, value in rule.options.items():
            out.append(f"{key.replace('_', '-')} = {_toml_value(value)}")
        out += ["```", ""]
    out += [
        "Severity and selection:",
        "",
        "```toml",
        "[tool.smartlint.severity]",
        f'{rule.code} = "{rule.default_severity.value}"',
        "```",
        "",
    ]
    out += ["## Fix safety", "", sections.get("Fix safety", "(not documented)"), ""]
    extra = [s for s in sections if s not in SECTIONS]
    for name in extra:
        out += [f"## {name}", "", sections[name], ""]
    return "\n".join(out).rstrip() + "\n"


def render_index(rules: Iterable[type[Rule]]) -> str:
    """docs/rules/README.md: one line per rule."""
    out = [
        "# Rules",
        "",
        "Generated from the rule classes by `scripts/gen_rule_docs.py`; do not edit by hand.",
        "",
        "| Code | Name | Dimension | Severity | Languages | Summary |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        out.append(
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.dimension.value} | "
            f"{rule.default_severity.value} | {', '.join(rule.languages)} | {summary(rule)} |"
        )
    return "\n".join(out) + "\n"


def render_all(rules: Iterable[type[Rule]]) -> dict[str, str]:
    """File name → content for every page of docs/rules."""
    rules = list(rules)
    pages = {f"{r.code}.md": render_rule_doc(r) for r in rules}
    pages["README.md"] = render_index(rules)
    return pages
