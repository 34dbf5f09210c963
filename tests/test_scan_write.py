"""The annotated copy: added columns, highlighting, formula neutralising, atomic writes."""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_scan_support import SAMPLE, fake_fixture, write_csv, write_xlsx  # noqa: F401

from smartlint.errors import InputError
from smartlint.scan import scan_file
from smartlint.scan.writers import ADDED_HEADERS, csv_value, neutralise

DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil")']


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@given(st.text())
def test_neutralised_values_never_start_a_formula(value: str) -> None:
    out = neutralise(value)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out in (value, "'" + value)  # nothing else changes


def test_numbers_stay_numbers_but_text_is_neutralised() -> None:
    assert neutralise(-5) == -5
    assert csv_value(-5.0) == "-5"  # a real number cell cannot be a formula
    assert csv_value("-5") == "'-5"  # text can: CSV keeps no types
    assert csv_value(None) == ""


def test_annotated_xlsx_has_added_columns_and_fills(tmp_path: Path, fake: list) -> None:
    src = write_xlsx(tmp_path / "goals.xlsx", {"OKRs": SAMPLE})
    before = _digest(src)
    out = tmp_path / "checked.xlsx"
    outcome = scan_file(str(src), out=str(out))
    assert _digest(src) == before  # the input is never modified
    assert outcome.written == [str(out)]
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    width = len(SAMPLE[0])
    assert rows[0][width:] == ADDED_HEADERS["en"]
    assert rows[0][:width] == tuple(SAMPLE[0])
    by_goal = {r[1]: r for r in rows[1:] if r[1]}
    vague = by_goal["Improve customer happiness"]
    assert vague[width] < 100 and "S101" in vague[width + 1]
    assert "S101 problem here" in vague[width + 2]
    assert vague[width + 3] == "REWRITE(Improve customer happiness)"
    assert by_goal["Raise NPS from 30 to 45"][width:] == (100, None, None, None)
    # Rows with findings are highlighted; the goal cell too.
    goal_cell = ws.cell(row=2, column=2)
    assert goal_cell.fill.fgColor.rgb.endswith("FFEB9C") or goal_cell.fill.fgColor.rgb.endswith(
        "FFC7CE"
    )
    clean_goal = ws.cell(row=3, column=2)
    assert clean_goal.fill.fill_type is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".smartlint-")] == []


def test_annotated_csv_from_csv_keeps_delimiter_and_bom(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "goals.csv", SAMPLE, encoding="gbk", delimiter=";")
    out = tmp_path / "checked.csv"
    scan_file(str(src), out=str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the Chinese right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][-4:] == list(ADDED_HEADERS["en"])
    zh = next(r for r in rows if r[1] == "提升客户满意度")
    assert "这里有问题" in zh[-2]  # messages in the row's language
    assert len(rows) == len(SAMPLE)


