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
_THAT = re.compile(r"\b(?:that|the\s+same|that\s+same)\s+(?P<unit>year|month|day|quarter|period)$|"
                   r"^that\s+(?P<unit2>time)$", re.IGNORECASE)  # "at that time": the last date named
_GRAINS = {"year": re.compile(r"\d{4}(?=$|-)"), "month": re.compile(r"\d{4}-\d\d(?=$|-\d|T)"), "day": _DAY}
_THE_QUARTER = re.compile(r"(?:the|that)\s+(?:latest\s+)?(?:quarter|period)$", re.IGNORECASE)
_YEAR_AGO = re.compile(r"\byear[\s-](?:ago|earlier)\b", re.IGNORECASE)
_PERIOD_BACK = re.compile(r"(?:same|corresponding|comparable|like)\s+(?:period|quarter|month)\s+\w", re.IGNORECASE)
_YEAR_PERIOD = re.compile(r"(?:the\s+\d{4}|(?:last|this|next)\s+year['’]s)\s+(?:period|quarter)$", re.IGNORECASE)
_SEQUENCE = re.compile(r"^the\s+(?:(?P<dir>following|next|previous|preceding|prior)\s+(?P<unit>year|month|day)|"
                       r"(?P<unit2>year|month|day)\s+(?P<dir2>before|previous|prior|earlier|after|later))$", re.IGNORECASE)
_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|\d\d)")
_WEEKDAY_SEQUENCE = re.compile(r"^the\s+(?P<dir>following|previous|preceding|prior)\s+[a-z]+day$", re.IGNORECASE)


