from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smartlint.config import Config, config_from_mapping, find_config_file, load_config
from smartlint.errors import ConfigError
from smartlint.model import Severity


def test_select_and_ignore_by_prefix_like_ruff() -> None:
    cfg = Config(select=("M", "T101"), ignore=("M102",))
    assert cfg.is_selected("M101")
    assert not cfg.is_selected("M102")
    assert cfg.is_selected("T101")
    assert not cfg.is_selected("T102")
    assert not cfg.is_selected("S101")


def test_more_specific_select_beats_broader_ignore() -> None:
    cfg = Config(select=("ALL", "S101"), ignore=("S",))
    assert cfg.is_selected("S101")
    assert not cfg.is_selected("S102")
    assert cfg.is_selected("M101")


def test_mapping_accepts_dashes_and_builds_typed_values() -> None:
    cfg = config_from_mapping(
        {
            "select": ["ALL"],
            "reference-date": "2027-02-01",
            "fiscal-year-start": 4,
            "fail-on": "warning",
            "severity": {"t101": "error"},
            "rules": {"S103": {"max-words": 30}},
            "lexicon": {"en": {"jargon": ["synergy"]}},
        }
    )
    assert cfg.reference_date == date(2027, 2, 1)
    assert cfg.fiscal_year_start == 4
    assert cfg.fail_on is Severity.WARNING
    assert cfg.severity_for("T101", Severity.WARNING) is Severity.ERROR
    assert cfg.rule_options["S103"] == {"max_words": 30}
    assert cfg.words("en", "jargon") == ("synergy",)
    assert hash(cfg) == hash(cfg)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"select": 5}, "'select' must be a list of strings"),
        ({"language": "fr"}, "language must be one of"),
        ({"reference-date": "tomorrow"}, "not a date"),
        ({"fiscal-year-start": 13}, "month number"),
        ({"severity": {"M101": "fatal"}}, "severity 'fatal'"),
        ({"colour": True}, "unknown setting(s): colour"),
        ({"lexicon": {"fr": {"jargon": []}}}, "[lexicon.fr]"),
    ],
)
def test_bad_settings_name_the_problem(data: dict, fragment: str) -> None:
    with pytest.raises(ConfigError) as err:
        config_from_mapping(data, "x.toml")
    assert fragment in str(err.value)
    assert str(err.value).startswith("x.toml")


def test_pyproject_is_used_only_when_it_has_a_smartlint_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub) is None
    (tmp_path / "pyproject.toml").write_text("[tool.smartlint]\nignore = ['S101']\n")
    found = find_config_file(sub)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).ignore == ("S101",)


def test_smartlint_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.smartlint]\nignore = ['S101']\n")
    (tmp_path / "smartlint.toml").write_text("ignore = ['T101']\n")
    assert load_config(search_from=tmp_path).ignore == ("T101",)


def test_broken_toml_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "smartlint.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError) as err:
        load_config(bad)
    assert str(bad) in str(err.value)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")
