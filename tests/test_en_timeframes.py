"""English time-frame extraction (smartlint.lang.en.timeframes)."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartlint.lang.base import TimeMention
from smartlint.lang.en import timeframes
from smartlint.model import TimeFrame, TimeKind

NLP = spacy.blank("en")
REF = date(2027, 1, 15)
DL, PER, WIN, FREQ, VAGUE, REF_K = (
    TimeKind.DEADLINE,
    TimeKind.PERIOD,
    TimeKind.WINDOW,
    TimeKind.FREQUENCY,
    TimeKind.VAGUE,
    TimeKind.REFERENCE,
)


def mentions(text: str) -> list[TimeMention]:
    return timeframes.extract(NLP.make_doc(text))


def frames(text: str, fys: int = 1) -> list[TimeFrame]:
    return [m.resolve(REF, fys) for m in mentions(text)]


def only(text: str, fys: int = 1) -> TimeFrame:
    found = frames(text, fys)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "start", "end"),
    [
        ("Increase ARR to $3M by end of Q3 2027", "by end of Q3 2027", DL, None, date(2027, 9, 30)),
        ("Ship by September 30, 2027", "by September 30, 2027", DL, None, date(2027, 9, 30)),
        ("Ship by 9/30/2027", "by 9/30/2027", DL, None, date(2027, 9, 30)),
        ("Close the gap by end of Q2", "by end of Q2", DL, None, date(2027, 6, 30)),
        ("Hit quota by EOQ", "by EOQ", DL, None, date(2027, 3, 31)),
        ("Hit quota by EOY", "by EOY", DL, None, date(2027, 12, 31)),
        ("Launch in 2027", "2027", PER, date(2027, 1, 1), date(2027, 12, 31)),
        ("Cut churn by 3 points in H2", "H2", PER, date(2027, 7, 1), date(2027, 12, 31)),
        (
            "Sign 10 customers this quarter",
            "this quarter",
            PER,
            date(2027, 1, 1),
            date(2027, 3, 31),
        ),
        (
            "Sign 10 customers next quarter",
            "next quarter",
            PER,
            date(2027, 4, 1),
            date(2027, 6, 30),
        ),
        ("Double revenue next year", "next year", PER, date(2028, 1, 1), date(2028, 12, 31)),
        ("Grow NPS in Q3 2027", "Q3 2027", PER, date(2027, 7, 1), date(2027, 9, 30)),
        ("Grow NPS within four months", "within four months", WIN, REF, date(2027, 5, 15)),
        (
            "Grow NPS over the next three months",
            "over the next three months",
            WIN,
            REF,
            date(2027, 4, 15),
        ),
        ("Grow NPS in the next 90 days", "in the next 90 days", WIN, REF, date(2027, 4, 15)),
        (
            "Close the books by the end of the month",
            "by the end of the month",
            DL,
            None,
            date(2027, 1, 31),
        ),
        ("Hire 3 AEs before March", "before March", DL, None, date(2027, 2, 28)),
        ("Reach 99% by end of year", "by end of year", DL, None, date(2027, 12, 31)),
        ("Reduce latency within 90 days", "within 90 days", WIN, REF, date(2027, 4, 15)),
        ("Migrate all tenants by mid-2027", "by mid-2027", DL, None, date(2027, 6, 30)),
        (
            "Open 3 clinics before the end of the fiscal year",
            "before the end of the fiscal year",
            DL,
            None,
            date(2027, 12, 31),
        ),
        ("Sign 15 partners by May 31, 2027", "by May 31, 2027", DL, None, date(2027, 5, 31)),
    ],
)
def test_bounding_expressions(
    text: str, span: str, kind: TimeKind, start: date | None, end: date
) -> None:
    tf = only(text)
    assert (tf.text, tf.kind, tf.bounding) == (span, kind, True)
    assert (tf.start_date, tf.end_date) == (start, end)
    assert text[tf.start : tf.end] == tf.text


@pytest.mark.parametrize(
    "text",
    [
        "Launch the portal by launch day",
        "Demo it at the 2027 user conference",
        "Be ready by the next board meeting",
    ],
)
def test_events_bound_without_dates(text: str) -> None:
    tf = only(text)
    assert tf.kind is DL and tf.bounding and tf.end_date is None


def test_windows_relative_to_events() -> None:
    # A window measured from a recurring event is part of the metric ...
    found = frames("Publish monthly board reports within 10 days of month end")
    assert [tf.bounding for tf in found] == [False, False, False]
    assert not any(tf.bounding for tf in frames("Respond within 2 hours of a ticket"))
    # ... one measured from a one-off event or from now bounds the goal.
    tf = only("Ship the beta within 3 weeks of the kickoff")
    assert tf.kind is WIN and tf.bounding and tf.end_date is None
    tf = only("Ship the beta 3 weeks from now")
    assert tf.bounding and tf.end_date == date(2027, 2, 5)


def test_school_years_and_seasons() -> None:
    assert only("Cut absenteeism to below 10% this school year").bounding
    assert only("Reach 70% flu vaccination coverage this season").bounding


def test_fiscal_years(ref_date: date) -> None:
    tf = only("Reach $10M ARR by FY27", fys=4)
    assert tf.kind is DL and tf.end_date == date(2027, 3, 31)
    tf = only("Ship it during FY23")
    assert (tf.kind, tf.start_date, tf.end_date) == (PER, date(2023, 1, 1), date(2023, 12, 31))
    tf = only("Land 5 logos in FY27 Q2", fys=4)
    assert (tf.start_date, tf.end_date) == (date(2026, 7, 1), date(2026, 9, 30))
    tf = only("Land 5 logos this quarter", fys=4)
    assert (tf.start_date, tf.end_date) == (date(2027, 1, 1), date(2027, 3, 31))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ensure leads are contacted within 5 minutes", WIN),
        ("Grow monthly active users to 5,000", FREQ),
        ("Run 3 sessions per week", FREQ),
        ("Grow revenue 20% YoY", FREQ),
        ("Grow revenue 20% QoQ", FREQ),
        ("Keep 99.9% uptime each month", FREQ),
        ("Publish weekly", FREQ),
        ("Reduce waiting time to less than 15 months", WIN),
        ("Cut emissions 30% compared with 2020", REF_K),
        ("Grow bookings 15% vs. 2024", REF_K),
        ("Cut waste 10% from 2023 levels", REF_K),
        ("Grow Q2 pipeline to $5M", REF_K),
        ("Close Q3 renewals", REF_K),
        ("Define the product vision for 2028", REF_K),
        ("Grow revenue 10% over last year", REF_K),
        ("Ship soon", VAGUE),
        ("Fix it ASAP", VAGUE),
        ("Eventually reach profitability", VAGUE),
        ("Ongoing improvements", VAGUE),
        ("Expand in the near future", VAGUE),
        ("Improve quality over time", VAGUE),
    ],
)
def test_not_bounding(text: str, kind: TimeKind) -> None:
    found = frames(text)
    assert found, text
    assert all(not tf.bounding for tf in found), found
    assert found[0].kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "May I ask why?",
        "This may take longer than expected.",
        "Have a great month.",
        "in the sun",
        "There are 10 students.",
        "We've reached the end of the line",
        "Let's target a second round",
        "Upgrade to Python 3.11",
        "Grow to 2000 users",
        "We may 5x revenue",
    ],
)
def test_no_time_here(text: str) -> None:
    assert mentions(text) == []


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_spans_are_exact_and_nothing_raises(text: str) -> None:
    for m in timeframes.extract_text(text):
        assert text[m.start : m.end] == m.text
        tf = m.resolve(REF, 4)
        assert (
            tf.start_date is None
            or tf.end_date is None
            or tf.start_date <= tf.end_date
            or tf.kind is DL
        )


@given(
    st.text(alphabet="0123456789０１２/-., QqHhFYy'byendofthisnextJanMayweeksmonth", max_size=120),
    st.integers(1, 12),
)
@settings(max_examples=300, deadline=None)
def test_date_like_junk_resolves_or_gives_none(text: str, fys: int) -> None:
    for m in timeframes.extract_text(text):
        assert text[m.start : m.end] == m.text
        m.resolve(REF, fys)  # must not raise


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 25000,
        "by " * 20000,
        "a" * 100000,
        "in 2027 " * 5000,
        "Q3 " * 20000,
        "end of " * 10000,
        "May " * 20000,
        "1/" * 30000,
        "by the " * 10000 + "launch",
    ],
)
def test_long_junk_is_linear(text: str) -> None:
    started = time.process_time()
    timeframes.extract_text(text)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(
    ("text", "freq", "period"),
    [
        ("Resolve 90% of tickets in each week of Q4", "each week", "Q4"),
        ("Ship a patch release every month of 2028", "every month", "2028"),
    ],
)
def test_a_frequency_does_not_swallow_the_period_after_it(
    text: str, freq: str, period: str
) -> None:
    found = [(f.text, f.kind, f.bounding) for f in frames(text)]
    assert found == [(freq, TimeKind.FREQUENCY, False), (period, TimeKind.PERIOD, True)]


def test_the_week_of_still_glues_to_its_date() -> None:
    (frame,) = frames("Hold the offsite in the second week of March 2027")
    assert frame.text == "the second week of March 2027" and frame.bounding


@pytest.mark.parametrize(
    "text", ["Grow signups in the coming weeks", "Hire more in upcoming quarters"]
)
def test_a_period_with_no_count_and_no_end_is_vague(text: str) -> None:
    (frame,) = frames(text)
    assert (frame.kind, frame.bounding) == (TimeKind.VAGUE, False)


# The speed shortcuts (issue 7) must give exactly what the plain patterns give.

_PIECES = [
    "by",
    "By",
    "in",
    "IN",
    "the",
    "The",
    "end",
    "of",
    "before",
    "or",
    "on",
    "due",
    "up",
    "to",
    "and",
    "including",
    "within",
    "next",
    "coming",
    "first",
    "over",
    "for",
    "compared",
    "with",
    "vs.",
    "since",
    "from",
    "as",
    "after",
    "starting",
    "mid",
    "early",
    "late",
    "middle",
    "during",
    "between",
    "year-over-year",
    "plan",
    "budget",
    "week",
    "month",
    "every",
    "a",
    "launch",
    "board",
    "meeting",
    "day",
    "days",
    "weeks",
    "hours",
    "h",
    "x",
    "times",
    "March",
    "may",
    "2027",
    "5",
    "12",
    "123",
    "1234",
    "20%",
    "Q3",
    "FY27",
    "H2",
    "'27",
    "3x",
    "1st",
    "-",
    ",",
    "/",
    ".",
    "(",
    "\t",
    "\n",
]
_ASCII_TEXT = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "  ", "", "-"])),
    max_size=14,
).map(lambda parts: "".join(word + sep for word, sep in parts))


@given(_ASCII_TEXT)
@settings(max_examples=300, deadline=None)
def test_case_sensitive_twins_match_like_the_patterns_on_ascii_text(text: str) -> None:
    low = text.lower()
    for pos in range(len(text)):
        for name, _ in timeframes._ATOMS:
            plain = timeframes._COMPILED[name].match(text, pos)
            got = timeframes._LOWER_ATOMS[name].match(low, pos)
            # the same match, groups and all (`_scan` keeps the twin's groups, lower-cased)
            assert (got and (got.span(), got.regs)) == (plain and (plain.span(), plain.regs))
            if got and plain:
                assert got.groups() == tuple(g and g.lower() for g in plain.groups())
    plain_twins, low_twins = timeframes._any_twins(), timeframes._low_twins()
    pairs = [
        (p, t) for (_, p), (_, t) in zip(plain_twins.prefixes, low_twins.prefixes, strict=True)
    ]
    for attr in (
        "week_prefix",
        "recurring_before",
        "plan_for",
        "vouch",
        "the_after_of",
        "the_edge_of",
    ):
        pairs.append((getattr(plain_twins, attr), getattr(low_twins, attr)))
    for plain_p, twin_p in pairs:
        for cut in range(0, len(text) + 1, 3):
            plain = plain_p.search(text[:cut])
            got = twin_p.search(low[:cut])
            assert (got and got.span()) == (plain and plain.span()), (plain_p.pattern, cut)


@given(_ASCII_TEXT)
@settings(max_examples=300, deadline=None)
def test_a_prefix_is_only_skipped_when_the_last_word_rules_it_out(window: str) -> None:
    stripped = window.rstrip()
    last_word = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
    if last_word not in timeframes._PREFIX_LAST or stripped.endswith("-"):
        return  # every prefix is tried (or none, as before)
    tried = {name for name, _ in timeframes._PREFIXES_BY_LAST[last_word]}
    for name, pattern in timeframes._PREFIXES:
        if pattern.search(window):
            assert name in tried, (name, last_word)


def _digit_atoms_before_the_speed_work(token: str, next_char: str) -> list[str]:
    if not token.isdigit():
        return timeframes._DIGIT_ATOMS
    sep = next_char in ("/", "-", ".", "–")
    if len(token) == 4 and token[:2] in ("19", "20"):
        return timeframes._DIGITS_YEAR_SEP if sep else timeframes._DIGITS_YEAR
    if len(token) == 8:
        return timeframes._DIGIT_ATOMS
    if len(token) <= 2:
        return timeframes._DIGITS_SMALL_SEP if sep else timeframes._DIGITS_SMALL
    return timeframes._DIGITS_LONG


@given(
    st.sampled_from(["", "by ", "in ", "the ", "x "]),
    st.text(alphabet="0123456789", min_size=1, max_size=9),
    st.sampled_from(["", " ", "  ", "\t", ".", "-", "/", "–", "%", ",", ")", "١", "٣ ", "\n"]),
    st.sampled_from(
        [
            "",
            "days",
            "5 days",
            "weeks",
            "hours",
            "h",
            "x a week",
            "times a day",
            "March",
            "of May",
            "and a half days",
            "2027",
            "5 customers",
            "1",
        ]
    ),
)
@settings(max_examples=400, deadline=None)
def test_a_digit_shape_only_drops_atoms_that_cannot_match(
    before: str, digits: str, after: str, rest: str
) -> None:
    text = before + digits + after + rest
    pos = len(before)
    cut = timeframes._TOKEN.match(text, pos)  # as `_scan` cuts tokens: "5days" is one
    assert cut is not None
    token = cut.group()
    nxt = text[pos + len(token) : pos + len(token) + 1]
    kept = timeframes._DIGIT_SHAPES[timeframes._digit_shape(token, nxt)]
    for name in _digit_atoms_before_the_speed_work(token, nxt):
        if name not in kept:
            m = timeframes._COMPILED[name].match(text, pos)
            assert m is None or m.end() == pos, (name, text)


def test_atom_groups_are_all_named() -> None:
    # `_cached_atom_range` rebuilds an atom's groups from `Match.groups()` by these names,
    # read from the sources (in the order their groups open)
    for name, _ in timeframes._ATOMS:
        for pattern in (timeframes._COMPILED[name], timeframes._LOWER_ATOMS[name]):
            assert pattern.groups == len(pattern.groupindex)
            by_number = tuple(sorted(pattern.groupindex, key=pattern.groupindex.__getitem__))
            assert timeframes._GROUP_NAMES[name] == by_number


def test_atom_patterns_are_compiled_when_first_tried() -> None:
    fresh = timeframes._AtomPatterns(lower=True)
    assert not fresh
    assert fresh["q"] is fresh["q"]
    assert list(fresh) == ["q"]
    assert fresh["q"].match("q3 2027") and not fresh["q"].match("Q3 2027")  # lower-case twin
    assert timeframes._AtomPatterns(lower=False)["q"].match("Q3 2027")


def test_a_unicode_digit_after_a_number_is_still_part_of_it() -> None:
    (frame,) = frames("Reply within 5١٢ days")
    assert (frame.text, frame.kind, frame.bounding) == ("within 5١٢ days", WIN, True)


# A unit, a near miss, a month, an ordinal and so on: what may follow a token.
_NEXT_WORDS = [
    "days",
    "day",
    "hrs",
    "h",
    "mo",
    "months",
    "business days",
    "and a half weeks",
    "times a week",
    "x a month",
    "of March",
    "March",
    "may",
    "sept",
    "next 3 months",
    "coming weeks",
    "past year",
    "first quarter",
    "1st half",
    "second half of 2027",
    "back half",
    "third of May",
    "twenty-first of June",
    "5th of May",
    "day after tomorrow",
    "year",
    "fiscal year",
    "school year",
    "weekend",
    "team",
    "customers",
    "new users",
    "quarterly",
    "x",
    "2027",
    "",
    # after an ordinal, "all", "half", "a", "year" ... (round 2)
    "quarter",
    "fiscal quarter",
    "half",
    "hour",
    "an hour",
    "couple of weeks",
    "few days",
    "hundred days",
    "dozen weeks",
    "half day",
    "end",
    "to date",
    "over year",
    "on month",
    "over quarter",
    "week",
    "year",
    "response time",
]


def test_the_next_word_gate_only_drops_atoms_that_cannot_match() -> None:
    # every combination (a few thousand texts): the gate must never hide a match
    checked = 0
    words = sorted(k for k in timeframes._NEXT_PAIRS if k[0] != "#")  # every gated word
    tokens = ["The", "THE", "5", "12", "123", "30", "7", "2027", "1999", "First", "Whole", "An"]
    for token in words + tokens:
        for sep in (" ", "  ", "\t", "", "-", " ſ"):
            for word in _NEXT_WORDS:
                for tail in ("", " ", ",", " 2027", " of 2027"):
                    text = "by " + token + sep + word + tail
                    low = text.lower()
                    cut = timeframes._TOKEN.match(low, 3)
                    assert cut is not None
                    tok = cut.group()
                    nxt = text[cut.end() : cut.end() + 1]
                    key = tok if not tok[0].isdigit() else timeframes._digit_shape(tok, nxt)
                    after = low[cut.end() : cut.end() + 3]
                    if key not in timeframes._NEXT_PAIRS or not (
                        len(after) == 3
                        and after[0] in " \t"
                        and after[1:].isalpha()
                        and after.isascii()
                    ):
                        continue  # `_scan` then tries every atom
                    names = tuple(timeframes._NEXT_PAIRS[key])
                    kept = timeframes._gated(names, key, after[1:])
                    for name in names:
                        if name not in kept:
                            checked += 1
                            m = timeframes._COMPILED[name].match(text, 3)
                            assert m is None or m.end() == 3, (name, text)
    assert checked > 1000  # the gate does drop atoms


_MIXED_LETTERS = ["x", "times", "m", "k", "st", "th", "nd", "q", "h", "q3", "h1", "days", "d"]
_MIXED_LETTERS += ["hrs", "mo", "yrs", "business", "weeks", "march", "jan", "s", "pm", "x2"]


def test_a_token_of_digits_and_letters_only_drops_atoms_that_cannot_match() -> None:
    for digits in ("1", "3", "12", "31", "123", "2027", "1234", "20270315", "202703155"):
        for letters in _MIXED_LETTERS:
            kept = timeframes._mixed_atoms(digits + letters)
            for sep in ("", " ", "  ", ".", "-", "/", "%", ","):
                for rest in ("", "a week", "an hour", "March", "of May", "days", "2027", "Q3"):
                    for before in ("", "mid-"):
                        text = before + digits + letters.upper() + sep + rest
                        pos = len(before)
                        for name in timeframes._DIGIT_ATOMS:
                            if name not in kept:
                                m = timeframes._COMPILED[name].match(text, pos)
                                assert m is None or m.end() == pos, (name, text)


_TRIGGER_PIECES = [
    "by",
    "before",
    "in time for",
    "the",
    "our",
    "fiscal",
    "year",
    "quarter",
    "close",
    "fiscal close",
    "cut-over",
    "cut",
    "over",
    "time",
    "over time",
    "kick-off",
    "off-site",
    "all-hands",
    "go-live",
    "go live",
    "GA",
    "QBR",
    "launch",
    "due date",
    "ship date",
    "open enrollment",
    "annual review",
    "holiday season",
    "day",
    "soon",
    "at some point",
    "in the long run",
    "revenue",
    "5",
    ",",
]
_EVENT_AND_VAGUE = timeframes._COMPILED["event"], timeframes._COMPILED["vague"]


def _ascii_bits(text: str) -> int:
    low = text.lower()
    bits = 0
    for word in timeframes._ANY_TRIGGER_ASCII_B.intersection(
        low.encode("ascii").translate(timeframes._NOT_LETTER_TO_BLANK).split()
    ):
        bits |= timeframes._TRIGGER_BITS_ASCII_B[word]
    if bits & 48 == 48:
        bits |= 4
    if bits & 96 == 96:
        bits |= 8
    return bits


def test_the_ascii_trigger_words_let_every_event_and_vague_phrase_through() -> None:
    texts = [f"{a} {b} {c}" for a in ("by", "in", "at") for b in _TRIGGER_PIECES for c in ("", "x")]
    texts += [f"{a} the {b}" for a in ("by", "before") for b in _TRIGGER_PIECES]
    texts += [f"{a} {b}" for a in _TRIGGER_PIECES for b in _TRIGGER_PIECES]
    found = 0
    for text in texts:
        bits = _ascii_bits(text)
        for bit, pattern in zip((4, 8), _EVENT_AND_VAGUE, strict=True):
            if any(pattern.match(text, pos) for pos in range(len(text))):
                found += 1
                assert bits & bit, (pattern.pattern[:30], text)
    assert found > 300


@given(st.lists(st.sampled_from([*_TRIGGER_PIECES, "-", "3x", "Q3", "\t"]), max_size=8))
@settings(max_examples=200, deadline=None)
def test_the_ascii_words_are_the_letter_runs(pieces: list[str]) -> None:
    low = " ".join(pieces).lower()
    words = low.encode("ascii").translate(timeframes._NOT_LETTER_TO_BLANK).split()
    assert [w.decode() for w in words] == timeframes._LETTERS.findall(low)


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Migrate every account before cut-over", "before cut-over", DL),
        ("Finish the audit by fiscal close", "by fiscal close", DL),
        ("Present the roadmap at the all-hands", "at the all-hands", DL),
        ("Ship the beta by GA", "by GA", DL),
        ("Fix the top 10 bugs by code freeze", "by code freeze", DL),
        ("Improve onboarding over time", "over time", VAGUE),
        ("Raise NPS, 3x a week check-ins", "3x a week", FREQ),
        ("Cut costs by $5M in 5days", "in 5days", WIN),
        ("Hire 3 engineers by the 1st of March 2027", "by the 1st of March 2027", DL),
    ],
)
def test_phrases_behind_the_narrower_gates_are_still_found(
    text: str, span: str, kind: TimeKind
) -> None:
    found = [(f.text, f.kind) for f in frames(text)]
    assert (span, kind) in found, found


@given(
    st.lists(
        st.sampled_from([*_PIECES, "by", "end of the", "vs.", "year-over-year", "mid-", "20%"]),
        max_size=10,
    ).map(" ".join),
    st.sampled_from(["", " ", "\n", " \n", "-", "- "]),
)
@example("grow 20% vs.", " ")
@example("up 5% year-over-year", " ")
@example("ship 2 features by", " \n")
@example("hit 3 goals in the mid-", "")
@settings(max_examples=300, deadline=None)
def test_prefix_searches_may_skip_the_window_up_to_its_last_other_character(
    text: str, end: str
) -> None:
    window = (text + end).lower()
    if not window.isascii():
        return
    from_pos = len(window.rstrip(timeframes._PREFIX_CHARS))
    for _, pattern in timeframes._low_twins().prefixes:
        full = pattern.search(window)
        assert (full and full.span()) == ((m := pattern.search(window, from_pos)) and m.span()), (
            pattern.pattern[:40],
            window,
        )


@pytest.mark.parametrize(
    ("text", "kind", "bounding"),
    [
        ("Grow pipeline 20% over the next few months", TimeKind.VAGUE, False),
        ("Grow pipeline 20% over the next several weeks", TimeKind.VAGUE, False),
        ("Grow pipeline 20% within a few weeks", TimeKind.VAGUE, False),
        ("Grow pipeline 20% in a couple of months", TimeKind.VAGUE, False),
        ("Grow pipeline 20% over the next 3 months", TimeKind.WINDOW, True),
        ("Grow pipeline 20% within six weeks", TimeKind.WINDOW, True),
        ("Churn fell over the past few weeks", TimeKind.REFERENCE, False),
    ],
)
def test_a_window_without_a_count_bounds_nothing(text: str, kind: TimeKind, bounding: bool) -> None:
    found = [m for m in timeframes.extract_text(text) if m.kind is not TimeKind.FREQUENCY]
    assert [(m.kind, m.bounding) for m in found] == [(kind, bounding)]


# --- the scan reads the trigger words and the tokens to try piece by piece (round 3) ---


def _of_the_whole_text(low: str) -> tuple[int, list[tuple[int, str, str]]]:
    bits = 0
    for word in timeframes._ANY_TRIGGER_ASCII_B.intersection(
        low.encode().translate(timeframes._NOT_LETTER_TO_BLANK).split()
    ):
        bits |= timeframes._TRIGGER_BITS_ASCII_B[word]
    # every token but the words `_scan` skips under any flags, with its shape if digits
    tokens = [
        (m.start(), m[0], _key(m[0], low[m.end() : m.end() + 1]))
        for m in timeframes._TOKEN.finditer(low)
        if not (
            m[0][0] > "9"
            and m[0] not in timeframes._WORD_DISPATCH
            and (m[0][0] not in "qhfce" or m[0].isalpha())
        )
    ]
    return bits, tokens


_TF_PIECES = st.lists(
    st.sampled_from(
        ["by", "the", "end", "of", "q3", "Q3", "fy27", "h1", "eoq", "2027", "5", "12", "'", "'27",
         "/", "week", "weeks", "cut", "over", "time", "march", "team", "x", "3x", "1st", "5days",
         "-", ",", ".", " ", "  ", "\t", "\n", "%", "$", "_"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TF_PIECES, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_reading_tokens_by_pieces_gives_what_one_pass_over_the_text_gives(text: str) -> None:
    low = text.lower()
    bits, tokens = _of_the_whole_text(low)
    # what `_scan` reads: the tokens but the digit shapes no atom takes, with their plan
    expected = [(at, len(token), key) for at, token, key in tokens if key != "#none"]
    for _ in range(2):  # the second time reads what the first one kept
        got_bits, pieces = timeframes._ascii_pieces(low)
        got = [(base + at, length, plan.key) for base, scan in pieces for at, length, plan in scan]
        assert (got_bits, got) == (bits, expected)
    # what `_scan` reads in other text: every token, keyed alike
    kept = set(_of_the_whole_text(low)[1])
    assert [t for t in timeframes._plain_tokens(low, text) if t in kept] == sorted(kept)


def _key(token: str, next_char: str) -> str:
    if not token[0].isdigit():
        return token
    shape = timeframes._digit_shape(token, next_char)
    return token if shape == "#mixed" else shape


def test_the_tokens_left_out_of_a_piece_begin_no_atom_under_any_flags() -> None:
    # a letter-first token outside `_WORD_DISPATCH` is in no word table, whatever the flags
    for flags in timeframes._FLAGS_BY_BITS:
        table = timeframes._word_table(flags)
        assert all(key.startswith("#") or key in timeframes._WORD_DISPATCH for key in table)


def test_piece_tokens_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeframes, "_PIECE_TOKENS_MAX", 4)
    # (a fresh table: the one other tests filled may hold every piece of the first text)
    monkeypatch.setattr(timeframes, "_PIECE_TOKENS", {})
    monkeypatch.setattr(timeframes, "_LAST_PIECE_TOKENS", {})
    for i in range(20):
        (found,) = timeframes.extract_text(f"Ship w{i} by Q3 2027 x{i}")
        assert found.text == "by Q3 2027"
        assert len(timeframes._PIECE_TOKENS) <= 4
        assert len(timeframes._LAST_PIECE_TOKENS) <= 4
    assert timeframes.extract_text("x" * 70 + " by Q3 2027 " + "y" * 70)
    assert "x" * 70 not in timeframes._PIECE_TOKENS
    assert "y" * 70 not in timeframes._LAST_PIECE_TOKENS


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=1, max_size=9),
    st.sampled_from(["", " ", "\t", ".", "-", "/", "–", "%", "١", "\n", ","]),
)
def test_a_token_of_digits_is_looked_up_by_its_shape(digits: str, after: str) -> None:
    assert timeframes._token_key(digits, after) == timeframes._digit_shape(digits, after)
    assert timeframes._token_key(digits + "m", after) == digits + "m"  # "#mixed": its own
    assert timeframes._token_key("q3", after) == "q3"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (what the one-pass scan of round 2 found in these texts)
        ("Launch by Q3 2027 and again in H1 2028", ["by Q3 2027", "H1 2028"]),
        ("Ship 2027 plan\tby March 5", ["by March 5"]),
        ("Close  deals  by  end  of  FY27", ["by  end  of  FY27"]),
        ("Grow 20% by '27", ["by '27"]),
        ("Cut-over by the end of the quarter", ["by the end of the quarter"]),
    ],
)
def test_texts_with_several_pieces_and_blanks_keep_their_mentions(
    text: str, found: list[str]
) -> None:
    assert [m.text for m in timeframes.extract_text(text)] == found


def test_kinds_decided_by_the_kind_alone_are_never_merged_or_widened() -> None:
    # `_classify` returns early for these: that skips the week-of glue and the prefixes,
    # which only date-like groups (the ones `_merge` joins) use
    assert not set(timeframes._KIND_ONLY) & timeframes._DATE_LIKE
    for text, kind in [
        ("Ship it soon", VAGUE),
        ("Review twice a week", FREQ),
        ("Ready by the kickoff", DL),
        ("Over time, grow", VAGUE),
    ]:
        found = timeframes.extract_text(text)
        assert [m.kind for m in found] == [kind], (text, found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Grow signups on www.fy27.com by Q3 2027", ["by Q3 2027"]),
        ("Launch WWW.FY27.COM by Q3 2027", ["by Q3 2027"]),
        ("Launch acme.com/q3 by June 2027", ["by June 2027"]),
        ("Move docs to https://h1.example.org/2027 by March 2027", ["by March 2027"]),
        ("Move docs to www.h1-team.io by March 2027", ["by March 2027"]),
        ("Close the <FY27 plan> gaps by Q2 2027", ["by Q2 2027"]),
        ("Grow fy27 bookings 20% by Q3 2027", ["fy27", "by Q3 2027"]),  # no address: read
    ],
)
def test_no_time_frame_is_read_inside_a_web_address(text: str, found: list[str]) -> None:
    assert [m.text for m in timeframes.extract_text(text)] == found


_URL_PARTS = ["www", "WwW", ".", "/", "<", ">", "http", "s", "://", "acme", "com", "io", "q3",
              "fy27", " ", "-", "by", "2027", '"', "é"]  # fmt: skip


@given(st.lists(st.sampled_from(_URL_PARTS), max_size=12).map("".join))
def test_a_text_with_a_web_address_is_always_searched_for_one(text: str) -> None:
    from smartlint.lang.en.numbers import URL_PATTERN, may_hold_url

    if re.search(URL_PATTERN, text, re.IGNORECASE):
        assert may_hold_url(text, text.lower())
