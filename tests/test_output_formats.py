"""The four output formats, on reports built by hand (no rule behaviour involved)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from smartlint.model import SCHEMA_VERSION, Dimension, Finding, Severity, Suggestion
from smartlint.output import FileError, LocatedFinding, Report, render
from smartlint.output.text import summary_line

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
JSON_SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text("utf-8"))


def finding(code: str = "M101", severity: Severity = Severity.ERROR, lang: str = "en",
            message: str = "No measurable target.", start: int = 0, end: int = 7,
            suggestions: tuple[Suggestion, ...] = ()) -> Finding:
    return Finding(code=code, name="missing-measure", dimension=Dimension.MEASURABLE,
                   severity=severity, message=message, start=start, end=end,
                   suggestions=suggestions, lang=lang)


def sample_report() -> Report:
    whole = Suggestion("Add a measure", "Raise NPS from <baseline> to <target> by <deadline>")
    span = Suggestion("Give a date", "by March 31, 2027", start=8, end=12)
    return Report(
        findings=[
            LocatedFinding("teams/sales.md", 12, 7, 12, 22, finding(suggestions=(whole,)),
                           "Improve NPS"),
            LocatedFinding("a.md", 3, 5, 3, 9,
                           finding("T102", Severity.WARNING, start=8, end=12,
                                   message="“soon”, sets no deadline: say by when.",
                                   suggestions=(span,)), "Ship it soon"),
            LocatedFinding("目标/市场.md", 2, 4, 2, 11,
                           finding("S101", Severity.INFO, lang="zh", message="表述模糊。"),
                           "提高品牌影响力"),
        ],
        errors=[FileError("bad.yaml", "bad.yaml:3: invalid YAML: found a tab", 3)],
        files=3,
        goals=9,
    )


# -- text -----------------------------------------------------------------------------


def test_text_lines_sorted_with_suggestions_and_summary() -> None:
    out = render(sample_report(), "text").splitlines()
    assert out[0] == "a.md:3:5: T102 “soon”, sets no deadline: say by when. [missing-measure]"
    assert out[1] == "    suggestion: Give a date: by March 31, 2027"
    assert out[2].startswith("teams/sales.md:12:7: M101 No measurable target.")
    assert out[3] == "    suggestion: Raise NPS from <baseline> to <target> by <deadline>"
    assert out[4] == "目标/市场.md:2:4: S101 表述模糊。 [missing-measure]"
    assert out[5] == (
        "Found 3 problems (1 error, 1 warning, 1 info) in 9 goals (3 files). "
        "1 file could not be checked."
    )
    assert "\033[" not in "\n".join(out)


def test_text_colour_quiet_and_no_suggestions() -> None:
    report = sample_report()
    coloured = render(report, "text", color=True)
    assert "\033[31mM101\033[0m" in coloured and "\033[33mT102\033[0m" in coloured
    quiet = render(report, "text", quiet=True)
    assert quiet.count("\n") == 3 and "suggestion" not in quiet and "Found" not in quiet
    bare = render(report, "text", suggestions=False)
    assert "suggestion" not in bare and "Found 3 problems" in bare


def test_summary_when_clean() -> None:
    assert summary_line(Report(files=1, goals=1)) == "No problems in 1 goal (1 file)."
    assert render(Report(), "text", quiet=True) == ""


def test_summary_speaks_chinese_only_when_every_goal_is_chinese() -> None:
    from collections import Counter

    clean = Report(files=1, goals=2, langs=Counter({"zh": 2}))
    assert summary_line(clean) == "共检查2个目标（1个文件），没有发现问题。"
    report = sample_report()
    report.langs = Counter({"zh": 9})
    line = summary_line(report)
    assert line.startswith("共检查9个目标（3个文件），发现3个问题（1个错误，1个警告，1个提示）")
    assert line.endswith("1个文件无法检查。")
    report.langs = Counter({"zh": 8, "en": 1})
    assert summary_line(report).startswith("Found 3 problems")


def test_check_counts_the_language_of_each_goal(tmp_path: Path) -> None:
    from smartlint.config import Config
    from smartlint.documents.engine import Checker

    doc = tmp_path / "okr.md"
    doc.write_text("# 目标：提升客户满意度\n\n- 本季度末前将客户流失率从5%降至3%\n",
                   encoding="utf-8")
    report = Checker(Config()).run([str(doc)])
    assert report.langs == {"zh": report.goals} and report.goals >= 1
    assert summary_line(report).startswith(f"共检查{report.goals}个目标")


# -- json -----------------------------------------------------------------------------


def test_json_follows_the_documented_schema() -> None:
    data = json.loads(render(sample_report(), "json"))
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["summary"] == {
        "files": 3, "goals": 9, "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1}, "errors": 1,
    }
    first = data["findings"][0]
    assert (first["path"], first["line"], first["column"], first["code"]) == ("a.md", 3, 5, "T102")
    assert first["suggestions"][0]["start"] == 8
    assert data["errors"] == [{"path": "bad.yaml", "line": 3,
                               "message": "bad.yaml:3: invalid YAML: found a tab"}]


def test_json_schema_rejects_a_broken_report() -> None:
    data = json.loads(render(sample_report(), "json"))
    del data["findings"][0]["line"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, JSON_SCHEMA)


# -- sarif ----------------------------------------------------------------------------


def test_sarif_is_valid_2_1_0() -> None:
    data = json.loads(render(sample_report(), "sarif"))
    jsonschema.validate(data, SARIF_SCHEMA)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["T102", "M101", "S101"]
    levels = [r["level"] for r in run["results"]]
    assert levels == ["warning", "error", "note"]
    region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 12, "startColumn": 7, "endLine": 12, "endColumn": 22}
    uri = run["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E7%9B%AE%E6%A0%87/%E5%B8%82%E5%9C%BA.md"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fix_replaces_the_suggestion_span() -> None:
    data = json.loads(render(sample_report(), "sarif"))
    fix = data["runs"][0]["results"][0]["fixes"][0]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    # finding at column 5 covers goal offsets 8..12; the suggestion replaces 8..12
    assert replacement["deletedRegion"] == {
        "startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9}
    assert replacement["insertedContent"]["text"] == "by March 31, 2027"


def test_sarif_schema_really_checks() -> None:
    data = json.loads(render(sample_report(), "sarif"))
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SARIF_SCHEMA)


def test_sarif_empty_report_is_valid() -> None:
    data = json.loads(render(Report(), "sarif"))
    jsonschema.validate(data, SARIF_SCHEMA)
    assert data["runs"][0]["results"] == []


# -- github ---------------------------------------------------------------------------


def test_github_annotations_are_escaped() -> None:
    out = render(sample_report(), "github").splitlines()
    assert out[0] == (
        "::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=T102 missing-measure::"
        "“soon”, sets no deadline: say by when.%0ASuggestion: by March 31, 2027"
    )
    assert out[1].startswith("::error file=teams/sales.md,line=12,col=7,")
    assert out[2].startswith("::notice file=目标/市场.md,line=2,col=4,")
    assert out[3] == (
        "::error file=bad.yaml,line=3,title=smartlint::bad.yaml:3: invalid YAML: found a tab"
    )


def test_github_escapes_properties() -> None:
    report = Report(findings=[LocatedFinding("a,b:c%.md", 1, 1, 1, 2,
                                             finding(message="50% done\nnext"))])
    line = render(report, "github").strip()
    assert line.startswith("::error file=a%2Cb%3Ac%25.md,")
    assert line.endswith("::50%25 done%0Anext")


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        render(Report(), "xml")


def test_formats_documented() -> None:
    doc = (Path(ROOT) / "docs" / "output.md").read_text("utf-8")
    for name in ("text", "json", "sarif", "github", "schema_version"):
        assert name in doc


def test_text_shows_a_split_one_goal_a_line_and_chinese_punctuation() -> None:
    split = Suggestion("Split into 2 goals", "Raise NPS to 45 by June 30, 2027\n"
                       "Cut churn to 3% by June 30, 2027")
    zh_span = Suggestion("补充基线", "从<基线>", start=5, end=5)
    report = Report(
        findings=[
            LocatedFinding("a.txt", 1, 1, 1, 9, finding("S103", suggestions=(split,)), "x"),
            LocatedFinding("b.txt", 1, 1, 1, 9, finding("M102", lang="zh",
                                                         suggestions=(zh_span,)), "x"),
        ],
        files=2, goals=2,
    )
    out = render(report, "text").splitlines()
    assert out[1:4] == [
        "    suggestion: Split into 2 goals:",
        "        Raise NPS to 45 by June 30, 2027",
        "        Cut churn to 3% by June 30, 2027",
    ]
    assert out[5] == "    建议：补充基线：从<基线>"


def test_text_prints_a_rewrite_repeated_on_one_goal_once() -> None:
    rewrite = Suggestion("Add a measure", "Raise NPS from <baseline> to <target> by <deadline>")
    zh = Suggestion("写明基线与目标值", "在<期限>前将净推荐值从<基线>提高到<目标>")
    report = Report(
        findings=[
            LocatedFinding("a.txt", 1, 1, 1, 9, finding("S101", suggestions=(rewrite,)), "NPS"),
            LocatedFinding("a.txt", 1, 2, 1, 9, finding("M101", suggestions=(rewrite,)), "NPS"),
            LocatedFinding("a.txt", 2, 1, 2, 9, finding("M101", suggestions=(rewrite,)), "NPS"),
            LocatedFinding("b.txt", 1, 1, 1, 9, finding("S101", lang="zh", suggestions=(zh,)), "x"),
            LocatedFinding("b.txt", 1, 2, 1, 9, finding("M101", lang="zh", suggestions=(zh,)), "x"),
        ],
        files=2, goals=3,
    )
    out = render(report, "text").splitlines()
    assert out[1] == "    suggestion: Raise NPS from <baseline> to <target> by <deadline>"
    assert out[3] == "    suggestion: (same as S101)"
    assert out[5] == "    suggestion: Raise NPS from <baseline> to <target> by <deadline>"  # line 2
    assert out[9] == "    建议：（同S101）"


def test_text_shows_an_insertion_in_its_place_in_the_goal() -> None:
    goal = "Publish 4 case studies monthly"
    deadline = Suggestion("Add a deadline", " by <deadline>", start=len(goal), end=len(goal))
    zh_goal = "每月新增有效线索500条"
    zh = Suggestion("加上期限", "，<期限>前完成", start=len(zh_goal), end=len(zh_goal))
    report = Report(
        findings=[
            LocatedFinding("a.txt", 1, 1, 1, 9, finding("T101", suggestions=(deadline,)), goal),
            LocatedFinding("a.txt", 1, 2, 1, 9, finding("T106", suggestions=(deadline,)), goal),
            LocatedFinding("b.txt", 1, 1, 1, 9, finding("T106", lang="zh", suggestions=(zh,)),
                           zh_goal),
        ],
        files=2, goals=2,
    )
    out = render(report, "text").splitlines()
    assert out[1] == "    suggestion: Add a deadline: Publish 4 case studies monthly by <deadline>"
    assert out[3] == "    suggestion: (same as T101)"
    assert out[5] == "    建议：加上期限：每月新增有效线索500条，<期限>前完成"
