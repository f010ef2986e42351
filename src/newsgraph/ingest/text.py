"""Plain text files: the body, with an optional ``date YYYY-MM-DD Title`` first line."""

from __future__ import annotations

import re

from newsgraph.errors import InputError
from newsgraph.ingest.dates import DateError, normalize_date
from newsgraph.ingest.fields import clean_body, make_article
from newsgraph.ingest.options import ReadOptions
from newsgraph.record import Article

_HEADER = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+(.*?))?[ \t\r]*")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_REPORTS = re.compile(r"\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\s+report(?:s|ed)\b", re.IGNORECASE)


def article_from_text(text: str, name: str, options: ReadOptions) -> Article | InputError:
    """One Article from the text of a file named `name`."""
    body = clean_body(text)
    if not body:
        return InputError("empty file", where=name)
    first, _, rest = body.partition("\n")
    header = _HEADER.fullmatch(first)
    if header is None:
        return make_article(text=body, where=name, options=options, source=site_named(body))
    try:
        date = normalize_date(header[1])
    except DateError as err:
        line = text[: len(text) - len(text.lstrip())].count("\n") + 1
        return InputError(str(err), where=f"{name}:line {line}")
    body = clean_body(rest)
    if not body:
        return InputError("no text after the date line", where=name)
    return make_article(text=body, where=name, options=options, date=date, title=header[2] or None,
                        source=site_named(body))


def site_named(text: str) -> str | None:
    """A site the first paragraph names as its source ("..., primeminister.kz reports.")."""
    blank = _BLANK_LINE.search(text)
    paragraph = text[: blank.start()] if blank else text.partition("\n")[0]
    match = _REPORTS.search(paragraph)
    return match[1].lower() if match else None
