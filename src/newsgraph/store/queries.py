"""Read queries over the store tables: one function (and its SQL) per operation.

The SQL is plain SQL over the tables of ``migrations/0001_initial.sql`` except
for full-text search (``fts.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ..errors import QueryError
from . import fts
from .flatten import claim_from, event_from
from .rows import ClaimRow, DocumentHit, EntityDetail, EntitySummary, EventRow, RoleRow

Where = tuple[list[str], list[Any]]
EXCERPT = 240  # characters of body text around a hit


def _page(limit: int, offset: int) -> list[int]:
    if limit < 0 or offset < 0:
        raise QueryError(f"limit and offset must be >= 0 (got {limit}, {offset})")
    return [int(limit), int(offset)]


def _date_range(column: str, date_from: str | None, date_to: str | None) -> Where:
    sql: list[str] = []
    params: list[Any] = []
    if date_from:
        sql.append(f"{column} >= ?")
        params.append(date_from)
    if date_to:  # "2023" includes "2023-05-01": compare the prefix
        sql.append(f"substr({column}, 1, length(?)) <= ?")
        params += [date_to, date_to]
    return sql, params


def _equal(pairs: Sequence[tuple[str, Any]]) -> Where:
    given = [(column, value) for column, value in pairs if value is not None]
    return [f"{column} = ?" for column, _ in given], [value for _, value in given]


def _and(*parts: Where, lead: str = "AND") -> tuple[str, list[Any]]:
    sql = [s for part in parts for s in part[0]]
    params = [p for part in parts for p in part[1]]
    return (f"{lead} " + " AND ".join(sql) if sql else ""), params


def _excerpt(row: sqlite3.Row, start: int) -> str:
    text = row["excerpt"] or ""
    return fts.clip(text, cut_start=start > 0, cut_end=len(text) >= EXCERPT)


# --- documents ---------------------------------------------------------------

_BROWSE_SQL = """
SELECT d.id, d.date, d.title, d.source, d.url, substr(d.text, 1, {n}) AS excerpt
FROM documents AS d {filters}
ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?
""".replace("{n}", str(EXCERPT))

_HAS_ENTITY = "EXISTS (SELECT 1 FROM entities AS e WHERE e.doc_id = d.id AND e.key = ?)"


def search(conn: sqlite3.Connection, query: str | None, *, date_from: str | None,
           date_to: str | None, source: str | None, entity: str | None,
           limit: int, offset: int, raw: bool = False) -> list[DocumentHit]:
    page = _page(limit, offset)
    filters = (
        _date_range("d.date", date_from, date_to),
        _equal([("d.source", source)]),
        ([_HAS_ENTITY], [entity]) if entity else ([], []),
    )
    if query is None or not query.strip():
        where, params = _and(*filters, lead="WHERE")
        rows = conn.execute(_BROWSE_SQL.replace("{filters}", where), params + page)
        return [_hit(r, _excerpt(r, 0)) for r in rows]
    expression = query if raw else fts.match_expression(query)
    if expression is None:
        return []
    where, params = _and(*filters)
    sql = fts.SEARCH_SQL.replace("{filters}", where)
    try:
        rows = conn.execute(sql, [expression, *params, *page]).fetchall()
    except sqlite3.OperationalError as exc:
        if raw and "locked" not in str(exc):  # the only other input is the fixed SQL
            raise QueryError(f"cannot parse the search query: {exc}", where=query) from exc
        raise
    return [_hit(r, fts.plain(r["snippet"] or ""), r["rank"]) for r in rows]


def _hit(row: sqlite3.Row, snippet: str, rank: float = 0.0) -> DocumentHit:
    return DocumentHit(id=row["id"], date=row["date"], title=row["title"],
                       source=row["source"], url=row["url"], snippet=snippet,
                       rank=float(rank))


# --- entities ----------------------------------------------------------------

_ENTITIES_SQL = """
SELECT k.key, k.type, k.name, k.country, count(DISTINCT e.doc_id) AS documents
FROM entity_keys AS k JOIN entities AS e ON e.key = k.key {filters}
GROUP BY k.key ORDER BY documents DESC, k.key LIMIT ? OFFSET ?
"""
_MENTION_COUNT_SQL = """
SELECT count(*) FROM entities AS e
JOIN mentions AS m ON m.doc_id = e.doc_id AND m.entity_seq = e.seq
WHERE e.key = ?
"""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def entities(conn: sqlite3.Connection, *, type: str | None, query: str | None,
             limit: int, offset: int) -> list[EntitySummary]:
    page = _page(limit, offset)
    text: Where = ([], [])
    if query and query.strip():
        pattern = _like(query.strip())
        text = (["(k.name LIKE ? ESCAPE '\\' OR k.key LIKE ? ESCAPE '\\')"], [pattern, pattern])
    where, params = _and(_equal([("k.type", type)]), text, lead="WHERE")
    rows = conn.execute(_ENTITIES_SQL.replace("{filters}", where), params + page).fetchall()
    return [_summary(conn, r) for r in rows]


def _summary(conn: sqlite3.Connection, row: sqlite3.Row) -> EntitySummary:
    mentions = conn.execute(_MENTION_COUNT_SQL, (row["key"],)).fetchone()[0]
    return EntitySummary(key=row["key"], type=row["type"], name=row["name"],
                         country=row["country"], documents=row["documents"],
                         mentions=mentions)


_ROLES_SQL = """
SELECT r.title, r."of", r."to", d.id AS doc_id, d.date
FROM entities AS e
JOIN roles AS r ON r.doc_id = e.doc_id AND r.entity_seq = e.seq
JOIN documents AS d ON d.id = e.doc_id
WHERE e.key = ? ORDER BY d.date, d.id, e.seq, r.seq
"""
_ENTITY_DOCS_SQL = """
SELECT d.id, d.date, d.title, d.source, d.url, hit.start,
       substr(d.text, max(1, hit.start - {before} + 1), {n}) AS excerpt
