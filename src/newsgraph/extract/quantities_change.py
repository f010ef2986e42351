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
    phrases = [p for p in kb.approx if lower.startswith(p) and (not p[-1].isalpha() or lower[len(p):len(p) + 1] in (" ", ""))]
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
            return _direction_before_figure(tokens[i + 1:], kb.change)
        if word not in kb.adverb:
            return None
    return None


def _direction_before_figure(tokens: list[str], change: dict[str, str]) -> str | None:
    """The direction of the figure before ", or" ("lost 190 points, or 0.6%")."""
    digits = [i for i, t in enumerate(tokens[:6]) if t.isdigit()]
    if not digits:
        return None
    for token in tokens[digits[-1] + 1:digits[-1] + 4]:
        if token.lower() in change:
            return change[token.lower()]
    return None
