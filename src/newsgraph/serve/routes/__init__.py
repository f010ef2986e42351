"""The API's endpoints, one module per resource, all under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from . import claims, documents, entities, meta, relations

TAGS = [
    {"name": "documents", "description": "Full-text search and one document with its extracted items."},
    {"name": "entities", "description": "People, countries, organizations: roles, events, quotes, relations."},
    {"name": "events", "description": "Events merged across reports, as a timeline."},
    {"name": "claims", "description": "Figures, their series, contradictions and targets."},
    {"name": "dossier", "description": "The relationship of two entities over time."},
    {"name": "ingest", "description": "Adding documents (needs the ingest token; off unless configured)."},
    {"name": "meta", "description": "Health and an overview of the store."},
]


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1")
    for module in (documents, entities, relations, claims, meta):
        api.include_router(module.router)
    return api
