"""Time frames in Chinese goals: deadlines (到2027年, 3月31日前, 年底前), periods (本季度,
第三季度, 2027年Q3, 明年, 十四五期间, 2027财年), windows (四个月内, 未来三个月),
frequencies (每月, 月度, 同比, 月活跃用户), baselines (比2020年, 与去年同期相比), scopes
(年度目标, Q2管道) and vague wording (尽快, 逐步).

dateparser misreads Chinese goal language (2027年3月底前 → year 4053; 四个月内 → nothing), so
every expression is read here with a few linear regexes and resolved with `smartlint.dates`.
Each regex is a sequence of bounded pieces with no nested unbounded repetition, so a scan
stays linear on long inputs such as "年" * 20000.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any, cast

from smartlint import dates
from smartlint._lazyre import lazy_pattern
from smartlint.lang.base import Resolver, TimeMention, doc_text
from smartlint.lang.zh.numerals import parse_chinese_number
from smartlint.model import TimeKind

Range = tuple[date | None, date | None]


class _TK:
    """TimeKind's members as plain class attributes: a member looked up on the Enum class
    goes through EnumType.__getattr__ (~0.1 µs, several times for each mention)."""

    DEADLINE = TimeKind.DEADLINE
    PERIOD = TimeKind.PERIOD
    WINDOW = TimeKind.WINDOW
    FREQUENCY = TimeKind.FREQUENCY
    VAGUE = TimeKind.VAGUE
    REFERENCE = TimeKind.REFERENCE


_CN = "零〇一二两三四五六七八九十"
_D = "0-9０-９"
_YEAR = rf"(?:[{_D}]{{4}}|[零〇一二三四五六七八九]{{4}})"
_MONTH = rf"(?:[{_D}]{{1,2}}|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:[{_D}]{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_QN = "[一二三四1-4１-４]"
_S = r"[ \t]?"

#: (gated pattern, plain pattern) for every scanner given a look-ahead, for the tests.
_GATED_PATTERNS: list[tuple[re.Pattern[str], str]] = []


def _gated(first: str, pattern: str) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for the characters its (never empty) matches start with.

    sre tries every alternative at every position of the text; the look-ahead turns most
    positions away with one set test (the scans below cost ~11 µs of a ~30 µs goal before).
    `first` must hold every character a match can start with: the tests compare each gated
    pattern with the plain one.
    """
    gated = re.compile(f"(?=[{first}])(?:{pattern})")
    _GATED_PATTERNS.append((gated, pattern))
    return gated


# An absolute date or period with a year: 2027年, 2027年3月, 2027年3月31日, 2027年3月底,
# 2027年底, 2027年上半年, 2027年第三季度, 2027年Q3, 2027Q3, 2027年度.
_ABS_YEAR = _gated(
    f"{_D}零〇一二三四五六七八九",
    rf"(?P<y>{_YEAR}){_S}(?:年{_S}(?:"
    rf"(?P<m>{_MONTH}){_S}月(?:{_S}(?P<d>{_DAY}){_S}[日号]|(?P<mp>底|末|初|中|上旬|中旬|下旬|份))?"
    rf"|(?P<yp>年?底|年?末|年?初|年?中|度)"
    rf"|(?P<h>上半年|下半年)"
    rf"|第?(?P<q>{_QN}){_S}季度"
    rf"|[Qq](?P<q2>[1-4])|[Hh](?P<h2>[12])"
    rf")?|(?P<fy>财年|财政年度?)|[Qq](?P<q3>[1-4]))",
)
# A month (and day) without a year: 3月31日, 十月一号, 3月底, 6月份. Not after a digit or 年,
# which _ABS_YEAR covers, and not 3个月 (a duration).
_ABS_MONTH = _gated(
    f"{_D}十一二三四五六七八九",
    rf"(?<![{_D}{_CN}年个第])(?P<m>{_MONTH}){_S}月"
    rf"(?:{_S}(?P<d>{_DAY}){_S}[日号]|(?P<mp>底|末|初|中|上旬|中旬|下旬|份))?"
    rf"(?![度活均])",
)
_NUMERIC_DATE = _gated(
    _D,
    rf"(?<![{_D}.\-/])(?P<y>[{_D}]{{4}})[\-/.](?P<m>[{_D}]{{1,2}})[\-/.](?P<d>[{_D}]{{1,2}})"
    rf"(?![{_D}]|\.[{_D}])"
    rf"|(?<![{_D}.\-/])(?P<m2>1[0-2]|0?[1-9])/(?P<d2>3[01]|[12][0-9]|0?[1-9])"
    rf"(?:/(?P<y2>[{_D}]{{4}}))?(?![{_D}/])",
)
# Quarters and halves without a year: 第三季度, 三季度, Q3, Q3 2027, H2, FY27 Q3, 上半年.
_QUARTER = _gated(
    "FfQqHh第一二三四1-4１-４上下",
    rf"(?<![A-Za-z0-9])(?:(?P<fy>FY|fy)[ \t]?(?P<fyy>\d{{2}}(?:\d{{2}})?)[ \t]?)?"
    rf"(?:[Qq](?P<q>[1-4])|[Hh](?P<h>[12]))(?![0-9A-Za-z])(?:[ \t]?(?P<y>20\d{{2}})(?!\d))?"
    rf"|(?<![{_CN}])第?(?P<q2>{_QN}){_S}季度(?P<qp>末|底|初)?"
    rf"|(?P<h2>上半年|下半年)",
)
_FISCAL = _gated(
    r"Ff\d",
    rf"(?<![A-Za-z0-9])(?:FY|fy)[ \t]?(?P<y>\d{{4}}|\d{{2}})(?![0-9])|(?P<y2>\d{{2}}){_S}财年",
)
# the plan's name is often quoted: "“十四五”期间", "到“十五五”末"
_FIVE_YEAR = re.compile(
    r"[“「『\"]?(?P<n>十[一二三四五六]五)[”」』\"]?(?P<p>期间|时期|末|期末|期(?![待望间末]))?"
)
# School and multi-year periods: "2027—2028学年", "2027-2028年度", "2027学年".
_SPAN_YEAR = _gated(
    "12",
    r"(?P<y1>(?:19|20)\d{2})(?:年)?[ \t]*[—–\-~～至到][ \t]*(?P<y2>(?:19|20)\d{2})[ \t]*"
    r"(?:年)?(?P<w>学年度?|年度|财年|赛季)"
    r"|(?P<y>(?:19|20)\d{2})[ \t]*(?P<w1>学年度?)",
)
# Windows from now: 四个月内, 未来三个月, 接下来的90天, 在两周之内, 半年内, 一年内.
_WINDOW = _gated(
    f"未接今此之随过近最前后 \t{_D}{_CN}半几数个工天日星周年秒分小钟毫",
    rf"(?P<pre>未来|接下来的?|今后|此后|之后的?|随后的?|过去|近|最近|前|后)?{_S}"
    rf"(?P<n>[{_D}]{{1,4}}(?:\.[{_D}])?|[{_CN}]{{1,4}}|半|几|数)?{_S}"
    # the units after 个 grouped under one 个: the same matches, fewer alternatives to try
    rf"(?P<u>个(?:工作日|星期|半?月|季度|小时|钟头)|工作日|天|日|星期|周|年|秒钟?|分钟|小时|钟头|毫秒)"
    rf"(?P<half>半)?"
    rf"(?P<post>内(?![容部外涵])|之内|以内|里|期间)?",
)
_UNIT_DAYS = {"天": 1, "日": 1, "个工作日": 1, "工作日": 1, "星期": 7, "个星期": 7, "周": 7}
_UNIT_MONTHS = {"个月": 1, "个半月": 1, "个季度": 3, "年": 12}
_SMALL_UNITS = frozenset({"秒", "秒钟", "分钟", "小时", "个小时", "钟头", "个钟头", "毫秒"})

