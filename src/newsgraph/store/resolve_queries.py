"""SQL for ``newsgraph.resolve``: writing the derived tables of ``0002_resolve.sql`` and
the reads that work across documents. Plain SQL (SQLite and PostgreSQL alike), one
function per operation, rows returned as mappings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ..record import Record

Row = tuple[Any, ...]

INSERT_PAIR = "INSERT INTO resolve_pairs (a, b, item, doc_id, seq, day) VALUES (?, ?, ?, ?, ?, ?)"
INSERT_SIGNATURE = (
    "INSERT INTO event_signatures (doc_id, seq, type, signature, persons, participants, "
    "date_lo, date_hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def derived_rows(record: Record, countries: dict[str, str | None] | None = None) -> dict[str, list[Row]]:
    """The rows of the resolve tables for one record; ``countries`` fills entities' countries."""
    from ..resolve.keys import event_keys, pair_rows, with_countries

    record = with_countries(record, countries or {})

    signatures = [
        (record.id, k.seq, k.type, k.signature, " ".join(k.persons), " ".join(k.participants),
         k.date_lo, k.date_hi)
        for k in event_keys(record)
    ]
    return {INSERT_PAIR: list(pair_rows(record)), INSERT_SIGNATURE: signatures}


def known_countries(conn: sqlite3.Connection, record: Record) -> dict[str, str | None]:
    """The store's country of each entity the record gives none (a person's, an org's)."""
    out = {}
    for entity in record.entities:
        if not entity.country and entity.type != "COUNTRY":
            row = conn.execute("SELECT country FROM entity_keys WHERE key = ?", (entity.key,)).fetchone()
            out[entity.key] = row[0] if row else None
    return out


def write_derived(conn: sqlite3.Connection, record: Record) -> None:
    """Index one stored record (inside the caller's write transaction)."""
    for sql, rows in derived_rows(record, known_countries(conn, record)).items():
        if rows:
            conn.executemany(sql, rows)


def pending(conn: sqlite3.Connection, limit: int) -> list[str]:
    rows = conn.execute("SELECT doc_id FROM resolve_pending ORDER BY doc_id LIMIT ?", (limit,))
    return [r[0] for r in rows]


