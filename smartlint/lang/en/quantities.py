"""English quantities: numbers, percentages, money, units, multipliers and thresholds.

Found with compiled regular expressions over the text (not with pint, which misreads
"$2M" as 2 molar and "10 pp" as typographic points, and not with spaCy's `like_num`,
which would need a second pass for affixes). Spans are exact offsets into `doc.text`.

What a quantity's span covers: the number with its attached sign, currency, scale word,
percent sign/word, unit and "+" ("-$2.5M", "3 percentage points", "200 ms", "4.8+");
comparator words before it ("at least", "under") are NOT in the span, they only set
`comparator`. A range ("10-15%", "5 to 10 days") gives two quantities, the unit shared.

`noun` is the counted noun phrase as written after a plain number, at most three words and
stopping at a preposition, verb-like word or punctuation: "10 new enterprise customers" →
"new enterprise customers" (its last word is the head), "1,200 MAU" → "MAU".

Not quantities (nothing is emitted): years ("in 2027", a bare "2027"), dates and clock
times, quarters/halves/fiscal years ("Q3", "H2", "FY27"), versions ("v2.3", "Python 3.11",
"1.2.3"), ids ("RFC #3716", "JIRA-123", "A1B2"), ordinals ("3rd", "Phase 2", "Week 1"),
and durations that bound the goal in time ("within four months", "over the next 90 days":
those are time frames; a duration in the metric, "to under 35 days", stays a quantity).
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left as _bisect_left
from bisect import insort as _insort
from collections.abc import Iterable, Iterator
from operator import attrgetter

from spacy.tokens import Doc

from smartlint._lazyre import ascii_twin_source, lazy_compiler
from smartlint.lang.base import TEXT_KEY, doc_text
from smartlint.lang.en.numbers import (
    LAST_SPLIT,
    MONTH_RE,
    MONTHS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    URL_PATTERN,
    WORD_NUMBER,
    may_hold_url,
    normalise,
    parse_word_number,
)
from smartlint.lang.en.stopwords import FUNCTION_WORDS
from smartlint.model import Quantity, QuantityKind

# ---------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------

_SCALE = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mm": 1e6,
    "MM": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "trillions": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "g": 1e9,
    "G": 1e9,
    "hundred": 1e2,
    "hundreds": 1e2,
    "dozen": 12,
    "dozens": 12,
}

_CURRENCY_SYMBOL = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "c$": "CAD",
    "c $": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₡": "CRC",
    "₭": "LAK",
    "₽": "RUB",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "₪": "ILS",
    "฿": "THB",
    "元": "CNY",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "cad": "CAD",
    "aud": "AUD",
    "chf": "CHF",
    "sgd": "SGD",
    "hkd": "HKD",
    "krw": "KRW",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "mxn": "MXN",
    "brl": "BRL",
    "zar": "ZAR",
    "rs": "INR",
    "rs.": "INR",
}
# Currency words after a number; value multiplier for sub-units.
_CURRENCY_WORD = {
    "dollar": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "bucks": ("USD", 1.0),
    "usd": ("USD", 1.0),
    "us dollar": ("USD", 1.0),
    "us dollars": ("USD", 1.0),
    "cent": ("USD", 0.01),
    "cents": ("USD", 0.01),
    "¢": ("USD", 0.01),
    "euro": ("EUR", 1.0),
    "euros": ("EUR", 1.0),
    "eur": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0),
    "pounds sterling": ("GBP", 1.0),
    "gbp": ("GBP", 1.0),
    "quid": ("GBP", 1.0),
    "pence": ("GBP", 0.01),
    "p": ("GBP", 0.01),
    "yen": ("JPY", 1.0),
    "jpy": ("JPY", 1.0),
    "yuan": ("CNY", 1.0),
    "chinese yuan": ("CNY", 1.0),
    "renminbi": ("CNY", 1.0),
    "rmb": ("CNY", 1.0),
    "cny": ("CNY", 1.0),
    "kuai": ("CNY", 1.0),
    "元": ("CNY", 1.0),
    "rupee": ("INR", 1.0),
    "rupees": ("INR", 1.0),
    "inr": ("INR", 1.0),
    "franc": ("CHF", 1.0),
    "francs": ("CHF", 1.0),
    "chf": ("CHF", 1.0),
    "won": ("KRW", 1.0),
    "krw": ("KRW", 1.0),
    "peso": ("MXN", 1.0),
    "pesos": ("MXN", 1.0),
    "cad": ("CAD", 1.0),
    "aud": ("AUD", 1.0),
    "sgd": ("SGD", 1.0),
    "hkd": ("HKD", 1.0),
    "₡": ("CRC", 1.0),
    "₭": ("LAK", 1.0),
    "€": ("EUR", 1.0),
    "£": ("GBP", 1.0),
    "$": ("USD", 1.0),
    "marks": ("DEM", 1.0),
    "rubles": ("RUB", 1.0),
}

# Unit surface form (lower case unless listed in _UNIT_CASED) → pint unit name.
_UNIT = {
    # time
    "ns": "nanosecond",
    "nanosecond": "nanosecond",
    "nanoseconds": "nanosecond",
    "µs": "microsecond",
    "us": "microsecond",
    "microsecond": "microsecond",
    "microseconds": "microsecond",
    "ms": "millisecond",
    "msec": "millisecond",
    "msecs": "millisecond",
    "millisecond": "millisecond",
    "milliseconds": "millisecond",
    "s": "second",
    "sec": "second",
    "secs": "second",
    "second": "second",
    "seconds": "second",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "d": "day",
    "wk": "week",
    "wks": "week",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "mo": "month",
    "mos": "month",
    "month": "month",
    "months": "month",
    "y": "year",
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    # length
    "nm": "nanometer",
    "mm": "millimeter",
    "cm": "centimeter",
    "m": "meter",
    "km": "kilometer",
    "millimeter": "millimeter",
    "millimeters": "millimeter",
    "millimetre": "millimeter",
    "millimetres": "millimeter",
    "centimeter": "centimeter",
    "centimeters": "centimeter",
    "centimetre": "centimeter",
    "centimetres": "centimeter",
    "meter": "meter",
    "meters": "meter",
    "metre": "meter",
    "metres": "meter",
    "kilometer": "kilometer",
    "kilometers": "kilometer",
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "in": "inch",
    "inch": "inch",
    "inches": "inch",
    '"': "inch",
    "ft": "foot",
    "foot": "foot",
    "feet": "foot",
    "yd": "yard",
    "yard": "yard",
    "yards": "yard",
    "mi": "mile",
    "mile": "mile",
    "miles": "mile",
    # mass
    "mg": "milligram",
    "g": "gram",
    "kg": "kilogram",
    "gram": "gram",
    "grams": "gram",
    "gramme": "gram",
    "grammes": "gram",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "milligram": "milligram",
    "milligrams": "milligram",
    "microgram": "microgram",
    "micrograms": "microgram",
    "microgramme": "microgram",
    "microgrammes": "microgram",
    "t": "metric_ton",
    "ton": "ton",
    "tons": "ton",
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "metric ton": "metric_ton",
    "metric tons": "metric_ton",
    "lb": "pound",
    "lbs": "pound",
    "pound": "pound",
    "pounds": "pound",
    "oz": "ounce",
    "ounce": "ounce",
    "ounces": "ounce",
    # volume
    "ml": "milliliter",
    "milliliter": "milliliter",
    "milliliters": "milliliter",
    "millilitre": "milliliter",
    "millilitres": "milliliter",
    "l": "liter",
    "liter": "liter",
    "liters": "liter",
    "litre": "liter",
    "litres": "liter",
    "gallon": "gallon",
    "gallons": "gallon",
    "barrel": "oil_barrel",
    "barrels": "oil_barrel",
    "cubic feet": "cubic_foot",
    "cubic foot": "cubic_foot",
    "cubic meters": "cubic_meter",
    "cubic meter": "cubic_meter",
    "cubic metres": "cubic_meter",
    # area
    "square meters": "square_meter",
    "square meter": "square_meter",
    "square metres": "square_meter",
    "square feet": "square_foot",
    "square foot": "square_foot",
    "sq ft": "square_foot",
    "sqft": "square_foot",
    "square miles": "square_mile",
    "square kilometers": "square_kilometer",
    "square kilometres": "square_kilometer",
    "m2": "square_meter",
    "km2": "square_kilometer",
    "acre": "acre",
    "acres": "acre",
    "hectare": "hectare",
    "hectares": "hectare",
    "ha": "hectare",
    # data and rates
    "bit": "bit",
    "bits": "bit",
    "kb": "kilobyte",
    "mb": "megabyte",
    "gb": "gigabyte",
    "tb": "terabyte",
    "pb": "petabyte",
    "kilobytes": "kilobyte",
    "megabytes": "megabyte",
    "gigabytes": "gigabyte",
    "terabytes": "terabyte",
    "petabytes": "petabyte",
    "mbps": "megabit / second",
    "gbps": "gigabit / second",
    "kbps": "kilobit / second",
    "mph": "mile / hour",
    "km/h": "kilometer / hour",
    "kph": "kilometer / hour",
    "kmph": "kilometer / hour",
    "mcg": "microgram",
    "μg": "microgram",
    "µg": "microgram",
    # energy and power
    "kwh": "kilowatt_hour",
    "mwh": "megawatt_hour",
    "gwh": "gigawatt_hour",
    "w": "watt",
    "kw": "kilowatt",
    "mw": "megawatt",
    "gw": "gigawatt",
    "watt": "watt",
    "watts": "watt",
    "megawatts": "megawatt",
    "gigawatts": "gigawatt",
    "°c": "degree_Celsius",
    "°f": "degree_Fahrenheit",
    "degrees celsius": "degree_Celsius",
    "degrees fahrenheit": "degree_Fahrenheit",
    "ghz": "gigahertz",
    "mhz": "megahertz",
    "hz": "hertz",
}
# Units whose letters clash with scale words or English words: read case-sensitively.
_UNIT_CASED = {
    "L": "liter",
    "MB": "megabyte",
    "GB": "gigabyte",
    "TB": "terabyte",
    "KB": "kilobyte",
    "kB": "kilobyte",
    "W": "watt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kW": "kilowatt",
}

_TIME_UNITS = {
    "nanosecond",
    "microsecond",
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
}

_MULTIPLIER_WORD = {
    "double": 2.0,
    "doubles": 2.0,
    "doubled": 2.0,
    "doubling": 2.0,
    "twice": 2.0,
    "triple": 3.0,
    "triples": 3.0,
    "tripled": 3.0,
    "tripling": 3.0,
    "treble": 3.0,
    "quadruple": 4.0,
    "quadruples": 4.0,
    "quadrupled": 4.0,
    "quadrupling": 4.0,
    "halve": 0.5,
    "halves": 0.5,
    "halved": 0.5,
    "halving": 0.5,
    "twofold": 2.0,
    "threefold": 3.0,
    "fourfold": 4.0,
    "fivefold": 5.0,
    "tenfold": 10.0,
}

# ---------------------------------------------------------------------------------------
# Patterns (all repetitions bounded)
# ---------------------------------------------------------------------------------------

#: A goal states a handful of numbers; past this many the text is not a goal and the rest
#: are not worth the time (this keeps junk such as "1 " * 25000 fast downstream too).
MAX_QUANTITIES = 200

# Each pattern is compiled when first used, then takes its stand-in's place in this module's
# globals (smartlint._lazyre): a cold check of a few goals uses a third of them.
_lazy = lazy_compiler(globals())
_URL = _lazy(URL_PATTERN, re.IGNORECASE)
# A number: "1,200", "2027", "4.5", ".5", "1e6". The pattern starts with a character class
# (the first digit or dot, the "not after a word or dot" test made just after it) so that
# the regex engine can skip to candidate characters instead of trying every position.
_DIGITS = _lazy(
    r"[\d.](?<![\w.][\d.])"
    r"(?:(?<=\d)(?:\d{0,2}(?:,\d{3}){1,6}(?![\d])|\d{0,19})(?:\.\d{1,12})?"
    r"(?:e[+-]?\d{1,3}(?!\w))?(?![\d])"
    r"|(?<=\.)\d{1,12}(?![\d]))",
)
# Things that look numeric but are not quantities; their spans block digit matches.
_NOT_QUANTITY = _lazy(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])(?:"
    r"(?<![\w.])\d{1,4}(?:\.\d{1,4}){2,6}(?![\w.])"  # versions, IPs: 1.2.3, 192.168.1.2
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?)?"  # clock times
    r"|(?<![\w.])\d{1,2}\s?[ap]\.?m\b\.?"  # 6pm
    r"|(?<![\w])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\w])"  # dates 9/30/2027, 2027-09-30
    r"|\b(?:19|20)\d{2}[-/]?(?:q|h)[1-4]\b"  # 2019-H2, 2017q1
    r"|\b(?:19|20)\d{2}[-/–]\d{2}(?![\d%.,])"  # 2027-28 (a school or fiscal year)
    r"|\b(?:24/7|24x7|365/24/7)\b"
    r"|\b\d{1,4}\s?(?:st|nd|rd|th)\b"  # ordinals
    r"|(?<![\w.])\d{1,2}(?:st|nd|rd|th)?[ \t]{0,2}(?:of[ \t]+)?" + MONTH_RE + r"\b)",
    re.IGNORECASE,
)
# Words that make the following number an id, an ordinal name or a date part.
_ID_BEFORE = _lazy(
    r"(?:#|\bno\.|\bnos\.|\b(?:v|ver|version|versions|python|java|ios|android|windows|"
    r"macos|phase|phases|stage|stages|step|steps|sprint|sprints|wave|tier|tiers|level|levels|"
    r"series|gen|generation|release|chapter|section|article|rfc|iso|room|exit|route|highway|"
    r"week|weeks|day|days|q|h|fy|cy|w|iteration|milestone|pi|epic|story|ticket|issue|pr|"
    r"bug|id|item|page|rank|ranked|number|line|grade|class|category|cohort|batch|p|sev|"
    r"priority|covid|web|industry|top-|figure|fig\.|table|appendix|part|volume|vol\.|unit|"
    r"building|floor|suite|lane|model|type|ipv|http|spec|standard|es|ecmascript|"
    r"jira|sla|okr|kr|o|objective|goal|year|years|fiscal|calendar|since|circa|soc|pci|hipaa|"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?))[ \t]?$",
    re.IGNORECASE,
)
# JIRA-123, scp-173
_ALNUM_BEFORE = _lazy(r"[A-Za-z][\w]{0,20}-$")

_CURRENCY_BEFORE = _lazy(
    r"(?:(?<![A-Za-z])(?P<code>US\$|USD|EUR|GBP|JPY|CNY|RMB|INR|CAD|AUD|CHF|SGD|HKD|KRW|SEK|NOK|"
    r"DKK|MXN|BRL|ZAR|Rs\.?|[CA]\$|C[ \t]\$|CA\$|AU\$|HK\$|S\$|NZ\$|R\$)|(?P<sym>[$€£¥₹₩₡₭₽₺₦₱₪฿]))"
    r"[ \t]?$",
    re.IGNORECASE,
)
_SIGN_BEFORE = _lazy(
    r"(?:(?<![\w\d.])(?P<dash>[-−–])|\b(?P<word>minus|negative)[ \t]{1,2})$",
    re.IGNORECASE,
)

# Comparator phrases before a number, looked up by their last one to three words (a dict
# lookup: an end-anchored regex search cost ~20 µs per number).
_COMPARATOR_PHRASES = {
    "no less than": ">=",
    "not less than": ">=",
    "no fewer than": ">=",
    "no lower than": ">=",
    "a minimum of": ">=",
    "no more than": "<=",
    "not more than": "<=",
    "no greater than": "<=",
    "no higher than": "<=",
    "a maximum of": "<=",
    "not to exceed": "<=",
    "in excess of": ">",
    "at least": ">=",
    "minimum of": ">=",
    "upwards of": ">=",
    "at most": "<=",
    "up to": "<=",
    "maximum of": "<=",
    "not exceed": "<=",
    "not exceeding": "<=",
    "capped at": "<=",
    "more than": ">",
    "greater than": ">",
    "higher than": ">",
    "larger than": ">",
    "better than": ">",
    "north of": ">",
    "less than": "<",
    "fewer than": "<",
    "lower than": "<",
    "smaller than": "<",
    "shorter than": "<",
    "south of": "<",
    "minimum": ">=",
    "min": ">=",
    "min.": ">=",
    "maximum": "<=",
    "max": "<=",
    "max.": "<=",
    "over": ">",
    "above": ">",
    "exceed": ">",
    "exceeds": ">",
    "exceeding": ">",
    "beyond": ">",
    "under": "<",
    "below": "<",
    "sub": "<",
    "within": "<",
    "exactly": "=",
    "precisely": "=",
}
_COMPARATOR_SYMBOLS = (
    ("≥", ">="),
    (">=", ">="),
    ("⩾", ">="),
    ("≤", "<="),
    ("<=", "<="),
    ("⩽", "<="),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
)
_COMPARATOR_AFTER = _lazy(
    r"[ \t]+or[ \t]+(?:(?P<ge>more|higher|above|greater|better|over)|(?P<le>less|fewer|lower|"
    r"below|under))\b",
    re.IGNORECASE,
)

_SCALE_AFTER = _lazy(
    r"(?:[ \t]{0,2}(?P<word>thousands?|millions?|billions?|trillions?|lakhs?|crores?|hundreds?|"
    r"dozens?)\b|[ \t]?(?P<abbr>k|K|mn|mln|MM|M|bn|B|b|tn|m|G|mil)(?![A-Za-z0-9]))",
)
_PERCENT_AFTER = _lazy(
    r"[ \t]{0,2}(?:(?P<pp>%[ \t]{0,2}points?\b|percentage[ \t]+points?\b|percent(?:age)?[ \t]+"
    r"points?\b|pp\b|p\.p\.|ppts?\b|pct[ \t]+pts?\b)|(?P<bps>bps\b|basis[ \t]+points?\b)|"
    r"(?P<pct>%|percent(?:s|age)?\b|per[ \t]?cent\b|pct\b))",
    re.IGNORECASE,
)
_MULT_AFTER = _lazy(
    r"(?:[ \t]?(?:x|X|×)(?![\w])|-?fold\b|[ \t]{1,2}times(?![ \t]+(?:a|an|"
    r"per|each|every)\b)(?=[ \t]+(?:more|higher|larger|bigger|faster|the|"
    r"over|as|growth)\b|[ \t]*[.,;)]|[ \t]*$))",
)
_PLUS_AFTER = _lazy(r"\+(?![\w+])")
_UNIT_AFTER = _lazy(
    r"(?P<sep>[ \t]{0,2}-?|[ \t]{0,2}\(|[ \t]{0,2}\{)(?P<unit>degrees[ \t]+(?:celsius|fahrenheit)|"
    r"(?:square|cubic)[ \t]+(?:meters?|metres?|feet|foot|miles|kilometers|kilometres)|sq[ \t]ft|"
    r"metric[ \t]+tons?|pounds?[ \t]+sterling|us[ \t]+dollars?|chinese[ \t]+yuan|km/h|°[cf]|"
    r"[a-zµ°\"¢$€£₡₭元]{1,12}[0-9]?)(?P<close>\)|\})?(?![\w])",
    re.IGNORECASE,
)
_NEXT_WORDS = _lazy(
    r"[ \t]{1,2}([A-Za-z][\w'&/-]{0,30})(?:[ \t]{1,2}([A-Za-z][\w'&/-]{0,30}))?"
    r"(?:[ \t]{1,2}([A-Za-z][\w'&/-]{0,30}))?",
)
# The first word of _NEXT_WORDS alone (its group 1 is the same: the words after it are
# optional, so they never make it give back a character).
_NEXT_WORD = _lazy(_NEXT_WORDS.pattern.split("(?:")[0])
_NOUN_STOP = FUNCTION_WORDS | frozenset(
    [
        "been",
        "her",
        "his",
        "new",
        "onto",
        "percent",
        "point",
        "points",
        "prior",  # "3 deals prior to the Series B"
        "times",
        "x",
    ]
)
# Words that follow a 4-digit year in time language, or a number in a range.
_YEAR_FOLLOWERS = frozenset(
    [
        "and",
        "or",
        "to",
        "through",
        "vs",
        "versus",
        "levels",
        "level",
        "baseline",
        "budget",
        "plan",
        "plans",
        "goals",
        "goal",
        "targets",
        "target",
        "roadmap",
        "results",
        "result",
        "figures",
        "numbers",
        "season",
        "cohort",
        "conference",
        "summit",
        "event",
        "edition",
        "report",
        "review",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "onwards",
        "onward",
    ]
)
_YEAR_PREPS = _lazy(
    r"\b(?:in|by|since|during|until|till|before|after|from|through|vs\.?|versus|than|of|for|"
    r"to|end|mid|early|late|fy|cy|fiscal|calendar|year|between|and|within|across|throughout|"
    r"with|the|our|its|this|pre|post|circa|around|compared|beyond|spring|summer|fall|autumn|"
    r"winter|q[1-4]|h[12])[ \t,-]{1,3}$",
    re.IGNORECASE,
)
_FRACTION_AFTER = _lazy(r"/(\d{1,3})(?![\d/])")
_MIXED_FRACTION_AFTER = _lazy(r"[ \t]{1,2}(\d{1,2})/(\d{1,2})(?![\d/])")
_DATE_PREP_BEFORE = _lazy(
    r"\b(?:by|on|before|after|until|till|from|since|between|due)[ \t]{1,2}$",
    re.IGNORECASE,
)
_MULTIPLIER_WORDS = _lazy(
    r"\b(?:double[sd]?|doubling|twice|triple[sd]?|tripling|treble|quadruple[sd]?|quadrupling|"
    r"halve[sd]?|halving|twofold|threefold|fourfold|fivefold|tenfold)\b(?![-](?:digit|click|"
    r"check|edged|decker|blind|down|spaced|sided))(?![ \t]+down\b)",  # "double down on": a wish
    re.IGNORECASE,
)
_MAJORITY = _lazy(
    r"\b(?:(?:a|the)[ \t]+)?(?:simple[ \t]+|vast[ \t]+|clear[ \t]+)?majority[ \t]+of\b",
    re.IGNORECASE,
)
_ONE_BEFORE_STOP = _lazy(
    r"\b(?:the|this|that|which|each|every|any|no|some|someone|anyone|another|one|a|only|"
    r"no-)[ \t]{1,2}$",
    re.IGNORECASE,
)
_ONE_AFTER_STOP = frozenset(
    [
        "you",
        "i",
        "we",
        "they",
        "he",
        "she",
        "it",
        "is",
        "was",
        "are",
        "were",
        "do",
        "does",
        "did",
        "may",
        "might",
        "can",
        "could",
        "will",
        "would",
        "should",
        "must",
        "of",
        "or",
        "and",
        "another",
        "by",
        "day",
    ]
)


_ID_LAST = frozenset(re.findall(r"[a-z]+", _ID_BEFORE.pattern.split("(?:jan")[0]))
_VERSION_AFTER = _lazy(
    r"[ \t]+(?:release|version|build|update|patch|upgrade|launch)\b",
    re.IGNORECASE,
)
_OUT_OF = _lazy(r"[ \t]+out[ \t]+of[ \t]+", re.IGNORECASE)
_SUFFIX_START = frozenset('%"°$€£¥¢-({×₡₭元µ')
_MONTH_PREFIX = frozenset(
    ["may", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)
_SYMBOLS = frozenset("$€£¥₹₩₡₭₽₺₦₱₪฿")
_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "RMB",
        "INR",
        "CAD",
        "AUD",
        "CHF",
        "SGD",
        "HKD",
        "KRW",
        "SEK",
        "NOK",
        "DKK",
        "MXN",
        "BRL",
        "ZAR",
    ]
)


def _comparator(before: str, last: str | None = None) -> str | None:
    """The comparator set by the words just before a number ("at least" → ">=").

    `last`, when the caller has it, is the last word of `before` in lower case."""
    if last is None:
        parts = before.rsplit(None, 1)
        last = parts[-1].lower() if parts else ""
    if last[-1:] in _COMPARATOR_SYMBOL_LAST:  # lower() never makes nor unmakes these
        stripped = before.rstrip()
        for symbol, comparator in _COMPARATOR_SYMBOLS:
            if stripped.endswith(symbol):
                return comparator
    # Phrases are looked up by their last word: most numbers follow none of those words.
    endings = _COMPARATOR_ENDINGS.get(last)
    if endings is None:
        return None
    if len(endings[0][0]) == 1:  # the longest phrase is the word alone: the only one
        return endings[0][1]
    # gate: a longer phrase needs its word before `last` there ("up" for "to"; most "to"
    # follow none): else only the word alone can match (~0.3 µs less a number after "to")
    previous = before.rsplit(None, 2)
    if len(previous) < 2 or previous[-2].lower() not in _COMPARATOR_PREVIOUS[last]:
        phrase, comparator = endings[-1]
        return comparator if len(phrase) == 1 else None
    words = before.lower().rsplit(None, 3)[-3:]  # the last three words
    for phrase, comparator in endings:  # longest phrase first
        if words[-len(phrase) :] == phrase:
            return comparator
    return None


# The currency written just before a number, by the last characters before it: all that
# _CURRENCY_BEFORE reads, searching from _CURRENCY_BACK before the end and looking one more
# character back. (ISO code, how many characters before the number it starts) or None.
# Tails recur ("to $", " USD ", "of €"): each is read once.
_CURRENCY_TAILS: dict[str, tuple[str, int] | None] = {}
_CURRENCY_TAILS_MAX = 8192


def _currency_before(tail: str) -> tuple[str, int] | None:
    found: tuple[str, int] | None = None
    stripped = tail.rstrip(" \t")
    # gate: the symbol or code the pattern needs, at the end of the text before the number
    if stripped and (
        stripped[-1] in _SYMBOLS
        or stripped[-3:].upper() in _CODES
        or stripped[-2:].lower() == "rs"
        or stripped[-3:].lower() == "rs."
    ):
        cur_m = (
            _CURRENCY_LOW.search(tail.lower(), len(tail) - _CURRENCY_BACK)
            if tail.isascii()  # (the twin matches as the original does on ASCII text)
            else _CURRENCY_BEFORE.search(tail, len(tail) - _CURRENCY_BACK)
        )
        if cur_m:
            token = (cur_m.group("code") or cur_m.group("sym")).lower().replace("\t", " ")
            currency = _CURRENCY_SYMBOL.get(token) or _CURRENCY_SYMBOL.get(token.replace(" ", ""))
            if currency:
                found = (currency, len(tail) - cur_m.start())
    if len(_CURRENCY_TAILS) >= _CURRENCY_TAILS_MAX:
        _CURRENCY_TAILS.clear()
    _CURRENCY_TAILS[tail] = found
    return found


def _is_bare_percent(norm: str, pos: int) -> bool:
    """Whether _PERCENT_AFTER matches at `pos` just the "%" there, as "pct": a "%" with no
    "p" after it past at most two blanks ("%  points" is a "pp"; no other alternative
    starts with "%", and no non-ASCII character matches "p" case-insensitively)."""
    return norm[pos : pos + 1] == "%" and norm[pos + 1 : pos + 4].lstrip(" \t")[:1] not in (
        "p",
        "P",
    )


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class _Builder:
    """Holds the text and the output list while one goal is scanned."""

    __slots__ = ("blocked", "low", "norm", "out", "slash", "taken", "text")

    def __init__(self, text: str, norm: str, low: str | None = None) -> None:
        self.text = text
        self.norm = norm
        self.low = low  # norm in lower case when norm is ASCII (for the _ascii_twin patterns)
        self.slash = "/" in norm  # (every fraction has one: most goals have none)
        self.out: list[Quantity] = []
        self.taken: list[tuple[int, int]] = []
        blocked: list[tuple[int, int]] = []
        if may_hold_url(text, low if low is not None else text.lower()):
            blocked = _merge_spans(sorted(m.span() for m in _URL.finditer(self.norm)))
        self.blocked = blocked

    @staticmethod
    def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
        """Whether [start, end) overlaps one of `spans` (sorted, disjoint): O(log n)."""
        i = bisect.bisect_left(spans, (end, -1)) - 1
        return i >= 0 and spans[i][1] > start

    def add(
        self,
        start: int,
        end: int,
        value: float | None,
        kind: QuantityKind,
        unit: str | None = None,
        noun: str | None = None,
        comparator: str | None = None,
    ) -> None:
        bisect.insort(self.taken, (start, end))
        self.out.append(
            Quantity(start, end, self.text[start:end], value, kind, unit, noun, comparator)
        )


# The noun read from a _NEXT_WORDS match, by the matched text (its words are a function of
# it: no blank inside a word). Phrases recur ("customers by", "accounts over the").
_NOUNS: dict[str, str | None] = {}
_NOUNS_MAX = 8192


def _noun_after(norm: str, pos: int) -> str | None:
    if norm[pos : pos + 1] not in (" ", "\t"):  # gate: _NEXT_WORDS starts with a blank
        return None
    m = _NEXT_WORDS.match(norm, pos)
    if not m:
        return None
    phrase = m.group()
    try:
        return _NOUNS[phrase]
    except KeyError:
        pass
    noun = _noun_of(m)
    if len(_NOUNS) >= _NOUNS_MAX:
        _NOUNS.clear()
    _NOUNS[phrase] = noun
    return noun


def _noun_of(m: re.Match[str]) -> str | None:
    first = m.group(1)
    low = first.lower()
    if (low in _NOUN_STOP and low != "new") or low.endswith("ly"):
        return None  # "grow 3 quickly": an adverb, no noun; "5 by": no noun
    words = [first]
    for word in m.group(2, 3):
        if word is None or word.lower() in _NOUN_STOP:
            break
        words.append(word)
    return " ".join(words)


def _is_year(
    b: _Builder, start: int, end: int, value: float, last: str = "", may_prep: int = 1
) -> bool:
    """A bare 4-digit number that reads as a year in its context. `last`: the word before
    it in lower case, if known; `may_prep`: false when that word shows that no _YEAR_PREPS
    word precedes the number (see _MAY_YEAR_PREP)."""
    if not (end - start == 4 and 1900 <= value <= 2099):
        return False
    norm = b.norm
    # gate: _NEXT_WORDS starts with a blank
    nxt = _NEXT_WORD.match(norm, end) if norm[end : end + 1] in (" ", "\t") else None
    next_word = nxt.group(1).lower() if nxt else None
    if next_word is None:
        tail = norm[end : end + 3]
        # "2000+" or "2000 -" style thresholds and ranges of counts are handled by the caller.
        return not tail.startswith("+")
    if next_word in _YEAR_FOLLOWERS or next_word.startswith(("q1", "q2", "q3", "q4")):
        return True
    if may_prep and _year_prep_before(norm, b.low, start, last):
        # "by 2027 we ..." vs "to 2000 users": a plural-looking noun after means a count.
        return not (next_word.endswith("s") and next_word not in ("is", "was", "has", "as"))
    return False


# Month names and abbreviations, which _ID_BEFORE matches ("June 30" is a date, not 30).
_MONTH_WORDS = frozenset(MONTHS)


def _month_before(low: str, start: int, last: str) -> bool:
    """Whether the word before low[start] is a month name, whole, then one space: then
    _ID_BEFORE matches there (~90 % of its searches, ~1 µs each). `low`: the text in lower
    case (ASCII); `last`: the word before, in lower case (a whole token: see _last_word)."""
    return (
        last in _MONTH_WORDS
        and low[start - 1 : start] == " "
        and low[start - 1 - len(last) : start - 1] == last
    )


def _year_prep_before(norm: str, low: str | None, start: int, last: str) -> bool:
    """Whether _YEAR_PREPS finds a time word ("in", "by", "vs.") just before norm[start].
    `low` is norm in lower case if it is ASCII; `last` the word before, in lower case."""
    if (
        low is not None
        and last in _YEAR_PREP_WORDS
        and low[start - 1 : start] == " "
        and low[start - 1 - len(last) : start - 1] == last
    ):
        # shortcut: that word, whole (it is a whole token: see _last_word), then one space:
        # what the pattern matches (~60 % of the searches, ~1 µs each)
        return True
    before = norm[start - 14 : start] if start > 14 else norm[:start]
    return bool(
        _YEAR_PREPS_LOW.search(before.lower()) if before.isascii() else _YEAR_PREPS.search(before)
    )


def _ascii_twin(pattern: re.Pattern[str], lower: str | None = None) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive pattern written in lower case, for ASCII
    text put in lower case (see `ascii_twin_source`; _ID_BEFORE 9 → 2.4 µs a search),
    compiled when first used, then in the place of the stand-in in this module's globals."""
    return _lazy(*ascii_twin_source(pattern, lower))


