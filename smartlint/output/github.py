"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=goals/sales.md,line=12,col=7,endLine=12,endColumn=30,title=M101 missing-measure::…

Severity maps to error / warning / notice. Values are escaped as the runner expects
(`%`, CR and LF everywhere; also `:` and `,` inside properties).
"""

from __future__ import annotations

from smartlint.output import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    out: list[str] = []
    for lf in report.sorted_findings():
        f = lf.finding
        message = f.message
        if f.suggestions:
            message += "\nSuggestion: " + f.suggestions[0].replacement
        props = ",".join(
            [
                f"file={_prop(lf.path)}",
                f"line={lf.line}",
                f"col={lf.column}",
                f"endLine={lf.end_line}",
                f"endColumn={lf.end_column}",
                f"title={_prop(f'{f.code} {f.name}')}",
            ]
        )
        out.append(f"::{_LEVEL[f.severity.value]} {props}::{_data(message)}")
    for err in report.errors:
        line = f",line={err.line}" if err.line else ""
        out.append(f"::error file={_prop(err.path)}{line},title=smartlint::{_data(err.message)}")
    return "\n".join(out) + "\n" if out else ""