# Named relative periods: (unit, offset) for this_period, or a special kind.
_RELATIVE: dict[str, tuple[str, int]] = {
    "今年": ("cyear", 0), "本年": ("cyear", 0), "本年度": ("cyear", 0), "今年度": ("cyear", 0),
    "当年": ("cyear", 0), "今年内": ("cyear", 0), "年内": ("cyear", 0), "本年内": ("cyear", 0),
    "全年": ("cyear", 0), "今年全年": ("cyear", 0),
    "明年": ("cyear", 1), "来年": ("cyear", 1), "下一年": ("cyear", 1), "明年度": ("cyear", 1),
    "下一年度": ("cyear", 1), "明年内": ("cyear", 1), "后年": ("cyear", 2),
    "本季度": ("quarter", 0), "本季": ("quarter", 0), "这个季度": ("quarter", 0),
    "这一季度": ("quarter", 0), "当季": ("quarter", 0), "本季度内": ("quarter", 0),
    "当前季度": ("quarter", 0),
    "下季度": ("quarter", 1), "下个季度": ("quarter", 1), "下一季度": ("quarter", 1),
    "下一个季度": ("quarter", 1), "下季": ("quarter", 1),
    "本月": ("month", 0), "这个月": ("month", 0), "当月": ("month", 0), "本月内": ("month", 0),
    "下个月": ("month", 1), "下月": ("month", 1), "下一个月": ("month", 1),
    "本周": ("week", 0), "这周": ("week", 0), "这个星期": ("week", 0), "本星期": ("week", 0),
    "下周": ("week", 1), "下个星期": ("week", 1), "下星期": ("week", 1), "下一周": ("week", 1),
    "今天": ("day", 0), "今日": ("day", 0), "明天": ("day", 1), "明日": ("day", 1),
    "后天": ("day", 2), "後天": ("day", 2),
    "本学期": ("term", 0), "这学期": ("term", 0), "下学期": ("term", 1), "本学年": ("term", 0),
    "下学年": ("term", 1), "下一学年": ("term", 1), "新学年": ("term", 1),
    "本财年": ("year", 0), "本财政年度": ("year", 0), "下一财年": ("year", 1),
    "下财年": ("year", 1), "下个财年": ("year", 1),
    # Ends of periods: deadlines.
    "年底": ("cyear_end", 0), "年末": ("cyear_end", 0), "年终": ("cyear_end", 0),
    "今年年底": ("cyear_end", 0), "今年底": ("cyear_end", 0), "今年年末": ("cyear_end", 0),
    "本年底": ("cyear_end", 0), "本年末": ("cyear_end", 0), "年中": ("cyear_mid", 0),
    "明年底": ("cyear_end", 1), "明年年底": ("cyear_end", 1), "明年年末": ("cyear_end", 1),
    "明年末": ("cyear_end", 1), "明年年中": ("cyear_mid", 1), "明年中": ("cyear_mid", 1),
    "季度末": ("quarter_end", 0), "季末": ("quarter_end", 0), "本季度末": ("quarter_end", 0),
    "本季末": ("quarter_end", 0), "季度底": ("quarter_end", 0), "下季度末": ("quarter_end", 1),
    "月底": ("month_end", 0), "月末": ("month_end", 0), "本月底": ("month_end", 0),
    "本月末": ("month_end", 0), "下月底": ("month_end", 1), "下个月底": ("month_end", 1),
    "财年末": ("year_end", 0), "财年底": ("year_end", 0), "本财年末": ("year_end", 0),
    # Past periods: baselines, never bounds.
    "去年": ("past", 0), "上一年": ("past", 0), "前年": ("past", 0), "上年": ("past", 0),
    "去年同期": ("past", 0), "上年同期": ("past", 0), "同期": ("past", 0),
    "上季度": ("past", 0), "上个季度": ("past", 0), "上一季度": ("past", 0),
    "上个月": ("past", 0), "上月": ("past", 0), "上周": ("past", 0), "上个星期": ("past", 0),
    "昨天": ("past", 0), "昨日": ("past", 0), "前天": ("past", 0), "过去": ("past", 0),
}  # fmt: skip
_VAGUE = (
    "尽快|尽早|早日|适时|逐步|逐渐|逐年|持续|不断|长期|近期|将来|日后|随时|及时|最终|终将|"
    "有朝一日|短期内|中长期|中期|远期|迟早|一段时间|今后一段时间|未来几年|未来几个月|近几年|"
    "不久|很快|早晚|未来|下一步|今后|以后|稍后|近日|最近|择机|视情况"
)
# Round the clock (7×24, 24x7): the only words that start with a digit.
_ROUND_THE_CLOCK = "7[×x*]24|24[×x*]7"
_FREQUENCY = (
    "每个?(?:工作日|天|日|周|星期|月|季度|季|年|小时|分钟|秒|半年)|每年度|月度|周度|日度|"
    "年度|季度|半年度|年均|月均|日均|周均|年化|同比|环比|年同比|月环比|"
    "月活跃|日活跃|周活跃|月活|日活|周活|MAU|DAU|WAU|逐月|按月|按季|按年|按周|全天候|"
    "常态化|定期|" + _ROUND_THE_CLOCK
)
# One alternation, relative words first, then vague, then frequency words: every
# alternative starts with a literal, so sre skips ahead to a possible first character
# (with a named group around each list it tried all ~200 alternatives at every position:
# 6.6 → 1.8 µs a goal). Which list matched is read back from the word (`_words`).
# Round-the-clock words are scanned apart (`_CLOCK`, when the text has ×, x or *): in the
# alternation, every 2 and 7 of a year made sre try all ~60 first characters there (1.4 →
# 1.2 µs a goal). No other word shares a character with them, so no match of one scan can
# overlap one of the other, and the two scans find what the one did (the tests compare).
_WORDS_FLAT = (
    "|".join(sorted(_RELATIVE, key=len, reverse=True))
    + "|"
    + _VAGUE
    + "|"
    + _FREQUENCY.removesuffix("|" + _ROUND_THE_CLOCK)
)
_CLOCK = re.compile(_ROUND_THE_CLOCK)


