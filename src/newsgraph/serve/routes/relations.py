"""Events across reports and the dossier of two entities."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter

# bound at import: the package attributes may later name its submodules
from ...resolve import dossier as make_dossier
from ...resolve import events as merged_events
from ...resolve import resolve_key
from ...errors import QueryError
from ...resolve.model import Dossier, MergedEvent
from ..cache import AnswerCache, store_version
from ..problems import ApiError, not_found
from ..schemas import ErrorBody, Page
from .deps import DateFrom, DateTo, Limit, Offset, ReadStore, slice_page

router = APIRouter()
_DOSSIER = TypeAdapter(Dossier)
EntityRef = Annotated[str, Query(min_length=1, max_length=200,
                                 description="An entity key or name.", examples=["country:KZ"])]
OptionalRef = Annotated[str | None, Query(min_length=1, max_length=200,
                                          description="An entity key or name.")]


def _key(store: Any, ref: str) -> str:
    try:
        return resolve_key(store, ref)
    except QueryError as exc:
        raise not_found(exc) from exc


@router.get("/events", tags=["events"], response_model=Page[MergedEvent], summary="Event timeline",
            responses={404: {"model": ErrorBody, "description": "Unknown entity."}})
def list_events(store: ReadStore, entity: OptionalRef = None,
                with_: Annotated[str | None, Query(
                    alias="with", min_length=1, max_length=200,
                    description="Only events that also involve this entity (key or name).")] = None,
                type: Annotated[str | None, Query(max_length=40, examples=["CONSULT"])] = None,
                date_from: DateFrom = None, date_to: DateTo = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events merged across their reports, oldest first: all of them, those of one
    ``entity``, or those between ``entity`` and ``with``; ``type`` is a PLOVER type."""
    keys = [_key(store, ref) for ref in (entity, with_) if ref]
    pair = (keys[0], keys[1]) if len(keys) == 2 else None
    rows = merged_events(store, entity=keys[0] if len(keys) == 1 else None, pair=pair,
                         date_from=date_from, date_to=date_to)
    if type:
        rows = [e for e in rows if e.type == type.upper()]
    return slice_page(rows, limit, offset)


@router.get("/dossier", tags=["dossier"], response_model=Dossier, summary="Dossier of two entities",
            responses={404: {"model": ErrorBody, "description": "Unknown entity."}})
def get_dossier(store: ReadStore, request: Request, a: EntityRef, b: EntityRef,
                quotes: Annotated[int, Query(ge=0, le=50, description="Most quotes.")] = 10,
                events: Annotated[int, Query(ge=0, le=2000, description="Most events (the latest).")] = 200,
                sources: Annotated[int, Query(
                    ge=1, le=100, description="Most reports per event and sources per figure.")] = 5,
                ) -> Response:
    """The relationship of ``a`` and ``b`` (keys or names): their meetings and other events,
    figure series with each point's sources, targets against the latest actuals,
    contradicting sources, and what each side said. Long lists are cut to the limits
    given; ``/events`` and ``/claims`` page through everything. Answers are kept until
    the store changes."""
    key_a, key_b = _key(store, a), _key(store, b)
    if key_a == key_b:
        raise ApiError(422, "a and b name the same entity", code="invalid_request")
    cache: AnswerCache = request.app.state.answers
    body = cache.get(
        ("dossier", store_version(store), key_a, key_b, quotes, events, sources),
        lambda: _DOSSIER.dump_json(_trim(make_dossier(store, key_a, key_b, quotes=quotes),
                                         events, sources)))
    return Response(body, media_type="application/json")


def _trim(d: Dossier, events: int, sources: int) -> Dossier:
    kept = d.events[-events:] if events else ()
    return replace(
        d, events=tuple(replace(e, reports=e.reports[:sources]) for e in kept),
        series=tuple(replace(s, points=tuple(replace(p, sources=p.sources[:sources])
                                             for p in s.points)) for s in d.series))
