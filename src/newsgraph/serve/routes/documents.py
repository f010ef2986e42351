"""Documents: full-text search, one document with its items, and ingest (POST)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ...errors import NewsgraphError, QueryError
from ...ingest import ReadOptions
from ...ingest.fields import article_from_fields
from ...record import Article, Record
from ...store import DocumentHit, Store
from ..problems import ApiError, not_found
from ..schemas import ErrorBody, IngestFailure, IngestRequest, IngestResult, Page
from .deps import DateFrom, DateTo, Limit, Offset, ReadStore, Text, page

router = APIRouter()
DocId = Annotated[str, Path(min_length=1, max_length=200, description="The document id.")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such document."},
}


@router.get("/documents", tags=["documents"], response_model=Page[DocumentHit],
            summary="Search documents")
def search_documents(
    store: ReadStore, q: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
    source: Text = None, entity: Annotated[str | None, Query(
        max_length=200, description="Only documents mentioning this entity key.",
        examples=["country:KZ"])] = None,
    limit: Limit = 20, offset: Offset = 0,
) -> dict[str, Any]:
    """Documents matching all words of ``q`` (stemmed; ``"a phrase"``, ``word*``) and the
    filters, most relevant first; without ``q``, newest first."""
    hits = store.search(q, date_from=date_from, date_to=date_to, source=source,
                        entity=entity, limit=limit + 1, offset=offset)
    return page(hits, limit, offset)


@router.get("/documents/{doc_id}", tags=["documents"], response_model=Record,
            responses=_ERRORS, summary="One document with its extracted items")
def get_document(doc_id: DocId, store: ReadStore) -> Record:
    """The record of one document (``spec/record.md``): text, entities, times, figures,
    claims, events and quotes, each with its character offsets into ``text``."""
    try:
        return store.document(doc_id)
    except QueryError as exc:
        raise not_found(exc) from exc


# --- ingest --------------------------------------------------------------------------


_bearer = HTTPBearer(auto_error=False, description="The server's ingest token.")


def require_token(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Ingest needs ``Authorization: Bearer TOKEN``; without a configured token it is off."""
    token = request.app.state.settings.ingest_token
    if not token:
        raise ApiError(403, "ingest is off: start the server with --ingest-token "
                       "(or NEWSGRAPH_INGEST_TOKEN) to allow it", code="ingest_disabled")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "a valid 'Authorization: Bearer TOKEN' header is needed",
                       headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", tags=["ingest"], response_model=IngestResult,
             summary="Extract and store documents",
             responses={401: {"model": ErrorBody, "description": "Missing or wrong token."},
                        403: {"model": ErrorBody, "description": "Ingest is not enabled."},
                        413: {"model": ErrorBody, "description": "Request body too large."}})
def ingest_documents(body: IngestRequest, request: Request,
                     _: Annotated[None, Depends(require_token)]) -> IngestResult:
    """Runs the extraction on each document and stores its record. Documents already
    stored are reported as duplicates; one that fails is reported and the rest go on."""
    articles, failed = _articles(body)
    writer = request.app.state.writer
    with writer.lock, Store.open(writer.db) as store:
        stored = {a.id for _, a in articles if store.has(a.id)}
        fresh = [(i, a) for i, a in articles if a.id not in stored]
        records, failures = _extract(writer.pipeline, fresh)
        result = store.add(records)
        writer.after_write(store)
    duplicates = [a.id for _, a in articles if a.id in stored]
    return IngestResult(stored=list(result.stored), duplicates=duplicates + list(result.duplicates),
                        failed=failed + failures)


def _articles(body: IngestRequest) -> tuple[list[tuple[int, Article]], list[IngestFailure]]:
    articles: list[tuple[int, Article]] = []
    failed: list[IngestFailure] = []
    options = ReadOptions()
    for index, doc in enumerate(body.documents):
        item = article_from_fields(doc.model_dump(), options, f"documents[{index}]")
        if isinstance(item, NewsgraphError):
            failed.append(IngestFailure(index=index, message=item.line()))
        else:
            articles.append((index, item))
    return articles, failed


def _extract(pipeline: Any, items: list[tuple[int, Article]]) -> tuple[list[Record], list[IngestFailure]]:
    records: list[Record] = []
    failures: list[IngestFailure] = []
    outcomes = pipeline.run(article for _, article in items)
    for (index, _), outcome in zip(items, outcomes):
        if isinstance(outcome, NewsgraphError):
            failures.append(IngestFailure(index=index, message=outcome.line()))
        else:
            records.append(outcome)
    return records, failures
