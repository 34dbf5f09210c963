"""One rewrite of a whole goal that answers all its findings: `smartlint.suggest`.

The rewrite edits the original instead of composing a new sentence, so every number, the
metric and every date stay as written: it inserts what is missing (a level, a baseline, a
deadline), swaps a vague time word for a deadline, a "which way?" verb for the metric's
better direction, jargon for its plain word, and splits a compound goal into one goal a
line. The phrase helpers here are shared with the rules' own suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.model import (
    Context,
    Direction,
    Finding,
    LintResult,
    ParsedGoal,
    Quantity,
    Rewrite,
    TimeKind,
    quick_init,
)

if TYPE_CHECKING:
    from smartlint_rules import _core
    from smartlint_rules import _support as sup
    from smartlint_rules._lists import possible_lists
    from smartlint_rules.a105_metric_wrong_direction import better_way

_rules_bound = False


def _bind_rules() -> None:
    """Bind `sup`, `_core` and `better_way` in this module on first use. The rules package
    imports this module, so they cannot be imported at the top; an import statement inside
    each helper cost ~1 µs a call, several times a goal."""
    global _core, sup, better_way, possible_lists, _rules_bound
    from smartlint_rules import _core
    from smartlint_rules import _support as sup
    from smartlint_rules._lists import possible_lists
    from smartlint_rules.a105_metric_wrong_direction import better_way

    _rules_bound = True


#: Placeholder names per language.
PLACEHOLDERS = {
    "en": {"baseline": "<baseline>", "target": "<target>", "deadline": "<deadline>"},
    "zh": {"baseline": "<基线>", "target": "<目标>", "deadline": "<期限>"},
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def format_date(day: date, lang: str) -> str:
    """A date as people write it: "March 31, 2027" / "2027年3月31日"."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def deadline_phrase(lang: str, day: date | None = None) -> str:
    """The words of a deadline: "by March 31, 2027" / "2027年3月31日前", or with the
    placeholder when the date is unknown."""
    when = format_date(day, lang) if day is not None else PLACEHOLDERS[_lang(lang)]["deadline"]
    return f"{when}前" if lang == "zh" else f"by {when}"


def _lang(lang: str) -> str:
    return lang if lang in PLACEHOLDERS else "en"


#: The verb for a metric's better way (the brief's "Raise customer satisfaction …").
_DIRECTION_VERB = {
    "en": {"up": "Raise", "down": "Reduce", "": "Move"},
    "zh": {"up": "提高", "down": "降低", "": "调整"},
}


def metric_sentence(lang: str, metric: str, better: str, deadline: date | None = None) -> str:
    """A full goal for a bare metric: "Increase NPS from <baseline> to <target> by <deadline>"
    (`better` is "up", "down" or "" as in the metric_direction lexicon)."""
    lang = _lang(lang)
    ph = PLACEHOLDERS[lang]
    verb = _DIRECTION_VERB[lang].get(better, _DIRECTION_VERB[lang][""])
    when = deadline_phrase(lang, deadline)
    if lang == "zh":
        return f"{when}将{metric}从{ph['baseline']}{verb}到{ph['target']}"
    return f"{verb} {metric} from {ph['baseline']} to {ph['target']} {when}"


# -- the combined rewrite ----------------------------------------------------------------

#: Findings whose own suggestion (a replacement of a span) the rewrite applies as it is.
_APPLY_SUGGESTION = ("T102", "T103", "T104", "T105", "S105", "M102")
#: Verbs whose way depends on the metric; with a known metric they become increase/reduce.
_BETTER_VERBS = {
    "en": {"improve", "optimize", "optimise", "enhance", "strengthen", "better"},
    "zh": {"改善", "改进", "优化", "提升", "加强", "增强"},
}


#: The module's patterns are compiled on first use (smartlint._lazyre): the Chinese ones
#: and those behind rare gates are not compiled by an English run that never reads them,
#: nor are those of the level rewrite by a check with no goal that needs it.
_lazy = lazy_compiler(globals())
_SPACES = _lazy(r"[ \t]{2,}")
#: where the clause of a Chinese metric ends
_ZH_CLAUSE_END = _lazy(r"[，,；;。！!？?\s]|[在于到至]|前|内")
#: "Keep churn low", "Maintain uptime high": a metric and a vague level word (read for a
#: "keep" verb only)
_EN_KEEP_LEVEL = _lazy(r"\s+(.+?)\s+(low|high|down|up|stable|steady)\b", re.I)
#: "Win more mid-market deals": the count to reach replaces "more" before a plural noun
#: (read past a test for "more")
_EN_MORE_PLURAL = _lazy(r"\bmore\s+(?=(?:[\w-]+\s+){0,2}[A-Za-z-]*[a-rt-z]s\b)", re.I)
_ZH_METRIC_END = _lazy(
    r"(?:率|成本|时间|时长|周期|费用|满意度|指数|数量|人数|收入|营收|利润|份额|金额|规模|次数|"
    r"天数|得分|分数|评分|单价|销量|销售额)$"
)
_SPACE_BEFORE_PUNCT = _lazy(r"\s+([,.;:!?])")
#: The gate of `_SPACE_BEFORE_PUNCT`: it matches where this does (a run of spaces before a
#: mark ends with one space before it), and one character, not a run, is cheaper to try at
#: each position (1.7 → 1.0 µs a rewrite, measured). The mark first, then the space before
#: it: the scan then looks for the few marks, not at every character (1.37 → 0.91 µs on
#: the benchmark's rewrites)
_SPACE_PUNCT = _lazy(r"[,.;:!?](?<=\s.)")


