"""PyYAML, safely: the safe loader with a cap on aliases, and errors that name the file.

A "billion laughs" document nests aliases so that walking it visits billions of nodes.
Goal documents have no use for more than a handful of aliases, so reading stops at
`MAX_ALIASES` with a clear message instead of trusting every consumer to walk carefully.
With libyaml, the aliases are counted on the event stream (nothing is expanded) before
the C loader composes the document; without it, a SafeLoader subclass counts them while
composing.
PyYAML is imported only when a YAML file or front matter is actually read.
"""

from __future__ import annotations

from typing import Any

from smartlint.errors import InputError

MAX_ALIASES = 50

_LOADER: type | None = None


def _loader_class() -> type:
    global _LOADER
    if _LOADER is None:
        import yaml

        class GuardedLoader(yaml.SafeLoader):
            """SafeLoader that refuses documents with more than MAX_ALIASES aliases."""

            def __init__(self, stream: str) -> None:
                super().__init__(stream)
                self.alias_count = 0

            def compose_node(self, parent: Any, index: Any) -> Any:
                if self.check_event(yaml.AliasEvent):
                    self.alias_count += 1
                    if self.alias_count > MAX_ALIASES:
                        mark = self.peek_event().start_mark
                        raise _TooManyAliases(mark.line + 1)
                return super().compose_node(parent, index)

        _LOADER = GuardedLoader
    return _LOADER


class _TooManyAliases(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _error(
    exc: Exception, path: str, line_offset: int, last_line: int | None = None
) -> InputError:
    import yaml

    if isinstance(exc, _TooManyAliases):
        return InputError(
            f"more than {MAX_ALIASES} YAML aliases (*name); goal documents do not need them",
            path,
            exc.line + line_offset,
        )
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        problem = exc.problem or "invalid YAML"
        line = exc.problem_mark.line + 1
        if last_line is not None:  # libyaml may point just past the end of the text
            line = min(line, last_line)
        return InputError(f"invalid YAML: {problem}", path, line + line_offset)
    return InputError(f"invalid YAML: {exc}", path)


def _fast_loader() -> type | None:
    """libyaml's safe loader when PyYAML was built with it (about 20x faster)."""
    import yaml

    return getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


def _count_aliases(text: str, loader: type) -> None:
    """Raise _TooManyAliases past MAX_ALIASES; parsing events does not expand anything."""
    import yaml

    count = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            count += 1
            if count > MAX_ALIASES:
                raise _TooManyAliases(event.start_mark.line + 1)


def compose(text: str, path: str, line_offset: int = 0) -> Any:
    """The YAML node tree of `text` (None for an empty document), or InputError."""
    import yaml

    fast = _fast_loader()
    if fast is not None:
        try:
            _count_aliases(text, fast)
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, _TooManyAliases) as exc:
            raise _error(exc, path, line_offset) from None
        except RecursionError:
            raise InputError("YAML nested too deeply", path) from None
    loader = _loader_class()(text)
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, _TooManyAliases, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            raise InputError("YAML nested too deeply", path) from None
        raise _error(exc, path, line_offset) from None
    finally:
        loader.dispose()


def load(text: str, path: str, line_offset: int = 0) -> Any:
    """Python data from `text` (like yaml.safe_load), with the alias cap."""
    import yaml

    fast = _fast_loader()
    if fast is not None:
        try:
            _count_aliases(text, fast)
            return yaml.load(text, Loader=fast)
        except (yaml.YAMLError, _TooManyAliases) as exc:
            raise _error(exc, path, line_offset, text.count("\n") + 1) from None
        except RecursionError:
            raise InputError("YAML nested too deeply", path) from None
    loader = _loader_class()(text)
    try:
        return loader.get_single_data()
    except (yaml.YAMLError, _TooManyAliases) as exc:
        raise _error(exc, path, line_offset, text.count("\n") + 1) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", path) from None
    finally:
        loader.dispose()


def construct(node: Any, path: str) -> Any:
    """Python data for one scalar-ish node (dates become `datetime.date`)."""
    import yaml

    loader = _loader_class()("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise _error(exc, path, 0) from None
    finally:
        loader.dispose()
