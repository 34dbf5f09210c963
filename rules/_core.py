"""What the four core rules (M101, T101, S101, S102) read from a parsed goal.

The four rules ask related questions of the same goal — is there a measure, a time bound,
a vague outcome, an output in the main clause — so the evidence is gathered once per goal
(`signals`) and each rule reads the part it needs. Word lists are data
(`smartlint/data/<lang>/*.txt`), loaded through `smartlint.lexicon.words` so that users can
extend them in config.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from smartlint_rules._support import _tokens, trie_pattern

from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.lang.en.goal import (
    ANALYSIS_LIMIT,
    FRONTED,
    PLACEHOLDER,
    Token,
    forms_of,
    ing_form,
    tokenize,
    verb_lemma,
)
from smartlint.lexicon import words
from smartlint.model import (
    Direction,
    ParsedGoal,
    Quantity,
    QuantityKind,
    Span,
    TimeFrame,
    TimeKind,
)
from smartlint.rule import RuleContext

# Module-level regexes are compiled when first used (see `smartlint._lazyre`): a check of
# English goals never uses the Chinese ones, nor some of the English ones (~17 ms of a cold
# `smartlint check` went to compiling all ~65 at import).
_lazy = lazy_compiler(globals())


# ---------------------------------------------------------------------------------------
# The evidence


class Signals:
    """The evidence the core rules judge a goal by.

    A class with slots, made positionally by the evidence (its `__init__` is ~0.1 µs more
    than ten stores written out, timeit): a named tuple made by `tuple.__new__` cost more
    to make, and each of the ~10 reads of
    its fields a goal went through the tuple's field descriptor, which the interpreter
    does not specialise (a slot read it does). The rules only read it, as they read one
    goal's evidence in turn (`signals` hands the same object to each).
    """

    # the fields, in the order `__init__` takes them
    _fields = (
        "measures",  # quantities that state a level (not dates, ids, names)
        # `threshold` and `plan` are looked for only where the rules read them: the
        # threshold when no measure states the level, the plan also when the target is
        # unset (with a stated level neither changes a finding, a message or a rewrite)
        "threshold",  # a level stated in words: "all candidates", "zero", "above GDP"
        "placeholders",  # unset values: "X%", "TBD", "<target>"
        "unset_target",  # the level the goal aims at is a placeholder
        "plan",  # "achieve the plan / quota" with no figure
        "time_bound",  # a time bound in the text (a bounding time frame or an event)
        "vague",  # the first vague cue in an unpinned goal
        "output",  # the activity or deliverable the main clause states
        "verb",  # the main verb as the rules see it
        "quantified",  # a level is stated (a measure or a threshold) and not unset
    )
    __slots__ = _fields
    measures: tuple[Quantity, ...]
    threshold: Span | None
    placeholders: tuple[Span, ...]
    unset_target: bool
    plan: Span | None
    time_bound: bool
    vague: Span | None
    output: Span | None
    verb: Span | None
    quantified: bool

    def __init__(
        self,
        measures: tuple[Quantity, ...],
        threshold: Span | None,
        placeholders: tuple[Span, ...],
        unset_target: bool,
        plan: Span | None,
        time_bound: bool,
        vague: Span | None,
        output: Span | None,
        verb: Span | None,
        quantified: bool | None = None,
    ) -> None:
        self.measures = measures
        self.threshold = threshold
        self.placeholders = placeholders
        self.unset_target = unset_target
        self.plan = plan
        self.time_bound = time_bound
        self.vague = vague
        self.output = output
        self.verb = verb
        self.quantified = (
            bool(measures or threshold) and not unset_target if quantified is None else quantified
        )

    def _astuple(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Signals:
            return NotImplemented
        return self._astuple() == other._astuple()

    def __hash__(self) -> int:
        return hash(self._astuple())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"Signals({fields})"


_new_object = object.__new__


_SPAN_SLOT = Span.__dict__
_set_span_start = _SPAN_SLOT["start"].__set__
_set_span_end = _SPAN_SLOT["end"].__set__
_set_span_text = _SPAN_SLOT["text"].__set__


def _span(start: int, end: int, text: str) -> Span:
    """`Span(start, end, text)` at half the cost: the frozen dataclass's slots set through
    their descriptors, without its keyword `__init__`."""
    span: Span = object.__new__(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, text)
    return span


# One goal is checked by all four rules in a row: keep the last result.
_last: tuple[ParsedGoal, Config | None, Signals] | None = None


def signals(goal: ParsedGoal, ctx: RuleContext) -> Signals:
    """The evidence for `goal` (computed once per goal and config)."""
    global _last
    last = _last
    if last is not None and last[0] is goal and last[1] is ctx.config:
        return last[2]
    config = ctx.config
    view = goal if len(goal.text) <= ANALYSIS_LIMIT else _bounded(goal)
    result = _zh_signals(view, config) if goal.lang == "zh" else _en_signals(view, config)
    _last = (goal, config, result)
    return result


def _bounded(goal: ParsedGoal) -> ParsedGoal:
    """The goal as far as the analysis reads it: goals are short, and a very long text
    must not make the rules slow (rule S100 reports its length)."""
    if len(goal.text) <= ANALYSIS_LIMIT:
        return goal

    def inside(span: Any) -> Any:
        return span if span is not None and span.end <= ANALYSIS_LIMIT else None

    return dataclasses.replace(
        goal,
        text=goal.text[:ANALYSIS_LIMIT],
        quantities=tuple(q for q in goal.quantities if q.end <= ANALYSIS_LIMIT),
        timeframes=tuple(t for t in goal.timeframes if t.end <= ANALYSIS_LIMIT),
        placeholders=tuple(p for p in goal.placeholders if p.end <= ANALYSIS_LIMIT),
        verb=inside(goal.verb),
        metric=inside(goal.metric),
        baseline=inside(goal.baseline),
        target=inside(goal.target),
        change=inside(goal.change),
    )


# ---------------------------------------------------------------------------------------
# Lexicons


# Word lists and their regexes per (language, list, config), cached by the config's
# identity like `_support.matcher`: the core rules ask ~15 times a goal, and going through
# `words()` (a new set when the config adds words) and hashing the list each time cost
# ~15 µs a goal (measured). The entry keeps its config alive, so the id cannot be reused.
_LEX: dict[tuple[str, str, int], tuple[Config | None, frozenset[str]]] = {}
_PHRASES: dict[tuple[str, str, int], tuple[Config | None, re.Pattern[str] | None]] = {}


def lex(lang: str, name: str, config: Config | None) -> frozenset[str]:
    key = (lang, name, id(config))
    hit = _LEX.get(key)
    if hit is not None and hit[0] is config:
        return hit[1]
    if len(_LEX) > 512:  # many configs in one process (tests): start again
        _LEX.clear()
    found = words(lang, name, config)
    _LEX[key] = (config, found)
    return found


_HAN_ONLY = _lazy(r"[\u4e00-\u9fff]+")


@functools.lru_cache(maxsize=128)
def _phrase_regex(entries: frozenset[str], han: bool) -> re.Pattern[str] | None:
    """One alternation over a word list, longest entries first (whole words for English)."""
    if not entries:
        return None
    if han and all(_HAN_ONLY.fullmatch(e) for e in entries):
        # Chinese characters have no case, and a trie finds at each position the longest
        # entry there, as the longest-first alternation does (each node's branches start
        # with different characters, and a shorter entry is the fallback): the same
        # matches, without trying each of 140 verbs in turn (output_verbs 0.78 → 0.43 µs
        # a search, vague_words 0.50 → 0.42; measured)
        return re.compile(trie_pattern(sorted(entries)))
    alts = "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))
    if han:
        return re.compile(f"(?:{alts})", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def phrase_regex(lang: str, name: str, config: Config | None) -> re.Pattern[str] | None:
    key = (lang, name, id(config))
    hit = _PHRASES.get(key)
    if hit is not None and hit[0] is config:
        return hit[1]
    if len(_PHRASES) > 512:
        _PHRASES.clear()
    pattern = _phrase_regex(lex(lang, name, config), lang == "zh")
    _PHRASES[key] = (config, pattern)
    return pattern


# An English word list as `phrase_regex` matches it, but tried only where it can match.
#
# Why: the alternation is tried at every position of the goal (vague_words: 160 entries,
# ~28 µs a goal; deadline_events ~18 µs), and on most goals no entry occurs at all. An
# entry can only match where the goal has a word (a maximal \w run) equal to the entry's
# first word: the regex's (?<![\w-]) puts the match at the start of a run, and the entry
# either ends there ((?![\w-])) or goes on with a non-word character. So the entries are
# grouped by first word, and each group is tried only at the runs that equal its key,
# left to right, skipping runs inside the previous match — the same matches, in the same
# order, as `finditer` over the whole alternation (each group keeps the longest-first
# order). This holds when the entries are ASCII and start with a word character, and the
# text has none of the four non-ASCII characters that match ASCII letters under
# IGNORECASE; otherwise the whole alternation is used.
_WORD_RUN = _lazy(r"\w+")
_ASCII_WORD_START = _lazy(r"[A-Za-z0-9_]")
_ODD_CASE = _lazy("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K: IGNORECASE-equal to i, s, k


def _is_word_char(c: str) -> bool:
    """What \\w matches in a str pattern: Unicode alphanumerics and "_"."""
    return c.isalnum() or c == "_"


class _EnText:
    """One goal's lower-cased text and its words (maximal \\w runs), read once."""

    __slots__ = ("lower", "safe", "words")

    def __init__(self, lower: str, text: str | None = None) -> None:
        """`text`: the text `lower` was lower-cased from, when the caller has it; its word
        set is then the one the rules' matchers read for the goal (`_support._tokens`),
        made once for both. (The evidence of each goal makes its own without this call:
        see `_en_signals`.)"""
        self.lower = lower
        # Read up front, not on first use: every goal's evidence reads them, and a property
        # cost ~0.15 µs an access (four a goal).
        self.words = _tokens(lower if text is None else text)
        self.safe = True if lower.isascii() else _ODD_CASE.search(lower) is None


class _EnPhrases:
    """The matches of one English word list in a goal (see the comment above)."""

    __slots__ = ("compiled", "empty", "entries", "firsts", "groups", "rests")

    def __init__(self, entries: frozenset[str]) -> None:
        self.entries = entries
        self.empty = not entries
        # first word → its entries; each group's regex is compiled on first use (compiling
        # every group of every list up front cost ~50 ms of a cold `smartlint check`)
        self.groups: dict[str, tuple[str, ...]] | None = None
        self.compiled: dict[str, re.Pattern[str]] = {}
        # the groups' keys as a frozenset: `&` and `isdisjoint` with the goal's words then
        # go over the smaller set (on the dict's keys they build a set of all the keys)
        self.firsts: frozenset[str] = frozenset()
        # An entry's other words are whole runs of the text too, where it matches (the
        # same reasoning as for its first word). For a first word whose every entry has
        # others ("the majority of", "end of the quarter"), the sets of those others: the
        # group can match only where one set is among the goal's words. A first word with
        # a one-word entry has no set here (always tried). Skips the scan of a common first
        # word ("the", "end", "next") on most goals that have it.
        self.rests: dict[str, tuple[frozenset[str], ...]] = {}
        if self.empty or not all(e.isascii() and _ASCII_WORD_START.match(e) for e in entries):
            return
        by_first: dict[str, list[str]] = {}
        # the order of `_phrase_regex` (same set, same sort), kept within each group
        for e in sorted(entries, key=len, reverse=True):
            by_first.setdefault(_WORD_RUN.match(e.lower()).group(), []).append(e)  # type: ignore[union-attr]
        self.groups = {first: tuple(group) for first, group in by_first.items()}
        self.firsts = frozenset(by_first)
        for first, group in by_first.items():
            rests = {frozenset(_WORD_RUN.findall(e.lower())) - {first} for e in group}
            if frozenset() not in rests:
                self.rests[first] = tuple(rests)

    @property
    def full(self) -> re.Pattern[str] | None:
        """The whole list as one regex (for text the groups cannot be trusted on)."""
        return _phrase_regex(self.entries, False)

    def _group(self, word: str) -> re.Pattern[str] | None:
        pattern = self.compiled.get(word)
        if pattern is None:
            group = self.groups.get(word) if self.groups is not None else None
            if group is None:
                return None
            pattern = re.compile(
                rf"(?<![\w-])(?:{'|'.join(re.escape(e) for e in group)})(?![\w-])", re.IGNORECASE
            )
            self.compiled[word] = pattern
        return pattern

    def _viable(self, found: frozenset[str], words: frozenset[str]) -> list[str]:
        """Of the first words `found` among `words`, those whose groups can match."""
        # loops, not a comprehension with any(...) inside: no function, generator and
        # frame made for each first word (one goal in three comes here)
        rests = self.rests
        out = []
        for w in found:
            sets = rests.get(w)
            if sets is None:
                out.append(w)
                continue
            for r in sets:
                if r <= words:
                    out.append(w)
                    break
        return out

    def finditer(self, t: _EnText) -> list[re.Match[str]]:
        if self.groups is None or not t.safe:
            full = self.full
            return [] if full is None else list(full.finditer(t.lower))
        words = t.words
        if self.firsts.isdisjoint(words):
            return []  # most goals: no entry's first word occurs (and no set is made)
        found = self.firsts & words
        firsts = self._viable(found, words)
        if not firsts:
            return []
        # where those words stand as whole runs, in text order (str.find, not every run)
        lower = t.lower
        size = len(lower)
        starts = []
        for word in firsts:
            n = len(word)
            at = lower.find(word)
            while at >= 0:
                if (at == 0 or not _is_word_char(lower[at - 1])) and (
                    at + n == size or not _is_word_char(lower[at + n])
                ):
                    starts.append((at, word))
                at = lower.find(word, at + n)
        starts.sort()
        out = []
        done = 0
        for start, word in starts:
            if start < done:
                continue
            m = self._group(word).match(lower, start)  # type: ignore[union-attr]
            if m is not None:
                out.append(m)
                done = m.end()
        return out

    def possible(self, t: _EnText) -> bool:
        """False when no entry can match anywhere in the text."""
        if self.empty:
            return False
        if self.groups is None or not t.safe:
            return True
        words = t.words
        if self.firsts.isdisjoint(words):
            return False  # most goals (and no set is made)
        # `bool(self._viable(self.firsts & words, words))`, ending at the first viable word
        rests = self.rests
        for w in self.firsts & words:
            sets = rests.get(w)
            if sets is None:
                return True
            for r in sets:
                if r <= words:
                    return True
        return False

    def search(self, t: _EnText) -> re.Match[str] | None:
        found = self.finditer(t)
        return found[0] if found else None

    def match(self, t: _EnText, pos: int) -> re.Match[str] | None:
        if self.groups is None or not t.safe:
            full = self.full
            return None if full is None else full.match(t.lower, pos)
        run = _WORD_RUN.match(t.lower, pos)
        group = self._group(run.group()) if run is not None else None
        return None if group is None else group.match(t.lower, pos)


