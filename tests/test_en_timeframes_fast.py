"""The shortcuts of the English time-frame extractor (session 4) against the plain computation.

Each shortcut must give what the code without it gives: the lower-cased matching of ASCII
text against matching the text itself, the gates against the searches they skip, and the
patterns compiled on first use against the module's names for them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.lang.en import timeframes as tf

REF = date(2027, 1, 15)

# Words, in mixed case, that begin or surround time expressions, and some that do not.
_WORDS = [
    "by",
    "By",
    "BY",
    "the",
    "The",
    "end",
    "End",
    "of",
    "in",
    "In",
    "on",
    "before",
    "until",
    "within",
    "over",
    "next",
    "Next",
    "last",
    "this",
    "first",
    "second",
    "week",
    "Week",
    "weekend",
    "month",
    "quarter",
    "Quarter",
    "year",
    "half",
    "days",
    "weeks",
    "hours",
    "beginning",
    "starting",
    "commencing",
    "every",
    "per",
    "a",
    "each",
    "Q3",
    "q3",
    "H2",
    "FY27",
    "fy2027",
    "CY26",
    "EOQ",
    "eoq",
    "EOY27",
    "2027",
    "1999",
    "2026-27",
    "5",
    "12",
    "30",
    "4.5",
    "1.5M",
    "3x",
    "2-3",
    "9/30",
    "June",
    "june",
    "May",
    "may",
    "Mar",
    "March",
    "Sun",
    "sun",
    "Monday",
    "fall",
    "Fall",
    "MoM",
    "mom",
    "WoW",
    "YoY",
    "weekly",
    "Monthly",
    "soon",
    "ASAP",
    "launch",
    "Launch",
    "day",
    "plan",
    "revenue",
    "customers",
    "team",
    "mid",
    "Mid",
    "early",
    "late",
    "from",
    "to",
    "since",
    "vs",
    "than",
    "range",
    "is",
    "x",
    "=",
    "(",
    "$",
    "%",
    ",",
    "-",
    "'27",
    "two",
    "thousand",
    "Tuesday",
    "spring",
    "today",
    "YTD",
]
# Phrases that make time expressions (and near misses), in mixed case: drawn whole, so
# that the texts hold what the gates are about.
_PHRASES = [
    "by the end of Q3", "By The End Of FY27", "the week of June 5", "week of 2027",
    "the first week of March", "Month of May", "every month of 2027", "the week beginning",
    "weekend starting on", "week commencing", "end of the week", "This May", "this may",
    "next Sun", "next sun", "last Mar", "the next 3 months", "Next Quarter", "past year",
    "the first quarter", "Q3 2027", "FY27 Q2", "H2 FY28", "fy2027", "by EOQ", "EOY27",
    "MoM", "mom", "WoW", "wow", "YoY", "in May", "may 5", "May 5, 2027", "Sept. 30",
    "2 weeks", "5d", "3 D", "two thousand and twenty", "in 2027", "2027 plan",
    "2027 Q3", "2027 March", "2027 days", "mid-2027", "'27", "Fall 2027", "fall", "in fall",
    "the year", "end of year", "Year-End", "1.5M", "4.5", "3-5 days", "9/30", "9-30",
    "on Monday", "tue", "Tues", "the Sun", "within 5 days", "in the coming weeks",
    "before March", "since 2019", "compared with Q1", "vs. 2026", "range 2027",
]  # fmt: skip
_SEPS = [" ", " ", " ", "  ", "\t", "", "-", ", ", "\n"]
_TEXTS = st.lists(
    st.tuples(st.sampled_from(_WORDS + _PHRASES * 2), st.sampled_from(_SEPS)), max_size=12
).map(lambda parts: "".join(word + sep for word, sep in parts))


def _outputs(text: str) -> list[tuple[object, ...]]:
    return [
        (m.start, m.end, m.text, m.kind, m.bounding, m.resolve(REF, 4).start_date,
         m.resolve(REF, 4).end_date)
        for m in tf.extract_text(text)
    ]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_lower_cased_ascii_text_scans_like_the_text_itself(text: str) -> None:
    norm = tf.normalise(text)
    if not norm.isascii():
        return
    low = norm.lower()
    fast = tf._scan(norm, low)
    plain = tf._scan(norm, None)  # the patterns as written, on the text itself
    assert [(a.kind, a.start, a.end) for a in fast] == [(a.kind, a.start, a.end) for a in plain]
    for a, b in zip(fast, plain, strict=True):
        # the groups of ASCII text are kept lower-cased: every later reader is blind to case
        assert a.values == tuple(v and v.lower() for v in b.values)
        plain_class = tf._classify([b], norm, None)
        fast_class = tf._classify([a], norm, low)
        assert fast_class[:3] + fast_class[4:] == plain_class[:3] + plain_class[4:]
        for fys in (1, 4):
            got = fast_class[3] and fast_class[3](REF, fys)
            assert got == (plain_class[3] and plain_class[3](REF, fys))


class _EveryWord(frozenset[str]):
    def __contains__(self, word: object) -> bool:
        return True


def _turn_shortcuts_off(mp: pytest.MonkeyPatch) -> None:
    """This session's gates off: each then tries or searches everything, as before."""
    mp.setattr(tf, "_WEEK_PREFIX_BEFORE", {})
    mp.setattr(tf, "_QH_BY_LEAD", {})
    mp.setattr(tf, "_NEXT_PAIRS", {k: v for k, v in tf._NEXT_PAIRS.items() if k != "#year"})
    mp.setattr(tf, "_GATE_TABLES", tf._GateTables())
    mp.setattr(tf, "_THE_AFTER_OF_WORDS", _EveryWord())
    mp.setattr(tf, "_vouched", lambda window: tf._low_twins().vouch.search(window) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_the_gates_change_no_mention(texts: list[str]) -> None:
    fast = [_outputs(text) for text in texts]
    with pytest.MonkeyPatch.context() as mp:
        _turn_shortcuts_off(mp)
        tf._gated.cache_clear()  # (it read `_NEXT_PAIRS`)
        try:
            assert [_outputs(text) for text in texts] == fast
        finally:
            tf._gated.cache_clear()


_VOUCH_PIECES = [*tf._VOUCH_WORDS, "x", "x-in", "_in", "endof", "2027", "(", "=", "in="]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_VOUCH_PIECES),
            st.sampled_from([" ", "  ", "\t", ",", "-", "\n", "", " \n", ",  ", "-- ", "\r"]),
        ),
        max_size=5,
    ).map(lambda parts: "".join(w + s for w, s in parts)),
    st.integers(0, 30),
)
def test_vouched_is_the_vouch_search(text: str, cut: int) -> None:
    window = text[-cut:] if cut else text
    assert tf._vouched(window) == (tf._low_twins().vouch.search(window) is not None)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_atom_is_checked_as_the_two_searches_check_it(text: str) -> None:
    low = text.lower()
    for m in re.finditer(r"\bthe\b", low):
        found = tf._LOWER_ATOMS["the"].match(low, m.start())
        if found is None:
            continue
        before = low[max(0, m.start() - 24) : m.start()]
        twins = tf._low_twins()
        plain = not twins.the_after_of.search(before) or bool(twins.the_edge_of.search(before))
        assert tf._accept("the", found, text, low) == plain


