"""The scan itself: rows in, one `GoalResult` per goal out, streaming.

    read rows -> find the header -> build each goal's Context (dates, hierarchy)
              -> lint in batches (in this process, or a pool) -> results, in row order

Memory stays bounded: rows are read one at a time, and at most `window` batches are in
flight at once. (`Pool.imap` would not do: its feeder thread drains the whole input
iterator into the task queue as fast as it can read it.)
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smartlint.config import Config
from smartlint.errors import InputError
from smartlint.model import Context, Dimension, Finding, LintResult, Period, Severity
from smartlint.scan.columns import ColumnMap, resolve_columns
from smartlint.scan.dates import parse_due_date, parse_period
from smartlint.scan.readers import Row, Sheet, open_sheet
from smartlint.scan.score import dimension_passes, smart_score

#: How many header candidates to look at before giving up on finding the goal column.
HEADER_PROBE_ROWS = 10

# "O1:", "KR 1.2 -", "Objective 3.", "关键结果1：" — a label in front of the goal text.
_LABEL = re.compile(
    r"^\s*(?P<label>KR|Objective|Key\s*Result|O|目标|关键结果|关键成果)\s*"
    r"(?P<num>\d+(?:[.\-]\d+)*)?\s*(?:[:：.、)）]|-\s|(?<=\d)\s)\s*",
    re.IGNORECASE,
)
_TYPE_WORDS = (
    ("key_result", ("kr", "keyresult", "key result", "key_result", "关键结果", "关键成果", "结果")),
    ("objective", ("o", "obj", "objective", "目标")),
)


@dataclass(frozen=True, slots=True)
class GoalResult:
    """One goal of the sheet and what smartlint found in it."""

    row: int  # 1-based row number in the sheet
    text: str  # the goal as linted (a leading "KR1:" label removed)
    lang: str
    findings: tuple[Finding, ...]
    score: int
    rewrite: str | None  # the combined suggested rewrite; None when nothing to fix
    goal_type: str | None = None  # "objective" | "key_result" | None
    owner: str | None = None
    team: str | None = None
    goal_id: str | None = None
    parent: str | None = None  # the parent objective's text

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    @property
    def passes(self) -> dict[Dimension, bool]:
        return dimension_passes(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "text": self.text,
            "lang": self.lang,
            "type": self.goal_type,
            "owner": self.owner,
            "team": self.team,
            "id": self.goal_id,
            "parent": self.parent,
            "score": self.score,
            "codes": self.codes,
            "findings": [f.to_dict() for f in self.findings],
            "rewrite": self.rewrite,
        }


@dataclass
class RowRecord:
    """One row of the sheet as read, and the goals found in it (for writers)."""

    row: int
    cells: Row
    kind: str  # "preamble" | "header" | "goal" | "empty"
    goals: list[GoalResult] = field(default_factory=list)
    n_goals: int = 0  # goals found in the row, known before they are linted


@dataclass
class ScanStats:
    """What a scan saw besides its results; filled in while the scan runs."""

    source: str | None = None
    sheet: str | None = None
    columns: ColumnMap | None = None
    header_row: int | None = None
    rows: int = 0  # data rows after the header, empty ones included
    goals: int = 0
    skipped_empty: int = 0
    delimiter: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class _Pending:
    text: str
    context: Context
    goal_type: str | None
    goal_id: str | None


@dataclass(frozen=True, slots=True)
class _Objective:
    text: str
    owner: str | None
    team: str | None
    period: Period | None
    due: date | None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@functools.lru_cache(maxsize=256)
def _type_of(value: str) -> str | None:
    key = value.strip().lower()
    if not key:
        return None
    for goal_type, words in _TYPE_WORDS:
        for w in words:
            if key == w or (len(w) > 1 and key.startswith(w)):
                return goal_type
    return None


def split_label(text: str) -> tuple[str, str | None]:
    """("KR1: Raise NPS to 45", …) -> ("Raise NPS to 45", "key_result")."""
    m = _LABEL.match(text)
    if not m or m.end() >= len(text):
        return text, None
    label = m["label"].lower().replace(" ", "")
    if label == "o" and not m["num"]:
        return text, None  # "O: ..." is too unusual to trust; "O1:" is a label
    kind = "objective" if label in ("o", "objective", "目标") else "key_result"
    return text[m.end() :].strip(), kind


class _Hierarchy:
    """Turns rows into goals with their Context, tracking the current objective."""

    def __init__(self, cmap: ColumnMap, config: Config, reference_date: date | None) -> None:
        self.cmap = cmap
        self.fiscal = config.fiscal_year_start
        self.reference_date = reference_date
        self.last: _Objective | None = None
        self.by_id: dict[str, _Objective] = {}
        self.col = {role: cmap.get(role) for role in (
            "text", "objective", "key_result", "type", "owner", "team", "due", "period",
            "id", "parent",
        )}

    def _get(self, cells: Row, role: str) -> Any:
        i = self.col[role]
        return cells[i] if i is not None and i < len(cells) else None

    def goals(self, cells: Row) -> list[_Pending]:
        owner = _cell_text(self._get(cells, "owner")) or None
        team = _cell_text(self._get(cells, "team")) or None
        period = parse_period(self._get(cells, "period"), self.fiscal)
        due = parse_due_date(self._get(cells, "due"))
        goal_id = _cell_text(self._get(cells, "id")) or None
        if self.cmap.two_column:
            return self._two_column(cells, owner, team, period, due, goal_id)

        raw = _cell_text(self._get(cells, "text"))
        if not raw:
            return []
        text, label_type = split_label(raw)
        goal_type = _type_of(_cell_text(self._get(cells, "type"))) or label_type
        parent_cell = _cell_text(self._get(cells, "parent"))
        parent: _Objective | None = None
        if parent_cell:
            parent = self.by_id.get(parent_cell)
            if parent is None and not _looks_like_id(parent_cell):
                parent = _Objective(split_label(parent_cell)[0], None, None, None, None)
            goal_type = goal_type or "key_result"
        goal_type = goal_type or self.cmap.fixed_type
        if parent is None and goal_type == "key_result" and self.col["parent"] is None:
            parent = self.last
        return [self._goal(text, goal_type, parent, owner, team, period, due, goal_id)]

    def _two_column(
        self,
        cells: Row,
        owner: str | None,
        team: str | None,
        period: Period | None,
        due: date | None,
        goal_id: str | None,
    ) -> list[_Pending]:
        out: list[_Pending] = []
        objective = split_label(_cell_text(self._get(cells, "objective")))[0]
        key_result = split_label(_cell_text(self._get(cells, "key_result")))[0]
        if objective and (self.last is None or objective != self.last.text):
            # Lint an objective once, even when every key-result row repeats it. A due date
            # on a row that also holds a key result is the key result's.
            obj_due = None if key_result else due
            out.append(self._goal(objective, "objective", None, owner, team, period, obj_due, None))
        if key_result:
            out.append(
                self._goal(key_result, "key_result", self.last, owner, team, period, due, goal_id)
            )
        return out

    def _goal(
        self,
        text: str,
        goal_type: str | None,
        parent: _Objective | None,
        owner: str | None,
        team: str | None,
        period: Period | None,
        due: date | None,
        goal_id: str | None,
    ) -> _Pending:
        if parent is not None:
            # Key-result rows often leave owner/team/period to the objective row above.
            owner = owner or parent.owner
            team = team or parent.team
            period = period or parent.period
        context = Context(
            period=period,
            reference_date=self.reference_date,
            parent=parent.text if parent else None,
            parent_period=parent.period if parent else None,
            goal_type=goal_type,
            due_date=due,
            owner=owner,
            team=team,
        )
        node = _Objective(text, owner, team, period, due)
        if goal_type == "objective":
            self.last = node
        if goal_id is not None and self.col["parent"] is not None:
            # Kept only when a parent column can refer to it: ids are never looked up otherwise.
            self.by_id[goal_id] = node
        return _Pending(text, context, goal_type, goal_id)


def _looks_like_id(value: str) -> bool:
    """"O-12", "3", "KR1.2", "a1b2" are ids; "Grow revenue in APAC" is text."""
    return len(value) <= 12 and " " not in value and not re.search(r"[\u4e00-\u9fff]{3}", value)


# -- linting, in this process or in a pool -------------------------------------------------

_worker_config: Config | None = None


def _init_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config


def _init_pool_worker(config: Config) -> None:
    # Ctrl-C reaches the whole process group: let the main process handle it alone,
    # instead of every worker printing its own KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(config)


def combined_rewrite(text: str, lang: str, findings: Sequence[Finding], context: Context,
                     config: Config, result: LintResult | None = None) -> str | None:
    """One rewrite of the goal addressing all its findings (None when there is nothing to fix).

    `result`, the goal's lint result when the caller has it, spares `suggest` linting the
    goal again (a second lint was about a quarter of a scan's time)."""
    if not findings:
        return None
    import smartlint  # looked up on the package so that tests and plugins can wrap it

    rewritten = smartlint.suggest(
        text, lang=lang, context=context, config=config, result=result
    ).text
    return rewritten if rewritten and rewritten != text else None


def _check_batch(
    tasks: Sequence[tuple[str, str | None, Context]], config: Config | None = None
) -> list[tuple[str, tuple[Finding, ...], str | None]]:
    from smartlint.api import _prime, lint

    config = config or _worker_config or Config()
    # the batch's goals analysed together (~0.85x the time), each one's language found once
    langs = _prime(tasks, config)
    out = []
    for (text, _, context), lang in zip(tasks, langs, strict=True):
        result = lint(text, lang=lang, context=context, config=config)
        rewrite = combined_rewrite(text, result.lang, result.findings, context, config, result)
        out.append((result.lang, result.findings, rewrite))
    return out


def _warm_up(config: Config) -> None:
    from smartlint.api import lint

    for text in ("Raise NPS to 45 by June", "六月底前将NPS提高到45"):
        lint(text, config=config)


class _Runner:
    """Runs batches in this process (jobs=1) or in a process pool."""

    def __init__(self, jobs: int, config: Config) -> None:
        self.pool: Any = None
        self.window = 0
        self.config = config
        if jobs > 1:
            # Load the pipelines and rules once here, before forking, so that every worker
            # starts warm and shares those pages instead of loading its own copy.
            _warm_up(config)
            method = "fork" if sys.platform.startswith("linux") else None
            ctx = multiprocessing.get_context(method)
            self.pool = ctx.Pool(jobs, initializer=_init_pool_worker, initargs=(config,))
            self.window = jobs * 2

    def submit(self, tasks: list[tuple[str, str | None, Context]]) -> Any:
        if self.pool is None:
            return _check_batch(tasks, self.config)
        return self.pool.apply_async(_check_batch, (tasks,))

    def result(self, handle: Any) -> list[tuple[str, tuple[Finding, ...], str | None]]:
        return handle if self.pool is None else handle.get()

    def close(self, ok: bool) -> None:
        if self.pool is not None:
            if ok:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()


# -- the public generator ------------------------------------------------------------------


def _find_header(
    rows: Iterator[tuple[int, Row]], overrides: Mapping[str, str], source: str
) -> tuple[list[RowRecord], int, Row]:
    """Read up to the header row: (records before it, its number, its cells).

    The header is the first of the first few non-empty rows whose goal column (detected,
    or named by --column) holds a heading; a title row above the table is skipped.
    """
    before: list[RowRecord] = []
    first: tuple[int, Row] | None = None
    first_error: InputError | None = None
    seen = 0
    for number, cells in rows:
        if not any(_cell_text(c) for c in cells):
            before.append(RowRecord(number, cells, "preamble"))
            continue
        if first is None:
            first = (number, cells)
        try:
            roles = resolve_columns(cells, overrides, source=source).roles
        except InputError as exc:  # an override names a header this row does not have
            first_error = first_error or exc
            roles = {}
        goal = next((roles[r] for r in ("text", "objective", "key_result") if r in roles), None)
        if goal is not None and goal < len(cells) and _cell_text(cells[goal]):
            return before, number, cells
        before.append(RowRecord(number, cells, "preamble"))
        seen += 1
        if seen >= HEADER_PROBE_ROWS:
            break
    if first is None:
        raise InputError("the sheet is empty: no rows to scan", source)
    if first_error is not None:
        raise first_error
    shown = ", ".join(repr(_cell_text(c)) for c in first[1] if _cell_text(c))
    raise InputError(
        "no goal column found. Name one column 'Goal', 'Objective', 'Key Result', "
        f"'目标' or '关键结果', or pick it with --column text=<letter or header> "
        f"(row {first[0]} has: {shown})",
        source,
    )


def iter_records(
    sheet: Sheet,
    *,
    columns: Mapping[str, str] | None = None,
    lang: str | None = None,
    config: Config | None = None,
    reference_date: date | None = None,
    jobs: int = 1,
    stats: ScanStats | None = None,
    batch_size: int | None = None,
) -> Iterator[RowRecord]:
    """Every row of `sheet`, in order, with the goals found in it linted."""
    config = config or Config()
    overrides = dict(columns or {})
    stats = stats if stats is not None else ScanStats()
    stats.source, stats.sheet = sheet.path, sheet.name
    stats.delimiter, stats.encoding = sheet.delimiter, sheet.encoding
    lang = None if lang in (None, "auto") else lang

    before, header_no, header = _find_header(sheet.rows, overrides, sheet.path)
    cmap = resolve_columns(header, overrides, source=sheet.path)
    stats.columns, stats.header_row = cmap, header_no
    yield from before
    yield RowRecord(header_no, header, "header")

    hierarchy = _Hierarchy(cmap, config, reference_date or config.reference_date)
    jobs = max(1, jobs)
    size = batch_size or (64 if jobs == 1 else 256)
    runner = _Runner(jobs, config)
    pending: deque[tuple[list[RowRecord], list[_Pending], Any]] = deque()
    records: list[RowRecord] = []
    goals: list[_Pending] = []

    ok = False
    try:
        for number, cells in sheet.rows:
            stats.rows += 1
            found = hierarchy.goals(cells)
            if not found:
                stats.skipped_empty += 1
                records.append(RowRecord(number, cells, "empty"))
            else:
                stats.goals += len(found)
                records.append(RowRecord(number, cells, "goal", n_goals=len(found)))
                goals.extend(found)
            # Long runs of empty rows count too, so that memory stays bounded.
            if len(goals) >= size or len(records) >= 8 * size:
                pending.append(_submit(runner, records, goals, lang))
                records, goals = [], []
                while len(pending) > runner.window:
                    yield from _finish(runner, pending.popleft())
        if records:
            pending.append(_submit(runner, records, goals, lang))
        while pending:
            yield from _finish(runner, pending.popleft())
        ok = True
    finally:
        runner.close(ok)


def _submit(
    runner: _Runner, records: list[RowRecord], goals: list[_Pending], lang: str | None
) -> tuple[list[RowRecord], list[_Pending], Any]:
    handle = runner.submit([(g.text, lang, g.context) for g in goals]) if goals else []
    return records, goals, handle


def _finish(
    runner: _Runner, item: tuple[list[RowRecord], list[_Pending], Any]
) -> Iterator[RowRecord]:
    records, goals, handle = item
    verdicts = iter(zip(goals, runner.result(handle) if goals else [], strict=True))
    for rec in records:
        if rec.kind == "goal":
            done: list[GoalResult] = []
            for _ in range(rec.n_goals):
                goal, (glang, findings, rewrite) = next(verdicts)
                ctx = goal.context
                done.append(
                    GoalResult(
                        row=rec.row,
                        text=goal.text,
                        lang=glang,
                        findings=findings,
                        score=smart_score(findings),
                        rewrite=rewrite,
                        goal_type=goal.goal_type,
                        owner=ctx.owner,
                        team=ctx.team,
                        goal_id=goal.goal_id,
                        parent=ctx.parent,
                    )
                )
            rec.goals = done
        yield rec


def scan_rows(
    rows_or_path: str | os.PathLike[str] | Iterable[Sequence[Any] | Mapping[str, Any]],
    *,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    lang: str | None = None,
    config: Config | None = None,
    reference_date: date | None = None,
    jobs: int = 1,
    stats: ScanStats | None = None,
) -> Iterator[GoalResult]:
    """Lint every goal of a sheet, yielding one `GoalResult` per goal as it goes.

    `rows_or_path` is a CSV/XLSX path, or rows: sequences whose first (non-empty) row
    is the header, or mappings from header to value. `columns` overrides detection
    ({"text": "C", "owner": "Owner"}). Rows with an empty goal cell are skipped and
    counted in `stats.skipped_empty`. A row of the two-column layout (Objective | Key
    Result) can hold two goals: its objective, the first time it appears, and its key result.
    """
    if isinstance(rows_or_path, (str, os.PathLike)):
        opened = open_sheet(os.fspath(rows_or_path), sheet)
    else:
        opened = rows_sheet(rows_or_path)
    with opened:
        for rec in iter_records(
            opened,
            columns=columns,
            lang=lang,
            config=config,
            reference_date=reference_date,
            jobs=jobs,
            stats=stats,
        ):
            yield from rec.goals


def rows_sheet(rows: Iterable[Sequence[Any] | Mapping[str, Any]], name: str = "<rows>") -> Sheet:
    """A `Sheet` over rows in memory or from any iterator (mappings get a header row)."""

    def numbered() -> Iterator[tuple[int, Row]]:
        keys: list[str] | None = None
        number = 0
        for row in rows:
            if isinstance(row, Mapping):
                if keys is None:
                    keys = [str(k) for k in row]
                    number += 1
                    yield number, list(keys)
                number += 1
                yield number, [row.get(k) for k in keys]
            else:
                number += 1
                yield number, list(row)

    return Sheet(path=name, kind="rows", name=None, rows=numbered())
