"""The Markdown reader: what counts as an objective or key result, ids, parents, positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_DATE
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.config import Config
from smartlint.documents import (
    KEY_RESULT,
    OBJECTIVE,
    GoalDocument,
    Position,
    Positions,
    read_string,
)
from smartlint.documents.engine import Checker
from smartlint.documents.markdown import read_markdown
from smartlint.documents.rules import DocumentRule
from smartlint.errors import InputError
from smartlint.model import Context, Period
from smartlint.registry import load_registry
from smartlint.rule import Rule


def read(text: str) -> GoalDocument:
    return read_markdown(text, "doc.md")


def assert_positions_exact(doc: GoalDocument, text: str) -> None:
    """Every character of every goal sits where the reader says it does."""
    lines = text.split("\n")
    for item in doc.items:
        for ch, pos in zip(item.text, item.positions, strict=True):
            source = lines[pos.line - 1]
            if pos.column - 1 < len(source):
                assert source[pos.column - 1] == ch, (item.text, pos)
            else:  # a joined line break, placed just past the line's end
                assert ch == " "


def test_plain_okr_list_without_ids() -> None:
    text = (
        "# Q1 plan\n\n"
        "## Objective: Grow revenue in EMEA\n"
        "- KR: Raise EMEA revenue from $2M to $3M by 2027-03-31\n"
        "- KR: Sign 12 new resellers by 2027-03-31\n\n"
        "## Objective 2: Delight customers\n"
        "- KR1: Raise NPS from 30 to 45 by 2027-03-31\n"
    )
    doc = read(text)
    assert [(i.kind, i.text) for i in doc.items] == [
        (OBJECTIVE, "Grow revenue in EMEA"),
        (KEY_RESULT, "Raise EMEA revenue from $2M to $3M by 2027-03-31"),
        (KEY_RESULT, "Sign 12 new resellers by 2027-03-31"),
        (OBJECTIVE, "Delight customers"),
        (KEY_RESULT, "Raise NPS from 30 to 45 by 2027-03-31"),
    ]
    first, kr1, kr2, second, kr3 = doc.items
    assert first.children == [kr1, kr2] and kr1.parent is first
    assert second.children == [kr3]
    assert (first.start.line, first.start.column) == (3, 15)
    assert (kr1.start.line, kr1.start.column) == (4, 7)
    assert first.id == "grow-revenue-in-emea" and not first.explicit_id
    assert doc.title == "Q1 plan"
    assert_positions_exact(doc, text)


def test_chinese_labels_without_ids() -> None:
    text = (
        "目标：提升客户满意度\n"
        "关键结果1：2027年3月31日前将NPS从30提高到45\n"
        "关键结果2：2027年3月31日前将投诉量降低20%\n\n"
        "## 目标二：扩大华东市场\n"
        "- 关键结果：2027年3月31日前签约12家新经销商\n"
    )
    doc = read(text)
    kinds = [(i.kind, i.text) for i in doc.items]
    assert kinds == [
        (OBJECTIVE, "提升客户满意度"),
        (KEY_RESULT, "2027年3月31日前将NPS从30提高到45"),
        (KEY_RESULT, "2027年3月31日前将投诉量降低20%"),
        (OBJECTIVE, "扩大华东市场"),
        (KEY_RESULT, "2027年3月31日前签约12家新经销商"),
    ]
    assert doc.items[1].parent is doc.items[0]
    assert doc.items[4].parent is doc.items[3]
    # "目标：" is three characters: the goal starts in column 4
    assert (doc.items[0].start.line, doc.items[0].start.column) == (1, 4)
    assert_positions_exact(doc, text)


def test_front_matter_and_explicit_ids_and_parents() -> None:
    text = (
        "---\nperiod: 2027-Q1\nteam: Sales\nowner: Dana\nparent: company.md#grow\n---\n"
        "## Grow revenue in EMEA {#emea}\n"
        "- Raise EMEA revenue from $2M to $3M by 2027-03-31\n\n"
        "## Delight customers {#delight parent=company.md#nps}\n"
        "Owner: Sam\n\n"
        "### Key results\n"
        "- Raise NPS from 30 to 45 by 2027-03-31\n\n"
        "### Initiatives\n"
        "- Run a customer advisory board\n\n"
        "## Keep the lights on\n"
        "Parent: [Reliability](../company/2027-q1.md#reliability)\n"
        "- Keep uptime above 99.9% through 2027-03-31\n"
    )
    doc = read(text)
    assert doc.meta["period"] == "2027-Q1" and doc.team == "Sales" and doc.owner == "Dana"
    assert doc.parent_ref == "company.md#grow"
    assert doc.meta_lines["parent"] == 5
    texts = [(i.kind, i.text) for i in doc.items]
    assert texts == [
        (OBJECTIVE, "Grow revenue in EMEA"),
        (KEY_RESULT, "Raise EMEA revenue from $2M to $3M by 2027-03-31"),
        (OBJECTIVE, "Delight customers"),
        (KEY_RESULT, "Raise NPS from 30 to 45 by 2027-03-31"),
        (OBJECTIVE, "Keep the lights on"),
        (KEY_RESULT, "Keep uptime above 99.9% through 2027-03-31"),
    ], "initiatives are not key results; Parent:/Owner: lines are not goals"
    emea, _, delight, _, lights, _ = doc.items
    assert emea.id == "emea" and emea.explicit_id
    assert delight.parent_ref == "company.md#nps" and delight.owner == "Sam"
    assert lights.parent_ref == "../company/2027-q1.md#reliability"
    assert doc.find_id("emea") is emea
    assert doc.find_id("keep-the-lights-on") is lights


def test_nested_lists_and_objectives_section() -> None:
    text = (
        "## Objectives\n"
        "- Grow revenue\n"
        "  - Raise ARR from $8M to $10M by 2027-03-31\n"
        "  - Sign 40 new customers by 2027-03-31\n"
        "    - note: focus on mid-market\n"
        "- Hire well\n"
        "  - Hire 5 engineers by 2027-03-31\n"
    )
    doc = read(text)
    assert [(i.kind, i.text) for i in doc.items] == [
        (OBJECTIVE, "Grow revenue"),
        (KEY_RESULT, "Raise ARR from $8M to $10M by 2027-03-31"),
        (KEY_RESULT, "Sign 40 new customers by 2027-03-31"),
        (OBJECTIVE, "Hire well"),
        (KEY_RESULT, "Hire 5 engineers by 2027-03-31"),
    ]


def test_markup_is_dropped_but_columns_stay_exact() -> None:
    text = "## **Objective 1:** Grow `ARR`\n- [ ] **KR:** Raise [NPS](https://x.example) to 45\n"
    doc = read(text)
    assert [i.text for i in doc.items] == ["Grow ARR", "Raise NPS to 45"]
    kr = doc.items[1]
    line = text.split("\n")[1]
    assert line[kr.start.column - 1 :].startswith("Raise")
    nps = kr.text.index("NPS")
    assert line[kr.position_at(nps).column - 1 : kr.position_at(nps).column + 2] == "NPS"
    assert_positions_exact(doc, text)


def test_wrapped_item_joins_lines() -> None:
    text = "## Objective: Grow\n- KR: Raise revenue from $2M\n  to $3M by 2027-03-31\n- KR: x y\n"
    doc = read(text)
    kr = doc.items[1]
    assert kr.text == "Raise revenue from $2M to $3M by 2027-03-31"
    to = kr.text.index("to $3M")
    assert (kr.position_at(to).line, kr.position_at(to).column) == (3, 3)
    assert kr.end.line == 3
    assert_positions_exact(doc, text)


def test_code_fences_and_comments_are_not_goals() -> None:
    text = (
        "# Notes\n\n"
        "```markdown\n## Objective: Not a goal\n- KR: not one either\n```\n\n"
        "<!--\n## Objective: Commented out\n-->\n"
        "~~~\nKR: nor this\n~~~\n"
    )
    assert read(text).items == []


def test_ordinary_markdown_has_no_goals() -> None:
    text = "# Project\n\nSome text.\n\n## Install\n\n- pip install it\n- run it\n"
    assert read(text).items == []


def test_orphan_key_result_has_no_parent() -> None:
    doc = read("# Team\n\n- KR: Sign 12 new resellers by 2027-03-31\n")
    assert [(i.kind, i.parent) for i in doc.items] == [(KEY_RESULT, None)]


def test_front_matter_errors_name_file_and_line() -> None:
    with pytest.raises(InputError, match=r"doc\.md:3: invalid YAML"):
        read("---\nperiod: 2027-Q1\nteam: [unclosed\n---\n# x\n")
    with pytest.raises(InputError, match="never ends"):
        read("---\nperiod: 2027-Q1\n# x\n")
    with pytest.raises(InputError, match="mapping"):
        read("---\n- a list\n---\n")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            whitelist_categories=("Lu", "Ll", "Nd", "Lo"), max_codepoint=0x9FFF
        )
        | st.sampled_from(" $%-,."),
        min_size=1,
        max_size=40,
    ).filter(lambda t: t.strip() and t.strip()[0].isalnum()),
    st.integers(min_value=0, max_value=4),
)
def test_positions_exact_for_any_goal_text(goal: str, indent: int) -> None:
    goal = goal.strip()
    text = f"## Objective: {goal}\n{' ' * indent}- KR: {goal}\n"
    doc = read(text)
    assert doc.items, text
    assert doc.items[-1].text == goal
    assert_positions_exact(doc, text)


# -- document rules: their examples are documents -------------------------------------

DOC_RULES: list[type[Rule]] = [r for r in load_registry() if r.scope == "document"]


def test_document_rules_exist_and_use_the_interface() -> None:
    codes = {r.code for r in DOC_RULES}
    assert {"O100", "O101", "O102", "O103", "O104", "O105"} <= codes
    assert all(issubclass(r, DocumentRule) for r in DOC_RULES)


def _doc_cases() -> list[tuple[type[Rule], str, str, str]]:
    cases = []
    for rule in DOC_RULES:
        for lang, examples in rule.examples.items():
            for kind in ("bad", "good"):
                for example in getattr(examples, kind):
                    cases.append((rule, lang, kind, example))
    return cases


@pytest.mark.parametrize(
    ("rule", "lang", "kind", "example"),
    _doc_cases(),
    ids=[f"{c[0].code}-{c[1]}-{c[2]}-{i}" for i, c in enumerate(_doc_cases())],
)
def test_document_rule_examples(rule: type[Rule], lang: str, kind: str, example: str) -> None:
    doc = read_string(example, "markdown", "example.md")
    assert doc is not None
    codes = (rule.code, "M", "S", "T") if rule.code == "O100" else (rule.code,)
    checker = Checker(Config(select=codes), reference_date=REFERENCE_DATE)
    findings = [f for f in checker.check_document(doc) if f.finding.code == rule.code]
    if kind == "bad":
        assert findings, f"{rule.code} should fire on {example!r}"
        assert all(f.finding.lang == lang for f in findings), [f.finding.message for f in findings]
        assert all("{" not in f.finding.message for f in findings)
    else:
        assert not findings, [f.finding.message for f in findings]


def test_document_context_reaches_each_goal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Period, goal type, parent text (same file and across files), owner and team."""
    import smartlint.api

    (tmp_path / ".git").mkdir()
    (tmp_path / "company").mkdir()
    (tmp_path / "company" / "2027.md").write_text(
        "---\nperiod: 2027\n---\n## Objective: Grow revenue {#grow-revenue}\n"
        "- KR: Raise ARR from $8M to $10M by 2027-12-31\n",
        encoding="utf-8",
    )
    team = tmp_path / "teams" / "sales.md"
    team.parent.mkdir()
    team.write_text(
        "---\nperiod: 2027-Q2\nteam: Sales\nowner: Dana\n"
        "parent: company/2027.md#grow-revenue\n---\n"
        "## Objective: Win EMEA\n- KR: Sign 12 resellers by 2027-06-30\n",
        encoding="utf-8",
    )
    seen: dict[str, Context] = {}
    real_lint = smartlint.api.lint

    def spy(text: str, **kwargs: Any) -> Any:
        seen[text] = kwargs["context"]
        return real_lint(text, **kwargs)

    monkeypatch.setattr(smartlint.api, "lint", spy)
    monkeypatch.chdir(tmp_path / "teams")  # resolution must not depend on the cwd
    checker = Checker(Config(select=("O",)), reference_date=REFERENCE_DATE)
    result = checker.check_file(team, "teams/sales.md")
    assert result is not None
    objective = seen["Win EMEA"]
    kr = seen["Sign 12 resellers by 2027-06-30"]
    assert objective.period == Period("2027-Q2", date(2027, 4, 1), date(2027, 6, 30))
    assert objective.goal_type == OBJECTIVE and kr.goal_type == KEY_RESULT
    assert objective.parent == "Grow revenue"
    assert objective.parent_period == Period("2027", date(2027, 1, 1), date(2027, 12, 31))
    assert kr.parent == "Win EMEA"
    assert kr.owner == "Dana" and kr.team == "Sales"
    assert kr.reference_date == REFERENCE_DATE


MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list("#-*+`~>[](){}<!:：\\ \t\n12abcKRO目标关键结果_=|")), max_size=300
)


@settings(max_examples=150, deadline=None)
@given(MARKDOWNISH)
def test_any_text_reads_or_raises_input_error(text: str) -> None:
    try:
        doc = read(text)
    except InputError:
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for item in doc.items:
        assert item.text and item.text == item.text.strip()
        assert len(item.positions) == len(item.text)
        for pos in item.positions:
            assert 1 <= pos.line <= len(lines) and pos.column >= 1
        if item.kind == KEY_RESULT and item.parent is not None:
            assert item in item.parent.children


def test_comment_opened_mid_line_hides_the_lines_it_covers() -> None:
    text = "## Objective: Grow <!-- old:\n- KR: hidden\n-->\n- KR: Sign 12 resellers\n"
    doc = read(text)
    assert [i.text for i in doc.items] == ["Grow", "Sign 12 resellers"]


POSITION_LISTS = st.lists(
    st.builds(Position, st.integers(1, 4), st.integers(1, 6)), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(POSITION_LISTS, POSITION_LISTS, st.integers(-14, 14), st.integers(-14, 14))
def test_positions_behave_like_a_list(a: list[Position], b: list[Position], i: int,
                                      j: int) -> None:
    runs = Positions.of(a)
    assert list(runs) == a and len(runs) == len(a)
    assert list(runs[i:j]) == a[i:j]
    if -len(a) <= i < len(a):
        assert runs[i] == a[i]
    assert list(runs.concat(b, a)) == a + b + a


def test_objectives_in_a_document_get_the_core_findings_as_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Objectives are qualitative by design: in a document, M101/S101 on an objective are
    hints (info), while the same words as a key result are real findings."""
    import json

    from smartlint.cli import main

    doc = tmp_path / "okrs.md"
    doc.write_text(
        "---\nperiod: 2027-Q1\n---\n# OKRs\n\n## Objective: Grow recurring revenue\n\n"
        "- KR: Grow recurring revenue\n- KR: Raise NPS from 31 to 40 by March 31, 2027\n",
        encoding="utf-8",
    )
    main(["check", str(doc), "--format", "json", "--select", "M101,S101"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_line: dict[int, set[str]] = {}
    for f in findings:
        by_line.setdefault(f["line"], set()).add(f"{f['code']}:{f['severity']}")
    assert by_line[6] == {"M101:info", "S101:info"}
    assert by_line[8] == {"M101:error", "S101:warning"}