@pytest.mark.parametrize("token", ["q1", "q4", "Q3", "h1", "H2", "fy27", "FY2027", "cy26", "eoq",
                                   "EOY27", "eom1"])  # fmt: skip
@pytest.mark.parametrize(
    "tail", ["", " 2027", "/2027", " of FY28", "Q3", "q3", " Q3", "-H2", " over quarter", "/q"]
)
def test_a_quarter_or_fiscal_token_tries_every_atom_that_can_match(token: str, tail: str) -> None:
    text = "by " + token + tail
    kept = tf._QH_BY_LEAD[token[:2].lower()]
    for name in tf._QH_ATOMS:
        if name not in kept:
            m = tf._COMPILED[name].match(text, 3)
            assert m is None or m.end() == 3, (name, text)


def test_lazy_patterns_are_named_after_their_globals_and_compile_once() -> None:
    lazy = {k: v for k, v in vars(tf).items() if isinstance(v, tf._LazyPattern)}
    for name, pattern in lazy.items():
        assert pattern.name == name
    probe = tf._LazyPattern("_PROBE_PATTERN", r"q(\d)", re.IGNORECASE)
    vars(tf)["_PROBE_PATTERN"] = probe
    try:
        assert probe.match("Q3 2027").group(1) == "3"  # type: ignore[attr-defined]
        assert isinstance(vars(tf)["_PROBE_PATTERN"], re.Pattern)  # the global is the pattern
        assert probe.pattern == r"q(\d)" and probe.flags == re.IGNORECASE
    finally:
        del vars(tf)["_PROBE_PATTERN"]


def test_a_fresh_import_compiles_only_what_ascii_goals_use() -> None:
    # in a fresh interpreter: no pattern at import, and lower-case ASCII goals compile
    # neither the patterns as written nor the atoms they never try
    code = (
        "import re\n"
        "from smartlint.lang.en import timeframes as tf\n"
        "assert not tf._COMPILED and not tf._LOWER_ATOMS\n"
        "lazy = [v for v in vars(tf).values() if isinstance(v, tf._LazyPattern)]\n"
        "assert len(lazy) > 30, len(lazy)\n"
        "found = tf.extract_text('cut churn to 5% by the end of the quarter')\n"
        "assert [m.text for m in found] == ['by the end of the quarter'], found\n"
        "assert not tf._COMPILED, list(tf._COMPILED)\n"
        "assert 0 < len(tf._LOWER_ATOMS) < 10, list(tf._LOWER_ATOMS)\n"
        "assert isinstance(tf._WEEK_PREFIX, tf._LazyPattern)  # its twin only\n"
        "assert isinstance(tf._RECURRING_ANCHOR, tf._LazyPattern)  # never used here\n"
        "assert 'week_prefix' not in vars(tf._LOW_TWINS)  # ruled out by 'end' before 'of'\n"
        "assert 0 < len(tf._LOW_TWINS._prefixes) < 8, tf._LOW_TWINS._prefixes\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
