"""Units shared between linked figures: "from 13.5 to 14.0 mm", "3.9 million headsets, up from 2.4 million"."""

from __future__ import annotations

import dataclasses
import re

from newsgraph.extract.quantities_kb import Tables
from newsgraph.extract.quantities_numbers import DIGITS, parse_digits
from newsgraph.extract.units import DURATIONS
from newsgraph.record import Quantity

_TO = re.compile(r"\s+to\s+")
# what may stand between "from X" and "to Y": a few words of time or unit ("at 10.45pm last night", "U.S. per barrel")
_FROM_GAP = re.compile(r"(?:\s+(?!(?:and|or|but|from|to)\s)[^\s,;:!?()\[\]]+){1,5}\s+to\s+")
_SENTENCE_BREAK = re.compile(r"\.\s+[A-Z]")
_FROM = re.compile(r"(?i:\bfrom)\s+$")
_CONTRAST = re.compile(
    r"(?i:\b(?:(?:up|down|rising|falling|increasing|decreasing)\s+from|compared\s+(?:with|to)|versus|vs\.?)\s+$)")
_BREAK = re.compile(r"[;:!?]|\.\s")
_NUMBER = re.compile(DIGITS)
_NOT_SHARED = frozenset({"percent", "pp", "bp", "rank", "fraction"})
_CONTRAST_REACH = 80
_ELLIPSIS_REACH = 120
_ELLIPSIS_BACK = 4
_DIGIT = re.compile(r"\d")
_RATE_END = re.compile(r" (?:per|a|an|each) (year|month|week|day|hour)$")


def share_units(text: str, found: list[Quantity], kb: Tables) -> list[Quantity]:
    """``found`` with units carried across "from X to Y", "X points to Y", and from a figure to the bare one
    it is compared with ("up from", "compared with")."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if from_to(text, a, b):
            out[i - 1], out[i] = _borrow(a, b, kb), _borrow(b, a, kb)
        elif _to_from(text, a, b):  # "rose to 5.2 pct from 4.8", "to 147 pesetas a kilo from 160"
            out[i] = _borrow(b, a, kb)
        elif b.unit is None and b.high is None and (_contrasted(text, a, b) or _moved_to(text, a, b)):
            out[i] = dataclasses.replace(b, unit=a.unit)
        elif b.unit is None and b.high is None and _DIGIT.search(b.text):
            out[i] = _elliptic(text, out[max(0, i - _ELLIPSIS_BACK):i], b)
    for i in range(len(out) - 2, -1, -1):  # "by 5 and 6 percent", "3, 4 or 5 billion rubles": the last one's unit
        a, b = out[i], out[i + 1]  # "160 out of the 313 bridges": the whole's unit
        if a.unit in (None, b.unit) and a.high is None and b.unit is not None and _DIGIT.search(a.text) \
                and (_LIST_JOIN.fullmatch(text, a.span[1], b.span[0]) or _OUT_OF.fullmatch(text, a.span[1], b.span[0])):
            out[i] = dataclasses.replace(a, unit=b.unit, value=a.value * _shared_scale(a, b, kb))
    return out


_LIST_JOIN = re.compile(r"\s*,\s*|,?\s+(?:and|or)\s+")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+)?")


def _elliptic(text: str, before: list[Quantity], b: Quantity) -> Quantity:
    """A bare figure of the same size as an earlier one in its sentence shares its unit:
    "12,300 workers ... and 18,900 who", "2,051.40 points, while the other index lost 0.8% to 1,987.65"; a bare
    rate takes the noun per period ("31 thefts ... an average of 25 per month")."""
    for a in reversed(before):
        if not _shareable(a) or a.unit in DURATIONS or a.unit.endswith(" of age") or not _near(text, a, b):
            continue
        if a.value and 0.1 <= abs(b.value / a.value) <= 10:
            rate = _RATE_END.search(b.text)
            return dataclasses.replace(b, unit=f"{a.unit}/{rate.group(1)}" if rate else a.unit)
    return b


def _shareable(a: Quantity) -> bool:
    return a.unit is not None and a.unit not in _NOT_SHARED and "/" not in a.unit


def _near(text: str, a: Quantity, b: Quantity) -> bool:
    between = text[a.span[1]:b.span[0]]
    return len(between) <= _ELLIPSIS_REACH and not _BREAK.search(between)


def from_to(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` are written "from A to B" (an old and a new value, or a range), maybe with a few
    words after A ("from $75 per barrel in October to $45")."""
    if not _FROM.search(text, max(0, a.span[0] - 8), a.span[0]):
        return False
    between = text[a.span[1]:b.span[0]]
    if _TO.fullmatch(between) or (between.isspace() and b.text.lower().startswith("up to")):
        return True
    return bool(_FROM_GAP.fullmatch(between)) and not _SENTENCE_BREAK.search(between)


def _borrow(q: Quantity, other: Quantity, kb: Tables) -> Quantity:
    """``q`` with the unit (and scale) of ``other`` when it has none of its own."""
    if q.unit is not None or other.unit is None or q.high is not None:
        return q
    value = q.value * _shared_scale(q, other, kb)
    return dataclasses.replace(q, unit=other.unit, value=value)


def _shared_scale(q: Quantity, other: Quantity, kb: Tables) -> float:
    """The scale of ``other`` ("4.7 billion euros") when ``q`` is a bare number of the same size ("4.8")."""
    mine, theirs = _NUMBER.search(q.text), _NUMBER.search(other.text)
    if not mine or not theirs or kb.scale_re.search(q.text):
        return 1.0
    raw = parse_digits(theirs.group())
    factor = abs(other.value) / raw if raw else 1.0
    if factor < 100 or not 0.1 <= abs(q.value) / raw <= 10:
        return 1.0
    return factor


_TO_BEFORE = re.compile(r"(?i:\bto)\s+$")
_FROM_BETWEEN = re.compile(r",?\s+from\s+")


def _to_from(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether ``b`` is the old value of a move written "to A from B": the same measure as ``a``."""
    return bool(_TO_BEFORE.search(text, max(0, a.span[0] - 4), a.span[0])) \
        and bool(_FROM_BETWEEN.fullmatch(text, a.span[1], b.span[0]))


def _moved_to(text: str, a: Quantity, b: Quantity) -> bool:
    """"rose 64.06 points to 4,577.10": the level after "to" is in the unit of the change."""
    return _shareable(a) and bool(_TO.fullmatch(text, a.span[1], b.span[0]))


def _contrasted(text: str, a: Quantity, b: Quantity) -> bool:
    """"3.9 million headsets, up from 2.4 million": ``b`` is compared with ``a`` and takes its unit."""
    if not _shareable(a):
        return False
    lead = _CONTRAST.search(text, max(0, b.span[0] - 30), b.span[0])
    if not lead:
        return False
    between = text[a.span[1]:lead.start()]
    return len(between) <= _CONTRAST_REACH and not _BREAK.search(between)