def _top_level_alternatives(pattern: str) -> list[str]:
    """`pattern` split at the `|` outside any group."""
    out: list[str] = []
    depth, start = 0, 0
    for i, c in enumerate(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _by_first_character(pattern: str) -> str:
    """The alternatives of `pattern` (each starting with a literal character) grouped under
    their first character, in their order: 年底|年末|本年 → 年(?:底|末)|本年.

    Only alternatives sharing a first character can match at one position, so the first
    that matches is the same in both forms; sre then tries one group, not all ~190 words,
    at a position (1.9 → 1.1 µs a goal; a test compares it with the flat form).
    """
    groups: dict[str, list[str]] = {}
    for alt in _top_level_alternatives(pattern):
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(
        first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for first, rests in groups.items()
    )


_WORDS = re.compile(_by_first_character(_WORDS_FLAT))
_VAGUE_WORDS = frozenset(_VAGUE.split("|"))
# An event that bounds the goal: 在产品上线前, 于年会之前, 双十一前, 春节前.
_EVENT_WORDS = (
    "上线|发布会|发布|大会|会议|典礼|开业|启动|投产|交付|验收|结项|峰会|开学|年会|截止日|上市|"
    "落地|大促|展会|评审|审计|考试|比赛|春节|国庆|元旦|中秋|双十一|双11|618|五一"
)
_EVENT = _gated(
    "在于赶" + "".join(sorted({w[0] for w in _EVENT_WORDS.split("|")})),
    r"(?:在|于|赶在)[^，。；,;：:\s在于]{0,12}?(?:" + _EVENT_WORDS + r")"
    r"(?:日|当天)?(?:之前|以前|前)"
    r"|(?:" + _EVENT_WORDS + r")(?:日|当天)?(?:之前|以前|前)(?![往进景端台提])",
)
_WEEKDAY = _gated(
    "下本这上周星礼禮週", r"(?:下|本|这|上)?(?:周|星期|礼拜|禮拜|週)[一二三四五六日天1-7]"
)

# Words around a time expression that change its role.
_PRE_DEADLINE = re.compile(
    r"(到|至|截至|截止到|截止|直到|直至|不晚于|最迟|最晚)[ \t]*(?:于|在)?[ \t]*$"
)
_PRE_REFERENCE = re.compile(
    r"(比|较|相比|相较于?|相对于|对比|与|从|自从|自|基于)[ \t]*(?:于)?[ \t]*$"
)
_POST_DEADLINE = re.compile(r"[ \t]*(之前|以前|前|为止|结束前|截止|底前|末前)")
_POST_PERIOD = re.compile(r"[ \t]*(内(?![容部外涵])|之内|以内|期间|全年|当中|中(?![文国心]))")
_NOT_WITHIN = frozenset("容部外涵")
_POST_REFERENCE = re.compile(
    r"[ \t]*(相比|比较|同期|以来|起|开始|的基础上|基础上|的水平|水平|的基数|基数|的数据|数据)"
)
# Scopes: a period that only says which things are measured ("Q2管道", "Q3续约",
# "FY22审计"), and the adjectives 年度/季度 before a plan word ("年度目标"). "Q3 OKR" and
# "Q3目标" stay bounding: they say when the goal is due.
_POST_SCOPE_THINGS = re.compile(
    r"[ \t]*(?:的)?[ \t]*(?:销售|新)?(?:管道|续约|审计|财报|年报|商机|销售线索|线索|渠道|"
    r"pipeline|Pipeline|renewals?)"
)
_POST_SCOPE = re.compile(
    r"[ \t]*(?:的)?[ \t]*(?:目标|预算|计划|指标|OKR|OKRs|KPI|任务|考核|规划|报告|总结|复盘)"
)
# "3天内解决率", "90天内独立完成首单的比例": the window is part of the metric.
_POST_RATE = re.compile(r"[^，。；,;将把使让]{0,8}?(率|比例|占比)")
# "缩短到三个月以内": a duration after 到/至/为 is the metric's target.
_PRE_TARGET = re.compile(r"(到|至|为|于)[ \t]*$")
_PRE_IN = re.compile(r"(在|于|到|至)[ \t]*$")
# 全年…目标: the year only says which target is meant.
_WHOLE_YEAR_SCOPE = re.compile(r"[^，。；,;]{0,8}?(目标|指标|任务|计划|预算)")
_JOINERS = frozenset({"到", "至", "—", "–", "-", "~", "～"})

# Pre-checks for `_role`, which tries up to nine patterns around each mention: the
# character after a mention must start a match of each `.match` pattern, the character
# before it end a match of each `$`-anchored one ("$" also matches before a final newline).
# Most mentions have plain text on both sides and skip the calls (tests check the sets).
_BLANK = " \t"
# kinds that never bound a goal, as one tuple (not built from three lookups a mention)
_UNBOUNDING = (TimeKind.VAGUE, TimeKind.REFERENCE, TimeKind.FREQUENCY)
_FIRST_POST_REFERENCE = frozenset(_BLANK + "相比同以起开的基水数")
_FIRST_POST_SCOPE_THINGS = frozenset(_BLANK + "的销新管续审财年商线渠pPr")
_FIRST_POST_SCOPE = frozenset(_BLANK + "的目预计指OK任考规报总复")
_FIRST_POST_DEADLINE = frozenset(_BLANK + "之以前为结截底末")
_FIRST_POST_PERIOD = frozenset(_BLANK + "内之以期全当中")
_LAST_PRE_REFERENCE = frozenset(_BLANK + "\n比较于与从自")
_LAST_PRE_TARGET = frozenset(_BLANK + "\n到至为于")
_LAST_PRE_DEADLINE = frozenset(_BLANK + "\n到至止于迟晚在")
#: (pattern, characters its matches start with) and (pattern, characters they end with).
_MATCH_GATES = (
    (_POST_REFERENCE, _FIRST_POST_REFERENCE),
    (_POST_SCOPE_THINGS, _FIRST_POST_SCOPE_THINGS),
    (_POST_SCOPE, _FIRST_POST_SCOPE),
    (_POST_DEADLINE, _FIRST_POST_DEADLINE),
    (_POST_PERIOD, _FIRST_POST_PERIOD),
)
_SEARCH_GATES = (
    (_PRE_REFERENCE, _LAST_PRE_REFERENCE),
    (_PRE_TARGET, _LAST_PRE_TARGET),
    (_PRE_DEADLINE, _LAST_PRE_DEADLINE),
)


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    v = parse_chinese_number(s)
    if v is None or v != int(v):
        return None
    return int(v)


def _year_of(s: str) -> int | None:
    v = _num(s)
    return v if v is not None and 1000 <= v <= 9999 else None


def _day(year: int, month: int, day: int) -> Range:
    """A single day, or (None, None) when it does not exist (2月30日)."""
    try:
        d = date(year, month, day)
    except ValueError:
        return None, None
    return d, d


def _fixed(rng: Range) -> Resolver:
    return lambda ref, fys: rng


def _end_only(resolver: Resolver) -> Resolver:
    def resolve(ref: date, fys: int) -> Range:
        return None, resolver(ref, fys)[1]

    return resolve


def _future_month(month: int, day: int | None, part: str | None) -> Resolver:
    """A month (and day) without a year: the next occurrence on or after the reference."""

    def resolve(ref: date, fys: int) -> Range:
        first, _last = dates.next_month_occurrence(ref, month)
        if day is not None:
            d = date(first.year, month, day)
            if d < ref:
                d = date(first.year + 1, month, day)
            return d, d
        return _month_part(first.year, month, part)

    return resolve


def _month_part(year: int, month: int, part: str | None) -> Range:
    first, last = dates.month_range(year, month)
    if part in ("初", "上旬"):
        return first, first.replace(day=10)
    if part in ("中", "中旬"):
        return first.replace(day=11), first.replace(day=20)
    if part in ("下旬",):
        return first.replace(day=21), last
    return first, last


def _year_part(year: int, part: str | None) -> Range:
    first, last = dates.year_range(year)
    if part in ("初", "年初"):
        return first, date(year, 3, 31)
    if part in ("中", "年中"):
        return date(year, 6, 30), date(year, 6, 30)
    if part in ("底", "末", "年底", "年末"):
        return last, last
    return first, last


#: A candidate mention before overlaps are settled: (start, end, kind, resolver, what).
#: A plain tuple: a class with an `__init__` cost ~0.4 µs a candidate to make.
_Found = tuple[int, int, TimeKind, "Resolver | None", str]


_HALVES = {"上半年": 1, "下半年": 2}


def _abs_year(m: re.Match[str]) -> _Found | None:
    # the groups in one call, not one each; each value read when its branch is reached
    y, fy_word, m_raw, d_raw, q1, q2, q3, h1, h2 = m.group(
        "y", "fy", "m", "d", "q", "q2", "q3", "h", "h2"
    )
    year = _year_of(y)
    if year is None:
        return None
    kind = _TK.PERIOD
    if fy_word:
        return (m.start(), m.end(), kind, lambda ref, fys: dates.fiscal_year_range(year, fys), "fy")
    month = _num(m_raw)
    if month is not None:
        if not 1 <= month <= 12:
            return None
        day = _num(d_raw)
        if day is not None:
            if not 1 <= day <= 31:
                return None
            return (
                m.start(),
                m.end(),
                _TK.PERIOD,
                _fixed(_day(year, month, day)),
                "day",
            )
        part = m.group("mp")
        if part in ("底", "末"):
            return (
                m.start(),
                m.end(),
                _TK.DEADLINE,
                lambda ref, fys: (None, dates.month_end(year, month)),
                "end",
            )
        return (m.start(), m.end(), kind, lambda ref, fys: _month_part(year, month, part), "month")
    q = _num(q1) or _num(q2) or _num(q3)
    if q is not None:
        # 2027年第三季度 names a calendar quarter: 年 is the calendar year.
        return (
            m.start(),
            m.end(),
            kind,
            lambda ref, fys: dates.quarter_range(year, q, 1),
            "quarter",
        )
    h = _num(h2) or _HALVES.get(h1 or "")
    if h is not None:
        return (m.start(), m.end(), kind, lambda ref, fys: dates.half_range(year, h, 1), "half")
    part = m.group("yp")
    if part and part.lstrip("年") in ("底", "末"):
        return (
            m.start(),
            m.end(),
            _TK.DEADLINE,
            lambda ref, fys: (None, date(year, 12, 31)),
            "end",
        )
    if not m.group(0).rstrip().endswith(("年", "度", "底", "末", "初", "中")) and not part:
        return None  # a bare 2027 without 年 is not a time expression here
    return (m.start(), m.end(), kind, lambda ref, fys: _year_part(year, part), "year")


def _abs_month(m: re.Match[str]) -> _Found | None:
    month = _num(m.group("m"))
    if month is None or not 1 <= month <= 12:
        return None
    day = _num(m.group("d"))
    if day is not None and not 1 <= day <= 31:
        return None
    part = m.group("mp")
    if day is None and part in ("底", "末"):

        def resolve(ref: date, fys: int) -> Range:
            return None, dates.next_month_occurrence(ref, month)[1]

        return (m.start(), m.end(), _TK.DEADLINE, resolve, "end")
    return (m.start(), m.end(), _TK.PERIOD, _future_month(month, day, part), "month")


def _numeric_date(m: re.Match[str]) -> _Found | None:
    if m.group("y"):
        y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return (m.start(), m.end(), _TK.PERIOD, _fixed(_day(y, mo, d)), "day")
    mo, d = _num(m.group("m2")), _num(m.group("d2"))
    if mo is None or d is None:
        return None
    y2 = _num(m.group("y2"))
    if y2 is not None:  # 10/1/2018: month/day/year as in the source texts
        return (m.start(), m.end(), _TK.PERIOD, _fixed(_day(y2, mo, d)), "day")
    return (m.start(), m.end(), _TK.PERIOD, _future_month(mo, d, None), "day")


# A bare Q3's dates depend on (reference date, quarter, fiscal year start) alone: worked
# out once per run, not once per goal (~1 µs each).
_next_quarter = functools.lru_cache(maxsize=64)(dates.next_quarter_occurrence)


def _quarter(m: re.Match[str]) -> _Found | None:
    q1, q2, h1, h2, fy, y = m.group("q", "q2", "h", "h2", "fyy", "y")  # one call, not six
    q = _num(q1) or _num(q2)
    h = _num(h1) or _HALVES.get(h2 or "")
    year = dates.expand_year(int(fy)) if fy else (int(y) if y else None)
    fiscal = bool(fy)
    if q is not None:
        if year is not None:
            return (
                m.start(),
                m.end(),
                _TK.PERIOD,
                lambda ref, fys: dates.quarter_range(year, q, fys if fiscal else 1),
                "quarter",
            )
        if m.group("qp") in ("末", "底"):
            return (
                m.start(),
                m.end(),
                _TK.DEADLINE,
                lambda ref, fys: (None, _next_quarter(ref, q, fys)[1]),
                "end",
            )
        return (
            m.start(),
            m.end(),
            _TK.PERIOD,
            lambda ref, fys: _next_quarter(ref, q, fys),
            "q",
        )
    if h is not None:
        if year is not None:
            return (
                m.start(),
                m.end(),
                _TK.PERIOD,
                lambda ref, fys: dates.half_range(year, h, fys if fiscal else 1),
                "half",
            )
        return (
            m.start(),
            m.end(),
            _TK.PERIOD,
            lambda ref, fys: dates.next_half_occurrence(ref, h, fys),
            "q",
        )
    return None


def _fiscal(m: re.Match[str]) -> _Found | None:
    y = m.group("y") or m.group("y2")
    year = dates.expand_year(int(y))
    return (
        m.start(),
        m.end(),
        _TK.PERIOD,
        lambda ref, fys: dates.fiscal_year_range(year, fys),
        "fy",
    )


_FIVE_YEAR_START = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021,
                    "十五五": 2026, "十六五": 2031}  # fmt: skip


