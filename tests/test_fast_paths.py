"""The shortcuts taken for speed give the same answers as the slow way they replace.

Each fast path (a pre-check before a regex, a cache, a direct call of the pipeline
components) is compared against the plain computation on many inputs.
"""

from __future__ import annotations

import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.lang.en import goal as en_goal
from smartlint.lang.zh import goal as zh_goal
from smartlint.lang.zh import quantities as zh_quantities
from smartlint.lang.zh.numerals import parse_chinese_number
from smartlint.pipeline import get_nlp, run_components, run_pipeline

# Characters the zh patterns care about, plus filler, so that matches are frequent.
_ZH_TAIL_ALPHABET = "的了再等之方面水平至少不低于超过达在要需应率收入 \t\nab"
_CURRENCY_ALPHABET = "US$HK¥￥€£RMBCNYD \n5xa"


@given(st.text(alphabet=_ZH_TAIL_ALPHABET, max_size=12), st.integers(0, 3))
def test_zh_metric_trim_matches_the_plain_search(text: str, start: int) -> None:
    start = min(start, len(text))
    end = len(text)
    got = zh_goal._trim_span(text, start, end)
    # the same computation without the last-character pre-check
    s, e = start, end
    lead = zh_goal._LEAD_TRIM.match(text[s:e])
    if lead:
        s += lead.end()
    tail = zh_goal._TAIL_TRIM.search(text[s:e])
    if tail:
        e = s + tail.start()
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    if e <= s or e - s > zh_goal._MAX_METRIC or not any(c.isalpha() for c in text[s:e]):
        assert got is None
    else:
        assert got is not None and (got.start, got.end) == (s, e)


@given(st.text(alphabet=_CURRENCY_ALPHABET, max_size=6))
def test_zh_currency_pre_check_never_skips_a_match(before: str) -> None:
    plain = re.search(r"(US\$|HK\$|\$|¥|￥|€|£|RMB ?|CNY ?|USD ?)$", before)
    if plain is not None:
        assert before[-1:] in zh_quantities._CURRENCY_LAST
        assert zh_quantities._CURRENCY_BEFORE.search(before).group(1) == plain.group(1)  # type: ignore[union-attr]


def test_cached_chinese_numbers_are_the_same_values() -> None:
    for raw in ("一百二十", "两百万", "1.5万", "二〇二七", "负三十二", "三点一四", "万", ""):
        first = parse_chinese_number(raw)
        assert parse_chinese_number(raw) == first
        assert parse_chinese_number.__wrapped__(raw) == first  # type: ignore[attr-defined]


@given(st.text(alphabet="Increase NPS by 5% <TBD> from X to 7 within Q3 the-a.,", max_size=40))
def test_en_tokens_keep_their_fields(text: str) -> None:
    tokens = en_goal.tokenize(text)
    assert [t.text for t in tokens] == [m.group() for m in en_goal._TOKEN.finditer(text)]
    for t in tokens:
        assert isinstance(t, en_goal.Token)
        assert text[t.start : t.end] == t.text and t.lower == t.text.lower()


def _plain(mention: object) -> tuple[object, ...]:
    return tuple(getattr(mention, f) for f in ("start", "end", "text", "kind", "bounding"))


def test_direct_components_give_what_the_pipeline_gives() -> None:
    for lang, text in (
        ("en", "Increase NPS from 30 to 45 by end of Q3 2027"),
        ("zh", "2027年第三季度末前将客户满意度从80%提升到90%"),
    ):
        doc, quantities, times, analysis = run_components(lang, text)
        assert doc._.sl_quantities == quantities and doc._.sl_times == times
        assert doc._.sl_goal == analysis
        slow = get_nlp(lang)(text)  # Language.__call__: every component in turn
        assert slow._.sl_quantities == quantities
        # resolvers are closures made per call: compare what they were made from
        assert [_plain(t) for t in slow._.sl_times] == [_plain(t) for t in times]
        assert slow._.sl_goal == analysis
        assert run_pipeline(lang, text).text == text


def test_cli_freezes_the_startup_heap_once(monkeypatch: object) -> None:
    from smartlint import cli

    calls: list[int] = []
    monkeypatch.setattr(cli, "_frozen", False)  # type: ignore[attr-defined]
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))  # type: ignore[attr-defined]
    cli._freeze_startup_heap()
    cli._freeze_startup_heap()
    assert calls == [1]


