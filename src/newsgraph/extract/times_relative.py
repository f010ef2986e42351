"""Rules for relative, deictic and fuzzy expressions: "last year", "two years ago",
"the past 17 years", "yesterday", "on Monday", "recently", "every week", "10:30 a.m."."""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract import times_resolve as tr
from newsgraph.extract.times_lexicon import alternation, lexicon
from newsgraph.extract.times_patterns import HEDGE, compile_, parts
from newsgraph.extract.times_rules import Cand, Ctx, Handler, _cand
from newsgraph.extract.times_tense import tense

_DET_DIRECTION = {
    "this": 0, "the current": 0, "current": 0, "this current": 0, "the present": 0,
    "last": -1, "the previous": -1, "the prior": -1, "this past": -1, "previous": -1,
    "the preceding": -1, "the latest": -1, "the most recent": -1,
    "next": 1, "the coming": 1, "the following": 1, "the upcoming": 1, "upcoming": 1, "coming": 1,
}
_SEQUENCE = ("the following", "the previous", "the preceding", "the prior")  # relative to the time last named
_DET_SPAN = ("the past", "the last", "past", "the next")
_UNIT_CODE = {"period": "Q", "year": "Y", "month": "M", "week": "W", "quarter": "Q", "decade": "DE", "century": "CE",
              "weekend": "WE", "day": "D", "night": "D", "fortnight": "2W", "hour": "H", "minute": "MIN",
              "second": "S"}
_SET_BEFORE = re.compile(r"(?:\d|%|\btimes|\bonce|\btwice|\bthrice|\bper|\bdollars|\bpercent|\bbillion|\bmillion|"
                         r"\btons|\btonnes|\bbarrels|"
                         r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?))"
                         r"[\d,.]*\s+(?:[a-z]+\s+)?[a-z]+s)\s*$", re.IGNORECASE)  # "24 hours a day", "four flights a week"
