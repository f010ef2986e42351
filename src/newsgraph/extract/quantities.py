"""Numeric quantities in news text: money, percentages, physical amounts, counts, ranks.

Pure Python: one pass of compiled regular expressions finds number cores (digits or
words); small functions attach what surrounds them (currency, scale, unit, range,
approximator) and drop what is not a quantity (years, dates, times, ages, labels).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from newsgraph.extract.quantities_change import quantity_change
from newsgraph.extract.quantities_filters import blocked_spans, is_age, is_excluded, written_age
from newsgraph.extract.quantities_kb import Tables, tables, unit_lookup
from newsgraph.extract.quantities_links import share_units
from newsgraph.extract.quantities_numbers import (
    core_re,
    fraction_re,
    fraction_value,
    parse_digits,
    parse_words,
    vague_re,
)
from newsgraph.extract.quantities_nouns import compound_noun, counted_noun, lemma, of_group, single_noun
from newsgraph.record import Quantity

__all__ = ["find_quantities", "quantity_change"]

_RANGE_SEP = re.compile(r"(?P<dash>\s?[-–—]\s?)(?!to[\s-])|(?:-?\s+|-)(?P<word>to|and)(?:\s+|-(?=\d))")
_PER = re.compile(r"\s*(?:/|\bper\s|\ban?\s(?!\w+\s+(?:earlier|ago|later|before|after)\b))\s*")
_PER_WORD = re.compile(r"[a-z]{3,}(?![\w-])")
_TOP = re.compile(r"(?i:\btop)[\s-]$")
_BETWEEN = re.compile(r"(?i:\bbetween)\s+(?:(?:A\.D\.|AD)\s)?$")
_BETWEEN_REACH = 18
_SUB = re.compile(r"(?i:\b(?:sub|minus)-)$|\b(?:now|then)-$")
_PERIODS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_NO_PER = frozenset({"percent", "pp", "bp"})
_ARTICLE = re.compile(r"(?i:\b(?:a|an|the))\s$")
_BARE_RATE = re.compile(r" (?:per|a|an|each) (?:year|month|week|day|hour)\b(?!\s+(?:earlier|ago|later|before|after)\b)")
_OR_NEXT = re.compile(r",?\s+or\s+")
_COMPOUND = re.compile(r"-([a-z]{3,})(?![\w-])")
#: "two-sided", "three-pronged", "two-monthly": a property, not a count; not "200-bed", "five-speed"
_HAVING = re.compile(r"(?!hundred)[a-z]{2,}[^e]ed|(?:hour|dai|week|month|quarter|year|night)ly")
_NEXT_CAPITAL = re.compile(r" [A-Z][a-z]")
_NEG = re.compile(r"(?:(?<![\w.,\d])[-−]|(?i:\bminus)[\s-]?)$")


@dataclass(slots=True)
class Part:
    """One number with what is attached to it; offsets into the text."""

    start: int
    end: int
    value: float
    unit: str | None = None
    currency: bool = False
    scaled: bool = False
    factor: float = 1.0
    words: bool = False
    digits: str = ""
    plus: bool = False  # "90-plus minutes", "60+ delegates": at least the value


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What counts as a quantity beyond the record's default (NewsQuant's conventions)."""

    ages: bool = False  # "65-year-old", "a 2,900 year-old site" -> unit "year of age"
    ones: bool = False  # "one solution", "one of the best speakers" -> 1 of the noun


def find_quantities(text: str, *, ages: bool = False, ones: bool = False) -> list[Quantity]:
    """Numeric quantities in `text`, sorted by start, non-overlapping.

    Ages and single counts ("one solution") are not figures of the record; ``ages`` and ``ones``
    report them too, as NewsQuant annotates them.
    """
    options = Options(ages=ages, ones=ones)
    kb = tables()
    blocked = blocked_spans(text)
    starts = [s for s, _ in blocked]
    found: list[Quantity] = []
    last_end = 0
    for match in _candidates(text):
        if match.start() < last_end or _inside(blocked, starts, match.start()):
            continue
        quantity = _quantity(text, match, kb, options)
        if isinstance(quantity, int):
            last_end = quantity
        elif quantity:
            found.append(_clamp(text, quantity, last_end))
            last_end = quantity.span[1]
    return share_units(text, found, kb)