_EN_PHRASES: dict[tuple[str, int], tuple[Config | None, _EnPhrases]] = {}


def en_phrases(name: str, config: Config | None) -> _EnPhrases:
    key = (name, id(config))
    hit = _EN_PHRASES.get(key)
    if hit is not None and hit[0] is config:
        return hit[1]
    if len(_EN_PHRASES) > 512:
        _EN_PHRASES.clear()
    built = _EnPhrases(lex("en", name, config))
    _EN_PHRASES[key] = (config, built)
    return built


class _EnLexicon:
    """The English word lists and phrase matchers of one config, fetched once a goal: the
    evidence asks for ~9 of them a goal, at ~0.25 µs a `lex` / `en_phrases` lookup."""

    __slots__ = (
        "benchmarks",
        "deadline_events",
        "digit_names",
        "metric_nouns",
        "output_states",
        "output_verbs",
        "plan_words",
        "state_nouns",
        "thresholds",
        "vague_verbs",
        "vague_words",
    )

    def __init__(self, config: Config | None) -> None:
        self.output_verbs = lex("en", "output_verbs", config)
        self.metric_nouns = lex("en", "metric_nouns", config)
        self.plan_words = lex("en", "plan_words", config)
        self.state_nouns = lex("en", "state_nouns", config)
        self.vague_verbs = lex("en", "vague_verbs", config)
        self.thresholds = en_phrases("thresholds", config)
        self.benchmarks = en_phrases("benchmarks", config)
        self.deadline_events = en_phrases("deadline_events", config)
        self.vague_words = en_phrases("vague_words", config)
        self.output_states = en_phrases("output_states", config)
        self.digit_names = _DigitNames("en", config)


_EN_LEXICONS: dict[int, tuple[Config | None, _EnLexicon]] = {}


# The last config's lexicon, read by the evidence without a call (one config in a run).
_en_last: tuple[Config | None, _EnLexicon] | None = None


_L = TypeVar("_L")


def _lexicon_entry(
    table: dict[int, tuple[Config | None, _L]],
    build: Callable[[Config | None], _L],
    config: Config | None,
) -> tuple[Config | None, _L]:
    """The (config, lexicon bundle) for `config` from `table`, built on first use. Keyed
    by identity: the entry keeps its config alive, so the id cannot be reused."""
    hit = table.get(id(config))
    if hit is not None and hit[0] is config:
        return hit
    if len(table) > 512:  # many configs in one process (tests): start again
        table.clear()
    entry = table[id(config)] = (config, build(config))
    return entry


def _en_lexicon(config: Config | None) -> _EnLexicon:
    global _en_last
    _en_last = _lexicon_entry(_EN_LEXICONS, _EnLexicon, config)
    return _en_last[1]


_ZH_LISTS = (
    "benchmarks",
    "deadline_events",
    "metric_nouns",
    "outcome_verbs",
    "output_states",
    "output_verbs",
    "state_nouns",
    "thresholds",
    "vague_verbs",
    "vague_words",
)


class _ZhLexicon:
    """The Chinese word-list regexes of one config, fetched once a goal: the Chinese
    evidence asks for them ~13 times a goal, at ~0.35 µs a `phrase_regex` lookup."""

    __slots__ = (*_ZH_LISTS, "digit_names", "verb_lists")
    benchmarks: re.Pattern[str] | None
    deadline_events: re.Pattern[str] | None
    metric_nouns: re.Pattern[str] | None
    outcome_verbs: re.Pattern[str] | None
    output_states: re.Pattern[str] | None
    output_verbs: re.Pattern[str] | None
    state_nouns: re.Pattern[str] | None
    thresholds: re.Pattern[str] | None
    vague_verbs: re.Pattern[str] | None
    vague_words: re.Pattern[str] | None
    verb_lists: tuple[tuple[str, re.Pattern[str], int], ...]
    digit_names: _DigitNames

    def __init__(self, config: Config | None) -> None:
        for name in _ZH_LISTS:
            setattr(self, name, phrase_regex("zh", name, config))
        self.digit_names = _DigitNames("zh", config)
        # the three verb lists `_zh_first_verb` reads, with their longest entry
        self.verb_lists = tuple(
            (kind, pattern, max(map(len, lex("zh", name, config)), default=0))
            for kind, name in (
                ("output", "output_verbs"),
                ("outcome", "outcome_verbs"),
                ("vague", "vague_verbs"),
            )
            if (pattern := getattr(self, name)) is not None  # an empty list finds nothing
        )


_ZH_LEXICONS: dict[int, tuple[Config | None, _ZhLexicon]] = {}


# as `_en_last`
_zh_last: tuple[Config | None, _ZhLexicon] | None = None


def _zh_lexicon(config: Config | None) -> _ZhLexicon:
    global _zh_last
    _zh_last = _lexicon_entry(_ZH_LEXICONS, _ZhLexicon, config)
    return _zh_last[1]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# ---------------------------------------------------------------------------------------
# Shared pieces

_VALUE_PLACEHOLDER = PLACEHOLDER
_ZH_PLACEHOLDER = _lazy(
    r"[XxＸ]{1,3}\s?[%％]|[XxＸ]{1,3}(?=[个家名万亿元次天%％])|待定|待确定|待补充|【[^【】]{1,20}】|<[^<>]{1,20}>|（待定）"
)
_YEAR = _lazy(r"(?:19|20)\d\d")
# A time frame with dates in it: its numbers are dates, not levels.
_DATE_KINDS = frozenset({TimeKind.DEADLINE, TimeKind.PERIOD, TimeKind.REFERENCE})
# Enum members bound once: `TimeKind.WINDOW` goes through the enum class's attribute lookup
# (~90 ns each, measured), and the evidence tests kinds ~10 times a goal.
_WINDOW = TimeKind.WINDOW
_PERIOD = TimeKind.PERIOD
_DEADLINE = TimeKind.DEADLINE
_NUMBER = QuantityKind.NUMBER
_UNIT = QuantityKind.UNIT
_CURRENCY = QuantityKind.CURRENCY
_MOVE_DIRECTIONS = (Direction.INCREASE, Direction.DECREASE, Direction.KEEP)


#: `_pending_doc()` once it has been asked for (read by the evidence without a call)
_PendingDoc: Any = None


@functools.cache
def _pending_doc() -> Any:
    global _PendingDoc
    from smartlint.pipeline import PendingDoc  # lazily: the pipeline imports spaCy

    _PendingDoc = PendingDoc
    return PendingDoc


# Characters each alternative of `_ZH_PLACEHOLDER` starts with or needs.
_ZH_PLACEHOLDER_GATE = _lazy(r"[XxＸ待【<]")


def _placeholders(goal: ParsedGoal) -> tuple[Span, ...]:
    if goal.placeholders:
        return goal.placeholders
    text = goal.text
    if goal.lang == "zh":
        # gate: a one-class scan instead of the alternation at every position (3.4 → 0.3 µs)
        if _ZH_PLACEHOLDER_GATE.search(text) is None:
            return ()
        pattern = _ZH_PLACEHOLDER
    else:
        # The default pipeline's analysis already scanned this very text with this regex
        # and found nothing: scanning again would find nothing (7.8 µs a goal).
        doc = goal.source_doc
        if (
            doc is not None  # before `_pending_doc()`: a goal built by hand imports no spaCy
            and len(text) <= ANALYSIS_LIMIT
            and type(doc) is _pending_doc()
            and doc.lang == "en"
            and doc.text == text
        ):
            return ()
        pattern = _VALUE_PLACEHOLDER
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))


_EN_RELATIVE_AFTER = _lazy(r"\s+(?:of|after|from|since|upon|following)\s+\w", re.I)
_ZH_RELATIVE_BEFORE = _lazy(r"(?:后|之后|起|以后|收到|受理|入职|发生)\s*\Z")
_SHORT_UNITS = _lazy(
    r"(?:second|minute|hour|business day|working day|秒|分钟|小时|个?工作日)", re.I
)


def _short_units(text: str) -> bool:
    """`_SHORT_UNITS.search(text) is not None`, without the regex on ASCII text (where its
    IGNORECASE is plain lower-casing and the Chinese words cannot occur): ~0.5 µs a window."""
    if text.isascii():
        low = text.lower()
        return (
            "second" in low
            or "minute" in low
            or "hour" in low
            or "business day" in low
            or "working day" in low
        )
    # without a Chinese unit only the English words could match, and each has a "d" or a
    # "u", which IGNORECASE matches to nothing but themselves: most Chinese windows
    if not (
        "秒" in text
        or "分钟" in text
        or "小时" in text
        or "工作日" in text
        or "d" in text
        or "u" in text
        or "D" in text
        or "U" in text
    ):
        return False
    return _SHORT_UNITS.search(text) is not None


_POPULATION = _lazy(
    r"\s*(?:\d+(?:\.\d+)?\s?%\s+of|(?<![\w-])(?:all|every|each|any)\s)|所有|每[个位名家件笔]|全部|\d+(?:\.\d+)?\s?%的",
    re.I,
)


_SUBORDINATOR = _lazy(
    r"(?<![\w-])(?:that|which|so|enabling|enables|allowing|allows|helping|helps|letting|lets)"
    r"(?![\w-])|使|让|以便|从而",
    re.I,
)


# fmt: off
_SUBORDINATOR_WORDS = frozenset(
    ["that", "which", "so", "enabling", "enables", "allowing", "allows", "helping", "helps",
     "letting", "lets"]
)
# fmt: on
_SUBORDINATOR_ZH = ("使", "让", "以便", "从而")


def is_metric_window(
    goal: ParsedGoal,
    tf: TimeFrame,
    et: _EnText | None = None,
    per_member: bool | None = None,
) -> bool:
    """A window that measures time-to-result rather than bounding the goal.

    "contacted within 5 minutes", "95% of applications are decided within 3 weeks",
    "within 10 days of month end", "… that enables new hires to hit quota within four
    months": the duration is the level each case must reach, counted from its own start.

    `et` (the goal's lower-cased text) and `per_member` (`population_subject`) may be
    passed when the caller has them already.
    """
    if tf.kind is not _WINDOW:
        return False
    text = goal.text
    rel = _EN_RELATIVE_AFTER.match(text, tf.end)
    if rel is not None and not (population_subject(text) if per_member is None else per_member):
        # "within 6 months of launch": one event, named in the deadline lexicon, bounds it
        events = en_phrases("deadline_events", None)
        et = et or _EnText(text.lower())
        lower, pos = et.lower, rel.end() - 1
        for _ in range(4):  # up to three modifiers: "of the 2027 user conference"
            if events.empty or events.match(et, pos):
                rel = None
                break
            w = _EN_WORD_SPACE.match(lower, pos)
            if w is None:
                break
            pos = w.end()
    if rel is not None or (
        # gate: its words are Chinese (an English goal's text is ASCII: ~0.2 µs a window)
        not text.isascii() and _ZH_RELATIVE_BEFORE.search(text, max(0, tf.start - 6), tf.start)
    ):
        return True  # counted from an event of each case: "within 10 days of month end"
    if _short_units(tf.text):
        return True  # nobody bounds a goal in minutes or hours
    start = tf.start
    sentence_start = (
        max(
            text.rfind(".", 0, start),
            text.rfind(";", 0, start),
            text.rfind("。", 0, start),
            text.rfind("；", 0, start),
        )
        + 1
    )
    if sentence_start == 0 and per_member is not None:
        population = per_member  # the caller's `population_subject(text)`: the same test
    elif sentence_start == 0:
        population = _population_at(text, _label_end(text))
    else:
        # a later sentence may have its own label: "… KR2: 95% of tickets answered within
        # 2 days" (`_EN_LABEL` is anchored with `^` and never matches past the start)
        label = _en_label_anywhere().match(text, sentence_start)
        population = _population_at(text, label.end() if label else sentence_start)
    if population:
        return True  # a level each member of a population must reach
    for t in goal.timeframes[:8]:  # a loop: the generator of any(...) cost more
        if t.bounding and t.start < start:
            return True  # the goal's own bound comes first
    # in a clause stating the result of the main action, in the same sentence:
    # "… a programme that enables new hires to hit quota within four months"
    if (
        et is not None
        and et.safe
        and _SUBORDINATOR_WORDS.isdisjoint(et.words)
        and not ("使" in text or "让" in text or "以便" in text or "从而" in text)
    ):  # (`_SUBORDINATOR_ZH`, without a generator)
        return False  # gate: none of the words the regex looks for (2 µs a window)
    return bool(_SUBORDINATOR.search(text, sentence_start, tf.start))


