"""The change class of a quantity, as NewsQuant annotates it: = ~ > < up down."""

from __future__ import annotations

import re

from newsgraph.extract.quantities_kb import tables
from newsgraph.record import Quantity

_TOKENS = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
_WINDOW = 60
_MAX_TOKENS = 5


def quantity_change(text: str, q: Quantity) -> str:
    """"up" or "down" if a change word governs ``q`` ("rose 5%", "down 2%"), else its bound: ~ > < or =."""
    direction = _direction(text, q.span[0])
    return direction or _bound(q.text)


def _bound(mention: str) -> str:
    kb = tables()
    lower = " ".join(mention.lower().split())
    phrases = [p for p in kb.approx if lower.startswith(p) and (p.endswith("-") or lower[len(p):len(p) + 1] in (" ", ""))]
    return kb.approx[max(phrases, key=len)] if phrases else "="


def _direction(text: str, start: int) -> str | None:
    kb = tables()
    tokens = _TOKENS.findall(text[max(0, start - _WINDOW):start])
    tokens.reverse()
    for i, token in enumerate(tokens[:_MAX_TOKENS]):
        word = token.lower()
        if word in kb.change:
            return kb.change[word]
        if word == "," and tokens[i - 1:i] == ["or"]:
            continue
        if word not in kb.adverb:
            return None
    return None
