"""Inline suppression directives in goal files.

Markdown (HTML comments, so they do not show when rendered):

    <!-- smartlint-disable-next-line M101 -->   the next line only
    - KR: Improve onboarding <!-- smartlint-disable-line M101 -->   this line only
    <!-- smartlint-disable M101, T101 -->  …  <!-- smartlint-enable M101, T101 -->   a range
    <!-- smartlint-disable -->   every code, to the matching enable or the end of the file

YAML and plain text files (a comment, on the goal's own line or alone on the line above):

    - Improve onboarding  # smartlint: disable=M101
    # smartlint: disable=M101,T101
    - Improve onboarding
    # smartlint: disable            (every code)

A directive that silences nothing is reported as O100 (unused-suppression), so stale
directives do not pile up.
"""

from __future__ import annotations

import re

from smartlint.documents.model import Position, Suppression

_MD_DIRECTIVE = re.compile(
    r"<!--\s*smartlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->", re.I
)
_HASH_DIRECTIVE = re.compile(r"#\s*smartlint:\s*disable\b(?:\s*=\s*([A-Za-z0-9_,\s-]*))?", re.I)
_CODE_SPLIT = re.compile(r"[\s,]+")


def _codes(raw: str | None) -> frozenset[str]:
    if not raw:
        return frozenset()
    return frozenset(c.upper() for c in _CODE_SPLIT.split(raw.strip()) if c)


class MarkdownDirectives:
    """Collects Markdown directives line by line and pairs disable/enable ranges."""

    def __init__(self) -> None:
        self.suppressions: list[Suppression] = []
        self._open: list[Suppression] = []

    def feed(self, line_text: str, line_no: int) -> bool:
        """Record the directives on one line; True when the line had any."""
        found = False
        for m in _MD_DIRECTIVE.finditer(line_text):
            found = True
            kind = m.group(1).lower()
            codes = _codes(m.group(2))
            pos = Position(line_no, m.start() + 1)
            text = m.group(0)
            if kind == "disable-next-line":
                self.suppressions.append(Suppression(codes, line_no + 1, line_no + 1, pos, text))
            elif kind == "disable-line":
                self.suppressions.append(Suppression(codes, line_no, line_no, pos, text))
            elif kind == "disable":
                self._open.append(Suppression(codes, line_no, None, pos, text))
            else:
                self._enable(codes, line_no)
        return found

    def _enable(self, codes: frozenset[str], line_no: int) -> None:
        still_open: list[Suppression] = []
        for s in self._open:
            if not codes or (s.codes and s.codes <= codes):
                self._close(s, line_no)
            elif s.codes and s.codes & codes:
                # Part of the range ends here; the rest stays open as its own range that
                # shares the directive's position (so "unused" is judged per directive).
                self._close(s, line_no)
                still_open.append(
                    Suppression(s.codes - codes, line_no, None, s.position, s.text)
                )
            else:
                still_open.append(s)
        self._open = still_open

    def _close(self, s: Suppression, line_no: int) -> None:
        self.suppressions.append(Suppression(s.codes, s.first_line, line_no, s.position, s.text))

    def finish(self) -> list[Suppression]:
        self.suppressions.extend(self._open)  # open to the end of the file
        self._open = []
        return self.suppressions


def hash_directives(lines: list[str]) -> list[Suppression]:
    """`# smartlint: disable=CODES` comments in YAML or plain-text lines.

    A comment alone on its line covers the next line; after content, its own line.
    """
    found: list[Suppression] = []
    for index, line in enumerate(lines):
        if "smartlint" not in line:
            continue
        m = _HASH_DIRECTIVE.search(line)
        if not m:
            continue
        line_no = index + 1
        target = line_no + 1 if not line[: m.start()].strip() else line_no
        pos = Position(line_no, m.start() + 1)
        found.append(Suppression(_codes(m.group(1)), target, target, pos, m.group(0).strip()))
    return found


def strip_hash_directive(line: str) -> str:
    """`line` without a trailing `# smartlint: …` comment (for plain-text goals)."""
    m = _HASH_DIRECTIVE.search(line)
    return line[: m.start()].rstrip() if m else line