# "a 1-month boot camp", "two-week sprint": a duration naming the deliverable
_ADJECTIVAL_DURATION = _lazy(r"^\w+-(?:second|minute|hour|day|week|month|quarter|year)$", re.I)

_SCOPE_NOUNS = frozenset(
    [
        "vision",
        "strategy",
        "strategies",
        "priorities",
        "renewals",
        "pipeline",
        "close",
        "results",
        "roadmap",
        "budget",
        "forecast",
        "revenue",
        "sales",
        "bookings",
        "numbers",
        "report",
        "reports",
        "review",
        "planning",
        "kickoff",
        "offsite",
        "board",
        "plan",
        "plans",
        "targets",
        "goals",
        "okrs",
        "okr",
        "quota",
        "quotas",
        "cohort",
        "cohorts",
        "hires",
        "class",
        "intake",
        "release",
    ]
)
# "2027年营收目标" names a target; "2027年营收达到5亿元" is earned in 2027 and bounded by it
_ZH_SCOPE_AFTER = _lazy(
    r"(?:的)?(?:(?:业绩|营收|收入|销售额|销售)(?:的)?)?"
    r"(?:目标|计划|预算|任务|指标|规划|报告|总结|考核)"
)
# The characters a `_ZH_SCOPE_AFTER` match starts with.
_ZH_SCOPE_AFTER_FIRST = frozenset("的业营收销目计预任指规报总考")
# Results earned during the period they are named by (see `is_scope_frame`).
_EN_RESULT_NOUNS = frozenset(["revenue", "sales", "bookings"])
_EN_PLAN_AFTER = _lazy(
    r"\s+(?:[a-z]+\s+)?(?:targets?|plans?|goals?|quotas?|forecasts?|budgets?|numbers|reports?|"
    r"reviews?|kickoff|kick-off|pipeline)\b",
    re.IGNORECASE,
)
_EN_REPORT_VERBS = frozenset(
    ["report", "present", "publish", "review", "share", "audit", "forecast", "analyze", "analyse"]
)
_EN_FRAME_PREP = _lazy(
    r"^(?:by|in|before|during|until|till|within|over|through|for|this|next|at|no later than)\b",
    re.I,
)


_ZH_HAN = _lazy(r"[\u4e00-\u9fff]")
_ZH_SCOPE_END = frozenset("前内底末止")
# the word right after a time frame (compiled here: `re.match` looks its cache up per call)
_EN_NEXT_WORD = _lazy(r"\s([a-z][\w-]*)")
_ZH_WINDOW_END = _lazy(r"[，,；;。]")
_ZH_LEAD_SPLIT = _lazy(r"[，,。；;、\s]")
_ZH_CORE_DROP = _lazy(r"[\s，,。；;、]")
# fmt: off
_ZH_VERBS_BEFORE = ("完成", "制定", "编制", "发布", "审计", "评估", "实现", "达成", "开展", "启动",
                    "撰写", "编写", "提交", "做好", "落实")
# fmt: on
_ZH_VERB_BEFORE = _lazy(f"(?:{'|'.join(_ZH_VERBS_BEFORE)})$")


def _zh_verb_before(piece: str) -> bool:
    """`_ZH_VERB_BEFORE.search(piece) is not None` as two `endswith` ($ also matches before
    a final newline): ~0.3 µs a Chinese period."""
    return piece.endswith(_ZH_VERBS_BEFORE) or (
        piece.endswith("\n") and piece[:-1].endswith(_ZH_VERBS_BEFORE)
    )


# How an English time frame starts, by its text (the same few come back goal after goal:
# "by Q3", "in 2027"; a look-up instead of `_EN_FRAME_PREP` and lower(), ~0.3 µs a frame)
_FOR, _PREP, _NO_PREP = "for", "prep", "none"
_EN_FRAME_HEADS: dict[str, str] = {}


def _frame_head(text: str) -> str:
    """`_FOR` for a frame that starts with "for ", else `_PREP` when `_EN_FRAME_PREP`
    matches it, else `_NO_PREP`."""
    head = (
        _FOR if text[:4].lower() == "for " else _PREP if _EN_FRAME_PREP.match(text) else _NO_PREP
    )
    if len(_EN_FRAME_HEADS) > 4096:  # frame texts of long junk input: start again
        _EN_FRAME_HEADS.clear()
    _EN_FRAME_HEADS[text] = head
    return head


def is_scope_frame(goal: ParsedGoal, tf: TimeFrame) -> bool:
    """A period that only says which things are counted: "Q2 pipeline", "年度目标"."""
    kind = tf.kind  # by identity: `in` on enum members compares through Python-level __eq__
    if kind is not _PERIOD and kind is not _DEADLINE:
        return False
    text = goal.text
    if goal.lang == "zh":
        # what re.search(r"[前内底末止]$", tf.text) finds ($ also before a final newline),
        # without the regex cache lookup and scan
        t = tf.text
        if (t[-2:-1] if t.endswith("\n") else t[-1:]) in _ZH_SCOPE_END:
            return False
        # gates: the character after the frame, read once, before the regexes (~0.3 µs)
        after = text[tf.end : tf.end + 1]
        if after in _ZH_SCOPE_AFTER_FIRST and _ZH_SCOPE_AFTER.match(text, tf.end):
            return True
        # "完成FY22审计": a period between a verb and its object names the object
        # (`_ZH_HAN.match(text, tf.end)`: a Chinese character after it)
        return "\u4e00" <= after <= "\u9fff" and _zh_verb_before(
            text[max(0, tf.start - 4) : tf.start]
        )
    head = _EN_FRAME_HEADS.get(tf.text)
    if head is None:
        head = _frame_head(tf.text)
    start = tf.start
    # the character before the space before the frame: most are not "r", and the text
    # before then does not end with "for" (no slice, strip and lower: ~0.2 µs a frame)
    c = text[start - 2 : start - 1]
    if head is not _FOR and text[start - 1 : start] == " " and c and c not in "rR" and (
            not c.isspace()):
        if head is _PREP:
            return False  # most frames: "by Q3", "in 2027" bound the goal (as below)
        prev = []
    elif head is _FOR:
        prev = text[max(0, start - 30) : start].lower().split()
    elif (before := text[max(0, start - 30) : start]).rstrip()[-3:].lower() == "for":
        prev = before.lower().split()
        prev = prev[:-1] if prev[-1:] == ["for"] else []
    else:
        prev = []
    if prev:
        # "the product vision for 2028", "the budget for FY27": which plan, not when
        return prev[-1] in _SCOPE_NOUNS
    if head is not _NO_PREP:
        return False  # "by Q3", "in 2027": the frame bounds the goal
    # gate: `_EN_NEXT_WORD` needs a lower-case ASCII letter after the space after the frame
    # (most frames end the goal or stand before "and", "to", a digit, a comma: ~0.3 µs)
    if not ("a" <= text[tf.end + 1 : tf.end + 2] <= "z"):
        return False
    m = _EN_NEXT_WORD.match(text, tf.end)
    if m is None or m.group(1) not in _SCOPE_NOUNS:
        return False
    if m.group(1) in _EN_RESULT_NOUNS:
        # "Q3 revenue reaches $5M" is earned in Q3: bounded; "the Q3 revenue target", "Report
        # Q3 sales" name which figure
        word_before = prev_words[-1] if (prev_words := text[: tf.start].lower().split()) else ""
        return bool(
            _EN_PLAN_AFTER.match(text, m.end())
            or (verb_lemma(word_before) or "") in _EN_REPORT_VERBS
        )
    return True


def _label_end(text: str) -> int:
    """`_EN_LABEL.match(text).end()`, quickly where the label can only be the leading
    whitespace (~1 µs a goal): when the text starts with a Chinese character, which no part
    of the label takes, or has none of the characters every longer label contains (a
    bullet, or the "." / ")" / ":" / dash after a number or a label word)."""
    # most goals start with a verb: three ASCII letters that no label word starts with
    # leave the label nothing to match (no space, bullet, number or "a)" before them)
    head = text[:3]
    if head.isascii():
        if head.isalpha() and head.lower() not in _LABEL_WORD_STARTS:
            return 0
        if head[:1].isdigit():
            # "2027年…", "30 new logos": a number is a label only with "." or ")" after it
            after = text.lstrip("0123456789")[:1]
            if after not in ".)" and not after.isdecimal():
                return 0
    elif "\u4e00" <= head[:1] <= "\u9fff":
        return 0  # most Chinese goals
    body = text.lstrip()
    if "\u4e00" <= body[:1] <= "\u9fff" or _LABEL_CHARS.isdisjoint(text):
        return len(text) - len(body)
    return _EN_LABEL.match(text).end()  # type: ignore[union-attr]


# The characters a `_POPULATION` match can start with: a space, a digit, "all" / "every" /
# "each" / "any", 所有, 每…, 全部.
_POPULATION_FIRST = frozenset("aAeE所每全")


@functools.cache
def _en_label_anywhere() -> re.Pattern[str]:
    """`_EN_LABEL` without its `^`, for a label at a sentence start inside the text
    (compiled on first use: later sentences are rare in goals)."""
    return re.compile(_EN_LABEL.pattern.removeprefix("^"), _EN_LABEL.flags)


# Openings of goals (their first three characters) after which there is neither a label
# nor a population: most goals open with a verb ("Inc", "Lau", "Red"). A set look-up instead
# of `_label_end` and `_population_at` (~0.5 µs a goal; "Achieve", "Ensure" and "Expand"
# open with a letter a population can start with, and `_POPULATION` ran on them).
_PLAIN_HEADS: set[str] = set()


def _plain_head(head: str) -> bool:
    """Whether any text that opens with `head` has no label (the first test of
    `_label_end`) and no population at 0: from three ASCII letters `_POPULATION` can only
    match "all", "every", "each" or "any" (IGNORECASE makes no other ASCII letter equal)."""
    if len(head) != 3 or not (head.isascii() and head.isalpha()):
        return False
    low = head.lower()
    return low not in _LABEL_WORD_STARTS and low not in ("all", "eve", "eac", "any")


def _population_at(text: str, pos: int) -> bool:
    """`bool(_POPULATION.match(text, pos))`, without the match when the character at `pos`
    cannot start one (most goals: ~0.5 µs)."""
    c = text[pos : pos + 1]
    if c.isdecimal():
        # from a digit, only the shares ("60% of", "60%的") match, with an ASCII "%"
        return "%" in text and bool(_POPULATION.match(text, pos))
    if c in _POPULATION_FIRST or c.isspace():
        return bool(_POPULATION.match(text, pos))
    return False


def population_subject(text: str) -> bool:
    """Whether the goal is about each member of a population ("All new services …",
    "所有版本…"): an event then happens once per member ("before launch") and bounds
    nothing."""
    label = _EN_LABEL.match(text)
    return bool(_POPULATION.match(text, label.end() if label else 0))


def time_bound(
    goal: ParsedGoal,
    et: _EnText | None = None,
    per_member: bool | None = None,
    verdicts: dict[int, bool] | None = None,
) -> bool:
    """A time frame or event bounds the goal. `verdicts`: `is_metric_window` of windows
    already judged, by id (`_measures` judges every bounding window: ~1 µs a window)."""
    if per_member is None:
        per_member = population_subject(goal.text)
    # a loop, not any(...): the kind tests come first so that the helpers are only called
    # for the kinds they judge (each returns False for the others)
    for t in goal.timeframes:
        if not t.bounding:
            continue
        kind = t.kind
        if kind is _WINDOW:
            known = verdicts.get(id(t)) if verdicts else None
            if known if known is not None else is_metric_window(goal, t, et, per_member):
                continue
        if (kind is _PERIOD or kind is _DEADLINE) and is_scope_frame(goal, t):
            continue
        if per_member and kind is _DEADLINE and t.end_date is None:
            continue  # "All new services have runbooks before launch": each member's event
        return True
    return False


_START = operator.attrgetter("start")
_TOKEN_LOWER = operator.itemgetter(3)  # Token.lower (a NamedTuple's fourth field)


