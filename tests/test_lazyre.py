"""The patterns compiled on first use (smartlint._lazyre): same behaviour as compiled ones,
compiled once, and none of smartlint's is broken."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlint import _lazyre
from smartlint._lazyre import LazyPattern, LazyPatterns, lazy_compiler


@pytest.fixture(autouse=True)
def _forget_this_files_stand_ins() -> Any:
    """The stand-ins made here (one with a broken pattern) are not smartlint's."""
    made = len(_lazyre._MADE)
    yield
    del _lazyre._MADE[made:]


def test_the_stand_in_is_replaced_in_its_module_under_every_name() -> None:
    namespace: dict[str, Any] = {}
    lazy = lazy_compiler(namespace)
    namespace["A"] = namespace["B"] = lazy(r"q(\d)", re.IGNORECASE)
    namespace["C"] = lazy(r"x")
    assert isinstance(namespace["A"], LazyPattern)
    assert namespace["A"].search("in Q3")[1] == "3"  # type: ignore[index]
    assert isinstance(namespace["A"], re.Pattern) and namespace["B"] is namespace["A"]
    assert isinstance(namespace["C"], LazyPattern)  # not used: not compiled


def test_pattern_and_flags_are_read_without_compiling() -> None:
    stand_in = LazyPattern(r"(", re.IGNORECASE)  # would not compile
    assert (stand_in.pattern, stand_in.flags) == (r"(", re.IGNORECASE)
    with pytest.raises(re.error):
        stand_in.search("x")


def test_a_stand_in_held_elsewhere_keeps_working() -> None:
    namespace: dict[str, Any] = {}
    held = namespace["P"] = lazy_compiler(namespace)(r"\d+")
    assert held.findall("1 a 22") == ["1", "22"]
    assert held.sub("#", "1 a 22") == "# a #"
    assert held.compiled() is namespace["P"]  # type: ignore[attr-defined]


@given(st.text(alphabet="aQ3 x-9", max_size=20))
def test_the_stand_in_finds_what_the_compiled_pattern_finds(text: str) -> None:
    source, flags = r"q\d|x-?\d*", re.IGNORECASE
    stand_in = LazyPattern(source, flags)
    compiled = re.compile(source, flags)
    spans = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in stand_in.finditer(text)] == spans
    first, got = compiled.match(text), stand_in.match(text)
    assert (got and got.span()) == (first and first.span())


def test_lazy_patterns_compile_each_name_once() -> None:
    table = LazyPatterns({"year": r"\d{4}", "quarter": (r"q[1-4]", re.IGNORECASE)})
    assert not table
    first = table["quarter"]
    assert first.fullmatch("Q2") and table["quarter"] is first
    assert list(table) == ["quarter"]
    with pytest.raises(KeyError):
        table["nothing"]


def _import_everything() -> None:
    import smartlint_rules

    import smartlint

    for package in (smartlint, smartlint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.endswith("__main__"):  # (that one runs the CLI)
                importlib.import_module(info.name)


def test_every_pattern_smartlint_defines_compiles() -> None:
    """A pattern with an error fails on first use, not at import: compile them all here."""
    _import_everything()
    stand_ins = _lazyre.all_stand_ins()
    assert len(stand_ins) > 50  # the extractors' and rules' patterns are made through it
    for stand_in in stand_ins:
        stand_in.compiled()


def test_a_twin_is_made_only_of_a_lower_case_case_insensitive_pattern() -> None:
    with pytest.raises(ValueError):
        _lazyre.ascii_twin_source(re.compile(r"Q[1-4]", re.IGNORECASE))  # upper case
    with pytest.raises(ValueError):
        _lazyre.ascii_twin_source(re.compile(r"q[1-4]"))  # case-sensitive already
    source, flags = _lazyre.ascii_twin_source(re.compile(r"(?P<when>q[1-4])", re.I | re.X))
    assert source == r"(?P<when>q[1-4])" and flags & re.X and not flags & re.I
    # from a stand-in, without compiling it
    assert _lazyre.ascii_twin_source(LazyPattern(r"by|(", re.I), r"by|(") == (r"by|(", 0)  # type: ignore[arg-type]


@given(st.text(alphabet="bByY QqEeNnDd1-4 ", max_size=24))
def test_a_twin_matches_lower_cased_ascii_where_the_original_matches(text: str) -> None:
    original = re.compile(r"\bby (?:the )?end of q[1-4]\b|\bq[1-4]\b", re.IGNORECASE)
    twin = re.compile(*_lazyre.ascii_twin_source(original))
    low = text.lower()
    assert [m.span() for m in twin.finditer(low)] == [m.span() for m in original.finditer(text)]
