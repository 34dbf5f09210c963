"""Which of the rules' rarely met word lists can occur in a goal: one test a goal, shared.

A104 (absolute_target), S105 (jargon, weasel), T102 and the level rewrite (vague_time) and
T106 (frequency_time) each searched their list in every goal, and each search first asked
whether an entry could be there at all (a matcher look-up and a test of the goal's words,
~0.6 µs each, 4-6 a goal). One test of the goal's words against all the lists at once
answers for every rule: half the benchmark's English goals hold no word of any of them,
and most others a word of one list ("year", "per" of frequency_time).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from smartlint_rules import _support as sup

from smartlint.config import Config
from smartlint.model import ParsedGoal

#: The lists this test answers for.
GATED = ("absolute_target", "jargon", "weasel", "vague_time", "frequency_time")
_ALL = frozenset(GATED)
_WORD = re.compile(r"\w+")


class _Gate(NamedTuple):
    config: Config | None
    #: one word of each entry of every list (its longest \w run): the entry can only be
    #: found in a text whose words hold it
    union: frozenset[str]
    #: such a word → the lists it may be found for (with `open`)
    lists_of: dict[str, frozenset[str]]
    #: lists the test cannot rule out (an entry not in lower-case ASCII, or without a word)
    open: frozenset[str]


#: lang → the gate of the config asked for last (the lists of one config never change)
_GATES: dict[str, _Gate] = {}


def _gate(lang: str, config: Config | None) -> _Gate:
    gate = _GATES.get(lang)
    if gate is not None and gate.config is config:
        return gate
    words: dict[str, frozenset[str]] = {}
    always: set[str] = set()
    for name in GATED:
        keys: set[str] = set()
        for entry in sup.matcher(lang, name, config).table:
            runs = _WORD.findall(entry)
            if not runs or not entry.isascii() or entry != entry.lower():
                always.add(name)
                break
            keys.add(max(runs, key=len))
        else:
            words[name] = frozenset(keys)
    open_ = frozenset(always)
    union = frozenset().union(*words.values())
    lists_of = {w: frozenset(n for n, keys in words.items() if w in keys) | open_ for w in union}
    gate = _GATES[lang] = _Gate(config, union, lists_of, open_)
    return gate


def possible_lists(goal: ParsedGoal, config: Config | None = None) -> frozenset[str]:
    """The names among `GATED` whose entries may occur in the goal's text: a list left
    out has none there (its search would find nothing). Decided for English goals in
    ASCII: a match of an entry in lower-case ASCII is the entry whatever the case, between
    word boundaries, so each of its words (\\w runs) is one of the text's words
    (`_support._tokens`). Every list may occur in any other text."""
    if goal.lang != "en":
        return _ALL  # (without the memo: a Chinese goal pays one call)
    return _possible_en(goal, config)


@sup.per_goal
def _possible_en(goal: ParsedGoal, config: Config | None = None) -> frozenset[str]:
    text = goal.text
    if not text.isascii():
        return _ALL
    gate = _gate("en", config)
    hits = gate.union.intersection(sup._tokens(text))
    if not hits:
        return gate.open  # (half the goals)
    if len(hits) == 1:  # most others: "year", "per", "over" …
        for word in hits:
            return gate.lists_of[word]
    found = set(gate.open)
    for word in hits:
        found |= gate.lists_of[word]
    return frozenset(found)
