"""The action, its direction and the metric it moves, for Chinese goals.

"将客户流失率降低2%" → verb 降低 (decrease), metric 客户流失率, change 2%;
"客户满意度从80%提高到90%" → verb 提高 (increase), metric 客户满意度, baseline 80%, target 90%;
"增加销售额10%" → verb 增加, metric 销售额, change 10%.

Chinese marks these roles with a few function words (将/把 before the metric, 从 before a
baseline, 到/至 before a target), so a positional reading of `doc.text` around the verb
goes a long way without a parser.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any

from smartlint.lang.base import GoalAnalysis, TimeMention, doc_text
from smartlint.lexicon import shipped
from smartlint.model import Direction, Quantity, Span

_CLAUSE_END = re.compile(r"[，。；;！？!?\n]|,(?!\d{3})")
_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[XxＸｘ]{1,3}(?:[ \t]*[%％]|(?=[ \t]*[个名家位万亿元倍天小分点]))"
    r"|(?<![A-Za-z])(?:TBD|TBC|TBA|tbd)(?![A-Za-z])|待定|待确定|待补充|待填写|待设定|待定义"
    r"|<[^<>\n]{1,20}>|＜[^＜＞\n]{1,20}＞|\[[^\[\]\n]{1,20}\]|【[^【】\n]{1,20}】"
    r"|_{2,}|＿{2,}|[?？]{1,3}(?=[ \t]*[%％])"
)
# Words that mark the thing being moved or the values around it.
_BA = re.compile(r"(将|把)")
_TARGET_MARK = re.compile(r"(?:到|至|为|达到|到达|在)[ \t]*$")
_BASE_MARK = re.compile(r"(?:从|由|自)[ \t]*$")
_LEAD_TRIM = re.compile(
    r"^(?:[ \t]*(?:的|了|将|把|为了|以便|使|让|其|再|进一步|大幅|显著|持续|稳步|全面|有效|"
    r"并|和|与|及|我们的|他们的|我们|他们|我的|你的|公司的|团队的|本部门的|新的)[ \t]*)+"
)
_TAIL_TRIM = re.compile(
    r"(?:[ \t]*(?:的|了|再|等|之|方面|水平|至少|不低于|不超过|超过|达|在|于|要|需|应))+$"
)
# The last characters a _TAIL_TRIM match can end with: a segment ending otherwise cannot
# match, and the unanchored search ending in `$` tried every position (~30 µs a goal).
_TAIL_TRIM_LAST = frozenset("的了再等之面平少于过达在要需应")
_NOT_VERB_AFTER = re.compile(r"[率值额量速幅]")
_PURPOSE = re.compile(r"[ \t]*(?:为了|以便|旨在|以期)")
_MAX_METRIC = 24


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], dict[str, Direction | None]]:
    table: dict[str, Direction | None] = {}
    for entry in shipped("zh", "parse_verbs"):
        parts = entry.split()
        if len(parts) != 2:
            continue
        word, d = parts
        table[word] = None if d == "none" else Direction(d)
    words = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), table


def _placeholders(text: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in _PLACEHOLDER.finditer(text))


class _Clauses:
    """Clause borders (punctuation) of a text, found once; lookups by bisect."""

    __slots__ = ("ends", "n", "starts")

    def __init__(self, text: str) -> None:
        marks = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text)]
        self.starts = [b for _, b in marks]  # a clause starts after each mark
        self.ends = [a for a, _ in marks]
        self.n = len(text)

    def __call__(self, pos: int) -> tuple[int, int]:
        """The clause (between punctuation) that contains `pos`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[i] if i >= 0 else 0
        j = bisect.bisect_left(self.ends, pos)
        end = self.ends[j] if j < len(self.ends) else self.n
        return start, end


def _trim_span(text: str, start: int, end: int) -> Span | None:
    seg = text[start:end]
    lead = _LEAD_TRIM.match(seg)
    if lead:
        start += lead.end()
    seg = text[start:end]
    # ("$" also matches before a final "\n": such a segment is searched as before)
    tail = _TAIL_TRIM.search(seg) if seg[-1:] in _TAIL_TRIM_LAST or seg.endswith("\n") else None
    if tail:
        end = start + tail.start()
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end <= start or end - start > _MAX_METRIC:
        return None
    if not any(map(str.isalpha, text[start:end])):  # map: ~3x a generator expression
        return None
    return Span(start, end, text[start:end])


def _pick_verb(
    text: str, quantities: Sequence[Quantity], clause: _Clauses
) -> tuple[re.Match[str], Direction | None] | None:
    pattern, table = _verbs()
    best: tuple[int, re.Match[str], Direction | None] | None = None
    q_starts = sorted(q.start for q in quantities)
    for m in pattern.finditer(text):
        if _NOT_VERB_AFTER.match(text, m.end()):
            continue  # 增长率, 完成率: a noun
        direction = table[m.group(0)]
        c_start, c_end = clause(m.start())
        k = bisect.bisect_left(q_starts, c_start)
        governs = k < len(q_starts) and q_starts[k] < c_end
        # A verb that moves a metric and has a number in its clause is the best reading;
        # otherwise any direction verb; otherwise the first action.
        score = (2 if governs else 0) + (1 if direction is not None else 0)
        if _PURPOSE.match(text, c_start):
            score -= 2  # 为了使…实现10%的增长: a purpose clause, not the goal itself
        if best is None or score > best[0]:
            best = (score, m, direction)
        if score == 3:
            break
    return None if best is None else (best[1], best[2])


