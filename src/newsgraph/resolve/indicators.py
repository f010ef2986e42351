"""Indicators by meaning: "mutual trade", "bilateral trade volume" and "trade" are one.

``kb/indicators.csv`` has rows ``canonical,variant``; a row with an empty
``canonical`` names a word that never changes the meaning (``mutual``, ``volume``,
``of``). An indicator is normalized (lower case, words singular, those words and
country names and demonyms dropped, the subject says whose) and then looked up
among the variants, normalized the same way. Users add rows with a file of the
same name in ``$NEWSGRAPH_KB``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..kb.lexicon import lookup_place, read_rows

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_KEEP_S = ("ss", "us", "is", "as", "os", "ics", "news", "series")


def singular(word: str) -> str:
    """A light lemma for nouns in indicator names ("supplies" -> "supply")."""
    if len(word) <= 3 or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


@cache
def _table() -> tuple[frozenset[str], dict[str, str]]:
    rows = read_rows("indicators.csv")
    stop = frozenset(r["variant"].strip().lower() for r in rows if not (r["canonical"] or "").strip())
    variants: dict[str, str] = {}
    for row in rows:
        canonical = (row["canonical"] or "").strip()
        if canonical:
            variants.setdefault(_normal(row["variant"], stop), canonical)
            variants.setdefault(_normal(canonical, stop), canonical)
    return stop, variants


def _normal(text: str, stop: frozenset[str]) -> str:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    kept = [singular(w) for w in words if w not in stop and lookup_place(w) is None]
    return " ".join(kept)


@lru_cache(maxsize=65536)
def normalize(indicator: str) -> str:
    """The words that carry an indicator's meaning, in a canonical form."""
    return _normal(indicator, _table()[0])


@lru_cache(maxsize=65536)
def indicator_key(indicator: str) -> str:
    """The canonical indicator ("bilateral trade volume" -> "trade turnover")."""
    norm = normalize(indicator)
    found = _table()[1].get(norm)
    if found:
        return found
    return norm or " ".join(indicator.lower().split())


def clear_cache() -> None:
    """Forget the loaded table (after the user's file changed)."""
    _table.cache_clear()
    normalize.cache_clear()
    indicator_key.cache_clear()
