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

from smartlint import _lazyre
from smartlint._lazyre import LazyPattern
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
    "3 weeks of the kickoff", "within 10 days of month end", "5 days from now", "From Today",
    "2 hours after", "prior to", "Following", "offers", "12 months before launch",
]  # fmt: skip
_SEPS = [" ", " ", " ", "  ", "\t", "", "-", ", ", "\n"]
_TEXTS = st.lists(
    st.tuples(st.sampled_from(_WORDS + _PHRASES * 2), st.sampled_from(_SEPS)), max_size=12
).map(lambda parts: "".join(word + sep for word, sep in parts))


def _accept(name: str, m: re.Match[str], norm: str, low: str | None = None) -> bool:
    """Whether `_scan` keeps atom `name`'s match `m`: its check in `_CHECKS`, if any."""
    check = tf._CHECKS.get(name)
    return True if check is None else check(m, norm, low)


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
    # (round 1 gated after "the", "#small" and "#long" only)
    mp.setattr(
        tf,
        "_NEXT_PAIRS",
        {k: v for k, v in tf._NEXT_PAIRS.items() if k in ("the", "#small", "#long")},
    )
    mp.setattr(tf, "_GATE_TABLES", tf._GateTables())
    # the plans hold the gates they were built with, and the pieces hold their plans
    mp.setattr(tf, "_PLANS", {})
    mp.setattr(tf, "_PIECE_TOKENS", {})
    mp.setattr(tf, "_LAST_PIECE_TOKENS", {})
    mp.setattr(tf, "_KNOWN_PREFIX", {})
    mp.setattr(tf, "_RELATIVE_WORDS", ("",))  # (session 5) every text starts so
    mp.setattr(tf, "_EDGE_OF_ENDINGS", ())
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
        assert _accept("the", found, text, low) == plain


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


def test_module_patterns_are_replaced_by_the_compiled_pattern_on_first_use() -> None:
    probe = tf._lazy(r"q(\d)", re.IGNORECASE)
    assert isinstance(probe, LazyPattern)
    vars(tf)["_PROBE_PATTERN"] = probe
    try:
        assert probe.pattern == r"q(\d)" and probe.flags == re.IGNORECASE  # read, not compiled
        assert isinstance(vars(tf)["_PROBE_PATTERN"], LazyPattern)
        assert probe.match("Q3 2027").group(1) == "3"
        # the module's functions read the global: from now on the pattern itself
        assert type(vars(tf)["_PROBE_PATTERN"]) is re.Pattern
    finally:
        del vars(tf)["_PROBE_PATTERN"]
        _lazyre._MADE.remove(probe)  # type: ignore[arg-type]


def test_the_prefix_patterns_are_held_as_sources_only() -> None:
    # `_Twins` builds its patterns from their `pattern` and `flags`; nothing compiles them
    for _, stand_in in tf._PREFIXES:
        assert isinstance(stand_in, LazyPattern)
        assert stand_in.flags & re.IGNORECASE


def test_a_fresh_import_compiles_only_what_ascii_goals_use() -> None:
    # in a fresh interpreter: no pattern at import, and lower-case ASCII goals compile
    # neither the patterns as written nor the atoms they never try
    code = (
        "import re\n"
        "from smartlint.lang.en import timeframes as tf\n"
        "assert not tf._COMPILED and not tf._LOWER_ATOMS\n"
        "from smartlint._lazyre import LazyPattern\n"
        "lazy = [v for v in vars(tf).values() if isinstance(v, LazyPattern)]\n"
        "assert len(lazy) > 30, len(lazy)\n"
        "found = tf.extract_text('cut churn to 5% by the end of the quarter')\n"
        "assert [m.text for m in found] == ['by the end of the quarter'], found\n"
        "assert not tf._COMPILED, list(tf._COMPILED)\n"
        "assert 0 < len(tf._LOWER_ATOMS) < 10, list(tf._LOWER_ATOMS)\n"
        "assert isinstance(tf._WEEK_PREFIX, LazyPattern)  # its twin only\n"
        "assert isinstance(tf._RECURRING_ANCHOR, LazyPattern)  # never used here\n"
        "assert 'week_prefix' not in vars(tf._LOW_TWINS)  # ruled out by 'end' before 'of'\n"
        "assert not tf._LOW_TWINS._prefixes  # a known prefix: none searched\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


# --- text with non-ASCII characters is matched by the twins too (session 4, round 2) ---

# Non-ASCII characters a goal holds ("•", "≥", "€", accents, a no-break space, dashes, a
# full-width and an Arabic-Indic digit), and the four that IGNORECASE folds to an ASCII
# letter ("İ", "ı", "ſ", the Kelvin sign), which must keep such text on the plain path.
_NON_ASCII = ["•", "≥", "€", "é", "É", "Ö", "\u00a0", "–", "—", "’", "５", "١", "²", "µ", "ß",
              "İ", "ı", "ſ", "\u212a", "cloſe", "\u212aick-off", "ſoon", "Q3•", "•2027",
              "€5M"]  # fmt: skip
_MIXED_TEXTS = st.lists(
    st.tuples(st.sampled_from(_WORDS + _PHRASES * 2 + _NON_ASCII * 2), st.sampled_from(_SEPS)),
    max_size=12,
).map(lambda parts: "".join(word + sep for word, sep in parts))


def test_the_characters_that_fold_to_ascii_letters_are_all_listed() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(128, sys.maxunicode + 1) if letters.match(chr(c))}
    assert folding == tf._FOLDS_TO_ASCII_LETTER


