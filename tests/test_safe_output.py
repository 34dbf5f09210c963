"""Outputs never replace an input and are written whole or not at all (issue 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartlint.cli import main
from smartlint.errors import InputError
from smartlint.safeio import write_text_atomic

GOAL = "- KR: Improve things\n"


@pytest.fixture
def goals(tmp_path: Path) -> Path:
    path = tmp_path / "goals.md"
    path.write_text(GOAL, encoding="utf-8")
    return path


def test_report_over_the_input_is_refused(goals: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(goals), "--output-file", str(goals)]) == 2
    assert goals.read_text(encoding="utf-8") == GOAL
    assert "refusing to write over" in capsys.readouterr().err


def test_report_through_a_symlink_to_the_input_is_refused(goals: Path) -> None:
    link = goals.with_name("link.md")
    link.symlink_to(goals)
    assert main(["check", str(goals), "--output-file", str(link)]) == 2
    assert goals.read_text(encoding="utf-8") == GOAL


def test_report_as_a_goal_source_inside_an_input_folder_is_refused(goals: Path) -> None:
    out = goals.parent / "report.txt"
    assert main(["check", str(goals.parent), "--output-file", str(out)]) == 2
    assert not out.exists()


def test_report_elsewhere_is_written_whole(goals: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["check", str(goals), "--format", "json", "--output-file", str(out)]) == 1
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".smartlint-")]


def test_atomic_write_leaves_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="No space left"):
        write_text_atomic(str(out), "new")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["report.txt"]
