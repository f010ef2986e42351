"""What the CLI commands ``dossier``, ``series``, ``contradictions`` and ``targets`` run."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..record import to_dict
from ..store import Store
from . import report
from .rates import Rates, load_rates


@contextmanager
def opened(db: str | Path) -> Iterator[Store]:
    """The store read-only, migrated and indexed first (once) if it needs to be."""
    path = str(db)  # a SQLite file or a postgresql:// URL, as given
    if "://" not in path and not Path(path).exists():
        raise StoreError("no such store; create it with `newsgraph ingest PATH --db FILE`", where=path)
    try:
        store = Store.open(path, readonly=True)
        stale = store.has_pending()
    except StoreError:
        store, stale = None, True
    if stale:
        if store is not None:
            store.close()
        with Store.open(path) as writable:
            writable.index_pending()
        store = Store.open(path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def _rates(path: str | None) -> Rates | None:
    return load_rates(path) if path else None


def run_dossier(db: str, a: str, b: str, *, quotes: int, rates: str | None,
                window_days: int, all_series: bool, json_out: bool) -> None:
    from . import dossier

    table = _rates(rates)
    with opened(db) as store:
        found = dossier(store, a, b, quotes=quotes, rates=table, window_days=window_days)
    if json_out:
        sys.stdout.write(json.dumps(to_dict(found), ensure_ascii=False) + "\n")
    else:
        report.print_dossier(found, all_series=all_series)


def run_series(db: str, *, indicator: str | None, subject: Sequence[str], rates: str | None,
               json_out: bool) -> None:
    from . import series

    table = _rates(rates)
    with opened(db) as store:
        found = series(store, indicator=indicator, subject=subject or None, rates=table)
    report.json_lines(found) if json_out else report.print_series(found)


def run_contradictions(db: str, *, tolerance: float, indicator: str | None,
                       subject: Sequence[str], rates: str | None, json_out: bool) -> None:
    from . import contradictions

    table = _rates(rates)
    with opened(db) as store:
        found = contradictions(store, tolerance=tolerance, indicator=indicator,
                               subject=subject or None, rates=table)
    report.json_lines(found) if json_out else report.print_contradictions(found)


def run_targets(db: str, *, indicator: str | None, subject: Sequence[str], rates: str | None,
                json_out: bool) -> None:
    from . import targets

    table = _rates(rates)
    with opened(db) as store:
        found = targets(store, indicator=indicator, subject=subject or None, rates=table)
    report.json_lines(found) if json_out else report.print_targets(found)
