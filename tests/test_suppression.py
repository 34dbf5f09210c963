"""Inline suppression in Markdown, YAML and plain text, and O100 for stale directives.

Most cases use the structure rule O102 (duplicate key result), whose behaviour is fixed
here, so that the tests do not depend on how the goal rules judge a sentence.
"""

from __future__ import annotations

from conftest import REFERENCE_DATE

from smartlint.config import Config
from smartlint.documents import read_string
from smartlint.documents.engine import Checker
from smartlint.output import LocatedFinding

DUP = "Sign 12 new resellers by 2027-03-31"


def check(text: str, fmt: str = "markdown", select: tuple[str, ...] = ("O",)) -> list[
    LocatedFinding
]:
    doc = read_string(text, fmt, f"doc.{ {'markdown': 'md', 'yaml': 'yaml'}.get(fmt, 'txt') }")
    assert doc is not None
    return Checker(Config(select=select), reference_date=REFERENCE_DATE).check_document(doc)


def codes(findings: list[LocatedFinding]) -> list[tuple[str, int]]:
    return sorted((f.finding.code, f.line) for f in findings)


def md(*krs: str, before_second: str = "") -> str:
    lines = ["## Objective: Grow", *(f"- KR: {k}" for k in krs[:1])]
    if before_second:
        lines.append(before_second)
    lines += [f"- KR: {k}" for k in krs[1:]]
    return "\n".join(lines) + "\n"


def test_without_directive_the_duplicate_is_reported() -> None:
    assert codes(check(md(DUP, DUP))) == [("O102", 3)]


def test_disable_next_line_silences_that_line_only() -> None:
    text = md(DUP, DUP, before_second="<!-- smartlint-disable-next-line O102 -->")
    assert codes(check(text)) == []


def test_disable_next_line_for_another_code_is_unused() -> None:
    text = md(DUP, DUP, before_second="<!-- smartlint-disable-next-line O101 -->")
    assert codes(check(text)) == [("O100", 3), ("O102", 4)]
    o100 = next(f for f in check(text) if f.finding.code == "O100")
    assert "O101" in o100.finding.message
    assert (o100.line, o100.column) == (3, 1)


def test_disable_line_on_the_goal_line() -> None:
    text = f"## Objective: Grow\n- KR: {DUP}\n- KR: {DUP} <!-- smartlint-disable-line O102 -->\n"
    assert codes(check(text)) == []


def test_range_disable_enable_and_end_of_file() -> None:
    text = (
        "## Objective: Grow\n"
        f"- KR: {DUP}\n"
        "<!-- smartlint-disable O102 -->\n"
        f"- KR: {DUP}\n"
        "<!-- smartlint-enable O102 -->\n"
        f"- KR: {DUP}\n"
    )
    assert codes(check(text)) == [("O102", 6)]
    open_range = text.replace("<!-- smartlint-enable O102 -->\n", "")
    assert codes(check(open_range)) == []


def test_disable_without_codes_covers_every_code() -> None:
    text = "<!-- smartlint-disable -->\n## Objective: Grow\n- KR: a b\n- KR: a b\n- KR: c\n"
    assert codes(check(text)) == []


def test_directive_silencing_nothing_is_reported_and_can_be_ignored() -> None:
    text = "<!-- smartlint-disable-next-line -->\n## Objective: Grow\n- KR: a\n- KR: b\n"
    assert codes(check(text)) == [("O100", 1)]
    assert codes(check(text, select=("O101", "O102"))) == []


def test_codes_not_selected_are_not_held_against_the_directive() -> None:
    text = md(DUP, DUP, before_second="<!-- smartlint-disable-next-line O102, M101 -->")
    assert codes(check(text, select=("O",))) == []
    unknown = md(DUP, DUP, before_second="<!-- smartlint-disable-next-line O102, X999 -->")
    found = check(unknown)
    assert codes(found) == [("O100", 3)] and "X999" in found[0].finding.message


def test_directives_inside_code_fences_do_nothing() -> None:
    text = md(DUP, DUP) + "```\n<!-- smartlint-disable -->\n```\n"
    assert codes(check(text)) == [("O102", 3)]


def test_yaml_same_line_and_line_above() -> None:
    base = f"objectives:\n  - objective: Grow\n    key_results:\n      - {DUP}\n"
    assert codes(check(base + f"      - {DUP}\n", "yaml")) == [("O102", 5)]
    assert codes(check(base + f"      - {DUP}  # smartlint: disable=O102\n", "yaml")) == []
    assert codes(check(base + f"      # smartlint: disable=O102\n      - {DUP}\n", "yaml")) == []
    stale = base + "      # smartlint: disable=O102\n      - Hire 3 people by 2027-03-31\n"
    assert codes(check(stale, "yaml")) == [("O100", 5)]


def test_suppressing_a_goal_rule_in_a_text_file() -> None:
    """End to end with the core rule M101 on a goal that has no measure at all."""
    text = "Improve things\n# smartlint: disable=M101\nImprove things\n"
    found = check(text, "text", select=("M101", "O100"))
    assert codes(found) == [("M101", 1)]
    stale = "# smartlint: disable=M101\nRaise NPS from 30 to 45 by 2027-06-30\n"
    assert codes(check(stale, "text", select=("M101", "O100"))) == [("O100", 1)]
