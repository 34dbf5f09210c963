"""The one benchmark command: `python benchmarks/run.py` (add `--quick` for a smoke run).

Measures, in one run and side by side, and prints ratios against references measured in
the same run (absolute times on shared machines are noisy):

1. warm lint throughput per language on >= 2,000 different goals (`lint` once per goal,
   and `lint_many`, the batch path of `check` and `scan`), against spaCy's blank
   pipeline tokenising the same texts and against `dateparser.search.search_dates`;
2. cold start of `smartlint check` on a 20-goal document, against
   `python -c "import spacy; spacy.blank('en')"`;
3. `smartlint scan` of generated 10,000- and 100,000-row workbooks (see bench_scan.py).

Every figure is a median over repeated runs, after a warm-up run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import goalgen  # noqa: E402


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def corpus_goals(lang: str) -> list[str]:
    try:
        from smartlint.corpus import load_corpus
    except ImportError:
        return []
    try:
        return [g.text for g in load_corpus(ROOT / "corpus") if g.lang == lang]
    except Exception:  # the corpus is a bonus here, never a reason to fail the benchmark
        return []


def bench_throughput(lang: str, n: int, repeat: int) -> dict[str, float]:
    import spacy

    import smartlint
    from smartlint import api

    texts = list(dict.fromkeys(corpus_goals(lang) + goalgen.goals(lang, n)))[: max(n, 2000)]
    blank = spacy.blank(lang)

    def tokenise() -> None:
        for t in texts:
            blank(t)

    def lint_all() -> None:
        api._parse_stripped.cache_clear()  # measure real work, not the parse cache
        for t in texts:
            smartlint.lint(t, lang=lang)

    def lint_batches() -> None:
        api._parse_stripped.cache_clear()
        smartlint.lint_many(texts, lang=lang)

    t_tok = _median_time(tokenise, repeat)
    t_lint = _median_time(lint_all, repeat)
    t_many = _median_time(lint_batches, repeat)

    from dateparser.search import search_dates

    # search_dates is slow: time it on an evenly spread sample and scale up. (The first
    # texts are the corpus goals, shorter than the generated ones: a head sample made
    # search_dates look ~20% faster than on the whole set.)
    size = min(len(texts), 300 if n >= 2000 else 60)
    sample = texts[:: max(1, len(texts) // size)][:size]
    settings = {"PREFER_DATES_FROM": "future"}

    def naive() -> None:
        for t in sample:
            search_dates(t, languages=[lang], settings=settings)

    t_naive = _median_time(naive, 1) / len(sample) * len(texts)
    return {
        "goals": len(texts),
        "lint_per_s": len(texts) / t_lint,
        "lint_many_per_s": len(texts) / t_many,
        "tokenise_per_s": len(texts) / t_tok,
        "search_dates_per_s": len(texts) / t_naive,
    }


def _run_cmd(cmd: Sequence[str], repeat: int) -> float:
    times = []
    env = dict(os.environ, NO_COLOR="1")
    subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)  # warm the file cache
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_cold_start(repeat: int) -> dict[str, float]:
    doc = HERE / "data" / "small.md"
    smartlint_cmd = [sys.executable, "-m", "smartlint", "check", "--exit-zero", str(doc)]
    probe = subprocess.run(smartlint_cmd, capture_output=True, text=True, cwd=ROOT)
    if probe.returncode not in (0, 1):
        raise SystemExit(f"smartlint check failed on {doc}: {probe.stderr.strip()[-500:]}")
    t_ref = _run_cmd([sys.executable, "-c", "import spacy; spacy.blank('en')"], repeat)
    t_check = _run_cmd(smartlint_cmd, repeat)
    return {"check_s": t_check, "spacy_blank_s": t_ref}


def row(name: str, value: str, reference: str, ratio: float, target: str, ok: bool) -> str:
    verdict = "ok" if ok else "MISS"
    return f"{name:<44} {value:>14} {reference:>16} {ratio:>8.2f}  {target:<22} {verdict}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    n = 300 if args.quick else 2000
    repeat = 1 if args.quick else 3

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'measure':<44} {'value':>14} {'reference':>16} {'ratio':>8}  {'target':<22}")
    results: dict[str, object] = {}
    for lang in ("en", "zh"):
        r = bench_throughput(lang, n, repeat)
        results[f"throughput_{lang}"] = r
        # `lint` called once per goal, and `lint_many` (the batch path that `check` and
        # `scan` take: goals analysed BATCH_SIZE at a time), on the same goals
        for what, key in (("lint", "lint_per_s"), ("lint_many", "lint_many_per_s")):
            tok_ratio = r[key] / r["tokenise_per_s"]
            naive_ratio = r[key] / r["search_dates_per_s"]
            print(
                row(
                    f"{lang} {what} vs blank tokenise ({r['goals']} goals)",
                    f"{r[key]:.0f}/s",
                    f"{r['tokenise_per_s']:.0f}/s",
                    tok_ratio,
                    ">= 1/16 (0.0625)",
                    tok_ratio >= 1 / 16,
                )
            )
            print(
                row(
                    f"{lang} {what} vs search_dates",
                    f"{r[key]:.0f}/s",
                    f"{r['search_dates_per_s']:.0f}/s",
                    naive_ratio,
                    ">= 10",
                    naive_ratio >= 10,
                )
            )
    cold = bench_cold_start(3 if args.quick else 7)
    results["cold_start"] = cold
    ratio = cold["check_s"] / cold["spacy_blank_s"]
    print(
        row(
            "cold `smartlint check` 20 goals vs spacy.blank",
            f"{cold['check_s']:.2f}s",
            f"{cold['spacy_blank_s']:.2f}s",
            ratio,
            "<= 1.3",
            ratio <= 1.3,
        )
    )
    if not args.skip_scan:
        import bench_scan

        scan = bench_scan.run(quick=args.quick, report=row)
        results["scan"] = scan
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
