"""Quantities in Chinese goals: 10%, 百分之十, 三成, 十个百分点, 500万元, ¥3亿, 10家客户,
200毫秒, 翻一番, 减半, 至少5名, 4.8分以上.

Works on `doc.text` (spaCy's blank `zh` splits into single characters, so token borders
carry no information): one linear scan for numeral runs, then a look at the few characters
on either side to decide what the number is (a percentage, an amount of money, a count of
things, a duration, a year or date — which is not a quantity — or an ordinal/id).

Conventions: 增长一倍 ("grow by one times") is read as a multiplier of 2 — the result is
twice the base — and 增长两倍 as 3; a bare 3倍 ("3 times") is 3. 三成 is 30 percent, 八折 is
80 percent, 十个百分点 is 10 with unit "percentage_point". 四个月内 / 未来三个月 are time
windows (see timeframes), not quantities; durations inside a metric (缩短到15个月以内,
5分钟内响应) are.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable, Iterator
from typing import Any

from smartlint.lang.base import doc_text
from smartlint.lang.zh.numerals import DIGITS, NUMERAL_CHARS, parse_chinese_number
from smartlint.lexicon import shipped
from smartlint.model import Quantity, QuantityKind


class _QK:
    """QuantityKind's members as plain class attributes: a member looked up on the Enum
    class goes through EnumType.__getattr__ (~0.1 µs, several times for each number)."""

    NUMBER = QuantityKind.NUMBER
    PERCENT = QuantityKind.PERCENT
    CURRENCY = QuantityKind.CURRENCY
    UNIT = QuantityKind.UNIT
    MULTIPLIER = QuantityKind.MULTIPLIER


_AR = "0-9０-９"
_NUMC = _AR + NUMERAL_CHARS
_UNITC = "十拾百佰千仟万萬亿億兆余多"
# A run of numeral characters. Every repetition consumes at least one character and the
# alternatives start with disjoint characters, so matching is linear (no backtracking).
_RUN_REST = (
    rf"(?:[{_NUMC}]|[.．点點](?=[{_NUMC}])|[,，](?=[{_AR}]{{3}}(?![{_AR}]))|[ \t](?=[{_UNITC}])"
    rf"|[ \t]?[余多](?=[ \t]?[万萬亿億千百]))*"
    rf"(?:[eE][\-+]?[0-9]+(?![A-Za-z0-9]))?"
)
_RUN_PLAIN = (
    rf"(?<![A-Za-z0-9０-９.:：/])(?:[负\-－](?=[.{_NUMC}]))?(?:[{_NUMC}]|[.．](?=[{_AR}]))"
    + _RUN_REST
)
# The same pattern opening with a class of the characters a run starts with, each start's
# own conditions then checked behind it: a pattern whose first item is a class lets sre
# skip from one such character to the next in its search loop, where a look-ahead (or the
# look-behind the plain form opens with) costs a full match attempt at every position
# (plain 2.1, look-ahead 1.5, this 1.2 µs a goal; the tests compare it with the plain form).
# `(?<!X.)` after the first character is the plain form's `(?<!X)` before it.
_RUN = re.compile(
    rf"[负\-－.．{_NUMC}](?<![A-Za-z0-9０-９.:：/].)"
    rf"(?:(?<=[{_NUMC}])|(?<=[负\-－])(?=[.{_NUMC}])(?:[{_NUMC}]|[.．](?=[{_AR}]))"
    rf"|(?<=[.．])(?=[{_AR}]))" + _RUN_REST
)
# Common characters that are also financial numerals (陆 "land", 拾 "pick up"): alone they
# are words, not numbers.
_FINANCIAL_ONLY = frozenset("壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟什幺洞")
_BASIC_DIGITS = frozenset("零〇二三四五六七八九")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff]+")
# What every match of a step-1 scan (`_words_and_forms`) or of _URL holds: "/" or "www"
# (URLs, fractions), 番 or a multiplier word with 倍 or 半, 折 or 半成 (percent words), 分之,
# ":" (ratios), 前 or 第 right before a numeral (ranks), 多数, 半数 or 部分 (majorities).
# Whole words, not their characters: 百分点, 部门, 年底前, 倍数, 半年 and 数量 made most
# goals run step 1 for nothing (1,139 of 2,000 benchmark goals → 161; the tests check that
# a text this rules out gives step 1 nothing). Each alternative opens with a literal, so
# sre skips in C to a possible first character.
_RANK_NUMERAL = f"[{_AR}一二两三四五六七八九十百]"
_STEP_ONE = re.compile(
    r"/|番|翻倍|加倍|成倍|减半|砍半|一半|过半|折|半成|:|：|www|分之"
    rf"|前(?={_RANK_NUMERAL})|第(?={_RANK_NUMERAL})|多数|半数|部分"
)
_LONE_NEXT = frozenset("是不而却那这和的或与及”」』\"'")
_ARABIC_DIGIT = re.compile(rf"[{_AR}]")
_ARABIC_FIRST = frozenset("0123456789０１２３４５６７８９")
_DIGIT_ONLY = re.compile(rf"[{''.join(DIGITS)}]+")

# Fractions and "per hundred" forms: 百分之十, 千分之五, 三分之一.
_PER = re.compile(
    rf"(百分之|千分之|仟分之|万万分之|万分之|萬分之|百万分之|千万分之|"
    rf"([{_NUMC}]{{1,16}})[ \t]?分之)[ \t]?"
    rf"([{_NUMC}]{{1,24}}(?:[.．点點][{_NUMC}]{{1,12}})?)"
)
# An Arabic fraction or mixed number: 1/2的客户, 16/5, 1 3/5, -3/2 (dates such as 3/31
# are left to the time extractor).
_FRACTION = re.compile(
    rf"(?<![{_AR}/.])(?P<neg>[-－])?(?:(?P<w>[{_AR}]{{1,9}})[ \t])?"
    rf"(?P<a>[{_AR}]{{1,9}})/(?P<b>[{_AR}]{{1,9}})"
    rf"(?![{_AR}/])"
)
_PER_SCALE = {"百分之": 1.0, "千分之": 0.1, "仟分之": 0.1, "万分之": 0.01, "萬分之": 0.01,
              "百万分之": 1e-4, "千万分之": 1e-5, "万万分之": 1e-6}  # fmt: skip
# Percentages written as words: 半成 = 5%, 半折 / 对折 = 50% (of the price).
_PERCENT_WORDS = re.compile(r"半成|半折|(?<=打)(?:对折|對折)")
_PERCENT_WORD_VALUE = {"半成": 5.0, "半折": 50.0, "对折": 50.0, "對折": 50.0}

# Multipliers written as words.
_MULT_WORDS = re.compile(
    r"翻([一二两三四五1-5])番|翻番|翻倍|加倍|成倍|减半|砍半|"
    r"(?<=减少|降低|下降|缩减|缩短|压缩|减掉)一半|(过半|一半)"
)
_FAN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_FAN.update({str(i): i for i in range(1, 6)})

# What may follow a number, tried longest first at the end of a run.
_CURRENCY = {
    "元人民币": "CNY", "人民币": "CNY", "块钱": "CNY", "元": "CNY", "块": "CNY",
    "美元": "USD", "美金": "USD", "美圆": "USD", "欧元": "EUR", "日元": "JPY",
    "港元": "HKD", "港币": "HKD", "英镑": "GBP", "新台币": "TWD", "台币": "TWD",
    "韩元": "KRW", "瑞士法郎": "CHF", "卢布": "RUB",
    "RMB": "CNY", "CNY": "CNY", "USD": "USD", "EUR": "EUR", "HKD": "HKD",
}  # fmt: skip
_UNITS = {
    "毫秒": "millisecond", "ms": "millisecond", "秒钟": "second", "秒": "second",
    "分钟": "minute", "个小时": "hour", "小时": "hour", "个钟头": "hour", "钟头": "hour",
    "天": "day", "个工作日": "day", "工作日": "day", "个星期": "week", "星期": "week",
    "周": "week", "个月": "month", "年": "year",
    "公里": "kilometer", "千米": "kilometer", "km": "kilometer", "厘米": "centimeter",
    "cm": "centimeter", "CM": "centimeter", "公分": "centimeter", "毫米": "millimeter",
    "mm": "millimeter", "米": "meter", "公斤": "kilogram", "千克": "kilogram",
    "kg": "kilogram", "微克": "microgram", "毫克": "milligram", "克": "gram",
    "吨": "metric_ton", "毫升": "milliliter", "升": "liter",
    "兆字节": "megabyte", "字节": "byte", "比特": "bit",
    "TB": "terabyte", "GB": "gigabyte", "MB": "megabyte", "KB": "kilobyte",
}  # fmt: skip
# Unit characters that also begin an ordinary word: "PostgreSQL 16升级" is an upgrade,
# not 16 litres; "3克服" does not happen but "克服" does.
_UNIT_GUARD = {"升": "(?![级至到为高值温])", "克": "(?![服隆])", "米": "(?![饭粒面])"}
_DURATION_UNITS = frozenset({"day", "week", "month", "year"})
_PERCENT = {"个百分点": "pp", "百分点": "pp", "個百分點": "pp", "百分點": "pp", "pp": "pp",
            "PP": "pp", "%": "%", "％": "%", "‰": "permille", "成": "cheng", "折": "zhe",
            "倍": "bei"}  # fmt: skip
# Measure words: a number followed by one of these counts the noun after it.
_COUNTERS = (
    "个|名|家|位|项|次|条|件|款|场|篇|份|套|台|户|人|种|批|支|所|座|本|部|辆|张|门|笔|单|"
    "封|例|起|处|间|棵|株|只|头|匹|架|艘|颗|枚|把|根|道|轮|课|堂|节|期|分|星|亩|斤|两|打|"
    "双|雙|对|對|万人|人次|家次|个点"
)
# What may follow a number, as (group, [(word, what must not follow it)], what must not
# follow the group), in the order they are tried.
_SUFFIX_GROUPS: tuple[tuple[str, list[tuple[str, str]], str], ...] = (
    (
        "pct",
        [(w, "") for w in ("个百分点", "百分点", "個百分點", "百分點", "pp", "PP", "%", "％", "‰")]
        + [("成", "(?![本为功员果交长熟立就效绩])"), ("折", "(?![扣算合旧])"), ("倍", "")],
        "",
    ),
    ("cur", [(w, "") for w in sorted(_CURRENCY, key=len, reverse=True)], ""),
    (
        "unit",
        [(u, _UNIT_GUARD.get(u, "")) for u in sorted(_UNITS, key=len, reverse=True)],
        "(?![A-Za-z])",
    ),
    ("scale", [(c, "") for c in "kKwWM"], "(?![A-Za-z])"),
    ("counter", [(w, "") for w in _COUNTERS.split("|")], ""),
)


def _suffix_pattern(first: str | None) -> str:
    """The suffix alternation; with `first`, only the words starting with it (in order)."""
    groups = []
    for name, words, after in _SUFFIX_GROUPS:
        alts = [re.escape(w) + guard for w, guard in words if first is None or w[0] == first]
        if alts:
            groups.append(f"(?P<{name}>{'|'.join(alts)}){after}")
    return r"[ \t]*(?:" + "|".join(groups) + ")"


_SUFFIX = re.compile(_suffix_pattern(None))
# The same for each character a suffix word starts with: sre tries the ~130 alternatives
# one after another (a group's first item cannot be skipped on its first character), and
# a counter (个, 家, 名), last in the list, went through all of them. Only words starting
# with the character after the number can match there, and in the same order, so the
# pattern for that character matches as the whole one does (the tests compare the two).
_SUFFIX_AT = {
    c: re.compile(_suffix_pattern(c)) for c in {w[0] for _, ws, _ in _SUFFIX_GROUPS for w, _ in ws}
}
_ASCII_NOUN = re.compile(r"[ \t]?([A-Za-z]{2,}[A-Za-z0-9]*)")
_STOP_NOUN_CHARS = frozenset(
    "的和与及并或在于以内到至从把将对为是了、，。；：！？,.;:!?()（）[]【】<>《》\"“”'‘’ \t\n"
)

# A comparator just before the number, or just after its unit.
_PRE_CMP = re.compile(
    r"(不低于|不少于|不小于|至少|最少|起码|不超过|不高于|不多于|最多|至多|超过|高于|大于|"
    r"多于|低于|少于|小于|≥|>=|≤|<=|＞|＜|>|<|逾|超)[ \t]*$"
)
_PRE_CMP_MAP = {
    "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=", "最少": ">=", "起码": ">=",
    "≥": ">=", ">=": ">=", "不超过": "<=", "不高于": "<=", "不多于": "<=", "最多": "<=",
    "至多": "<=", "≤": "<=", "<=": "<=", "低于": "<=", "超过": ">", "高于": ">", "大于": ">",
    "多于": ">", "＞": ">", ">": ">", "逾": ">", "超": ">", "少于": "<", "小于": "<",
    "＜": "<", "<": "<",
}  # fmt: skip
_POST_CMP = re.compile(r"(及以上|或以上|以上|\+|＋|及以下|或以下|以下|以内|之内|内(?![容部外涵]))")
_POST_CMP_MAP = {"及以上": ">=", "或以上": ">=", "以上": ">=", "+": ">=", "＋": ">=",
                 "及以下": "<=", "或以下": "<=", "以下": "<=", "以内": "<=", "之内": "<=",
                 "内": "<="}  # fmt: skip
# Pre-checks: the character after a span must start a _POST_CMP word, the one before it end
# a _PRE_CMP word (or be a blank: "$" also matches before a final newline). Most numbers
# have neither, and the two regex calls are skipped.
_POST_CMP_FIRST = frozenset(w[0] for w in _POST_CMP_MAP)
_PRE_CMP_LAST = frozenset(w[-1] for w in _PRE_CMP_MAP) | frozenset(" \t\n")

# Ratios (师生比1:15, 投入产出比不低于3:1), only next to a word that names a ratio.
_RATIO = re.compile(r"(?<![0-9:：])(?P<a>\d{1,4})[:：](?P<b>\d{1,4})(?![0-9:：])")
_RATIO_CONTEXT = re.compile(r"比")
# Ranks: 前十, 前10名, 第一名, 排名第一.
# The look-behind comes after 前/第 (two characters wide): the pattern then starts with a
# literal and sre jumps from one 前/第 to the next (0.43 → 0.25 µs a goal).
_RANK = re.compile(
    rf"(?P<p>前|第)(?<![提此以之目当][前第])(?P<n>[{_AR}]{{1,3}}|[一二两三四五六七八九十百]{{1,3}})"
    rf"(?P<u>名|位|强)?(?![{_NUMC}季阶期批届章节条款轮年月天周次个项])"
)
_RANK_CONTEXT = re.compile(r"(排名|排行|排位|位列|名列|跻身|进入|份额|榜单|榜)[^，。；,;]{0,8}$")
# A majority of a population: 过半数, 大多数, 绝大部分.
_MAJORITY = re.compile(r"过半数|半数以上|绝大多数|大多数|绝大部分|大部分|多数")

# Left context that makes a number an ordinal, id or version rather than a quantity.
_PRE_ID_WORDS = ("第", "版本", "编号", "型号", "序号", "订单号", "工号",
                 "V", "v", "#", "＃", "No.", "为期")  # fmt: skip
_PRE_ID = re.compile(f"({'|'.join(map(re.escape, _PRE_ID_WORDS))})[ \t]*$")
# What the text before a number must end with for _PRE_ID to match (or Q/H: "Q3", "H2").
_PRE_ID_LAST = frozenset(w[-1] for w in _PRE_ID_WORDS) | frozenset(" \t\nQqHh")
# A decimal right after a product name is a version: "MySQL 5.7", "Python 3.11".
_PRE_VERSION = re.compile(r"[A-Za-z][ \t]?$")
_VERSION_RANGE = re.compile(r"[A-Za-z][ \t]?\d+(?:\.\d+)+[ \t]*(?:到|至|->|→|-)[ \t]*$")
# Right context that makes a number a date, year, quarter, version or id.
_POST_ID = re.compile(
    r"(?:[ \t]*(?:年度|财年|周年|年代|季度|月份|届|代|版|期|级|号|楼|层|路|点钟|周?岁|:\d|：\d)"
    r"|[/\-－.．][0-9０-９]|(?![kKwWM])[A-Za-z](?![A-Za-z]))"
)
# The characters a _POST_ID match starts with: a number followed by anything else skips it.
_POST_ID_FIRST = frozenset(" \t年财周季月届代版期级号楼层路点岁:：/-－.．" + string.ascii_letters)
_MONTH_AFTER = re.compile(r"[ \t]*月(?!度)")
_YEAR_AFTER = re.compile(r"[ \t]*年(?![代级度])")
_NOT_YEAR_AFTER = frozenset("代级度")  # (a set: "" is in every string, not in a set)
_DAY_AFTER = re.compile(r"[ \t]*(?:日(?!元)|号)")
_DATE_NEXT = frozenset(" \t日号月年")
_TO_ASCII = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
# Window words: "四个月内" and "未来三个月" bound the goal in time; they are time frames.
_WINDOW_AFTER = re.compile(r"[ \t]*(?:内|之内|以内|里|期间)")
_WINDOW_BEFORE = re.compile(r"(未来|接下来的?|今后|此后|之后的?|最近|过去|近)[ \t]*$")
# "缩短到三个月以内": a duration after 到/至/为 is the metric's target, not a window.
_TARGET_BEFORE = re.compile(r"(到|至|为|于)[ \t]*$")
_GROWTH_BEFORE = re.compile(r"(增长|增加|提高|提升|扩大|上升|增|翻|涨)了?[ \t]*$")
# 一 before these measure words is an article ("建立一个系统"), not a count.
_ARTICLE_COUNTERS = frozenset("个项种套份场支款条批些次件")
_REACH_BEFORE = re.compile(r"(达到|突破|超过|为|至|到)[ \t]*$")
_ZERO_NOUN = re.compile(r"[\u4e00-\u9fff]")
_YEAR_RANGE = (1900, 2100)


def _stop_regex() -> re.Pattern[str]:
    words = sorted(shipped("zh", "parse_numeral_stopwords"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!x)x")


_STOP = _stop_regex()


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The noun a measure word counts: Han characters up to a function word (max 8)."""
    m = _ASCII_NOUN.match(text, pos)
    if m:
        return m.group(1), m.end()
    m = (_HAN_NOUN or _han_noun()).match(text, pos)
    if m is None:
        return None, pos
    return m.group(0), m.end()


