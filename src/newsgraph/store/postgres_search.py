"""Full-text search on PostgreSQL: tsquery from the user's words, plain-text snippets.

The words are read as with FTS5 (``fts.py``): every word must match (stemmed, the
``english`` configuration), ``"a phrase"`` is a phrase, ``word*`` a prefix. Ranking is
``ts_rank`` with titles weighted above the body. ``ts_headline`` drops anything that
looks like markup, so snippets are cut from the text here instead: about 24 words
around the first word that matches, with ellipses where the text was cut.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import QueryError
from . import fts, queries
from .rows import DocumentHit

WINDOW = 24  # words in a snippet, as FTS5's snippet() is asked for
BODY = 20_000  # characters of body text read to cut a snippet from
_WORD = re.compile(r"\w+")

_SEARCH_SQL = """
SELECT d.id, d.date, d.title, d.source, d.url, left(d.text, {body}) AS body,
       ts_rank(d.search, q.query) AS rank
FROM documents AS d, (SELECT {query} AS query) AS q
WHERE d.search @@ q.query {filters}
ORDER BY rank DESC, d.date DESC, d.id LIMIT ? OFFSET ?
""".replace("{body}", str(BODY))
_LEXEMES_SQL = "SELECT array(SELECT unnest(tsvector_to_array(to_tsvector('english', ?))))"


def terms(query: str) -> list[tuple[str, bool]]:
    """The searchable terms of ``query``: (text, is_prefix), as ``fts.match_expression`` reads them."""
    out = []
    for found in fts._TERM.finditer(query):
        phrase, word = found.groups()
        prefix = word is not None and len(word) > 1 and word.endswith("*")
        text = phrase if phrase is not None else word.rstrip("*") if prefix else word
        if fts._WORDY.search(text):
            out.append((text, prefix))
    return out


def _term_sql(text: str, prefix: bool) -> tuple[str, str]:
    if not prefix:
        return "phraseto_tsquery('english', ?)", text
    words = _WORD.findall(text)
    body = " <-> ".join("'" + w.replace("'", "''") + "'" for w in words)
    return "to_tsquery('english', ?)", body + ":*"


def tsquery(query: str, raw: bool) -> tuple[str, list[str]] | None:
    """SQL for the tsquery of ``query`` and its parameters; None when nothing is searchable."""
    if raw:
        return "to_tsquery('english', ?)", [query]
    parts = [_term_sql(text, prefix) for text, prefix in terms(query)]
    if not parts:
        return None
    return "(" + " && ".join(sql for sql, _ in parts) + ")", [p for _, p in parts]


def search(conn: Any, query: str, *, filters: tuple, page: list[int], raw: bool) -> list[DocumentHit]:
    """The hits of a non-empty ``query`` with ``filters`` (``queries``' Where parts)."""
    built = tsquery(query, raw)
    if built is None:
        return []
    sql_query, params = built
    where, filter_params = queries._and(*filters)
    sql = _SEARCH_SQL.replace("{query}", sql_query).replace("{filters}", where)
    import psycopg

    try:
        rows = conn.execute(sql, [*params, *filter_params, *page]).fetchall()
    except psycopg.errors.SyntaxError as exc:  # only a raw query can be one
        reason = exc.diag.message_primary or str(exc)
        raise QueryError(f"cannot parse the search query: {reason}", where=query) from exc
    lexemes = _lexemes(conn, query) if rows else []
    return [_hit(r, lexemes) for r in rows]


def _lexemes(conn: Any, query: str) -> list[str]:
    words = " ".join(text for text, _ in terms(query)) or query
    return list(conn.execute(_LEXEMES_SQL, [words]).fetchone()[0] or [])


def _hit(row: Any, lexemes: list[str]) -> DocumentHit:
    return DocumentHit(id=row["id"], date=row["date"], title=row["title"], source=row["source"],
                       url=row["url"], snippet=snippet(row["body"], lexemes),
                       rank=float(row["rank"]))


def _matched(chunk: str, lexemes: list[str]) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(chunk)]
    return frozenset(lex for lex in lexemes if any(w.startswith(lex) for w in words))


def _score(hits: list[frozenset[str]], start: int, window: int) -> tuple[int, int]:
    inside = hits[start:start + window]
    first = next((i for i, h in enumerate(inside) if h), window)
    return len(frozenset().union(*inside)), -abs(first - window // 4)


def snippet(text: str, lexemes: list[str], window: int = WINDOW) -> str:
    """About ``window`` words of ``text`` where most of the lexemes match, as plain text.

    A word matches a lexeme it starts with (stems are prefixes of most words).
    """
    chunks = text.split()
    hits = [_matched(c, lexemes) for c in chunks]
    starts = range(max(1, len(chunks) - window + 1))
    start = max(starts, key=lambda s: (_score(hits, s, window), -s))
    end = min(len(chunks), start + window)
    out = " ".join(chunks[start:end])
    return (fts.ELLIPSIS if start > 0 else "") + out + (fts.ELLIPSIS if end < len(chunks) else "")
