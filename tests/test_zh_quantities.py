"""Chinese quantity extraction on spaCy blank-zh docs."""

from __future__ import annotations

import itertools
import re
import time

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartlint.lang.zh import quantities as zq
from smartlint.lang.zh.quantities import extract
from smartlint.model import Quantity, QuantityKind

NLP = spacy.blank("zh")
N, P, C, U, X = (
    QuantityKind.NUMBER,
    QuantityKind.PERCENT,
    QuantityKind.CURRENCY,
    QuantityKind.UNIT,
    QuantityKind.MULTIPLIER,
)


def quantities(text: str) -> list[tuple[str, float | None, QuantityKind, str | None]]:
    return [(q.text, q.value, q.kind, q.unit) for q in extract(NLP(text))]


@pytest.mark.parametrize(
    ("text", "span", "value", "kind", "unit"),
    [
        ("用户数达到一百二十", "一百二十", 120, N, None),
        ("覆盖两百万用户", "两百万", 2_000_000, N, None),
        ("GMV突破1.5万", "1.5万", 15_000, N, None),
        ("营收达到3亿", "3亿", 300_000_000, N, None),
        ("毛利率提高百分之十", "百分之十", 10, P, "percent"),
        ("市场份额提高十个百分点", "十个百分点", 10, P, "percentage_point"),
        ("续约率提升三成", "三成", 30, P, "percent"),
        ("收入翻一番", "翻一番", 2, X, None),
        ("用户数翻两番", "翻两番", 4, X, None),
        ("销售额增长一倍", "一倍", 2, X, None),
        ("故障时长减半", "减半", 0.5, X, None),
        ("将投诉量减少一半", "一半", 0.5, X, None),
        ("回款500万元", "500万元", 5_000_000, C, "CNY"),
        ("利润达到3亿元", "3亿元", 300_000_000, C, "CNY"),
        ("客单价提高到¥300", "¥300", 300, C, "CNY"),
        ("ARR达到1000万美元", "1000万美元", 10_000_000, C, "USD"),
        ("融资8亿元人民币", "8亿元人民币", 800_000_000, C, "CNY"),
        ("P99延迟低于200毫秒", "200毫秒", 200, U, "millisecond"),
        ("平均处理时长缩短到2小时", "2小时", 2, U, "hour"),
        ("交付周期缩短到3天", "3天", 3, U, "day"),
        ("App评分达到4.8分", "4.8分", 4.8, N, None),
        ("万分之三的错误率", "万分之三", 0.03, P, "percent"),
        ("三分之一的客户", "三分之一", 33.3333, P, "percent"),
        ("订阅收入达到40k", "40k", 40_000, N, None),
        ("资产负债率降至六成以下", "六成", 60, P, "percent"),
        ("新增十余万用户", "十余万", 100_000, N, None),
    ],
)
def test_values(text: str, span: str, value: float, kind: QuantityKind, unit: str | None) -> None:
    found = quantities(text)
    assert len(found) == 1, found
    got_span, got_value, got_kind, got_unit = found[0]
    assert (got_span, got_kind, got_unit) == (span, kind, unit)
    assert got_value == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("签约10家客户", 10, "客户"),
        ("再招聘5名销售人员", 5, "销售人员"),
        ("获得200个用户的反馈", 200, "用户"),
        ("发布15篇博客文章", 15, "博客文章"),
        ("实现零事故", 0, "事故"),
        ("日活达到1,200 DAU", 1200, "DAU"),
    ],
)
def test_counts_name_the_noun(text: str, value: float, noun: str) -> None:
    (q,) = extract(NLP(text))
    assert (q.value, q.kind, q.noun) == (value, N, noun)
    assert q.text.endswith(noun)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("每周至少5名新客户", ">="),
        ("满意度不低于90%", ">="),
        ("评分4.8分以上", ">="),
        ("流失率不超过3%", "<="),
        ("误差控制在10%以内", "<="),
        ("故障率低于1%", "<="),
        ("可用性超过99.9%", ">"),
        ("首次响应在5分钟内", "<="),
        ("退款率为2%", None),
    ],
)
def test_comparators(text: str, comparator: str | None) -> None:
    (q,) = extract(NLP(text))
    assert q.comparator == comparator


