"""Publication dates, normalized to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}(?::?\d{2}){0,2}Z?)?", re.IGNORECASE)
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_WEEKDAY = re.compile(r"[A-Za-z]{3,9}\.?,?\s+(?=\d|[A-Za-z]{3})")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B, %Y", "%d %b, %Y")


class DateError(ValueError):
    """A date value that does not parse; its message is the one-line reason."""


def normalize_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD``; None for an empty value; DateError if it does not parse."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    parsed = _parse(text)
    if parsed is None:
        raise DateError(f"date {text!r} does not parse (expected ISO 8601 such as 2023-09-01)")
    return parsed.isoformat()


def _parse(text: str) -> date | None:
    for pattern in (_ISO, _COMPACT, _SLASHED):
        match = pattern.fullmatch(text)
        if match:
            return _ymd(*match.groups())
    return _named_month(text) or _rfc2822(text)


def _ymd(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _named_month(text: str) -> date | None:
    for candidate in (text, _WEEKDAY.sub("", text, count=1)):
        for fmt in _FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


def _rfc2822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
