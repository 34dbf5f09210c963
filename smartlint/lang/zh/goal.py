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
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any

from smartlint.lang.base import TEXT_KEY, GoalAnalysis, TimeMention, doc_text
from smartlint.lexicon import shipped
from smartlint.model import Direction, Quantity, Span

# Written as single-character alternatives (not a class): each starts with a literal, so
# sre skips ahead to a mark instead of trying both branches at every position (0.73 → 0.49 µs).
_CLAUSE_END = re.compile(r"，|。|；|;|！|？|!|\?|\n|,(?!\d{3})")
# The look-ahead holds every character a placeholder starts with: without it sre tried each
# alternative at every position of the goal (2.7 → 0.7 µs a goal; the tests compare both).
_PLACEHOLDER_FIRST = r"XxＸｘTt待<＜\[【_＿?？"
_PLACEHOLDER_PLAIN = (
    r"(?<![A-Za-z])[XxＸｘ]{1,3}(?:[ \t]*[%％]|(?=[ \t]*[个名家位万亿元倍天小分点]))"
    r"|(?<![A-Za-z])(?:TBD|TBC|TBA|tbd)(?![A-Za-z])|待定|待确定|待补充|待填写|待设定|待定义"
    r"|<[^<>\n]{1,20}>|＜[^＜＞\n]{1,20}＞|\[[^\[\]\n]{1,20}\]|【[^【】\n]{1,20}】"
    r"|_{2,}|＿{2,}|[?？]{1,3}(?=[ \t]*[%％])"
)
_PLACEHOLDER = re.compile(f"(?=[{_PLACEHOLDER_FIRST}])(?:{_PLACEHOLDER_PLAIN})")
# The look-ahead's class alone: a pattern opening with a class lets sre skip in C from one
# such character to the next, where the look-ahead is a match attempt at every position;
# 5 in 1,000 goals have a placeholder (0.5 → 0.15 µs a goal).
_PLACEHOLDER_GATE = re.compile(f"[{_PLACEHOLDER_FIRST}]")
# Words that mark the thing being moved or the values around it: 将 / 把 (see `_metric`).
_TARGET_WORDS = ("到", "至", "为", "达到", "到达", "在")
_BASE_WORDS = ("从", "由", "自")
_TARGET_MARK = re.compile(f"(?:{'|'.join(_TARGET_WORDS)})[ \t]*$")
_BASE_MARK = re.compile(f"(?:{'|'.join(_BASE_WORDS)})[ \t]*$")
# What the text just before a quantity must end with for each mark to match ("$" also
# matches before a final newline): most quantities follow neither, and the search is skipped.
_TARGET_LAST = frozenset(w[-1] for w in _TARGET_WORDS) | frozenset(" \t\n")
_BASE_LAST = frozenset(w[-1] for w in _BASE_WORDS) | frozenset(" \t\n")
_LEAD_WORDS = (
    "的|了|将|把|为了|以便|使|让|其|再|进一步|大幅|显著|持续|稳步|全面|有效|"
    "并|和|与|及|我们的|他们的|我们|他们|我的|你的|公司的|团队的|本部门的|新的"
)
# (no "^": `match` anchors at its `pos`, and the text is not sliced for it)
_LEAD_TRIM = re.compile(rf"(?:[ \t]*(?:{_LEAD_WORDS})[ \t]*)+")
# The characters a _LEAD_TRIM match starts with: other segments skip the match.
_LEAD_FIRST = frozenset(w[0] for w in _LEAD_WORDS.split("|")) | frozenset(" \t")
_TAIL_TRIM = re.compile(
    r"(?:[ \t]*(?:的|了|再|等|之|方面|水平|至少|不低于|不超过|超过|达|在|于|要|需|应))+$"
)
# The last characters a _TAIL_TRIM match can end with: a segment ending otherwise cannot
# match, and the unanchored search ending in `$` tried every position (~30 µs a goal).
_TAIL_TRIM_LAST = frozenset("的了再等之面平少于过达在要需应")
_NOT_VERB_AFTER = frozenset("率值额量速幅")  # after a verb these make it a noun
_PURPOSE = re.compile(r"[ \t]*(?:为了|以便|旨在|以期)")
_PURPOSE_FIRST = frozenset(" \t为以旨")  # what a _PURPOSE match starts with
_MAX_METRIC = 24
_START = operator.attrgetter("start")
_START_END = operator.attrgetter("start", "end")
# built once: Direction.X goes through EnumType.__getattr__ (~0.1 µs a lookup)
_CHANGE_DIRECTIONS = (Direction.INCREASE, Direction.DECREASE)
_LEVEL_DIRECTIONS = (Direction.REACH, Direction.KEEP)


