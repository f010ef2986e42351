"""Reuters-21578 SGML files (``*.sgm``): one Article per REUTERS element.

The files are not XML (bare ``&#3;`` control references, a few Latin-1 bytes), so
each element is found with a regular expression and its fields unescaped. The id is
``reuters-NEWID``, the date comes from DATE (``26-FEB-1987 15:01:01.79``), the text
from BODY; an element without a body is reported as an InputError naming its NEWID.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date

from newsgraph.errors import InputError
from newsgraph.ingest.decode import Prepared
from newsgraph.ingest.fields import clean_body, make_article
from newsgraph.ingest.options import ReadOptions
from newsgraph.record import Article

_ELEMENT = re.compile(rb"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_NEWID = re.compile(r'\bNEWID\s*=\s*"([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIGN_OFF = re.compile(r"\s*\n\s*REUTER\s*\Z", re.IGNORECASE)
_DATE = re.compile(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _field(tag: str, element: str) -> str | None:
    found = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", element, re.DOTALL | re.IGNORECASE)
    return None if found is None else _CONTROL.sub("", html.unescape(found[1]))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # the corpus predates UTF-8: its odd bytes are Latin-1
        return data.decode("latin-1")


def reuters_date(text: str) -> str | None:
    """``26-FEB-1987 15:01:01.79`` as ``1987-02-26``; None when it does not parse."""
    found = _DATE.match(text)
    if found is None or found[2].lower() not in _MONTHS:
        return None
    try:
        return date(int(found[3]), _MONTHS.index(found[2].lower()) + 1, int(found[1])).isoformat()
    except ValueError:
        return None


def read_reuters(prepared: Prepared, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every REUTERS element of an SGML file, in file order."""
    data = prepared.stream.read() if prepared.encoding == "utf-8" else prepared.read_text().encode()
    found = False
    for match in _ELEMENT.finditer(data):
        found = True
        yield article_from_element(_decode(match[1]), _decode(match[2]), prepared.name, options)
    if not found:
        yield InputError("no REUTERS element in this SGML file", where=prepared.name)


#: a line break inside a paragraph: the teletype's fixed width, not the writer's (a paragraph or a
#: table row starts on an indented line)
_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?=\S)")


def _unwrap(body: str) -> str:
    """The body with each paragraph on one line ("Showers continued in\nthe Bahia cocoa zone" is one
    sentence), so that names, quotes and clauses are not cut at the wire's line ends."""
    return _WRAP.sub(" ", body)


def article_from_element(attributes: str, element: str, name: str,
                         options: ReadOptions) -> Article | InputError:
    """One Article from a REUTERS element's attributes and content."""
    newid = _NEWID.search(attributes)
    if newid is None:
        return InputError("REUTERS element without a NEWID", where=name)
    where = f"{name}:NEWID {newid[1]}"
    body = _unwrap(clean_body(_SIGN_OFF.sub("", _field("BODY", element) or "")))
    if not body:
        return InputError("document has no BODY text", where=where)
    raw_date = _field("DATE", element)
    day = reuters_date(raw_date or "")
    if raw_date and day is None:
        return InputError(f"date {raw_date.strip()!r} does not parse (expected 26-FEB-1987)", where=where)
    title = " ".join((_field("TITLE", element) or "").split()) or None
    return make_article(text=body, where=where, options=options, id=f"reuters-{newid[1]}",
                        date=day, title=title, source="reuters")
