"""The evaluation sets load and stay independent of the corpus the rules are tested on."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartlint.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["dev", "holdout"])
def test_evaluation_set_loads_and_shares_no_goal_with_the_corpus(name: str) -> None:
    evalset = load_corpus(ROOT / "evalsets" / name)
    corpus = {(g.lang, g.text.strip()) for g in load_corpus(ROOT / "corpus")}
    assert {g.lang for g in evalset} == {"en", "zh"}
    shared = [g.id for g in evalset if (g.lang, g.text.strip()) in corpus]
    assert not shared, f"goals also in corpus/: {shared}"


def test_holdout_and_dev_are_disjoint() -> None:
    dev = {(g.lang, g.text.strip()) for g in load_corpus(ROOT / "evalsets" / "dev")}
    holdout = load_corpus(ROOT / "evalsets" / "holdout")
    assert not [g.id for g in holdout if (g.lang, g.text.strip()) in dev]