def _han_class(excluded: Iterable[str]) -> str:
    """A class of the Han characters (U+4E00–U+9FFF) but `excluded`, as ranges."""
    parts: list[str] = []
    lo = 0x4E00
    for c in sorted({ord(x) for x in excluded if "\u4e00" <= x <= "\u9fff"}):
        if c > lo:
            parts.append(f"{chr(lo)}-{chr(c - 1)}")
        lo = c + 1
    if lo <= 0x9FFF:
        parts.append(f"{chr(lo)}-\u9fff")
    return "[" + "".join(parts) + "]"


#: `_han_noun()`, once a goal has asked for it
_HAN_NOUN: re.Pattern[str] | None = None


def _han_noun() -> re.Pattern[str]:
    """What `_noun_after` takes when no ASCII word comes first: up to 8 Han characters, none
    a function word (`_STOP_NOUN_CHARS`) and none after the first a numeral character.

    One match in C where a Python loop tested each character (~1 µs for each counted
    number, 450 of 2,000 benchmark goals; the tests compare it with that loop). No Han
    character is a digit to `str.isdigit`, so the loop's digit test adds nothing here.
    """
    global _HAN_NOUN
    first = _han_class(_STOP_NOUN_CHARS)
    rest = _han_class(_STOP_NOUN_CHARS | frozenset(NUMERAL_CHARS))
    _HAN_NOUN = re.compile(f"{first}{rest}{{0,7}}")
    return _HAN_NOUN


