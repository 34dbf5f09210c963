"""The library API: `parse`, `lint` and `suggest`."""

from __future__ import annotations

import dataclasses
import functools
import re
import time
from collections.abc import Iterable
from datetime import date
from typing import TypeVar

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


@functools.lru_cache(maxsize=4096)
def _parse_stripped(
    text: str, lang: str, reference_date: date, fiscal_year_start: int
) -> ParsedGoal:
    # imported here, not at the top: `import smartlint` stays free of spaCy until a goal
    # is parsed (cold start of the CLI)
    from smartlint.pipeline import analyse_text

    doc, quantities, times, analysis = analyse_text(lang, text)
    timeframes = tuple([m.resolve(reference_date, fiscal_year_start) for m in times])
    return ParsedGoal(
        text=text,
        lang=lang,
        quantities=quantities,
        timeframes=timeframes,
        verb=analysis.verb,
        verb_lemma=analysis.verb_lemma,
        direction=analysis.direction,
        metric=analysis.metric,
        baseline=analysis.baseline,
        target=analysis.target,
        change=analysis.change,
        placeholders=analysis.placeholders,
        reference_date=reference_date,
        source_doc=doc,
    )


def _parse_clean(stripped: str, lang: str, ref: date, fiscal_year_start: int) -> ParsedGoal:
    """The parse of a goal without surrounding whitespace; its text and spans are `stripped`'s
    (lone surrogates are parsed as U+FFFD, see `_SURROGATE`)."""
    if stripped.isascii():
        return _parse_stripped(stripped, lang, ref, fiscal_year_start)
    clean = _SURROGATE.sub("\ufffd", stripped)
    goal = _parse_stripped(clean, lang, ref, fiscal_year_start)
    return goal if clean == stripped else _moved_goal(goal, 0, stripped)


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


@functools.lru_cache(maxsize=16)
def _context_for(reference_date: date) -> Context:
    return Context(reference_date=reference_date)


@functools.lru_cache(maxsize=64)
def _default_contexts(reference_date: date, config: Config) -> tuple[Context, RuleContext]:
    context = _context_for(reference_date)
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
def _rules_for(config: Config, lang: str) -> tuple[Rule, ...]:
    # the goal rules for one language, so `lint` does not test every rule on every goal
    return tuple(r for r in _scoped_rules(config, "goal") if lang in r.languages)


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
        # copies: building them was ~2 µs of a ~200 µs lint)
        ref = config.reference_date or _today()
        context, rctx = _default_contexts(ref, config)
    else:
        ref = context.reference_date or config.reference_date or _today()
        if context.reference_date is None:
            context = dataclasses.replace(context, reference_date=ref)
        rctx = RuleContext(context=context, config=config)
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
    for rule in _rules_for(config, core.lang):
        findings.extend(rule.check(core, rctx))
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
    return LintResult(text=text, lang=goal.lang, findings=tuple(findings), goal=goal)


def _finding_order(f: Finding) -> tuple[int, str]:
    return (f.start, f.code)



def lint_many(
    texts: Iterable[str],
    *,
    lang: str | None = None,
    context: Context | None = None,
    config: Config | None = None,
) -> list[LintResult]:
    """`lint` over many goals sharing one context and config."""
    return [lint(t, lang=lang, context=context, config=config) for t in texts]


__all__ = ["lint", "lint_many", "parse", "selected_rules"]
