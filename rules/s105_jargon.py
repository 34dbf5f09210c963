"""S105 jargon-or-weasel-word: the rule; its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup
from smartlint_rules._lists import possible_lists

from smartlint.config import Config
from smartlint.model import Dimension, Finding, ParsedGoal, Severity, Suggestion
from smartlint.rule import Examples, Rule, RuleContext

_KIND = {
    "en": {"jargon": "jargon", "weasel": "a hedge"},
    "zh": {"jargon": "行话", "weasel": "含糊的限定词"},
}
_REPLACE = {"en": "Use “{plain}”", "zh": "改用“{plain}”"}
_REMOVE = {"en": "Remove “{term}”", "zh": "删除“{term}”"}


#: lang → (config, (jargon, weasel)) asked for last: one look-up a goal instead of two
#: `matcher` calls (the matchers of one config never change)
_LAST: dict[str, tuple[Config | None, tuple[sup.TermMatcher, sup.TermMatcher]]] = {}


def _lexicons(lang: str, config: Config | None) -> tuple[sup.TermMatcher, sup.TermMatcher]:
    last = _LAST.get(lang)
    if last is not None and last[0] is config:
        return last[1]
    pair = (sup.matcher(lang, "jargon", config), sup.matcher(lang, "weasel", config))
    _LAST[lang] = (config, pair)
    return pair


class JargonOrWeaselWord(Rule):
    """Jargon or a hedge that hides what the goal commits to.

    ## What it does
    Finds the words of two per-language lexicons: `jargon` ("leverage", "synergy", "move the
    needle", "赋能", "抓手", "闭环") and `weasel` — hedges that soften a commitment ("try to",
    "aim to", "hopefully", "as much as possible", "尽量", "争取", "力争"). One finding per word.

    ## Why it matters
    Jargon lets a goal sound important without saying what will change; hedges announce in
    advance that missing it will be fine. Readers outside the team cannot check either.

    ## How to fix
    Say plainly what will be different, and commit to it: "use" for "leverage", and drop
    "try to". Where the lexicon knows a plain word, the suggestion offers it.

    ## Configuration
    Extend either list per language:
    `[tool.smartlint.lexicon.en] jargon = ["circle back = follow up"]`,
    `weasel = ["kind of"]` (a `= plain word` part is optional).

    ## Fix safety
    Replacing jargon with its plain word, or removing a hedge, may need the sentence adjusted
    around it; suggestions are never applied unattended.
    """

    code = "S105"
    name = "jargon-or-weasel-word"
    dimension = Dimension.SPECIFIC
    default_severity = Severity.INFO
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{term}” is {kind}: say plainly what will change.",
        "zh": "“{term}”是{kind}：请直白地说明会发生什么变化。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=["Leverage partner synergies to grow pipeline by 20% by June 30, 2027",
                 "Try to reduce customer churn to 3% by June 30, 2027"],
            good=["Grow partner-sourced pipeline by 20% by June 30, 2027"],
        ),
        "zh": Examples(
            bad=["2027年6月30日前赋能渠道伙伴，将商机提高20%",
                 "争取在2027年6月30日前将客户流失率降低到3%"],
            good=["2027年6月30日前将渠道伙伴带来的商机提高20%"],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        lists = possible_lists(goal, ctx.config)  # (one test a goal, shared with A104, T102…)
        if "jargon" not in lists and "weasel" not in lists:
            return []  # nearly every goal: neither list can be found in it
        jargon, weasel = _lexicons(goal.lang, ctx.config)
        text = goal.text
        # `finditer` gives an empty tuple when its cheap test rules the list out: that is
        # nearly every goal, which then ends here without the lists and the loop below
        in_jargon, in_weasel = jargon.finditer(text), weasel.finditer(text)
        if not in_jargon and not in_weasel:
            return []
        lang = goal.lang if goal.lang in _KIND else "en"
        seen: list[tuple[int, int]] = []
        found: list[Finding] = []
        for name, terms in (("jargon", in_jargon), ("weasel", in_weasel)):
            for term in terms:
                if sup.spans_overlap((term.start, term.end), seen):
                    continue
                seen.append((term.start, term.end))
                found.append(self.finding(goal, term.start, term.end, ctx,
                                          suggestions=[self._fix(goal, term, lang)],
                                          term=term.text, kind=_KIND[lang][name]))
        return found

    @staticmethod
    def _fix(goal: ParsedGoal, term: sup.Term, lang: str) -> Suggestion:
        if term.value:
            plain = term.value
            if term.text[:1].isupper():
                plain = plain[:1].upper() + plain[1:]
            return Suggestion(title=_REPLACE[lang].format(plain=plain), replacement=plain,
                              start=term.start, end=term.end)
        end = term.end
        while end < len(goal.text) and goal.text[end] == " ":
            end += 1  # take the space after the word with it
        return Suggestion(title=_REMOVE[lang].format(term=term.text), replacement="",
                          start=term.start, end=end)
