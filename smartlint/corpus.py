"""The labelled corpus: goals with the codes a careful reader expects, and how to score them.

A corpus file (``corpus/<lang>/<topic>.yaml``) looks like this::

    lang: en
    labelled: [M101, T101, S101, S102]   # codes whose presence/absence every label states
    goals:
      - text: "Improve customer satisfaction"
        expect: [M101, S101, T101]
      - text: "Hold a kickoff for the Q3 sales plan"
        expect: [M101, S102]
        context: {period: "2027-Q3", reference_date: "2027-07-01"}
        note: "free text: why this label"
        xfail: "reason"        # known wrong; the lead adds these, not corpus authors

Malformed files raise `InputError` naming the file and line. PyYAML is imported lazily:
linting never needs it.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from smartlint.config import Config
from smartlint.errors import InputError
from smartlint.model import Context, Period

#: The date a corpus goal is linted against unless its context sets one.
DEFAULT_REFERENCE_DATE = date(2027, 1, 15)

LANGUAGES = ("en", "zh")
_CODE = re.compile(r"[A-Z][0-9]{3}")
_GOAL_KEYS = frozenset({"text", "expect", "context", "note", "xfail"})
_FILE_KEYS = frozenset({"lang", "labelled", "goals"})
_CONTEXT_KEYS = frozenset(
    {
        "period",
        "reference_date",
        "parent",
        "parent_period",
        "goal_type",
        "due_date",
        "owner",
        "team",
    }
)
_GOAL_TYPES = ("objective", "key_result")


@dataclass(frozen=True)
class CorpusGoal:
    """One labelled goal. `file` is the path as found under the corpus root."""

    file: str
    line: int
    lang: str
    labelled: tuple[str, ...]
    text: str
    expect: tuple[str, ...]
    context: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    xfail: str | None = None

    @property
    def id(self) -> str:
        """A stable name for reports and test ids: ``en/sales.yaml:12``."""
        return f"{self.file}:{self.line}"

    def to_context(self, fiscal_year_start: int = 1) -> Context:
        """The `smartlint.Context` to lint this goal with (reference date always set)."""
        ctx = context_from_dict(self.context, fiscal_year_start=fiscal_year_start)
        if ctx.reference_date is None:
            from dataclasses import replace

            ctx = replace(ctx, reference_date=DEFAULT_REFERENCE_DATE)
        return ctx


# -- period labels ---------------------------------------------------------------------

_QUARTER = re.compile(r"(?:(\d{4})\s*[- ]?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))", re.I)
_HALF = re.compile(r"(?:(\d{4})\s*[- ]?\s*H([12])|H([12])\s*[- ]?\s*(\d{4}))", re.I)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_FISCAL = re.compile(r"FY\s*'?(\d{2}|\d{4})(?:\s*[- ]?\s*([QH])([1-4]))?", re.I)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    """The dates of `count` months starting at `first_month` of `year` (month may overflow)."""
    start_index = year * 12 + first_month - 1
    end_index = start_index + count - 1
    start = date(start_index // 12, start_index % 12 + 1, 1)
    return start, _month_end(end_index // 12, end_index % 12 + 1)


def parse_period(label: str, fiscal_year_start: int = 1) -> Period:
    """A period label as a `Period` with its dates.

    Accepts ``2027-Q3`` / ``Q3 2027``, ``2027-H1`` / ``H1 2027``, ``2027-03`` (a month),
    ``2027`` and fiscal years ``FY27`` / ``FY2027`` (optionally ``FY27-Q2``, ``FY27 H1``).
    A fiscal year is named after the calendar year it ends in, so with
    ``fiscal_year_start=4`` FY27 runs from 2026-04-01 to 2027-03-31.
    Raises ValueError for anything else.
    """
    text = label.strip()
    if m := _FISCAL.fullmatch(text):
        year = int(m.group(1))
        if year < 100:
            year += 2000
        first_year = year if fiscal_year_start == 1 else year - 1
        offset, count = 0, 12
        if m.group(2):
            part, n = m.group(2).upper(), int(m.group(3))
            if part == "H" and n > 2:
                raise ValueError(f"{label!r}: a fiscal year has only halves H1 and H2")
            count = 3 if part == "Q" else 6
            offset = (n - 1) * count
        start, end = _months(first_year, fiscal_year_start + offset, count)
        return Period(label=text, start=start, end=end)
    if m := _QUARTER.fullmatch(text):
        year = int(m.group(1) or m.group(4))
        quarter = int(m.group(2) or m.group(3))
        start, end = _months(year, 3 * quarter - 2, 3)
        return Period(label=text, start=start, end=end)
    if m := _HALF.fullmatch(text):
        year = int(m.group(1) or m.group(4))
        half = int(m.group(2) or m.group(3))
        start, end = _months(year, 6 * half - 5, 6)
        return Period(label=text, start=start, end=end)
    if m := _MONTH.fullmatch(text):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{label!r}: month {month} does not exist")
        return Period(label=text, start=date(year, month, 1), end=_month_end(year, month))
    if _YEAR.fullmatch(text):
        year = int(text)
        return Period(label=text, start=date(year, 1, 1), end=date(year, 12, 31))
    raise ValueError(
        f"period {label!r} is not a label like 2027-Q3, Q3 2027, 2027-H1, 2027-03, 2027 or FY27"
    )


def _as_date(value: Any, key: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{key} {value!r} is not a date like 2027-07-01")


def _as_period(value: Any, key: str, fiscal_year_start: int) -> Period:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return parse_period(str(value), fiscal_year_start)
    if isinstance(value, Mapping):
        unknown = set(value) - {"label", "start", "end"}
        if unknown:
            raise ValueError(f"{key} has unknown keys {sorted(unknown)}: use label, start, end")
        start = _as_date(value["start"], f"{key}.start") if "start" in value else None
        end = _as_date(value["end"], f"{key}.end") if "end" in value else None
        if start and end and end < start:
            raise ValueError(f"{key} ends ({end}) before it starts ({start})")
        return Period(label=str(value.get("label", "")), start=start, end=end)
    raise ValueError(f"{key} {value!r} is neither a label like 2027-Q3 nor a mapping")


def context_from_dict(data: Mapping[str, Any] | None, fiscal_year_start: int = 1) -> Context:
    """A `smartlint.Context` from a corpus goal's ``context`` mapping.

    Keys: ``period`` and ``parent_period`` (labels, see `parse_period`, or a mapping with
    label/start/end), ``reference_date`` and ``due_date`` (ISO dates), ``parent``,
    ``owner``, ``team`` (text) and ``goal_type`` (objective | key_result).
    Raises ValueError naming the bad key.
    """
    if not data:
        return Context()
    if not isinstance(data, Mapping):
        raise ValueError(f"context must be a mapping, not {data!r}")
    unknown = set(data) - _CONTEXT_KEYS
    if unknown:
        raise ValueError(
            f"unknown context keys {sorted(unknown)}: use {', '.join(sorted(_CONTEXT_KEYS))}"
        )
    kwargs: dict[str, Any] = {}
    for key in ("period", "parent_period"):
        if data.get(key) is not None:
            kwargs[key] = _as_period(data[key], key, fiscal_year_start)
    for key in ("reference_date", "due_date"):
        if data.get(key) is not None:
            kwargs[key] = _as_date(data[key], key)
    for key in ("parent", "owner", "team"):
        if data.get(key) is not None:
            if not isinstance(data[key], str):
                raise ValueError(f"{key} must be text, not {data[key]!r}")
            kwargs[key] = data[key]
    if data.get("goal_type") is not None:
        if data["goal_type"] not in _GOAL_TYPES:
            raise ValueError(f"goal_type {data['goal_type']!r} is not one of {_GOAL_TYPES}")
        kwargs["goal_type"] = data["goal_type"]
    return Context(**kwargs)


# -- loading ---------------------------------------------------------------------------


class _LineDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line: int = 0


def _loader_class() -> type:
    import yaml

    class LineLoader(yaml.SafeLoader):
        """SafeLoader whose mappings carry their line and reject duplicate keys."""

    def construct_map(loader: Any, node: Any) -> Iterator[_LineDict]:
        data = _LineDict()
        data.line = node.start_mark.line + 1
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in data:
                raise InputError(
                    f"duplicate key {key!r} in one mapping",
                    line=key_node.start_mark.line + 1,
                )
            data[key] = loader.construct_object(value_node, deep=True)

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_map)
    return LineLoader


def _read_yaml(path: Path, shown: str) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", shown) from None
    try:
        return yaml.load(
            text, Loader=_loader_class()
        )  # a SafeLoader subclass: no arbitrary objects
    except InputError as exc:
        raise InputError(str(exc), shown, exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(
            f"not valid YAML: {problem}", shown, mark.line + 1 if mark else None
        ) from None


def _codes(value: Any, what: str, shown: str, line: int) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InputError(
            f"{what} must be a list of codes like [M101, T101], not {value!r}", shown, line
        )
    for code in value:
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise InputError(
                f"{what}: {code!r} is not a rule code (a capital letter and 3 digits, e.g. M101)",
                shown,
                line,
            )
    if len(set(value)) != len(value):
        raise InputError(f"{what} lists a code twice: {value}", shown, line)
    return tuple(value)


def load_file(path: str | Path, shown: str | None = None) -> list[CorpusGoal]:
    """The goals of one corpus file. `shown` is the name used in ids and errors."""
    path = Path(path)
    shown = shown or str(path)
    data = _read_yaml(path, shown)
    if not isinstance(data, dict):
        raise InputError("a corpus file is a mapping with lang, labelled and goals", shown, 1)
    top = getattr(data, "line", 1)
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise InputError(f"unknown keys {sorted(unknown)}: use lang, labelled, goals", shown, top)
    lang = data.get("lang")
    if lang not in LANGUAGES:
        raise InputError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}", shown, top)
    if path.parent.name in LANGUAGES and path.parent.name != lang:
        raise InputError(f"lang {lang!r} in a file under {path.parent.name}/", shown, top)
    if "labelled" not in data:
        raise InputError(
            "missing 'labelled': the codes every label in this file states", shown, top
        )
    labelled = _codes(data["labelled"], "labelled", shown, top)
    if not labelled:
        raise InputError("'labelled' is empty: name the codes this file's labels state", shown, top)
    goals = data.get("goals")
    if not isinstance(goals, list) or not goals:
        raise InputError("'goals' must be a non-empty list", shown, top)

    out: list[CorpusGoal] = []
    for item in goals:
        line = getattr(item, "line", top)
        if not isinstance(item, dict):
            raise InputError(f"a goal is a mapping with text and expect, not {item!r}", shown, line)
        unknown = set(item) - _GOAL_KEYS
        if unknown:
            raise InputError(
                f"unknown goal keys {sorted(unknown)}: use {', '.join(sorted(_GOAL_KEYS))}",
                shown,
                line,
            )
        text = item.get("text")
        if text is not None and not isinstance(text, str):
            raise InputError(f"text must be a quoted string, not {text!r}", shown, line)
        if not text or not text.strip():
            raise InputError("goal has no text", shown, line)
        if "expect" not in item:
            raise InputError("goal has no 'expect' (use [] when no code applies)", shown, line)
        expect = _codes(item["expect"] or [], "expect", shown, line)
        outside = [c for c in expect if c not in labelled]
        if outside:
            raise InputError(
                f"expect has {', '.join(outside)}, which is not in this file's labelled list "
                f"[{', '.join(labelled)}]",
                shown,
                line,
            )
        context = item.get("context") or {}
        try:
            context_from_dict(context)
        except ValueError as exc:
            raise InputError(f"context: {exc}", shown, line) from None
        note, xfail = item.get("note"), item.get("xfail")
        for key, value in (("note", note), ("xfail", xfail)):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise InputError(f"{key} must be non-empty text, not {value!r}", shown, line)
        out.append(
            CorpusGoal(
                file=shown,
                line=line,
                lang=lang,
                labelled=labelled,
                text=text.strip(),
                expect=tuple(sorted(expect)),
                context=dict(context),
                note=note,
                xfail=xfail,
            )
        )
    return out


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def load_corpus(root: str | Path, lang: str | None = None) -> list[CorpusGoal]:
    """Every goal under `root` (a folder searched for ``*.yaml``/``*.yml``, or one file).

    Files are read in sorted order; ids are paths relative to `root`. `lang` keeps only
    one language. The same text twice in one language is an error naming both places.
    """
    root = Path(root)
    if root.is_file():
        files = [(root, root.name)]
    elif root.is_dir():
        paths = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        files = [(p, p.relative_to(root).as_posix()) for p in paths]
    else:
        raise InputError("no such corpus file or folder", str(root))
    goals: list[CorpusGoal] = []
    seen: dict[tuple[str, str], CorpusGoal] = {}
    for path, shown in files:
        for goal in load_file(path, shown):
            key = (goal.lang, _normalised(goal.text))
            if key in seen:
                raise InputError(
                    f"duplicate goal text (first at {seen[key].id}): {goal.text!r}",
                    goal.file,
                    goal.line,
                )
            seen[key] = goal
            if lang is None or goal.lang == lang:
                goals.append(goal)
    return goals


# -- scoring ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _config_for(codes: tuple[str, ...]) -> Config:
    # Only the scored rules run: a goal's label says nothing about the others, and a
    # broken unrelated rule must not spoil the measurement of these.
    return Config(select=codes)


def reported_codes(goal: CorpusGoal) -> frozenset[str]:
    """The labelled codes smartlint reports for a corpus goal, linted with its context."""
    from smartlint.api import lint

    config = _config_for(goal.labelled)
    result = lint(goal.text, lang=goal.lang, context=goal.to_context(), config=config)
    return frozenset(f.code for f in result.findings if f.code in goal.labelled)


@dataclass
class Confusion:
    """Counts for one rule: a positive is a goal whose label says the code applies."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def negatives(self) -> int:
        return self.fp + self.tn

    @property
    def precision(self) -> float | None:
        reported = self.tp + self.fp
        return self.tp / reported if reported else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.positives if self.positives else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)


def score(goals: Iterable[CorpusGoal], reported: Sequence[frozenset[str]]) -> dict[str, Confusion]:
    """Per-code confusion counts; each goal is scored only on its file's labelled codes."""
    table: dict[str, Confusion] = {}
    for goal, got in zip(goals, reported, strict=True):
        for code in goal.labelled:
            table.setdefault(code, Confusion()).add(code in goal.expect, code in got)
    return dict(sorted(table.items()))


__all__ = [
    "DEFAULT_REFERENCE_DATE",
    "Confusion",
    "CorpusGoal",
    "context_from_dict",
    "load_corpus",
    "load_file",
    "parse_period",
    "reported_codes",
    "score",
]
