"""`smartlint check` end to end (in-process): inputs, options, exit codes, bad input.

Goal-rule findings are asserted only on goals that are clearly bad ("Improve things") or
clearly good ("Raise NPS from 30 to 45 by 2027-06-30"); structure is tested with the
document rules, whose behaviour is fixed.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from smartlint.cli import main

BAD = "Improve things"
GOOD = "Raise NPS from 30 to 45 by 2027-06-30"
TODAY = ["--today", "2027-01-15"]
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) ", re.M)
JSON_SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text("utf-8"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(out: str) -> list[tuple[str, int, int, str]]:
    return [(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in LINE.finditer(out)]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that looks like a repository (has .git), as the working directory."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- goals as arguments and on stdin ----------------------------------------------------


def test_bad_goal_argument_fails_with_located_finding(capsys, repo) -> None:
    code, out, _ = run(capsys, "--goal", BAD)
    assert code == 1
    found = findings(out)
    assert found and all(f[0] == "<goal>" and f[1] == 1 for f in found)
    assert "M101" in {f[3] for f in found}
    assert "    suggestion: " in out
    assert out.rstrip().splitlines()[-1].startswith("Found ")


def test_good_goal_argument_passes(capsys, repo) -> None:
    code, out, _ = run(capsys, "--goal", GOOD)
    assert code == 0, out
    assert out.strip() == "No problems in 1 goal (1 file)."


def test_several_goals_are_numbered_by_position(capsys, repo) -> None:
    _, out, _ = run(capsys, "-g", GOOD, "-g", f"  {BAD}")
    found = findings(out)
    assert found and all(f[0] == "<goal>" and f[1] == 2 and f[2] >= 3 for f in found)


def test_stdin_dash_reads_one_goal_a_line(capsys, repo, monkeypatch) -> None:
    data = f"# comment\n\n{GOOD}\n{BAD}\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert {f[:2] for f in findings(out)} == {("<stdin>", 4)}


def test_no_input_is_a_usage_error(capsys, repo, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    code, _, err = run(capsys)
    assert code == 2 and "nothing to check" in err


# -- files and folders ----------------------------------------------------------------


def test_text_file_lines_and_columns(capsys, repo) -> None:
    write(repo / "goals.txt", f"# Q1\n\n{GOOD}\n   {BAD}\n")
    code, out, _ = run(capsys, "goals.txt")
    assert code == 1
    assert {(p, line) for p, line, _, _ in findings(out)} == {("goals.txt", 4)}
    assert all(col >= 4 for _, _, col, _ in findings(out))


def test_markdown_structure_findings_point_at_the_objective(capsys, repo) -> None:
    write(repo / "okrs.md", "## Objective: Grow revenue\n- KR: " + GOOD + "\n")
    code, out, _ = run(capsys, "--select", "O", "okrs.md")
    assert findings(out) == [("okrs.md", 1, 15, "O101")]
    assert code == 0  # O101 is a warning; the default failing level is error
    code, _, _ = run(capsys, "--select", "O", "--fail-on", "warning", "okrs.md")
    assert code == 1
    code, _, _ = run(capsys, "--select", "O", "--fail-on", "warning", "--exit-zero", "okrs.md")
    assert code == 0


def test_select_and_ignore(capsys, repo) -> None:
    code, out, _ = run(capsys, "-g", BAD, "--select", "M101")
    assert {f[3] for f in findings(out)} == {"M101"}
    code, out, _ = run(capsys, "-g", BAD, "--ignore", "M,S,T,A,R")
    assert findings(out) == [] and code == 0


def test_directory_uses_include_and_exclude(capsys, repo) -> None:
    write(repo / "smartlint.toml", 'include = ["goals/**/*.md"]\nexclude = ["goals/drafts/**"]\n')
    okr = "## Objective: Grow revenue\n- KR: " + GOOD + "\n"
    write(repo / "goals" / "team" / "a.md", okr)
    write(repo / "goals" / "drafts" / "b.md", okr)
    write(repo / "goals" / "notes.txt", BAD + "\n")
    write(repo / "goals" / ".hidden" / "c.md", okr)
    _, out, _ = run(capsys, "--select", "O101", "goals")
    assert [f[0] for f in findings(out)] == ["goals/team/a.md"]
    assert "(1 file)" in out


def test_explicit_file_outside_include_is_checked_but_exclude_wins(capsys, repo) -> None:
    write(repo / "smartlint.toml", 'include = ["goals/**/*.md"]\nexclude = ["drafts/**"]\n')
    write(repo / "other.md", "## Objective: Grow\n- KR: " + GOOD + "\n")
    write(repo / "drafts" / "x.md", "## Objective: Grow\n- KR: " + GOOD + "\n")
    _, out, _ = run(capsys, "--select", "O101", "other.md", "drafts/x.md")
    assert [f[0] for f in findings(out)] == ["other.md"]


def test_cross_file_parent_with_only_the_changed_file(capsys, repo, monkeypatch) -> None:
    """As under pre-commit: only the team file is passed; the parent file is read anyway,
    relative to the repository root whatever the working directory."""
    write(repo / "company" / "2027-q1.md",
          "---\nperiod: 2027-Q1\n---\n## Objective: Grow revenue {#grow-revenue}\n"
          f"- KR: {GOOD}\n- KR: Sign 40 new customers by 2027-03-31\n")
    team = write(repo / "teams" / "sales.md",
                 "---\nperiod: 2027-Q1\nteam: Sales\n---\n"
                 "## Objective: Win EMEA {#emea parent=company/2027-q1.md#grow-revenue}\n"
                 "- KR: Sign 11 resellers by 2027-03-31\n- KR: Sign 12 resellers by 2027-03-31\n\n"
                 "## Objective: Win APAC {#apac parent=company/2027-q1.md#no-such-id}\n"
                 "- KR: Sign 9 resellers by 2027-03-31\n- KR: Sign 10 resellers by 2027-03-31\n\n"
                 "## Objective: Win LATAM\n"
                 "- KR: Sign 7 resellers by 2027-03-31\n- KR: Sign 8 resellers by 2027-03-31\n")
    monkeypatch.chdir(repo / "teams")
    code, out, _ = run(capsys, "--select", "O", str(team))
    found = {(f[1], f[3]) for f in findings(out)}
    assert found == {(9, "O104"), (13, "O105")}, out
    assert "no-such-id" in out
    assert code == 1  # O104 is an error


def test_json_output_validates_and_goes_to_a_file(capsys, repo) -> None:
    write(repo / "okrs.md", "## Objective: Grow revenue\n- KR: " + GOOD + "\n")
    code, out, _ = run(capsys, "--format", "json", "-g", BAD, "okrs.md", "--output-file", "r.json")
    assert out == ""
    data = json.loads((repo / "r.json").read_text("utf-8"))
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["summary"]["files"] == 2 and data["summary"]["goals"] == 3
    assert {f["path"] for f in data["findings"]} >= {"<goal>", "okrs.md"}
    assert code == 1


def test_sarif_and_github_formats_run(capsys, repo) -> None:
    code, out, _ = run(capsys, "--format", "sarif", "-g", BAD)
    assert json.loads(out)["version"] == "2.1.0" and code == 1
    code, out, _ = run(capsys, "--format", "github", "-g", BAD)
    assert re.match(r"::(error|warning|notice) file=<goal>,line=1,col=\d+,", out)


def test_colour_only_when_asked_or_on_a_terminal(capsys, repo, monkeypatch) -> None:
    _, out, _ = run(capsys, "-g", BAD)
    assert "\033[" not in out  # captured output is not a terminal
    _, out, _ = run(capsys, "-g", BAD, "--color", "always")
    assert "\033[" in out

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    from smartlint.cli.check import _use_color

    assert _use_color("auto", Tty(), to_file=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color("auto", Tty(), to_file=False)


def test_chinese_goal_message_in_chinese(capsys, repo) -> None:
    write(repo / "目标.md", "目标：提升客户满意度\n关键结果：提高品牌影响力\n")
    _, out, _ = run(capsys, "--select", "M101", "目标.md")
    # "关键结果：" is five characters: the key result's text starts in column 6
    assert any(f[:2] == ("目标.md", 2) and f[2] >= 6 and f[3] == "M101" for f in findings(out))
    assert re.search(r"M101 [\u4e00-\u9fff]", out)
    assert "    建议：" in out


def test_quiet_and_no_suggestions(capsys, repo) -> None:
    _, out, _ = run(capsys, "-q", "-g", BAD)
    assert "suggestion" not in out and "Found" not in out and findings(out)
    _, out, _ = run(capsys, "--no-suggestions", "-g", BAD)
    assert "suggestion" not in out and "Found" in out


def test_usage_errors_exit_2(capsys, repo) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "--format", "xml", "-g", BAD])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["check", "--today", "15/01/2027", "-g", BAD])
    assert info.value.code == 2
    write(repo / "smartlint.toml", 'select = "M101"\nlanguage = "fr"\n')
    assert main(["check", "-g", BAD]) == 2
    assert "language" in capsys.readouterr().err


# -- bad input: one clear message per file, the others still checked --------------------


def test_bad_files_are_reported_and_the_rest_checked(capsys, repo) -> None:
    write(repo / "good.txt", BAD + "\n")
    (repo / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (repo / "latin1.txt").write_bytes("Améliorer les ventes\n".encode("latin-1"))
    write(repo / "broken.yaml", "objectives:\n  - objective: [unclosed\n")
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    write(repo / "bomb.yaml", bomb + "objectives: *i\n")
    os.symlink("loop2.md", repo / "loop1.md")
    os.symlink("loop1.md", repo / "loop2.md")
    names = ["binary.md", "latin1.txt", "broken.yaml", "bomb.yaml", "loop1.md", "missing.md",
             "good.txt"]
    code, out, err = run(capsys, *names)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 6, err
    expected = {
        "binary.md": "binary file",
        "latin1.txt:1": "not UTF-8",
        "broken.yaml:3": "invalid YAML",
        "bomb.yaml": "aliases",
        "loop1.md": "cannot read",
        "missing.md": "no such file",
    }
    for name, what in expected.items():
        assert any(ln.startswith(f"smartlint: error: {name}") and what in ln for ln in lines), (
            name, err)
    assert "Traceback" not in err
    assert [f[0] for f in findings(out)] and {f[0] for f in findings(out)} == {"good.txt"}
    assert "6 files could not be checked" in out


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(capsys, repo) -> None:
    path = write(repo / "secret.md", "## Objective: Grow\n")
    path.chmod(0)
    try:
        code, _, err = run(capsys, "secret.md", "-g", GOOD)
    finally:
        path.chmod(0o644)
    assert code == 2 and "secret.md: permission denied" in err


def test_yaml_that_is_not_a_goal_document_is_skipped(capsys, repo) -> None:
    write(repo / ".pre-commit-config.yaml", "repos: []\n")
    code, out, err = run(capsys, ".pre-commit-config.yaml", "-g", GOOD)
    assert code == 0 and err == "" and "(1 file)" in out


def test_examples_folder_runs(capsys, monkeypatch) -> None:
    """The README's first command: every example file is read, none is an error."""
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "examples/")
    assert err == ""
    assert code == 1  # the examples show problems on purpose
    paths = {f[0] for f in findings(out)}
    assert {"examples/goals.txt", "examples/teams/sales-2027-q1.md",
            "examples/teams/support-2027-q1.yaml",
            "examples/teams/marketing-2027-q1.zh.md"} <= paths
    assert "O104" not in {f[3] for f in findings(out)}  # every parent in the examples resolves
    assert "(5 files)" in out


