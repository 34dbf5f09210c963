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
        quantities = doc._.sl_quantities or ()
        times = doc._.sl_times or ()
        doc._.sl_goal = self.analyse(doc, quantities, times) or GoalAnalysis()
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
    nlp = get_nlp(lang)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


@functools.lru_cache(maxsize=4)
def get_nlp(lang: str) -> Language:
    """The pipeline for `lang` ("en" or "zh"), built once per process."""
    model = os.environ.get(f"SMARTLINT_SPACY_MODEL_{lang.upper()}")
    nlp = spacy.load(model) if model else spacy.blank(lang)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