@pytest.mark.parametrize(
    "text",
    [
        "2027年完成",
        "3月31日前上线",
        "第三季度推出新版",
        "Q3完成评审",
        "2027Q3发布",
        "十四五期间",
        "进入第二阶段",
        "升级到v1.2",
        "发布2.0版本",
        "四个月内完成",
        "未来三个月",
        "建立一个入职培训计划",
        "进一步提高效率",
        "统一标准",
        "这是唯一的办法",
        "千万不要放弃",
        "5G网络覆盖",
        "2027 OKR",
        "完成RFC #3716的实现",
        "迁移到MySQL 5.7",
        "为期两天的培训",
        "为辖区65岁以上老人体检",
        "登陆部队已经上岸",
        "一季度",
        "订单号 A202107211321363588510367",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("使新的销售人员在四个月内完成他们的月度配额", []),
        ("增加销售额10%", [("10%", 10.0, P, "percent")]),
        ("将客户流失率降低2%", [("2%", 2.0, P, "percent")]),
        ("保留现有客户的92%", [("92%", 92.0, P, "percent")]),
        ("减少客户支持请求8%", [("8%", 8.0, P, "percent")]),
        ("计划在下一季度再招聘5名销售人员", [("5名销售人员", 5.0, N, None)]),
    ],
)
def test_seed_sentences(text: str, expected: list[tuple[str, float, QuantityKind, str]]) -> None:
    assert quantities(text) == expected


def test_mixed_text() -> None:
    found = quantities("Q3将NPS从30提高到50，ARR达到2000万美元")
    assert [q[0] for q in found] == ["30", "50", "2000万美元"]


def test_durations_in_a_metric_are_quantities_but_windows_are_not() -> None:
    assert quantities("将等待时间缩短到15个月以内") == [("15个月", 15.0, U, "month")]
    assert quantities("在15个月内完成改造") == []


def test_ranks_and_ratios() -> None:
    (rank,) = extract(NLP("进入行业满意度排名前十"))
    assert (rank.text, rank.value, rank.comparator) == ("前十", 10.0, "<=")
    (ratio,) = extract(NLP("投入产出比不低于3:1"))
    assert (ratio.value, ratio.comparator) == (3.0, ">=")


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    found = extract(NLP.make_doc(text))
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
    assert [q.start for q in found] == sorted(q.start for q in found)


_ALPHABET = st.sampled_from(
    list("0123456789一二两三十百千万亿点%元个名天月年内前第QX.,，分之成倍翻番减半零 客户")
)


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_numeral_soup(text: str) -> None:
    for q in extract(NLP.make_doc(text)):
        assert text[q.start : q.end] == q.text
        assert q.value is None or q.value == q.value  # not NaN


@pytest.mark.parametrize("text", ["年" * 20000, "2027年" * 5000, "一" * 20000, "1" * 20000])
def test_long_inputs_stay_fast(text: str) -> None:
    t0 = time.perf_counter()
    extract(NLP.make_doc(text))
    assert time.perf_counter() - t0 < 1.0


# The shortcuts taken for speed give the answers of the plain patterns they stand in for.
def _pieces(pattern: str) -> list[str]:
    """Literal stretches and single characters of a pattern, to build texts that match it."""
    chunks = [c for c in re.split(r"[()\[\]?*+{}|\\^$.<>=!:,\-]+", pattern) if c]
    return sorted(set(chunks) | set("".join(chunks)) | set("0123456789 \t\n.-%年月日号x"))


def _texts(*patterns: str) -> st.SearchStrategy[str]:
    pieces = sorted(set().union(*map(_pieces, patterns)))
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts(zq._RUN_PLAIN, "一二三十百千万亿两负点"))
def test_gated_numeral_runs_are_the_plain_runs(text: str) -> None:
    plain = re.compile(zq._RUN_PLAIN)
    assert [m.span() for m in zq._RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0１负-－.．点點a:：/ \t\n万余多e+一,，", max_size=10))
def test_class_first_numeral_runs_are_the_plain_runs_at_every_start(text: str) -> None:
    # Signs, points and the characters the plain form's look-behind rejects, densely.
    plain = re.compile(zq._RUN_PLAIN)
    assert [m.span() for m in zq._RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="提此以之目当前第一二三十百名位强季年12 x", max_size=12))
