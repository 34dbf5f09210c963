"""Quantities (STUB: to be replaced by the real extractor)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from smartlint.model import Quantity, QuantityKind

_NUM = re.compile(r"\d+(?:[.,]\d+)*\s*%?")


def extract(doc: Doc) -> list[Quantity]:
    out = []
    for m in _NUM.finditer(doc.text):
        raw = m.group(0).strip()
        kind = QuantityKind.PERCENT if raw.endswith("%") else QuantityKind.NUMBER
        value = float(raw.rstrip("%").strip().replace(",", ""))
        out.append(Quantity(m.start(), m.start() + len(raw), raw, value, kind,
                            "percent" if kind is QuantityKind.PERCENT else None))
    return out
