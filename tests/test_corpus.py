"""The labelled corpus as tests, plus the corpus loader, period labels and scoring.

Every goal under corpus/ is one test (id = file:line): the labelled codes smartlint
reports must equal the goal's `expect`. A goal known to be wrong may carry
`xfail: "reason"` in its YAML; it then runs as a strict xfail.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, ROOT
from hypothesis import given
from hypothesis import strategies as st

from smartlint.corpus import (
    DEFAULT_REFERENCE_DATE,
    Confusion,
    CorpusGoal,
    context_from_dict,
    load_corpus,
    parse_period,
    reported_codes,
    score,
)
from smartlint.errors import InputError, SmartlintError
from smartlint.model import Period

CORPUS = ROOT / "corpus"
CORE = ("M101", "T101", "S101", "S102")

try:
    GOALS = load_corpus(CORPUS)
    LOAD_ERROR: str | None = None
except SmartlintError as exc:  # reported by test_corpus_loads, not as a collection error
    GOALS = []
    LOAD_ERROR = str(exc)


def _param(goal: CorpusGoal) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=goal.xfail)] if goal.xfail else []
    return pytest.param(goal, id=goal.id, marks=marks)


def test_corpus_loads() -> None:
    assert LOAD_ERROR is None, LOAD_ERROR


@pytest.mark.parametrize("goal", [_param(g) for g in GOALS])
def test_corpus_goal(goal: CorpusGoal) -> None:
    got = reported_codes(goal)
    expected = set(goal.expect)
    assert got == expected, (
        f"{goal.text!r}: expected {sorted(expected)}, got {sorted(got)} "
        f"(missed {sorted(expected - got)}, false {sorted(got - expected)})"
        + (f"; note: {goal.note}" if goal.note else "")
    )


# -- the English corpus is big and balanced enough to measure with -----------------------


def test_english_corpus_size_and_balance() -> None:
    en = [g for g in GOALS if g.lang == "en"]
    assert len(en) >= 170
    for code in CORE:
        scored = [g for g in en if code in g.labelled]
        positives = sum(code in g.expect for g in scored)
        assert positives >= 40, f"{code}: only {positives} positives"
        assert len(scored) - positives >= 40, f"{code}: only {len(scored) - positives} negatives"


def test_reference_date_is_the_tests_fixed_date() -> None:
    assert DEFAULT_REFERENCE_DATE == REFERENCE_DATE


# -- loader errors name the file and the line -------------------------------------------


def _write(tmp_path: Path, body: str, name: str = "en/goals.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


HEAD = "lang: en\nlabelled: [M101, T101]\ngoals:\n"


def _error(tmp_path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_corpus(tmp_path)
    return str(info.value)


def test_loads_a_well_formed_file(tmp_path: Path) -> None:
    _write(
        tmp_path,
        HEAD + '  - text: "Improve things"\n'
        "    expect: [T101, M101]\n"
        '  - text: "Ship 3 things in Q3"\n'
        "    expect: []\n"
        '    context: {period: "2027-Q3", reference_date: 2027-07-01}\n'
        '    note: "a note"\n'
        '    xfail: "known"\n',
    )
    first, second = load_corpus(tmp_path)
    assert (first.id, first.expect, first.labelled) == (
        "en/goals.yaml:4",
        ("M101", "T101"),
        ("M101", "T101"),
    )
    assert second.line == 6
    assert (second.note, second.xfail) == ("a note", "known")
    ctx = second.to_context()
    assert ctx.period == Period("2027-Q3", date(2027, 7, 1), date(2027, 9, 30))
    assert ctx.reference_date == date(2027, 7, 1)
    assert first.to_context().reference_date == DEFAULT_REFERENCE_DATE


def test_lang_filter(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + '  - text: "Grow"\n    expect: []\n')
    _write(
        tmp_path,
        'lang: zh\nlabelled: [M101]\ngoals:\n  - text: "增长"\n    expect: []\n',
        "zh/a.yaml",
    )
    assert [g.lang for g in load_corpus(tmp_path, lang="zh")] == ["zh"]
    assert len(load_corpus(tmp_path)) == 2


@pytest.mark.parametrize(
    ("body", "pattern"),
    [
        (HEAD + "  - expect: [M101]\n", r"goals\.yaml:4: goal has no text"),
        (HEAD + '  - text: "   "\n    expect: []\n', r"goals\.yaml:4: goal has no text"),
        (HEAD + '  - text: "Grow"\n', r"goals\.yaml:4: goal has no 'expect'"),
        (HEAD + "  - text: 2027\n    expect: []\n", r"goals\.yaml:4: text must be a quoted string"),
        (
            HEAD + '  - text: "Grow"\n    expect: [m101]\n',
            r"goals\.yaml:4: expect: 'm101' is not a rule code",
        ),
        (HEAD + '  - text: "Grow"\n    expect: M101\n', r"goals\.yaml:4: expect must be a list"),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n  - text: "Hire"\n    expect: [S102]\n',
            r"goals\.yaml:6: expect has S102, which is not in this file's labelled list",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: [M101, M101]\n',
            r"goals\.yaml:4: expect lists a code twice",
        ),
        (
            HEAD + '  - text: "Grow"\n    expected: []\n',
            r"goals\.yaml:4: unknown goal keys \['expected'\]",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n  - text: "grow "\n    expect: [M101]\n',
            r"goals\.yaml:6: duplicate goal text \(first at en/goals\.yaml:4\)",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n    context: {period: "soon"}\n',
            r"goals\.yaml:4: context: period 'soon' is not a label like 2027-Q3",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n    context: {when: "2027"}\n',
            r"goals\.yaml:4: context: unknown context keys \['when'\]",
        ),
        (
            HEAD
            + '  - text: "Grow"\n    expect: []\n    context: {reference_date: "15/01/2027"}\n',
            r"goals\.yaml:4: context: reference_date '15/01/2027' is not a date",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n    xfail: ""\n',
            r"goals\.yaml:4: xfail must be non-empty",
        ),
        (
            HEAD + '  - text: "Grow"\n    expect: []\n    expect: [M101]\n',
            r"goals\.yaml:6: duplicate key 'expect'",
        ),
        (HEAD + '  - text: "Grow\n    expect: []\n', r"goals\.yaml:\d+: not valid YAML"),
        ("lang: fr\nlabelled: [M101]\ngoals: []\n", r"goals\.yaml:1: lang must be one of en, zh"),
        (
            "lang: zh\nlabelled: [M101]\ngoals:\n  - {text: a, expect: []}\n",
            r"goals\.yaml:1: lang 'zh' in a file under en/",
        ),
        ("lang: en\ngoals:\n  - {text: a, expect: []}\n", r"goals\.yaml:1: missing 'labelled'"),
        (
            "lang: en\nlabelled: [M1O1]\ngoals: []\n",
            r"goals\.yaml:1: labelled: 'M1O1' is not a rule code",
        ),
        (
            "lang: en\nlabelled: [M101]\ngoals: []\n",
            r"goals\.yaml:1: 'goals' must be a non-empty list",
        ),
        ("- just\n- a list\n", r"goals\.yaml:1: a corpus file is a mapping"),
        (HEAD + "  - just text\n", r"goals\.yaml:\d+: a goal is a mapping"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path: Path, body: str, pattern: str) -> None:
    _write(tmp_path, body)
    assert re.search(pattern, _error(tmp_path))


def test_duplicate_text_across_files_names_both(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + '  - text: "Reach 1,200 MAU"\n    expect: [T101]\n', "en/a.yaml")
    _write(
        tmp_path,
        HEAD + '  - text: "Other"\n    expect: []\n  - text: "Reach  1,200 MAU"\n    expect: []\n',
        "en/b.yaml",
    )
    message = _error(tmp_path)
    assert message.startswith("en/b.yaml:6: duplicate goal text (first at en/a.yaml:4)")


def test_same_text_in_two_languages_is_not_a_duplicate(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + '  - text: "OKR"\n    expect: []\n', "en/a.yaml")
    _write(
        tmp_path,
        'lang: zh\nlabelled: [M101]\ngoals:\n  - text: "OKR"\n    expect: []\n',
        "zh/a.yaml",
    )
    assert len(load_corpus(tmp_path)) == 2


def test_missing_corpus_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such corpus"):
        load_corpus(tmp_path / "nowhere")


# -- period labels and contexts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "fy_start", "start", "end"),
    [
        ("2027-Q3", 1, date(2027, 7, 1), date(2027, 9, 30)),
        ("Q1 2028", 1, date(2028, 1, 1), date(2028, 3, 31)),
        ("2027Q4", 1, date(2027, 10, 1), date(2027, 12, 31)),
        ("2027-H1", 1, date(2027, 1, 1), date(2027, 6, 30)),
        ("H2 2027", 1, date(2027, 7, 1), date(2027, 12, 31)),
        ("2027", 1, date(2027, 1, 1), date(2027, 12, 31)),
        ("2028-02", 1, date(2028, 2, 1), date(2028, 2, 29)),
        ("FY27", 1, date(2027, 1, 1), date(2027, 12, 31)),
        ("FY2027", 4, date(2026, 4, 1), date(2027, 3, 31)),
        ("FY27", 10, date(2026, 10, 1), date(2027, 9, 30)),
        ("FY27-Q1", 4, date(2026, 4, 1), date(2026, 6, 30)),
        ("FY27 Q4", 4, date(2027, 1, 1), date(2027, 3, 31)),
        ("FY27 H2", 7, date(2027, 1, 1), date(2027, 6, 30)),
    ],
)
def test_parse_period(label: str, fy_start: int, start: date, end: date) -> None:
    period = parse_period(label, fy_start)
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize("label", ["soon", "2027-Q5", "2027-13", "FY27-H3", "Q3", "27"])
def test_parse_period_rejects(label: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(label))):
        parse_period(label)


@given(st.integers(1900, 2200), st.integers(1, 12))
def test_fiscal_quarters_tile_the_fiscal_year(year: int, fy_start: int) -> None:
    label = f"FY{year}"
    whole = parse_period(label, fy_start)
    assert whole.start is not None and whole.end is not None
    assert whole.start.day == 1 and whole.start.month == fy_start
    assert whole.end.year == year  # named after the year it ends in
    assert (whole.end + timedelta(days=1)).day == 1  # ends on a month end
    quarters = [parse_period(f"{label}-Q{q}", fy_start) for q in range(1, 5)]
    assert quarters[0].start == whole.start and quarters[-1].end == whole.end
    for before, after in itertools.pairwise(quarters):
        assert before.end is not None and after.start == before.end + timedelta(days=1)


def test_context_from_dict() -> None:
    ctx = context_from_dict(
        {
            "period": "2027-H2",
            "parent_period": {"label": "sprint 4", "start": "2027-07-01", "end": date(2027, 7, 14)},
            "reference_date": "2027-07-01",
            "due_date": date(2027, 9, 30),
            "parent": "Win the mid-market",
            "goal_type": "key_result",
            "owner": "Ana",
            "team": "Sales",
        }
    )
    assert ctx.period == Period("2027-H2", date(2027, 7, 1), date(2027, 12, 31))
    assert ctx.parent_period == Period("sprint 4", date(2027, 7, 1), date(2027, 7, 14))
    assert (ctx.reference_date, ctx.due_date) == (date(2027, 7, 1), date(2027, 9, 30))
    assert (ctx.parent, ctx.goal_type, ctx.owner, ctx.team) == (
        "Win the mid-market",
        "key_result",
        "Ana",
        "Sales",
    )
    assert context_from_dict(None) == context_from_dict({})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"goal_type": "epic"}, "goal_type 'epic'"),
        ({"owner": 3}, "owner must be text"),
        (
            {"period": {"start": "2027-07-01", "end": "2027-06-01"}},
            "ends (2027-06-01) before it starts",
        ),
        ({"period": {"from": "2027-07-01"}}, "unknown keys ['from']"),
        ({"period": ["2027"]}, "neither a label"),
    ],
)
def test_context_from_dict_rejects(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        context_from_dict(data)


# -- scoring -------------------------------------------------------------------------------


def _goal(
    text: str, expect: tuple[str, ...], labelled: tuple[str, ...] = ("M101", "T101")
) -> CorpusGoal:
    return CorpusGoal(file="x.yaml", line=1, lang="en", labelled=labelled, text=text, expect=expect)


def test_score_counts_only_labelled_codes() -> None:
    goals = [
        _goal("a", ("M101",)),  # M101: TP; T101: FP
        _goal("b", ("M101", "T101")),  # M101: FN; T101: TP
        _goal("c", ()),  # M101: TN; T101: TN
        _goal("d", (), labelled=("M101",)),  # T101 not labelled here: not scored
    ]
    got = [
        frozenset({"M101", "T101", "S101"}),
        frozenset({"T101"}),
        frozenset(),
        frozenset({"T101"}),
    ]
    table = score(goals, got)
    assert list(table) == ["M101", "T101"]  # S101 is in no labelled list
    assert (table["M101"].tp, table["M101"].fp, table["M101"].fn, table["M101"].tn) == (1, 0, 1, 2)
    assert (table["T101"].tp, table["T101"].fp, table["T101"].fn, table["T101"].tn) == (1, 1, 0, 1)


def test_confusion_figures() -> None:
    c = Confusion(tp=6, fp=2, fn=3, tn=9)
    assert (c.positives, c.negatives) == (9, 11)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(6 / 9)
    assert c.f1 == pytest.approx(2 * 0.75 * (6 / 9) / (0.75 + 6 / 9))
    assert Confusion(tn=4).precision is None and Confusion(tn=4).recall is None
    assert Confusion(fp=1, fn=1).f1 == 0.0


def test_reported_codes_keeps_only_labelled_codes() -> None:
    goal = _goal("Improve customer satisfaction", (), labelled=("Z999",))
    assert reported_codes(goal) == frozenset()


# -- the accuracy script -------------------------------------------------------------------


def _accuracy_main() -> object:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "scripts" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def test_accuracy_script_prints_table_and_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Z999 is a code no rule has: it never fires, so each label is a known TN or FN.
    _write(
        tmp_path,
        "lang: en\nlabelled: [Z999]\ngoals:\n"
        '  - text: "Expected to fire"\n    expect: [Z999]\n    note: "why"\n'
        '  - text: "Expected to stay quiet"\n    expect: []\n',
    )
    assert _accuracy_main()(["--corpus", str(tmp_path), "--lang", "en", "--misses"]) == 0
    out = capsys.readouterr().out
    assert "no rule registered for Z999" in out
    assert "en: 2 goals, 1 fully right (50%)" in out
    assert re.search(r"Z999\s+1\s+1\s+0\s+0\s+1\s+1\s+-\s+0\.00\s+-", out)
    assert "en/goals.yaml:4: Expected to fire" in out
    assert "expected [Z999]  got []  (missed Z999)" in out
    assert "Expected to stay quiet" not in out


def test_accuracy_script_reports_bad_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, HEAD + '  - text: "Grow"\n')
    assert _accuracy_main()(["--corpus", str(tmp_path)]) == 2
    assert "goals.yaml:4: goal has no 'expect'" in capsys.readouterr().err
    assert _accuracy_main()(["--corpus", str(tmp_path / "missing")]) == 2