class _Intervals:
    """Spans sorted by start, for overlap queries in O(log n) (goals can be long junk)."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: Iterable[Any]) -> None:
        spans = list(spans)
        # up to four spans the window below holds them all: a plain scan gives the same
        # answer without sorting (a goal has 0-2 of each kind; ~3 µs a goal saved)
        self.starts: list[int] | None = None
        if len(spans) > 4:
            spans.sort(key=_START)
            self.starts = [x.start for x in spans]
        self.spans = spans

    def overlapping(self, start: int, end: int) -> list[Any]:
        if not self.spans:
            return []
        if self.starts is None:
            return [x for x in self.spans if x.start < end and x.end > start]
        i = bisect.bisect_left(self.starts, end)
        # spans of one kind barely overlap each other: the nearest few are enough
        return [x for x in self.spans[max(0, i - 4) : i] if x.end > start]


def _measures(
    goal: ParsedGoal,
    placeholders: Sequence[Span],
    is_name: Iterable[tuple[Quantity, bool]],
    et: _EnText | None = None,
    per_member: bool | None = None,
    verdicts: dict[int, bool] | None = None,
) -> tuple[Quantity, ...]:
    """The quantities that state a level. `verdicts`, when given, receives
    `is_metric_window` of each bounding window by its id, for `time_bound` to reuse."""
    is_name = is_name if type(is_name) is list else list(is_name)
    timeframes = goal.timeframes
    if not timeframes and not is_name:
        return ()  # nothing to read (a window can be a measure: not without time frames)
    out = []
    text = goal.text
    # Most goals have a quantity or two, a time frame or none, no placeholder: what is not
    # there is not built, and up to four spans are scanned rather than put in _Intervals
    # (which answers the same for so few).
    windows: dict[int, TimeFrame] = {}
    frames: _Intervals | None = None
    if timeframes:
        if len(timeframes) > 4:
            frames = _Intervals(timeframes)
        names: list[Quantity] | None = None  # made for the first window that needs them
        named_at: _Intervals | None = None
        for t in timeframes:
            if t.kind is not _WINDOW:
                continue
            if t.bounding:
                metric = is_metric_window(goal, t, et, per_member)
                if verdicts is not None:
                    verdicts[id(t)] = metric
                if not metric:
                    continue
            if names is None:
                names = [q for q, named in is_name if named]
                named_at = _Intervals(names) if len(names) > 4 else None
            if (
                not (
                    named_at.overlapping(t.start, t.end)
                    if named_at is not None
                    else any(n.start < t.end and n.end > t.start for n in names)
                )
                and not _ADJECTIVAL_DURATION.search(t.text)
                and not text[max(0, t.start - 2) : t.start].endswith("为期")
            ):
                windows[id(t)] = t
    holes = _Intervals(placeholders) if placeholders else None
    for q, named in is_name:
        if named or (holes is not None and holes.overlapping(q.start, q.end)):
            continue
        if timeframes:
            start, end = q.start, q.end
            # a date, or a time frame that bounds the goal, holds it (not a window's level)
            dated = False
            for t in frames.overlapping(start, end) if frames is not None else timeframes:
                if (
                    t.start < end
                    and t.end > start
                    and (t.bounding or t.kind in _DATE_KINDS)
                    and id(t) not in windows
                ):
                    dated = True
                    break
            if dated:
                continue
        if (
            q.kind is _NUMBER
            and q.noun is None
            and q.comparator is None
            and _YEAR.fullmatch(q.text.strip())
        ):
            continue  # a bare year
        out.append(q)
    # a duration that is the metric's level ("under one day", "5分钟内响应")
    if windows:
        found = _Intervals(out)
        for t in windows.values():
            if not found.overlapping(t.start, t.end):
                out.append(Quantity(t.start, t.end, t.text, None, _UNIT))
    if len(out) < 2 or (len(out) == 2 and out[0].start <= out[1].start):
        return tuple(out)  # in order already (`sorted` is stable: the same tuple)
    return tuple(sorted(out, key=_START))


# ---------------------------------------------------------------------------------------
# English

_EN_NAME_WORDS = frozenset(
    [
        "phase",
        "version",
        "v",
        "release",
        "step",
        "stage",
        "tier",
        "rfc",
        "iso",
        "soc",
        "section",
        "article",
        "chapter",
        "gen",
        "generation",
        "series",
        "wave",
        "sprint",
        "milestone",
        "pillar",
        "objective",
        "goal",
        "kr",
        "okr",
        "item",
        "no",
        "no.",
        "p",
        "round",
        "part",
        "level",
        "module",
        "lesson",
        "unit",
        "room",
        "floor",
        "building",
        "ticket",
        "issue",
        "pr",
        "bug",
        "epic",
        "story",
        "task",
    ]
)
_TITLE_WORD = _lazy(r"[A-Z][a-z]+(?:[A-Z][a-z]*)*|[a-z]+[A-Z]\w*")
_SEMVER = _lazy(r"\d+\.\d+\.\d+")
_EN_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "our",
        "its",
        "their",
        "my",
        "your",
        "his",
        "her",
        "these",
        "those",
    ]
)
_EN_ARTICLE_NUMBERS = frozenset(["one", "a", "an", "single"])
_EN_SCOPE_PREPS = frozenset(
    [
        "across",
        "in",
        "for",
        "at",
        "on",
        "to",
        "of",
        "among",
        "from",
        "with",
        "by",
        "within",
        "over",
        "throughout",
        "into",
        "onto",
        "per",
        "through",
    ]
)
_EN_TIME_NOUNS = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "quarter",
        "quarters",
        "year",
        "years",
        "time",
        "sprint",
        "sprints",
        "morning",
        "evening",
        "night",
        "weekend",
        "shift",
    ]
)
_EN_REACH_LEMMAS = frozenset(
    [
        "achieve",
        "hit",
        "meet",
        "make",
        "deliver",
        "exceed",
        "attain",
        "reach",
        "beat",
        "surpass",
        "complete",
        "close",
    ]
)
_EN_COMPARATIVE = _lazy(
    r"(?<![\w-])(?:faster|higher|lower|greater|better|more|less|fewer|slower|cheaper|"
    r"above|below|over|under|exceeds?|exceeding|outpac(?:e|es|ing)|outperform(?:s|ing)?|"
    r"beat(?:s|ing)?|ahead\s+of|in\s+line\s+with|(?:on\s+)?par(?:ity)?\s+with|in\s+step\s+with|keeps?\s+pace\s+with|"
    r"match(?:es|ing)?)\s+(?:than\s+)?(?:that\s+of\s+)?(?:the\s+|our\s+|its\s+)?",
    re.IGNORECASE,
)
# "within the fiscal year", "during this quarter": the current period, named in words
_EN_CURRENT_PERIOD = _lazy(
    r"(?<![\w-])(?:within|during|by\s+the\s+end\s+of|before\s+the\s+end\s+of)\s+"
    r"(?:the|this|our)\s+(?:current\s+)?(?:(?:fiscal|financial|calendar|school|academic)\s+)?"
    r"(?:year|quarter|month|half|semester|term|season)(?![\w-])"
)
_EN_REACH_FORMS = forms_of(_EN_REACH_LEMMAS)
# Nouns after "<Product> <number>" that make the number its version
_EN_VERSION_NOUNS = frozenset(
    [
        "upgrade",
        "upgrades",
        "migration",
        "release",
        "rollout",
        "cutover",
        "update",
        "patch",
        "support",
        "compatibility",
        "version",
        "lts",
    ]
)
# What leads to "the plan" as the criterion: reaching it ("hit the quota") or staying
# inside it ("keep opex within the approved budget", "stay under plan")
_EN_PLAN_LEADS = _EN_REACH_FORMS | {"within", "under", "inside"}
# A word each alternative of `_EN_COMPARATIVE` has as a whole \w run ("line" of "in line
# with", "par" of "on par with", …): a text without any has no comparative.
# fmt: off
_EN_COMPARATIVE_WORDS = frozenset(
    ["faster", "higher", "lower", "greater", "better", "more", "less", "fewer", "slower",
     "cheaper", "above", "below", "over", "under", "exceed", "exceeds", "exceeding",
     "outpace", "outpaces", "outpacing", "outperform", "outperforms", "outperforming",
     "beat", "beats", "beating", "ahead", "line", "step", "par", "parity", "pace", "match",
     "matches", "matching"]
)
# fmt: on
_EN_WORD_SPACE = _lazy(r"[\w-]+\s+")
# a score out of a scale: "4.5/5" (dates like "12/31" are time frames and skipped)
_EN_SCORE = _lazy(r"(?<![\w/.])\d+(?:\.\d+)?\s?/\s?(?:5|7|10|100)(?![\w/])")
# a rank as the level: "#1 rated", "No. 1 in the category"
_EN_RANK = _lazy(r"(?<![\w#])(?:#\s?|no\.\s?|number\s)(?:1|one)(?![\w.])")
_EN_ALL = _lazy(r"(?<![\w-])(?:all|every|each|100\s?%\s+of|100 percent of)(?![\w-])", re.I)
_EN_BOUND_PREPS = frozenset(["by", "before", "at", "until", "till"]) | {"ahead", "prior", "in"}
_EN_BE = frozenset(["be", "have", "get"])
# Words `_EN_ALL` and `_EN_CURRENT_PERIOD` cannot match without (their gates).
_EN_ALL_WORDS = frozenset(["all", "every", "each", "100"])
_EN_PERIOD_WORDS = frozenset(["within", "during", "end"])
_EN_CLAUSE_BREAK = frozenset({";", ":"})


# Quantity text → whether it names something by itself, whatever stands around it (see
# `_self_named`): the same few quantity texts come back goal after goal ("20%", "$5M").
_EN_SELF_NAMED: dict[str, bool] = {}


def _self_named(text: str) -> bool:
    """Whether the quantity text `text` is no level wherever it stands: "3.2.1" is a version,
    "one" in "Launch one new product" a bare deliverable. (Read before the words around the
    quantity: with these, the other tests of `_en_names`, which can only find a name too,
    need not run; a dict look-up instead of the count, strip and lower: ~0.4 µs a goal.)"""
    named = (text.count(".") > 1 and _SEMVER.fullmatch(text.strip()) is not None) or (
        text.lower() in _EN_ARTICLE_NUMBERS
    )
    if len(_EN_SELF_NAMED) > 4096:  # quantity texts of long junk input: start again
        _EN_SELF_NAMED.clear()
    _EN_SELF_NAMED[text] = named
    return named


# The word before a quantity (as `rsplit` gives it) → what `_en_names` reads of it: the
# word lower-cased; whether it is a name word ("phase", "v", "#"); whether it can be a
# product that takes a version ("Python", "iOS"); whether it is a determiner. The same few
# words come back goal after goal ("to", "by", "of", "at least"): one look-up instead of
# the lower, strip, set tests and regex for each quantity.
_EN_WORDS_BEFORE: dict[str, tuple[str, bool, bool, bool]] = {}


def _word_before(last_word: str) -> tuple[str, bool, bool, bool]:
    prev_word = last_word.lower()
    info = (
        prev_word,
        prev_word.rstrip(".#") in _EN_NAME_WORDS or prev_word.endswith("#"),
        len(prev_word) > 1
        and prev_word[:1].isalpha()
        and _TITLE_WORD.fullmatch(last_word) is not None,
        prev_word in _EN_DETERMINERS,
    )
    if len(_EN_WORDS_BEFORE) > 4096:  # words of long junk input: start again
        _EN_WORDS_BEFORE.clear()
    _EN_WORDS_BEFORE[last_word] = info
    return info


def _en_names(
    goal: ParsedGoal, label_end: int | None, dn: _DigitNames
) -> list[tuple[Quantity, bool]]:
    """Each quantity of the goal with whether it names something rather than states a
    level, the numbers inside a listed name with digits (`dn`) included: what
    `_digit_named` adds, with its gate read in this loop, and the quantity text's two
    look-ups made one (`_en_quantity_text`)."""
    text = goal.text
    out = []
    near: list[Quantity] | None = None  # see `_digit_named`
    texts = dn.texts
    if label_end is None:
        label_end = _EN_LABEL.match(text).end()  # type: ignore[union-attr]
    for q in goal.quantities:
        if q.end <= label_end:
            out.append((q, True))  # "1. ", "KR 2 — ": the item's number
            continue
        start = q.start
        prev_char = text[start - 1] if start else ""
        if prev_char and (prev_char.isalnum() or prev_char == "#"):
            out.append((q, True))  # glued to letters: "p95", "KR1", "#3716"
            continue
        if prev_char == "-" and start > 1 and text[start - 2].isalpha():
            out.append((q, True))  # "GPT-4"
            continue
        flags = texts.get(q.text)
        if flags is None:
            flags = _en_quantity_text(q.text, dn)
        by_itself, digits = flags
        if by_itself:
            out.append((q, True))  # "3.2.1", "one": see `_self_named`
            continue
        # the words before (up to 60 characters), read only past the cheap tests above:
        # `last_word` is the last of them, `size` the length of what is before the
        # quantity without the whitespace at its end
        lo = start - 60 if start > 60 else 0
        last_word = None
        if prev_char == " " and start > 1 and not text[start - 2].isspace():
            # most quantities: one space after the word before, which then runs back to
            # the space before it when nothing in it is whitespace (no character that
            # is whitespace is printable but the space): no copy of the 60 characters, no
            # strip and split (~0.5 µs a quantity)
            at = text.rfind(" ", lo, start - 1) + 1
            word = text[at if at > lo else lo : start - 1]
            if word.isprintable():
                last_word, size = word, start - 1 - lo
        if last_word is None:
            stripped = text[lo:start].rstrip()
            last_word = stripped.rsplit(None, 1)[-1] if stripped else ""
            size = len(stripped)
        info = _EN_WORDS_BEFORE.get(last_word)
        if info is None:
            info = _word_before(last_word)
        prev_word, name_word, product, determiner = info
        if name_word:
            named = True
        elif (
            q.kind is _NUMBER
            and product
            and size > len(prev_word)
            # "Python 3.9"; "the Postgres 16 upgrade": the noun is what happens to version 16
            and (q.noun is None or q.noun.split(None, 1)[0].lower() in _EN_VERSION_NOUNS)
        ):
            named = True  # a product and its version: "Python 3.9", "Windows 11"
        elif (q.kind is _NUMBER or q.kind is _UNIT) and q.comparator is None and determiner:
            # "the 4 golden signals", "a 1-month boot camp" name the deliverable, unless a
            # reaching verb sets them as a level ("Achieve a 4.5 rating")
            stripped = text[lo:start].rstrip()
            head = stripped[: -len(prev_word)].rstrip()
            word_before = head.rsplit(None, 1)[-1].lower() if head else ""
            lemma = verb_lemma(word_before) or word_before
            named = lemma not in _EN_REACH_LEMMAS and lemma not in (
                "maintain",
                "keep",
                "to",
                "at",
                "of",
                "sustain",
                "hold",
                "retain",
            )
        else:
            named = False
        out.append((q, named))
        if digits and not named:
            if near is None:
                near = [q]
            else:
                near.append(q)
    if near is not None:
        return _digit_marked(goal, out, near, dn)
    return out


def _en_quantity_text(text: str, dn: _DigitNames) -> tuple[bool, bool]:
    """What `_en_names` reads of a quantity's text: whether it names something by itself
    (`_self_named`), and whether a digit run of it is a listed name's (`_DigitNames.near`)."""
    by_itself = _EN_SELF_NAMED.get(text)
    if by_itself is None:
        by_itself = _self_named(text)
    hit = dn.hits.get(text)
    if hit is None:
        hit = dn.near(text)
    texts = dn.texts
    if len(texts) > 4096:  # quantity texts of long junk input: start again
        texts.clear()
    flags = texts[text] = (by_itself, hit)
    return flags


