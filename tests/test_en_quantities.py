"""English quantity extraction (smartlint.lang.en.quantities) and unit helpers."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import spacy
from hypothesis import given, settings
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