#: `_verbs()`, once a goal has asked for it (a global read, not a cached call, a goal)
_VERBS: tuple[re.Pattern[str], dict[str, Direction | None]] | None = None


def _load_verbs() -> tuple[re.Pattern[str], dict[str, Direction | None]]:
    global _VERBS
    _VERBS = _verbs()
    return _VERBS


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], dict[str, Direction | None]]:
    table: dict[str, Direction | None] = {}
    for entry in shipped("zh", "parse_verbs"):
        parts = entry.split()
        if len(parts) != 2:
            continue
        word, d = parts
        table[word] = None if d == "none" else Direction(d)
    return re.compile(_alternation(table)), table


def _alternation(words: Iterable[str]) -> str:
    """An alternation of `words` matching the longest word at each position, grouped by
    first character: 增(?:长|加|…)|提(?:高|升|…). It matches what the flat longest-first
    alternation matches (words with another first character cannot match where one
    does), but sre tries ~60 first characters at a position instead of ~100 words
    (verb scan 1.6 → 0.9 µs a goal)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in by_first.items())


def _placeholders(text: str) -> tuple[Span, ...]:
    if _PLACEHOLDER_GATE.search(text) is None:  # the common case: no generator and tuple to build
        return ()
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in _PLACEHOLDER.finditer(text))


def _clause_ends(text: str, first: int | None = None) -> list[int]:
    """Where the text's clause marks (punctuation) are: clause borders, found once;
    `first` is where the first one is, when the caller has searched for it.

    A list and two functions, not an object: one fewer instance to make a goal (~0.3 µs).
    """
    if first is None:
        # Most goals are one clause: one search, no scan.
        found = _CLAUSE_END.search(text)
        if found is None:
            return []
        first = found.start()
    return [m.start() for m in _CLAUSE_END.finditer(text, first)]


def _clause_of(ends: list[int], n: int, pos: int) -> tuple[int, int]:
    """The clause (between punctuation) that contains `pos`, in a text of length `n` with
    clause marks at `ends`."""
    if not ends:
        return 0, n
    # Every mark is one character, so a clause starts right after a mark: the last clause
    # start at or before `pos` is the end of the last mark before it.
    i = bisect.bisect_right(ends, pos - 1) - 1
    start = ends[i] + 1 if i >= 0 else 0
    j = bisect.bisect_left(ends, pos)
    end = ends[j] if j < len(ends) else n
    return start, end


#: `_trimmed` of each stretch seen: (start, end) offsets into it and the metric's text, or None
_TRIMMED: dict[str, tuple[int, int, str] | None] = {}
_MAX_TRIMMED = 1024
# longer stretches (junk input) are trimmed afresh: the key stays a short phrase
_MAX_TRIM_KEY = 64


def _trim_span(text: str, start: int, end: int) -> Span | None:
    """The metric in text[start:end], function words and blanks trimmed off, or None.

    What is trimmed depends on the stretch's characters alone (the patterns read nothing
    outside it), and goals repeat a few hundred stretches ("销售额", "客户满意度不低于"):
    each is trimmed once and its offsets reused (82 % of calls on the benchmark's goals;
    the tests compare with `_trimmed`).
    """
    if end <= start:
        return None
    if end - start > _MAX_TRIM_KEY:
        return _trimmed(text, start, end)
    stretch = text[start:end]
    try:
        found = _TRIMMED[stretch]
    except KeyError:
        span = _trimmed(stretch, 0, end - start)
        found = None if span is None else (span.start, span.end, span.text)
        if len(_TRIMMED) >= _MAX_TRIMMED:
            _TRIMMED.clear()  # bounded: a long run of odd texts starts it afresh
        _TRIMMED[stretch] = found
    if found is None:
        return None
    return Span(start + found[0], start + found[1], found[2])


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """`_trim_span` worked out: the leading and trailing function words and blanks of
    text[start:end] dropped; None when nothing with a letter is left or it is too long."""
    # The patterns run on text[start:end] through pos/endpos, without slicing it ("$"
    # matches at endpos as at the end of a slice).
    if start < end and text[start] in _LEAD_FIRST:
        lead = _LEAD_TRIM.match(text, start, end)
        if lead:
            start = lead.end()
    # ("$" also matches before a final "\n": such a segment is searched as before)
    if start < end and (text[end - 1] in _TAIL_TRIM_LAST or text[end - 1] == "\n"):
        tail = _TAIL_TRIM.search(text, start, end)
        if tail:
            end = tail.start()
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end <= start or end - start > _MAX_METRIC:
        return None
    found = text[start:end]
    # all letters (most metrics) before any letter (map: ~3x a generator expression)
    if not (found.isalpha() or any(map(str.isalpha, found))):
        return None
    return Span(start, end, found)


def _pick_verb(
    text: str, q_starts: list[int], ends: list[int]
) -> tuple[re.Match[str], Direction | None, int, int] | None:
    """The verb match, its direction and its clause (start, end); `q_starts` are the
    quantities' starts, sorted, `ends` the clause marks (`_clause_ends`)."""
    pattern, table = _VERBS or _load_verbs()
    # `search` from each match's end, not `finditer`: the same matches (no verb is empty),
    # without the iterator, and most goals stop at the first (2.1 → 1.8 µs a goal)
    search = pattern.search
    m = search(text)
    n = len(text)
    if not ends:
        # One clause (most goals): every verb has the same clause, the same quantities in
        # it and the same purpose test, so the score only adds 1 for a direction — the
        # first direction verb wins, else the first verb (~1 µs a goal less than scoring).
        first = None
        while m is not None:
            ve = m.end()
            if text[ve : ve + 1] not in _NOT_VERB_AFTER:
                direction = table[m.group(0)]
                if direction is not None:
                    return m, direction, 0, n
                if first is None:
                    first = m
            m = search(text, ve)
        return None if first is None else (first, None, 0, n)
    best: tuple[int, re.Match[str], Direction | None, int, int] | None = None
    while m is not None:
        vs, ve = m.span()
        if text[ve : ve + 1] in _NOT_VERB_AFTER:
            m = search(text, ve)
            continue  # 增长率, 完成率: a noun
        direction = table[m.group(0)]
        c_start, c_end = _clause_of(ends, n, vs)
        k = bisect.bisect_left(q_starts, c_start)
        governs = k < len(q_starts) and q_starts[k] < c_end
        # A verb that moves a metric and has a number in its clause is the best reading;
        # otherwise any direction verb; otherwise the first action.
        score = (2 if governs else 0) + (1 if direction is not None else 0)
        if text[c_start : c_start + 1] in _PURPOSE_FIRST and _PURPOSE.match(text, c_start):
            score -= 2  # 为了使…实现10%的增长: a purpose clause, not the goal itself
        if best is None or score > best[0]:
            best = (score, m, direction, c_start, c_end)
        if score == 3:
            break
        m = search(text, ve)
    return None if best is None else best[1:]


