"""The spaCy pipelines: a blank English or Chinese tokenizer plus smartlint's components.

No trained model is needed. Each language gets three rule-based components, registered as
spaCy factories so that a user can add them to a pipeline of their own:

- ``smartlint_quantities``: numbers, percentages, money, units, multipliers
  → ``doc._.sl_quantities``
- ``smartlint_timeframes``: deadlines, periods, windows, frequencies → ``doc._.sl_times``
- ``smartlint_goal``: action verb, direction, metric, baseline/target → ``doc._.sl_goal``

A user with a trained pipeline installed can opt into it (``SMARTLINT_SPACY_MODEL_EN``):
the same components are added after its own.
"""

from __future__ import annotations

import functools
import importlib
import os
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from smartlint.lang.base import TEXT_KEY, GoalAnalysis

for _name in ("sl_quantities", "sl_times", "sl_goal"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _lang_module(lang: str, part: str) -> Any:
    return importlib.import_module(f"smartlint.lang.{lang}.{part}")


class _QuantityComponent:
    def __init__(self, lang: str) -> None:
        self.extract = _lang_module(lang, "quantities").extract

    def __call__(self, doc: Doc) -> Doc:
        doc._.sl_quantities = tuple(self.extract(doc))
        return doc


class _TimeComponent:
    def __init__(self, lang: str) -> None:
        self.extract = _lang_module(lang, "timeframes").extract

    def __call__(self, doc: Doc) -> Doc:
        doc._.sl_times = tuple(self.extract(doc))
        return doc


class _GoalComponent:
    def __init__(self, lang: str) -> None:
        self.analyse = _lang_module(lang, "goal").analyse

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # each `doc._` builds a new Underscore object: take it once
        quantities = ext.sl_quantities or ()
        times = ext.sl_times or ()
        ext.sl_goal = self.analyse(doc, quantities, times) or GoalAnalysis()
        return doc


@Language.factory("smartlint_quantities")
def make_quantities(nlp: Language, name: str) -> _QuantityComponent:
    return _QuantityComponent(nlp.lang or "en")


@Language.factory("smartlint_timeframes")
def make_timeframes(nlp: Language, name: str) -> _TimeComponent:
    return _TimeComponent(nlp.lang or "en")


@Language.factory("smartlint_goal")
def make_goal(nlp: Language, name: str) -> _GoalComponent:
    return _GoalComponent(nlp.lang or "en")


COMPONENTS = ("smartlint_quantities", "smartlint_timeframes", "smartlint_goal")


def run_pipeline(lang: str, text: str) -> Doc:
    """The pipeline for `lang` run on `text`.

    Same result as `get_nlp(lang)(text)`, but the text is handed to the components with
    the Doc: spaCy rebuilds `doc.text` from the tokens on every access, which cost as much
    as tokenising (measured: ~65 µs of a ~900 µs lint), and Language.__call__'s
    per-call bookkeeping is skipped.
    """
    return run_components(lang, text)[0]


def run_components(
    lang: str, text: str
) -> tuple[Doc, tuple[Any, ...], tuple[Any, ...], GoalAnalysis]:
    """`run_pipeline`, also returning what smartlint's components found: (doc, quantities,
    time mentions, goal analysis).

    With the default pipeline (the blank tokenizer and smartlint's three components) the
    extractors are called directly and their results handed on, instead of each component
    reading the previous ones back through `doc._` (8 Underscore objects a goal, ~10 µs
    measured); the Doc carries the same extension values either way.
    """
    nlp = get_nlp(lang)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    # keyed by the enabled pipeline itself, so a pipe added or disabled later is honoured
    pipeline = tuple(nlp.pipeline)
    direct = _direct_components(pipeline)
    if direct is not None:
        qc, tc, gc = direct
        quantities = tuple(qc.extract(doc))
        times = tuple(tc.extract(doc))
        analysis = gc.analyse(doc, quantities, times) or GoalAnalysis()
        ext = doc._
        ext.sl_quantities = quantities
        ext.sl_times = times
        ext.sl_goal = analysis
        return doc, quantities, times, analysis
    for _name, component in pipeline:
        doc = component(doc)
    ext = doc._
    return doc, tuple(ext.sl_quantities or ()), tuple(ext.sl_times or ()), ext.sl_goal


@functools.lru_cache(maxsize=8)
def _direct_components(
    pipeline: tuple[tuple[str, Any], ...],
) -> tuple[_QuantityComponent, _TimeComponent, _GoalComponent] | None:
    """smartlint's three components when they are the whole (enabled) pipeline, in order."""
    if tuple(name for name, _ in pipeline) != COMPONENTS:
        return None
    q, t, g = (component for _, component in pipeline)
    if (
        isinstance(q, _QuantityComponent)
        and isinstance(t, _TimeComponent)
        and isinstance(g, _GoalComponent)
    ):
        return q, t, g
    return None


@functools.lru_cache(maxsize=4)
def get_nlp(lang: str) -> Language:
    """The pipeline for `lang` ("en" or "zh"), built once per process."""
    model = os.environ.get(f"SMARTLINT_SPACY_MODEL_{lang.upper()}")
    nlp = spacy.load(model) if model else spacy.blank(lang)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
