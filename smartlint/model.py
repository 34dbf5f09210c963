"""The data model shared by the parser, the rules and every front end.

Everything here is immutable: a `Finding` or a `ParsedGoal` can be cached, hashed,
compared and handed between threads and processes without copying.
Offsets (`start`, `end`) are Python string indices into the goal text, end exclusive,
so `text[start:end]` is always the span's text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, TypeVar

#: Version of the JSON documents that `Finding.to_dict` and the CLI produce.
SCHEMA_VERSION = "1"

_T = TypeVar("_T")


def quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen, slotted dataclass a faster `__init__` with the same signature.

    The generated one sets each field through `object.__setattr__` to get past the frozen
    guard (~0.4 µs a field); this one writes the slots through their descriptors, which
    the guard never sees (~2x faster: a lint builds a few dozen of these per goal).
    Instances are the same in every way — equality, hash, repr, frozenness.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if "__post_init__" in vars(cls) or any(
        not f.init or f.default_factory is not dataclasses.MISSING for f in fields
    ):
        raise TypeError(f"quick_init cannot build {cls.__name__}: it needs plain fields")
    env: dict[str, Any] = {}
    params = []
    lines = []
    for f in fields:
        env[f"_set_{f.name}"] = vars(cls)[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    exec(source, env)  # the source is built above from the class's own field names
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class Dimension(str, Enum):
    """The SMART dimension a rule checks (plus document structure)."""

    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time_bound"
    STRUCTURE = "structure"

    def __str__(self) -> str:
        return self.value


class Severity(str, Enum):
    """How much a finding matters. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class QuantityKind(str, Enum):
    NUMBER = "number"  # a plain or counted number: "15 blog posts", "1,200 MAU"
    PERCENT = "percent"  # "10%", "3 percentage points", "百分之十", "三成"
    CURRENCY = "currency"  # "$2M", "500万元"
    UNIT = "unit"  # a physical or time unit pint understands: "200 ms", "3 days"
    MULTIPLIER = "multiplier"  # "3x", "double", "halve", "翻一番"

    def __str__(self) -> str:
        return self.value


class TimeKind(str, Enum):
    DEADLINE = "deadline"  # a point to finish by: "by March 31, 2027", "年底前"
    PERIOD = "period"  # a calendar period: "in Q3 2027", "this quarter", "明年"
    WINDOW = "window"  # a span from now: "within four months", "四个月内"
    FREQUENCY = "frequency"  # part of a metric, not a bound: "monthly", "per week", "每月"
    VAGUE = "vague"  # "soon", "ASAP", "eventually", "尽快"
    REFERENCE = "reference"  # a baseline or scope, not a bound: "compared with 2020", "Q2 pipeline"

    def __str__(self) -> str:
        return self.value


