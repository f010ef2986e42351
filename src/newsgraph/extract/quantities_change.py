"""The change class of a quantity, as NewsQuant annotates it: = ~ > < up down."""

from __future__ import annotations

import re

from newsgraph.extract.quantities_kb import Tables, tables
from newsgraph.record import Quantity

_TOKENS = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
_WINDOW = 60
_MAX_TOKENS = 5
_AFTER_BY = 3
_PAREN = re.compile(r"[(/]\s*$")
_PAREN_LOOKBACK = 40
# the bounded figure, then its conversions: "over 100 km (", "under 296 hp (224 kW / ", not "sixfold to $3.7 billion ("
_FIGURE_THEN_PAREN = re.compile(r"(?:\s*(?:[A-Z]{0,3}\s?[$€£¥]?\s?)\d[\d.,]*(?:\s*[A-Za-z%$]+){0,3}\s*[(/]\s*)+")


def quantity_change(text: str, q: Quantity) -> str:
    """"up" or "down" if a change word governs ``q`` ("rose 5%", "down 2%"), else its bound: ~ > < or =."""
    bound = _bound(q.text)
    if q.high is None:
        direction = _direction(text, q.span[0], bounded=bound != "=")
        if direction:
            return direction
    if bound == "=" and _PAREN.search(text, max(0, q.span[0] - 3), q.span[0]):
        return _bound_before_paren(text, q.span[0])
    return bound


def _bound(mention: str) -> str:
    phrase = bound_phrase(mention)
    return tables().approx[phrase] if phrase else "="


def bound_phrase(mention: str) -> str:
    """The bounding words a quantity's text starts with ("approximately", "more than"), lower
    case and single-spaced; "" if none."""
    lower = " ".join(mention.lower().split())
    phrases = [p for p in tables().approx
               if lower.startswith(p) and (not p[-1].isalpha() or lower[len(p):len(p) + 1] in (" ", ""))]
    return max(phrases, key=len) if phrases else ""


def _bound_before_paren(text: str, start: int) -> str:
    """A conversion in brackets shares the bound of the figure it converts: "over 100 km (60 miles)"."""
    window = text[max(0, start - _PAREN_LOOKBACK):start]
    kb = tables()
    lower = window.lower()
    best = ""
    for phrase in kb.approx:
        found = list(re.finditer(rf"(?<![a-z]){re.escape(phrase)}\s", lower))
        at = found[-1].start() if found else -1
        if at >= 0 and _FIGURE_THEN_PAREN.fullmatch(window, at + len(phrase)) and _few_words(window[at:]):
            best = phrase if len(phrase) > len(best) else best
    return kb.approx[best] if best else "="


def _few_words(span: str) -> bool:
    return len(re.findall(r"[A-Za-z]+", span)) <= 6 and "," not in span and "." not in span.rstrip("0123456789").split()[-1:]


def _direction(text: str, start: int, bounded: bool) -> str | None:
    """The direction of a change word just before ``start``; a bounded figure ("lost more than 60%")
    keeps its bound unless "by" joins it to the verb ("increased by more than 15%")."""
    kb = tables()
    tokens = _TOKENS.findall(text[max(0, start - _WINDOW):start])
    tokens.reverse()
    limit, after_by = _MAX_TOKENS, False
    for i, token in enumerate(tokens[:_MAX_TOKENS + _AFTER_BY]):
        word = token.lower()
        if i >= limit:
            return None
        if word in kb.change:
            return None if bounded and not after_by else _particle(tokens, i, kb)
        if word == "or" or (word == "," and tokens[i - 1:i] == ["or"]):
            return None if bounded else _direction_before_figure(tokens[i + 1:], kb)
        if word == "to" and tokens[i + 1:i + 2] and tokens[i + 1].lower() in kb.change:
            return _particle(tokens, i + 1, kb)
        if word == "by" and not after_by:
            limit, after_by = i + 1 + _AFTER_BY, True
        elif word not in kb.adverb and not after_by:
            return None
    return None


def _particle(tokens: list[str], i: int, kb: Tables) -> str | None:
    """The direction of the change word at ``i``, unless it is a particle ("gave up")."""
    word = tokens[i].lower()
    if word in ("up", "down") and i + 1 < len(tokens) and tokens[i + 1].lower() in kb.phrasal:
        return None
    return kb.change[word]


def _direction_before_figure(tokens: list[str], kb: Tables) -> str | None:
    """The direction of the figure before "or" ("lost 190 points, or 0.6%")."""
    digits = [i for i, t in enumerate(tokens[:8]) if t.isdigit()]
    if not digits:
        return None
    for token in tokens[digits[-1] + 1:digits[-1] + 4]:
        if token.lower() in kb.change:
            return kb.change[token.lower()]
    return None
