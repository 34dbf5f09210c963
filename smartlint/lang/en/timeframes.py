"""Time frames (STUB: to be replaced by the real extractor)."""

from __future__ import annotations

from spacy.tokens import Doc

from smartlint.lang.base import TimeMention


def extract(doc: Doc) -> list[TimeMention]:
    return []
