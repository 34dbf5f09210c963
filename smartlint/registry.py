"""Finding rules: built-in ones and third-party ones, through entry points.

Rules register under the entry-point group ``smartlint.rules``. An entry point names a
`Rule` subclass or a callable returning an iterable of them. smartlint's own rules come
through the same group (entry ``builtin``). Third-party entry points are loaded only when
the user names them in ``plugins`` in the config: configuration never makes smartlint
import code the user did not choose.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points

from smartlint.errors import ConfigError
from smartlint.rule import Rule

GROUP = "smartlint.rules"
BUILTIN_ENTRY = "builtin"


def builtin_rule_classes(package: str = "smartlint_rules") -> list[type[Rule]]:
    """Every Rule subclass defined in the modules of the built-in rules package."""
    pkg = importlib.import_module(package)
    found: list[type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Rule)
                and obj is not Rule
                and obj.__module__ == module.__name__
                and getattr(obj, "code", None)
            ):
                found.append(obj)
    return found


def _classes_from(obj: object, where: str) -> Iterator[type[Rule]]:
    if isinstance(obj, type) and issubclass(obj, Rule):
        yield obj
        return
    if callable(obj):
        obj = obj()
    if isinstance(obj, Iterable):
        for item in obj:
            if isinstance(item, type) and issubclass(item, Rule):
                yield item
            else:
                raise ConfigError(f"entry point {where} gave {item!r}, which is not a Rule class")
        return
    raise ConfigError(f"entry point {where} gave {obj!r}, which is not a Rule class")


def _entry_points() -> list[EntryPoint]:
    return list(entry_points(group=GROUP))


class Registry:
    """All known rules, by code."""

    def __init__(self, classes: Iterable[type[Rule]]) -> None:
        self._classes: dict[str, type[Rule]] = {}
        for cls in classes:
            self.add(cls)

    def add(self, cls: type[Rule]) -> None:
        existing = self._classes.get(cls.code)
        if existing is not None and existing is not cls:
            raise ConfigError(
                f"two rules claim the code {cls.code}: "
                f"{existing.__module__}.{existing.__name__} and {cls.__module__}.{cls.__name__}"
            )
        self._classes[cls.code] = cls

    def __contains__(self, code: object) -> bool:
        return code in self._classes

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(sorted(self._classes.values(), key=lambda c: c.code))

    def __len__(self) -> int:
        return len(self._classes)

    def get(self, code_or_name: str) -> type[Rule] | None:
        key = code_or_name.strip()
        if key.upper() in self._classes:
            return self._classes[key.upper()]
        for cls in self._classes.values():
            if cls.name == key.lower():
                return cls
        return None

    def codes(self) -> list[str]:
        return sorted(self._classes)


@functools.lru_cache(maxsize=16)
def load_registry(plugins: tuple[str, ...] = ()) -> Registry:
    """The built-in rules plus the named third-party entry points."""
    classes: list[type[Rule]] = []
    eps = {ep.name: ep for ep in _entry_points()}
    builtin = eps.get(BUILTIN_ENTRY)
    if builtin is not None:
        classes.extend(_classes_from(builtin.load(), f"{GROUP}:{BUILTIN_ENTRY}"))
    else:  # running from a source tree that was never installed
        classes.extend(builtin_rule_classes())
    for name in plugins:
        ep = eps.get(name)
        if ep is None:
            known = ", ".join(sorted(n for n in eps if n != BUILTIN_ENTRY)) or "none installed"
            raise ConfigError(
                f"plugin {name!r} is not an installed smartlint rule plugin ({known})"
            )
        classes.extend(_classes_from(ep.load(), f"{GROUP}:{name}"))
    return Registry(classes)
