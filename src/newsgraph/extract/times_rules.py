"""Rules for calendar expressions: dates, months, years, decades, quarters, halves, seasons.

Each rule is a compiled pattern and a handler that turns a match into a candidate
(or None to reject it). Relative expressions resolve against ``Ctx.anchor``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from newsgraph.extract import times_resolve as tr
from newsgraph.extract.times_lexicon import Lexicon, lexicon
from newsgraph.extract.times_patterns import compile_, parts
from newsgraph.extract.times_tense import tense


@dataclass(frozen=True, slots=True, kw_only=True)
class Cand:
    start: int
    end: int
    type: str
    value: str | None
    weak: bool = False  # kept only when a modifier attaches ("the end of" + "the year")


@dataclass(frozen=True, slots=True, kw_only=True)
class Ctx:
    text: str
    anchor: dt.date | None
    lex: Lexicon

    def before(self, start: int, n: int = 30) -> str:
        return self.text[max(0, start - n) : start]

    def after(self, end: int, n: int = 30) -> str:
        return self.text[end : end + n]


Handler = Callable[[re.Match[str], Ctx], Cand | None]

_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|of|between|and|or|before|after|during|through|"
    r"throughout|around|circa|early|late|mid|last|next|this|the|for|on|at|until|till|year|"
    r"fiscal|spring|summer|autumn|fall|winter)|[-–—(,])\s*$",
    re.IGNORECASE,
)
_DECADE_AFTER = re.compile(r"\s+of\s+the\s+(?:(?:early|mid|late)[\s-]+)?(?:\d{4}'?s|['‘’]?\d0s|\w+ies\b|\w+\s+century)",
                           re.IGNORECASE)
_SHORT_YEAR_BEFORE = re.compile(r"\b(?:in|since|of|until|till|from|to|by|before|after|between|and)\s+$", re.IGNORECASE)
_A_MARCH = re.compile(r"\b(?:the|a|an|annual|yearly|silent|mass)\s+(?:``|[\"“'])?$", re.IGNORECASE)
_MARCH_NAME = re.compile(r"\s+(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]")
_BARE_SEASON_END = re.compile(r"\s*(?:[,.;:)!?]|$|\s(?:of|this|last|next|and|or|to|when|we|they|he|she|it|the)\b)")
_AFTER_DECADE = re.compile(r"\d0['’]?s,?\s+(?:and|or|to|through|into)\s+$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₽#№]|\b(?:no|nos|number|article|section|page|pp|p|room|flight|route|model|"
                              r"item|paragraph|rs|usd|eur|rub|us\$)\.?)\s*$", re.IGNORECASE)


def _cand(m: re.Match[str], type_: str, value: str | None, group: int | str = 0, weak: bool = False) -> Cand:
    return Cand(start=m.start(group), end=m.end(group), type=type_, value=value, weak=weak)


def _month_number(ctx: Ctx, word: str) -> int:
    word = word.lower().rstrip(".")
    return int(ctx.lex.kind("month").get(word) or ctx.lex.kind("month_abbr")[word])


def _month_ok(m: re.Match[str], ctx: Ctx, word: str, alone: bool) -> bool:
    """Month names are capitalised; "May" and bare abbreviations need a date-like context."""
    if not word[0].isupper():
        return False
    if not alone:
        return True
    if word.lower() in ctx.lex.kind("month_abbr") and not word.endswith("."):
        return False
    if word.lower() == "may":
        return bool(_PREP_BEFORE.search(ctx.before(m.start(), 12)))
    return not (word.lower() == "march" and _A_MARCH.search(ctx.before(m.start(), 16))
                and _MARCH_NAME.match(ctx.after(m.end(), 24)))  # "the annual March for Life"


def _year_value(text: str, ctx: Ctx) -> str | None:
    """The value of a year reference: "2023", "this year", "last year", "the year"."""
    text = text.lower()
    digits = re.search(r"\d{4}", text)
    if digits:
        return digits.group()
    if ctx.anchor is None or text.startswith(("that", "the same")):
        return None
    if re.match(r"(last|the\s+previous|the\s+past)\b", text):
        return tr.year(ctx.anchor.year - 1)
    if re.match(r"(next|the\s+coming|the\s+following)\b", text):
        return tr.year(ctx.anchor.year + 1)
    return tr.year(ctx.anchor.year)


# -- dates --------------------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.group("dmy"):
        y, mo, d = int(m.group("dmy_y")), int(m.group("dmy_m")), int(m.group("dmy_d"))
    elif m.group("mdy"):
        y, mo, d = int(m.group("mdy_y")), int(m.group("mdy_m")), int(m.group("mdy_d"))
        y = y if y > 99 else 2000 + y if y < 50 else 1900 + y
    else:
        y, mo, d = (int(g) for g in m.group("y", "m", "d"))
    date = tr.safe_date(y, mo, d) if y else None
    return _cand(m, "DATE", tr.day(date)) if date else None


_ATTACKS_AFTER = re.compile(r"(?:th)?,?\s+(?:\d{4},?\s+)?(?:terrorist\s+|terror\s+)?(?:attacks?|hijackings|plots?)\b",
                            re.IGNORECASE)


def _month_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m.group("mon")
    if not _month_ok(m, ctx, word, alone=False):
        return None
    mo, d = _month_number(ctx, word), int(re.sub(r"\D", "", m.group("day")))
    if m.group("year"):
        date = tr.safe_date(int(m.group("year")), mo, d)
        return _cand(m, "DATE", tr.day(date)) if date else None
    if m.group("day").isdigit() and len(m.group("day")) > 2:
        return None
    if (mo, d) == (9, 11) and _ATTACKS_AFTER.match(ctx.after(m.end(), 32)) and (ctx.anchor is None or ctx.anchor.year > 2001):
        return _cand(m, "DATE", "2001-09-11")  # "the September 11 attacks": that day, whenever written
    if ctx.anchor is None:
        return _cand(m, "DATE", None) if tr.safe_date(2000, mo, d) else None
    det = (m.groupdict().get("det") or "").lower()
    if det:  # "last Oct. 23", "this coming May 5": the last or next such day
        direction = -1 if det.startswith(("last", "this past")) else 1
        date = tr.safe_date(ctx.anchor.year, mo, d)
        if date and (date - ctx.anchor).days * direction <= 0:
            date = tr.safe_date(date.year + direction, mo, d)
        return _cand(m, "DATE", tr.day(date)) if date else None
    date = tr.safe_date(tr.tensed_day_year(ctx.anchor, mo, d, tense(ctx.text, m.start(), m.end())), mo, d)
    return _cand(m, "DATE", tr.day(date)) if date else None


def _bare_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "on the 20th": that day of the document's month, or of the month before or after when the
    tense puts it on the other side of the document date."""
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    d, said = int(m.group("day")), tense(ctx.text, m.start(), m.end())
    y, mo = ctx.anchor.year, ctx.anchor.month
    if said < 0 and d > ctx.anchor.day:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif said > 0 and d < ctx.anchor.day:
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    date = tr.safe_date(y, mo, d)
    return _cand(m, "DATE", tr.day(date)) if date else None