def resolve_anaphora(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """Bind "the quarter" to the last quarter named before it, "the day" and "that year" to the
    last day or year, and "a year ago" in a text about quarters to that quarter a year before
    (financial reports compare like periods). "that year" with nothing before it is dropped."""
    out: list[Cand] = []
    last: dict[str, str] = {}
    for cand in cands:
        text = ctx.text[cand.start : cand.end]
        cand = _resolve(cand, text, last, ctx)
        _remember(cand, text, last, tr.shift(ctx.anchor, "Q", -1) if ctx.anchor else "9999-Q4")
        out.append(cand)
    return out


def _resolve(cand: Cand, text: str, last: dict[str, str], ctx: Ctx) -> Cand:
    if _PERIOD_BACK.search(text):
        return replace(cand, value=_year_before(last["period"])) if "period" in last else cand
    if _YEAR_PERIOD.search(text):
        quarter = _QUARTER.fullmatch(last.get("reported") or last.get("quarter", ""))
        return replace(cand, value=f"{(cand.value or '')[:4]}-Q{quarter.group(2)}") if quarter and cand.value else cand
    sequence = _SEQUENCE.match(text)
    unit = sequence and (sequence.group("unit") or sequence.group("unit2")).lower()
    if sequence and unit in last and cand.type == "DATE":
        step = 1 if (sequence.group("dir") or sequence.group("dir2")).lower() in ("following", "next", "after", "later") else -1
        return replace(cand, value=_step(last[unit], step))
    weekday = _WEEKDAY_SEQUENCE.match(text)
    if weekday and "day" in last and cand.value and _DAY.fullmatch(cand.value):
        return replace(cand, value=_weekday_from(last["day"], cand.value, weekday.group("dir").lower() == "following"))
    that = _THAT.search(text)
    if that:
        unit = re.sub(r"period", "quarter", (that.group("unit") or that.group("unit2")).lower())
        value = last.get(unit)
        named = last.get("time", "")
        if unit == "day" and value and re.fullmatch(r"\d{4}-\d\d", named) and not value.startswith(named):
            value = f"{named}-XX"  # "killed last October ... crossed out that same day": a day of that month
        return replace(cand, value=value, weak=value is None)
    if _THE_QUARTER.match(text) and "quarter" in last:
        done = tr.shift(ctx.anchor, "Q", -1) if ctx.anchor and "latest" in text.lower() else None
        return replace(cand, value=min(last["quarter"], done) if done else last["quarter"])  # the latest: completed
    if _THE_DAY.search(text) and "day" in last:
        return replace(cand, value=last["day"])
    if text.lower() == "overnight" and "day" in last and cand.value and ctx.anchor \
            and cand.start - int(last.get("day_at", "-9999")) < _NEAR \
            and abs((tr.dt.date.fromisoformat(last["day"]) - ctx.anchor).days) <= 7:  # a recent night, not "Aug. 7"
        ahead = cand.value.startswith(tr.day(ctx.anchor))  # "will work overnight" (see times_relative)
        night = tr.dt.date.fromisoformat(last["day"]) - tr.dt.timedelta(days=0 if ahead else 1)
        return replace(cand, value=f"{tr.day(night)}TNI")  # "on Friday ... overnight losses": Thursday night
    if _YEAR_AGO.search(text) and not _ORDINAL.search(text) and _about_quarters(cand, ctx):
        base = last.get("reported") or last.get("quarter")
        base = base or (tr.shift(ctx.anchor, "Q", -1) if ctx.anchor else None)
        return replace(cand, value=_year_before(base))
    return cand


_NEAR = 300  # characters: a day named this close before "overnight" is the one it runs into


def _weekday_from(base: str, value: str, ahead: bool) -> str:
    """The weekday of `value` first after (or last before) the day `base`: "the previous Friday"."""
    day, n = tr.dt.date.fromisoformat(base), tr.dt.date.fromisoformat(value).isoweekday()
    gap = (n - day.isoweekday() - 1) % 7 + 1 if ahead else -((day.isoweekday() - n - 1) % 7 + 1)
    return tr.day(day + tr.dt.timedelta(days=gap))


def _step(value: str, n: int) -> str:
    """The year, month or day n steps after `value` ("1995" -> "1996", "1989-03" -> "1989-04")."""
    if len(value) == 4:
        return tr.year(int(value) + n)
    if len(value) == 7:
        return tr.month(*tr.add_months(int(value[:4]), int(value[5:7]), n))
    return tr.day(tr.dt.date.fromisoformat(value) + tr.dt.timedelta(days=n))


def _remember(cand: Cand, text: str, last: dict[str, str], done: str) -> None:
    """Note the year, month, day and quarter that a (non-anaphoric) value names; "reported" is
    the latest quarter named that has ended by `done`: a report compares its newest results with
    a year before, even after it mentions an earlier quarter ("after a flat second quarter")."""
    if not cand.value or any(p.search(text) for p in (_THAT, _THE_DAY, _YEAR_PERIOD, _SEQUENCE)):
        return
    if _QUARTER.fullmatch(cand.value) and not _YEAR_AGO.search(text):
        last["quarter"] = cand.value
        if cand.value <= done:
            last["reported"] = max(last.get("reported", ""), cand.value)
    if _PERIOD.fullmatch(cand.value) and not _YEAR_AGO.search(text) and not _PERIOD_BACK.search(text):
        last["period"] = cand.value
    for grain, pattern in _GRAINS.items():
        match = pattern.match(cand.value)
        if match:
            last[grain] = match.group()
            if grain == "day":
                last["day_at"] = str(cand.start)  # where it was named ("overnight" reaches back to it)
    if cand.type == "DATE" and re.match(r"\d{4}", cand.value):
        last["time"] = cand.value


def _about_quarters(cand: Cand, ctx: Ctx) -> bool:
    """Whether the period last named before `cand` is a quarter: a quarterly report."""
    last = None
    for last in _PERIODS.finditer(ctx.text, 0, cand.start):
        pass
    return bool(last and last.group("q"))


def _year_before(value: str | None) -> str | None:
    """The same quarter, half or month a year earlier: "1989-Q3" -> "1988-Q3"."""
    if not value or not _PERIOD.fullmatch(value):
        return None
    return f"{int(value[:4]) - 1:04d}{value[4:]}"