def _en_clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Coordinate clauses: split at ";" and at "and"/"," followed by a verb."""
    spans = []
    start = 0
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.text in _EN_CLAUSE_BREAK or (
            tok.lower in ("and", ",", "while", "plus")
            and nxt is not None
            and verb_lemma(nxt.lower) is not None
            and (
                nxt.lower == (verb_lemma(nxt.lower) or "").split()[0]
                # "Pricing page launched and converting at 4%": a second predicate
                or (tok.lower == "and" and nxt.lower.endswith("ing"))
            )
        ):
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


_DIGIT_RUN = _lazy(r"\d+")


@functools.lru_cache(maxsize=64)
def _digit_anchors(entries: frozenset[str]) -> frozenset[str]:
    """The digit runs of the listed names with digits ("fortune 500" → "500")."""
    return frozenset(run for e in entries for run in _DIGIT_RUN.findall(e))


class _DigitNames:
    """The list `digit_names` of one language and config, as `_digit_named` reads it: its
    digit runs, and per quantity text whether one of them is among its own (a dict: the
    same few quantity texts come back goal after goal, and `findall` on each cost more)."""

    __slots__ = ("anchors", "config", "hits", "lang", "texts")

    def __init__(self, lang: str, config: Config | None) -> None:
        self.lang = lang
        self.config = config
        self.anchors = _digit_anchors(lex(lang, "digit_names", config))
        self.hits: dict[str, bool] = {}
        #: English quantity texts → `_en_quantity_text`
        self.texts: dict[str, tuple[bool, bool]] = {}

    def near(self, text: str) -> bool:
        """Whether a digit run of the quantity text `text` is a listed name's (the
        caller looks `hits` up first)."""
        hit = not self.anchors.isdisjoint(_DIGIT_RUN.findall(text))
        if len(self.hits) > 4096:  # quantity texts of long junk input: start again
            self.hits.clear()
        self.hits[text] = hit
        return hit


def _digit_named(
    goal: ParsedGoal, names: list[tuple[Quantity, bool]], dn: _DigitNames
) -> list[tuple[Quantity, bool]]:
    """`names` with the numbers inside a listed name with digits marked as names: "获得36氪
    报道", "与58同城续约", "Sign 5 Fortune 500 accounts" (list `digit_names`, extendable)."""
    # gate: only a number whose digits occur in some listed name can be inside one (the
    # search over the whole text cost ~10 µs a goal); then search near it only. One loop
    # instead of `all(...)` and a comprehension (~1.5 µs a goal).
    near = None
    hits = dn.hits
    for q, named in names:
        if named:
            continue
        hit = hits.get(q.text)
        if hit or (hit is None and dn.near(q.text)):
            if near is None:
                near = [q]
            else:
                near.append(q)
    if near is None:
        return names
    return _digit_marked(goal, names, near, dn)


def _digit_marked(
    goal: ParsedGoal, names: list[tuple[Quantity, bool]], near: list[Quantity], dn: _DigitNames
) -> list[tuple[Quantity, bool]]:
    """`_digit_named` past its gate: `near` are the unnamed quantities that passed it."""
    pattern = phrase_regex(dn.lang, "digit_names", dn.config)
    if pattern is None:
        return names
    text = goal.text
    # gate (English): a listed name can only be found where the goal has its first word
    # and its others ("fortune" and "500"): most goals here only have a number that is in
    # some name ("1000 users"), and the scan of the window tries every name at each place
    # (~25,000 instructions a goal that comes here, measured)
    if dn.lang == "en" and not en_phrases("digit_names", dn.config).possible(
        _EnText(text.lower(), text)
    ):
        return names
    lo, hi = max(0, min(q.start for q in near) - 30), max(q.end for q in near) + 30
    spans = [
        m.span()
        for m in pattern.finditer(text, lo, hi)
        # whole names only: "360" is no name inside "3600万", nor "5g" in "5GB"
        if not (m.start() and (text[m.start() - 1].isascii() and text[m.start() - 1].isalnum()))
        and not (text[m.end() : m.end() + 1].isascii() and text[m.end() : m.end() + 1].isalnum())
    ]
    if not spans:
        return names
    return [(q, named or any(a <= q.start and q.end <= b for a, b in spans)) for q, named in names]


def _en_signals(goal: ParsedGoal, config: Config | None) -> Signals:
    text = goal.text
    lower = text.lower()
    # `_EnText(lower, text)` and `_placeholders(goal)` written out: two Python calls less
    et: _EnText = _new_object(_EnText)
    et.lower = lower
    et.words = _tokens(text)
    et.safe = True if lower.isascii() else _ODD_CASE.search(lower) is None
    tokens = tokenize(text)
    placeholders = goal.placeholders
    if not placeholders:
        doc = goal.source_doc  # see `_placeholders`: the analysis found none in this text
        placeholders = (
            ()
            if doc is not None
            and len(text) <= ANALYSIS_LIMIT
            and type(doc) is (_PendingDoc or _pending_doc())
            and doc.lang == "en"
            and doc.text == text
            else _placeholders(goal)
        )
    last = _en_last
    lx = last[1] if last is not None and last[0] is config else _en_lexicon(config)
    output_verbs = lx.output_verbs
    metric_nouns = lx.metric_nouns
    # read once here, asked for by several of the helpers below
    head = text[:3]
    if head in _PLAIN_HEADS:
        label_end, per_member = 0, False
    else:
        label_end = _label_end(text)
        per_member = _population_at(text, label_end)  # population_subject(text)
        if not (label_end or per_member) and _plain_head(head):
            if len(_PLAIN_HEADS) > 4096:  # openings of junk input: start again
                _PLAIN_HEADS.clear()
            _PLAIN_HEADS.add(head)

    names = _en_names(goal, label_end, lx.digit_names)
    verdicts: dict[int, bool] = {}  # metric windows, judged once for both uses
    measures = _measures(goal, placeholders, names, et, per_member, verdicts)

    # Unset target: a placeholder where the level should be; a stated baseline alone
    # does not quantify the goal.
    unset_target = bool(placeholders) and not any(
        not lower[: q.start].rstrip().endswith("from") for q in measures
    )

    # A level in words and "the plan" are looked for only where they are read (see
    # `Signals`): with a quantity stating the level, neither changes any finding. That is
    # most goals (78% en, 84% zh of the benchmark's): ~2.5 µs a goal en, ~1.8 zh (measured)
    threshold = None if measures else _en_threshold(goal, tokens, et, lx)
    plan = None
    plan_words = lx.plan_words
    # gate: both a reaching verb and a plan word must occur (the loop cost ~4 µs a goal);
    # `isdisjoint` over the tokens' words as they come, without a set of them (1.4 µs).
    # The plan words first: most goals that come here lack them (424 of 448 in the
    # benchmark's), fewer lack a reaching verb (378): one pass over the tokens more often.
    reach = (not measures or unset_target) and not (
        plan_words.isdisjoint(map(_TOKEN_LOWER, tokens))
        or _EN_PLAN_LEADS.isdisjoint(map(_TOKEN_LOWER, tokens))
    )
    for i, tok in enumerate(tokens if reach else ()):
        if tok.lower in _EN_PLAN_LEADS:
            for nxt in tokens[i + 1 : i + 5]:
                if nxt.text in ",.;:()":
                    break
                if nxt.lower in plan_words:
                    plan = Span(tok.start, nxt.end, text[tok.start : nxt.end])
                    break
        if plan:
            break

    bound = (
        # (no call for a goal without time frames: it has no bound among them)
        (bool(goal.timeframes) and time_bound(goal, et, per_member, verdicts))
        # gate: the regex needs one of these words (1.3 µs a goal)
        or (not _EN_PERIOD_WORDS.isdisjoint(et.words) and bool(_EN_CURRENT_PERIOD.search(lower)))
        or (not per_member and _en_event_bound(tokens, et, lx))
    )

    # The main verb and the output cue
    main_lemma = goal.verb_lemma
    verb = goal.verb
    if label_end == 0:
        first = tokens[0] if tokens else None
    else:
        first = next((t for t in tokens if t.start >= label_end), None)
    if (
        first is not None
        and (verb is None or verb.start > first.start)
        and first.lower in output_verbs
        and verb_lemma(first.lower) is None
    ):
        # a verb the user added to the lexicon but the parser does not know
        verb, main_lemma = Span(first.start, first.end, first.text), first.lower
    output = None
    pinned_measure = bool(measures) or threshold is not None
    if verb is not None and main_lemma is not None:
        if main_lemma in output_verbs:
            if not (
                _en_result_object(goal, measures, metric_nouns)
                or _en_others_act(goal, tokens, label_end)
                or _en_state_object(goal, lx.state_nouns)
                or _en_service_level(goal, measures)
            ):
                output = verb
        elif main_lemma in _EN_LIGHT and _en_activity_object(goal, verb, config):
            output = verb  # "make 1,000 cold calls", "do 40 demos": activities counted
        elif main_lemma in _EN_BE:
            after = lower[verb.end :].lstrip()
            states = phrase_regex("en", "output_states", config)
            m = states.match(after) if states else None
            if m:
                off = len(lower) - len(after)
                output = Span(off + m.start(), off + m.end(), text[off + m.start() : off + m.end()])
    else:
        # verbless: "Partner portal launch", "New website live by March"
        m = lx.output_states.search(et)
        if m and not pinned_measure:
            output = Span(m.start(), m.end(), text[m.start() : m.end()])
        elif goal.metric is not None and not pinned_measure:
            ws = goal.metric.text.lower().split()
            # "Better developer documentation": a wish about its quality, not a deliverable
            if ws[-1] in lex("en", "output_nouns", config) and ws[0] not in lex(
                "en", "vague_words", config
            ):
                output = goal.metric
    # gate: a later clause can only state a measurable outcome with a measure in it
    if (
        output is not None
        and measures
        and _en_outcome_clause(goal, tokens, measures, output_verbs, output, lower)
    ):
        output = None

    vague = None
    quantified = pinned_measure and not unset_target
    if not quantified and plan is None:
        vague = _en_vague(goal, et, lx, output)
    if unset_target and vague is None:
        vague = placeholders[0]
    # positional, in `Signals._fields` order
    return Signals(
        measures, threshold, placeholders, unset_target, plan, bound, vague, output, verb,
        quantified,
    )  # fmt: skip


# Verbs that take their meaning from the object: "make calls", "do demos", "take courses".
_EN_LIGHT = frozenset(["make", "do", "take", "have", "pay"])


def _en_activity_object(goal: ParsedGoal, verb: Span, config: Config | None) -> bool:
    """Whether a light verb's object is an activity ("1,000 cold calls", "site visits")."""
    nouns = lex("en", "activity_nouns", config)
    heads = [q.noun for q in goal.quantities if q.noun and q.start >= verb.end]
    if goal.metric is not None and goal.metric.start >= verb.end:
        heads.append(goal.metric.text)
    for head in heads:
        ws = head.lower().split()
        if ws and (ws[-1] in nouns or " ".join(ws[-2:]) in nouns):
            return True
    return False


def _en_threshold(
    goal: ParsedGoal, tokens: Sequence[Token], et: _EnText, lx: _EnLexicon
) -> Span | None:
    text = goal.text
    lower = et.lower
    found = lx.thresholds.finditer(et)
    if found:
        verb = goal.verb if goal.verb_lemma and " " in goal.verb_lemma else None
        for m in found:
            if verb is not None and _overlaps(m.start(), m.end(), verb.start, verb.end):
                continue  # part of a phrasal verb: "double down on"
            start, end = m.span()
            for t in goal.timeframes:  # a loop: no generator for any(...)
                if start < t.end and t.start < end:  # `_overlaps`
                    break
            else:
                return Span(start, end, text[start:end])
    # gates: each regex needs a character or word that most goals lack (~14 µs a goal)
    for score in _EN_SCORE.finditer(lower) if "/" in lower else ():
        if not any(_overlaps(score.start(), score.end(), t.start, t.end) for t in goal.timeframes):
            return Span(score.start(), score.end(), text[score.start() : score.end()])
    if "#" in lower or "no." in lower or "number" in lower:
        rank = _EN_RANK.search(lower)
        if rank is not None:
            return Span(rank.start(), rank.end(), text[rank.start() : rank.end()])
    ends: list[int] = []
    every = not et.safe or not _EN_ALL_WORDS.isdisjoint(et.words)
    for m in _EN_ALL.finditer(lower) if every else ():
        ends = ends or [t.end for t in tokens]
        i = bisect.bisect_right(ends, m.start())
        before = tokens[max(0, i - 12) : i]
        after = tokens[i + 1 : i + 2]
        if after and after[0].lower in _EN_TIME_NOUNS:
            continue  # "each month": a frequency
        if before and before[-1].lower in _EN_SCOPE_PREPS:
            continue  # "across all regions": a scope
        clause_verb = None
        for tok in reversed(before):
            if tok.text in ";:.":
                break
            lemma = verb_lemma(tok.lower)
            if lemma is not None:
                clause_verb = lemma
                break
        if clause_verb is not None and clause_verb in lx.output_verbs:
            continue  # "Document all processes": scopes a yes/no deliverable
        return Span(m.start(), m.end(), text[m.start() : m.end()])
    bench = lx.benchmarks
    # gates: without a benchmark word the comparative cannot end in one, and without one
    # of its words there is no comparative (its scan cost 6 µs a goal)
    if (not et.safe or not _EN_COMPARATIVE_WORDS.isdisjoint(et.words)) and bench.possible(et):
        for m in _EN_COMPARATIVE.finditer(lower):
            # up to three modifiers: "above our two largest competitors"
            pos = m.end()
            for _ in range(4):
                b = bench.match(et, pos)
                if b is not None:
                    return Span(m.start(), b.end(), text[m.start() : b.end()])
                w = _EN_WORD_SPACE.match(lower, pos)
                if w is None:
                    break
                pos = w.end()
    return None


