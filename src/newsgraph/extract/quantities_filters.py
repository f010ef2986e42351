"""What looks like a number but is not a quantity: years, dates, clock times, ages, labels."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.quantities_kb import Tables

if TYPE_CHECKING:
    from newsgraph.extract.quantities import Part

_BLOCK = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?"  # clock times
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)"  # numeric dates
    r"|\+\d[\d\s()-]{6,}\d"  # international phone numbers
    r"|(?<!\d)\d{2,5}(?:-\d{2,4}){2,}(?!\d)"  # local phone numbers
    r"|(?<!\d)\d+/\d+"  # 24/7, fractions, date parts
    r"|\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # links and e-mail addresses
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_CLOCK_AFTER = re.compile(
    r"\s?(?:(?i:[ap]\.m\.|[ap]m\b)|GMT|UTC|BST|CET|CEST|MSK|(?i:[ecmp][ds]t\b)|(?i:o['’]clock|local time|hours\b GMT))"
)  # "1300 pdt": US time zones as wires write them too
_AGE_BEFORE = re.compile(r"(?i:\b(?:aged?|ages)\s+(?:of\s+)?(?:between\s+)?(?:\d+\s*(?:through|to|and|-|\u2013)\s*)?)$")  # "aged 8 through 16"
#: a group of people by age: "people over 60", "children under 12", "citizens aged over 65"
_AGE_GROUP_BEFORE = re.compile(r"(?i:\b(?:people|persons|citizens|those|adults|patients|women|men|children|kids"
                               r"|pensioners|residents|everyone|anyone)\s+(?:aged\s+)?(?:over|under|above|below"
                               r"|older\s+than|younger\s+than)\s+)$")
_AGE_AFTER = re.compile(r"(?i:[\d.,]+\s?(?:-|\s)\s?(?P<period>year|yr|month|week|day)s?(?:\s|-)*old\b)")
_OLD = re.compile(r"(?:(?:-|\s)(?P<period>year|month|week|day)s?)?(?:-|\s)old\b")
_PERIODS = frozenset({"year", "month", "week", "day"})
_APPOSITIVE = re.compile(r"[A-Z][a-z]+,\s$")
_LINE_START = re.compile(r"(?:^|\n)[ \t•*-]*$")
_WORD_BEFORE = re.compile(r"([^\s(]+)\s+$")
_LISTED_LABEL = re.compile(r"\b(?P<label>[A-Za-z.]+)\s+\d+(?:\s*,\s*\d+)*(?:,?\s+(?:and|or|to)|,)\s+$")
_SCORE = re.compile(r"\s?[-–]\s?\d")
_ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD)\s$")
_ERA_AFTER = re.compile(r"\s?(?:B\.C\.(?:E\.)?|BCE?\b|A\.D\.|AD\b|CE\b)")
# an age told with a verb ("he will be 35", "she turned 40") or as a life expectancy ("life expectancy ... around 73")
_SPOKEN_AGE = re.compile(
    r"(?P<verb>(?:\b(?i:he|she|who)|\bI)(?:\s+(?:will|would|could|might|may|must|should|to)(?:\s+soon)?)?"
    r"\s+(?:is|was|be|turned|turns|turn)\s+$|\b(?:turned|turns|turning)\s+$)"  # "Ilya turned 10 today", "the child turns 17."
    r"|(?i:\blife\s+expectancy)\b[^.,;:!?\d]{0,40}\s$")
_AGE_NEXT = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?i:by|when|in|last|next|this|on|and|but|or|until|before|after"
                       r"|today|yesterday|back\s+then)\b")
_AGE_LIMIT = 130
_AGE_REACH = 80
_AGE_VERBS = frozenset({"is", "was", "be", "turned", "turns", "turn", "turning"})
_APPROX_TAIL = re.compile(r"(?:(?i:about|around|nearly|almost|roughly|some|over|under|only|just)\s+)*$")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans where no number starts a quantity: clock times, numeric dates, phone numbers, links."""
    return [m.span() for m in _BLOCK.finditer(text)]


def is_excluded(text: str, part: Part, high: float | None, kb: Tables) -> bool:
    """Whether the number in ``part`` is not a quantity (ages are read by ``age``)."""
    measured = part.unit is not None or part.scaled
    if measured:
        return False
    return (
        _year(text, part)
        or _date(text, part)
        or _clock(text, part)
        or _label(text, part, kb)
        or _numbering(text, part)
        or (high is None and _SCORE.match(text, part.end) is not None)
    )


