"""TIMEX3 values: formatting and calendar arithmetic relative to the document date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_dct(dct: str | None) -> dt.date | None:
    """The document date as a date; None when absent or unreadable."""
    if not dct:
        return None
    try:
        return dt.date.fromisoformat(dct[:10])
    except ValueError:
        return None


def year(y: int) -> str:
    return f"{y:04d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) n months after (y, m)."""
    index = y * 12 + (m - 1) + n
    return index // 12, index % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def shift(anchor: dt.date, unit: str, n: int) -> str | None:
    """The unit-granular value n units away from the anchor ("Y", -1 -> last year)."""
    if unit == "Y":
        return year(anchor.year + n)
    if unit == "M":
        return month(*add_months(anchor.year, anchor.month, n))
    if unit == "W":
        return week(anchor + dt.timedelta(weeks=n))
    if unit == "D":
        return day(anchor + dt.timedelta(days=n))
    if unit == "Q":
        y, q = divmod(anchor.year * 4 + quarter_of(anchor) - 1 + n, 4)
        return f"{y:04d}-Q{q + 1}"
    if unit == "H":
        y, h = divmod(anchor.year * 2 + (anchor.month - 1) // 6 + n, 2)
        return f"{y:04d}-H{h + 1}"
    if unit == "DE":
        return f"{(anchor.year // 10 + n):03d}"
    if unit == "CE":
        return f"{(anchor.year // 100 + n):02d}"
    if unit == "WE":
        return week(anchor + dt.timedelta(weeks=n)) + "-WE"
    return None


_SCALE = {"2W": (2, "W"), "DE": (10, "Y"), "CE": (100, "Y")}  # quarters stay "Q": "P2Q"
_SMALLER = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}
_TIME_UNITS = ("H", "MIN", "S")


def duration(n: float | None, unit: str) -> str:
    """An ISO 8601 duration: (17, "Y") -> "P17Y"; (2.5, "Y") -> "P2Y6M"; None -> "PXY"."""
    if n is None:
        return f"PTX{unit[0]}" if unit in _TIME_UNITS else f"PX{unit}"  # minutes: PTXM
    if unit in _SCALE or (unit == "Q" and not float(n).is_integer()):
        factor, unit = _SCALE.get(unit, (3, "M"))
        n *= factor
    parts = [(n, unit)]
    if not float(n).is_integer() and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        parts = [(int(n), unit), (round((n - int(n)) * factor), smaller)]
    date = "".join(f"{number_text(v)}{u}" for v, u in parts if v and u not in _TIME_UNITS)
    time = "".join(f"{number_text(v)}{u[0]}" for v, u in parts if v and u in _TIME_UNITS)
    return "P" + date + ("T" + time if time else "") if (date or time) else "P0D"


def number_text(n: float) -> str:
    """A count as a value writes it: 2.0 -> "2", 2.5 -> "2.5"."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def ago(anchor: dt.date, unit: str, n: float) -> str | None:
    """The value of "n units ago" (negative n: "from now") at the unit's granularity."""
    whole = int(round(n))
    if unit == "Y" and not float(n).is_integer():  # "a year and a half ago": 18 months back, that year
        return year(add_months(anchor.year, anchor.month, -round(n * 12))[0])
    if unit in ("DE", "CE"):  # "a decade ago", "a quarter century ago"
        return year(anchor.year - round(n * (10 if unit == "DE" else 100)))
    if unit == "2W":
        unit, whole = "W", whole * 2
    if unit in ("H", "S", "MIN"):
        return day(anchor)
    return shift(anchor, unit, -whole)


def weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of a weekday (1 = Monday): nearest past (-1), next (+1) or this week (0)."""
    delta = weekday - anchor.isoweekday()
    if direction == 0:
        return anchor + dt.timedelta(days=delta)
    if direction < 0:
        return anchor - dt.timedelta(days=(-delta) % 7)
    return anchor + dt.timedelta(days=delta % 7 or 7)


def month_year(anchor: dt.date, m: int, direction: int) -> int:
    """The year of a month name: same year (0), last (-1) or next (+1) such month."""
    if direction < 0:
        return anchor.year if m < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if m > anchor.month else anchor.year + 1
    return anchor.year


def nearest_month_year(anchor: dt.date, m: int) -> int:
    """The year that puts month m nearest the anchor (ties go to the past)."""
    diffs = [(abs((y - anchor.year) * 12 + m - anchor.month), -y, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return min(diffs)[2] if min(diffs)[0] < 6 else anchor.year if m <= anchor.month else anchor.year - 1


def nearest_year(anchor: dt.date, m: int, d: int) -> int:
    """The year that puts month/day closest to the anchor (for "Sept. 30" without a year)."""
    best = anchor.year
    for y in (anchor.year - 1, anchor.year + 1):
        here, there = safe_date(best, m, min(d, 28)), safe_date(y, m, min(d, 28))
        if here and there and abs((there - anchor).days) < abs((here - anchor).days):
            best = y
    return best


def tensed_month_year(anchor: dt.date, m: int, tense: int) -> int:
    """The year of a month name said in the past (-1) or future (+1) tense; the nearest one
    when the tense is unknown or the month is next to the document's."""
    near = nearest_month_year(anchor, m)
    if tense == 0 or abs((near - anchor.year) * 12 + m - anchor.month) <= 1:
        return near
    return month_year(anchor, m, tense)


def tensed_day_year(anchor: dt.date, m: int, d: int, tense: int) -> int:
    """The year of a month and day said in the past (-1) or future (+1) tense; the nearest
    one when the tense is unknown or the date lies within six weeks of the document's."""
    near = nearest_year(anchor, m, d)
    here = safe_date(near, m, min(d, 28))
    if tense == 0 or here is None or abs((here - anchor).days) <= 45:
        return near
    this_year = dt.date(anchor.year, m, min(d, 28))
    if tense < 0:
        return anchor.year if this_year <= anchor else anchor.year - 1
    return anchor.year if this_year >= anchor else anchor.year + 1


def season(anchor: dt.date, code: str, direction: int) -> str:
    """The value of a season name: this year's (0), the last (-1) or the next (+1)."""
    start = SEASON_START[code]
    y = anchor.year
    if direction < 0 and dt.date(y, start, 1) > anchor:
        y -= 1
    if direction < 0 and code != "WI" and dt.date(y, start, 1) <= anchor < dt.date(y, start + 2, 28):
        y -= 1
    if direction > 0 and dt.date(y, start, 1) <= anchor:
        y += 1
    return f"{y:04d}-{code}"


def tensed_season(anchor: dt.date, code: str, tense: int) -> str:
    """A bare season said in the past (-1: the last one begun) or future (+1: the next one not
    over) tense; this year's when the tense is unknown."""
    begun = dt.date(anchor.year, SEASON_START[code], 1) <= anchor
    over = code != "WI" and anchor.month >= SEASON_START[code] + 3
    y = anchor.year + {-1: 0 if begun else -1, 1: 1 if over else 0}.get(tense, 0)
    return f"{y:04d}-{code}"


def nth_weekday(y: int, m: int, rule: str) -> dt.date | None:
    """The date a holiday rule names in month m of year y: "25" (that day), "4thu" (the fourth
    Thursday), "Lmon" (the last Monday), "1mon+1" (the day after the first Monday: US Election
    Day), "easter-2" (Good Friday; the month is ignored)."""
    base = re.match(r"[^+-]+", rule)
    rule, shift = (base.group(), rule[base.end():]) if base else (rule, "")
    offset = dt.timedelta(days=int(shift) if shift else 0)
    if rule == "easter":
        return easter(y) + offset
    if rule.isdigit():
        date = safe_date(y, m, int(rule))
        return date + offset if date else None
    nth, name = rule[0], rule[1:]
    last = calendar.monthrange(y, m)[1]
    if nth == "L":
        end = dt.date(y, m, last)
        return end - dt.timedelta(days=(end.weekday() - WEEKDAYS.index(name)) % 7) + offset
    first = dt.date(y, m, 1)
    d = 1 + (WEEKDAYS.index(name) - first.weekday()) % 7 + 7 * (int(nth) - 1)
    return dt.date(y, m, d) + offset if d <= last else None


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)
