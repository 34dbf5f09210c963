"""Verb, direction, metric, baseline/target/change and placeholders of Chinese goals."""

from __future__ import annotations

import re
import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.lang.base import GoalAnalysis
from smartlint.lang.zh import goal, quantities, timeframes
from smartlint.model import Direction

NLP = spacy.blank("zh")
INC, DEC, REACH, KEEP = Direction.INCREASE, Direction.DECREASE, Direction.REACH, Direction.KEEP


def analyse(text: str) -> GoalAnalysis:
    doc = NLP(text)
    return goal.analyse(doc, quantities.extract(doc), timeframes.extract(doc))


def _t(span: object) -> str | None:
    return None if span is None else span.text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "verb", "direction", "metric", "baseline", "target", "change"),
    [
        ("将客户流失率降低2%", "降低", DEC, "客户流失率", None, None, "2%"),
        ("客户满意度从80%提高到90%", "提高", INC, "客户满意度", "80%", "90%", None),
        ("将客户满意度从80%提高到90%", "提高", INC, "客户满意度", "80%", "90%", None),
        ("增加销售额10%", "增加", INC, "销售额", None, None, "10%"),
        ("减少客户支持请求8%", "减少", DEC, "客户支持请求", None, None, "8%"),
        ("保留现有客户的92%", "保留", KEEP, "现有客户", None, "92%", None),
        ("将首次响应时间降至2小时以内", "降至", DEC, "首次响应时间", None, "2小时", None),
        ("2027年底前NPS达到50", "达到", REACH, "NPS", None, "50", None),
        ("月活跃用户达到100万", "达到", REACH, "月活跃用户", None, "100万", None),
        ("将投诉率控制在1%以下", "控制在", DEC, "投诉率", None, "1%", None),
        ("收入增长一倍", "增长", INC, "收入", None, None, "一倍"),
        ("成本减半", "减半", DEC, "成本", None, None, "减半"),
        ("保持客户留存率在95%以上", "保持", KEEP, "客户留存率", None, "95%", None),
        ("在2027年3月31日前将ARR提升至1000万美元", "提升", INC, "ARR", None, "1000万美元", None),
        ("将P99延迟缩短到200毫秒", "缩短", DEC, "P99延迟", None, "200毫秒", None),
        ("本季度新增10家企业客户", "新增", INC, "企业客户", None, None, "10家企业客户"),
        ("提升客户满意度", "提升", INC, "客户满意度", None, None, None),
        ("使新的销售人员在四个月内完成他们的月度配额", "完成", REACH, "月度配额", None, None, None),
    ],
)
def test_roles(
    text: str,
    verb: str,
    direction: Direction,
    metric: str,
    baseline: str | None,
    target: str | None,
    change: str | None,
) -> None:
    a = analyse(text)
    assert (_t(a.verb), a.verb_lemma, a.direction) == (verb, verb, direction)
    assert _t(a.metric) == metric
    assert (_t(a.baseline), _t(a.target), _t(a.change)) == (baseline, target, change)


def test_output_verb_has_no_direction() -> None:
    a = analyse("计划在下一季度再招聘5名销售人员")
    assert (a.verb_lemma, a.direction) == ("招聘", None)
    assert _t(a.metric) == "销售人员"


def test_a_verb_with_a_number_wins_over_an_earlier_one() -> None:
    a = analyse("优化入职流程，将新人爬坡期缩短30%")
    assert (a.verb_lemma, _t(a.metric), _t(a.change)) == ("缩短", "新人爬坡期", "30%")


def test_growth_rate_is_a_noun_not_a_verb() -> None:
    a = analyse("实现10%的增长率")
    assert a.verb_lemma == "实现"


@pytest.mark.parametrize(
    ("text", "placeholders"),
    [
        ("把转化率提高X%", ["X%"]),
        ("年度营收达到[目标]", ["[目标]"]),
        ("将NPS提高到<目标>", ["<目标>"]),
        ("签约客户数：待定", ["待定"]),
        ("ARR达到TBD", ["TBD"]),
        ("将NPS提高到50", []),
    ],
)
def test_placeholders(text: str, placeholders: list[str]) -> None:
    assert [p.text for p in analyse(text).placeholders] == placeholders