class _Edit(NamedTuple):
    # a tuple, not a frozen dataclass: made several times for each rewrite, ~3x cheaper
    start: int
    end: int
    text: str


def _apply(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """The text with non-overlapping edits applied. An edit that overlaps an earlier one in
    the list is dropped (the earlier ones are the more specific); insertions at the same
    point all stay, in list order."""
    # (start, end, index, words): sorted as tuples, last first; the index is unique, so the
    # words are never compared. Plain loops, no `any(...)` generator nor key function per
    # edit (4 edits: 4.7 → 1.8 µs; 1 edit: 1.4 → 1.2 µs)
    kept: list[tuple[int, int, int, str]] = []
    for index, (start, end, words) in enumerate(edits):
        for k in kept:
            if start < k[1] and k[0] < end:
                break  # overlaps an earlier edit: dropped
        else:
            kept.append((start, end, index, words))
    kept.sort(reverse=True)
    for start, end, _, words in kept:
        text = text[:start] + words + text[end:]
    return text


def _tidy(text: str, lang: str) -> str:
    if lang == "zh":
        return text.strip()
    # gates: each pattern tries every position (2-5 µs a text); most texts need neither
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    # a space before punctuation: the pattern's own search (its `\s` is str.isspace) in C,
    # not a Python test of each punctuation mark
    if _SPACE_PUNCT.search(text) is not None:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = text.strip()
    return text[:1].upper() + text[1:]


def suggest(
    text: str,
    *,
    lang: str | None = None,
    context: Context | None = None,
    config: Config | None = None,
    result: LintResult | None = None,
) -> Rewrite:
    """One rewrite of `text` that answers all its findings at once.

    Every fact of the original — numbers, the metric, dates — is kept; what is missing
    becomes a placeholder (`<baseline>`, `<target>`, `<deadline>`; in Chinese `<基线>`,
    `<目标>`, `<期限>`), except the deadline when `context` has a period with an end date,
    which is used instead. A compound goal is split into one goal a line. Stale or
    misplaced deadlines (T103–T105) are the one fact replaced, since they are what is
    wrong. Fill the placeholders with `Rewrite.fill({"target": "5%", ...})`.

    `result` is the `lint` result of this same text with this same context and config,
    when the caller has it already (a scan lints every row first): it is used instead of
    linting the goal a second time.
    """
    from smartlint.api import lint

    if not isinstance(text, str):
        raise TypeError(f"suggest() takes the goal as a str, not {type(text).__name__}")
    if result is None:
        result = lint(text, lang=lang, context=context, config=config)
    elif result.text != text:
        raise ValueError("suggest(): `result` was linted from another text than `text`")
    goal = result.goal
    by_code: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding)

    if "S103" in by_code and by_code["S103"][0].suggestions:
        parts = by_code["S103"][0].suggestions[0].replacement.split("\n")
        rewrites = [suggest(p, lang=goal.lang, context=context, config=config) for p in parts]
        addresses = {"S103"}
        for r in rewrites:
            addresses.update(r.addresses)
        return Rewrite(
            original=text, text="\n".join(r.text for r in rewrites), lang=goal.lang,
            addresses=tuple(sorted(addresses)),
        )
    return _rewrite_one(text, goal, by_code, context or Context(), config)