def _en_event_bound(tokens: Sequence[Token], et: _EnText, lx: _EnLexicon) -> bool:
    events = lx.deadline_events
    if events.empty:
        return False
    lower = et.lower
    # `events.possible(et)`, its usual answer without the call: no entry's first word
    # among the goal's words (most goals that come here)
    if events.groups is not None and et.safe and events.firsts.isdisjoint(et.words):
        possible = False
    else:
        possible = events.possible(et)
    # gate: a token "before" is in the lower-cased text: without these words (most goals
    # that come here) the test below is False, without the list of the tokens' words
    if not possible and not ("before" in lower or "ahead" in lower or "prior" in lower):
        return False
    lowers = list(map(_TOKEN_LOWER, tokens))
    if _EN_BOUND_PREPS.isdisjoint(lowers):
        return False
    if not possible and "before" not in lowers and "ahead" not in lowers and "prior" not in lowers:
        return False  # no event can match: only an occasion named after these could bound it
    for i, low in enumerate(lowers):
        if low not in _EN_BOUND_PREPS:
            continue
        if low in ("ahead", "prior"):
            if i + 1 >= len(tokens) or tokens[i + 1].lower not in ("of", "to"):
                continue
            i += 1
        if low == "in" and (i + 2 >= len(tokens) or tokens[i + 1].lower != "time"):
            continue
        if low in ("before", "ahead", "prior"):
            # a named occasion: "before KubeCon", "ahead of the Spring Festival"
            j = i + 1
            if j < len(tokens) and tokens[j].lower == "the":
                j += 1
            if j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.isalpha():
                return True
        if not possible:
            continue  # the words after can only bound it as an event of the list
        # up to four words of modifiers before the event noun: "at the 2027 user conference",
        # "before the v3.0 release" (a "." inside a version number does not end the phrase)
        for w in tokens[i + 1 : i + 7]:
            if w.text in ",;:()" or (w.text == "." and not lower[w.end : w.end + 1].isalnum()):
                break
            if w.lower in _EN_RECURRING:
                break  # "at every team meeting", "before each release": no single date
            if events.match(et, w.start) is not None:
                return True
    return False


# Modifiers that make an event recur: it then bounds nothing.
_EN_RECURRING = frozenset(
    ["every", "each", "all", "any", "weekly", "monthly", "daily", "quarterly", "regular"]
)


_EN_MODAL_WORDS = frozenset(
    ["will", "'ll", "’ll", "shall", "must", "should", "to", "can", "would", "could"]
)
_EN_OWNERS = frozenset(["we", "i", "you", "team", "our", "my", "the"])
_EN_PARTICIPLE = _lazy(r".*(?:ed|en|built|done|set|run|held|sent|shut|put|cut|made|won)$")


def _en_others_act(
    goal: ParsedGoal, tokens: Sequence[Token], label_end: int | None = None
) -> bool:
    """A subject other than the goal's owner doing something: "100% of new hires finish
    security training" is their behaviour (an outcome); "Portal launched" is not.
    `label_end`: `_label_end(goal.text)`, when the caller has it."""
    verb = goal.verb
    if verb is None:
        return False
    if label_end is None:
        label_end = _EN_LABEL.match(goal.text).end()  # type: ignore[union-attr]
    # the tokens before the verb, past the label: the tokens stand in order without
    # overlapping, so those ending before the verb are the first ones (a loop that stops
    # there; the verb opens most goals that come here)
    verb_start = verb.start
    body = []
    for t in tokens:
        if t.end > verb_start:
            break
        if t.start >= label_end:
            body.append(t)
    if body and body[-1].text.endswith(",") and body[0].lower in FRONTED:
        return False  # imperative after a fronted phrase: "In the next 90 days, make …"
    if not body:
        return False  # imperative
    if body[-1].lower in _EN_MODAL_WORDS:
        subject = body[:-1]
    else:
        subject = body
        if _EN_PARTICIPLE.match(verb.text.lower()):
            return False  # passive or past: "Partner portal launched"
    if not subject or any(t.lower in _EN_MODAL_WORDS or t.lower in ("me", "us") for t in subject):
        return False
    words_ = {t.lower for t in subject}
    return not (
        words_ & {"we", "i", "you", "team"}
        or (len(subject) == 1 and subject[0].lower in _EN_OWNERS)
    )


_EN_TIME_LEVEL = _lazy(
    r"\d\s?(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|(?:business\s+|"
    r"working\s+)?days?|weeks?)\b",
    re.IGNORECASE,
)


def _en_service_level(goal: ParsedGoal, measures: Sequence[Quantity]) -> bool:
    """A case done by others within a time level: "99.9% of requests served in under
    200ms", "Tickets resolved within 4 hours" state a service level, not an activity."""
    verb = goal.verb
    if verb is None or not goal.text[: verb.start].strip() or goal.verb_lemma == verb.text.lower():
        return False  # imperative ("Serve 200 meals"): an activity
    if not _EN_PARTICIPLE.match(verb.text.lower()):
        return False
    return any(q.start >= verb.end and _EN_TIME_LEVEL.search(q.text) for q in measures)


def _en_state_object(goal: ParsedGoal, state_nouns: frozenset[str]) -> bool:
    """Whether an output verb brings about an abstract state: "Create alignment"
    (`state_nouns`: the list of the config)."""
    if goal.metric is None:
        return False
    head = goal.metric.text.lower().split(" of ", 1)[0].split()
    return bool(head) and head[-1] in state_nouns


def _en_result_object(
    goal: ParsedGoal, measures: Sequence[Quantity], metric_nouns: frozenset[str]
) -> bool:
    """Whether an output verb's object is a business result: "Create $5M in pipeline"."""
    for q in measures:  # a loop: no generator for any(...)
        if q.kind is _CURRENCY:
            return True  # money brought in is a result: "Close $2M in new ARR"
    if goal.metric is None or not (measures or goal.direction is not None):
        return False
    metric = goal.metric.text.lower()
    head = metric.split()[-1]
    return head in metric_nouns or metric in metric_nouns


def _en_outcome_clause(
    goal: ParsedGoal,
    tokens: Sequence[Token],
    measures: Sequence[Quantity],
    output_verbs: frozenset[str],
    output: Span,
    lower: str | None = None,
) -> bool:
    """A later coordinate main clause that states a measurable outcome."""
    # gate: a clause starts after a token ";" or ":", or one whose lower case is "and", ",",
    # "while" or "plus": without any of these in the lower-cased text there is one clause
    # (~2 µs a goal that comes here)
    low = goal.text.lower() if lower is None else lower
    if not (
        "," in low or ";" in low or ":" in low or "and" in low or "while" in low or "plus" in low
    ):
        return False
    clauses = _en_clauses(tokens)
    for a, b in clauses[1:]:
        c_start, c_end = tokens[a].start, tokens[b - 1].end
        if c_start <= output.start < c_end:
            continue  # the output's own clause, after a fronted phrase
        first = tokens[a]
        lemma = verb_lemma(first.lower)
        if lemma is not None and lemma in output_verbs:
            continue
        if any(c_start <= q.start < c_end for q in measures):
            return True
    return False


# Verbs that only say which way a metric moves: without a level they are vague whatever
# their object. Others ("add", "drop", "hold") are vague only when they move a metric.
_EN_PURE_DIRECTION = frozenset(
    [
        "increase",
        "decrease",
        "raise",
        "reduce",
        "lower",
        "grow",
        "boost",
        "lift",
        "shorten",
        "halve",
        "double",
        "triple",
        "maximize",
        "maximise",
        "minimize",
        "minimise",
        "expand",
        "cut",
        "maintain",
        "sustain",
        "keep",
        "improve",
        "accelerate",
        "widen",
        "narrow",
        "slash",
        "trim",
        "curb",
    ]
)


def _en_metric_head(goal: ParsedGoal, metric_nouns: frozenset[str]) -> bool:
    if goal.metric is None:
        return False
    ws = goal.metric.text.lower().split()
    return bool(ws) and (ws[-1] in metric_nouns or " ".join(ws[-2:]) in metric_nouns)


# Vague words that can name the topic of a deliverable ("a brand awareness report")
# rather than describe the outcome.
_EN_TOPIC_WORDS = frozenset(
    [
        "brand awareness",
        "trust",
        "culture",
        "thought leadership",
        "loyalty",
        "alignment",
        "excellence",
        "sustainability",
        "presence",
        "mindset",
        "engagement",
    ]
)
_EN_DELIVERABLE_AFTER = _lazy(
    r"\s+(?:[\w-]+\s+)?(?:report|playbook|survey|guide|handbook|webinars?|workshops?|series|"
    r"course|campaign|dashboard|study|program|programme|training|sessions?|deck|whitepaper|"
    r"white paper|newsletter|podcast|video|policy|framework|charter|toolkit|module)\b"
)


def _en_vague(goal: ParsedGoal, et: _EnText, lx: _EnLexicon, output: Span | None) -> Span | None:
    if goal.verb is not None and goal.verb_lemma in lx.vague_verbs:
        return goal.verb
    lower = et.lower
    metric_nouns = lx.metric_nouns
    for m in lx.vague_words.finditer(et):
        found = goal.text[m.start() : m.end()]
        if m.start() > 0 and any(w[:1].isupper() for w in found.split()):
            continue  # part of a name: "the Best Workplace award"
        if (
            output is not None
            and m.start() >= output.end
            and found.lower() in _EN_TOPIC_WORDS
            and _EN_DELIVERABLE_AFTER.match(lower, m.end())
        ):
            continue  # the deliverable's subject: "Publish the brand awareness report"
        return Span(m.start(), m.end(), found)
    if (
        goal.verb is not None
        and goal.direction in _MOVE_DIRECTIONS
        and (goal.verb_lemma in _EN_PURE_DIRECTION or _en_metric_head(goal, metric_nouns))
    ):
        return goal.verb  # "Increase sales", "Maintain uptime": a direction, no level
    if goal.verb is None and output is None and _en_metric_head(goal, metric_nouns):
        return goal.metric  # a bare metric name: "Cloud cost"
    return None


# ---------------------------------------------------------------------------------------
# Chinese

_ZH_CLAUSE_BREAKS = r"[，,；;。！!？?\n]+"
_ZH_CLAUSE = _lazy(_ZH_CLAUSE_BREAKS)
_ZH_SUBORDINATE_WORDS = (
    r"\s*(?:为了|以便|以期|从而|进而|使得|使|让|帮助|通过|借助|依托|途径|方式是)"
)
_ZH_SUBORDINATE = _lazy("^" + _ZH_SUBORDINATE_WORDS)
_ZH_SUBORDINATE_AT = _lazy(_ZH_SUBORDINATE_WORDS)  # at a position, not the start
# the first characters of its words (after the spaces), and `_ZH_CLAUSE` capturing its breaks
_ZH_SUBORDINATE_FIRST = frozenset("为以从进使让帮通借依途方")
_ZH_CLAUSE_SPLIT = _lazy(f"({_ZH_CLAUSE_BREAKS})")
_ZH_ARTICLE_FIRST = frozenset("一1")
_ZH_ARTICLE = _lazy(r"^[一1](?:个|套|项|份|次|款|支|批|种|家|条|本|场|期|轮|座|所|台|部)$")
# What follows an activity verb used as a noun: "培训完成率", "开发者", "交付准时率".
_ZH_NOUN_SUFFIX = _lazy(
    r"(?:[\u4e00-\u9fff]{0,3}?(?:率|效率|周期|频率|时长|人数|次数|数量|成本|满意度|质量|速度)"
    r"|时间|能力|水平|进度|工作|体系|者|人员|商|团队|部门|中心|经理|工程师"
    r"|投入|费用|经费|资金|比重|比例|占比"
    # "在数据中台建设上取得进展", "在推广方面": the activity named as a field of work
    r"|上(?![线市架岗门])|方面|领域)"
)
# An activity verb naming an event that bounds the goal: "上线前", "发布会前".
_ZH_MODIFIER = _lazy(r"[^，。；,;的]{0,10}的")
_ZH_LATER_VERB = _lazy(
    r"达到|达|提高到|提升至|提升到|降至|降到|降为|突破|超过|保持在|控制在|不低于|不少于|不超过|高于|低于"
)
_ZH_EVENT_AFTER = _lazy(
    r"[日会]?(?:前(?![端台置沿景])|之前|以前|后(?![台端续期勤方])|之后|时(?![间长效段])|当天|前夕)"
)
# A subject whose own behaviour is the outcome: "所有候选人都参加…", "60%的新客户…", "让…".
_ZH_OTHERS = _lazy(
    r"^[^为对向给把将]*?(?:所有|全部|全体|每[个位名家]|\d+(?:\.\d+)?\s?[%％]的|百分之\S{1,3}的)"
    r"|^\S{0,12}?(?:让|使)"
)
# what every alternative of `_ZH_OTHERS` holds (its gate: the lazy scans cost ~1.5 µs)
_ZH_OTHERS_WORDS = ("所有", "全部", "全体", "每", "%", "％", "百分之", "让", "使")


def _zh_others(piece: str) -> bool:
    """`_ZH_OTHERS.search(piece) is not None`, without the regex where none of its words
    occurs."""
    for word in _ZH_OTHERS_WORDS:
        if word in piece:
            return _ZH_OTHERS.search(piece) is not None
    return False


