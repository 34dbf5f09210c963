"""Quantities as pint quantities, and unit-aware comparison ("200 ms" vs "0.5 s").

pint is imported lazily (on the first call), and only one `UnitRegistry` is ever built.
pint is never given raw text: only the unit names the extractors set on a `Quantity`
(pint unit names for UNIT quantities; "percent" / "percentage_point" for PERCENT). Money,
plain counts and multipliers have no pint unit: `to_pint` gives them as dimensionless
magnitudes, and `convert` / `comparable` handle currencies by ISO code without conversion
rates (amounts in different currencies are not comparable).
"""

from __future__ import annotations

import functools
from typing import Any

from smartlint.model import Quantity, QuantityKind

__all__ = ["comparable", "convert", "registry", "to_pint"]

# Units the extractors emit that pint spells differently or does not know.
_ALIASES = {
    "percentage_point": "percent",  # a difference of percents; same scale
    "oil_barrel": "oil_barrel",
    "metric_ton": "metric_ton",
    "square_meter": "meter ** 2",
    "square_kilometer": "kilometer ** 2",
    "cubic_meter": "meter ** 3",
}


@functools.lru_cache(maxsize=1)
def registry() -> Any:
    """The one pint UnitRegistry (built on first use, ~0.3 s)."""
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=256)
def _unit(name: str) -> Any:
    """A pint Unit for a name the extractors produce, or None if pint does not know it."""
    ureg = registry()
    try:
        return ureg.Unit(_ALIASES.get(name, name))
    except Exception:  # pint raises UndefinedUnitError, DefinitionSyntaxError, ...
        return None


def to_pint(q: Quantity) -> Any:
    """`q` as a `pint.Quantity`.

    UNIT and PERCENT quantities carry their unit; NUMBER, CURRENCY and MULTIPLIER ones are
    dimensionless (the currency code stays on the `Quantity`). Raises ValueError when the
    quantity has no value or its unit is unknown to pint.
    """
    if q.value is None:
        raise ValueError(f"quantity {q.text!r} has no value")
    ureg = registry()
    if q.kind in (QuantityKind.UNIT, QuantityKind.PERCENT) and q.unit:
        unit = _unit(q.unit)
        if unit is None:
            raise ValueError(f"unit {q.unit!r} of {q.text!r} is unknown to pint")
        return ureg.Quantity(q.value, unit)
    return ureg.Quantity(q.value, ureg.dimensionless)


def convert(q: Quantity, to_unit: str) -> float | None:
    """The value of `q` expressed in `to_unit`, or None when that makes no sense.

    `to_unit` is a pint unit name ("second", "millisecond", "day"), "percent", or an
    ISO currency code (only the same code converts: there are no exchange rates here).
    ``convert(<200 ms>, "second")`` → 0.2.
    """
    if q.value is None:
        return None
    if q.kind is QuantityKind.CURRENCY:
        return q.value if q.unit == to_unit else None
    if q.kind in (QuantityKind.NUMBER, QuantityKind.MULTIPLIER):
        return q.value if to_unit in (None, "", "dimensionless") else None
    if not q.unit:
        return None
    if q.unit == to_unit:
        return q.value
    if q.kind is QuantityKind.PERCENT:
        # "percent" and "percentage_point" are the same scale but not the same thing.
        return None
    source, target = _unit(q.unit), _unit(to_unit)
    if source is None or target is None:
        return None
    try:
        return float(registry().Quantity(q.value, source).to(target).magnitude)
    except Exception:  # DimensionalityError and friends
        return None


def comparable(a: Quantity, b: Quantity) -> bool:
    """True when `a` and `b` measure the same kind of thing and can be compared.

    "200 ms" and "0.5 s" are; "$2M" and "€2M" are not (no exchange rates); "10%" and
    "3 percentage points" are not (a level and a change); two plain counts are.
    """
    if a.value is None or b.value is None:
        return False
    if a.kind is not b.kind:
        return False
    if a.kind in (QuantityKind.NUMBER, QuantityKind.MULTIPLIER):
        return True
    if a.kind in (QuantityKind.CURRENCY, QuantityKind.PERCENT):
        return a.unit == b.unit
    if not a.unit or not b.unit:
        return False
    if a.unit == b.unit:
        return True
    ua, ub = _unit(a.unit), _unit(b.unit)
    if ua is None or ub is None:
        return False
    try:
        return bool(ua.dimensionality == ub.dimensionality)
    except Exception:
        return False