def test_the_doc_is_made_on_demand_and_matches_the_pipeline() -> None:
    import smartlint
    from smartlint.pipeline import PendingDoc

    for lang, text in (
        ("en", "Cut churn from 5% to 3% by Q4 2027"),
        ("zh", "本季度末前将客户流失率从5%降至3%"),
    ):
        goal = smartlint.parse(text, lang=lang)
        assert isinstance(goal.source_doc, PendingDoc)  # nothing tokenised yet
        doc = goal.doc
        assert goal.doc is doc  # made once, then kept
        slow = get_nlp(lang)(text)
        assert [t.text for t in doc] == [t.text for t in slow]
        assert doc._.sl_quantities == slow._.sl_quantities
        assert [_plain(t) for t in doc._.sl_times] == [_plain(t) for t in slow._.sl_times]
        assert doc._.sl_goal == slow._.sl_goal


def test_a_changed_pipeline_runs_in_full() -> None:
    from spacy.tokens import Doc

    from smartlint.pipeline import analyse_text

    nlp = get_nlp("en")
    with nlp.select_pipes(disable=["smartlint_goal"]):
        doc, quantities, times, analysis = analyse_text("en", "Grow ARR 20% by Q3 2027")
        assert isinstance(doc, Doc) and doc._.sl_goal is None  # the disabled pipe did not run
        assert quantities and times and analysis.verb is None
    doc, *_ = analyse_text("en", "Grow ARR 20% by Q3 2027")
    assert not isinstance(doc, Doc)  # back to the direct path


def test_today_follows_the_clock(monkeypatch: object) -> None:
    import datetime as dt

    from smartlint import api

    clock = [1_800_000_000.0]
    days = iter([dt.date(2027, 3, 1), dt.date(2027, 3, 2)])

    class FakeDate(dt.date):
        @classmethod
        def today(cls) -> dt.date:  # type: ignore[override]
            return next(days)

    monkeypatch.setattr(api, "date", FakeDate)  # type: ignore[attr-defined]
    monkeypatch.setattr(api.time, "time", lambda: clock[0])  # type: ignore[attr-defined]
    monkeypatch.setattr(api, "_last_today", (-1, dt.date.min))  # type: ignore[attr-defined]
    assert api._today() == dt.date(2027, 3, 1)
    assert api._today() == dt.date(2027, 3, 1)  # same second: the clock is not asked again
    clock[0] += 1
    assert api._today() == dt.date(2027, 3, 2)  # a second later it is


# -- the core evidence's shared pieces (rules/_core.py, rules/_support.py) ---------------

# ASCII word and non-word characters (the control characters str.split() takes for
# whitespace among them), "_", digits and letters \w matches outside ASCII
_WORDS_ALPHABET = "ab Z_09-.,'\t\n\x1c\x1f\x85\xa0éß中ſK"


@given(st.text(alphabet=_WORDS_ALPHABET, max_size=24))
def test_goal_word_set_is_the_text_s_word_runs(text: str) -> None:
    # one set a goal, made by byte translation for ASCII text, for the rules and the core
    from smartlint_rules import _support as sup
    from smartlint_rules._core import _EnText

    plain = frozenset(re.findall(r"\w+", text.lower()))
    assert sup._tokens(text) == plain
    assert _EnText(text.lower(), text).words == plain
    assert _EnText(text.lower()).words == plain


def _zh_list_entries() -> list[str]:
    from smartlint_rules import _core

    return sorted({e for name in _core._ZH_LISTS for e in _core.lex("zh", name, None)})


