"""`smartlint rules`, `smartlint explain`, `smartlint parse`."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from conftest import ROOT

import smartlint
from smartlint.cli import main
from smartlint.registry import load_registry


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_table_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["CODE", "NAME", "DIMENSION", "SEVERITY", "LANGS"]
    registry = load_registry()
    assert len(lines) == 1 + len(registry)
    row = next(line for line in lines if line.startswith("A104 "))
    assert "absolute-target" in row and "achievable" in row and "info" in row and "en,zh" in row


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)["rules"]
    by_code = {r["code"]: r for r in rows}
    assert set(by_code) == set(load_registry().codes())
    t102 = by_code["T102"]
    assert t102["name"] == "vague-time" and t102["dimension"] == "time_bound"
    assert t102["severity"] == "warning" and t102["languages"] == ["en", "zh"]
    assert t102["summary"].startswith("A time word that sounds like a deadline")


@pytest.mark.parametrize("key", ["T102", "t102", "vague-time"])
def test_explain_prints_the_generated_doc(capsys: pytest.CaptureFixture[str], key: str) -> None:
    code, out, _ = run(capsys, "explain", key)
    assert code == 0
    assert out == (ROOT / "docs" / "rules" / "T102.md").read_text("utf-8")


def test_explain_unknown_rule_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "vague-tim")
    assert code == 2 and out == ""
    assert "no rule" in err and "vague-time" in err and "Traceback" not in err


def test_parse_json_is_the_parsed_goal(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Reduce customer churn from 5% to 3% by June 30, 2027"
    code, out, _ = run(capsys, "parse", text, "--today", "2027-01-15", "--format", "json")
    assert code == 0
    expected = smartlint.parse(text, reference_date=date(2027, 1, 15)).to_dict()
    assert json.loads(out) == expected


def test_parse_text_shows_what_the_pipeline_saw(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "Reduce customer churn from 5% to 3% by June 30, 2027",
                       "--today", "2027-01-15", "--lang", "en")
    assert code == 0
    assert "language:     en" in out and "today:        2027-01-15" in out
    assert "baseline:     5%" in out and "target:       3%" in out
    assert "by June 30, 2027  [deadline, bounding, 2027-06-30]" in out


def test_parse_reads_stdin(capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("将收入提高10%\n"))
    code, out, _ = run(capsys, "parse", "-", "--format", "json", "--today", "2027-01-15")
    assert code == 0
    data = json.loads(out)
    assert data["lang"] == "zh" and data["text"] == "将收入提高10%"


def test_parse_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "Grow revenue", "--today", "tomorrow"])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
