#!/usr/bin/env python3
"""Check that a change meant to keep behaviour (a speed-up, a refactor) keeps every output.

    python scripts/same_output.py record        # on the code before the change
    python scripts/same_output.py check [en|zh] # after it: lists what differs, exit 1 if any

`record` writes what smartlint outputs now, per language, to `.same-output/` (git ignores
it): `parse().to_dict()`, the findings of `lint` with and without a parent and period,
`suggest()` for every fifth goal and, where they differ, `lint_many`'s findings, on the
corpus, the evaluation sets, 6,000 generated goals (benchmarks/goalgen.py) and — when
`../shared/data/peer/recognizers-text` is there — the peer texts. `check` runs the same
inputs again and compares. The speed work of 2026-11-29 was held to 0 differences this
way, on ~15,000 goals.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "data" / "peer" / "recognizers-text"
REF = date(2027, 1, 15)


def inputs(lang: str) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import goalgen

    from smartlint.corpus import load_corpus

    texts: list[str] = []
    for root in (ROOT / "corpus", ROOT / "evalsets" / "dev", ROOT / "evalsets" / "holdout"):
        texts += [g.text for g in load_corpus(root) if g.lang == lang]
    texts += goalgen.goals(lang, 6000)
    if PEER.is_dir():
        for f in [*sorted(PEER.glob(f"{lang}_*.jsonl")), PEER / "typed_extractor_negatives.jsonl"]:
            for line in f.read_text(encoding="utf-8").splitlines():
                case = json.loads(line)
                if case.get("lang", lang) == lang:
                    texts.append(case["text"])
    edge = ["", "   ", "Increase revenue", "  Grow ARR from $1M to $2M by Q4 2027  ",
            "提升销售额10%", "  本季度末前将客户流失率从5%降至3%  "]  # fmt: skip
    return list(dict.fromkeys(edge + texts))


def outputs(lang: str, texts: list[str]) -> Iterator[dict[str, Any]]:
    import smartlint
    from smartlint.model import Context, Period

    plain = Context(reference_date=REF)
    placed = Context(
        reference_date=REF,
        parent="Grow revenue 20% in 2027" if lang == "en" else "2027年营收增长20%",
        period=Period("2027-Q1", date(2027, 1, 1), date(2027, 3, 31)),
    )
    # the batch path first, from a cold parse cache: it must give what `lint` gives
    from smartlint import api

    api._parse_stripped.cache_clear()
    batch = smartlint.lint_many(texts, lang=lang, context=plain)
    for i, text in enumerate(texts):
        rec: dict[str, Any] = {"text": text}
        rec["parse"] = smartlint.parse(text, lang=lang, reference_date=REF).to_dict()
        result = smartlint.lint(text, lang=lang, context=plain)
        rec["lint"] = [f.to_dict() for f in result]
        if batch[i].to_dict() != result.to_dict() or batch[i].goal != result.goal:
            rec["lint_many"] = [f.to_dict() for f in batch[i]]  # only where they differ
        if i % 3 == 0:
            rec["lint_ctx"] = [f.to_dict() for f in smartlint.lint(text, lang=lang, context=placed)]
        if i % 5 == 0:
            rec["suggest"] = smartlint.suggest(text, lang=lang, context=plain).to_dict()
        # through JSON, so a recorded and a fresh record compare alike
        yield json.loads(json.dumps(rec, ensure_ascii=False, default=str))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("langs", nargs="*", metavar="en|zh", help="default: both")
    parser.add_argument("--dir", type=Path, default=ROOT / ".same-output")
    parser.add_argument("--show", type=int, default=15, help="differences shown per language")
    args = parser.parse_args(argv)
    if not set(args.langs) <= {"en", "zh"}:
        parser.error(f"languages are en and zh, not {' '.join(args.langs)}")
    args.langs = args.langs or ["en", "zh"]
    differ = 0
    for lang in args.langs:
        path = args.dir / f"{lang}.jsonl"
        if args.mode == "record":
            args.dir.mkdir(parents=True, exist_ok=True)
            texts = inputs(lang)
            with path.open("w", encoding="utf-8") as fh:
                for rec in outputs(lang, texts):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(f"{lang}: {len(texts)} goals recorded in {path}")
            continue
        if not path.is_file():
            print(f"{path}: nothing recorded; run `record` on the code before the change first")
            return 2
        recorded = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        n = 0
        for old, new in zip(recorded, outputs(lang, [r["text"] for r in recorded]), strict=True):
            if new == old:
                continue
            n += 1
            if n <= args.show:
                keys = [k for k in new.keys() | old.keys() if new.get(k) != old.get(k)]
                print(f"[{lang}] {old['text'][:120]!r} differs in {sorted(keys)}")
                for k in sorted(keys):
                    print("   was:", json.dumps(old.get(k), ensure_ascii=False)[:600])
                    print("   now:", json.dumps(new.get(k), ensure_ascii=False)[:600])
        print(f"{lang}: {len(recorded)} goals checked, {n} differ")
        differ += n
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
