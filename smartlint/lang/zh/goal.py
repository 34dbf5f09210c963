"""Verb, direction and metric (STUB: to be replaced by the real analysis)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from smartlint.lang.base import GoalAnalysis, TimeMention
from smartlint.model import Quantity


def analyse(
    doc: Doc, quantities: Sequence[Quantity], times: Sequence[TimeMention]
) -> GoalAnalysis:
    return GoalAnalysis()
