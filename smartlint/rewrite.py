"""One rewrite of a whole goal that answers all its findings: `smartlint.suggest`.

The rewrite edits the original instead of composing a new sentence, so every number, the
metric and every date stay as written: it inserts what is missing (a level, a baseline, a
deadline), swaps a vague time word for a deadline, a "which way?" verb for the metric's
better direction, jargon for its plain word, and splits a compound goal into one goal a
line. The phrase helpers here are shared with the rules' own suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from smartlint.config import Config
from smartlint.model import Context, Finding, ParsedGoal, Quantity, Rewrite

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


_DIRECTION_VERB = {
    "en": {"up": "Increase", "down": "Reduce", "": "Move"},
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
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def _apply(text: str, edits: list[_Edit]) -> str:
    """The text with non-overlapping edits applied. An edit that overlaps an earlier one in
    the list is dropped (the earlier ones are the more specific); insertions at the same
    point all stay, in list order."""
    kept: list[tuple[int, _Edit]] = []
    for index, edit in enumerate(edits):
        clash = any(edit.start < k.end and k.start < edit.end for _, k in kept)
        if not clash:
            kept.append((index, edit))
    for _, edit in sorted(kept, key=lambda ie: (ie[1].start, ie[1].end, ie[0]), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _tidy(text: str, lang: str) -> str:
    if lang == "zh":
        return text.strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    return text[:1].upper() + text[1:]


def suggest(
    text: str,
    *,
    lang: str | None = None,
    context: Context | None = None,
    config: Config | None = None,
) -> Rewrite:
    """One rewrite of `text` that answers all its findings at once.

    Every fact of the original — numbers, the metric, dates — is kept; what is missing
    becomes a placeholder (`<baseline>`, `<target>`, `<deadline>`; in Chinese `<基线>`,
    `<目标>`, `<期限>`), except the deadline when `context` has a period with an end date,
    which is used instead. A compound goal is split into one goal a line. Stale or
    misplaced deadlines (T103–T105) are the one fact replaced, since they are what is
    wrong. Fill the placeholders with `Rewrite.fill({"target": "5%", ...})`.
    """
    from smartlint.api import lint

    if not isinstance(text, str):
        raise TypeError(f"suggest() takes the goal as a str, not {type(text).__name__}")
    result = lint(text, lang=lang, context=context, config=config)
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
    from smartlint_rules import _support as sup

    lang = _lang(goal.lang)
    addressed: set[str] = set()

    if "M103" in by_code and by_code["M103"][0].suggestions:  # a bare metric: a new sentence
        whole = by_code["M103"][0].suggestions[0].replacement
        addressed.update(c for c in by_code if c[0] in "SMT" and c != "S104")
        return Rewrite(original=text, text=whole, lang=lang, addresses=tuple(sorted(addressed)))

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
    metric = sup.metric_term(goal, "metric_direction", config, metric_span)
    verb = sup.first_verb(goal, config)
    verb_text = verb.text if verb is not None else ""
    turned = by_code.get("A105", [])
    if verb is not None and turned and turned[0].suggestions:  # "increase churn" → "reduce"
        verb_text = turned[0].suggestions[0].replacement
        addressed.add("A105")
    elif (
        verb is not None and metric is not None and metric.value in ("up", "down")
        and (verb.value == "better" or verb.key in _BETTER_VERBS[lang])
    ):
        verb_text = _DIRECTION_VERB[lang][metric.value]
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
        edits.append(_measure_edit(goal, lang, metric_span, verb, verb_text, baseline))
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


def _has_deadline_placeholder(text: str, lang: str) -> bool:
    return PLACEHOLDERS[lang]["deadline"] in text


def _fill_deadline(text: str, lang: str, context: Context) -> str:
    """The deadline placeholder replaced by the context period's end date, when known."""
    period = context.period
    if period is None or period.end is None:
        return text
    return text.replace(PLACEHOLDERS[lang]["deadline"], format_date(period.end, lang))


def _measure_edit(
    goal: ParsedGoal,
    lang: str,
    metric_span: tuple[int, int] | None,
    verb: Any,
    verb_text: str,
    baseline: Quantity | None,
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
        m_start, m_end = metric_span
        moved = f"{text[m_start:m_end]}从{ph['baseline']}{verb_text}到{ph['target']}"
        if verb.end <= m_start:  # "提升客户满意度" → "将客户满意度从<基线>提高到<目标>"
            return _Edit(verb.start, m_end, "将" + moved)
        if m_end <= verb.start:  # "客户满意度提升" → "客户满意度从<基线>提高到<目标>"
            return _Edit(m_start, verb.end, moved)
    if metric_span is not None and verb is not None:
        return _Edit(metric_span[1], metric_span[1], level)
    end = len(text.rstrip().rstrip("。."))
    return _Edit(end, end, f"（{level}）" if lang == "zh" else level)
