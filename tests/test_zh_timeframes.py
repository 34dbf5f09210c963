"""Chinese time frames: what they are, whether they bound the goal, and their dates."""

from __future__ import annotations

import functools
import re
import time
from datetime import date

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartlint.lang.zh import timeframes
from smartlint.lang.zh.timeframes import extract
from smartlint.model import TimeKind

NLP = spacy.blank("zh")
REF = date(2027, 1, 15)  # tests/conftest.py REFERENCE_DATE
D, P, W, F, V, R = (
    TimeKind.DEADLINE,
    TimeKind.PERIOD,
    TimeKind.WINDOW,
    TimeKind.FREQUENCY,
    TimeKind.VAGUE,
    TimeKind.REFERENCE,
)


def frames(text: str, fys: int = 1) -> list[tuple[str, TimeKind, bool, date | None, date | None]]:
    out = []
    for m in extract(NLP(text)):
        tf = m.resolve(REF, fys)
        out.append((tf.text, tf.kind, tf.bounding, tf.start_date, tf.end_date))
    return out


@pytest.mark.parametrize(
    ("text", "span", "kind", "start", "end"),
    [
        ("到2027年实现盈利", "到2027年", D, None, date(2027, 12, 31)),
        ("2027年3月底前上线", "2027年3月底前", D, None, date(2027, 3, 31)),
        ("3月31日前完成迁移", "3月31日前", D, None, date(2027, 3, 31)),
        ("10月1号之前发布", "10月1号之前", D, None, date(2027, 10, 1)),
        ("年底前签约10家客户", "年底前", D, None, date(2027, 12, 31)),
        ("截至2027年6月30日", "截至2027年6月30日", D, None, date(2027, 6, 30)),
        ("二〇二七年底前完成", "二〇二七年底前", D, None, date(2027, 12, 31)),
        ("本月底前提交", "本月底前", D, None, date(2027, 1, 31)),
        ("本季度收入增长10%", "本季度", P, date(2027, 1, 1), date(2027, 3, 31)),
        ("下个季度招聘5人", "下个季度", P, date(2027, 4, 1), date(2027, 6, 30)),
        ("计划在下一季度再招聘5名销售人员", "下一季度", P, date(2027, 4, 1), date(2027, 6, 30)),
        ("第三季度上线", "第三季度", P, date(2027, 7, 1), date(2027, 9, 30)),
        ("上半年完成", "上半年", P, date(2027, 1, 1), date(2027, 6, 30)),
        ("下半年完成", "下半年", P, date(2027, 7, 1), date(2027, 12, 31)),
        ("明年实现盈利", "明年", P, date(2028, 1, 1), date(2028, 12, 31)),
        ("今年内完成", "今年内", P, date(2027, 1, 1), date(2027, 12, 31)),
        ("Q3完成", "Q3", P, date(2027, 7, 1), date(2027, 9, 30)),
        ("2027年Q3上线", "2027年Q3", P, date(2027, 7, 1), date(2027, 9, 30)),
        ("Q3 2027上线", "Q3 2027", P, date(2027, 7, 1), date(2027, 9, 30)),
        ("十四五期间建成", "十四五期间", P, date(2021, 1, 1), date(2025, 12, 31)),
        ("2027财年收入翻番", "2027财年", P, date(2027, 1, 1), date(2027, 12, 31)),
        ("从2027年1月到6月", "从2027年1月到6月", P, date(2027, 1, 1), date(2027, 6, 30)),
        ("四个月内完成", "四个月内", W, REF, date(2027, 5, 15)),
        ("未来三个月", "未来三个月", W, REF, date(2027, 4, 15)),
        ("在90天内上线", "90天内", W, REF, date(2027, 4, 15)),
        ("两周之内修复", "两周之内", W, REF, date(2027, 1, 29)),
    ],
)
def test_bounding(text: str, span: str, kind: TimeKind, start: date | None, end: date) -> None:
    found = [f for f in frames(text) if f[2]]
    assert found == [(span, kind, True, start, end)]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("每月新增100个用户", "每月", F),
        ("每周发布一次", "每周", F),
        ("每年降低5%", "每年", F),
        ("收入同比增长20%", "同比", F),
        ("环比提升5%", "环比", F),
        ("月活跃用户达到100万", "月活跃", F),
        ("每3个月复盘", "每3个月", F),
        ("5分钟内响应客户", "5分钟内", W),
        ("比2020年下降30%", "2020年", R),
        ("较2024年提升10%", "2024年", R),
        ("与去年同期相比增长20%", "去年同期", R),
        ("完成年度目标", "年度", R),
        ("Q2管道达到500万元", "Q2", R),
        ("Q2销售管道金额达到800万元", "Q2", R),
        ("完成FY22审计", "FY22", R),
        ("制定十四五规划", "十四五", R),
        ("实现全年销售指标", "全年", R),
        ("尽快上线", "尽快", V),
        ("适时推出", "适时", V),
        ("逐步提高", "逐步", V),
        ("早日实现", "早日", V),
        ("持续提升满意度", "持续", V),
        ("将等待时间缩短到15个月以内", "15个月以内", W),
        ("3天内解决率达到95%", "3天内", W),
        ("新销售在90天内独立完成首单的比例达到70%", "90天内", W),
    ],
)
def test_not_bounding(text: str, span: str, kind: TimeKind) -> None:
    found = frames(text)
    assert (span, kind, False) in [(f[0], f[1], f[2]) for f in found], found
    assert not any(f[2] for f in found), found