def analyse(doc: Any, quantities: Sequence[Quantity], times: Sequence[TimeMention]) -> GoalAnalysis:
    """Verb, direction, metric, baseline, target, change and placeholders of one goal;
    `doc` is the goal's text or a spaCy Doc (only the text is read)."""
    # (the text `_TextOnly` holds read here: one call less a goal)
    text: str = doc if isinstance(doc, str) else doc.user_data.get(TEXT_KEY) or doc_text(doc)
    # `_placeholders`' and `_clause_ends`' gates first: most goals have no placeholder and
    # one clause, and skip the calls
    placeholders = () if _PLACEHOLDER_GATE.search(text) is None else _placeholders(text)
    first_end = _CLAUSE_END.search(text)
    ends = [] if first_end is None else _clause_ends(text, first_end.start())
    # (most goals have one quantity or none: no comprehension and sort for them)
    if len(quantities) > 1:
        q_starts = sorted(map(_START, quantities))
    else:
        q_starts = [quantities[0].start] if quantities else []
    picked = _pick_verb(text, q_starts, ends)
    if picked is None:
        return GoalAnalysis(placeholders=placeholders)
    vm, direction, c_start, c_end = picked
    vs, ve = vm.span()
    lemma = vm.group(0)
    verb = Span(vs, ve, lemma)
    after = ve
    if "了" in text and text.startswith("了", after):  # (`in`: no method call, 了 is rare)
        after += 1
    in_clause: Sequence[Quantity]
    if not quantities or not ends:
        in_clause = quantities  # one clause (most goals): it holds every quantity (no copy)
    else:
        in_clause = [q for q in quantities if c_start <= q.start < c_end]

    # Baseline, target and change by the function words in front of each quantity.
    baseline = target = change = None
    for q in in_clause:
        # A mark must end the (up to 4) characters of the clause before the quantity; the
        # character before most quantities ends neither mark (`_BASE_LAST`, `_TARGET_LAST`:
        # what a match can end with), and the search is skipped.
        qs = q.start
        prev = text[qs - 1] if qs > c_start else ""
        lo = qs - 4 if qs - 4 > c_start else c_start
        if baseline is None and prev in _BASE_LAST and _BASE_MARK.search(text, lo, qs) is not None:
            baseline = q
        elif (
            target is None
            and qs >= vs
            and (
                (prev in _TARGET_LAST and _TARGET_MARK.search(text, lo, qs) is not None)
                or lemma.endswith(("至", "在", "为"))
            )
        ):
            target = q
    if lemma == "控制在" and target is not None and target.comparator in (None, "<=", "<"):
        direction = Direction.DECREASE
    for q in in_clause:
        if q is baseline or q is target or q.start < vs:
            continue
        if direction in _CHANGE_DIRECTIONS:
            if change is None:
                change = q
        elif target is None:
            target = q
    if target is None and direction in _LEVEL_DIRECTIONS:
        before = [q for q in in_clause if q.start < vs and q is not baseline]
        if before:
            target = before[-1]

    metric = _metric(
        text, vs, after, c_start, c_end, quantities, in_clause, q_starts, times, placeholders
    )
    if metric is None:
        # "新增10家企业客户": what is counted is what moves.
        counted = change or target
        if counted is not None and counted.noun and counted.text.endswith(counted.noun):
            metric = Span(counted.end - len(counted.noun), counted.end, counted.noun)
    # positional (the fields' order): keywords cost ~20 % more in this frozen class
    return GoalAnalysis(verb, lemma, direction, metric, baseline, target, change, placeholders)