@settings(max_examples=400, deadline=None)
@given(_MIXED_TEXTS)
def test_text_with_other_characters_scans_like_the_text_itself(text: str) -> None:
    norm = tf.normalise(text)
    low = tf._twin_subject(norm)
    if low is None:
        assert not tf._FOLDS_TO_ASCII_LETTER.isdisjoint(norm)
        return
    assert len(low) == len(norm)
    fast = tf._scan(norm, low)
    plain = tf._scan(norm, None)  # the patterns as written, on the text itself
    assert [(a.kind, a.start, a.end) for a in fast] == [(a.kind, a.start, a.end) for a in plain]
    for a, b in zip(fast, plain, strict=True):
        assert a.values == tuple(v and v.translate(tf._ASCII_LOWER) for v in b.values)
        plain_class = tf._classify([b], norm, None)
        fast_class = tf._classify([a], norm, low)
        assert fast_class[:3] + fast_class[4:] == plain_class[:3] + plain_class[4:]


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXTS)
def test_text_with_other_characters_gives_what_the_plain_path_gives(text: str) -> None:
    fast = _outputs(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tf, "_twin_subject", lambda norm: None)
        assert _outputs(text) == fast


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("• Ship v2 by Q3 2027 ≥ 99% uptime", ["by Q3 2027"]),
        ("Grow ARR to €5M by the end of FY27 • EMEA", ["by the end of FY27"]),
        ("Raise NPS ≥ 40 MoM, this may slip", ["MoM"]),
        ("Café sales up 10% in May 2027", ["May 2027"]),
        ("Cut churn by cloſe of the quarter", ["by cloſe of the quarter"]),  # "ſ" is "s"
    ],
)
def test_goals_with_other_characters_keep_their_mentions(text: str, found: list[str]) -> None:
    assert [m.text for m in tf.extract_text(text)] == found


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_checks_read_the_case_of_a_lower_cased_match_from_the_text(text: str) -> None:
    # a match in the lower-cased text is accepted as the pattern's own match in the text is
    norm = tf.normalise(text)
    if not norm.isascii():
        return
    low = norm.lower()
    for name in tf._CHECKS:
        for pos in range(len(norm)):
            m = tf._LOWER_ATOMS[name].match(low, pos)
            if m is None or m.end() == pos:
                continue
            cased = tf._COMPILED[name].match(norm, pos)
            assert cased is not None and cased.span() == m.span()
            assert _accept(name, m, norm, low) == _accept(name, cased, norm, low)


_WINDOW_WORDS = tf._wordlist(
    "due or on before by in within over the next for x - 5 end of up to no later than odue fin "
    "the very at"
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WINDOW_WORDS), st.sampled_from([" ", "  ", "\t", "", "-"])),
        max_size=6,
    ),
    st.sampled_from(sorted(tf._KNOWN_PREFIX)),
)
def test_a_known_prefix_is_what_the_searches_find(parts: list[tuple[str, str]], word: str) -> None:
    name, ending, before = tf._KNOWN_PREFIX[word]
    window = ("".join(w + sep for w, sep in parts) + ending)[-48:]
    if window[: len(window) - len(ending)].rstrip(" \t").endswith(before):
        return  # searched, as before
    twins = tf._low_twins()
    found = next(
        (n, m.start()) for n, p in twins.by_last[word] if (m := p.search(window)) is not None
    )
    assert found == (name, len(window) - len(ending) + 1)


@pytest.mark.parametrize("ending", tf._EDGE_OF_ENDINGS)
@pytest.mark.parametrize("before", ["", "by the", "x-", "\t", "5%", "of"])
def test_an_edge_of_ending_is_matched_by_both_searches(before: str, ending: str) -> None:
    window = (before + ending)[-24:]
    twins = tf._low_twins()
    assert twins.the_after_of.search(window) and twins.the_edge_of.search(window)


# --- the scan reads each token's plan (session 5) ---