def test_seed_onboarding_sentence() -> None:
    found = frames("使新的销售人员在四个月内完成他们的月度配额")
    assert [(f[0], f[1], f[2]) for f in found] == [("四个月内", W, True), ("月度", F, False)]


@pytest.mark.parametrize(
    "text",
    [
        "增加销售额10%",
        "将客户流失率降低2%",
        "保留现有客户的92%",
        "减少客户支持请求8%",
        "提升客户满意度",
    ],
)
def test_no_time_in_seed_key_results(text: str) -> None:
    assert frames(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("在产品上线前完成培训", "在产品上线前"),
        ("在发布会前让候补名单用户突破5万", "在发布会前"),
        ("毕业典礼前完成查重", "典礼前"),
    ],
)
def test_event_bounds(text: str, span: str) -> None:
    found = [f for f in frames(text) if f[2]]
    assert [(f[0], f[1]) for f in found] == [(span, D)]


def test_fiscal_year_start_moves_quarters() -> None:
    # With a fiscal year starting in April, Q1 FY27 is April-June 2026 and a bare "Q3"
    # is the next fiscal Q3 after the reference date.
    (q,) = frames("FY27 Q1完成", fys=4)
    assert (q[3], q[4]) == (date(2026, 4, 1), date(2026, 6, 30))
    (bare,) = frames("Q3完成", fys=4)
    assert (bare[3], bare[4]) == (date(2027, 10, 1), date(2027, 12, 31))
    # 2027年第三季度 names the calendar quarter whatever the fiscal year.
    (cal,) = frames("2027年第三季度完成", fys=4)
    assert (cal[3], cal[4]) == (date(2027, 7, 1), date(2027, 9, 30))


def test_mixed_text() -> None:
    found = frames("2027年Q3前将NPS提高到50，ARR达到2000万美元")
    assert [(f[0], f[1], f[4]) for f in found] == [("2027年Q3前", D, date(2027, 9, 30))]


def test_content_is_not_within() -> None:
    # 年内容: 内容 is "content", so no "年内".
    assert [f[0] for f in frames("制定2027年内容营销策略")] == ["2027年"]


def test_impossible_dates_resolve_to_none() -> None:
    (f,) = frames("2027年2月30日前完成")
    assert f[2] and f[4] is None


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    doc = NLP.make_doc(text)
    found = extract(doc)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # no overlaps, in order
        last_end = m.end
        m.resolve(REF, 1)
        m.resolve(REF, 7)


_ALPHABET = st.sampled_from(
    list("0123456789一二三四十年月日号底前内季度第上下半本明今每QHFY财 到至从比较期间未来个周天")
)


@given(st.text(alphabet=_ALPHABET, max_size=40), st.integers(min_value=1, max_value=12))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_date_soup(text: str, fys: int) -> None:
    for m in extract(NLP.make_doc(text)):
        assert text[m.start : m.end] == m.text
        tf = m.resolve(REF, fys)
        if tf.start_date and tf.end_date:
            assert tf.start_date <= tf.end_date


@pytest.mark.parametrize("text", ["年" * 20000, "2027年" * 5000, "到2027年底前" * 3000])
def test_long_inputs_stay_fast(text: str) -> None:
    t0 = time.perf_counter()
    extract(NLP.make_doc(text))
    assert time.perf_counter() - t0 < 1.0


@pytest.mark.parametrize(("text", "bounding"), [("Q3 OKR：将NPS提高到50", True), ("Q3目标", True)])
def test_period_naming_the_okr_set_bounds_it(text: str, bounding: bool) -> None:
    ((span, _, got, _, _),) = frames(text)
    assert (span, got) == ("Q3", bounding)