_ZH_ALL = _lazy(r"所有|全部|每个|每位|每名|每一|每家|全体|各个|各")
_ZH_ALL_SCOPE = _lazy(r"(?:在|对|向|为|于|从|覆盖|面向|针对|给)\s*$")
# no `^`: it is matched at a position inside the text ("每个月", "各季度": a frequency)
_ZH_TIME_AFTER_ALL = _lazy(r"(?:天|日|周|月|季度|年|个月|星期|工作日)")
_ZH_COMPARATIVE = _lazy(
    r"(?:高于|低于|超过|超出|快于|慢于|优于|跑赢|领先于|不低于|不高于|不少于|不超过|大于|小于)"
)
_ZH_RATE_WORD = _lazy(r"增速|增幅|增长|平均|水平|均值")
_ZH_PLAN = _lazy(
    r"(?:完成|达成|实现|达到|超额完成|完成好|确保完成)[^，。；,;]{0,10}?"
    r"(?:计划|任务|目标|指标|配额|预算|KPI|OKR)"
    # staying inside a plan whose figure is elsewhere: "费用控制在年度预算以内"
    r"|(?:控制在|保持在|不超过|不超出)[^，。；,;]{0,10}?(?:计划|预算|指标)(?:以内|之内|内|范围内)?",
    re.IGNORECASE,
)
_ZH_METRIC_END = _lazy(
    r"(?:率|成本|时间|时长|费用|满意度|指数|数量|人数|收入|利润|份额|速度|效率|周期|时效|频率"
    r"|规模|占比|比例|增速|活跃度|质量|人效|效能|产能|产值|毛利|净利|营收|销量|销售额|客单价)$"
)
# Laying the ground for something else: vague and an activity (spec: "Build a foundation").
_ZH_FOUNDATION = _lazy(
    r"(?:打下|奠定|打好|筑牢|夯实|做好|做足)[^，,。；;]{0,6}?(?:基础|根基|铺垫|准备工作|准备)"
)
# Vague words that can name the topic of a deliverable ("社会影响力报告") rather than
# describe the outcome.
_ZH_TOPIC_WORDS = frozenset(
    ["影响力", "竞争力", "知名度", "美誉度", "软实力", "文化", "品牌形象", "稳定性", "口碑",
     "氛围", "精神", "信任", "协同发展", "高质量"]
)  # fmt: skip
_ZH_DELIVERABLE_AFTER = _lazy(
    r"(?:建设)?(?:的)?(?:专项|年度|主题|评估|调研|宣传|培训)?"
    r"(?:报告|白皮书|手册|指南|方案|课程|培训|活动|宣传片|论坛|专栏|调研|研究|展览|视频|课件|讲座)"
)
_ZH_PROGRESS = _lazy(r"取得[^，,。；;]{0,6}?(?:进展|突破|成效|成果|成绩)")
# Provision verbs: "每个街道建成一个食堂" is built for each district, not by it.
_ZH_PROVIDE = frozenset(
    ["建成", "建设", "新建", "建立", "设立", "开设", "布设", "安装", "配备", "铺设", "兴建", "建造"]
)
# the event's own verb may come between: "用户大会召开前", "新系统上线之前"
_ZH_EVENT_SUFFIX = _lazy(r"(?:召开|举行|举办|开幕|开始|启动)?(?:前|之前|以前|时|当天|前夕)")
_ZH_OF_MODIFIER = _lazy(r"的[\u4e00-\u9fffA-Za-z]")
# a rank or "in step with" as the level: "评分第一", "跻身前十", "与经济增长同步"
_ZH_RANK = _lazy(
    r"(?:排名|评分|份额|销量|位居|位列|名列|跻身|进入|保持)(?:第一|前[一二三四五六七八九十\d]+)"
)
_ZH_FULL_COVER = _lazy(r"覆盖全[市省国县区域镇村网球]")
_ZH_IN_STEP = _lazy(r"与[^，。；,;]{1,12}(?:同步|持平|相当)")
_ZH_ZERO = _lazy(r"零(?![售件部钱食花星碎散头])")


_ZH_LIST_MARK = _lazy(r"^\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[、.．)）](?!\d))")


# Quantity text → `_zh_article` (the same few quantity texts come back goal after goal)
_ZH_ARTICLES: dict[str, bool] = {}


def _zh_article(text: str) -> bool:
    """Whether the quantity text is an article ("一个", "1套"): a bare deliverable, no level
    (a dict look-up instead of two strips and the match: ~0.3 µs a quantity)."""
    hit = _ZH_ARTICLES.get(text)
    if hit is None:
        # gate: the pattern starts so
        hit = text.lstrip()[:1] in _ZH_ARTICLE_FIRST and bool(_ZH_ARTICLE.match(text.strip()))
        if len(_ZH_ARTICLES) > 4096:  # quantity texts of long junk input: start again
            _ZH_ARTICLES.clear()
        _ZH_ARTICLES[text] = hit
    return hit


def _zh_names(goal: ParsedGoal, lx: _ZhLexicon) -> list[tuple[Quantity, bool]]:
    if not goal.quantities:
        return []
    text = goal.text
    output_re = lx.output_verbs
    out = []
    # gate: a list mark starts with a bracket or a digit (after spaces; most goals start
    # with neither, and `lstrip` copies the text)
    lead = text[:1]
    if lead.isspace():
        lead = text.lstrip()[:1]
    mark = _ZH_LIST_MARK.match(text) if lead in "（(" or lead.isdecimal() else None
    for q in goal.quantities:
        if mark is not None and q.end <= mark.end():
            out.append((q, True))  # "1、", "（2）": the item's number
            continue
        start = q.start
        # the character before, and the 20 before only where they are read
        prev = text[start - 1] if start > 0 else ""
        if (
            q.kind is _NUMBER
            and len(q.noun or "") >= 2
            and output_re is not None
            and _ZH_OF_MODIFIER.match(text, q.end)
            and any(
                m.end() == q.start for m in output_re.finditer(text, max(0, q.start - 6), q.start)
            )
        ):
            # "配置4个黄金信号的监控告警": the count names what the deliverable covers
            out.append((q, True))
            continue
        named = (
            prev == "第"
            or (prev.isascii() and prev.isalpha())
            or (prev != "" and prev in "#＃")
            or (
                q.kind is _NUMBER
                and (q.noun or "a").isascii()
                and prev == " "
                and (last := text[max(0, start - 20) : start].rstrip()[-1:]).isascii()
                and last.isalpha()
            )  # "SOC 2", "iPhone 15"
            or (start >= 2 and text[start - 2 : start] == "为期")  # "为期两天的培训": its length
            or text.startswith("号", q.end)  # "三号车间"
            or _zh_article(q.text)
        )
        out.append((q, named))
    return out


