"""S103 compound-goal: the rule; its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.model import Dimension, Finding, ParsedGoal, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_lazy = lazy_compiler(globals())

# Each starts with a look-ahead at the characters every match starts with (what the leading
# `\s*` may take, or the joint's first character): it changes no match, and the scan then
# gives up at once inside words instead of trying the alternation (en 4.9 → 3.7 µs a goal
# that may hold a joint; zh 1.7 → 1.4).
_EN_JOIN = _lazy(
    r"(?=[\s,;])"
    r"\s*(?:;\s*|,?\s+(?:and|as well as|while|plus|and also)\s+|,\s+)(?:also\s+|then\s+)?",
    re.IGNORECASE,
)
#: the same, case-sensitive, for an ASCII text lower-cased (its words are in lower case):
#: the same places, as IGNORECASE and lower() agree on ASCII, and lower() keeps them
#: (the scan 5.4 → 4.2 µs, on the ~1 goal in 9 of the benchmark's that gets to it)
_EN_JOIN_LOWER = _lazy(_EN_JOIN.pattern)


#: a comma, spaces and a letter (a superset of the letters: \w that is no digit nor "_")
_EN_COMMA_LETTER = _lazy(r",\s*[^\W\d_]")


#: a word of each joining phrase (in English, where each stands between white space)
_JOIN_WORDS = frozenset({"and", "while", "plus", "well"})


def _may_join(text: str, lang: str, config: Config | None = None) -> bool:
    """False when `text` cannot hold a joint: a test of what every joint holds, so that the
    join pattern (which tries a match at every character) need not run on 3 of 4 English
    goals (9 µs → 0.4 µs). In English: ";", "," or a part of each joining word ("wh" of
    "while", "plu" of "plus": under IGNORECASE "i" and "s" also match "ı" and "ſ", which
    lower() leaves as they are).

    When every goal verb (of `config`) starts with an ASCII letter, an English text with no
    ";" and no joining word can only hold ", " joints, and each needs a verb right after
    it: a comma followed by a digit ("June 30, 2027", the usual comma) is no joint (the
    join scan skipped on ~2 goals in 5 that have a comma: ~3 µs each)."""
    if lang == "zh":
        return "," in text or ";" in text or "，" in text or "；" in text or "、" in text or (
            "并" in text or "同时" in text or "以及" in text)
    if ";" in text:
        return True
    if text.isascii():
        # IGNORECASE and lower() agree on ASCII, and each joining word stands between
        # white space, so it is one of the text's words (its \w runs, lower-cased: the set
        # the rules' matchers made for this goal already): "which", "brand" and "hand over"
        # hold none (the scan skipped on ~3 goals in 10 that have "wh" or "and"; the shared
        # set instead of lower() and split() here: 0.65 → 0.3 µs a goal, measured)
        if not _JOIN_WORDS.isdisjoint(sup._tokens(text)):
            return True
    else:
        lower = text.lower()
        if "and" in lower or "wh" in lower or "plu" in lower or "well" in lower:
            return True
    if "," not in text:
        return False
    # the verbs asked for last: most goals were answered above without them
    return _EN_COMMA_LETTER.search(text) is not None or not sup.matcher(
        lang, "goal_verbs", config, inflect=True).ascii_letter_first


#: Spans up to this long are looked up by their words (`TermMatcher.first_in`).
_SHORT_SPAN = 48

#: compiled on first use: the Chinese patterns (a cold English check compiled them for
#: nothing: ~1 ms), and the one read only to make the suggestion of a finding
# the preposition a time frame may leave outside its span ("in 2027" → "2027")
_EN_TIME_PREP = _lazy(
    r"\b(?:in|by|during|before|until|till|within|over|through|for|at|from)\s+$", re.IGNORECASE
)
_ZH_JOIN = _lazy(
    r"(?=[\s，,；;、并同以])\s*(?:[，,；;、]\s*(?:并且|并|同时|以及|还要|且)?|并且|同时|以及|并)\s*"
)
_ZH_MEANS = _lazy(r"\s*(?:通过|借助|依托|利用|依靠|凭借)")
_TITLE = {"en": "Split into {n} goals", "zh": "拆分为{n}个目标"}


def split_points(goal: ParsedGoal, config: Config | None = None) -> list[tuple[int, int]]:
    """(start, end) of each joint between two independent parts of the goal."""
    text = goal.text
    zh = goal.lang == "zh"
    if not _may_join(text, goal.lang, config):
        return []
    verbs = sup.matcher(goal.lang, "goal_verbs", config, inflect=True)
    if zh:
        joints = _ZH_JOIN.finditer(text)
    elif text.isascii():
        joints = _EN_JOIN_LOWER.finditer(text.lower())  # (only the places are read)
    else:
        joints = _EN_JOIN.finditer(text)
    points: list[tuple[int, int]] = []
    part_start = 0
    size = len(text)
    for m in joints:
        joint_end = m.end()
        if joint_end >= size or m.start() == 0:
            continue
        # "…，并将流失率降低到3%": after 将/把 the verb follows its object
        reach = 16 if zh and text[joint_end] in "将把" else 0
        if not reach and not verbs.may_start_at(text, joint_end):
            continue  # no verb can start at the joint: the look-up below would say so (it
            # misses its cache on most joints, and then searches the verb list)
        # `first_in`: `first`'s answer, remembered by the window's words ("while keeping"
        # after most joints of generated goals: a look-up, not a search of the verb list)
        window_end = joint_end + (16 if reach else 12)  # (min/max written out: 2 calls less)
        after = verbs.first_in(text, joint_end, window_end if window_end < size else size)
        if after is None or (not reach and after.start != joint_end):
            continue
        if not zh and after.text.lower().endswith("ing") and not after.key.endswith("ing"):
            continue  # "…, reaching $5M" describes the same outcome
        if after.value == "keep":
            continue  # "…, while keeping the win rate above 30%" is a guardrail, not an outcome
        if zh and _ZH_MEANS.match(text, part_start):
            continue  # "通过举办培训，将采用率提高到60%": the first part is the means
        before = (verbs.first_in if m.start() - part_start <= _SHORT_SPAN else verbs.first)(
            text, part_start, m.start())
        if before is None:
            continue
        # the first part needs an object of its own ("Build and launch X" is one deliverable)
        obj = text[before.end : m.start()]
        if zh:
            lead = text[part_start : before.start]
            own_object = len(obj.strip()) >= 2 or "将" in lead or "把" in lead
        else:
            own_object = len(obj.split()) >= 1
        if not own_object:
            continue
        if _means_and_outcome(goal, before, after, part_start, m.start(), m.end()):
            continue
        points.append((m.start(), m.end()))
        part_start = m.end()
    return points


_MOVES = frozenset({"up", "down", "reach", "better"})


def _means_and_outcome(
    goal: ParsedGoal, before: sup.Term, after: sup.Term, start: int, joint: int, joint_end: int
) -> bool:
    """"Launch the partner portal and reduce churn from 5% to 3%": a deliverable with no
    count next to a measured outcome is the means to that outcome, not a second outcome
    (splitting it would leave a bare task as a goal of its own)."""
    end = len(goal.text)

    def counted(a: int, b: int) -> bool:
        times = [(t.start, t.end) for t in goal.timeframes]
        return any(a <= q.start and q.end <= b and not sup.spans_overlap((q.start, q.end), times)
                   for q in goal.quantities)

    first_task = before.value == "do" and not counted(start, joint)
    second_task = after.value == "do" and not counted(joint_end, end)
    first_outcome = before.value in _MOVES and counted(start, joint)
    second_outcome = after.value in _MOVES and counted(joint_end, end)
    return (first_task and second_outcome) or (first_outcome and second_task)


class CompoundGoal(Rule):
    """Two or more independent outcomes packed into one goal.

    ## What it does
    Looks for a second goal verb after "and", "as well as", "while", a comma or a semicolon
    ("Increase revenue by 10% and reduce churn to 3%"; "降低成本，提高效率"; "…并将流失率降低到3%").
    Both parts must have their own verb and object, so "Build and launch the portal" (one
    deliverable, two steps) and "Increase revenue and profit by 10%" (one verb) stay quiet;
    so do a guardrail ("…, while keeping the win rate above 30%", "同时保持…"), a means
    clause ("通过举办培训，将采用率提高到60%"), and a task with no count beside a measured
    outcome ("Launch the partner portal and reduce churn from 5% to 3%"): the task is the
    means to the outcome, and split off it would be a bare deliverable, not a goal.

    ## Why it matters
    A goal with two outcomes is half met most of the time, and then nobody can say whether it
    was met. Each outcome needs its own measure, owner and deadline.

    ## How to fix
    Split it into one goal per outcome. The suggestion does the split and copies a time bound
    stated once at the end to every part.

    ## Configuration
    The verbs that start a part are in `smartlint/data/<lang>/goal_verbs.txt`; extend them with
    `[tool.smartlint.lexicon.en] goal_verbs = ["onboard = do"]`.

    ## Fix safety
    The split keeps every word of the original. It is not applied unattended, because a goal
    per line must then be filed as separate goals.
    """

    code = "S103"
    name = "compound-goal"
    dimension = Dimension.SPECIFIC
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This packs {n} separate goals into one: split it so each has its own measure "
        "and deadline.",
        "zh": "这一条里有{n}个独立的目标：请拆开，让每个目标都有自己的衡量标准和期限。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase revenue by 10% and reduce customer churn to 3% by June 30, 2027",
                 "Cut infrastructure costs by 20%; raise NPS to 45 by the end of 2027"],
            good=["Increase revenue and gross margin by 10% by June 30, 2027",
                  "Build and launch the partner portal by June 30, 2027",
                  "Launch the partner portal and reduce churn from 5% to 3% by June 30, 2027",
                  "Cut the sales cycle to 70 days while keeping the win rate above 30% by "
                  "June 30, 2027"],
        ),
        "zh": Examples(
            bad=["2027年6月30日前将收入提高10%，并将客户流失率降低到3%"],
            good=["2027年6月30日前将收入和毛利率提高10%",
                  "2027年6月30日前将成交周期压缩到70天，同时保持赢单率不低于30%",
                  "2027年6月30日前上线合作伙伴门户，并将客户流失率从5%降低到3%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        points = split_points(goal, ctx.config)
        if not points:
            return []
        parts = _parts(goal, points)
        joiner = "\n"
        suggestion = Suggestion(
            title=_TITLE.get(goal.lang, _TITLE["en"]).format(n=len(parts)),
            replacement=joiner.join(parts),
        )
        return [self.finding(goal, 0, len(goal.text), ctx, suggestions=[suggestion], n=len(parts))]


def _parts(goal: ParsedGoal, points: list[tuple[int, int]]) -> list[str]:
    """The parts, each a goal of its own; a time bound stated in one part only (the usual
    "… and reduce churn by June 30") is shared with the parts that have none."""
    text = goal.text
    zh = goal.lang == "zh"
    cuts = [0, *[p for point in points for p in point], len(text)]
    times = sup.bounding_times(goal)
    parts: list[str] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        piece = text[start:end].strip().rstrip("。.;；，,")
        own = any(start <= t.start and t.end <= end for t in times)
        if times and not own:
            shared = times[0]
            if zh:
                piece = shared.text + piece if shared.start < start else piece + shared.text
            else:
                lead = _EN_TIME_PREP.search(text, 0, shared.start)
                when = text[lead.start() if lead else shared.start : shared.end]
                piece = f"{piece} {when[0].lower()}{when[1:]}"
        if not zh and piece:
            piece = piece[0].upper() + piece[1:]
        parts.append(piece)
    return parts
