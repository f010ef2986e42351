"""Values that depend on earlier times in the text: "the quarter", "a year earlier"."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.extract import times_resolve as tr
from newsgraph.extract.times_rules import Cand, Ctx

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_PERIODS = re.compile(r"(?P<q>quarter|latest\s+period)|nine\s+months|six\s+months|first\s+half|"
                      r"(?:fiscal|full|calendar)\s+year|for\s+the\s+year", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth)\b", re.IGNORECASE)
_THE_DAY = re.compile(r"\bthe\s+(?:same\s+)?day$", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_THE_QUARTER = re.compile(r"(?:the|that)\s+(?:latest\s+)?(?:quarter|period)$", re.IGNORECASE)
_YEAR_AGO = re.compile(r"\byear[\s-](?:ago|earlier)\b", re.IGNORECASE)


def resolve_anaphora(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Bind "the quarter" to the last quarter named before it, "the day" to the last day, and
    "a year ago" in a sentence about a quarter to that quarter a year before (financial reports
    compare like periods)."""
    out: list[Cand] = []
    last_quarter: str | None = None
    last_day: str | None = None
    for cand in cands:
        text = ctx.text[cand.start : cand.end]
        if _THE_QUARTER.match(text) and last_quarter:
            cand = replace(cand, value=last_quarter)
        elif _THE_DAY.search(text) and last_day:
            cand = replace(cand, value=last_day)
        elif _YEAR_AGO.search(text) and not _ORDINAL.search(text) and _about_quarters(cand, ctx):
            base = last_quarter or (tr.shift(ctx.anchor, "Q", -1) if ctx.anchor else None)
            cand = replace(cand, value=_year_before(base))
        if cand.value and _QUARTER.fullmatch(cand.value) and not _YEAR_AGO.search(text):
            last_quarter = cand.value
        if cand.value and _DAY.match(cand.value) and not _THE_DAY.search(text):
            last_day = cand.value[:10]
        out.append(cand)
    return out


def _about_quarters(cand: Cand, ctx: Ctx) -> bool:
    """Whether the period last named (up to the end of the sentence) is a quarter: a quarterly report."""
    end = ctx.text.find(". ", cand.end)
    last = None
    for last in _PERIODS.finditer(ctx.text, 0, end if end > 0 else len(ctx.text)):
        pass
    return bool(last and last.group("q"))


def _year_before(value: str | None) -> str | None:
    match = _QUARTER.fullmatch(value or "")
    return f"{int(match.group(1)) - 1:04d}-Q{match.group(2)}" if match else None