def _comparator(text: str, start: int, end: int) -> tuple[str | None, int]:
    """(comparator, new end) from the words around a quantity span."""
    if text[end : end + 1] in _POST_CMP_FIRST:
        m = _POST_CMP.match(text, end)
        if m:
            op = _POST_CMP_MAP[m.group(1)]
            new_end = m.end() if m.group(1) in "+＋" else end
            return op, new_end
    # _cmp_before, inlined: this runs for every quantity
    if start == 0 or text[start - 1] not in _PRE_CMP_LAST:
        return None, end
    m = _PRE_CMP.search(text, max(0, start - 4), start)
    if m:
        return _PRE_CMP_MAP[m.group(1)], end
    return None, end


def _cmp_before(text: str, start: int) -> re.Match[str] | None:
    """The comparator word that ends just before `start` (within 4 characters), if any."""
    if start == 0 or text[start - 1] not in _PRE_CMP_LAST:
        return None
    return _PRE_CMP.search(text, max(0, start - 4), start)


def _found(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]] | tuple[()]:
    """`pattern.finditer(text)`, after a `search`: most texts that pass a scan's character
    test have no match (年底前, 部门, 百分点), and a search costs less than a scan's
    iterator (~0.4 against ~0.7 µs). The scan goes on from the first match (look-behinds
    still see the text before it), so it yields what `finditer(text)` yields."""
    first = pattern.search(text)
    return () if first is None else pattern.finditer(text, first.start())


