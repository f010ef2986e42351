"""Full-text search with SQLite FTS5: safe match expressions and plain-text snippets."""

from __future__ import annotations

import re

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORDY = re.compile(r"\w")
_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"


def _phrase(text: str, prefix: bool = False) -> str:
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def match_expression(query: str) -> str | None:
    """User words as an FTS5 expression that cannot be a syntax error.

    Every word becomes a quoted phrase (so ``AND``, ``(`` or a stray quote are
    just text), ``"several words"`` stays a phrase and a trailing ``*`` asks for
    a prefix. All terms must match. None when nothing searchable is left.
    """
    parts = []
    for found in _TERM.finditer(query):
        phrase, word = found.groups()
        prefix = word is not None and len(word) > 1 and word.endswith("*")
        text = phrase if phrase is not None else word.rstrip("*") if prefix else word
        if _WORDY.search(text):
            parts.append(_phrase(text, prefix))
    return " ".join(parts) or None


def plain(text: str) -> str:
    """One line of text: runs of white space become one space."""
    return _SPACE.sub(" ", text).strip()


def clip(text: str, *, cut_start: bool, cut_end: bool) -> str:
    """A plain-text excerpt trimmed to whole words, with ellipses where it was cut."""
    text = plain(text)
    if cut_start and " " in text:
        text = ELLIPSIS + text.split(" ", 1)[1]
    if cut_end and " " in text:
        text = text.rsplit(" ", 1)[0] + ELLIPSIS
    return text


# snippet(): column 1 is the body text; empty markers keep it plain text.
SEARCH_SQL = """
SELECT d.id, d.date, d.title, d.source, d.url,
       snippet(documents_fts, 1, '', '', '…', 24) AS snippet,
       -bm25(documents_fts, 2.0, 1.0) AS rank
FROM documents_fts JOIN documents AS d ON d.num = documents_fts.rowid
WHERE documents_fts MATCH ? {filters}
ORDER BY bm25(documents_fts, 2.0, 1.0), d.date DESC, d.id
LIMIT ? OFFSET ?
"""
