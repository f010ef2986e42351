"""Read queries the web views need beyond the store's own: quotes of an entity,
entities seen with it, the country pairs most written about.

Plain parameterized SQL over the store's tables, inside ``Store.read()``.
"""

from __future__ import annotations

from ..store import Store
from .schemas import EntityQuote, GraphEdge, PairSuggestion, RelatedEntity

_QUOTES_SQL = """
SELECT q.doc_id, d.date, d.title, q.start, q."end", q.direct,
       substr(d.text, q.start + 1, q."end" - q.start) AS text
FROM entities AS e
JOIN quotes AS q ON q.doc_id = e.doc_id AND q.speaker = e.local_id
JOIN documents AS d ON d.id = q.doc_id
WHERE e.key = ?
ORDER BY d.date DESC, q.doc_id, q.seq LIMIT ?
"""

_RELATED_SQL = """
SELECT o.key, k.name, k.type, count(DISTINCT o.doc_id) AS documents
FROM (SELECT DISTINCT doc_id FROM entities WHERE key = ? ORDER BY doc_id LIMIT ?) AS mine
JOIN entities AS o ON o.doc_id = mine.doc_id AND o.key != ?
JOIN entity_keys AS k ON k.key = o.key
GROUP BY o.key ORDER BY documents DESC, o.key LIMIT ?
"""

_PAIRS_SQL = """
WITH mine AS (SELECT DISTINCT doc_id FROM entities WHERE key = ? ORDER BY doc_id LIMIT ?),
     sel AS (SELECT DISTINCT e.doc_id, e.key FROM entities AS e JOIN mine USING (doc_id)
             WHERE e.key IN ({marks}))
SELECT a.key AS a, b.key AS b, count(*) AS n FROM sel AS a
JOIN sel AS b ON b.doc_id = a.doc_id AND a.key < b.key
GROUP BY a.key, b.key ORDER BY n DESC, a.key, b.key
"""

_TOP_COUNTRIES_SQL = """
SELECT k.key, k.name, count(DISTINCT e.doc_id) AS documents
FROM entity_keys AS k JOIN entities AS e ON e.key = k.key
WHERE k.type = 'COUNTRY' GROUP BY k.key ORDER BY documents DESC, k.key LIMIT ?
"""

SCAN_LIMIT = 2_000  # documents of the central entity looked at, for a bounded cost


def entity_quotes(store: Store, key: str, *, limit: int) -> list[EntityQuote]:
    """Quotes whose speaker is the entity ``key``, newest first."""
    with store.read() as conn:
        rows = conn.execute(_QUOTES_SQL, (key, limit)).fetchall()
    return [EntityQuote(doc_id=r["doc_id"], doc_date=r["date"], title=r["title"],
                        span=(r["start"], r["end"]), text=r["text"], direct=bool(r["direct"]))
            for r in rows]


def related(store: Store, key: str, *, limit: int) -> list[RelatedEntity]:
    """Entities mentioned in the same documents as ``key``, most shared documents first."""
    with store.read() as conn:
        rows = conn.execute(_RELATED_SQL, (key, SCAN_LIMIT, key, limit)).fetchall()
    return [RelatedEntity(key=r["key"], name=r["name"], type=r["type"],
                          documents=r["documents"]) for r in rows]


def _pairs(store: Store, within: str, keys: list[str]) -> list[tuple[str, str, int]]:
    if len(keys) < 2:
        return []
    sql = _PAIRS_SQL.replace("{marks}", ", ".join("?" * len(keys)))
    with store.read() as conn:
        rows = conn.execute(sql, (within, SCAN_LIMIT, *keys)).fetchall()
    return [(r["a"], r["b"], r["n"]) for r in rows]


def edges(store: Store, key: str, keys: list[str]) -> list[GraphEdge]:
    """How often each pair of ``keys`` shares a document that also mentions ``key``."""
    return [GraphEdge(source=a, target=b, weight=n) for a, b, n in _pairs(store, key, keys)]


_CLAIM_PAIRS_SQL = """
SELECT a.key AS a, b.key AS b, count(*) AS n FROM claim_subjects AS a
JOIN claim_subjects AS b ON b.doc_id = a.doc_id AND b.claim_seq = a.claim_seq AND a.key < b.key
WHERE a.key IN ({marks}) AND b.key IN ({marks}) GROUP BY a.key, b.key
"""


def _claim_pairs(store: Store, keys: list[str]) -> dict[tuple[str, str], int]:
    marks = ", ".join("?" * len(keys))
    with store.read() as conn:
        rows = conn.execute(_CLAIM_PAIRS_SQL.replace("{marks}", marks), (*keys, *keys)).fetchall()
    return {(r["a"], r["b"]): r["n"] for r in rows}


def top_pairs(store: Store, *, countries: int = 6, limit: int = 4) -> list[PairSuggestion]:
    """Pairs of the most mentioned countries with the most to show: documents naming both
    plus figures about both.

    Documents are counted within the (first ``SCAN_LIMIT``) documents of each of the two
    countries, for a bounded cost; the larger count wins.
    """
    with store.read() as conn:
        top = conn.execute(_TOP_COUNTRIES_SQL, (countries,)).fetchall()
    names = {r["key"]: r["name"] for r in top}
    docs: dict[tuple[str, str], int] = {}
    for within in names:
        for a, b, n in _pairs(store, within, list(names)):
            if within in (a, b):
                docs[(a, b)] = max(n, docs.get((a, b), 0))
    claims = _claim_pairs(store, list(names)) if names else {}
    score = {pair: n + claims.get(pair, 0) for pair, n in docs.items()}
    ranked = sorted(score, key=lambda pair: (-score[pair], pair))
    order = list(names)  # most mentioned first: it leads the pair
    pairs = [sorted(pair, key=order.index) for pair in ranked[:limit]]
    return [PairSuggestion(a=a, b=b, a_name=names[a], b_name=names[b],
                           documents=docs[tuple(sorted((a, b)))],
                           claims=claims.get(tuple(sorted((a, b))), 0)) for a, b in pairs]


def document_count(store: Store) -> int:
    """How many documents are stored."""
    with store.read() as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
