"""The dossier of two entities: their events, figures, targets, contradictions and quotes."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..store import resolve_queries as sql
from .api import ensure_indexed, facts_of, recent_events
from .figures import find_contradictions, make_series
from .model import Dossier, QuoteItem
from .names import name_of, resolve_key
from .rates import Rates
from .progress import find_targets

if TYPE_CHECKING:
    from ..store import Store

QUOTE_DOCS = 200  # newest documents of the pair searched for quotes
LIMIT = 1000  # event reports and claims a dossier reads at most (the newest)


def dossier(store: Store, a: str, b: str, *, quotes: int = 10, rates: Rates | None = None,
            window_days: int = 3, tolerance: float = 0.02, limit: int = LIMIT) -> Dossier:
    """Everything the store knows about ``a`` and ``b`` together (keys or names).

    A pair with more than ``limit`` event reports or claims is shown from its newest
    ones: ``complete`` is then False and ``since`` the first day covered; the
    ``events`` and ``series`` functions give the whole history.
    """
    ensure_indexed(store)
    ka, kb = resolve_key(store, a), resolve_key(store, b)
    with store.read() as conn:
        found, since = recent_events(conn, (ka, kb), limit=limit, window_days=window_days)
        rows = sql.latest_claims(conn, ka, kb, limit + 1)
        if len(rows) > limit:
            rows = sorted(rows, key=lambda r: r["doc_date"] or "", reverse=True)[:limit]
            since = max(since or "", rows[-1]["doc_date"] or "")
        facts = facts_of(rows, sql.latest_claim_subjects(conn, ka, kb, limit + 1), rates)
        names = sql.names(conn, {ka, kb, *(k for f in facts for k in f.subject)})
        dates = {r.doc_id: r.doc_date for e in found for r in e.reports}
        dates.update((r["doc_id"], r["doc_date"]) for r in rows)
        said = _quotes(conn, dates, {ka, kb}, quotes)
    found_series = make_series(facts, names, tolerance=tolerance)
    return Dossier(
        a=ka, b=kb, a_name=name_of(ka, names), b_name=name_of(kb, names),
        events=tuple(found), series=tuple(found_series),
        targets=tuple(find_targets(facts, found_series, tolerance=tolerance)),
        contradictions=tuple(find_contradictions(facts, tolerance=tolerance)),
        quotes=tuple(said), complete=since is None, since=since,
    )


def _speaks_for(row: sqlite3.Row, keys: set[str]) -> bool:
    country = f"country:{row['speaker_country']}" if row["speaker_country"] else None
    return row["speaker_key"] in keys or country in keys


def _quotes(conn: sqlite3.Connection, dates: Mapping[str, str | None], keys: set[str],
            limit: int) -> list[QuoteItem]:
    """The latest quotes by either side (or someone speaking for it) in the pair's documents."""
    newest = sorted(dates, key=lambda d: (dates[d] or "", d), reverse=True)[:QUOTE_DOCS]
    out: list[QuoteItem] = []
    for doc_id in newest:
        if len(out) >= limit:
            break
        out += [_quote(r) for r in sql.quotes(conn, doc_id) if _speaks_for(r, keys)]
    return out[:limit]


def _quote(row: sqlite3.Row) -> QuoteItem:
    return QuoteItem(speaker_key=row["speaker_key"], speaker_name=row["speaker_name"],
                     text=" ".join(row["text"].split()), doc_id=row["doc_id"],
                     doc_date=row["doc_date"], direct=bool(row["direct"]))