def _rewrite_one(
    text: str,
    goal: ParsedGoal,
    by_code: dict[str, list[Finding]],
    context: Context,
    config: Config | None,
) -> Rewrite:
    if not _rules_bound:
        _bind_rules()

    lang = _lang(goal.lang)
    addressed: set[str] = set()

    if "M103" in by_code and by_code["M103"][0].suggestions:  # a bare metric: a new sentence
        whole = by_code["M103"][0].suggestions[0].replacement
        addressed.update(c for c in by_code if c[0] in "SMT" and c != "S104")
        return Rewrite(original=text, text=whole, lang=lang, addresses=tuple(sorted(addressed)))

    if "M101" in by_code:  # "Achieve the sales plan": the figure goes in, nothing else
        from smartlint_rules._core import signals

        from smartlint.rule import RuleContext

        sig = signals(goal, RuleContext(context, config))
        if sig.plan is not None and not sig.unset_target and sig.output is None:
            whole = _fill_deadline(_plan_figure(goal, sig.plan.end, sig.time_bound), lang,
                                   context)
            addressed.update(c for c in ("M101", "T101") if c in by_code)
            return Rewrite(original=text, text=whole, lang=lang,
                           addresses=tuple(sorted(addressed)))

    bare = _bare_metric_sentence(goal, by_code, context, config)
    if bare is not None:  # "NPS", "云成本": a sentence around the metric
        addressed.update(c for c in by_code if c[0] in "SMT" and c != "S104")
        return Rewrite(original=text, text=bare, lang=lang, addresses=tuple(sorted(addressed)))

    output = by_code.get("S102", [])
    if output and output[0].suggestions and output[0].suggestions[0].start is None:
        # an activity or deliverable: S102's rewrite keeps it as the means to an outcome
        proposed = output[0].suggestions[0].replacement
        whole = _fill_deadline(proposed, lang, context)
        addressed.update(c for c in ("S102", "M101", "S101", "M104") if c in by_code)
        if "T101" in by_code and _has_deadline_placeholder(proposed, lang):
            addressed.add("T101")
        return Rewrite(original=text, text=whole, lang=lang, addresses=tuple(sorted(addressed)))

    edits: list[_Edit] = []
    for code in _APPLY_SUGGESTION:
        for finding in by_code.get(code, ()):
            for s in finding.suggestions[:1]:
                if s.start is None or s.end is None:
                    continue
                edits.append(_Edit(s.start, s.end, s.replacement))
                addressed.add(code)

    # a verb whose way depends on the metric becomes the metric's better way
    metric_span = sup.metric_span(goal, config)
    # asked as the rules ask (the span is the default one), so the rules' answer is reused
    metric = sup.metric_term(goal, "metric_direction", config)
    verb = sup.first_verb(goal, config)
    verb_text = verb.text if verb is not None else ""
    turned = by_code.get("A105", [])
    if verb is not None and turned and turned[0].suggestions:  # "increase churn" → "reduce"
        verb_text = turned[0].suggestions[0].replacement
        addressed.add("A105")
    elif (
        verb is not None and metric is not None and metric.value in ("up", "down")
        and (verb.value == "better" or verb.key in _BETTER_VERBS[lang])
        and any(c in by_code for c in ("M101", "S101")) and level_plan(goal, config).direct
    ):  # only a goal that needs a level gets its verb turned: a complete one stays as written
        verb_text = _DIRECTION_VERB[lang][metric.value]  # the rules' own rewrites say the same
        if lang == "en" and not verb.text[:1].isupper():
            verb_text = verb_text.lower()

    # the measure: a target (and a baseline) where the goal sets no level
    change = sup.change_quantity(goal)
    baseline, target = sup.baseline_target(goal)
    times = [(t.start, t.end) for t in goal.timeframes]
    counts = [q for q in goal.quantities if not sup.spans_overlap((q.start, q.end), times)]
    moves_metric = verb is not None and verb.value in ("up", "down", "better", "reach", "keep")
    needs_measure = target is None and change is None and (
        any(c in by_code for c in ("M101", "S101"))
        or (moves_metric and not counts and not goal.placeholders)
    )
    if needs_measure:
        plan = level_plan(goal, config)
        if baseline is None and not plan.direct and (lang == "en" or verb is not None):
            # not a metric to move ("Be the best sales team"): a measure of its own
            if plan.level_word is not None:
                edits.append(_Edit(*plan.level_word))
            elif plan.more is not None and lang == "en":
                edits.append(_Edit(plan.more[0], plan.more[1], f"{PLACEHOLDERS['en']['target']} "))
            else:
                edits.append(_Edit(plan.at, plan.at, _MEASURED_BY[lang]))
        else:
            at = plan.at if plan.direct and lang == "en" else None
            edits.append(_measure_edit(goal, lang, metric_span, verb, verb_text, baseline, at))
        addressed.update(c for c in ("M101", "S101") if c in by_code)
    if verb is not None and verb_text != verb.text:  # dropped if the measure edit took it
        edits.append(_Edit(verb.start, verb.end, verb_text))
        addressed.update(c for c in ("S101",) if c in by_code)

    # the deadline: the goal's own bound, else the context period's end, else a placeholder
    has_bound = bool(sup.bounding_times(goal)) or any(
        c in by_code for c in ("T102", "T103", "T104", "T105")
    )
    if not has_bound:
        period = context.period
        phrase = deadline_phrase(lang, period.end if period is not None else None)
        if lang == "zh":
            edits.append(_Edit(0, 0, phrase))
        else:
            end = len(text.rstrip().rstrip("."))
            edits.append(_Edit(end, end, " " + phrase))
        addressed.update(c for c in ("T101", "T106") if c in by_code)

    new = _tidy(_apply(text, edits), lang)
    return Rewrite(original=text, text=new, lang=lang, addresses=tuple(sorted(addressed)))


