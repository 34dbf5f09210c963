"""The action of an English goal: its main verb, direction, metric, baseline and target.

No tagger runs here (the pipeline is spaCy's blank English), so the analysis reads words
with a verb lexicon of its own (`data/en/verbs.txt`, inflections generated) and a few
positional cues: goals are mostly imperative ("Reduce churn …"), sometimes have a subject
("Churn drops to 2%", "We will …") and sometimes no verb at all ("NPS ≥ 50",
"1,200 MAU by Q3", "Customer satisfaction up 5 points").
"""

from __future__ import annotations

import functools
import operator
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from smartlint._lazyre import lazy_compiler
from smartlint.lang.base import TEXT_KEY, GoalAnalysis, TimeMention, doc_text
from smartlint.lang.en.numbers import LAST_SPLIT
from smartlint.lexicon import shipped
from smartlint.model import Direction, Quantity, QuantityKind, Span, TimeKind

_lazy = lazy_compiler(globals())  # patterns compiled when first used

# Words: letters with inner hyphens/apostrophes ("best-in-class", "we'll"), numbers with
# their separators, comparison signs, then any other single character. `_TOKEN` is the plain
# definition of the tokens (`tokenize` runs `_GAP_TOKEN`, below).
_TOKEN_SOURCE = (
    r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?(?:-[A-Za-z0-9]+)*"
    r"|\d[\d,.]*(?:-[A-Za-z]+)?"
    r"|[≥≤]|[<>]=?|=+"
    r"|\S"
)

# Unset values a writer left to fill in.
PLACEHOLDER = re.compile(
    r"<[^<>\n]{1,40}>"
    r"|\[[^\[\]\n]{1,40}\]"
    r"|\b(?:TBD|TBC|TBA|tbd)\b"
    r"|[$€£¥]\s?[Xx]{1,3}(?:[.,][Xx]+)?[kKmMbB]?\b"
    r"|(?<![\w.])[XxNnYy]{1,3}\s?%"
    r"|(?<![\w.])(?:X{1,3}|N|Y|Z)(?:,X{3})*(?![\w%])"
    r"|\?{2,}"
)
# Necessary conditions for the PLACEHOLDER branches that a plain `in` test cannot gate: a
# currency sign before X or a capital X/N/Y/Z opening a word and not followed by a letter
# (`_PH_SIGN_OR_LETTER`), an X/N/Y before a %-sign (`_PH_PERCENT`). Both start with a
# character class, so the regex engine skips to the candidates in C, where PLACEHOLDER tries
# its 7 branches at every position: ~3 goals in 2,000 have a placeholder, and the gate takes
# the scan from ~17 to ~1.3 µs a goal (measured).
_PH_SIGN_OR_LETTER = re.compile(
    r"[$€£¥XNYZ](?:(?<=[$€£¥])\s?[Xx]|(?<=[XNYZ])(?<![\w.].)X{0,2}(?![\w%]))"
)
_PH_PERCENT = re.compile(r"[XxNnYy]\s?%")


def _placeholders(text: str) -> tuple[Span, ...]:
    """The PLACEHOLDER matches in `text`, gated by cheap tests that each of them needs."""
    if not (
        "<" in text
        or "[" in text
        or "TB" in text
        or "tbd" in text
        or "??" in text
        or (
            # the characters its match must start with, found by `in` (~5x faster than
            # the search, which then runs on ~1 goal in 5); non-ASCII text may hold € £ ¥
            (
                "$" in text
                or "X" in text
                or "N" in text
                or "Y" in text
                or "Z" in text
                or not text.isascii()
            )
            and _PH_SIGN_OR_LETTER.search(text) is not None
        )
        or ("%" in text and _PH_PERCENT.search(text) is not None)
    ):
        return ()
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in PLACEHOLDER.finditer(text))


_LABEL_SOURCE = (
    r"^\s*(?:[-*•·▪◦]+\s*|\d+[.)]\s+|\(?[a-z]\)\s+)?"
    r"(?:(?:KR|OKR|O|KPI|Objective|Goal|Key\s+result|Target|Aim|Phase|Step|Stage|Workstream|"
    r"Pillar|Wave|Milestone|Track|Theme|Priority|Initiative|Sprint|Epic)"
    r"\s*\d*(?:\.\d+)*\s*[:：.)\-–—]\s*)?"
)


_LABEL = _lazy(_LABEL_SOURCE, re.IGNORECASE)
# (the gates in `_body_start` settle ~99% of goals without it: a run whose goals all pass
# them is spared its compile, ~1 ms)
_TOKEN = _lazy(_TOKEN_SOURCE)  # read by tests only: `tokenize` runs `_GAP_TOKEN`