def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m.group("mon")
    if not _month_ok(m, ctx, word, alone=False):
        return None
    y = _year_value(m.group("yref"), ctx)
    value = f"{y}-{_month_number(ctx, word):02d}" if y else None
    return _cand(m, "DATE", value)


def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m.group("mon")
    if not _month_ok(m, ctx, word, alone=not m.group("det")):
        return None
    det, mo = (m.group("det") or "").lower(), _month_number(ctx, word)
    if det in ("each", "every"):  # "every July"
        return _cand(m, "SET", f"XXXX-{mo:02d}")
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    direction = -1 if det in ("last", "past") else 1 if det in ("next", "coming") else 0
    if det == "this":
        y = ctx.anchor.year
    elif direction:
        y = tr.month_year(ctx.anchor, mo, direction)
    else:
        y = tr.tensed_month_year(ctx.anchor, mo, tense(ctx.text, m.start(), m.end()))
    return _cand(m, "DATE", tr.month(y, mo))


def _week_of_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the last week of March", "the first week of May 2024": the ISO week of the month's first,
    second, ... or last Thursday (a week belongs to the month that holds its Thursday, as in ISO 8601)."""
    word = m.group("mon")
    if not _month_ok(m, ctx, word, alone=False):
        return None
    mo = _month_number(ctx, word)
    if m.group("year"):
        y = int(m.group("year"))
    elif ctx.anchor is not None:
        y = tr.tensed_month_year(ctx.anchor, mo, tense(ctx.text, m.start(), m.end()))
    else:
        return _cand(m, "DATE", None)
    which = m.group("nth").lower()
    nth = "L" if which in ("last", "final") else ctx.lex.kind("ordinal")[which]
    thursday = tr.nth_weekday(y, mo, f"{nth}thu")
    return _cand(m, "DATE", tr.week(thursday)) if thursday else None


# -- years, decades, centuries -----------------------------------------------------------------


def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m.group("y"))
    before, after = ctx.before(m.start(), 24), ctx.after(m.end(), 24)
    if _CURRENCY_BEFORE.search(before) or re.match(r"\s*(?:%|percent|per\s+cent|[.,:]\d)", after):
        return None
    following = re.match(r"\s+([A-Za-z]+)", after)
    if following and (following.group(1).lower() in ctx.lex.kind("count_noun")
                      or (following.group(1) == "Index" and not _PREP_BEFORE.search(before))):
        return None  # "2000 shares", "the Russell 2000 Index"
    if not 1900 <= y <= 2100 and not _PREP_BEFORE.search(before):
        return None
    return _cand(m, "DATE", m.group("y"))


def _short_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "since '82", "in '98": a year in the past century or this one, after a preposition."""
    if not _SHORT_YEAR_BEFORE.search(ctx.before(m.start(), 12)):
        return None
    yy = int(m.group("yy"))
    now = ctx.anchor.year if ctx.anchor else 2030
    return _cand(m, "DATE", tr.year(2000 + yy if 2000 + yy <= now else 1900 + yy))