def _after_marker(text: str, q: Quantity, marker: re.Pattern[str], lo: int) -> bool:
    return marker.search(text, max(lo, q.start - 4), q.start) is not None


def analyse(doc: Any, quantities: Sequence[Quantity], times: Sequence[TimeMention]) -> GoalAnalysis:
    """Verb, direction, metric, baseline, target, change and placeholders of one goal."""
    text: str = doc_text(doc)
    placeholders = _placeholders(text)
    clause = _Clauses(text)
    picked = _pick_verb(text, quantities, clause)
    if picked is None:
        return GoalAnalysis(placeholders=placeholders)
    vm, direction = picked
    vs, ve = vm.start(), vm.end()
    lemma = vm.group(0)
    verb = Span(vs, ve, lemma)
    c_start, c_end = clause(vs)
    after = ve
    if text.startswith("了", after):
        after += 1
    in_clause = [q for q in quantities if c_start <= q.start < c_end]

    # Baseline, target and change by the function words in front of each quantity.
    baseline = target = change = None
    for q in in_clause:
        if baseline is None and _after_marker(text, q, _BASE_MARK, c_start):
            baseline = q
        elif (
            target is None
            and q.start >= vs
            and (
                _after_marker(text, q, _TARGET_MARK, c_start) or lemma.endswith(("至", "在", "为"))
            )
        ):
            target = q
    if lemma == "控制在" and target is not None and target.comparator in (None, "<=", "<"):
        direction = Direction.DECREASE
    for q in in_clause:
        if q is baseline or q is target or q.start < vs:
            continue
        if direction in (Direction.INCREASE, Direction.DECREASE):
            if change is None:
                change = q
        elif target is None:
            target = q
    if target is None and direction in (Direction.REACH, Direction.KEEP):
        before = [q for q in in_clause if q.start < vs and q is not baseline]
        if before:
            target = before[-1]

    metric = _metric(text, vs, after, c_start, c_end, quantities, times, placeholders)
    if metric is None:
        # "新增10家企业客户": what is counted is what moves.
        counted = change or target
        if counted is not None and counted.noun and counted.text.endswith(counted.noun):
            metric = Span(counted.end - len(counted.noun), counted.end, counted.noun)
    return GoalAnalysis(
        verb=verb,
        verb_lemma=lemma,
        direction=direction,
        metric=metric,
        baseline=baseline,
        target=target,
        change=change,
        placeholders=placeholders,
    )


def _metric(
    text: str,
    vs: int,
    after: int,
    c_start: int,
    c_end: int,
    quantities: Sequence[Quantity],
    times: Sequence[TimeMention],
    placeholders: Sequence[Span],
) -> Span | None:
    # Things that cannot be part of the metric: quantities and time bounds in the clause.
    blocks = sorted(
        [(q.start, q.end) for q in quantities if c_start <= q.start < c_end]
        + [(t.start, t.end) for t in times if t.bounding and c_start <= t.start < c_end]
        + [(p.start, p.end) for p in placeholders if c_start <= p.start < c_end]
    )
    # 1. 将/把 X <verb>: X is between the marker and the verb (or 从).
    ba = None
    for m in _BA.finditer(text, c_start, vs):
        ba = m
    if ba is not None:
        end = vs
        base = text.find("从", ba.end(), vs)
        if base != -1:
            end = base
        start = ba.end()
        for b_start, b_end in blocks:
            if start <= b_start < end:
                if b_start - start > 0:
                    end = b_start
                    break
                start = b_end
        span = _trim_span(text, start, end)
        if span is not None:
            return span
    # 2. X <verb> N / X 从A<verb>到B: X is before the verb.
    rest = text[after:c_end].lstrip(" \t")
    rest_at = c_end - len(rest)
    # <verb> N的X: "实现10%的增长率", "保持95%的留存率".
    for q in quantities:
        if q.start == rest_at and text.startswith("的", q.end):
            end = c_end
            for b_start, _ in blocks:
                if b_start > q.end:
                    end = min(end, b_start)
                    break
            span = _trim_span(text, q.end + 1, end)
            if span is not None:
                return span
    number_next = (
        any(q.start == rest_at for q in quantities)
        or any(p.start == rest_at for p in placeholders)
        or rest[:1] in "到至为在"
    )
    if number_next or after == c_end:
        start, end = c_start, vs
        base = text.rfind("从", c_start, vs)
        if base != -1:
            end = base
        for _b_start, b_end in blocks:
            if b_end <= end and b_end > start:
                start = b_end  # after "在四个月内", "2027年底前"
        # Prefer what follows 在…前 / 使 / 让 within the stretch.
        span = _trim_span(text, start, end)
        if span is not None:
            return span
    # 3. <verb> X N% / <verb> X 到 N / <verb> X的N%: X follows the verb.
    end = c_end
    for b_start, _ in blocks:
        if b_start >= after:
            end = min(end, b_start)
            break
    for marker in ("到", "至"):
        i = text.find(marker, after, end)
        if i != -1:
            end = i
    span = _trim_span(text, after, end)
    return span