# How the label words above begin ("key" for "Key result"). A goal whose ASCII head opens
# with a letter not followed by ")" (so no bullet) and none of these has no label: the gates
# below save the 22-way case-blind match on ~99% of goals.
_LABEL_WORDS = (
    "kr", "okr", "o", "kpi", "objective", "goal", "key", "target", "aim", "phase", "step",
    "stage", "workstream", "pillar", "wave", "milestone", "track", "theme", "priority",
    "initiative", "sprint", "epic",
)  # fmt: skip
# ASCII letters no label word starts with: one set probe settles ~half of the goals.
_NO_LABEL_INITIALS = frozenset(
    c
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if not any(w.startswith(c.lower()) for w in _LABEL_WORDS)
)


def _body_start(text: str) -> int:
    """Where the goal starts after a list bullet or a label such as "KR1:"."""
    if text[:1] in _NO_LABEL_INITIALS and text[1:2] != ")":
        return 0
    head = text[:10]
    # ASCII only: there the case-blind regex matches exactly what lower() then startswith finds
    if (
        head[:1].isalpha()
        and head.isascii()
        and text[1:2] != ")"
        and not head.lower().startswith(_LABEL_WORDS)
    ):
        return 0
    return _LABEL.match(text).end()  # type: ignore[union-attr]


def _opens_no_label(word: str) -> bool:
    """Whether a text starting with this word (a token of `tokenize`) has no label.

    An ASCII word of two or more characters (so no "a)" bullet) that neither starts with a
    label word nor is the start of one leaves the case-blind label pattern nothing to match,
    whatever follows it (a test checks this against the pattern)."""
    low = word.lower()
    return (
        len(word) > 1
        and word.isascii()
        and word[0].isalpha()
        and not low.startswith(_LABEL_WORDS)
        and not any(w.startswith(low) for w in _LABEL_WORDS)
    )


# First words of goals that `_opens_no_label` said yes to, by their lower case (the answer
# is the same for every case of an ASCII word): a goal opening with one has its body at 0,
# told with one probe ("Increase", "Reduce", "Launch"…). Bounded: cleared when full.
_UNLABELLED: set[str] = set()
_UNLABELLED_MAX = 4096


_MODALS = frozenset(
    [
        "will",
        "'ll",
        "’ll",
        "shall",
        "must",
        "should",
        "can",
        "could",
        "would",
        "to",
        "want",
        "aim",
        "plan",
        "intend",
        "need",
        "strive",
        "seek",
        "please",
    ]
)
_SUBJECT_PRONOUNS = frozenset(["we", "i", "you", "they", "he", "she", "it", "team"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "its",
        "my",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "all",
        "any",
        "some",
    ]
)
# Words that end the noun phrase a verb moves.
_NP_STOP = frozenset(
    [
        "prior",  # "prior to the launch": a time bound follows
        "from",
        "to",
        "by",
        "at",
        "within",
        "in",
        "on",
        "for",
        "over",
        "under",
        "below",
        "above",
        "across",
        "through",
        "via",
        "with",
        "while",
        "without",
        "before",
        "after",
        "during",
        "until",
        "till",
        "so",
        "that",
        "which",
        "who",
        "where",
        "when",
        "than",
        "and",
        "or",
        "but",
        "as",
        "if",
        "because",
        "per",
        "vs",
        "versus",
        "up",
        "down",
        "into",
        "onto",
        "among",
        "between",
        "around",
        "near",
        "compared",
        "relative",
        "against",
        "ahead",
        "year-over-year",
        "yoy",
        "qoq",
        "mom",
        "wow",
        "each",
        "every",
    ]
)
# Words kept inside a metric even though they are prepositions ("number of users",
# "revenue per employee").
_NP_KEEP = frozenset(["of", "per"])
_NP_PUNCT = frozenset(",.;:!?()[]{}\"“”'|/")
_COMPARATORS = {
    "≥": ">=",
    ">=": ">=",
    ">": ">",
    "≤": "<=",
    "<=": "<=",
    "<": "<",
    "=": "=",
    "==": "=",
}
_THRESHOLD_WORDS = {
    ("at", "least"): ">=",
    ("at", "most"): "<=",
    ("no", "more", "than"): "<=",
    ("no", "less", "than"): ">=",
    ("no", "fewer", "than"): ">=",
    ("not", "less", "than"): ">=",
    ("more", "than"): ">",
    ("less", "than"): "<",
    ("fewer", "than"): "<",
    ("greater", "than"): ">",
    ("higher", "than"): ">",
    ("lower", "than"): "<",
    ("over",): ">",
    ("under",): "<",
    ("above",): ">",
    ("below",): "<",
    ("exceeding",): ">",
    ("minimum", "of"): ">=",
    ("maximum", "of"): "<=",
    ("up", "to"): "<=",
}
#: How much of a goal's text the analysis reads (rule S100 reports longer ones).
ANALYSIS_LIMIT = 2000
_DATE_KINDS = frozenset({TimeKind.DEADLINE, TimeKind.PERIOD, TimeKind.REFERENCE})
_VERBLESS_DIRECTION = {"up": Direction.INCREASE, "down": Direction.DECREASE}
# Enum members bound once: `Direction.REACH` is a ~100 ns class-attribute lookup a use.
_REACH = Direction.REACH
_MULTIPLIER = QuantityKind.MULTIPLIER
_SET_DIRECTIONS = (Direction.REACH, Direction.KEEP, None)  # a value after them is a target
_MOVE_DIRECTIONS = (Direction.INCREASE, Direction.DECREASE)  # … is a change