def _five_year(m: re.Match[str]) -> _Found | None:
    first = _FIVE_YEAR_START[m.group("n")]
    if m.group("p") in ("末", "期末"):
        return (m.start(), m.end(), _TK.DEADLINE, _fixed((None, date(first + 4, 12, 31))), "end")
    rng = _fixed((date(first, 1, 1), date(first + 4, 12, 31)))
    if m.group("p") is None and not _PRE_IN.search(m.string, max(0, m.start() - 2), m.start()):
        # "十四五规划", "十四五数字政府建设": the plan's name, not a period to finish in.
        return (m.start(), m.end(), _TK.REFERENCE, rng, "scope")
    return (m.start(), m.end(), _TK.PERIOD, rng, "plan")


def _span_year(m: re.Match[str]) -> _Found | None:
    """ "2027—2028学年": a school year runs September to August; other spans whole years."""
    if m.group("y"):
        first, last = int(m.group("y")), int(m.group("y")) + 1
        school = True
    else:
        first, last = int(m.group("y1")), int(m.group("y2"))
        school = m.group("w").startswith("学")
        if not 0 <= last - first <= 10:
            return None
    if school:
        rng = (date(first, 9, 1), date(last, 8, 31))
    else:
        rng = (date(first, 1, 1), date(last, 12, 31))
    return (m.start(), m.end(), _TK.PERIOD, _fixed(rng), "year")


