"""S103–S105: compound goal, goal too long, jargon and weasel words."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REFERENCE_DATE
from hypothesis import example, given, settings
from hypothesis import strategies as st

import smartlint
from smartlint.config import Config, config_from_mapping
from smartlint.errors import ConfigError
from smartlint.model import Context
from smartlint.registry import builtin_rule_classes

CTX = Context(reference_date=REFERENCE_DATE)


def fired(code: str, text: str, lang: str | None = None, config: Config | None = None,
          **context: Any) -> list[smartlint.Finding]:
    context.setdefault("reference_date", REFERENCE_DATE)
    config = config or Config(select=(code,))
    result = smartlint.lint(text, lang=lang, context=Context(**context), config=config)
    return [f for f in result if f.code == code]


# -- S103 compound-goal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        (
            "Increase revenue by 10% and reduce customer churn to 3% by June 30, 2027",
            "en",
            ["Increase revenue by 10% by June 30, 2027",
             "Reduce customer churn to 3% by June 30, 2027"],
        ),
        (
            "Cut infrastructure costs by 20%; raise NPS to 45 by the end of 2027",
            "en",
            ["Cut infrastructure costs by 20% by the end of 2027",
             "Raise NPS to 45 by the end of 2027"],
        ),
        (
            "Grow pipeline to $4M, reduce the sales cycle to 40 days and hire 3 AEs in 2027",
            "en",
            ["Grow pipeline to $4M in 2027", "Reduce the sales cycle to 40 days in 2027",
             "Hire 3 AEs in 2027"],
        ),
        (
            "2027年6月30日前将收入提高10%，并将客户流失率降低到3%",
            "zh",
            ["2027年6月30日前将收入提高10%", "2027年6月30日前将客户流失率降低到3%"],
        ),
    ],
)
def test_compound_goal_is_split(text: str, lang: str, parts: list[str]) -> None:
    (finding,) = fired("S103", text, lang)
    assert str(len(parts)) in finding.message
    (split,) = finding.suggestions
    assert split.replacement.split("\n") == parts
    for part in parts:
        assert fired("S103", part, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase revenue and gross margin by 10% by June 30, 2027", "en"),  # one verb
        ("Build and launch the partner portal by June 30, 2027", "en"),  # one deliverable
        ("Grow revenue by 10%, reaching $5M by June 30, 2027", "en"),  # same outcome
        ("Reduce churn to 3% by June 30, 2027", "en"),
        ("2027年6月30日前将收入和毛利率提高10%", "zh"),
        ("开发并上线自动对账功能", "zh"),
        ("通过举办客户培训，将产品采用率提高到60%", "zh"),  # the first part is the means
        ("Cut the sales cycle to 70 days while keeping the win rate above 30% in 2027", "en"),
    ],
)
def test_compound_goal_quiet(text: str, lang: str) -> None:
    assert fired("S103", text, lang) == []


# -- S104 goal-too-long -----------------------------------------------------------------

LONG_EN = (
    "Increase the number of qualified enterprise opportunities that the sales development "
    "team creates from outbound campaigns, partner referrals, events and inbound website "
    "requests by 25% compared with last year by the end of the second quarter of 2027"
)
LONG_ZH = (
    "在2027年6月30日前通过外呼活动、合作伙伴推荐、线下活动以及官网咨询等多种渠道，"
    "把销售开发团队创建的合格企业级商机数量在去年的基础上提高25%"
)


def test_goal_too_long_counts_words_in_english_and_characters_in_chinese() -> None:
    (en,) = fired("S104", LONG_EN, "en")
    assert "38 words" in en.message and "30" in en.message
    (zh,) = fired("S104", LONG_ZH, "zh")
    assert f"{len(LONG_ZH)}字" in zh.message
    assert fired("S104", "Increase qualified opportunities by 25% by June 30, 2027", "en") == []
    assert fired("S104", "2027年6月30日前将合格企业级商机数量提高25%", "zh") == []


def test_goal_too_long_limits_per_language_from_config() -> None:
    short = "Increase qualified opportunities by 25% by June 30, 2027"  # 9 words
    tight = config_from_mapping({"select": ["S104"], "rules": {"S104": {"max-words": 8}}})
    assert len(fired("S104", short, "en", config=tight)) == 1
    table = config_from_mapping(
        {"select": ["S104"], "rules": {"S104": {"max-words": {"en": 50}, "max-chars": {"zh": 80}}}}
    )
    assert fired("S104", LONG_EN, "en", config=table) == []
    assert fired("S104", LONG_ZH, "zh", config=table) == []
    bad = config_from_mapping({"select": ["S104"], "rules": {"S104": {"max-words": "many"}}})
    with pytest.raises(ConfigError, match="max-words"):
        fired("S104", short, "en", config=bad)


# -- S105 jargon-or-weasel-word ---------------------------------------------------------


def test_jargon_and_hedges_are_found_with_plain_replacements() -> None:
    text = "Try to leverage partner synergies to grow pipeline by 20% by June 30, 2027"
    found = fired("S105", text, "en")
    terms = [text[f.start : f.end] for f in found]
    assert terms == ["Try to", "leverage", "synergies"]
    assert all(f.severity is smartlint.Severity.INFO for f in found)
    leverage = found[1]
    assert leverage.suggestions[0].replacement == "use"
    assert found[0].suggestions[0].apply(text).startswith("leverage partner")
    assert "a hedge" in found[0].message and "jargon" in leverage.message


def test_jargon_in_chinese() -> None:
    text = "争取在2027年6月30日前赋能渠道伙伴，将商机提高20%"
    found = fired("S105", text, "zh")
    assert [text[f.start : f.end] for f in found] == ["赋能", "争取"] or [
        text[f.start : f.end] for f in found
    ] == ["争取", "赋能"]
    assert any(s.replacement == "支持" for f in found for s in f.suggestions)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grow partner-sourced pipeline by 20% by June 30, 2027", "en"),
        ("Reduce the time to close support tickets to 4 hours", "en"),  # "some" inside words
        ("2027年6月30日前将渠道伙伴带来的商机提高20%", "zh"),
    ],
)
def test_jargon_quiet(text: str, lang: str) -> None:
    assert fired("S105", text, lang) == []


def test_jargon_lexicon_is_user_extendable() -> None:
    text = "Circle back with 20 churned customers by June 30, 2027"
    config = config_from_mapping(
        {"select": ["S105"], "lexicon": {"en": {"jargon": ["ping = contact"]}}}
    )
    (finding,) = fired("S105", "Ping 20 churned customers by June 30, 2027", "en", config=config)
    assert finding.suggestions[0].replacement == "Contact"
    assert fired("S105", text, "en")[0].suggestions[0].replacement == "Follow up"


def test_lexicon_pairs_and_words_read_the_same_files() -> None:
    from smartlint import lexicon

    pairs = lexicon.pairs("en", "jargon")
    assert pairs["leverage"] == "use" and pairs["synergy"] == ""
    config = config_from_mapping({"lexicon": {"en": {"jargon": ["Ping = contact", "blocker"]}}})
    extended = lexicon.pairs("en", "jargon", config)
    assert extended["ping"] == "contact" and extended["blocker"] == ""
    assert "ping" not in lexicon.pairs("en", "jargon")  # the shipped table is not changed
    assert "synergy" in lexicon.words("en", "jargon")  # words() still reads plain lists


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Launch the partner portal and reduce churn from 5% to 3% by June 30, 2027", "en"),
        ("Reduce churn from 5% to 3% and ship the partner portal by June 30, 2027", "en"),
        ("2027年6月30日前上线合作伙伴门户，并将客户流失率从5%降低到3%", "zh"),
    ],
)
def test_a_task_beside_a_measured_outcome_is_its_means_not_a_second_goal(
    text: str, lang: str
) -> None:
    assert smartlint.lint(text, lang=lang, context=CTX, config=Config(select=("S103",))).codes == []


@pytest.mark.parametrize(
    "text",
    ["Launch the partner portal and hire 5 engineers by June 30, 2027",
     "Launch the partner portal and reduce churn"],
)
def test_two_tasks_or_two_unmeasured_parts_are_still_split(text: str) -> None:
    result = smartlint.lint(text, lang="en", context=CTX, config=Config(select=("S103",)))
    assert result.codes == ["S103"]


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.sampled_from(["grow", "revenue", "the", "and", "x", "a-b", "销售额", "提高"]),
                   max_size=40),
    gaps=st.sampled_from([" ", "  ", " \t", "\n"]),
    max_words=st.integers(1, 12),
    max_chars=st.integers(1, 40),
)
def test_goal_too_long_counts_exactly_at_every_length(
    words: list[str], gaps: str, max_words: int, max_chars: int
) -> None:
    # the rule skips counting when the length alone shows the goal is short enough: the
    # findings must be those of the plain count
    text = gaps.join(words) or "x"
    config = config_from_mapping(
        {"select": ["S104"], "rules": {"S104": {"max-words": max_words, "max-chars": max_chars}}})
    found = fired("S104", text, "en", config=config)
    n_words, n_chars = len(text.split()), len("".join(text.split()))
    expected = (["words"] if n_words > max_words else ["characters"] if n_chars > max_chars
                else [])
    assert [("words" if "words" in f.message else "characters") for f in found] == expected


# -- the lexicon matchers shared by the rules (rules/_support.py) -------------------------

_LISTS = ("jargon", "weasel", "absolute_target", "frequency_time", "goal_verbs",
          "metric_direction", "rate_metric", "vague_time")


def _first_test(terms: Any, text: str) -> bool:
    """The cheap test the matchers made before a search until they had finer ones: a first
    word of an entry among the text's words (en), a first character in the text (zh)."""
    from smartlint_rules import _support as sup

    if terms._words:
        return not terms._firsts.isdisjoint(sup._tokens(text))
    return not terms._firsts.isdisjoint(text.lower())


