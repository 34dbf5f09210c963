"""Deterministic generator of varied goals in English and Chinese, for benchmarks.

Goals are composed from verbs, metrics, numbers, units and time frames, so that every
generated text is different and the mix resembles real OKR key results (some strong, some
weak). Same seed, same goals.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

EN_VERBS = [
    "Increase",
    "Grow",
    "Raise",
    "Reduce",
    "Cut",
    "Lower",
    "Reach",
    "Maintain",
    "Improve",
    "Boost",
    "Launch",
    "Publish",
    "Hire",
    "Deliver",
    "Expand",
    "Shorten",
]
EN_METRICS = [
    "net revenue retention",
    "qualified pipeline",
    "win rate",
    "average deal size",
    "sales cycle length",
    "logo churn",
    "NPS",
    "CSAT",
    "first response time",
    "p95 API latency",
    "monthly active users",
    "trial-to-paid conversion",
    "support tickets per account",
    "customer acquisition cost",
    "ARR",
    "onboarding completion rate",
    "time to first value",
    "uptime",
    "marketing-sourced opportunities",
    "expansion revenue",
    "quota attainment",
]
EN_AMOUNTS = [
    "by {p}%",
    "from {a}% to {b}%",
    "to {b}%",
    "by ${m}M",
    "from ${m}M to ${n}M",
    "to {c} accounts",
    "by {c} points",
    "from {ms} ms to {ms2} ms",
    "3x",
    "by half",
    "to at least {b}",
    "",
    "",
    "by {p} percentage points",
    "to under {d} days",
]
EN_TIMES = [
    "by end of Q{q} {y}",
    "by {mon} {day}, {y}",
    "within {k} months",
    "this quarter",
    "in H{h} {y}",
    "by FY{yy}",
    "over the next {k} weeks",
    "before {mon} {y}",
    "by the end of the year",
    "",
    "",
    "soon",
    "in {y}",
    "next quarter",
]
EN_TAILS = [
    "",
    "",
    " for enterprise accounts",
    " in EMEA",
    " across all regions",
    " for self-serve customers",
    " while keeping CSAT above 4.5",
    " by running weekly enablement sessions",
]

ZH_VERBS = [
    "提高",
    "提升",
    "增加",
    "降低",
    "减少",
    "缩短",
    "达到",
    "保持",
    "优化",
    "推进",
    "完成",
    "发布",
    "招聘",
    "扩大",
]
ZH_METRICS = [
    "客户满意度",
    "销售额",
    "客户流失率",
    "赢单率",
    "平均客单价",
    "销售周期",
    "净推荐值",
    "首次响应时间",
    "月活跃用户数",
    "线索转化率",
    "续约率",
    "获客成本",
    "系统可用性",
    "新客户数量",
    "回款率",
    "人均产能",
    "NPS",
    "ARR",
]
ZH_AMOUNTS = [
    "{p}%",
    "从{a}%提高到{b}%",
    "至{b}%",
    "{c}万元",
    "从{m}万元到{n}万元",
    "到{c}家",
    "{p}个百分点",
    "一倍",
    "百分之{p}",
    "",
    "",
    "到{c}个",
    "至少{c}个",
]
ZH_TIMES = [
    "在{y}年{q}季度末前",
    "{y}年{mon2}月底前",
    "{k}个月内",
    "本季度",
    "下半年",
    "到{y}年",
    "年底前",
    "未来{k}周内",
    "",
    "",
    "尽快",
    "下个季度",
    "明年",
]
ZH_TAILS = ["", "", "（华东区）", "，覆盖全部重点客户", "，并保持满意度不低于90%"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _fill(template: str, rnd: random.Random) -> str:
    a = rnd.randint(1, 60)
    return template.format(
        p=rnd.randint(2, 40),
        a=a,
        b=a + rnd.randint(1, 30),
        m=rnd.randint(1, 9),
        n=rnd.randint(10, 30),
        c=rnd.randint(3, 500),
        ms=rnd.randint(300, 900),
        ms2=rnd.randint(50, 290),
        d=rnd.randint(5, 60),
        q=rnd.randint(1, 4),
        y=rnd.choice([2026, 2027, 2028]),
        yy=rnd.choice([27, 28]),
        mon=rnd.choice(MONTHS),
        mon2=rnd.randint(1, 12),
        day=rnd.randint(1, 28),
        k=rnd.randint(2, 12),
        h=rnd.randint(1, 2),
    )


def english_goals(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < n:
        parts = [
            rnd.choice(EN_VERBS),
            rnd.choice(EN_METRICS),
            _fill(rnd.choice(EN_AMOUNTS), rnd),
            _fill(rnd.choice(EN_TIMES), rnd),
        ]
        text = " ".join(p for p in parts if p) + rnd.choice(EN_TAILS)
        seen.setdefault(text, None)
    return list(seen)


def chinese_goals(n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < n:
        time = _fill(rnd.choice(ZH_TIMES), rnd)
        text = (
            time
            + ("将" if rnd.random() < 0.5 else "")
            + rnd.choice(ZH_METRICS)
            + rnd.choice(ZH_VERBS)
            + _fill(rnd.choice(ZH_AMOUNTS), rnd)
            + rnd.choice(ZH_TAILS)
        )
        seen.setdefault(text, None)
    return list(seen)


def goals(lang: str, n: int) -> list[str]:
    return english_goals(n) if lang == "en" else chinese_goals(n)


def iter_rows(n: int, seed: int = 3) -> Iterator[tuple[str, str, str, str]]:
    """(goal, owner, team, due date) rows for spreadsheet benchmarks, both languages mixed."""
    en = english_goals(min(n, 5000), seed)
    zh = chinese_goals(min(n, 5000), seed + 1)
    rnd = random.Random(seed)
    teams = ["Sales", "Marketing", "Customer Success", "Enablement", "销售部", "市场部"]
    for i in range(n):
        pool = zh if i % 3 == 0 else en
        yield (
            pool[i % len(pool)],
            f"owner{i % 97}",
            rnd.choice(teams),
            f"2027-{rnd.randint(1, 12):02d}-28",
        )