@given(st.data())
def test_chinese_word_list_trie_finds_what_the_longest_first_alternation_finds(
    data: st.DataObject,
) -> None:
    from smartlint_rules._core import _phrase_regex

    entries = _zh_list_entries()
    drawn = data.draw(st.lists(st.sampled_from(entries), min_size=1, max_size=12))
    # entries that are prefixes of one another, and their pieces, make the hard cases
    chosen = frozenset(drawn) | {e[:-1] for e in drawn if len(e) > 1}
    pieces = st.one_of(
        st.sampled_from(sorted(chosen)),
        st.sampled_from(sorted(chosen)).map(lambda e: e[: max(1, len(e) - 1)]),
        st.sampled_from(["的", "，", "前", " ", "A", "1"]),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=8)))
    plain = re.compile(
        "(?:" + "|".join(re.escape(e) for e in sorted(chosen, key=len, reverse=True)) + ")",
        re.IGNORECASE,
    )
    fast = _phrase_regex(chosen, True)
    assert fast is not None
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        got, want = fast.match(text, pos), plain.match(text, pos)
        assert (got and got.span()) == (want and want.span())


def test_signals_fields_are_in_declaration_order() -> None:
    # the evidence is made positionally: a field out of order would swap two of the rules'
    # inputs
    from smartlint_rules._core import Signals

    values = tuple(object() for _ in Signals._fields)
    made = Signals(*values)
    assert type(made) is Signals
    assert all(getattr(made, f) is v for f, v in zip(Signals._fields, values, strict=True))
    assert made == Signals(**dict(zip(Signals._fields, values, strict=True)))


# -- rules and rewrites (session 3 of the speed work) --------------------------------------

_LEVEL_ALPHABET = (
    "to within under below above at least most no more less than ±+~-\t"
    "到至达为控制在保持不低于超过KſÉé5"
)


@given(st.text(alphabet=_LEVEL_ALPHABET, max_size=24))
def test_level_word_gate_never_skips_a_level_pattern_match(before: str) -> None:
    from smartlint_rules import m102_change_without_baseline as m102

    if not m102._may_end_with_level_word(before):
        assert m102._EN_LEVEL_BEFORE.search(before) is None
        assert m102._ZH_LEVEL_BEFORE.search(before) is None