def _bare_metric_sentence(
    goal: ParsedGoal, by_code: dict[str, list[Finding]], context: Context, config: Config | None
) -> str | None:
    """The goal is the name of a metric and nothing else ("NPS", "Cloud cost", "客户满意度"):
    "Increase NPS from <baseline> to <target> by <deadline>"; None for any other goal."""
    if not _rules_bound:
        _bind_rules()

    if not any(c in by_code for c in ("M101", "S101")) or goal.quantities or goal.placeholders:
        return None
    if sup.first_verb(goal, config) is not None or goal.timeframes:
        return None
    text = goal.text
    core = text.strip().rstrip(".。")
    lead = len(text) - len(text.lstrip())
    span = sup.metric_span(goal, config) or (lead, lead + len(core))
    if text[: span[0]].strip() or text[span[1] :].strip(" .。"):
        return None
    if not _measurable(goal, span, config):
        return None
    name = text[span[0] : span[1]]
    if goal.lang == "en" and name[:1].isupper() and name[1:2].islower():
        name = name[0].lower() + name[1:]  # "Cloud cost" goes mid-sentence
    metric = better_way(goal, config)
    period = context.period
    return metric_sentence(goal.lang, name, metric.value if metric is not None else "up",
                           period.end if period is not None else None)


def _has_deadline_placeholder(text: str, lang: str) -> bool:
    return PLACEHOLDERS[lang]["deadline"] in text


def _fill_deadline(text: str, lang: str, context: Context) -> str:
    """The deadline placeholder replaced by the context period's end date, when known."""
    period = context.period
    if period is None or period.end is None:
        return text
    return text.replace(PLACEHOLDERS[lang]["deadline"], format_date(period.end, lang))


def zh_whole_metric(goal: ParsedGoal, span: tuple[int, int], verb_end: int) -> tuple[int, int]:
    """The metric after a Chinese verb, run on to the end of its clause: "提升客户成功团队的
    服务水平" moves "客户成功团队的服务水平", not "客户成功团队的服务"."""
    start, end = span
    text = goal.text
    if verb_end <= start:
        clause = _ZH_CLAUSE_END.search(text, end)
        stop = clause.start() if clause is not None else len(text)
        if not any(ch.isdigit() for ch in text[end:stop]):
            end = stop
    return start, end


def _measure_edit(
    goal: ParsedGoal,
    lang: str,
    metric_span: tuple[int, int] | None,
    verb: Any,
    verb_text: str,
    baseline: Quantity | None,
    at: int | None = None,
) -> _Edit:
    """Where the level goes: after the metric ("… NPS from <baseline> to <target>"); in
    Chinese the metric moves before the verb ("将客户满意度从<基线>提高到<目标>")."""
    text = goal.text
    ph = PLACEHOLDERS[lang]
    if lang == "zh":
        level = f"到{ph['target']}" if baseline is not None else (
            f"从{ph['baseline']}到{ph['target']}")
    else:
        level = f" to {ph['target']}" if baseline is not None else (
            f" from {ph['baseline']} to {ph['target']}")
    if baseline is not None:  # "from 3%" is there: the target goes right after it
        return _Edit(baseline.end, baseline.end, level)
    if lang == "zh" and verb is not None and metric_span is not None:
        m_start, m_end = zh_whole_metric(goal, metric_span, verb.end)
        moved = f"{text[m_start:m_end]}从{ph['baseline']}{verb_text}到{ph['target']}"
        if verb.end <= m_start:  # "提升客户满意度" → "将客户满意度从<基线>提高到<目标>"
            return _Edit(verb.start, m_end, "将" + moved)
        if m_end <= verb.start:  # "客户满意度提升" → "客户满意度从<基线>提高到<目标>"
            return _Edit(m_start, verb.end, moved)
    if at is not None:  # the end of the verb's object ("the number of reps at quota")
        return _Edit(at, at, level)
    if metric_span is not None and verb is not None:
        return _Edit(metric_span[1], metric_span[1], level)
    end = len(text.rstrip().rstrip("。."))
    return _Edit(end, end, f"（{level}）" if lang == "zh" else level)


# -- where a level goes, as the rules' suggestions and the combined rewrite both need ----

#: Where the object of the verb ends in English: a later clause ("by improving …",
#: "so that …", "and …") or punctuation. "to" is not one: "time to hire" is one metric.
_EN_OBJECT_END = _lazy(
    r"\s*[,;:(]|\s(?:by|through|via|so that|so|while|without|and|but|because|as)\s", re.I
)
_TRAILING_PREPS = (
    "in", "by", "during", "within", "before", "until", "till", "over", "at", "on", "for",
    "through", "throughout", "ahead of", "no later than", "the end of", "by the end of",
    "end of",
)
_EN_TRAILING_PREP = _lazy(r"\s(?:" + "|".join(_TRAILING_PREPS) + ")$", re.I)
#: The longest text _EN_TRAILING_PREP can match (a space and the longest phrase).
_TRAILING_PREP_SPAN = 1 + max(len(p) for p in _TRAILING_PREPS)
#: "the number of reps at quota": a count or share of anything is measurable.
_EN_COUNT_OF = _lazy(
    r"(?:the\s+)?(?:number|count|share|percentage|proportion|amount|volume|rate|ratio)\s+of\s",
    re.I,
)
_MEASURED_BY = {
    "en": ", measured by <metric> going from <baseline> to <target>",
    "zh": "，使<指标>从<基线>提升至<目标>",
}


