"""`smartlint scan FILE.xlsx|FILE.csv`: check every goal of a spreadsheet export.

    smartlint scan goals.xlsx --out goals.checked.xlsx --report goals.html
    smartlint scan goals.csv --column text=C --column owner=Owner --format jsonl

Exit codes: 0 no finding at or above `fail-on`, 1 some, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("text", "json", "jsonl", "csv")
_CSV_FIELDS = ("row", "type", "owner", "team", "goal", "lang", "score", "codes", "messages",
               "rewrite")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2027-01-15") from None


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (one per CPU) or more")
    return n


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "scan",
        help="check every goal in a CSV or XLSX export; write an annotated copy and a report",
        description=(
            "Check every goal of a spreadsheet (CSV or XLSX). Goal, owner, team, due date, "
            "period, id and parent columns are found from their headers (English or Chinese); "
            "an objective row followed by its key-result rows is understood too."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the .xlsx or .csv file to check")
    parser.add_argument("--sheet", help="the worksheet to read (name or number; default: "
                        "the first sheet with a goal column)")
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="say which column plays a role, by letter or header: --column text=C, "
        "--column owner=Owner. Roles: text, objective, key_result, type, owner, team, due, "
        "period, id, parent",
    )
    parser.add_argument("--out", metavar="FILE", help="write an annotated copy (.xlsx or .csv)")
    parser.add_argument("--report", metavar="FILE", help="write an HTML report")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="what to print: a text or json summary, or one jsonl/csv "
                        "record per goal (default: text)")
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                        help="worker processes (1: none, 0: one per CPU; default 1)")
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                        help="the reference date for time checks (default: today)")
    parser.add_argument("--lang", choices=("en", "zh", "auto"), default=None,
                        help="the goals' language (default: detected per goal)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="a smartlint config file")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from smartlint.config import load_config
    from smartlint.model import Severity
    from smartlint.scan.batch import scan_file
    from smartlint.scan.columns import parse_overrides
    from smartlint.scan.progress import Progress

    config = load_config(args.config)
    config = config.with_overrides(
        language=args.lang, reference_date=args.today
    )
    lang = None if args.lang in (None, "auto") else args.lang
    if lang is None and config.language in ("en", "zh"):
        lang = config.language
    columns = parse_overrides(args.column)
    jobs = args.jobs or (os.cpu_count() or 1)
    out: TextIO = sys.stdout
    emit = _emitter(args.format, out)

    outcome = scan_file(
        args.file,
        out=args.out,
        report=args.report,
        sheet=args.sheet,
        columns=columns,
        lang=lang,
        config=config,
        reference_date=args.today,
        jobs=jobs,
        on_result=emit,
        progress=Progress(sys.stderr, label="smartlint scan"),
    )
    summary, stats = outcome.summary, outcome.stats
    if args.format == "text":
        _print_text(outcome, out)
    elif args.format == "json":
        doc = summary.to_dict(stats)
        doc["written"] = outcome.written
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    fail_rank = config.fail_on.rank
    failing = sum(summary.count(s) for s in Severity if s.rank >= fail_rank)
    return 1 if failing else 0


def _emitter(fmt: str, out: TextIO) -> Any:
    if fmt == "jsonl":

        def emit_jsonl(result: Any) -> None:
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")

        return emit_jsonl
    if fmt == "csv":
        from smartlint.scan.writers import neutralise

        writer = csv.writer(out)
        writer.writerow(_CSV_FIELDS)

        def emit_csv(result: Any) -> None:
            values = (
                result.row,
                result.goal_type or "",
                result.owner or "",
                result.team or "",
                result.text,
                result.lang,
                result.score,
                " ".join(result.codes),
                "\n".join(f"{f.code} {f.message}" for f in result.findings),
                result.rewrite or "",
            )
            writer.writerow([neutralise(v) for v in values])

        return emit_csv
    return None


def _print_text(outcome: Any, out: TextIO) -> None:
    from smartlint.scan.score import LETTER, SMART_DIMENSIONS

    summary, stats = outcome.summary, outcome.stats
    # in Chinese when every goal of the sheet was Chinese, as the HTML report does
    zh = bool(summary.langs) and set(summary.langs) == {"zh"}
    where = stats.source or "?"
    if stats.sheet:
        where += f"（工作表 {stats.sheet!r}）" if zh else f" (sheet {stats.sheet!r})"
    skipped = ""
    if stats.skipped_empty:
        skipped = (
            f"，跳过{stats.skipped_empty}行空目标"
            if zh
            else f", {stats.skipped_empty} row(s) with an empty goal skipped"
        )
    if zh:
        out.write(f"{where}：检查了{summary.goals}个目标{skipped}\n")
    else:
        out.write(f"{where}: {summary.goals} goal(s) checked{skipped}\n")
    if summary.goals:
        clean = summary.goals - summary.with_findings
        if zh:
            out.write(
                f"  {summary.with_findings}个需要改进，{clean}个无需修改；"
                f"SMART平均分 {summary.average:.0f}/100\n"
            )
        else:
            out.write(
                f"  {summary.with_findings} to improve, {clean} "
                f"with nothing to fix; average SMART score {summary.average:.0f}/100\n"
            )
        rates = "  ".join(
            f"{LETTER[d]} {summary.pass_rate(d) * 100:.0f}%" for d in SMART_DIMENSIONS
        )
        out.write(f"  通过率：{rates}\n" if zh else f"  pass rate: {rates}\n")
        common = ", ".join(
            f"{code} {summary.code_names.get(code, '')} ({n})"
            for code, n in summary.codes.most_common(5)
        )
        if common:
            out.write(f"  最常见：{common}\n" if zh else f"  most common: {common}\n")
    for path in outcome.written:
        out.write(f"  已写出 {path}\n" if zh else f"  wrote {path}\n")
