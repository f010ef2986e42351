"""What the store keeps per record for ``resolve``: event signatures, date ranges, key pairs.

Pure functions of one record (no store, no spaCy), used at ingest time by the store
and again at query time. An event's *signature* names the participants that make
two reports one event: the countries involved (a person or an organization stands
for its country), or the people when only one country is involved.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations

from ..record import Claim, Entity, Event, Record

_frozen = dataclass(frozen=True, slots=True, kw_only=True)

MAX_MERGE_SPAN_DAYS = 31  # dates vaguer than a month never merge across documents

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12])$")
_YEAR = re.compile(r"^(\d{4})$")
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


@_frozen
class EventKey:
    """How one event report is indexed: its group, people, participants and date range."""

    seq: int
    type: str
    signature: str
    persons: tuple[str, ...]
    participants: tuple[str, ...]
    date_lo: str | None
    date_hi: str | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def date_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value may mean; None if it names no date."""
    if not value:
        return None
    try:
        return _range(value)
    except ValueError:  # a month 13, a day 32: not a date
        return None


def _range(value: str) -> tuple[date, date] | None:
    if "/" in value:  # an ISO 8601 interval of two dates: "2021-01/2021-09"
        first, _, last = value.partition("/")
        a, b = _range(first), _range(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := _PART.match(value):
        first, last = _PART_MONTHS[m[2]]
        return date(int(m[1]), first, 1), _month_end(int(m[1]), last)
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    return None


def country_key(entity: Entity) -> str | None:
    """The country an entity is or stands for, as a key."""
    if entity.type == "COUNTRY":
        return entity.key
    return f"country:{entity.country}" if entity.country else None


def with_countries(record: Record, known: Mapping[str, str | None]) -> Record:
    """The record with each entity's country filled from ``known`` (by key) where it lacks one."""
    if all(e.country or not known.get(e.key) for e in record.entities):
        return record
    entities = tuple(e if e.country or not known.get(e.key) else replace(e, country=known[e.key])
                     for e in record.entities)
    return replace(record, entities=entities)


def _participants(event: Event, by_id: dict[str, Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for local in (*event.actors, *event.targets):
        entity = by_id.get(local)
        if entity is not None:
            seen.setdefault(entity.key, entity)
    return list(seen.values())


def signature(doc_id: str, people: list[Entity]) -> str:
    """The group key: reports merge only within one group (and one event type)."""
    sides = sorted({country_key(e) or e.key for e in people})
    if len(sides) >= 2:
        return "S:" + " ".join(sides)
    own = sorted(e.key for e in people if e.type != "COUNTRY")
    if len(own) >= 2:
        return "P:" + " ".join(own)
    return f"D:{doc_id}:" + " ".join(sorted(e.key for e in people))  # one side: this document only


def event_key(record: Record, seq: int, event: Event, by_id: dict[str, Entity]) -> EventKey:
    people = _participants(event, by_id)
    span = date_range(event.date)
    return EventKey(
        seq=seq, type=event.type, signature=signature(record.id, people),
        persons=tuple(sorted(e.key for e in people if e.type == "PERSON")),
        participants=tuple(e.key for e in people),
        date_lo=span[0].isoformat() if span else None,
        date_hi=span[1].isoformat() if span else None,
    )


def event_keys(record: Record) -> list[EventKey]:
    by_id = {e.id: e for e in record.entities}
    return [event_key(record, i, v, by_id) for i, v in enumerate(record.events)]


def expanded(keys: Iterable[str], entities: dict[str, Entity]) -> list[str]:
    """Keys plus the countries their entities stand for, sorted, without repeats."""
    out = set(keys)
    for key in list(out):
        entity = entities.get(key)
        if entity is not None and (country := country_key(entity)):
            out.add(country)
    return sorted(out)


def pairs(keys: list[str]) -> Iterator[tuple[str, str]]:
    """Every key with itself and every two keys, each pair sorted."""
    yield from ((k, k) for k in keys)
    yield from combinations(sorted(keys), 2)


def pair_rows(record: Record) -> list[tuple[str, str, str, str, int, str]]:
    """``(a, b, item, doc_id, seq, day)`` rows: which claims and events each key pair shares."""
    by_key = {e.key: e for e in record.entities}
    by_id = {e.id: e for e in record.entities}
    doc_day = record.date[:10] if record.date else ""  # "" sorts oldest in every database
    rows: list[tuple[str, str, str, str, int, str]] = []
    for seq, claim in enumerate(record.claims):
        keys = expanded(_claim_keys(claim), by_key)
        rows += [(a, b, "claim", record.id, seq, doc_day) for a, b in pairs(keys)]
    for seq, event in enumerate(record.events):
        keys = expanded((e.key for e in _participants(event, by_id)), by_key)
        span = date_range(event.date)
        day = span[0].isoformat() if span else doc_day
        rows += [(a, b, "event", record.id, seq, day) for a, b in pairs(keys)]
    return rows


def _claim_keys(claim: Claim) -> tuple[str, ...]:
    return claim.subject