def _window(m: re.Match[str]) -> _Found | None:
    pre, post, unit, raw = m.group("pre", "post", "u", "n")  # one call for the four
    if raw is None and pre is None:
        return None
    if raw is None:
        if unit not in ("年",) or pre not in ("近", "最近", "过去"):
            return None
        n: float | None = 1.0
    elif raw == "半":
        n = 0.5
    elif raw in ("几", "数"):
        return (m.start(), m.end(), _TK.VAGUE, None, "vague")
    else:
        n = parse_chinese_number(raw)
    if n is None or n <= 0:
        return None
    if unit == "年" and n >= 100:
        return None  # 2027年 is a year, handled elsewhere
    if m.start() > 0 and m.string[m.start() - 1] == "每":
        return (m.start() - 1, m.end(), _TK.FREQUENCY, None, "freq")  # 每3个月
    if m.group("half") or unit == "个半月":
        n += 0.5
    if pre in ("过去", "前", "近", "最近"):
        return (m.start(), m.end(), _TK.REFERENCE, None, "past")
    if unit in _SMALL_UNITS:
        # 5分钟内响应: a duration inside the metric, never a bound on the goal.
        return (m.start(), m.end(), _TK.WINDOW, None, "metric")
    days = _UNIT_DAYS.get(unit)
    months = _UNIT_MONTHS.get(unit)
    amount = float(n)

    def resolve(ref: date, fys: int) -> Range:
        if days is not None:
            return ref, ref + timedelta(days=round(days * amount))
        whole = round((months or 0) * amount)
        return ref, dates.add_months(ref, whole)

    bounded = post is not None or pre is not None
    return (m.start(), m.end(), _TK.WINDOW, resolve, "window" if bounded else "duration")


