#!/usr/bin/env python
"""Measure the extractors on the Recognizers-Text peer cases.

    python scripts/peer_eval.py [--lang en|zh|all] [--data DIR] [--misses N]

Reads `{lang}_*.jsonl` and `typed_extractor_negatives.jsonl` from the peer folder
(default `../shared/data/peer/recognizers-text` next to the checkout) and runs
`smartlint.parse()` on every case, with the case's `ref_time` as the reference date when it
has one (else 2027-01-15).

Matching rule
-------------
- Each case has a `kind`. Its *family*: time, duration → time frames
  (`ParsedGoal.timeframes`); number, percent, currency, dimension → quantities
  (`ParsedGoal.quantities`).
- Recall on positives: a gold span counts as found when some extracted span of the case's
  family overlaps it by at least one character. Every gold span of a case counts, including
  `span_scope` cases (those annotate only one type, so they are used for "does it fire",
  and overlap is all we ask anyway).
- False alarms on negatives: a negative case (`negative: true`) counts as a false alarm
  when the extractor emits something of that case's kind: any time frame for time and
  duration cases; for quantity cases a quantity of the matching kind (number → NUMBER,
  percent → PERCENT, currency → CURRENCY, dimension → UNIT). A negative number case such as
  "the 180ml liquid" says "no bare number here", so a UNIT quantity is no false alarm.
  The stricter "any quantity" rate is printed beside it.
- Baseline: a plain regex (digits, month names, a few time words) scored the same way.

Targets: time-frame recall ≥ 0.90, quantity recall ≥ 0.95, false alarms ≤ 20%.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "peer" / "recognizers-text"
DEFAULT_REF = date(2027, 1, 15)

TIME_KINDS = ("time", "duration")
QUANTITY_KINDS = ("number", "percent", "currency", "dimension")
TARGET_TIME_RECALL = 0.90
TARGET_QUANTITY_RECALL = 0.95
TARGET_FALSE_ALARMS = 0.20

# The "plain regex" baseline: any digit run, a month or weekday name, a few time words;
# for Chinese any digit or number character.
_BASELINE = {
    "en": re.compile(
        r"\d+(?:[.,]\d+)*|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
        r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|"
        r"yesterday|week|month|year|quarter|day|hour|minute)s?\b|\b(?:one|two|three|four|five|"
        r"six|seven|eight|nine|ten|hundred|thousand|million|billion)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"[\d０-９]+|[零一二三四五六七八九十百千万亿两半]+|[年月日天周季]"),
}


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    negatives: int = 0
    alarms: int = 0
    alarms_any: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    def alarm_rate(self) -> float:
        return self.alarms / self.negatives if self.negatives else float("nan")

    def alarm_any_rate(self) -> float:
        return self.alarms_any / self.negatives if self.negatives else float("nan")

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.negatives += other.negatives
        self.alarms += other.alarms
        self.alarms_any += other.alarms_any


def _cases(data: Path, lang: str) -> Iterator[dict]:
    files = sorted(data.glob(f"{lang}_*.jsonl"))
    for path in files:
        yield from _read(path)
    negatives = data / "typed_extractor_negatives.jsonl"
    if negatives.exists():
        for case in _read(negatives):
            if case.get("lang") == lang:
                yield case


def _read(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{line_no}: not JSON ({exc})") from exc


def _ref_date(case: dict) -> date:
    raw = case.get("ref_time")
    if raw:
        try:
            return datetime.fromisoformat(raw).date()
        except ValueError:
            pass
    return DEFAULT_REF


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_KIND_TO_QUANTITY = {
    "number": "number",
    "percent": "percent",
    "currency": "currency",
    "dimension": "unit",
}


def _extracted(case: dict, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans of the case's family, spans of the case's own kind)."""
    import smartlint

    text = case["text"]
    goal = smartlint.parse(text, lang=lang, reference_date=_ref_date(case))
    if case["kind"] in TIME_KINDS:
        spans = [(t.start, t.end) for t in goal.timeframes]
        return spans, spans
    family = [(q.start, q.end) for q in goal.quantities]
    wanted = _KIND_TO_QUANTITY[case["kind"]]
    own = [(q.start, q.end) for q in goal.quantities if q.kind.value == wanted]
    return family, own


