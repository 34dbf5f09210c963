"""Helpers shared by the built-in rules: lexicon matchers and small readings of a goal.

The goal analysis (`ParsedGoal.direction`, `.metric`, `.baseline`, `.target`, `.change`)
is the first source; the fallbacks here only read what it left empty, with the same
lexicons the rules document, so that a rule still works on goals the analysis skipped.
Everything is compiled once per (language, list, config) and cached.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVar

from smartlint import lexicon
from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.errors import ConfigError
from smartlint.model import (
    Direction,
    ParsedGoal,
    Quantity,
    QuantityKind,
    Span,
    TimeFrame,
    TimeKind,
)

# This module's own patterns too: the Chinese ones serve no English check.
_lazy = lazy_compiler(globals())

_EN_SUFFIX = r"(?:s|es|d|ed|ing)?"
_T = TypeVar("_T")
#: the memo cells of the per_goal helpers (see `forget`)
_MEMOS: list[list[Any]] = []


def per_goal(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Remember `fn(goal, *args)` while the same goal is being checked: every rule asks for
    the verb, the metric and the numbers, and they are read once.

    Each helper keeps its own memo of the last goal it saw, in one list cell that is replaced
    whole (never changed in place): a thread that finds another goal there starts its own,
    so threads may recompute but never see each other's answers. (A thread-local memo shared
    by all helpers cost ~0.8 µs a look-up: getattr on the local, a key tuple, Config hashing.)
    """
    if fn.__code__.co_argcount == 1:  # fn(goal): the memo is the last (goal, value)
        last: list[tuple[Any, Any]] = [(None, None)]
        _MEMOS.append(last)

        @functools.wraps(fn)
        def of_goal(goal: ParsedGoal) -> _T:
            hit = last[0]
            if hit[0] is goal:
                return hit[1]  # type: ignore[no-any-return]
            value = fn(goal)
            last[0] = (goal, value)
            return value

        return of_goal

    if fn.__code__.co_varnames[1:2] == ("config",) and fn.__code__.co_argcount == 2 and (
            fn.__defaults__ == (None,)):
        # fn(goal, config=None), most of the helpers: the last (goal, config, value), without
        # packing the argument into a tuple and comparing tuples (~0.1 µs a call, 6 a goal).
        # Another config object, even an equal one, is computed again, as it may be.
        pair: list[tuple[Any, Any, Any]] = [(None, None, None)]
        _MEMOS.append(pair)

        @functools.wraps(fn)
        def of_goal_with(goal: ParsedGoal, config: Any = None) -> _T:
            hit = pair[0]
            if hit[0] is goal and hit[1] is config:
                return hit[2]  # type: ignore[no-any-return]
            value = fn(goal, config)
            pair[0] = (goal, config, value)
            return value

        return of_goal_with

    # fn(goal, *args): the last (goal, args, value). The rules pass the same config all
    # along, so one entry is enough (another config is computed again, as it must be, and
    # an equal one gets the same answer). Tuples compare their items by identity before
    # `==`, so a hit costs no Config comparison.
    recent: list[tuple[Any, Any, Any]] = [(None, None, None)]
    _MEMOS.append(recent)

    @functools.wraps(fn)
    def of_goal_and(goal: ParsedGoal, *args: Any) -> _T:
        hit = recent[0]
        if hit[0] is goal and hit[1] == args:
            return hit[2]  # type: ignore[no-any-return]
        value = fn(goal, *args)
        recent[0] = (goal, args, value)
        return value

    return of_goal_and


def forget() -> None:
    """Drop every helper's memo (for timing runs that check one goal many times)."""
    for cell in _MEMOS:
        cell[0] = (None,) * len(cell[0])


class Term(NamedTuple):
    """One lexicon entry found in a text. (A named tuple: a few are made for every goal, and
    one costs a third of a frozen dataclass.)"""

    start: int
    end: int
    text: str
    key: str  # the lexicon key it matched (lower-case)
    value: str  # the value of a `key = value` entry ("" for a plain word)


#: Term((start, end, text, key, value)) without the named tuple's own __new__, which is
#: Python (the fields in order; ~0.2 µs less for each of the few Terms a goal makes)
_term: Callable[[tuple[int, int, str, str, str]], Term] = functools.partial(tuple.__new__, Term)


