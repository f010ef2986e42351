"""HTML pages: title, date and main text as trafilatura extracts them, as plain text."""

from __future__ import annotations

import logging

from newsgraph.errors import InputError
from newsgraph.ingest.dates import DateError, normalize_date
from newsgraph.ingest.fields import clean_body, host, make_article
from newsgraph.ingest.options import ReadOptions
from newsgraph.record import Article

# trafilatura logs every page it cannot parse; the InputError already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def article_from_html(html: str, name: str, options: ReadOptions) -> Article | InputError:
    """One Article from the HTML page `html`; InputError when it holds no article text."""
    document = _extract(html)
    text = clean_body(document.text or "") if document is not None else ""
    if not text:
        return InputError("no article text found in HTML", where=name)
    url = document.url or None
    return make_article(text=text, where=name, options=options, title=_clean(document.title),
                        date=_date(document.date), url=url, source=host(url))


def _extract(html: str):  # type: ignore[no-untyped-def]
    import trafilatura  # heavy: loaded on the first HTML page only

    try:
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_images=False,
                                           include_links=False, include_formatting=False)
    except Exception:  # noqa: BLE001 - a third-party parser on untrusted input: any failure means no text
        return None


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _date(value: str | None) -> str | None:
    """The extracted date; one trafilatura found but that does not parse is dropped, not fatal."""
    try:
        return normalize_date(value)
    except DateError:
        return None