def _next_short_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 2012-13 season", "fiscal 2022/23": the second year of two running ones (the first is
    a year of its own)."""
    y = int(m.group("y"))
    if int(m.group("yy")) != (y + 1) % 100:
        return None
    return _cand(m, "DATE", tr.year(y + 1), group="yy")


def _spelled_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if (m.group("century") or "").lower() == "nineteen":
        rest = ctx.lex.number(m.group("rest") or "")
        return _cand(m, "DATE", tr.year(1900 + int(rest))) if rest and rest < 100 else None
    if not _PREP_BEFORE.search(ctx.before(m.start(), 12)) and not re.search(r"year\s+$", ctx.before(m.start(), 8)):
        return None
    rest = ctx.lex.number(m.group("rest") or "0") if m.group("rest") else 0
    return _cand(m, "DATE", tr.year(2000 + int(rest or 0)))


def _fiscal(m: re.Match[str], ctx: Ctx) -> Cand | None:
    digits = m.group("fy")
    y = int(digits) if len(digits) == 4 else 2000 + int(digits) if int(digits) < 70 else 1900 + int(digits)
    return _cand(m, "DATE", tr.year(y))


def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.group("second") and not _AFTER_DECADE.search(ctx.before(m.start(), 24)):
        return None  # a bare "80s" only after another decade: "the 70s and 80s"; not "in his 80s"
    if m.group("full"):
        return _cand(m, "DATE", m.group("full")[:3])
    return _cand(m, "DATE", "19" + (m.group("short") or m.group("bare") or m.group("second"))[0])  # "the '80s", "the 70s"


def _spelled_decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the nineties", "the early eighties": a decade of the 1900s."""
    tens = ctx.lex.number(m.group("tens").lower()[:-3] + "y")  # "nineties" -> "ninety"
    return _cand(m, "DATE", f"19{int(tens) // 10}") if tens and 20 <= tens < 100 else None


def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = ctx.lex.kind("ordinal").get(m.group("ord").lower()) or re.sub(r"\D", "", m.group("ord"))
    return _cand(m, "DATE", f"{int(n) - 1:02d}") if 0 < int(n) < 30 else None


# -- parts of a year ----------------------------------------------------------------------------------


def _ordinal(ctx: Ctx, word: str) -> int:
    word = word.lower()
    if word in ("last", "final", "latter"):
        return -1
    return int(ctx.lex.kind("ordinal").get(word) or re.sub(r"\D", "", word) or 0)