def trie_pattern(keys: list[str]) -> str:
    """One regex alternation for many literal keys, factored by common prefix ("churn",
    "churn rate" → "churn(?: rate)?"), so that matching costs one pass down a trie instead
    of one attempt per key."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a key ends here: the rest is optional, longest first (greedy)
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return build(trie)


_WORD = _lazy(r"\w+")
_CJK = _lazy(r"[\u4e00-\u9fff]+")


# ASCII letters, digits and "_" (what \w matches in ASCII) kept, every other byte a space
_NON_WORD_BYTES = bytes(
    i if chr(i).isascii() and (chr(i).isalnum() or chr(i) == "_") else 32 for i in range(256)
)
# the same with the capitals lower-cased (what `lower()` does to ASCII text)
_LOWER_WORD_BYTES = bytes(
    ord(chr(b).lower()) if b != 32 else 32 for b in _NON_WORD_BYTES
)


# Small: the rules and the core evidence ask about the goal being checked (and its parent),
# one after the other; a larger cache would only keep the texts of goals long done (a
# benchmark that lints the same goals again would then find them: not a speed a user gets).
@functools.lru_cache(maxsize=16)
def _tokens(text: str) -> frozenset[str]:
    r"""The words (maximal \w runs) of `text` lower-cased: one set a goal, for every rule's
    matchers and for the core evidence (`_core._EnText`)."""
    if text.isascii():
        # the \w runs of ASCII text are what is left when every other byte becomes a space
        # (a third of `findall`'s cost; str.split() splits at every byte mapped to 32), and
        # the same table lower-cases them (no `lower()` copy of the text first)
        return frozenset(text.encode().translate(_LOWER_WORD_BYTES).decode().split())
    return frozenset(_WORD.findall(text.lower()))


class TermMatcher:
    """Finds the entries of one lexicon in a text: whole words in English, substrings in
    Chinese, longest entry first, case-insensitive."""

    def __init__(self, lang: str, table: Mapping[str, str], inflect: bool = False) -> None:
        self.table = table
        self._words = lang == "en"
        keys = sorted(table, key=len, reverse=True)
        #: every entry starts with an ASCII letter, so no match can start at a character
        #: that is not a letter (under IGNORECASE only letters stand for them: ſ, K, ı, İ)
        self.ascii_letter_first = all(k[:1].isascii() and k[:1].isalpha() for k in keys)
        # a cheap test first: most goals hold no word that could start an entry
        # ASCII entries in lower case, each with a word (its first word is then a word of any
        # ASCII text it is found in): what the finer tests below rely on
        self._ascii_keys = self._words and all(
            k.isascii() and k == k.lower() and _WORD.search(k) for k in keys)
        self._implied = False  # set below: a match proves the test of `_possible`
        #: zh entries of Chinese characters only: found, each proves that test by itself
        self._cjk_keys = frozenset(() if self._words else (k for k in keys if _CJK.fullmatch(k)))
        #: en, for an ASCII text: the longest word of each entry → the entry's other words
        self._rests: dict[str, list[frozenset[str]]] | None = None
        self._rest_keys: frozenset[str] = frozenset()
        if self._words:
            firsts = {_WORD.findall(k)[0] for k in keys if _WORD.search(k)}
            if inflect:
                firsts |= {w + s for w in firsts for s in ("s", "es", "d", "ed", "ing")}
            elif self._ascii_keys:
                # "next" and "value" start jargon entries in 1 goal in 6, which then rarely
                # hold "next-gen": every word of an entry must be a word of the text. (Only
                # for an ASCII text, where IGNORECASE and lower() agree; not when the last
                # word may take an ending.) Each entry is filed under its longest word, not
                # its first: the text holds all its words only if it holds that one, and
                # the longest is seldom a common word ("future" of "in the future", where
                # "in" is in most goals), so the test mostly ends at one `isdisjoint`
                # (measured a test: vague_time 0.39 → 0.26 µs, vague_words 0.42 → 0.33)
                self._rests = {}
                for k in keys:
                    words = _WORD.findall(k)
                    if words:
                        key = max(words, key=len)  # (the first of the longest)
                        self._rests.setdefault(key, []).append(frozenset(words) - {key})
            self._firsts: frozenset[str] = frozenset(firsts)
            if self._rests is not None:
                self._rest_keys = frozenset(self._rests)
        else:
            self._firsts = frozenset(k[0] for k in keys)
            self._lower = True
            if keys and all(_CJK.fullmatch(k) for k in keys):
                # Chinese characters have no case: an entry is in the text as it is written
                # (a third of the goals hold "全", "部" or "从", few "全力" or "从零"), and
                # without IGNORECASE the search skips to the entries' first characters
                self._first_char_text = trie_pattern(keys)
                self._lower = False
                self._implied = True
            else:
                # `isdisjoint` on a Chinese text made a string of every character (~1 µs a
                # goal per list): one class of characters instead
                chars = "".join(re.escape(c) for c in sorted(self._firsts))
                self._first_char_text = f"[{chars}]" if chars else "(?!)"
        #: no entries: nothing is ever found (`_re` is None)
        self._empty = not keys
        if not keys:
            self._re: re.Pattern[str] | None = None
            return
        # `_re` (and `_first_char`) are compiled on first use, by `__getattr__`: a cold
        # `smartlint check` built ~10 matchers whose patterns (~11 ms to make and compile)
        # most goals never need, as the cheap tests before the search rule them out
        self._keys = keys
        self._inflect = inflect

    def __getattr__(self, name: str) -> Any:
        """`_re` and `_first_char`, compiled when first read and then kept as plain
        attributes (this method is not called again for them)."""
        if name == "_re":
            alt = trie_pattern(self._keys)
            if self._words:
                suffix = _EN_SUFFIX if self._inflect else ""
                # \b first: the alternation is then tried only where a word starts
                pattern = rf"\b(?P<k>{alt}){suffix}(?![\w-])"
            else:
                pattern = rf"(?P<k>{alt})"
            compiled = self._re = re.compile(pattern, re.IGNORECASE)
            return compiled
        if name == "_first_char":
            compiled = self._first_char = re.compile(self._first_char_text)
            return compiled
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _possible(self, text: str) -> bool:
        """Whether an entry can occur in `text` at all (most goals hold none)."""
        if self._empty:
            return False
        if self._words:
            tokens = _tokens(text)
            rests = self._rests
            if rests is None or not text.isascii():
                return not self._firsts.isdisjoint(tokens)
            # an entry whose every word is in the text (its first word among them)
            if self._rest_keys.isdisjoint(tokens):
                return False  # most calls end here
            for word in self._rest_keys.intersection(tokens):
                for rest in rests[word]:
                    if rest <= tokens:
                        return True
            return False
        return self._first_char.search(text.lower() if self._lower else text) is not None

    def may_start_at(self, text: str, pos: int) -> bool:
        """False when no entry can match from `pos` (a cheap test before a search whose
        match must start there). Decided only for English entries that start with an
        ASCII letter, in an ASCII text: the word there must then be an entry's first word
        (or, with endings, a one-word entry's inflected form). For entries of Chinese
        characters only (which have no case), the character there must start one."""
        if self._implied:
            return text[pos : pos + 1] in self._firsts
        if not (self._ascii_keys and self.ascii_letter_first and text.isascii()):
            return True
        run = _WORD.match(text, pos)
        return run is not None and run.group().lower() in self._firsts

    def _may_hold(self, text: str, key: str = "") -> bool:
        """`_possible(text)` for a caller whose search found a match already (so the finer
        parts of the test, which only rule out texts where the pattern finds nothing, need
        not run). A match implies the rest of the test, and nothing need be computed, when
        IGNORECASE and lower() agree on the text and on every entry: ASCII entries in lower
        case in an ASCII text; entries of Chinese characters only, which have no case."""
        if self._empty:
            return False
        if self._implied or (self._ascii_keys and text.isascii()) or key in self._cjk_keys:
            return True  # (`key`: the entry found, which is in the text as written)
        return self._first_words(text)

    def _first_words(self, text: str) -> bool:
        """The test that `_possible` refines: a first word of an entry among the text's
        words (en), a first character in the text (zh; or a whole entry, when all are of
        Chinese characters, which is the same test for a text the pattern matches)."""
        if self._empty:
            return False
        if self._words:
            return not self._firsts.isdisjoint(_tokens(text))
        return self._first_char.search(text.lower() if self._lower else text) is not None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterable[Term]:
        # the cheap test runs before a generator is made: most calls end there (~9 calls
        # a goal). Over a span the search is short, and the finer test (~1.5 µs when many
        # first words are there, as in metric lists) would cost more than it saves.
        if not (self._possible(text) if end is None else self._first_words(text)):
            return ()  # (the empty tuple: no iterator object made)
        return self._terms(text, start, len(text) if end is None else end)

    def _terms(self, text: str, start: int, stop: int) -> Iterator[Term]:
        assert self._re is not None
        for m in self._re.finditer(text, start, stop):
            key = m.group("k").lower()
            yield _term((m.start(), m.end(), m.group(0), key, self.table.get(key, "")))

    def first(self, text: str, start: int = 0, end: int | None = None) -> Term | None:
        if not (self._possible(text) if end is None else self._first_words(text)):
            return None
        assert self._re is not None
        # the first match of a left-to-right scan is what `search` finds
        m = self._re.search(text, start, len(text) if end is None else end)
        if m is None:
            return None
        key = m.group("k").lower()
        return _term((m.start(), m.end(), m.group(0), key, self.table.get(key, "")))

    def first_in(self, text: str, start: int, end: int) -> Term | None:
        """`first(text, start, end)` for a short span such as the verb, remembered by the
        span's words (a verb seen before costs a look-up, not a search: 3.2 → 1.6 µs), and
        by its place with the character either side (no new Term either: `first_verb`
        1.7 → 1.0 µs a goal, measured)."""
        key = (self, start, end, text[start - 1 : end + 1] if start else text[: end + 1])
        hit = _PLACED.get(key)
        if hit is None:
            if len(_PLACED) >= 4096:
                _PLACED.clear()
            hit = _PLACED[key] = _placed(self, text, start, end)
        found, gate = hit
        if found is None or gate == 0:
            return found
        if gate == 1:
            # `_may_hold`'s usual answer first, without the call (a Term found means the
            # list has entries): ASCII entries in lower case, an ASCII text
            if self._implied or (self._ascii_keys and text.isascii()):
                return found
            return found if self._may_hold(text, found.key) else None
        return found if self._first_words(text) else None


_SHORT = 48  # spans up to this long are remembered by their text


def _snippet(text: str, start: int, end: int) -> str:
    """text[start:end] with the character before it (a space at the start of the text, the
    same to `\b`): all that a search from `start` to `end` can see."""
    return text[start - 1 : end] if start else " " + text[:end]


#: (matcher, start, end, text[start - 1 : end + 1]) → what `first_in` finds there, and the
#: gate it still needs on the whole text (0: none, 1: `_may_hold`, 2: `_first_words`).
#: All that `first_in` reads of the text but that gate is in the key.
_PLACED: dict[tuple[TermMatcher, int, int, str], tuple[Term | None, int]] = {}


def _placed(terms: TermMatcher, text: str, start: int, end: int) -> tuple[Term | None, int]:
    """`terms.first_in(text, start, end)` less its gate on the whole text, and that gate."""
    found = _first_in(terms, _snippet(text, start, end))
    if found is None:
        return None, 0
    # the gate of `first`. `_may_hold` may skip it because a match implies it — but not
    # when the span ends inside a word ("get" of "get100"): the snippet's end then looks
    # like a word boundary that the whole text does not have (hypothesis found it)
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        gate = 2
    elif terms._implied or found.key in terms._cjk_keys:
        gate = 0  # `_may_hold` holds whatever the rest of the text
    else:
        gate = 1
    at = start - 1
    return _term((found.start + at, found.end + at, found.text, found.key, found.value)), gate


@functools.lru_cache(maxsize=4096)
def _first_in(terms: TermMatcher, snippet: str) -> Term | None:
    """The first entry in snippet[1:], positions in the snippet (the gate on the whole
    text is `first_in`'s)."""
    if terms._empty or not _snippet_may_hold(terms, snippet):
        return None
    m = terms._re.search(snippet, 1)  # type: ignore[union-attr]
    if m is None:
        return None
    key = m.group("k").lower()
    return Term(m.start(), m.end(), m.group(0), key, terms.table.get(key, ""))


#: The values a `key = value` lexicon may hold (checked when a user entry comes in).
_ALLOWED_VALUES = {
    "metric_direction": frozenset({"up", "down"}),
    "goal_verbs": frozenset({"up", "down", "better", "reach", "keep", "do"}),
}


_MATCHERS: dict[tuple[str, str, int, bool], tuple[Config | None, TermMatcher]] = {}


def matcher(
    lang: str, name: str, config: Config | None = None, inflect: bool = False
) -> TermMatcher:
    """The matcher for lexicon `name` of `lang`, with the user's additions from `config`.

    Cached by the config's identity (every rule asks on every goal, and hashing a config is
    dearer than the lookup); the entry keeps its config alive so the id cannot be reused."""
    # the one config a run uses first: no id(), and no key tuple to build and hash (two
    # look-ups by strings, whose hashes are cached; 0.22 → 0.12 µs a call, 6 calls a goal)
    by_name = (_RECENT_INFLECTED if inflect else _RECENT).get(lang)
    if by_name is not None:
        recent = by_name.get(name)
        if recent is not None and recent[0] is config:
            return recent[1]
    key = (lang, name, id(config), inflect)
    hit = _MATCHERS.get(key)
    if hit is None or hit[0] is not config:
        if len(_MATCHERS) > 512:  # many configs in one process (tests): start again
            _MATCHERS.clear()
        hit = _MATCHERS[key] = (config, _build_matcher(lang, name, config, inflect))
    (_RECENT_INFLECTED if inflect else _RECENT).setdefault(lang, {})[name] = hit
    return hit[1]


#: lang → name → the (config, matcher) asked for last; one table per `inflect`
_RECENT: dict[str, dict[str, tuple[Config | None, TermMatcher]]] = {}
_RECENT_INFLECTED: dict[str, dict[str, tuple[Config | None, TermMatcher]]] = {}


def _build_matcher(lang: str, name: str, config: Config | None, inflect: bool) -> TermMatcher:
    table = lexicon.pairs(lang, name, config)
    allowed = _ALLOWED_VALUES.get(name)
    if allowed is not None and config is not None:
        for entry in config.words(lang, name):
            value = entry.partition("=")[2]
            if value.strip().lower() not in allowed:
                where = config.source or "config"
                raise ConfigError(
                    f"{where}: [tool.smartlint.lexicon.{lang}] {name} entry {entry!r} must be "
                    f"'term = {' | '.join(sorted(allowed))}'"
                )
    return TermMatcher(lang, table, inflect)


def config_of(ctx: Any) -> Config | None:
    return getattr(ctx, "config", None)


def per_language(value: Any, lang: str, rule_code: str, key: str) -> int | None:
    """An option given as one number for all languages or as a table {lang = number}."""
    if isinstance(value, Mapping):
        value = value.get(lang)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"[tool.smartlint.rules.{rule_code}] {key.replace('_', '-')} must be a positive "
            f"whole number or a table of them per language, not {value!r}"
        )
    return value


def number_option(value: Any, rule_code: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(
            f"[tool.smartlint.rules.{rule_code}] {key.replace('_', '-')} must be a positive "
            f"number, not {value!r}"
        )
    return float(value)


# -- direction and verb ----------------------------------------------------------------

_VERB_DIRECTION = {
    "up": Direction.INCREASE,
    "down": Direction.DECREASE,
    "reach": Direction.REACH,
    "keep": Direction.KEEP,
}


@per_goal
def first_verb(goal: ParsedGoal, config: Config | None = None) -> Term | None:
    """The first goal verb of the lexicon in the text (the analysis's verb when it has one)."""
    verbs = matcher(goal.lang, "goal_verbs", config, inflect=True)
    span = goal.verb
    if span is not None:
        found = verbs.first_in(goal.text, span.start, span.end)
        if found is not None:
            return found
        lemma = (goal.verb_lemma or span.text).lower()
        value = verbs.table.get(lemma, "")
        return Term(span.start, span.end, span.text, lemma, value)
    return verbs.first(goal.text)


@per_goal
def direction(goal: ParsedGoal, config: Config | None = None) -> Direction | None:
    if goal.direction is not None:
        return goal.direction
    span = goal.verb
    if span is not None and not _may_find(goal, span, config, _DIRECTION_VALUES):
        return None  # gate: most verbs the analysis gave no direction have none (~1 µs)
    verb = first_verb(goal, config)
    return _VERB_DIRECTION.get(verb.value) if verb is not None else None


_DIRECTION_VALUES = frozenset(_VERB_DIRECTION)


# -- metric ----------------------------------------------------------------------------

_EN_METRIC_STOP = _lazy(
    r"\s(?:from|to|by|of|in|within|before|at|for|per|over|under|below|above|across)\s|[\d,;.(]"
)
_ZH_METRIC_STOP = _lazy(r"[从到至由在于前内后，,；;。\d（(]")


@per_goal
def metric_span(goal: ParsedGoal, config: Config | None = None) -> tuple[int, int] | None:
    """Where the metric is: the analysis's metric, else the words after the verb."""
    if goal.metric is not None:
        return goal.metric.start, goal.metric.end
    verb = first_verb(goal, config)
    text = goal.text
    if verb is None:
        return None
    start = verb.end
    while start < len(text) and text[start] in " \t将把":
        start += 1
    stop = _EN_METRIC_STOP if goal.lang == "en" else _ZH_METRIC_STOP
    m = stop.search(text, start)
    end = m.start() if m else len(text)
    if goal.lang == "en" and text[start:end].lower().startswith("the "):
        start += 4
    return (start, end) if end > start else None


_EN_PHRASE_END = _lazy(
    r"[,;:(]|\s(?:among|across|for|from|in|of|on|to|by|within|with|at|per|over|under)\b",
    re.IGNORECASE,
)


@per_goal
def metric_term(
    goal: ParsedGoal, name: str, config: Config | None = None, span: tuple[int, int] | None = None
) -> Term | None:
    """The lexicon entry naming the metric: the rightmost match in the metric span (the head
    of the noun phrase: "support ticket resolution rate" is a rate, not tickets)."""
    span = span or metric_span(goal, config)
    if span is None:
        return None
    terms = matcher(goal.lang, name, config)
    start, end = span
    text = goal.text
    if end - start > _SHORT:
        return _head_term(terms, goal.lang, text, start, end)
    # a metric phrase comes back in many goals: remembered by its words (6 → 2 µs) and
    # its place (then no new Term either)
    key = (terms, start, text[start - 1 : end] if start else " " + text[:end])
    found = _HEADS.get(key, _MISSING)
    if found is _MISSING:
        found = _head_in(terms, goal.lang, key[2])
        if found is not None:
            at = start - 1
            found = _term((found.start + at, found.end + at, found.text, found.key, found.value))
        if len(_HEADS) >= 4096:
            _HEADS.clear()
        _HEADS[key] = found
    if found is None:
        return None
    # the gate of `finditer` (`_may_hold`), its usual answer without the call (a Term found
    # means the list has entries): ASCII entries in lower case, an ASCII text
    if terms._implied or (terms._ascii_keys and text.isascii()):
        return found  # type: ignore[no-any-return]
    return found if terms._may_hold(text, found.key) else None  # type: ignore[no-any-return]


#: (matcher, start of the span, the span with the character before it) → the head entry
#: `metric_term` finds there, at its place in the text (`_head_in` shifted by `start`).
#: The snippet fixes the end (start + its length - 1); the language is the matcher's.
_HEADS: dict[tuple[TermMatcher, int, str], Any] = {}
_MISSING = object()


@functools.lru_cache(maxsize=4096)
def _head_in(terms: TermMatcher, lang: str, snippet: str) -> Term | None:
    if not _snippet_may_hold(terms, snippet):
        return None
    return _head_term(terms, lang, snippet, 1, len(snippet), gate=False)


def _snippet_may_hold(terms: TermMatcher, snippet: str) -> bool:
    """False when no entry can be found in the snippet: for English entries in lower-case
    ASCII and an ASCII snippet, a match starts with an entry's first word (or a one-word
    entry with its ending) standing as a whole word of the snippet. Asked when a snippet
    is first seen: most metric and verb spans hold no entry of most lists, and the search
    it saves (IGNORECASE, a hundred entries) cost ~2.5 µs a span for vague_words (measured
    on the metric spans of the benchmark's goals)."""
    if not (terms._ascii_keys and snippet.isascii()):
        return True
    words = snippet.lower().encode().translate(_NON_WORD_BYTES).decode().split()
    return not terms._firsts.isdisjoint(words)


def _head_term(
    terms: TermMatcher, lang: str, text: str, start: int, end: int, gate: bool = True
) -> Term | None:
    """The rightmost entry in text[start:end], if it is the head of the phrase."""
    found: Term | None = None
    matches: Iterable[Term]
    if gate:
        matches = terms.finditer(text, start, end)
    else:
        matches = terms._terms(text, start, end) if not terms._empty else ()
    for term in matches:
        if found is None or term.end >= found.end:
            found = term
    if found is None:
        return None
    # the entry must be the head: "运营费用占收入的比例" is a ratio, not revenue
    rest = text[found.end : end]
    if lang == "en":
        rest = _EN_PHRASE_END.split(rest, 1)[0]
        return found if len(rest.split()) <= 1 else None
    return found if len(rest.strip()) <= 2 and "的" not in rest else None


# -- numbers ---------------------------------------------------------------------------

_EN_FROM = _lazy(r"\bfrom\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_EN_TO = _lazy(r"^\s*(?:to|down to|up to|->|→|–|-)\s*$", re.IGNORECASE)
_ZH_FROM = _lazy(r"从\s*$")
_ZH_TO = _lazy(r"^\s*[^\d\s，,；;。]{0,6}?(?:到|至|为)\s*$")
_EN_BY = _lazy(r"\bby\s+(?:another\s+|a further\s+)?$", re.IGNORECASE)
_ZH_CHANGE = _lazy(
    r"(?:提高|提升|增加|增长|上升|降低|减少|下降|缩短|压缩|优化|改善|改进|增强|加强)了?\s*$"
)


@per_goal
def baseline_target(goal: ParsedGoal) -> tuple[Quantity | None, Quantity | None]:
    """The "from … to …" pair: the analysis's, else read from adjacent quantities."""
    if goal.baseline is not None or goal.target is not None:
        return goal.baseline, goal.target
    text = goal.text
    qs = goal.quantities
    if len(qs) < 2:
        return None, None  # no pair
    if goal.lang == "en":
        # gate: `_EN_FROM` needs "from" (no character outside ASCII is IGNORECASE-equal to
        # one of its letters); most goals that come here lack it, and each search ran from
        # the start of the text
        if "from" not in text.lower():
            return None, None
        from_re, to_re = _EN_FROM, _EN_TO
    else:
        from_re, to_re = _ZH_FROM, _ZH_TO
    for a, b in itertools.pairwise(qs):
        if from_re.search(text, 0, a.start) and to_re.match(text[a.end : b.start]):
            return a, b
    return None, None


_RELATIVE = (QuantityKind.PERCENT, QuantityKind.MULTIPLIER)

#: enum members bound once: `Kind.MEMBER` looks through the enum's metaclass on every
#: use (~70 ns more than a global; several a goal)
_VAGUE = TimeKind.VAGUE


@per_goal
def change_quantity(goal: ParsedGoal) -> Quantity | None:
    """The change ("by 10%", "提高10%"): the analysis's, else a percentage after "by"."""
    if goal.change is not None:
        return goal.change
    en = goal.lang == "en"
    pattern = _EN_BY if en else _ZH_CHANGE
    # gate: `_EN_BY` needs "by" (no character outside ASCII is IGNORECASE-equal to "b" or
    # "y"), which most goals with a percentage lack: tested once, at the first one
    by_tested = not en
    for q in goal.quantities:
        if q.kind in _RELATIVE:
            if not by_tested:
                if "by" not in goal.text.lower():
                    return None
                by_tested = True
            if pattern.search(goal.text[max(0, q.start - 24) : q.start]):
                return q
    return None


def comparable(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """The two values in one unit, or None when they cannot be compared."""
    if a.value is None or b.value is None:
        return None
    if a.unit == b.unit:
        return (a.value, b.value) if a.kind == b.kind or a.unit is not None else None
    if QuantityKind.UNIT not in (a.kind, b.kind):
        return None
    # pint only here, and only for two different physical units. Its conversion between
    # units without an offset is `value * factor`, the factor a function of the two units:
    # that factor is asked of pint once per pair of units (a conversion cost ~20 µs, ~1% of
    # an English lint in the benchmark: "from 200 ms to 0.5 s", "from 3 days to 8 hours")
    key = (a.kind, a.unit, b.kind, b.unit)
    factor = _FACTORS.get(key, _MISSING)
    if factor is _MISSING:
        factor = _conversion_factor(a, b)
        if len(_FACTORS) >= 1024:  # units of long junk input: start again
            _FACTORS.clear()
        _FACTORS[key] = factor
    if factor is None:
        return None
    if factor is _OFFSET:
        return _pint_comparable(a, b)
    return float(a.value * factor), float(b.value)  # type: ignore[operator]


#: (kind and unit of a, kind and unit of b) → what `_conversion_factor` gives for them
_FACTORS: dict[tuple[Any, str | None, Any, str | None], Any] = {}
_OFFSET = object()  # a unit with an offset (°C, °F): pint converts each value itself


def _pint_comparable(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """`comparable` through pint itself."""
    try:
        pa, pb = a.to_pint(), b.to_pint()
        return float(pa.to(pb.units).magnitude), float(pb.magnitude)
    except Exception:  # any unit pint cannot convert: no comparison, no finding
        return None


def _conversion_factor(a: Quantity, b: Quantity) -> Any:
    """The factor pint multiplies a value in a's unit by to give it in b's unit (what it
    gives for the value 1.0), `_OFFSET` when a unit has an offset, None when pint cannot
    convert one to the other (which depends on the units only, not on the values)."""
    try:
        pa, pb = a.to_pint(), b.to_pint()
        if not (pa._is_multiplicative and pb._is_multiplicative):
            return _OFFSET
        return pa.__class__(1.0, pa.units).to(pb.units).magnitude
    except Exception:  # any unit pint cannot convert: no comparison, no finding
        return None


# -- time ------------------------------------------------------------------------------


@per_goal
def bounding_times(goal: ParsedGoal) -> tuple[TimeFrame, ...]:
    times = goal.timeframes
    if not times:
        return ()  # one goal in four: no generator made
    vague = _VAGUE
    if len(times) == 1:  # most goals with a time frame: no list, no new tuple
        only = times[0]
        return tuple(times) if only.bounding and only.kind is not vague else ()
    return tuple([t for t in times if t.bounding and t.kind is not vague])


@per_goal
def deadline(goal: ParsedGoal) -> TimeFrame | None:
    """The time frame that bounds the goal, with the latest end date among those that have one."""
    best: TimeFrame | None = None
    for t in bounding_times(goal):
        if t.end_date is not None and (best is None or t.end_date > (best.end_date or date.min)):
            best = t
    return best


def word_count(text: str) -> int:
    return len(text.split())


def spans_overlap(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


@per_goal
def signed_direction(goal: ParsedGoal, config: Config | None = None) -> Direction | None:
    """INCREASE or DECREASE when the verb itself says which way; None for verbs whose way
    depends on the metric ("improve latency" means lower it) and for the rest."""
    way = goal.direction
    span = goal.verb
    if way is not None:
        if way not in _SIGNED:
            return None  # whatever the verb
        if span is not None and not _may_find(goal, span, config, _BETTER_VALUE):
            # gate: `first_verb` is read here only for its value being "better", and few
            # goals have such a verb: most need no search of the verb (~1 µs a goal)
            return way
    elif span is not None and not _may_find(goal, span, config, _SIGNED_VALUES):
        # without the analysis's direction, only a verb of value "up" or "down" gives one
        return None
    verb = first_verb(goal, config)
    if verb is not None and verb.value == "better":
        return None
    way = goal.direction  # what `direction` answers first, without its memo (~0.2 µs)
    if way is None:
        way = direction(goal, config)
    return way if way in _SIGNED else None


_SIGNED = (Direction.INCREASE, Direction.DECREASE)

_BETTER_VALUE = frozenset(["better"])
_SIGNED_VALUES = frozenset(["up", "down"])

#: (matcher of `goal_verbs`, values) → its entries of those values, whether a test for them
#: as plain substrings holds on any text (none of them has case) and not on ASCII text
#: only, and the answers so far by (the analysis's lemma, the verb's text), the same few
#: coming back goal after goal
_VALUED: dict[
    tuple[TermMatcher, frozenset[str]],
    tuple[tuple[str, ...], bool, dict[tuple[str | None, str, str], bool]],
] = {}
#: the last (matcher, values, entry) of `_VALUED` read: the rules ask with one matcher
#: and two or three value sets, in turn
_valued_last: tuple[Any, Any, Any] = (None, None, None)


def _may_find(goal: ParsedGoal, span: Span, config: Config | None, values: frozenset[str]) -> bool:
    """False when `first_verb(goal, config)`, for a goal with the verb `span`, cannot have
    a value among `values`: the verb's own entry has none of them, and no entry that has
    one is inside the span. (A Term `first_in` finds there is an entry matched within the
    span, so its key is a substring of the span's text: lower-cased when that is ASCII,
    where IGNORECASE is lower-casing; as it is when the entries have no case at all.)"""
    global _valued_last
    verbs = matcher(goal.lang, "goal_verbs", config, inflect=True)
    last = _valued_last
    if last[0] is verbs and last[1] is values:
        entry = last[2]
    else:
        entry = _VALUED.get((verbs, values))
        if entry is None:
            if len(_VALUED) > 64:  # matchers of many configs (tests): start again
                _VALUED.clear()
            keys = tuple(k for k, v in verbs.table.items() if v in values)
            caseless = all(k.lower() == k.upper() for k in keys)
            entry = _VALUED[verbs, values] = (keys, caseless, {})
        _valued_last = (verbs, values, entry)
    # Both tests below read only the analysis's lemma, the span's text and the text the
    # span covers: the answer is remembered by those (one look-up for a verb seen before,
    # instead of the lower-casing and the two look-ups of the first test)
    piece = goal.text[span.start : span.end]
    key = (goal.verb_lemma, span.text, piece)
    seen = entry[2]
    hit = seen.get(key)
    if hit is None:
        hit = _valued_in(verbs, values, entry, goal.verb_lemma, span.text, piece)
        if len(seen) > 4096:  # verbs of long junk input: start again
            seen.clear()
        seen[key] = hit
    return hit


def _valued_in(
    verbs: TermMatcher,
    values: frozenset[str],
    entry: tuple[tuple[str, ...], bool, Any],
    lemma: str | None,
    span_text: str,
    piece: str,
) -> bool:
    """`_may_find` for a verb not seen before."""
    if verbs.table.get((lemma or span_text).lower()) in values:
        return True
    keys, caseless = entry[0], entry[1]
    if caseless or piece.isascii():
        low = piece if caseless else piece.lower()
        return any(key in low for key in keys)
    return True
