"""What kind of unit a figure has: money, a counted noun, or a unit of measure."""

from __future__ import annotations

from ..kb.lexicon import measure_units

_NON_COUNT = frozenset({"percent", "pp", "rank"})
#: units of a span of time
DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"})


def is_money(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()  # type: ignore[union-attr]


def is_counted(unit: str | None) -> bool:
    """A counted noun ("railroad"), not money, a percentage, a rank or a unit of measure."""
    if not unit:
        return False
    head = unit.split("/")[0]  # a rate is counted as its first unit is: "tonne/day", "cent/gallon" are not
    if is_money(head) or head in _NON_COUNT or head in measure_units():
        return False
    return unit[:1].islower()
