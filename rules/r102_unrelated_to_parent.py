"""R102 unrelated-to-parent: the rule; its documentation is the class docstring."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import ClassVar

from smartlint_rules import _support as sup

from smartlint.config import Config
from smartlint.model import Dimension, Finding, ParsedGoal
from smartlint.rule import Examples, Rule, RuleContext


@functools.lru_cache(maxsize=1024)
def families(
    text: str, lang: str, config: Config | None
) -> tuple[frozenset[str], tuple[sup.Term, ...]]:
    """The metric families a text mentions, and the terms that gave them (cached: the same
    parent objective comes back for each of its key results)."""
    found: set[str] = set()
    terms: list[sup.Term] = []
    for term in sup.matcher(lang, "metric_family", config).finditer(text):
        terms.append(term)
        found.update(f.strip() for f in term.value.split(",") if f.strip())
    return frozenset(found), tuple(terms)


class UnrelatedToParent(Rule):
    """A key result whose metrics have nothing to do with its parent objective's.

    ## What it does
    Runs only when the caller gives the parent objective (`context.parent`). It finds the
    metric families of the goal and of the parent with the `metric_family` lexicon ("churn" and
    "renewal rate" are retention; "blog posts" and "webinars" are marketing; "pipeline" and
    "win rate" are pipeline and revenue …) and fires when both have families and they share
    none: parent "Reduce churn", key result "Publish 20 blog posts". Goals whose words are not
    in the lexicon are never flagged.

    ## Why it matters
    Key results are the evidence that an objective moved. One that measures something
    unrelated can be met in full while the objective does not move at all.

    ## How to fix
    Replace it with a measure of the parent's outcome, or say how it moves the parent ("…to
    cut churn among new accounts"), or move it under the objective it really serves.

    ## Configuration
    Add terms with `[tool.smartlint.lexicon.en] metric_family = ["case studies = marketing,
    pipeline"]` (a term may belong to several families).

    ## Fix safety
    No suggestion: choosing the right measure is the author's call.
    """

    code = "R102"
    name = "unrelated-to-parent"
    dimension = Dimension.RELEVANT
    needs_context = ("parent",)
    messages: ClassVar[Mapping[str, str]] = {
        "en": "“{term}” has no evident link to the parent objective (“{parent}”): measure "
        "the parent's outcome or say how this moves it.",
        "zh": "“{term}”与上级目标（“{parent}”）没有明显关联："
        "请衡量上级目标的结果，或说明它如何推动上级目标。",
    }
    examples: ClassVar[Mapping[str, Examples]] = {
        "en": Examples(
            bad=[("Publish 20 blog posts by June 30, 2027",
                  {"goal_type": "key_result", "parent": "Reduce customer churn"})],
            good=[("Raise the renewal rate from 80% to 88% by June 30, 2027",
                   {"goal_type": "key_result", "parent": "Reduce customer churn"}),
                  ("Publish 20 blog posts that cut churn among new accounts by June 30, 2027",
                   {"goal_type": "key_result", "parent": "Reduce customer churn"})],
        ),
        "zh": Examples(
            bad=[("2027年6月30日前发布20篇博客文章",
                  {"goal_type": "key_result", "parent": "降低客户流失率"})],
            good=[("2027年6月30日前将续约率从80%提高到88%",
                   {"goal_type": "key_result", "parent": "降低客户流失率"})],
        ),
    }

    def check(self, goal: ParsedGoal, ctx: RuleContext) -> list[Finding]:
        parent = ctx.context.parent
        if not parent:
            return []
        config = ctx.config
        mine, terms = families(goal.text, goal.lang, config)
        if not mine:
            return []
        theirs, _ = families(parent, goal.lang, config)
        if not theirs or mine & theirs:
            return []
        first = terms[0]
        return [self.finding(goal, first.start, first.end, ctx, term=first.text, parent=parent)]