def _words_and_forms(text: str, out: list[Quantity]) -> bytearray | None:
    """Step 1 of `extract`: quantities written with words or forms that hold numerals
    (翻一番, 百分之十, 1/2, 3:1, 前十, 大多数) added to `out`; the mask of the characters
    they (and URLs) take, or None when nothing was taken."""
    # Characters already used by a quantity: a span is free when `mask.find(1, start, end)`
    # is -1 (no slice, no Python-level loop; a plain bytearray, no wrapper object to make).
    mask = bytearray(len(text))
    find_taken = mask.find
    url = False
    if "/" in text or "www" in text:
        for m in _URL.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            url = True

    def add(q: Quantity) -> None:
        out.append(q)
        mask[q.start : q.end] = b"\x01" * (q.end - q.start)

    # 1. Word multipliers and per-hundred forms first: they contain numerals.
    # Each scan below is skipped when the text lacks a character (or pair) every one of its
    # matches contains: ~0.4 µs a scan, and most goals have none of them.
    mult_words = _found(_MULT_WORDS, text) if "番" in text or "倍" in text or "半" in text else ()
    for m in mult_words:
        word = m.group(0)
        if m.group(1):
            value: float = 2.0 ** _FAN[m.group(1)]
        elif word in ("减半", "砍半") or (word == "一半" and m.group(2) is None):
            value = 0.5
        elif m.group(2):
            # 一半 / 过半 of a population: 50 percent (过半 = more than half).
            cmp = ">" if word == "过半" else _comparator(text, m.start(), m.end())[0]
            add(Quantity(m.start(), m.end(), word, 50.0, _QK.PERCENT, "percent", None, cmp))
            continue
        else:
            value = 2.0
        add(Quantity(m.start(), m.end(), word, value, _QK.MULTIPLIER))
    for m in _PERCENT_WORDS.finditer(text) if "折" in text or "半成" in text else ():
        if find_taken(1, m.start(), m.end()) != -1:
            continue  # "一半成": 一半 took the 半
        word = m.group(0)
        add(Quantity(m.start(), m.end(), word, _PERCENT_WORD_VALUE[word], _QK.PERCENT, "percent"))
    for m in _found(_PER, text) if "分之" in text else ():
        if find_taken(1, m.start(), m.end()) != -1:
            continue
        digits = m.group(3)
        num = parse_chinese_number(digits)
        while num is None and len(digits) > 1 and digits[-1] in "百千万亿":
            digits = digits[:-1]  # 百分之七十百分位: the run ran into the next word
            num = parse_chinese_number(digits)
        if num is None:
            continue
        m_end = m.start(3) + len(digits)
        if m.group(2):  # 三分之一: a fraction, as a percentage
            den = parse_chinese_number(m.group(2))
            if not den:
                continue
            value = round(num / den * 100, 4)
        else:
            value = num * _PER_SCALE[m.group(1)]
        cmp, end = _comparator(text, m.start(), m_end)
        add(
            Quantity(
                m.start(),
                end,
                text[m.start() : end],
                value,
                _QK.PERCENT,
                "percent",
                None,
                cmp,
            )
        )
    if "/" in text:
        for m in _FRACTION.finditer(text):
            q = _fraction(text, m)
            if q is not None and find_taken(1, q.start, q.end) == -1:
                add(q)

    if ":" in text or "：" in text:
        for m in _RATIO.finditer(text):
            if _RATIO_CONTEXT.search(text, max(0, m.start() - 12), m.start()):
                a, b = float(m.group("a")), float(m.group("b"))
                if b and find_taken(1, m.start(), m.end()) == -1:
                    cmp = _comparator(text, m.start(), m.end())[0]
                    add(
                        Quantity(
                            m.start(),
                            m.end(),
                            m.group(0),
                            a / b,
                            _QK.NUMBER,
                            None,
                            None,
                            cmp,
                        )
                    )
    for m in _found(_RANK, text) if "前" in text or "第" in text else ():
        if find_taken(1, m.start(), m.end()) != -1:
            continue
        has_unit = m.group("u") is not None
        if not has_unit and not _RANK_CONTEXT.search(text, max(0, m.start() - 10), m.start()):
            continue
        n = parse_chinese_number(m.group("n"))
        if n is None or n <= 0:
            continue
        # 前十 / 前10名: top N (rank ≤ N); 第一: rank N.
        cmp = "<=" if m.group("p") == "前" else "="
        add(Quantity(m.start(), m.end(), m.group(0), n, _QK.NUMBER, None, "名次", cmp))
    for m in _found(_MAJORITY, text) if "数" in text or "部分" in text else ():
        if find_taken(1, m.start(), m.end()) == -1:
            add(Quantity(m.start(), m.end(), m.group(0), 50.0, _QK.PERCENT, "percent", None, ">"))

    return mask if url or out else None


