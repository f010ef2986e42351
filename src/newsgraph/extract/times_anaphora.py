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
_THAT = re.compile(r"\b(?:that|the\s+same)\s+(?P<unit>year|month|day|quarter|period)$", re.IGNORECASE)
_GRAINS = {"year": re.compile(r"\d{4}(?=$|-)"), "month": re.compile(r"\d{4}-\d\d(?=$|-\d|T)"), "day": _DAY}
_THE_QUARTER = re.compile(r"(?:the|that)\s+(?:latest\s+)?(?:quarter|period)$", re.IGNORECASE)
_YEAR_AGO = re.compile(r"\byear[\s-](?:ago|earlier)\b", re.IGNORECASE)


def resolve_anaphora(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Bind "the quarter" to the last quarter named before it, "the day" and "that year" to the
    last day or year, and "a year ago" in a text about quarters to that quarter a year before
    (financial reports compare like periods). "that year" with nothing before it is dropped."""
    out: list[Cand] = []
    last: dict[str, str] = {}
    for cand in cands:
        text = ctx.text[cand.start : cand.end]
        cand = _resolve(cand, text, last, ctx)
        _remember(cand, text, last)
        out.append(cand)
    return out


def _resolve(cand: Cand, text: str, last: dict[str, str], ctx: Ctx) -> Cand:
    that = _THAT.search(text)
    if that:
        value = last.get(re.sub(r"period", "quarter", that.group("unit").lower()))
        return replace(cand, value=value, weak=value is None)
    if _THE_QUARTER.match(text) and "quarter" in last:
        return replace(cand, value=last["quarter"])
    if _THE_DAY.search(text) and "day" in last:
        return replace(cand, value=last["day"])
    if _YEAR_AGO.search(text) and not _ORDINAL.search(text) and _about_quarters(cand, ctx):
        base = last.get("quarter") or (tr.shift(ctx.anchor, "Q", -1) if ctx.anchor else None)
        return replace(cand, value=_year_before(base))
    return cand


def _remember(cand: Cand, text: str, last: dict[str, str]) -> None:
    """Note the year, month, day and quarter that a (non-anaphoric) value names."""
    if not cand.value or _THAT.search(text) or _THE_DAY.search(text):
        return
    if _QUARTER.fullmatch(cand.value) and not _YEAR_AGO.search(text):
        last["quarter"] = cand.value
    for grain, pattern in _GRAINS.items():
        match = pattern.match(cand.value)
        if match:
            last[grain] = match.group()


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
