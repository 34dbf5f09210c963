"""Errors that smartlint reports to people instead of a traceback."""

from __future__ import annotations


class SmartlintError(Exception):
    """Base class. The message is meant for a person: what went wrong and where."""


class ConfigError(SmartlintError):
    """The configuration (file, option or plugin) is wrong."""


class InputError(SmartlintError):
    """An input file cannot be read as a goal source. The message names the file."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.line = line
