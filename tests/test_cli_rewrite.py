"""`smartlint rewrite`: interactive on a terminal, placeholders otherwise."""

from __future__ import annotations

import io
import json

import pytest

from smartlint.cli import main


class FakeStdin(io.StringIO):
    def __init__(self, text: str = "", tty: bool = False) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_not_a_terminal_prints_the_placeholders(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin())
    code, out, _ = run(capsys, "rewrite", "Improve customer satisfaction", "--today",
                       "2027-01-15")
    assert code == 0
    assert out == "Raise customer satisfaction from <baseline> to <target> by <deadline>\n"


def test_terminal_asks_for_each_placeholder(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(tty=True))
    prompts: list[str] = []
    answers = iter(["72%", "80%", ""])  # no deadline given: it stays a placeholder

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", fake_input)
    code, out, _ = run(capsys, "rewrite", "Improve customer satisfaction", "--today",
                       "2027-01-15")
    assert code == 0
    assert [p.split(" ")[0] for p in prompts] == ["Baseline", "Target", "Deadline"]
    assert out == "Raise customer satisfaction from 72% to 80% by <deadline>\n"


def test_terminal_in_chinese(capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(tty=True))
    answers = iter(["80%", "90%", "2027年6月30日"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, out, _ = run(capsys, "rewrite", "提升客户满意度", "--today", "2027-01-15")
    assert code == 0
    assert out == "2027年6月30日前将客户满意度从80%提高到90%\n"


def test_end_of_input_stops_asking(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(tty=True))

    def eof(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    code, out, _ = run(capsys, "rewrite", "NPS", "--today", "2027-01-15")
    assert code == 0 and "<target>" in out


def test_values_fill_without_asking(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(tty=True))
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail("must not ask"))
    code, out, _ = run(capsys, "rewrite", "提升客户满意度", "--value", "target=90%",
                       "--value", "期限=2027年6月30日", "--today", "2027-01-15")
    assert code == 0
    assert out == "2027年6月30日前将客户满意度从<基线>提高到90%\n"


def test_json_and_period(capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin())
    code, out, _ = run(capsys, "rewrite", "Grow revenue by 10%", "--period", "2027-Q2",
                       "--format", "json", "--value", "baseline=$2M", "--today", "2027-01-15")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == "Grow revenue from <baseline> by 10% by June 30, 2027"
    assert data["placeholders"] == ["baseline"]
    assert data["values"] == {"baseline": "$2M"}
    assert data["filled"] == "Grow revenue from $2M by 10% by June 30, 2027"
    assert "M102" in data["addresses"]


def test_goal_from_stdin(capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin("Reduce customer churn to 3% ASAP\n", tty=False))
    code, out, _ = run(capsys, "rewrite", "-", "--today", "2027-01-15")
    assert code == 0 and out == "Reduce customer churn to 3% by <deadline>\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["rewrite", "Grow revenue", "--value", "target"], "NAME=VALUE"),
        (["rewrite", "Grow revenue", "--period", "next spring"], "--period"),
    ],
)
def test_bad_arguments_are_clear_errors(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch,
                                        argv: list[str], message: str) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin())
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
