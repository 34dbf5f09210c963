"""The library API: `parse`, `lint` and `suggest`."""

from __future__ import annotations

import dataclasses
import functools
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from smartlint.config import Config
from smartlint.errors import SmartlintError
from smartlint.langdetect import detect_language
from smartlint.model import Context, Finding, LintResult, ParsedGoal
from smartlint.registry import load_registry
from smartlint.rule import Rule, RuleContext

LANGUAGES = ("en", "zh")
_DEFAULT_CONFIG = Config()

T = TypeVar("T")


def _moved(obj: T, offset: int, text: str) -> T:
    """A copy of a span-like dataclass moved right by `offset`, its text taken from `text`."""
    if obj is None:
        return obj
    start, end = obj.start + offset, obj.end + offset  # type: ignore[attr-defined]
    return dataclasses.replace(obj, start=start, end=end, text=text[start:end])  # type: ignore[type-var]


# spaCy cannot encode lone surrogates (e.g. from broken UTF-16 pastes). They are replaced
# one-for-one by U+FFFD before parsing, so every offset still points into the original.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD (`text` itself when it has none)."""
    try:
        # UTF-8 cannot encode a lone surrogate: the encoder finds one in C, ~0.25 µs on a
        # Chinese goal where the substitution always ran was ~1 µs (timeit)
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _moved_finding(finding: Finding, offset: int) -> Finding:
    suggestions = tuple(
        s
        if s.start is None or s.end is None
        else dataclasses.replace(s, start=s.start + offset, end=s.end + offset)
        for s in finding.suggestions
    )
    return dataclasses.replace(
        finding, start=finding.start + offset, end=finding.end + offset, suggestions=suggestions
    )


def _check_lang(lang: str | None) -> str | None:
    if lang is None or lang == "auto":
        return None
    if lang not in LANGUAGES:
        raise SmartlintError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang


_last_today: tuple[int, date] = (-1, date.min)


def _today() -> date:
    """`date.today()`, asked of the clock at most once a second: it reads the local time
    zone each call (~2.3 µs, 1% of a lint), and a goal list linted in a loop asks per goal."""
    global _last_today
    second = int(time.time())
    if _last_today[0] != second:
        _last_today = (second, date.today())
    return _last_today[1]


#: What the extractors found in goals about to be linted, by (text, lang): filled by
#: `_prime` for a batch, taken when the goal is parsed. (What the extractors find does not
#: depend on the reference date, the fiscal year or the config.)
_PREPARED: dict[tuple[str, str], Any] = {}
#: Goals analysed ahead together (see `pipeline.analyse_texts`).
BATCH_SIZE = 256


# `smartlint.pipeline` is imported on the first parse, not at the top: `import smartlint`
# stays free of spaCy until a goal is parsed (cold start of the CLI). Bound once: an import
# statement in `_build_parse` cost ~3 µs a goal.
_analyse_text: Callable[[str, str], Any] | None = None


def _bind_pipeline() -> Callable[[str, str], Any]:
    global _analyse_text
    from smartlint.pipeline import analyse_text

    _analyse_text = analyse_text
    return analyse_text


def _build_parse(
    text: str, lang: str, reference_date: date, fiscal_year_start: int
) -> ParsedGoal:
    # analysed ahead by `_prime` (empty when `lint` is called goal by goal)
    found = _PREPARED.pop((text, lang), None) if _PREPARED else None
    doc, quantities, times, analysis = found or (_analyse_text or _bind_pipeline())(lang, text)
    timeframes = (
        tuple([m.resolve(reference_date, fiscal_year_start) for m in times]) if times else ()
    )
    # positional, in field order (keywords cost ~0.6 µs more a goal, timeit): text, lang,
    # quantities, timeframes, verb, verb_lemma, direction, metric, baseline, target,
    # change, placeholders, reference_date, source_doc
    a = analysis
    return ParsedGoal(
        text, lang, quantities, timeframes, a.verb, a.verb_lemma, a.direction, a.metric,
        a.baseline, a.target, a.change, a.placeholders, reference_date, doc,
    )  # fmt: skip


_ParseKey = tuple[str, str, date, int]


