"""Word lists for the time tagger, read once from ``kb/time_*.csv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.patterns import trie_alternation
from newsgraph.kb.lexicon import read_rows


def _rows(name: str) -> list[dict[str, str]]:
    return read_rows(name)  # the shipped rows and the user's (``$NEWSGRAPH_KB``)


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrase:
    type: str
    value: str
    weak: bool  # kept only after a number or "times", "per" (SET) or with a modifier
    adjective: bool = False  # kept only before a noun that is not in kind "not_time_noun"


@dataclass(frozen=True, slots=True, kw_only=True)
class Holiday:
    month: int
    day: str  # "25", or the nth weekday of the month: "4thu"


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    words: dict[str, dict[str, str]]  # kind -> word -> value
    phrases: dict[str, Phrase]  # lower-cased phrase -> type and value
    holidays: dict[str, Holiday]  # lower-cased name -> date rule

    def kind(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})

    def number(self, word: str) -> float | None:
        """The value of a number word or numeral ("two", "17", "1.5"); None for vague ones."""
        word = word.lower().replace(",", "").strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            return float(word)
        parts = re.split(r"[\s-]+", word)
        if word in self.kind("number"):
            return float(self.kind("number")[word])
        values = [self.kind("number").get(p) for p in parts]
        if not all(values):
            return None
        total = 0.0
        for v in (float(v) for v in values if v):
            total = total * v if v >= 100 and total else total + v  # "two thousand", "twenty-one"
        return total


@cache
def lexicon() -> Lexicon:
    """The shipped word lists (cached)."""
    words: dict[str, dict[str, str]] = {}
    for row in _rows("time_words.csv"):
        words.setdefault(row["kind"], {})[row["word"].lower()] = row["value"]
    phrases = {
        row["phrase"].lower(): Phrase(
            type=row["type"], value=row["value"], weak=row["note"].startswith("weak"),
            adjective=row["note"].startswith("adjective"),
        )
        for row in _rows("time_phrases.csv")
    }
    holidays = {
        row["name"].lower(): Holiday(month=int(row["month"]), day=row["day"])
        for row in _rows("time_holidays.csv")
    }
    return Lexicon(words=words, phrases=phrases, holidays=holidays)


def alternation(words: object) -> str:
    """A regex alternation of the given words, longest first, spaces as ``\\s+``, for patterns
    compiled with ``re.IGNORECASE`` (as every time pattern is)."""
    return trie_alternation((str(w) for w in words), fold=True, space=r"\s+")  # type: ignore[attr-defined]
