"""Targets ("$35 billion by 2030") against the latest actual of the same series.

Progress is the latest actual over the target. The growth still needed is the
yearly rate (CAGR) that takes the latest full-year actual to the target by its
year; the recent trend is the CAGR over the last full-year actuals (at most five
years back), or the stated change of the latest one when it stands alone. A target
is on track when the recent trend is at least the growth needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .figures import Fact, by_period, differ
from .keys import date_range
from .model import Series, SeriesPoint, TargetProgress

_YEAR = re.compile(r"^\d{4}$")
TREND_YEARS = 5


def _cagr(first: float, last: float, years: int) -> float | None:
    if years <= 0 or first <= 0 or last <= 0:
        return None
    return (last / first) ** (1.0 / years) - 1.0


def _year(period: str) -> int | None:
    span = date_range(period)
    return span[1].year if span else None


def _annual(points: Iterable[SeriesPoint]) -> list[SeriesPoint]:
    return [p for p in points if _YEAR.match(p.period)]


def _trend(annual: list[SeriesPoint], facts: list[Fact]) -> float | None:
    latest = int(annual[-1].period)
    recent = [p for p in annual if latest - int(p.period) <= TREND_YEARS]
    if len(recent) >= 2:
        return _cagr(recent[0].value, recent[-1].value, latest - int(recent[0].period))
    stated = [f.change for f in facts if f.period == annual[-1].period and f.change is not None]
    return stated[-1] / 100.0 if stated else None


def _unique_targets(targets: list[Fact], tolerance: float) -> list[Fact]:
    """One target per period and value (the latest statement of it)."""
    out: list[Fact] = []
    for period_facts in by_period(targets).values():
        for fact in sorted(period_facts, key=lambda f: f.source.doc_date or "", reverse=True):
            if not any(not differ(fact, kept, tolerance) for kept in out if kept.period == fact.period):
                out.append(fact)
    return out


def progress(target: Fact, actual: Series | None, actual_facts: list[Fact]) -> TargetProgress:
    """One target against the actual series of the same indicator, subject and unit."""
    target_year = _year(target.period)
    points = list(actual.points) if actual else []
    if target_year is not None:
        points = [p for p in points if (_year(p.period) or 0) <= target_year]
    annual = _annual(points)
    latest = annual[-1] if annual else (points[-1] if points else None)
    needed = recent = None
    if annual and latest is annual[-1] and target_year is not None:
        needed = _cagr(latest.value, target.value, target_year - int(latest.period))
        recent = _trend(annual, actual_facts)
    return TargetProgress(
        indicator=target.indicator, subject=target.subject, unit=target.unit,
        target_value=target.value, target_period=target.period, target_source=target.source,
        latest_value=latest.value if latest else None,
        latest_period=latest.period if latest else None,
        latest_source=latest.sources[-1] if latest else None,
        progress=latest.value / target.value if latest and target.value else None,
        growth_needed_per_year=needed, recent_growth_per_year=recent,
        on_track=_on_track(latest, target, needed, recent),
    )


def _on_track(latest: SeriesPoint | None, target: Fact, needed: float | None,
              recent: float | None) -> bool | None:
    if latest is not None and latest.value >= target.value:
        return True
    if needed is None or recent is None:
        return None
    return recent >= needed


def find_targets(facts: list[Fact], series: list[Series], *,
                 tolerance: float = 0.02) -> list[TargetProgress]:
    """Progress of every target among the facts, against the actual series among ``series``."""
    actual = {(s.indicator, s.subject, s.unit): s for s in series if s.kind == "actual"}
    actual_facts: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.kind == "actual":
            actual_facts.setdefault((f.indicator, f.subject, f.unit), []).append(f)
    targets = [f for f in facts if f.kind == "target"]
    groups: dict[tuple, list[Fact]] = {}
    for f in targets:
        groups.setdefault((f.indicator, f.subject, f.unit), []).append(f)
    out = [progress(t, actual.get(key), actual_facts.get(key, []))
           for key, group in groups.items() for t in _unique_targets(group, tolerance)]
    return sorted(out, key=lambda t: (t.indicator, t.subject, t.target_period))
