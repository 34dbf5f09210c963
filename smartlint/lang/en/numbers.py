"""Shared lexical pieces for the English extractors: digits, number words, month names.

Internal to `smartlint.lang.en`. Tables are built at import; regular expressions are
compiled once, when first used (see `smartlint._lazyre`).
"""

from __future__ import annotations

import re

from smartlint._lazyre import lazy_compiler

# (a cold check of a few goals rarely meets a written number: compiled on first use)
_lazy = lazy_compiler(globals())


#: Full-width digits and signs map to ASCII one code point for one, so offsets do not move.
FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%",
        "，": ",",
        "．": ".",
        "＄": "$",
        "＋": "+",
        "－": "-",
        "／": "/",
        "：": ":",
    }
)


#: Web addresses and <...> spans, where the extractors find neither numbers nor dates
#: ("www.fy27.com" holds no fiscal year, "acme.com/q3" no quarter): with a scheme, with
#: "www.", or a bare domain followed by a path (a domain alone, "acme.com", holds no digit
#: an extractor reads as a figure there). Case-insensitive.
URL_PATTERN = (
    r"(?:https?://|www\.)[^\s<>\"]{1,2000}"
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"]{0,2000}"
    r"|<[^<>]{0,2000}>"
)


def may_hold_url(text: str, low: str) -> bool:
    """Whether `text` (`low`: it in lower case) may hold a match of `URL_PATTERN`: each
    has a "/", a "<" or "www."."""
    return "/" in text or "<" in text or "www." in low


#: The text the quantity extractor last split on its spaces, with its pieces
#: (`text.split(" ")`), as one pair in this one slot: the goal analysis of the same goal
#: (`pipeline.analyse_text` calls it next with the same string object) takes them from here
#: when its text *is* that string, instead of splitting it and hashing every piece again
#: (each piece is then a dict key in both). One store per goal, so that a reader in another
#: thread sees a text with its own pieces; the list of pieces is never changed.
LAST_SPLIT: list[tuple[str, list[str]]] = [("", [""])]


def normalise(text: str) -> str:
    """`text` with full-width digits and signs as ASCII (same length, same offsets)."""
    # every key of FULLWIDTH is non-ASCII: an ASCII text (most goals) is returned as is,
    # without the ~4 µs translate walk (run twice a goal)
    return text if text.isascii() else text.translate(FULLWIDTH)


UNITS_WORDS = {
    "zero": 0,
    "nil": 0,
    "none": 0,
    "nought": 0,
    "naught": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100.0,
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Words that may start or continue a written number (besides "and", "a", "an").
_NUMBER_WORDS = sorted(
    [
        *UNITS_WORDS,
        *TENS_WORDS,
        *SCALE_WORDS,
        "dozen",
        "dozens",
        "half",
        "hundreds",
        "thousands",
        "millions",
        "billions",
    ],
    key=len,
    reverse=True,
)
_NW = "|".join(_NUMBER_WORDS)
_NW_NO_NONE = "|".join(w for w in _NUMBER_WORDS if w not in ("none", "nil", "half"))

#: A run of number words ("one hundred and five", "twenty-one", "a dozen"). The run is
#: bounded (at most 12 words) so that long junk cannot make it backtrack.
WORD_NUMBER = _lazy(
    rf"(?<![\w-])(?:(?:an?|one)[ -]+(?=(?:hundred|thousand|million|billion|dozen)\b)"
    rf"|(?={_NW_NO_NONE}\b))"
    rf"(?:{_NW})(?:(?:[ \t]{{1,3}}|-|[ \t]+and[ \t]+|,[ \t]+)(?:{_NW_NO_NONE})){{0,12}}"
    rf"(?:[ \t]+and[ \t]+an?[ \t]+(?:half|quarter|third))?(?!\w)",
    re.IGNORECASE,
)

_SPLIT = _lazy(r"[\s,-]+")


def parse_word_number(text: str) -> float | None:
    """The value of a run of number words, or None when it does not read as one number.

    "one hundred and five" → 105, "twenty-one" → 21, "a dozen" → 12, "3 dozens" is
    handled by the caller, "two hundred thousand" → 200000.
    """
    total = 0.0
    current = 0.0
    seen = False
    last_small = False  # the previous word was a unit or tens word ("one one" is no number)
    fraction_next = False
    for raw in _SPLIT.split(text.lower()):
        if not raw or raw == "and":
            continue
        if raw in ("a", "an"):
            if current:  # "one and a half": the "a" belongs to the fraction
                fraction_next = True
                continue
            current = 1.0
            seen = True
            continue
        if fraction_next and raw in ("half", "quarter", "third"):
            current += {"half": 0.5, "quarter": 0.25, "third": 1 / 3}[raw]
            fraction_next = False
            continue
        if raw in UNITS_WORDS or raw in TENS_WORDS:
            v = UNITS_WORDS.get(raw, TENS_WORDS.get(raw, 0))
            if last_small and not (current % 100 >= 20 and current % 10 == 0 and v < 10):
                # "fifty two" is 52; "five six" is not a number.
                return None
            current += v
            seen = True
            last_small = True
            continue
        last_small = False
        if raw in ("dozen", "dozens"):
            current = (current or 1.0) * 12
        elif raw in ("hundred", "hundreds"):
            current = (current or 1.0) * 100
        elif raw == "half":
            current = (current or 1.0) * 0.5
        elif raw.rstrip("s") in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[raw.rstrip("s")]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept." → 9), else None."""
    return MONTHS.get(word.lower().rstrip("."))
