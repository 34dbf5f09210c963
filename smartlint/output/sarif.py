"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning, Azure DevOps …).

One run; `tool.driver.rules` describes every rule that produced a result; each result has
its rule, level (error / warning / note), message, a physical location (path relative to
the working directory, under `%SRCROOT%`) and, when the suggestion replaces a span of a
one-line goal, a `fix`. Columns count Unicode code points (`columnKind`). Files that
could not be read become `toolExecutionNotifications` and `executionSuccessful: false`.
Validated in tests against the official OASIS schema (tests/data/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from smartlint.output import LocatedFinding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/smartlint/smartlint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~%")


def _rule_descriptor(code: str, name: str, dimension: str, level: str) -> dict[str, Any]:
    from smartlint.registry import load_registry

    descriptor: dict[str, Any] = {
        "id": code,
        "name": name,
        "defaultConfiguration": {"level": level},
        "properties": {"tags": [dimension]},
    }
    try:
        cls = load_registry().get(code)
    except Exception:  # a broken plugin must not stop the report from being written
        cls = None
    if cls is not None:
        descriptor["shortDescription"] = {"text": cls.summary()}
        doc = cls.doc()
        if doc:
            descriptor["fullDescription"] = {"text": doc}
        descriptor["defaultConfiguration"] = {"level": _LEVEL[cls.default_severity.value]}
    return descriptor


def _fix(lf: LocatedFinding) -> dict[str, Any] | None:
    f = lf.finding
    for s in f.suggestions:
        if s.start is None or s.end is None or lf.line != lf.end_line:
            continue
        # The finding's span and the suggestion's span are both offsets into the goal; the
        # finding's start column anchors them on the (single) line.
        start_col = lf.column + (s.start - f.start)
        end_col = start_col + (s.end - s.start)
        if start_col < 1:
            continue
        return {
            "description": {"text": s.title},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": _uri(lf.path), "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": lf.line,
                                "startColumn": start_col,
                                "endLine": lf.line,
                                "endColumn": end_col,
                            },
                            "insertedContent": {"text": s.replacement},
                        }
                    ],
                }
            ],
        }
    return None


def report_sarif(report: Report) -> dict[str, Any]:
    from smartlint import __version__

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for lf in report.sorted_findings():
        f = lf.finding
        level = _LEVEL[f.severity.value]
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(_rule_descriptor(f.code, f.name, f.dimension.value, level))
        text = f.message
        if f.suggestions:
            text += " Suggestion: " + f.suggestions[0].replacement
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": level,
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(lf.path), "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": lf.line,
                            "startColumn": lf.column,
                            "endLine": lf.end_line,
                            "endColumn": max(lf.end_column, 1),
                        },
                    }
                }
            ],
            "properties": {"dimension": f.dimension.value, "lang": f.lang},
        }
        if lf.goal is not None:
            result["properties"]["goal"] = lf.goal
        fix = _fix(lf)
        if fix is not None:
            result["fixes"] = [fix]
        results.append(result)
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": e.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(e.path), "uriBaseId": "%SRCROOT%"},
                            **({"region": {"startLine": e.line}} if e.line else {}),
                        }
                    }
                ],
            }
            for e in report.errors
        ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "smartlint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(report_sarif(report), ensure_ascii=False, indent=2) + "\n"