class VerbEntry(NamedTuple):
    # A NamedTuple: made once each at import, where a frozen slotted dataclass cost ~0.8 ms
    # more to define (measured); read like one.
    lemma: str
    direction: Direction | None
    particle: str | None  # the second word of a phrasal verb ("out" in "roll out")


def _inflections(lemma: str) -> set[str]:
    """Regular -s, -ed and -ing forms of an English verb."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    elif (
        len(lemma) <= 4
        and re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma)
        and not lemma.endswith(("w", "x", "y"))
    ):
        # consonant-vowel-consonant monosyllables double their last letter (drop, plan)
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def _load_verbs() -> dict[str, list[VerbEntry]]:
    directions = {d.value: d for d in Direction}
    # one entry per lemma: a line may repeat a verb to add irregular forms or a direction
    merged: dict[str, tuple[Direction | None, set[str]]] = {}
    for line in sorted(shipped("en", "verbs")):
        head, _, irregular = line.partition(":")
        words = head.split()
        direction = None
        if words and words[-1] in directions:
            direction = directions[words.pop()]
        if not words:
            continue
        lemma = " ".join(words)
        old_direction, forms = merged.get(lemma, (None, set()))
        merged[lemma] = (old_direction or direction, forms | set(irregular.split()))
    table: dict[str, list[VerbEntry]] = {}
    for lemma, (direction, extra_forms) in merged.items():
        words = lemma.split()
        entry = VerbEntry(lemma, direction, words[1] if len(words) > 1 else None)
        for form in _inflections(words[0]) | extra_forms:
            table.setdefault(form, []).append(entry)
    # phrasal entries first, so "roll out" is tried before a plain "roll"; then directed ones
    # (most buckets hold one entry: nothing to sort, and the import is spared ~1,000 calls
    # of the key function)
    for bucket in table.values():
        if len(bucket) > 1:
            bucket.sort(key=lambda e: (e.particle is None, e.direction is None, e.lemma))
    return table


_VERBS = _load_verbs()

_Reading = tuple[VerbEntry, int]  # a verb entry and how many tokens it covers


_Readings = tuple[dict[str, _Reading] | None, _Reading | None]


def _readings(entries: list[VerbEntry]) -> _Readings:
    """A form's bucket as `_lookup` reads it: the phrasal readings by particle, then the
    one-word reading. Phrasal entries sort first, so a matching particle wins over a plain
    reading and the first plain entry is the answer otherwise."""
    phrasal: dict[str, _Reading] = {}
    for e in entries:
        if e.particle is not None:
            phrasal.setdefault(e.particle, (e, 2))
    single = next(((e, 1) for e in entries if e.particle is None), None)
    return phrasal or None, single


def _verb_tables() -> tuple[dict[str, str], dict[str, _Readings]]:
    """`_LEMMA_OF` and `_READINGS`, in one pass over the lexicon's forms.

    A bucket of one entry (most) is read off directly: at import, the generators and calls
    that a bucket's scan takes cost ~2 ms over the ~1,400 forms (measured)."""
    lemma_of: dict[str, str] = {}
    readings: dict[str, _Readings] = {}
    for form, entries in _VERBS.items():
        if len(entries) == 1:
            e = entries[0]
            lemma_of[form] = e.lemma
            readings[form] = (None, (e, 1)) if e.particle is None else ({e.particle: (e, 2)}, None)
        else:
            lemma_of[form] = next(
                (e.lemma for e in entries if e.particle is None), entries[0].lemma
            )
            readings[form] = _readings(entries)
    return lemma_of, readings


# What `verb_lemma` answers, a form each: the first one-word lemma, else the first entry's.
# And `_READINGS`: one dict probe a token instead of a scan of its bucket (the lookup runs
# on most tokens `_find_verb` reads).
_LEMMA_OF, _READINGS = _verb_tables()


def verb_lemma(word: str) -> str | None:
    """The lemma of a (lower-case) verb form from the verb lexicon: "cutting" → "cut"."""
    return _LEMMA_OF.get(word)