def extract(doc: Any) -> list[Quantity]:
    """Quantities in `doc` (the goal's text, or a spaCy Doc), in text order."""
    text: str = doc if isinstance(doc, str) else doc_text(doc)  # only the text is read
    out: list[Quantity] = []
    # Stop-word matches are disjoint and in order, so one bisect finds the one that could
    # cover a run. Found on the first run written only in Chinese (most goals have none).
    stops: list[tuple[int, int]] | None = None
    stop_starts: list[int] = []
    # gate: every step-1 scan (and the URL one) needs one of these characters; 43 % of
    # goals have none, and skip the eight tests and the mask (~1 µs)
    mask = _words_and_forms(text, out) if _STEP_ONE.search(text) is not None else None
    find_taken = mask.find if mask is not None else None

    # 2. Numeral runs.
    # The mask holds what step 1 took; a run's own quantity is not marked in it. Such a
    # quantity starts at or before its run (a currency sign before it holds no numeral)
    # and runs come in order, so a later run overlaps one iff it starts before the
    # farthest end so far (`taken_end`): a compare, not a mask write and a find a run.
    # Most goals took nothing in step 1: no mask to search. A free run may still read
    # into taken characters (a currency word before it, a suffix or noun after it: "5RMB
    # 100", "5个百分之十"): then it is read again without them, as quantities must not
    # overlap and the earlier reading keeps what it took.
    from_words = len(out)
    taken_end = 0
    for m in _RUN.finditer(text):
        s, e = m.span()
        if s < taken_end or (find_taken is not None and find_taken(1, s, e) != -1):
            continue
        raw = m.group(0)
        # most runs start with an Arabic digit: the search only for the others
        has_arabic = raw[0] in _ARABIC_FIRST or _ARABIC_DIGIT.search(raw) is not None
        # A stop word blocks a run it covers ("进一步", "千万别"), not a longer numeral
        # that contains it ("四千万").
        if not has_arabic and stops is None:
            stops = [(m.start(), m.end()) for m in _STOP.finditer(text)]
            stop_starts = [a for a, _ in stops]
        if not has_arabic and stops:
            i = bisect.bisect_right(stop_starts, s) - 1
            if i >= 0 and stops[i][1] >= e:
                continue
        q = _read_number(text, s, e, raw, has_arabic)
        if q is None and len(raw) > 1 and raw[-1] in "两兩" and has_arabic:
            q = _read_number(text, s, e - 1, raw[:-1], has_arabic)  # 1234两: 两 is a unit
        if q is not None and (
            q.start < taken_end or (find_taken is not None and find_taken(1, q.start, q.end) != -1)
        ):
            q = _read_free(text, s, e, raw, has_arabic, taken_end, mask)
        if q is not None:
            out.append(q)
            if q.end > taken_end:
                taken_end = q.end
    # The runs' quantities come in text order (each starts after the previous run's end,
    # see above): only step 1's need sorting in.
    if from_words and len(out) > 1:
        out.sort(key=lambda q: q.start)
    return out