_ID_BEFORE_LOW = _ascii_twin(_ID_BEFORE)
_NOT_QUANTITY_LOW = _ascii_twin(_NOT_QUANTITY, _NOT_QUANTITY.pattern.replace("A-Za-z0-9", "a-z0-9"))
_YEAR_PREPS_LOW = _ascii_twin(_YEAR_PREPS)
# (~0.3 µs a match less than the case-blind originals, measured)
_CURRENCY_LOW = _ascii_twin(
    _CURRENCY_BEFORE,
    _CURRENCY_BEFORE.pattern.lower().replace("(?p<", "(?P<").replace("a-za-z", "a-z"),
)
_PERCENT_LOW = _ascii_twin(_PERCENT_AFTER)

# Gates in front of the per-number regexes and checks. Each gate is a necessary condition
# for what it guards (a regex match, a branch), so skipping when the gate fails cannot
# change a result. Measured on the benchmark's 2,000 goals, where the time is ~1.5 numbers
# per goal times ~60 small steps each, so every step left out counts.
#
# _NOT_QUANTITY needs, right after the leading digits of the number (or after one space),
# a separator, "x" of 24x7, q/h of "2027q1", more white space, or two letters that start
# am/pm, st/nd/rd/th, "of" or a month (any case). Non-ASCII text always goes to the regex
# (its case-insensitive matching lets "ſ" stand for "s"). Skips ~85% of the matches.
_NQ_FOLLOW_CHAR = frozenset(".:/-xqhXQH \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
_NQ_AFTER_NUMBER = frozenset("./-")  # (see _digits)
_NQ_FOLLOW_PAIR = frozenset(
    pair
    for low in (
        *["am", "a.", "pm", "p.", "st", "nd", "rd", "th", "of"],
        *["ja", "fe", "ma", "ap", "ju", "au", "se", "oc", "no", "de"],
    )
    for pair in {low, low.upper(), low[0].upper() + low[1], low[0] + low[1].upper()}
)
# The first two characters (after at most two blanks) that each suffix pattern can start
# with; a single character where the second one does not matter.
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# _SCALE_AFTER (case-sensitive): a scale word, or an abbreviation not followed by a letter
# or digit ("5k", "$2M", "3 bn").
_SCALE_PAIRS = frozenset(
    ["th", "mi", "bi", "tr", "la", "cr", "hu", "do", "mn", "ml", "MM", "bn", "tn"]
)
_SCALE_ALONE = frozenset("kKMBbmG")
# _PERCENT_AFTER (case-insensitive): "%", percent/pct/pp/p.p./ppt, per cent, bps, basis (no
# non-ASCII character matches any of p, e, c, b, a, "." case-insensitively).
_PERCENT_PAIRS = frozenset(
    pair
    for low in ["pe", "pc", "pp", "p.", "bp", "ba"]
    for pair in {low, low.upper(), low[0].upper() + low[1], low[0] + low[1].upper()}
)
# _MULT_AFTER (case-sensitive): x, X, × (no word character after), fold, -fold, times.
_MULT_PAIRS = frozenset(["fo", "-f", "ti"])
_MULT_ALONE = frozenset("xX×")
_DOLLAR_FIRST = frozenset("dDuU-({")
# How far back from the end of the 30-character window an end-anchored pattern can start
# its match: its longest match (fixed by the pattern, checked in the tests) plus one for
# "$" matching before a final newline. Searching from there instead of from the start of
# the window gives the same match and skips trying every earlier position.
_ID_BACK = 12  # _ID_BEFORE matches at most 11 characters
_ALNUM_BACK = 23  # _ALNUM_BEFORE at most 22
_CURRENCY_BACK = 5  # _CURRENCY_BEFORE at most 4
# Last character (lower case) of the word before a currency that _CURRENCY_BEFORE can match.
_CURRENCY_LAST = frozenset([*_SYMBOLS, *(code[-1].lower() for code in _CODES), "s", "."])
# The comparator phrases by their last word, each as its list of words, longest first.
_COMPARATOR_ENDINGS: dict[str, list[tuple[list[str], str]]] = {}
for _phrase, _cmp in sorted(_COMPARATOR_PHRASES.items(), key=lambda kv: -len(kv[0].split())):
    _COMPARATOR_ENDINGS.setdefault(_phrase.split()[-1], []).append((_phrase.split(), _cmp))
_COMPARATOR_SYMBOL_LAST = frozenset(symbol[-1] for symbol, _ in _COMPARATOR_SYMBOLS)
# For each of those last words: the words right before it in its longer phrases.
_COMPARATOR_PREVIOUS = {
    last: frozenset(phrase[-2] for phrase, _ in endings if len(phrase) > 1)
    for last, endings in _COMPARATOR_ENDINGS.items()
}

# What the word just before a number (`last`: its last whitespace-separated token, lower
# case) allows. A pure function of the word, kept for the words a corpus uses.
_MAY_ID = 1  # an id or date word: "#", "v", "phase", "June", "no." ...
_MAY_CURRENCY = 2  # a currency symbol or code: "$", "usd", "rs." ...
_MAY_SIGN = 4  # "-" (or a non-ASCII dash), "minus", "negative"
_MAY_COMPARATOR = 8  # the last word of a comparator phrase, or a symbol: "least", "than", ">"
_MAY_WINDOW = 16  # the word before a deadline window: "within", "next", "in", "over" ...
_MAY_YEAR_PREP = 32  # a word of _YEAR_PREPS ("in", "by", "vs.", "q3"), maybe with "," or "-"
# The words _YEAR_PREPS can end with (before its trailing blanks, commas and dashes).
_YEAR_PREP_LAST = (
    *["in", "by", "since", "during", "until", "till", "before", "after", "from", "through"],
    *["vs", "vs.", "versus", "than", "of", "for", "to", "end", "mid", "early", "late", "fy"],
    *["cy", "fiscal", "calendar", "year", "between", "and", "within", "across", "throughout"],
    *["with", "the", "our", "its", "this", "pre", "post", "circa", "around", "compared"],
    *["beyond", "spring", "summer", "fall", "autumn", "winter", "q1", "q2", "q3", "q4", "h1"],
    "h2",
)
_YEAR_PREP_WORDS = frozenset(_YEAR_PREP_LAST)
_LAST_FLAGS: dict[str, int] = {}


def _last_flags(last: str) -> int:
    char = last[-1:]
    non_ascii = char > "\x7f"  # lower() may have changed a non-ASCII character: let it pass
    flags = 0
    if last and (
        char in "#-"
        or last.rstrip(".") in _ID_LAST
        or last[:3] in _MONTH_PREFIX
        or last.startswith("no")
    ):
        flags |= _MAY_ID
    if char in _CURRENCY_LAST or non_ascii:
        flags |= _MAY_CURRENCY
    if char == "-" or last.endswith(("minus", "negative")) or not last.isascii():
        flags |= _MAY_SIGN
    if last in _COMPARATOR_ENDINGS or char in _COMPARATOR_SYMBOL_LAST:
        flags |= _MAY_COMPARATOR
    # _WINDOW_BEFORE is case-insensitive: "İ" matches "i", so non-ASCII words pass
    if last.endswith(_WINDOW_LAST) or not last.isascii():
        flags |= _MAY_WINDOW
    # _YEAR_PREPS ends with a word then 1-3 blanks, "," or "-": the last token is that
    # word with the commas and dashes, or only those (the word is further back)
    core = last.rstrip(",-")
    if not core or core.endswith(_YEAR_PREP_LAST) or not last.isascii():
        flags |= _MAY_YEAR_PREP
    if len(_LAST_FLAGS) < 8192:
        _LAST_FLAGS[last] = flags
    return flags


# The same keyed by the word as written: (lower-case word, flags).
_LAST_WORDS: dict[str, tuple[str, int]] = {}


def _last_word(parts: list[str]) -> tuple[str, int]:
    """(the word, lower case; its flags) for `parts`, a window's rsplit(None, 1). The word
    is a whole token of the text, whitespace (or the text's start) before it, unless the
    30-character window cut it: it then fills the window up to the blanks before the
    number, 29 characters when one space precedes the number as the shortcuts require
    (_month_before, _year_prep_before, _window_word_before): longer than their words."""
    last = parts[-1].lower() if parts else ""
    flags = _LAST_FLAGS.get(last)
    if flags is None:
        flags = _last_flags(last)
    if len(_LAST_WORDS) < 8192:
        _LAST_WORDS[parts[-1] if parts else ""] = (last, flags)
    return last, flags


# A _DIGITS match: (start, end, whether _NOT_QUANTITY may match at it, its value or None if
# float() cannot read it). The value is a pure function of the digits, and the check is
# one of the characters right after them: both are kept with the piece the number was
# found in (see _PIECE_FACTS), so a number seen before is neither parsed nor gated again.
# The check is None when it needs what follows the piece (a run of digits at its end).
_Digits = tuple[int, int, "bool | None", "float | None"]


def _digits(text: str, piece: bool = False) -> Iterator[_Digits]:
    """The numbers in `text` (the whole text, or one `piece` between its spaces)."""
    # (a generator: on a long junk text the scan stops at MAX_QUANTITIES, and so does this)
    size = len(text)
    for m in _DIGITS.finditer(text):
        raw = m.group()
        try:
            value: float | None = float(raw.replace(",", "") if "," in raw else raw)
        except ValueError:
            value = None
        end = m.end()
        check: bool | None
        if not raw.isdigit():
            # a decimal point, comma or exponent follows the leading digits, and no
            # _NOT_QUANTITY alternative goes on past them unless "." "/" or "-" ends the
            # number ("1.2.3", "1.5/2": the next version or date part). Skips ~25 % of the
            # pattern's tries. (At the end of a piece a space follows: no match either.)
            check = text[end : end + 1] in _NQ_AFTER_NUMBER
        elif piece and end == size:
            check = None  # the space after the piece decides: see _scan_digits
        else:
            # _NOT_QUANTITY needs, right after the digits (or after one space), a
            # separator or the first letters of an am/pm, ordinal, "of" or a month
            follow = text[end : end + 2]
            if follow[:1] == " ":
                follow = text[end + 1 : end + 3]
            check = (
                follow in _NQ_FOLLOW_PAIR or follow[:1] in _NQ_FOLLOW_CHAR or not follow.isascii()
            )
        yield m.start(), end, check, value


def _scan_digits(b: _Builder, numbers: Iterable[_Digits]) -> None:
    """Read the numbers found by _DIGITS in the text (`numbers`, see _digits), in order."""
    norm = b.norm
    low = b.low
    out = b.out
    blocked = b.blocked
    taken = b.taken
    overlaps = _Builder.overlaps
    skip_until = 0
    if len(out) >= MAX_QUANTITIES:
        return
    for start, end, check, value in numbers:
        if start < skip_until:
            continue
        if check is None:  # digits at the end of their piece: the gate of _digits, here
            follow = norm[end : end + 2]
            if follow[:1] == " ":
                follow = norm[end + 1 : end + 3]
            check = (
                follow in _NQ_FOLLOW_PAIR or follow[:1] in _NQ_FOLLOW_CHAR or not follow.isascii()
            )
        if check:
            nq = (
                _NOT_QUANTITY.match(norm, start)
                if low is None
                else _NOT_QUANTITY_LOW.match(low, start)
            )
            if nq is not None:
                skip_until = nq.end()  # a version, clock time, date or ordinal
                continue
        if blocked and overlaps(start, end, blocked):
            continue
        # Numbers are added left to right, each span starting before the next number: only
        # the last span can reach this one (what overlaps() would find by bisection).
        if taken and taken[-1][1] > start:
            continue
        if value is None:
            continue
        window = norm[start - 30 : start] if start > 30 else norm[:start]
        parts = window.rsplit(None, 1)
        # the word before, in lower case, and what it allows (see _last_flags)
        last, flags = _LAST_WORDS.get(parts[-1] if parts else "") or _last_word(parts)
        if (
            flags & _MAY_ID
            and window[-2:].strip()
            and not window.rstrip().endswith("may")  # "we may 5x revenue": the verb
            and (
                (
                    # on ASCII text, in its lower-case copy up to the number: "$" matches at
                    # `endpos` as at the end of `window`, and the one character the search
                    # looks back at is the same
                    _month_before(low, start, last)
                    or _ID_BEFORE_LOW.search(low, start - _ID_BACK, start)
                    if low is not None
                    else _ID_BEFORE_LOW.search(window.lower(), len(window) - _ID_BACK)
                    if window.isascii()
                    else _ID_BEFORE.search(window, len(window) - _ID_BACK)
                )
                or _ALNUM_BEFORE.search(window, len(window) - _ALNUM_BACK)
            )
        ):
            continue
        # Letters glued to the number on the right that are not a known affix: an id ("A1B2").
        _parse_affixes(b, start, end, value, window, False, last, flags)
        if len(out) >= MAX_QUANTITIES:  # only _parse_affixes adds: checked after it
            break


def _parse_affixes(
    b: _Builder,
    start: int,
    end: int,
    value: float,
    window: str,
    from_words: bool = False,
    last: str | None = None,
    flags: int | None = None,
) -> None:
    """Read the affixes around the number norm[start:end] and add it unless it is no
    quantity. `window` is the text just before it; `last` and `flags` (computed when not
    given) its last word in lower case and what that word allows."""
    norm = b.norm
    low_text = b.low  # norm in lower case when it is ASCII (for the _ascii_twin patterns)
    if last is None:
        parts = window.rsplit(None, 1)
        last = parts[-1].lower() if parts else ""
    if flags is None:
        flags = _LAST_FLAGS.get(last)
        if flags is None:
            flags = _last_flags(last)
    kind = _KIND_NUMBER
    unit: str | None = None
    q_start, q_end = start, end
    plain = True  # no affix at all

    # Fractions: "1/4", "10 1/2" (both have their "/" within the next five characters).
    if (
        b.slash
        and not from_words
        and "/" in norm[end : end + 5]
        and norm[end : end + 1] in ("/", " ", "\t")
    ):
        fm = _FRACTION_AFTER.match(norm, end)
        if fm:
            den = float(fm.group(1))
            if den == 0 or _DATE_PREP_BEFORE.search(window) or value >= den:
                return  # a date like 7/2, a ratio or nonsense: not a quantity we can read
            value = value / den
            q_end = fm.end()
            plain = False
        else:
            mf = _MIXED_FRACTION_AFTER.match(norm, end)
            if mf and float(mf.group(2)) and float(mf.group(1)) < float(mf.group(2)):
                value += float(mf.group(1)) / float(mf.group(2))
                q_end = mf.end()
                plain = False

    # Currency before.
    currency: str | None = None
    before_end = len(window)
    if flags & _MAY_CURRENCY:
        key = window[-_CURRENCY_BACK - 1 :]
        try:
            found = _CURRENCY_TAILS[key]
        except KeyError:
            found = _currency_before(key)
        if found is not None:
            currency, back = found
            q_start = start - back
            before_end -= back

    # Most numbers are followed by a space and a plain word or by punctuation: test the next
    # character before trying the suffix patterns (each a regex match).
    # (the next character: the first one at q_end after at most two blanks)
    head = norm[q_end : q_end + 4]
    rest = head.lstrip(" \t")
    nxt_char = rest[:1] if len(head) - len(rest) < 3 else ""
    if nxt_char and (nxt_char.isalpha() or nxt_char in _SUFFIX_START):
        # the first two characters at q_end after at most two blanks, for the gates below
        pair = rest[:2]
        # Scale word.
        sm = (
            _SCALE_AFTER.match(norm, q_end)
            if pair in _SCALE_PAIRS or (nxt_char in _SCALE_ALONE and pair[1:2] not in _ASCII_ALNUM)
            else None
        )
        if sm:
            token = sm.group("word") or sm.group("abbr")
            scale = _SCALE.get(token) or _SCALE.get(token.lower())
            lower_m = token == "m"
            if token in ("m", "g", "G", "t") and currency is None:
                # Without money "5m" is 5 metres, "10G" a number, "5t" a tonne; leave to
                # units unless a noun follows ("10m users").
                nxt = _NEXT_WORDS.match(norm, sm.end())
                word = nxt.group(1).lower() if nxt else ""
                if token == "G" and not word:
                    scale = 1e9
                elif (
                    not lower_m
                    or not word
                    or word in _NOUN_STOP
                    or word
                    in ("isn't", "long", "wide", "high", "tall", "deep", "away", "run", "race")
                ):
                    scale = None
            if scale:
                value *= scale
                q_end = sm.end()
                plain = False
                # (past three blanks no suffix pattern matches, whatever this pair is)
                pair = norm[q_end : q_end + 4].lstrip(" \t")[:2]

        # Percent / percentage points / basis points: the alternative of _PERCENT_AFTER that
        # matches ("pp", "bps" or "pct") and where it ends.
        matched: str | None = None
        if pair[:1] == "%" and _is_bare_percent(norm, q_end):
            matched, percent_end = "pct", q_end + 1  # (~60 % of the tries: no match needed)
        elif pair[:1] == "%" or pair in _PERCENT_PAIRS:
            pm = (
                _PERCENT_AFTER.match(norm, q_end)
                if low_text is None
                else _PERCENT_LOW.match(low_text, q_end)
            )
            if pm:
                matched, percent_end = pm.lastgroup, pm.end()
        if matched is not None and currency is None:
            if matched == "pp":
                kind, unit = _KIND_PERCENT, "percentage_point"
            elif matched == "bps":
                kind, unit = _KIND_PERCENT, "percentage_point"
                value /= 100.0
            else:
                kind, unit = _KIND_PERCENT, "percent"
            q_end = percent_end
            plain = False
        elif currency is None:
            mm = (
                _MULT_AFTER.match(norm, q_end)
                if pair in _MULT_PAIRS or pair[:1] in _MULT_ALONE
                else None
            )
            if mm:
                kind = _KIND_MULTIPLIER
                q_end = mm.end()
                plain = False
            else:
                # what _UNIT_AFTER would find (sep, unit token, close, end), or None
                unit_found: tuple[str, str, str | None, int] | None
                word = _unit_word(norm, q_end + 1) if norm[q_end : q_end + 1] == " " else None
                if word is None:
                    um = _UNIT_AFTER.match(norm, q_end)
                    unit_found = None
                    if um:
                        sep, token, close = um.group("sep", "unit", "close")
                        unit_found = (sep, token, close, um.end())
                else:
                    unit_found = (" ", word, None, q_end + 1 + len(word)) if word else None
                if unit_found:
                    sep, token, close, u_end = unit_found
                    if close or sep.strip() not in ("(", "{"):
                        low, cur, pint_unit = _UNIT_TOKENS.get(token) or _unit_token(token)
                        if norm[u_end : u_end + 1] == "-" and norm[u_end + 1 : u_end + 2].isdigit():
                            return  # "24703 L-202": an id
                        if cur is not None and not (low == "p" and sep):
                            kind, unit = _KIND_CURRENCY, cur[0]
                            value *= cur[1]
                            q_end = u_end
                            plain = False
                        elif pint_unit is not None and not _unit_is_word(low, sep, norm, u_end):
                            kind, unit = _KIND_UNIT, pint_unit
                            q_end = u_end
                            plain = False
                        elif sep == "" and token[:1].isalpha() and not from_words:
                            return  # letters glued to digits that are no unit we know: an id
    if currency is not None:
        kind, unit = _KIND_CURRENCY, currency
        plain = False
        # "$5 million dollars": swallow a redundant currency word.
        # gate: that word starts with d or u, after blanks and "-", "(" or "{"
        um = (
            _UNIT_AFTER.match(norm, q_end)
            if norm[q_end : q_end + 4].lstrip(" \t")[:1] in _DOLLAR_FIRST
            else None
        )
        if um and um.group("unit").lower() in ("dollars", "dollar", "usd"):
            q_end = um.end()

    # Thresholds written after the number (they win over a comparator before it).
    comparator: str | None = None
    if norm[q_end : q_end + 1] == "+" and _PLUS_AFTER.match(norm, q_end):
        q_end += 1
        comparator = ">="
        plain = False
    if nxt_char in ("o", "O"):
        ca = _COMPARATOR_AFTER.match(norm, q_end)
        if ca:
            comparator = ">=" if ca.group("ge") else "<="

    if (
        plain
        and not from_words
        and end - start == 4
        and 1900 <= abs(value) <= 2099
        and _is_year(b, start, end, abs(value), last, flags & _MAY_YEAR_PREP)
    ):
        return
    # The sign and the comparator before the number are read only now: a year (the most
    # common bare number) has returned above without paying for them.
    if before_end != len(window) or flags & _MAY_SIGN:
        head = window[:before_end]
        stripped_head = head.rstrip()
        if stripped_head[-1:] in ("-", "−", "–") or stripped_head.lower().endswith(
            ("minus", "negative")
        ):
            sign_m = _SIGN_BEFORE.search(head)
            if sign_m:
                value = -value
                q_start = start - (len(window) - sign_m.start())
                before_end = sign_m.start()
    taken = b.taken
    if taken:  # overlaps, inlined (one call per number)
        i = _bisect_left(taken, (q_end, -1)) - 1
        if i >= 0 and taken[i][1] > q_start:
            return
    if (
        kind is _KIND_UNIT
        and unit in _LONG_TIME_UNITS
        and (before_end != len(window) or flags & _MAY_WINDOW)
        and _is_time_bound(
            norm,
            q_start,
            q_end,
            window[:before_end],
            unit,
            value,
            last if before_end == len(window) else "",
        )
    ):
        return  # "within four months": a deadline window (a time frame), not a measure
    if plain and not from_words:
        if (
            "." in norm[start:end]
            and norm[q_end : q_end + 1] in (" ", "\t")  # gate: _VERSION_AFTER starts with blanks
            and _VERSION_AFTER.match(norm, q_end)
        ):
            return  # "the 4.0 release": a version name
        if norm[q_end : q_end + 1].isalpha():
            return  # letters glued to the digits that are no affix we know: an id ("24703m212")
    if comparator is None:
        if before_end != len(window):
            # the words before the currency or sign: gated by what their last word allows,
            # as the words before the number are (most are "by", "from": no comparator)
            before = window[:before_end]
            parts = before.rsplit(None, 1)
            raw_last = parts[-1] if parts else ""
            before_last, before_flags = _LAST_WORDS.get(raw_last) or _last_word(parts)
            if before_flags & _MAY_COMPARATOR:
                comparator = _comparator(before, before_last)
        elif flags & _MAY_COMPARATOR:
            comparator = _comparator(window, last)
    noun = _noun_after(norm, q_end) if kind is _KIND_NUMBER else None
    _insort(taken, (q_start, q_end))  # Builder.add, inlined
    b.out.append(
        Quantity(q_start, q_end, b.text[q_start:q_end], value, kind, unit, noun, comparator)
    )


# After a number and one space, most pieces of text are a plain word ("5 new customers",
# "3 weeks"): _UNIT_AFTER then matches the word as its unit token, a unit or not. What it
# finds depends on the piece alone (see _unit_word), so it is kept by piece and the match
# is skipped (~1 µs a number that reaches it).
_UNIT_WORDS: dict[str, str | None] = {}
_UNIT_WORDS_MAX = 8192
# The words that open the unit phrases of _UNIT_AFTER ("square meters", "us dollars").
_UNIT_PHRASE_FIRST = frozenset(
    ["degrees", "square", "cubic", "sq", "metric", "pound", "pounds", "us", "chinese", "km"]
)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_PLAIN_WORD_END = frozenset(",.;:!?")  # not a word character, "-", ")" nor a unit character


def _unit_word(norm: str, pos: int) -> str | None:
    """What _UNIT_AFTER finds when tried just before the space before norm[pos], where
    the piece after that space (up to the next one, or the end) is ASCII letters that
    start no unit phrase, then nothing or a plain punctuation mark: the space as its
    separator and the letters as its unit token, ending with them. Returned: the letters
    when they are a unit or currency word; "" when they are not (or are too long to be a
    token: then the match fails), nothing the number takes; None for another piece, which
    the pattern must read."""
    stop = norm.find(" ", pos)
    piece = norm[pos:stop] if stop >= 0 else norm[pos:]
    try:
        return _UNIT_WORDS[piece]
    except KeyError:
        pass
    n = 0
    while n < len(piece) and piece[n] in _ASCII_LETTERS:
        n += 1
    word = piece[:n]
    found: str | None = None
    if (
        n > 0
        and (n == len(piece) or piece[n] in _PLAIN_WORD_END)
        and word.lower() not in _UNIT_PHRASE_FIRST
    ):
        found = ""
        if n <= 12:  # (a longer run of letters is no token of _UNIT_AFTER)
            _, cur, pint_unit = _UNIT_TOKENS.get(word) or _unit_token(word)
            if cur is not None or pint_unit is not None:
                found = word
    if len(piece) <= 64:
        if len(_UNIT_WORDS) >= _UNIT_WORDS_MAX:
            _UNIT_WORDS.clear()
        _UNIT_WORDS[piece] = found
    return found


# Per unit-token facts (lower-case form, currency word, pint unit): a pure function of the
# token, kept for the few hundred tokens a corpus uses (saves ~8 operations per number).
_UNIT_TOKENS: dict[str, tuple[str, tuple[str, float] | None, str | None]] = {}


def _unit_token(token: str) -> tuple[str, tuple[str, float] | None, str | None]:
    low = " ".join(token.lower().split())
    cased = _UNIT_CASED.get(token)
    info = (
        low,
        _CURRENCY_WORD.get(low),
        cased or (_UNIT.get(low) if token not in ("M", "B", "G", "T", "K") else None),
    )
    if len(_UNIT_TOKENS) < 8192:
        _UNIT_TOKENS[token] = info
    return info


_KIND_NUMBER = QuantityKind.NUMBER
_KIND_PERCENT = QuantityKind.PERCENT
_KIND_CURRENCY = QuantityKind.CURRENCY
_KIND_UNIT = QuantityKind.UNIT
_KIND_MULTIPLIER = QuantityKind.MULTIPLIER


_RANGE_LINK = _lazy(r"^[ \t]{0,2}(?:-|–|—|to|through)[ \t]{0,2}$", re.IGNORECASE)


_START = attrgetter("start")


def _merge_out_of(b: _Builder, out: list[Quantity]) -> list[Quantity]:
    """Merge "4.2 out of 5" into one quantity (`out` sorted by start)."""
    merged: list[Quantity] = []
    for q in out:
        prev = merged[-1] if merged else None
        if prev is not None and _OUT_OF.fullmatch(b.norm, prev.end, q.start):
            # "4.2 out of 5 or higher": one score on a scale; the threshold is the score's
            merged[-1] = Quantity(
                prev.start,
                q.end,
                b.text[prev.start : q.end],
                prev.value,
                prev.kind,
                prev.unit,
                None,
                q.comparator or prev.comparator,
            )
            continue
        merged.append(q)
    return merged


def _fix_ranges(b: _Builder, ordered: bool = False) -> None:
    """Give the low end of a range the unit of its high end ("10-15%", "$2-3M").

    `ordered`: b.out is known to be in order already (the digit scan adds its quantities
    left to right, none overlapping the one before)."""
    out = b.out if ordered else sorted(b.out, key=_START)
    # gate: _OUT_OF needs the letters "out" (no non-ASCII letter matches o, u or t
    # case-insensitively), which most goals with several numbers do not have
    if "out" in (b.norm.lower() if b.low is None else b.low):
        out = _merge_out_of(b, out)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if (
            low.kind is _KIND_CURRENCY
            and high.kind is _KIND_NUMBER
            and high.value
            and _RANGE_LINK.match(b.norm[low.end : high.start])
        ):
            raw_high = _raw_value(high.text)
            raw_low = _raw_value(low.text)
            if raw_high and raw_low is not None and low.value == raw_low and high.value != raw_high:
                scale = high.value / raw_high
                out[i] = Quantity(
                    low.start,
                    low.end,
                    low.text,
                    low.value * scale,
                    low.kind,
                    low.unit,
                    None,
                    low.comparator,
                )
            out[i + 1] = Quantity(
                high.start,
                high.end,
                high.text,
                high.value,
                low.kind,
                low.unit,
                None,
                high.comparator,
            )
            continue
        if (
            low.kind is _KIND_NUMBER
            and low.unit is None
            and high.kind is not _KIND_NUMBER
            and low.text.replace(",", "").replace(".", "").lstrip("-").isdigit()
            and _RANGE_LINK.match(b.norm[low.end : high.start])
        ):
            value = low.value
            if high.kind is _KIND_CURRENCY and low.value is not None and high.value:
                # "$2-3M": the scale of the high end applies to the low end.
                raw_high = float(re.sub(r"[^\d.]", "", high.text) or 0) or 1.0
                value = low.value * (abs(high.value) / raw_high)
            out[i] = Quantity(
                low.start, low.end, low.text, value, high.kind, high.unit, None, low.comparator
            )
    b.out = out


_LONG_TIME_UNITS = frozenset({"day", "week", "fortnight", "month", "year", "decade"})
_WINDOW_BEFORE = _lazy(
    r"(?:\bwithin|\b(?:in|over|during|for|across|throughout)[ \t]+the[ \t]+(?:next|coming|"
    r"following|first)|\bin|\bover)[ \t]+$",
    re.IGNORECASE,
)
# The words _WINDOW_BEFORE can end with (before its trailing blanks).
_WINDOW_LAST = ("within", "next", "coming", "following", "first", "in", "over")
_WINDOW_BEFORE_LOW = _ascii_twin(_WINDOW_BEFORE)
_OF_RECURRING = _lazy(
    r"[ \t]+(?:of|after|from|following)[ \t]+(?!now\b|today\b)",
    re.IGNORECASE,
)


def _is_time_bound(
    norm: str,
    start: int,
    end: int,
    before: str,
    unit: str | None,
    value: float,
    last: str = "",
) -> bool:
    """A duration that bounds the goal in time ("within four months", "over the next 90
    days") rather than measuring it ("contacted within 5 days of a request", "to under
    35 days"). Mirrors the time-frame extractor's rule: days count only from a week up.
    `last`: the last word of `before` in lower case, "" if not known."""
    if not _window_word_before(before, last):
        return False
    if unit == "day" and value < 7:
        return False
    return not _OF_RECURRING.match(norm, end)


# The one-word alternatives of _WINDOW_BEFORE.
_WINDOW_WORDS = frozenset(["within", "in", "over"])


def _window_word_before(before: str, last: str) -> bool:
    """Whether _WINDOW_BEFORE matches at the end of `before` ("within ", "over the next ").
    `last`: its last word in lower case (a whole token: see _last_word), or ""."""
    if last in _WINDOW_WORDS and before[-1:] == " " and before[-1 - len(last) : -1].lower() == last:
        return True  # shortcut: "within", "in" or "over", then one space (~1 µs a search)
    return bool(
        _WINDOW_BEFORE_LOW.search(before.lower())
        if before.isascii()
        else _WINDOW_BEFORE.search(before)
    )


def _raw_value(text: str) -> float | None:
    digits = re.sub(r"[^\d.]", "", normalise(text))
    try:
        return float(digits)
    except ValueError:
        return None


def _unit_is_word(low: str, sep: str, norm: str, end: int) -> bool:
    """Short units that are also English words ("in", "m", "s", "h") only count when glued
    to the number ("5m", "3h") or not followed by more words that make them prose."""
    if sep in ("", "-"):
        return False
    return low in ("in", "us", "d", "t", "y", "p", "ha", "l", "w", "mi", "mo")


_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "fourth": 4,
    "quarter": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
# The ordinals that end a compound denominator ("twenty-fifth").
_ORDINAL_UNITS = {word: n for word, n in ORDINAL_WORDS.items() if n < 10}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_FRACTION_WORD = _lazy(
    r"[ \t]{0,2}-?[ \t]{0,2}(?P<den>(?:(?:"
    + "|".join(_TENS)
    + r")[ -])?(?:"
    + "|".join(sorted({*_DENOMINATORS, *_ORDINAL_UNITS}, key=len, reverse=True))
    + r")s?)\b",
    re.IGNORECASE,
)
_AND_FRACTION = _lazy(
    r"[ \t]+and[ \t]+(?P<num>an?|one|two|three|four|five|six|seven|eight|"
    r"nine)[ \t-]{1,3}(?=[a-z])",
    re.IGNORECASE,
)
_A_FRACTION = _lazy(
    r"(?<![\w-])an?[ \t]+(?=(?:half|third|fourth|quarter|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|hundredth|thousandth|millionth|billionth|"
    r"trillionth|twenty|thirty)\b)",
    re.IGNORECASE,
)


def _denominator(word: str) -> float | None:
    word = word.lower().replace("-", " ")
    if word.endswith("s") and word[:-1] in {*_DENOMINATORS, *_ORDINAL_UNITS} | {
        w.split()[-1] for w in [word[:-1]]
    }:
        word = word[:-1]
    if word in _DENOMINATORS:
        return float(_DENOMINATORS[word])
    parts = word.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINAL_UNITS:
        return float((_TENS.index(parts[0]) + 2) * 10 + _ORDINAL_UNITS[parts[1]])
    if len(parts) == 1 and parts[0] in _ORDINAL_UNITS and parts[0] not in ("first", "second"):
        return float(_ORDINAL_UNITS[parts[0]])
    return None


def _fraction_after(norm: str, end: int, numerator: float) -> tuple[int, float] | None:
    """ "three fifths", "one-eighth", "a hundredth": the end and value of the fraction."""
    fm = _FRACTION_WORD.match(norm, end)
    if not fm:
        return None
    den = _denominator(fm.group("den"))
    if not den:
        return None
    return fm.end(), numerator / den


def _scan_words(b: _Builder) -> None:
    norm = b.norm
    low_norm = b.low
    fractions = (
        _A_FRACTION.finditer(norm) if low_norm is None else _A_FRACTION_LOW.finditer(low_norm)
    )
    for m in fractions:  # "a half", "a fifth", "a twenty-first"
        frac = _fraction_after(norm, m.end(), 1.0)
        if frac and not b.overlaps(m.start(), frac[0], b.taken):
            b.add(m.start(), frac[0], frac[1], QuantityKind.NUMBER)
    numbers = (
        _WORD_NUMBER.finditer(norm) if low_norm is None else _WORD_NUMBER_LOW.finditer(low_norm)
    )
    for m in numbers:
        if len(b.out) >= MAX_QUANTITIES:
            break
        start, end = m.span()
        if b.overlaps(start, end, b.taken) or b.overlaps(start, end, b.blocked):
            continue
        text = norm[start:end]
        low = text.lower()
        if low in (
            "none",
            "nil",
            "half",
            "a",
            "an",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "dozens",
        ):
            continue
        value = parse_word_number(text)
        if value is None:
            # "three-nought-four": read the words one by one
            for part in re.finditer(r"[A-Za-z]+", text):
                v = parse_word_number(part.group(0))
                if v is not None and part.group(0).lower() not in ("a", "an", "and", "one"):
                    b.add(start + part.start(), start + part.end(), v, QuantityKind.NUMBER)
            continue
        window = norm[max(0, start - 30) : start]
        frac = _fraction_after(norm, end, value)
        if frac is not None:
            end, value = frac
        af = _AND_FRACTION.match(norm, end)
        if af:
            tail = _fraction_after(norm, af.end(), parse_word_number(af.group("num")) or 1.0)
            if tail is not None:
                end, value = tail[0], value + tail[1]
        if low == "one" and frac is None:
            nxt = _NEXT_WORDS.match(norm, end)
            signed = _SIGN_BEFORE.search(window) is not None
            compound = norm[end : end + 1] == "-" and norm[end + 1 : end + 2].isalpha()
            if not (signed or compound) and (
                _ONE_BEFORE_STOP.search(window)
                or not nxt
                or nxt.group(1).lower() in _ONE_AFTER_STOP
            ):
                continue
        _parse_affixes(b, start, end, value, window, from_words=True)


def _scan_multiplier_words(b: _Builder, which: int) -> None:
    """`which`: the flags of the words the text has (_HAS_MULTIPLIER_WORD, _HAS_MAJORITY,
    _HAS_HALF; see _piece_facts), or all three when not known. Each pattern needs its word,
    whole and in lower case, in the ASCII text; other text ("İ" matches "i"
    case-insensitively) runs them all."""
    low_norm = b.low
    if which & _HAS_MULTIPLIER_WORD:
        words = (
            _MULTIPLIER_WORDS.finditer(b.norm)
            if low_norm is None
            else _MULTIPLIER_WORDS_LOW.finditer(low_norm)
        )
        for m in words:
            if b.overlaps(*m.span(), b.taken):
                continue
            b.add(m.start(), m.end(), _MULTIPLIER_WORD[m.group(0).lower()], QuantityKind.MULTIPLIER)
    if which & _HAS_MAJORITY:
        majority = (
            _MAJORITY.finditer(b.norm) if low_norm is None else _MAJORITY_LOW.finditer(low_norm)
        )
        for m in majority:
            if not b.overlaps(*m.span(), b.taken):
                b.add(m.start(), m.end(), 50.0, QuantityKind.PERCENT, "percent", None, ">")
    if not which & _HAS_HALF:
        return
    halves = (
        _HALF_THRESHOLD.finditer(b.norm)
        if low_norm is None
        else _HALF_THRESHOLD_LOW.finditer(low_norm)
    )
    for m in halves:
        # "more than half of users", "at least half": a share with a threshold
        start, end = m.span("half")
        if not b.overlaps(start, end, b.taken):
            comparator = _comparator(b.norm[max(0, start - 30) : start])
            b.add(start, end, 50.0, QuantityKind.PERCENT, "percent", None, comparator)


_A_FRACTION_LOW = _ascii_twin(_A_FRACTION)
# numbers.WORD_NUMBER, bound here as a stand-in of this module: the one imported from
# numbers would stay a stand-in here (its compiled pattern replaces it in numbers only)
_WORD_NUMBER = _lazy(WORD_NUMBER.pattern, WORD_NUMBER.flags)
_WORD_NUMBER_LOW = _ascii_twin(WORD_NUMBER)
_MULTIPLIER_WORDS_LOW = _ascii_twin(_MULTIPLIER_WORDS)
_MAJORITY_LOW = _ascii_twin(_MAJORITY)


def extract_text(text: str) -> list[Quantity]:
    """The quantities in `text`, in order. Never raises on any string."""
    if not text:
        return []
    ascii_text = text.isascii()
    norm = text if ascii_text else normalise(text)  # (normalise returns ASCII text as is)
    ascii_norm = ascii_text or norm.isascii()
    numbers: Iterable[_Digits]
    if ascii_norm and len(norm) < 5000:
        # What the scans need to know, read piece by piece (see _PIECE_FACTS).
        numbers = []
        append = numbers.append
        flags = 0
        facts = _PIECE_FACTS.get
        pos = 0
        pieces = norm.split(" ")
        LAST_SPLIT[0] = (norm, pieces)  # for the goal analysis' tokenize (see LAST_SPLIT)
        for piece in pieces:
            fact = facts(piece)
            if fact is None:
                fact = _piece_facts(piece)
            if fact[0]:
                flags |= fact[0]
                for start, end, check, value in fact[1]:
                    append((pos + start, pos + end, check, value))
            pos += len(piece) + 1
        if not flags:
            return []  # the common case of a goal with no number at all
        low = norm.lower()
        has_digit = bool(numbers)
        number_words = flags & _HAS_NUMBER_WORD
        multiplier_words = flags & _ANY_MULTIPLIER_WORD
    else:
        low = norm.lower()
        has_digit = _ANY_DIGIT.search(norm) is not None
        numbers = _digits(norm) if has_digit else ()
        number_words = True
        multiplier_words = _ANY_MULTIPLIER_WORD
        if len(norm) < 5000:
            # only the trigger words are kept: the gates below test nothing else
            words = _WORD_TRIGGERS.intersection(_WORDS.findall(low))
            if not has_digit and not words:
                return []  # the common case of a goal with no number at all: one cheap pass
            number_words = bool(words & _NUMBER_TRIGGERS)
            multiplier_words = _ANY_MULTIPLIER_WORD if words & _MULTIPLIER_TRIGGERS else 0
    b = _Builder(text, norm, low if ascii_norm else None)
    if has_digit:
        _scan_digits(b, numbers)
    found_in_digits = len(b.out)
    if number_words:
        _scan_words(b)
    if multiplier_words:
        _scan_multiplier_words(b, multiplier_words)
    if len(b.out) > 1:
        # (the word scans add after the digit scan, wherever their words are)
        _fix_ranges(b, len(b.out) == found_in_digits)
    return b.out


_ANY_DIGIT = _lazy(r"\d")
_WORDS = _lazy(r"[a-z]+")
_NOT_A_TO_Z = bytes.maketrans(
    bytes(range(256)), bytes(c if 97 <= c <= 122 else 32 for c in range(256))
)
_NUMBER_TRIGGERS = frozenset(
    [
        *UNITS_WORDS,
        *TENS_WORDS,
        *SCALE_WORDS,
        "dozen",
        "dozens",
        # "quarter", "third" and "fourth" alone are far more often time or rank words
        # ("this quarter", "third place"); with a number word they still trigger the scan
        "half",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "hundredth",
        "thousandth",
        "millionth",
        "billionth",
        "trillionth",
    ]
)
_MULTIPLIER_TRIGGERS = frozenset([*_MULTIPLIER_WORD, "majority", "half"])
_HALF_THRESHOLD = _lazy(
    r"\b(?:than|over|least|most|nearly|almost|about|under|roughly|approximately|above|below)"
    r"[ \t]+(?P<half>half)\b(?![ \t]+(?:an?|the[ \t]+(?:time|year|day))\b)",
    re.IGNORECASE,
)
_HALF_THRESHOLD_LOW = _ascii_twin(_HALF_THRESHOLD)
_WORD_TRIGGERS = _NUMBER_TRIGGERS | _MULTIPLIER_TRIGGERS

# What the scans need from an ASCII goal, read from the pieces between its spaces: no _DIGITS
# match and no word of [a-z]+ letters spans a space, and _DIGITS looks one character back
# and ahead, where a space reads as the start or end of the text does. So the matches of the
# text are those of its pieces, shifted, and its words those of its pieces. Pieces recur
# from goal to goal (~93% of those of fresh benchmark goals), so each is read once: this
# replaces a digit search, the word split and the _DIGITS scan of the whole text (~4 µs a
# goal) by a dictionary lookup a piece. Per piece: (flags, its numbers as _digits reads them).
_HAS_DIGITS = 1  # a _DIGITS match
_HAS_NUMBER_WORD = 2  # a word of _NUMBER_TRIGGERS
_HAS_MULTIPLIER_WORD = 4  # a word of _MULTIPLIER_WORD ("doubled", "twofold")
_HAS_MAJORITY = 8  # the word "majority"
_HAS_HALF = 16  # the word "half"
_ANY_MULTIPLIER_WORD = _HAS_MULTIPLIER_WORD | _HAS_MAJORITY | _HAS_HALF
_PieceFacts = tuple[int, tuple[_Digits, ...]]
_PIECE_FACTS: dict[str, _PieceFacts] = {}
_PIECE_FACTS_MAX = 8192
_PIECE_KEEP_LEN = 64  # longer pieces (junk input) are not kept


def _piece_facts(piece: str) -> _PieceFacts:
    spans = tuple(_digits(piece, True))
    flags = _HAS_DIGITS if spans else 0
    words = _WORD_TRIGGERS.intersection(
        piece.lower().encode().translate(_NOT_A_TO_Z).decode().split()
    )
    if words:
        if not words.isdisjoint(_NUMBER_TRIGGERS):
            flags |= _HAS_NUMBER_WORD
        if not words.isdisjoint(_MULTIPLIER_WORD):
            flags |= _HAS_MULTIPLIER_WORD
        if "majority" in words:
            flags |= _HAS_MAJORITY
        if "half" in words:
            flags |= _HAS_HALF
    fact = (flags, spans)
    if len(piece) <= _PIECE_KEEP_LEN:
        if len(_PIECE_FACTS) >= _PIECE_FACTS_MAX:
            _PIECE_FACTS.clear()
        _PIECE_FACTS[piece] = fact
    return fact


def extract(doc: Doc) -> list[Quantity]:
    """The quantities in a spaCy Doc's text (offsets into `doc.text`)."""
    text = doc.user_data.get(TEXT_KEY)  # `doc_text(doc)`, inline where the text is kept
    return extract_text(doc_text(doc) if text is None else text)