@pytest.mark.parametrize(
    ("text", "span", "kind", "start", "end"),
    [
        # a quoted five-year plan still names its period or its end
        (
            "“十三五”期间累计新增就业岗位50万个",
            "“十三五”期间",
            P,
            date(2016, 1, 1),
            date(2020, 12, 31),
        ),
        ("到「十六五」末人均寿命达到80岁", "到「十六五」末", D, None, date(2035, 12, 31)),
        # school years run September to August; other spans cover whole years
        ("2026-2027学年开设10门选修课", "2026-2027学年", P, date(2026, 9, 1), date(2027, 8, 31)),
        ("2029学年新生报到率达到98%", "2029学年", P, date(2029, 9, 1), date(2030, 8, 31)),
        ("2026—2027赛季场均上座率85%", "2026—2027赛季", P, date(2026, 1, 1), date(2027, 12, 31)),
        (
            "2027至2029年度累计植树100万株",
            "2027至2029年度",
            P,
            date(2027, 1, 1),
            date(2029, 12, 31),
        ),
    ],
)
def test_named_periods(text: str, span: str, kind: TimeKind, start: date | None, end: date) -> None:
    found = [f for f in frames(text) if f[2]]
    assert found == [(span, kind, True, start, end)]


def test_a_quoted_plan_name_alone_is_not_a_period() -> None:
    assert [f[1:3] for f in frames("编制“十五五”规划纲要")] == [(R, False)]


def _pieces(pattern: str) -> list[str]:
    """Literal stretches and single characters of a pattern, to build texts that match it."""
    chunks = [c for c in re.split(r"[()\[\]?*+{}|\\^$.<>=!:,\-]+", pattern) if c]
    return sorted(set(chunks) | set("".join(chunks)) | set("0123456789 \t\n年月日前内，x"))


def _pieces_text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=6).map("".join)


@functools.cache
def _texts(pattern: str, max_size: int = 8) -> st.SearchStrategy[str]:
    """Texts made of a pattern's pieces (built once per pattern: drawing is per example)."""
    return st.lists(st.sampled_from(_pieces(pattern)), max_size=max_size).map("".join)


# One example draws a text for every pattern: hypothesis's cost is per example.
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_gated_scanners_find_what_the_plain_patterns_find(data: st.DataObject) -> None:
    for gated, plain in timeframes._GATED_PATTERNS:
        text = data.draw(_texts(plain))
        expected = [(m.span(), m.groupdict()) for m in re.finditer(plain, text)]
        assert [(m.span(), m.groupdict()) for m in gated.finditer(text)] == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_pieces(timeframes._WORDS.pattern)), max_size=8))
def test_flat_word_list_reads_the_same_kinds_as_named_groups(parts: list[str]) -> None:
    text = "".join(parts)
    grouped = re.compile(
        "(?P<rel>" + "|".join(sorted(timeframes._RELATIVE, key=len, reverse=True)) + ")"
        "|(?P<vague>" + timeframes._VAGUE + ")|(?P<freq>" + timeframes._FREQUENCY + ")"
    )
    expected = [(m.span(), m.lastgroup) for m in grouped.finditer(text)]
    got = []
    for m in timeframes._WORDS.finditer(text):
        word = m.group(0)
        kind = (
            "rel"
            if word in timeframes._RELATIVE
            else ("vague" if word in timeframes._VAGUE_WORDS else "freq")
        )
        got.append((m.span(), kind))
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_role_pre_checks_never_skip_a_match_after_a_mention(data: st.DataObject) -> None:
    for pattern, first in timeframes._MATCH_GATES:
        text = data.draw(_texts(pattern.pattern, 6))
        if pattern.match(text):
            assert text[:1] in first


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_role_pre_checks_never_skip_a_match_before_a_mention(data: st.DataObject) -> None:
    for pattern, last in timeframes._SEARCH_GATES:
        text = data.draw(_texts(pattern.pattern, 6))
        if pattern.search(text):
            assert text[-1:] in last


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_scanner_match_holds_one_of_its_triggers(data: st.DataObject) -> None:
    for pattern, _handler, chars, words in timeframes._SCANNERS:
        text = data.draw(_texts(pattern.pattern))
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            if chars:
                assert any(c in m.group(0) for c in chars)
            if words:
                assert any(w in m.group(0) for w in words)


