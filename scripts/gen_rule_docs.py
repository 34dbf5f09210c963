#!/usr/bin/env python3
"""Write docs/rules/<CODE>.md for every built-in rule, and docs/rules/README.md (the index).

The pages are generated from the rule classes (docstring sections, messages, examples,
options); edit the rule, then run this script. `--check` writes nothing and exits 1 when a
page is missing, stale or left over from a rule that no longer exists.

    python scripts/gen_rule_docs.py            # regenerate
    python scripts/gen_rule_docs.py --check    # what the test runs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"


def expected_pages() -> dict[str, str]:
    from smartlint.registry import load_registry
    from smartlint.ruledocs import render_all

    return render_all(load_registry())


def stale_pages(docs: Path = DOCS) -> list[str]:
    """Names of the pages that differ from what the rules generate (missing, changed, extra)."""
    pages = expected_pages()
    problems = []
    for name, text in sorted(pages.items()):
        path = docs / name
        if not path.is_file() or path.read_text("utf-8") != text:
            problems.append(name)
    if docs.is_dir():
        problems += sorted(p.name for p in docs.glob("*.md") if p.name not in pages)
    return problems


def write_pages(docs: Path = DOCS) -> list[str]:
    pages = expected_pages()
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sorted(pages.items()):
        path = docs / name
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            written.append(name)
    for path in sorted(docs.glob("*.md")):
        if path.name not in pages:  # the rule is gone: so is its page
            path.unlink()
            written.append(f"{path.name} (removed)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale pages")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_pages()
        for name in stale:
            print(f"stale: docs/rules/{name}")
        if stale:
            print("run: python scripts/gen_rule_docs.py", file=sys.stderr)
        return 1 if stale else 0
    for name in write_pages():
        print(f"wrote docs/rules/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