def test_chinese_headers_get_chinese_added_columns(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", [["目标", "负责人"], ["提升客户满意度", "张三"]])
    out = tmp_path / "o.xlsx"
    scan_file(str(src), out=str(out))
    header = next(load_workbook(out).active.iter_rows(values_only=True))
    assert header[2:] == ADDED_HEADERS["zh"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_injection_is_neutralised_everywhere(
    tmp_path: Path, fake: list, suffix: str
) -> None:
    rows = [["Goal", "Owner", "Note"]] + [[f"Improve {d}", d, d] for d in DANGEROUS]
    rows += [[d, "x", "y"] for d in DANGEROUS]
    src = write_csv(tmp_path / "g.csv", rows)
    out = tmp_path / f"o{suffix}"
    scan_file(str(src), out=str(out))
    if suffix == ".csv":
        cells = [c for row in csv.reader(out.read_text("utf-8-sig").splitlines()) for c in row]
    else:
        wb = load_workbook(out)
        ws = wb.active
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
        cells = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert cells
    for c in cells:
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r")), c


def test_refuses_to_write_over_the_input(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    before = _digest(src)
    for out, report in ((src, None), (None, src), (tmp_path / "x.xlsx", tmp_path / "x.xlsx")):
        with pytest.raises(InputError, match="refusing to write over"):
            scan_file(str(src), out=out and str(out), report=report and str(report))
    same_via_dots = tmp_path / "." / "g.csv"
    with pytest.raises(InputError):
        scan_file(str(src), out=str(same_via_dots))
    assert _digest(src) == before


def test_an_error_mid_file_writes_nothing(tmp_path: Path, fake: list) -> None:
    # Valid UTF-8 for the first 64 KB (the sample), then a byte no UTF-8 text has.
    head = "Goal\n" + "Cut churn to 3% by June\n" * 4000
    src = tmp_path / "g.csv"
    src.write_bytes(head.encode() + b"Improve \xff\xfe\n")
    out, report = tmp_path / "o.xlsx", tmp_path / "r.html"
    out.write_bytes(b"old")
    with pytest.raises(InputError, match="not valid utf-8"):
        scan_file(str(src), out=str(out), report=str(report))
    assert out.read_bytes() == b"old"  # the previous output is untouched
    assert not report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "o.xlsx"]


def test_stray_cells_beyond_the_header_keep_added_columns_aligned(
    tmp_path: Path, fake: list
) -> None:
    src = write_csv(tmp_path / "g.csv", [["Goal", "Owner"], ["Improve it", "Ann", "stray"]])
    out = tmp_path / "o.csv"
    scan_file(str(src), out=str(out))
    header, row = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert header[2] == "SMART score" and row[2].isdigit() and row[-1] == "stray"


def test_output_folder_must_exist(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    with pytest.raises(InputError, match="folder"):
        scan_file(str(src), out=str(tmp_path / "nope" / "o.csv"))
    assert os.listdir(tmp_path) == ["g.csv"]


# -- the streaming XLSX writer ---------------------------------------------------------------


def test_streaming_xlsx_round_trips_types_through_openpyxl(tmp_path: Path) -> None:
    from datetime import date, datetime

    from smartlint.scan.xlsx_out import MAX_CELL_CHARS, Cell, StreamingXlsx

    path = tmp_path / "t.xlsx"
    long_text = "x" * (MAX_CELL_CHARS + 10)
    with StreamingXlsx(str(path), "Goals: Q1/Q2 [draft]", widths={0: 30}, freeze_rows=1) as book:
        book.append(["Text", Cell("Bold", "bold"), None, "Number"])
        book.append(["a < b & \"c\"\x00\x07", True, date(2027, 6, 30), 4.5])
        book.append([datetime(2027, 6, 30, 9, 30), Cell("filled", "wrap", "FFC7CE"), -3, long_text])
    wb = load_workbook(path)
    ws = wb.active
    assert ws.title == "Goals_ Q1_Q2 _draft_"  # no characters Excel forbids in a title
    assert ws.freeze_panes == "A2"
    assert ws["B1"].font.b is True
    assert ws["A2"].value == 'a < b & "c"\ufffd\ufffd'  # control characters XML cannot hold
    assert ws["B2"].value is True and ws["D2"].value == 4.5 and ws["C3"].value == -3
    assert ws["C2"].value == datetime(2027, 6, 30) and ws["C2"].number_format == "yyyy-mm-dd"
    assert ws["A3"].value == datetime(2027, 6, 30, 9, 30)
    assert ws["B3"].fill.fgColor.rgb == "FFFFC7CE" and ws["B3"].alignment.wrap_text
    assert len(ws["D3"].value) == MAX_CELL_CHARS
    assert ws["C1"].value is None


def test_rows_above_the_header_are_kept(tmp_path: Path, fake: list) -> None:
    rows = [["Q1 goals export"], [], ["Goal", "Owner"], ["Improve it", "Ann"]]
    src = write_csv(tmp_path / "g.csv", rows)
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"o{suffix}"
        scan_file(str(src), out=str(out))
        if suffix == ".xlsx":
            ws = load_workbook(out).active
            got = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
            assert ws.freeze_panes == "A4"  # below the header row
        else:
            got = [[c for c in r if c] for r in csv.reader(out.read_text("utf-8-sig").splitlines())]
        assert got[0] == ["Q1 goals export"] and got[1] == []
        assert got[2][:3] == ["Goal", "Owner", "SMART score"]
        assert got[3][:2] == ["Improve it", "Ann"]


def test_unknown_output_format_is_refused_before_reading(tmp_path: Path, fake: list) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    with pytest.raises(InputError, match=r"name the annotated copy \.xlsx or \.csv"):
        scan_file(str(src), out=str(tmp_path / "o.pdf"))
    assert fake == [] and sorted(p.name for p in tmp_path.iterdir()) == ["g.csv"]
