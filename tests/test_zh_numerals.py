"""Chinese numeral parsing: known values, a round trip against an independent writer, and
robustness on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartlint.lang.zh.numerals import parse_chinese_number

_DIGITS = "零一二三四五六七八九"
_SECTION_UNITS = ("", "万", "亿", "万亿")


def _section(v: int) -> str:
    """0 < v < 10000 in standard Chinese, with 零 for inner gaps (1005 → 一千零五)."""
    out = ""
    gap = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = v // place % 10
        if d:
            if gap:
                out += "零"
            out += _DIGITS[d] + unit
            gap = False
        elif out:
            gap = True
    return out


def to_chinese(n: int) -> str:
    """An integer 0 ≤ n < 10¹⁶ written in Chinese numerals (the test's own writer)."""
    if n == 0:
        return "零"
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out = ""
    pending_zero = False
    for i in range(len(sections) - 1, -1, -1):
        sec = sections[i]
        if sec == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or sec < 1000):
            out += "零"
        out += _section(sec) + _SECTION_UNITS[i]
        pending_zero = False
    # 一十五 is written 十五 at the start.
    return out[1:] if out.startswith("一十") else out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十", 120),
        ("两百万", 2_000_000),
        ("1.5万", 15_000),
        ("3亿", 300_000_000),
        ("5万4千6百", 54_600),
        ("7 万5 千4 百", 75_400),
        ("负三十二", -32),
        ("三点一四", 3.14),
        ("两百点两", 200.2),
        ("二〇二七", 2027),
        ("壹佰伍拾", 150),
        ("一万三", 13_000),
        ("四百五", 450),
        ("九十二万四", 924_000),
        ("一千零一", 1001),
        ("五亿零六", 500_000_006),
        ("一万亿零五亿", 1_000_500_000_000),
        ("一万三千亿", 1_300_000_000_000),
        ("10万万", 1_000_000_000),
        ("4.78万亿", 4.78e12),
        ("五兆六十二亿四万五千二", 5_006_200_045_200),
        ("１，２３４", 1234),
        ("十", 10),
        ("百万", 1_000_000),
    ],
)
def test_known_values(text: str, value: float) -> None:
    assert parse_chinese_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "万", "万万", "三四十", "abc", "1.5.2", "百分之十", "十%"])
def test_not_a_number(text: str) -> None:
    assert parse_chinese_number(text) is None


def test_writer_examples() -> None:
    # The writer itself must be right for the round trip to mean anything.
    assert to_chinese(1005) == "一千零五"
    assert to_chinese(15) == "十五"
    assert to_chinese(100_010) == "十万零一十"
    assert to_chinese(2_0000_0003) == "二亿零三"


# Values are floats: exact up to 2**53.
@given(st.integers(min_value=0, max_value=2**53))
def test_round_trip_chinese(n: int) -> None:
    assert parse_chinese_number(to_chinese(n)) == n


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_round_trip_arabic(n: int) -> None:
    assert parse_chinese_number(str(n)) == n
    assert parse_chinese_number(f"{n:,}") == n


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    value = parse_chinese_number(text)
    assert value is None or isinstance(value, float)
