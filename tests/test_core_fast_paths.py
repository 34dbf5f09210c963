"""The core evidence's shortcuts (rules/_core.py, rules/_support.py) give the answers of the
plain computations they replace, and the patterns compiled on first use are the patterns.

Each test pits a shortcut against the slow way written out here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from smartlint_rules import _core, _support

from smartlint._lazyre import LazyPattern
from smartlint.lang.en.goal import tokenize, verb_lemma
from smartlint.model import Direction, ParsedGoal, Quantity, QuantityKind, Span

# -- which quantities name something (`_en_names`) ---------------------------------------

# Words and separators that reach every branch of `_en_names`: name words, products with a
# version, determiners after a reaching verb, glued numbers, whitespace that is not a space
# (tab, no-break space, U+2028), characters `lower` changes in length (İ), long runs.
_BEFORE = ["Python", "iOS", "the", "a", "Achieve", "keep", "phase", "v", "no.", "#", "KR#",
           "Fortune", "global", "Sign", "x", "İx", "upgrade", "-", "GPT-", "to", "at least",
           "word" * 8, " ", "  ", "\t", "\xa0", "\u2028", "\n", "", "(the", "Q3"]  # fmt: skip
_NUMBERS = ["3.9", "4", "500", "100", "2027", "one", "3.2.1", "1.5%", "5"]
_KINDS = [QuantityKind.NUMBER, QuantityKind.UNIT, QuantityKind.PERCENT, QuantityKind.CURRENCY]


def _plain_en_names(goal: ParsedGoal, label_end: int) -> list[tuple[Quantity, bool]]:
    """What `_en_names` answers, the plain way: the words before each quantity from a copy
    of the 60 characters before it, stripped and split."""
    text = goal.text
    out = []
    for q in goal.quantities:
        start = q.start
        prev_char = text[start - 1] if start else ""
        if (
            q.end <= label_end
            or (prev_char and (prev_char.isalnum() or prev_char == "#"))
            or (prev_char == "-" and start > 1 and text[start - 2].isalpha())
            or _core._self_named(q.text)
        ):
            out.append((q, True))
            continue
        stripped = text[max(0, start - 60) : start].rstrip()
        last_word = stripped.rsplit(None, 1)[-1] if stripped else ""
        prev_word = last_word.lower()
        if prev_word.rstrip(".#") in _core._EN_NAME_WORDS or prev_word.endswith("#") or (
            q.kind is QuantityKind.NUMBER
            and (q.noun is None or q.noun.split(None, 1)[0].lower() in _core._EN_VERSION_NOUNS)
            and len(prev_word) > 1
            and prev_word[:1].isalpha()
            and len(stripped) > len(prev_word)
            and _core._TITLE_WORD.fullmatch(last_word)
        ):
            named = True
        elif (
            q.kind in (QuantityKind.NUMBER, QuantityKind.UNIT)
            and q.comparator is None
            and prev_word in _core._EN_DETERMINERS
        ):
            head = stripped[: -len(prev_word)].rstrip()
            word_before = head.rsplit(None, 1)[-1].lower() if head else ""
            lemma = verb_lemma(word_before) or word_before
            named = lemma not in _core._EN_REACH_LEMMAS and lemma not in (
                "maintain", "keep", "to", "at", "of", "sustain", "hold", "retain",
            )  # fmt: skip
        else:
            named = False
        out.append((q, named))
    return out


_SEPARATORS = [" ", " ", " ", "", "\t", "\xa0", "  ", "\u2028"]


@st.composite
def _goals_with_quantities(draw: st.DrawFn) -> tuple[ParsedGoal, int]:
    text = ""
    quantities = []
    for _ in range(draw(st.integers(1, 3))):
        for _ in range(draw(st.integers(0, 4))):
            text += draw(st.sampled_from(_BEFORE)) + draw(st.sampled_from(_SEPARATORS))
        text += draw(st.sampled_from(["", " ", " ", "\t", "  "]))
        number = draw(st.sampled_from(_NUMBERS))
        noun = draw(st.sampled_from([None, "upgrade", "accounts", "release notes"]))
        comparator = draw(st.sampled_from([None, None, ">="]))
        kind = draw(st.sampled_from(_KINDS))
        quantities.append(Quantity(len(text), len(text) + len(number), number, 1.0, kind,
                                   None, noun, comparator))  # fmt: skip
        text += number
    text += draw(st.sampled_from(["", " accounts", " upgrade"]))
    label_end = draw(st.sampled_from([0, 0, 3]))
    return ParsedGoal(text, "en", tuple(quantities)), label_end


def _one(text: str, number: str, kind: QuantityKind = QuantityKind.NUMBER) -> ParsedGoal:
    start = text.index(number)
    return ParsedGoal(text, "en", (Quantity(start, start + len(number), number, 1.0, kind),))


@settings(max_examples=400, deadline=None)
@given(_goals_with_quantities())
@example((_one("x\tPython 3.9", "3.9"), 0))  # whitespace inside what runs back to a space
@example((_one("x\xa0phase 2", "2"), 0))
@example((_one("Ship Python 3.9", "3.9"), 0))
@example((_one("Achieve a 4.5", "4.5"), 0))
@example((_one("İİ the 4 signals", "4"), 0))  # lower() longer than the word
@example((_one(" 5 x", "5"), 0))
@example((_one("Sign 5 Fortune 500 accounts", "500"), 0))
def test_en_names_read_the_word_before_as_strip_and_split_would(
    case: tuple[ParsedGoal, int],
) -> None:
    goal, label_end = case
    dn = _core._en_lexicon(None).digit_names
    got = _core._en_names(goal, label_end, dn)
    # the plain way: each quantity's verdict, then the digit names marked over the list
    assert got == _core._digit_named(goal, _plain_en_names(goal, label_end), dn)


def test_no_whitespace_but_the_space_is_printable() -> None:
    # what the word-before shortcut of `_en_names` relies on
    every = map(chr, range(0x110000))
    assert not [c for c in every if c.isspace() and c.isprintable() and c != " "]


# -- goal openings without a label or a population (`_PLAIN_HEADS`) ---------------------


@given(
    st.one_of(
        st.sampled_from(["All", "all", "ALL", "Any", "aNy", "Eve", "Eac", "Inc", "KR1", "O: ",
                         "Obj", "the", "Ach", "ſal", "-  ", "12.", "Lau", "Ens", "Epi", "a) ",
                         "Al", "An", "ſ", "K"]),
        st.text(alphabet="AaEeKkRrOoLlVvNnYyCcHhIiTt ſK.:-1", max_size=3),
    ),
    st.text(alphabet=" \tlLyY%of1", max_size=6),
)
def test_plain_head_has_no_label_and_no_population(head: str, rest: str) -> None:
    text = head + rest
    if _core._plain_head(text[:3]):
        assert _core._label_end(text) == 0
        assert not _core._population_at(text, 0)
        assert _core._EN_LABEL.match(text).end() == 0  # type: ignore[union-attr]
        assert not _core.population_subject(text)


# -- gates before the clause split and the event scan -----------------------------------

_CLAUSE_WORDS = ["AND", "and", "While", "plus", ",", ";", ":", "launch", "grow", "3and", "_and",
                 "hand", "x", "reach", "build", "ship", "50%", "10", " ", "-"]  # fmt: skip


def _plain_outcome_clause(tokens: tuple, measures: list[Quantity], output: Span) -> bool:  # type: ignore[type-arg]
    """`_en_outcome_clause` without its gate."""
    verbs = _core._en_lexicon(None).output_verbs
    for a, b in _core._en_clauses(tokens)[1:]:
        c_start, c_end = tokens[a].start, tokens[b - 1].end
        if c_start <= output.start < c_end:
            continue
        lemma = verb_lemma(tokens[a].lower)
        if lemma is not None and lemma in verbs:
            continue
        if any(c_start <= q.start < c_end for q in measures):
            return True
    return False


@given(st.lists(st.sampled_from(_CLAUSE_WORDS), min_size=1, max_size=10))
@example(["launch", "x", "AND", "grow", "50%"])
@example(["launch", "x", "While", "grow", "50%"])
@example(["launch", "x", "plus", "grow", "10"])
@example(["launch", "x;", "grow", "10"])
def test_outcome_clause_gate_skips_only_single_clauses(words: list[str]) -> None:
    text = " ".join(words)
    tokens = tokenize(text)
    measures = [Quantity(t.start, t.end, t.text, 1.0, QuantityKind.NUMBER)
                for t in tokens if t.text[:1].isdigit()]  # fmt: skip
    output = Span(0, len(words[0]), words[0])
    goal = ParsedGoal(text, "en")
    verbs = _core._en_lexicon(None).output_verbs
    got = _core._en_outcome_clause(goal, tokens, measures, verbs, output, text.lower())
    assert got == _plain_outcome_clause(tokens, measures, output)


_EVENT_WORDS = ["before", "BEFORE", "Ahead of", "ahead to", "prior to", "Prior", "by", "in",
                "in time for", "at", "launch", "the", "KubeCon", "3before", "_before", "every",
                "review", "x", ","]  # fmt: skip


def _plain_event_bound(tokens: tuple, et: _core._EnText, lx: _core._EnLexicon) -> bool:  # type: ignore[type-arg]
    """`_en_event_bound` without its gate on the lower-cased text."""
    events = lx.deadline_events
    lower = et.lower
    lowers = [t.lower for t in tokens]
    if _core._EN_BOUND_PREPS.isdisjoint(lowers):
        return False
    possible = events.possible(et)
    if not possible and not {"before", "ahead", "prior"} & set(lowers):
        return False
    for i, low in enumerate(lowers):
        if low not in _core._EN_BOUND_PREPS:
            continue
        if low in ("ahead", "prior"):
            if i + 1 >= len(tokens) or tokens[i + 1].lower not in ("of", "to"):
                continue
            i += 1
        if low == "in" and (i + 2 >= len(tokens) or tokens[i + 1].lower != "time"):
            continue
        if low in ("before", "ahead", "prior"):
            j = i + 1
            if j < len(tokens) and tokens[j].lower == "the":
                j += 1
            if j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.isalpha():
                return True
        if not possible:
            continue
        for w in tokens[i + 1 : i + 7]:
            if w.text in ",;:()" or (w.text == "." and not lower[w.end : w.end + 1].isalnum()):
                break
            if w.lower in _core._EN_RECURRING:
                break
            if events.match(et, w.start) is not None:
                return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_EVENT_WORDS), max_size=7))
@example(["Ship", "it", "Ahead of", "KubeCon"])
@example(["Ship", "it", "prior to", "KubeCon"])
@example(["Ship", "it", "BEFORE", "KubeCon"])
@example(["Ship", "it", "by", "the", "launch"])
def test_event_bound_gate_skips_only_goals_without_an_event(words: list[str]) -> None:
    text = " ".join(words)
    lx = _core._en_lexicon(None)
    et = _core._EnText(text.lower(), text)
    tokens = tokenize(text)
    assert _core._en_event_bound(tokens, et, lx) == _plain_event_bound(tokens, et, lx)


# -- unit conversion factors (`comparable`) ---------------------------------------------

_UNIT_NAMES = ["millisecond", "second", "minute", "hour", "day", "week", "kilogram", "gram",
               "meter", "kilometer", "square_meter", "percent", "degree_Celsius",
               "degree_Fahrenheit", "kelvin", "no_such_unit"]  # fmt: skip
_UNITS: list[tuple[QuantityKind, str | None]] = [(QuantityKind.UNIT, u) for u in _UNIT_NAMES]
_UNITS += [(QuantityKind.PERCENT, "percent"), (QuantityKind.PERCENT, "percentage_point"),
           (QuantityKind.NUMBER, None), (QuantityKind.CURRENCY, "USD")]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_UNITS),
    st.sampled_from(_UNITS),
    st.floats(-1e9, 1e9, allow_nan=False),
    st.floats(-1e9, 1e9, allow_nan=False),
)
def test_comparable_by_factor_is_pint_s_conversion(
    a: tuple[QuantityKind, str | None], b: tuple[QuantityKind, str | None], x: float, y: float
) -> None:
    qa = Quantity(0, 1, "a", x, a[0], a[1])
    qb = Quantity(0, 1, "b", y, b[0], b[1])
    got = _support.comparable(qa, qb)
    if qa.unit == qb.unit or QuantityKind.UNIT not in (qa.kind, qb.kind):
        return  # not a conversion
    plain = _support._pint_comparable(qa, qb)
    assert (got is None) == (plain is None)
    if got is not None and plain is not None:
        assert got == plain


# -- patterns compiled on first use -----------------------------------------------------


@pytest.mark.parametrize("module", [_core, _support])
def test_every_lazy_pattern_is_the_pattern_it_stands_for(module: object) -> None:
    lazy = {k: v for k, v in vars(module).items() if type(v) is LazyPattern}
    for name, stand_in in lazy.items():
        compiled = re.compile(stand_in.pattern, stand_in.flags)
        # a search through the stand-in compiles it (a typo would fail here, not in use)
        stand_in.search("")
        # and puts the compiled pattern in the module in its place
        assert getattr(module, name) is stand_in.compiled()
        assert type(getattr(module, name)) is re.Pattern
        assert (getattr(module, name).pattern, getattr(module, name).flags) == (
            compiled.pattern,
            compiled.flags,
        )


def test_a_matcher_compiles_its_pattern_when_first_searched() -> None:
    terms = _support.TermMatcher("en", {"churn rate": "", "churn": ""})
    assert "_re" not in vars(terms)
    assert not terms._possible("Grow revenue")  # ruled out before any search
    assert "_re" not in vars(terms)
    found = terms.first("Cut churn rate by half")
    assert found is not None and found.key == "churn rate"
    assert isinstance(vars(terms)["_re"], re.Pattern)  # now a plain attribute
    empty = _support.TermMatcher("zh", {})
    assert empty._re is None and empty._empty and not empty._possible("客户流失率")
    with pytest.raises(AttributeError):
        _ = terms.no_such_attribute  # type: ignore[attr-defined]


@given(st.text(alphabet=" \t\nazAZ09-_éQ,", max_size=8), st.integers(0, 9))
def test_next_word_gate_skips_only_texts_the_pattern_cannot_match(text: str, end: int) -> None:
    # `is_scope_frame` reads the word after a frame only where a lower-case ASCII letter
    # follows the character after it
    if not ("a" <= text[end + 1 : end + 2] <= "z"):
        assert _core._EN_NEXT_WORD.match(text, end) is None


# -- signed_direction's gates before the verb search --------------------------------------


def _plain_signed_direction(goal: ParsedGoal) -> Direction | None:
    """`signed_direction` without its gates (nor `direction`'s): the verb found, then the
    way (the analysis's, else the verb's)."""
    verb = _support.first_verb.__wrapped__(goal, None)  # type: ignore[attr-defined]
    if verb is not None and verb.value == "better":
        return None
    way = goal.direction or (_support._VERB_DIRECTION.get(verb.value) if verb else None)
    return way if way in (Direction.INCREASE, Direction.DECREASE) else None


_VERB_WORDS = ["Improve", "improves", "Grow", "Reduce", "cut", "Optimise", "enhanced", "Drive",
               "ensure", "raise", "Kut", "ſtrengthen", "IMPROVE", "Keep", "hit", "boost",
               "改善", "提高", "优化", "降低", "确保"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_VERB_WORDS), min_size=1, max_size=3),
    st.sampled_from(["revenue to $5M", "churn", "NPS by 5 points", "客户流失率", ""]),
    st.sampled_from([None, *Direction]),
    st.sampled_from([None, "improve", "grow", "drive", "cut", "ensure", "boost"]),
    st.integers(0, 2),
)
@example(["drive"], "revenue", Direction.INCREASE, "drive", 0)
@example(["Improve"], "churn", Direction.DECREASE, None, 0)
@example(["改善"], "客户流失率", Direction.INCREASE, None, 0)
def test_signed_direction_gate_gives_the_plain_answer(
    words: list[str], rest: str, way: Direction | None, lemma: str | None, skip: int
) -> None:
    head = " ".join(words)
    text = f"{head} {rest}".strip()
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
    # the verb: the words after the first `skip` characters of the head
    verb = Span(skip, len(head), head[skip:]) if skip < len(head) else None
    goal = ParsedGoal(text=text, lang=lang, verb=verb, verb_lemma=lemma, direction=way)
    assert _support.signed_direction.__wrapped__(goal, None) == _plain_signed_direction(goal)
    # and `direction`'s own gate: the way of the verb found, when the analysis gave none
    verb_found = _support.first_verb.__wrapped__(goal, None)  # type: ignore[attr-defined]
    plain_way = goal.direction or (
        _support._VERB_DIRECTION.get(verb_found.value) if verb_found is not None else None
    )
    assert _support.direction.__wrapped__(goal, None) == plain_way  # type: ignore[attr-defined]


# -- session 5: shortcuts in the evidence and the shared gates ---------------------------


def _list_words() -> list[str]:
    """Words of the entries of the lists `_lists.possible_lists` answers for (and of the
    phrase lists of the evidence), with look-alikes and a word of none."""
    from smartlint_rules import _lists

    words = {w for name in _lists.GATED for entry in _support.matcher("en", name).table
             for w in entry.split()}  # fmt: skip
    for name in ("deadline_events", "thresholds", "benchmarks", "vague_words"):
        words |= {w for entry in _core.lex("en", name, None) for w in entry.split()}
    return [*sorted(words), "Per", "TIME", "times", "next-gen", "all_of", "x"]


_LIST_WORDS = _list_words()


def _plain_possible_en(text: str) -> frozenset[str]:
    """What `_lists._possible_en` answers, the plain way: a list is possible when all the
    words of one of its entries are words of the text."""
    from smartlint_rules import _lists

    words = frozenset(re.findall(r"\w+", text.lower()))
    found = set()
    for name in _lists.GATED:
        for entry in _support.matcher("en", name).table:
            runs = re.findall(r"\w+", entry)
            if not runs or not entry.isascii() or entry != entry.lower():
                found.add(name)  # not ruled out by the test
                break
            if frozenset(runs) <= words:
                found.add(name)
                break
    return frozenset(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LIST_WORDS), max_size=8), st.sampled_from([" ", ", ", "-"]))
@example(["per", "quarter"], " ")
@example(["all", "of", "the", "time"], " ")
def test_possible_lists_by_the_words_held_is_the_plain_answer(words: list[str], sep: str) -> None:
    from smartlint_rules import _lists

    text = sep.join(words)
    # twice: computed, then remembered by the list words the text holds
    assert _lists._possible_en(text, None) == _plain_possible_en(text)
    assert _lists._possible_en(text, None) == _plain_possible_en(text)


def _plain_viable(phrases: _core._EnPhrases, words: frozenset[str]) -> list[str]:
    found = phrases.firsts & words
    return [w for w in found
            if w not in phrases.rests or any(r <= words for r in phrases.rests[w])]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["deadline_events", "thresholds", "benchmarks", "vague_words",
                     "output_states"]),
    st.lists(st.sampled_from(_LIST_WORDS), max_size=8),
)  # fmt: skip
def test_phrase_list_viable_first_words_are_the_plain_ones(name: str, words: list[str]) -> None:
    phrases = _core.en_phrases(name, None)
    text = " ".join(words)
    et = _core._EnText(text.lower(), text)
    plain = _plain_viable(phrases, et.words)
    assert phrases._viable(phrases.firsts & et.words, et.words) == plain
    assert phrases.possible(et) == (not phrases.empty and bool(plain))


def _plain_others_act(goal: ParsedGoal, tokens: tuple, label_end: int) -> bool:  # type: ignore[type-arg]
    """`_en_others_act` before its loop: the tokens before the verb picked by a filter."""
    verb = goal.verb
    if verb is None:
        return False
    before = [t for t in tokens if t.end <= verb.start]
    body = [t for t in before if t.start >= label_end]
    if not body or (body[-1].text.endswith(",") and body[0].lower in _core.FRONTED):
        return False
    if body[-1].lower in _core._EN_MODAL_WORDS:
        subject = body[:-1]
    else:
        subject = body
        if _core._EN_PARTICIPLE.match(verb.text.lower()):
            return False
    if not subject or any(t.lower in _core._EN_MODAL_WORDS or t.lower in ("me", "us")
                          for t in subject):  # fmt: skip
        return False
    owners = {t.lower for t in subject} & {"we", "i", "you", "team"}
    return not (owners or (len(subject) == 1 and subject[0].lower in _core._EN_OWNERS))


_SUBJECT_WORDS = ["100%", "of", "new", "hires", "We", "will", "In", "Q3,", "KR1:", "team",
                  "customers", "Partner", "portal", "the", "must", "me", "-", "1."]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=6),
    st.sampled_from(["finish", "launched", "launch", "ship", "shipped"]),
    st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=3),
    st.integers(0, 12),
)
@example(["100%", "of", "new", "hires"], "finish", ["training"], 0)
@example(["In", "Q3,"], "launch", ["portal"], 0)
def test_others_act_reads_the_tokens_before_the_verb_as_a_filter_would(
    before: list[str], verb: str, after: list[str], label_end: int
) -> None:
    head = " ".join(before)
    text = f"{head} {verb} {' '.join(after)}".strip()
    start = len(head) + 1 if head else 0
    goal = ParsedGoal(text=text, lang="en", verb=Span(start, start + len(verb), verb))
    tokens = tokenize(text)
    assert _core._en_others_act(goal, tokens, label_end) == _plain_others_act(
        goal, tokens, label_end
    )


def _plain_may_find(goal: ParsedGoal, span: Span, values: frozenset[str]) -> bool:
    verbs = _support.matcher(goal.lang, "goal_verbs", None, inflect=True)
    if verbs.table.get((goal.verb_lemma or span.text).lower()) in values:
        return True
    keys = [k for k, v in verbs.table.items() if v in values]
    piece = goal.text[span.start : span.end]
    if all(k.lower() == k.upper() for k in keys) or piece.isascii():
        low = piece if all(k.lower() == k.upper() for k in keys) else piece.lower()
        return any(k in low for k in keys)
    return True


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Improve", "grow", "Cut", "drive", "BETTER", "keep", "提升", "降低",
                     "ſpeed up", "Reduce"]),
    st.sampled_from([None, "improve", "grow", "cut", "drive", "better", "keep", "reduce"]),
    st.sampled_from([_support._BETTER_VALUE, _support._SIGNED_VALUES,
                     _support._DIRECTION_VALUES]),
    st.sampled_from(["en", "zh"]),
)  # fmt: skip
def test_may_find_remembered_by_lemma_and_verb_is_the_plain_answer(
    verb: str, lemma: str | None, values: frozenset[str], lang: str
) -> None:
    text = f"{verb} churn"
    goal = ParsedGoal(text=text, lang=lang, verb=Span(0, len(verb), verb), verb_lemma=lemma)
    span = goal.verb
    assert span is not None
    # twice: computed, then remembered
    assert _support._may_find(goal, span, None, values) == _plain_may_find(goal, span, values)
    assert _support._may_find(goal, span, None, values) == _plain_may_find(goal, span, values)


def test_evidence_fields_are_those_of_the_plain_constructor() -> None:
    # `_en_signals` and `_zh_signals` fill a Signals in with stores written out: each field
    # must be the one its name says, and `quantified` the rule's reading of the others
    import smartlint
    from smartlint.config import Config
    from smartlint.model import Context
    from smartlint.rule import RuleContext

    ctx = RuleContext(context=Context(), config=Config())
    for text, lang in [("Reduce churn from 9% to 6% by Q3", "en"), ("Improve morale", "en"),
                       ("Hit the quota", "en"), ("将转化率提高到X%", "zh"),
                       ("Launch the partner portal", "en"), ("提高客户满意度", "zh")]:  # fmt: skip
        sig = _core.signals(smartlint.parse(text, lang=lang), ctx)
        again = _core.Signals(*(getattr(sig, f) for f in _core.Signals._fields[:-1]))
        assert again == sig
        assert sig.quantified == (bool(sig.measures or sig.threshold) and not sig.unset_target)


def _plain_digit_marked(goal: ParsedGoal, names: list, near: list[Quantity]) -> list:  # type: ignore[type-arg]
    """`_digit_marked` without its gate on the goal's words: the scan of the window."""
    pattern = _core.phrase_regex("en", "digit_names", None)
    assert pattern is not None
    text = goal.text
    lo = max(0, min(q.start for q in near) - 30)
    hi = max(q.end for q in near) + 30
    spans = [m.span() for m in pattern.finditer(text, lo, hi)
             if not (m.start() and text[m.start() - 1].isascii()
                     and text[m.start() - 1].isalnum())
             and not (text[m.end() : m.end() + 1].isascii()
                      and text[m.end() : m.end() + 1].isalnum())]  # fmt: skip
    if not spans:
        return names
    return [(q, named or any(a <= q.start and q.end <= b for a, b in spans)) for q, named in names]


_DIGIT_WORDS = ["Sign", "5", "Fortune", "fortune", "FORTUNE", "500", "1000", "S&P", "s&p", "P",
                "7-Eleven", "7", "Inc.", "inc", "5000", "users", "Global", "2000", "Formula",
                "1", "accounts", "K", "ſ&p", "x500"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DIGIT_WORDS), min_size=1, max_size=7))