_CURRENCY_BEFORE = re.compile(r"(US\$|HK\$|\$|¥|￥|€|£|RMB ?|CNY ?|USD ?)$")
# what the text just before a number must end with for _CURRENCY_BEFORE to match ("$" also
# matches before a final newline): most numbers have no currency, and the search is skipped
_CURRENCY_LAST = frozenset("$¥￥€£BYD \n")


def _date_after(text: str, e: int, nxt: str) -> tuple[bool, bool, bool]:
    """Whether _DAY_AFTER, _MONTH_AFTER and _YEAR_AFTER match at `e`; `nxt` is text[e]."""
    if nxt in " \t":
        return (
            _DAY_AFTER.match(text, e) is not None,
            _MONTH_AFTER.match(text, e) is not None,
            _YEAR_AFTER.match(text, e) is not None,
        )
    # With no blank first, what each pattern matches is read off the next two characters
    # (three regex calls cost ~0.6 µs for each number before 日, 月 or 年).
    after = text[e + 1 : e + 2]
    return (
        nxt == "号" or (nxt == "日" and after != "元"),
        nxt == "月" and after != "度",
        nxt == "年" and after not in _NOT_YEAR_AFTER,
    )


def _read_free(
    text: str, s: int, e: int, raw: str, has_arabic: bool, floor: int, mask: bytearray | None
) -> Quantity | None:
    """The run at text[s:e] (itself free) read again within the free characters around it:
    from `floor` (or the last one `mask` marks before it) to the next one `mask` marks."""
    if mask is not None:
        floor = max(floor, mask.rfind(1, 0, s) + 1)
        stop = mask.find(1, e)
        if stop != -1:
            text = text[:stop]  # a suffix or noun cannot reach the taken characters
    q = _read_number(text, s, e, raw, has_arabic, floor)
    if q is None and len(raw) > 1 and raw[-1] in "两兩" and has_arabic:
        q = _read_number(text, s, e - 1, raw[:-1], has_arabic, floor)
    return q