@quick_init  # the slot-writing __init__ of the model's classes (~1 µs less a plan)
@dataclass(frozen=True, slots=True)
class LevelPlan:
    """How to add a level to a goal that has none.

    `direct`: the goal moves a metric a reader can measure ("Improve customer
    satisfaction"), so the level goes right after its object, at `at`, and the verb becomes
    `verb` (None: keep it). Otherwise ("Be the best sales team", "Expand into EMEA") the
    goal gets a measure clause of its own at the end. `drop` are vague time words
    ("soon", "尽快") that the deadline replaces.
    """

    direct: bool
    at: int
    verb: tuple[int, int, str] | None
    drop: tuple[tuple[int, int], ...]
    more: tuple[int, int] | None = None  # "more" before a plural noun, English only
    #: "Keep churn low": the vague level word, and the bound that replaces it
    level_word: tuple[int, int, str] | None = None


#: bound once: an enum member read through its class costs ~70 ns more than a global
_VAGUE = TimeKind.VAGUE

# The last answer: T102, the level plan and the outcome rewrite ask in turn for one goal.
_last_vague: tuple[ParsedGoal, Config | None, tuple[tuple[int, int], ...]] | None = None


def vague_time_spans(goal: ParsedGoal, config: Config | None) -> tuple[tuple[int, int], ...]:
    """The vague time words of the goal ("soon", "ASAP", "尽快"), in text order."""
    global _last_vague
    last = _last_vague
    if last is not None and last[0] is goal and last[1] is config:
        return last[2]
    spans = _vague_time_spans(goal, config)
    _last_vague = (goal, config, spans)
    return spans


def _vague_time_spans(goal: ParsedGoal, config: Config | None) -> tuple[tuple[int, int], ...]:
    if not _rules_bound:
        _bind_rules()

    vague = _VAGUE
    spans: list[tuple[int, int]] = []
    for t in goal.timeframes:  # (one or two: a loop, not a list comprehension's call)
        if t.kind is vague:
            spans.append((t.start, t.end))
    # the list is searched only where the goal's words may hold an entry: a test made
    # once a goal (by A104 first), for the rules' other rarely met lists too
    if "vague_time" in possible_lists(goal, config):
        terms = sup.matcher(goal.lang, "vague_time", config)
        # the matcher's own scan, not `finditer`: only the places are read, so no Term is
        # made (nor its key looked up), and `finditer`'s test of the words is only a gate
        # before this same scan; the overlap test written out, without a generator (the
        # word found is nearly always a vague time frame's already: "soon")
        if not terms._empty:
            for m in terms._re.finditer(goal.text):  # type: ignore[union-attr]
                start, end = m.span()
                for s, e in spans:
                    if start < e and s < end:
                        break
                else:
                    spans.append((start, end))
    if not spans:
        return ()
    return tuple(sorted(spans)) if len(spans) > 1 else (spans[0],)


def _measurable(goal: ParsedGoal, span: tuple[int, int], config: Config | None) -> bool:
    """Does the verb's object name something with a level ("customer satisfaction",
    "客户满意度"), not a thing or a quality ("the sales process", "官网", "world-class")?"""
    if not _rules_bound:
        _bind_rules()

    start, end = span
    text = goal.text
    # "the best sales team": the article before the span belongs to the vague phrase
    wide = max(0, start - 4) if text[max(0, start - 4):start].lower() == "the " else start
    # `first(...) is not None` is "finditer(...) yields one", without a generator. A metric
    # phrase comes back in many goals: `first_in` (the same answer as `first`) remembers
    # it by its words, where `first` would search it again (_measurable 5.9 → 3.7 µs)
    short = end - wide <= _SHORT_SPAN
    if short and goal.lang == "en" and text.isascii() and (end == len(text) or (
            end < len(text) and not (text[end].isalnum() or text[end] == "_"))):
        # The two look-ups below (the vague words, the metric at the head) read only the
        # span and the character before it here, not the rest of the text: the gate each
        # `first_in` keeps for the whole text holds for any ASCII text when the lists are
        # in lower-case ASCII, and a span that ends at a word's end needs no other. So
        # their answers are kept by the span's piece of text (3-4 `first_in` and 3
        # `matcher` calls: ~1 µs a goal of the benchmark's, on the ~1 in 9 that get here)
        state = _MEASURED
        if state[0] is not config:
            state = _measured_for(config)
        if state[1]:
            # (the span's own bounds too: the piece's last character may be the one after
            # it, or its own last at the end of the text)
            key = (text[wide - 1 : end + 1] if wide else " " + text[: end + 1], start - wide,
                   end - wide)
            parts = state[2].get(key)
            if parts is None:
                if len(state[2]) >= 2048:  # spans of long junk input: start again
                    state[2].clear()
                parts = state[2][key] = _en_measurable_parts(text, wide, start, end, config)
            if parts[0]:
                return False
            # (not kept: its match may run past the span)
            return bool(_EN_COUNT_OF.match(text, start)) or parts[1]
    vague = sup.matcher(goal.lang, "vague_words", config)
    if (vague.first_in if short else vague.first)(text, wide, end) is not None:
        return False
    if goal.lang == "zh":
        if _ZH_METRIC_END.search(text[start:end]):
            return True
        for name in ("metric_direction", "metric_nouns"):
            terms = sup.matcher("zh", name, config)
            if (terms.first_in if short else terms.first)(text, start, end) is not None:
                return True
        return False
    if _EN_COUNT_OF.match(text, start):
        return True
    return _en_metric_head(text, start, end, short, config)


