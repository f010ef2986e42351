"""The queries behind ``newsgraph.resolve``: load reports and claims, merge, compare."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..errors import QueryError
from ..store import resolve_queries as sql
from .merge import Report, cluster, merged, report_from, sort_key
from .figures import Fact, fact_from, find_contradictions, make_series
from .indicators import indicator_key
from .model import Contradiction, MergedEvent, Series, TargetProgress
from .names import resolve_key
from .rates import Rates
from .progress import find_targets

if TYPE_CHECKING:
    from ..store import Store

def refresh(store: Store) -> int:
    """Index the documents stored before the resolve tables existed."""
    return 0 if store.readonly else store.index_pending()


def ensure_indexed(store: Store) -> None:
    """Index what waits to be indexed; a read-only store must have nothing waiting."""
    if not store.has_pending():
        return
    if store.readonly:
        raise QueryError("documents stored before this version wait to be indexed; "
                         "open the store writable once (any newsgraph command without "
                         "read-only access) to index them", where=str(store.path))
    store.index_pending()


# --- events ---------------------------------------------------------------------

def _reports(rows: Iterable[sqlite3.Row], topics: sql.Topics) -> list[Report]:
    return [report_from(r, tuple(topics.get((r["doc_id"], r["seq"]), ()))) for r in rows]


def _group_reports(conn: sqlite3.Connection, groups: Iterable[tuple[str, str]],
                   since: str | None = None) -> list[Report]:
    """Every report of the given merge groups (dated from ``since`` on, if given)."""
    rows: list[sqlite3.Row] = []
    topics: sql.Topics = {}
    for type_, signature in sorted(groups):
        rows += sql.group_reports(conn, type_, signature, since)
        sql.group_topics(conn, type_, signature, topics, since)
    return _reports(rows, topics)


def _in_range(event: MergedEvent, date_from: str | None, date_to: str | None) -> bool:
    if event.date is None:
        return date_from is None and date_to is None
    if date_from and event.date < date_from:
        return False
    return not (date_to and event.date[: len(date_to)] > date_to)


def _merge(conn: sqlite3.Connection, reports: list[Report], wanted: set[tuple[str, int]] | None,
           window_days: int) -> list[MergedEvent]:
    groups = [g for g in cluster(reports, window_days=window_days)
              if wanted is None or any((r.doc_id, r.seq) in wanted for r in g)]
    names = sql.names(conn, {k for g in groups for r in g for k in r.participants})
    return sorted((merged(g, names) for g in groups), key=sort_key)


def merged_events(conn: sqlite3.Connection, pair: tuple[str, str] | None, *,
                  window_days: int = 3) -> list[MergedEvent]:
    """Merged events with a report that the pair of keys shares (every event when None).

    Whole merge groups are clustered, so an event is the same whichever view finds it.
    """
    if pair is None:
        reports = _reports(sql.all_reports(conn), sql.all_topics(conn))
        return _merge(conn, reports, None, window_days)
    reports = _group_reports(conn, sql.pair_event_groups(conn, *pair))
    return _merge(conn, reports, set(sql.pair_items(conn, *pair, "event")), window_days)


def recent_events(conn: sqlite3.Connection, pair: tuple[str, str], *, limit: int,
                  window_days: int = 3) -> tuple[list[MergedEvent], str | None]:
    """The merged events of the pair's newest ``limit`` reports, and the day they start
    from (None when that is all of them: nothing was left out)."""
    latest = sql.latest_items(conn, *pair, "event", limit + 1)
    if len(latest) <= limit:
        return merged_events(conn, pair, window_days=window_days), None
    since = latest[limit - 1][2]
    reports = _group_reports(conn, sql.latest_event_groups(conn, *pair, limit), since)
    found = _merge(conn, reports, {(d, s) for d, s, _ in latest[:limit]}, window_days)
    return [e for e in found if e.date and e.date >= since], since


def events(store: Store, *, entity: str | None = None, pair: tuple[str, str] | None = None,
           date_from: str | None = None, date_to: str | None = None,
           window_days: int = 3) -> list[MergedEvent]:
    ensure_indexed(store)
    keys = _keys(store, pair if pair else (entity,) if entity else ())
    with store.read() as conn:
        found = merged_events(conn, (keys[0], keys[-1]) if keys else None, window_days=window_days)
    return [e for e in found if _in_range(e, date_from, date_to)]


# --- claims ----------------------------------------------------------------------

def _keys(store: Store, names: Iterable[str | None]) -> list[str]:
    return [resolve_key(store, n) for n in names if n]


def facts_of(rows: Iterable[sqlite3.Row], subjects: sql.Subjects,
             rates: Rates | None) -> list[Fact]:
    return [fact_from(r, subjects.get((r["doc_id"], r["seq"]), ()), rates) for r in rows]


def _doc_subjects(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> sql.Subjects:
    out: sql.Subjects = {}
    for doc_id in {r["doc_id"] for r in rows}:
        out.update(sql.claim_subjects(conn, doc_id))
    return out


def load_facts(store: Store, *, indicator: str | None, subject: Sequence[str] | None,
               rates: Rates | None, limit: int | None = None) -> list[Fact]:
    """The claims that match an indicator (by meaning) and contain every subject key.

    With ``limit``, a pair's history is read from its newest ``limit`` matching claims.
    """
    ensure_indexed(store)
    keys = _keys(store, subject or ())
    wanted = indicator_key(indicator) if indicator else None
    with store.read() as conn:
        raw = [i for i in sql.indicators(conn) if indicator_key(i) == wanted] if wanted else None
        if raw == []:
            return []
        if keys:
            pair = (keys[0], keys[1] if len(keys) > 1 else keys[0])
            rows, subjects = _pair_rows(conn, pair, raw, limit)
        elif raw:
            rows = sql.claims_by_indicators(conn, raw)
            subjects = _doc_subjects(conn, rows)
        else:
            rows, subjects = sql.all_claims(conn), sql.all_claim_subjects(conn)
        facts = facts_of(rows, subjects, rates)
    return [f for f in facts
            if (wanted is None or f.indicator == wanted) and set(keys) <= set(f.subject)]


def _pair_rows(conn: sqlite3.Connection, pair: tuple[str, str], raw: list[str] | None,
               limit: int | None) -> tuple[list[sqlite3.Row], sql.Subjects]:
    if raw is None and limit is None:
        return sql.pair_claims(conn, *pair), sql.pair_claim_subjects(conn, *pair)
    return (sql.pair_claims_where(conn, *pair, indicators=raw, limit=limit),
            sql.pair_claim_subjects_where(conn, *pair, indicators=raw, limit=limit))


def subject_names(store: Store, facts: Iterable[Fact]) -> dict[str, str]:
    with store.read() as conn:
        return sql.names(conn, {k for f in facts for k in f.subject})


def series(store: Store, *, indicator: str | None = None, subject: Sequence[str] | None = None,
           rates: Rates | None = None, tolerance: float = 0.02,
           limit: int | None = None) -> list[Series]:
    facts = load_facts(store, indicator=indicator, subject=subject, rates=rates, limit=limit)
    return make_series(facts, subject_names(store, facts), tolerance=tolerance)


def contradictions(store: Store, *, tolerance: float = 0.02, indicator: str | None = None,
                   subject: Sequence[str] | None = None,
                   rates: Rates | None = None) -> list[Contradiction]:
    _check_tolerance(tolerance)
    facts = load_facts(store, indicator=indicator, subject=subject, rates=rates)
    return find_contradictions(facts, tolerance=tolerance)


def targets(store: Store, *, indicator: str | None = None, subject: Sequence[str] | None = None,
            rates: Rates | None = None, tolerance: float = 0.02,
            limit: int | None = None) -> list[TargetProgress]:
    facts = load_facts(store, indicator=indicator, subject=subject, rates=rates, limit=limit)
    found = make_series(facts, {}, tolerance=tolerance)
    return find_targets(facts, found, tolerance=tolerance)


def _check_tolerance(tolerance: float) -> None:
    if not 0 <= tolerance < 1:
        raise QueryError(f"the tolerance must be a fraction between 0 and 1 (got {tolerance:g})")