def test_rank_pattern_reads_like_the_look_behind_first_form(text: str) -> None:
    plain = re.compile(
        zq._RANK.pattern.replace(
            "(?P<p>前|第)(?<![提此以之目当][前第])", "(?<![提此以之目当])(?P<p>前|第)"
        )
    )
    assert plain.pattern != zq._RANK.pattern
    got = [(m.span(), m.groupdict()) for m in zq._RANK.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


_AFTER = (
    (zq._POST_CMP, zq._POST_CMP_FIRST),
    (zq._POST_ID, zq._POST_ID_FIRST),
    (zq._DAY_AFTER, zq._DATE_NEXT),
    (zq._MONTH_AFTER, zq._DATE_NEXT),
    (zq._YEAR_AFTER, zq._DATE_NEXT),
)
_BEFORE = ((zq._PRE_CMP, zq._PRE_CMP_LAST), (zq._PRE_ID, zq._PRE_ID_LAST))
# Scans skipped unless the text holds one of these: every match holds one.
_HOLDS = (
    (zq._MULT_WORDS, ("番", "倍", "半")),
    (zq._PERCENT_WORDS, ("折", "半成")),
    (zq._PER, ("分之",)),
    (zq._RANK, ("前", "第")),
    (zq._MAJORITY, ("数", "部分")),
)


@settings(max_examples=300, deadline=None)
@given(
    _texts(*(p.pattern for p, _ in _AFTER)),
    _texts(*(p.pattern for p, _ in _BEFORE)),
    _texts(*(p.pattern for p, _ in _HOLDS)),
)
def test_pre_checks_never_skip_a_match(after: str, before: str, scanned: str) -> None:
    for pattern, first in _AFTER:
        if pattern.match(after):
            assert after[:1] in first
    for pattern, last in _BEFORE:
        if pattern.search(before):
            assert before[-1:] in last
    for pattern, needed in _HOLDS:
        for m in pattern.finditer(scanned):
            assert any(w in m.group(0) for w in needed)


def test_the_text_alone_gives_what_the_doc_gives() -> None:
    text = "至少新增5家客户，营收提升到500万元以上，第3季度NPS达到50，翻一番"
    assert zq.extract(text) == extract(NLP(text))


def _runs_with_a_mask(text: str) -> list[Quantity]:
    """Step 2 of `extract` the plain way: every quantity marked in a mask, each run
    checked against it (for texts where step 1 finds nothing)."""
    out: list[Quantity] = []
    mask = bytearray(len(text))
    for m in zq._RUN.finditer(text):
        s, e = m.span()
        if mask.find(1, s, e) != -1:
            continue
        raw = m.group(0)
        arabic = zq._ARABIC_DIGIT.search(raw) is not None
        stops = [x.span() for x in zq._STOP.finditer(text)]
        if not arabic and any(a <= s and e <= b for a, b in stops):
            continue
        q = zq._read_number(text, s, e, raw, arabic)
        if q is None and len(raw) > 1 and raw[-1] in "两兩" and arabic:
            q = zq._read_number(text, s, e - 1, raw[:-1], arabic)
        if q is not None and mask.find(1, q.start, q.end) != -1:
            # a currency word before the run that the reading before took ("5RMB 100"):
            # read without it (no step-1 form here, so nothing taken after the run)
            q = zq._read_number(text, s, e, raw, arabic, mask.rfind(1, 0, s) + 1)
        if q is not None:
            out.append(q)
            mask[q.start : q.end] = b"\x01" * (q.end - q.start)
    return sorted(out, key=lambda q: q.start)


# no character any step-1 scan needs (倍, 分之, 前, 第, 半, 数, :, /): step 2 alone
@settings(max_examples=250, deadline=None)
@given(st.text(alphabet="0123456789一十百万两.,% $¥RMBUSD元个家人年月日号代级度 \t", max_size=16))
@example("5RMB 100")
def test_runs_skipped_by_the_farthest_end_are_those_a_mask_skips(text: str) -> None:
    got = extract(text)
    assert got == _runs_with_a_mask(text)
    # and they come in text order without the final sort
    assert all(a.start < b.start for a, b in itertools.pairwise(got))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="日号月年元度代级 \t1", min_size=1, max_size=4))
def test_date_words_after_a_number_read_like_their_patterns(after: str) -> None:
    text = "12" + after
    if text[2] not in zq._DATE_NEXT:
        return
    assert zq._date_after(text, 2, text[2]) == (
        zq._DAY_AFTER.match(text, 2) is not None,
        zq._MONTH_AFTER.match(text, 2) is not None,
        zq._YEAR_AFTER.match(text, 2) is not None,
    )


_STEP_ONE_PIECES = sorted(
    set("翻一二两三四五12345加成减砍少降低过大多绝百千万之打对折半分数部前第名位强排:：/w.")
    | {"百分之", "分之", "www.", "http://", "翻番", "一半", "大多数", "部分", "前十", "1/2", "3:1"}
    # each word the step-1 gate looks for, whole
    | {"翻倍", "加倍", "成倍", "减半", "砍半", "过半", "半成", "半数", "多数", "打对折", "半折"}
)


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(_STEP_ONE_PIECES), max_size=8).map("".join))
def test_step_one_is_skipped_only_where_it_finds_nothing(text: str) -> None:
    out: list[object] = []
    mask = zq._words_and_forms(text, out)  # type: ignore[arg-type]
    if zq._STEP_ONE.search(text) is None:
        assert out == [] and mask is None


_SUFFIX_PIECES = sorted(
    {w for _, words, _ in zq._SUFFIX_GROUPS for w, _ in words}
    | {w[:1] for _, words, _ in zq._SUFFIX_GROUPS for w, _ in words}
    | set(" \tabkmsB本扣级服饭的")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES), min_size=1, max_size=4).map("".join))
