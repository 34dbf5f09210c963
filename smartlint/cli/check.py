"""`smartlint check`: lint goals given as arguments, on stdin, or in files and folders.

    smartlint check examples/                       # every goal document under a folder
    smartlint check team.md company.yaml goals.txt  # files (Markdown, YAML, one goal a line)
    smartlint check --goal "Improve NPS"            # goals as arguments
    printf 'Improve NPS\\n' | smartlint check -       # one goal a line on stdin

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (files that
cannot be read are reported on stderr and the others are still checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from smartlint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from smartlint.errors import InputError, SmartlintError
from smartlint.model import Severity

FORMATS = ("text", "json", "sarif", "github")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "check",
        help="check goals in files, folders, arguments or stdin",
        description="Check goals (OKRs, SMART goals) in Markdown, YAML or plain-text files, "
        "folders, --goal arguments or stdin ('-': one goal a line).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders to check; '-' reads goals from stdin")
    parser.add_argument("-g", "--goal", action="append", default=[], metavar="TEXT",
                        help="a goal to check (repeatable)")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("-o", "--output-file", metavar="FILE",
                        help="write the report to FILE instead of stdout")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                        help="lowest severity that makes the run fail (default: config, else "
                        "error)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings fail the run (input errors still exit 2)")
    parser.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                        help="only these rule codes or prefixes, comma-separated (e.g. M,T101)")
    parser.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                        help="skip these rule codes or prefixes, comma-separated")
    parser.add_argument("--lang", choices=("en", "zh", "auto"), default=None,
                        help="language of the goals (default: config, else detected per goal)")
    parser.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="reference date for relative and past dates (default: config, "
                        "else today)")
    parser.add_argument("--config", type=Path, default=None, metavar="PATH",
                        help="config file (default: nearest smartlint.toml / pyproject.toml)")
    parser.add_argument("--no-suggestions", action="store_true",
                        help="text format: do not print suggested rewrites")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="text format: print only the findings (no suggestions, no summary)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (default: auto = on a terminal without "
                        "NO_COLOR)")
    parser.set_defaults(run=run)
    return parser


def _use_color(choice: str, stream: TextIO, to_file: bool) -> bool:
    if choice != "auto":
        return choice == "always"
    if to_file or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a terminal set to ASCII: write UTF-8 bytes instead
        stream.flush()
        stream.buffer.write(text.encode("utf-8"))  # type: ignore[attr-defined]
    stream.flush()


def _refuse_output_over_input(output_file: str, paths: list[str]) -> None:
    """The report may not replace a file this run reads: an input named on the command
    line, or a goal source inside an input folder."""
    from smartlint.safeio import check_output_path

    check_output_path(output_file, *[p for p in paths if not Path(p).is_dir()])
    target = Path(output_file).resolve()
    for folder in (Path(p).resolve() for p in paths if Path(p).is_dir()):
        if folder in target.parents and target.suffix.lower() in _SOURCE_SUFFIXES:
            raise InputError(
                f"refusing to write the report inside the input folder {folder} as a "
                "goal source: choose another output file",
                output_file,
            )


_SOURCE_SUFFIXES = {".md", ".markdown", ".yaml", ".yml", ".txt"}


def run(args: argparse.Namespace) -> int:
    from smartlint.config import load_config
    from smartlint.documents.engine import Checker
    from smartlint.output import render

    paths = [p for p in args.paths if p != "-"]
    if args.output_file is not None:
        _refuse_output_over_input(args.output_file, paths)
    read_stdin = "-" in args.paths
    if not args.paths and not args.goal:
        if sys.stdin is None or sys.stdin.isatty():
            print("smartlint: error: nothing to check: give files or folders, --goal TEXT, "
                  "or goals on stdin (one a line)", file=sys.stderr)
            return EXIT_ERROR
        read_stdin = True

    search_from = Path(paths[0]).absolute() if paths else Path.cwd()
    if search_from.is_file() or not search_from.exists():
        search_from = search_from.parent
    config = load_config(args.config, search_from=search_from)
    overrides: dict[str, Any] = {}
    if args.select:
        overrides["select"] = tuple(args.select)
    if args.ignore:
        overrides["ignore"] = (*config.ignore, *args.ignore)
    if args.lang:
        overrides["language"] = args.lang
    if args.today:
        overrides["reference_date"] = args.today
    if args.fail_on:
        overrides["fail_on"] = Severity(args.fail_on)
    config = config.with_overrides(**overrides)

    stdin_text = None
    if read_stdin:
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
        if data is not None:
            from smartlint.documents._text import decode

            stdin_text = decode(data, "<stdin>")
        else:
            stdin_text = sys.stdin.read()

    if stdin_text is not None and not stdin_text.strip() and not args.paths and not args.goal:
        print("smartlint: error: nothing to check: stdin was empty", file=sys.stderr)
        return EXIT_ERROR

    checker = Checker(config, lang=args.lang, reference_date=args.today)
    report = checker.run(paths, goals=args.goal, stdin_text=stdin_text)

    for err in report.errors:
        print(f"smartlint: error: {err.message}", file=sys.stderr)

    to_file = args.output_file is not None
    output = render(
        report,
        args.format,
        color=_use_color(args.color, sys.stdout, to_file),
        suggestions=not args.no_suggestions,
        quiet=args.quiet,
    )
    if to_file:
        from smartlint.safeio import write_text_atomic

        try:
            write_text_atomic(args.output_file, output, *paths)
        except OSError as exc:
            raise SmartlintError(
                f"{args.output_file}: cannot write the report: {exc.strerror or exc}"
            ) from None
    elif output:
        _write(sys.stdout, output)

    if report.errors:
        return EXIT_ERROR
    if report.failing(config.fail_on) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
