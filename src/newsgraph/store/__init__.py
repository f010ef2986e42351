"""The newsgraph store: records kept in one SQLite file, searched and exported.

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

__all__ = [
    "AddResult", "ClaimRow", "DocumentHit", "EntityDetail", "EntitySummary", "EventRow",
    "FORMATS", "RoleRow", "Store", "StoreStats", "TABLE_NAMES", "export", "open_store",
]
