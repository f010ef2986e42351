"""The dossier of two entities: their events, figures, targets, contradictions and quotes."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..store import resolve_queries as sql
from .api import ensure_indexed, facts_of, merged_events
from .figures import find_contradictions, make_series
from .model import Dossier, QuoteItem
from .names import name_of, resolve_key
from .rates import Rates
from .progress import find_targets

if TYPE_CHECKING:
    from ..store import Store

QUOTE_DOCS = 200  # newest documents of the pair searched for quotes


def dossier(store: Store, a: str, b: str, *, quotes: int = 10, rates: Rates | None = None,
            window_days: int = 3, tolerance: float = 0.02) -> Dossier:
    """Everything the store knows about ``a`` and ``b`` together (keys or names)."""
    ensure_indexed(store)
    ka, kb = resolve_key(store, a), resolve_key(store, b)
    with store.read() as conn:
        found = merged_events(conn, (ka, kb), window_days=window_days)
        rows = sql.pair_claims(conn, ka, kb)
        facts = facts_of(rows, sql.pair_claim_subjects(conn, ka, kb), rates)
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
        quotes=tuple(said),
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

