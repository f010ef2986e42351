"""Claims: figures with filters, and across documents their series, contradictions, targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query

# bound at import: the package attributes may later name its submodules
from ...resolve import contradictions as find_contradictions
from ...resolve import series as find_series
from ...resolve import targets as find_targets
from ...resolve.model import Contradiction, Series, TargetProgress
from ...errors import QueryError
from ...store import ClaimRow, Store
from ..problems import not_found
from ..schemas import ErrorBody, Page
from .deps import Limit, Offset, ReadStore, Text, page, slice_page

router = APIRouter(tags=["claims"], responses={404: {"model": ErrorBody, "description": "Unknown entity."}})
T = TypeVar("T")
ClaimKind = Literal["actual", "target", "plan", "forecast", "cumulative", "rank", "count"]
Subject = Annotated[str | None, Query(max_length=200, description="An entity key the figure is about.",
                                      examples=["country:KZ"])]
Indicator = Annotated[str | None, Query(max_length=200, examples=["trade turnover"])]


def _subject(subject: str | None) -> list[str] | None:
    return [s for s in subject.split(",") if s] if subject else None


#: for a pair of subjects, series and targets are built from its newest claims, as the dossier is
HISTORY = 1000


def _across(find: Callable[..., list[T]], store: Store, **filters: Any) -> list[T]:
    """Run a resolve query; an unknown entity in the filters is a 404."""
    try:
        return find(store, **filters)
    except QueryError as exc:
        raise not_found(exc) from exc


@router.get("/claims", response_model=Page[ClaimRow], summary="List claims")
def list_claims(store: ReadStore, indicator: Indicator = None, subject: Subject = None,
                kind: ClaimKind | None = None, period: Text = None, doc_id: Text = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Figures matching every filter given (exact values), by document date, each with its
    source sentence."""
    rows = store.claims(indicator=indicator, subject=subject, kind=kind, period=period,
                        doc_id=doc_id, limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


@router.get("/claims/series", response_model=Page[Series], summary="Figure series")
def list_series(store: ReadStore, indicator: Indicator = None,
                subject: Annotated[str | None, Query(
                    max_length=400, description="Entity keys, comma-separated.",
                    examples=["country:CN,country:KZ"])] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Figures of one indicator (by meaning), subject and unit as series sorted by period."""
    rows = _across(find_series, store, indicator=indicator, subject=_subject(subject), limit=HISTORY)
    return slice_page(rows, limit, offset)


@router.get("/claims/contradictions", response_model=Page[Contradiction],
            summary="Sources that disagree")
def list_contradictions(store: ReadStore, indicator: Indicator = None,
                        subject: Annotated[str | None, Query(max_length=400)] = None,
                        tolerance: Annotated[float, Query(ge=0, le=1)] = 0.02,
                        limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Values for the same indicator, subject and period that differ by more than
    ``tolerance`` (a fraction of the larger value)."""
    rows = _across(find_contradictions, store, tolerance=tolerance, indicator=indicator,
                   subject=_subject(subject))
    return slice_page(rows, limit, offset)


@router.get("/claims/targets", response_model=Page[TargetProgress], summary="Targets and progress")
def list_targets(store: ReadStore, indicator: Indicator = None,
                 subject: Annotated[str | None, Query(max_length=400)] = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Each target against the latest actual of its series: progress, the growth needed
    per year, the recent growth, and whether it is on track."""
    rows = _across(find_targets, store, indicator=indicator, subject=_subject(subject), limit=HISTORY)
    return slice_page(rows, limit, offset)