def test_metric_before_a_placeholder_target() -> None:
    assert _t(analyse("年度营收达到[目标]").metric) == "年度营收"


def test_no_verb() -> None:
    a = analyse("客户满意度")
    assert a.verb is None and a.direction is None


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    a = analyse(text)
    for span in (a.verb, a.metric, a.baseline, a.target, a.change, *a.placeholders):
        if span is not None:
            assert text[span.start : span.end] == span.text


_ALPHABET = st.sampled_from(
    list("将把从到至提高降低增加减少达到保持在内前%0123456789一十百万客户率，。X<>[]")
)


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=200, deadline=None)
def test_never_raises_on_goal_soup(text: str) -> None:
    a = analyse(text)
    if a.metric is not None:
        assert text[a.metric.start : a.metric.end] == a.metric.text


@pytest.mark.parametrize("text", ["提高" * 10000, "将A提高到5%，" * 3000])
def test_long_inputs_stay_fast(text: str) -> None:
    doc = NLP.make_doc(text)
    q, t = quantities.extract(doc), timeframes.extract(doc)
    t0 = time.perf_counter()
    goal.analyse(doc, q, t)
    assert time.perf_counter() - t0 < 1.0


def test_purpose_clause_is_not_the_goal() -> None:
    # The seed's R step: 10% sits in a 为了 clause; the main action is hiring.
    a = analyse("为了使销售机构实现10%的目标增长率,他们计划在下一季度再招聘5名销售人员。")
    assert (a.verb_lemma, a.direction, _t(a.target)) == ("招聘", None, "5名销售人员")


def test_metric_after_a_quantity_and_de() -> None:
    a = analyse("保持95%的客户留存率")
    assert (_t(a.metric), _t(a.target)) == ("客户留存率", "95%")


def test_sell_to_customers_counts_them() -> None:
    a = analyse("卖给10个新客户")
    assert (a.direction, _t(a.metric), _t(a.target)) == (REACH, "新客户", "10个新客户")


# The shortcuts taken for speed give the answers of the plain patterns they stand in for.
def _pieces(pattern: str) -> list[str]:
    """Literal stretches and single characters of a pattern, to build texts that match it."""
    chunks = [c for c in re.split(r"[()\[\]?*+{}|\\^$.<>=!:,\-]+", pattern) if c]
    return sorted(set(chunks) | set("".join(chunks)) | set("0123456789 \t\n%？x"))


def _texts(pattern: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_pieces(pattern)), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts(goal._PLACEHOLDER_PLAIN), _texts(r"，|。|；|;|！|？|!|\?|\n|,(?!\d{3})1234"))
def test_gated_patterns_find_what_the_plain_ones_find(text: str, marks: str) -> None:
    plain = re.compile(goal._PLACEHOLDER_PLAIN)
    assert [m.span() for m in goal._PLACEHOLDER.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    as_class = re.compile(r"[，。；;！？!?\n]|,(?!\d{3})")
    assert [m.span() for m in goal._CLAUSE_END.finditer(marks)] == [
        m.span() for m in as_class.finditer(marks)
    ]


@given(
    st.lists(
        st.text(alphabet="增加长提高升降低至", min_size=1, max_size=3), min_size=1, max_size=8
    ),
    st.text(alphabet="增加长提高升降低至率的", max_size=16),
)
def test_grouped_alternation_matches_the_longest_word_like_the_flat_one(
    words: list[str], text: str
) -> None:
    flat = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    grouped = re.compile(goal._alternation(set(words)))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    _texts(goal._TARGET_MARK.pattern + goal._BASE_MARK.pattern),
    _texts(goal._LEAD_TRIM.pattern + goal._PURPOSE.pattern),
)
def test_pre_checks_never_skip_a_match(before: str, after: str) -> None:
    if goal._TARGET_MARK.search(before):
        assert before[-1:] in goal._TARGET_LAST
    if goal._BASE_MARK.search(before):
        assert before[-1:] in goal._BASE_LAST
    if goal._LEAD_TRIM.match(after):
        assert after[:1] in goal._LEAD_FIRST
    if goal._PURPOSE.match(after):
        assert after[:1] in goal._PURPOSE_FIRST


