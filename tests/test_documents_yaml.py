"""The YAML reader: schema, positions, hostile input."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.documents import KEY_RESULT, OBJECTIVE, GoalDocument
from smartlint.documents._yaml import MAX_ALIASES
from smartlint.documents.period import parse_period
from smartlint.documents.yamldoc import read_yaml
from smartlint.errors import InputError
from smartlint.model import Period

DOC = """\
period: 2027-Q1
team: Sales
owner: Dana
parent: company/2027-q1.md#grow-revenue
objectives:
  - objective: Grow revenue in EMEA
    id: emea
    parent: company/2027-q1.md#international
    owner: Sam
    key_results:
      - Raise EMEA revenue from $2M to $3M by 2027-03-31
      - "Sign 12 new resellers by 2027-03-31"
      - text: 'Hire 3 account executives by 2027-02-28'
        id: hires
        owner: Ana
  - title: 提升客户满意度
    key_results: ["2027年3月31日前将NPS从30提高到45"]
"""


def read(text: str) -> GoalDocument:
    doc = read_yaml(text, "goals.yaml")
    assert doc is not None
    return doc


def char_at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1]


def test_schema_items_and_hierarchy() -> None:
    doc = read(DOC)
    assert doc.meta["period"] == "2027-Q1" and doc.team == "Sales" and doc.owner == "Dana"
    assert doc.parent_ref == "company/2027-q1.md#grow-revenue"
    assert doc.meta_lines["parent"] == 4
    assert [(i.kind, i.text) for i in doc.items] == [
        (OBJECTIVE, "Grow revenue in EMEA"),
        (KEY_RESULT, "Raise EMEA revenue from $2M to $3M by 2027-03-31"),
        (KEY_RESULT, "Sign 12 new resellers by 2027-03-31"),
        (KEY_RESULT, "Hire 3 account executives by 2027-02-28"),
        (OBJECTIVE, "提升客户满意度"),
        (KEY_RESULT, "2027年3月31日前将NPS从30提高到45"),
    ]
    emea, kr1, _, hires, zh, zh_kr = doc.items
    assert emea.id == "emea" and emea.explicit_id and emea.owner == "Sam"
    assert emea.parent_ref == "company/2027-q1.md#international"
    assert emea.parent_ref_position is not None and emea.parent_ref_position.line == 8
    assert kr1.parent is emea and hires.parent is emea and zh_kr.parent is zh
    assert hires.id == "hires" and hires.owner == "Ana"
    assert doc.find_id("hires") is hires


def test_positions_are_exact_for_plain_and_quoted_scalars() -> None:
    doc = read(DOC)
    for item in doc.items:
        for i, ch in enumerate(item.text):
            pos = item.position_at(i)
            assert char_at(DOC, pos.line, pos.column) == ch, (item.text, i, pos)
        assert item.end.column == item.positions[-1].column + 1


def test_block_scalar_positions_follow_the_source_lines() -> None:
    text = "objectives:\n  - objective: Grow\n    key_results:\n      - text: >\n" \
           "          Raise revenue from $2M\n          to $3M by 2027-03-31\n"
    doc = read(text)
    kr = doc.items[1]
    assert kr.text == "Raise revenue from $2M to $3M by 2027-03-31"
    assert (kr.start.line, kr.start.column) == (5, 11)
    to = kr.position_at(kr.text.index("to $3M"))
    assert (to.line, to.column) == (6, 11)
    assert 4 in kr.lines  # a directive above "- text: >" covers the goal


def test_yaml_that_is_not_a_goal_document_is_skipped() -> None:
    assert read_yaml("name: CI\non: [push]\njobs: {}\n", "ci.yml") is None
    assert read_yaml("- a\n- b\n", "list.yaml") is None
    assert read_yaml("", "empty.yaml") is None


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("objectives:\n  - objective: Grow\n    key_result: [x]\n", "unknown key 'key_result'", 3),
        ("objectives:\n  - id: x\n", "needs its text", 2),
        ("objectives: 3\n", "must be a list", 1),
        ("objectives:\n  - objective: Grow\n    key_results:\n      - [a, b]\n",
         "key result must be text", 4),
        ("objectivs: []\nobjectives: []\n", "unknown top-level key 'objectivs'", 1),
        ("objectives:\n  - objective: [a\n", "invalid YAML", 3),
    ],
)
def test_schema_errors_name_the_line(text: str, message: str, line: int) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_yaml(text, "goals.yaml")
    assert info.value.path == "goals.yaml"
    assert info.value.line == line


def billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        text += f"{names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * 9) + "]\n"
    return text + f"objectives: *{names[levels - 1]}\n"


def test_alias_bomb_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match="aliases") as info:
        read_yaml(billion_laughs(), "bomb.yaml")
    assert time.perf_counter() - start < 2.0
    assert info.value.path == "bomb.yaml"


def test_a_few_aliases_are_fine() -> None:
    text = "owner: &o Dana\nobjectives:\n  - objective: Grow\n    owner: *o\n" \
           "    key_results: [Sign 12 resellers by 2027-03-31]\n"
    assert read(text).items[0].owner == "Dana"
    many = "x: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(MAX_ALIASES + 1))
    with pytest.raises(InputError, match="aliases"):
        read_yaml(many + "objectives: []\n", "many.yaml")


def test_suppression_comments_same_line_and_line_above() -> None:
    text = (
        "objectives:\n"
        "  - objective: Grow\n"
        "    key_results:\n"
        "      - Raise revenue  # smartlint: disable=M101, T101\n"
        "      # smartlint: disable\n"
        "      - Improve things\n"
    )
    doc = read(text)
    same, above = doc.suppressions
    assert same.codes == {"M101", "T101"} and (same.first_line, same.last_line) == (4, 4)
    assert above.codes == frozenset() and (above.first_line, above.last_line) == (6, 6)
    assert doc.items[1].text == "Raise revenue"  # the comment is not part of the goal


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2027-Q1", date(2027, 1, 1), date(2027, 3, 31)),
        ("Q3 2027", date(2027, 7, 1), date(2027, 9, 30)),
        ("2027-H2", date(2027, 7, 1), date(2027, 12, 31)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("2027-02", date(2027, 2, 1), date(2027, 2, 28)),
        ("2027年第二季度", date(2027, 4, 1), date(2027, 6, 30)),
        ("2027年上半年", date(2027, 1, 1), date(2027, 6, 30)),
        ({"start": date(2027, 1, 10), "end": "2027-04-09"}, date(2027, 1, 10), date(2027, 4, 9)),
    ],
)
def test_period_values(value: object, start: date, end: date) -> None:
    period = parse_period(value)
    assert (period.start, period.end) == (start, end)


def test_fiscal_periods_follow_the_fiscal_year_start() -> None:
    assert parse_period("FY2027", fiscal_year_start=4) == Period(
        "FY2027", date(2026, 4, 1), date(2027, 3, 31)
    )
    assert parse_period("FY2027 Q2", fiscal_year_start=4).start == date(2026, 7, 1)
    assert parse_period("someday") == Period("someday")
    with pytest.raises(InputError, match="ends"):
        parse_period({"start": "2027-05-01", "end": "2027-04-01"}, path="g.yaml", line=1)


YAMLISH = st.text(
    alphabet=st.sampled_from(list("objectives:key_rsxt -[]{}&*!|>'\"#\n\t12目标")), max_size=200
)


@settings(max_examples=150, deadline=None)
@given(YAMLISH)
def test_any_text_reads_skips_or_raises_input_error(text: str) -> None:
    try:
        doc = read_yaml("objectives:\n" + text, "fuzz.yaml")
    except InputError as exc:
        assert exc.path == "fuzz.yaml"
        return
    if doc is not None:
        for item in doc.items:
            assert len(item.positions) == len(item.text)