class Direction(str, Enum):
    INCREASE = "increase"
    DECREASE = "decrease"
    REACH = "reach"
    KEEP = "keep"

    def __str__(self) -> str:
        return self.value


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the goal text."""

    start: int
    end: int
    text: str


@quick_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the goal states, with what it measures.

    `value` is in the unit given by `unit` after scale words are applied
    ("$2.5M" → 2500000.0, unit "USD"; "10%" → 10.0, unit "percent";
    "10 pp" → 10.0, unit "percentage_point"; "200 ms" → 200.0, unit "millisecond";
    "3x" → 3.0, unit None, kind MULTIPLIER). `unit` is a pint unit name for
    UNIT quantities, an ISO 4217 code for CURRENCY, and None for plain numbers.
    `noun` names what is counted ("customers" in "10 new customers").
    `comparator` is one of "<", "<=", ">", ">=", "=" when the text sets a threshold
    ("at least 5" → ">=").
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: QuantityKind
    unit: str | None = None
    noun: str | None = None
    comparator: str | None = None

    def to_pint(self) -> Any:
        """The quantity as a `pint.Quantity` (imports pint on first use)."""
        return (_to_pint or _bind_to_pint())(self)


# `smartlint.units` imports this module, so `Quantity.to_pint` binds its function on first
# use: an import statement in the method cost ~3 µs a call, and the rules compare
# quantities several times a goal.
_to_pint: Callable[[Quantity], Any] | None = None


def _bind_to_pint() -> Callable[[Quantity], Any]:
    global _to_pint
    from smartlint.units import to_pint

    _to_pint = to_pint
    return to_pint


@quick_init
@dataclass(frozen=True, slots=True)
class TimeFrame:
    """A time expression, what role it plays, and the dates it stands for.

    `bounding` is True when the expression bounds the goal in time (it would satisfy
    T101); durations inside a metric ("contacted within 5 minutes"), frequencies and
    baseline dates are not bounding. `start_date`/`end_date` are resolved against the
    reference date where the expression allows it (a deadline has only `end_date`).
    """

    start: int
    end: int
    text: str
    kind: TimeKind
    bounding: bool
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A named period with its dates, e.g. a document's "2027-Q1"."""

    label: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Context:
    """What the surroundings of a goal know about it.

    Supplied by a caller, a goal document (front matter, hierarchy) or a spreadsheet row.
    """

    period: Period | None = None
    reference_date: date | None = None
    parent: str | None = None  # the parent objective's text
    parent_period: Period | None = None
    goal_type: str | None = None  # "objective" | "key_result" | None
    due_date: date | None = None
    owner: str | None = None
    team: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class ParsedGoal:
    """What the pipeline understood of one goal."""

    text: str
    lang: str
    quantities: tuple[Quantity, ...] = ()
    timeframes: tuple[TimeFrame, ...] = ()
    verb: Span | None = None  # the main action verb as written
    verb_lemma: str | None = None
    direction: Direction | None = None
    metric: Span | None = None  # what the verb moves: "customer churn", "客户流失率"
    baseline: Quantity | None = None  # "from 3%"
    target: Quantity | None = None  # "to 5%", "reach 1,200"
    change: Quantity | None = None  # "by 10%"
    placeholders: tuple[Span, ...] = ()  # unset values: "X%", "TBD", "<target>"
    reference_date: date | None = None
    # The spaCy Doc behind it (read it as `doc`), or what makes it on first access: the
    # default pipeline does not tokenise until someone asks. Not part of equality.
    source_doc: Any = field(default=None, compare=False, repr=False, hash=False)

    @property
    def doc(self) -> Any:
        """The spaCy Doc of the goal's text, with the components' results on `doc._`."""
        doc = self.source_doc
        build = getattr(doc, "build_doc", None)
        if build is not None:
            doc = build()
            object.__setattr__(self, "source_doc", doc)  # made once, then kept
        return doc

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span | None) -> dict[str, Any] | None:
            return None if s is None else {"start": s.start, "end": s.end, "text": s.text}

        def qty(q: Quantity | None) -> dict[str, Any] | None:
            if q is None:
                return None
            return {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "value": q.value,
                "kind": q.kind.value,
                "unit": q.unit,
                "noun": q.noun,
                "comparator": q.comparator,
            }

        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "lang": self.lang,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "verb": span(self.verb),
            "verb_lemma": self.verb_lemma,
            "direction": self.direction.value if self.direction else None,
            "metric": span(self.metric),
            "baseline": qty(self.baseline),
            "target": qty(self.target),
            "change": qty(self.change),
            "quantities": [qty(q) for q in self.quantities],
            "timeframes": [
                {
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "kind": t.kind.value,
                    "bounding": t.bounding,
                    "start_date": t.start_date.isoformat() if t.start_date else None,
                    "end_date": t.end_date.isoformat() if t.end_date else None,
                }
                for t in self.timeframes
            ],
            "placeholders": [span(p) for p in self.placeholders],
        }


_PLACEHOLDER = re.compile(r"<([^<>\s]{1,40})>")


@quick_init
@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed rewrite, attached to a finding.

    `start`/`end` give the span of the goal text it replaces; None for both means the
    whole goal. `replacement` may hold placeholders such as `<target>` or `<期限>` for a
    person to fill in. `safe` says whether it may be applied unattended (never when it
    holds placeholders).
    """

    title: str
    replacement: str
    start: int | None = None
    end: int | None = None
    safe: bool = False

    @property
    def placeholders(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in _PLACEHOLDER.finditer(self.replacement):
            seen.setdefault(m.group(1), None)
        return tuple(seen)

    def fill(self, values: Mapping[str, str]) -> str:
        """The replacement with the given placeholders filled in; others stay as they are."""
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.replacement)

    def apply(self, text: str, values: Mapping[str, str] | None = None) -> str:
        """The goal text with this suggestion applied (placeholders filled from `values`)."""
        new = self.fill(values or {})
        if self.start is None or self.end is None:
            return new
        return text[: self.start] + new + text[self.end :]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
            "safe": self.safe,
            "placeholders": list(self.placeholders),
        }


@quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a goal."""

    code: str
    name: str
    dimension: Dimension
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[Suggestion, ...] = ()
    lang: str = "en"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "dimension": self.dimension.value,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


@quick_init  # built once per lint: the frozen default __init__ was ~3 µs of it
@dataclass(frozen=True, slots=True)
class LintResult:
    """The findings for one goal, with what the parser saw. Iterates over the findings."""

    text: str
    lang: str
    findings: tuple[Finding, ...]
    goal: ParsedGoal

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __bool__(self) -> bool:  # a result is truthy only when it has findings
        return bool(self.findings)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "lang": self.lang,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Rewrite:
    """One rewrite of a whole goal that addresses all its findings at once.

    `text` keeps every fact of the original and holds placeholders (`<target>`,
    `<deadline>`, `<基线>` …) only where a fact is missing. `fill` puts values in.
    """

    original: str
    text: str
    lang: str
    addresses: tuple[str, ...] = ()  # the codes of the findings it answers

    @property
    def placeholders(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in _PLACEHOLDER.finditer(self.text):
            seen.setdefault(m.group(1), None)
        return tuple(seen)

    def fill(self, values: Mapping[str, str]) -> str:
        """The rewrite with the given placeholders filled; unknown ones stay as they are."""
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": self.original,
            "text": self.text,
            "lang": self.lang,
            "addresses": list(self.addresses),
            "placeholders": list(self.placeholders),
        }