class _ParseCache:
    """The parses of recent goals, by (text, lang, reference date, fiscal year start).

    `functools.lru_cache`'s bounded least-recently-used memory, plus the test `_prime`
    needs: whether a goal is already parsed (a goal repeated on every row of a sheet is
    then not analysed ahead again)."""

    __slots__ = ("data", "maxsize")

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.data: OrderedDict[_ParseKey, ParsedGoal] = OrderedDict()

    def __call__(
        self, text: str, lang: str, reference_date: date, fiscal_year_start: int
    ) -> ParsedGoal:
        key = (text, lang, reference_date, fiscal_year_start)
        data = self.data
        goal = data.get(key)
        if goal is None:
            goal = _build_parse(text, lang, reference_date, fiscal_year_start)
            data[key] = goal
            if len(data) > self.maxsize:
                # try/except, not contextlib.suppress: this runs on every parse, and a
                # `try` costs nothing in Python 3.11 where a context manager does
                try:  # noqa: SIM105
                    data.popitem(last=False)
                except KeyError:  # another thread emptied it meanwhile
                    pass
        else:
            try:  # noqa: SIM105
                data.move_to_end(key)
            except KeyError:  # another thread evicted it meanwhile: still a right answer
                pass
        return goal

    def __contains__(self, key: _ParseKey) -> bool:
        return key in self.data

    def cache_clear(self) -> None:
        self.data.clear()


_parse_stripped = _ParseCache(maxsize=4096)


def _parse_clean(stripped: str, lang: str, ref: date, fiscal_year_start: int) -> ParsedGoal:
    """The parse of a goal without surrounding whitespace; its text and spans are `stripped`'s
    (lone surrogates are parsed as U+FFFD, see `_SURROGATE`)."""
    if stripped.isascii():
        return _parse_stripped(stripped, lang, ref, fiscal_year_start)
    clean = _without_surrogates(stripped)
    goal = _parse_stripped(clean, lang, ref, fiscal_year_start)
    return goal if clean is stripped else _moved_goal(goal, 0, stripped)


def parse(
    text: str,
    *,
    lang: str | None = None,
    reference_date: date | None = None,
    fiscal_year_start: int = 1,
) -> ParsedGoal:
    """What the pipeline understood of one goal.

    `lang` is "en" or "zh"; None detects it. Time frames are resolved against
    `reference_date` (default: today). Offsets refer to `text` as given, surrounding
    whitespace included.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the goal as a str, not {type(text).__name__}")
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    lang = _check_lang(lang) or detect_language(stripped)
    goal = _parse_clean(stripped, lang, reference_date or _today(), fiscal_year_start)
    if offset == 0 and goal.text == text:
        return goal
    return _moved_goal(goal, offset, text)


def _moved_goal(goal: ParsedGoal, offset: int, text: str) -> ParsedGoal:
    """`goal` with every span moved right by `offset` and its text taken from `text`."""
    return dataclasses.replace(
        goal,
        text=text,
        quantities=tuple(_moved(q, offset, text) for q in goal.quantities),
        timeframes=tuple(_moved(t, offset, text) for t in goal.timeframes),
        verb=_moved(goal.verb, offset, text),
        metric=_moved(goal.metric, offset, text),
        baseline=_moved(goal.baseline, offset, text),
        target=_moved(goal.target, offset, text),
        change=_moved(goal.change, offset, text),
        placeholders=tuple(_moved(p, offset, text) for p in goal.placeholders),
    )


@functools.lru_cache(maxsize=64)
def _default_contexts(reference_date: date, config: Config) -> tuple[Context, RuleContext]:
    context = Context(reference_date=reference_date)
    return context, RuleContext(context=context, config=config)


@functools.lru_cache(maxsize=64)
def _selected_rules(config: Config) -> tuple[Rule, ...]:
    registry = load_registry(tuple(config.plugins))
    return tuple(cls() for cls in registry if config.is_selected(cls.code))


@functools.lru_cache(maxsize=128)
def _scoped_rules(config: Config, scope: str) -> tuple[Rule, ...]:
    return tuple(r for r in _selected_rules(config) if r.scope == scope)


def selected_rules(config: Config | None = None, scope: str = "goal") -> tuple[Rule, ...]:
    """Instances of the rules the config selects, for one scope ("goal" or "document")."""
    # cached: `lint` asks on every goal, and filtering ~30 rules each time was measurable
    return _scoped_rules(config or _DEFAULT_CONFIG, scope)


@functools.lru_cache(maxsize=128)
def _rules_for(config: Config, lang: str, bare: bool = False) -> tuple[Rule, ...]:
    """The goal rules for one language, so `lint` does not test every rule on every goal;
    `bare`: for a goal whose context sets none of the fields any rule `needs_context` (a
    goal linted on its own), without the rules that can find nothing there."""
    rules = _scoped_rules(config, "goal")
    return tuple(r for r in rules if lang in r.languages and not (bare and r.needs_context))


#: The last (config, reference date, RuleContext) `lint` used for goals without a context,
#: and the last (config, language, rules): checked by identity before the caches above
#: (each of those hashes the Config, ~0.25 µs). Replaced whole, never changed in place, so
#: a thread reads one consistent tuple.
_last_bare: tuple[Config | None, date, RuleContext] = (
    None, date.min, RuleContext(context=Context(), config=_DEFAULT_CONFIG)
)
_last_rules: tuple[Config | None, str, bool, tuple[Rule, ...]] = (None, "", False, ())


def _set_last_bare(config: Config, ref: date, rctx: RuleContext) -> None:
    global _last_bare
    _last_bare = (config, ref, rctx)


def _set_last_rules(
    config: Config, lang: str, bare: bool
) -> tuple[Config | None, str, bool, tuple[Rule, ...]]:
    global _last_rules
    _last_rules = (config, lang, bare, _rules_for(config, lang, bare))
    return _last_rules


@functools.lru_cache(maxsize=64)
def _needed_context(config: Config) -> tuple[str, ...]:
    """The context fields the config's goal rules `needs_context`, together."""
    fields = {name for r in _scoped_rules(config, "goal") for name in r.needs_context}
    return tuple(sorted(fields))