def _pieces(lang: str) -> st.SearchStrategy[str]:
    from smartlint_rules import _support as sup

    keys = sorted({k for name in _LISTS for k in sup.matcher(lang, name).table})
    odd = ["ſ", "ı", "İ", "K", "-", " ", "s", "ing", "ed", "next", "value", "all", "全", "部",
           "百分", "从", "。", "，"]
    return st.one_of(st.sampled_from(keys), st.sampled_from(keys).map(str.upper),
                     st.sampled_from(keys).map(str.title), st.sampled_from(odd))


@pytest.mark.parametrize("lang", ["en", "zh"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_matcher_tests_before_a_search_never_change_what_is_found(lang: str, data: Any) -> None:
    # The finer tests (every word of an entry in an ASCII text; a whole entry of Chinese
    # characters) and the span look-ups must find exactly what the first-word test and a
    # plain search found.
    from smartlint_rules import _support as sup

    text = "".join(data.draw(st.lists(_pieces(lang), max_size=12)))
    for name in _LISTS:
        terms = sup.matcher(lang, name, inflect=name == "goal_verbs")
        assert terms._re is not None
        plain = list(terms._terms(text, 0, len(text))) if _first_test(terms, text) else []
        assert list(terms.finditer(text)) == plain
        found = terms._re.search(text)
        if found is not None:
            assert terms._may_hold(text) == _first_test(terms, text)
            assert terms._may_hold(text, found.group("k").lower()) == _first_test(terms, text)
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        in_span = list(terms._terms(text, start, end)) if _first_test(terms, text) else []
        assert list(terms.finditer(text, start, end)) == in_span
        assert terms.first(text, start, end) == (in_span[0] if in_span else None)
        assert terms.first_in(text, start, end) == terms.first(text, start, end)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_metric_term_remembered_by_its_words_is_the_one_searched(lang: str) -> None:
    from smartlint_rules import _support as sup

    texts = {t if isinstance(t, str) else t[0]
             for rule in builtin_rule_classes("smartlint_rules")
             for ex in [rule.examples.get(lang)] if ex is not None
             for t in [*ex.bad, *ex.good]}
    assert len(texts) > 20
    for text in sorted(texts):
        goal = smartlint.parse(text, lang=lang, reference_date=REFERENCE_DATE)
        span = sup.metric_span(goal)
        searched = None if span is None else sup._head_term(
            sup.matcher(lang, "metric_direction"), lang, goal.text, *span)
        assert sup.metric_term(goal, "metric_direction") == searched, text


def test_per_goal_memo_follows_the_goal_asked_about() -> None:
    from smartlint_rules import _support as sup

    grow = smartlint.parse("Grow revenue to $5M by June 30, 2027", lang="en")
    cut = smartlint.parse("Cut churn to 3% by June 30, 2027", lang="en")
    for goal, key in [(grow, "grow"), (cut, "cut"), (grow, "grow")]:
        verb = sup.first_verb(goal)
        assert verb is not None and verb.key == key
        assert sup.bounding_times(goal) == tuple(t for t in goal.timeframes if t.bounding)
    sup.forget()
    verb = sup.first_verb(cut)
    assert verb is not None and verb.key == "cut"


def test_an_entry_without_words_keeps_the_first_word_test() -> None:
    # "->" has no word to look for: the finer tests must not hide it when another entry's
    # first word lets the search run
    from smartlint_rules import _support as sup

    terms = sup.TermMatcher("en", {"->": "", "next gen": ""})
    assert [t.text for t in terms.finditer("a-> next")] == ["->"]
    assert terms.first_in("a-> next", 0, 3) is not None
    assert list(terms.finditer("a-> b")) == []  # no first word at all: as before


_JOIN_PARTS = ["Grow revenue", "launch the portal", "reduce churn", "Hire 5 AEs"]
_JOIN_PIECES = ["and", "And", "while", "WHILE", "plus", "as well as", "which", "brand", "then",
                "also", ",", ", ", ";", " ", "  ", "\t", "\x1c", "\u00a0", "30", "2027",
                "June", "ſ", "ı", "İ", "K", "whıle", "pluſ", "well", "reaching $5M",
                "keeping", "-", "(", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_JOIN_PARTS), st.sampled_from(_JOIN_PIECES)),
                max_size=10).map(" ".join))