def has_pending(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM resolve_pending LIMIT 1").fetchone() is not None


def clear_derived(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's derived rows and its pending mark (before re-indexing it)."""
    for table in ("resolve_pairs", "event_signatures", "resolve_pending"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


# --- entities -------------------------------------------------------------------

def entity_head(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    return conn.execute("SELECT key, type, name, country FROM entity_keys WHERE key = ?",
                        (key,)).fetchone()


_BY_NAME_SQL = """
SELECT k.key, k.type, (SELECT count(*) FROM entities AS e WHERE e.key = k.key) AS n
FROM entity_keys AS k WHERE lower(k.name) = lower(?) OR lower(k.key) = lower(?)
ORDER BY CASE k.type WHEN 'COUNTRY' THEN 0 ELSE 1 END, n DESC, k.key LIMIT 1
"""


def key_by_name(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute(_BY_NAME_SQL, (name, name)).fetchone()
    return row["key"] if row else None


def names(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """Canonical names of entity keys (keys without a row are left out)."""
    out: dict[str, str] = {}
    for key in set(keys):
        row = entity_head(conn, key)
        if row is not None:
            out[key] = row["name"]
    return out


# --- pairs --------------------------------------------------------------------------

def pair_items(conn: sqlite3.Connection, a: str, b: str, item: str) -> list[tuple[str, int]]:
    """(doc_id, seq) of the claims or events that keys ``a`` and ``b`` share."""
    lo, hi = sorted((a, b))
    rows = conn.execute("SELECT doc_id, seq FROM resolve_pairs WHERE a = ? AND b = ? AND item = ?",
                        (lo, hi, item))
    return [(r[0], r[1]) for r in rows]


_LATEST_SQL = ("SELECT doc_id, seq, day FROM resolve_pairs WHERE a = ? AND b = ? AND item = ? "
               "ORDER BY day DESC LIMIT ?")
_LATEST = ("(SELECT doc_id, seq FROM resolve_pairs WHERE a = ? AND b = ? AND item = '{item}' "
           "ORDER BY day DESC LIMIT ?) AS p")


def latest_items(conn: sqlite3.Connection, a: str, b: str, item: str,
                 limit: int) -> list[tuple[str, int, str]]:
    """The newest ``limit`` (doc_id, seq, day) of the claims or events two keys share."""
    lo, hi = sorted((a, b))
    return [(r[0], r[1], r[2]) for r in conn.execute(_LATEST_SQL, (lo, hi, item, limit))]


# --- events -------------------------------------------------------------------------

_EVIDENCE = ("CASE WHEN x.evidence_start IS NULL THEN NULL ELSE "
             "substr(d.text, x.evidence_start + 1, x.evidence_end - x.evidence_start) END")
_REPORT_COLUMNS = f"""
s.doc_id, s.seq, s.type, s.signature, s.persons, s.participants, s.date_lo, s.date_hi,
x.local_id, x.cameo, x.date, x.trigger, x.evidence_start, x.evidence_end,
d.date AS doc_date, d.title, {_EVIDENCE} AS evidence_text
"""
_REPORTS_FROM = """
FROM event_signatures AS s
JOIN events AS x ON x.doc_id = s.doc_id AND x.seq = s.seq
JOIN documents AS d ON d.id = s.doc_id
"""
_GROUP_SQL = f"SELECT {_REPORT_COLUMNS} {_REPORTS_FROM} WHERE s.type = ? AND s.signature = ?"
_ALL_SQL = f"SELECT {_REPORT_COLUMNS} {_REPORTS_FROM}"
_PAIR_GROUPS_SQL = """
SELECT DISTINCT s.type, s.signature FROM resolve_pairs AS p
JOIN event_signatures AS s ON s.doc_id = p.doc_id AND s.seq = p.seq
WHERE p.a = ? AND p.b = ? AND p.item = 'event'
"""
_LATEST_GROUPS_SQL = f"""
SELECT DISTINCT s.type, s.signature FROM {_LATEST.format(item="event")}
JOIN event_signatures AS s ON s.doc_id = p.doc_id AND s.seq = p.seq
"""
_GROUP_SINCE_SQL = _GROUP_SQL + " AND s.date_lo >= ?"
_GROUP_TOPICS_SQL = """
SELECT t.doc_id, t.event_seq, t.topic FROM event_signatures AS s
JOIN event_topics AS t ON t.doc_id = s.doc_id AND t.event_seq = s.seq
WHERE s.type = ? AND s.signature = ? ORDER BY t.doc_id, t.event_seq, t.seq
"""
_GROUP_TOPICS_SINCE_SQL = """
SELECT t.doc_id, t.event_seq, t.topic FROM event_signatures AS s
JOIN event_topics AS t ON t.doc_id = s.doc_id AND t.event_seq = s.seq
WHERE s.type = ? AND s.signature = ? AND s.date_lo >= ? ORDER BY t.doc_id, t.event_seq, t.seq
"""
_ALL_TOPICS_SQL = "SELECT doc_id, event_seq, topic FROM event_topics ORDER BY doc_id, event_seq, seq"

Topics = dict[tuple[str, int], list[str]]


def pair_event_groups(conn: sqlite3.Connection, a: str, b: str) -> set[tuple[str, str]]:
    """The (type, signature) merge groups of the events keys ``a`` and ``b`` share."""
    lo, hi = sorted((a, b))
    return {(r[0], r[1]) for r in conn.execute(_PAIR_GROUPS_SQL, (lo, hi))}


def latest_event_groups(conn: sqlite3.Connection, a: str, b: str, limit: int) -> set[tuple[str, str]]:
    """The merge groups of the newest ``limit`` events two keys share."""
    return {(r[0], r[1]) for r in conn.execute(_LATEST_GROUPS_SQL, (*sorted((a, b)), limit))}


def group_reports(conn: sqlite3.Connection, type: str, signature: str,
                  since: str | None = None) -> list[sqlite3.Row]:
    """The reports in one merge group (dated from ``since`` on, if given), with evidence."""
    if since is None:
        return conn.execute(_GROUP_SQL, (type, signature)).fetchall()
    return conn.execute(_GROUP_SINCE_SQL, (type, signature, since)).fetchall()


def _topics(rows: Iterable[Sequence[Any]], into: Topics) -> Topics:
    for doc_id, seq, topic in rows:
        into.setdefault((doc_id, seq), []).append(topic)
    return into


def group_topics(conn: sqlite3.Connection, type: str, signature: str, into: Topics,
                 since: str | None = None) -> Topics:
    """Topics of the reports in one merge group, by (doc_id, event seq)."""
    if since is None:
        return _topics(conn.execute(_GROUP_TOPICS_SQL, (type, signature)), into)
    return _topics(conn.execute(_GROUP_TOPICS_SINCE_SQL, (type, signature, since)), into)


def all_reports(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(_ALL_SQL).fetchall()


def all_topics(conn: sqlite3.Connection) -> Topics:
    return _topics(conn.execute(_ALL_TOPICS_SQL), {})


# --- claims -------------------------------------------------------------------------

_CLAIM_COLUMNS = f"""
x.doc_id, x.seq, x.local_id, x.indicator, x.value, x.unit, x.period, x.kind, x.approx,
x.has_change, x.change_value, x.change_unit, x.change_direction, x.change_basis,
x.evidence_start, x.evidence_end, d.date AS doc_date, d.title, {_EVIDENCE} AS evidence_text
"""
_CLAIMS_FROM = "FROM claims AS x JOIN documents AS d ON d.id = x.doc_id"
_CLAIMS_BY_INDICATOR_SQL = f"SELECT {_CLAIM_COLUMNS} {_CLAIMS_FROM} WHERE x.indicator = ?"
_ALL_CLAIMS_SQL = f"SELECT {_CLAIM_COLUMNS} {_CLAIMS_FROM}"


_PAIR_CLAIMS_SQL = f"""
SELECT {_CLAIM_COLUMNS} FROM resolve_pairs AS p
JOIN claims AS x ON x.doc_id = p.doc_id AND x.seq = p.seq
JOIN documents AS d ON d.id = x.doc_id
WHERE p.a = ? AND p.b = ? AND p.item = 'claim'
"""
_LATEST_CLAIMS_SQL = f"""
SELECT {_CLAIM_COLUMNS} FROM {_LATEST.format(item="claim")}
JOIN claims AS x ON x.doc_id = p.doc_id AND x.seq = p.seq
JOIN documents AS d ON d.id = x.doc_id
"""
_LATEST_SUBJECTS_SQL = f"""
SELECT s.doc_id, s.claim_seq, s.key FROM {_LATEST.format(item="claim")}
JOIN claim_subjects AS s ON s.doc_id = p.doc_id AND s.claim_seq = p.seq
ORDER BY s.doc_id, s.claim_seq, s.seq
"""
_PAIR_SUBJECTS_SQL = """
SELECT s.doc_id, s.claim_seq, s.key FROM resolve_pairs AS p
JOIN claim_subjects AS s ON s.doc_id = p.doc_id AND s.claim_seq = p.seq
WHERE p.a = ? AND p.b = ? AND p.item = 'claim' ORDER BY s.doc_id, s.claim_seq, s.seq
"""

Subjects = dict[tuple[str, int], tuple[str, ...]]


def pair_claims(conn: sqlite3.Connection, a: str, b: str) -> list[sqlite3.Row]:
    """The claims whose subjects (or the countries they stand for) include ``a`` and ``b``."""
    return conn.execute(_PAIR_CLAIMS_SQL, tuple(sorted((a, b)))).fetchall()


def _subjects(rows: Iterable[Sequence[Any]]) -> Subjects:
    out: dict[tuple[str, int], list[str]] = {}
    for doc_id, seq, key in rows:
        out.setdefault((doc_id, seq), []).append(key)
    return {item: tuple(keys) for item, keys in out.items()}


def pair_claim_subjects(conn: sqlite3.Connection, a: str, b: str) -> Subjects:
    return _subjects(conn.execute(_PAIR_SUBJECTS_SQL, tuple(sorted((a, b)))))


def latest_claims(conn: sqlite3.Connection, a: str, b: str, limit: int) -> list[sqlite3.Row]:
    """The newest ``limit`` claims two keys share (by document date)."""
    return conn.execute(_LATEST_CLAIMS_SQL, (*sorted((a, b)), limit)).fetchall()


def latest_claim_subjects(conn: sqlite3.Connection, a: str, b: str, limit: int) -> Subjects:
    return _subjects(conn.execute(_LATEST_SUBJECTS_SQL, (*sorted((a, b)), limit)))


def _pair_keys(indicators: int | None, limit: int | None) -> str:
    """The pair's claims (of the given number of wordings; the newest ``limit``)."""
    wording = f"AND x.indicator IN ({', '.join('?' * indicators)})" if indicators else ""
    newest = "ORDER BY p.day DESC, p.doc_id DESC, p.seq DESC LIMIT ?" if limit else ""
    return f"""(SELECT p.doc_id, p.seq FROM resolve_pairs AS p
JOIN claims AS x ON x.doc_id = p.doc_id AND x.seq = p.seq
WHERE p.a = ? AND p.b = ? AND p.item = 'claim' {wording} {newest}) AS k"""


def _pair_params(a: str, b: str, indicators: Sequence[str] | None,
                 limit: int | None) -> list[Any]:
    return [*sorted((a, b)), *(indicators or ()), *([limit] if limit else [])]


def pair_claims_where(conn: sqlite3.Connection, a: str, b: str, *,
                      indicators: Sequence[str] | None, limit: int | None) -> list[sqlite3.Row]:
    """The pair's claims with one of ``indicators`` (all when None), the newest ``limit``."""
    keys = _pair_keys(len(indicators) if indicators else None, limit)
    sql = (f"SELECT {_CLAIM_COLUMNS} FROM {keys} "
           "JOIN claims AS x ON x.doc_id = k.doc_id AND x.seq = k.seq "
           "JOIN documents AS d ON d.id = x.doc_id")
    return conn.execute(sql, _pair_params(a, b, indicators, limit)).fetchall()


def pair_claim_subjects_where(conn: sqlite3.Connection, a: str, b: str, *,
                              indicators: Sequence[str] | None, limit: int | None) -> Subjects:
    keys = _pair_keys(len(indicators) if indicators else None, limit)
    sql = (f"SELECT s.doc_id, s.claim_seq, s.key FROM {keys} "
           "JOIN claim_subjects AS s ON s.doc_id = k.doc_id AND s.claim_seq = k.seq "
           "ORDER BY s.doc_id, s.claim_seq, s.seq")
    return _subjects(conn.execute(sql, _pair_params(a, b, indicators, limit)))


def claims_by_indicators(conn: sqlite3.Connection, indicators: Iterable[str]) -> list[sqlite3.Row]:
    out: list[sqlite3.Row] = []
    for indicator in sorted(set(indicators)):
        out += conn.execute(_CLAIMS_BY_INDICATOR_SQL, (indicator,)).fetchall()
    return out


def all_claims(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(_ALL_CLAIMS_SQL).fetchall()


def indicators(conn: sqlite3.Connection) -> list[str]:
    """Every distinct indicator as stored."""
    found: list[str] = []
    row = conn.execute("SELECT min(indicator) FROM claims").fetchone()
    while row[0] is not None:  # one index seek per wording, not a scan of every claim
        found.append(row[0])
        row = conn.execute("SELECT min(indicator) FROM claims WHERE indicator > ?",
                           (row[0],)).fetchone()
    return found


def claim_subjects(conn: sqlite3.Connection, doc_id: str) -> Subjects:
    """Subject keys of a document's claims, by (doc_id, claim seq)."""
    return _subjects(conn.execute("SELECT doc_id, claim_seq, key FROM claim_subjects "
                                  "WHERE doc_id = ? ORDER BY claim_seq, seq", (doc_id,)))


def all_claim_subjects(conn: sqlite3.Connection) -> Subjects:
    return _subjects(conn.execute("SELECT doc_id, claim_seq, key FROM claim_subjects "
                                  "ORDER BY doc_id, claim_seq, seq"))


# --- quotes -------------------------------------------------------------------------

_QUOTES_SQL = """
SELECT q.doc_id, q.seq, q.start, q."end", q.direct, d.date AS doc_date,
       e.key AS speaker_key, e.name AS speaker_name, e.type AS speaker_type,
       e.country AS speaker_country,
       substr(d.text, q.start + 1, q."end" - q.start) AS text
FROM quotes AS q
JOIN documents AS d ON d.id = q.doc_id
JOIN entities AS e ON e.doc_id = q.doc_id AND e.local_id = q.speaker
WHERE q.doc_id = ?
ORDER BY q.seq
"""


def quotes(conn: sqlite3.Connection, doc_id: str) -> list[sqlite3.Row]:
    """A document's attributed quotes with their speakers and text."""
    return conn.execute(_QUOTES_SQL, (doc_id,)).fetchall()