FROM (SELECT e.doc_id, coalesce(min(m.start), 0) AS start
      FROM entities AS e
      LEFT JOIN mentions AS m ON m.doc_id = e.doc_id AND m.entity_seq = e.seq
      WHERE e.key = ? GROUP BY e.doc_id) AS hit
JOIN documents AS d ON d.id = hit.doc_id
ORDER BY d.date DESC, d.id LIMIT ?
""".replace("{before}", str(EXCERPT // 3)).replace("{n}", str(EXCERPT))


def entity(conn: sqlite3.Connection, key: str, *, limit: int) -> EntityDetail:
    head = conn.execute("SELECT * FROM entity_keys WHERE key = ?", (key,)).fetchone()
    if head is None:
        raise QueryError("no entity with this key in the store", where=key)
    roles = tuple(RoleRow(title=r["title"], of=r["of"], to=r["to"], doc_id=r["doc_id"],
                          date=r["date"]) for r in conn.execute(_ROLES_SQL, (key,)))
    docs = conn.execute(_ENTITY_DOCS_SQL, (key, _page(limit, 0)[0]))
    hits = tuple(_hit(r, _excerpt(r, max(0, r["start"] - EXCERPT // 3))) for r in docs)
    return EntityDetail(key=head["key"], type=head["type"], name=head["name"],
                        country=head["country"], roles=roles, documents=hits)


# --- claims and events ----------------------------------------------------------

_EVIDENCE = ("CASE WHEN x.evidence_start IS NULL THEN NULL ELSE "
             "substr(d.text, x.evidence_start + 1, x.evidence_end - x.evidence_start) END")
# The page's keys first (from indexes alone), then their columns and evidence text.
_CLAIMS_SQL = f"""
SELECT x.*, d.date AS doc_date, {_EVIDENCE} AS evidence_text
FROM (SELECT x.doc_id, x.seq FROM claims AS x JOIN documents AS d ON d.id = x.doc_id
      {{filters}} ORDER BY d.date, x.doc_id, x.seq LIMIT ? OFFSET ?) AS page
