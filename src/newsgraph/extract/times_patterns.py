"""Regular-expression building blocks for the time tagger, built once from the word lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.times_lexicon import alternation, lexicon

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True, kw_only=True)
class Parts:
    """Sub-patterns (uncompiled strings) that the rules combine."""

    month: str  # "January" | "Jan." | "Sept"
    weekday: str
    number: str  # "17", "seventeen", "twenty-four", "a few", "2 1/2"
    ordinal: str  # "first" | "3rd"
    unit: str  # singular unit names; rules add "s?"
    season: str
    day_part: str
    day_num: str
    year4: str
    year_ref: str  # "2023" | "this year" | "the current year" | "last year" | "the year"
    holiday: str


@cache
def parts() -> Parts:
    lex = lexicon()
    month = f"(?:{alternation(lex.kind('month'))}|(?:{alternation(lex.kind('month_abbr'))})\\.?)"
    small = alternation(k for k, v in lex.kind("number").items() if float(v) < 20)
    tens = alternation(k for k, v in lex.kind("number").items() if 20 <= float(v) < 100)
    big = alternation(k for k, v in lex.kind("number").items() if float(v) >= 100)
    vague = alternation(lex.kind("vague_number"))
    words = f"(?:(?:(?:{tens}|{small})[\\s-]+)?(?:{big})|(?:{tens})(?:[\\s-]+(?:{small}))?|{small}|{vague})"
    digits = r"\d{1,3}(?:\.\d+)?(?:\s+1/2)?"
    number = f"(?:{digits}|{words})(?:\\s+and\\s+a\\s+half)?"
    ordinal = f"(?:{alternation(lex.kind('ordinal'))}|\\d{{1,2}}(?:st|nd|rd|th))"
    year4 = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
    rel = r"(?:this|last|next|the\s+current|the\s+previous|the\s+past|the\s+coming|the\s+following|the\s+same|that|the)"
    return Parts(
        month=month,
        weekday=f"(?:{alternation(lex.kind('weekday'))})",
        number=number,
        ordinal=ordinal,
        unit=f"(?:{alternation(lex.kind('unit'))})",
        season=f"(?:{alternation(lex.kind('season'))})",
        day_part=f"(?:{alternation(lex.kind('day_part'))})",
        day_num=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        year4=year4,
        year_ref=f"(?:{year4}|{rel}\\s+(?:fiscal\\s+|calendar\\s+)?year)",
        holiday=f"(?:{alternation(lex.holidays)})",
    )


def compile_(pattern: str, flags: int = _FLAGS) -> re.Pattern[str]:
    """A pattern bounded by non-word characters on both sides."""
    return re.compile(rf"(?<![\w]){pattern}(?![\w])", flags)


# Approximators before a count. Every one of them joins the expression's extent ("about two years
# ago", "just minutes"); the HEDGES among them also keep "N weeks ago" at week granularity ("nearly
# two weeks ago" is some week, "just two weeks ago" is still that day).
_HEDGES = (r"about|around|approximately|nearly|almost|more\s+than|less\s+than|at\s+least|roughly|"
           r"some|over|under")
APPROXIMATOR = re.compile(
    rf"(?<!\w)(?:{_HEDGES}|up\s+to|just|only|barely|fully|well\s+over|close\s+to)\s+$", re.IGNORECASE)
HEDGE = re.compile(rf"\b(?:{_HEDGES})\s+$", re.IGNORECASE)