def test_the_text_alone_gives_what_the_doc_gives() -> None:
    text = "2027年底前将客户满意度从80%提升到90%，未来三个月内每周复盘"
    assert [m.resolve(REF) for m in extract(text)] == [m.resolve(REF) for m in extract(NLP(text))]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("个工作日天星期周半月季度年秒钟分小时头毫未来近内 三2")), max_size=9
    )
)
def test_window_units_grouped_under_ge_read_like_the_flat_list(parts: list[str]) -> None:
    grouped = (
        "个(?:工作日|星期|半?月|季度|小时|钟头)|工作日|天|日|星期|周|年|秒钟?|分钟|小时|钟头|毫秒"
    )
    flat = "个工作日|工作日|天|日|个?星期|周|个半?月|个季度|年|秒钟?|分钟|个?小时|个?钟头|毫秒"
    assert grouped in timeframes._WINDOW.pattern
    plain = re.compile(timeframes._WINDOW.pattern.replace(grouped, flat))
    text = "".join(parts)
    expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in timeframes._WINDOW.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(_texts(timeframes._WORDS_FLAT))
def test_words_grouped_by_first_character_match_as_the_flat_list(text: str) -> None:
    flat = re.compile(timeframes._WORDS_FLAT)
    assert [m.span() for m in timeframes._WORDS.finditer(text)] == [
        m.span() for m in flat.finditer(text)
    ]


def test_every_word_alternative_starts_with_a_plain_character() -> None:
    # Grouping by first character is only sound when that character is a literal that is
    # not repeated or optional.
    for alt in timeframes._top_level_alternatives(timeframes._WORDS_FLAT):
        assert alt[:1] not in "\\[](){}?*+|.^$" and alt[1:2] not in ("?", "*", "+", "{")


def test_resolvers_give_the_same_dates_on_every_call() -> None:
    for text in ("本季度末完成", "下个月上线", "Q3前完成", "三季度末交付"):
        mentions = extract(text)
        first = [m.resolve(REF) for m in mentions]
        assert first == [m.resolve(REF) for m in mentions]
        other = date(2027, 11, 20)  # a later quarter and month: a cache keyed wrongly shows
        assert [m.resolve(other) for m in mentions] != first


_WINDOW_PIECES = ["过去", "近", "最近", "未来", "前", "年", "周", "个", "月", "季度", "天",
                  "内", "2", "１", "20", "二", "十", "半", "几", "数", ".", " ", "\t", "x",
                  "每", "0", "００", "2027", "12", "1.", ".5", "100"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(_texts(timeframes._WINDOW.pattern), _pieces_text(_WINDOW_PIECES)))
@example("过去 年")
@example("最近年")
@example("几周")
@example("数 天")
@example("半年")
@example("１个月")
@example("十 年内")
@example("1.25年")
@example("100005年")
@example("0２年")
@example("012年")
@example("12.5 年")
def test_window_gate_passes_every_text_with_a_window_kept(text: str) -> None:
    if re.search(timeframes._WINDOW_GATE, text) is None:
        assert not [f for m in timeframes._WINDOW.finditer(text) if (f := timeframes._window(m))]


@settings(max_examples=300, deadline=None)
@given(_texts(timeframes._EVENT.pattern))
@example("在产品上线当天之前")
@example("于年会日以前")
@example("双十一前")
def test_event_gate_finds_something_wherever_the_event_scanner_does(text: str) -> None:
    if re.search(timeframes._EVENT_GATE, text) is None:
        assert timeframes._EVENT.search(text) is None


@settings(max_examples=250, deadline=None)
@given(st.text(alphabet="0０12９.一十半几数近去过 \t个年天周月分钟前", max_size=10))
@example("0２年")
@example("012年")
@example("0012年")
@example("3 天")
@example("近 年")
@example("a9年")
def test_window_gate_opening_with_a_class_finds_what_the_plain_gate_finds(text: str) -> None:
    plain = re.search(timeframes._WINDOW_GATE, text) is None
    assert (re.search(timeframes._WINDOW_GATE_FIRST, text) is None) == plain


_ONE_WORD_SCAN = re.compile(
    timeframes._by_first_character(
        "|".join(sorted(timeframes._RELATIVE, key=len, reverse=True))
        + "|"
        + timeframes._VAGUE
        + "|"
        + timeframes._FREQUENCY
    )
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_pieces(_ONE_WORD_SCAN.pattern), "7x24", "24×7", "7*2", "2027年", "x", "24"]
        ),
        max_size=8,
    ).map("".join)
)
@example("7x247x24年底")
@example("24x7x24")
def test_round_the_clock_scanned_apart_finds_what_the_one_word_scan_found(text: str) -> None:
    apart = [m.span() for m in timeframes._WORDS.finditer(text)]
    apart += [m.span() for m in timeframes._CLOCK.finditer(text)]
    assert sorted(apart) == [m.span() for m in _ONE_WORD_SCAN.finditer(text)]


