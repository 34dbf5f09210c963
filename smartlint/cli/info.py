"""`smartlint rules`, `smartlint explain` and `smartlint parse`: what smartlint knows.

    smartlint rules [--format json]        # every rule: code, name, dimension, severity …
    smartlint explain T102                 # a rule's documentation (= docs/rules/T102.md)
    smartlint explain vague-time
    smartlint parse "Reduce churn to 3% by June 30, 2027" [--format json]
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from smartlint.cli import EXIT_CLEAN
from smartlint.errors import SmartlintError

FORMATS = ("text", "json")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def add_parser(sub: Any) -> None:
    rules = sub.add_parser("rules", help="list the rules",
                           description="List every rule: code, name, dimension, default "
                           "severity, languages and summary.")
    rules.add_argument("-f", "--format", choices=FORMATS, default="text",
                       help="output format (default: text)")
    rules.add_argument("--config", type=Path, default=None, metavar="PATH",
                       help="config file whose plugins to include (default: nearest)")
    rules.set_defaults(run=run_rules)

    explain = sub.add_parser("explain", help="print a rule's documentation",
                             description="Print a rule's documentation, the same text as "
                             "docs/rules/<CODE>.md.")
    explain.add_argument("rule", metavar="CODE|NAME", help="a rule code (T102) or name")
    explain.add_argument("--config", type=Path, default=None, metavar="PATH",
                         help="config file whose plugins to include (default: nearest)")
    explain.set_defaults(run=run_explain)

    parse = sub.add_parser("parse", help="show what the parser understood of a goal",
                           description="Show what the pipeline saw in a goal: quantities, "
                           "time frames, verb, direction, metric, baseline, target, change.")
    parse.add_argument("goal", help="the goal text ('-' reads it from stdin)")
    parse.add_argument("--lang", choices=("en", "zh", "auto"), default=None,
                       help="language (default: config, else detected)")
    parse.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="reference date for relative dates (default: config, else today)")
    parse.add_argument("-f", "--format", choices=FORMATS, default="text",
                       help="output format (default: text)")
    parse.add_argument("--config", type=Path, default=None, metavar="PATH",
                       help="config file (default: nearest smartlint.toml / pyproject.toml)")
    parse.set_defaults(run=run_parse)


def _registry(config_path: Path | None) -> Any:
    from smartlint.config import load_config
    from smartlint.registry import load_registry

    return load_registry(tuple(load_config(config_path).plugins))


def rule_rows(registry: Any) -> list[dict[str, Any]]:
    from smartlint.ruledocs import summary

    return [
        {
            "code": r.code,
            "name": r.name,
            "dimension": r.dimension.value,
            "severity": r.default_severity.value,
            "languages": list(r.languages),
            "scope": r.scope,
            "summary": summary(r),
        }
        for r in registry
    ]


def run_rules(args: argparse.Namespace) -> int:
    rows = rule_rows(_registry(args.config))
    if args.format == "json":
        print(json.dumps({"rules": rows}, ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    headers = ("CODE", "NAME", "DIMENSION", "SEVERITY", "LANGS", "SUMMARY")
    table = [
        (r["code"], r["name"], r["dimension"], r["severity"], ",".join(r["languages"]),
         r["summary"])
        for r in rows
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) if table else len(h)
              for i, h in enumerate(headers)]
    for row in (headers, *table):
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        print("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace) -> int:
    from smartlint.ruledocs import render_rule_doc

    registry = _registry(args.config)
    rule = registry.get(args.rule)
    if rule is None:
        keys = [*registry.codes(), *(r.name for r in registry)]
        close = difflib.get_close_matches(args.rule.strip(), keys, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `smartlint rules`"
        raise SmartlintError(f"no rule with the code or name {args.rule!r}{hint}")
    sys.stdout.write(render_rule_doc(rule))
    return EXIT_CLEAN


def _describe_quantity(q: dict[str, Any] | None) -> str:
    if q is None:
        return "-"
    parts = [q["kind"]]
    if q["value"] is not None:
        parts.append(f"{q['value']:g}")
    if q["unit"]:
        parts.append(q["unit"])
    if q["noun"]:
        parts.append(f"of {q['noun']}")
    if q["comparator"]:
        parts.append(q["comparator"])
    return f"{q['text']}  [{' '.join(parts)}] @{q['start']}-{q['end']}"


def parsed_text(data: dict[str, Any]) -> str:
    """The human-readable form of `ParsedGoal.to_dict()`."""
    verb = data["verb"]
    lines = [
        f"text:         {data['text']}",
        f"language:     {data['lang']}",
        f"today:        {data['reference_date']}",
        "verb:         " + (
            f"{verb['text']} (lemma {data['verb_lemma']}) @{verb['start']}-{verb['end']}"
            if verb else "-"
        ),
        f"direction:    {data['direction'] or '-'}",
        "metric:       " + (
            f"{data['metric']['text']} @{data['metric']['start']}-{data['metric']['end']}"
            if data["metric"] else "-"
        ),
        f"baseline:     {_describe_quantity(data['baseline'])}",
        f"target:       {_describe_quantity(data['target'])}",
        f"change:       {_describe_quantity(data['change'])}",
        "quantities:" + ("   -" if not data["quantities"] else ""),
    ]
    lines += [f"  - {_describe_quantity(q)}" for q in data["quantities"]]
    lines.append("time frames:" + ("  -" if not data["timeframes"] else ""))
    for t in data["timeframes"]:
        dates = " to ".join(d for d in (t["start_date"], t["end_date"]) if d) or "no dates"
        role = "bounding" if t["bounding"] else "not bounding"
        lines.append(f"  - {t['text']}  [{t['kind']}, {role}, {dates}] @{t['start']}-{t['end']}")
    lines.append(
        "placeholders: " + (", ".join(p["text"] for p in data["placeholders"]) or "-")
    )
    return "\n".join(lines) + "\n"


def read_goal(value: str) -> str:
    """The goal argument, or stdin for '-' (one goal: the whole input, stripped)."""
    if value != "-":
        return value
    text = sys.stdin.read().strip()
    if not text:
        raise SmartlintError("no goal on stdin")
    return text


def run_parse(args: argparse.Namespace) -> int:
    from smartlint.api import parse
    from smartlint.config import load_config

    config = load_config(args.config)
    lang = args.lang or config.language
    goal = parse(
        read_goal(args.goal),
        lang=None if lang == "auto" else lang,
        reference_date=args.today or config.reference_date,
        fiscal_year_start=config.fiscal_year_start,
    )
    data = goal.to_dict()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(parsed_text(data))
    return EXIT_CLEAN
