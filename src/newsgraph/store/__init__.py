"""The newsgraph store: records kept in one SQLite file (or PostgreSQL), searched and exported.

>>> with Store.open("news.db") as store:            # doctest: +SKIP
...     store.add(records)
...     store.search("trade turnover", date_from="2023")
"""

from .export import FORMATS, TABLE_NAMES, export
from .rows import (
    AddResult, ClaimRow, DocumentHit, EntityDetail, EntitySummary, EventRow, RoleRow,
    StoreStats,
)
from .sqlite import Store, open_store


def shown_db(db: object) -> str:
    """How to name a store in messages: a path as it is, a URL without its password."""
    from .postgres import is_url, redact

    text = str(db)
    return redact(text) if is_url(text) else text


__all__ = [
    "AddResult", "ClaimRow", "DocumentHit", "EntityDetail", "EntitySummary", "EventRow",
    "FORMATS", "RoleRow", "Store", "StoreStats", "TABLE_NAMES", "export", "open_store", "shown_db",
]
