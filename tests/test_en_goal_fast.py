"""The shortcuts of the English goal analysis give what the plain computations give
(smartlint.lang.en.goal): each test pits one against a plain version written out here."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import cast

from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from smartlint.lang.en import goal as en_goal
from smartlint.lang.en.goal import Token, VerbEntry, tokenize

# Words that steer the verb and noun-phrase readings, with filler and signs.
_WORDS = [
    "Increase", "reduce", "Test", "coverage", "at", "least", "most", "up", "down", "is", "are",
    "roll", "out", "Release", "cycle", "time", "the", "our", "to", "first", "response", "of",
    "per", "from", "by", "we", "will", "churn", "drops", "Churn", "NPS", "≥", ">=", "=", "50",
    "5%", "Q3", "In", "next", "days,", "launch", "and", ",", "(", "market", "share", "rate",
    "customers", "X", "revenue", "grew", "increases", "plan", "budget",
]  # fmt: skip

_TRICKY_HEAD = "KkſſİıI\u212a)( -•1.:"  # case-blind look-alikes of label letters, bullets


def _tokens_of(words: list[str]) -> tuple[Token, ...]:
    return tokenize.__wrapped__(" ".join(words))  # type: ignore[attr-defined,no-any-return]


def _plain_find_verb(tokens: Sequence[Token], body_start: int) -> tuple[int, VerbEntry, int] | None:
    """`_find_verb` as first written: `_lookup` and `_noun_reading` called for each word."""
    found = next((i for i, t in enumerate(tokens) if t.start >= body_start), None)
    if found is None:
        return None
    first = found
    for i in range(first, len(tokens)):
        hit = en_goal._lookup(tokens, i)
        if hit is None:
            continue
        entry, width = hit
        if i == first:
            if not en_goal._noun_reading(tokens, i + width):
                return i, entry, width
            continue
        prev = tokens[i - 1].lower
        if prev.endswith(",") and tokens[first].lower in en_goal.FRONTED:
            if not en_goal._noun_reading(tokens, i + width):
                return i, entry, width
            continue
        if prev in en_goal._MODALS or prev in en_goal._SUBJECT_PRONOUNS:
            return i, entry, width
        low = tokens[i].lower
        if (
            low != entry.lemma.split()[0]
            and low.endswith(en_goal._FINITE_SUFFIXES)
            and prev not in en_goal._DETERMINERS
        ):
            return i, entry, width
        if low in ("is", "are", "was", "were", "be"):
            return i, entry, width
    return None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.integers(0, 12))
def test_find_verb_matches_the_plain_reading(words: list[str], body_start: int) -> None:
    tokens = _tokens_of(words)
    assert en_goal._find_verb(tokens, body_start) == _plain_find_verb(tokens, body_start)


def _plain_noun_phrase(
    tokens: Sequence[Token], i: int, stops: Sequence[tuple[int, int]], subject: bool
) -> tuple[int, int] | None:
    """`_noun_phrase` without the gate before `_overlaps` and with its two word tests apart."""
    n = len(tokens)
    while i < n and tokens[i].lower in en_goal._DETERMINERS:
        i += 1
    j = i
    while j < n:
        start, end, word, low = tokens[j]
        if word in en_goal._NP_END_SIGNS or en_goal._overlaps(stops, start, end):
            break
        if low in en_goal._NP_BREAK:
            if low == "to" and j + 1 < n and tokens[j + 1].text[:1].isalpha():
                nxt = tokens[j + 1]
                if (
                    nxt.lower not in en_goal._NP_STOP
                    and nxt.lower not in en_goal._DETERMINERS
                    and en_goal._lookup(tokens, j + 1) is None
                    and not en_goal._overlaps(stops, nxt.start, nxt.end)
                ):
                    j += 1
                    continue
            break
        if subject and j > i and en_goal._lookup(tokens, j) is not None:
            break
        j += 1
    while j > i and tokens[j - 1].lower in en_goal._NP_KEEP:
        j -= 1
    return (i, j) if j > i else None


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=8),
    st.integers(0, 8),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=3),
    st.booleans(),
)
def test_noun_phrase_matches_the_plain_walk(
    words: list[str], i: int, raw_stops: list[tuple[int, int]], subject: bool
) -> None:
    tokens = _tokens_of(words)
    # stops of any length, empty ones and ones in the gaps between words included
    stops = [(a, a + size) for a, size in raw_stops]
    got = en_goal._noun_phrase(tokens, i, stops, subject)
    assert got == _plain_noun_phrase(tokens, i, stops, subject)


def test_signs_are_their_own_lower_case_only() -> None:
    # `_noun_phrase` probes the lower case for the signs that end a phrase: that holds if a
    # character lowers to a sign's character only when it is that character (the two-character
    # signs then follow: `lower` maps each character on its own, and only "İ" lowers to two)
    sign_chars = {c for sign in en_goal._NP_END_SIGNS for c in sign}
    for sign in en_goal._NP_END_SIGNS:
        assert sign.lower() == sign
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if low != c and (low in en_goal._NP_END_SIGNS or any(ch in sign_chars for ch in low)):
            raise AssertionError(f"{c!r} lowers to {low!r}")


# the first word a proper start of a label word, which a look-alike letter then completes
@example("Trac", "\u212a: x")
@example("Pr", "ıority: x")
@example("Spr", "ınt: x")
@example("Pha", "ſe 2: x")
@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from([*_WORDS, "Okr", "Kr", "Key", "Keys", "Tra", "Track", "Go", "Ob", "a", "b"]),
    st.text(alphabet=_TRICKY_HEAD + "abcdefghijklmnopqrstuvwxyz0123456789", max_size=12),
)
def test_a_first_word_that_opens_no_label_means_no_label(first: str, rest: str) -> None:
    text = first + rest
    tokens = tokenize.__wrapped__(text)  # type: ignore[attr-defined]
    if tokens and tokens[0].start == 0 and en_goal._opens_no_label(tokens[0].text):
        assert en_goal._LABEL.match(text).end() == 0  # type: ignore[union-attr]
        assert en_goal._body_start(text) == 0


def test_first_words_are_learnt_only_where_they_open_no_label() -> None:
    for text in ("Increase NPS to 50", "KR1: Increase NPS", "Trac\u212a: revenue", "a) Grow"):
        en_goal.analyse(_source(text), (), ())
        for word in en_goal._UNLABELLED:
            assert en_goal._LABEL.match(word + ": x").end() == 0  # type: ignore[union-attr]
    assert "increase" in en_goal._UNLABELLED
    assert "kr1" not in en_goal._UNLABELLED and "a" not in en_goal._UNLABELLED


class _Source:
    """What `analyse` reads of a Doc: its text in `user_data`."""

    def __init__(self, text: str) -> None:
        self.user_data = {"smartlint_text": text}


def _source(text: str) -> Doc:
    return cast(Doc, _Source(text))


def _reference_tokens(text: str) -> list[tuple[int, int, str, str]]:
    return [
        (m.start(), m.end(), m.group(), m.group().lower()) for m in en_goal._TOKEN.finditer(text)
    ]


def test_tokens_past_the_offset_table_are_the_same() -> None:
    # offsets past _AT_OFFSETS are not kept: such texts are tokenised without the table
    for text in ("ab " * 1200, "Cut churn " + " " * 3000 + "by 5%", "x" * 2100 + " y z"):
        for _ in range(2):
            assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)  # type: ignore[attr-defined]


def test_lazy_patterns_read_as_module_attributes() -> None:
    assert en_goal._LABEL.match("KR1: x").end() == 5  # type: ignore[union-attr]
    assert isinstance(en_goal._LABEL, re.Pattern)  # compiled in the module's place on use
    words = [m.group() for m in en_goal._TOKEN.finditer("Cut p95 ≥ 10%")]
    assert words == ["Cut", "p95", "≥", "10", "%"]


def test_one_word_verb_spans_are_those_of_the_tokens() -> None:
    for text in ("Reduce churn", "  Reduce churn", "We will reduce churn", "Reduce\tchurn"):
        verb = en_goal.analyse(_source(text), (), ()).verb
        assert verb is not None and text[verb.start : verb.end] == verb.text


_SPLIT_TEXT = st.text(
    alphabet="Reduc hr1029%$., \t\n\u00a0xé５", max_size=40
)  # spaces of every kind, digits (full-width too: then the extractor splits another string)


@settings(max_examples=300, deadline=None)
@given(_SPLIT_TEXT, _SPLIT_TEXT)
def test_tokenize_after_the_quantity_extractor_reads_its_own_text(text: str, other: str) -> None:
    from smartlint.lang.en import numbers as en_numbers
    from smartlint.lang.en import quantities as en_quantities

    # the pieces the extractor hands on (numbers.LAST_SPLIT) are those of the same string
    en_quantities.extract_text(text)
    assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)  # type: ignore[attr-defined]
    # another goal's pieces are never read, nor those of an equal text that is another
    # string (the pieces are checked by identity, not by value)
    en_quantities.extract_text(other)
    assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)  # type: ignore[attr-defined]
    equal = "".join(list(text))
    en_numbers.LAST_SPLIT[0] = (equal, (text + " x").split(" "))
    if equal is not text:
        assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)  # type: ignore[attr-defined]
    en_numbers.LAST_SPLIT[0] = ("", [""])


def test_the_extractor_hands_on_the_pieces_of_the_text_it_split() -> None:
    from smartlint.lang.en import numbers as en_numbers
    from smartlint.lang.en import quantities as en_quantities

    text = "Grow revenue 5% by Q3  to $2M"
    en_quantities.extract_text(text)
    handed, pieces = en_numbers.LAST_SPLIT[0]
    assert handed is text and pieces == text.split(" ")
    en_numbers.LAST_SPLIT[0] = ("", [""])
