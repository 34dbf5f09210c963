"""The English extractors' patterns compile when first used, and then cost nothing extra."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.lang.en import numbers, quantities
from smartlint.lang.en.numbers import lazy_pattern


def test_importing_the_extractor_compiles_no_pattern() -> None:
    code = (
        "import re, smartlint.lang.en.quantities as q, smartlint.lang.en.numbers as n\n"
        "print(sorted(k for m in (q, n) for k, v in vars(m).items() if isinstance(v, re.Pattern)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_pattern_takes_its_own_place_when_first_used() -> None:
    namespace: dict[str, object] = {}
    pattern = lazy_pattern(namespace, "_P", r"(?P<n>\d+)x", re.IGNORECASE)
    namespace["_P"] = pattern
    assert pattern.pattern == r"(?P<n>\d+)x" and pattern.flags == re.IGNORECASE
    assert namespace["_P"] is pattern  # reading the source compiles nothing
    found = pattern.search("grow 3X")
    assert found is not None and found.group("n") == "3"
    compiled = namespace["_P"]
    assert isinstance(compiled, re.Pattern)
    assert (
        compiled.pattern == pattern.pattern
        and compiled.flags == re.compile(r"(?P<n>\d+)x", re.IGNORECASE).flags
    )
    # the stand-in, still held elsewhere, goes on working, through the same compiled pattern
    assert [m.span() for m in pattern.finditer("1x 22X")] == [(0, 2), (3, 6)]


def test_a_pattern_in_no_namespace_only_forwards() -> None:
    pattern = lazy_pattern(None, "", r"ab")
    assert pattern.match("abc") is not None and pattern.sub("-", "abab") == "--"


def test_after_a_lint_the_hot_patterns_are_compiled_ones() -> None:
    quantities.extract_text("Raise accuracy from 72% to 85% and cut costs by $1.2M in 9 months")
    numbers.parse_word_number("twenty-one")
    for name in ("_DIGITS", "_PERCENT_LOW", "_SCALE_AFTER", "_CURRENCY_LOW", "_UNIT_AFTER"):
        assert isinstance(getattr(quantities, name), re.Pattern), name
    assert isinstance(numbers._SPLIT, re.Pattern)


_TEXT = st.text(alphabet=st.sampled_from(list("0123456789 .,%$xkmMabcdefhijlnoprstuvwy-/")))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_the_lazy_patterns_match_as_compiled_ones(text: str) -> None:
    for name in ("_DIGITS", "_NOT_QUANTITY", "_UNIT_AFTER", "_NEXT_WORDS"):
        pattern = getattr(quantities, name)
        eager = re.compile(pattern.pattern, pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in eager.finditer(text)
        ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\nab'&/-_9Zé")), max_size=40))
def test_the_first_next_word_is_the_one_of_the_three_word_pattern(text: str) -> None:
    for pos in range(len(text) + 1):
        one = quantities._NEXT_WORD.match(text, pos)
        three = quantities._NEXT_WORDS.match(text, pos)
        assert (one and one.group(1)) == (three and three.group(1))