def _yref(m: re.Match[str]) -> str | None:
    """The year a part of a year names: "of 2021", "2021's", "the 2021 third quarter", "Q3 2021"."""
    groups = m.groupdict()
    return groups.get("yref") or groups.get("yref2") or groups.get("yref3") or groups.get("yref4")


def _part_year(m: re.Match[str], ctx: Ctx) -> str | None:
    yref = _yref(m)
    if yref:
        return _year_value(yref, ctx)
    return tr.year(ctx.anchor.year) if ctx.anchor else None


def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    q = _ordinal(ctx, m.group("q") or m.group("qn") or m.group("qn2") or "0")
    q = 4 if q == -1 else q
    if not 1 <= q <= 4:
        return None
    y = _part_year(m, ctx)
    if y and ctx.anchor and not _yref(m) and q > tr.quarter_of(ctx.anchor):
        sign = tense(ctx.text, m.start(), m.end()) or (1 if q - tr.quarter_of(ctx.anchor) < 2 else -1)
        y = y if sign > 0 else tr.year(int(y) - 1)  # untensed: the nearer one ("the fourth quarter" in August)
    return _modifier_without_the(_cand(m, "DATE", f"{y}-Q{q}" if y else None), m, ctx)


_FUNCTION_AFTER = re.compile(r"\s+(?:of|ended|ending|and|or|to|through|when|was|were|is|are|in|on|at|as|compared|"
                             r"versus|vs|from|a|an|the|that|which|last|this|next|than|with|for|by|after|before)\b")


def _modifier_without_the(cand: Cand, m: re.Match[str], ctx: Ctx) -> Cand:
    """ "the third-quarter loss", "the Q2 results": the period modifies the noun, which "the"
    determines; TimeML tags "third-quarter" alone, but "the third quarter" as a noun phrase."""
    found = m.group(0)
    lead = re.match(r"the\s+", found, re.IGNORECASE)
    if not lead or not re.match(r"\s+[a-z]", ctx.after(m.end(), 3)):
        return cand  # nothing after it for it to modify
    if "-" not in found and not re.search(r"\bQ[1-4]\b|\b[1-4]Q\b", found):
        return cand  # "the second quarter loss": written as a noun phrase
    if _FUNCTION_AFTER.match(ctx.after(m.end(), 14)):
        return cand
    return replace(cand, start=m.start() + lead.end())


def _half(m: re.Match[str], ctx: Ctx) -> Cand | None:
    h = _ordinal(ctx, m.group("h")) if m.group("h") else int(m.group("hn") or m.group("hn2"))
    h = 2 if h == -1 else h
    if h not in (1, 2) or _DECADE_AFTER.match(ctx.after(m.end(), 24)):
        return None  # "the last half of the '80s": the decade, with its modifier (times._extend)
    y = _part_year(m, ctx)
    return _modifier_without_the(_cand(m, "DATE", f"{y}-H{h}" if y else None), m, ctx)


_SEASON_NOT_TIME = re.compile(
    r"[ \t]+(?:water|waters|wheat|barley|onions?|rolls?|tides?|mattress(?:es)?|coats?|jackets?|tires?|tyres?|boots|"
    r"squash|wear|clothes|clothing|collections?|lines?|fashions?|up|into|from|back|forward|open|loaded|green)\b")
_SEASON_VERB_BEFORE = re.compile(r"(?:\b(?:to|will|would|could|can|may|might|did|does|do|a|an|hot|the|its|his|her)|"
                                 r"[A-Z][\w'’-]*)[ \t]+$")


def _season_as_time(m: re.Match[str], ctx: Ctx, word: str) -> bool:
    """A season with neither determiner nor preposition, before a word of its clause: "spring shows
    signs of hope", "their Autumn meetings"; not "Spring Street", "the Arab Spring", "hot springs",
    "spring water", "could spring a surprise", nor "fall", which is mostly a verb."""
    if word.lower() == "fall" or not re.match(r"[ \t]+[a-z]", ctx.after(m.end(), 3)):
        return False
    if word[0].isupper() and not _sentence_start(ctx, m.start()) and not re.search(
            r"\b(?:their|its|his|her|our|the|this|last|next)[ \t]+$", ctx.before(m.start(), 8)):
        return False
    before = ctx.before(m.start(), 24)
    if _SEASON_VERB_BEFORE.search(before) and not _sentence_start(ctx, m.start()):
        return False
    return not _SEASON_NOT_TIME.match(ctx.after(m.end(), 16))


