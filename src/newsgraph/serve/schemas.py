"""Pydantic models of the HTTP edge: pages, errors, ingest bodies, composed views.

Results of the library (records, store rows, resolve items) are frozen
dataclasses; FastAPI documents and serializes them directly, so only the shapes
that exist for HTTP alone are defined here.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..resolve.model import MergedEvent, QuoteItem
from ..store.rows import DocumentHit, RoleRow

T = TypeVar("T")

MAX_PAGE = 100  # the largest page any list endpoint returns
MAX_DOCUMENTS_PER_POST = 100


class ErrorInfo(BaseModel):
    code: str = Field(description="A stable, machine-readable code, e.g. not_found.")
    message: str = Field(description="One line for people.")
    detail: Any = Field(default=None, description="Structured detail (e.g. validation errors).")


class ErrorBody(BaseModel):
    """The one error shape of every endpoint, 4xx and 5xx alike."""

    error: ErrorInfo


class Page(BaseModel, Generic[T]):
    """One page of a list; ask for the next with ``offset=next_offset``."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page.")


class RelatedEntity(BaseModel):
    key: str
    name: str
    type: str
    documents: int = Field(description="Documents that mention both entities.")


class GraphEdge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="Documents that mention both ends.")


class EntityQuote(BaseModel):
    doc_id: str
    doc_date: str | None
    title: str | None
    span: tuple[int, int]
    text: str
    direct: bool


class EntityView(BaseModel):
    """One entity: roles over time, events, quotes and the entities seen with it."""

    key: str
    type: str
    name: str
    country: str | None
    roles: list[RoleRow]
    documents: list[DocumentHit]
    events: list[MergedEvent]
    quotes: list[EntityQuote]
    related: list[RelatedEntity]
    edges: list[GraphEdge] = Field(description="Co-occurrence among the related entities.")


class PairSuggestion(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    documents: int = Field(description="Documents naming both.")
    claims: int = Field(description="Figures about both.")


class Overview(BaseModel):
    """What the home page shows: counts and the country pairs most written about."""

    documents: int
    entities: int
    claims: int
    events: int
    quotes: int
    pairs: list[PairSuggestion]
    ingest_enabled: bool


class Health(BaseModel):
    status: str
    documents: int
    version: str


class IngestDocument(BaseModel):
    """One article to extract and store; the id is derived from text and date when absent."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=2_000)
    date: str | None = Field(default=None, max_length=64, description="ISO 8601, e.g. 2023-09-01.")
    url: str | None = Field(default=None, max_length=4_000)
    source: str | None = Field(default=None, max_length=500)
    id: str | None = Field(default=None, max_length=200)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_POST)


class IngestFailure(BaseModel):
    index: int = Field(description="Position of the document in the request.")
    message: str


class IngestResult(BaseModel):
    stored: list[str]
    duplicates: list[str]
    failed: list[IngestFailure]


__all__ = [
    "EntityQuote", "EntityView", "ErrorBody", "ErrorInfo", "GraphEdge", "Health",
    "IngestDocument", "IngestFailure", "IngestRequest", "IngestResult", "MAX_DOCUMENTS_PER_POST",
    "MAX_PAGE", "Overview", "Page", "PairSuggestion", "QuoteItem", "RelatedEntity",
]