def _is_bare(context: Context, config: Config) -> bool:
    """Whether `context` sets none of the fields a rule `needs_context` (see `_rules_for`)."""
    return all(getattr(context, name) is None for name in _needed_context(config))


def lint(
    text: str,
    *,
    lang: str | None = None,
    context: Context | None = None,
    config: Config | None = None,
) -> LintResult:
    """Check one goal. Returns a `LintResult`: iterate it, or read `.findings`.

    `context` supplies what the goal's surroundings know (period, reference date, parent).
    """
    config = config or _DEFAULT_CONFIG
    if context is None:
        # the same Context and RuleContext for every goal linted without one (no per-call
        # copies: building them was ~2 µs of a ~200 µs lint); the last pair by identity
        # first (the cache's hashing of the Config and the date was ~0.5 µs, timeit)
        ref = config.reference_date or _today()
        last = _last_bare
        if last[0] is config and last[1] == ref:
            rctx = last[2]
        else:
            context, rctx = _default_contexts(ref, config)
            _set_last_bare(config, ref, rctx)
        bare = True  # no context: the rules that need one are not called
    else:
        ref = context.reference_date or config.reference_date or _today()
        if context.reference_date is None:
            context = dataclasses.replace(context, reference_date=ref)
        rctx = RuleContext(context=context, config=config)
        bare = _is_bare(context, config)
    lang = _check_lang(lang) or _check_lang(config.language)
    # Rules see the goal without surrounding whitespace, so padding changes no finding;
    # their spans are moved back onto the text as given.
    stripped = text.strip()
    # Over the limit only the head is analysed, so time stays bounded; rule S100 reports
    # the length against the full text.
    limit = config.max_length
    fiscal = config.fiscal_year_start
    if len(stripped) <= limit:
        # what `parse(stripped, ...)` returns, without its checks and stripping again
        core = _parse_clean(stripped, lang or detect_language(stripped), ref, fiscal)
    else:
        head = parse(stripped[:limit], lang=lang, reference_date=ref, fiscal_year_start=fiscal)
        core = dataclasses.replace(head, text=stripped)
    findings: list[Finding] = []
    rules = _last_rules
    if rules[0] is not config or rules[1] != core.lang or rules[2] is not bare:
        rules = _set_last_rules(config, core.lang, bare)
    for rule in rules[3]:
        found = rule.check(core, rctx)
        if found:  # most rules find nothing: no call to extend (~0.6 µs a goal)
            findings.extend(found)
    if len(findings) > 1:
        findings.sort(key=_finding_order)
    goal = core
    if len(stripped) != len(text):
        offset = len(text) - len(text.lstrip())
        findings = [_moved_finding(f, offset) for f in findings]
        if len(text) <= offset + limit:
            goal = parse(text, lang=lang, reference_date=ref, fiscal_year_start=fiscal)
        else:
            head = parse(
                text[: offset + limit], lang=lang, reference_date=ref, fiscal_year_start=fiscal
            )
            goal = dataclasses.replace(head, text=text)
    return LintResult(text, goal.lang, tuple(findings), goal)  # (positional: ~0.3 µs less)