def _sentence_start(ctx: Ctx, start: int) -> bool:
    return re.search(r"(?:^|[.!?]['\"”’]?[ \t]+|``[ \t]*|[\"“][ \t]*|\n[ \t]*)$", ctx.before(start, 6)) is not None


def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word, det = m.group("season"), (m.group("det") or "").lower()
    code = ctx.lex.kind("season")[word.lower()]
    if m.group("yref"):
        y = _year_value(m.group("yref"), ctx)
        return _cand(m, "DATE", f"{y}-{code}" if y else None)
    after_prep = re.search(r"\b(?:in|into|during|by|since|until|till|through|over)\s+$", ctx.before(m.start(), 12), re.I)
    bare_ok = after_prep and word.islower() and _BARE_SEASON_END.match(ctx.after(m.end(), 8))
    if (not det and not bare_ok and (after_prep or not _season_as_time(m, ctx, word))) \
            or (det == "the" and not after_prep):
        return None  # a bare season needs a preposition: "in autumn", "by spring,"; not "in Spring Street"
    if re.match(r"\s+of\b(?!\s+(?:nineteen|two\s+thousand)\b)", ctx.after(m.end(), 24), re.I):
        return None
    if det in ("each", "every"):  # "every summer"
        return _cand(m, "SET", f"XXXX-{code}")
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    direction = -1 if det in ("last", "past") else 1 if det in ("next", "coming") else 0
    if not det:  # "we met in spring", "we will meet in autumn"
        return _cand(m, "DATE", tr.tensed_season(ctx.anchor, code, tense(ctx.text, m.start(), m.end())))
    return _cand(m, "DATE", tr.season(ctx.anchor, code, direction))


_HOLIDAY_THING = re.compile(r"\s+(?:trees?|cards?|carols?|decorations?|lights|ornaments?|presents?|gifts?|"
                            r"stockings?|puddings?|cakes?|eggs?|bunny|bunnies|jumpers?|sweaters?|songs?|"
                            r"movies?|films?|markets?|crackers?|wreaths?)\b", re.IGNORECASE)


