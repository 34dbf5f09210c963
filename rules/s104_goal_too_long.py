"""S104 goal-too-long: the rule; its documentation is the class docstring."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any, ClassVar

from smartlint_rules import _support as sup

from smartlint.config import Config
from smartlint.model import Dimension, Finding, ParsedGoal
from smartlint.rule import Examples, Rule, RuleContext

_UNIT = {"en": {"words": "words", "chars": "characters"}, "zh": {"words": "词", "chars": "字"}}


class GoalTooLong(Rule):
    """The goal is too long to remember or to check at a glance.

    ## What it does
    Counts the words of an English goal and the characters of any goal (Chinese is counted in
    characters, spaces left out) and fires when either is above the limit for the goal's
    language: by default 30 words or 200 characters in English, 60 characters in Chinese.

    ## Why it matters
    A goal people cannot repeat from memory does not steer their week. Long goals usually mix
    the outcome with the plan, the reasons and a second outcome.

    ## How to fix
    Keep the outcome, its measure and its deadline; move the how and the why to the
    description or to the key results.

    ## Configuration
    `max-words` and `max-chars` take one number for every language or a table per language:
    `max-words = { en = 25 }`, `max-chars = { en = 160, zh = 50 }`. A language missing from
    the table has no limit of that kind.

    ## Fix safety
    No suggestion: shortening needs judgement.
    """

    code = "S104"
    name = "goal-too-long"
    dimension = Dimension.SPECIFIC
    options: ClassVar[Mapping[str, Any]] = {
        "max_words": {"en": 30},
        "max_chars": {"en": 200, "zh": 60},
    }
    messages: ClassVar[Mapping[str, str]] = {
        "en": "This goal runs to {count} {unit} (limit {limit}): keep the outcome, its "
        "measure and deadline, and move the rest to the description.",
        "zh": "这个目标长达{count}{unit}（上限{limit}）："
        "只保留结果、衡量标准和期限，其余写进说明。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Increase the number of qualified enterprise opportunities that the sales "
                 "development team creates from outbound campaigns, partner referrals, events "
                 "and inbound website requests by 25% compared with last year by the end of "
                 "the second quarter of 2027"],
            good=["Increase qualified enterprise opportunities by 25% by June 30, 2027"],
        ),
        "zh": Examples(
            bad=["在2027年6月30日前通过外呼活动、合作伙伴推荐、线下活动以及官网咨询等多种渠道，"
                 "把销售开发团队创建的合格企业级商机数量在去年的基础上提高25%"],
            good=["2027年6月30日前将合格企业级商机数量提高25%"],
        ),
    }

    #: The limits read from the last config: (config, {lang: (max words, max chars)}).
    #: Reading and checking the options on every goal cost more than the rest of the rule.
    _limits: tuple[Config | None, dict[str, tuple[int | None, int | None]]] | None = None

    def _limits_for(self, ctx: RuleContext, lang: str) -> tuple[int | None, int | None]:
        memo = self._limits
        if memo is None or memo[0] is not ctx.config:
            memo = self._limits = (ctx.config, {})
        limits = memo[1].get(lang)
        if limits is None:  # not read yet; a bad value raises, every time, and is not kept
            limits = memo[1][lang] = (
                sup.per_language(ctx.option(self, "max_words"), lang, self.code, "max_words"),
                sup.per_language(ctx.option(self, "max_chars"), lang, self.code, "max_chars"),
            )
        return limits

    #: The config last seen and, per language, the longest text that can be within both
    #: limits by its length alone (see `check`) with the two limits: most goals are
    #: shorter, and end there; the others need the limits without another look-up.
    _quiet: tuple[Config | None, dict[str, tuple[int, int | None, int | None]]] | None = None

    def _quiet_for(self, ctx: RuleContext, lang: str) -> tuple[int, int | None, int | None]:
        max_words, max_chars = self._limits_for(ctx, lang)  # (raises on a bad value)
        # n words take at least 2n - 1 characters, and the character count leaves out white
        # space, so neither count is above what len() of the (unstripped) text allows: a
        # text is within both limits up to this length
        up_to = min(2 * max_words if max_words is not None and lang != "zh" else sys.maxsize,
                    max_chars if max_chars is not None else sys.maxsize)
        quiet = self._quiet
        if quiet is None or quiet[0] is not ctx.config:
            quiet = self._quiet = (ctx.config, {})
        limits = quiet[1][lang] = (up_to, max_words, max_chars)
        return limits

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        lang = goal.lang
        quiet = self._quiet
        limits = quiet[1].get(lang) if quiet is not None and quiet[0] is ctx.config else None
        if limits is None:
            limits = self._quiet_for(ctx, lang)
        size = len(goal.text)
        if size <= limits[0]:
            return []
        _, max_words, max_chars = limits
        # `words` holds from 2 * max_words + 1 characters on, `chars` above max_chars
        words = max_words is not None and lang != "zh" and (size + 1) // 2 > max_words
        chars = max_chars is not None and size > max_chars
        if words and max_words is not None:  # (`words` says it is; mypy needs to see it)
            text = goal.text
            # Each word but the first follows a white space character, and in printable
            # ASCII the only one is " ": fewer spaces than the limit, no finding (most
            # English goals over 60 characters end here, without counting their words)
            if not chars and text.count(" ") < max_words and text.isascii() and (
                    text.isprintable()):
                return []
            # split() skips white space at either end: the words of the stripped text,
            # without the copy
            count = len(text.split())
            if count > max_words:
                units = _UNIT.get(lang, _UNIT["en"])
                return [self.finding(goal, 0, len(goal.text), ctx, count=count,
                                     unit=units["words"], limit=max_words)]
        if not chars:
            return []
        text = goal.text.strip()
        units = _UNIT.get(lang, _UNIT["en"])
        if max_chars is not None and len(text) > max_chars:
            count = len("".join(text.split()))
            if count > max_chars:
                return [self.finding(goal, 0, len(goal.text), ctx, count=count,
                                     unit=units["chars"], limit=max_chars)]
        return []