def _year(text: str, part: Part) -> bool:
    """"1999", and any year with its era: "A.D. 1000", "500 BC"."""
    if len(part.digits) == 4 and part.digits.isdigit() and 1800 <= part.value <= 2150:
        return True
    return bool(_ERA_BEFORE.search(text, max(0, part.start - 6), part.start) or _ERA_AFTER.match(text, part.end))


def _date(text: str, part: Part) -> bool:
    if not (part.value.is_integer() and 1 <= part.value <= 31):
        return False
    before = _MONTH_BEFORE.search(text, max(0, part.start - 16), part.start)
    return before is not None or _MONTH_AFTER.match(text, part.end) is not None


def _clock(text: str, part: Part) -> bool:
    return _CLOCK_AFTER.match(text, part.end) is not None


def is_age(text: str, part: Part) -> bool:
    """Whether the number is an age: "65-year-old", "aged 45", "Maddon, 66,", "people over 60"."""
    if written_age(text, part):
        return True
    if part.currency:
        return False
    if _AGE_BEFORE.search(text, max(0, part.start - 20), part.start):
        return True
    if part.unit is None and part.value < _AGE_LIMIT and _AGE_GROUP_BEFORE.search(text, max(0, part.start - 40), part.start):
        return True
    appositive = _APPOSITIVE.search(text, max(0, part.start - 30), part.start)
    return bool(appositive) and part.unit is None and part.value < 120 and text[part.end:part.end + 1] in (",", ")")


def written_age(text: str, part: Part) -> tuple[str, int] | None:
    """The unit and end of an age written "-year-old" ("65-year-old" -> "year of age"); None if not one."""
    old = _AGE_AFTER.match(text, part.start) or _OLD.match(text, part.end)
    if not old:
        return _spoken_age(text, part)
    period = (old.group("period") or "").lower().replace("yr", "year")
    period = period or (part.unit if part.unit in _PERIODS else "year")
    return f"{period} of age", max(old.end(), part.end)


def _spoken_age(text: str, part: Part) -> tuple[str, int] | None:
    """"She will be 41 next spring", "life expectancy there is around 68": a bare number under 130."""
    if part.unit is not None or part.scaled or part.value >= _AGE_LIMIT or text[part.end:part.end + 1].isalnum():
        return None
    before = text[max(0, part.start - _AGE_REACH):part.start]
    last = before[before.rstrip().rfind(" ") + 1:].strip().lower()
    if last not in _AGE_VERBS and "expectancy" not in before.lower():
        return None
    before = before[:len(before) - len(_APPROX_TAIL.search(before).group())]
    spoken = _SPOKEN_AGE.search(before)
    if not spoken or (spoken.group("verb") and not _AGE_NEXT.match(text, part.end)):
        return None
    return "year of age", part.end


def _label(text: str, part: Part, kb: Tables) -> bool:
    """"Article 5", "iPhone 11", "Formula 1", "One Belt"."""
    before = _WORD_BEFORE.search(text, max(0, part.start - 30), part.start)
    if part.words and text[part.start].isupper() and text[part.end:part.end + 2].strip()[:1].isupper():
        return True
    if not before:
        return False
    word = before.group(1)
    lower = word.lower().strip("\"'“”‘’")
    if lower in kb.labels:
        return True
    listed = _LISTED_LABEL.search(text, max(0, part.start - 60), part.start)  # "parts 1 and 2", "Articles 3, 4"
    if listed and listed.group("label").lower() in kb.labels:
        return True
    if lower in kb.function or lower in kb.approx or word.endswith(("'s", "’s")):
        return False
    return any(c.isupper() for c in word) and word[-1].isalnum()


def _numbering(text: str, part: Part) -> bool:
    """A list item's number: at a line's start ("1. Introduction", "2) ..."), in brackets
    ("(3)"), or run into a paragraph after a colon or a full stop ("... progress: 1. Prevention
    of violence. 2. Creating ...")."""
    after = text[part.end:part.end + 2]
    if _LINE_START.search(text, max(0, part.start - 12), part.start) and after[:1] in (".", ")"):
        return after[1:2] in ("", " ", "\t", "\n")
    if _INLINE_ITEM_BEFORE.search(text, max(0, part.start - 4), part.start) and _INLINE_ITEM_AFTER.match(text, part.end) \
            and not part.unit and part.value <= 30 \
            and (float(part.value).is_integer() or _CLAUSE_NUMBER.fullmatch(part.digits or "")):
        return True  # "... as follows: 1.1. The parties agreed": a clause's number
    return text[part.start - 1:part.start] == "(" and after[:1] == ")"


_INLINE_ITEM_BEFORE = re.compile(r"[:.;]\s+$")
_CLAUSE_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")
_INLINE_ITEM_AFTER = re.compile(r"[.)]\s+[A-Z]")
