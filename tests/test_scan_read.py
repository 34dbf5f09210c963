"""Reading sheets: columns, encodings, delimiters, hierarchy, dates and bad input."""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_scan_support import SAMPLE, fake_fixture, write_csv, write_xlsx  # noqa: F401

from smartlint.errors import ConfigError, InputError
from smartlint.model import Period
from smartlint.scan import ScanStats, scan_rows
from smartlint.scan.columns import (
    column_index,
    column_letter,
    detect_columns,
    parse_overrides,
    resolve_columns,
)
from smartlint.scan.dates import parse_due_date, parse_period
from smartlint.scan.engine import split_label
from smartlint.scan.readers import detect_delimiter

REF = date(2027, 1, 15)


# -- columns -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Goal", "text"), (" GOAL ", "text"), ("目标", "text"), ("目标描述", "text"),
        ("Owner", "owner"), ("负责人", "owner"), ("Assignee", "owner"),
        ("Team", "team"), ("部门", "team"), ("团队", "team"),
        ("Due date", "due"), ("due_date", "due"), ("DUE-DATE", "due"), ("截止日期", "due"),
        ("Quarter", "period"), ("周期", "period"), ("Period", "period"),
        ("ID", "id"), ("编号", "id"), ("Parent", "parent"), ("上级目标", "parent"),
        ("Type", "type"), ("类型", "type"), ("截止日期（必填）", "due"),
    ],
)
def test_detects_common_headers(header: str, role: str) -> None:
    assert detect_columns(["x", header]) == {role: 1}


def test_objective_and_key_result_columns_make_the_two_column_layout() -> None:
    cmap = resolve_columns(["Objective", "Key Result", "Owner"], {}, source="s")
    assert cmap.two_column and cmap.roles["objective"] == 0 and cmap.roles["key_result"] == 1
    zh = resolve_columns(["目标", "关键结果"], {}, source="s")
    assert zh.two_column and zh.roles == {"objective": 0, "key_result": 1}


def test_a_lone_key_result_column_is_the_goal_column_of_key_results() -> None:
    cmap = resolve_columns(["Key Result", "Owner"], {}, source="s")
    assert cmap.roles["text"] == 0 and cmap.fixed_type == "key_result"


def test_overrides_by_letter_and_by_header() -> None:
    header = ["Name", "Description", "Lead", "Goal"]
    cmap = resolve_columns(header, parse_overrides(["text=B", "owner=lead"]), source="s")
    assert cmap.roles["text"] == 1 and cmap.roles["owner"] == 2
    with pytest.raises(InputError, match="--column owner=Nope"):
        resolve_columns(header, {"owner": "Nope"}, source="s")


@pytest.mark.parametrize("spec", ["text", "colour=C", "text="])
def test_bad_override_is_a_config_error(spec: str) -> None:
    with pytest.raises(ConfigError, match="ROLE=COLUMN"):
        parse_overrides([spec])


@given(st.integers(min_value=0, max_value=20000))
def test_column_letters_round_trip(index: int) -> None:
    assert column_index(column_letter(index)) == index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KR1: Raise NPS to 45", ("Raise NPS to 45", "key_result")),
        ("KR 1.2 - Cut churn to 3%", ("Cut churn to 3%", "key_result")),
        ("O1. Delight customers", ("Delight customers", "objective")),
        ("关键结果1：NPS提升到45", ("NPS提升到45", "key_result")),
        ("Objective: Win the enterprise market", ("Win the enterprise market", "objective")),
        ("OKR rollout done by May", ("OKR rollout done by May", None)),
        ("O2O orders up 10%", ("O2O orders up 10%", None)),
    ],
)
def test_split_label(text: str, expected: tuple[str, str | None]) -> None:
    assert split_label(text) == expected


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2027-06-30", "2027/6/30", "2027年6月30日", "30/06/2027", "2027-06-30 00:00:00",
     datetime(2027, 6, 30, 9, 0), date(2027, 6, 30)],
)
def test_due_dates(value: object) -> None:
    assert parse_due_date(value) == date(2027, 6, 30)


@pytest.mark.parametrize("value", ["soon", "2027-02-30", "", None, 42])
def test_not_due_dates(value: object) -> None:
    assert parse_due_date(value) is None


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2027-Q1", date(2027, 1, 1), date(2027, 3, 31)),
        ("Q3 2027", date(2027, 7, 1), date(2027, 9, 30)),
        ("2027年第二季度", date(2027, 4, 1), date(2027, 6, 30)),
        ("2027 H2", date(2027, 7, 1), date(2027, 12, 31)),
        ("2027上半年", date(2027, 1, 1), date(2027, 6, 30)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("2027-03", date(2027, 3, 1), date(2027, 3, 31)),
    ],
)
def test_periods(label: str, start: date, end: date) -> None:
    assert parse_period(label) == Period(label, start, end)


