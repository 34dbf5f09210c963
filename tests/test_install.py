"""`pip install .` (not editable) gives a package whose built-in rules are found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys, smartlint
from smartlint.registry import load_registry
target = sys.argv[1]
assert smartlint.__file__.startswith(target), smartlint.__file__
import smartlint_rules
assert smartlint_rules.__file__.startswith(target), smartlint_rules.__file__
registry = load_registry()
codes = registry.codes()
for code in ("M101", "T101", "S101", "S102"):
    assert code in codes, codes
import pkgutil, importlib
for info in pkgutil.walk_packages(smartlint.__path__, "smartlint."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
result = smartlint.lint("Improve customer satisfaction")
assert "M101" in result.codes, result.codes
print("ok", len(codes))
"""


@pytest.mark.slow
def test_wheel_install_finds_builtin_rules(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    # Run from an empty folder with only the installed copy (and the venv's
    # dependencies) importable, so the checkout cannot shadow it.
    env_path = [str(target)] + [p for p in sys.path if p and Path(p).resolve() != ROOT]
    run = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path[:0] = {env_path!r}\n" + CHECK,
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("ok")


def test_every_source_package_is_listed_for_the_wheel() -> None:
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "smartlint").rglob("__init__.py")
    }
    missing = found - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