def _finding_order(f: Finding) -> tuple[int, str]:
    return (f.start, f.code)


def _parse_key(
    text: str, lang: str | None, context: Context | None, config: Config
) -> _ParseKey:
    """What `lint(text, lang=lang, context=context, config=config)` hands to
    `_parse_stripped`: the same steps, in the same order."""
    ref = (context and context.reference_date) or config.reference_date or _today()
    lang = _check_lang(lang) or _check_lang(config.language)
    stripped = text.strip()
    if len(stripped) > config.max_length:
        stripped = stripped[: config.max_length].strip()
    lang = lang or detect_language(stripped)
    clean = stripped if stripped.isascii() else _without_surrogates(stripped)
    return clean, lang, ref, config.fiscal_year_start


def _prime(
    items: Sequence[tuple[str, str | None, Context | None]], config: Config | None = None
) -> list[str | None]:
    """Analyse ahead, as one batch, the goals about to be linted one by one with these
    (text, lang, context) and `config`: each extractor then runs over the whole batch
    before the next (`pipeline.analyse_texts`; ~0.8 of the time goal by goal, measured).

    Returns the language each goal will be linted in, for the caller to pass on to `lint`
    (which then does not detect it a second time: ~3 µs a Chinese goal); the `lang` given
    where the batch could not be prepared.

    Only a speed-up: `lint` gives the same results with or without it, and reports any
    problem with a goal itself, so nothing here raises."""
    from smartlint.pipeline import analyse_texts

    config = config or _DEFAULT_CONFIG
    try:
        detected: list[str | None] = []
        by_lang: dict[str, dict[str, None]] = {}
        for text, lang, context in items:
            if not isinstance(text, str):
                detected.append(lang)
                continue
            key = _parse_key(text, lang, context, config)
            detected.append(key[1])
            if key not in _parse_stripped:
                by_lang.setdefault(key[1], {})[key[0]] = None
        _PREPARED.clear()  # leftovers of the last batch (goals parsed meanwhile)
        for goal_lang, texts in by_lang.items():
            batch = list(texts)
            for clean, found in zip(batch, analyse_texts(goal_lang, batch), strict=True):
                _PREPARED[clean, goal_lang] = found
    except Exception:  # lint meets the same problem with that goal, and reports it
        _PREPARED.clear()
        return [lang for _, lang, _ in items]
    return detected


def lint_many(
    texts: Iterable[str],
    *,
    lang: str | None = None,
    context: Context | None = None,
    config: Config | None = None,
) -> list[LintResult]:
    """`lint` over many goals sharing one context and config: the same results, faster
    (the goals are analysed `BATCH_SIZE` at a time, see `_prime`)."""
    goals = list(texts)
    out: list[LintResult] = []
    for i in range(0, len(goals), BATCH_SIZE):
        batch = goals[i : i + BATCH_SIZE]
        langs = _prime([(text, lang, context) for text in batch], config)
        out.extend(
            lint(text, lang=goal_lang, context=context, config=config)
            for text, goal_lang in zip(batch, langs, strict=True)
        )
    return out


__all__ = ["lint", "lint_many", "parse", "selected_rules"]
