"""Dependencies shared by the endpoints: the store, paging parameters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request

from ...store import Store
from ..schemas import MAX_PAGE

T = TypeVar("T")


def read_store(request: Request) -> Iterator[Store]:
    """A read-only store of the pool, this request's alone until it is answered."""
    stores = request.app.state.stores
    store = stores.acquire()
    try:
        yield store
    finally:
        stores.release(store)


ReadStore = Annotated[Store, Depends(read_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
DateFrom = Annotated[str | None, Query(max_length=32, description="Earliest date (ISO 8601 prefix).",
                                       examples=["2023-01-01"])]
DateTo = Annotated[str | None, Query(max_length=32, description="Latest date; 2023 includes all of 2023.",
                                     examples=["2023-12-31"])]
Text = Annotated[str | None, Query(max_length=200)]


def page(rows: list[T], limit: int, offset: int) -> dict[str, Any]:
    """A page (see :class:`Page`) from ``limit + 1`` fetched rows: the extra one says there is more."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


def slice_page(rows: list[T], limit: int, offset: int) -> dict[str, Any]:
    """A page cut from a complete list."""
    return page(rows[offset:offset + limit + 1], limit, offset)