JOIN claims AS x ON x.doc_id = page.doc_id AND x.seq = page.seq
JOIN documents AS d ON d.id = x.doc_id
ORDER BY d.date, x.doc_id, x.seq
"""
_HAS_SUBJECT = ("EXISTS (SELECT 1 FROM claim_subjects AS s WHERE s.doc_id = x.doc_id "
                "AND s.claim_seq = x.seq AND s.key = ?)")
_SUBJECTS_SQL = """
SELECT s.key, coalesce(k.name, s.key) AS name FROM claim_subjects AS s
LEFT JOIN entity_keys AS k ON k.key = s.key
WHERE s.doc_id = ? AND s.claim_seq = ? ORDER BY s.seq
"""
_NAME_SQL = "SELECT name FROM entities WHERE doc_id = ? AND local_id = ? ORDER BY seq LIMIT 1"


def _name(conn: sqlite3.Connection, doc_id: str, local_id: str | None) -> str | None:
    if local_id is None:
        return None
    row = conn.execute(_NAME_SQL, (doc_id, local_id)).fetchone()
    return row[0] if row else None


def claims(conn: sqlite3.Connection, *, indicator: str | None, subject: str | None,
           kind: str | None, period: str | None, doc_id: str | None,
           limit: int, offset: int) -> list[ClaimRow]:
    page = _page(limit, offset)
    equal = _equal([("x.indicator", indicator), ("x.kind", kind), ("x.period", period),
                    ("x.doc_id", doc_id)])
    about = ([_HAS_SUBJECT], [subject]) if subject else ([], [])
    where, params = _and(equal, about, lead="WHERE")
    rows = conn.execute(_CLAIMS_SQL.replace("{filters}", where), params + page).fetchall()
    return [_claim_row(conn, r) for r in rows]


def _claim_row(conn: sqlite3.Connection, row: sqlite3.Row) -> ClaimRow:
    subjects = conn.execute(_SUBJECTS_SQL, (row["doc_id"], row["seq"])).fetchall()
    claim = claim_from(row, tuple(s["key"] for s in subjects))
    return ClaimRow(doc_id=row["doc_id"], doc_date=row["doc_date"], claim=claim,
                    subject_names=tuple(s["name"] for s in subjects),
                    speaker_name=_name(conn, row["doc_id"], claim.speaker),
                    evidence_text=row["evidence_text"])


_EVENTS_SQL = f"""
SELECT x.*, d.date AS doc_date, {_EVIDENCE} AS evidence_text
FROM events AS x JOIN documents AS d ON d.id = x.doc_id {{filters}}
ORDER BY x.date, d.date, x.doc_id, x.seq LIMIT ? OFFSET ?
"""
_HAS_PARTICIPANT = """EXISTS (
    SELECT 1 FROM event_participants AS p
    JOIN entities AS e ON e.doc_id = p.doc_id AND e.local_id = p.entity_local_id
    WHERE p.doc_id = x.doc_id AND p.event_seq = x.seq AND e.key = ?)"""
_PARTICIPANTS_SQL = ("SELECT * FROM event_participants WHERE doc_id = ? AND event_seq = ? "
                     "ORDER BY role, seq")
_TOPICS_SQL = "SELECT * FROM event_topics WHERE doc_id = ? AND event_seq = ? ORDER BY seq"


def events(conn: sqlite3.Connection, *, type: str | None, entity: str | None,
           date_from: str | None, date_to: str | None, limit: int, offset: int) -> list[EventRow]:
    page = _page(limit, offset)
    who = ([_HAS_PARTICIPANT], [entity]) if entity else ([], [])
    where, params = _and(_equal([("x.type", type)]),
                         _date_range("x.date", date_from, date_to), who, lead="WHERE")
    rows = conn.execute(_EVENTS_SQL.replace("{filters}", where), params + page).fetchall()
    return [_event_row(conn, r) for r in rows]


def _event_row(conn: sqlite3.Connection, row: sqlite3.Row) -> EventRow:
    key = (row["doc_id"], row["seq"])
    event = event_from(row, conn.execute(_PARTICIPANTS_SQL, key), conn.execute(_TOPICS_SQL, key))
    names = lambda ids: tuple(_name(conn, row["doc_id"], i) or i for i in ids)  # noqa: E731
    return EventRow(doc_id=row["doc_id"], doc_date=row["doc_date"], event=event,
                    actor_names=names(event.actors), target_names=names(event.targets),
                    place_name=_name(conn, row["doc_id"], event.place),
                    evidence_text=row["evidence_text"])


# --- counts -------------------------------------------------------------------------

_COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "entities": "SELECT count(DISTINCT key) FROM entities",
    "mentions": "SELECT count(*) FROM mentions",
    "claims": "SELECT count(*) FROM claims",
    "events": "SELECT count(*) FROM events",
    "quotes": "SELECT count(*) FROM quotes",
    "times": "SELECT count(*) FROM times",
    "quantities": "SELECT count(*) FROM quantities",
}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(sql).fetchone()[0] for name, sql in _COUNTS.items()}
