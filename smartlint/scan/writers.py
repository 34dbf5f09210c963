"""Writing the annotated copy (CSV or XLSX), atomically, safe to open in a spreadsheet.

Every string written goes through `neutralise`: a cell that starts with `=`, `+`, `-`, `@`,
a tab or a carriage return would be run as a formula by Excel, LibreOffice or Google
Sheets, so it gets a leading apostrophe (the OWASP advice for CSV injection).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import IO, Any

from smartlint.errors import InputError
from smartlint.model import Severity
from smartlint.scan.engine import GoalResult, RowRecord

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Titles of the added columns, in the language of the sheet's headers.
ADDED_HEADERS: dict[str, tuple[str, ...]] = {
    "en": ("SMART score", "Findings", "What to fix", "Suggested rewrite"),
    "zh": ("SMART评分", "问题代码", "修改建议", "建议改写"),
}
_TYPE_TAG = {"objective": "O", "key_result": "KR"}

# Fill colours (the usual spreadsheet "bad / neutral / good" palette); xlsx_out.FILLS too.
_FILL = {
    Severity.ERROR: "FFC7CE",
    Severity.WARNING: "FFEB9C",
    Severity.INFO: "DDEBF7",
}
_CLEAN_FILL = "C6EFCE"


def neutralise(value: Any) -> Any:
    """A cell value that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_value(value: Any) -> str:
    """A cell value as CSV text (dates as ISO dates), neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return neutralise(str(value))


def row_annotation(goals: Sequence[GoalResult]) -> tuple[int | None, str, str, str]:
    """(score, codes, messages, rewrite) for the added columns of one row."""
    if not goals:
        return None, "", "", ""
    tag = len(goals) > 1
    codes: list[str] = []
    messages: list[str] = []
    rewrites: list[str] = []
    for g in goals:
        prefix = f"{_TYPE_TAG.get(g.goal_type or '', '')}: " if tag else ""
        codes.extend(c for c in g.codes if c not in codes)
        messages.extend(f"{prefix}{f.code} {f.message}" for f in g.findings)
        if g.rewrite:
            rewrites.append(prefix + g.rewrite)
    score = min(g.score for g in goals)
    return score, ", ".join(codes), "\n".join(messages), "\n".join(rewrites)


def _worst(goals: Sequence[GoalResult]) -> Severity | None:
    worst: Severity | None = None
    for g in goals:
        w = g.worst
        if w is not None and (worst is None or w.rank > worst.rank):
            worst = w
    return worst


class AnnotatedWriter:
    """Base: the layout both formats share."""

    def __init__(self, path: str, width: int, goal_columns: Sequence[int], lang: str) -> None:
        self.path = path
        self.width = width
        self.goal_columns = tuple(goal_columns)
        self.lang = lang if lang in ADDED_HEADERS else "en"

    def _split(self, rec: RowRecord) -> tuple[list[Any], list[Any]]:
        """The row's cells up to the header's width (padded), and any stray cells beyond.

        The added columns go between the two, so they line up under their headers.
        """
        cells = list(rec.cells)
        if len(cells) < self.width:
            cells.extend([None] * (self.width - len(cells)))
        return cells[: self.width], cells[self.width :]

    def write(self, rec: RowRecord) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file."""
        raise NotImplementedError

    def abort(self) -> None:
        """Give up (the temporary file is removed by the caller)."""


class CsvAnnotatedWriter(AnnotatedWriter):
    def __init__(
        self, path: str, width: int, goal_columns: Sequence[int], lang: str, delimiter: str = ","
    ) -> None:
        super().__init__(path, width, goal_columns, lang)
        # UTF-8 with a BOM: Excel then opens Chinese text correctly on a double-click.
        self._fh: IO[str] = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._fh, delimiter=delimiter)

    def write(self, rec: RowRecord) -> None:
        main, extra = self._split(rec)
        cells = [csv_value(v) for v in main]
        if rec.kind == "header":
            cells.extend(ADDED_HEADERS[self.lang])
        elif rec.kind == "goal":
            score, codes, messages, rewrite = row_annotation(rec.goals)
            cells.extend([str(score), codes, neutralise(messages), neutralise(rewrite)])
        elif extra:
            cells.extend([""] * 4)
        cells.extend(csv_value(v) for v in extra)
        self._csv.writerow(cells)

    def close(self) -> None:
        self._fh.close()

    def abort(self) -> None:
        self._fh.close()


class XlsxAnnotatedWriter(AnnotatedWriter):
    """A streaming workbook: one sheet with the rows, the added columns and highlighting.

    The copy holds the source sheet's values (dates stay dates) and our highlighting, not
    the source's own formatting or other sheets: it is written row by row, so memory stays
    flat for any number of rows.
    """

    def __init__(
        self,
        path: str,
        width: int,
        goal_columns: Sequence[int],
        lang: str,
        title: str | None,
        header_row: int = 1,
    ) -> None:
        super().__init__(path, width, goal_columns, lang)
        from smartlint.scan.xlsx_out import StreamingXlsx

        widths = {i: 60.0 for i in self.goal_columns}
        widths.update({width: 12.0, width + 1: 16.0, width + 2: 60.0, width + 3: 60.0})
        self._book = StreamingXlsx(path, title or "Goals", widths=widths, freeze_rows=header_row)

    def write(self, rec: RowRecord) -> None:
        from smartlint.scan.xlsx_out import Cell

        main, extra = self._split(rec)
        cells: list[Any] = [_xlsx_value(v) for v in main]
        if rec.kind == "header":
            cells.extend(Cell(h, "bold") for h in ADDED_HEADERS[self.lang])
        elif rec.kind == "goal":
            score, codes, messages, rewrite = row_annotation(rec.goals)
            worst = _worst(rec.goals)
            fill = _FILL[worst] if worst is not None else None
            if fill is not None:
                for i in self.goal_columns:
                    cells[i] = Cell(cells[i], "wrap", fill)
            cells.extend(
                [
                    Cell(score, "plain", fill or _CLEAN_FILL),
                    Cell(codes, "plain", fill),
                    Cell(neutralise(messages), "wrap", fill),
                    Cell(neutralise(rewrite), "wrap", fill),
                ]
            )
        elif extra:
            cells.extend([None] * 4)
        cells.extend(_xlsx_value(v) for v in extra)
        self._book.append(cells)

    def close(self) -> None:
        self._book.close()

    def abort(self) -> None:
        self._book.abort()


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, bool, datetime, date, time)):
        return value
    return neutralise(str(value))


def open_writer(
    path: str,
    final: str,
    *,
    width: int,
    goal_columns: Sequence[int],
    lang: str,
    delimiter: str = ",",
    title: str | None = None,
    header_row: int = 1,
) -> AnnotatedWriter:
    """A writer for `path` in the format `final`'s extension names (.xlsx or .csv)."""
    ext = os.path.splitext(final)[1].lower()
    if ext == ".xlsx":
        return XlsxAnnotatedWriter(path, width, goal_columns, lang, title, header_row)
    if ext in (".csv", ".txt", ".tsv"):
        sep = "\t" if ext == ".tsv" else delimiter
        return CsvAnnotatedWriter(path, width, goal_columns, lang, sep)
    raise InputError("unknown output format: name it .xlsx or .csv", final)