def _en_metric_head(text: str, start: int, end: int, short: bool, config: Config | None) -> bool:
    """Whether an entry of `metric_direction` or `metric_nouns` heads text[start:end]."""
    # the metric must be the head of the phrase: "customers successful" is about success
    for name in ("metric_direction", "metric_nouns"):
        terms = sup.matcher("en", name, config)
        if not short:
            for term in terms.finditer(text, start, end):
                if _head_at(text, term.end, end):
                    return True
            continue
        # what `finditer` yields, each match looked up from the end of the last one: the
        # loop of `_successive` (which tests pit against `finditer`), written out here
        # without its generator (level path 18.5 → 17.5 µs a goal, measured)
        term = terms.first_in(text, start, end)
        while term is not None:
            if _head_at(text, term.end, end):
                return True
            term = terms.first_in(text, term.end, end)
    return False


def _en_measurable_parts(
    text: str, wide: int, start: int, end: int, config: Config | None
) -> tuple[bool, bool]:
    """(a vague word in text[wide:end], a metric at the head of text[start:end]), for a
    short span of an English text."""
    vague = sup.matcher("en", "vague_words", config).first_in(text, wide, end) is not None
    return vague, (not vague and _en_metric_head(text, start, end, True, config))


_Measured = tuple[object, bool, dict[tuple[str, int, int], tuple[bool, bool]]]
#: (config, whether its lists let `_measurable` keep answers by the span's text, those
#: answers): replaced whole for another config, as `MadeFindings` does
_MEASURED: _Measured = (object(), False, {})


def _measured_for(config: Config | None) -> _Measured:
    global _MEASURED
    lists = [sup.matcher("en", name, config)
             for name in ("vague_words", "metric_direction", "metric_nouns")]
    state = _MEASURED = (config, all(m._ascii_keys for m in lists), {})
    return state


def _head_at(text: str, term_end: int, end: int) -> bool:
    """Whether an entry ending at `term_end` heads the phrase ending at `end`: nothing
    follows it but spaces, or an "of"/"per" phrase ("the share of …")."""
    rest = text[term_end:end]
    return not rest.strip() or rest.lower().startswith((" of ", " per "))


#: Spans up to this long are looked up by their words (`TermMatcher.first_in`).
_SHORT_SPAN = 48


def _successive(terms: Any, text: str, start: int, end: int) -> Iterator[Any]:
    """`terms.finditer(text, start, end)`, as successive `first_in` look-ups: a scan that
    goes on from the end of each match finds what `finditer` finds (entries are never
    empty), and `first_in` sees the character before its start as `finditer` does."""
    pos = start
    while True:
        term = terms.first_in(text, pos, end)
        if term is None:
            return
        yield term
        pos = term.end


# The last plan made: M101's message, M101's rewrite and S101's rewrite all ask for the plan
# of the same goal in a row (keyed by identity, like the rules' per-goal memo; the tuple
# keeps the goal alive, so its id cannot be reused).
_last_plan: tuple[ParsedGoal, Config | None, LevelPlan] | None = None


def level_plan(goal: ParsedGoal, config: Config | None) -> LevelPlan:
    """Where and how a level ("from <baseline> to <target>") fits into the goal."""
    global _last_plan
    last = _last_plan
    if last is not None and last[0] is goal and last[1] is config:
        return last[2]
    plan = _level_plan(goal, config)
    _last_plan = (goal, config, plan)
    return plan