def _clamp(text: str, quantity: Quantity, last_end: int) -> Quantity:
    """Keep an approximator or currency from reaching into the previous quantity."""
    if quantity.span[0] >= last_end:
        return quantity
    start, end = last_end, quantity.span[1]
    while start < end and text[start].isspace():
        start += 1
    return Quantity(span=(start, end), text=text[start:end], value=quantity.value, unit=quantity.unit,
                    approx=quantity.approx, high=quantity.high)


def _candidates(text: str) -> list[re.Match[str]]:
    matches = list(core_re().finditer(text))
    if "s of " in text:
        matches += vague_re().finditer(text)
    if "half" in text or "th" in text or "quarter" in text:
        matches += fraction_re().finditer(text)
    return sorted(matches, key=lambda m: (m.start(), -m.end()))


def _inside(blocked: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and blocked[i][0] <= pos < blocked[i][1]


def _quantity(text: str, match: re.Match[str], kb: Tables, options: Options) -> Quantity | int | None:
    """The quantity at ``match``; an offset to skip to when it is a non-quantity (a year range, an age)."""
    if "vague" in match.re.groupindex:
        return _vague(text, match, kb)
    if "fraction" in match.re.groupindex:
        return _fraction(text, match, kb)
    part = _part(text, match, kb)
    if part is None:
        return None
    high, end = _range(text, part, kb)
    whole = part if high is None else dataclasses.replace(part, end=end)  # "5-10 year-old": the age follows the range
    aged = written_age(text, whole) if options.ages else None
    if not aged and (is_age(text, whole) or is_excluded(text, part, high, kb)):
        return end
    start, approx = _approximator(text, part.start, kb)
    approx = approx or part.plus
    if aged:
        part.unit, end = aged[0], max(end, aged[1])
    unit, start, end = _unit_of(text, part, (start, end), high, kb, options)
    if unit is None and (part.value in (0, 1) and part.words or part.value == 0 or _NEXT_CAPITAL.match(text, end)):
        return None
    between = _BETWEEN.search(text, max(0, start - _BETWEEN_REACH), start) if high is not None else None
    if between:
        start = between.start()
    return Quantity(span=(start, end), text=text[start:end], value=part.value, unit=unit, approx=approx, high=high)


def _unit_of(text: str, part: Part, span: tuple[int, int], high: float | None, kb: Tables,
             options: Options) -> tuple[str | None, int, int]:
    """The unit read with the number, else a rank ("top 5"), a counted noun, or what "one" counts; the new span."""
    start, end = span
    if part.unit is not None:
        return part.unit, start, end
    top = _TOP.search(text, max(0, start - 5), start)
    if top:
        return "rank", top.start(), end
    unit, end = _count_unit(text, part, end, high, kb)
    if unit is None and options.ones and part.value == 1 and part.words:
        unit, end = single_noun(text, end, kb)
    return unit, start, end


def _count_unit(text: str, part: Part, end: int, high: float | None, kb: Tables) -> tuple[str | None, int]:
    """The counted noun ("11 railroads"), a compound ("three-point"), or the unit of "eight or nine euros"."""
    if text[end:end + 4].lower() == "fold":
        return "fold", end + 4
    compound = _COMPOUND.match(text, end)
    if compound and _HAVING.fullmatch(compound.group(1)):
        return None, end  # "a three-pronged approach", "two-monthly comparisons": no count of anything
    if compound and compound.group(1) not in kb.function:
        return lemma(compound.group(1), kb), compound.end()
    unit, new_end = counted_noun(text, end, part.value if high is None else high, kb)
    if unit is None and high is None and part.value > 1 and part.value.is_integer():
        unit, new_end = of_group(text, end, kb)
        if unit is None and not part.scaled and _ARTICLE.search(text, max(0, part.start - 5), part.start):
            unit, new_end = compound_noun(text, end, kb)  # "a three course meal": an article before a plural number
    if unit is not None:
        return _per_count(text, unit, new_end, kb)
    link = _OR_NEXT.match(text, end)
    cur = kb.prefix_fwd_re.match(text, link.end()) if link else None
    match = core_re().match(text, cur.end() if cur else link.end()) if link else None
    other = _part(text, match, kb, second=True) if match else None
    if other is None:
        rate = _BARE_RATE.match(text, end)  # "an average of 20 per week": the noun is elided, the rate kept
        return None, rate.end() if rate else end
    return other.unit or counted_noun(text, other.end, other.value, kb)[0], end


def _fraction(text: str, match: re.Match[str], kb: Tables) -> Quantity | None:
    """"two-thirds of", "a quarter of", "half of": the value as a fraction of one."""
    value = fraction_value(match.group("fraction"))
    start, approx = _approximator(text, match.start(), kb)
    bare_half = match.group("fraction") == "half" and not approx  # "the first half of", not "Half the"
    if value is None or bare_half:
        return None
    end = match.end("fraction")
    return Quantity(span=(start, end), text=text[start:end], value=value, unit="fraction", approx=approx)


def _per_count(text: str, unit: str, end: int, kb: Tables) -> tuple[str, int]:
    """A count per period: "3,000 tests per day" -> "test/day"."""
    per = _PER.match(text, end)
    rate = kb.unit_re.match(text, per.end()) if per else None
    if rate and rate.group()[:1] not in " -" and unit_lookup(kb, rate.group()) in _PERIODS:
        return f"{unit}/{unit_lookup(kb, rate.group())}", rate.end()
    return unit, end


def _vague(text: str, match: re.Match[str], kb: Tables) -> Quantity | None:
    low = kb.number_word[" ".join(match.group("vague").lower().split())][0]
    part = Part(start=match.start(), end=match.end() - 1, value=low, words=True)
    _unit(text, part, kb)
    unit = part.unit or counted_noun(text, match.end() - 1, 2.0, kb)[0]
    end = match.end("vague")
    return Quantity(span=(match.start(), end), text=text[match.start():end], value=low, unit=unit, approx=True, high=low * 10)


def _part(text: str, match: re.Match[str], kb: Tables, second: bool = False) -> Part | None:
    """The number at ``match`` with currency, sign, scale and unit; None if it is not one."""
    if match.group("num"):
        part = Part(start=match.start(), end=match.end(), value=parse_digits(match.group("num")), digits=match.group("num"))
        if not second and not _left_ok(text, part.start, part.digits, kb):
            return None
    else:
        parsed = parse_words(text, match.start(), match.end())
        if parsed is None:
            return None
        part = Part(start=match.start(), end=parsed[1], value=parsed[0], words=True)
    _prefix(text, part, kb)
    return part if _suffix(text, part, kb) else None


def _currency_before(text: str, start: int, digits: str, kb: Tables) -> re.Match[str] | None:
    """The currency sign or code just before ``start``; an ASCII-transliterated sign only before 2+ digits
    ("PS21,700" is £21,700, "PS5" a console)."""
    cur = kb.prefix_re.search(text, max(0, start - 6), start)
    if cur and cur.group().strip() in kb.ascii_signs and len(digits) < 2:
        return None
    return cur


def _left_ok(text: str, start: int, digits: str, kb: Tables) -> bool:
    """A digit number must not continue a word, code or other number ("A320", "COVID-19", "3.5")."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalpha():
        return bool(_currency_before(text, start, digits, kb))
    if before in "-−–—":
        if _SUB.search(text, max(0, start - 7), start):
            return True
        return start < 2 or not text[start - 2].isalnum() or text[start - 2] in "$€£"
    return before not in "./:,_'’#@&+" and not before.isdigit()


_PLUS = re.compile(r"-plus\b|\+(?=\s|$)", re.IGNORECASE)


def _prefix(text: str, part: Part, kb: Tables) -> None:
    """Attach a sign and a currency written before the number ("$", "US$", "Rs", "minus")."""
    sign = _NEG.search(text, max(0, part.start - 6), part.start)
    if sign and not part.words:
        part.value, part.start = -part.value, sign.start()
    cur = _currency_before(text, part.start, part.digits, kb)
    if cur and not part.words:
        code = kb.currency.get(cur.group().strip().lower())
        if code:
            part.unit, part.currency, part.start = code, True, cur.start()


def _suffix(text: str, part: Part, kb: Tables) -> bool:
    """Attach scale, currency or unit written after the number; False if letters follow that are neither."""
    plus = _PLUS.match(text, part.end)
    if plus and not part.words:
        part.end, part.plus = plus.end(), True
    scale = kb.scale_re.match(text, part.end)
    whole = kb.unit_re.match(text, part.end) if scale else None
    if whole and whole.end() > scale.end():
        scale = None  # a unit that starts with a scale word: "55 billion cubic metres" (bcm)
    if scale and not (part.words and scale.group("att")):
        part.factor = kb.scale[scale.group("att") or scale.group("sp")]
        part.value *= part.factor
        part.scaled, part.end = True, scale.end()
    if not part.currency:
        _unit(text, part, kb)
    if part.unit and part.unit not in _NO_PER:
        _per(text, part, kb)
    return part.end >= len(text) or not (text[part.end].isalpha() and text[part.end - 1].isdigit())


def _unit(text: str, part: Part, kb: Tables) -> None:
    cur = kb.suffix_cur_re.match(text, part.end)
    if cur and (cur.group()[0].isspace() or not part.words):
        word = " ".join(cur.group().split()).lower()
        code = kb.currency.get(word) or kb.currency.get(word.rstrip("s"))
        if code:
            part.unit, part.currency, part.end = code, True, cur.end()
            return
    unit = kb.unit_re.match(text, part.end)
    if unit and not (part.words and not unit.group()[0] in " -"):
        name = unit_lookup(kb, unit.group().lstrip(" -"))
        if name == "lb" and part.scaled:
            name, part.currency = "GBP", True
        part.unit, part.end = name, unit.end()


def _per(text: str, part: Part, kb: Tables) -> None:
    """Extend a unit with "per barrel", "/share", "a share", "a month"."""
    per = _PER.match(text, part.end)
    if not per:
        return
    unit = kb.unit_re.match(text, per.end())
    if unit and unit.group()[:1] not in " -":
        part.unit = f"{part.unit}/{unit_lookup(kb, unit.group())}"
        part.end = unit.end()
        return
    word = _PER_WORD.match(text, per.end())
    if word and (per.group().strip() in ("/", "per") or word.group() == "share") and word.group() not in kb.function:
        part.unit = f"{part.unit}/{word.group()}"
        part.end = word.end()


def _range(text: str, part: Part, kb: Tables) -> tuple[float | None, int]:
    """An upper bound joined by "-", "to" or "between .. and"; updates ``part`` in place."""
    sep = _RANGE_SEP.match(text, part.end)
    if not sep or not _range_word_ok(text, part, sep):
        return None, part.end
    pos = sep.end()
    cur = kb.prefix_fwd_re.match(text, pos)
    match = core_re().match(text, cur.end() if cur else pos)
    if not match or (match.group("words") and sep.group("dash")):
        return None, part.end
    second = _part(text, match, kb, second=True)
    if second is None or not _compatible(part, second):
        return None, part.end
    if second.scaled and not part.scaled and part.value < second.value / second.factor:
        part.value *= second.factor
    if part.unit is None or (second.unit or "").startswith(part.unit + "/"):
        part.unit, part.currency = second.unit, second.currency
    if part.value >= second.value:
        return None, part.end
    return second.value, second.end


def _compatible(first: Part, second: Part) -> bool:
    if first.unit is not None and second.unit is not None:
        return first.unit == second.unit or second.unit.startswith(first.unit + "/")
    return first.unit is None


def _range_word_ok(text: str, part: Part, sep: re.Match[str]) -> bool:
    word = sep.group("word")
    if word is None:
        return part.digits != "" and "\n" not in sep.group()
    if word == "and":
        return bool(_BETWEEN.search(text, max(0, part.start - _BETWEEN_REACH), part.start))
    return not _change_before(text, part.start)


def _change_before(text: str, start: int) -> bool:
    """Whether a change verb or "by" stands just before ``start`` ("rose from 5 to 7", "up by 5 to 7")."""
    window = text[max(0, start - 50):start].lower().split()[-5:]
    kb = tables()
    return any(w.strip(",.") in kb.change or w == "by" for w in window)


def _approximator(text: str, start: int, kb: Tables) -> tuple[int, bool]:
    found = kb.approx_re.search(text, max(0, start - 25), start)
    if not found:
        return start, False
    return found.start(), True
