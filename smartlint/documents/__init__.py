"""Goal documents: Markdown and YAML files of OKRs, and plain goal lists.

- `read_document(path)` / `read_string(text, format)` → a `GoalDocument` (or None for a
  YAML file that is not a goal document).
- `smartlint.documents.engine.Checker` lints every goal of a document in its context
  (period, parent, goal type), runs the document rules and applies inline suppressions.
- `smartlint.documents.rules.DocumentRule` is the interface of document-level rules.

The formats are described in docs/formats.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from smartlint.documents._text import read_text, split_lines
from smartlint.documents.model import (
    KEY_RESULT,
    OBJECTIVE,
    GoalDocument,
    GoalItem,
    Position,
    Positions,
    Suppression,
)
from smartlint.documents.suppress import hash_directives, strip_hash_directive

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
YAML_SUFFIXES = (".yaml", ".yml")


def format_of(path: str | os.PathLike[str]) -> str:
    """"markdown", "yaml" or "text", from the file name."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in YAML_SUFFIXES:
        return "yaml"
    return "text"


def read_goal_lines(text: str, path: str) -> GoalDocument:
    """A plain goal list: one goal a line; blank lines and `#` comments are skipped."""
    doc = GoalDocument(path=path, format="text")
    lines = split_lines(text)
    for index, raw in enumerate(lines):
        line = strip_hash_directive(raw)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        lead = len(line) - len(line.lstrip())
        positions = Positions.on_line(index + 1, lead + 1, len(stripped))
        doc.items.append(
            GoalItem(
                text=stripped,
                kind=KEY_RESULT,
                positions=positions,
                end=Position(index + 1, lead + 1 + len(stripped)),
            )
        )
    doc.suppressions = hash_directives(lines)
    return doc


def read_string(text: str, fmt: str = "markdown", path: str = "<string>") -> GoalDocument | None:
    """Read goal-document text in the given format ("markdown", "yaml", "text")."""
    if fmt == "markdown":
        from smartlint.documents.markdown import read_markdown

        return read_markdown(text, path)
    if fmt == "yaml":
        from smartlint.documents.yamldoc import read_yaml

        return read_yaml(text, path)
    return read_goal_lines(text, path)


def read_document(
    path: str | os.PathLike[str], display: str | None = None
) -> GoalDocument | None:
    """Read a goal file; InputError (naming the file) when it cannot be read."""
    name = display or str(path)
    doc = read_string(read_text(path, name), format_of(path), name)
    if doc is not None:
        doc.file = Path(path).absolute()
    return doc


__all__ = [
    "KEY_RESULT",
    "OBJECTIVE",
    "GoalDocument",
    "GoalItem",
    "Position",
    "Suppression",
    "format_of",
    "read_document",
    "read_goal_lines",
    "read_string",
]