def _metric(
    text: str,
    vs: int,
    after: int,
    c_start: int,
    c_end: int,
    quantities: Sequence[Quantity],
    in_clause: Sequence[Quantity],
    q_starts: list[int],
    times: Sequence[TimeMention],
    placeholders: Sequence[Span],
) -> Span | None:
    # Things that cannot be part of the metric: quantities and time bounds in the clause
    # (`in_clause`: the quantities `analyse` found in it).
    # (map and a loop: a comprehension is a function call, and these lists are short)
    blocks = list(map(_START_END, in_clause))
    for t in times:
        if t.bounding and c_start <= t.start < c_end:
            blocks.append((t.start, t.end))
    if placeholders:
        blocks += [(p.start, p.end) for p in placeholders if c_start <= p.start < c_end]
    blocks.sort()
    # 1. 将/把 X <verb>: X is between the marker and the verb (or 从).
    # the last 将 or 把 before the verb (two rfinds: a scan with a Match per mark cost more)
    # (`in` on the whole text first: ~0.1 µs, a bounded rfind ~0.3 µs, and 把 is rare)
    ba = text.rfind("将", c_start, vs) if "将" in text else -1
    if "把" in text:
        ba = max(ba, text.rfind("把", c_start, vs))
    if ba != -1:
        end = vs
        base = text.find("从", ba + 1, vs) if "从" in text else -1
        if base != -1:
            end = base
        start = ba + 1
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
    # where the clause goes on after the verb, blanks skipped (a walk: the slice and strip
    # of the clause's rest it replaces cost more, and most verbs have no blank after them)
    rest_at = after
    while rest_at < c_end and text[rest_at] in " \t":
        rest_at += 1
    # <verb> N的X: "实现10%的增长率", "保持95%的留存率".
    for q in quantities if rest_at in q_starts else ():
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
        rest_at in q_starts
        or (placeholders and any(p.start == rest_at for p in placeholders))
        or (text[rest_at] if rest_at < c_end else "") in "到至为在"  # ("" too: nothing left)
    )
    if number_next or after == c_end:
        start, end = c_start, vs
        base = text.rfind("从", c_start, vs) if "从" in text else -1
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
        i = text.find(marker, after, end) if marker in text else -1
        if i != -1:
            end = i
    span = _trim_span(text, after, end)
    return span
