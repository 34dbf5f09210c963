"""Configuration: `[tool.smartlint]` in pyproject.toml, or smartlint.toml / .smartlint.toml.

[tool.smartlint]
select = ["ALL"]            # codes or prefixes: "M", "T1", "S101"; default: all rules
ignore = ["S103"]
language = "auto"           # "en", "zh" or "auto"
reference-date = "2027-01-15"
fiscal-year-start = 4       # month the fiscal year starts in (1 = January)
fail-on = "error"           # the lowest severity that makes the run fail
plugins = ["acme"]          # third-party entry points to load
include = ["**/*.okr.md", "goals/**/*.yaml"]
exclude = ["drafts/**"]

[tool.smartlint.severity]
T101 = "error"

[tool.smartlint.rules.S103]  # options of one rule
max-words = 40

[tool.smartlint.lexicon.en]  # extra words for the lexicons, per language
jargon = ["synergy"]
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from smartlint.errors import ConfigError
from smartlint.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("smartlint.toml", ".smartlint.toml", "pyproject.toml")
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    language: str = "auto"
    reference_date: date | None = None
    fiscal_year_start: int = 1
    fail_on: Severity = Severity.ERROR
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lexicon: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    plugins: tuple[str, ...] = ()
    include: tuple[str, ...] = ("**/*.md", "**/*.yaml", "**/*.yml", "**/*.txt")
    exclude: tuple[str, ...] = ()
    max_length: int = 2000
    source: str | None = None  # the file it came from

    def __hash__(self) -> int:
        # Mappings are not hashable; the repr of plain data is a faithful key. Cached
        # on the instance because configs are built once and hashed on every lint.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(repr(self))
            object.__setattr__(self, "_hash", cached)
        return cached

    def is_selected(self, code: str) -> bool:
        def matches(patterns: tuple[str, ...]) -> int:
            """Length of the longest pattern matching `code` (-1: none), like ruff."""
            best = -1
            for p in patterns:
                p = p.upper()
                if p == "ALL":
                    best = max(best, 0)
                elif code.upper().startswith(p):
                    best = max(best, len(p))
            return best

        sel = max(matches(self.select), matches(self.extend_select))
        ign = matches(self.ignore)
        return sel >= 0 and sel >= ign if ign >= 0 else sel >= 0

    def severity_for(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code.upper(), default)

    def words(self, lang: str, list_name: str) -> tuple[str, ...]:
        """User additions to a lexicon list, e.g. words("en", "jargon")."""
        return tuple(self.lexicon.get(lang, {}).get(list_name, ()))

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _as_tuple(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: '{key}' must be a list of strings, not {value!r}")


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        choices = ", ".join(s.value for s in Severity)
        raise ConfigError(f"{where}: severity {value!r} is not one of {choices}") from None


def parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date in YYYY-MM-DD form") from None


def config_from_mapping(data: Mapping[str, Any], where: str = "config") -> Config:
    """Build a Config from the `[tool.smartlint]` table (keys with - or _)."""
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    kwargs: dict[str, Any] = {"source": where}
    for key in ("select", "ignore", "extend_select", "plugins", "include", "exclude"):
        if key in data:
            kwargs[key] = _as_tuple(data.pop(key), key, where)
    if "language" in data:
        lang = str(data.pop("language")).lower()
        if lang not in (*LANGUAGES, "auto"):
            raise ConfigError(f"{where}: language must be one of en, zh, auto, not {lang!r}")
        kwargs["language"] = lang
    if "reference_date" in data:
        kwargs["reference_date"] = parse_date(data.pop("reference_date"), where)
    if "fiscal_year_start" in data:
        month = data.pop("fiscal_year_start")
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise ConfigError(f"{where}: fiscal-year-start must be a month number 1-12")
        kwargs["fiscal_year_start"] = month
    if "fail_on" in data:
        kwargs["fail_on"] = _severity(data.pop("fail_on"), where)
    if "max_length" in data:
        n = data.pop("max_length")
        if not isinstance(n, int) or n < 1:
            raise ConfigError(f"{where}: max-length must be a positive whole number")
        kwargs["max_length"] = n
    if "severity" in data:
        table = data.pop("severity")
        if not isinstance(table, Mapping):
            raise ConfigError(f'{where}: [severity] must be a table of CODE = "level"')
        kwargs["severity"] = {str(k).upper(): _severity(v, where) for k, v in table.items()}
    if "rules" in data:
        table = data.pop("rules")
        if not isinstance(table, Mapping) or not all(
            isinstance(v, Mapping) for v in table.values()
        ):
            raise ConfigError(f"{where}: [rules] must hold one table per rule code")
        kwargs["rule_options"] = {
            str(code).upper(): {str(k).replace("-", "_"): v for k, v in opts.items()}
            for code, opts in table.items()
        }
    if "lexicon" in data:
        table = data.pop("lexicon")
        lex: dict[str, dict[str, tuple[str, ...]]] = {}
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}: [lexicon] must hold one table per language")
        for lang, lists in table.items():
            if lang not in LANGUAGES or not isinstance(lists, Mapping):
                raise ConfigError(f"{where}: [lexicon.{lang}] is not a language table (en, zh)")
            lex[lang] = {
                str(name).replace("-", "_"): _as_tuple(words, f"lexicon.{lang}.{name}", where)
                for name, words in lists.items()
            }
        kwargs["lexicon"] = lex
    if data:
        unknown = ", ".join(sorted(data))
        raise ConfigError(f"{where}: unknown setting(s): {unknown}")
    return Config(**kwargs)


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest config file at or above `start` (a pyproject.toml only if it has ours)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if not path.is_file():
                continue
            if name != "pyproject.toml":
                return path
            try:
                with path.open("rb") as fh:
                    if "smartlint" in tomllib.load(fh).get("tool", {}):
                        return path
            except (OSError, tomllib.TOMLDecodeError):
                continue
    return None


def load_config(path: Path | None = None, *, search_from: Path | None = None) -> Config:
    """Load the config at `path`, or the nearest one found; defaults when there is none."""
    if path is None:
        path = find_config_file(search_from)
        if path is None:
            return Config()
    try:
        with Path(path).open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if Path(path).name == "pyproject.toml":
        data = data.get("tool", {}).get("smartlint", {})
    elif "tool" in data and "smartlint" in data["tool"]:
        data = data["tool"]["smartlint"]
    return config_from_mapping(data, str(path))
