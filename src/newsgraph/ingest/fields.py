"""Building an Article from named fields (a CSV row, a JSON object), with the checks every reader shares."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from newsgraph.errors import InputError
from newsgraph.ingest.dates import DateError, normalize_date
from newsgraph.ingest.options import ReadOptions, size_text
from newsgraph.record import Article, document_id

FIELDS = ("text", "title", "date", "url", "id", "source")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t\f\v]*(?:\r\n|\r|\n))*")


def clean_body(text: str) -> str:
    """`text` without leading blank lines and trailing white space; nothing else changes."""
    text = text.rstrip()
    return text[_LEADING_BLANK_LINES.match(text).end():]  # type: ignore[union-attr]


def find_column(keys: Iterable[str], options: ReadOptions, field: str) -> str | None:
    """The key in `keys` that holds `field`: the option's name or the first automatic one, any case."""
    by_lower: dict[str, str] = {}
    for key in keys:
        by_lower.setdefault(key.lower(), key)
    for candidate in options.candidates(field):
        if candidate.lower() in by_lower:
            return by_lower[candidate.lower()]
    return None


def host(url: str | None) -> str | None:
    """The host of `url` in lower case ("en.kremlin.ru"), or None."""
    if not url:
        return None
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname or None
    except ValueError:
        return None


def check_size(text: str, options: ReadOptions, where: str) -> InputError | None:
    """An InputError when one document's text is over the limit."""
    size = len(text.encode("utf-8"))
    if size <= options.max_bytes:
        return None
    return InputError(f"document is {size_text(size)}, over the {size_text(options.max_bytes)} limit (--max-bytes)",
                      where=where)


def make_article(*, text: str, where: str, options: ReadOptions, **fields: str | None) -> Article | InputError:
    """An Article from cleaned `text` and raw metadata; the id is derived when none is given."""
    too_big = check_size(text, options, where)
    if too_big:
        return too_big
    try:
        date = normalize_date(fields.get("date"))
    except DateError as err:
        return InputError(str(err), where=where)
    url = fields.get("url")
    return Article(
        id=fields.get("id") or document_id(text, date), text=text, title=fields.get("title"), date=date,
        url=url, source=fields.get("source") or host(url), origin=where,
    )


def article_from_fields(values: Mapping[str, object], options: ReadOptions, where: str) -> Article | InputError:
    """An Article from one record of named values (a JSON object or a CSV row)."""
    column = find_column(values, options, "text")
    if column is None:
        looked = ", ".join(options.candidates("text"))
        return InputError(f"row has no text field (looked for: {looked})", where=where)
    text = values[column]
    if not isinstance(text, str):
        return InputError(f"field {column!r} is not a string (got {type(text).__name__})", where=where)
    text = clean_body(text)
    if not text:
        return InputError(f"row has empty text (field {column!r})", where=where)
    meta = {field: _value(values, find_column(values, options, field)) for field in FIELDS[1:]}
    return make_article(text=text, where=where, options=options, **meta)


def _value(values: Mapping[str, object], column: str | None) -> str | None:
    if column is None:
        return None
    value = values[column]
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None