def _words(m: re.Match[str]) -> _Found | None:
    start, end = m.span()
    kind, resolver, what, within = _word_reading(m.group(0))
    if within and m.string[end : end + 1] in _NOT_WITHIN:
        return None  # 年内容: 内容 "content"
    return (start, end, kind, resolver, what)


# The reading of a word depends on the word alone, and the words are a fixed list: each is
# worked out (and its resolver made) once.
@functools.lru_cache(maxsize=1024)
def _word_reading(word: str) -> tuple[TimeKind, Resolver | None, str, bool]:
    """(kind, resolver, what, whether the word is a bounding one ending in 内)."""
    kind, resolver, what = _read_word(word)
    if resolver is not None:
        # Dates depend on (reference date, fiscal year start) alone, the same for every
        # goal of a run: each word's are worked out once (this_period cost ~1 µs a goal).
        resolver = functools.lru_cache(maxsize=8)(resolver)
    rel = _RELATIVE.get(word)
    within = rel is not None and rel[0] != "past" and word.endswith("内")
    return kind, resolver, what, within


def _read_word(word: str) -> tuple[TimeKind, Resolver | None, str]:
    # A word of an earlier list is always matched by that list's own alternative, so the
    # list a match came from is the first list that holds the matched word.
    rel = _RELATIVE.get(word)
    if rel is None:
        if word in _VAGUE_WORDS:
            return _TK.VAGUE, None, "vague"
        return _TK.FREQUENCY, None, "freq"
    unit, offset = rel
    if unit == "past":
        return _TK.REFERENCE, None, "past"
    if unit == "term":  # school terms: bounding, dates depend on the school calendar
        return _TK.PERIOD, None, "rel"
    if unit == "cyear":
        return _TK.PERIOD, lambda ref, fys: dates.year_range(ref.year + offset), "rel"
    if unit == "cyear_end":
        return _TK.DEADLINE, lambda ref, fys: (None, date(ref.year + offset, 12, 31)), "end"
    if unit == "cyear_mid":
        return _TK.DEADLINE, lambda ref, fys: (None, date(ref.year + offset, 6, 30)), "end"
    if unit.endswith("_end"):
        base = cast(dates.Unit, unit[:-4])
        return (
            _TK.DEADLINE,
            lambda ref, fys: (None, dates.this_period(ref, base, fys, offset)[1]),
            "end",
        )
    return (
        _TK.PERIOD,
        lambda ref, fys: dates.this_period(ref, cast(dates.Unit, unit), fys, offset),
        "rel",
    )


def _event(m: re.Match[str]) -> _Found | None:
    return (m.start(), m.end(), _TK.DEADLINE, None, "event")


def _weekday(m: re.Match[str]) -> _Found | None:
    if m.group(0).startswith("上"):
        return (m.start(), m.end(), _TK.REFERENCE, None, "past")
    return (m.start(), m.end(), _TK.PERIOD, None, "weekday")


_Handler = Callable[[re.Match[str]], "_Found | None"]
# (start offset, end offset, kind, resolver, what) of a reading, or None
_Reading = tuple[int, int, TimeKind, "Resolver | None", str] | None
_MAX_READINGS = 1024


def _by_phrase(handler: _Handler) -> _Handler:
    """`handler`, worked out once for each (character before, matched phrase, character
    after) and its reading reused, positions shifted (~1 µs a match less for 2027年底,
    Q3, 三个月内: goals repeat a few dozen phrases).

    Only for a handler that reads nothing but the match's groups and the characters next
    to it, of a pattern whose look-arounds see no farther than those: the groups are then
    the same wherever the phrase is matched (the tests compare with the plain handler).
    Each resolver is cached too (dates depend on (reference date, fiscal year start)).
    """
    readings: dict[tuple[str, str, str], _Reading] = {}

    def read(m: re.Match[str]) -> _Found | None:
        start, end = m.span()
        text = m.string
        key = (text[start - 1 : start], m.group(0), text[end : end + 1])
        try:
            reading = readings[key]
        except KeyError:
            f = handler(m)
            reading = None
            if f is not None:
                resolver = f[3] if f[3] is None else functools.lru_cache(maxsize=8)(f[3])
                reading = (f[0] - start, f[1] - end, f[2], resolver, f[4])
            if len(readings) >= _MAX_READINGS:
                readings.clear()  # bounded: a long run of odd texts starts it afresh
            readings[key] = reading
        if reading is None:
            return None
        return (start + reading[0], end + reading[1], reading[2], reading[3], reading[4])

    return read


# Each scanner with the characters one of which its matches must contain: a scan is
# skipped when none occurs in the text (most goals have no "/", "五" or "周"). A few also
# name words one of which every match contains, searched for only when a character is there
# (`_scanners_for` makes them a gate): "度" is common, "年度" less so.
_Scanner = tuple[re.Pattern[str], Callable[[re.Match[str]], "_Found | None"], str, tuple[str, ...]]
_SCANNERS: tuple[_Scanner, ...] = (
    (_ABS_YEAR, _by_phrase(_abs_year), "年财Qq", ()),
    (_ABS_MONTH, _abs_month, "月", ()),
    (_NUMERIC_DATE, _numeric_date, "/-.－", ()),
    (_QUARTER, _by_phrase(_quarter), "QqHh季半", ()),
    (_FISCAL, _fiscal, "Ff财", ()),
    (_FIVE_YEAR, _five_year, "五", ()),
    (_SPAN_YEAR, _span_year, "学度财赛", ("学", "年度", "财年", "赛季")),
    (_WINDOW, _by_phrase(_window), "天日周期月季年秒钟时", ()),
    (_WORDS, _words, "", ()),
    (_CLOCK, _words, "×x*", ()),
    (_EVENT, _event, "前", ()),
    (_WEEKDAY, _weekday, "周星礼禮週", ("周", "星期", "礼拜", "禮拜", "週")),
)


