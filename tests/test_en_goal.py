"""The English goal analysis: main verb, direction, metric, baseline, target, change and
placeholders (smartlint.lang.en.goal)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smartlint
from smartlint.lang.base import GoalAnalysis
from smartlint.lang.en import goal as en_goal
from smartlint.lang.en.goal import ing_form, tokenize, verb_lemma
from smartlint.model import Direction

REF = date(2027, 1, 15)


def parse(text: str) -> smartlint.ParsedGoal:
    return smartlint.parse(text, lang="en", reference_date=REF)


def text_of(span: object) -> str | None:
    return None if span is None else span.text  # type: ignore[attr-defined]


# (goal, verb as written, lemma, direction, metric, baseline, target, change)
CASES = [
    (
        "Reduce customer churn from 3% to 2%",
        "Reduce",
        "reduce",
        Direction.DECREASE,
        "customer churn",
        "3%",
        "2%",
        None,
    ),
    (
        "Increase sales by 10% by Q3 2027",
        "Increase",
        "increase",
        Direction.INCREASE,
        "sales",
        None,
        None,
        "10%",
    ),
    (
        "Increase deal value 20%",
        "Increase",
        "increase",
        Direction.INCREASE,
        "deal value",
        None,
        None,
        "20%",
    ),
    (
        "Improve customer satisfaction",
        "Improve",
        "improve",
        Direction.INCREASE,
        "customer satisfaction",
        None,
        None,
        None,
    ),
    (
        "We will cut p95 latency to 200 ms",
        "cut",
        "cut",
        Direction.DECREASE,
        "p95 latency",
        None,
        "200 ms",
        None,
    ),
    ("Raising NPS to 50", "Raising", "raise", Direction.INCREASE, "NPS", None, "50", None),
    ("Grew ARR to $5M", "Grew", "grow", Direction.INCREASE, "ARR", None, "$5M", None),
    (
        "Halve onboarding time",
        "Halve",
        "halve",
        Direction.DECREASE,
        "onboarding time",
        None,
        None,
        "Halve",
    ),
    ("Reach 1,200 MAU by Q3", "Reach", "reach", Direction.REACH, "MAU", None, "1,200", None),
    (
        "Achieve 95% customer retention",
        "Achieve",
        "achieve",
        Direction.REACH,
        "customer retention",
        None,
        "95%",
        None,
    ),
    (
        "Get to 500 paying teams",
        "Get to",
        "get to",
        Direction.REACH,
        "paying teams",
        None,
        "500",
        None,
    ),
    (
        "Maintain 99.9% uptime each month",
        "Maintain",
        "maintain",
        Direction.KEEP,
        "uptime",
        None,
        "99.9%",
        None,
    ),
    ("Keep churn below 2%", "Keep", "keep", Direction.KEEP, "churn", None, "2%", None),
    (
        "Retain 92% of existing customers",
        "Retain",
        "retain",
        Direction.KEEP,
        "existing customers",
        None,
        "92%",
        None,
    ),
    (
        "Reduce time to first response from 4 hours to 1 hour",
        "Reduce",
        "reduce",
        Direction.DECREASE,
        "time to first response",
        "4 hours",
        "1 hour",
        None,
    ),
    (
        "Increase the number of active users to 10,000",
        "Increase",
        "increase",
        Direction.INCREASE,
        "number of active users",
        None,
        "10,000",
        None,
    ),
    ("Churn drops to 2%", "drops", "drop", Direction.DECREASE, "Churn", None, "2%", None),
    (
        "KR1: Shorten the sales cycle 10%",
        "Shorten",
        "shorten",
        Direction.DECREASE,
        "sales cycle",
        None,
        None,
        "10%",
    ),
    ("Launch the partner portal", "Launch", "launch", None, "partner portal", None, None, None),
    ("Roll out SSO to all customers", "Roll out", "roll out", None, "SSO", None, None, None),
    ("Hire 5 AEs", "Hire", "hire", None, "AEs", None, "5", None),
    ("Publish 15 blog posts", "Publish", "publish", None, "blog posts", None, "15", None),
]


@pytest.mark.parametrize(
    ("text", "verb", "lemma", "direction", "metric", "baseline", "target", "change"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_verb_metric_and_values(
    text: str,
    verb: str,
    lemma: str,
    direction: Direction | None,
    metric: str,
    baseline: str | None,
    target: str | None,
    change: str | None,
) -> None:
    goal = parse(text)
    assert text_of(goal.verb) == verb
    assert goal.verb_lemma == lemma
    assert goal.direction == direction
    assert text_of(goal.metric) == metric
    assert text_of(goal.baseline) == baseline
    assert text_of(goal.target) == target
    assert text_of(goal.change) == change


VERBLESS = [
    ("Customer satisfaction up 5 points", Direction.INCREASE, "Customer satisfaction", None, "5"),
    ("Support costs down 10%", Direction.DECREASE, "Support costs", None, "10%"),
    ("NPS ≥ 50", Direction.REACH, "NPS", "50", None),
    ("1,200 MAU by Q3", Direction.REACH, "MAU", "1,200", None),
    ("Churn below 2%", Direction.REACH, "Churn", "2%", None),
    ("Market share of 20% in EMEA", Direction.REACH, "Market share", "20%", None),
    ("Test coverage at 80%", Direction.REACH, "Test coverage", "80%", None),
]


@pytest.mark.parametrize(
    ("text", "direction", "metric", "target", "change"), VERBLESS, ids=[v[0] for v in VERBLESS]
)
def test_verbless_goals(
    text: str, direction: Direction | None, metric: str, target: str | None, change: str | None
) -> None:
    goal = parse(text)
    assert goal.verb is None
    assert goal.direction == direction
    assert text_of(goal.metric) == metric
    assert text_of(goal.target) == target
    assert text_of(goal.change) == change


@pytest.mark.parametrize(
    ("text", "placeholders"),
    [
        ("Raise CSAT to X% by TBD", ["X%", "TBD"]),
        ("Grow ARR to [target] from <baseline>", ["[target]", "<baseline>"]),
        ("Sign N new logos", ["N"]),
        ("Cut costs by $XXk", ["$XXk"]),
        ("Reach ?? signups", ["??"]),
        ("Reduce churn from 3% to 2%", []),
        ("Expand to X (formerly Twitter) ads", []),
    ],
)
def test_placeholders(text: str, placeholders: list[str]) -> None:
    goal = parse(text)
    assert [p.text for p in goal.placeholders if p.text != "X"] == placeholders


def test_label_and_modal_prefixes_are_skipped() -> None:
    for text in (
        "KR 2.1: Reduce churn to 2%",
        "- We will reduce churn to 2%",
        "Objective: reduce churn to 2%",
        "Please reduce churn to 2%",
    ):
        goal = parse(text)
        assert goal.verb_lemma == "reduce", text
        assert text_of(goal.metric) == "churn", text


def test_nouns_that_look_like_verbs() -> None:
    assert parse("Test coverage at 80%").verb is None
    assert parse("Record revenue of $5M").verb is None
    assert parse("Record 20 coaching videos").verb_lemma == "record"


def test_lemmas_and_inflections() -> None:
    assert verb_lemma("cutting") == "cut"
    assert verb_lemma("improved") == "improve"
    assert verb_lemma("halves") == "halve"
    assert verb_lemma("wrote") == "write"
    assert verb_lemma("shipped") == "ship"
    assert verb_lemma("customer") is None
    assert ing_form("launch") == "launching"
    assert ing_form("run") == "running"
    assert ing_form("roll out") == "rolling out"
    assert ing_form("write") == "writing"


def test_offsets_follow_surrounding_whitespace() -> None:
    text = "   Reduce churn from 3% to 2%"
    goal = smartlint.parse(text, lang="en", reference_date=REF)
    assert goal.verb is not None and text[goal.verb.start : goal.verb.end] == "Reduce"
    assert goal.metric is not None and text[goal.metric.start : goal.metric.end] == "churn"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=80
    )
)
def test_spans_are_inside_the_text(text: str) -> None:
    goal = smartlint.parse(text, lang="en", reference_date=REF)
    for span in (
        goal.verb,
        goal.metric,
        goal.baseline,
        goal.target,
        goal.change,
        *goal.placeholders,
    ):
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


def test_tokens_cover_words_with_offsets() -> None:
    tokens = tokenize("Cut p95 latency ≥ 10% — best-in-class")
    assert [t.text for t in tokens] == [
        "Cut",
        "p95",
        "latency",
        "≥",
        "10",
        "%",
        "—",
        "best-in-class",
    ]
    for t in tokens:
        assert "Cut p95 latency ≥ 10% — best-in-class"[t.start : t.end] == t.text


# --- The fast paths of the analysis give what the plain definitions give -------------------

_TRICKY = "XxNnYyZz$€£¥%<>[]?TBDtbdCAK 0123456789.,-'’:)(\t\n\u00a0\u2003≥≤=İıſK—•é"


def _reference_tokens(text: str) -> list[tuple[int, int, str, str]]:
    return [
        (m.start(), m.end(), m.group(), m.group().lower()) for m in en_goal._TOKEN.finditer(text)
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TRICKY + "abcdefgh", max_size=60))
def test_tokenize_matches_the_token_pattern(text: str) -> None:
    # twice: the second call reads the pieces the first one stored
    for _ in range(2):
        tokens = tokenize.__wrapped__(text)
        assert [tuple(t) for t in tokens] == _reference_tokens(text)
        assert all(type(t) is en_goal.Token for t in tokens)


def test_tokenize_handles_long_and_spacey_inputs() -> None:
    for text in ("", " ", "  Reduce  churn ", "a" * 300 + " b", "\n" * 500 + "x", "x" + " " * 500):
        assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TRICKY + "ab", max_size=50))
def test_placeholder_gate_keeps_every_placeholder(text: str) -> None:
    expected = [(m.start(), m.end(), m.group()) for m in en_goal.PLACEHOLDER.finditer(text)]
    assert [(p.start, p.end, p.text) for p in en_goal._placeholders(text)] == expected


_LABELISH = st.sampled_from(
    ["", "KR", "kr1.2:", "O", "Okr", "Key  result 3 -", "Goal", "goal-", "Theme)", "a) ", "(b) ",
     "- ", "• ", "12. ", "Stage", "Initiative:", "Increase", "Reduce", "İnitiative:", "Phaſe 2:"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_LABELISH, st.text(alphabet=_TRICKY + "aeiklmnoprstuw", max_size=20))
def test_label_gate_matches_the_label_pattern(head: str, rest: str) -> None:
    text = head + rest
    assert en_goal._body_start(text) == en_goal._LABEL.match(text).end()  # type: ignore[union-attr]


def test_verb_tables_read_as_the_lexicon_buckets() -> None:
    nexts = [None, *{e.particle for es in en_goal._VERBS.values() for e in es if e.particle}]
    for form, entries in en_goal._VERBS.items():
        plain = next((e.lemma for e in entries if e.particle is None), entries[0].lemma)
        assert verb_lemma(form) == plain
        for nxt in nexts:
            tokens = [en_goal.Token(0, 1, form, form)]
            if nxt is not None:
                tokens.append(en_goal.Token(2, 3, nxt, nxt))
            expected = None
            for e in entries:  # the bucket order: phrasal entries first
                if e.particle is None:
                    expected = (e, 1)
                    break
                if e.particle == nxt:
                    expected = (e, 2)
                    break
            assert en_goal._lookup(tokens, 0) == expected, (form, nxt)


def test_goal_analysis_fields_keep_the_order_analyse_builds_them_in() -> None:
    names = [f.name for f in dataclasses.fields(GoalAnalysis)]
    assert names[:8] == [
        "verb",
        "verb_lemma",
        "direction",
        "metric",
        "baseline",
        "target",
        "change",
        "placeholders",
    ]


def test_piece_tables_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(en_goal, "_PIECES_MAX", 4)
    monkeypatch.setattr(en_goal, "_AT_MAX", 6)
    texts = [f"Ship w{i} x{i}% by Q{i}, then y{i}-z{i}" for i in range(20)]
    texts += [" " * i + "Ship it" for i in range(20)]  # the same pieces at new offsets
    for text in texts + texts:
        assert [tuple(t) for t in tokenize.__wrapped__(text)] == _reference_tokens(text)
        assert len(en_goal._PIECES) <= 4
        assert sum(len(at) for at in en_goal._AT) <= 6
        assert not en_goal._NONE_AT  # the shared empty table stays empty


def _reference_ing_form(lemma: str) -> str:
    # the definition: the shortest -ing form the lexicon lists for the lemma, else spelt out
    first, _, rest = lemma.partition(" ")
    forms = {
        f
        for f, entries in en_goal._VERBS.items()
        if f.endswith("ing") and any(e.lemma == lemma for e in entries)
    }
    if forms:
        form = min(forms, key=len)
    elif first.endswith("ie"):
        form = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith("ee"):
        form = first[:-1] + "ing"
    else:
        form = first + "ing"
    return f"{form} {rest}" if rest else form


def test_ing_form_reads_the_lexicon_index_as_a_scan_would() -> None:
    lemmas = {e.lemma for entries in en_goal._VERBS.values() for e in entries}
    for lemma in [*sorted(lemmas), "tie", "free", "skate", "zork", "zork out"]:
        assert en_goal.ing_form.__wrapped__(lemma) == _reference_ing_form(lemma), lemma
