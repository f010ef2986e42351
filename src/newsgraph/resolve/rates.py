"""Currency rates the user supplies (``--rates FILE``); nothing is converted without them.

The file is CSV with the columns ``currency,period,rate_to_usd``: one US dollar is
worth ``1 / rate_to_usd`` units, a unit is worth ``rate_to_usd`` dollars. A figure
uses the rate of its own period, else of that period's year.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

TARGET = "USD"


@dataclass(frozen=True, slots=True, kw_only=True)
class Rates:
    """A table of rates to US dollars by currency and period."""

    table: dict[tuple[str, str], float]

    def rate(self, currency: str, period: str) -> float | None:
        for key in (period, period[:4]):
            if (found := self.table.get((currency, key))) is not None:
                return found
        return None

    def convert(self, value: float, unit: str | None, period: str) -> tuple[float, str | None]:
        """The value in US dollars where a rate is known, else as it was."""
        if unit is None or unit == TARGET:
            return value, unit
        rate = self.rate(unit, period)
        return (value * rate, TARGET) if rate is not None else (value, unit)


def load_rates(path: str | Path) -> Rates:
    """Read a rate table; InputError naming the row of anything malformed."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return Rates(table=dict(_rows(csv.DictReader(handle), str(path))))
    except OSError as exc:
        raise InputError(f"cannot read the rate table: {exc.strerror or exc}", where=str(path)) from exc


def _rows(reader: csv.DictReader, where: str):  # type: ignore[no-untyped-def]
    missing = {"currency", "period", "rate_to_usd"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"the rate table lacks the column(s) {', '.join(sorted(missing))}", where=where)
    for number, row in enumerate(reader, start=2):
        try:
            rate = float(row["rate_to_usd"])
        except (TypeError, ValueError):
            raise InputError(f"rate_to_usd is not a number: {row['rate_to_usd']!r}",
                             where=f"{where}:{number}") from None
        yield (row["currency"].strip().upper(), row["period"].strip()), rate
