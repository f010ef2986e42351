"""Figure series, contradictions and targets from claims across documents.

Claims with the same indicator (by meaning), subject, unit and kind form a series;
its points are periods, each with every source that states it. Values are compared
in base units (24e9, not "24 billion"), so scales never matter; currencies convert
only through a user's rate table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .indicators import indicator_key
from .keys import date_range
from .model import Contradiction, Series, SeriesPoint, Source
from .rates import Rates

COMPARED_KINDS = ("actual", "cumulative", "count")  # kinds whose disagreements are contradictions
APPROX_TOLERANCE = 0.05  # "about $24 billion" agrees with anything within 5%


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One claim, normalized for comparison across documents."""

    indicator: str  # canonical
    subject: tuple[str, ...]
    value: float
    unit: str | None
    period: str  # a TIMEX3 date value, or anchored on the document's date
    kind: str
    approx: bool
    change: float | None  # signed percent change on the previous period, when stated
    source: Source

    @property
    def series_key(self) -> tuple[str, tuple[str, ...], str | None, str]:
        return (self.indicator, self.subject, self.unit, self.kind)


def period_label(period: str | None, doc_date: str | None) -> str:
    """A period that means the same in every document ("P9M" alone does not)."""
    if period and date_range(period):
        return period
    day = (doc_date or "")[:10]
    if not day:
        return period or "unknown"
    if not period or period == "PRESENT_REF":
        return f"as of {day}"
    return f"{period} to {day}"


def period_order(label: str) -> tuple[str, int, str]:
    span = date_range(label) or date_range(label.rsplit(" ", 1)[-1])
    if span is None:
        return ("9999", 0, label)
    return (span[0].isoformat(), -(span[1] - span[0]).days, label)


def _change(row: Mapping[str, Any]) -> float | None:
    if not row["has_change"] or row["change_unit"] != "percent" or row["change_value"] is None:
        return None
    basis = (row["change_basis"] or "previous period").lower()
    if not any(w in basis for w in ("previous", "year-on-year", "last year", "annual")):
        return None
    sign = {"up": 1.0, "down": -1.0}.get(row["change_direction"] or "")
    return None if sign is None else sign * float(row["change_value"])


def fact_from(row: Mapping[str, Any], subject: tuple[str, ...], rates: Rates | None) -> Fact:
    """A fact from a claim row of ``store.resolve_queries`` and its subject keys."""
    evidence = None if row["evidence_start"] is None else (row["evidence_start"], row["evidence_end"])
    source = Source(doc_id=row["doc_id"], doc_date=row["doc_date"], title=row["title"],
                    evidence=evidence, evidence_text=row["evidence_text"] or "",
                    claim_id=row["local_id"])
    period = period_label(row["period"], row["doc_date"])
    value, unit = float(row["value"]), row["unit"]
    if rates is not None:
        value, unit = rates.convert(value, unit, period)
    return Fact(indicator=indicator_key(row["indicator"]), subject=tuple(sorted(subject)),
                value=value, unit=unit, period=period, kind=row["kind"],
                approx=bool(row["approx"]), change=_change(row), source=source)


def differ(a: Fact, b: Fact, tolerance: float) -> bool:
    """Whether two values disagree beyond the tolerance (relative to the larger)."""
    if a.approx or b.approx:
        tolerance = max(tolerance, APPROX_TOLERANCE)
    top = max(abs(a.value), abs(b.value))
    return top > 0 and abs(a.value - b.value) / top > tolerance


def spread(facts: Iterable[Fact]) -> float:
    values = [f.value for f in facts]
    top = max(abs(v) for v in values)
    return 0.0 if top == 0 else (max(values) - min(values)) / top


def _conflicting(facts: list[Fact], tolerance: float) -> bool:
    """Whether two documents disagree (one document's figures are different things).

    Comparing each fact with the smallest and the largest value is enough: any two
    that differ, differ from one of the extremes at least as much.
    """
    if len({f.source.doc_id for f in facts}) < 2:
        return False
    low = min(facts, key=lambda f: f.value)
    high = max(facts, key=lambda f: f.value)
    return any(f.source.doc_id != x.source.doc_id and differ(f, x, tolerance)
               for f in facts for x in (low, high))


def _point_value(facts: list[Fact], tolerance: float) -> float:
    """The value most sources agree with (ties: the latest document's).

    Values sorted and cut where two neighbours differ; the largest run wins, and
    within it the value stated most often.
    """
    ordered = sorted(facts, key=lambda f: f.value)
    runs: list[list[Fact]] = [[ordered[0]]]
    for fact in ordered[1:]:
        if differ(runs[-1][-1], fact, tolerance):
            runs.append([])
        runs[-1].append(fact)
    latest = lambda group: max(f.source.doc_date or "" for f in group)  # noqa: E731
    best = max(runs, key=lambda run: (len(run), latest(run)))
    counts: dict[float, list[Fact]] = {}
    for fact in best:
        counts.setdefault(fact.value, []).append(fact)
    return max(counts.items(), key=lambda kv: (len(kv[1]), latest(kv[1])))[0]


def _point(period: str, facts: list[Fact], tolerance: float) -> SeriesPoint:
    ordered = sorted(facts, key=lambda f: (f.source.doc_date or "", f.source.doc_id))
    return SeriesPoint(period=period, value=_point_value(ordered, tolerance), unit=facts[0].unit,
                       sources=tuple(_unique(f.source for f in ordered)),
                       conflicting=_conflicting(facts, tolerance))


def _unique(sources: Iterable[Source]) -> list[Source]:
    seen: dict[tuple[str, str | None], Source] = {}
    for s in sources:
        seen.setdefault((s.doc_id, s.claim_id), s)
    return list(seen.values())


def by_series(facts: Iterable[Fact]) -> dict[tuple, list[Fact]]:
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.series_key].append(fact)
    return groups


def by_period(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.period].append(fact)
    return groups


def make_series(facts: Iterable[Fact], names: Mapping[str, str], *,
                tolerance: float = 0.02) -> list[Series]:
    """Series from facts, most points first."""
    out = []
    for (indicator, subject, unit, kind), group in by_series(facts).items():
        periods = by_period(group)
        points = [_point(p, periods[p], tolerance) for p in sorted(periods, key=period_order)]
        out.append(Series(indicator=indicator, subject=subject, unit=unit, kind=kind,
                          points=tuple(points),
                          subject_names=tuple(names.get(k, k) for k in subject)))
    return sorted(out, key=lambda s: (-len(s.points), s.indicator, s.subject, s.kind, s.unit or ""))


def find_contradictions(facts: Iterable[Fact], *, tolerance: float = 0.02) -> list[Contradiction]:
    """Every (indicator, subject, unit, kind, period) whose sources disagree beyond tolerance."""
    out = []
    compared = (f for f in facts if f.kind in COMPARED_KINDS)
    for (indicator, subject, unit, _), group in by_series(compared).items():
        for period, same in by_period(group).items():
            if _conflicting(same, tolerance):
                ordered = sorted(same, key=lambda f: (f.value, f.source.doc_date or ""))
                out.append(Contradiction(
                    indicator=indicator, subject=subject, period=period, unit=unit,
                    values=tuple((f.value, f.source) for f in ordered), spread=spread(same)))
    return sorted(out, key=lambda c: (-c.spread, c.indicator, c.subject, c.period))