def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    name = re.sub(r"\s+", " ", m.group("name"))
    if not name[0].isupper() or (" " not in name and not m.group("week") and re.match(r"\s+[A-Z]", ctx.after(m.end(), 2))):
        return None  # "Easter Island", "Christmas Island": a name, not the day
    if _HOLIDAY_THING.match(ctx.after(m.end(), 16)):
        return None  # "Christmas trees", "Easter eggs": things, not the day
    rule = ctx.lex.holidays[name.lower()]
    value = tr.week if m.group("week") else tr.day  # "Easter week": the ISO week of Easter Sunday
    if m.group("y"):
        date = tr.nth_weekday(int(m.group("y")), rule.month, rule.day)
        return _cand(m, "DATE", value(date) if date else None)
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    dates = [tr.nth_weekday(y, rule.month, rule.day) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
    nearest = min((d for d in dates if d), key=lambda d: abs((d - ctx.anchor).days), default=None)
    return _cand(m, "DATE", value(nearest) if nearest else None)


def _decade_words() -> str:
    """ "twenties|thirties|...|nineties", from the number words."""
    tens = [k for k, v in lexicon().kind("number").items() if 20 <= float(v) < 100 and k.endswith("y")]
    return "|".join(k[:-1] + "ies" for k in tens)


def _spelled_tail() -> str:
    numbers = lexicon().kind("number")
    small = "|".join(k for k, v in numbers.items() if 1 <= float(v) < 20 and " " not in k and k not in ("a", "an"))
    tens = "|".join(k for k, v in numbers.items() if 20 <= float(v) < 100 and " " not in k)
    return f"(?:(?:{tens})(?:[\\s-]+(?:{small}))?|{small})"


@cache
def calendar_rules() -> list[tuple[re.Pattern[str], Handler]]:
    p = parts()
    wd = f"(?:{p.weekday},?[ \\t]+)?"
    yref_part = rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?(?P<yref>{p.year_ref}))?"
    return [
        (compile_(r"(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<dmy>(?P<dmy_d>\d{1,2})\.(?P<dmy_m>\d{1,2})\.(?P<dmy_y>\d{4}))|"
                  r"(?P<mdy>(?P<mdy_m>\d{1,2})/(?P<mdy_d>\d{1,2})/(?P<mdy_y>\d{4}|\d{2})))(?!/)"), _iso),
        (compile_(rf"(?:(?P<det>last|next|this\s+past|this\s+coming)\s+)?{wd}(?P<mon>{p.month})\s+(?P<day>{p.day_num})"
                  rf"(?:,?\s+(?P<year>{p.year4}))?"), _month_day),
        (compile_(rf"{wd}(?:the\s+)?(?P<day>{p.day_num})(?:\s+of)?\s+(?P<mon>{p.month})(?:,?\s+(?P<year>{p.year4}))?"), _month_day),
        (compile_(r"(?<=\bon\s)the\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?=\s*[,.;]|\s+(?:and|or|at|when|after|but)\b)"),
         _bare_day),
        (compile_(rf"(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+(?P<mon>{p.month})"
                  rf"(?:,?\s+(?P<year>{p.year4}))?"), _week_of_month),
        (compile_(rf"(?P<mon>{p.month})(?:\s+of)?,?\s+(?P<yref>{p.year4}|(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+year)"), _month_year),
        (compile_(rf"(?:(?P<det>last|next|this|past|coming|early|late|mid|each|every)[\s-]+)?(?P<mon>{p.month})"), _month),
        (re.compile(rf"(?<![\w$€£¥.,/])(?P<y>{p.year4})(?![\w%]|[.,]\d)"), _year),
        (compile_(rf"(?P<century>nineteen|two\s+thousand)(?:\s+and)?[\s-]+(?P<rest>{_spelled_tail()})|"
                  r"(?P<two>two\s+thousand)(?P<none>)"), _spelled_year),
        (re.compile(r"(?<![\w'‘’])['‘’](?P<yy>\d\d)(?![\w'‘’]|[.,]\d)"), _short_year),
        (re.compile(rf"(?<![\w$€£¥.,/])(?P<y>{p.year4})[-–/](?P<yy>\d\d)(?![\w%-]|[.,]\d)"), _next_short_year),
        (compile_(r"(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*'?(?P<fy>\d{4}|\d{2})"), _fiscal),
        (compile_(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<full>1[5-9]\d0|20\d0)'?s|['‘’](?P<short>\d0)s)|"
                  r"the\s+(?:(?:early|mid|late)[\s-]+)?(?P<bare>[2-9]0)s|(?P<second>[2-9]0)s"), _decade),
        (compile_(rf"(?:the\s+)?(?P<ord>{p.ordinal})[\s-]+century"), _century),
        (compile_(rf"the\s+(?:(?:early|mid|late)[\s-]+)?(?P<tens>{_decade_words()})"), _spelled_decade),
        (compile_(rf"(?:(?P<yref2>{p.year_ref})'s\s+|(?:the\s+)?(?P<yref3>{p.year4})[\s-]+(?=\w+[\s-]+(?:fiscal[\s-]+)?quarter))?"
                  rf"(?:the\s+)?(?:fiscal\s+)?(?:(?P<q>{p.ordinal}|last|final)[\s-]+(?:fiscal[\s-]+)?quarter|Q(?P<qn>[1-4])|"
                  rf"(?P<qn2>[1-4])Q)(?:\s+(?P<yref4>{p.year4})|{yref_part})"), _quarter),
        (compile_(rf"(?:the\s+)?(?P<h>first|second|last|latter|1st|2nd)[\s-]+half{yref_part}|"
                  rf"(?:H(?P<hn>[12])|(?P<hn2>[12])H)\s+(?P<yref4>{p.year4})"), _half),
        (compile_(rf"(?:(?P<det>this|last|next|past|coming|early|late|the|each|every)\s+)?(?P<season>{p.season})(?:\s+(?:of\s+)?(?P<yref>{p.year4}|(?:this|last|next)\s+year))?"), _season),
        (compile_(rf"(?P<name>{p.holiday})(?:\s+(?P<y>{p.year4}))?(?P<week>\s+week(?!end))?"), _holiday),
    ]
