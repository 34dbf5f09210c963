"""The spec's own examples (corpus/<lang>/spec.yaml) must all pass: no xfail allowed.

Each example of ../shared/spec/core-rules.md is a goal in corpus/en/spec.yaml (and in
corpus/zh/spec.yaml where a translation makes sense). A language whose file is not
written yet is skipped, not failed.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from smartlint.corpus import CorpusGoal, load_file, reported_codes

SPEC_FILES = {lang: ROOT / "corpus" / lang / "spec.yaml" for lang in ("en", "zh")}


def _params() -> list[object]:
    params: list[object] = []
    for lang, path in SPEC_FILES.items():
        shown = f"{lang}/spec.yaml"
        if not path.is_file():
            skip = pytest.mark.skip(reason=f"corpus/{shown} is not written yet")
            params.append(pytest.param(None, id=shown, marks=skip))
            continue
        params.extend(pytest.param(g, id=g.id) for g in load_file(path, shown))
    return params


@pytest.mark.parametrize("goal", _params())
def test_spec_example(goal: CorpusGoal) -> None:
    assert goal.xfail is None, f"{goal.id}: spec examples are must-pass; remove the xfail"
    got = reported_codes(goal)
    expected = set(goal.expect)
    assert got == expected, (
        f"{goal.text!r}: expected {sorted(expected)}, got {sorted(got)} "
        f"(missed {sorted(expected - got)}, false {sorted(got - expected)})"
        + (f"; note: {goal.note}" if goal.note else "")
    )


def test_english_spec_file_exists() -> None:
    # The English file is this project's own; only other languages may be missing.
    assert SPEC_FILES["en"].is_file()