def _read_number(
    text: str, s: int, e: int, raw: str, has_arabic: bool, floor: int = 0
) -> Quantity | None:
    """The quantity a numeral run at text[s:e] starts, or None when it is not one; a
    currency word before it counts only from `floor` on (what is before is taken)."""
    # Up to the suffix every check only rejects, so their order is free: dates first, the
    # most common rejection (2027年, 3月), before the numeral is even read.
    nxt = text[e : e + 1]
    # _DAY_AFTER, _MONTH_AFTER and _YEAR_AFTER start with a blank, 日/号, 月 or 年: the
    # date checks only for a number followed by one of those
    if nxt in _DATE_NEXT:
        day, month, year = _date_after(text, e, nxt)
        if day and s > 0 and text[s - 1] == "月":
            return None  # 3月31日
        if month:
            return None  # 3月, 十月: a month name (N个月 is a duration)
        if year:
            if (has_arabic and len(raw.strip()) >= 3) or (
                len(raw) >= 2 and _DIGIT_ONLY.fullmatch(raw) is not None
            ):
                return None  # 2027年, 二〇二七年: a year
            if has_arabic and re.match(r"[ \t]*年[ \t]*\d{1,2}[ \t]*月", text[e : e + 8]):
                return None  # 18年10月
        if day and not re.match(r"[ \t]*日[ \t]*(?:内|之内|以内)", text[e:]):
            return None  # 29日, 12号: a day of the month or an id
    if "e" in raw or "E" in raw:
        try:
            value: float | None = float(raw.translate(_TO_ASCII))
        except ValueError:
            return None
    else:
        # the common case has neither: no copies to make
        plain = raw.replace("余", "").replace("多", "") if "余" in raw or "多" in raw else raw
        value = parse_chinese_number(plain)
    if value is None:
        return None
    if len(raw) == 1 and raw in _FINANCIAL_ONLY and not (s and text[s - 1] == "是"):
        return None
    # The `$`-anchored patterns below read the (up to) 4 characters before the number
    # through pos/endpos ("$" matches at endpos as at the end of a slice), each after a
    # test of the last one, `prev`.
    prev = text[s - 1] if s else ""
    lo = s - 4 if s > 4 else 0
    if prev in _PRE_ID_LAST and (_PRE_ID.search(text, lo, s) or prev in "QqHh"):
        return None
    pid = _POST_ID.match(text, e) if nxt in _POST_ID_FIRST else None
    if pid and not (pid.group(0).strip() == "级" and _REACH_BEFORE.search(text, max(0, s - 3), s)):
        return None  # ids, versions, years; but "达到5级" is a level to reach
    if (
        has_arabic
        and "." in raw
        and (_PRE_VERSION.search(text, max(0, s - 2), s) or _VERSION_RANGE.search(text, 0, s))
    ):
        return None  # MySQL 5.7, "从MySQL 5.7到8.0"
    single = len(raw) == 1 and not has_arabic
    if single and raw not in _BASIC_DIGITS and raw not in "一两兩十":
        return None  # 百, 千, 万 alone ("百分", "千万") are not numbers

    # (the whole pattern only when a blank comes first: `[ \t]*` may skip it)
    at = _SUFFIX_AT.get(nxt)
    sm = at.match(text, e) if at is not None else _SUFFIX.match(text, e) if nxt in " \t" else None
    kind = _QK.NUMBER
    unit: str | None = None
    noun: str | None = None
    end = e
    if sm is not None:
        end = sm.end()
        # The five groups are the pattern's only ones and exclusive: the one that matched is
        # `lastgroup`, and its word is read once (a `group` call for each test cost more).
        which = sm.lastgroup
        word = sm.group(which)  # type: ignore[arg-type]
        if which == "pct":
            p = _PERCENT[word]
            if p == "pp":
                kind, unit = _QK.PERCENT, "percentage_point"
            elif p == "%":
                kind, unit = _QK.PERCENT, "percent"
            elif p == "permille":
                kind, unit, value = _QK.PERCENT, "percent", value / 10
            elif p == "cheng":  # 三成 = 30%
                kind, unit, value = _QK.PERCENT, "percent", value * 10
                if text.startswith("半", end):
                    value, end = value + 5, end + 1
            elif p == "zhe":  # 八折 = 80%, 75折 = 75%
                kind, unit = _QK.PERCENT, "percent"
                if value == 10:
                    return None  # 十折 is no discount at all: not a figure anyone sets
                value = value * 10 if value < 10 else value
            else:  # 倍
                kind = _QK.MULTIPLIER
                if _GROWTH_BEFORE.search(text, max(0, s - 4), s):
                    value += 1  # 增长一倍 = twice as much
        elif which == "cur":
            kind, unit = _QK.CURRENCY, _CURRENCY[word]
        elif which == "unit":
            unit = _UNITS[word]
            if (
                unit in _DURATION_UNITS
                and (
                    _WINDOW_AFTER.match(text, end) or _WINDOW_BEFORE.search(text, max(0, s - 4), s)
                )
                and not _TARGET_BEFORE.search(text, max(0, s - 2), s)
            ):
                return None  # 四个月内, 未来三个月: a time window, not a measure
            if word == "年" and not single and value >= 100:
                return None
            kind = _QK.UNIT
            if text.startswith("半", end):  # 三天半
                value, end = value + 0.5, end + 1
        elif which == "scale":
            value *= {"k": 1e3, "K": 1e3, "w": 1e4, "W": 1e4, "M": 1e6}[word]
            cur = _SUFFIX.match(text, end)
            if cur is not None and cur.group("cur"):
                kind, unit, end = _QK.CURRENCY, _CURRENCY[cur.group("cur")], cur.end()
        else:
            counter = word
            if single and raw in "一壹" and counter in _ARTICLE_COUNTERS:
                return None  # 一个 / 一项: an article
            if counter == "分" and text.startswith(("钟", "之", "点"), end):
                return None
            if counter == "两" or counter == "级":
                noun = None
            elif counter == "分":
                noun = "分"
            else:
                noun, end2 = _noun_after(text, end)
                if counter in ("万人", "人次", "家次", "人", "打"):
                    noun = counter if noun is None else noun
                end = end2 if noun and noun != counter else end
                if counter == "打":
                    value, noun = value * 12, None
    else:
        am = _ASCII_NOUN.match(text, e)
        if (
            has_arabic
            and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]
            and "." not in raw
            and not _cmp_before(text, s)
            and not _REACH_BEFORE.search(text, max(0, s - 3), s)
        ):
            return None  # a bare 2027 is a year label ("2027 OKR")
        if am and has_arabic:
            noun, end = am.group(1), am.end()
        elif single and raw == "零" and _ZERO_NOUN.match(text, e):
            noun, end = _noun_after(text, e)  # 零事故, 零投诉: zero as the target level
            if noun is None:
                return None
        elif single and len(text) > 1 and not _lone_numeral(text, s, e, raw):
            return None  # a lone 一/二 inside words ("之一", "二手") is rarely a number
    # Currency written before the number: ¥300, $20, US$5, RMB 100 (`prev`, `lo` as above).
    cm = _CURRENCY_BEFORE.search(text, lo, s) if prev in _CURRENCY_LAST else None
    start = s
    if cm and kind is _QK.NUMBER and noun is None and cm.start() >= floor:
        sym = cm.group(1).strip()
        kind = _QK.CURRENCY
        unit = {"$": "USD", "US$": "USD", "HK$": "HKD", "€": "EUR", "£": "GBP"}.get(sym, "CNY")
        if sym in ("USD",):
            unit = "USD"
        start = s - len(cm.group(1))
    # `_comparator`'s two pre-checks first: most quantities have no comparator, and the
    # call is skipped
    if text[end : end + 1] in _POST_CMP_FIRST or (start and text[start - 1] in _PRE_CMP_LAST):
        cmp, end = _comparator(text, start, end)
    else:
        cmp = None
    while end > start and text[end - 1] in " \t":  # trailing blanks are not part of it
        end -= 1
    return Quantity(start, end, text[start:end], float(value), kind, unit, noun, cmp)


