"""Reports of a run and the formats they are written in: text, json, sarif, github.

Any command that checks goals in files (`check`, `scan`) builds a `Report` of
`LocatedFinding`s and hands it to `render(report, fmt, ...)`. Lines and columns are
1-based; columns count Unicode code points (a Chinese character is one column).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from smartlint.model import Finding, Severity

FORMATS = ("text", "json", "sarif", "github")


@dataclass(frozen=True)
class LocatedFinding:
    """A finding with the place in a file it points at.

    `end_line`/`end_column` are exclusive (just past the span). `goal` is the goal's
    text, when the finding is about one goal.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    finding: Finding
    goal: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.finding.code)


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked, and why (the message names the file)."""

    path: str
    message: str
    line: int | None = None


@dataclass
class Report:
    """Everything one run found."""

    findings: list[LocatedFinding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0  # files read as goal sources
    goals: int = 0  # goals checked
    skipped: list[str] = field(default_factory=list)  # files with no goal document in them
    langs: Counter[str] = field(default_factory=Counter)  # goals checked, per language

    def sorted_findings(self) -> list[LocatedFinding]:
        return sorted(self.findings, key=lambda f: f.sort_key)

    def counts(self) -> Counter[str]:
        return Counter(f.finding.severity.value for f in self.findings)

    def failing(self, fail_on: Severity) -> list[LocatedFinding]:
        return [f for f in self.findings if f.finding.severity.rank >= fail_on.rank]

    def extend(self, findings: Iterable[LocatedFinding]) -> None:
        self.findings.extend(findings)


def render(
    report: Report,
    fmt: str = "text",
    *,
    color: bool = False,
    suggestions: bool = True,
    quiet: bool = False,
) -> str:
    """The report in one of FORMATS, as a string ending with a newline (or empty)."""
    if fmt == "text":
        from smartlint.output.text import render_text

        return render_text(report, color=color, suggestions=suggestions, quiet=quiet)
    if fmt == "json":
        from smartlint.output.json import render_json

        return render_json(report)
    if fmt == "sarif":
        from smartlint.output.sarif import render_sarif

        return render_sarif(report)
    if fmt == "github":
        from smartlint.output.github import render_github

        return render_github(report)
    raise ValueError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "FileError", "LocatedFinding", "Report", "render"]
