"""The English extractors' patterns compile when first used, and then cost nothing extra."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint._lazyre import LazyPattern
from smartlint.lang.en import numbers, quantities


def test_importing_the_extractor_compiles_no_pattern() -> None:
    code = (
        "import re, smartlint.lang.en.quantities as q, smartlint.lang.en.numbers as n\n"
        "print(sorted(k for m in (q, n) for k, v in vars(m).items() if isinstance(v, re.Pattern)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("module", [numbers, quantities])
def test_every_stand_in_compiles_to_its_pattern_in_its_place(module: object) -> None:
    lazy = {k: v for k, v in vars(module).items() if type(v) is LazyPattern}
    if module is quantities:
        del lazy["WORD_NUMBER"]  # numbers' stand-in, imported: checked with numbers
    for name, stand_in in lazy.items():
        source, flags = stand_in.pattern, stand_in.flags
        stand_in.search("")  # a broken pattern fails here, not in use
        compiled = getattr(module, name)
        assert type(compiled) is re.Pattern and compiled is stand_in.compiled(), name
        assert compiled.pattern == source and compiled.flags == re.compile(source, flags).flags


def test_the_word_number_pattern_is_compiled_in_the_extractor_s_own_globals() -> None:
    # (non-ASCII text reads numbers' WORD_NUMBER through quantities' own binding of it)
    found = quantities.extract_text("hire twenty-one engineers in Zürich")
    assert found == quantities.extract_text("hire twenty-one engineers in Zurich")
    assert [q.value for q in found] == [21.0]
    assert type(quantities._WORD_NUMBER) is re.Pattern
    assert quantities._WORD_NUMBER.pattern == numbers.WORD_NUMBER.pattern


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
