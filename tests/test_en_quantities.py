"""English quantity extraction (smartlint.lang.en.quantities) and unit helpers."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartlint.lang.en import quantities
from smartlint.model import Quantity, QuantityKind

NLP = spacy.blank("en")
N, P, C, U, X = (
    QuantityKind.NUMBER,
    QuantityKind.PERCENT,
    QuantityKind.CURRENCY,
    QuantityKind.UNIT,
    QuantityKind.MULTIPLIER,
)


def extract(text: str) -> list[Quantity]:
    return quantities.extract(NLP.make_doc(text))


def one(text: str) -> Quantity:
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "kind", "unit"),
    [
        ("Increase ARR to $2.5M", "$2.5M", 2.5e6, C, "USD"),
        ("Raise €3 bn in funding", "€3 bn", 3e9, C, "EUR"),
        ("Cut costs by EUR 2.5bn", "EUR 2.5bn", 2.5e9, C, "EUR"),
        ("Earn 500万 from 10 thousand dollars", "10 thousand dollars", 1e4, C, "USD"),
        ("Sell £40k of add-ons", "£40k", 4e4, C, "GBP"),
        ("Grow revenue by 10%", "10%", 10.0, P, "percent"),
        ("Cut churn by 3 percentage points", "3 percentage points", 3.0, P, "percentage_point"),
        ("Lift margin 10 pp", "10 pp", 10.0, P, "percentage_point"),
        ("Lower spread by 50 bps", "50 bps", 0.5, P, "percentage_point"),
        ("Reduce p95 latency to 200 ms", "200 ms", 200.0, U, "millisecond"),
        ("Keep page weight under 2 MB", "2 MB", 2.0, U, "megabyte"),
        ("Grow pipeline 3x", "3x", 3.0, X, None),
        ("Double the number of qualified leads", "Double", 2.0, X, None),
        ("Reach 1,200 MAU", "1,200", 1200.0, N, None),
        ("Hire twenty engineers", "twenty", 20.0, N, None),
        ("Add one hundred and five partners", "one hundred and five", 105.0, N, None),
        ("Sign a dozen resellers", "a dozen", 12.0, N, None),
        ("Reach 10k users", "10k", 1e4, N, None),
        ("Reach １２％ adoption", "１２％", 12.0, P, "percent"),
        ("Hold NPS at -5 or better", "-5", -5.0, N, None),
    ],
)
def test_reads_value_kind_and_unit(
    text: str, span: str, value: float, kind: QuantityKind, unit: str | None
) -> None:
    q = one(text)
    assert (q.text, q.kind, q.unit) == (span, kind, unit)
    assert q.value == pytest.approx(value)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("at least 4.8+ CSAT", ">="),
        ("Keep CSAT at 4.8+", ">="),
        ("no more than 2 P1 incidents", "<="),
        ("fewer than 5 escalations", "<"),
        ("more than 100 customers", ">"),
        ("up to 3 retries", "<="),
        ("reduce waiting time to less than 15 months", "<"),
        ("≥ 95% coverage", ">="),
    ],
)
def test_comparators(text: str, comparator: str) -> None:
    assert one(text).comparator == comparator


def test_counted_noun_and_thresholds() -> None:
    q = one("Sign 10 new enterprise customers this quarter")
    assert q.noun == "new enterprise customers" and q.value == 10
    assert one("zero incidents").value == 0 and one("zero incidents").noun == "incidents"
    assert one("Expand to all 50 states").noun == "states"
    half = one("More than half of users enable 2FA")
    assert (half.text, half.kind, half.value, half.comparator) == ("half", P, 50.0, ">")
    majority = one("Win a majority of new deals")
    assert majority.kind is P and majority.comparator == ">"


def test_scores_on_a_scale_and_the_verb_may() -> None:
    q = one("Student satisfaction at 4.2 out of 5 or higher")
    assert (q.text, q.value, q.comparator) == ("4.2 out of 5", 4.2, ">=")
    assert one("We may 5x revenue").kind is X


def test_ranges_share_the_unit() -> None:
    low, high = extract("Grow 5-10% per quarter")
    assert (low.kind, low.unit, low.value) == (P, "percent", 5.0)
    assert (high.kind, high.value) == (P, 10.0)
    low, high = extract("Raise $2-3M")
    assert (low.kind, low.unit, low.value) == (C, "USD", 2e6)
    assert (high.kind, high.unit, high.value) == (C, "USD", 3e6)


@pytest.mark.parametrize(
    "text",
    [
        "Ship the redesign in 2027",
        "Launch by September 30, 2027",
        "Close Q3 renewals in H2",
        "Hit plan in FY27",
        "Upgrade to Python 3.11 and v2.3",
        "Resolve RFC #3716 and JIRA-123",
        "Finish Phase 2 and Week 1 onboarding",
        "Be 3rd in the ranking",
        "Meet at 2:00 pm on 9/30/2027",
        "Provide 24/7 support",
        "Deploy build 1.2.3",
        "Complete the SOC 2 readiness assessment",
        "Retire the legacy module by the 4.0 release",
        "Ship the release by May 31, 2027",
        "Teach the 2027-28 school year",
        "Get new sellers to quota within four months",
        "Sign design partners over the next 90 days",
    ],
)
def test_not_quantities(text: str) -> None:
    assert extract(text) == []


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_spans_are_exact_and_nothing_raises(text: str) -> None:
    for q in extract(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


@given(st.text(alphabet="0123456789０１２３$€%.,-kKmMbx+/ abcdeflnoprstuvy", max_size=120))
@settings(max_examples=300, deadline=None)
def test_numeric_junk_never_raises(text: str) -> None:
    for q in extract(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text", ["1 " * 25000, "a" * 100000, "1," * 30000, "one " * 20000, "$" * 50000, "1.2." * 20000]
)
def test_long_junk_is_linear(text: str) -> None:
    # extract_text: the same code without spaCy's tokenizer (which is slow on some junk).
    started = time.process_time()
    quantities.extract_text(text)
    assert time.process_time() - started < 2.0


def test_units_compare_and_convert() -> None:
    from smartlint.units import comparable, convert, to_pint

    before, after = extract("Reduce p95 latency from 200 ms to 0.5 s")
    assert comparable(before, after)
    assert convert(before, "second") == pytest.approx(0.2)
    assert convert(after, "millisecond") == pytest.approx(500.0)
    assert str(to_pint(before).units) == "millisecond"
    usd, eur = extract("from $2M to €2M")
    assert not comparable(usd, eur)
    assert convert(usd, "USD") == 2e6 and convert(usd, "EUR") is None
    pct, pp = extract("from 10% by 3 pp")
    assert not comparable(pct, pp)


def test_import_does_not_load_pint_or_dateparser() -> None:
    code = "import sys, smartlint; print('pint' in sys.modules, 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- The speed gates (issue 7): each gate must be a necessary condition of what it skips ---

Q = quantities
_GATE_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 \t\n.,:/-–x%$#+()abcdeghkmnopqrstuvyMBKGTPXİſK",
            *["th", "pm", "am", "st", "nd", "of", "jan", "may", "sept", "q3", "h2", "fold"],
            *["times", "percent", "pct", "pp", "bps", "basis", "per cent", "thousand", "mn"],
            *["mln", "bn", "dollars", "usd", "within", "next", "in", "over", "the", "minus"],
            *["negative", "phase", "v", "no.", "#", "jira-", "since", "year", "up to"],
            *["at least", "than", "ms", "kg", "Square meters", "us dollars", "km/h", "°c"],
            *["(", "{", ")", "}", "percentage points", "p.p.", "ppt", "pct pts", "bps"],
            *["USD", "Eur", "rs.", "Rs", "C $", "CA$", "US$", "€", "₹"],
            *["half", "than half", "At least HALF", "half the time"],
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_GATE_TEXT)
def test_suffix_gates_pass_whenever_their_pattern_matches(after: str) -> None:
    # `after` is the text right after a number; the gates read its first characters
    # past at most two blanks, as _parse_affixes does.
    nxt_char = after[:3].lstrip(" \t")[:1]
    pair = after[:4].lstrip(" \t")[:2]
    if Q._SCALE_AFTER.match(after) and nxt_char:
        assert pair in Q._SCALE_PAIRS or (
            nxt_char in Q._SCALE_ALONE and pair[1:2] not in Q._ASCII_ALNUM
        )
    if Q._PERCENT_AFTER.match(after) and nxt_char:
        assert pair[:1] == "%" or pair in Q._PERCENT_PAIRS
    if Q._MULT_AFTER.match(after) and nxt_char:
        assert pair in Q._MULT_PAIRS or pair[:1] in Q._MULT_ALONE
    unit = Q._UNIT_AFTER.match(after)
    if unit and unit.group("unit").lower() in ("dollars", "dollar", "usd"):
        assert after[:4].lstrip(" \t")[:1] in Q._DOLLAR_FIRST


@settings(max_examples=200, deadline=None)
@given(_GATE_TEXT)
@example("  points")
@example(" \tp.p.")
@example("   pp")
def test_a_bare_percent_is_what_the_pattern_finds(after: str) -> None:
    text = "5%" + after
    if Q._is_bare_percent(text, 1):
        for found in (Q._PERCENT_AFTER.match(text, 1), Q._PERCENT_LOW.match(text.lower(), 1)):
            assert found is not None and (found.lastgroup, found.end()) == ("pct", 2)
    else:
        assert Q._PERCENT_AFTER.match(text, 1) is not None  # (a "p" after: another match)


@settings(max_examples=200, deadline=None)
@given(
    _GATE_TEXT,
    st.from_regex(r"\A(?:[0-9]{1,5}(?:[.,][0-9]{1,4})?(?:e[0-9])?|\.[0-9]{1,3})\Z"),
    st.one_of(_GATE_TEXT, st.from_regex(r"\A[./-][0-9]{1,4}(?:[./-][0-9]{1,4})?\Z")),
)
@example("v", "1.2", ".3")  # a version
@example("on", "30.09", ".2027")  # a date
@example("", "7", "/2")
def test_not_quantity_gate_passes_whenever_the_pattern_matches(
    before: str, number: str, after: str
) -> None:
    # Whole text or piece by piece, _NOT_QUANTITY is tried at every number it can match at
    # (the gate that _digits works out, then _scan_digits for a run of digits that ends
    # its piece).
    norm = before + " " + number + after
    low = norm.lower() if norm.isascii() else None
    for start, end, check, _ in Q._digits(norm):
        if check is None:  # (only pieces leave it open)
            pytest.fail(f"no gate for the number at {start} in {norm!r}")
        matched = Q._NOT_QUANTITY.match(norm, start) is not None
        if low is not None:
            assert matched == (Q._NOT_QUANTITY_LOW.match(low, start) is not None)
        if matched:
            assert check, (norm, start, end)


@settings(max_examples=400, deadline=None)
@given(_GATE_TEXT)
def test_ascii_twins_match_where_the_originals_match(text: str) -> None:
    ascii_text = text.encode("ascii", "ignore").decode()
    low = ascii_text.lower()
    for original, twin in [
        (Q._ID_BEFORE, Q._ID_BEFORE_LOW),
        (Q._YEAR_PREPS, Q._YEAR_PREPS_LOW),
        (Q._WINDOW_BEFORE, Q._WINDOW_BEFORE_LOW),
        (Q._A_FRACTION, Q._A_FRACTION_LOW),
        (Q.WORD_NUMBER, Q._WORD_NUMBER_LOW),
        (Q._MULTIPLIER_WORDS, Q._MULTIPLIER_WORDS_LOW),
        (Q._MAJORITY, Q._MAJORITY_LOW),
        (Q._CURRENCY_BEFORE, Q._CURRENCY_LOW),
        (Q._HALF_THRESHOLD, Q._HALF_THRESHOLD_LOW),
    ]:
        assert [m.span() for m in original.finditer(ascii_text)] == [
            m.span() for m in twin.finditer(low)
        ]
        for pos in range(len(ascii_text) + 1):
            found, found_low = original.search(ascii_text, pos), twin.search(low, pos)
            assert (found and found.span()) == (found_low and found_low.span())
            assert (found and found.lastgroup) == (found_low and found_low.lastgroup)
    for pos in range(len(ascii_text)):
        found = Q._NOT_QUANTITY.match(ascii_text, pos)
        found_low = Q._NOT_QUANTITY_LOW.match(low, pos)
        assert (found and found.span()) == (found_low and found_low.span())
    for original, twin, groups in [
        (Q._PERCENT_AFTER, Q._PERCENT_LOW, ("pp", "bps", "pct")),
    ]:
        for pos in range(len(ascii_text) + 1):
            found, found_low = original.match(ascii_text, pos), twin.match(low, pos)
            assert (found is None) == (found_low is None)
            if found is not None and found_low is not None:
                assert [found.span(g) for g in groups] == [found_low.span(g) for g in groups]
                assert found.lastgroup == found_low.lastgroup
    for start in range(len(ascii_text) + 1):
        # _scan_digits reads the id words in the lower-case text up to the number
        window = ascii_text[max(0, start - 30) : start]
        found = Q._ID_BEFORE.search(window, len(window) - Q._ID_BACK)
        found_low = Q._ID_BEFORE_LOW.search(low, start - Q._ID_BACK, start)
        assert (found is None) == (found_low is None)


def _currency_in_the_window(window: str) -> tuple[str, int] | None:
    # the plain reading: the pattern searched near the end of the whole window, behind the
    # gate of the whole window (which leaves out "US$" before a newline, the pattern not)
    tail = window.rstrip(" \t")
    if not tail or not (
        tail[-1] in Q._SYMBOLS
        or tail[-3:].upper() in Q._CODES
        or tail[-2:].lower() == "rs"
        or tail[-3:].lower() == "rs."
    ):
        return None
    found = Q._CURRENCY_BEFORE.search(window, len(window) - Q._CURRENCY_BACK)
    if found is None:
        return None
    token = (found.group("code") or found.group("sym")).lower().replace("\t", " ")
    currency = Q._CURRENCY_SYMBOL.get(token) or Q._CURRENCY_SYMBOL.get(token.replace(" ", ""))
    return (currency, len(window) - found.start()) if currency else None


@settings(max_examples=200, deadline=None)
@given(_GATE_TEXT)
@example("Grow revenue to $")
@example("raise C $")
@example("Kusd ")
@example("xxrs.")
@example("xUS$ ")  # (a letter right before "US$": no code there, only the "$")
@example("US$ \n")
def test_the_currency_read_from_the_tail_is_the_one_in_the_window(text: str) -> None:
    window = text[-30:]
    for _ in range(2):  # (the second time from the table)
        assert Q._currency_before(window[-Q._CURRENCY_BACK - 1 :]) == _currency_in_the_window(
            window
        )


def test_ascii_twin_refuses_patterns_it_cannot_mirror() -> None:
    with pytest.raises(ValueError):
        Q._ascii_twin(re.compile(r"(?P<x>[A-Z]+)", re.IGNORECASE))  # upper case to match
    # (the "P" of named groups "(?P<...>" is no text to match)
    assert Q._ascii_twin(re.compile(r"(?P<x>ab)", re.IGNORECASE)).match("ab")
    with pytest.raises(ValueError):
        Q._ascii_twin(Q._DIGITS)  # not case-insensitive


def test_end_anchored_searches_start_late_enough() -> None:
    # the searches start this far from the end: the longest match plus one ("$" may match
    # before a final newline)
    import re._parser as sre_parse  # type: ignore[import-not-found]

    for pattern, back in [
        (Q._ID_BEFORE, Q._ID_BACK),
        (Q._ALNUM_BEFORE, Q._ALNUM_BACK),
        (Q._CURRENCY_BEFORE, Q._CURRENCY_BACK),
    ]:
        longest = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]
        assert back >= longest + 1


def _all_characters() -> list[str]:
    chars = [chr(i) for i in range(0x10000) if not 0xD800 <= i <= 0xDFFF]
    # beyond the BMP only characters with a case mapping can surprise lower()/upper()
    chars += [c for c in map(chr, range(0x10000, 0x110000)) if c.lower() != c or c.upper() != c]
    return chars


def test_word_before_gates_hold_for_every_character() -> None:
    # The flags of the word before a number must allow every branch the full check could
    # take, for any last character (lower() and upper() change some of them).
    prefixes = ("", "r", "rs", "U", "us", "minu", "Negativ", "withi", "the nex", "at leas", "up t")
    for c in _all_characters():
        if c.isspace():
            continue
        interesting = c.isascii() or c.lower() != c or c.upper() != c or not c.isalnum()
        for prefix in prefixes if interesting else ("",):
            window = "go " + prefix + c + " "
            last = window.rsplit(None, 1)[-1].lower()
            token = prefix + c
            flags = Q._last_flags(last)
            tail = window.rstrip(" \t")
            currency = (
                tail[-1] in Q._SYMBOLS
                or tail[-3:].upper() in Q._CODES
                or tail[-2:].lower() == "rs"
                or tail[-3:].lower() == "rs."
            )
            assert not currency or flags & Q._MAY_CURRENCY, token
            head = window.rstrip()
            sign = head[-1:] in ("-", "−", "–") or head.lower().endswith(("minus", "negative"))
            assert not sign or flags & Q._MAY_SIGN, token
            assert Q._comparator(window) is None or flags & Q._MAY_COMPARATOR, token
            assert not Q._WINDOW_BEFORE.search(window) or flags & Q._MAY_WINDOW, token
            assert not Q._YEAR_PREPS.search(window[-14:]) or flags & Q._MAY_YEAR_PREP, token
    Q._LAST_FLAGS.clear()


_BLANKS = [" ", " ", "\t", "\n"]  # (twice the space: the most common one)
_BEFORE_YEAR = st.lists(
    st.sampled_from(
        [
            *Q._YEAR_PREP_LAST,
            *["In", "VS.", "Q3", "İn", "ın", "thin", "x", "2027", "-", ",", "."],
            *[*_BLANKS, "--", ", "],
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*Q._MONTH_WORDS, "June", "SEPT", "x", "-", "#", "marc", *_BLANKS]),
        max_size=6,
    ).map("".join)
)
@example("by June ")
@example("xmay ")
@example("dec  ")
def test_a_month_before_is_what_the_id_pattern_finds(text: str) -> None:
    low = text.lower() + "30"
    start = len(text)
    if not low.isascii():
        return
    parts = text[-30:].rsplit(None, 1)
    last = parts[-1].lower() if parts else ""
    if Q._month_before(low, start, last):
        assert Q._ID_BEFORE_LOW.search(low, start - Q._ID_BACK, start) is not None


def _plain_comparator(before: str) -> str | None:
    # the definition: the longest phrase that the last words of `before` spell, or a symbol
    stripped = before.rstrip()
    for symbol, comparator in Q._COMPARATOR_SYMBOLS:
        if stripped.endswith(symbol):
            return comparator
    words = before.lower().split()
    for phrase, comparator in sorted(Q._COMPARATOR_PHRASES.items(), key=lambda kv: -len(kv[0])):
        if words[-len(phrase.split()) :] == phrase.split():
            return comparator
    return None


_PHRASE_WORDS = sorted({w for phrase in Q._COMPARATOR_PHRASES for w in phrase.split()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_PHRASE_WORDS, "Up", "TO", "x", ">", "≥"]), max_size=5),
    st.sampled_from([" ", "  ", "\t", " \n "]),
)
@example(["grow", "up", "to"], " ")
@example(["not", "to", "exceed"], " ")
@example(["x", "to", "exceed"], " ")
def test_comparators_are_the_phrases_the_words_spell(words: list[str], blank: str) -> None:
    before = blank.join(words) + " "
    assert Q._comparator(before) == _plain_comparator(before)


_BEFORE_WINDOW = st.lists(
    st.sampled_from(
        [
            *["within", "in", "over", "Over", "İn", "the", "next", "coming", "x", "5", "-", ","],
            *_BLANKS,
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_BEFORE_WINDOW)
@example("grow it within ")
@example("xin ")
@example("in\n")
@example("İn ")
def test_the_window_word_shortcut_finds_what_the_pattern_finds(text: str) -> None:
    window = text[-30:]
    parts = window.rsplit(None, 1)
    last = parts[-1].lower() if parts else ""
    plain = Q._WINDOW_BEFORE.search(window) is not None
    assert Q._window_word_before(window, last) == plain
    assert Q._window_word_before(window, "") == plain  # (no word known: the pattern)


@settings(max_examples=200, deadline=None)
@given(_BEFORE_YEAR)
@example("plan for ")
@example("xfor ")  # (no word "for": the shortcut must not take it)
@example("in  ")
@example("by\n")
def test_the_year_preposition_shortcut_finds_what_the_pattern_finds(before: str) -> None:
    norm = before + "2027"
    start = len(before)
    window = norm[max(0, start - 30) : start]
    parts = window.rsplit(None, 1)
    last = parts[-1].lower() if parts else ""
    low = norm.lower() if norm.isascii() else None
    plain = Q._YEAR_PREPS.search(norm[max(0, start - 14) : start]) is not None
    assert Q._year_prep_before(norm, low, start, last) == plain


@settings(max_examples=200, deadline=None)
@given(_BEFORE_YEAR)
@example("by, ")
@example("in -")
@example("end of - ")
@example("2026 vs. ")
def test_the_year_preposition_gate_holds(text: str) -> None:
    # what _is_year searches (the 14 characters before the number) against the flags of
    # the word before it (read from the 30 before, as the scan does)
    window = text[-30:]
    parts = window.rsplit(None, 1)
    flags = Q._last_flags(parts[-1].lower() if parts else "")
    before = text[-14:]
    low = before.lower()
    if Q._YEAR_PREPS.search(before) or (before.isascii() and Q._YEAR_PREPS_LOW.search(low)):
        assert flags & Q._MAY_YEAR_PREP
    Q._LAST_FLAGS.clear()


def test_the_quantity_cap_holds() -> None:
    assert len(quantities.extract_text("5% " * 300)) == quantities.MAX_QUANTITIES
    assert len(quantities.extract_text("7 users, " * 300)) == quantities.MAX_QUANTITIES


_MULTIPLIER_TEXT = st.lists(
    st.sampled_from(
        ["double", "Doubled", "doubles", "redouble", "TWICE", "tenfold", "ten", "fold", "-fold",
         "majority", "Majority", "majorityof", "of", "a", "the", "half", "Half", "halves",
         "halfway", "than", "least", "more", "at", "2", "x", "-", ",", ".", "_", " ", "  ", "\t",
         "\n"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_MULTIPLIER_TEXT)
def test_each_multiplier_pattern_needs_its_word_flag(text: str) -> None:
    # the scan of ASCII text runs a pattern only when its flag is among the pieces' flags
    flags = 0
    for piece in text.split(" "):
        flags |= Q._piece_facts(piece)[0]
    low = text.lower()
    if Q._MULTIPLIER_WORDS_LOW.search(low):
        assert flags & Q._HAS_MULTIPLIER_WORD
    if Q._MAJORITY_LOW.search(low):
        assert flags & Q._HAS_MAJORITY
    if Q._HALF_THRESHOLD_LOW.search(low):
        assert flags & Q._HAS_HALF
    gated = Q._Builder(text, text, low)
    Q._scan_multiplier_words(gated, flags & Q._ANY_MULTIPLIER_WORD)
    every = Q._Builder(text, text, low)
    Q._scan_multiplier_words(every, Q._ANY_MULTIPLIER_WORD)
    assert gated.out == every.out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_word_split_matches_the_word_pattern(text: str) -> None:
    low = text.lower()
    assert low.encode().translate(Q._NOT_A_TO_Z).decode().split() == Q._WORDS.findall(low)


def _float_or_none(raw: str) -> float | None:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _facts_of_the_whole_text(text: str) -> tuple[int, list[tuple[int, int, float | None]]]:
    # the definition the piece-by-piece reading must give: one pass over the whole text
    spans = [(m.start(), m.end(), _float_or_none(m.group())) for m in Q._DIGITS.finditer(text)]
    words = set(Q._WORDS.findall(text.lower()))
    flags = Q._HAS_DIGITS if spans else 0
    if words & Q._NUMBER_TRIGGERS:
        flags |= Q._HAS_NUMBER_WORD
    if words & Q._MULTIPLIER_WORD.keys():
        flags |= Q._HAS_MULTIPLIER_WORD
    if "majority" in words:
        flags |= Q._HAS_MAJORITY
    if "half" in words:
        flags |= Q._HAS_HALF
    return flags, spans


def _facts_by_pieces(
    text: str,
) -> tuple[int, list[tuple[int, int, float | None]], list[bool | None]]:
    flags, spans, checks, pos = 0, [], [], 0
    for piece in text.split(" "):
        piece_flags, piece_spans = Q._PIECE_FACTS.get(piece) or Q._piece_facts(piece)
        flags |= piece_flags
        spans += [(pos + start, pos + end, value) for start, end, _, value in piece_spans]
        checks += [check for _, _, check, _ in piece_spans]
        pos += len(piece) + 1
    return flags, spans, checks


_PIECE_TEXT = st.lists(
    st.sampled_from(
        ["1", "2027", "1,200", ".5", "4.5", "1e6", "3.", "1e999", "a", "x", "one", "Half",
         "doubled", "TWENTY", "majority", "-", ",", ".", " ", "  ", "\t", "\n", "%", "$", "v2", "_",
         "é", "٣"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(_PIECE_TEXT, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_reading_by_pieces_gives_what_one_pass_over_the_text_gives(text: str) -> None:
    # twice: the second time reads the facts the first one kept
    for _ in range(2):
        flags, spans, checks = _facts_by_pieces(text)
        assert (flags, spans) == _facts_of_the_whole_text(text)
        # the _NOT_QUANTITY gate of a piece's number, when the piece can tell, is the one
        # read in the whole text
        whole = [check for _, _, check, _ in Q._digits(text)]
        assert [c for c in checks if c is not None] == [
            w for c, w in zip(checks, whole, strict=True) if c is not None
        ]


def test_piece_facts_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Q, "_PIECE_FACTS_MAX", 4)
    # (a fresh table: the one other tests filled may hold every piece of the first text)
    monkeypatch.setattr(Q, "_PIECE_FACTS", {})
    for i in range(20):
        assert quantities.extract_text(f"Add {i} users in w{i}") == [
            Quantity(4, 4 + len(str(i)), str(i), float(i), N, None, "users")
        ]
        assert len(Q._PIECE_FACTS) <= 4
    assert quantities.extract_text("x" * 70 + " 5") and "x" * 70 not in Q._PIECE_FACTS


_AFTER_NUMBER = st.lists(
    st.sampled_from(
        ["users", "new", "Square", "square", "meters", "ms", "M", "m", "kg", "us", "US", "dollars",
         "km", "/h", "h", "days", "pounds", "sterling", "abcdefghijklmn", "abcdefghijkl", "in",
         "p", " ", "  ", ",", ".", "!", "-", "-3", ")", "}", "(", '"', "$", "5", "_", "\t", "é",
         "square meters", "Cubic feet", "us dollars", "degrees celsius", "sq ft", "metric tons",
         "pounds sterling", "chinese yuan", "km/h"]
    ),
    max_size=6,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_AFTER_NUMBER)
def test_unit_words_are_what_the_pattern_finds(after: str) -> None:
    text = f"Grow 5 {after}"
    m = Q._UNIT_AFTER.match(text, 6)
    word = Q._unit_word(text, 7)
    if word == "" and m is not None:
        # what the skipped match would have found: a plain word, no unit and no currency
        assert m.group("sep") == " " and m.group("close") is None
        _, cur, pint_unit = Q._unit_token(m.group("unit"))
        assert cur is None and pint_unit is None
        assert text[m.end() : m.end() + 1] in ("", " ", *Q._PLAIN_WORD_END)
    elif word:
        # a unit or currency word: the match the scan takes in its place
        assert m is not None
        assert (*m.group("sep", "unit", "close"), m.end()) == (" ", word, None, 7 + len(word))
    Q._UNIT_WORDS.clear()
    with_gate = quantities.extract_text(text)
    Q._UNIT_WORDS.clear()
    assert with_gate == _without_unit_gate(text)


def test_unit_words_are_read_without_the_pattern() -> None:
    assert Q._unit_word("Cut it to 2 hours.", 12) == "hours"
    assert Q._unit_word("Cut it to 2 more", 12) == ""
    assert Q._unit_word("Cut it to 2 square meters", 12) is None  # a unit phrase
    assert extract("Cut it to 2 hours.") == [Quantity(10, 17, "2 hours", 2.0, U, "hour")]


def _without_unit_gate(text: str) -> list[Quantity]:
    saved = Q._unit_word
    Q._unit_word = lambda norm, pos: None  # type: ignore[assignment]
    try:
        return quantities.extract_text(text)
    finally:
        Q._unit_word = saved  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Grow visits to www.top500.com by 20%", ["20%"]),
        ("Grow visits to WWW.TOP500.COM by 20%", ["20%"]),
        ("Grow visits to acme.com/top-500 by 20%", ["20%"]),
        ("Grow visits to https://acme.io/500 by 20%", ["20%"]),
        ("Grow visits to 500 stores by 20%", ["500", "20%"]),  # no address: read
    ],
)
def test_no_quantity_is_read_inside_a_web_address(text: str, found: list[str]) -> None:
    assert [q.text for q in Q.extract_text(text)] == found