def _lone_numeral(text: str, s: int, e: int, raw: str) -> bool:
    """A single Chinese digit standing on its own: "排名前三的", "答案是四", "“五”"."""
    nxt = text[e] if e < len(text) else ""
    prev = text[s - 1] if s > 0 else ""
    if raw in "一壹":  # only where it is plainly the digit: "是一却", "“一”"
        return (prev == "是" and nxt in _LONE_NEXT) or (prev in "“「『" and nxt in "”」』")
    if raw not in _BASIC_DIGITS:
        return False
    han_next = "\u4e00" <= nxt <= "\u9fff"
    han_prev = "\u4e00" <= prev <= "\u9fff"
    return (not han_next or nxt in _LONE_NEXT) and (not han_prev or prev in "是前为“「『")


def _fraction(text: str, m: re.Match[str]) -> Quantity | None:
    a, b = int(m.group("a").translate(_TO_ASCII)), int(m.group("b").translate(_TO_ASCII))
    if b == 0:
        return None
    follows = text[m.end() : m.end() + 1]
    mixed = m.group("w") is not None
    # 3/31 and 12/1 read as dates; a fraction needs a sign, a whole part, a numerator or
    # denominator no date has, or a 的 after it (1/2的客户).
    if not (m.group("neg") or mixed or a > 12 or b > 31 or follows == "的"):
        return None
    value = a / b + (int(m.group("w").translate(_TO_ASCII)) if mixed else 0)
    if m.group("neg"):
        value = -value
    return Quantity(m.start(), m.end(), m.group(0), value, _QK.NUMBER)
