"""The store's SQL, written for SQLite, as PostgreSQL runs it: one translation, cached.

The query modules (``queries.py``, ``resolve_queries.py``, ``export.py``) are plain SQL
with ``?`` parameters. PostgreSQL needs a few changes, all made here so that both
backends share one text of every query:

- ``?`` parameters become ``%s`` (and a literal ``%`` becomes ``%%``);
- ``LIKE`` becomes ``ILIKE`` (SQLite's LIKE ignores ASCII case; with the schema's
  ``C`` collation ILIKE folds ASCII only, too);
- the scalar ``max(a, b)`` / ``min(a, b)`` become ``greatest`` / ``least``;
- every ``ORDER BY`` term gets SQLite's NULL order (first ascending, last descending);
- a subquery in FROM without an alias gets one.

``json_group_array`` and ``json_object`` are defined by the PostgreSQL schema itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*|[()?,%]|\w+|\s+|.", re.DOTALL)
_ORDER_END = {"limit", "offset", "union", "except", "intersect", "for", "window"}


def _tokens(sql: str) -> list[str]:
    return _TOKEN.findall(sql)


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """``sql`` (SQLite dialect, ``?`` parameters) for PostgreSQL through psycopg."""
    tokens = _tokens(sql)
    tokens = _scalar_extremes(tokens)
    tokens = _null_order(tokens)
    tokens = _subquery_aliases(tokens)
    out = []
    for token in tokens:
        low = token.lower()
        if token == "?":
            out.append("%s")
        elif token == "%" or token.startswith("'"):
            out.append(token.replace("%", "%%"))
        elif low == "like":
            out.append("ILIKE")
        else:
            out.append(token)
    return "".join(out)


def _closing(tokens: list[str], open_at: int) -> int:
    """The index of the parenthesis closing the one at ``open_at``."""
    depth = 0
    for i in range(open_at, len(tokens)):
        if tokens[i] == "(":
            depth += 1
        elif tokens[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(tokens) - 1


def _has_top_comma(tokens: list[str], open_at: int, close_at: int) -> bool:
    depth = 0
    for token in tokens[open_at + 1:close_at]:
        depth += token == "("
        depth -= token == ")"
        if token == "," and depth == 0:
            return True
    return False


def _scalar_extremes(tokens: list[str]) -> list[str]:
    out = list(tokens)
    for i, token in enumerate(out):
        low = token.lower()
        if low in ("max", "min") and i + 1 < len(out) and out[i + 1] == "(":
            if _has_top_comma(out, i + 1, _closing(out, i + 1)):
                out[i] = "greatest" if low == "max" else "least"
    return out


def _words_after(tokens: list[str], i: int) -> list[str]:
    return [t.lower() for t in tokens[i:] if not t.isspace()][:2]


def _null_order(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i].lower() == "order" and _words_after(tokens, i + 1)[:1] == ["by"]:
            end = _order_end(tokens, i)
            out += _order_terms(tokens[i:end])
            i = end
        else:
            out.append(tokens[i])
            i += 1
    return out


def _order_end(tokens: list[str], start: int) -> int:
    depth = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token == "(":
            depth += 1
        elif token == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (token.lower() in _ORDER_END or token == ";"):
            return i
    return len(tokens)


def _order_terms(clause: list[str]) -> list[str]:
    """``ORDER BY a, b DESC`` with SQLite's NULL order made explicit."""
    out, term, depth = [], [], 0
    for token in clause + [","]:
        depth += token == "("
        depth -= token == ")"
        if token == "," and depth == 0:
            out += _with_nulls(term) + [","]
            term = []
        else:
            term.append(token)
    return out[:-1]


def _with_nulls(term: list[str]) -> list[str]:
    words = [t.lower() for t in term if not t.isspace()]
    if not words or "nulls" in words or words[-1] == "by":
        return term
    trail = len(term)
    while trail and term[trail - 1].isspace():
        trail -= 1
    nulls = " NULLS LAST" if words[-1] == "desc" else " NULLS FIRST"
    return term[:trail] + [nulls] + term[trail:]


def _subquery_aliases(tokens: list[str]) -> list[str]:
    out = list(tokens)
    count = 0
    i = 0
    while i < len(out):
        if out[i].lower() == "from" and _next_solid(out, i + 1) == "(":
            open_at = _index_of_next_solid(out, i + 1)
            if _next_solid(out, open_at + 1).lower() == "select":
                close_at = _closing(out, open_at)
                after = _next_solid(out, close_at + 1).lower()
                if after in ("", ")", ",", "where", "join", "group", "order", "limit", ";"):
                    count += 1
                    out.insert(close_at + 1, f" AS _sub{count}")
        i += 1
    return out


def _index_of_next_solid(tokens: list[str], i: int) -> int:
    while i < len(tokens) and tokens[i].isspace():
        i += 1
    return i


def _next_solid(tokens: list[str], i: int) -> str:
    j = _index_of_next_solid(tokens, i)
    return tokens[j] if j < len(tokens) else ""