@example("Grow revenue while reduce churn")
@example("Grow revenue, reduce churn by June 30, 2027")
@example("Grow revenue plus launch the portal")
def test_compound_gate_never_hides_a_joint(text: str) -> None:
    # The gate before the join scan (joining words as whole words of an ASCII text, a
    # comma followed by a letter) must give the split points a full scan gives.
    from smartlint_rules import s103_compound_goal as s103

    goal = smartlint.parse(text, lang="en", reference_date=REFERENCE_DATE)
    gated = s103.split_points(goal)
    real = s103._may_join
    try:
        s103._may_join = lambda *args: True  # type: ignore[assignment]
        assert s103.split_points(goal) == gated
    finally:
        s103._may_join = real


def test_per_goal_memo_of_a_config_helper_follows_the_config() -> None:
    # first_verb(goal, config) is remembered per goal and config object: another config
    # with other verbs gets its own answer, and the first one's answer comes back after
    from smartlint_rules import _support as sup

    goal = smartlint.parse("Supercharge revenue to $5M by June 30, 2027", lang="en")
    extra = config_from_mapping({"lexicon": {"en": {"goal_verbs": ["supercharge = up"]}}})
    plain = sup.first_verb(goal)
    mine = sup.first_verb(goal, extra)
    assert mine is not None and mine.key == "supercharge" and mine.value == "up"
    assert plain is None or plain.value != "up"
    assert sup.first_verb(goal) == plain
    assert sup.first_verb(goal, config=extra) == mine