def test_fiscal_periods_follow_the_config_start_month() -> None:
    assert parse_period("FY27 Q1", 4) == Period("FY27 Q1", date(2026, 4, 1), date(2026, 6, 30))
    assert parse_period("Q3", 1) == Period("Q3")  # no year: label only


# -- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings(tmp_path: Path, fake: list, encoding: str) -> None:
    path = write_csv(tmp_path / "g.csv", SAMPLE, encoding=encoding)
    results = list(scan_rows(path, reference_date=REF))
    texts = [r.text for r in results]
    assert "提升客户满意度" in texts and "Improve onboarding" in texts
    assert [r.owner for r in results if r.text == "提升客户满意度"] == ["张三"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters(tmp_path: Path, fake: list, delimiter: str) -> None:
    rows = [["Goal", "Owner"], ["Cut churn, returns; and waits to 3% by June", "Ann"]]
    path = write_csv(tmp_path / "g.csv", rows, delimiter=delimiter)
    [result] = scan_rows(path)
    assert result.text == rows[1][0] and result.owner == "Ann"


def test_delimiter_fallback_counts_the_first_line() -> None:
    assert detect_delimiter("Goal;Owner;Team\n") == ";"
    assert detect_delimiter("Goal\n") == ","


def test_rows_with_empty_goal_are_skipped_and_counted(tmp_path: Path, fake: list) -> None:
    stats = ScanStats()
    results = list(scan_rows(write_csv(tmp_path / "g.csv", SAMPLE), stats=stats))
    assert stats.skipped_empty == 1 and stats.goals == len(results) == 5
    assert stats.rows == len(SAMPLE) - 1


def test_header_may_follow_a_title_row(tmp_path: Path, fake: list) -> None:
    rows = [["Q1 goals export"], [], ["Goal", "Owner"], ["Cut churn to 3% by June", "Ann"]]
    stats = ScanStats()
    [r] = scan_rows(write_csv(tmp_path / "g.csv", rows), stats=stats)
    assert stats.header_row == 3 and r.row == 4


# -- hierarchy and context -----------------------------------------------------------------


def test_objective_rows_followed_by_key_results(fake: list) -> None:
    results = list(scan_rows(SAMPLE, reference_date=REF))
    by_text = {r.text: r for r in results}
    kr = by_text["Raise NPS from 30 to 45"]
    assert kr.goal_type == "key_result" and kr.parent == "Improve customer happiness"
    # A key result without owner/team takes its objective's.
    assert (kr.owner, kr.team) == ("Ann Lee", "Sales")
    assert by_text["Improve onboarding"].owner == "Bo Chen"
    zh = by_text["客户满意度从80%提升到90%"]
    assert zh.parent == "提升客户满意度" and zh.goal_type == "key_result"
    contexts = {text: ctx for text, _, ctx in fake}
    assert contexts["Raise NPS from 30 to 45"].due_date == date(2027, 3, 31)
    assert contexts["Raise NPS from 30 to 45"].parent_period == Period(
        "2027-Q1", date(2027, 1, 1), date(2027, 3, 31)
    )
    assert contexts["客户满意度从80%提升到90%"].due_date == date(2027, 6, 30)
    assert contexts["Improve customer happiness"].reference_date == REF


def test_explicit_id_and_parent_columns(fake: list) -> None:
    rows = [
        ["ID", "Parent", "Goal"],
        ["O-1", None, "Grow revenue in APAC"],
        ["O-2", None, "Make support faster"],
        ["KR-1", "O-2", "Cut first response time to 2 hours"],
        ["KR-2", "O-1", "Sign 12 new APAC customers"],
        ["KR-3", "Win the SMB market", "Close 40 SMB deals"],
    ]
    by_text = {r.text: r for r in scan_rows(rows)}
    assert by_text["Cut first response time to 2 hours"].parent == "Make support faster"
    assert by_text["Sign 12 new APAC customers"].parent == "Grow revenue in APAC"
    assert by_text["Close 40 SMB deals"].parent == "Win the SMB market"
    assert by_text["Grow revenue in APAC"].parent is None
    assert by_text["Close 40 SMB deals"].goal_type == "key_result"


def test_two_column_layout_lints_each_objective_once(fake: list) -> None:
    rows = [
        ["Objective", "Key Result", "Owner"],
        ["Delight customers", "Raise NPS to 45 by June", "Ann"],
        ["Delight customers", "Cut churn to 3% by June", "Ann"],
        [None, "Answer tickets within 2 hours by March", "Bo"],
        ["O2: Grow revenue", None, "Cy"],
    ]
    results = list(scan_rows(rows))
    assert [(r.row, r.goal_type) for r in results] == [
        (2, "objective"), (2, "key_result"), (3, "key_result"), (4, "key_result"),
        (5, "objective"),
    ]
    assert {r.parent for r in results if r.goal_type == "key_result"} == {"Delight customers"}
    assert results[-1].text == "Grow revenue"


def test_mapping_rows_and_lang_override(fake: list) -> None:
    rows = [{"Goal": "提升客户满意度", "Owner": "张三"}]
    [r] = scan_rows(rows, lang="zh")
    assert r.owner == "张三" and fake[0][1] == "zh"


# -- XLSX ----------------------------------------------------------------------------------


def test_xlsx_first_sheet_with_a_goal_column_and_dates(tmp_path: Path, fake: list) -> None:
    rows = [r[:] for r in SAMPLE]
    rows[2][4] = datetime(2027, 3, 31)
    path = write_xlsx(tmp_path / "g.xlsx", {"Read me": [["How to fill this in"]], "OKRs": rows})
    stats = ScanStats()
    results = list(scan_rows(path, stats=stats))
    assert stats.sheet == "OKRs" and len(results) == 5
    ctx = {text: c for text, _, c in fake}
    assert ctx["Raise NPS from 30 to 45"].due_date == date(2027, 3, 31)


def test_xlsx_sheet_by_name_and_unknown_sheet(tmp_path: Path, fake: list) -> None:
    path = write_xlsx(
        tmp_path / "g.xlsx",
        {"A": [["Goal"], ["Cut churn to 3% by June"]], "B": [["Goal"], ["Sign 5 deals by May"]]},
    )
    assert [r.text for r in scan_rows(path, sheet="b")] == ["Sign 5 deals by May"]
    with pytest.raises(InputError, match=r"no sheet named 'C'.*'A', 'B'") as err:
        list(scan_rows(path, sheet="C"))
    assert str(path) in str(err.value)


# -- bad input -----------------------------------------------------------------------------


def _error(path: Path, **kw: object) -> str:
    with pytest.raises(InputError) as err:
        list(scan_rows(path, **kw))  # type: ignore[arg-type]
    message = str(err.value)
    assert str(path) in message  # every message names the file
    return message


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    assert "damaged" in _error(path)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert "not an Excel workbook" in _error(path)


def test_encrypted_workbook_is_an_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "password-protected" in _error(path)


def test_zip_bomb_is_refused_from_its_declared_sizes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        # 60 MB of zeros deflates to ~60 KB: a ratio far above the limit.
        zf.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    assert "zip bomb" in _error(path)


def test_empty_sheet_and_empty_csv(tmp_path: Path) -> None:
    assert "empty" in _error(write_xlsx(tmp_path / "e.xlsx", {"S": []}))
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert "empty" in _error(empty)


def test_no_goal_column_names_what_it_saw(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", [["Name", "Email"], ["Ann", "a@x"]])
    message = _error(path)
    assert "no goal column" in message and "'Name'" in message and "--column text=" in message


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"Goal\n\xff\xfe\xfa broken\n")
    assert "UTF-8" in _error(path)


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"Goal\x00\x01\x02")
    assert "binary" in _error(path)