def _baseline(case: dict, lang: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BASELINE[lang].finditer(case["text"])]


def evaluate(
    data: Path, lang: str, keep_misses: int = 0
) -> tuple[dict[str, Tally], dict[str, Tally]]:
    ours: dict[str, Tally] = defaultdict(Tally)
    base: dict[str, Tally] = defaultdict(Tally)
    for case in _cases(data, lang):
        kind = case["kind"]
        if not case["text"].strip():
            continue
        family, own = _extracted(case, lang)
        plain = _baseline(case, lang)
        if case.get("negative"):
            ours[kind].negatives += 1
            base[kind].negatives += 1
            ours[kind].alarms += bool(own)
            ours[kind].alarms_any += bool(family)
            base[kind].alarms += bool(plain)
            base[kind].alarms_any += bool(plain)
            if own and len(ours[kind].misses) < keep_misses:
                ours[kind].misses.append(f"  FALSE ALARM [{kind}] {case['text'][:100]!r}")
            continue
        for start, end, *_ in case["spans"]:
            ours[kind].gold += 1
            base[kind].gold += 1
            hit = _overlaps(family, start, end)
            ours[kind].found += hit
            base[kind].found += _overlaps(plain, start, end)
            if not hit and len(ours[kind].misses) < keep_misses:
                ours[kind].misses.append(
                    f"  MISS [{kind}] {case['text'][start:end]!r} in {case['text'][:100]!r}"
                )
    return ours, base


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:5.3f}"


def report(lang: str, ours: dict[str, Tally], base: dict[str, Tally], misses: bool) -> bool:
    print(f"== {lang} ==")
    print(
        f"{'kind':<10} {'gold':>5} {'recall':>7} {'base':>7} | {'neg':>4} {'alarms':>7} "
        f"{'any':>6} {'base':>6}"
    )
    for kind in (*TIME_KINDS, *QUANTITY_KINDS):
        if kind not in ours:
            continue
        o, b = ours[kind], base[kind]
        print(
            f"{kind:<10} {o.gold:>5} {_fmt(o.recall()):>7} {_fmt(b.recall()):>7} | "
            f"{o.negatives:>4} {_fmt(o.alarm_rate()):>7} {_fmt(o.alarm_any_rate()):>6} "
            f"{_fmt(b.alarm_rate()):>6}"
        )
    ok = True
    for label, kinds, target in (
        ("time-frames", TIME_KINDS, TARGET_TIME_RECALL),
        ("quantities", QUANTITY_KINDS, TARGET_QUANTITY_RECALL),
    ):
        o, b = Tally(), Tally()
        for kind in kinds:
            if kind in ours:
                o.add(ours[kind])
                b.add(base[kind])
        recall_ok = o.recall() >= target
        alarms_ok = not o.negatives or o.alarm_rate() <= TARGET_FALSE_ALARMS
        ok = ok and recall_ok and alarms_ok
        print(
            f"TOTAL {label:<12} recall {_fmt(o.recall())} (target {target:.2f}, "
            f"{'ok' if recall_ok else 'BELOW'}; regex {_fmt(b.recall())})  false alarms "
            f"{_fmt(o.alarm_rate())} on {o.negatives} (target ≤ {TARGET_FALSE_ALARMS:.2f}, "
            f"{'ok' if alarms_ok else 'ABOVE'}; regex {_fmt(b.alarm_rate())})"
        )
    if misses:
        for kind in ours:
            for line in ours[kind].misses:
                print(line)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("en", "zh", "all"), default="all")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--misses",
        type=int,
        default=0,
        metavar="N",
        help="print up to N misses and false alarms per kind",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"peer_eval: no peer data folder at {args.data}", file=sys.stderr)
        return 2
    langs = ("en", "zh") if args.lang == "all" else (args.lang,)
    all_ok = True
    for lang in langs:
        ours, base = evaluate(args.data, lang, args.misses)
        all_ok = report(lang, ours, base, bool(args.misses)) and all_ok
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
