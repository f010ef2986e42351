"""Entities: the list, name lookup, and one entity with everything around it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

# bound at import: the package attributes may later name its submodules
from ...resolve import events as merged_events
from ...resolve import resolve_key
from ...errors import QueryError
from ...store import EntitySummary
from .. import queries
from ..problems import not_found
from ..schemas import EntityView, ErrorBody, Page
from .deps import Limit, Offset, ReadStore, Text, page

router = APIRouter(tags=["entities"])
EntityType = Literal["PERSON", "COUNTRY", "ORG", "LOCATION", "FACILITY", "INITIATIVE", "OTHER"]
Key = Annotated[str, Path(min_length=1, max_length=200, description="An entity key.",
                          examples=["country:KZ"])]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "Unknown entity."}}
MAX_EVENTS = 200


class KeyAnswer(BaseModel):
    key: str
    name: str


@router.get("/entities", response_model=Page[EntitySummary], summary="List entities")
def list_entities(store: ReadStore, q: Text = None, type: EntityType | None = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Entity keys across the store, most documents first; ``q`` matches part of the name or key."""
    rows = store.entities(type=type, query=q, limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


@router.get("/entities/resolve", response_model=KeyAnswer, responses=_NOT_FOUND,
            summary="The key for a name")
def resolve_entity(store: ReadStore, name: Annotated[str, Query(
        min_length=1, max_length=200, examples=["Kazakhstan"])]) -> KeyAnswer:
    """The entity key for a name or a key ("Kazakhstan" -> "country:KZ")."""
    try:
        key = resolve_key(store, name)
        return KeyAnswer(key=key, name=store.entity(key, limit=0).name)
    except QueryError as exc:
        raise not_found(exc) from exc


@router.get("/entities/{key}", response_model=EntityView, responses=_NOT_FOUND,
            summary="One entity: roles, events, quotes, related entities")
def get_entity(key: Key, store: ReadStore,
               documents: Annotated[int, Query(ge=0, le=100)] = 20,
               related: Annotated[int, Query(ge=0, le=40)] = 15) -> EntityView:
    """Roles over time (oldest first), merged events, quotes, the documents it appears in
    (newest first), and the entities most often named with it, with their links."""
    try:
        detail = store.entity(key, limit=documents)
    except QueryError as exc:
        raise not_found(exc) from exc
    events = merged_events(store, entity=key)[-MAX_EVENTS:]
    near = queries.related(store, key, limit=related)
    return EntityView(
        key=detail.key, type=detail.type, name=detail.name, country=detail.country,
        roles=list(detail.roles), documents=list(detail.documents), events=events,
        quotes=queries.entity_quotes(store, key, limit=20), related=near,
        edges=queries.edges(store, key, [r.key for r in near]))
