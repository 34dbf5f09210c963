"""Batch scan of goal spreadsheets (CSV, XLSX): read, lint, annotate, report.

    >>> from smartlint.scan import scan_rows
    >>> rows = [["Goal", "Owner"], ["Raise NPS from 30 to 45 by 2027-06-30", "Ann"]]
    >>> [r.owner for r in scan_rows(rows)]
    ['Ann']

`scan_rows` streams: it yields one `GoalResult` per goal as soon as it is checked.
`scan_file` runs a whole scan and writes the annotated copy and the HTML report.
Nothing here imports openpyxl until a workbook is read or written.
"""

from __future__ import annotations

from smartlint.scan.batch import ScanOutcome, scan_file
from smartlint.scan.engine import GoalResult, RowRecord, ScanStats, iter_records, scan_rows
from smartlint.scan.report import render_report
from smartlint.scan.score import smart_score
from smartlint.scan.summary import ScanSummary
from smartlint.scan.writers import neutralise

__all__ = [
    "GoalResult",
    "RowRecord",
    "ScanOutcome",
    "ScanStats",
    "ScanSummary",
    "iter_records",
    "neutralise",
    "render_report",
    "scan_file",
    "scan_rows",
    "smart_score",
]
