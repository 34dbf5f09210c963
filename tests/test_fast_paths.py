"""The shortcuts taken for speed give the same answers as the slow way they replace.

Each fast path (a pre-check before a regex, a cache, a direct call of the pipeline
components) is compared against the plain computation on many inputs.
"""

from __future__ import annotations

import gc
import re

from hypothesis import given
from hypothesis import strategies as st

from smartlint.lang.en import goal as en_goal
from smartlint.lang.zh import goal as zh_goal
from smartlint.lang.zh import quantities as zh_quantities
from smartlint.lang.zh.numerals import parse_chinese_number
from smartlint.pipeline import get_nlp, run_components, run_pipeline

# Characters the zh patterns care about, plus filler, so that matches are frequent.
_ZH_TAIL_ALPHABET = "的了再等之方面水平至少不低于超过达在要需应率收入 \t\nab"
_CURRENCY_ALPHABET = "US$HK¥￥€£RMBCNYD \n5xa"


@given(st.text(alphabet=_ZH_TAIL_ALPHABET, max_size=12), st.integers(0, 3))
def test_zh_metric_trim_matches_the_plain_search(text: str, start: int) -> None:
    start = min(start, len(text))
    end = len(text)
    got = zh_goal._trim_span(text, start, end)
    # the same computation without the last-character pre-check
    s, e = start, end
    lead = zh_goal._LEAD_TRIM.match(text[s:e])
    if lead:
        s += lead.end()
    tail = zh_goal._TAIL_TRIM.search(text[s:e])
    if tail:
        e = s + tail.start()
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    if e <= s or e - s > zh_goal._MAX_METRIC or not any(c.isalpha() for c in text[s:e]):
        assert got is None
    else:
        assert got is not None and (got.start, got.end) == (s, e)


@given(st.text(alphabet=_CURRENCY_ALPHABET, max_size=6))
def test_zh_currency_pre_check_never_skips_a_match(before: str) -> None:
    plain = re.search(r"(US\$|HK\$|\$|¥|￥|€|£|RMB ?|CNY ?|USD ?)$", before)
    if plain is not None:
        assert before[-1:] in zh_quantities._CURRENCY_LAST
        assert zh_quantities._CURRENCY_BEFORE.search(before).group(1) == plain.group(1)  # type: ignore[union-attr]


def test_cached_chinese_numbers_are_the_same_values() -> None:
    for raw in ("一百二十", "两百万", "1.5万", "二〇二七", "负三十二", "三点一四", "万", ""):
        first = parse_chinese_number(raw)
        assert parse_chinese_number(raw) == first
        assert parse_chinese_number.__wrapped__(raw) == first  # type: ignore[attr-defined]


@given(st.text(alphabet="Increase NPS by 5% <TBD> from X to 7 within Q3 the-a.,", max_size=40))
def test_en_tokens_keep_their_fields(text: str) -> None:
    tokens = en_goal.tokenize(text)
    assert [t.text for t in tokens] == [m.group() for m in en_goal._TOKEN.finditer(text)]
    for t in tokens:
        assert isinstance(t, en_goal.Token)
        assert text[t.start : t.end] == t.text and t.lower == t.text.lower()


def _plain(mention: object) -> tuple[object, ...]:
    return tuple(getattr(mention, f) for f in ("start", "end", "text", "kind", "bounding"))


def test_direct_components_give_what_the_pipeline_gives() -> None:
    for lang, text in (
        ("en", "Increase NPS from 30 to 45 by end of Q3 2027"),
        ("zh", "2027年第三季度末前将客户满意度从80%提升到90%"),
    ):
        doc, quantities, times, analysis = run_components(lang, text)
        assert doc._.sl_quantities == quantities and doc._.sl_times == times
        assert doc._.sl_goal == analysis
        slow = get_nlp(lang)(text)  # Language.__call__: every component in turn
        assert slow._.sl_quantities == quantities
        # resolvers are closures made per call: compare what they were made from
        assert [_plain(t) for t in slow._.sl_times] == [_plain(t) for t in times]
        assert slow._.sl_goal == analysis
        assert run_pipeline(lang, text).text == text


def test_cli_freezes_the_startup_heap_once(monkeypatch: object) -> None:
    from smartlint import cli

    calls: list[int] = []
    monkeypatch.setattr(cli, "_frozen", False)  # type: ignore[attr-defined]
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))  # type: ignore[attr-defined]
    cli._freeze_startup_heap()
    cli._freeze_startup_heap()
    assert calls == [1]


def test_the_doc_is_made_on_demand_and_matches_the_pipeline() -> None:
    import smartlint
    from smartlint.pipeline import PendingDoc

    for lang, text in (
        ("en", "Cut churn from 5% to 3% by Q4 2027"),
        ("zh", "本季度末前将客户流失率从5%降至3%"),
    ):
        goal = smartlint.parse(text, lang=lang)
        assert isinstance(goal.source_doc, PendingDoc)  # nothing tokenised yet
        doc = goal.doc
        assert goal.doc is doc  # made once, then kept
        slow = get_nlp(lang)(text)
        assert [t.text for t in doc] == [t.text for t in slow]
        assert doc._.sl_quantities == slow._.sl_quantities
        assert [_plain(t) for t in doc._.sl_times] == [_plain(t) for t in slow._.sl_times]
        assert doc._.sl_goal == slow._.sl_goal


def test_a_changed_pipeline_runs_in_full() -> None:
    from spacy.tokens import Doc

    from smartlint.pipeline import analyse_text

    nlp = get_nlp("en")
    with nlp.select_pipes(disable=["smartlint_goal"]):
        doc, quantities, times, analysis = analyse_text("en", "Grow ARR 20% by Q3 2027")
        assert isinstance(doc, Doc) and doc._.sl_goal is None  # the disabled pipe did not run
        assert quantities and times and analysis.verb is None
    doc, *_ = analyse_text("en", "Grow ARR 20% by Q3 2027")
    assert not isinstance(doc, Doc)  # back to the direct path


def test_today_follows_the_clock(monkeypatch: object) -> None:
    import datetime as dt

    from smartlint import api

    clock = [1_800_000_000.0]
    days = iter([dt.date(2027, 3, 1), dt.date(2027, 3, 2)])

    class FakeDate(dt.date):
        @classmethod
        def today(cls) -> dt.date:  # type: ignore[override]
            return next(days)

    monkeypatch.setattr(api, "date", FakeDate)  # type: ignore[attr-defined]
    monkeypatch.setattr(api.time, "time", lambda: clock[0])  # type: ignore[attr-defined]
    monkeypatch.setattr(api, "_last_today", (-1, dt.date.min))  # type: ignore[attr-defined]
    assert api._today() == dt.date(2027, 3, 1)
    assert api._today() == dt.date(2027, 3, 1)  # same second: the clock is not asked again
    clock[0] += 1
    assert api._today() == dt.date(2027, 3, 2)  # a second later it is