def _plain_apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The edit application written out the obvious way (what `_apply` shortcuts)."""
    kept: list[tuple[int, tuple[int, int, str]]] = []
    for index, edit in enumerate(edits):
        if not any(edit[0] < k[1] and k[0] < edit[1] for _, k in kept):
            kept.append((index, edit))
    for _, (start, end, words) in sorted(kept, key=lambda ie: (ie[1][0], ie[1][1], ie[0]),
                                         reverse=True):
        text = text[:start] + words + text[end:]
    return text


@given(st.data())
def test_rewrite_edits_apply_as_the_plain_loop_does(data: st.DataObject) -> None:
    from smartlint import rewrite

    text = data.draw(st.text(alphabet="ab ,.", max_size=12))
    edits = []
    for _ in range(data.draw(st.integers(0, 5))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        edits.append(rewrite._Edit(start, end, data.draw(st.sampled_from(["", "x", "<t> "]))))
    plain = [(e.start, e.end, e.text) for e in edits]
    assert rewrite._apply(text, edits) == _plain_apply(text, plain)


_METRIC_WORDS = ["churn", "rate", "customer", "revenue", "win", "time", "to", "hire", "of",
                 "the", "nps", "NPS", "cost", "cycle", "sales", "-", " ", "  ", "x1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_METRIC_WORDS), max_size=10), st.data())
def test_successive_first_in_look_ups_find_what_finditer_finds(
    words: list[str], data: st.DataObject
) -> None:
    from smartlint_rules import _support as sup

    from smartlint import rewrite

    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for name in ("metric_direction", "metric_nouns"):
        terms = sup.matcher("en", name, None)
        assert list(rewrite._successive(terms, text, start, end)) == list(
            terms.finditer(text, start, end))


_PADDED = st.tuples(st.sampled_from(["", " ", "\t ", "\u3000"]),
                    st.sampled_from(["Grow revenue", "Launch the portal", "提高客户满意度",
                                     "Improve NPS.", "Ship it;", "Reduce churn. ;"]),
                    st.sampled_from(["", " ", " \n", "\u3000"]))


@settings(max_examples=60, deadline=None)
@given(_PADDED)
def test_missing_deadline_spans_as_strip_would_give_them(parts: tuple[str, str, str]) -> None:
    from smartlint_rules.t101_missing_deadline import MissingDeadline

    import smartlint
    from smartlint.rule import RuleContext

    text = "".join(parts)
    goal = smartlint.parse(text)
    found = MissingDeadline().check(goal, RuleContext())
    lead = len(text) - len(text.lstrip())
    assert [(f.start, f.end) for f in found] == [(lead, len(text.rstrip()))]
    at = lead if goal.lang == "zh" else len(text.rstrip().rstrip(".;"))
    assert [(s.start, s.end) for s in found[0].suggestions] == [(at, at)]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 90), st.sampled_from(["en", "zh"]), st.sampled_from(["w ", "长", "ab  "]))
def test_goal_too_long_length_shortcut_changes_no_answer(
    n: int, lang: str, piece: str
) -> None:
    from smartlint_rules.s104_goal_too_long import GoalTooLong

    import smartlint
    from smartlint.rule import RuleContext

    warm = GoalTooLong()
    ctx = RuleContext()
    # the remembered limit is learnt on a short goal first, then used on this one
    warm.check(smartlint.parse("提高收入" if lang == "zh" else "Grow revenue", lang=lang), ctx)
    goal = smartlint.parse((piece * n).strip() or "x", lang=lang)
    assert warm.check(goal, ctx) == GoalTooLong().check(goal, ctx)


_SCOPE_ALPHABET = "的业绩营收入销售额目标计划预算任务指规报告总结考核年度 前内a1\n"


@given(st.text(alphabet=_SCOPE_ALPHABET, max_size=10))
def test_zh_scope_after_gate_holds_every_first_character(text: str) -> None:
    from smartlint_rules._core import _ZH_SCOPE_AFTER, _ZH_SCOPE_AFTER_FIRST

    if _ZH_SCOPE_AFTER.match(text):
        assert text[:1] in _ZH_SCOPE_AFTER_FIRST


def test_zh_goal_starting_with_a_chinese_character_has_no_label_or_population() -> None:
    # the shortcut of `_zh_signals` for `_population_at(text, _label_end(text))`
    from smartlint_rules._core import _POPULATION_FIRST, _label_end, _population_at

    for code in range(0x4E00, 0xA000):
        c = chr(code)
        if c in _POPULATION_FIRST:
            continue
        assert not c.isdecimal() and not c.isspace()
        for text in (c, c + "所有客户", c + " 60%的", c + "1. 每个"):
            assert _label_end(text) == 0
            assert not _population_at(text, 0)


@given(st.text(alphabet="ForBYIN byintl 2027Q3.-：", max_size=12))
def test_frame_head_is_the_plain_tests(text: str) -> None:
    from smartlint_rules import _core

    _core._EN_FRAME_HEADS.clear()
    for _ in range(2):  # computed, then remembered
        head = _core._EN_FRAME_HEADS.get(text) or _core._frame_head(text)
        if text[:4].lower() == "for ":
            assert head is _core._FOR
        elif _core._EN_FRAME_PREP.match(text):
            assert head is _core._PREP
        else:
            assert head is _core._NO_PREP


@given(st.text(alphabet="0123456789.one ONEaAn一个套1 ", max_size=8))
def test_quantity_text_verdicts_are_the_plain_tests(text: str) -> None:
    from smartlint_rules import _core

    semver = text.count(".") > 1 and _core._SEMVER.fullmatch(text.strip()) is not None
    assert _core._self_named(text) == (semver or text.lower() in _core._EN_ARTICLE_NUMBERS)
    article = bool(_core._ZH_ARTICLE.match(text.strip()))
    assert _core._zh_article(text) == article
    assert _core._zh_article(text) == article  # remembered


@given(st.lists(st.sampled_from(["for", "FoR", "r", "R", " ", "\t", "\xa0", "İ", "a", "by", "."]),
                max_size=10).map("".join), st.integers(0, 40))
def test_scope_frame_shortcut_never_skips_a_for_before_the_frame(text: str, start: int) -> None:
    # `is_scope_frame` skips the "for" test when the frame follows " " after a character
    # that is no "r" and no space: the text before then never ends with "for"
    start = min(start, len(text))
    c = text[start - 2 : start - 1]
    if text[start - 1 : start] == " " and c and c not in "rR" and not c.isspace():
        assert text[max(0, start - 30) : start].rstrip()[-3:].lower() != "for"



_FIRST_IN_ALPHABET = "Increase raise get reach 提高降低 _0-.,\nſé"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["en", "zh"]),
       st.sampled_from(["goal_verbs", "vague_words", "metric_nouns"]),
       st.text(alphabet=_FIRST_IN_ALPHABET, max_size=24), st.data())
def test_first_in_remembered_by_place_is_first(lang: str, name: str, text: str,
                                               data: st.DataObject) -> None:
    # `first_in` keeps its answer by the span, its place and the characters either side;
    # another text with the same span there but anything else around must still get the
    # answer of a plain search (the gate on the whole text is asked each time)
    from smartlint_rules import _support as sup

    terms = sup.matcher(lang, name, None, inflect=name == "goal_verbs")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert terms.first_in(text, start, end) == terms.first(text, start, end)
    lo, hi = max(0, start - 1), min(len(text), end + 1)
    other = data.draw(st.text(alphabet=_FIRST_IN_ALPHABET, max_size=8))
    # the same characters from start - 1 to end + 1, at the same place, the rest changed
    text2 = (other * 3)[:lo].ljust(lo, "x") + text[lo:hi] + other
    assert terms.first_in(text2, start, end) == terms.first(text2, start, end)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["vague_time", "vague_words", "jargon", "weasel", "absolute_target",
                        "metric_direction"]), st.data())
def test_lexicon_gate_filed_by_longest_word_is_the_all_words_test(
    name: str, data: st.DataObject
) -> None:
    # entries are filed under their longest word: for an ASCII text the gate must say
    # exactly "some entry has all its words among the text's words", and never rule out
    # a text the pattern matches
    from smartlint_rules import _support as sup

    terms = sup.matcher("en", name, None)
    assert terms._rests is not None
    entries = sorted(terms.table)
    words = sorted({w for e in entries for w in re.findall(r"\w+", e)})
    pieces = st.one_of(st.sampled_from(entries), st.sampled_from(words),
                       st.sampled_from([" ", ", ", "-", "Q3", "é"]))
    text = " ".join(data.draw(st.lists(pieces, max_size=6)))
    tokens = sup._tokens(text)
    if text.isascii():
        plain = any(set(re.findall(r"\w+", e)) <= tokens for e in entries)
    else:
        plain = not terms._firsts.isdisjoint(tokens)
    assert terms._possible(text) is plain
    if terms._re is not None and terms._re.search(text):
        assert plain


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["en", "zh"]),
       st.text(alphabet="grow Grows reached cut-over launch and, ;é3_提高降低完成上线，并",
               max_size=24),
       st.data())
def test_verb_start_gate_never_skips_a_match_at_the_position(
    lang: str, text: str, data: st.DataObject
) -> None:
    # S103 asks `may_start_at` before looking for a verb that must start at a joint
    from smartlint_rules import _support as sup

    verbs = sup.matcher(lang, "goal_verbs", None, inflect=True)
    pos = data.draw(st.integers(0, len(text)))
    assert verbs._re is not None
    if verbs._re.match(text, pos) is not None:
        assert verbs.may_start_at(text, pos)


@given(st.text(alphabet=" \t\n\xa0\u3000\u2028,.;:!?ab", max_size=14))
def test_rewrite_tidy_gate_finds_what_the_space_before_punct_pattern_finds(text: str) -> None:
    """`_tidy` asks the one-space pattern before the run pattern: both find a space before
    a mark in the same texts (Unicode spaces included), so no text skips a needed fix."""
    from smartlint import rewrite

    assert (rewrite._SPACE_PUNCT.search(text) is None) == (
        rewrite._SPACE_BEFORE_PUNCT.search(text) is None
    )


def _plain_measurable(text: str, span: tuple[int, int]) -> bool:
    """`rewrite._measurable` with every lexicon searched by `finditer` (no look-ups by
    place, no spans judged short)."""
    from smartlint_rules import _support as sup

    from smartlint import rewrite

    start, end = span
    wide = max(0, start - 4) if text[max(0, start - 4) : start].lower() == "the " else start
    if any(True for _ in sup.matcher("en", "vague_words", None).finditer(text, wide, end)):
        return False
    if rewrite._EN_COUNT_OF.match(text, start):
        return True
    for name in ("metric_direction", "metric_nouns"):
        for term in sup.matcher("en", name, None).finditer(text, start, end):
            rest = text[term.end : end]
            if not rest.strip() or rest.lower().startswith((" of ", " per ")):
                return True
    return False


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*_METRIC_WORDS, "best", "world-class", "per", "number"]),
                min_size=1, max_size=10), st.data())
def test_measurable_written_out_look_ups_answer_as_finditer(
    words: list[str], data: st.DataObject
) -> None:
    import smartlint
    from smartlint import rewrite

    text = " ".join(words)
    goal = smartlint.parse(text, lang="en")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert rewrite._measurable(goal, (start, end), None) == _plain_measurable(text, (start, end))


_SPAN_WORDS = [*_METRIC_WORDS, "best", "The", "the", ",", "number", "of", "per", "ſ", "x,"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SPAN_WORDS), min_size=1, max_size=8),
       st.lists(st.sampled_from(_SPAN_WORDS), max_size=4),
       st.lists(st.sampled_from(_SPAN_WORDS), max_size=4), st.data())
def test_measurable_kept_by_the_span_piece_answers_in_other_texts(
    words: list[str], before: list[str], after: list[str], data: st.DataObject
) -> None:
    # `_measurable` keeps the answers of its look-ups by the span's piece of text (with the
    # character either side): the same piece in other surroundings must still get the
    # answer of the plain search, and so must every span of each text
    import smartlint
    from smartlint import rewrite

    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    head = " ".join(before) + (" " if before else "")
    tail = " ".join(after)
    for at, outer in ((0, text), (len(head), head + text), (0, text + tail),
                      (len(head), head + text + tail)):
        goal = smartlint.parse(outer, lang="en")
        if goal.text != outer:
            continue  # (parse strips the text: the places would move)
        span = (start + at, end + at)
        assert rewrite._measurable(goal, span, None) == _plain_measurable(outer, span)


def test_measurable_span_ending_at_a_comma_or_before_it() -> None:
    # the same piece of text, " churn,", once as a span to the end of its text (the comma
    # in it: the metric is not its head) and once as a span before the comma (it is)
    import smartlint
    from smartlint import rewrite

    cases = [("churn,", (0, 6)), ("churn, x", (0, 5)), ("the best churn", (4, 14)),
             ("Grow the best churn", (9, 19))]
    for order in (cases, cases[::-1]):
        for text, span in order:
            goal = smartlint.parse(text, lang="en")
            assert goal.text == text
            assert rewrite._measurable(goal, span, None) == _plain_measurable(text, span)


@given(st.lists(st.sampled_from(["and", "AND", "And", "while", "WHILE", "plus", "as well as",
                                 "As Well As", "also", "then", ",", ";", " ", "  ", "\t", "\n",
                                 "x", "sand", "Grow", "2027"]), max_size=12))
def test_join_scan_of_the_lower_cased_text_finds_the_same_places(parts: list[str]) -> None:
    # S103 scans an ASCII text lower-cased with a case-sensitive twin of its pattern
    from smartlint_rules import s103_compound_goal as s103

    text = " ".join(parts)
    assert [m.span() for m in s103._EN_JOIN_LOWER.finditer(text.lower())] == [
        m.span() for m in s103._EN_JOIN.finditer(text)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Grow", "revenue", "soon", "SOON", "ASAP", "as", "soon",
                                 "possible", "in", "the", "future", "by", "Q3", "2027",
                                 "going", "forward", "eventually", "-", ","]),
                min_size=1, max_size=12))
def test_vague_time_spans_are_what_the_list_search_finds(words: list[str]) -> None:
    # the spans the level rewrite and T102 read: the vague time frames, then each entry of
    # the `vague_time` list that overlaps none of them (the list's own scan, not `finditer`)
    from smartlint_rules import _support as sup

    import smartlint
    from smartlint import rewrite
    from smartlint.model import TimeKind

    goal = smartlint.parse(" ".join(words), lang="en")
    spans = [(t.start, t.end) for t in goal.timeframes if t.kind is TimeKind.VAGUE]
    for term in sup.matcher("en", "vague_time", None).finditer(goal.text):
        if not sup.spans_overlap((term.start, term.end), spans):
            spans.append((term.start, term.end))
    assert rewrite._vague_time_spans(goal, None) == tuple(sorted(spans))


def test_compound_goal_joints_in_capitals_are_found_as_in_lower_case() -> None:
    # the join scan of an ASCII text runs on its lower-cased copy: a joint in capitals is
    # still one ("AND" as "and"), at the same place
    from smartlint_rules import s103_compound_goal as s103

    import smartlint

    def points(joint: str) -> list[tuple[int, int]]:
        text = f"Increase revenue by 10% {joint} reduce churn to 3% by June 30, 2027"
        return s103.split_points(smartlint.parse(text, lang="en"))

    for joint in ("and", "and also", "while", "plus", "as well as", "; then"):
        found = points(joint)
        assert found, joint
        for variant in (joint.upper(), joint.title()):
            assert points(variant) == found, variant


_A105_VERBS = ["Increase", "reduce", "Improve", "grow", "Cut", "Lower", "boost", "Optimize",
               "Raise", "Keep", "Reach", "Decrease", "Launch"]
_A105_METRICS = ["churn", "NPS", "revenue", "latency", "customer acquisition cost", "win rate",
                 "the share of tickets solved on first contact", "support tickets", "uptime"]
_A105_TAILS = ["", " by 10%", " to 5%", " from 3% to 5%", " by 2 points by June 30, 2027",
               " to 40 by the end of 2027", " 3x", " in Q3 2027"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_A105_VERBS), st.sampled_from(_A105_METRICS),
       st.sampled_from(_A105_TAILS))
def test_metric_wrong_direction_reads_the_verb_only_where_it_can_matter(
    verb: str, metric: str, tail: str
) -> None:
    # A105 asks for the metric's better way before the verb's own way when the analysis
    # gives a rise or a fall: `signed_direction` is then that way or None, so a metric
    # that agrees with it (or none) ends the check whatever the verb says
    from smartlint_rules import _support as sup
    from smartlint_rules.a105_metric_wrong_direction import MetricWrongDirection, better_way

    import smartlint
    from smartlint.model import Direction
    from smartlint.rule import RuleContext

    goal = smartlint.parse(f"{verb} {metric}{tail}", lang="en")
    signed = sup.signed_direction(goal, None)
    if goal.direction in (Direction.INCREASE, Direction.DECREASE):
        assert signed in (goal.direction, None)
    baseline, target = sup.baseline_target(goal)
    plain = False  # the checks in their first order: the verb's way, then the metric's
    if (goal.direction is None or goal.direction in (Direction.INCREASE, Direction.DECREASE)) \
            and (baseline is None or target is None) and signed is not None:
        found = better_way(goal, None)
        plain = found is not None and (found.value == "up") != (signed is Direction.INCREASE)
        plain = plain and sup.first_verb(goal, None) is not None
    got = MetricWrongDirection().check(goal, RuleContext())
    assert bool(got) == plain
    # A101 likewise asks for the metric first where the numbers go the analysis's way
    from smartlint_rules.a101_direction_conflict import DirectionConflict

    values = sup.comparable(baseline, target) if baseline and target else None
    conflict = False
    if values is not None and values[0] != values[1]:
        moved = Direction.INCREASE if values[1] > values[0] else Direction.DECREASE
        conflict = signed is not None and signed is not moved
        if not conflict:
            found = better_way(goal, None)
            conflict = found is not None and (found.value == "up") != (
                moved is Direction.INCREASE)
    assert bool(DirectionConflict().check(goal, RuleContext())) == conflict


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Grow revenue", "soon", "by June 30, 2027", "in Q3 2026",
                                 "every month", "ASAP", "within 5 minutes", "this quarter",
                                 "and", "before launch", "in 2020", "quarterly"]),
                min_size=1, max_size=5))
def test_time_rules_bounding_test_is_the_bounding_times_helper(parts: list[str]) -> None:
    # T102, T103 and T106 test the time frames themselves (a bounding one that is not
    # vague) instead of asking `sup.bounding_times`: the same frames, in the same order
    from smartlint_rules import _support as sup

    import smartlint
    from smartlint.model import TimeKind

    goal = smartlint.parse(" ".join(parts), lang="en")
    inline = [t for t in goal.timeframes if t.bounding and t.kind is not TimeKind.VAGUE]
    assert tuple(inline) == sup.bounding_times(goal)
