"""One scan of one file, end to end: read, lint, write the annotated copy and the report.

Outputs go to temporary files beside their targets and are moved into place only after the
whole sheet has been read and checked, so an error on row 90,000 leaves no half-written
file behind (and never touches the input).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smartlint.config import Config
from smartlint.errors import InputError
from smartlint.safeio import atomic_path, check_output_path, commit
from smartlint.scan.engine import GoalResult, RowRecord, ScanStats, iter_records
from smartlint.scan.progress import Progress
from smartlint.scan.readers import open_sheet
from smartlint.scan.report import render_report
from smartlint.scan.summary import ScanSummary
from smartlint.scan.writers import AnnotatedWriter, open_writer

_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class ScanOutcome:
    summary: ScanSummary
    stats: ScanStats
    written: list[str] = field(default_factory=list)


def _header_lang(cells: list[Any]) -> str:
    return "zh" if any(isinstance(c, str) and _HAN.search(c) for c in cells) else "en"


def scan_file(
    path: str,
    *,
    out: str | None = None,
    report: str | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    lang: str | None = None,
    config: Config | None = None,
    reference_date: date | None = None,
    jobs: int = 1,
    on_result: Callable[[GoalResult], None] | None = None,
    progress: Progress | None = None,
) -> ScanOutcome:
    """Scan `path`; write `out` (.xlsx/.csv) and `report` (.html) when given."""
    for target in (out, report):
        if target is not None:
            check_output_path(target, path)
    if out is not None:
        if not out.lower().endswith((".xlsx", ".csv", ".tsv", ".txt")):
            raise InputError("name the annotated copy .xlsx or .csv", out)
        if report is not None:
            check_output_path(report, out)
    config = config or Config()
    stats = ScanStats()
    summary = ScanSummary()
    progress = progress or Progress(enabled=False)
    written: list[str] = []

    with contextlib.ExitStack() as stack:
        out_tmp = stack.enter_context(atomic_path(out)) if out else None
        report_tmp = stack.enter_context(atomic_path(report)) if report else None
        opened = stack.enter_context(open_sheet(path, sheet))
        writer: AnnotatedWriter | None = None
        early: list[RowRecord] = []  # rows above the header, written once the header is known
        try:
            for rec in iter_records(
                opened,
                columns=columns,
                lang=lang,
                config=config,
                reference_date=reference_date,
                jobs=jobs,
                stats=stats,
            ):
                if out_tmp is not None and out is not None and writer is None:
                    if rec.kind != "header":
                        early.append(rec)
                        continue
                    writer = _make_writer(out_tmp, out, rec, stats, lang, opened.delimiter,
                                          opened.name, header_row=len(early) + 1)
                    for before in early:
                        writer.write(before)
                    early.clear()
                if writer is not None:
                    writer.write(rec)
                for goal in rec.goals:
                    summary.add(goal)
                    if on_result is not None:
                        on_result(goal)
                progress.update(stats.rows, opened.done_fraction())
        except BaseException:
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.abort()
            raise
        finally:
            progress.close()
        if writer is not None:
            writer.close()
        if report_tmp is not None:
            html = render_report(
                summary, stats, lang=lang, checked_on=reference_date or config.reference_date
            )
            with open(report_tmp, "w", encoding="utf-8") as fh:
                fh.write(html)
        # Both outputs are complete: only now do they replace anything.
        if out_tmp is not None and out is not None:
            commit(out_tmp, out)
            written.append(out)
        if report_tmp is not None and report is not None:
            commit(report_tmp, report)
            written.append(report)
    return ScanOutcome(summary=summary, stats=stats, written=written)


def _make_writer(
    tmp: str,
    final: str,
    header: RowRecord,
    stats: ScanStats,
    lang: str | None,
    delimiter: str,
    title: str | None,
    header_row: int,
) -> AnnotatedWriter:
    cmap = stats.columns
    roles = cmap.roles if cmap else {}
    cells = list(header.cells)
    while cells and (cells[-1] is None or str(cells[-1]).strip() == ""):
        cells.pop()
    width = max([len(cells), *(i + 1 for i in roles.values())])
    goal_columns = [roles[r] for r in ("text", "objective", "key_result") if r in roles]
    return open_writer(
        tmp,
        final,
        width=width,
        goal_columns=goal_columns,
        lang=lang if lang in ("en", "zh") else _header_lang(header.cells),
        delimiter=delimiter,
        title=title,
        header_row=header_row,
    )