@functools.cache
def _ing_forms() -> dict[str, list[str]]:
    """The -ing forms in the verb lexicon by lemma, in lexicon order.

    One pass for all lemmas, made on first use: scanning the lexicon for each new lemma
    cost ~0.9 ms a lemma (~0.3 s over the lexicon's 353 lemmas, paid in a cold start)."""
    index: dict[str, list[str]] = {}
    for form, entries in _VERBS.items():
        if form.endswith("ing"):
            for lemma in dict.fromkeys(e.lemma for e in entries):  # each lemma once a form
                index.setdefault(lemma, []).append(form)
    return index


@functools.lru_cache(maxsize=1024)
def ing_form(lemma: str) -> str:
    """The -ing form of a verb lemma ("launch" → "launching", "roll out" → "rolling out")."""
    first, _, rest = lemma.partition(" ")
    # a set built in the order the lexicon gives, as a scan of it would build it: `min`
    # then breaks a tie between forms of one length the same way
    forms = set(_ing_forms().get(lemma, ()))
    if forms:
        form = min(forms, key=len)
    elif first.endswith("ie"):
        form = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith("ee"):
        form = first[:-1] + "ing"
    else:
        form = first + "ing"
    return f"{form} {rest}" if rest else form


# Inflected forms that show a finite verb after a subject ("churn drops", "revenue grew").
_FINITE_SUFFIXES = ("s", "ed")


class Token(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a goal has ~13 tokens and building them as
    # frozen dataclasses cost ~30 µs a goal against ~16 µs as tuples (measured).
    start: int
    end: int
    text: str
    lower: str


_new_token = tuple.__new__

# `_TOKEN` behind the whitespace before it. Every non-space character starts some token, so
# the matches tile the (right-stripped) text and `findall`'s (gap, word) pairs give each
# token's offsets by adding lengths: no Match object and no span() call a token. The
# optional groups are spelt as alternations (`(?:x|)` for `(?:x)?`, `(?:x x*|)` for `x*`),
# which match the same but skip the regex engine's costlier repeat machinery when the
# group is absent, as it mostly is. Together 9.8 → 6.2 µs a goal (measured).
_GAP_TOKEN = re.compile(
    r"(\s*)("
    r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+|)(?:-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|)"
    r"|\d[\d,.]*(?:-[A-Za-z]+|)"
    r"|[≥≤]|[<>]=?|=+"
    r"|\S"
    r")"
)


_Piece = tuple[tuple[int, int, str, str], ...]  # (start, end, text, lower), from the piece's start

# Tokens of the space-free pieces of goals: words recur from goal to goal (~93% of pieces of
# 2,000 fresh benchmark goals were seen before), so `tokenize` mostly reads them from here
# instead of running the regex and lower(). 6.6 → 4.9 µs a goal (measured). Bounded by
# clearing when full; long pieces (junk input) are not kept.
_PIECES: dict[str, _Piece] = {}
_PIECES_MAX = 8192
_PIECE_KEEP_LEN = 64
# The Tokens already made from a piece, by the offset the piece starts at, then the piece: a
# piece recurs at the same offset too ("Reduce" at 0; ~80% of the pieces of fresh benchmark
# goals), and handing out the same immutable Tokens again spares building them (a third of
# tokenize's time, counting the garbage collections that allocations set off): 6.3 → 4.4 µs
# a goal (measured). A list by offset, of dicts by piece: a piece costs one list index and
# one dict probe (3.4 → 2.9 µs a goal against a dict by piece of dicts by offset,
# measured). Offsets from _AT_OFFSETS on are not kept (only texts past ANALYSIS_LIMIT have
# them: such a text is tokenised afresh, without the table). Bounded: a fresh table when
# _AT_MAX Tokens tuples are kept (a few MB at most). An offset gets its own dict when a
# first piece is kept there; until then it reads the shared empty one, which nothing
# writes to (2,048 dicts made at import cost ~0.6 ms).
_AT_OFFSETS = 2048
_AT_MAX = 32768
_NONE_AT: dict[str, tuple[Token, ...]] = {}
_AT: list[dict[str, tuple[Token, ...]]] = [_NONE_AT] * _AT_OFFSETS
_at_kept = 0


def _piece_tokens(piece: str) -> _Piece:
    """The tokens of `piece` (offsets from its start)."""
    out: list[tuple[int, int, str, str]] = []
    pos = 0
    # rstrip: trailing whitespace has no token after it; left in, findall would re-scan it
    # from each of its positions (quadratic on a long run of newlines)
    for gap, word in _GAP_TOKEN.findall(piece.rstrip()):
        start = pos + len(gap)
        pos = start + len(word)
        out.append((start, pos, word, word.lower()))
    found = tuple(out)
    if len(piece) <= _PIECE_KEEP_LEN:
        if len(_PIECES) >= _PIECES_MAX:
            _PIECES.clear()
        _PIECES[piece] = found
    return found


def _tokens_at(piece: str, pos: int) -> tuple[Token, ...]:
    """The Tokens of `piece` where it starts at offset `pos` of the text (not looked up)."""
    raw = _PIECES.get(piece)
    if raw is None:
        raw = _piece_tokens(piece)
    return tuple([_new_token(Token, (pos + s, pos + e, word, low)) for s, e, word, low in raw])


