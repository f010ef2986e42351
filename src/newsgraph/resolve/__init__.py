"""Across documents: events from reports, figure series, contradictions, targets, dossiers.

Each function reads a :class:`newsgraph.store.Store` and returns frozen dataclasses
from :mod:`newsgraph.resolve.model` (JSON-ready through ``newsgraph.record.to_dict``).
Entities are named by their stable keys (``"country:KZ"``); ``resolve_key`` turns a
name into a key.

>>> with Store.open("news.db") as store:                     # doctest: +SKIP
...     d = dossier(store, "Kazakhstan", "China")
...     [(p.period, p.value) for s in d.series for p in s.points]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import (
    Contradiction, Dossier, MergedEvent, QuoteItem, Series, SeriesPoint, Source, TargetProgress,
)

if TYPE_CHECKING:
    from ..store import Store
    from .rates import Rates

__all__ = [
    "Contradiction", "Dossier", "MergedEvent", "QuoteItem", "Series", "SeriesPoint", "Source",
    "TargetProgress", "contradictions", "dossier", "events", "refresh", "resolve_key", "series",
    "targets",
]


def resolve_key(store: Store, name_or_key: str) -> str:
    """The entity key for a key or a name ("Kazakhstan" -> "country:KZ"); QueryError if unknown."""
    from .names import resolve_key as run

    return run(store, name_or_key)


def refresh(store: Store) -> int:
    """Index documents stored before the resolve tables existed; how many were indexed."""
    from .api import refresh as run

    return run(store)


def dossier(store: Store, a: str, b: str, *, quotes: int = 10, rates: Rates | None = None,
            window_days: int = 3, tolerance: float = 0.02, limit: int = 1000) -> Dossier:
    """The relationship of two entities (keys or names): events, series, targets, quotes.

    At most ``limit`` event reports and claims are read, the newest (``complete``
    says whether that was all of them, ``since`` from when they cover).
    """
    from .pair import dossier as run

    return run(store, a, b, quotes=quotes, rates=rates, window_days=window_days,
               tolerance=tolerance, limit=limit)


def series(store: Store, *, indicator: str | None = None, subject: Sequence[str] | None = None,
           rates: Rates | None = None, tolerance: float = 0.02,
           limit: int | None = None) -> list[Series]:
    """Figure series by indicator (by meaning), subject and unit; points sorted by period.

    With ``limit`` and a pair of subjects, from the pair's newest ``limit`` matching claims.
    """
    from .api import series as run

    return run(store, indicator=indicator, subject=subject, rates=rates, tolerance=tolerance,
               limit=limit)


def contradictions(store: Store, *, tolerance: float = 0.02, indicator: str | None = None,
                   subject: Sequence[str] | None = None,
                   rates: Rates | None = None) -> list[Contradiction]:
    """Claims on the same indicator, subject and period whose values differ beyond ``tolerance``."""
    from .api import contradictions as run

    return run(store, tolerance=tolerance, indicator=indicator, subject=subject, rates=rates)


def targets(store: Store, *, indicator: str | None = None, subject: Sequence[str] | None = None,
            rates: Rates | None = None, limit: int | None = None) -> list[TargetProgress]:
    """Each target against the latest actual of its series: progress, growth needed, on track.

    With ``limit`` and a pair of subjects, from the pair's newest ``limit`` matching claims.
    """
    from .api import targets as run

    return run(store, indicator=indicator, subject=subject, rates=rates, limit=limit)


def events(store: Store, *, entity: str | None = None, pair: tuple[str, str] | None = None,
           date_from: str | None = None, date_to: str | None = None,
           window_days: int = 3) -> list[MergedEvent]:
    """Merged events (one per real event, listing every report), oldest first."""
    from .api import events as run

    return run(store, entity=entity, pair=pair, date_from=date_from, date_to=date_to,
               window_days=window_days)
