"""Building blocks of scoring: counts, normalizers, locating gold text, matching.

Used by ``newsgraph.evaluate``; nothing here knows the record's item kinds.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Span = tuple[int, int]

_frozen = dataclass(frozen=True, slots=True, kw_only=True)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@_frozen
class Counts:
    """True positives, false positives and false negatives of one item kind.

    A ratio with a zero denominator is 0.0, except that a kind with nothing
    expected and nothing predicted scores 1.0 on all three figures.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@_frozen
class Ratio:
    """An accuracy: how many of ``total`` compared items were right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(correct=self.correct + other.correct, total=self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


def ratio_of(flags: Iterable[bool]) -> Ratio:
    """A Ratio counting the true flags among all."""
    flags = list(flags)
    return Ratio(correct=sum(map(bool, flags)), total=len(flags))


# --- normalizers ---------------------------------------------------------------

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2019": "'", "\u2018": "'"})
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: Any) -> str:
    """Lower case, accents and typographic dashes/quotes folded to ASCII."""
    text = "" if text is None else str(text)
    text = unicodedata.normalize("NFKD", text.translate(_DASHES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def norm_name(text: str | None) -> str:
    """A name for comparison: words only, no leading article, no possessive."""
    words = _WORD.findall(fold(text).replace("'s ", " "))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def norm_mention(text: str | None) -> str:
    """A mention for comparison: folded, spaced once, no leading 'the'."""
    words = fold(text).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def norm_code(text: str | None) -> str:
    """A country code or body for comparison: 'country:KZ' and 'kz' are equal."""
    value = fold(text).strip()
    return value.split(":", 1)[1] if value.startswith("country:") else value


_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
             ("ing", ""), ("ed", ""), ("s", ""))


def stem(word: str) -> str:
    """A crude lemma: plural and verb endings stripped, then a final 'e'."""
    for suffix, repl in _SUFFIXES:
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def norm_unit(text: str | None) -> str:
    """A unit for comparison: case-, plural- and spacing-insensitive."""
    return " ".join(stem(w) for w in _WORD.findall(fold(text)))


@cache
def _stopwords() -> frozenset[str]:
    data = resources.files("newsgraph.kb").joinpath("scoring_stopwords.csv").read_text("utf-8")
    return frozenset(row["word"].strip() for row in csv.DictReader(io.StringIO(data)))


def lemmas(text: str | None) -> frozenset[str]:
    """The content words of an indicator, stemmed."""
    words = _WORD.findall(fold(text).replace("'s", ""))
    return frozenset(stem(w) for w in words if w not in _stopwords())


def similarity(a: str | None, b: str | None) -> float:
    """Dice overlap of the lemmas of two indicators (0..1)."""
    la, lb = lemmas(a), lemmas(b)
    return 2 * len(la & lb) / (len(la) + len(lb)) if la and lb else 0.0


def close(a: Any, b: Any, tolerance: float = 0.005) -> bool:
    """Two numbers within ``tolerance`` (relative to ``b``, the gold)."""
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= tolerance * abs(b) if b else a == b


# --- locating gold text ----------------------------------------------------------

def _pattern(needle: str, flags: int = 0, whole: bool = True) -> re.Pattern[str]:
    head = r"(?<!\w)" if whole and needle[:1].isalnum() else ""
    tail = r"(?!\w)" if whole and needle[-1:].isalnum() else ""
    return re.compile(head + re.escape(needle) + tail, flags)


def find(text: str, needle: str, start: int = 0, *, whole: bool = True) -> Span | None:
    """The first (whole-word) occurrence at or after ``start``: exact case first."""
    if not needle:
        return None
    for flags in (0, re.IGNORECASE):
        match = _pattern(needle, flags, whole).search(text, start)
        if match:
            return match.span()
    return None


class Locator:
    """Finds gold strings in order: each after the previous match, else after
    the previous match of the same string, else anywhere."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.last: dict[str, int] = {}

    def locate(self, needle: str) -> Span | None:
        starts = (self.cursor, self.last.get(needle, 0), 0)
        for start in starts:
            span = find(self.text, needle, start)
            if span:
                self.cursor = self.last[needle] = span[0] + 1
                return span
        return None


def near(text: str, needle: str, anchor: Span | None) -> Span | None:
    """An occurrence of ``needle`` overlapping ``anchor`` (or the first one)."""
    if anchor is None:
        return find(text, needle)
    start = max(0, anchor[0] - len(needle))
    span = find(text, needle, start)
    return span if span and overlap(span, anchor) else None


def overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> int:
    """Characters two spans share (0 when either is missing)."""
    if not a or not b:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_of(item: dict[str, Any], name: str = "span") -> Span | None:
    """A predicted item's span as a tuple, or None when absent or malformed."""
    value = item.get(name)
    try:
        return (int(value[0]), int(value[1]))
    except (TypeError, ValueError, IndexError):
        return None


# --- matching --------------------------------------------------------------------

Score = Callable[[Any, Any], float | None]


def greedy(gold: Sequence[Any], pred: Sequence[Any], score: Score,
           optional: Callable[[Any], bool]) -> list[tuple[int, int]]:
    """A one-to-one matching: best-scoring compatible pairs first, required
    gold items before optional ones. ``score`` returns None for incompatible."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            value = score(g, p)
            if value is not None:
                candidates.append((optional(g), -value, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def tally(gold: Sequence[Any], pred: Sequence[Any], pairs: list[tuple[int, int]],
          optional: Callable[[Any], bool]) -> Counts:
    """Counts of a matching: unmatched optional gold items cost nothing."""
    matched = {i for i, _ in pairs}
    missed = sum(1 for i, g in enumerate(gold) if i not in matched and not optional(g))
    return Counts(tp=len(pairs), fp=len(pred) - len(pairs), fn=missed)


def is_optional(item: Any) -> bool:
    """Gold items (dicts) marked ``"optional": true``."""
    return bool(item.get("optional")) if isinstance(item, dict) else False
