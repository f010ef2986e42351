"""Time expressions (TIMEX3) with values resolved against the document date.

``find_times(text, dct)`` runs regular-expression rules (``times_rules`` for calendar
expressions, ``times_relative`` for relative, deictic and fuzzy ones), keeps the longest
non-overlapping matches, attaches modifiers ("early", "the end of", "about") and returns
``Time`` items sorted by start. Pure Python, no model; patterns compile once.

Conventions (TimeML / TIMEX3, as in ``spec/record.md`` and the gold articles):

- "today" is the document date ("said today", "today's meeting", "Today, hundreds arrived")
  unless it means nowadays ("today there is", "today we are", "even today"): ``PRESENT_REF``.
  "now", "currently", "at present" and "current" before a noun are ``PRESENT_REF``.
- Months, month-days, weekdays and quarters without a year take their direction from the
  tense around them (``times_tense``: "said Friday", "will meet Friday", "payable Jan. 2");
  without a cue a month or date is the nearest one, a weekday the last one.
- "that year", "the same day", "the quarter", "ended the day" and, in quarterly reports,
  "a year ago" take their value from the last such period named (``times_anaphora``).
- Decades are three digits ("the 1990s" -> "199"), centuries two ("19"); clock times in
  UTC/GMT end in "Z"; a clock time followed by its day is one TIME ("10 p.m. Wednesday").
- Prepositions stay outside the extent ("by 2030" -> "2030"); determiners and
  approximators inside ("the past 17 years", "about two years ago").
- Ranges are two expressions ("2021-2025", "from 2006 to 2023": one DATE per year; "between 60
  and 90 days": "60" P60D and "90 days" P90D; "April 24 and 25": two dates), as TimeML annotates them.
- Counted quarters are "Q" durations ("the past two quarters" -> "P2Q"), except the first N
  quarters of a year, which are its months ("the first three quarters" -> "P9M", like "the first
  nine months").
- "the past/last N units" is a DURATION; "last year" and "the past year" a DATE; "N years ago"
  the date at the unit's granularity, except that "a week ago" and "two weeks ago" name a day
  (unless hedged: "nearly two weeks ago" is a week); vague amounts give ``X`` ("a few years" ->
  "PXY", "decades" -> "PXDE"), and "years ago" is ``PAST_REF``.
- "the following year", "the previous day", "the next day" (not "over the next day"), "the previous
  Friday" count from the last year or day named; "the week of March 6" is that ISO week; "the same
  period last year", "the 1988 quarter" from the last quarter or month named (``times_anaphora``).
- "every July", "each Thursday" are SETs; a bare clock time takes the day named in its sentence.
- Without a document date (``dct=None``) relative expressions get ``value=None``;
  absolute ones ("2024", "May 5, 2021") keep their value.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from functools import cache

from newsgraph.extract.times_anaphora import resolve_anaphora
from newsgraph.extract.times_lexicon import lexicon
from newsgraph.extract.times_patterns import APPROXIMATOR, parts
from newsgraph.extract.times_relative import relative_rules
from newsgraph.extract.times_resolve import number_text, parse_dct, safe_date, week
from newsgraph.extract.times_rules import Cand, Ctx, Handler, calendar_rules
from newsgraph.record import Time

__all__ = ["find_times"]

_PARTS = (r"middle|end|beginning|start|turn|close|rest|remainder|balance|course|first\s+half|second\s+half|"
          r"(?:early|small|wee)\s+hours|"
          r"latter\s+half|last\s+half|latter\s+part|early\s+part|first\s+part|second\s+part|last\s+part")
_POSITION = re.compile(  # "early 2022", "the end of the year", "end of June", "end-June"; not "start in May"
    rf"(?<!\w)(?:(?:the\s+)?(?:very\s+)?(?P<pos>early|earlier|late|later|mid)(?:\s+(?:in|of))?|"
    rf"the\s+(?:very\s+)?(?P<part>{_PARTS})(?:\s+(?:in|of))?|(?P<bare>{_PARTS})(?:\s+of|(?=-)))(?:\s+|-)$",
    re.IGNORECASE,
)
_CLOCK_VALUE = re.compile(r"T\d\d:\d\dZ?$")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_GAP = re.compile(r",?\s{1,3}(?:on\s+)?")
_MONTH_VALUE = re.compile(r"\d{4}-(?:\d\d|SP|SU|FA|WI)")
_YEAR_VALUE = re.compile(r"\d{4}")
_OF_GAP = re.compile(r",?\s{1,3}(?:of\s+)?")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"'`]|\n")
_WEEK_OF = re.compile(r"the\s+week", re.IGNORECASE)
_DAYS_FROM = re.compile(r"(?<![\w-])(?:(?P<one>(?:the|a|one)\s+day)|(?P<n>[\w-]+)\s+days)\s+(?P<dir>before|after)\s+$",
                        re.IGNORECASE)
_NEXT_DAY = re.compile(  # "April 24 and 25", "May 3 to 5", "December 2-3": the second day of the same month
    r"(?:\s+(?:and|or|to|through|thru|till|until)\s+|\s*[-–]\s*)(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>(?:1[5-9]|2[01])\d\d))?"  # "June 10-11, 2021": the year is both days'
    r"(?=\s*(?:$|[,;:.)!?\n]|\s(?:in|at|on|when|with|for|from|as|by|while|after|before|during|respectively)\b))",
    re.IGNORECASE,
)
_ENDS_WITH_DAY = re.compile(r"[A-Za-z.]\s+\d{1,2}(?:st|nd|rd|th)?$")
_FIRST_DAY = re.compile(r"(?<![\w.,/-])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+(?:and|or|to)\s+)$")
_STARTS_WITH_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]")
_RANGE_GAP = re.compile(r"\s*[-–]\s*|\s+(?:to|through|till|until|and)\s+", re.IGNORECASE)
_HALF = {"first half": "H1", "second half": "H2", "latter half": "H2", "last half": "H2"}


@cache
def _rules() -> list[tuple[re.Pattern[str], Handler]]:
    return calendar_rules() + relative_rules()


def find_times(text: str, dct: str | None) -> list[Time]:
    """Time expressions in `text`, values resolved against the document date `dct` ("YYYY-MM-DD" or None)."""
    ctx = Ctx(text=text, anchor=parse_dct(dct), lex=lexicon())
    cands = [c for c in _candidates(ctx) if c.end > c.start]
    merged = _merge_month_year(_merge_clock_day(_select(cands), ctx), ctx)
    merged = _range_years(_range_starts(_second_days(merged, ctx), ctx), ctx)  # the parts of ranges
    chosen = resolve_anaphora(_extend_all(_days_from(_week_of(_date_clocks(merged, ctx), ctx), ctx), ctx), ctx)
    return [
        Time(span=(c.start, c.end), text=text[c.start : c.end], type=c.type, value=c.value)
        for c in chosen
        if not c.weak
    ]


def _candidates(ctx: Ctx) -> list[Cand]:
    out = []
    for pattern, handler in _rules():
        for match in pattern.finditer(ctx.text):
            cand = handler(match, ctx)
            if cand is not None:
                out.append(cand)
    return out


def _select(cands: list[Cand]) -> list[Cand]:
    """The longest candidates that do not overlap, strong before weak, sorted by start."""
    order = sorted(cands, key=lambda c: (c.weak, -(c.end - c.start), c.start))
    starts: list[int] = []
    kept: list[Cand] = []
    for cand in order:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


def _merge_clock_day(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": one TIME on that day."""
    out: list[Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (prev and prev.type == "TIME" and cand.type == "DATE" and _CLOCK_VALUE.search(prev.value or "")
                and _DAY_VALUE.fullmatch(cand.value or "") and _GAP.fullmatch(ctx.text[prev.end : cand.start])):
            clock = _CLOCK_VALUE.search(prev.value or "")
            out[-1] = replace(prev, end=cand.end, value=f"{cand.value}{clock.group() if clock else ''}")
            continue
        out.append(cand)
    return out


def _date_clocks(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """A bare clock time takes the day named nearest to it in its sentence ("made its first
    flight Tuesday ... at 18:00 UTC", "at 10:35 a.m. (0735 GMT) Friday")."""
    if ctx.anchor is None:
        return cands
    today = ctx.anchor.isoformat()
    out = list(cands)
    for i, cand in enumerate(cands):
        value = cand.value or ""
        if cand.type != "TIME" or not value.startswith(today + "T") or not _CLOCK_VALUE.search(value):
            continue
        days = [(abs(c.start - cand.start), (c.value or "")[:10]) for c in cands
                if _names_a_day(c, today) and _same_sentence(ctx.text, c, cand)]
        if days:
            out[i] = replace(cand, value=min(days)[1] + value[10:])
    return out


def _names_a_day(cand: Cand, today: str) -> bool:
    """A date ("Friday", "Nov. 6") or a time on a day other than the document's ("4 a.m. Thursday")."""
    value = cand.value or ""
    return bool(_DAY_VALUE.match(value)) and (cand.type == "DATE" or not value.startswith(today))


def _same_sentence(text: str, a: Cand, b: Cand) -> bool:
    lo, hi = min(a.end, b.end) - 1, max(a.start, b.start)
    return not _SENTENCE_BREAK.search(text, lo, hi) if lo < hi else True


def _merge_month_year(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "March nineteen eighty-one", "the winter of nineteen eighty-six": one DATE in that year."""
    out: list[Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (prev and prev.type == "DATE" and cand.type == "DATE" and _MONTH_VALUE.fullmatch(prev.value or "")
                and _YEAR_VALUE.fullmatch(cand.value or "") and _OF_GAP.fullmatch(ctx.text[prev.end : cand.start])):
            out[-1] = replace(prev, end=cand.end, value=f"{cand.value}{(prev.value or '')[4:]}")
            continue
        out.append(cand)
    return out


def _second_days(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "April 24 and 25", "March 3 to 5": the bare day after a month and day is a DATE in that month;
    "28-29 October": the bare day before a day and month is one too."""
    out: list[Cand] = []
    skip: set[int] = set()
    for i, cand in enumerate(cands):
        if i in skip:
            continue
        value = cand.value or ""
        first = _FIRST_DAY.search(ctx.text, max(out[-1].end if out else 0, cand.start - 12), cand.start)
        if (first and cand.type == "DATE" and _DAY_VALUE.fullmatch(value)
                and _STARTS_WITH_DAY.match(ctx.text, cand.start, cand.end)):
            y, m, _ = (int(x) for x in value.split("-"))
            day = safe_date(y, m, int(first.group("day")))
            if day:
                out.append(replace(cand, start=first.start("day"), end=first.end("day"), value=day.isoformat()))
        out.append(cand)
        if cand.type != "DATE" or not _DAY_VALUE.fullmatch(value) or not _ENDS_WITH_DAY.search(ctx.text[cand.start : cand.end]):
            continue
        match = _NEXT_DAY.match(ctx.text, cand.end)
        later = [j for j in range(i + 1, len(cands)) if match and cands[j].start < match.end()]
        if match is None or any(not (match.group("year") and cands[j].start >= match.start("year")) for j in later):
            continue  # the day belongs to another expression
        y, m, d = (int(x) for x in value.split("-"))
        y = int(match.group("year")) if match.group("year") else y
        opening, second = safe_date(y, m, d), safe_date(y, m, int(match.group("day")))
        if opening and second:
            out[-1] = replace(cand, value=opening.isoformat())
            out.append(replace(cand, start=match.start("day"), end=match.end(), value=second.isoformat()))
            skip.update(later)  # "2021" is part of "11, 2021"
    return out


def _range_years(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "January-September 2019", "from March to June 2020", "the April-June quarter": the opening month
    takes the year of the closing one (the year before when it comes later in the calendar)."""
    out = list(cands)
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if (a.type != "DATE" or b.type != "DATE" or not _RANGE_GAP.fullmatch(ctx.text, a.end, b.start)
                or not re.fullmatch(r"\d{4}-\d\d", a.value or "") or not _MONTH_VALUE.match(b.value or "")
                or _YEAR_VALUE.search(ctx.text, a.start, a.end)):
            continue
        y, m1, m2 = int((b.value or "")[:4]), int((a.value or "")[5:7]), (b.value or "")[5:7]
        out[i] = replace(a, value=f"{y - 1 if m2.isdigit() and m1 > int(m2) else y:04d}-{m1:02d}")
    return out


@cache
def _range_start() -> re.Pattern[str]:
    """The count that opens a range of durations: "between *60* and 90 days", "*two* to three weeks"."""
    return re.compile(rf"(?<![\w.,$-])(?P<num>{parts().number})\s*(?:to|and|or|-|–)\s*$", re.IGNORECASE)


_COUNTED = re.compile(r"PT?(?P<n>\d+(?:\.\d+)?)(?P<unit>[A-Z]+)")


def _range_starts(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """A bare count before "to"/"and" and a duration is a duration in the same unit, as TimeML
    annotates ranges: "between 60 and 90 days" is "60" (P60D) and "90 days" (P90D)."""
    out: list[Cand] = []
    for cand in cands:
        counted = _COUNTED.fullmatch(cand.value or "") if cand.type == "DURATION" else None
        window = ctx.text[max(out[-1].end if out else 0, cand.start - 24) : cand.start]
        match = _range_start().search(window) if counted else None
        n = ctx.lex.number(match.group("num")) if match else None
        if match and counted and n and match.group("num").lower() not in ("a", "an"):
            start = cand.start - len(window) + match.start("num")
            value = (cand.value or "")[: counted.start("n")] + number_text(n) + counted.group("unit")
            out.append(replace(cand, start=start, end=start + len(match.group("num")), value=value))
        out.append(cand)
    return out


def _week_of(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "the week of March 6": the week that contains the day."""
    out: list[Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (prev and _WEEK_OF.fullmatch(ctx.text[prev.start : prev.end]) and _DAY_VALUE.fullmatch(cand.value or "")
                and re.fullmatch(r"\s+of\s+", ctx.text[prev.end : cand.start])):
            out[-1] = replace(cand, start=prev.start, value=week(dt.date.fromisoformat(cand.value or "")))
            continue
        out.append(cand)
    return out


def _days_from(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    """ "the day before last Tuesday", "two days after March 3": one DATE, that many days off."""
    out: list[Cand] = []
    for cand in cands:
        window = ctx.text[max(0, cand.start - 32) : cand.start]
        match = _DAYS_FROM.search(window) if _DAY_VALUE.fullmatch(cand.value or "") else None
        n = (1 if match.group("one") else ctx.lex.number(match.group("n"))) if match else None
        if match is None or not n or not float(n).is_integer():
            out.append(cand)
            continue
        start = cand.start - (len(window) - match.start())
        inside = [c for c in out if c.end > start]  # "two days", "the day": to become part of the date
        if any(c.start < start for c in inside):
            out.append(cand)
            continue
        del out[len(out) - len(inside):]
        sign = -1 if match.group("dir").lower() == "before" else 1
        day = dt.date.fromisoformat(cand.value or "") + dt.timedelta(days=sign * int(n))
        out.append(replace(cand, start=start, value=day.isoformat(), weak=False))
    return out


def _extend_all(cands: list[Cand], ctx: Ctx) -> list[Cand]:
    out: list[Cand] = []
    for cand in cands:
        floor = out[-1].end if out else 0
        out.append(_extend(cand, ctx, floor))
    return out


def _extend(cand: Cand, ctx: Ctx, floor: int) -> Cand:
    """Attach a preceding modifier: "early" 2022, "the end of" the year, "about" two years ago.
    Not "the night of" Oct. 23: TimeBank marks the date alone."""
    window = ctx.text[max(floor, cand.start - 40) : cand.start]
    match = _POSITION.search(window)
    if match and cand.type == "DATE":
        start = cand.start - (len(window) - match.start())
        pos = re.sub(r"\s+", " ", (match.group("pos") or match.group("part") or match.group("bare")).lower())
        value = cand.value
        if pos in _HALF and value and re.fullmatch(r"\d{4}", value):
            value = f"{value}-{_HALF[pos]}"
        return replace(cand, start=start, value=value, weak=False)
    text = ctx.text[cand.start : cand.end].lower()
    approx = APPROXIMATOR.search(window)
    if approx and (cand.type == "DURATION" or text.endswith("ago")) and not text.startswith("the ") \
            and not _over_as_preposition(approx.group(0), window[: approx.start()], text):
        return replace(cand, start=cand.start - (len(window) - approx.start()))
    return cand


_OVER_AS_AMOUNT = re.compile(r"\b(?:for|in|of|than|last|lasts|lasted|lasting|took|take|takes|taking|spent|spend|"
                             r"spends|spending|within|after|just|well|by|is|was|are|were|be|been)\s+$", re.IGNORECASE)


def _over_as_preposition(hedge: str, before: str, text: str) -> bool:
    """ "held over two days", "paid over 12 months": "over"/"under" as a preposition of time, left
    outside; "for over two years", "in over a decade", "over 20 years ago" are amounts."""
    if hedge.strip().lower() not in ("over", "under"):
        return False
    return not (text.endswith(("ago", "old", "later", "earlier")) or _OVER_AS_AMOUNT.search(before))