# Which scanners each trigger character allows, as bits; one findall of the trigger
# characters then says which scanners to run (a set of the text's characters and a
# set test a scanner cost 2.3 µs a goal, this 1.1 µs).
def _trigger_bits() -> tuple[dict[str, int], int]:
    """Each trigger character's scanners, and the scanners without triggers, as bits."""
    bits: dict[str, int] = {}
    always = 0
    for i, (_pattern, _handler, chars, _words) in enumerate(_SCANNERS):
        if not chars:
            always |= 1 << i
        for c in chars:
            bits[c] = bits.get(c, 0) | 1 << i
    return bits, always


_TRIGGER_BITS, _ALWAYS = _trigger_bits()
_TRIGGER_CHARS = re.compile("[" + re.escape("".join(_TRIGGER_BITS)) + "]")
_SCANNER_BITS = tuple((1 << i, p, h, w) for i, (p, h, _c, w) in enumerate(_SCANNERS))
#: (the scanner's `finditer`, its handler, the `search` of its gate or None)
_Scan = tuple[
    Callable[[str], Iterator[re.Match[str]]],
    Callable[[re.Match[str]], "_Found | None"],
    "Callable[[str], re.Match[str] | None] | None",
]

# A cheaper search that finds something in every text where the window scanner finds a
# window `_window` keeps: a count (digits, 一…十, 半, 几, 数) or the end of 近/过去 right
# before a unit, with at most two blanks between. Before 年 an Arabic count must be under
# 100 (`_window` drops the rest): 1-2 digits not after a digit (with a digit before, the
# scan's match would have started there and taken it in), or zeros then 1-2 digits. Most
# goals the scanner runs on have only 2027年, 年度, 每周, 个季度: skipping the scan there
# saves ~0.6 µs a goal for a ~0.4 µs gate (the tests check the claim).
_WINDOW_GATE = (
    rf"[{_CN}半几数近去][ \t]{{0,2}}[个工天日星周年秒分小钟毫]"
    rf"|[{_D}][ \t]?[个工天日星周秒分小钟毫]"
    rf"|(?<![{_D}])[0０]?[{_D}]{{1,2}}(?:\.[{_D}])?[ \t]?年"
    rf"|[0０]{{2}}[{_D}]{{2}}(?:\.[{_D}])?[ \t]?年"
)
# The same search opening with a class of every character a match starts with, each
# alternative's own start then checked behind it: sre skips in C from one such character
# to the next, where the plain form (its alternatives open with classes and a look-behind)
# made a match attempt at every position (1.1 → 0.6 µs a goal; the tests compare the two).
# `(?<![0-9].)` after the first digit is the plain form's `(?<![0-9])` before it; the first
# digit is the optional zero or the first of the 1-2 digits.
_WINDOW_COUNT = f"{_CN}半几数近去"
_WINDOW_GATE_FIRST = (
    rf"[{_WINDOW_COUNT}{_D}](?:(?<=[{_WINDOW_COUNT}])[ \t]{{0,2}}[个工天日星周年秒分小钟毫]"
    rf"|(?<=[{_D}])(?:[ \t]?[个工天日星周秒分小钟毫]"
    rf"|(?<![{_D}].)(?:(?<=[0０])[{_D}]{{1,2}}|[{_D}]?)(?:\.[{_D}])?[ \t]?年"
    rf"|(?<=[0０])[0０][{_D}]{{2}}(?:\.[{_D}])?[ \t]?年))"
)
# Every event match holds an event word and 前 (日/当天, 之/以 between): 437 of 2,000
# goals have 前, 7 an event before it (0.38 µs a gate, 1.4 µs the scan).
_EVENT_GATE = f"(?:{_EVENT_WORDS})(?:日|当天)?(?:之|以)?前"
# Every month match has a month numeral's last character right before 月 (a blank
# between at most): 359 of 2,000 goals have 月, 157 such a pair (个月, 每月, 月度 are
# the rest); every weekday match a week word right before a day. 237 goals have 周, 星期
# or 礼拜, none a weekday (每周, 周度). A gate ~0.3 µs, a scan ~1 µs.
_MONTH_GATE = rf"[{_D}十一二三四五六七八九][ \t]?月"
_WEEKDAY_GATE = r"(?:周|星期|礼拜|禮拜|週)[一二三四五六日天1-7]"
_GATES = {
    _WINDOW: _WINDOW_GATE_FIRST,
    _EVENT: _EVENT_GATE,
    _ABS_MONTH: _MONTH_GATE,
    _WEEKDAY: _WEEKDAY_GATE,
}


# Keyed on the goal's trigger characters ("年月"): a few dozen keys cover most goals, and
# a hit replaces a loop over every trigger and every scanner (~1.2 → ~0.5 µs a goal). The
# bits are OR-ed, so only which characters occur matters: a key of more than
# `_MAX_TRIGGER_KEY` characters is made a sorted set (a junk text of 20,000 "年" makes a
# 1-character key); shorter ones are kept as found (the set and sort cost ~0.5 µs a goal).
_MAX_TRIGGER_KEY = 8


@functools.lru_cache(maxsize=1024)
def _scanners_for(triggers: str) -> tuple[_Scan, ...]:
    """The scanners (finditer, handler, gate) to run on a text with these trigger
    characters. A gate's pattern is compiled here, on the first goal that needs it.

    A scanner's words are a gate of their own (`学|年度|…`, one search in C where an
    `any` over `in` tests was a Python-level loop), unless it has a gate: each of those
    is a narrower test that every match passes (the tests check both)."""
    present = _ALWAYS
    for c in triggers:
        present |= _TRIGGER_BITS[c]
    scans: list[_Scan] = []
    for bit, p, h, w in _SCANNER_BITS:
        if present & bit:
            gate = _GATES.get(p) or ("|".join(map(re.escape, w)) if w else None)
            scans.append((p.finditer, h, None if gate is None else re.compile(gate).search))
    return tuple(scans)