def _zh_main_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses (offsets) that are not subordinate (purpose, means, result); all the
    clauses when every one is."""
    main = []
    every = []
    pos = 0
    # The clauses are the pieces between the breaks (as over `text + "\n"`: the last one
    # ends at the end), their offsets summed from the lengths: no match object a break.
    # The unanchored pattern at pos..end reads exactly what `^…` reads in the slice; it is
    # tried only where the clause starts with a space or a character one of its words
    # starts with.
    parts = _ZH_CLAUSE_SPLIT.split(text)
    last = len(parts) - 1
    if not last:
        # no break (two goals in three): one clause, the main one whether subordinate or not
        return [(0, len(text))] if text else []
    for i in range(0, last + 1, 2):
        piece = parts[i]
        end = pos + len(piece)
        if piece:
            c = piece[0]
            if not (
                (c in _ZH_SUBORDINATE_FIRST or c.isspace())
                and _ZH_SUBORDINATE_AT.match(text, pos, end) is not None
            ):
                main.append((pos, end))
            every.append((pos, end))
        if i < last:
            pos = end + len(parts[i + 1])
    return main or every


def _zh_not_a_verb(text: str, m: re.Match[str], end: int) -> bool:
    """An output verb that is a noun, an event or a modifier where it stands."""
    after = m.end()
    return bool(
        _ZH_NOUN_SUFFIX.match(text, after)
        or _ZH_EVENT_AFTER.match(text, after)
        or (
            _ZH_MODIFIER.match(text, after)
            and _ZH_LATER_VERB.search(text, after, min(end, after + 30))
        )
    )


def _zh_first_verb(text: str, start: int, end: int, lx: _ZhLexicon) -> tuple[str, int, int] | None:
    """The first verb of a clause: ("output" | "vague" | "outcome", start, end)."""
    best: tuple[int, int, str] | None = None
    for kind, pattern, longest in lx.verb_lists:
        # Once a verb is found at `best[0]`, a later list can only beat it with a match
        # starting there or before, which ends within `longest` of it: the scan stops
        # there instead of running to the clause end (the matches it sees are the same).
        stop = end if best is None else min(end, best[0] + longest)
        # the first match, as `finditer` gives it, without making an iterator (~0.5 µs)
        m = pattern.search(text, start, stop)
        if kind == "output":
            # "培训完成率", "开发者": nouns; "上线前": an event; "完成首单的比例达到70%": a
            # modifier of the subject. Skipped, the scan goes on from the match's end, as
            # `finditer` would (but for an empty match, which only a user's empty entry
            # gives: then `finditer` itself).
            while m is not None and _zh_not_a_verb(text, m, end):
                if m.end() == m.start():
                    m = next(
                        (x for x in pattern.finditer(text, start, stop)
                         if not _zh_not_a_verb(text, x, end)),
                        None,
                    )  # fmt: skip
                    break
                m = pattern.search(text, m.end(), stop)
        if m is not None:
            cand = (m.start(), m.start() - m.end(), kind)
            if best is None or cand < best:
                best = cand
    if best is None:
        return None
    return best[2], best[0], best[0] - best[1]


# (start, verb) → its Span: the same verbs come back at the same offsets goal after goal
# ("提升" at 0), and a Span is immutable, so one can serve them all (~0.3 µs a goal)
_ZH_VERB_SPANS: dict[tuple[int, str], Span] = {}


def _zh_verb_span(start: int, word: str) -> Span:
    span = _span(start, start + len(word), word)
    if len(_ZH_VERB_SPANS) > 4096:  # verbs of long junk input: start again
        _ZH_VERB_SPANS.clear()
    _ZH_VERB_SPANS[start, word] = span
    return span


def _zh_signals(goal: ParsedGoal, config: Config | None) -> Signals:
    text = goal.text
    last = _zh_last
    lx = last[1] if last is not None and last[0] is config else _zh_lexicon(config)
    placeholders = _placeholders(goal)
    # read once here, asked for by several of the helpers below
    # population_subject(text); most Chinese goals start with a Chinese character that no
    # label takes and no population starts with (~0.4 µs)
    lead = text[:1]
    per_member = (
        False
        if "\u4e00" <= lead <= "\u9fff" and lead not in _POPULATION_FIRST
        else _population_at(text, _label_end(text))
    )
    names = _digit_named(goal, _zh_names(goal, lx), lx.digit_names)
    verdicts: dict[int, bool] = {}  # metric windows, judged once for both uses
    measures = _measures(goal, placeholders, names, None, per_member, verdicts)
    unset_target = bool(placeholders) and not any(
        not text[: q.start].rstrip().endswith("从") for q in measures
    )
    # looked for only where they are read (as in `_en_signals`)
    threshold = None if measures else _zh_threshold(goal, lx)
    # gate: every verb `_ZH_PLAN` starts with contains one of these ("在" alone, as in
    # "在2027年底前", let most goals through to the search)
    plan_verb = (not measures or unset_target) and (
        "完成" in text or "达成" in text or "实现" in text or "达到" in text
        or "控制在" in text or "保持在" in text or "不超" in text
    )  # fmt: skip
    m = _ZH_PLAN.search(text) if plan_verb else None
    plan = Span(m.start(), m.end(), m.group(0)) if m else None
    bound = time_bound(goal, None, per_member, verdicts) or (
        not per_member and _zh_event_bound(text, lx)
    )

    # Main clause and its first verb
    main = _zh_main_clauses(text)
    output = verb = None
    first_kind = None
    if main:
        a, b = main[0]
        found = _zh_first_verb(text, a, b, lx)
        if found is not None:
            first_kind, vs, ve = found
            word = text[vs:ve]
            verb = _ZH_VERB_SPANS.get((vs, word))
            if verb is None:
                verb = _zh_verb_span(vs, word)
            if first_kind == "output":
                rest = text[ve:b]
                states = lx.state_nouns
                if not (
                    _ZH_PLAN.match(text[vs:b])
                    or _zh_result_object(rest, measures, lx)
                    or (_zh_others(text[a:vs]) and verb.text not in _ZH_PROVIDE)
                    or (states is not None and states.search(rest.rstrip()[-4:]))
                ):
                    output = verb
        else:
            states = lx.output_states
            sm = states.search(text, a, b) if states else None
            if sm is not None and not measures:
                output = Span(sm.start(), sm.end(), sm.group(0))
        if output is None:
            # "为未来增长打下坚实基础", "为扩张做好铺垫": preparing the ground is an activity
            fm = _ZH_FOUNDATION.search(text, a, b)
            if fm is not None:
                output = Span(fm.start(), fm.end(), fm.group(0))
    if output is not None and measures:
        # another main clause with a measurable outcome makes it not an output
        for a, b in main[1:]:
            # the measure first: the verb scan only for a clause that has one
            if any(a <= q.start < b for q in measures):
                found = _zh_first_verb(text, a, b, lx)
                if found is None or found[0] != "output":
                    output = None
                    break

    vague = None
    pinned = (bool(measures) or threshold is not None) and not unset_target
    if not pinned and plan is None:
        vague = _zh_vague(goal, text, lx, first_kind, verb, output)
    if unset_target and vague is None:
        vague = placeholders[0]
    # positional, in `Signals._fields` order
    return Signals(
        measures, threshold, placeholders, unset_target, plan, bound, vague, output,
        verb or goal.verb, pinned,
    )  # fmt: skip


def _zh_result_object(rest: str, measures: Sequence[Quantity], lx: _ZhLexicon) -> bool:
    """ "完成销售额500万元": an output verb whose object is a business result."""
    if not measures:
        return False
    pattern = lx.metric_nouns
    return bool(pattern and pattern.match(rest.lstrip()))


def _zh_threshold(goal: ParsedGoal, lx: _ZhLexicon) -> Span | None:
    text = goal.text
    pattern = lx.thresholds
    # no gate on the entries' first characters: more than half the goals have one, and
    # the regex skips the others as fast as a character class does (measured)
    m = pattern.search(text) if pattern is not None else None
    if m is not None:
        return Span(m.start(), m.end(), m.group(0))
    # gates: each regex below needs a character most goals lack (~4 µs a goal in all)
    m = _ZH_ZERO.search(text) if "零" in text else None
    if m is not None and m.end() < len(text):
        return Span(m.start(), m.end() + 1, text[m.start() : m.end() + 1])
    output_re = lx.output_verbs
    # gate: each word of `_ZH_ALL` holds one of these ("全" alone is in 全年, 全面, 安全 …)
    every = "所有" in text or "每" in text or "各" in text or "全部" in text or "全体" in text
    for m in _ZH_ALL.finditer(text) if every else ():
        if _ZH_TIME_AFTER_ALL.match(text, m.end()):
            continue  # "每月": a frequency
        at = m.start()
        clause_start = (
            max(
                text.rfind("，", 0, at),
                text.rfind(",", 0, at),
                text.rfind("；", 0, at),
                text.rfind(";", 0, at),
                text.rfind("。", 0, at),
            )
            + 1
        )  # five calls, not a generator of them
        before = text[max(clause_start, m.start() - 30) : m.start()]
        if _ZH_ALL_SCOPE.search(before):
            continue  # "在所有门店": a scope
        if output_re is not None and output_re.search(before):
            continue  # "梳理所有流程": scopes a deliverable
        clause_end = min(
            (i for i in (text.find(c, m.end()) for c in "，,；;。") if i >= 0), default=len(text)
        )
        if (
            before.endswith(("把", "将"))
            and output_re is not None
            and output_re.search(text, m.end(), clause_end)
        ):
            continue  # "把所有业务流程写成文档"
        return Span(m.start(), m.end(), m.group(0))
    m = (
        (_ZH_RANK.search(text) if "第一" in text or "前" in text else None)
        or (_ZH_IN_STEP.search(text) if "与" in text else None)
        or (_ZH_FULL_COVER.search(text) if "覆盖全" in text else None)
    )
    if m is not None:
        return Span(m.start(), m.end(), m.group(0))
    bench = lx.benchmarks
    metrics = lx.metric_nouns
    than = "于" in text or "超" in text or "跑赢" in text
    for m in _ZH_COMPARATIVE.finditer(text) if than else ():
        window = text[m.end() : m.end() + 12]
        window = _ZH_WINDOW_END.split(window, maxsplit=1)[0]
        for pattern in (bench, metrics):
            if pattern is not None and pattern.search(window):
                return Span(
                    m.start(), m.end() + len(window), text[m.start() : m.end() + len(window)]
                )
        if _ZH_RATE_WORD.search(window):
            return Span(m.start(), m.end() + len(window), text[m.start() : m.end() + len(window)])
    return None


def _zh_event_bound(text: str, lx: _ZhLexicon) -> bool:
    # gate: an event needs "前", "时" or "当天" after it, an occasion "前", "期间" or "上"
    # (3 µs a goal; most Chinese goals have none of them)
    if not (
        "前" in text or "时" in text or "当天" in text or "期间" in text or "上" in text
    ):  # not any(...) over a tuple: the generator cost more than the five tests
        return False
    events = lx.deadline_events
    # gate: the suffix after an event holds "前", "时" or "当天" ("上" alone, in 以上 and
    # 上线, lets many goals past the first gate)
    if (
        events is not None
        and ("前" in text or "时" in text or "当天" in text)
        and any(_ZH_EVENT_SUFFIX.match(text, m.end()) for m in events.finditer(text))
    ):
        return True
    # an occasion named by its kind: "汛期前", "开发者大会前", "进博会期间", "在股东大会上"
    for m in _ZH_OCCASION.finditer(text):
        # the words naming the occasion, back to the clause start (at most 8 characters)
        lead = _ZH_LEAD_SPLIT.split(text[max(0, m.start() - 8) : m.end()])[-1]
        if not _ZH_CASE_EVENT.search(lead):
            return True
    return False


_ZH_OCCASION = _lazy(
    r"(?:会|节|汛期|假期|暑假|寒假|长假|黄金周|旺季|大促|赛季|开学|春运|高考|中考|典礼|仪式)"
    r"(?:召开|举行|举办|开幕|开始)?(?:前|之前|以前|前夕|期间)"
    r"|(?:大会|峰会|年会|论坛|典礼|仪式|发布会)上(?![线市架岗门])"
)
# events that happen once per case bound nothing: "合同到期前", "试用期前"
_ZH_CASE_EVENT = _lazy(r"到期|周期|试用期|有效期|保质期|每")


def _zh_vague(
    goal: ParsedGoal,
    text: str,
    lx: _ZhLexicon,
    first_kind: str | None,
    verb: Span | None,
    output: Span | None,
) -> Span | None:
    if first_kind == "vague" and verb is not None:
        return verb
    # "取得突破性进展", "打好基础": progress or groundwork with nothing to measure it by
    m = _ZH_PROGRESS.search(text) or _ZH_FOUNDATION.search(text)
    if m is not None:
        return Span(m.start(), m.end(), m.group(0))
    pattern = lx.vague_words
    if pattern is not None:
        for m in pattern.finditer(text):
            if (
                output is not None
                and m.start() >= output.end
                and m.group(0) in _ZH_TOPIC_WORDS
                and _ZH_DELIVERABLE_AFTER.match(text, m.end())
            ):
                continue  # the deliverable's subject: "发布社会影响力报告", "编写企业文化手册"
            return Span(m.start(), m.end(), m.group(0))
    vague_verbs = lx.vague_verbs
    # after an activity verb, a vague verb is a noun ("发布可持续发展报告")
    if vague_verbs is not None and first_kind != "output":
        m = vague_verbs.search(text)
        if m is not None:
            return Span(m.start(), m.end(), m.group(0))
    if goal.direction in _MOVE_DIRECTIONS and goal.verb:
        return goal.verb
    # a bare metric name, even when it starts with a result verb: "线索转化速度"
    if first_kind in (None, "outcome") and output is None:
        metrics = lx.metric_nouns
        core = _ZH_CORE_DROP.sub("", text)
        if len(core) <= 12 and (
            (first_kind is None and metrics is not None and metrics.search(core))
            or _ZH_METRIC_END.search(core)
        ):
            return Span(0, len(text), text)  # a bare metric name: "云成本"
    return None


# ---------------------------------------------------------------------------------------
# Rewrites. Each keeps the original's words (so every number, metric and date survives)
# and adds placeholders only for what is missing.

# A list marker and a label before the goal ("1. ", "- ", "KR2 – ", "Phase 2: "): the same
# prefix the English goal analysis skips.
_EN_LABEL = _lazy(
    r"^\s*(?:[-*•·▪◦]+\s*|\d+[.)]\s+|\(?[a-z]\)\s+)?"
    r"(?:(?:KR|O|OKR|KPI|Objective|Goal|Key\s+result|Target|Aim|Phase|Step|Stage|"
    r"Workstream|Pillar|Wave|Milestone|Track|Theme|Priority|Initiative|Sprint|Epic)"
    r"\s*\d*(?:\.\d+)*\s*[:：.)\-–—]\s*)?",
    re.IGNORECASE,
)
# Characters any label longer than whitespace contains (see `_label_end`).
_LABEL_CHARS = frozenset("-*•·▪◦.):：–—")
# The first three letters of the label words of three letters or more (see `_label_end`);
# the shorter ones ("O", "KR") need a digit, space or sign right after them.
# fmt: off
_LABEL_WORD_STARTS = frozenset(
    ["okr", "kpi", "obj", "goa", "key", "tar", "aim", "pha", "ste", "sta", "wor", "pil",
     "wav", "mil", "tra", "the", "pri", "ini", "spr", "epi"]
)
# fmt: on
_ZH_SUBJECT = _lazy(r"^(?:我们|我|团队|本部门|公司)?(?:将|要|会|计划|需要)?")


def _capitalise_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".。;；")


def en_deadline(sig: Signals) -> str:
    return "" if sig.time_bound else " by <deadline>"


def zh_deadline(sig: Signals) -> str:
    return "" if sig.time_bound else "在<期限>前"


def _fill_unset(text: str, sig: Signals, first: str, others: str) -> str:
    """`text` with its unset values ("X%", "TBD") replaced: the first by `first` (the target),
    the rest by `others`."""
    out, pos = [], 0
    for i, p in enumerate(sig.placeholders):
        out.append(text[pos : p.start])
        out.append(first if i == 0 else others)
        pos = p.end
    out.append(text[pos:])
    return "".join(out)


def en_measure_rewrite(goal: ParsedGoal, sig: Signals, config: Config | None) -> str:
    """The goal with a level to reach: "Raise X from <baseline> to <target> by <deadline>"."""
    text = goal.text
    if sig.unset_target:
        # replace the unset values, keep everything else
        return _strip_end(_fill_unset(text, sig, "<target>", "<value>")) + en_deadline(sig)
    if goal.verb is not None and goal.metric is not None and goal.metric.start >= goal.verb.end:
        verb = text[goal.verb.start : goal.verb.end]
        if goal.verb_lemma in lex("en", "vague_verbs", config) or goal.direction is None:
            word = "reduce" if goal.direction is Direction.DECREASE else "raise"
            verb = _capitalise_like(word, verb)
        if goal.verb_lemma in lex("en", "output_verbs", config):
            return en_outcome_rewrite(goal, sig)
        head = text[: goal.verb.start] + verb + text[goal.verb.end : goal.metric.end]
        tail = _strip_end(text[goal.metric.end :])
        level = (
            " at <target>" if goal.direction is Direction.KEEP else " from <baseline> to <target>"
        )
        return head + level + tail + en_deadline(sig)
    if sig.output is not None:
        return en_outcome_rewrite(goal, sig)
    if goal.verb is None and goal.metric is not None:
        head = text[: goal.metric.start]
        metric = text[goal.metric.start : goal.metric.end]
        metric = metric[:1].lower() + metric[1:] if not metric[:2].isupper() else metric
        tail = _strip_end(text[goal.metric.end :])
        return f"{head}Take {metric} from <baseline> to <target>{tail}{en_deadline(sig)}"
    return _strip_end(text) + ", measured as <metric> reaching <target>" + en_deadline(sig)


def en_outcome_rewrite(goal: ParsedGoal, sig: Signals) -> str:
    """An outcome as the main clause, the original as the means to it."""
    text = goal.text
    if goal.verb is not None and goal.verb_lemma is not None and sig.output is goal.verb:
        # `_EN_LABEL.match(text)` (which always matches), by its fast paths: most goals
        # have no label, and the label regex tries ~20 words at the start (~0.5 µs)
        end = _label_end(text)
        prefix = text[:end] if end <= goal.verb.start else ""
        means = ing_form(goal.verb_lemma) + _strip_end(text[goal.verb.end :])
        raise_ = "Raise" if not prefix or prefix[-1:] in " :" else "raise"
        return f"{prefix}{raise_} <metric> to <target>{en_deadline(sig)} by {means}"
    return f"Raise <metric> to <target>{en_deadline(sig)} (means: {_strip_end(text)})"


def zh_measure_rewrite(goal: ParsedGoal, sig: Signals, config: Config | None) -> str:
    """The goal with a level to reach: "在<期限>前将客户满意度从<基线>提高到<目标>"."""
    text = goal.text
    if sig.unset_target:
        return zh_deadline(sig) + _strip_end(_fill_unset(text, sig, "<目标>", "<数值>"))
    if sig.output is not None:
        return zh_outcome_rewrite(goal, sig)
    verb = sig.verb
    core = _strip_end(text)
    if verb is not None and verb.start <= 4:
        metric = _strip_end(text[verb.end :]).lstrip("的")
        if metric and len(metric) <= 16 and not re.search(r"[，,；;]", metric):
            word = text[verb.start : verb.end]
            if word not in ("提高", "提升", "增加", "降低", "减少", "缩短", "扩大", "压缩"):
                word = "降低" if goal.direction is Direction.DECREASE else "提高"
            return f"{zh_deadline(sig)}将{metric}从<基线>{word}到<目标>"
    if verb is None and len(core) <= 12:
        return f"{zh_deadline(sig)}将{core}从<基线>调整到<目标>"
    return f"{zh_deadline(sig)}{core}，使<指标>从<基线>提升至<目标>"


def zh_outcome_rewrite(goal: ParsedGoal, sig: Signals) -> str:
    """ "通过上线合作伙伴门户，在<期限>前将<结果指标>提升至<目标>"."""
    core = _strip_end(goal.text)
    means = core[_ZH_SUBJECT.match(core).end() :] or core  # type: ignore[union-attr]
    return f"通过{means}，{zh_deadline(sig)}将<结果指标>提升至<目标>"


def is_objective(ctx: RuleContext) -> bool:
    """OKR objectives are qualitative by design: their key results carry the measure."""
    return (ctx.context.goal_type or "").lower() == "objective"
