"""`smartlint rewrite "goal"`: one rewrite that answers every finding, filled in by you.

    smartlint rewrite "Improve customer satisfaction"            # asks for each value
    smartlint rewrite "提升客户满意度" --value target=90% --value deadline=2027年6月30日
    echo "Grow revenue by 10%" | smartlint rewrite -              # prints the placeholders

On a terminal it asks for each placeholder (baseline, target, deadline …; an empty answer
keeps the placeholder) and prints the goal. With `--value`, or when stdin is not a
terminal, it asks nothing and prints the rewrite with the values given and the remaining
placeholders. Value names may be given in English for Chinese goals (target = 目标).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from smartlint.cli import EXIT_CLEAN
from smartlint.errors import SmartlintError

FORMATS = ("text", "json")
#: English value names and their Chinese placeholders.
ALIASES = {"baseline": ("基线",), "target": ("目标",), "deadline": ("期限",),
           "metric": ("指标", "结果指标")}
_PROMPTS = {
    "baseline": "Baseline (where the metric is now)",
    "target": "Target (where it should be)",
    "deadline": "Deadline (e.g. June 30, 2027)",
    "metric": "Metric",
    "基线": "基线（指标目前的水平）",
    "目标": "目标（要达到的水平）",
    "期限": "期限（例如 2027年6月30日）",
    "指标": "指标",
    "结果指标": "结果指标（要改变的成果）",
}


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _value(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    name = name.strip().strip("<>")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE (e.g. target=5%)")
    return name, value.strip()


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "rewrite",
        help="rewrite a goal so it answers every finding",
        description="Rewrite a goal so that it answers all its findings, keeping every fact "
        "of the original; fill in what is missing (baseline, target, deadline).",
    )
    parser.add_argument("goal", help="the goal text ('-' reads it from stdin)")
    parser.add_argument("--value", type=_value, action="append", default=[],
                        metavar="NAME=VALUE",
                        help="fill a placeholder without asking (repeatable): target=5%%")
    parser.add_argument("--lang", choices=("en", "zh", "auto"), default=None,
                        help="language (default: config, else detected)")
    parser.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="reference date (default: config, else today)")
    parser.add_argument("--period", default=None, metavar="LABEL",
                        help="the period the goal belongs to (2027-Q1, FY27 …); its end date "
                        "becomes the deadline")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("--config", type=Path, default=None, metavar="PATH",
                        help="config file (default: nearest smartlint.toml / pyproject.toml)")
    parser.set_defaults(run=run)
    return parser


def values_for(rewrite_lang: str, given: list[tuple[str, str]]) -> dict[str, str]:
    """The --value pairs keyed by the rewrite's placeholder names."""
    values: dict[str, str] = {}
    for name, value in given:
        values[name] = value
        if rewrite_lang == "zh" and name in ALIASES:
            for alias in ALIASES[name]:
                values[alias] = value
    return values


#: The order in which the questions come, whatever the order in the sentence.
_ORDER = ("metric", "指标", "结果指标", "baseline", "基线", "target", "目标", "deadline", "期限")


def ask(placeholders: tuple[str, ...], values: dict[str, str]) -> dict[str, str]:
    """Ask on the terminal for each placeholder not yet given (empty answer: keep it)."""
    answers = dict(values)
    ordered = sorted(placeholders, key=lambda n: _ORDER.index(n) if n in _ORDER else len(_ORDER))
    for name in ordered:
        if name in answers:
            continue
        try:
            answer = input(f"{_PROMPTS.get(name, name)}: ").strip()
        except EOFError:
            break
        if answer:
            answers[name] = answer
    return answers


def run(args: argparse.Namespace) -> int:
    from smartlint.cli.info import read_goal
    from smartlint.config import load_config
    from smartlint.corpus import parse_period
    from smartlint.model import Context
    from smartlint.rewrite import suggest

    config = load_config(args.config)
    if args.lang:
        config = config.with_overrides(language=args.lang)
    text = read_goal(args.goal)
    interactive = not args.value and args.goal != "-" and sys.stdin.isatty()
    period = None
    if args.period:
        try:
            period = parse_period(args.period, config.fiscal_year_start)
        except ValueError as exc:
            raise SmartlintError(f"--period: {exc}") from None
    context = Context(period=period, reference_date=args.today or config.reference_date)
    rewrite = suggest(text, context=context, config=config)
    values = values_for(rewrite.lang, args.value)
    if interactive and rewrite.placeholders:
        values = ask(rewrite.placeholders, values)
    filled = rewrite.fill(values)
    if args.format == "json":
        data = rewrite.to_dict()
        data["values"] = {k: v for k, v in values.items() if k in rewrite.placeholders}
        data["filled"] = filled
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(filled)
    return EXIT_CLEAN