def _keep_tokens_at(piece: str, pos: int, tokens: tuple[Token, ...]) -> None:
    """Keep the Tokens of `piece` at offset `pos` (< _AT_OFFSETS) for the next time."""
    global _AT, _at_kept
    if len(piece) <= _PIECE_KEEP_LEN:
        if _at_kept >= _AT_MAX:
            # start afresh: a new table, swapped in at once (a call under way reads the old)
            _at_kept = 0
            _AT = [_NONE_AT] * _AT_OFFSETS
        _at_kept += 1
        kept = _AT[pos]
        if kept is _NONE_AT:
            kept = _AT[pos] = {}
        kept[piece] = tokens


@functools.lru_cache(maxsize=512)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words, numbers and signs with their offsets (the goal analysis' own tokens).

    Cached: the analysis and the rules read the same goal one after the other.
    """
    # No token holds a space and `_TOKEN` looks at nothing around a match, so the tokens of
    # the text are those of its pieces between spaces, shifted to where each piece starts.
    out: list[Token] = []
    extend = out.extend
    at = _AT
    pos = 0
    # the quantity extractor's pieces of this very string, if it split it last (their
    # hashes are kept: every piece is looked up below): see numbers.LAST_SPLIT
    last = LAST_SPLIT[0]
    pieces = last[1] if last[0] is text else text.split(" ")
    try:
        for piece in pieces:
            tokens = at[pos].get(piece)
            if tokens is None:
                tokens = _tokens_at(piece, pos)
                _keep_tokens_at(piece, pos, tokens)
            extend(tokens)
            pos += len(piece) + 1
    except IndexError:
        # an offset past the table (a text longer than ANALYSIS_LIMIT): afresh, without it
        out.clear()
        pos = 0
        for piece in pieces:
            extend(_tokens_at(piece, pos))
            pos += len(piece) + 1
    return tuple(out)


def forms_of(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form of the given verb lemmas that the verb lexicon knows."""
    wanted = set(lemmas)
    return frozenset(f for f, entries in _VERBS.items() if any(e.lemma in wanted for e in entries))


def _lookup(tokens: Sequence[Token], i: int) -> _Reading | None:
    """The verb reading of tokens[i] (and how many tokens it covers), if any."""
    readings = _READINGS.get(tokens[i].lower)
    if readings is None:
        return None
    phrasal, single = readings
    if phrasal is not None and i + 1 < len(tokens):
        hit = phrasal.get(tokens[i + 1].lower)
        if hit is not None:
            return hit
    return single


# Heads that make a preceding verb-like word a noun: "Market share", "Test coverage".
_METRIC_HEADS = frozenset(
    [
        "share",
        "score",
        "rate",
        "coverage",
        "attainment",
        "cost",
        "costs",
        "time",
        "value",
        "size",
        "growth",
        "revenue",
        "level",
        "ratio",
        "index",
        "count",
        "volume",
        "quality",
        "adoption",
        "usage",
        "rating",
        "ranking",
        "margin",
        "hours",
        "budget",
        "velocity",
        "frequency",
        "speed",
        "latency",
        "throughput",
        "duration",
    ]
)


# Verbs that often stand first in a goal as the first half of a noun compound.
_NOUNISH_VERBS = frozenset(
    [
        "test",
        "market",
        "record",
        "plan",
        "design",
        "review",
        "report",
        "audit",
        "survey",
        "pilot",
        "study",
        "benchmark",
        "map",
        "document",
        "release",
        "update",
        "upgrade",
        "support",
        "research",
        "process",
        "schedule",
        "budget",
        "forecast",
        "staff",
        "fund",
        "source",
        "feature",
        "list",
        "post",
        "email",
        "call",
        "ship",
        "host",
        "train",
        "lead",
        "build",
        "deploy",
        "change",
        "cycle",
        "return",
        "search",
        "load",
        "response",
        "run",
        "file",
        "port",
        "archive",
    ]
)


# Words after a first word that make it a noun: "Churn down 5%", "Test coverage is 80%".
_NOUN_FOLLOWERS = frozenset(["up", "down", "is", "are", "at", "below", "above", "under", "over"])
# What a next word must be for `_noun_reading` to say "noun" after a word not in
# _NOUNISH_VERBS (a comparison sign is its own lower case).
_NOUN_NEXT = _NOUN_FOLLOWERS | frozenset(_COMPARATORS)


def _noun_reading(tokens: Sequence[Token], i: int) -> bool:
    """Whether what follows a first word makes it a noun ("Test coverage at 80%")."""
    n = len(tokens)
    if i >= n:
        return True
    nxt = tokens[i]
    low = nxt.lower
    if low == "at" and i + 1 < n and tokens[i + 1].lower in ("least", "most"):
        return False  # "Hire at least 5 engineers"
    if nxt.text in _COMPARATORS or low in _NOUN_FOLLOWERS:
        return True
    # the rest needs a first word that is often a noun ("Test", "Release"): checked once
    if tokens[i - 1].lower not in _NOUNISH_VERBS:
        return False
    if low in _METRIC_HEADS:
        return True
    # a bare metric name: "Lead velocity rate", "Release cycle time"
    tail = tokens[i : i + 3]
    return (
        i + len(tail) == n
        and tail[-1].lower in _METRIC_HEADS
        and all(t.text.isalpha() and t.lower not in _DETERMINERS for t in tail)
    )


# Words that open a phrase put before the main clause ("In the next 90 days, …").
FRONTED = frozenset(
    [
        "in",
        "by",
        "within",
        "over",
        "during",
        "before",
        "after",
        "for",
        "across",
        "this",
        "next",
        "from",
        "starting",
        "until",
        "through",
        "throughout",
        "at",
        "on",
    ]
)


def _find_verb(tokens: Sequence[Token], body_start: int) -> tuple[int, VerbEntry, int] | None:
    """The main verb: the first verb in a verbal position of the first clause."""
    n = len(tokens)
    if n and tokens[0].start >= body_start:
        first = 0  # no label before the goal: the common case, without the scan below
    else:
        found = next((i for i, t in enumerate(tokens) if t.start >= body_start), None)
        if found is None:
            return None
        first = found
    readings_of = _READINGS.get
    for i in range(first, n):
        # `_lookup(tokens, i)`, inline: it runs on most tokens read here
        readings = readings_of(tokens[i].lower)
        if readings is None:
            continue
        phrasal, hit = readings
        if phrasal is not None and i + 1 < n:
            hit = phrasal.get(tokens[i + 1].lower, hit)
        if hit is None:
            continue
        entry, width = hit
        if i == first:
            j = i + width
            # `_noun_reading(tokens, j)`'s usual "no", answered here without the call: a
            # word after the verb that no noun reading starts with, after a verb that is not
            # nounish (tests/test_en_goal_fast.py pits `_find_verb` against the plain reading)
            if (
                j < n
                and tokens[j].lower not in _NOUN_NEXT
                and tokens[j - 1].lower not in _NOUNISH_VERBS
            ):
                return i, entry, width
            if not _noun_reading(tokens, j):
                return i, entry, width
            continue
        prev = tokens[i - 1].lower
        if prev.endswith(",") and tokens[first].lower in FRONTED:
            # after a fronted phrase: "In the next 90 days, make …", "By Q3, launch …"
            if not _noun_reading(tokens, i + width):
                return i, entry, width
            continue
        if prev in _MODALS or prev in _SUBJECT_PRONOUNS:
            return i, entry, width
        low = tokens[i].lower
        if (
            low != entry.lemma.split()[0]
            and low.endswith(_FINITE_SUFFIXES)
            and prev not in _DETERMINERS
        ):
            # "Churn drops to 2%", "Revenue grew": an inflected verb after its subject,
            # unless a determiner makes it a noun ("the increases")
            return i, entry, width
        if low in ("is", "are", "was", "were", "be"):
            return i, entry, width
    return None


def _quantity_at(quantities: Sequence[Quantity], start: int, end: int) -> Quantity | None:
    for q in quantities:
        if q.start < end and start < q.end:
            return q
    return None


def _overlaps(stops: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    for a, b in stops:  # noqa: SIM110 - a plain loop: any() with a generator costs more here
        if a < end and start < b:
            return True
    return False


# Past any offset: what `_noun_phrase` compares token ends with when there are no stops.
_NO_STOP = sys.maxsize
# A token that ends a noun phrase by itself: punctuation or a comparison sign.
_NP_END_SIGNS = _NP_PUNCT | frozenset(_COMPARATORS)
# Stop words that end it ("per"/"of" stay inside a metric).
_NP_BREAK = _NP_STOP - _NP_KEEP
# Both, probed with the token's lower case: a sign is its own lower case and no other word
# lowers to one (tests/test_en_goal_fast.py checks every character): one probe tells both.
_NP_HALT = _NP_END_SIGNS | _NP_BREAK


def _noun_phrase(
    tokens: Sequence[Token],
    i: int,
    stops: Sequence[tuple[int, int]],
    subject: bool = False,
) -> tuple[int, int] | None:
    """Token index range [i, j) of the noun phrase starting at tokens[i].

    `stops` are the offsets of what a noun phrase cannot run into: the goal's values, its
    bounding time mentions and placeholders. A subject ends at its finite verb ("Churn
    drops"); an object does not ("blog posts").
    """
    n = len(tokens)
    while i < n and tokens[i].lower in _DETERMINERS:
        i += 1
    # gate: a token ending at or before every stop's start overlaps none (the metric's
    # words mostly stand before the values), so `_overlaps` runs on the last word or two
    reach = min(stops)[0] if stops else _NO_STOP
    j = i
    while j < n:
        start, end, _, low = tokens[j]
        if end > reach and _overlaps(stops, start, end):
            break
        if low in _NP_HALT:  # a sign or a stop word ends the phrase
            # "time to first response": "to" followed by words stays in the metric
            if low == "to" and j + 1 < n and tokens[j + 1].text[:1].isalpha():
                nxt = tokens[j + 1]
                if (
                    nxt.lower not in _NP_STOP
                    and nxt.lower not in _DETERMINERS
                    and _lookup(tokens, j + 1) is None
                    and not _overlaps(stops, nxt.start, nxt.end)
                ):
                    j += 1
                    continue
            break
        if subject and j > i and _lookup(tokens, j) is not None:
            break
        j += 1
    # a trailing "of"/"per" belongs to what follows, not to the metric
    while j > i and tokens[j - 1].lower in _NP_KEEP:
        j -= 1
    return (i, j) if j > i else None


# Spans are frozen, so equal ones can be one object: the verb span repeats from goal to goal
# ("Reduce" at 0-6; 92% of 2,000 fresh goals hit), and a hit costs a third of building one.
_verb_span = functools.lru_cache(maxsize=1024)(Span)
# One-word verbs (most) by their Token, which is their span's start, end and text already:
# a probe with no key to build and no text to slice or hash (the Tokens' strings keep their
# hashes). Bounded: cleared when full.
_VERB_SPANS: dict[Token, Span] = {}
_VERB_SPANS_MAX = 1024


def _one_word_span(token: Token) -> Span:
    """The Span of a one-word verb, kept in _VERB_SPANS."""
    span = Span(token.start, token.end, token.text)
    if len(_VERB_SPANS) >= _VERB_SPANS_MAX:
        _VERB_SPANS.clear()
    _VERB_SPANS[token] = span
    return span


_END = operator.itemgetter(1)  # Token.end, for bisecting tokens (they are in text order)


# `_THRESHOLD_WORDS` by their last word, in the same order: only phrases ending with the
# word before a number can match, so the rest need not be tried.
_THRESHOLDS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _comp in _THRESHOLD_WORDS.items():
    _THRESHOLDS_BY_LAST.setdefault(_words[-1], []).append((_words, _comp))


def _comparator(tokens: Sequence[Token], q: Quantity) -> str | None:
    if q.comparator:
        return q.comparator
    # tokens ending at or before the value
    return _comparator_at(tokens, q, bisect_right(tokens, q.start, key=_END))


def _comparator_at(tokens: Sequence[Token], q: Quantity, k: int) -> str | None:
    """`_comparator(tokens, q)` where `k` tokens end at or before the value."""
    if q.comparator:
        return q.comparator
    if k:
        last = tokens[k - 1].lower
        if last in _COMPARATORS:
            return _COMPARATORS[last]
        for words, comp in _THRESHOLDS_BY_LAST.get(last, ()):
            if tuple(t.lower for t in tokens[max(0, k - len(words)) : k]) == words:
                return comp
    if q.text.rstrip().endswith("+"):
        return ">="
    return None


def analyse(doc: Doc, quantities: Sequence[Quantity], times: Sequence[TimeMention]) -> GoalAnalysis:
    text = doc.user_data.get(TEXT_KEY)  # `doc_text(doc)`, inline where the text is kept
    if text is None:
        text = doc_text(doc)
    if len(text) > ANALYSIS_LIMIT:
        # Goals are short; a long text is read up to a limit so time stays bounded. (A
        # shorter text holds every span found in it, so nothing needs filtering then.)
        text = text[:ANALYSIS_LIMIT]
        quantities = [q for q in quantities if q.end <= ANALYSIS_LIMIT]
        times = [t for t in times if t.end <= ANALYSIS_LIMIT]
    placeholders = _placeholders(text)
    tokens = tokenize(text)
    if not tokens:
        return GoalAnalysis(placeholders=placeholders)
    # What a noun phrase cannot run into: values (below), bounding times and placeholders.
    # (Plain loops: on Python 3.11 a comprehension is a function call of its own.)
    stops = []
    for t in times:
        if t.bounding:
            stops.append((t.start, t.end))
    for p in placeholders:
        stops.append((p.start, p.end))
    # Quantities inside a time expression ("within 4 months", "2027") are not values, nor
    # are those in a placeholder. (for … else: the else runs when no break happened)
    values = []
    for q in quantities:
        qs, qe = q.start, q.end
        for t in times:
            if t.start <= qs and qe <= t.end and (t.bounding or t.kind in _DATE_KINDS):
                break
        else:
            for p in placeholders:
                if p.start <= qs < p.end:
                    break
            else:
                values.append(q)
                stops.append((qs, qe))
    # `_body_start(text)`, settled by the first word where it is known to open no label
    t0 = tokens[0]
    if t0.start == 0 and t0.lower in _UNLABELLED:
        body_start = 0
    else:
        body_start = _body_start(text)
        if body_start == 0 and t0.start == 0 and _opens_no_label(t0.text):
            if len(_UNLABELLED) >= _UNLABELLED_MAX:
                _UNLABELLED.clear()
            _UNLABELLED.add(t0.lower)

    verb_span = lemma = None
    direction: Direction | None = None
    metric: tuple[int, int] | None = None
    found = _find_verb(tokens, body_start)
    if found is not None:
        vi, entry, width = found
        if width == 1:
            verb_span = _VERB_SPANS.get(tokens[vi])
            if verb_span is None:
                verb_span = _one_word_span(tokens[vi])
        else:
            vstart, vend = tokens[vi].start, tokens[vi + width - 1].end
            verb_span = _verb_span(vstart, vend, text[vstart:vend])
        lemma, direction = entry.lemma, entry.direction
        after = vi + width
        # "Reach 1,200 MAU", "Hire 5 AEs": the metric follows the quantity
        if after < len(tokens) and values:
            # the first value over the word after the verb (`_quantity_at`, inline)
            ts, te, _, _ = tokens[after]
            for q_after in values:
                if q_after.start < te and ts < q_after.end:
                    k = after
                    while k < len(tokens) and tokens[k].start < q_after.end:
                        k += 1
                    if k < len(tokens) and tokens[k].lower == "of":  # "92% of customers"
                        k += 1
                    after = k
                    break
        metric = _noun_phrase(tokens, after, stops)
        if metric is None and vi > 0 and tokens[vi].lower.endswith(_FINITE_SUFFIXES):
            # intransitive with a subject: "Churn drops to 2%"
            subj = _noun_phrase(tokens, _first_body(tokens, body_start), stops, True)
            if subj is not None and subj[1] <= vi:
                metric = subj
    else:
        # Verbless goals: "NPS ≥ 50", "Customer satisfaction up 5 points", "1,200 MAU by Q3"
        fi = _first_body(tokens, body_start)
        q0 = _quantity_at(values, tokens[fi].start, tokens[fi].end) if fi < len(tokens) else None
        if q0 is not None:
            k = fi
            while k < len(tokens) and tokens[k].start < q0.end:
                k += 1
            metric = _noun_phrase(tokens, k, stops)
            direction = _REACH
        else:
            metric = _noun_phrase(tokens, fi, stops)
            if metric is not None and metric[1] < len(tokens):
                nxt = tokens[metric[1]].lower
                if nxt in _VERBLESS_DIRECTION:
                    direction = _VERBLESS_DIRECTION[nxt]
                elif (
                    nxt in _COMPARATORS
                    or nxt in ("at", "of", "to")
                    or any(
                        _comparator(tokens, q) for q in values if q.start >= tokens[metric[1]].start
                    )
                ):
                    direction = _REACH

    metric_span = None
    if metric is not None:
        a, b = tokens[metric[0]].start, tokens[metric[1] - 1].end
        metric_span = Span(a, b, text[a:b])

    baseline = target = change = None
    metric_end = metric_span.end if metric_span else (verb_span.end if verb_span else 0)
    verb_end = verb_span.end if verb_span else -1
    for q in values:
        qs = q.start
        k = bisect_right(tokens, qs, key=_END)  # tokens ending at or before the value
        last = tokens[k - 1].lower if k else None
        if last == "from":
            baseline = baseline or q
        elif last == "by" or q.kind is _MULTIPLIER or last in _VERBLESS_DIRECTION:
            change = change or q
        elif last in ("to", "at", "of") or _comparator_at(tokens, q, k):
            target = target or q
        else:
            # only spaces between the verb and the value (read by the branches below only)
            right_after_verb = verb_span is not None and not text[verb_end:qs].strip()
            if right_after_verb and direction in _SET_DIRECTIONS:
                target = target or q
            elif right_after_verb or (direction in _MOVE_DIRECTIONS and qs >= metric_end):
                change = change or q
            elif qs >= metric_end or q.end <= verb_end or verb_span is None:
                target = target or q
    # by position, in field order (0.4 µs a goal less than by keyword, measured; a test in
    # tests/test_en_goal.py pins the order)
    return GoalAnalysis(
        verb_span,  # verb
        lemma,  # verb_lemma
        direction,
        metric_span,  # metric
        baseline,
        target,
        change,
        placeholders,
    )


def _first_body(tokens: Sequence[Token], body_start: int) -> int:
    """Index of the first token after the label and a leading subject pronoun phrase."""
    for i, t in enumerate(tokens):
        if t.start >= body_start:
            return i
    return len(tokens)
