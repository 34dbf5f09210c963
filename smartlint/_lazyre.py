"""Regexes compiled when first used.

A cold `smartlint check` of a few goals uses a fraction of the ~300 patterns the extractors
and rules define (the Chinese ones serve no English goal; many sit behind rare gates);
compiling all of them at import was ~100 ms of a ~1.2 s start. Each module defines its
patterns as before, through a compile function that returns a stand-in:

    _lazy = lazy_compiler(globals())
    _YEAR = _lazy(r"\\b(19|20)\\d\\d\\b", re.IGNORECASE)

On the first use of the stand-in (`.search`, `.match`, …) the pattern is compiled and put in
the module's globals in place of the stand-in, under every name bound to it: from then on
the module's functions read the compiled pattern itself, at no cost over one compiled at
import. A stand-in held elsewhere (in a table, or imported by name into another module)
keeps working: it hands each attribute read on to the compiled pattern (~0.3 µs a call
more). `pattern` and `flags` are read without compiling, so that variants of a pattern
(a case-sensitive twin) can be built from it. A pattern with a syntax error fails on first
use instead of at import: tests compile every stand-in (`all_stand_ins`).

`LazyPatterns` is the same for patterns kept in a dict by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, cast

__all__ = [
    "LazyPattern",
    "LazyPatterns",
    "all_stand_ins",
    "ascii_twin_source",
    "lazy_compiler",
    "lazy_pattern",
]

#: every stand-in made (for the test that compiles them all); a few hundred, never freed
_MADE: list[LazyPattern] = []


class LazyPattern:
    """Stands in for `re.compile(pattern, flags)` until an attribute of the compiled pattern
    is read; see the module docstring."""

    __slots__ = ("_compiled", "_namespace", "flags", "pattern")

    def __init__(
        self, pattern: str, flags: int = 0, namespace: dict[str, Any] | None = None
    ) -> None:
        self.pattern = pattern
        self.flags = flags
        self._namespace = namespace
        self._compiled: re.Pattern[str] | None = None
        _MADE.append(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            namespace = self._namespace
            if namespace is not None:
                for name in [k for k, v in namespace.items() if v is self]:
                    namespace[name] = compiled
        return compiled

    def __getattr__(self, attribute: str) -> Any:
        # only reached for what the slots above do not hold: the compiled pattern's methods
        return getattr(self.compiled(), attribute)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def lazy_pattern(
    pattern: str, flags: int = 0, namespace: dict[str, Any] | None = None
) -> re.Pattern[str]:
    """A stand-in for `re.compile(pattern, flags)` (typed as the pattern it stands for);
    with `namespace`, the globals that get the compiled pattern in its place."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags, namespace))


def lazy_compiler(namespace: dict[str, Any]) -> Callable[..., re.Pattern[str]]:
    """A `re.compile(pattern, flags=0)` for the module-level patterns of the module whose
    globals are `namespace`."""

    def compile_when_used(pattern: str, flags: int = 0) -> re.Pattern[str]:
        return lazy_pattern(pattern, flags, namespace)

    return compile_when_used


def ascii_twin_source(pattern: re.Pattern[str], lower: str | None = None) -> tuple[str, int]:
    """(source, flags) of the case-sensitive twin of a case-insensitive pattern written in
    lower case; `pattern` may be a stand-in (its `pattern` and `flags` are read as they are).

    On ASCII text put in lower case first the twin matches exactly where the original
    matches (for ASCII, case-insensitive matching is comparing lower case), and often
    several times faster: the engine rejects most of a long word alternation by its first
    character, which it cannot do case-insensitively. Non-ASCII text keeps the original
    ("İ" matches "i" case-insensitively, but lower() makes it two characters). `lower` is
    the pattern rewritten in lower case where it is not already (its "A-Za-z" ranges as
    "a-z"). Group names are not text to match: "(?P<" may stay. Raises ValueError for a
    pattern that is not case-insensitive or not written in lower case: its twin would miss
    what it matches."""
    text = pattern.pattern if lower is None else lower
    unnamed = text.replace("(?P<", "(?<")
    if not pattern.flags & re.IGNORECASE or unnamed != unnamed.lower():
        raise ValueError(f"not a lower-case case-insensitive pattern: {text!r}")
    return text, pattern.flags & ~re.IGNORECASE


class LazyPatterns(dict[str, "re.Pattern[str]"]):
    """Regexes by name, each compiled when first looked up (then a plain dict look-up).
    Two threads may both compile a pattern once; either result is the same pattern."""

    def __init__(self, sources: Mapping[str, str | tuple[str, int]]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, name: str) -> re.Pattern[str]:
        source = self._sources[name]
        pattern = re.compile(source) if isinstance(source, str) else re.compile(*source)
        self[name] = pattern
        return pattern


def all_stand_ins() -> list[LazyPattern]:
    """Every stand-in made so far (tests compile them all to find a broken pattern)."""
    return list(_MADE)