def test_the_text_alone_gives_what_the_doc_gives() -> None:
    text = "为了提升留存，在2027年底前将客户流失率从5%降低到3%（XX%待定）"
    qs = tuple(quantities.extract(text))
    ts = tuple(timeframes.extract(text))
    assert qs == tuple(quantities.extract(NLP(text)))
    assert goal.analyse(text, qs, ts) == analyse(text)


_VERB_PIECES = ["提高", "提升", "降低", "完成", "增长", "率", "为了", "以便", " ", "到", "客户"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_VERB_PIECES, "保持"]), max_size=6),
    st.lists(st.integers(min_value=0, max_value=20), max_size=3),
)
def test_one_clause_verb_pick_scores_as_the_general_one(pieces: list[str], at: list[int]) -> None:
    """A text with no clause mark takes the short path of `_pick_verb`; a mark after its end
    makes the scoring path read the same single clause: both pick the same verb."""
    text = "".join(pieces)
    q_starts = sorted(a for a in at if a < len(text))
    fast = goal._pick_verb(text, q_starts, goal._clause_ends(text))
    scored = goal._pick_verb(text, q_starts, goal._clause_ends(text + "，"))
    if fast is None or scored is None:
        assert fast is scored
    else:
        assert (fast[0].span(), *fast[1:]) == (scored[0].span(), *scored[1:])


@pytest.mark.parametrize("text", ["体验", "1x", "X-", "  增长", "客户体验优化"])
def test_trimmed_metric_needs_a_letter(text: str) -> None:
    """`_trim_span` keeps a stretch with a letter in it ("1x") and drops one without
    ("X-" has one; "--" none): the all-letters shortcut decides nothing else."""
    span = goal._trim_span(text, 0, len(text))
    assert (span is not None) == any(c.isalpha() for c in text.strip(" \t"))
    assert goal._trim_span("--", 0, 2) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="，。；;！？!?\n,1234增长a", max_size=12), st.integers(0, 12))
def test_clause_lookup_is_the_stretch_between_marks(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    ends = [m.start() for m in goal._CLAUSE_END.finditer(text)]
    start = max([e + 1 for e in ends if e + 1 <= pos], default=0)
    end = min([e for e in ends if e >= pos], default=len(text))
    assert goal._clause_of(goal._clause_ends(text), len(text), pos) == (start, end)


def test_no_verb_is_empty() -> None:
    # `_pick_verb` goes on from each match's end (as `finditer` does for non-empty ones)
    _pattern, table = goal._verbs()
    assert table and all(table)


_TRIM_PIECES = [*goal._LEAD_WORDS.split("|"), "方面", "水平", "至少", "不低于", "达", "要", "应",
                " ", "\t", "\n", "客户", "满意度", "NPS", "1", "-", "x"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_TRIM_PIECES), max_size=8).map("".join),
    st.text(alphabet="的将客a \n", max_size=3),
    st.text(alphabet="的了客a \n", max_size=3),
)
def test_remembered_trim_is_the_trim_worked_out(stretch: str, before: str, after: str) -> None:
    """`_trim_span` reuses each stretch's offsets: the same span as trimming afresh, at
    any position in any text, the first time and from the cache."""
    text = before + stretch + after
    start, end = len(before), len(before) + len(stretch)
    expected = goal._trimmed(text, start, end) if start < end else None
    for _ in range(2):
        assert goal._trim_span(text, start, end) == expected
    assert goal._trim_span(stretch, 0, len(stretch)) == goal._trimmed(stretch, 0, len(stretch))


def test_a_long_stretch_is_trimmed_without_the_cache() -> None:
    stretch = "的" + "客" * 100 + "了"
    goal._TRIMMED.clear()
    assert goal._trim_span(stretch, 0, len(stretch)) == goal._trimmed(stretch, 0, len(stretch))
    assert goal._trim_span(stretch, 0, len(stretch)) is None  # too long for a metric
    assert not goal._TRIMMED  # such a key is not kept


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="，。；;！？!?\n,1234增长a", max_size=12))
def test_clause_marks_from_the_first_found_are_all_the_marks(text: str) -> None:
    """`analyse` searches for the first mark itself and hands its position on."""
    every = [m.start() for m in goal._CLAUSE_END.finditer(text)]
    assert goal._clause_ends(text) == every
    first = goal._CLAUSE_END.search(text)
    if first is not None:
        assert goal._clause_ends(text, first.start()) == every
