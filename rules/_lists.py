"""Which of the rules' rarely met word lists can occur in a goal: one test a goal, shared.

A104 (absolute_target), S105 (jargon, weasel), T102 and the level rewrite (vague_time) and
T106 (frequency_time) each searched their list in every goal, and each search first asked
whether an entry could be there at all (a matcher look-up and a test of the goal's words,
~0.6 µs each, 4-6 a goal). One test of the goal's words against all the lists at once
answers for every rule: a list is possible only where all the words of one of its entries
are words of the goal. 4 of 5 of the benchmark's English goals then search no list, and
most others one ("per quarter", "every month" of frequency_time).
"""

from __future__ import annotations

from smartlint_rules import _support as sup

from smartlint._lazyre import lazy_compiler
from smartlint.config import Config
from smartlint.model import ParsedGoal

#: The lists this test answers for.
GATED = ("absolute_target", "jargon", "weasel", "vague_time", "frequency_time")
_ALL = frozenset(GATED)
#: module patterns compiled on first use (smartlint._lazyre): a cold check compiles
#: only those its goals need
_lazy = lazy_compiler(globals())
_WORD = _lazy(r"\w+")


class _Gate:
    """The lists of one language and config, as `_possible_en` reads them. (A class with
    slots: their reads are a third of a named tuple's field reads, five a goal.)"""

    __slots__ = ("config", "entries_of", "memo", "open", "relevant", "union")

    def __init__(
        self,
        config: Config | None,
        union: frozenset[str],
        entries_of: dict[str, tuple[tuple[frozenset[str], str], ...]],
        open_: frozenset[str],
    ) -> None:
        self.config = config
        #: one word of each entry of every list (its longest \w run): the entry can only
        #: be found in a text whose words hold it
        self.union = union
        #: such a word → the entries it stands for: (all the entry's words, its list)
        self.entries_of = entries_of
        #: lists the test cannot rule out (an entry not in lower-case ASCII, or without a
        #: word)
        self.open = open_
        #: every word of every entry: the answer for a text depends on which of these it
        #: holds, and on nothing else
        self.relevant: frozenset[str] = frozenset(
            w for entries in entries_of.values() for words, _ in entries for w in words
        )
        #: those words of a text (a few) → the answer (`_possible_en`)
        self.memo: dict[frozenset[str], frozenset[str]] = {}


#: lang → the gate of the config asked for last (the lists of one config never change)
_GATES: dict[str, _Gate] = {}


def _gate(lang: str, config: Config | None) -> _Gate:
    gate = _GATES.get(lang)
    if gate is not None and gate.config is config:
        return gate
    entries: dict[str, list[tuple[frozenset[str], str]]] = {}
    always: set[str] = set()
    for name in GATED:
        mine: list[tuple[str, frozenset[str]]] = []
        for entry in sup.matcher(lang, name, config).table:
            runs = _WORD.findall(entry)
            if not runs or not entry.isascii() or entry != entry.lower():
                always.add(name)
                break
            mine.append((max(runs, key=len), frozenset(runs)))
        else:
            for key, words in mine:
                if (words, name) not in entries.setdefault(key, []):
                    entries[key].append((words, name))
    gate = _GATES[lang] = _Gate(
        config, frozenset(entries), {k: tuple(v) for k, v in entries.items()}, frozenset(always)
    )
    return gate


#: the last English goal answered: (goal, config, lists); one cell replaced whole, as in
#: `_support.per_goal` (and dropped by its `forget`)
_LAST: list[tuple[object, object, frozenset[str]]] = [(None, None, _ALL)]
sup._MEMOS.append(_LAST)


def possible_lists(goal: ParsedGoal, config: Config | None = None) -> frozenset[str]:
    """The names among `GATED` whose entries may occur in the goal's text: a list left
    out has none there (its search would find nothing). Decided for English goals in
    ASCII: a match of an entry in lower-case ASCII is the entry whatever the case, between
    word boundaries, so each of its words (\\w runs) is one of the text's words
    (`_support._tokens`). Every list may occur in any other text."""
    # the memo written out, not `per_goal`: one call, not two, for each of the 3-4
    # questions an English goal asks; a Chinese goal is answered before it (through the
    # memo it cost 0.05-0.08 µs a call more, measured)
    if goal.lang != "en":
        return _ALL
    last = _LAST[0]
    if last[0] is goal and last[1] is config:
        return last[2]
    text = goal.text
    if not text.isascii():
        return _ALL
    lists = _possible_en(text, config)
    _LAST[0] = (goal, config, lists)
    return lists


def _possible_en(text: str, config: Config | None) -> frozenset[str]:
    gate = _GATES.get("en")
    if gate is None or gate.config is not config:
        gate = _gate("en", config)
    tokens = sup._tokens(text)
    # half the goals hold no word of any list: `isdisjoint` answers them without making
    # the set of hits
    if gate.union.isdisjoint(tokens):
        return gate.open
    # The answer depends only on which words of the entries the text holds (a few; the
    # same few come back goal after goal): remembered by them, it is one look-up instead
    # of the loop below for most of the other half
    key = gate.relevant.intersection(tokens)
    memo = gate.memo
    lists = memo.get(key)
    if lists is None:
        lists = _lists_holding(gate, key)
        if len(memo) >= 4096:  # words of long junk input: start again
            memo.clear()
        memo[key] = lists
    return lists


def _lists_holding(gate: _Gate, tokens: frozenset[str]) -> frozenset[str]:
    """The lists of `gate` with an entry whose every word is among `tokens`, and the lists
    the gate cannot rule out."""
    union = gate.union
    # A list is possible when all the words of one of its entries are in the text, not
    # only its longest word: "time" of "all of the time" or "quarter" of "per quarter"
    # alone no longer send 4 goals in 10 to a search that finds nothing (list searches a
    # goal: 0.63 → 0.24 on the benchmark's English goals; all rules 0.96x, measured)
    found: set[str] | None = None
    for word in union.intersection(tokens):
        for words, name in gate.entries_of[word]:
            if words <= tokens:
                if found is None:
                    found = {name}
                else:
                    found.add(name)
    if found is None:
        return gate.open
    found.update(gate.open)
    return frozenset(found)