def _level_plan(goal: ParsedGoal, config: Config | None) -> LevelPlan:
    if not _rules_bound:
        _bind_rules()

    text = goal.text
    lang = _lang(goal.lang)
    drop = vague_time_spans(goal, config)
    end = len(text.rstrip().rstrip(".。;；"))
    verb = sup.first_verb(goal, config)
    span = sup.metric_span(goal, config)
    if lang == "en" and verb is not None and verb.value == "keep":
        # matched only for a "keep" verb: its lazy `.+?` tries the rest of the text to the
        # end (~1 µs a goal with a verb), and only "Keep churn low" needs it
        kept = _EN_KEEP_LEVEL.match(text, verb.end)
        if kept is not None:
            bound = "below" if kept.group(2).lower() in ("low", "down") else "above"
            if kept.group(2).lower() in ("stable", "steady"):
                bound = "at"
            return LevelPlan(False, end, None, drop, None,
                             (kept.start(2), kept.end(2), f"{bound} <target>"))
    if span is not None:  # "pipeline ASAP": the vague time word is not part of the metric
        for d_start, _ in drop:
            if span[0] < d_start < span[1]:
                span = (span[0], len(text[:d_start].rstrip()))
    if span is None or not _measurable(goal, span, config):
        return LevelPlan(False, end, None, drop, _more_plural(text, lang))
    if verb is None:  # a bare metric ("Cloud cost"): it gets a verb of its own
        metric = better_way(goal, config)
        better = metric.value if metric is not None else "up"
        word = _DIRECTION_VERB[lang][better]
        if lang == "zh":
            return LevelPlan(True, span[1], (span[0], span[0], word), drop, None)
        first = text[span[0]]
        if not text[span[0] + 1 : span[0] + 2].isupper():  # "Cloud cost", not "NPS"
            first = first.lower()
        return LevelPlan(True, span[1], (span[0], span[0] + 1, f"{word} {first}"), drop, None)
    moves = verb.value in ("up", "down", "better", "keep", "reach") or (
        verb.key in _BETTER_VERBS[lang])
    if (lang == "en" and span[0] < verb.end) or not moves:
        return LevelPlan(False, end, None, drop, _more_plural(text, lang))
    at = span[1]
    if lang == "en":
        stop = _EN_OBJECT_END.search(text, span[1])
        limit = stop.start() if stop is not None else end
        for t in goal.timeframes:
            if t.start >= span[1]:
                limit = min(limit, t.start)
        for d_start, _ in drop:
            if d_start >= span[1]:
                limit = min(limit, d_start)
        head = text[:limit].rstrip()
        # "in Q2 2027": the level goes before "in". The pattern ends at the end of `head`, so
        # only its last characters are searched (the whole head cost ~9 µs)
        prep = _EN_TRAILING_PREP.search(head, max(0, len(head) - _TRAILING_PREP_SPAN))
        if prep is not None and limit < end:
            head = head[: prep.start()].rstrip()
        at = max(span[1], len(head))
    new_verb = None
    way = sup.signed_direction(goal, config)
    if way is None or verb.key in _BETTER_VERBS[lang] or verb.value == "better":
        # "improve" becomes the metric's better way; with the way unknown ("Improve time
        # to hire") the verb stays: the numbers will say which way is meant
        metric = better_way(goal, config)
        if metric is not None:
            word = _DIRECTION_VERB[lang][metric.value]
            if lang == "en" and not verb.text[:1].isupper():
                word = word.lower()
            if word != verb.text:
                new_verb = (verb.start, verb.end, word)
    return LevelPlan(True, at, new_verb, drop, None)


def _more_plural(text: str, lang: str) -> tuple[int, int] | None:
    """Where "more" stands before a plural noun ("Win more mid-market deals"), in English;
    asked only for a plan with a measure clause of its own (the others do not read it)."""
    if lang != "en" or "more" not in text.lower():
        return None  # gate: the pattern (with its look-ahead) tries every position, ~2.6 µs
    found = _EN_MORE_PLURAL.search(text)
    return (found.start(), found.end()) if found is not None else None


def en_level_rewrite(goal: ParsedGoal, time_bound: bool, config: Config | None) -> str:
    """The whole goal with a level to reach, for M101/S101: "Raise customer satisfaction
    from <baseline> to <target> by <deadline>"; "Win <target> mid-market deals by
    <deadline>"; "Be the best sales team, measured by <metric> going from <baseline> to
    <target> by <deadline>". Vague time words give way to the deadline."""
    plan = level_plan(goal, config)
    # plain (start, end, words) tuples, which is all `_apply` reads: the plan's own edits
    # are such tuples already, and an `_Edit` costs ~0.4 µs more to make (2-4 a rewrite)
    edits: list[tuple[int, int, str]] = [(a, b, "") for a, b in plan.drop]
    if plan.direct:
        if plan.verb is not None:
            edits.append(plan.verb)
        keep = goal.direction is Direction.KEEP
        edits.append((plan.at, plan.at,
                      " at <target>" if keep else " from <baseline> to <target>"))
    elif plan.level_word is not None:
        edits.append(plan.level_word)
    elif plan.more is not None:
        edits.append((plan.more[0], plan.more[1], "<target> "))
    else:
        edits.append((plan.at, plan.at, _MEASURED_BY["en"]))
    end = len(goal.text.rstrip().rstrip(".;"))
    if not time_bound:
        edits.append((end, end, " by <deadline>"))
    return _tidy(_apply(goal.text[:end], edits), "en")