def test_a_span_ending_inside_a_word_gets_the_gate_of_a_plain_search() -> None:
    # found by the property above: "get" is a goal verb, but in "get100 percent" the text
    # has no word "get"; the span 0..3 must give what `first` gives (nothing)
    from smartlint_rules import _support as sup

    terms = sup.matcher("en", "goal_verbs", inflect=True)
    text = "get100 percent"
    assert terms.first(text, 0, 3) is None
    assert terms.first_in(text, 0, 3) is None
    assert terms.first_in("get 100 percent", 0, 3) == terms.first("get 100 percent", 0, 3)


def _gated_words() -> list[str]:
    """Words of the lists `_lists.possible_lists` answers for, and look-alikes."""
    from smartlint_rules import _lists
    from smartlint_rules import _support as sup

    words = {w for name in _lists.GATED for entry in sup.matcher("en", name).table
             for w in entry.split()}
    return [*sorted(words), "Zero", "ASAP", "per-month", "leverage-d", "soon!", "x_soon",
            "ſoon", "Q2", "Grow", "revenue", "by", "2027", ",", "-"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_gated_words()), max_size=10).map(" ".join))
@example("Reduce defects to zero ASAP")
@example("Publish case studies every month, leverage synergies")
def test_lists_left_out_are_not_in_the_goal(text: str) -> None:
    # `possible_lists` leaves a list out only where its search finds nothing
    from smartlint_rules import _lists
    from smartlint_rules import _support as sup

    goal = smartlint.parse(text, lang="en", reference_date=REFERENCE_DATE)
    possible = _lists.possible_lists(goal)
    for name in _lists.GATED:
        if name not in possible:
            assert list(sup.matcher("en", name)._re.finditer(goal.text)) == [], name


def test_a_list_is_possible_only_with_all_the_words_of_an_entry() -> None:
    # one word of a longer entry ("quarter" of "per quarter", "time" of "over time") is not
    # enough to send the goal to the list's search; the whole entry is
    from smartlint_rules import _lists

    def possible(text: str) -> frozenset[str]:
        return _lists.possible_lists(smartlint.parse(text, lang="en",
                                                     reference_date=REFERENCE_DATE))

    assert possible("Grow revenue by 10% by June over time") == {"vague_time"}
    assert possible("Cut time to hire in each quarter") == {"frequency_time"}
    assert possible("Grow revenue by 10% per quarter, soon") == {"frequency_time",
                                                                 "vague_time"}
    assert possible("Cut time to hire by 10% this quarter") == frozenset()
    assert possible("Réduire le temps de 10 % par trimestre") == set(_lists.GATED)


@given(st.lists(st.tuples(st.sampled_from(["a", "kpi", "Grow", "—", "2027", ""]),
                          st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1f"])),
                min_size=25, max_size=45))
def test_goal_too_long_counts_the_words_split_counts(pieces: list[tuple[str, str]]) -> None:
    # S104 skips counting when the spaces alone show the goal is within the word limit:
    # its answer must be the one the count gives
    from smartlint_rules.s104_goal_too_long import GoalTooLong

    from smartlint.rule import RuleContext

    text = "Grow " + "".join(word + space for word, space in pieces) + "revenue"
    goal = smartlint.parse(text, lang="en", reference_date=REFERENCE_DATE)
    found = GoalTooLong().check(goal, RuleContext(config=Config()))
    assert bool(found) == (len(goal.text.split()) > 30)
