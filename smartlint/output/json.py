"""JSON output, schema version `smartlint.model.SCHEMA_VERSION` (docs/json-schema.json).

    {
      "schema_version": "1",
      "tool": {"name": "smartlint", "version": "0.1.0"},
      "summary": {"files": 2, "goals": 9, "findings": 3,
                  "by_severity": {"error": 1, "warning": 2, "info": 0}, "errors": 0},
      "findings": [{"path": …, "line": …, "column": …, "end_line": …, "end_column": …,
                    "goal": …, "code": …, "name": …, "dimension": …, "severity": …,
                    "message": …, "start": …, "end": …, "lang": …, "suggestions": […]}],
      "errors": [{"path": …, "line": …, "message": …}]
    }
"""

from __future__ import annotations

import json
from typing import Any

from smartlint.model import SCHEMA_VERSION
from smartlint.output import LocatedFinding, Report


def finding_dict(lf: LocatedFinding) -> dict[str, Any]:
    return {
        "path": lf.path,
        "line": lf.line,
        "column": lf.column,
        "end_line": lf.end_line,
        "end_column": lf.end_column,
        "goal": lf.goal,
        **lf.finding.to_dict(),
    }


def report_dict(report: Report) -> dict[str, Any]:
    from smartlint import __version__

    counts = report.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartlint", "version": __version__},
        "summary": {
            "files": report.files,
            "goals": report.goals,
            "findings": len(report.findings),
            "by_severity": {s: counts.get(s, 0) for s in ("error", "warning", "info")},
            "errors": len(report.errors),
        },
        "findings": [finding_dict(lf) for lf in report.sorted_findings()],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
