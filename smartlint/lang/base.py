"""Types shared by the language modules (not part of the public API)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from smartlint.model import Direction, Quantity, Span, TimeFrame, TimeKind, quick_init

#: Where the pipeline keeps the Doc's text (see `doc_text`).
TEXT_KEY = "smartlint_text"

#: Resolves a time mention to (start_date, end_date) given (reference_date, fiscal_year_start).
Resolver = Callable[[date, int], "tuple[date | None, date | None]"]


@quick_init
@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in the text, before its dates are resolved.

    Extraction does not depend on the reference date, so mentions can be cached per text;
    `resolve` turns one into a public `TimeFrame` for a given reference date.
    """

    start: int
    end: int
    text: str
    kind: TimeKind
    bounding: bool
    resolver: Resolver | None = None

    def resolve(self, reference_date: date, fiscal_year_start: int = 1) -> TimeFrame:
        start_date = end_date = None
        if self.resolver is not None:
            try:
                start_date, end_date = self.resolver(reference_date, fiscal_year_start)
            except (ValueError, OverflowError):  # e.g. a day that does not exist
                start_date = end_date = None
        # positional: TimeFrame's fields in order (keywords cost ~0.3 µs more a mention)
        return TimeFrame(
            self.start, self.end, self.text, self.kind, self.bounding, start_date, end_date
        )


@quick_init
@dataclass(frozen=True, slots=True)
class GoalAnalysis:
    """The action, its direction and the metric it moves."""

    verb: Span | None = None
    verb_lemma: str | None = None
    direction: Direction | None = None
    metric: Span | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    change: Quantity | None = None
    placeholders: tuple[Span, ...] = ()


def doc_text(doc: Any) -> str:
    """`doc.text`, computed once per Doc (spaCy joins every token on each access, which
    costs ~50 ms on a 25,000-token junk input) and kept in the Doc's `user_data`."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[TEXT_KEY] = cached
    return cached