def zh_level_rewrite(goal: ParsedGoal, time_bound: bool, config: Config | None) -> str | None:
    """For M101/S101 in Chinese, when the object has no level of its own ("尽快优化官网"):
    "在<期限>前优化官网，使<指标>从<基线>提升至<目标>". None when the object is a metric
    (the rules' own "将客户满意度从<基线>提高到<目标>" form is right for it)."""
    if not _rules_bound:
        _bind_rules()

    plan = level_plan(goal, config)
    if plan.direct or sup.first_verb(goal, config) is None:
        return None
    edits: list[tuple[int, int, str]] = [(a, b, "") for a, b in plan.drop]  # (as above)
    edits.append((plan.at, plan.at, _MEASURED_BY["zh"]))
    end = len(goal.text.rstrip().rstrip("。.;；"))
    text = _apply(goal.text[:end], edits).strip()
    return text if time_bound else f"在<期限>前{text}"


# The last whole-goal suggestion: M101 and S101 ask for the same one on the same goal.
_last_suggestion: tuple[ParsedGoal, Any, Config | None, Context | None, str] | None = None


def level_suggestion(
    goal: ParsedGoal, sig: Any, config: Config | None, context: Context | None = None
) -> str:
    """The whole-goal suggestion of M101 and S101 (`sig`: the core rules' signals), with
    the deadline of the context's period when there is one."""
    global _last_suggestion
    last = _last_suggestion
    if (last is not None and last[0] is goal and last[1] is sig and last[2] is config
            and last[3] is context):
        return last[4]
    text = _level_suggestion(goal, sig, config)
    if context is not None:
        text = _fill_deadline(text, _lang(goal.lang), context)
    _last_suggestion = (goal, sig, config, context, text)
    return text


def _level_suggestion(goal: ParsedGoal, sig: Any, config: Config | None) -> str:
    if not _rules_bound:
        _bind_rules()

    if sig.plan is not None and not sig.unset_target and sig.output is None:
        return _plan_figure(goal, sig.plan.end, sig.time_bound)

    if sig.output is not None and not sig.unset_target:
        return outcome_suggestion(goal, sig, config)
    if goal.lang == "zh":
        if sig.unset_target:
            return _core.zh_measure_rewrite(goal, sig, config)
        return zh_level_rewrite(goal, sig.time_bound, config) or _core.zh_measure_rewrite(
            goal, sig, config)
    if sig.unset_target or sig.output is not None:
        return _core.en_measure_rewrite(goal, sig, config)
    return en_level_rewrite(goal, sig.time_bound, config)


def outcome_suggestion(
    goal: ParsedGoal, sig: Any, config: Config | None, context: Context | None = None
) -> str:
    """S102's rewrite (also M101's for an output): an outcome with the original as its
    means — "Raise <metric> to <target> by <deadline> by launching the partner portal" —
    without the vague time words the deadline replaces ("通过尽快上线…" would keep
    "as soon as possible" next to the deadline)."""
    text = _outcome_text(goal, sig, config)
    return _fill_deadline(text, _lang(goal.lang), context) if context is not None else text


# The last outcome rewrite: M101 (for an output) and S102 ask for it on the same goal.
_last_outcome: tuple[ParsedGoal, Any, Config | None, str] | None = None


def _outcome_text(goal: ParsedGoal, sig: Any, config: Config | None) -> str:
    global _last_outcome
    last = _last_outcome
    if last is not None and last[0] is goal and last[1] is sig and last[2] is config:
        return last[3]
    if not _rules_bound:
        _bind_rules()

    if goal.lang == "zh":
        text = _core.zh_outcome_rewrite(goal, sig)
    else:
        text = _core.en_outcome_rewrite(goal, sig)
    for start, end in vague_time_spans(goal, config):
        if goal.lang == "zh":  # the word itself, wherever it is: a plain replace
            text = text.replace(goal.text[start:end], "", 1)
            continue
        term = re.escape(goal.text[start:end])
        text = re.sub(rf"(?<![\w-]){term}(?![\w-])", "", text, count=1)
    text = _tidy(text, goal.lang)
    _last_outcome = (goal, sig, config, text)
    return text


def _plan_figure(goal: ParsedGoal, plan_end: int, time_bound: bool) -> str:
    """"Achieve the sales plan" points to a figure kept elsewhere: the figure goes into the
    goal, right after the plan ("Achieve the sales plan of <target> this quarter",
    "年底前完成全年销售任务（<目标>）")."""
    text = goal.text.rstrip().rstrip(".。")
    if goal.lang == "zh":
        filled = f"{text[:plan_end]}（<目标>）{text[plan_end:]}"
        return filled if time_bound else f"在<期限>前{filled}"
    filled = f"{text[:plan_end]} of <target>{text[plan_end:]}"
    return filled if time_bound else f"{filled} by <deadline>"