_SMALL_HOURS = re.compile(r"\b(?:early|small|wee)\s+$", re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"(?<![\w-])(?:every|each)\s+$", re.IGNORECASE)
_NOWADAYS_AFTER = re.compile(
    r"\s*,?\s*(?:there\s+(?:is|are|remains?)|we\s+(?:are|have|see|can|need|must|live)|it\s+is|it's|"
    r"many|most|more|almost|nearly)\b", re.IGNORECASE
)
_NEXT_WORD = re.compile(r"\s+(?!(?:later|earlier|ago|or|and|before|after|of|in|to|too)\b)\w", re.IGNORECASE)  # "a second A380"
_AWAITED = re.compile(r"\b(?:ahead\s+of|before|until|for|awaiting|await|next|upcoming|coming)\s+(?:the\s+)?$", re.I)
_AMPM = {"morning": "a", "afternoon": "p", "evening": "p"}
_PLURAL_PARTNER = re.compile(  # "Monday and Tuesday nights": both are SETs
    r"\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s\b|\s+(?P<part>morning|afternoon|evening|night)s\b)"
)
_SPAN_BEFORE = re.compile(r"\b(?:over|for|during|within|in|throughout)\s+$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_NOWADAYS_BEFORE = re.compile(r"\b(?:even|still|than|until|till|of|to\s+this\s+day|as\s+it\s+is)\s+$", re.IGNORECASE)


def _unit_code(word: str) -> str:
    word = word.lower()
    if word == "centuries":
        return "CE"
    return _UNIT_CODE.get(word.rstrip("s"), "") or _UNIT_CODE.get(word, "")


def _relative_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    det = re.sub(r"\s+", " ", m.group("det").lower())
    unit = _unit_code(m.group("unit"))
    if det == "the next" and unit == "D" and not _SPAN_BEFORE.search(ctx.before(m.start(), 16)):
        det = "the following"  # "released the next day", but "over the next day"
    if _title_case(m.group("unit")):
        return None
    if det in ("the past", "the last") and unit == "Y":  # "over the past year": the year before (TimeML)
        return _cand(m, "DATE", tr.shift(ctx.anchor, "Y", -1) if ctx.anchor else None)
    if det in _DET_SPAN:
        code = "Y" if unit == "WE" else unit
        return _cand(m, "DURATION", tr.duration(1, code)) if unit != "WE" else None
    if det in ("that", "the same", "that same"):  # "that year", "the same day": resolved in times_anaphora
        return _cand(m, "DATE", None) if unit in ("Y", "M", "Q", "D") else None
    direction = _DET_DIRECTION.get(det, 0)
    if unit == "D" and not (det in _SEQUENCE and direction):
        return None
    value = tr.shift(ctx.anchor, unit, direction) if ctx.anchor else None
    return _cand(m, "DATE", value)


def _number(m: re.Match[str], ctx: Ctx) -> float | None:
    num = m.group("num").lower()
    half = 0.5 if re.search(r"\s+and\s+a\s+half$|\s+1/2$", num) else 0.0
    num = re.sub(r"\s+and\s+a\s+half$|\s+1/2$", "", num)
    value = ctx.lex.number(num)
    return None if value is None else value + half


def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    post = re.sub(r"^or\s+so\s+|^['’]s?\s+(?=time)", "", (m.group("post") or "").strip(" -").lower())
    if post in ("old", "of age") or re.match(r"[\s-]*(?:old|of\s+age)\b", ctx.after(m.end(), 12), re.I):
        return None
    unit, n = _unit_code(m.group("unit")), _number(m, ctx)
    if m.group("half") and n is not None:
        n += 0.5  # "a year and a half", "an hour and a half"
    if m.group("num").lower() in ("a", "an") and m.group("unit").lower().endswith("s"):
        return None  # "a years-long feud": "years-long" is the expression
    if m.group("num").lower() in ("a", "an") and post == "long" and not m.group("pre"):
        return Cand(start=m.start("unit"), end=m.end(), type="DURATION", value=tr.duration(1, unit))  # "a year-long inquiry"
    if (m.group("num").lower() in ("a", "an") and not m.group("pre") and not post
            and _RELATIVE_AFTER.match(ctx.after(m.end(), 16)) and not _SPAN_PREP.search(ctx.before(m.start(), 12))):
        return None  # "not a day anybody can be prepared for", "a day that will live in infamy"
    if m.group("num").lower() in ("a", "an") and _EVALUATIVE.search(m.group(0)):
        return None  # "a difficult day for us", "it has been a long year": no count of days
    if not unit or unit == "WE" or _not_a_duration(m, ctx, unit) or _title_case(m.group("unit")):
        return None
    if m.group(0).lower() == "one day" and _MODAL_BEFORE.search(ctx.before(m.start(), 24)):
        return _cand(m, "DATE", "FUTURE_REF")  # "will one day be"
    if post in ("ago", "earlier", "from now", "hence", "time"):
        if n is None:
            return _cand(m, "DATE", "PAST_REF" if post in ("ago", "earlier") else "FUTURE_REF")
        sign = 1 if post in ("ago", "earlier") else -1
        if unit == "W" and n <= 2 and n.is_integer() and not _approximate(m, ctx):
            unit, n = "D", n * 7  # "a week ago", "two weeks ago": a day ("a week ago Tuesday")
        return _cand(m, "DATE", tr.ago(ctx.anchor, unit, sign * n) if ctx.anchor else None)
    before = ctx.before(m.start(), 24)
    if m.group("num").lower() in ("a", "an") and not m.group("pre") and _SET_BEFORE.search(before):
        return _cand(m, "SET", tr.duration(1, unit))
    every = _EVERY_BEFORE.search(before) if not m.group("pre") and not post else None
    if every:  # "every two years": a SET with that period
        return Cand(start=m.start() - (len(before) - every.start()), end=m.end(), type="SET", value=tr.duration(n, unit))
    if unit == "Q" and n is not None and re.match(r"(?:the\s+)?first\b", m.group("pre") or "", re.I):
        unit, n = "M", n * 3  # "the first three quarters" (of a year) is its first nine months: P9M
    if (m.group("pre") or "").lower() == "last" and _LAST_VERB_BEFORE.search(ctx.before(m.start(), 24)):
        return Cand(start=m.start("num"), end=m.end(), type="DURATION", value=tr.duration(n, unit))  # "will last two days"
    if m.group("pre") and not post and "-" in ctx.text[m.end("num"):m.start("unit")]:
        # a compound modifier: "the entire thousand-year history" -> "thousand-year", as TimeML tags "the 14-day period"
        return Cand(start=m.start("num"), end=m.end(), type="DURATION", value=tr.duration(n, unit))
    return _cand(m, "DURATION", tr.duration(n, unit))


_LAST_VERB_BEFORE = re.compile(r"(?:\b(?:will|would|could|might|may|can|shall|should|must|to|did|does|do|not|n't)|"
                               r"\b(?:which|that|it|they)|[’']ll)\s+$",
                               re.IGNORECASE)


def _approximate(m: re.Match[str], ctx: Ctx) -> bool:
    """ "nearly two weeks ago", "a week or so ago": a hedged count keeps its unit's granularity."""
    return " or so " in m.group(0).lower() or bool(HEDGE.search(ctx.before(m.start(), 24)))


_RELATIVE_AFTER = re.compile(r"\s+(?:anybody|anyone|nobody|no\s+one|everyone|everybody|we|I|you|he|she|they|people)\b")
_SPAN_PREP = re.compile(r"\b(?:for|in|within|after|over|about|than|took|take|takes|spent|spend|lasted|last|"
                        r"only|just|nearly|almost|half)\s+$", re.IGNORECASE)
_EVALUATIVE = re.compile(r"\s(?:long|short|hard|difficult|painful)\s", re.IGNORECASE)
_COUNT_ADJECTIVE = re.compile(r"(?:more|additional|full|straight|consecutive|successive|trading|business|working|"
                              r"long|short|hard|difficult|painful)",
                              re.IGNORECASE)


def _title_case(unit: str) -> bool:
    """A capitalised unit inside a name: "60 Minutes", ABC's "This Week"."""
    return unit[0].isupper() and not unit.isupper()


def _not_a_duration(m: re.Match[str], ctx: Ctx, unit: str) -> bool:
    """A fraction ("three-quarters of its food"), an ordinal ("a second group"), a compound noun
    ("day care centres")."""
    after = ctx.after(m.end(), 16)
    if (unit == "Q" and not m.group("post") and not m.group("pre") and re.match(r",?\s+of\b", after)
            and _number(m, ctx) is not None and not _COUNT_ADJECTIVE.search(m.group(0))):
        return True  # but "several quarters of losses", "two straight quarters of", "the first three quarters of 2021" are times
    word = m.group("unit").lower()
    if word in ("day", "night") and _DAY_COMPOUND.match(after):
        return True  # "38 day care centers", "two night shifts": a kind of place or work, no span of time
    return word == "second" and m.group("num").lower() in ("a", "an") and bool(_NEXT_WORD.match(after))


_DAY_COMPOUND = re.compile(r"[\s-]*(?:care|centers?|centres?|schools?|nurser(?:y|ies)|shifts?|clubs?|labou?rers?)\b",
                           re.IGNORECASE)


def _vague_plural(m: re.Match[str], ctx: Ctx) -> Cand | None:
    det, unit = m.group("det").lower().split()[-1], _unit_code(m.group("unit"))
    if det in ("coming", "next", "upcoming", "future"):
        return _cand(m, "DATE", "FUTURE_REF")
    if det == "recent" and unit == "Y":
        return _cand(m, "DATE", "PAST_REF")
    return _cand(m, "DURATION", tr.duration(None, unit))


def _age_or_count(m: re.Match[str], ctx: Ctx) -> bool:
    """A bare plural unit that belongs to an age or an amount ("45 years old")."""
    before = re.search(r"([\w.]+)[\s-]*$", ctx.before(m.start(), 20))
    count = before and before.group(1).lower() not in ("a", "an")  # "a years-long feud" is no count
    if count and (before.group(1)[0].isdigit() or ctx.lex.number(before.group(1)) is not None):
        return True
    return bool(re.match(r"[\s-]+old\b", ctx.after(m.end(), 8)))


def _phrase(m: re.Match[str], ctx: Ctx) -> Cand | None:
    key = re.sub(r"\s+", " ", m.group(0).lower())
    phrase = ctx.lex.phrases[key]
    if re.fullmatch(r"[a-z]+s", key) and _age_or_count(m, ctx):
        return None
    if key.endswith("-long") and re.search(r"[\w-]-$", ctx.before(m.start(), 2)):
        return None  # "thousand-year-long": the count belongs to it
    if key == "hours" and _SMALL_HOURS.search(ctx.before(m.start(), 8)) and re.match(r"\s+of\b", ctx.after(m.end(), 4)):
        return None  # "the early hours of Sunday": a part of that day (times._extend)
    if phrase.weak:
        if phrase.type != "SET" or not _SET_BEFORE.search(ctx.before(m.start(), 24)):
            return None
    if m.group(0)[0].isupper() and re.match(r"[ \t]+[A-Z]", ctx.after(m.end(), 3)):
        return None  # a name: "the Nightly News", "the Daily Mail", "Weekly Standard"
    if key in _PERIODICALS and _periodical(m, ctx):
        return None  # a newspaper: "the Communist Party daily Granma", "the daily said"
    if phrase.adjective and not _before_noun(m, ctx):
        return None
    if phrase.value in ("WE", "Y"):
        return _cand(m, phrase.type, _phrase_anchor(phrase.value, key, ctx, m.start(), m.end()))
    return _cand(m, phrase.type, phrase.value)


_PERIODICALS = ("daily", "weekly", "monthly")
_REPORTING = (r"(?:said|says|reported|reports|wrote|writes|quoted|quotes|cited|cites|added|adds|claimed|claims|"
              r"published|publishes|compared|compares|carried|carries|ran|runs)\b")
_PAPER_KIND = re.compile(r"\b(?:party|business|government|state|state-run|state-owned|newspaper|tabloid|financial|"
                         r"economic|sports|evening|morning|opposition|independent|official|national|regional|local|"
                         r"leading|popular|pro-government|english-language|(?-i:[A-Z][a-z]+(?:an|ese|ish|i|ch)))[ \t]+$",
                         re.IGNORECASE)
_NAME_THEN_END = re.compile(rf"[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*(?:[ \t]*[,.;:)]|[ \t]+{_REPORTING})")


def _periodical(m: re.Match[str], ctx: Ctx) -> bool:
    """ "daily", "weekly" as a newspaper: "the daily said", "the Communist Party daily Granma",
    "the daily Kommersant," but not "daily Kremlin briefings" nor "the daily Kremlin briefing"."""
    after = ctx.after(m.end(), 48)
    if re.match(rf"[ \t]+{_REPORTING}", after):
        return re.search(r"\b(?:the|a|an)[ \t]+$", ctx.before(m.start(), 8), re.IGNORECASE) is not None
    if not re.match(r"[ \t]+[A-Z]", after):
        return False
    return bool(_PAPER_KIND.search(ctx.before(m.start(), 24))
                or (re.search(r"\bthe[ \t]+$", ctx.before(m.start(), 8), re.IGNORECASE) and _NAME_THEN_END.match(after)))


def _before_noun(m: re.Match[str], ctx: Ctx) -> bool:
    """ "current realities", "its current position" but not "current account" or "the current"."""
    following = re.match(r"[ \t]+([a-z][\w-]*)", ctx.after(m.end(), 24))
    return bool(following) and following.group(1) not in ctx.lex.kind("not_time_noun")


def _phrase_anchor(code: str, key: str, ctx: Ctx, start: int, end: int) -> str | None:
    """The weekend or the current year. The weekend said in the past is the last one (this week's
    from Saturday on), in the future the coming one; without a tense, the coming one from Wednesday on."""
    if ctx.anchor is None:
        return None
    if code == "Y":
        return tr.year(ctx.anchor.year)
    if key.startswith("this"):
        return tr.shift(ctx.anchor, "WE", 0)
    day, said = ctx.anchor.isoweekday(), tense(ctx.text, start, end)
    back = -1 if (said < 0 and day < 6) or (said == 0 and day < 3) else 0
    return tr.shift(ctx.anchor, "WE", back)


def _today_is_day(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether "today" names the day ("said today", "today's meeting", "Today, hundreds arrived")
    rather than nowadays ("today there is", "today we are", "even today", "than today")."""
    if m.group("pos"):
        return True
    if _NOWADAYS_AFTER.match(ctx.after(m.end("w"), 24)):
        return False
    return not _NOWADAYS_BEFORE.search(ctx.before(m.start(), 20))


def _deictic(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = re.sub(r"\s+", " ", (m.group("w") or m.group("w2")).lower())
    part = m.group("part") or m.group("part2") or m.group("part0")  # "mid-afternoon yesterday"
    offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "last": -1 if part and part.lower() == "night" else 0}.get(word, 0)
    end = m.end("part") if m.group("part") else m.end("w") if m.group("w") else m.end()
    if word == "today" and not part and not _today_is_day(m, ctx):
        return Cand(start=m.start(), end=end, type="DATE", value="PRESENT_REF")
    date = tr.day(ctx.anchor + tr.dt.timedelta(days=offset)) if ctx.anchor else None
    if word == "tonight":
        part = "night"
    if part and date:
        return Cand(start=m.start(), end=end, type="TIME", value=f"{date}T{ctx.lex.kind('day_part')[part.lower()]}")
    return Cand(start=m.start(), end=end, type="TIME" if part else "DATE", value=date)


def _overnight(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"Stocks fell overnight": the night before the document date; "will work overnight": its night."""
    if ctx.anchor is None:
        return _cand(m, "TIME", None)
    ahead = tense(ctx.text, m.start(), m.end()) > 0
    night = ctx.anchor if ahead else ctx.anchor - tr.dt.timedelta(days=1)
    return _cand(m, "TIME", f"{tr.day(night)}TNI")


def _news_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"year-to-date sales": this year so far; "in the new year": the coming one (the current one
    in January), not the "New Year" holiday (see the holidays)."""
    if not m.group("ytd") and not m.group().lower().startswith("the") \
            and not re.search(r"\b(?:in|into|of|for|early|by)\s+$", ctx.before(m.start(), 8), re.I):
        return None
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    year = ctx.anchor.year + (0 if m.group("ytd") or ctx.anchor.month == 1 else 1)
    return _cand(m, "DATE", f"{year:04d}")


_NINE_ELEVEN_CONTEXT = re.compile(r"\s*(?:attacks?|era|commission|hijack|terror|memorial|victims|families|anniversary"
                                  r"|first\s+responders|[,.;:)!?])", re.IGNORECASE)


def _nine_eleven(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """"the 9/11 attacks", "since 9/11": the day of the attacks, 2001-09-11, in a text written after it."""
    if ctx.anchor is None or ctx.anchor < tr.dt.date(2001, 9, 12) or not _NINE_ELEVEN_CONTEXT.match(ctx.after(m.end(), 20)):
        return None
    return _cand(m, "DATE", "2001-09-11")


def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m.group("wd")
    if not word[0].isupper():
        return None
    n = int(ctx.lex.kind("weekday")[word.lower()])
    det = re.sub(r"\s+", " ", (m.group("det") or "").lower())
    partner = _PLURAL_PARTNER.match(ctx.after(m.end(), 40)) if not m.group("part") else None
    if m.group("pl") or m.group("pl2") or det in ("each", "every") or partner:  # "Mondays", "every Monday night"
        part = ctx.lex.kind("day_part").get((m.group("part") or (partner.group("part") if partner else "")).lower())
        return _cand(m, "SET", f"XXXX-WXX-{n}" + (f"T{part}" if part else ""))
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "the following": 1}.get(det, -1 if det else None)
    week = _WEEK_AFTER.match(ctx.after(m.end(), 24)) if not det else None
    if week:  # "Thursday last week", "Monday of next week": that week's day
        monday = ctx.anchor - tr.dt.timedelta(days=ctx.anchor.isoweekday() - 1)
        step = {"last": -7, "next": 7}.get(week.group(1).lower(), 0)
        date = monday + tr.dt.timedelta(days=step + n - 1)
    elif direction is None:
        date = ctx.anchor if n == ctx.anchor.isoweekday() else tr.weekday_date(
            ctx.anchor, n, 1 if _weekday_ahead(m, ctx) else -1)
    elif direction < 0 and n == ctx.anchor.isoweekday():
        date = ctx.anchor - tr.dt.timedelta(days=7)
    else:
        date = tr.weekday_date(ctx.anchor, n, direction)
    part = m.group("part")
    if part:
        return _cand(m, "TIME", f"{date.isoformat()}T{ctx.lex.kind('day_part')[part.lower()]}")
    return _cand(m, "DATE", date.isoformat())


_WEEK_AFTER = re.compile(r",?\s+(?:of\s+)?(last|next|this)\s+week\b", re.IGNORECASE)


def _weekday_ahead(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether a bare weekday lies ahead: by the tense around it, except that "Wednesday's ruling"
    names an event that has happened unless it is awaited ("ahead of Sunday's vote")."""
    if re.match(r"['’]s\b", ctx.after(m.end(), 3)) and not _AWAITED.search(ctx.before(m.start(), 24)):
        return False
    return tense(ctx.text, m.start(), m.end()) > 0


def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.group("word") and re.search(r"\bhigh[\s-]+$", ctx.before(m.start(), 8), re.I):
        return None  # "high noon", the idiom and the film
    if m.group("word"):
        hh, mm = (12, 0) if m.group("word").lower() in ("noon", "midday") else (24, 0)
    else:
        hh, mm = int(m.group("h") or m.group("hh")), int(m.group("mi") or m.group("mm") or 0)
        ampm = (m.group("ampm") or _AMPM.get((m.group("dp") or "").lower(), "")).lower()  # "4 in the morning"
        hh = hh + 12 if ampm.startswith("p") and hh < 12 else 0 if ampm.startswith("a") and hh == 12 else hh
    if hh > 24 or mm > 59:
        return None
    zone = "Z" if m.group("tz") in ("GMT", "UTC") else ""
    value = f"{ctx.anchor.isoformat()}T{hh:02d}:{mm:02d}{zone}" if ctx.anchor else None
    return _cand(m, "TIME", value)


def _year_ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit, noun = _unit_code(m.group("unit")), (m.group("noun") or m.group("noun0") or "").lower()
    if ctx.anchor is None:
        return _cand(m, "DATE", None)
    if m.group("ord") and unit == "Y":
        year = int((tr.shift(ctx.anchor, "Q", -1) or "0")[:4]) - 1
        return _cand(m, "DATE", f"{year:04d}-Q{ctx.lex.kind('ordinal')[m.group('ord').lower()]}")
    if noun == "quarter":
        return _cand(m, "DATE", tr.shift(ctx.anchor, "Q", -1 - {"Y": 4, "M": 0, "W": 0}.get(unit, 4)))
    if noun == "month" and unit == "Y":
        return _cand(m, "DATE", tr.shift(ctx.anchor, "M", -13))
    return _cand(m, "DATE", tr.ago(ctx.anchor, unit, 1))


def _weak_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the year", "the quarter": kept when a modifier attaches, or in "for the year",
    "the year ended June 30" (a DURATION), "the fiscal year", "the quarter" (the reported one,
    also in "the quarter ended Sept. 30")."""
    unit = _unit_code(m.group("unit"))
    if re.match(r"\s+end(?:ed|ing)\b", ctx.after(m.end(), 10), re.I) and unit == "Y":
        return _cand(m, "DURATION", tr.duration(1, unit))
    value = tr.shift(ctx.anchor, unit, -1 if unit == "Q" else 0) if ctx.anchor else None
    strong = bool(m.group("adj")) or m.group("unit").lower() == "quarter" or (
        unit == "Y" and bool(re.search(r"\b(?:for|during|throughout|(?:months|weeks|quarters)\s+of)\s+$",
                                       ctx.before(m.start(), 16), re.I))
    )  # "the first nine months of the year": two expressions, as with "of 1989"
    return _cand(m, "DATE", value, weak=not strong)


_IDIOM_END_OF_DAY = re.compile(r"\bat\s+the\s+end\s+of\s+$", re.IGNORECASE)
_IDIOM_FOLLOWS = re.compile(r",\s+(?:we|I|you|it|it's|this|that|what|there|they|he|she|people|everyone|everybody)\b")


def _the_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "ended the day", "later in the day", "on the same day": the day last named (see times_anaphora);
    not "the day after the vote", but "late in the day after falling 250 points"."""
    if _IDIOM_END_OF_DAY.search(ctx.before(m.start("day"), 24)) and (
            re.search(r"[\"“‘'`]\s*(?:at|but|and)?\s*the\s+end\s+of\s+$", ctx.before(m.start("day"), 24), re.IGNORECASE)
            or _IDIOM_FOLLOWS.match(ctx.after(m.end(), 16))):
        return None  # "At the end of the day, we need to ...": the idiom for "ultimately"
    if re.match(r"\s+(?:before|after)\b", ctx.after(m.end(), 8), re.IGNORECASE) and not (
            re.match(r"\s+(?:before|after)\s+\w+ing\b", ctx.after(m.end(), 24), re.IGNORECASE)
            and re.search(r"\b(?:late|early|later|earlier)\s+in\s+$", ctx.before(m.start("day"), 16), re.IGNORECASE)):
        return None
    return _cand(m, "DATE", tr.day(ctx.anchor) if ctx.anchor else None, group="day")


def _unit_before(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the year before", "the day after" closing a clause: one unit from the time last named
    (see times_anaphora), from the document date without one."""
    step = 1 if m.group("dir").lower() in ("after", "later") else -1
    unit = _unit_code(m.group("unit"))
    return _cand(m, "DATE", tr.shift(ctx.anchor, unit, step) if ctx.anchor else None)


def _period_back(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the same period last year", "the comparable quarter a year earlier": the period last
    named a year back (see times_anaphora); without one, last quarter (or month) a year back."""
    if ctx.anchor is None:  # no document date: nothing to count back from
        return _cand(m, "DATE", None)
    noun = m.group("noun").lower()
    return _cand(m, "DATE", tr.shift(ctx.anchor, "M", -13) if noun == "month" else tr.shift(ctx.anchor, "Q", -5))


def _year_period(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 1988 quarter", "last year's period": that year's quarter of the report (see times_anaphora)."""
    y = m.group("y") or (tr.year(ctx.anchor.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0))
                         if ctx.anchor else None)
    if y is None:
        return _cand(m, "DATE", None)
    q = tr.quarter_of(ctx.anchor) - 1 if ctx.anchor else 0
    return _cand(m, "DATE", f"{y}-Q{q or 4}")


@cache
def relative_rules() -> list[tuple[re.Pattern[str], Handler]]:
    p = parts()
    dets = alternation((*_DET_DIRECTION, *_DET_SPAN, "that", "the same", "that same"))
    units = r"(?P<unit>year|month|week|quarter|decade|century|weekend|day)"
    adj = r"(?:(?:fiscal|financial|calendar|reporting|significant|whole|entire)\s+)?"
    pre = (r"(?P<pre>(?:the\s+)?(?:past|last|next|first|previous|coming|following|final|remaining|same|"
           r"initial|latest|prior|preceding|recent|entire|whole|full|better\s+part\s+of\s+the)|the)")
    # not "of 1997": "the first nine months" and "1997" are two expressions, as TimeML annotates them
    post = (r"(?P<post>[\s-]+(?:long|old)|\s+(?:or\s+so\s+)?ago|\s+earlier|\s+from\s+now|\s+hence|\s+of\s+age|"
            r"['’]s?\s+time)")  # "in two weeks' time"
    plural_unit = r"(?P<unit>century|centuries|(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)s?)"
    phrases = alternation(parts_phrases())
    return [
        (compile_(rf"(?P<det>{dets})\s+{adj}{units}"), _relative_unit),
        (compile_(rf"(?:{pre}\s+)?(?P<num>{p.number})[\s-]+"
                  rf"(?:{_COUNT_ADJECTIVE.pattern}\s+)?{plural_unit}"
                  rf"(?P<half>\s+and\s+a\s+half)?{post}?"), _duration),
        (compile_(r"(?P<det>(?:the\s+)?(?:past|previous|last|recent|coming|next|upcoming)|future)\s+"
                  r"(?P<unit>centuries|decades|years|quarters|months|weeks|days|hours)"), _vague_plural),
        (compile_(f"(?:{phrases})(?!-\\w)"), _phrase),  # not "the years" of "the years-long dispute"
        (compile_(rf"(?:(?:(?:early|late|mid)[\s-]*)?(?P<part0>{p.day_part})\s+(?=yesterday|today|tomorrow))?"
                  r"(?:(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?P<pos>'s|’s)?"
                  rf"(?:\s+(?P<part>{p.day_part}))?|(?P<w2>this|last)\s+(?P<part2>{p.day_part}))"), _deictic),
        (compile_(r"overnight(?![\s-]+(?:rates?|repo|lending|interbank|index|stays?|bags?|delivery|shipping|success"
                  r"|sensation|guests?|camps?|oats|trips?|flights?|train)\b)"), _overnight),
        (compile_(r"(?P<ytd>year[\s-]to[\s-]date)|(?:(?-i:the)\s+)?(?-i:new\s+year)(?!['’]s|\s+(?:holiday|eve|day|"
                  r"celebration|greeting|tree|address|message|wish))"), _news_year),  # "the New Year": the holiday
        (compile_(r"9/11(?!/)"), _nine_eleven),
        (compile_(rf"(?:(?P<det>the\s+(?:previous|preceding|prior|following)|last|next|this|coming|past|each|every)\s+)?"
                  rf"(?P<wd>{p.weekday})(?P<pl>s)?(?:\s+(?P<part>{p.day_part})(?P<pl2>s)?)?"), _weekday),
        (compile_(r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?:(?P<ampm>[ap]\.m\.?|[ap]m)|"
                  r"(?:o'clock\s+)?in\s+the\s+(?P<dp>morning|afternoon|evening))|(?P<hh>\d{1,2}):?(?P<mm>\d{2})"
                  r"(?=\s*(?:hours|hrs|h\b|GMT|UTC|local\s+time|Moscow\s+time|EST|EDT|CET))|(?P<word>noon|midnight|midday))"
                  r"(?:\s+(?P<tz>EDT|EST|GMT|UTC|CET|MSK|PST|PDT|CDT|CST|local\s+time|Moscow\s+time))?"), _clock),
        (compile_(r"(?:the\s+)?(?:(?:comparable|same|corresponding)\s+)?(?:(?P<noun0>quarter|period|month)\s+a\s+)?"
                  r"(?P<unit>year|month|week)[\s-](?:ago|earlier)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?"
                  r"(?P<noun>quarter|period|month|year|week))?"), _year_ago),
        (compile_(r"(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?P<noun>period|quarter|month)\s+"
                  r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|"
                  r"(?:of\s+)?(?:the\s+)?(?:last|previous|prior|preceding)\s+year)"), _period_back),
        (compile_(rf"(?:the\s+(?P<y>{p.year4})|(?P<rel>last|this|next)\s+year['’]s)\s+(?P<noun>period|quarter)"
                  r"(?![\s-]+(?:end|ended|ending)\b)"), _year_period),
        (compile_(r"the\s+(?P<unit>year|month|day)\s+(?P<dir>before|previous|prior|earlier|after|later)"
                  r"(?=\s*(?:[,.;:)!?'\"”]|$)|\s+(?:and|or|but|when|as|while|than)\b)"), _unit_before),
        (compile_(r"the\s+(?P<adj>(?:fiscal|full|calendar|latest|entire|whole)\s+)?"
                  r"(?P<unit>year|month|week|quarter|decade|century|period)(?!-to-)"), _weak_unit),
        (compile_(r"(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|for|in|during|of|on)\s+"
                  r"(?P<day>the\s+(?:same\s+)?day)(?!-|\s+(?:of|when|that|on|in|to)\b)"), _the_day),
    ]


def parts_phrases() -> list[str]:
    return list(lexicon().phrases)