@example(["Sign", "5", "Fortune", "500", "accounts"])
@example(["Reach", "1000", "users"])
def test_digit_name_gate_skips_only_goals_without_a_listed_name(words: list[str]) -> None:
    import smartlint

    goal = smartlint.parse(" ".join(words), lang="en")
    if not goal.quantities:
        return
    names = [(q, False) for q in goal.quantities]
    near = list(goal.quantities)
    dn = _core._en_lexicon(None).digit_names
    assert _core._digit_marked(goal, names, near, dn) == _plain_digit_marked(goal, names, near)


def _plain_baseline_target(goal: ParsedGoal) -> tuple[Quantity | None, Quantity | None]:
    if goal.baseline is not None or goal.target is not None:
        return goal.baseline, goal.target
    for a, b in zip(goal.quantities, goal.quantities[1:], strict=False):
        if _support._EN_FROM.search(goal.text, 0, a.start) and _support._EN_TO.match(
            goal.text[a.end : b.start]
        ):
            return a, b
    return None, None


def _plain_change_quantity(goal: ParsedGoal) -> Quantity | None:
    if goal.change is not None:
        return goal.change
    for q in goal.quantities:
        if q.kind in (QuantityKind.PERCENT, QuantityKind.MULTIPLIER) and _support._EN_BY.search(
            goal.text[max(0, q.start - 24) : q.start]
        ):
            return q
    return None


_LEVEL_WORDS = ["from", "FROM", "From", "to", "by", "By", "BY", "another", "a further", "an",
                "the", "5%", "10%", "2x", "3", "churn", "fromage", "bypass", "->", "-"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LEVEL_WORDS), max_size=8))
@example(["Cut", "churn", "From", "5%", "to", "3%"])
@example(["Grow", "BY", "another", "10%"])
def test_from_and_by_gates_give_the_plain_answers(words: list[str]) -> None:
    text = " ".join(words)
    # quantities placed by hand (no analysis: its baseline, target and change are unset)
    qs = []
    at = 0
    for w in words:
        if w[:1].isdigit():
            kind = QuantityKind.PERCENT if w.endswith("%") else QuantityKind.NUMBER
            qs.append(Quantity(at, at + len(w), w, float(w.rstrip("%x")), kind, None))
        at += len(w) + 1
    goal = ParsedGoal(text=text, lang="en", quantities=tuple(qs))
    assert _support.baseline_target(goal) == _plain_baseline_target(goal)
    assert _support.change_quantity(goal) == _plain_change_quantity(goal)
