"""Word lists shipped per language in `smartlint/data/<lang>/<name>.txt`.

One entry a line; `#` starts a comment; blank lines are ignored. Users extend any list in
config (`[tool.smartlint.lexicon.en] jargon = [...]`). Lists are read once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from smartlint.config import Config


@functools.lru_cache(maxsize=256)
def shipped(lang: str, name: str) -> frozenset[str]:
    """The shipped list `name` for `lang` (lower-cased; empty when there is none)."""
    try:
        text = resources.files("smartlint").joinpath(f"data/{lang}/{name}.txt").read_text("utf-8")
    except FileNotFoundError:
        return frozenset()
    words = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry.lower())
    return frozenset(words)


def words(lang: str, name: str, config: Config | None = None) -> frozenset[str]:
    """The shipped list plus the user's additions from config."""
    base = shipped(lang, name)
    if config is None:
        return base
    extra = config.words(lang, name)
    return base | {w.lower() for w in extra} if extra else base


def _split_pair(entry: str) -> tuple[str, str]:
    key, sep, value = entry.partition("=")
    return key.strip().lower(), value.strip() if sep else ""


@functools.lru_cache(maxsize=256)
def shipped_pairs(lang: str, name: str) -> Mapping[str, str]:
    """The shipped `key = value` list `name` for `lang` (keys lower-cased; a line without
    `=` maps to "")."""
    try:
        text = resources.files("smartlint").joinpath(f"data/{lang}/{name}.txt").read_text("utf-8")
    except FileNotFoundError:
        return MappingProxyType({})
    table: dict[str, str] = {}
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            key, value = _split_pair(entry)
            if key:
                table[key] = value
    return MappingProxyType(table)  # cached and shared: read-only


def pairs(lang: str, name: str, config: Config | None = None) -> Mapping[str, str]:
    """A `key = value` list (e.g. `churn = down`) plus the user's entries from config,
    written the same way (`metric_direction = ["bugs = down"]`); user entries win."""
    base = shipped_pairs(lang, name)
    extra = config.words(lang, name) if config is not None else ()
    if not extra:
        return base
    merged = dict(base)
    for entry in extra:
        key, value = _split_pair(entry)
        if key:
            merged[key] = value
    return merged
