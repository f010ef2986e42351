"""What ``resolve`` returns: results across documents, as frozen dataclasses.

Every item is JSON-ready through :func:`newsgraph.record.to_dict`. Entity
references are stable entity keys (``"country:KZ"``), never record-local ids.
"""

from __future__ import annotations

from dataclasses import dataclass

_frozen = dataclass(frozen=True, slots=True, kw_only=True)


@_frozen
class Source:
    """One report of a fact: the document and the sentence that states it."""

    doc_id: str
    doc_date: str | None
    title: str | None
    evidence: tuple[int, int] | None
    evidence_text: str
    claim_id: str | None = None
    event_id: str | None = None


@_frozen
class MergedEvent:
    """One event, however many reports of it the store holds."""

    id: str
    type: str
    cameo: str | None
    date: str | None
    participants: tuple[str, ...]  # entity keys
    participant_names: tuple[str, ...]
    topics: tuple[str, ...]
    reports: tuple[Source, ...]
    trigger: str | None = None


@_frozen
class SeriesPoint:
    """One period of a series; ``conflicting`` when its sources disagree."""

    period: str
    value: float
    unit: str | None
    sources: tuple[Source, ...]
    conflicting: bool = False


@_frozen
class Series:
    """Figures of one indicator, subject and unit; ``points`` sorted by period."""

    indicator: str
    subject: tuple[str, ...]
    unit: str | None
    kind: str
    points: tuple[SeriesPoint, ...]
    subject_names: tuple[str, ...] = ()


@_frozen
class Contradiction:
    """Sources that give different values for the same indicator, subject and period."""

    indicator: str
    subject: tuple[str, ...]
    period: str
    unit: str | None
    values: tuple[tuple[float, Source], ...]
    spread: float  # (max - min) / max of the values


@_frozen
class TargetProgress:
    """A target against the latest actual of the same series."""

    indicator: str
    subject: tuple[str, ...]
    unit: str | None
    target_value: float
    target_period: str
    target_source: Source
    latest_value: float | None
    latest_period: str | None
    latest_source: Source | None
    progress: float | None  # latest_value / target_value
    growth_needed_per_year: float | None  # CAGR from the latest actual to the target
    recent_growth_per_year: float | None  # CAGR over the last actuals
    on_track: bool | None


@_frozen
class QuoteItem:
    """A quote with its speaker's stable key and its document."""

    speaker_key: str | None
    speaker_name: str | None
    text: str
    doc_id: str
    doc_date: str | None
    direct: bool


@_frozen
class Dossier:
    """The state of a relationship between two entities over time."""

    a: str
    b: str
    a_name: str
    b_name: str
    events: tuple[MergedEvent, ...]
    series: tuple[Series, ...]
    targets: tuple[TargetProgress, ...]
    contradictions: tuple[Contradiction, ...]
    quotes: tuple[QuoteItem, ...]
    complete: bool = True  # False: the pair has more reports than a dossier reads, see since
    since: str | None = None  # the first day covered when not complete