def test_sheet_option_on_a_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", [["Goal"], ["Cut churn"]])
    assert "CSV" in _error(path, sheet="Goals")


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in _error(tmp_path / "nope.csv")


# -- streaming -------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_scan_rows_streams_from_an_endless_source(fake: list, jobs: int) -> None:
    pulled = 0

    def endless() -> Iterator[list[str]]:
        nonlocal pulled
        yield ["Goal", "Owner"]
        while True:
            pulled += 1
            yield [f"Cut wait {pulled} to 2 min by June", "Ann"]

    results = scan_rows(endless(), jobs=jobs)
    first = list(itertools.islice(results, 10))
    assert [r.row for r in first] == list(range(2, 12))
    # Only a bounded read-ahead: one batch in this process, 2 x jobs batches with a pool.
    assert pulled <= (64 if jobs == 1 else 256 * (2 * jobs + 1))
    results.close()  # stops the workers


def test_header_with_a_letter_override_skips_the_title_row(fake: list) -> None:
    rows = [["Q1 goals"], ["Name", "Lead", "Description"], ["x", "Ann", "Cut churn to 3% by June"]]
    stats = ScanStats()
    [r] = scan_rows(rows, columns={"text": "C", "owner": "Lead"}, stats=stats)
    assert stats.header_row == 2 and r.text == "Cut churn to 3% by June" and r.owner == "Ann"


def test_objectives_in_a_sheet_get_the_core_findings_as_info(tmp_path: Path) -> None:
    from smartlint.config import Config
    from smartlint.scan import GoalResult, scan_file

    sheet = write_csv(tmp_path / "okrs.csv", [
        ["Type", "Goal", "Quarter"],
        ["Objective", "Grow recurring revenue", "2027-Q1"],
        ["Key result", "Grow recurring revenue", "2027-Q1"],
    ])
    seen: list[GoalResult] = []
    scan_file(str(sheet), config=Config(select=("M101", "S101")), on_result=seen.append)
    severities = [{f.code: f.severity.value for f in r.findings} for r in seen]
    assert severities == [{"M101": "info", "S101": "info"},
                          {"M101": "error", "S101": "warning"}]