def _scan_by_tables(norm: str, ascii_low: str | None) -> list[tuple[object, ...]]:
    """The atoms of `norm` as `_scan` found them before `_Plan`: each token looked up in the
    word table and the gates of the text's trigger bits, "q3" and "5m" worked out."""
    low = ascii_low if ascii_low is not None else norm.translate(tf._ASCII_LOWER)
    urls = [m.span() for m in tf._URL.finditer(norm)]  # (looked for in every text here)
    tokens: list[tuple[int, str, str]]
    if ascii_low is not None and len(norm) < 10_000:
        # the trigger words of the whole text, and every token of it: those no atom begins
        # with are passed over below
        bits = 0
        for word in tf._ANY_TRIGGER_ASCII_B.intersection(
            ascii_low.encode().translate(tf._NOT_LETTER_TO_BLANK).split()
        ):
            bits |= tf._TRIGGER_BITS_ASCII_B[word]
        tokens = list(tf._plain_tokens(ascii_low, norm))
        if bits & 48 == 48:
            bits |= 4
        if bits & 96 == 96:
            bits |= 8
    else:
        bits = 0 if len(norm) < 10_000 else 15  # (a long text: every atom possible)
        for word in tf._ANY_TRIGGER.intersection(tf._LETTERS.findall(norm.lower())):
            bits |= tf._TRIGGER_BITS[word]
        tokens = list(tf._plain_tokens(low, norm))
    bits &= 15
    flags = tf._FLAGS_BY_BITS[bits]
    table = tf._word_table(flags)
    patterns, subject = (
        (tf._LOWER_ATOMS, ascii_low) if ascii_low is not None else (tf._COMPILED, norm)
    )
    found: list[tuple[object, ...]] = []
    last_end = 0
    for pos, token, key in tokens:
        names: tuple[str, ...] | None = table.get(key)
        if names is None:
            if token[0].isdigit():
                names = () if key[0] == "#" else tf._filtered(tf._mixed_atoms(token), flags)
            elif token[0] in "'/" or (token[0] in "qhfce" and not token.isalpha()):
                names = tf._filtered(tuple(tf._candidates(token)), flags)
            else:
                names = ()
        elif key in tf._NEXT_PAIRS:
            after = low[pos + len(token) : pos + len(token) + 3]
            if len(after) == 3 and after[0] in " \t" and after[1:].isalpha() and after.isascii():
                names = tf._gated(names, key, after[1:])
        if pos < last_end or any(s <= pos < e for s, e in urls):
            continue
        for name in names:
            m = patterns[name].match(subject, pos)
            if m is None or m.end() == pos:
                continue
            if not _accept(name, m, norm, ascii_low):
                continue
            found.append((name, pos, m.end(), m.groups()))
            last_end = m.end()
            break
    return found


_URL_BITS = ["http://x.io/q3", "www.fy27.com", "<by Q3>", "/", "per/week", "9/30/2027"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_WORDS + _PHRASES * 2 + _NON_ASCII + _URL_BITS),
            st.sampled_from(_SEPS),
        ),
        max_size=12,
    ).map(lambda parts: "".join(word + sep for word, sep in parts))
)
def test_the_plans_find_what_the_word_tables_find(text: str) -> None:
    norm = tf.normalise(text)
    for low in {tf._twin_subject(norm), None}:
        for _ in range(2):  # the second time reads the plans and pieces the first one kept
            got = [(a.kind, a.start, a.end, a.values) for a in tf._scan(norm, low)]
            assert got == _scan_by_tables(norm, low)


def test_a_long_text_is_scanned_token_by_token_with_every_atom_possible() -> None:
    text = "x " * 5_000 + "Grow ARR 20% by the end of Q3 2027, weekly"
    for low in (text.lower(), None):
        got = [(a.kind, a.start, a.end, a.values) for a in tf._scan(text, low)]
        assert [kind for kind, *_ in got] == ["q", "freq"]
        assert got == _scan_by_tables(text, low)


def test_plans_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tf, "_PLANS_MAX", 4)
    monkeypatch.setattr(tf, "_PLANS", {})
    monkeypatch.setattr(tf, "_PIECE_TOKENS", {})
    monkeypatch.setattr(tf, "_LAST_PIECE_TOKENS", {})
    for i in range(20):
        (found,) = tf.extract_text(f"Ship {i}x{i} by Q3 2027 {i}m")
        assert found.text == "by Q3 2027"
        assert len(tf._PLANS) <= 4


def test_a_token_of_a_shape_no_atom_takes_is_not_looked_at() -> None:
    # "20%": two digits before "%" ("#none") begin no atom under any flags
    assert tf._token_key("20", "%") == "#none"
    for bits in range(16):
        assert tf._Plan("#none")[bits] is None
    assert tf._piece_tokens("20%") is tf._NOTHING  # no token to look at, no trigger word
    assert tf._piece_tokens("20d")[1] != ()  # (a shape an atom takes: "20d" in "in 20d")


@pytest.mark.parametrize("rel", ["last", "the last", "the  past", "previous", "prior", "next",
                                 "the next", "this", "coming", "the\tfollowing"])  # fmt: skip
def test_a_past_relative_word_is_known_as_the_search_knows_it(rel: str) -> None:
    for _ in range(2):
        assert tf._PAST_RELS[rel] == (
            re.search(r"\b(?:last|past|previous|prior)\b", rel) is not None
        )


def test_every_checked_atom_has_its_check() -> None:
    checked = {"md", "my", "month", "year", "yearpre", "mdn", "wd", "season", "dur", "the",
               "freq", "rel", "eo"}  # fmt: skip
    assert frozenset(tf._CHECKS) == checked
    assert _accept("q", re.match("q3", "q3"), "Q3", "q3") is True  # type: ignore[arg-type]
