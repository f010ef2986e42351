"""Numbers as written in news: digits ("1,500", "2.5") and words ("three", "half a million")."""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.patterns import trie_alternation
from newsgraph.extract.quantities_kb import tables

#: "400.000 Euros", "1.250.000": thousands grouped with dots (one group only when it is "000")
_DOTTED = r"[1-9]\d{0,2}(?:(?:\.\d{3}){2,}|\.000)(?![\d,]|\.\d)"
DIGITS = "(?:" + _DOTTED + r"|\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d])|\d+)(?:\.\d+)?"


@cache
def core_re() -> re.Pattern[str]:
    """A number in digits (group ``num``) or in words (group ``words``, also before "fold": "sixfold")."""
    words = [w for w, (_, kind) in tables().number_word.items() if kind not in ("vague", "fraction")]
    alt = trie_alternation(words, fold=True)
    lead = r"(?:an?\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?"
    seq = rf"{lead}(?:{alt})(?:(?:\s+|-)(?:and\s+)?(?:an?\s+)?(?:{alt}))*"
    return re.compile(rf"(?P<num>{DIGITS})|(?<![\w-])(?P<words>(?i:{seq}))(?:(?![\w])|(?=(?i:fold)\b))")


@cache
def vague_re() -> re.Pattern[str]:
    """Vague plurals followed by "of": "dozens of", "tens of thousands of"."""
    words = [w for w, (_, kind) in tables().number_word.items() if kind == "vague"]
    alt = trie_alternation(words, fold=True, space=r"\s+")
    return re.compile(rf"(?<![\w-])(?i:(?P<vague>{alt}))\s+of\s+")


@cache
def fraction_re() -> re.Pattern[str]:
    """"two-thirds of", "a quarter of", "Half the" (group ``fraction``)."""
    table = tables().number_word
    tops = [w for w, (v, kind) in table.items() if kind == "unit" and 1 <= v <= 10] + ["a", "an"]
    bottoms = [w for w, (_, kind) in table.items() if kind == "fraction"] + ["half"]
    num = trie_alternation(tops, fold=True)
    den = trie_alternation(bottoms, fold=True)
    return re.compile(rf"(?<![\w-])(?P<fraction>(?i:(?:(?:{num})[\s-]+)?(?:{den})))\s+(?i:of|the)\b")


def fraction_value(words: str) -> float | None:
    """The value of "two-thirds", "a quarter", "half"; None for a bare denominator ("third")."""
    table = tables().number_word
    tokens = re.split(r"[\s-]+", words.lower())
    if len(tokens) == 1:
        return 0.5 if tokens[0] == "half" else None
    top = 1.0 if tokens[0] in ("a", "an") else table[tokens[0]][0]
    bottom = 2.0 if tokens[1] == "half" else table[tokens[1]][0]
    return top / bottom


_TOKEN = re.compile(r"[A-Za-z]+")


def parse_words(text: str, start: int, end: int) -> tuple[float, int] | None:
    """Value and end offset of the number words in ``text[start:end]``; None if not a number."""
    table = tables().number_word
    total = current = 0.0
    last_kind, last_value, seen_and, value_end, numbers = "", 0.0, False, start, 0
    for token in _TOKEN.finditer(text, start, end):
        word = token.group().lower()
        if word in ("and", "a", "an"):
            seen_and = seen_and or word == "and"
            continue
        value, kind = table[word]
        if not last_kind and kind != "unit" and text[start] not in "aA":
            return None  # "hundred years" in "several hundred years"
        if kind == "unit" and last_kind == "unit" and not _joins(last_value, value, seen_and):
            break
        if kind == "unit":
            current += value
        elif kind == "multiplier":
            current = (current or 1.0) * value
        else:
            total += (current or 1.0) * value
            current = 0.0
        last_kind, last_value, seen_and, value_end = kind, value, False, token.end()
        numbers += kind == "unit" and value != 0.5
    if numbers == 0 and last_kind in ("unit", ""):
        return None  # "half" alone
    return total + current, value_end


def _joins(previous: float, value: float, seen_and: bool) -> bool:
    """Whether a small number word continues the previous one ("twenty-one", "one and a half")."""
    if value == 0.5:
        return seen_and
    return not seen_and and previous >= 20 and previous % 10 == 0 and value < 10


def parse_digits(text: str) -> float:
    """The value of a digit string such as "16,189", "2.5" or "400.000" (thousands)."""
    if _DOTTED_RE.fullmatch(text):
        text = text.replace(".", "")
    return float(text.replace(",", "").replace("\u00a0", "").replace("\u202f", ""))


_DOTTED_RE = re.compile(_DOTTED)
