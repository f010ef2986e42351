"""The rows the store answers with: frozen dataclasses, plain text only.

Snippets and evidence texts are article text, which is untrusted: they are
plain strings, never markup; whoever shows them escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Claim, Event

_frozen = dataclass(frozen=True, slots=True, kw_only=True)


@_frozen
class AddResult:
    """What ``Store.add`` did: ids newly stored and ids already there."""

    stored: tuple[str, ...]
    duplicates: tuple[str, ...]


@_frozen
class DocumentHit:
    """A document found by ``Store.search``; ``rank`` is relevance, higher is better."""

    id: str
    date: str | None
    title: str | None
    source: str | None
    url: str | None
    snippet: str
    rank: float = 0.0


@_frozen
class EntitySummary:
    """An entity key across the store, with how often it occurs."""

    key: str
    type: str
    name: str
    country: str | None
    documents: int
    mentions: int


@_frozen
class RoleRow:
    """A role an entity holds in one document, with that document's date."""

    title: str
    of: str | None
    to: str | None
    doc_id: str
    date: str | None


@_frozen
class EntityDetail:
    """One entity key: its roles over time and the documents it appears in."""

    key: str
    type: str
    name: str
    country: str | None
    roles: tuple[RoleRow, ...]
    documents: tuple[DocumentHit, ...]


@_frozen
class ClaimRow:
    """A claim with its document, the names of its subjects and its source sentence."""

    doc_id: str
    doc_date: str | None
    claim: Claim
    subject_names: tuple[str, ...]
    speaker_name: str | None
    evidence_text: str | None


@_frozen
class EventRow:
    """An event with its document, participant names and its source sentence."""

    doc_id: str
    doc_date: str | None
    event: Event
    actor_names: tuple[str, ...]
    target_names: tuple[str, ...]
    place_name: str | None
    evidence_text: str | None


@_frozen
class StoreStats:
    """Counts over the whole store (``entities`` counts distinct keys)."""

    documents: int
    entities: int
    mentions: int
    claims: int
    events: int
    quotes: int
    times: int
    quantities: int
    schema_version: int
