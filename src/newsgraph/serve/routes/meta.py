"""Health and the overview the home page shows."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ... import __version__
from .. import queries
from ..schemas import Health, Overview
from .deps import ReadStore

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=Health, summary="Liveness and store size")
def health(store: ReadStore) -> Health:
    return Health(status="ok", documents=queries.document_count(store), version=__version__)


@router.get("/overview", response_model=Overview, summary="Counts and suggested dossiers")
def overview(store: ReadStore, request: Request) -> Overview:
    """Counts over the store and the country pairs most often named together."""
    stats = store.stats()
    return Overview(documents=stats.documents, entities=stats.entities, claims=stats.claims,
                    events=stats.events, quotes=stats.quotes, pairs=queries.top_pairs(store),
                    ingest_enabled=bool(request.app.state.settings.ingest_token))
