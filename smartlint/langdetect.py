"""Which language a goal is written in: "zh" when Han characters carry it, else "en"."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    """"zh" or "en". Chinese text with English acronyms ("将NPS提高到50") is Chinese.

    A goal is Chinese when its Han characters outnumber a third of its Latin words'
    letters, or when it has at least two Han characters and at most two Latin words.
    """
    han = len(_HAN.findall(text))
    if han == 0:
        return "en"
    latin_words = _LATIN_WORD.findall(text)
    latin_letters = sum(len(w) for w in latin_words)
    if han >= 2 and len(latin_words) <= 2:
        return "zh"
    return "zh" if han * 3 >= latin_letters else "en"
