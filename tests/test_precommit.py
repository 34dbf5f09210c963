"""The pre-commit hook, run by the real pre-commit framework in a throw-away repository.

Why `repo: local` and not `repo: <this checkout>` with `language: python`: with a remote
repo, pre-commit clones the committed tree and pip-installs it with spaCy and the other
dependencies into a fresh virtualenv. That needs a package index (the suite must run
offline), takes minutes, and tests whatever the lead last committed rather than the code
under test. So the test reads this checkout's `.pre-commit-hooks.yaml`, validates it with
pre-commit's own manifest schema, and installs the same hook as a local hook — same id,
name, file types, serial mode and `entry` command — with `language: system` and the
entry's `smartlint` replaced by this interpreter running this checkout. What pre-commit
does with it (select the staged files by type, run the command, block the commit on a
non-zero exit, show the output) is the real thing.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pre_commit = pytest.importorskip("pre_commit")

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BAD = "## Objective: Grow\n- KR: Improve things\n- KR: Improve stuff\n"
GOOD = (
    "---\nperiod: 2027-H1\n---\n"
    "## Objective: Delight our customers\n"
    "- KR: Raise NPS from 30 to 45 by 2027-06-30\n"
    "- KR: Cut median first-response time from 4 hours to 1 hour by 2027-06-30\n"
)


def test_manifest_is_valid_for_pre_commit() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(MANIFEST))
    hook = next(h for h in hooks if h["id"] == "smartlint")
    assert hook["entry"] == "smartlint check"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "yaml"}


def _local_hook() -> dict[str, object]:
    hook = next(h for h in yaml.safe_load(MANIFEST.read_text("utf-8")) if h["id"] == "smartlint")
    entry = shlex.split(hook["entry"])
    assert entry[0] == "smartlint"
    # The console script, from this interpreter, on this checkout.
    hook["entry"] = shlex.join([sys.executable, "-m", "smartlint", *entry[1:]])
    hook["language"] = "system"
    return hook


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_bad_goal_blocks_the_commit_and_good_goal_passes(tmp_path: Path) -> None:
    repo = tmp_path / "okrs"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
        "NO_COLOR": "1",
    }
    env.pop("GIT_DIR", None)
    assert _git(repo, "init", "-q", env=env).returncode == 0
    config = {"repos": [{"repo": "local", "hooks": [_local_hook()]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    # A fixed reference date, so the goals mean the same thing every day.
    (repo / "smartlint.toml").write_text('reference-date = "2027-01-15"\n', encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert install.returncode == 0, install.stderr

    goals = repo / "goals" / "q1.md"
    goals.parent.mkdir()
    goals.write_text(BAD, encoding="utf-8")
    _git(repo, "add", "-A", env=env)
    blocked = _git(repo, "commit", "-m", "bad goals", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "smartlint (OKR and SMART goal check)" in output and "Failed" in output
    assert "goals/q1.md:2:" in output and "M101" in output
    assert "Traceback" not in output
    assert _git(repo, "rev-parse", "--verify", "HEAD", env=env).returncode != 0  # no commit

    goals.write_text(GOOD, encoding="utf-8")
    _git(repo, "add", "-A", env=env)
    passed = _git(repo, "commit", "-m", "good goals", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    log = _git(repo, "log", "--oneline", env=env).stdout
    assert "good goals" in log
