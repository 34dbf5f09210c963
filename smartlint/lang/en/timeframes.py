"""English time expressions: deadlines, periods, windows, frequencies, vague and reference times.

How it works (each pattern compiled once, when first used; every repetition bounded):

1. One scan with a master regex finds *atoms*: dates ("September 30, 2027", "9/30/2027"),
   months, years, quarters ("Q3 2027", "third quarter"), halves ("H2"), fiscal years
   ("FY27"), relative periods ("next quarter", "the next 90 days"), weekdays, seasons,
   end markers ("EOQ", "year-end"), durations ("four months"), frequencies ("monthly",
   "per week", "YoY"), vague words ("soon", "ASAP") and events ("by launch day").
   Atoms that only make sense in context (a bare "May", a bare "2027", "7/2") are kept
   only when a preposition or a neighbouring date vouches for them.
2. Neighbouring date atoms joined by "-", "to", "through", "and", "of", "," merge into one
   span ("Nov 18-Dec 19, 2015", "FY27 Q2").
3. The words just before a span decide its role: "by / before / no later than / end of"
   → DEADLINE; "within / in the next / over the next" or "in" + a duration → WINDOW;
   "in / during / this / next" + a period → PERIOD; "compared with / vs / since / from …
   levels" → REFERENCE; those prefixes are part of the span when they decide the kind.
4. `bounding` follows the kind, except: a window shorter than a week ("contacted within
   5 minutes") or a bare duration ("to less than 15 months") is part of a metric; a
   period directly followed by a noun it scopes ("Q2 pipeline", "2027 plan") and a past
   period ("last year") are references.

Dates are resolved lazily by the mention's resolver (see `smartlint.dates` for the
fiscal-year convention). Deadlines give only an end date; windows run from the reference
date; periods give both ends.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from spacy.tokens import Doc

from smartlint import dates as D
from smartlint._lazyre import ascii_twin_source, lazy_compiler, lazy_pattern
from smartlint.lang.base import TEXT_KEY, TimeMention, doc_text
from smartlint.lang.en.numbers import (
    MONTH_RE,
    URL_PATTERN,
    may_hold_url,
    month_number,
    normalise,
    parse_word_number,
)
from smartlint.lang.en.stopwords import FUNCTION_WORDS
from smartlint.model import TimeKind

#: Module patterns compiled on first use (see `smartlint._lazyre`): a cold `smartlint check`
#: of a few goals uses about half of them, and compiling all at import cost ~9 ms.
_lazy = lazy_compiler(globals())


Range = tuple[date | None, date | None]
RangeFn = Callable[[date, int], "tuple[date, date] | None"]

# ---------------------------------------------------------------------------------------
# Atoms
# ---------------------------------------------------------------------------------------


def _wordlist(text: str) -> list[str]:
    return text.split()


_M = MONTH_RE
_Y4 = r"(?:19|20)\d{2}"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON_NUM = r"(?:0?[1-9]|1[0-2])"
_WD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|"
    r"thur?s?|fri|sat|sun)"
)
_NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"a[ \t]hundred|one[ \t]hundred|hundred|a[ \t]dozen|dozen)"
)
_QTY = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|{_NUMW}(?:[ \t]and[ \t]a[ \t]half)?|a[ \t]+couple[ \t]+of|"
    r"couple[ \t]+of|a[ \t]+few|few|several|some|many|another|an?|half[ \t]+an?|"
    r"\d{1,3}[ \t]+and[ \t]+a[ \t]+half|\d{1,3}-\d{1,3})"
)
_TUNIT = (
    r"(?:business[ \t]+|working[ \t]+|calendar[ \t]+)?(?:seconds?|secs?|minutes?|mins?|"
    r"hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|quarters?|years?|yrs?|"
    r"decades?)"
)
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_HALF_ORD = r"(?:first|second|1st|2nd|last|back|front)"
_REL = (
    r"(?:this|next|last|past|previous|prior|coming|upcoming|following|current|"
    r"(?:the[ \t]+)?(?:next|coming|following|current|last|past|previous))"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"

_ATOMS = [
    # numeric dates with a year
    ("iso", rf"(?<![\d.])(?P<iso_y>{_Y4})[-/.](?P<iso_m>{_MON_NUM})[-/.](?P<iso_d>{_DAY})(?![\d])"),
    (
        "mdy",
        rf"(?<![\d./])(?P<mdy_a>\d{{1,2}})[/.-](?P<mdy_b>\d{{1,2}})[/.-](?P<mdy_y>{_Y4}|\d{{2}})"
        r"(?![\d/])",
    ),
    ("ymd8", rf"(?<![\d])(?P<ymd8>{_Y4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\d])"),
    # quarter / half / fiscal year
    (
        "qfy",
        r"\b(?:FY|CY)[ \t-]?'?(?P<qfy_y>\d{4}|\d{2})[ \t,/-]{0,2}(?:Q(?P<qfy_q>[1-4])|"
        r"(?P<qfy_hh>H)(?P<qfy_h>[12]))\b",
    ),
    (
        "q",
        r"\b(?:Q(?P<q_n>[1-4])|(?P<q_pn>[1-4])Q)\b(?:(?:[ \t,/-]{1,2}|[ \t]+(?:of|in)[ \t]+)"
        r"(?:(?:FY|CY|fiscal(?:[ \t]+year)?)[ \t-]?'?(?P<q_fy>\d{4}|\d{2})|(?P<q_y>"
        + _Y4
        + r")|'(?P<q_y2>\d{2})))?(?![\d%])",
    ),
    ("yq", rf"\b(?P<yq_y>{_Y4})[ \t]?[-/]?[ \t]?(?:Q(?P<yq_q>[1-4])|(?P<yq_hh>H)(?P<yq_h>[12]))\b"),
    (
        "qw",
        rf"(?:the[ \t]+)?(?P<qw_o>{_ORD})[ \t]*-?[ \t]*(?:fiscal[ \t]+)?quarter\b"
        rf"(?:(?:[ \t]+of|,)?[ \t]+(?:(?:FY|fiscal(?:[ \t]+year)?)[ \t]?)?(?P<qw_y>{_Y4}))?",
    ),
    (
        "h",
        r"\b(?:H(?P<h_n>[12])|(?P<h_pn>[12])H)\b(?:(?:[ \t,/-]{1,2}|[ \t]+(?:of|in)[ \t]+)"
        r"(?:(?:FY|CY|fiscal(?:[ \t]+year)?)[ \t-]?'?(?P<h_fy>\d{4}|\d{2})|(?P<h_y>"
        + _Y4
        + r")|'(?P<h_y2>\d{2})))?(?![\d%])",
    ),
    (
        "hw",
        rf"(?:the[ \t]+)?(?P<hw_o>{_HALF_ORD})[ \t]+half(?![ \t]+(?:an?|of[ \t]+the[ \t]+"
        rf"(?:team|users|customers|company)))(?:(?:[ \t]+of|,)?[ \t]+(?:(?:FY|fiscal"
        rf"(?:[ \t]+year)?)[ \t]?)?(?P<hw_y>{_Y4}))?",
    ),
    (
        "fy",
        r"\b(?:FY|CY)[ \t-]?'?(?P<fy_y>\d{4}|\d{2})\b"
        rf"|\bfiscal[ \t]+(?:year[ \t]+)?(?P<fy_y2>{_Y4})\b",
    ),
    # end markers
    (
        "eo",
        r"\b(?P<eo>EO[QYMWD]|EOFY|EOCY|EOH|year[ -]end|quarter[ -]end|month[ -]end|"
        r"end[ -]of[ -](?:year|quarter|month|week))\b(?:[ \t]+(?P<eo_y>" + _Y4 + r"))?",
    ),
    # month + day (+ year), day + month (+ year), month + year, year + month
    (
        "md",
        rf"(?P<md_m>{_M})\.?(?:[ \t]{{1,2}}|/|-|\.)(?:the[ \t]+)?(?P<md_d>{_DAY})"
        rf"(?:st|nd|rd|th)?(?![\d:%])(?:(?:,[ \t]{{0,2}}|[ \t]{{1,2}}|[ \t]+of[ \t]+|"
        rf"[ \t]+in[ \t]+)(?P<md_y>{_Y4})(?!\d))?",
    ),
    (
        "dm",
        rf"(?:the[ \t]+)?(?P<dm_d>{_DAY}|(?:thirty|twenty)[- ]first|first|second|third|"
        rf"fourth|fifth|tenth|fifteenth|twentieth|thirtieth)(?:st|nd|rd|th)?(?:[ \t]+of)?"
        rf"[ \t]{{1,2}}(?P<dm_m>{_M})\b\.?(?:(?:,[ \t]{{0,2}}|[ \t]{{1,2}}|[ \t]+of[ \t]+|"
        rf"[ \t]+in[ \t]+)(?P<dm_y>{_Y4})(?!\d))?",
    ),
    (
        "my",
        rf"(?P<my_m>{_M})\b\.?(?:,[ \t]{{0,2}}|[ \t]{{1,2}}|-|[ \t]+of[ \t]+)"
        rf"(?:(?P<my_y>{_Y4})|'(?P<my_y2>\d{{2}}))(?![\d])",
    ),
    ("ym", rf"(?P<ym_y>{_Y4})[ \t]{{0,2}},?[ \t]{{0,2}}(?P<ym_m>{_M})\b\.?"),
    ("ymn", rf"(?<![\d.])(?P<ymn_y>{_Y4})[ \t]?[-/.][ \t]?(?P<ymn_m>{_MON_NUM})(?![\d%]|[-/.]\d)"),
    ("mny", rf"(?<![\d./])(?P<mny_m>{_MON_NUM})[ \t]?[-/][ \t]?(?P<mny_y>{_Y4})(?![\d])"),
    ("mdn", r"(?<![\d./])(?P<mdn_a>\d{1,2})/(?P<mdn_b>\d{1,2})(?![\d/]|\.\d)"),
    # relative periods and deictics
    (
        "rel",
        rf"(?P<rel>{_REL})[ \t]+(?:(?P<rel_n>\d{{1,3}}|{_NUMW}|few|several|couple[ \t]+of)"
        rf"[ \t]+)?(?P<rel_u>fiscal[ \t]+years?|financial[ \t]+years?|calendar[ \t]+years?|"
        rf"(?:school|academic)[ \t]+years?|seasons?|terms?|"
        rf"business[ \t]+days|working[ \t]+days|weekends?|weeks?|fortnights?|months?|"
        rf"quarters?|half|halves|years?|semesters?|sprints?|days?|decades?|{_SEASON}|{_WD}|"
        rf"{_M})\b",
    ),
    (
        "deictic",
        r"\b(?P<deictic>today|tomorrow|yesterday|tonight|the[ \t]+day[ \t]+after[ \t]+"
        r"tomorrow|the[ \t]+day[ \t]+before[ \t]+yesterday|otd|year[ -]to[ -]date|ytd|"
        r"qtd|mtd)\b",
    ),
    ("wd", rf"\b(?P<wd>{_WD})\b\.?(?:[ \t]+(?P<wd_d>{_DAY})(?:st|nd|rd|th)?(?![\d:]))?"),
    ("season", rf"\b(?P<season>{_SEASON})\b(?:[ \t]+(?:of[ \t]+)?(?P<season_y>{_Y4}))?"),
    (
        "year",
        rf"(?<![\w$€£¥.,#/-])(?P<year>{_Y4})(?:[-/–](?P<year_to>\d{{2}})(?![\d%]))?"
        r"(?![\w%]|[.,/]\d|[-/](?:0?[1-9]|1[0-2])\b)"
        r"|(?P<yearw>two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+(?:twenty|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|"
        r"five|six|seven|eight|nine)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)?)",
    ),
    ("yearmid", rf"(?<=\b(?:mid|pre)-)(?P<yearmid>{_Y4})(?!\d)"),
    ("yearpre", r"(?<!\w)'(?P<yearpre>\d{2})(?!\d)"),
    # frequency (before durations so that "per week" is not a window)
    (
        "freq",
        r"\b(?P<freq>(?:bi-?|semi-?)?(?:daily|weekly|monthly|quarterly|annually|yearly|"
        r"hourly|nightly|fortnightly)|(?:semi-?)?annual|biannual|year[ -](?:over|on)[ -]"
        r"year|month[ -](?:over|on)[ -]month|quarter[ -](?:over|on)[ -]quarter|week[ -]"
        r"(?:over|on)[ -]week|day[ -]over[ -]day|yoy|qoq|mom|wow|dod|y/y|q/q|m/m|w/w|"
        r"p\.a\.|per[ \t]+annum|(?:(?:\d{1,3}[ \t]*(?:x|times)|once|twice|times)[ \t]+(?:a|an)"
        r"|per|each|every|/)[ \t]*(?:other[ \t]+)?"
        r"(?:\d{1,3}[ \t]+)?(?:second|minute|hour|day|night|week|fortnight|month|quarter|"
        r"year|sprint|release|morning|evening|business[ \t]+day|working[ \t]+day|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yr|mo|wk)s?)\b",
    ),
    # durations
    (
        "dur",
        rf"(?<![\w.])(?P<dur>(?:{_QTY})(?:[ \t]{{1,2}}|-)?(?P<dur_u>{_TUNIT})(?:[ \t]+and[ \t]+"
        rf"(?:a[ \t]+)?(?:half|quarter))?|\d{{1,3}}(?:\.\d)?[ \t]?(?:h|hrs?|y|yrs?|d|wk|mo)"
        r"|(?:all|full|whole|entire)[ -](?:day|week|month|quarter|year)|(?:an?[ \t]+)?half"
        r"[ \t]+(?:an?[ \t]+)?(?:hour|day|year|month|week))(?![\w])",
    ),
    # vague
    (
        "vague",
        r"\b(?P<vague>as[ \t]+soon[ \t]+as[ \t]+(?:possible|we[ \t]+can|practical|feasible)|"
        r"asap|soon|soonest|eventually|ongoing|on-going|in[ \t]+the[ \t]+(?:near|"
        r"foreseeable|distant)[ \t]+future|in[ \t]+the[ \t]+future|over[ \t]+time|"
        r"at[ \t]+some[ \t]+point|someday|some[ \t]+day|one[ \t]+day|in[ \t]+due[ \t]+"
        r"course|going[ \t]+forward|moving[ \t]+forward|from[ \t]+now[ \t]+on|"
        r"when[ \t]+possible|whenever[ \t]+possible|before[ \t]+long|shortly|"
        r"in[ \t]+the[ \t]+(?:long|short|medium|mid)[ \t]+(?:term|run)|over[ \t]+the[ \t]+"
        r"(?:long|short|medium)[ \t]+(?:term|run)|at[ \t]+a[ \t]+later[ \t]+(?:date|stage)|"
        r"later[ \t]+on|in[ \t]+a[ \t]+timely[ \t]+manner|continuously|continually|"
        r"on[ \t]+an[ \t]+ongoing[ \t]+basis|when[ \t]+ready|tbd)\b",
    ),
    # events that bound a goal
    (
        "event",
        r"\b(?P<event_p>by|at|before|until|till|ahead[ \t]+of|prior[ \t]+to|in[ \t]+time"
        r"[ \t]+for)[ \t]+(?:the[ \t]+|our[ \t]+|next[ \t]+|this[ \t]+|its[ \t]+)?(?:"
        + _Y4
        + r"[ \t]+)?(?:[A-Za-z][\w&'-]{0,20}[ \t]+){0,3}?(?P<event>conference|summit|"
        r"launch|kickoff|kick-off|offsite|off-site|all-hands|board[ \t]+meeting|go-live|"
        r"go[ \t]+live|GA|general[ \t]+availability|trade[ \t]+show|expo|ceremony|"
        r"code[ \t]+freeze|cutover|cut-over|renewal[ \t]+date|launch[ \t]+day|demo[ \t]+day|"
        r"release[ \t]+date|ship[ \t]+date|due[ \t]+date|deadline|election|"
        r"open[ \t]+enrollment|holiday[ \t]+season|holidays|fiscal[ \t]+close|"
        r"year[ \t]+close|quarter[ \t]+close|planning[ \t]+cycle|QBR|annual[ \t]+review|"
        r"performance[ \t]+review|audit|day)(?:[ \t]+day)?\b",
    ),
    # "the year", "the week" (references unless a prefix makes them bounds)
    (
        "the",
        r"\bthe[ \t]+(?P<the_u>day|week|weekend|month|quarter|year|(?:fiscal|financial|school|"
        r"academic|calendar)[ \t]+year)\b",
    ),
    # bare units after "end of" / "start of": "end of year", "end of the month"
    ("unit", r"(?<=of )(?P<unit_u>day|week|month|quarter|year|fiscal[ \t]+year|half|sprint)\b"),
    ("month", rf"\b(?P<month>{_M})\b\.?"),
]

_ATOM_SOURCES = dict(_ATOMS)


def _lower_pattern(source: str) -> str:
    """`source` with its letters in lower case, but not escapes (`\\B`) or `(?P<`."""
    return re.sub(
        r"\(\?P|\\.|[A-Z]",
        lambda m: m.group() if m.group()[0] in "\\(" else m.group().lower(),
        source,
    )


class _AtomPatterns(dict[str, "re.Pattern[str]"]):
    """Atom patterns by name, each compiled when first tried: a cold `smartlint check` of a
    few goals tries about a quarter of them, and compiling all 36 at import cost ~19 ms.
    Once compiled, a look-up is a plain dict hit.

    `lower=False`: the patterns as written (IGNORECASE), for any text. `lower=True`: their
    case-sensitive twins for lower-cased ASCII text (and for other text without the
    characters of `_FOLDS_TO_ASCII_LETTER`, A-Z lower-cased: see `_twin_subject`).
    Matching is the same there (ASCII letters fold only to each other, and lower-casing
    keeps every offset), and a case-sensitive pattern fails sooner (~0.5-0.9x the time)."""

    __slots__ = ("_lower",)

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self._lower = lower

    def __missing__(self, name: str) -> re.Pattern[str]:
        source = _ATOM_SOURCES[name]
        pattern = re.compile(_lower_pattern(source)) if self._lower else re.compile(source, re.I)
        self[name] = pattern
        return pattern


# Each atom is compiled on its own and tried only at word starts whose first token can begin
# it (a dispatch table keyed by that token): one big alternation tried at every word start
# cost ~5x more on typical goals.
_COMPILED = _AtomPatterns(lower=False)
_LOWER_ATOMS = _AtomPatterns(lower=True)
_ORDER = {name: i for i, (name, _) in enumerate(_ATOMS)}
# The group names of a pattern in group-number order, read from its source (all the groups
# of an atom pattern are named, and numbered in the order their "(?P<" opens).
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
#: Group names of each atom pattern, in group-number order.
_GROUP_NAMES = {name: tuple(_GROUP_NAME.findall(source)) for name, source in _ATOMS}

_MONTH_WORDS = [
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
]
_WEEKDAY_WORDS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
]
_NUMBER_WORDS_T = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "dozen",
]
_ORDINAL_WORDS_T = [
    "first",
    "second",
    "third",
    "fourth",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "last",
    "final",
    "back",
    "front",
    "fifth",
    "tenth",
    "fifteenth",
    "twentieth",
    "thirtieth",
    "twenty",
    "thirty",
]
_FIRST_WORDS: dict[str, list[str]] = {
    "qw": [*_ORDINAL_WORDS_T, "the"],
    "hw": [*_ORDINAL_WORDS_T, "the"],
    "eo": [
        "eoq",
        "eoy",
        "eom",
        "eow",
        "eod",
        "eofy",
        "eocy",
        "eoh",
        "year",
        "quarter",
        "month",
        "end",
    ],
    "md": _MONTH_WORDS,
    "dm": ["the", *_ORDINAL_WORDS_T],
    "my": _MONTH_WORDS,
    "rel": [
        "this",
        "next",
        "last",
        "past",
        "previous",
        "prior",
        "coming",
        "upcoming",
        "following",
        "current",
        "the",
    ],
    "deictic": [
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "the",
        "otd",
        "year",
        "ytd",
        "qtd",
        "mtd",
    ],
    "wd": _WEEKDAY_WORDS,
    "season": ["spring", "summer", "autumn", "fall", "winter"],
    "year": ["two"],
    "freq": [
        "bi",
        "semi",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "fortnightly",
        "biweekly",
        "bimonthly",
        "semiannual",
        "semiannually",
        "annual",
        "biannual",
        "year",
        "month",
        "quarter",
        "week",
        "day",
        "yoy",
        "qoq",
        "mom",
        "wow",
        "dod",
        "y",
        "q",
        "m",
        "w",
        "p",
        "per",
        "once",
        "twice",
        "times",
        "each",
        "every",
    ],
    "dur": [
        *_NUMBER_WORDS_T,
        "a",
        "an",
        "couple",
        "few",
        "several",
        "some",
        "many",
        "another",
        "half",
        "all",
        "full",
        "whole",
        "entire",
    ],
    "vague": [
        "as",
        "asap",
        "soon",
        "soonest",
        "eventually",
        "ongoing",
        "on",
        "in",
        "over",
        "at",
        "someday",
        "some",
        "one",
        "going",
        "moving",
        "from",
        "when",
        "whenever",
        "before",
        "shortly",
        "later",
        "continuously",
        "continually",
        "tbd",
    ],
    "event": ["by", "at", "before", "until", "till", "ahead", "prior", "in"],
    "the": ["the"],
    "unit": ["day", "week", "month", "quarter", "year", "fiscal", "half", "sprint"],
    "month": _MONTH_WORDS,
    "qfy": ["fy", "cy"],
    "fy": ["fy", "cy", "fiscal"],
}
# Atoms that can start with a digit.
_DIGIT_ATOMS = [
    "iso",
    "mdy",
    "ymd8",
    "q",
    "yq",
    "h",
    "md",
    "dm",
    "ym",
    "ymn",
    "mny",
    "mdn",
    "year",
    "yearmid",
    "freq",
    "dur",
]
_WORD_DISPATCH: dict[str, list[str]] = {}
for _name, _words in _FIRST_WORDS.items():
    for _w in _words:
        _WORD_DISPATCH.setdefault(_w, []).append(_name)
for _w in list(_WORD_DISPATCH):
    _WORD_DISPATCH[_w] = sorted(set(_WORD_DISPATCH[_w]), key=_ORDER.__getitem__)
_DIGIT_ATOMS.sort(key=_ORDER.__getitem__)
_QH_TOKEN = _lazy(r"(?:q[1-4]|h[12]|(?:fy|cy)\d{2,4}|eo[a-z]{1,3}\d{0,2})", re.IGNORECASE)
_QH_ATOMS = sorted(["qfy", "q", "h", "fy", "eo", "freq"], key=_ORDER.__getitem__)
# The atoms worth trying at each kind of `_QH_TOKEN` token, by its first two letters: a
# quarter ("q3") begins only "q", a half ("h2") only "h", a fiscal year ("fy27") "qfy" or
# "fy", "eoq27" only "eo" ("freq" has no word of a letter then a digit, and its "q/q",
# "qoq", "hourly", "each", "every", "fortnightly" part ways with these on the 2nd letter).
# "fy27" tried "qfy", "q", "h" and failed 3 times before "fy": ~0.4 fewer failed regex calls
# a goal on the benchmark.
_QH_BY_LEAD = {
    **{f"q{n}": ["q"] for n in "1234"},
    "h1": ["h"],
    "h2": ["h"],
    "fy": ["qfy", "fy"],
    "cy": ["qfy", "fy"],
    "eo": ["eo"],
}
_TOKEN = _lazy(r"[A-Za-z0-9]+|'(?=\d)|/")


def _only(*names: str) -> list[str]:
    return sorted(names, key=_ORDER.__getitem__)


_DIGITS_YEAR_SEP = _only("iso", "yq", "ymn", "year")
_DIGITS_YEAR = _only("yq", "ym", "year", "yearmid", "dur", "freq")
_DIGITS_SMALL_SEP = _only("mdy", "mny", "mdn", "dm", "dur", "freq")
_DIGITS_SMALL = _only("dm", "dur", "freq")
_DIGITS_LONG = _only("dur", "freq")


def _digit_shape(token: str, next_char: str) -> str:
    """The shape of a token that starts with a digit: a key of `_DIGIT_SHAPES`.

    Besides the length, the character after a number rules atoms out: "dm" ("5 March"),
    "freq" ("3x a week") and "dur" ("5 days", "2.5 hours", "3-5 days") need a blank after
    all the digits ("dur" also takes "." or "-") and at most 2, 3 and 4 digits. So "20%",
    "$5," or a number ending the text try nothing: ~1.8 fewer failed matches a goal. The
    token holds every ASCII letter and digit that follows; a non-ASCII character after it
    (a Unicode digit: "5١٢ weeks") rules nothing out.
    """
    if not token.isdigit():
        return "#mixed"
    n = len(token)
    narrow = next_char.isascii()
    blank = next_char in (" ", "\t")
    if n == 4 and token[:2] in ("19", "20"):
        if next_char in ("/", "-", ".", "–"):
            return "#year_sep"
        return "#year_bare" if narrow and not blank else "#year"
    if n == 8:
        return "#8"
    if not narrow:
        return "#long" if n > 2 else ("#small_sep" if next_char == "–" else "#small")
    if n <= 2:
        if next_char == ".":
            return "#small_dot"
        if next_char == "-":
            return "#small_dash"
        if next_char == "/":
            return "#small_slash"
        return "#small" if blank else "#none"
    if n <= 3 and blank:
        return "#long"
    if n <= 4 and (blank or next_char in (".", "-")):
        return "#long_dur"
    return "#none"


def _without(names: list[str], *dropped: str) -> list[str]:
    return [n for n in names if n not in dropped]


# Keys start with "#" so that they can share a dispatch table with words.
_DIGIT_SHAPES = {
    "#mixed": _DIGIT_ATOMS,  # "3h", "1st", "1Q", "2019q1": rare, try everything
    "#8": _DIGIT_ATOMS,
    "#year_sep": _DIGITS_YEAR_SEP,
    "#year": _DIGITS_YEAR,
    "#small_sep": _DIGITS_SMALL_SEP,
    "#year_bare": _without(_DIGITS_YEAR, "dur", "freq"),
    # "mdn" needs a "/" after the digits, "mny" a "-" or "/" ("1.5M" tried both and failed)
    "#small_dot": _without(_DIGITS_SMALL_SEP, "dm", "freq", "mny", "mdn"),
    "#small_dash": _without(_DIGITS_SMALL_SEP, "dm", "freq", "mdn"),
    "#small_slash": _without(_DIGITS_SMALL_SEP, "dm", "dur", "freq"),
    "#small": _DIGITS_SMALL,
    "#long": _DIGITS_LONG,
    "#long_dur": _without(_DIGITS_LONG, "freq"),
    "#none": [],
}


# What may follow the digits of a token like "5days" for "dur" to match there: a unit, a
# unit's "business" / "working" / "calendar", or a short unit ("24h", "6mo").
_DUR_SUFFIXES = frozenset(
    _wordlist(
        "business working calendar second seconds sec secs minute minutes min mins hour hours "
        "hr hrs day days night nights week weeks wk wks fortnight fortnights month months "
        "quarter quarters year years yr yrs decade decades h y d mo"
    )
)


@functools.lru_cache(maxsize=512)
def _mixed_atoms(token: str) -> tuple[str, ...]:
    """The atoms worth trying at a token of digits then letters ("3x", "5m", "1st", "2027q3").

    The letters right after the digits decide: "iso", "mdy", "ymn", "mny", "mdn" and "year"
    need a separator or a non-letter there, "md" starts with a month name, and the others
    need these letters: "q" "1Q", "h" "2H", "yq" "2027Q3", "dm" "1st March", "freq" "3x a
    week", "dur" "5days" (a whole unit), "ymd8", "ym" and "yearmid" a year's digits. So
    "$5M" (the commonest such token) tries nothing instead of 14 atoms: ~2.8 fewer failed
    regex calls a goal on the benchmark.
    """
    digits = len(token) - len(token.lstrip(string.digits))
    rest = token[digits:]
    names = []
    if digits == 8:
        names.append("ymd8")
    if digits == 1 and rest == "q":
        names.append("q")
    if digits == 1 and rest == "h":
        names.append("h")
    if digits == 4:
        names += ["ym", "yearmid"]
        if rest[:1] in ("q", "h"):
            names.append("yq")
    if digits <= 2 and rest in ("st", "nd", "rd", "th"):
        names.append("dm")
    if digits <= 3 and rest in ("x", "times"):
        names.append("freq")
    if digits <= 4 and rest in _DUR_SUFFIXES:
        names.append("dur")
    return tuple(_only(*names))


_MONTH_PAIRS = frozenset(w[:2] for w in _MONTH_WORDS)
# the first two letters of the units and of their "business" / "working" / "calendar"
_UNIT_PAIRS = frozenset(_wordlist("bu wo ca se mi ho hr da de ni we wk fo mo qu ye yr"))
# For a token (or digit shape), atoms that need a certain word after one blank, and the
# first two letters that word can start with. When the token is followed by one blank and
# two ASCII letters that are not listed for an atom, the atom cannot match there: "the"
# tries none of its 5 atoms on "the team", "5 customers" neither "dur" nor "freq" (~1.5
# fewer failed regex calls a goal). Anything else after the token (two blanks, a digit,
# "x ", the end of the text) tries every atom as before.
_NEXT_PAIRS: dict[str, dict[str, frozenset[str]]] = {
    "the": {
        "qw": frozenset(["fi", "se", "th", "fo", "la"]),  # first second third fourth last final
        "hw": frozenset(["fi", "se", "la", "ba", "fr"]),  # ... back front
        "dm": frozenset(["th", "tw", "fi", "se", "fo", "te"]),  # third twenty-first tenth ...
        "rel": frozenset(["ne", "co", "fo", "cu", "la", "pa", "pr"]),  # next coming following
        "deictic": frozenset(["da"]),  # the day after tomorrow
        "the": frozenset(["da", "we", "mo", "qu", "ye", "fi", "sc", "ac", "ca"]),
    },
    # pure digits then a blank
    "#small": {
        "dm": _MONTH_PAIRS | {"of"},  # "5 March", "5 of March"
        "dur": _UNIT_PAIRS | {"an"},  # "5 days", "5 business days", "5 and a half days"
        "freq": frozenset(["ti"]),  # "3 times a week" ("3 x a week": "x " is no pair)
    },
    "#long": {
        "dur": _UNIT_PAIRS | {"an"},
        "freq": frozenset(["ti"]),
    },
    # a year then a blank: "yq" needs "Q3" / "H2" there (a letter then a digit), "ym" a
    # month, "dur" a unit ("2027 plan": "year" alone is tried); "freq" never matches 4 digits
    "#year": {
        "yq": frozenset(),
        "ym": _MONTH_PAIRS,
        "dur": _UNIT_PAIRS,
        "freq": frozenset(),
    },
}
# More words whose atoms need a certain next word (each gate read only, so shared):
# ordinals: "first quarter", "first fiscal quarter", "first half", "first of March",
# "first March" ("first-response time" tried all three and failed); "all day", "whole
# year" ("all regions"); "half an hour", "half year" ("half a day": "a" and a blank is no
# pair); "a week", "a couple of", "a few", "a hundred", "a dozen", "a half day"; "year end",
# "year to date", "year over year" (nothing is gated after "-": "year-end"). ~0.4 fewer
# failed matches a goal on the benchmark.
_ORDINAL_GATE = {
    "qw": frozenset(["qu", "fi"]),
    "hw": frozenset(["ha"]),
    "dm": _MONTH_PAIRS | {"of"},
}
for _w in _wordlist(
    "first second third fourth last final back front fifth tenth fifteenth twentieth thirtieth"
):
    _NEXT_PAIRS[_w] = _ORDINAL_GATE
_WHOLE_GATE = {"dur": frozenset(["da", "we", "mo", "qu", "ye"])}
for _w in _wordlist("all full whole entire"):
    _NEXT_PAIRS[_w] = _WHOLE_GATE
_NEXT_PAIRS["half"] = {"dur": frozenset(["an", "ho", "da", "ye", "mo", "we"])}
_NEXT_PAIRS["a"] = _NEXT_PAIRS["an"] = {"dur": _UNIT_PAIRS | {"co", "fe", "hu", "do", "ha"}}
_NEXT_PAIRS["year"] = {
    "eo": frozenset(["en"]),
    "deictic": frozenset(["to"]),
    "freq": frozenset(["ov", "on"]),
}
_NEXT_PAIRS["quarter"] = _NEXT_PAIRS["month"] = {
    "eo": frozenset(["en"]),
    "freq": frozenset(["ov", "on"]),
}


@functools.lru_cache(maxsize=1024)
def _gated(names: tuple[str, ...], key: str, pair: str) -> tuple[str, ...]:
    """`names` without the atoms that `_NEXT_PAIRS[key]` rules out before `pair`."""
    gate = _NEXT_PAIRS[key]
    return tuple(n for n in names if n not in gate or pair in gate[n])


def _candidates(token: str) -> list[str]:
    if token == "'":
        return ["yearpre"]
    if token == "/":
        return ["freq"]
    low = token.lower()
    found = _WORD_DISPATCH.get(low)
    if found is not None:
        return found
    if _QH_TOKEN.fullmatch(low):
        return _QH_BY_LEAD.get(low[:2], _QH_ATOMS)
    return []


# Prefixes that decide the kind; matched against the text just before a span.
_PREFIXES = [
    (
        "deadline_edge",
        lazy_pattern(
            r"\b(?:(?:by|before|until|till|through|no[ \t]+later[ \t]+than|not[ \t]+later[ \t]+"
            r"than|on[ \t]+or[ \t]+before|prior[ \t]+to|ahead[ \t]+of|due(?:[ \t]+by)?|at|in|to)"
            r"[ \t]+)?(?:the[ \t]+)?(?:very[ \t]+)?(?:end|close|last[ \t]+day)[ \t]+of"
            r"(?:[ \t]+the)?[ \t]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "start_edge",
        lazy_pattern(
            r"\b(?:(?:by|before|until|in|at|from|during)[ \t]+)?(?:the[ \t]+)?(?:beginning|start|"
            r"middle|rest|remainder|balance|course|first[ \t]+day)[ \t]+of(?:[ \t]+the)?[ \t]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "deadline",
        lazy_pattern(
            r"\b(?:by|before|until|till|no[ \t]+later[ \t]+than|not[ \t]+later[ \t]+than|on[ \t]+or"
            r"[ \t]+before|before[ \t]+or[ \t]+(?:on|in)|prior[ \t]+to|ahead[ \t]+of|due(?:[ \t]+"
            r"(?:by|on|in))?|deadline(?:[ \t]+(?:of|is))?|up[ \t]+to(?:[ \t]+and[ \t]+including)?)"
            r"(?:[ \t]+(?:the|mid|early|late))?[ \t-]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "window",
        lazy_pattern(
            r"\b(?:within(?:[ \t]+the[ \t]+(?:next|coming|first))?|(?:in|over|during|for|across|"
            r"throughout)[ \t]+the[ \t]+(?:next|coming|following|first)|in|over)[ \t]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "reference",
        lazy_pattern(
            r"(?:\b(?:compared[ \t]+(?:with|to)|relative[ \t]+to|vs\.?|versus|than|since|over|"
            r"against|from|as[ \t]+of|year[ -]over[ -]year)(?:[ \t]+(?:the|our))?|\bvs\.)[ \t]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "after",
        lazy_pattern(
            r"\b(?:after|starting(?:[ \t]+(?:on|in|from))?|beginning(?:[ \t]+"
            r"(?:on|in))?|from|effective|as[ \t]+of|later[ \t]+than)[ \t]+$",
            re.IGNORECASE,
        ),
    ),
    (
        "part",
        lazy_pattern(
            r"\b(?:(?:by|in|until|before|during)[ \t]+)?(?:mid|early|late|later|"
            r"earlier|middle[ \t]+of)[ \t-]?(?:in[ \t]+)?$",
            re.IGNORECASE,
        ),
    ),
    (
        "period",
        lazy_pattern(
            r"\b(?:in|during|throughout|for|across|on|at|of|between|within)"
            r"(?:[ \t]+the)?[ \t]+$",
            re.IGNORECASE,
        ),
    ),
]
# Last words of every prefix above: a cheap test before the searches.
_PREFIX_LAST = frozenset(
    [
        "of",
        "by",
        "before",
        "until",
        "till",
        "than",
        "in",
        "on",
        "to",
        "the",
        "due",
        "deadline",
        "is",
        "including",
        "mid",
        "early",
        "late",
        "later",
        "earlier",
        "within",
        "over",
        "during",
        "for",
        "across",
        "throughout",
        "next",
        "coming",
        "following",
        "first",
        "vs",
        "vs.",
        "versus",
        "since",
        "against",
        "from",
        "after",
        "starting",
        "beginning",
        "effective",
        "at",
        "between",
        "our",
        "year-over-year",
        "through",
        "ahead",
        "prior",
        "mid-",
        "early-",
        "with",
        "late-",
    ]
)
# The last word each prefix can end with (before its trailing blanks), in `_PREFIXES`
# order. A window whose last word is not listed for a prefix cannot match it, so only the
# prefixes listed for that word are searched (each search walks the whole 48-character
# window): about 2 searches a span instead of 4. A window ending in "-" ("mid-") tries all.
_PREFIX_LAST_WORDS = {
    "deadline_edge": "of the",
    "start_edge": "of the",
    "deadline": "by before until till than on in to of due deadline is including the mid early "
    "late",
    "window": "within next coming following first in over",
    "reference": "with to vs vs. versus than since over against from of year-over-year year the "
    "our",
    "after": "after starting on in from beginning effective of than",
    "part": "mid early late later earlier of in",
    "period": "in during throughout for across on at of between within the",
}
#: Every character a match of `_PREFIXES` can hold in lower-case ASCII text, and "\n".
_PREFIX_CHARS = string.ascii_lowercase + " \t\n-."
_PREFIXES_BY_LAST: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    word: [(n, pat) for n, pat in _PREFIXES if word in _PREFIX_LAST_WORDS[n].split()]
    for word in _PREFIX_LAST
}
#: The commonest windows (lower-cased text) end as listed here, by their last word: " by ",
#: " in ", " by the end of " ... Then the first prefix of `_PREFIXES_BY_LAST` that matches
#: is known without the searches: the one named, found by the search where the ending's
#: first word starts (one blank before it gives the `\b`, one at the end the trailing
#: `[ \t]+$` or `[ \t-]+$`). Unless what comes before (blanks aside) ends as listed: a
#: longer prefix would start there ("due by", "due in", "before or in", "on or before",
#: "due by the end of"), or a longer word ends so ("for in": searched, as before).
#: ~1,450 of ~1,800 prefix searches on the benchmark, ~1 µs each: ~0.8 µs a goal.
_KNOWN_PREFIX: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "by": ("deadline", " by ", ("due",)),
    "before": ("deadline", " before ", ("or",)),
    "in": ("window", " in ", ("due", "or")),  # "deadline" needs "due in" / "before or in"
    "within": ("window", " within ", ()),
    "over": ("window", " over ", ()),
    "of": ("deadline_edge", " by the end of ", ("due",)),
}
# Context words that vouch for a bare month, year or m/d date.
_VOUCH_WORDS = _wordlist(
    "in by before until till since of during from to through thru this next last early mid "
    "late end start beginning after starting on between and the for until than vs versus about "
    "around over fiscal calendar year spring summer autumn winter fall month circa pre post = due "
    "sometime with across throughout within is was range"
)
_VOUCH = _lazy(
    r"(?:\b(?:" + "|".join(_VOUCH_WORDS) + r")[ \t,-]{0,3}$|[=(][ \t]?$|^[ \t]*$)",
    re.IGNORECASE,
)
#: The words of `_VOUCH` (all letters but "="), for `_vouched`.
_VOUCH_LETTER_WORDS = frozenset(_VOUCH_WORDS) - {"="}
_MD_VOUCH = _lazy(
    r"\b(?:by|on|before|after|until|till|from|since|between|due|through|"
    r"starting|and|to|" + _WD + r")[ \t,]{1,2}$|^[ \t]*$",
    re.IGNORECASE,
)
_JOIN = _lazy(
    r"[ \t]{0,3}(?:,[ \t]{0,2}|[-–—/][ \t]{0,2}|(?:to|through|thru|till|until|"
    r"and|or|of|in|on|between|-)[ \t]{1,3})?(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_WEEK_PREFIX = _lazy(
    r"(?:\b(?:the[ \t]+)?(?:(?:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)"
    r"[ \t]+(?:week|weekend|day|month|quarter)|week|month|weekend)(?:[ \t]+of|[ \t]+"
    r"(?:beginning|commencing|starting)(?:[ \t]+on)?)?[ \t]+$)",
    re.IGNORECASE,
)
_PLAN_FOR = _lazy(
    r"\b(?:vision|strategy|strategies|plan|plans|roadmap|roadmaps|budget|budgets|targets?|goals?|"
    r"objectives?|okrs?|forecasts?|priorities|headcount|themes?|agenda|calendar|guidance|"
    r"outlook|quota|quotas)[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_PLAN_LAST = frozenset(["for", "of", "the"])
_VAGUE_COUNTS = frozenset(["few", "several", "couple"])
_PLURAL_UNITS = ("days", "weeks", "months", "quarters", "years", "halves", "sprints", "decades")
_EARNED_IN_PERIOD = frozenset(["revenue", "sales", "bookings"])
_PLAN_AFTER_RESULT = _lazy(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:targets?|plans?|goals?|quotas?|forecasts?|budgets?|numbers|"
    r"reports?|reviews?|kickoff|kick-off|pipeline)\b",
    re.IGNORECASE,
)
_RECURRING_BEFORE = _lazy(r"\b(?:every|each|per|a)[ \t]+$", re.IGNORECASE)
#: For some last words of `_WEEK_PREFIX`, how the word before them ends in a match.
_WEEK_PREFIX_BEFORE = {
    "of": ("week", "weekend", "day", "month", "quarter"),
    "beginning": ("week", "weekend", "day", "month", "quarter"),
    "commencing": ("week", "weekend", "day", "month", "quarter"),
    "starting": ("week", "weekend", "day", "month", "quarter"),
    "on": ("beginning", "commencing", "starting"),
}
_WEEK_PREFIX_LAST = frozenset(
    [
        "of",
        "on",
        "beginning",
        "commencing",
        "starting",
        "week",
        "weekend",
        "month",
        "day",
        "quarter",
    ]
)
_SCOPE_STOP = FUNCTION_WORDS | frozenset(
    [
        "again",
        "against",
        "alone",
        "already",
        "also",
        "compared",
        "earlier",
        "end",
        "he",
        "i",
        "if",
        "later",
        "only",
        "onward",
        "onwards",
        "relative",
        "she",
        "so",
        "then",
        "they",
        "we",
        "when",
        "where",
        "while",
        "you",
    ]
)
_NEXT_WORD = _lazy(r"[ \t]{1,2}([A-Za-z][\w&-]{0,30})")
_POSSESSIVE = _lazy(r"['’]s\b")

_DATE_LIKE = frozenset(
    {
        "iso",
        "mdy",
        "ymd8",
        "qfy",
        "q",
        "yq",
        "qw",
        "h",
        "hw",
        "fy",
        "eo",
        "md",
        "dm",
        "my",
        "ym",
        "ymn",
        "mny",
        "mdn",
        "rel",
        "deictic",
        "wd",
        "season",
        "year",
        "yearpre",
        "yearmid",
        "the",
        "unit",
        "month",
    }
)
_MAX_TEXT = 200_000  # longer input is truncated for time extraction (a goal is a line)
#: Past this many time expressions the text is not a goal; the rest are dropped.
MAX_MENTIONS = 100


# ---------------------------------------------------------------------------------------
# Resolution helpers: each returns a function (reference, fiscal_year_start) -> range
# ---------------------------------------------------------------------------------------


def _fixed(first: date, last: date) -> RangeFn:
    return lambda ref, fys: (first, last)


def _year_of(raw: str | None) -> int | None:
    if raw is None:
        return None
    return D.expand_year(int(raw))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _next_date(month: int, day: int) -> RangeFn:
    def fn(ref: date, fys: int) -> tuple[date, date] | None:
        d = _safe_date(ref.year, month, day)
        if d is not None and d < ref:
            d = _safe_date(ref.year + 1, month, day)
        return (d, d) if d else None

    return fn


def _rel_unit(word: str) -> str | None:
    w = word.lower().rstrip("s")
    if "year" in w:
        return "year"
    for unit in ("week", "month", "quarter", "day", "fortnight", "decade", "semester", "sprint"):
        if w.startswith(unit):
            return unit
    if w in ("half", "halve"):
        return "half"
    return None


_UNIT_DAYS = {
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30,
    "quarter": 91,
    "year": 365,
    "decade": 3650,
    "semester": 182,
    "sprint": 14,
}


def _amount(raw: str | None) -> float | None:
    if not raw:
        return None
    raw = raw.strip().lower()
    try:
        return float(raw)
    except ValueError:
        pass
    if raw in ("few", "a few", "several", "some", "couple of", "a couple of"):
        return None
    if raw in ("a", "an", "another"):
        return 1.0
    if raw.startswith("half"):
        return 0.5
    raw = raw.replace(" and a half", "").replace("and a half", "")
    value = parse_word_number(raw)
    return value


def _window(amount: float, unit: str) -> RangeFn:
    def fn(ref: date, fys: int) -> tuple[date, date] | None:
        if unit in ("month", "quarter", "year", "decade", "semester"):
            months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "semester": 6}[unit]
            total = amount * months
            if total == int(total):
                return ref, D.add_months(ref, int(total))
        days = amount * _UNIT_DAYS.get(unit, 1)
        if days > 3_650_000:
            return None
        return ref, ref + timedelta(days=round(days))

    return fn


def _atom_range(name: str, g: dict[str, str | None]) -> RangeFn | None:
    """The dates an atom stands for (a period range), or None if it has none."""
    if name == "iso":
        d = _safe_date(int(g["iso_y"] or 0), int(g["iso_m"] or 0), int(g["iso_d"] or 0))
        return _fixed(d, d) if d else None
    if name == "mdy":
        a, b, y = int(g["mdy_a"] or 0), int(g["mdy_b"] or 0), D.expand_year(int(g["mdy_y"] or 0))
        d = _safe_date(y, a, b) if a <= 12 else _safe_date(y, b, a)
        return _fixed(d, d) if d else None
    if name == "ymd8":
        s = g["ymd8"] or ""
        d = _safe_date(int(s[:4]), int(s[4:6]), int(s[6:]))
        return _fixed(d, d) if d else None
    if name in ("qfy", "q", "yq", "qw", "h", "hw", "fy"):
        return _fiscal_range(name, g)
    if name == "eo":
        tag = (g["eo"] or "").lower().replace("-", " ").replace("end of ", "")
        unit = {
            "eoq": "quarter",
            "eoy": "year",
            "eom": "month",
            "eow": "week",
            "eod": "day",
            "eofy": "year",
            "eocy": "cyear",
            "eoh": "half",
            "year end": "year",
            "quarter end": "quarter",
            "month end": "month",
            "year": "year",
            "quarter": "quarter",
            "month": "month",
            "week": "week",
        }.get(tag)
        eo_year = _year_of(g.get("eo_y"))
        if unit is None:
            return None
        if eo_year is not None and unit in ("year", "cyear"):
            return (
                _fixed(*D.year_range(eo_year))
                if unit == "cyear"
                else (lambda ref, fys: D.fiscal_year_range(eo_year, fys))
            )
        if unit == "cyear":
            return lambda ref, fys: D.year_range(ref.year)
        return lambda ref, fys: D.this_period(ref, unit, fys)  # type: ignore[arg-type]
    if name in ("md", "dm"):
        month = month_number(g[f"{name}_m"] or "")
        raw_day = g[f"{name}_d"] or ""
        day = int(raw_day) if raw_day.isdigit() else _ordinal_day(raw_day)
        if month is None or day is None:
            return None
        year = _year_of(g.get(f"{name}_y"))
        if year is not None:
            d = _safe_date(year, month, day)
            return _fixed(d, d) if d else None
        return _next_date(month, day)
    if name in ("my", "ym"):
        month = month_number(g[f"{name}_m"] or "")
        year = _year_of(g.get(f"{name}_y") or g.get("my_y2"))
        if month is None or year is None:
            return None
        return _fixed(*D.month_range(year, month))
    if name in ("ymn", "mny"):
        return _fixed(*D.month_range(int(g[f"{name}_y"] or 0), int(g[f"{name}_m"] or 0)))
    if name == "mdn":
        a, b = int(g["mdn_a"] or 0), int(g["mdn_b"] or 0)
        if 1 <= a <= 12 and 1 <= b <= 31:
            return _next_date(a, b)
        if 1 <= b <= 12 and 1 <= a <= 31:
            return _next_date(b, a)
        return None
    if name == "month":
        month = month_number(g["month"] or "")
        if month is None:
            return None
        return lambda ref, fys: D.next_month_occurrence(ref, month)
    if name == "rel":
        return _rel_range(g)
    if name == "deictic":
        word = (g["deictic"] or "").lower()
        offset = {"today": 0, "tonight": 0, "otd": 0, "tomorrow": 1, "yesterday": -1}.get(word)
        if "after" in word:
            offset = 2
        elif "before" in word:
            offset = -2
        if offset is not None:
            return lambda ref, fys: D.this_period(ref, "day", fys, offset)
        return None
    if name in ("year", "yearpre", "yearmid"):
        if g.get("year"):
            y = int(g["year"] or 0)
            if g.get("year_to"):  # "2027-28": a school or fiscal year across two years
                y2 = y // 100 * 100 + int(g["year_to"] or 0)
                if y2 == y + 1:
                    return _fixed(date(y, 1, 1), date(y2, 12, 31))
        elif g.get("yearmid"):
            y = int(g["yearmid"] or 0)
        elif g.get("yearpre"):
            y = D.expand_year(int(g["yearpre"] or 0))
        else:
            value = parse_word_number(g.get("yearw") or "")
            if value is None or not 1900 <= value <= 2099:
                return None
            y = int(value)
        return _fixed(*D.year_range(y))
    if name == "season":
        season = (g["season"] or "").lower()
        start_month = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season]
        sy = _year_of(g.get("season_y"))

        def season_fn(ref: date, fys: int) -> tuple[date, date]:
            year = sy if sy is not None else ref.year
            first = date(year, start_month, 1)
            last = D.add_months(first, 3) - timedelta(days=1)
            if sy is None and last < ref:
                first, last = (
                    date(year + 1, start_month, 1),
                    D.add_months(date(year + 1, start_month, 1), 3) - timedelta(days=1),
                )
            return first, last

        return season_fn
    if name in ("the", "unit"):
        unit = _rel_unit(g.get("the_u") or g.get("unit_u") or "")
        if unit is None:
            if (g.get("the_u") or "").lower() == "weekend":
                return None
            return None
        return lambda ref, fys: D.this_period(ref, unit, fys)  # type: ignore[arg-type]
    return None


def _ordinal_day(word: str) -> int | None:
    word = word.lower().replace("-", " ")
    table = {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "tenth": 10,
        "fifteenth": 15,
        "twentieth": 20,
        "thirtieth": 30,
        "twenty first": 21,
        "thirty first": 31,
    }
    return table.get(word)


def _fiscal_range(name: str, g: dict[str, str | None]) -> RangeFn | None:
    year: int | None = None
    fiscal = False
    q = h = None
    if name == "qfy":
        year, fiscal = _year_of(g["qfy_y"]), True
        q = int(g.get("qfy_q") or 0) or None
        h = int(g.get("qfy_h") or 0) or None
    elif name == "q":
        q = int(g.get("q_n") or g.get("q_pn") or 0)
        year = _year_of(g.get("q_fy") or g.get("q_y") or g.get("q_y2"))
        fiscal = bool(g.get("q_fy"))
    elif name == "yq":
        year = _year_of(g["yq_y"])
        q = int(g.get("yq_q") or 0) or None
        h = int(g.get("yq_h") or 0) or None
    elif name == "qw":
        word = (g["qw_o"] or "").lower()
        q = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
            "last": 4,
            "final": 4,
        }[word]
        year = _year_of(g.get("qw_y"))
    elif name == "h":
        h = int(g.get("h_n") or g.get("h_pn") or 0)
        year = _year_of(g.get("h_fy") or g.get("h_y") or g.get("h_y2"))
        fiscal = bool(g.get("h_fy"))
    elif name == "hw":
        word = (g["hw_o"] or "").lower()
        h = 1 if word in ("first", "1st", "front") else 2
        year = _year_of(g.get("hw_y"))
    elif name == "fy":
        year = _year_of(g.get("fy_y") or g.get("fy_y2"))
        if year is None:
            return None
        fy_year = year
        return lambda ref, fys: D.fiscal_year_range(fy_year, fys)
    del fiscal  # quarters and halves are always counted in the fiscal year (see dates.py)
    if q:
        quarter = q
        if year is None:
            return lambda ref, fys: D.next_quarter_occurrence(ref, quarter, fys)
        y = year
        return lambda ref, fys: D.quarter_range(y, quarter, fys)
    if h:
        half = h
        if year is None:
            return lambda ref, fys: D.next_half_occurrence(ref, half, fys)
        y2 = year
        return lambda ref, fys: D.half_range(y2, half, fys)
    return None


def _rel_range(g: dict[str, str | None]) -> RangeFn | None:
    rel = _THE_LEAD.sub("", (g["rel"] or "").lower())
    word = (g["rel_u"] or "").lower()
    offset = {
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
        "upcoming": 1,
        "following": 1,
        "last": -1,
        "past": -1,
        "previous": -1,
        "prior": -1,
    }.get(rel, 0)
    count = _amount(g.get("rel_n"))
    unit = _rel_unit(word)
    if g.get("rel_n"):
        # "the next 90 days", "past 3 weeks": a window from (or back to) the reference date.
        if unit is None or count is None:
            return None
        fwd = _window(count, unit)
        if offset < 0:

            def back(ref: date, fys: int) -> tuple[date, date] | None:
                rng = fwd(ref, fys)
                return None if rng is None else (ref - (rng[1] - ref), ref)

            return back
        return fwd
    month = month_number(word)
    if month is not None:

        def month_fn(ref: date, fys: int) -> tuple[date, date]:
            year = ref.year + (offset if rel in ("next", "last", "past", "previous") else 0)
            if rel in ("coming", "upcoming", "following"):
                return D.next_month_occurrence(ref, month)
            return D.month_range(year, month)

        return month_fn
    if unit in ("day", "week", "month", "quarter", "half", "year"):
        if "calendar" in word and unit == "year":
            return lambda ref, fys: D.this_period(ref, "year", 1, offset)
        return lambda ref, fys: D.this_period(ref, unit, fys, offset)  # type: ignore[arg-type]
    if word.startswith("weekend"):

        def weekend(ref: date, fys: int) -> tuple[date, date]:
            _, sunday = D.week_range(ref + timedelta(days=7 * offset))
            return sunday - timedelta(days=1), sunday

        return weekend
    return None


# ---------------------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------------------


class _Atom:
    __slots__ = ("end", "kind", "start", "values")

    def __init__(self, kind: str, start: int, end: int, m: re.Match[str]) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        # The match's groups (all named, see `_GROUP_NAMES`), read by index (`_G_REL_N` ...):
        # no dict a goal. In ASCII text they are those of the lower-cased text: every reader
        # from here on is blind to case (the checks of `_CHECKS`, which are not, read the
        # text by span).
        self.values: tuple[str | None, ...] = m.groups()


def _group_index(atom: str, group: str) -> int:
    return _GROUP_NAMES[atom].index(group)


_G_REL, _G_REL_N, _G_REL_U = (_group_index("rel", g) for g in ("rel", "rel_n", "rel_u"))
_G_DEICTIC = _group_index("deictic", "deictic")
_G_YEARW = _group_index("year", "yearw")
_G_DUR, _G_DUR_U = _group_index("dur", "dur"), _group_index("dur", "dur_u")


# Context patterns, compiled once, on first use (inline `re.search(...)` costs a cache lookup
# per call, and a recompile whenever other modules push these out of `re`'s 512-entry cache).
_MAY_VERB_PREP = _lazy(r"\b(?:by|on|in|of|until|since|before|after|from)[ \t]+$")
_MAY_MONTH_PREP = _lazy(
    r"\b(?:in|of|by|until|since|before|after|during|from|end|early|mid|late)[ \t]+$",
    re.I,
)
_IN_THE_PREP = _lazy(r"\b(?:in|at|of|by)[ \t]+the[ \t]+$", re.I)
_YEARW_PREP = _lazy(r"\b(?:in|of|by|since|during)[ \t]+$", re.I)
_YEARPRE_PREP = _lazy(r"\b(?:in|of|by|since|during|fy|q[1-4]|h[12])[ \t]*$", re.I)
_WD_PREP = _lazy(r"\b(?:on|by|next|last|this|until|before|after|from)[ \t]+$", re.I)
_FALL_PREP = _lazy(r"\b(?:this|next|last|the|in|by|until|before|early|late|mid)[ \t]+$", re.I)
_DAYS_ABBREV = _lazy(r"\d+(?:\.\d)?[ \t]?d$")
_THE_AFTER_OF = _lazy(r"\b(?:of|a|per|each)[ \t]+$", re.I)
_THE_AFTER_OF_WORDS = frozenset(["of", "a", "per", "each"])
#: Endings of a window in which `_THE_EDGE_OF` (and so `_THE_AFTER_OF`) matches.
_EDGE_OF_ENDINGS = tuple(
    f" {word} of " for word in _wordlist("end close start beginning rest middle")
)
_THE_EDGE_OF = _lazy(r"\b(?:end|close|start|beginning|rest|middle)[ \t]+of[ \t]+$", re.I)
_QUARTER_OR_YEAR = _lazy(r"(?:quarter|year)")
_PAST_REL = _lazy(r"\b(?:last|past|previous|prior)\b")
_THE_LEAD = _lazy(r"^the[ \t]+")
_TRAILING_LETTERS = _lazy(r"[a-z-]+$")
_NEXT_COMING_BEFORE = _lazy(
    r"\b(?:in|over|during|for|across|throughout)[ \t]+the[ \t]+(?:next|coming)[ \t]+$",
    re.I,
)


def _cased(m: re.Match[str], norm: str, group: str | int) -> str:
    """Group `group` of `m` as written in `norm` ("" if it did not take part).

    `m` may be a match of a case-sensitive twin in the lower-cased text, at the same
    offsets as the pattern's own match in `norm` (see `_AtomPatterns`): the checks that
    read the case ("may", "MoM", "Sun") read it here instead of matching `norm` again."""
    first, end = m.span(group)
    return norm[first:end]


def _before(m: re.Match[str], norm: str) -> str:
    """The 24 characters before the match, which its check reads."""
    start = m.start()
    return norm[start - 24 if start > 24 else 0 : start]


def _accept_freq(m: re.Match[str], norm: str, low: str | None) -> bool:
    word = (m.group("freq") or "").lower()
    # "mom" and "wow" typed in lower case are words, not month- or week-over-...
    return not (word in ("mom", "wow") and _cased(m, norm, 0).islower())


def _accept_rel(m: re.Match[str], norm: str, low: str | None) -> bool:
    unit = (m.group("rel_u") or "").lower()
    rel = (m.group("rel") or "").lower()
    if unit in ("may", "mar", "sun", "sat", "wed") and _cased(m, norm, "rel_u").islower():
        return False  # "This may take longer": a verb, not a month
    if unit.startswith("day") and rel in ("this", "the next") and not m.group("rel_n"):
        return True
    if unit == "half" and not _QUARTER_OR_YEAR.search(norm[m.end() : m.end() + 12]):
        return rel in ("next", "this", "last", "first", "second")
    return True


def _accept_eo(m: re.Match[str], norm: str, low: str | None) -> bool:
    eo = _cased(m, norm, "eo")
    return not (eo.isalpha() and eo.islower() and len(eo) == 3)  # "eoq" typed lower is fine?


def _accept_dur(m: re.Match[str], norm: str, low: str | None) -> bool:
    quantity = m.group(0).lower()
    if quantity.startswith(("a second", "another second", "an hour of", "a day of")):
        return False
    if quantity.startswith(("a ", "an ", "some ", "many ", "another ")):
        nxt = _NEXT_WORD.match(norm, m.end())
        # "a week later" is fine; "a day one" is not a duration
        if quantity.startswith(("some ", "many ")) and nxt:
            return False
    # gate: a match ends in a letter, never "\n", so `_DAYS_ABBREV` needs that "d" last
    return not (
        quantity.endswith("d")
        and _DAYS_ABBREV.match(quantity)
        and norm[m.end() : m.end() + 1].isalpha()
    )


def _accept_md(m: re.Match[str], norm: str, low: str | None) -> bool:
    # gate: the month as matched (group 1, "md_m" or "my_m"; lower-cased in ASCII text) is
    # "may" in some case when it is "may" as written: most months are not, and `_cased`
    # costs a call and a slice
    if m.group(1).lower() == "may" and _cased(m, norm, 1) == "may":
        # "We may 5x revenue": the verb; a lower-case "may" date needs a preposition
        return bool(_MAY_VERB_PREP.search(_before(m, norm)))
    return True


def _accept_month(m: re.Match[str], norm: str, low: str | None) -> bool:
    before = _before(m, norm)
    word = _cased(m, norm, "month").rstrip(".")
    lw = word.lower()
    if lw == "may" and word != "May":
        return bool(_MAY_MONTH_PREP.search(before))
    if lw in (
        "mar",
        "dec",
        "jan",
        "jun",
        "jul",
        "oct",
        "nov",
        "sep",
        "aug",
        "apr",
        "feb",
        "sept",
    ) and before.endswith(("$", "#")):
        return False
    if lw == "march" and word == "march" and not _VOUCH.search(before):
        return False
    if not before.strip():
        return False  # "May I ask ...": a bare month opening the text is rarely a date
    return (bool(_VOUCH.search(before)) and not before.rstrip().lower().endswith("the")) or bool(
        _IN_THE_PREP.search(before)
    )


def _accept_year(m: re.Match[str], norm: str, low: str | None) -> bool:
    start = m.start()
    before = norm[start - 24 if start > 24 else 0 : start]
    if m.group("yearw"):
        return bool(_YEARW_PREP.search(before))
    if before.endswith(("$", "€", "£", "#")) or before.rstrip().endswith(("$", "#")):
        return False
    end = m.end()
    if norm[end : end + 1] in ("%", "+"):  # ("" is in neither: a 1-character tuple)
        return False
    nxt = _NEXT_WORD.match(norm, end)
    if nxt is None:  # nothing after it: a year, whatever vouches for it
        return True
    w = nxt.group(1).lower()
    # "2000 users", "2027 units": a count, not a year.
    if w.endswith("s") and w not in (
        "levels",
        "results",
        "goals",
        "plans",
        "targets",
        "is",
        "was",
        "has",
        "as",
        "figures",
        "numbers",
        "sales",
        "revenues",
        "earnings",
        "onwards",
    ):
        return False
    if low is not None:  # the frequent case: a case-sensitive twin (see `_Twins`)
        return _vouched(low[start - 24 if start > 24 else 0 : start])
    return bool(_VOUCH.search(before))


def _accept_yearpre(m: re.Match[str], norm: str, low: str | None) -> bool:
    return bool(_YEARPRE_PREP.search(_before(m, norm)))


def _accept_mdn(m: re.Match[str], norm: str, low: str | None) -> bool:
    a, b = int(m.group("mdn_a")), int(m.group("mdn_b"))
    if not ((1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)):
        return False
    return bool(_MD_VOUCH.search(_before(m, norm))) or norm[m.end() : m.end() + 2].startswith(
        ("-", " -")
    )


def _accept_wd(m: re.Match[str], norm: str, low: str | None) -> bool:
    before = _before(m, norm)
    word = _cased(m, norm, "wd")
    if len(word) <= 4 and word[:1].islower() and word.lower() not in ("tues", "thur", "thurs"):
        return bool(_WD_PREP.search(before))
    return not (word.lower() in ("sun", "sat", "wed", "mon") and before.lower().endswith("the "))


def _accept_season(m: re.Match[str], norm: str, low: str | None) -> bool:
    word = (m.group("season") or "").lower()
    if word == "fall" and not m.group("season_y"):
        return bool(_FALL_PREP.search(_before(m, norm)))
    return True


def _accept_the(m: re.Match[str], norm: str, low: str | None) -> bool:
    if low is not None:  # case-sensitive twins on lower-case ASCII text (see `_Twins`)
        start = m.start()
        before_low = low[start - 24 if start > 24 else 0 : start]  # (`_before`, a call less)
        # gate: `_THE_AFTER_OF` needs its word last, after blanks: when the window's
        # last word is all letters and digits (the whole of its last `\w` run) and none
        # of its words, it cannot match (~0.5 µs an atom)
        last = before_low.rstrip(" \t").rsplit(None, 1)[-1:]
        if last and last[0].isalnum() and last[0] not in _THE_AFTER_OF_WORDS:
            return True
        # "by the end of the quarter": both searches match (" of " after a blank, the
        # edge word after a blank too); ~2 searches in 7% of goals
        if before_low.endswith(_EDGE_OF_ENDINGS):
            return True
        twins = _LOW_TWINS or _low_twins()
        return not twins.the_after_of.search(before_low) or bool(
            twins.the_edge_of.search(before_low)
        )
    before = _before(m, norm)
    return not _THE_AFTER_OF.search(before) or bool(_THE_EDGE_OF.search(before))


#: The context check of each atom that is often something else (the others are always
#: accepted): called by `_scan` with the match (`m` may be a match in the lower-cased text,
#: see `_cased`), the text and its lower-cased twin (`low`: see `_classify`). One function
#: an atom: no chain of up to 14 name tests an atom.
_CHECKS: dict[str, Callable[[re.Match[str], str, str | None], bool]] = {
    "freq": _accept_freq,
    "rel": _accept_rel,
    "eo": _accept_eo,
    "dur": _accept_dur,
    "md": _accept_md,
    "my": _accept_md,
    "month": _accept_month,
    "year": _accept_year,
    "yearpre": _accept_yearpre,
    "mdn": _accept_mdn,
    "wd": _accept_wd,
    "season": _accept_season,
    "the": _accept_the,
}


def _vouched(window: str) -> bool:
    """Whether `_VOUCH` (as its case-sensitive twin) finds a match in `window`, lower-case
    ASCII text: ~0.3 µs where the search (~55 words tried at each of 24 places) took ~2.

    In the common case the window, without its trailing blanks, commas and dashes (and a
    final newline, before which `$` may stand), ends in a word of letters and digits after
    whitespace: that word is then its last `\\w` run, so the first branch holds if and only
    if the word is one of `_VOUCH_WORDS` and at most 3 of those characters follow it; the
    other two branches need a "=", "(" or nothing but blanks there. Anything else is
    searched as before.
    """
    core = window[:-1] if window.endswith("\n") else window
    stripped = core.rstrip(" \t,-")
    if stripped[-1:].isalnum():
        last = stripped.rsplit(None, 1)[-1]
        if last.isalnum():
            return len(core) - len(stripped) <= 3 and last in _VOUCH_LETTER_WORDS
    return (_LOW_TWINS or _low_twins()).vouch.search(window) is not None


_URL = _lazy(URL_PATTERN, re.IGNORECASE)


# Words whose presence anywhere in the text makes some atoms possible at all: a text with
# no time-unit word cannot hold a duration or "this quarter", one with no month name no
# "March 3", and so on. One set intersection each saves most regex attempts.
_LETTERS = _lazy(r"[a-z]+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: The characters besides A-Z that IGNORECASE matches to an ASCII letter: "İ" and "ı" to
#: "i", "ſ" to "s", the Kelvin sign to "k" (all of them: checked against every code point).
#: Text without them matches the case-sensitive twins of the patterns, A-Z lower-cased,
#: as it matches the patterns themselves, non-ASCII characters ("•", "≥", "€") or not.
_FOLDS_TO_ASCII_LETTER = frozenset("\u0130\u0131\u017f\u212a")


def _twin_subject(norm: str) -> str | None:
    """`norm` with A-Z lower-cased, for the case-sensitive twins (`_AtomPatterns`,
    `_Twins`), or None if they would not match as the patterns do (see above)."""
    if norm.isascii():
        return norm.lower()
    # A "•" or "€" in a goal used to send all of it down the IGNORECASE path (~3x the cost)
    if _FOLDS_TO_ASCII_LETTER.isdisjoint(norm):
        return norm.translate(_ASCII_LOWER)
    return None


_UNIT_TRIGGER = frozenset(
    _wordlist(
        "second seconds sec secs minute minutes min mins hour hours hr hrs h day days night nights "
        "week weeks wk wks fortnight fortnights month months mo mos quarter quarters year years yr "
        "yrs y d decade decades weekend weekends half halves semester semesters sprint sprints "
        "season seasons term terms spring summer autumn fall winter morning evening annum release "
        "daily weekly monthly quarterly annually yearly hourly nightly fortnightly annual biannual "
        "semiannual semiannually biweekly bimonthly bi semi yoy qoq mom wow dod "
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
        "fri sat sun"
    )
    + _MONTH_WORDS
)
_MONTH_TRIGGER = frozenset(_MONTH_WORDS)
_EVENT_TRIGGER = frozenset(
    _wordlist(
        "conference summit launch kickoff kick off offsite all hands board go live ga general "
        "trade expo ceremony freeze cutover cut renewal demo release ship due deadline election "
        "open holiday holidays fiscal year quarter planning qbr annual performance audit day"
    )
)
_VAGUE_TRIGGER = frozenset(
    _wordlist(
        "soon soonest asap eventually ongoing going moving future time point someday day course "
        "forward now possible ready long shortly later timely continuously continually basis tbd "
        "term run date stage"
    )
)
# In ASCII text (and any text `_twin_subject` takes: "ſ" is not in it) a word of a pattern
# is a whole `[a-z]+` run of the lower-cased text, so one word of each multi-word event or
# vague phrase is enough, and the rarest will do:
# "fiscal / year / quarter close" need "close", "all-hands" "hands", "due / ship date"
# "date". "over time" and "cut-over" need both of their words (bits 16-64 below). The event
# atom (tried after every "by") then runs in ~8% of goals instead of ~36%: ~0.5 µs a goal.
# Other text keeps the sets above: with IGNORECASE "ſ" matches "s", so "cloſe" is "close".
_EVENT_TRIGGER_ASCII = frozenset(
    _wordlist(
        "conference summit launch kickoff kick offsite site hands board live ga availability "
        "trade expo ceremony freeze cutover date deadline election enrollment holiday holidays "
        "close planning qbr review audit day"
    )
)
_VAGUE_TRIGGER_ASCII = _VAGUE_TRIGGER - {"time"}
#: For each trigger word, which of the four trigger sets hold it (bits 1, 2, 4, 8).
_TRIGGER_SETS = (_UNIT_TRIGGER, _MONTH_TRIGGER, _EVENT_TRIGGER, _VAGUE_TRIGGER)
_TRIGGER_BITS = {
    word: sum(1 << i for i, words in enumerate(_TRIGGER_SETS) if word in words)
    for word in frozenset().union(*_TRIGGER_SETS)
}
_ANY_TRIGGER = frozenset(_TRIGGER_BITS)
_TRIGGER_SETS_ASCII = (_UNIT_TRIGGER, _MONTH_TRIGGER, _EVENT_TRIGGER_ASCII, _VAGUE_TRIGGER_ASCII)
#: As `_TRIGGER_BITS` for ASCII text, plus the halves of "cut-over" (16: "cut", 32:
#: "over") and "over time" (32, 64: "time"): both halves set the event or vague bit.
_TRIGGER_BITS_ASCII = {
    word: sum(1 << i for i, words in enumerate(_TRIGGER_SETS_ASCII) if word in words)
    for word in frozenset().union(*_TRIGGER_SETS_ASCII)
}
_TRIGGER_BITS_ASCII["cut"] = 16
_TRIGGER_BITS_ASCII["over"] = 32
_TRIGGER_BITS_ASCII["time"] = 64
# `_scan` gets the words of ASCII text as bytes, so these are bytes too.
_TRIGGER_BITS_ASCII_B = {word.encode(): bits for word, bits in _TRIGGER_BITS_ASCII.items()}
_ANY_TRIGGER_ASCII_B = frozenset(_TRIGGER_BITS_ASCII_B)
_ANY_TRIGGER_ASCII = frozenset(_TRIGGER_BITS_ASCII)
#: Every byte but a-z to a blank: the words of lower-case ASCII text, as `_LETTERS` finds
#: them, are then `split()` of the result, ~3x cheaper than `findall` (~1 µs a goal).
_NOT_LETTER_TO_BLANK = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
#: The `flags` tuple (unit, month, event, vague) for each combination of bits.
_FLAGS_BY_BITS = [(bool(b & 1), bool(b & 2), bool(b & 4), bool(b & 8)) for b in range(16)]
_NEEDS_UNIT = frozenset({"dur", "rel", "the", "unit", "freq", "qw", "hw"})
_NEEDS_MONTH = frozenset({"md", "dm", "my", "ym", "month"})


@functools.lru_cache(maxsize=1024)
def _filtered(names: tuple[str, ...], flags: tuple[bool, bool, bool, bool]) -> tuple[str, ...]:
    has_unit, has_month, has_event, has_vague = flags
    return tuple(
        n
        for n in names
        if (has_unit or n not in _NEEDS_UNIT)
        and (has_month or n not in _NEEDS_MONTH)
        and (has_event or n != "event")
        and (has_vague or n != "vague")
    )


@functools.lru_cache(maxsize=16)
def _word_table(flags: tuple[bool, bool, bool, bool]) -> dict[str, tuple[str, ...]]:
    """The word dispatch table with the atoms that `flags` rule out already removed (and
    the digit-token shapes of `_DIGIT_SHAPES`)."""
    table = {
        w: _filtered(tuple(names), flags)
        for w, names in (*_WORD_DISPATCH.items(), *_DIGIT_SHAPES.items())
        # "1st" is a key of `_WORD_DISPATCH`, but a token starting with a digit is looked
        # up by its shape (`_scan` looks any token up first)
        if not w[0].isdigit()
    }
    return {w: names for w, names in table.items() if names}


class _WordTables(dict[int, dict[str, tuple[str, ...]]]):
    """`_word_table` by the trigger bits (0-15) of its flags: an int look-up instead of a
    cached call hashing the flags (~0.2 µs a goal)."""

    def __missing__(self, bits: int) -> dict[str, tuple[str, ...]]:
        table = self[bits] = _word_table(_FLAGS_BY_BITS[bits])
        return table


_WORD_TABLES = _WordTables()


class _PairGate(dict[str, tuple[str, ...]]):
    """The atoms of a word-table entry that `_NEXT_PAIRS` gates, by the 3 characters after
    its token (`_gated` applied when they are a blank and two ASCII letters), worked out on
    a miss: one look-up in `_scan` instead of the tests and a cached call (~0.5 µs a goal)."""

    __slots__ = ("key", "names")

    def __init__(self, names: tuple[str, ...], key: str) -> None:
        super().__init__()
        self.names = names
        self.key = key

    def __missing__(self, after: str) -> tuple[str, ...]:
        names = self.names
        if len(after) == 3 and after[0] in " \t" and after[1:].isalpha() and after.isascii():
            names = _gated(names, self.key, after[1:])
        if len(self) < 4096:  # bounded: any 3 characters may follow
            self[after] = names
        return names


class _GateTables(dict[int, dict[str, _PairGate]]):
    """For the trigger bits of `_WORD_TABLES`, a `_PairGate` by each gated key of that table."""

    def __missing__(self, bits: int) -> dict[str, _PairGate]:
        table = _WORD_TABLES[bits]
        gates = self[bits] = {
            key: _PairGate(table[key], key) for key in _NEXT_PAIRS if key in table
        }
        return gates


_GATE_TABLES = _GateTables()


# The trigger bits and the atom-starting tokens of lower-case ASCII text, read from the pieces
# between its spaces: no token of `_TOKEN` and no `[a-z]+` word spans a space ("'" takes a
# digit after it, which a piece's end does not have either), so the text's tokens and words
# are those of its pieces, shifted. Pieces recur from goal to goal, so each is read once: a
# dictionary lookup a piece replaces the word split and the walk over every token, most of
# which are words that begin no atom (~3 µs a goal). Per piece: (trigger bits as in
# `_TRIGGER_BITS_ASCII`, (offset, token) of the tokens `_scan` must look at: those starting
# with a digit, "'" and "/", words of `_WORD_DISPATCH` and the "q3" / "fy27" kind).
#: A token `_scan` must look at: (offset, token, key). The key is what it looks the token up
#: by in the word table: the token itself, but for a token of digits its shape (a key of
#: `_DIGIT_SHAPES`; "#mixed" ones, as "5m", keep their own).
_Token = tuple[int, str, str]
#: A token as `_scan` reads it: (offset, length, `_Plan` of its key).
_ScanToken = tuple[int, int, "_Plan"]
#: Per piece: (trigger bits, the `_ScanToken`s of its `_Token`s that begin an atom under
#: some flags: all but the digit shapes no atom takes, "#none", ~0.45 a goal).
_PieceTokens = tuple[int, tuple[_ScanToken, ...]]
_PIECE_TOKENS: dict[str, _PieceTokens] = {}
#: As `_PIECE_TOKENS` for the text's last piece, which no blank follows (a digit's shape
#: depends on the character after it).
_LAST_PIECE_TOKENS: dict[str, _PieceTokens] = {}
_PIECE_TOKENS_MAX = 8192
_PIECE_KEEP_LEN = 64  # longer pieces (junk input) are not kept
_NOTHING: _PieceTokens = (0, ())  # shared by the pieces with neither


class _Plan(dict[int, "tuple[tuple[str, ...], _PairGate | None] | None"]):
    """What `_scan` does at a token with key `key` (see `_Token`), by the trigger bits (0-15)
    of the text: None (no atom to try), or the atoms to try and the `_PairGate` that narrows
    them by the 3 characters after the token (or None). Worked out from the word tables on
    the first look-up of each bits; then one int look-up a token, where `_scan` looked the
    token up in the word table and in the gates and, for "q3", "fy27", "3x" ..., called
    `_candidates` or `_mixed_atoms` and `_filtered`. (With the reading of the pieces in
    `_scan`: the scan alone, ~11.9 µs a goal on the benchmark's goals, now ~8.7.)"""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def __missing__(self, bits: int) -> tuple[tuple[str, ...], _PairGate | None] | None:
        key = self.key
        gate = None
        names = _WORD_TABLES[bits].get(key)
        if names is not None:
            gate = _GATE_TABLES[bits].get(key)
        else:
            first = key[0]
            flags = _FLAGS_BY_BITS[bits]
            if first == "#":  # a digit shape no atom of these flags takes
                names = ()
            elif first > "9":  # a word that begins no atom of these flags, or "q3", "fy27"
                if first not in "qhfce" or key.isalpha():  # see `_QH_TOKEN`
                    names = ()
                else:
                    names = _filtered(tuple(_candidates(key)), flags)
            elif first.isdigit():  # "5m", "3x": `_token_key` keeps them as they are
                names = _filtered(_mixed_atoms(key), flags)
            else:  # "'" or "/"
                names = _filtered(tuple(_candidates(key)), flags)
        entry = (names, gate) if names else None
        self[bits] = entry
        return entry


_PLANS: dict[str, _Plan] = {}
_PLANS_MAX = 4096  # keys are words of the dispatch table, shapes, and tokens like "5m"


def _plan(key: str) -> _Plan:
    """The `_Plan` of `key`, shared (kept in `_PLANS`, bounded)."""
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        plan = _PLANS[key] = _Plan(key)
    return plan


def _token_key(token: str, next_char: str) -> str:
    """The key of `token` in the word table when `next_char` (or nothing) follows it."""
    if not "0" <= token[0] <= "9":
        return token
    shape = _digit_shape(token, next_char)
    return token if shape == "#mixed" else shape


def _piece_tokens(piece: str, last: bool = False) -> _PieceTokens:
    """The `_PieceTokens` of `piece`, kept in `_PIECE_TOKENS` (`last`: the text's last piece,
    in `_LAST_PIECE_TOKENS`)."""
    bits = 0
    if piece.isascii():
        for bword in _ANY_TRIGGER_ASCII_B.intersection(
            piece.encode("ascii").translate(_NOT_LETTER_TO_BLANK).split()
        ):
            bits |= _TRIGGER_BITS_ASCII_B[bword]
    else:  # "•", "€2M": its `[a-z]+` runs are still the words the twins can match
        for word in _ANY_TRIGGER_ASCII.intersection(_LETTERS.findall(piece)):
            bits |= _TRIGGER_BITS_ASCII[word]
    tokens = []
    after_piece = "" if last else " "
    for m in _TOKEN.finditer(piece):
        token = m[0]
        first = token[0]
        # the tokens `_scan` skips at once whatever the flags: letters first, no key of
        # the word table (under any flags a subset of `_WORD_DISPATCH`), no "q3" kind
        if (
            first > "9"
            and token not in _WORD_DISPATCH
            and (first not in "qhfce" or token.isalpha())
        ):
            continue
        end = m.end()
        tokens.append((m.start(), token, _token_key(token, piece[end : end + 1] or after_piece)))
    scan = tuple((at, len(token), _plan(key)) for at, token, key in tokens if key != "#none")
    fact = (bits, scan) if bits or scan else _NOTHING
    if len(piece) <= _PIECE_KEEP_LEN:
        kept = _LAST_PIECE_TOKENS if last else _PIECE_TOKENS
        if len(kept) >= _PIECE_TOKENS_MAX:
            kept.clear()
        kept[piece] = fact
    return fact


def _ascii_pieces(ascii_low: str) -> tuple[int, list[tuple[int, tuple[_ScanToken, ...]]]]:
    """The trigger bits (as `_TRIGGER_BITS_ASCII`) of a `_twin_subject` and the tokens that
    may begin an atom, read piece by piece (see `_PIECE_TOKENS`): (offset of a piece, its
    `_ScanToken`s) of the pieces with any."""
    bits = 0
    found: list[tuple[int, tuple[_ScanToken, ...]]] = []
    facts = _PIECE_TOKENS.get
    pos = 0
    pieces = ascii_low.split(" ")
    last = pieces.pop()
    for piece in pieces:
        fact = facts(piece)
        if fact is None:
            fact = _piece_tokens(piece)
        if fact is not _NOTHING:  # most pieces: no trigger word, no token to try
            bits |= fact[0]
            if fact[1]:
                found.append((pos, fact[1]))
        pos += len(piece) + 1
    fact = _LAST_PIECE_TOKENS.get(last) or _piece_tokens(last, last=True)
    if fact is not _NOTHING:
        bits |= fact[0]
        if fact[1]:
            found.append((pos, fact[1]))
    return bits, found


def _plain_tokens(low: str, norm: str) -> Iterator[_Token]:
    """The tokens of any text, `low` being `norm` with A-Z lower-cased."""
    for m in _TOKEN.finditer(low):
        token = m[0]
        end = m.end()
        yield m.start(), token, _token_key(token, norm[end : end + 1])


def _scan(norm: str, ascii_low: str | None = None) -> list[_Atom]:
    """The atoms of `norm`; `ascii_low` is `_twin_subject(norm)` (in ASCII text, as its
    name says, `norm.lower()`)."""
    atoms: list[_Atom] = []
    last_end = 0
    # Tokens are ASCII, so lower-casing only A-Z keeps every offset and every token's
    # `lower()`; one lower-case copy saves a `lower()` a token.
    low = ascii_low if ascii_low is not None else norm.translate(_ASCII_LOWER)
    urls = [m.span() for m in _URL.finditer(norm)] if may_hold_url(norm, low) else []
    # the tokens to look at: (offset of a piece, its `_ScanToken`s) of the pieces with any
    found: list[tuple[int, tuple[_ScanToken, ...]]]
    if ascii_low is not None and len(norm) < 10_000:
        # the trigger bits and the tokens that may begin an atom, read piece by piece
        bits, found = _ascii_pieces(ascii_low)
        if not found:
            return atoms
        if bits & 48 == 48:  # "cut" and "over"
            bits |= 4
        if bits & 96 == 96:  # "over" and "time"
            bits |= 8
        bits &= 15
    else:
        if len(norm) < 10_000:
            # which trigger sets the text's words meet, as bits: one intersection with the
            # union of the four sets instead of a set of all words and four `isdisjoint`
            bits = 0
            for word in _ANY_TRIGGER.intersection(_LETTERS.findall(norm.lower())):
                bits |= _TRIGGER_BITS[word]
        else:
            bits = 15  # every trigger set: no atom ruled out
        found = [(0, _scan_tokens(low, norm))]
    # ASCII text is matched lower-cased by the case-sensitive twins (see `_AtomPatterns`)
    patterns, subject = (_LOWER_ATOMS, ascii_low) if ascii_low is not None else (_COMPILED, norm)
    checks = _CHECKS.get
    for base, scan in found:
        for at, length, plan in scan:
            # the atoms to try at the token under these bits, and their gate (`_Plan`)
            entry = plan[bits]
            if entry is None:
                continue
            pos = base + at
            if pos < last_end:
                continue
            names, gate = entry
            if gate is not None:  # `_NEXT_PAIRS`: the atoms by the 3 characters after it
                end = pos + length
                names = gate[low[end : end + 3]]
                if not names:
                    continue
            if urls and any(s <= pos < e for s, e in urls):
                continue
            for name in names:
                m = patterns[name].match(subject, pos)
                if m is None:
                    continue
                end = m.end()
                if end == pos:
                    continue
                # (the atom's check in `_CHECKS`, if it has one; it reads the case of a
                # match in the lower-cased text from `norm`, by span: no second match)
                check = checks(name)
                if check is not None and not check(m, norm, ascii_low):
                    continue
                atoms.append(_Atom(name, pos, end, m))
                last_end = end
                break
    return atoms


def _scan_tokens(low: str, norm: str) -> tuple[_ScanToken, ...]:
    """The `_ScanToken`s of any text (`_plain_tokens`), but the words that begin no atom
    under any flags (as `_piece_tokens` leaves them out)."""
    return tuple(
        (pos, len(token), _plan(key))
        for pos, token, key in _plain_tokens(low, norm)
        if not (
            token[0] > "9"
            and token not in _WORD_DISPATCH
            and (token[0] not in "qhfce" or token.isalpha())
        )
    )


def _merge(atoms: list[_Atom], norm: str) -> list[list[_Atom]]:
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and atom.kind in _DATE_LIKE and groups[-1][-1].kind in _DATE_LIKE:
            prev = groups[-1][-1]
            gap = norm[prev.end : atom.start]
            if (
                len(gap) <= 14
                and _JOIN.fullmatch(gap) is not None
                and not (prev.kind == "the" or atom.kind == "the")
            ):
                groups[-1].append(atom)
                continue
        groups.append([atom])
    return groups


# The kinds, read in every goal's classification: `TimeKind.DEADLINE` is a look-up through
# the Enum's metaclass (~0.16 µs in Python 3.11), a module global ~0.01.
_KIND_DEADLINE = TimeKind.DEADLINE
_KIND_PERIOD = TimeKind.PERIOD
_KIND_WINDOW = TimeKind.WINDOW
_KIND_REFERENCE = TimeKind.REFERENCE
_KIND_VAGUE = TimeKind.VAGUE
_KIND_FREQUENCY = TimeKind.FREQUENCY


#: What `_classify` gives (after the span start) for the kinds its checks then come to
#: by the kind alone.
_KIND_ONLY: dict[str, tuple[TimeKind, bool, RangeFn | None, str]] = {
    "vague": (TimeKind.VAGUE, False, None, "vague"),
    "freq": (TimeKind.FREQUENCY, False, None, "freq"),
    "event": (TimeKind.DEADLINE, True, None, "event"),
}


def _classify(
    group: list[_Atom], norm: str, low: str | None = None
) -> tuple[int, TimeKind, bool, RangeFn | None, str]:
    """(span start, kind, bounding, period range fn, role) for a merged group.

    `low` is `_twin_subject(norm)` (`norm.lower()` when `norm` is ASCII): the context patterns
    then run as case-sensitive twins on it (`_Twins`), same matches at half the cost."""
    first, last = group[0], group[-1]
    start = first.start
    kind_name = first.kind
    # These kinds (never merged, no dates) are decided by the kind alone, below the
    # prefix searches: decided here, the window is not read (~0.4 µs a goal).
    if kind_name in _KIND_ONLY:
        return (start, *_KIND_ONLY[kind_name])
    # What the patterns search: the 48 characters before the atom, lower-cased when the text
    # is ASCII; and its last two words, blanks around them dropped (a window of blanks has
    # none), the last one lower-cased (the lower-cased window's are already).
    if low is not None:
        ctx = _LOW_TWINS or _low_twins()
        window = low[start - 48 if start > 48 else 0 : start]
        tail_words = window.rsplit(None, 2)
        last_word = tail_words[-1] if tail_words else ""
    else:
        ctx = _ANY_TWINS or _any_twins()
        window = norm[start - 48 if start > 48 else 0 : start]
        tail_words = window.rsplit(None, 2)
        last_word = tail_words[-1].lower() if tail_words else ""
    # "the first week of", "week of", "the month of" glue to the atom
    wk = None
    if kind_name in _DATE_LIKE and last_word in _WEEK_PREFIX_LAST:
        # gate (ASCII text): "of", "on" ... need the word before them that the pattern
        # names, "end" in "by the end of" rules it out (~0.3 µs a goal)
        before_last = _WEEK_PREFIX_BEFORE.get(last_word)
        if (
            before_last is None
            or low is None
            or (len(tail_words) > 1 and tail_words[-2].endswith(before_last))
        ):
            wk = ctx.week_prefix.search(window)
    if wk and ctx.recurring_before.search(window, 0, wk.start()):
        wk = None  # "every month of 2027": a frequency, then the year that bounds it
    if wk:
        start -= len(window) - wk.start()
        window = (low if low is not None else norm)[max(0, start - 48) : start]
        tail_words = window.rsplit(None, 1)
        last_word = tail_words[-1].lower() if tail_words else ""

    # one atom (the common case) without the call to `_group_range`
    rng = _cached_atom_range(kind_name, first.values) if len(group) == 1 else _group_range(group)
    role = "period"
    prefix_start = start
    hyphen = last_word.endswith("-")  # the window ends in "-" (blanks aside): "mid-"
    quick = _KNOWN_PREFIX.get(last_word) if low is not None else None
    if (
        quick is not None
        and window.endswith(quick[1])
        and not window[: len(window) - len(quick[1])].rstrip(" \t").endswith(quick[2])
    ):
        role = quick[0]
        prefix_start = start - len(quick[1]) + 1
    elif last_word in _PREFIX_LAST or hyphen:
        # A prefix holds only letters, blanks, "-" and "." (and `$` may stand before a final
        # newline), so in lower-case ASCII text none starts before the window's last other
        # character ("20%" in "grow 20% by "): the searches skip that part (~0.5 µs a goal).
        from_pos = len(window.rstrip(_PREFIX_CHARS)) if low is not None else 0
        for name, pattern in ctx.prefixes if hyphen else ctx.by_last[last_word]:
            pm = pattern.search(window, from_pos)
            if pm:
                role = name
                prefix_start = start - (len(window) - pm.start())
                break
    if rng is not None and prefix_start < start:
        # gate: in ASCII text the part word is in the lower-case prefix ("mid" in "middle")
        part = (
            _PART_WORD.search(norm, prefix_start, start)
            if low is None
            or "mid" in (seg := low[prefix_start:start])
            or "early" in seg
            or "late" in seg
            else None
        )
        if part:
            rng = _narrow(rng, part.group(1).lower())

    # ("vague", "freq" and "event" were decided above, by `_KIND_ONLY`)
    if (
        # "in the coming months", "the next weeks", "over the next few months": no count,
        # no end
        kind_name == "rel"
        and (
            not first.values[_G_REL_N]
            or (
                (first.values[_G_REL_N] or "").lower().split()[0] in _VAGUE_COUNTS
                and not _PAST_RELS[(first.values[_G_REL] or "").lower()]
            )
        )
        and (first.values[_G_REL_U] or "").lower().endswith(_PLURAL_UNITS)
    ):
        return start, _KIND_VAGUE, False, None, "vague"
    if kind_name == "dur":
        return _classify_duration(group, norm, start, role, prefix_start, low)

    # Date-like groups.
    if role in ("deadline", "deadline_edge"):
        return prefix_start, _KIND_DEADLINE, True, rng, role
    if kind_name == "eo":
        return (
            start,
            _KIND_DEADLINE,
            True,
            rng,
            "deadline_edge",
        )
    if role == "reference":
        return prefix_start, _KIND_REFERENCE, False, rng, role
    if role == "after":
        return prefix_start, _KIND_PERIOD, False, rng, role
    if role in ("start_edge", "part"):
        return prefix_start, _KIND_PERIOD, True, rng, role
    if role == "window":
        # "in 2027", "over next quarter": the period itself
        role = "period"
    # gate: _PLAN_FOR ends in "for|of [the]", so the window's last word is one of those
    if role == "period" and last_word in _PLAN_LAST and ctx.plan_for.search(window):
        # "the product vision for 2028", "budget for FY27": says which plan, not when
        return start, _KIND_REFERENCE, False, rng, "reference"
    if kind_name == "rel":
        if _PAST_RELS[(first.values[_G_REL] or "").lower()]:
            return start, _KIND_REFERENCE, False, rng, "reference"
        if first.values[_G_REL_N]:
            return (
                prefix_start if role != "period" or prefix_start != start else start,
                _KIND_WINDOW,
                True,
                rng,
                "window",
            )
    if kind_name in ("deictic",) and (first.values[_G_DEICTIC] or "").lower() in (
        "ytd",
        "qtd",
        "mtd",
        "year-to-date",
        "year to date",
    ):
        return start, _KIND_REFERENCE, False, rng, "reference"
    # A period directly followed by a noun it scopes: "Q2 pipeline", "2027 plan".
    end = last.end
    if norm[end : end + 2] in ("'s", "’s"):
        return start, _KIND_REFERENCE, False, rng, "reference"
    if (
        role == "period"
        and prefix_start == start
        and kind_name not in ("the", "unit")
        and (nxt := _NEXT_WORD.match(norm, end))
    ):
        word = nxt.group(1).lower()
        if (
            word not in _SCOPE_STOP
            and word not in _TIME_WORDS
            # "Q3 revenue reaches $5M": revenue earned in Q3 (the rules decide the rest)
            and not (word in _EARNED_IN_PERIOD and not _PLAN_AFTER_RESULT.match(norm, nxt.end()))
        ):
            return start, _KIND_REFERENCE, False, rng, "reference"
    if kind_name == "the" and prefix_start == start:
        return start, _KIND_REFERENCE, False, rng, "reference"
    if kind_name == "year" and first.values[_G_YEARW] and prefix_start == start:
        return start, _KIND_REFERENCE, False, rng, "reference"
    return start, _KIND_PERIOD, True, rng, "period"


_PART_WORD = _lazy(r"\b(mid|middle|early|late)\b", re.IGNORECASE)


def _narrow(rng: RangeFn, part: str) -> RangeFn:
    """The early / middle / late part of a period: "mid-2027" ends on 2027-06-30."""

    def fn(ref: date, fys: int) -> tuple[date, date] | None:
        r = rng(ref, fys)
        if r is None:
            return None
        first, last = r
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months >= 2 and first.day == 1:
            third = max(1, months // 3)
            if part in ("mid", "middle"):
                lo = D.add_months(first, third)
                hi = D.add_months(first, months // 2 + (months % 2)) - timedelta(days=1)
                return min(lo, hi), hi
            if part == "early":
                return first, D.add_months(first, third) - timedelta(days=1)
            return D.add_months(first, months - third), last
        days = (last - first).days + 1
        third_days = max(1, days // 3)
        if part in ("mid", "middle"):
            return first + timedelta(days=third_days), first + timedelta(days=days // 2)
        if part == "early":
            return first, first + timedelta(days=third_days - 1)
        return last - timedelta(days=third_days - 1), last

    return fn


#: Words after a period that it does not scope ("Q3 and Q4", "2027 onwards").
_TIME_WORDS = frozenset(
    _wordlist("q1 q2 q3 q4 h1 h2 fy year quarter month week end onwards and or")
)


class _PastRel(dict[str, bool]):
    """Whether `_PAST_REL` finds a match in the relative word of a "rel" atom, lower-cased
    ("last", "the next"), by that word: a look-up where the search cost ~0.3 µs (the words
    are few; bounded all the same, "[ \t]+" may take any number of blanks)."""

    def __missing__(self, rel: str) -> bool:
        found = _PAST_REL.search(rel) is not None
        if len(self) < 256:
            self[rel] = found
        return found


_PAST_RELS = _PastRel()


_RELATIVE_TO_EVENT = _lazy(
    r"[ \t]+(?:of|after|from|following|before|prior[ \t]+to)[ \t]+(?!now\b|today\b)",
    re.IGNORECASE,
)


_RECURRING_ANCHOR = _lazy(
    r"(?:(?:the[ \t]+)?(?:end|close|start)[ \t]+of[ \t]+(?:each|every|the[ \t]+(?:month|quarter|"
    r"week|year))|each|every|(?:the[ \t]+)?(?:month|quarter|week|year)[ -](?:end|close)|"
    r"(?:a|an|the|their|its)?[ \t]*(?:request|ticket|signup|sign-up|purchase|contact|"
    r"submission|incident|receipt|arrival|hire|order|application|inquiry|enquiry|referral|"
    r"completion|graduation|enrol?lment|joining|admission|signing|"
    r"call|lead|booking|visit|admission|discharge|diagnosis|report|alert|outage|failure)s?\b)",
    re.IGNORECASE,
)
_FROM_NOW = _lazy(r"[ \t]+from[ \t]+(?:now|today)\b", re.IGNORECASE)
#: The words after which `_RELATIVE_TO_EVENT` or `_FROM_NOW` can match.
_RELATIVE_WORDS = ("of", "after", "from", "following", "before", "prior")


@functools.lru_cache(maxsize=1024)
def _duration_window(dur: str | None, dur_u: str | None) -> tuple[RangeFn | None, bool]:
    """(window function or None, too short to bound a goal) for a duration phrase; cached
    by the phrase ("14 days", "two weeks" recur across goals)."""
    unit = _rel_unit(dur_u or "") if dur_u else None
    text = (dur or "").lower()
    amount: float | None = None
    if unit is not None:
        amount = _amount(
            text[: text.rfind(" ")] if " " in text else _TRAILING_LETTERS.sub("", text)
        )
    short = unit is None or (unit == "day" and (amount is None or amount < 7))
    if (dur_u or "").lower().startswith(("second", "sec", "minute", "min", "hour", "hr", "night")):
        short = True
    fn = _window(amount, unit) if (amount is not None and unit is not None) else None
    return fn, short


def _classify_duration(
    group: list[_Atom], norm: str, start: int, role: str, prefix_start: int, low: str | None = None
) -> tuple[int, TimeKind, bool, RangeFn | None, str]:
    atom = group[0]
    dur = atom.values[_G_DUR]
    fn, short = _duration_window(dur, atom.values[_G_DUR_U])
    # "within a few weeks", "in a couple of months": a window with no count has no end
    vague = not _VAGUE_COUNTS.isdisjoint((dur or "").lower().split())
    end = atom.end
    # gate: in lower-case ASCII text both patterns below need blanks, then "of", "after",
    # "from", "following", "before" or "prior" (9 letters at most): what follows the
    # blanks in the next 16 characters (or up to the end) rules that out in most
    # durations: two regex matches less
    related = low is None or (
        (after := low[end : end + 16].lstrip(" \t")).startswith(_RELATIVE_WORDS)
        or (len(after) < 9 and end + 16 < len(low))
    )
    rel = _RELATIVE_TO_EVENT.match(norm, end) if related else None
    if rel and _RECURRING_ANCHOR.match(norm, rel.end()):
        # "within 10 days of month end", "within 5 minutes of a request": a threshold
        # measured from a recurring event, part of the metric, not a bound
        return prefix_start, _KIND_WINDOW, False, fn, "relative"
    if rel and role in ("window", "deadline"):
        # "within 3 weeks of the kickoff": bounded by an event; no dates without its date
        return prefix_start, _KIND_WINDOW, not short, None, "window"
    if related and _FROM_NOW.match(norm, end):
        if vague:
            return start, _KIND_VAGUE, False, None, "vague"
        return start, _KIND_WINDOW, True, fn, "window"
    if (
        role == "window"
        or (
            role == "period"
            # gate: in ASCII text the pattern needs the window to end in "next" or "coming"
            and (
                low is None
                or low[max(0, start - 30) : start].rstrip(" \t\n").endswith(("next", "coming"))
            )
            and _NEXT_COMING_BEFORE.search(norm[max(0, start - 30) : start])
        )
    ):
        window_words = norm[prefix_start:start].lower()
        if window_words.startswith(
            ("within", "in", "over", "during", "for", "across", "throughout")
        ):
            if vague:
                return start, _KIND_VAGUE, False, None, "vague"
            return prefix_start, _KIND_WINDOW, not short, fn, "window"
    if role == "deadline":
        if vague:
            return start, _KIND_VAGUE, False, None, "vague"
        return prefix_start, _KIND_WINDOW, not short, fn, "window"
    # A bare duration is part of a metric or an activity ("for 3 minutes", "15 months").
    return start, _KIND_WINDOW, False, None, "duration"


@functools.lru_cache(maxsize=4096)
def _cached_atom_range(name: str, values: tuple[str | None, ...]) -> RangeFn | None:
    """`_atom_range` by the atom's matched groups: the same phrase ("Q3 2027", "this
    quarter") recurs across goals, and building its range function is ~3 µs."""
    return _atom_range(name, dict(zip(_GROUP_NAMES[name], values, strict=True)))


def _group_range(group: list[_Atom]) -> RangeFn | None:
    if len(group) == 1:
        return _cached_atom_range(group[0].kind, group[0].values)
    fns = [_cached_atom_range(a.kind, a.values) for a in group]
    # A merged group: take the union of what resolves, with a year named in a later atom
    # applied to an earlier month ("Nov 18-Dec 19, 2015" keeps it simple: first..last).
    first_fn = next((f for f in fns if f is not None), None)
    last_fn = next((f for f in reversed(fns) if f is not None), None)
    if first_fn is None or last_fn is None:
        return None
    if first_fn is last_fn:
        return first_fn
    ff, lf = first_fn, last_fn

    def union(ref: date, fys: int) -> tuple[date, date] | None:
        a, b = ff(ref, fys), lf(ref, fys)
        if a is None or b is None:
            return a or b
        lo, hi = min(a[0], b[0]), max(a[1], b[1])
        return lo, hi

    return union


def _resolver(
    kind: TimeKind, role: str, rng: RangeFn | None
) -> Callable[[date, int], Range] | None:
    if rng is None:
        return None
    fn = rng

    if kind is _KIND_DEADLINE:
        if role == "deadline":

            def deadline(ref: date, fys: int) -> Range:
                r = fn(ref, fys)
                return (None, r[1]) if r else (None, None)

            return deadline

        # "before March": the day before it starts; "by end of Q2", "EOQ": its last day.
        def edge(ref: date, fys: int) -> Range:
            r = fn(ref, fys)
            return (None, r[1]) if r else (None, None)

        return edge

    def period(ref: date, fys: int) -> Range:
        r = fn(ref, fys)
        return (r[0], r[1]) if r else (None, None)

    return period


class _Twins:
    """The context patterns of `_classify` and the atoms' checks, either as written (IGNORECASE, for
    any text) or as case-sensitive twins for lower-cased ASCII text. Matching is the same
    there (ASCII letters fold only to each other, and lower-casing keeps every offset), but
    a case-sensitive alternation skips a branch on its first letter: the prefix searches
    cost ~1.0 µs a goal instead of ~2.1.

    Each pattern is compiled when first read (the 20 goals of a small document read 3 of
    the 14, ~3 ms of a cold start); it is then a plain attribute, or a list in `by_last`.
    """

    # set by `__getattr__` on first read
    week_prefix: re.Pattern[str]
    recurring_before: re.Pattern[str]
    plan_for: re.Pattern[str]
    vouch: re.Pattern[str]
    the_after_of: re.Pattern[str]
    the_edge_of: re.Pattern[str]

    def __init__(self, twin: Callable[[re.Pattern[str]], re.Pattern[str]]) -> None:
        self._twin = twin
        self._prefixes: dict[str, re.Pattern[str]] = {}
        #: The prefixes a window's last word allows (`_PREFIXES_BY_LAST`), by that word.
        self.by_last = _PrefixesByLast(self)

    def prefix(self, name: str) -> re.Pattern[str]:
        """The prefix pattern `name` of `_PREFIXES`."""
        pattern = self._prefixes.get(name)
        if pattern is None:
            pattern = self._prefixes[name] = self._twin(_PREFIX_BY_NAME[name])
        return pattern

    @property
    def prefixes(self) -> list[tuple[str, re.Pattern[str]]]:
        """Every prefix, in the order of `_PREFIXES`."""
        return [(name, self.prefix(name)) for name, _ in _PREFIXES]

    def __getattr__(self, attr: str) -> re.Pattern[str]:
        source = _TWIN_SOURCES.get(attr)
        if source is None:
            raise AttributeError(attr)
        pattern = self._twin(source)
        setattr(self, attr, pattern)
        return pattern


class _PrefixesByLast(dict[str, list[tuple[str, "re.Pattern[str]"]]]):
    """`_Twins.by_last`: the (name, pattern) pairs of a last word, built on first use."""

    def __init__(self, twins: _Twins) -> None:
        super().__init__()
        self._twins = twins

    def __missing__(self, word: str) -> list[tuple[str, re.Pattern[str]]]:
        pairs = self[word] = [
            (name, self._twins.prefix(name)) for name, _ in _PREFIXES_BY_LAST[word]
        ]
        return pairs


_PREFIX_BY_NAME = dict(_PREFIXES)
#: The other patterns of `_Twins`, by attribute.
_TWIN_SOURCES = {
    "week_prefix": _WEEK_PREFIX,
    "recurring_before": _RECURRING_BEFORE,
    "plan_for": _PLAN_FOR,
    "vouch": _VOUCH,
    "the_after_of": _THE_AFTER_OF,
    "the_edge_of": _THE_EDGE_OF,
}


@functools.cache
def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of `pattern`, for lower-case ASCII text (see
    `ascii_twin_source`, which also checks the pattern is written in lower case)."""
    return re.compile(*ascii_twin_source(pattern))


_ANY_TWINS: _Twins | None = None


def _any_twins() -> _Twins:
    """The patterns as written, for text that is not ASCII, compiled on first use; after
    that, `_ANY_TWINS`."""
    global _ANY_TWINS
    if _ANY_TWINS is None:
        _ANY_TWINS = _Twins(lambda p: re.compile(p.pattern, p.flags))
    return _ANY_TWINS


_LOW_TWINS: _Twins | None = None


def _low_twins() -> _Twins:
    """The case-sensitive twins, compiled on first use (~4 ms); after that, `_LOW_TWINS`
    (a global read is cheaper than a call)."""
    global _LOW_TWINS
    if _LOW_TWINS is None:
        _LOW_TWINS = _Twins(_case_sensitive)
    return _LOW_TWINS


_BEFORE_WORD = _lazy(r"\bbefore[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def extract_text(text: str) -> list[TimeMention]:
    """The time mentions in `text`, in order. Never raises on any string."""
    if not text:
        return []
    if text.isascii():  # most goals: what `normalise` and `_twin_subject` give, two calls less
        norm = text[:_MAX_TEXT]
        low: str | None = norm.lower()
    else:
        norm = normalise(text[:_MAX_TEXT])
        low = _twin_subject(norm)
    atoms = _scan(norm, low)
    if not atoms:
        return []
    out: list[TimeMention] = []
    prev_relative = False
    # one atom (most goals with a mention): its own group, without the call to `_merge`
    for group in _merge(atoms, norm) if len(atoms) > 1 else (atoms,):
        try:
            start, kind, bounding, rng, role = _classify(group, norm, low)
        except (ValueError, KeyError, OverflowError):
            continue
        end = group[-1].end
        if (
            kind is _KIND_DEADLINE
            and role == "deadline"
            and rng is not None
            # gate: in ASCII text the pattern needs "before" in the lower-case copy
            and (low is None or "before" in low[max(0, group[0].start - 12) : group[0].start])
            and _BEFORE_WORD.search(norm[max(0, group[0].start - 12) : group[0].start])
        ):
            rng = _day_before_start(rng)
        resolver = None if rng is None else _resolver(kind, role, rng)
        while end > start and text[end - 1] in " \t,":
            end -= 1
        if out and start < out[-1].end:
            continue
        if prev_relative and _RELATIVE_TO_EVENT.fullmatch(norm, out[-1].end, start):
            kind, bounding, role = _KIND_REFERENCE, False, "reference"
        prev_relative = role == "relative"
        if len(out) >= MAX_MENTIONS:
            break
        out.append(TimeMention(start, end, text[start:end], kind, bounding, resolver))
    return out


def _day_before_start(rng: RangeFn) -> RangeFn:
    """ "before March" ends on the last day of February."""

    def fn(ref: date, fys: int) -> tuple[date, date] | None:
        r = rng(ref, fys)
        if r is None:
            return None
        if r[0] == r[1]:
            return r[0], r[0] - timedelta(days=1)
        return r[0], r[0] - timedelta(days=1)

    return fn


def extract(doc: Doc) -> list[TimeMention]:
    """The time mentions in a spaCy Doc's text (offsets into `doc.text`)."""
    text = doc.user_data.get(TEXT_KEY)  # (`doc_text`, but a call less when it is there)
    return extract_text(text if text is not None else doc_text(doc))