def test_config_option_and_rule_options(capsys, repo) -> None:
    okr = "## Objective: Grow revenue\n- KR: " + GOOD + "\n- KR: Sign 12 resellers by 2027-06-30\n"
    write(repo / "okrs.md", okr)
    write(repo / "conf" / "strict.toml", "[rules.O101]\nmin = 3\nmax = 4\n")
    _, out, _ = run(capsys, "--select", "O101", "okrs.md")
    assert findings(out) == []
    _, out, _ = run(capsys, "--config", "conf/strict.toml", "--select", "O101", "okrs.md")
    assert findings(out) == [("okrs.md", 1, 15, "O101")]
    assert "give it 3 to 4" in out
    write(repo / "conf" / "broken.toml", "[rules.O101]\nmin = 6\nmax = 2\n")
    assert main(["check", "--config", "conf/broken.toml", "okrs.md"]) == 2
    assert "O101" in capsys.readouterr().err
    assert main(["check", "--config", "conf/none.toml", "okrs.md"]) == 2
    assert "not found" in capsys.readouterr().err


def test_period_in_front_matter_bounds_goals_without_deadline(capsys, repo) -> None:
    """T101 fires on a goal without a deadline, and not once the document has a period."""
    kr = "Raise NPS from 30 to 45"
    write(repo / "loose.md", f"## Objective: Delight customers\n- KR: {kr}\n")
    write(repo / "bounded.md", f"---\nperiod: 2027-H1\n---\n## Objective: Delight customers\n"
                               f"- KR: {kr}\n")
    _, out, _ = run(capsys, "--select", "T101", "loose.md", "bounded.md")
    assert {f[0] for f in findings(out)} == {"loose.md"}
