"""`smartlint scan` on the command line: outputs, formats, exit codes, jobs, progress."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_scan_support import SAMPLE, fake_fixture, write_csv, write_xlsx  # noqa: F401

from smartlint.cli import main
from smartlint.scan.progress import Progress

ROOT = Path(__file__).resolve().parent.parent


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["scan", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_summary_and_outputs(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_xlsx(tmp_path / "goals.xlsx", {"OKRs": SAMPLE})
    out, report = tmp_path / "checked.xlsx", tmp_path / "report.html"
    code, stdout, stderr = _run(capsys, str(src), "--out", str(out), "--report", str(report),
                                "--today", "2027-01-15")
    assert code == 1  # the fake finds an error (T101) in some goals
    assert "5 goal(s) checked" in stdout and "1 row(s) with an empty goal skipped" in stdout
    assert f"wrote {out}" in stdout and f"wrote {report}" in stdout
    assert stderr == ""  # no progress bar when stderr is not a terminal
    assert load_workbook(out).active.max_row == len(SAMPLE)
    assert fake[0][2].reference_date.isoformat() == "2027-01-15"


def test_clean_sheet_exits_0(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_csv(tmp_path / "g.csv", [["Goal"], ["Cut churn to 3% by 2027-06-30"]])
    assert _run(capsys, str(src))[0] == 0


def test_json_summary(tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    _, stdout, _ = _run(capsys, str(src), "--format", "json")
    doc = json.loads(stdout)
    assert doc["goals"] == 5 and doc["skipped_empty"] == 1 and doc["rows"] == 6
    assert doc["columns"]["text"] == 1 and doc["columns"]["owner"] == 2
    assert set(doc["pass_rate"]) == {"S", "M", "A", "R", "T"}
    assert doc["teams"]["销售部"]["goals"] == 2
    assert doc["findings"]["error"] + doc["findings"]["warning"] == sum(doc["codes"].values())


def test_jsonl_and_csv_one_record_per_goal(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_csv(tmp_path / "g.csv", SAMPLE)
    _, stdout, _ = _run(capsys, str(src), "--format", "jsonl")
    records = [json.loads(line) for line in stdout.splitlines()]
    assert [r["row"] for r in records] == [2, 3, 4, 6, 7]
    assert records[1]["parent"] == "Improve customer happiness"
    _, stdout, _ = _run(capsys, str(src), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert [int(r["row"]) for r in rows] == [2, 3, 4, 6, 7]
    assert rows[0]["goal"] == "Improve customer happiness" and rows[0]["owner"] == "Ann Lee"


def test_jobs_2_gives_the_same_results_as_jobs_1(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Goal", "Owner"]] + [
        [f"Improve step {i}" if i % 3 else f"Cut wait {i} to 2 min by June", f"o{i % 7}"]
        for i in range(700)
    ]
    src = write_csv(tmp_path / "g.csv", rows)
    _, one, _ = _run(capsys, str(src), "--format", "jsonl", "--jobs", "1")
    _, two, _ = _run(capsys, str(src), "--format", "jsonl", "--jobs", "2")
    assert one == two and len(one.splitlines()) == 700


@pytest.mark.parametrize(
    ("name", "make", "args", "needle"),
    [
        ("in.xlsx", lambda p: p.write_bytes(b"PK\x03\x04junk"), [], "damaged"),
        ("in.xlsx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
         [], "password-protected"),
        ("in.csv", lambda p: write_csv(p, [["Name"], ["Ann"]]), [], "no goal column"),
        ("in.xlsx", lambda p: write_xlsx(p, {"A": [["Goal"], ["x"]]}), ["--sheet", "Nope"],
         "no sheet named"),
        ("in.csv", lambda p: write_csv(p, []), [], "empty"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path,
    fake: list,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make: Callable[[Path], object],
    args: list[str],
    needle: str,
) -> None:
    src = tmp_path / name
    make(src)
    out = tmp_path / "out.xlsx"
    code, _, stderr = _run(capsys, str(src), "--out", str(out), *args)
    assert code == 2 and needle in stderr and str(src) in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_bad_column_option_exits_2(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_csv(tmp_path / "g.csv", [["Goal"], ["x"]])
    code, _, stderr = _run(capsys, str(src), "--column", "colour=C")
    assert code == 2 and "ROLE=COLUMN" in stderr and "Traceback" not in stderr


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(stream)
        bar.update(10, 0.5, force=True)
        bar.close()
    assert "50%" in tty.getvalue() and "10 rows" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_real_rules_end_to_end(tmp_path: Path) -> None:
    """With the real rules: a clearly bad goal scores lower than a clearly good one."""
    src = write_csv(
        tmp_path / "g.csv",
        [["Goal", "Owner"], ["Improve things", "Ann"],
         ["Raise NPS from 30 to 45 by 2027-06-30", "Bo"]],
    )
    proc = subprocess.run(
        [sys.executable, "-m", "smartlint", "scan", str(src), "--format", "jsonl",
         "--today", "2027-01-15"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert len(proc.stdout.splitlines()) == 2, proc.stderr
    bad, good = (json.loads(line) for line in proc.stdout.splitlines())
    assert bad["codes"] and bad["score"] < good["score"]


def test_example_files_are_reproducible_and_scan(
    tmp_path: Path, fake: list, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_example_workbook as mk
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    mk.write_csv(tmp_path / "goals.csv")
    assert (tmp_path / "goals.csv").read_bytes() == (ROOT / "examples" / "goals.csv").read_bytes()
    for name in ("goals.csv", "goals.xlsx"):
        _, stdout, _ = _run(capsys, str(ROOT / "examples" / name), "--format", "json")
        doc = json.loads(stdout)
        assert doc["goals"] == 25 and doc["skipped_empty"] == 1
        assert doc["sheet"] == ("OKRs" if name.endswith("xlsx") else None)
        assert {"Enterprise Sales", "华东销售部"} <= set(doc["teams"])


def test_text_summary_is_chinese_for_a_chinese_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_csv(tmp_path / "g.csv", [["目标"], ["提升客户满意度"], [""],
                                         ["本季度末前将客户流失率从5%降至3%"]])
    code, stdout, _ = _run(capsys, str(src), "--today", "2027-01-15")
    assert code == 1  # "提升客户满意度" has no target: M101, an error
    assert "检查了2个目标，跳过1行空目标" in stdout
    assert "1个需要改进，1个无需修改" in stdout and "通过率：" in stdout
    assert "goal(s) checked" not in stdout
    # a sheet with an English goal in it keeps the English summary
    mixed = write_csv(tmp_path / "m.csv", [["Goal"], ["提升客户满意度"], ["Improve onboarding"]])
    assert "2 goal(s) checked" in _run(capsys, str(mixed), "--today", "2027-01-15")[1]
