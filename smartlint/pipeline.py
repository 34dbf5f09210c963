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
from collections.abc import Sequence
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
        module = _lang_module(lang, "quantities")
        self.extract = module.extract
        # what `analyse_text` calls: the same on the text itself (`extract` reads the
        # Doc's text and calls it; the Chinese `extract` takes a text as it is)
        self.from_text = getattr(module, "extract_text", module.extract)

    def __call__(self, doc: Doc) -> Doc:
        doc._.sl_quantities = tuple(self.extract(doc))
        return doc


class _TimeComponent:
    def __init__(self, lang: str) -> None:
        module = _lang_module(lang, "timeframes")
        self.extract = module.extract
        self.from_text = getattr(module, "extract_text", module.extract)  # as above

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
    time mentions, goal analysis)."""
    doc, quantities, times, analysis = analyse_text(lang, text)
    if isinstance(doc, PendingDoc):
        doc = doc.build_doc()
    return doc, quantities, times, analysis


class _TextOnly:
    """What smartlint's extractors read of a Doc: its text, where `doc_text` looks for it.
    None of them reads tokens, so the direct path needs no Doc."""

    __slots__ = ("user_data",)

    def __init__(self, text: str) -> None:
        self.user_data = {TEXT_KEY: text}

    @property
    def text(self) -> str:
        return str(self.user_data[TEXT_KEY])


class PendingDoc:
    """The spaCy Doc of a parsed goal, made when first asked for (`ParsedGoal.doc`).

    The rules read what the components found, never the tokens, so tokenising every goal
    up front was time spent on nothing (measured 10–25 µs of a lint); a caller who wants
    the Doc gets the same Doc, with the components' results on `doc._`, as the pipeline
    would have made.
    """

    __slots__ = ("analysis", "lang", "quantities", "text", "times")

    def __init__(
        self,
        lang: str,
        text: str,
        quantities: tuple[Any, ...],
        times: tuple[Any, ...],
        analysis: GoalAnalysis,
    ) -> None:
        self.lang = lang
        self.text = text
        self.quantities = quantities
        self.times = times
        self.analysis = analysis

    def build_doc(self) -> Doc:
        doc = get_nlp(self.lang).make_doc(self.text)
        doc.user_data[TEXT_KEY] = self.text
        ext = doc._  # each `doc._` builds a new Underscore object: take it once
        ext.sl_quantities = self.quantities
        ext.sl_times = self.times
        ext.sl_goal = self.analysis
        return doc


def analyse_text(
    lang: str, text: str
) -> tuple[Doc | PendingDoc, tuple[Any, ...], tuple[Any, ...], GoalAnalysis]:
    """What smartlint's components find in `text`: (doc, quantities, time mentions, goal
    analysis).

    With the default pipeline (the blank tokenizer and smartlint's three components) the
    extractors are called directly on the text and their results handed on, instead of
    each component reading the previous ones back through `doc._` (8 Underscore objects a
    goal, ~10 µs measured), and the Doc is left to be made on demand (a `PendingDoc`).
    Any other pipeline (a trained one the user opted into, a pipe added or disabled) runs
    in full, component by component, and its Doc is returned.
    """
    nlp = get_nlp(lang)
    direct = _direct_for(nlp)
    if direct is not None:
        qc, tc, gc = direct
        # the extractors on the text itself (`from_text`): no Doc, and two calls less
        quantities = tuple(qc.from_text(text))
        times = tuple(tc.from_text(text))
        analysis = gc.analyse(_TextOnly(text), quantities, times) or GoalAnalysis()
        return PendingDoc(lang, text, quantities, times, analysis), quantities, times, analysis
    return _run_in_full(nlp, text)


def analyse_texts(
    lang: str, texts: Sequence[str]
) -> list[tuple[Doc | PendingDoc, tuple[Any, ...], tuple[Any, ...], GoalAnalysis]]:
    """`analyse_text` of each text, in order.

    With the default pipeline each extractor runs over the whole batch before the next
    one starts: the same calls as `analyse_text` makes, in another order. Measured on the
    benchmark's 2,000 English goals in batches of 256, linting after this took 0.80 of the
    time of linting goal by goal (each extractor's code and caches stay warm through the
    batch instead of being pushed out by the next one's).
    """
    nlp = get_nlp(lang)
    direct = _direct_for(nlp)
    if direct is None:
        return [_run_in_full(nlp, text) for text in texts]
    qc, tc, gc = direct
    extract = qc.from_text
    quantities = [tuple(extract(text)) for text in texts]
    extract = tc.from_text
    times = [tuple(extract(text)) for text in texts]
    analyse = gc.analyse
    out: list[tuple[Doc | PendingDoc, tuple[Any, ...], tuple[Any, ...], GoalAnalysis]] = []
    for text, q, t in zip(texts, quantities, times, strict=True):
        analysis = analyse(_TextOnly(text), q, t) or GoalAnalysis()
        out.append((PendingDoc(lang, text, q, t, analysis), q, t, analysis))
    return out


def _direct_for(
    nlp: Language,
) -> tuple[_QuantityComponent, _TimeComponent, _GoalComponent] | None:
    # `nlp.pipeline` builds its list through the config on every access (measured ~12 µs);
    # the component list and the disabled set say the same, read directly.
    components = getattr(nlp, "_components", None)
    disabled = getattr(nlp, "_disabled", None)
    if isinstance(components, list) and isinstance(disabled, set):
        if disabled:
            return None
        # the answer for the last list seen, if the pipeline still holds the same
        # components (a list comparison, by identity first: ~0.1 µs; the tuple and the
        # cache's hashing of it were ~1 µs a goal, timeit)
        last = _last_direct
        if last[0] is nlp and last[1] == components:
            return last[2]
        return _set_last_direct(nlp, components)
    return _direct_components(tuple(nlp.pipeline))  # pragma: no cover - another spaCy


_DirectTriple = tuple["_QuantityComponent", "_TimeComponent", "_GoalComponent"]
#: (pipeline, a copy of its component list, `_direct_components` of it), the last asked
#: for; replaced whole, so a thread reads one consistent tuple.
_last_direct: tuple[Language | None, list[tuple[str, Any]], _DirectTriple | None] = (
    None, [], None
)


def _set_last_direct(nlp: Language, components: list[tuple[str, Any]]) -> _DirectTriple | None:
    global _last_direct
    found = _direct_components(tuple(components))
    _last_direct = (nlp, list(components), found)
    return found


def _run_in_full(
    nlp: Language, text: str
) -> tuple[Doc, tuple[Any, ...], tuple[Any, ...], GoalAnalysis]:
    """A pipeline other than the default (a trained one, a pipe added or disabled), run
    component by component."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    ext = doc._
    goal = ext.sl_goal or GoalAnalysis()
    return doc, tuple(ext.sl_quantities or ()), tuple(ext.sl_times or ()), goal


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
