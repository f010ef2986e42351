"""Mentions of two persons at once: "the two leaders", "both presidents", "the two ministers".

The phrase is a mention (kind "other") of each of the two persons last named who
fit it: leaders are heads of state or government (``kind`` in ``kb/titles.csv``),
a plural title takes the holders of that title. Nothing is added unless two
such persons were named before the phrase.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..kb.lexicon import read_rows, titles
from .patterns import trie_alternation

if TYPE_CHECKING:
    from .entities import _Cluster

_LEADER_KINDS = frozenset({"head", "government"})
_LEADERS = frozenset({"leaders", "heads of state", "heads of government", "heads of state and government"})
_REACH = 2000


@cache
def _leader_titles() -> frozenset[str]:
    rows = read_rows("titles.csv")
    return frozenset(r["canonical"].strip() for r in rows if (r.get("kind") or "").strip() in _LEADER_KINDS)


@cache
def _group_re() -> re.Pattern[str]:
    plural = trie_alternation(titles(), fold=True)
    leaders = trie_alternation(_LEADERS, fold=True)
    return re.compile(
        rf"(?<![\w-])(?:[Tt]he\s+two|[Bb]oth(?:\s+the)?)\s+(?P<what>(?i:{leaders})|(?i:{plural})s)(?![\w-])"
    )


def group_mentions(text: str, persons: list[_Cluster]) -> None:
    """Add each group phrase to the mentions of the two persons it names."""
    for match in _group_re().finditer(text):
        fits = _fitting(match.group("what").lower(), persons)
        pair = _last_two(fits, match.start())
        for cluster in pair:
            cluster.mentions.setdefault(match.span(), "other")


def _fitting(what: str, persons: list[_Cluster]) -> list[_Cluster]:
    if " ".join(what.split()) in _LEADERS:
        return [c for c in persons if any(r.title in _leader_titles() for r in c.roles)]
    canonical = titles().get(" ".join(what.split())[:-1])
    return [c for c in persons if canonical and any(r.title == canonical for r in c.roles)]


def _last_two(persons: list[_Cluster], offset: int) -> list[_Cluster]:
    named = []
    for cluster in persons:
        starts = [s for (s, _e), k in cluster.mentions.items() if k in ("name", "title") and s < offset]
        if starts and offset - max(starts) <= _REACH:
            named.append((max(starts), cluster))
    named.sort(key=lambda pair: pair[0], reverse=True)
    return [c for _s, c in named[:2]] if len(named) >= 2 else []