_PHRASE_READ = [
    (timeframes._ABS_YEAR, timeframes._abs_year),
    (timeframes._QUARTER, timeframes._quarter),
    (timeframes._WINDOW, timeframes._window),
]


@settings(max_examples=120, deadline=None)
@given(data=st.data())
@example(data=None)
def test_readings_reused_by_phrase_are_the_handlers_own(data: st.DataObject | None) -> None:
    # one cached handler per pattern, read on many texts: a reading reused from another
    # text (other positions, other neighbours) must be what the plain handler gives here
    for (pattern, handler), cached in zip(_PHRASE_READ, _CACHED, strict=True):
        texts = (
            ["每三个月内", "三个月内", "三个月内容", "Q3 2027", "aQ3", "第三季度末", "2027年底"]
            if data is None
            else [data.draw(_texts(pattern.pattern)) for _ in range(3)]
        )
        for text in texts:
            for m in pattern.finditer(text):
                plain = handler(m)
                got = cached(m)
                if plain is None:
                    assert got is None
                else:
                    assert got is not None
                    assert got[:3] == plain[:3] and got[4] == plain[4]
                    resolver, want = got[3], plain[3]
                    assert (resolver is None) == (want is None)
                    if resolver is not None and want is not None:
                        for fys in (1, 4):
                            try:
                                expected = want(REF, fys)
                            except ValueError:
                                continue
                            assert resolver(REF, fys) == expected


_CACHED = [timeframes._by_phrase(handler) for _pattern, handler in _PHRASE_READ]


@settings(max_examples=300, deadline=None)
@given(_texts(timeframes._ABS_MONTH.pattern + timeframes._WEEKDAY.pattern))
@example("3 月底")
@example("十二月31日")
@example("十月")
@example("１０月")
@example("下周一")
@example("礼拜天")
def test_month_and_weekday_gates_pass_every_text_with_a_match(text: str) -> None:
    if re.search(timeframes._MONTH_GATE, text) is None:
        assert timeframes._ABS_MONTH.search(text) is None
    if re.search(timeframes._WEEKDAY_GATE, text) is None:
        assert timeframes._WEEKDAY.search(text) is None


def test_no_scanner_matches_an_empty_string() -> None:
    """`_candidates` hands every match to its handler with no test for an empty one: each
    scanner's shortest match is at least one character."""
    from re import _parser  # type: ignore[attr-defined]

    for pattern, _handler, _chars, _words in timeframes._SCANNERS:
        assert _parser.parse(pattern.pattern).getwidth()[0] >= 1, pattern.pattern
    assert _parser.parse("a?").getwidth()[0] == 0  # the measure tells an optional pattern


_ALL_SCANNER_PIECES = "".join(p.pattern for p, _h, _c, _w in timeframes._SCANNERS)


@settings(max_examples=300, deadline=None)
@given(_texts(_ALL_SCANNER_PIECES, max_size=10))
@example("2027学年")
@example("下周三")
@example("在年会前")
def test_a_scan_its_gate_skips_would_have_found_nothing(text: str) -> None:
    """Every scan `_scanners_for` hands out behind a gate (its own, or its words as one)
    finds nothing where the gate finds nothing."""
    scans = timeframes._scanners_for("".join(sorted(timeframes._TRIGGER_BITS)))
    assert len(scans) == len(timeframes._SCANNERS)
    for finditer, handler, gate in scans:
        if gate is not None and gate(text) is None:
            assert [f for m in finditer(text) if (f := handler(m))] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2027年6月前在www.fy27.com上线新版本", ["2027年6月前"]),
        ("2027年Q3前把WWW.FY27.COM访问量提高20%", ["2027年Q3前"]),
        ("把acme.com/q3的访问量提高20%", []),
        ("2027年Q3前把https://x.cn/2027访问量提高20%", ["2027年Q3前"]),
        ("FY27前完成官网改版", ["FY27前"]),  # no address: read
    ],
)
def test_no_time_frame_is_read_inside_a_web_address(text: str, found: list[str]) -> None:
    assert [m.text for m in timeframes.extract(text)] == found


@given(st.text(alphabet="wW./:<>hps acmeoq3fy27年前把", max_size=24))
def test_every_web_address_is_looked_for(text: str) -> None:
    # the gate before the search never skips a text with an address in it
    url = re.compile(timeframes._URL.pattern, timeframes._URL.flags)
    assert timeframes._url_spans(text) == [m.span() for m in url.finditer(text)]
