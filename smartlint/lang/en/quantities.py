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

from spacy.tokens import Doc

from smartlint.lang.base import doc_text
from smartlint.lang.en.numbers import (
    MONTH_RE,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    WORD_NUMBER,
    normalise,
    parse_word_number,
)
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

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]{1,2000}|<[^<>]{0,2000}>", re.IGNORECASE)
_DIGITS = re.compile(
    r"(?=[\d.])(?:(?<![\w.])(?:\d{1,3}(?:,\d{3}){1,6}(?![\d])|\d{1,20})(?:\.\d{1,12})?(?:e[+-]?\d{1,3}(?!\w))?"
    r"(?![\d])"
    r"|(?<![\w.\d])\.\d{1,12}(?![\d]))"
)
# Things that look numeric but are not quantities; their spans block digit matches.
_NOT_QUANTITY = re.compile(
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
_ID_BEFORE = re.compile(
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
_ALNUM_BEFORE = re.compile(r"[A-Za-z][\w]{0,20}-$")  # JIRA-123, scp-173
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]{1,2}$")

_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>US\$|USD|EUR|GBP|JPY|CNY|RMB|INR|CAD|AUD|CHF|SGD|HKD|KRW|SEK|NOK|"
    r"DKK|MXN|BRL|ZAR|Rs\.?|[CA]\$|C[ \t]\$|CA\$|AU\$|HK\$|S\$|NZ\$|R\$)|(?P<sym>[$€£¥₹₩₡₭₽₺₦₱₪฿]))"
    r"[ \t]?$",
    re.IGNORECASE,
)
_SIGN_BEFORE = re.compile(
    r"(?:(?<![\w\d.])(?P<dash>[-−–])|\b(?P<word>minus|negative)[ \t]{1,2})$", re.IGNORECASE
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
_COMPARATOR_AFTER = re.compile(
    r"[ \t]+or[ \t]+(?:(?P<ge>more|higher|above|greater|better|over)|(?P<le>less|fewer|lower|"
    r"below|under))\b",
    re.IGNORECASE,
)

_SCALE_AFTER = re.compile(
    r"(?:[ \t]{0,2}(?P<word>thousands?|millions?|billions?|trillions?|lakhs?|crores?|hundreds?|"
    r"dozens?)\b|[ \t]?(?P<abbr>k|K|mn|mln|MM|M|bn|B|b|tn|m|G|mil)(?![A-Za-z0-9]))"
)
_PERCENT_AFTER = re.compile(
    r"[ \t]{0,2}(?:(?P<pp>%[ \t]{0,2}points?\b|percentage[ \t]+points?\b|percent(?:age)?[ \t]+"
    r"points?\b|pp\b|p\.p\.|ppts?\b|pct[ \t]+pts?\b)|(?P<bps>bps\b|basis[ \t]+points?\b)|"
    r"(?P<pct>%|percent(?:s|age)?\b|per[ \t]?cent\b|pct\b))",
    re.IGNORECASE,
)
_MULT_AFTER = re.compile(
    r"(?:[ \t]?(?:x|X|×)(?![\w])|-?fold\b|[ \t]{1,2}times(?![ \t]+(?:a|an|"
    r"per|each|every)\b)(?=[ \t]+(?:more|higher|larger|bigger|faster|the|"
    r"over|as|growth)\b|[ \t]*[.,;)]|[ \t]*$))"
)
_PLUS_AFTER = re.compile(r"\+(?![\w+])")
_UNIT_AFTER = re.compile(
    r"(?P<sep>[ \t]{0,2}-?|[ \t]{0,2}\(|[ \t]{0,2}\{)(?P<unit>degrees[ \t]+(?:celsius|fahrenheit)|"
    r"(?:square|cubic)[ \t]+(?:meters?|metres?|feet|foot|miles|kilometers|kilometres)|sq[ \t]ft|"
    r"metric[ \t]+tons?|pounds?[ \t]+sterling|us[ \t]+dollars?|chinese[ \t]+yuan|km/h|°[cf]|"
    r"[a-zµ°\"¢$€£₡₭元]{1,12}[0-9]?)(?P<close>\)|\})?(?![\w])",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(
    r"[ \t]{1,2}([A-Za-z][\w'&/-]{0,30})(?:[ \t]{1,2}([A-Za-z][\w'&/-]{0,30}))?"
    r"(?:[ \t]{1,2}([A-Za-z][\w'&/-]{0,30}))?"
)
_NOUN_STOP = frozenset(
    [
        "prior",  # "3 deals prior to the Series B"
        "ahead",
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "by",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "from",
        "with",
        "within",
        "per",
        "each",
        "every",
        "than",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "our",
        "your",
        "his",
        "her",
        "via",
        "vs",
        "versus",
        "into",
        "onto",
        "over",
        "under",
        "above",
        "below",
        "before",
        "after",
        "until",
        "till",
        "during",
        "through",
        "across",
        "between",
        "among",
        "more",
        "less",
        "fewer",
        "most",
        "least",
        "times",
        "x",
        "percent",
        "points",
        "point",
        "new",
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
_YEAR_PREPS = re.compile(
    r"\b(?:in|by|since|during|until|till|before|after|from|through|vs\.?|versus|than|of|for|"
    r"to|end|mid|early|late|fy|cy|fiscal|calendar|year|between|and|within|across|throughout|"
    r"with|the|our|its|this|pre|post|circa|around|compared|beyond|spring|summer|fall|autumn|"
    r"winter|q[1-4]|h[12])[ \t,-]{1,3}$",
    re.IGNORECASE,
)
_FRACTION_AFTER = re.compile(r"/(\d{1,3})(?![\d/])")
_MIXED_FRACTION_AFTER = re.compile(r"[ \t]{1,2}(\d{1,2})/(\d{1,2})(?![\d/])")
_DATE_PREP_BEFORE = re.compile(
    r"\b(?:by|on|before|after|until|till|from|since|between|due)[ \t]{1,2}$", re.IGNORECASE
)
_MULTIPLIER_WORDS = re.compile(
    r"\b(?:double[sd]?|doubling|twice|triple[sd]?|tripling|treble|quadruple[sd]?|quadrupling|"
    r"halve[sd]?|halving|twofold|threefold|fourfold|fivefold|tenfold)\b(?![-](?:digit|click|"
    r"check|edged|decker|blind|down|spaced|sided))(?![ \t]+down\b)",  # "double down on": a wish
    re.IGNORECASE,
)
_MAJORITY = re.compile(
    r"\b(?:(?:a|the)[ \t]+)?(?:simple[ \t]+|vast[ \t]+|clear[ \t]+)?majority[ \t]+of\b",
    re.IGNORECASE,
)
_ONE_BEFORE_STOP = re.compile(
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
_VERSION_AFTER = re.compile(
    r"[ \t]+(?:release|version|build|update|patch|upgrade|launch)\b", re.IGNORECASE
)
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+", re.IGNORECASE)
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


def _last_token(window: str) -> str:
    """The last whitespace-separated token of `window`, lower case ("" if none)."""
    parts = window.rsplit(None, 1)
    return parts[-1].lower() if parts else ""


def _comparator(before: str) -> str | None:
    """The comparator set by the words just before a number ("at least" → ">=")."""
    stripped = before.rstrip()
    if not stripped:
        return None
    for symbol, comparator in _COMPARATOR_SYMBOLS:
        if stripped.endswith(symbol):
            return comparator
    words = stripped.lower().split()[-3:]
    for n in (3, 2, 1):
        if len(words) >= n:
            found = _COMPARATOR_PHRASES.get(" ".join(words[-n:]))
            if found:
                return found
    return None


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

    __slots__ = ("blocked", "norm", "out", "taken", "text")

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.norm = norm
        self.out: list[Quantity] = []
        self.taken: list[tuple[int, int]] = []
        blocked: list[tuple[int, int]] = []
        if "/" in text or "<" in text:
            blocked += [m.span() for m in _URL.finditer(self.norm)]
            blocked.sort()
        self.blocked = _merge_spans(blocked)

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


def _noun_after(norm: str, pos: int) -> str | None:
    m = _NEXT_WORDS.match(norm, pos)
    if not m:
        return None
    words: list[str] = []
    for word in m.groups():
        if word is None:
            break
        low = word.lower()
        if low in _NOUN_STOP and not (low == "new" and not words):
            break
        if low.endswith("ly") and not words:  # "grow 3 quickly" - an adverb, no noun
            return None
        words.append(word)
    return " ".join(words) if words else None


def _is_year(b: _Builder, start: int, end: int, value: float) -> bool:
    """A bare 4-digit number that reads as a year in its context."""
    if not (end - start == 4 and 1900 <= value <= 2099):
        return False
    norm = b.norm
    before = norm[max(0, start - 14) : start]
    nxt = _NEXT_WORDS.match(norm, end)
    next_word = nxt.group(1).lower() if nxt else None
    if next_word is None:
        tail = norm[end : end + 3]
        # "2000+" or "2000 -" style thresholds and ranges of counts are handled by the caller.
        return not tail.startswith("+")
    if next_word in _YEAR_FOLLOWERS or next_word.startswith(("q1", "q2", "q3", "q4")):
        return True
    if _YEAR_PREPS.search(before):
        # "by 2027 we ..." vs "to 2000 users": a plural-looking noun after means a count.
        return not (next_word.endswith("s") and next_word not in ("is", "was", "has", "as"))
    return False


def _scan_digits(b: _Builder) -> None:
    norm = b.norm
    skip_until = 0
    for m in _DIGITS.finditer(norm):
        if len(b.out) >= MAX_QUANTITIES:
            break
        start, end = m.span()
        if start < skip_until:
            continue
        nq = _NOT_QUANTITY.match(norm, start)
        if nq is not None:
            skip_until = nq.end()  # a version, clock time, date or ordinal
            continue
        if b.overlaps(start, end, b.blocked) or b.overlaps(start, end, b.taken):
            continue
        raw = m.group(0)
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        window = norm[max(0, start - 30) : start]
        last = _last_token(window) if window[-2:].strip() else ""
        if (
            last
            and (
                last[-1] in "#-"
                or last.rstrip(".") in _ID_LAST
                or last[:3] in _MONTH_PREFIX
                or last.startswith("no")
            )
            and not window.rstrip().endswith("may")  # "we may 5x revenue": the verb
            and (_ID_BEFORE.search(window) or _ALNUM_BEFORE.search(window))
        ):
            continue
        # Letters glued to the number on the right that are not a known affix: an id ("A1B2").
        _parse_affixes(b, start, end, value, window)


def _parse_affixes(
    b: _Builder, start: int, end: int, value: float, window: str, from_words: bool = False
) -> None:
    norm = b.norm
    kind = QuantityKind.NUMBER
    unit: str | None = None
    q_start, q_end = start, end
    plain = True  # no affix at all

    # Fractions: "1/4", "10 1/2".
    if not from_words and norm[end : end + 1] in ("/", " ", "\t"):
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

    # Currency before, sign before.
    tail = window.rstrip(" \t")
    cur_m = (
        _CURRENCY_BEFORE.search(window)
        if tail
        and (
            tail[-1] in _SYMBOLS
            or tail[-3:].upper() in _CODES
            or tail[-2:].lower() == "rs"
            or tail[-3:].lower() == "rs."
        )
        else None
    )
    currency: str | None = None
    before_end = len(window)
    if cur_m:
        token = (cur_m.group("code") or cur_m.group("sym")).lower()
        token = token.replace("\t", " ")
        currency = _CURRENCY_SYMBOL.get(token) or _CURRENCY_SYMBOL.get(token.replace(" ", ""))
        if currency:
            q_start = start - (len(window) - cur_m.start())
            before_end = cur_m.start()
    head = window[:before_end]
    sign_m = (
        _SIGN_BEFORE.search(head)
        if head.rstrip()[-1:] in ("-", "−", "–")
        or head.rstrip().lower().endswith(("minus", "negative"))
        else None
    )
    if sign_m:
        value = -value
        q_start = start - (len(window) - sign_m.start())
        before_end = sign_m.start()
    comparator = _comparator(window[:before_end])

    # Most numbers are followed by a space and a plain word or by punctuation: test the next
    # character before trying the suffix patterns (each a regex match).
    nxt_char = norm[q_end : q_end + 3].lstrip(" \t")[:1]
    suffix_possible = bool(nxt_char) and (nxt_char.isalpha() or nxt_char in _SUFFIX_START)

    # Scale word.
    sm = _SCALE_AFTER.match(norm, q_end) if suffix_possible else None
    if sm:
        token = sm.group("word") or sm.group("abbr")
        scale = _SCALE.get(token) or _SCALE.get(token.lower())
        lower_m = token == "m"
        if token in ("m", "g", "G", "t") and currency is None:
            # Without money "5m" is 5 metres, "10G" a number, "5t" a tonne; leave to units
            # unless a noun follows ("10m users").
            nxt = _NEXT_WORDS.match(norm, sm.end())
            word = nxt.group(1).lower() if nxt else ""
            if token == "G" and not word:
                scale = 1e9
            elif (
                not lower_m
                or not word
                or word in _NOUN_STOP
                or word in ("isn't", "long", "wide", "high", "tall", "deep", "away", "run", "race")
            ):
                scale = None
        if scale:
            value *= scale
            q_end = sm.end()
            plain = False

    # Percent / percentage points / basis points.
    pm = _PERCENT_AFTER.match(norm, q_end) if suffix_possible else None
    if pm and currency is None:
        if pm.group("pp"):
            kind, unit = QuantityKind.PERCENT, "percentage_point"
        elif pm.group("bps"):
            kind, unit = QuantityKind.PERCENT, "percentage_point"
            value /= 100.0
        else:
            kind, unit = QuantityKind.PERCENT, "percent"
        q_end = pm.end()
        plain = False
    elif currency is not None:
        kind, unit = QuantityKind.CURRENCY, currency
        plain = False
        # "$5 million dollars": swallow a redundant currency word.
        um = _UNIT_AFTER.match(norm, q_end)
        if um and um.group("unit").lower() in ("dollars", "dollar", "usd"):
            q_end = um.end()
    else:
        mm = _MULT_AFTER.match(norm, q_end) if suffix_possible else None
        if mm:
            kind = QuantityKind.MULTIPLIER
            q_end = mm.end()
            plain = False
        else:
            um = _UNIT_AFTER.match(norm, q_end) if suffix_possible else None
            if um:
                token = um.group("unit")
                if um.group("sep").strip() in ("(", "{") and not um.group("close"):
                    um = None
                else:
                    low = " ".join(token.lower().split())
                    tail = norm[um.end() : um.end() + 2]
                    cur = _CURRENCY_WORD.get(low)
                    pint_unit = _UNIT_CASED.get(token) or (
                        _UNIT.get(low) if token not in ("M", "B", "G", "T", "K") else None
                    )
                    if tail[:1] == "-" and tail[1:2].isdigit():
                        return  # "24703 L-202": an id
                    if cur is not None and not (low == "p" and um.group("sep")):
                        kind, unit = QuantityKind.CURRENCY, cur[0]
                        value *= cur[1]
                        q_end = um.end()
                        plain = False
                    elif pint_unit is not None and not _unit_is_word(
                        low, um.group("sep"), norm, um.end()
                    ):
                        kind, unit = QuantityKind.UNIT, pint_unit
                        q_end = um.end()
                        plain = False
                    elif um.group("sep") == "" and token[:1].isalpha() and not from_words:
                        return  # letters glued to digits that are no unit we know: an id

    # Thresholds written after the number.
    if norm[q_end : q_end + 1] == "+" and _PLUS_AFTER.match(norm, q_end):
        q_end += 1
        comparator = ">="
        plain = False
    ca = _COMPARATOR_AFTER.match(norm, q_end) if nxt_char in ("o", "O") else None
    if ca:
        comparator = ">=" if ca.group("ge") else "<="

    if plain and not from_words and _is_year(b, start, end, abs(value)):
        return
    if b.overlaps(q_start, q_end, b.taken):
        return
    if (
        kind is QuantityKind.UNIT
        and unit in _LONG_TIME_UNITS
        and _is_time_bound(norm, q_start, q_end, window[:before_end], unit, value)
    ):
        return  # "within four months": a deadline window (a time frame), not a measure
    if plain and not from_words and "." in norm[start:end] and _VERSION_AFTER.match(norm, q_end):
        return  # "the 4.0 release": a version name
    if plain and not from_words and norm[q_end : q_end + 1].isalpha():
        return  # letters glued to the digits that are no affix we know: an id ("24703m212")
    noun = _noun_after(norm, q_end) if kind is QuantityKind.NUMBER else None
    b.add(q_start, q_end, value, kind, unit, noun, comparator)


_RANGE_LINK = re.compile(r"^[ \t]{0,2}(?:-|–|—|to|through)[ \t]{0,2}$", re.IGNORECASE)


def _fix_ranges(b: _Builder) -> None:
    """Give the low end of a range the unit of its high end ("10-15%", "$2-3M")."""
    out = sorted(b.out, key=lambda q: q.start)
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
    out = merged
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if (
            low.kind is QuantityKind.CURRENCY
            and high.kind is QuantityKind.NUMBER
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
            low.kind is QuantityKind.NUMBER
            and low.unit is None
            and high.kind is not QuantityKind.NUMBER
            and low.text.replace(",", "").replace(".", "").lstrip("-").isdigit()
            and _RANGE_LINK.match(b.norm[low.end : high.start])
        ):
            value = low.value
            if high.kind is QuantityKind.CURRENCY and low.value is not None and high.value:
                # "$2-3M": the scale of the high end applies to the low end.
                raw_high = float(re.sub(r"[^\d.]", "", high.text) or 0) or 1.0
                value = low.value * (abs(high.value) / raw_high)
            out[i] = Quantity(
                low.start, low.end, low.text, value, high.kind, high.unit, None, low.comparator
            )
    b.out = out


_LONG_TIME_UNITS = frozenset({"day", "week", "fortnight", "month", "year", "decade"})
_WINDOW_BEFORE = re.compile(
    r"(?:\bwithin|\b(?:in|over|during|for|across|throughout)[ \t]+the[ \t]+(?:next|coming|"
    r"following|first)|\bin|\bover)[ \t]+$",
    re.IGNORECASE,
)
_OF_RECURRING = re.compile(
    r"[ \t]+(?:of|after|from|following)[ \t]+(?!now\b|today\b)", re.IGNORECASE
)


def _is_time_bound(
    norm: str, start: int, end: int, before: str, unit: str | None, value: float
) -> bool:
    """A duration that bounds the goal in time ("within four months", "over the next 90
    days") rather than measuring it ("contacted within 5 days of a request", "to under
    35 days"). Mirrors the time-frame extractor's rule: days count only from a week up."""
    if not _WINDOW_BEFORE.search(before):
        return False
    if unit == "day" and value < 7:
        return False
    return not _OF_RECURRING.match(norm, end)


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
_FRACTION_WORD = re.compile(
    r"[ \t]{0,2}-?[ \t]{0,2}(?P<den>(?:(?:"
    + "|".join(_TENS)
    + r")[ -])?(?:"
    + "|".join(sorted({*_DENOMINATORS, *_ORDINAL_UNITS}, key=len, reverse=True))
    + r")s?)\b",
    re.IGNORECASE,
)
_AND_FRACTION = re.compile(
    r"[ \t]+and[ \t]+(?P<num>an?|one|two|three|four|five|six|seven|eight|"
    r"nine)[ \t-]{1,3}(?=[a-z])",
    re.IGNORECASE,
)
_A_FRACTION = re.compile(
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
    for m in _A_FRACTION.finditer(norm):  # "a half", "a fifth", "a twenty-first"
        frac = _fraction_after(norm, m.end(), 1.0)
        if frac and not b.overlaps(m.start(), frac[0], b.taken):
            b.add(m.start(), frac[0], frac[1], QuantityKind.NUMBER)
    for m in WORD_NUMBER.finditer(norm):
        if len(b.out) >= MAX_QUANTITIES:
            break
        start, end = m.span()
        if b.overlaps(start, end, b.taken) or b.overlaps(start, end, b.blocked):
            continue
        text = m.group(0)
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


def _scan_multiplier_words(b: _Builder) -> None:
    for m in _MULTIPLIER_WORDS.finditer(b.norm):
        if b.overlaps(*m.span(), b.taken):
            continue
        b.add(m.start(), m.end(), _MULTIPLIER_WORD[m.group(0).lower()], QuantityKind.MULTIPLIER)
    for m in _MAJORITY.finditer(b.norm):
        if not b.overlaps(*m.span(), b.taken):
            b.add(m.start(), m.end(), 50.0, QuantityKind.PERCENT, "percent", None, ">")
    for m in _HALF_THRESHOLD.finditer(b.norm):
        # "more than half of users", "at least half": a share with a threshold
        start, end = m.span("half")
        if not b.overlaps(start, end, b.taken):
            comparator = _comparator(b.norm[max(0, start - 30) : start])
            b.add(start, end, 50.0, QuantityKind.PERCENT, "percent", None, comparator)


def extract_text(text: str) -> list[Quantity]:
    """The quantities in `text`, in order. Never raises on any string."""
    if not text:
        return []
    norm = normalise(text)
    has_digit = _ANY_DIGIT.search(norm) is not None
    words = set(_WORDS.findall(norm.lower())) if len(norm) < 5000 else None
    if not has_digit and words is not None and not (words & _WORD_TRIGGERS):
        return []  # the common case of a goal with no number at all: one cheap pass
    b = _Builder(text, norm)
    if has_digit:
        _scan_digits(b)
    if words is None or words & _NUMBER_TRIGGERS:
        _scan_words(b)
    if words is None or words & _MULTIPLIER_TRIGGERS:
        _scan_multiplier_words(b)
    if len(b.out) > 1:
        _fix_ranges(b)
    return b.out


_ANY_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z]+")
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
_HALF_THRESHOLD = re.compile(
    r"\b(?:than|over|least|most|nearly|almost|about|under|roughly|approximately|above|below)"
    r"[ \t]+(?P<half>half)\b(?![ \t]+(?:an?|the[ \t]+(?:time|year|day))\b)",
    re.IGNORECASE,
)
_WORD_TRIGGERS = _NUMBER_TRIGGERS | _MULTIPLIER_TRIGGERS


def extract(doc: Doc) -> list[Quantity]:
    """The quantities in a spaCy Doc's text (offsets into `doc.text`)."""
    return extract_text(doc_text(doc))