def _candidates(text: str) -> list[_Found]:
    found: list[_Found] = []
    triggers = "".join(_TRIGGER_CHARS.findall(text))
    if len(triggers) > _MAX_TRIGGER_KEY:
        triggers = "".join(sorted(set(triggers)))
    for finditer, handler, gate in _scanners_for(triggers):
        if gate is not None and gate(text) is None:
            continue
        # (no scanner's pattern matches an empty string: the tests check their widths)
        for m in finditer(text):
            f = handler(m)
            if f is not None:
                found.append(f)
    # Longest first at each position, then drop what overlaps an earlier pick.
    if len(found) < 2:
        return found  # nothing to order or to drop (most goals have one mention or none)
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    kept: list[_Found] = []
    last_end = -1
    for f in found:
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    return kept


def _role(text: str, f: _Found) -> tuple[int, int, TimeKind, bool, Resolver | None]:
    """Widen the span over role words (到…, …前, …内) and decide kind and bounding."""
    start, end, kind, resolver, what = f
    if end - start == 2 and text[start:end] == "全年" and _WHOLE_YEAR_SCOPE.match(text, end):
        return start, end, _TK.REFERENCE, False, resolver
    nxt = text[end : end + 1]
    if kind in _UNBOUNDING:
        if (
            kind is _TK.FREQUENCY
            and nxt in _FIRST_POST_SCOPE
            and _POST_SCOPE.match(text, end)
            and what == "freq"
        ):
            word = text[start:end]
            if word in ("年度", "季度", "半年度"):
                return start, end, _TK.REFERENCE, False, None  # 年度目标: a scope
        return start, end, kind, False, None
    if what == "metric":
        return start, end, _TK.WINDOW, False, None
    lo = start - 6 if start > 6 else 0
    prev = text[start - 1] if start else ""
    if prev in _LAST_PRE_REFERENCE and _PRE_REFERENCE.search(text, lo, start) and what != "window":
        return start, end, _TK.REFERENCE, False, resolver
    post_ref = _POST_REFERENCE.match(text, end) if nxt in _FIRST_POST_REFERENCE else None
    if post_ref and what != "window":
        return start, end, _TK.REFERENCE, False, resolver
    if what == "duration":
        return start, end, _TK.WINDOW, False, resolver
    if what == "window":
        if prev in _LAST_PRE_TARGET and _PRE_TARGET.search(text, max(0, start - 2), start):
            return start, end, _TK.WINDOW, False, resolver
        # every _POST_RATE match holds 率 or 比
        if ("率" in text or "比" in text) and _POST_RATE.match(text, end):
            return start, end, _TK.WINDOW, False, resolver  # 3天内解决率: in the metric
        return start, end, _TK.WINDOW, True, resolver
    if what in ("q", "quarter", "half", "year", "fy") and (
        (nxt in _FIRST_POST_SCOPE_THINGS and _POST_SCOPE_THINGS.match(text, end))
        or (
            text[start:end].endswith("度")
            and nxt in _FIRST_POST_SCOPE
            and _POST_SCOPE.match(text, end)
        )
    ):
        return start, end, _TK.REFERENCE, False, resolver  # Q2管道, 2027年度目标
    pre_dl = _PRE_DEADLINE.search(text, lo, start) if prev in _LAST_PRE_DEADLINE else None
    post_dl = _POST_DEADLINE.match(text, end) if nxt in _FIRST_POST_DEADLINE else None
    if post_dl:
        end = post_dl.end()
    if pre_dl or post_dl or kind is _TK.DEADLINE:
        if pre_dl:
            start = pre_dl.start()
        if resolver is not None and kind is not _TK.DEADLINE:
            resolver = _end_only(resolver)
        return start, end, _TK.DEADLINE, True, resolver
    post_p = _POST_PERIOD.match(text, end) if nxt in _FIRST_POST_PERIOD else None
    if post_p:
        end = post_p.end()
    return start, end, kind, True, resolver


def _merge_ranges(text: str, out: list[TimeMention]) -> list[TimeMention]:
    """从2027年1月到6月 / 2027年1月至3月: one period from the first start to the last end."""
    merged: list[TimeMention] = []
    for t in out:
        prev = merged[-1] if merged else None
        between = text[prev.end : t.start].strip() if prev is not None else "x"
        joined = between in _JOINERS or (between == "" and t.text[:1] in "到至")
        if (
            prev is not None
            and joined
            and prev.resolver is not None
            and t.resolver is not None
            and prev.kind in (_TK.REFERENCE, _TK.PERIOD)
            and t.kind in (_TK.DEADLINE, _TK.PERIOD)
        ):
            first, last = prev.resolver, t.resolver

            def resolve(
                ref: date, fys: int, first: Resolver = first, last: Resolver = last
            ) -> Range:
                return first(ref, fys)[0], last(ref, fys)[1]

            start = prev.start
            if start > 0 and text[start - 1] in "从自":
                start -= 1
            merged[-1] = TimeMention(start, t.end, text[start : t.end], _TK.PERIOD, True, resolve)
            continue
        merged.append(t)
    return merged


#: Web addresses, where no time frame is read ("www.fy27.com" holds no fiscal year,
#: "acme.com/q3" no quarter): with a scheme, with "www.", or a bare domain followed by a
#: path; they end at a blank or a Chinese character. Compiled on first use.
_URL = lazy_pattern(
    r"(?:https?://|www\.)[^\s<>\"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
    r"|(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*",
    re.IGNORECASE,
)


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in `text` (most goals: none, without a search: each
    address holds a "/" or "www.")."""
    if "/" in text or ("." in text and "www." in text.lower()):
        return [m.span() for m in _URL.finditer(text)]
    return []


def extract(doc: Any) -> list[TimeMention]:
    """Time mentions in `doc` (the goal's text, or a spaCy Doc), in text order."""
    text: str = doc if isinstance(doc, str) else doc_text(doc)  # only the text is read
    if not text:
        return []
    out: list[TimeMention] = []
    urls = _url_spans(text)
    for f in _candidates(text):
        if urls and any(a <= f[0] < b for a, b in urls):
            continue  # inside a web address
        start, end, kind, bounding, resolver = _role(text, f)
        out.append(TimeMention(start, end, text[start:end], kind, bounding, resolver))
    if len(out) < 2:
        return out  # nothing can overlap or merge
    # Widening may make neighbours overlap ("到…" swallowed into a previous span): keep order.
    clean: list[TimeMention] = []
    for t in out:
        if clean and t.start < clean[-1].end:
            continue
        clean.append(t)
    return _merge_ranges(text, clean)