def test_suffix_pattern_for_the_next_character_matches_as_the_whole_one(text: str) -> None:
    whole = zq._SUFFIX.match(text)
    at = zq._SUFFIX_AT.get(text[0])
    if at is None:
        # no word starts with it: only a blank first lets the whole pattern match
        assert whole is None or text[0] in " \t"
        return
    got = at.match(text)
    assert (got and (got.span(), got.lastgroup)) == (whole and (whole.span(), whole.lastgroup))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_STEP_ONE_PIECES), max_size=8).map("".join))
def test_a_scan_after_a_search_finds_what_finditer_finds(text: str) -> None:
    for pattern in (zq._MULT_WORDS, zq._PER, zq._RANK, zq._MAJORITY):
        got = [(m.span(), m.groups()) for m in zq._found(pattern, text)]
        assert got == [(m.span(), m.groups()) for m in pattern.finditer(text)]


# Digits, currency words and signs, scale and percent signs, blanks, and Chinese words that
# are suffixes, nouns or step-1 forms of their own: where one reading could run into another.
_MONEY_PIECES = st.sampled_from(
    [*"0123456789", "RMB", "CNY", "USD", "元", "人民币", "美元", "¥", "￥", "$", "US$", "万",
     "亿", "千", "%", "％", " ", "  ", "\t", "个", "家", "名", "成", "倍", "翻倍", "一半",
     "百分之十", "大多数", "前十", "客户", "收入", "提高", "达到", "以上", "年", "月", "的"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MONEY_PIECES, max_size=12).map("".join))
def test_quantities_never_overlap(text: str) -> None:
    # "5RMB 100" read "5RMB" and "RMB 100", "5个百分之十" "5个百分之" and "百分之十": the
    # earlier reading keeps the characters, the other is read without them
    found = extract(text)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, (a, b)


_C, _N = QuantityKind.CURRENCY, QuantityKind.NUMBER


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("5RMB 100", [("5RMB", _C), ("100", _N)]),  # RMB is the 5's: 100 goes without it
        ("5 RMB 100", [("5 RMB", _C), ("100", _N)]),
        ("100 RMB 5", [("100 RMB", _C), ("5", _N)]),
        ("RMB 5，RMB 100", [("RMB 5", _C), ("RMB 100", _C)]),  # each its own sign
        ("5个百分之十", [("5个", _N), ("百分之十", QuantityKind.PERCENT)]),
        ("3家大多数", [("3家", _N), ("大多数", QuantityKind.PERCENT)]),
    ],
)
def test_a_reading_does_not_take_what_another_took(
    text: str, read: list[tuple[str, QuantityKind]]
) -> None:
    assert [(q.text, q.kind) for q in extract(text)] == read


@pytest.mark.parametrize(
    "text",
    ["销售部门年底前把毛利提高5个百分点", "二月份第季度", "第一季度前", "倍数半年数量", "过半数"],
)
def test_step_one_gate_skips_characters_that_are_no_step_one_word(text: str) -> None:
    """部门, 百分点, 年底前, 倍数, 半年, 数量: the characters of step-1 words, not the words;
    the gate turns them away and step 1 would have found nothing there."""
    if "第一" in text or "过半" in text:
        assert zq._STEP_ONE.search(text) is not None  # a possible rank, a majority
        return
    assert zq._STEP_ONE.search(text) is None
    out: list[object] = []
    assert zq._words_and_forms(text, out) is None and out == []  # type: ignore[arg-type]


def _noun_after_by_loop(text: str, pos: int) -> tuple[str | None, int]:
    """`_noun_after` as a character loop (what the one match replaced)."""
    m = zq._ASCII_NOUN.match(text, pos)
    if m:
        return m.group(1), m.end()
    end = pos
    while end < min(len(text), pos + 8):
        c = text[end]
        if c in zq._STOP_NOUN_CHARS or c.isdigit() or (c in zq.NUMERAL_CHARS and end > pos):
            break
        if not ("\u4e00" <= c <= "\u9fff"):
            break
        end += 1
    return (None, pos) if end == pos else (text[pos:end], end)


_NOUN_ALPHABET = (
    "".join(zq._STOP_NOUN_CHARS) + zq.NUMERAL_CHARS + "客户用订单个家人一丁龟鿿\u4dff\ua000ab1２ "
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NOUN_ALPHABET, max_size=14), st.integers(0, 14))
@example("客户客户客户客户客户", 0)
@example("一万客户", 0)
@example("\u9fff\u4e00鿿", 0)
def test_noun_match_takes_what_the_character_loop_took(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert zq._noun_after(text, pos) == _noun_after_by_loop(text, pos)
