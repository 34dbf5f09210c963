#!/usr/bin/env python3
"""Precision, recall and F1 of each rule on the labelled corpus.

    python scripts/accuracy.py                 # every language
    python scripts/accuracy.py --lang en --misses

Each goal is linted in its file's language with its context; the reference date is
2027-01-15 unless the goal's context sets one. Only the codes in a file's `labelled`
list are scored for that file. Exit status: 0, or 2 when the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from smartlint.corpus import Confusion, CorpusGoal, load_corpus, reported_codes, score
from smartlint.errors import SmartlintError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _table(title: str, table: dict[str, Confusion], exact: int, total: int) -> list[str]:
    lines = [
        f"{title}: {total} goals, {exact} fully right ({exact / total:.0%})" if total else title,
        f"  {'rule':<6}{'pos':>5}{'neg':>5}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}"
        f"{'prec':>7}{'recall':>7}{'F1':>7}",
    ]
    overall = Confusion()
    for code, c in table.items():
        overall.tp += c.tp
        overall.fp += c.fp
        overall.fn += c.fn
        overall.tn += c.tn
        lines.append(
            f"  {code:<6}{c.positives:>5}{c.negatives:>5}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.tn:>5}"
            f"{_fmt(c.precision):>7}{_fmt(c.recall):>7}{_fmt(c.f1):>7}"
        )
    c = overall
    lines.append(
        f"  {'all':<6}{c.positives:>5}{c.negatives:>5}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.tn:>5}"
        f"{_fmt(c.precision):>7}{_fmt(c.recall):>7}{_fmt(c.f1):>7}"
    )
    return lines


def _miss_lines(goal: CorpusGoal, got: frozenset[str]) -> list[str]:
    expected = set(goal.expect)
    missing = sorted(expected - got)
    extra = sorted(got - expected)
    detail = []
    if missing:
        detail.append("missed " + ", ".join(missing))
    if extra:
        detail.append("false " + ", ".join(extra))
    out = [
        f"{goal.id}: {goal.text}",
        f"    expected [{', '.join(goal.expect)}]  got [{', '.join(sorted(got))}]"
        f"  ({'; '.join(detail)})",
    ]
    if goal.note:
        out.append(f"    note: {goal.note}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("en", "zh", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="list each goal smartlint gets wrong")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder or file")
    args = parser.parse_args(argv)

    try:
        goals = load_corpus(args.corpus, lang=None if args.lang == "all" else args.lang)
    except SmartlintError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    if not goals:
        print(f"accuracy: no goals for language {args.lang!r} in {args.corpus}", file=sys.stderr)
        return 2

    from smartlint.registry import load_registry

    known = {cls.code for cls in load_registry()}
    labelled = sorted({code for g in goals for code in g.labelled})
    absent = [code for code in labelled if code not in known]
    if absent:
        print(f"note: no rule registered for {', '.join(absent)}: scored as never firing\n")

    langs = sorted({g.lang for g in goals})
    for lang in langs:
        subset = [g for g in goals if g.lang == lang]
        got, crashes = [], []
        for g in subset:
            try:
                got.append(reported_codes(g))
            except Exception as exc:  # a crashing rule is reported, the rest still measured
                crashes.append(f"{g.id}: {type(exc).__name__}: {exc}")
                got.append(frozenset())
        if crashes:
            print(f"{lang}: {len(crashes)} goals crashed smartlint (scored as no findings):")
            print("\n".join("    " + line for line in crashes[:10]))
        exact = sum(set(g.expect) == r for g, r in zip(subset, got, strict=True))
        print("\n".join(_table(lang, score(subset, got), exact, len(subset))))
        if args.misses:
            wrong = [(g, r) for g, r in zip(subset, got, strict=True) if set(g.expect) != r]
            if wrong:
                print(f"\n{lang} misses ({len(wrong)}):")
                for g, r in wrong:
                    print("\n".join(_miss_lines(g, r)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
