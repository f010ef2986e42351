"""A record as table rows and back, independent of the database backend.

``flatten`` turns a ``Record`` into rows, one tuple per item, in the column
order of ``COLUMNS``; ``rebuild`` turns those rows (as mappings, ordered by
``seq``) back into the same ``Record``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..record import (
    Change, Claim, Entity, Event, Mention, Quantity, Quote, Record, Role, Span, Time,
)

Row = tuple[Any, ...]

# The item tables in insertion order (parents first); "documents" is written apart.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("doc_id", "seq", "local_id", "key", "type", "name", "country"),
    "mentions": ("doc_id", "entity_seq", "seq", "start", "end", "kind"),
    "roles": ("doc_id", "entity_seq", "seq", "title", "of", "to", "start", "end"),
    "times": ("doc_id", "seq", "start", "end", "text", "type", "value"),
    "quantities": ("doc_id", "seq", "start", "end", "text", "value", "unit", "approx", "high"),
    "claims": (
        "doc_id", "seq", "local_id", "indicator", "value", "unit", "period", "kind",
        "has_change", "change_value", "change_unit", "change_direction", "change_basis",
        "qualifiers", "speaker", "evidence_start", "evidence_end", "approx",
        "span_start", "span_end",
    ),
    "claim_subjects": ("doc_id", "claim_seq", "seq", "key"),
    "events": (
        "doc_id", "seq", "local_id", "type", "cameo", "date", "place",
        "evidence_start", "evidence_end", "trigger",
    ),
    "event_participants": ("doc_id", "event_seq", "role", "seq", "entity_local_id"),
    "event_topics": ("doc_id", "event_seq", "seq", "topic"),
    "quotes": ("doc_id", "seq", "speaker", "start", "end", "cue", "direct"),
}
DOCUMENT_COLUMNS = ("id", "date", "title", "source", "url", "lang", "schema", "text", "ingested_at")

# The order to read each table back in.
ORDER: dict[str, str] = {
    "entities": "seq",
    "mentions": "entity_seq, seq",
    "roles": "entity_seq, seq",
    "times": "seq",
    "quantities": "seq",
    "claims": "seq",
    "claim_subjects": "claim_seq, seq",
    "events": "seq",
    "event_participants": "event_seq, role, seq",
    "event_topics": "event_seq, seq",
    "quotes": "seq",
}


def _ends(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span[0], span[1])


def _span(start: Any, end: Any) -> Span | None:
    return None if start is None else (int(start), int(end))


def document_row(record: Record, ingested_at: str) -> Row:
    """The ``documents`` row of a record."""
    r = record
    return (r.id, r.date, r.title, r.source, r.url, r.lang, r.schema, r.text, ingested_at)


def flatten(record: Record) -> dict[str, list[Row]]:
    """Every item row of a record, by table (``documents`` excluded)."""
    rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
    doc = record.id
    for seq, entity in enumerate(record.entities):
        _flatten_entity(rows, doc, seq, entity)
    rows["times"] = [(doc, i, *t.span, t.text, t.type, t.value) for i, t in enumerate(record.times)]
    rows["quantities"] = [
        (doc, i, *q.span, q.text, q.value, q.unit, int(q.approx), q.high)
        for i, q in enumerate(record.quantities)
    ]
    for seq, claim in enumerate(record.claims):
        rows["claims"].append(_claim_row(doc, seq, claim))
        rows["claim_subjects"] += [(doc, seq, i, key) for i, key in enumerate(claim.subject)]
    for seq, event in enumerate(record.events):
        _flatten_event(rows, doc, seq, event)
    rows["quotes"] = [
        (doc, i, q.speaker, *q.span, q.cue, int(q.direct)) for i, q in enumerate(record.quotes)
    ]
    return rows


def _flatten_entity(rows: dict[str, list[Row]], doc: str, seq: int, e: Entity) -> None:
    rows["entities"].append((doc, seq, e.id, e.key, e.type, e.name, e.country))
    rows["mentions"] += [(doc, seq, i, *m.span, m.kind) for i, m in enumerate(e.mentions)]
    rows["roles"] += [
        (doc, seq, i, r.title, r.of, r.to, *_ends(r.span)) for i, r in enumerate(e.roles)
    ]


def _claim_row(doc: str, seq: int, c: Claim) -> Row:
    ch = c.change or Change(value=None, unit=None, direction=None)
    return (
        doc, seq, c.id, c.indicator, c.value, c.unit, c.period, c.kind,
        int(c.change is not None), ch.value, ch.unit, ch.direction, ch.basis,
        json.dumps(list(c.qualifiers), ensure_ascii=False), c.speaker,
        *_ends(c.evidence), int(c.approx), *_ends(c.span),
    )


def _flatten_event(rows: dict[str, list[Row]], doc: str, seq: int, v: Event) -> None:
    rows["events"].append(
        (doc, seq, v.id, v.type, v.cameo, v.date, v.place, *_ends(v.evidence), v.trigger)
    )
    rows["event_participants"] += [(doc, seq, "actor", i, x) for i, x in enumerate(v.actors)]
    rows["event_participants"] += [(doc, seq, "target", i, x) for i, x in enumerate(v.targets)]
    rows["event_topics"] += [(doc, seq, i, t) for i, t in enumerate(v.topics)]


# --- rows back to a record ---------------------------------------------------

Tables = Mapping[str, Iterable[Mapping[str, Any]]]


def _group(rows: Iterable[Mapping[str, Any]], column: str) -> dict[int, list[Mapping[str, Any]]]:
    out: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row[column]].append(row)
    return out


def rebuild(document: Mapping[str, Any], tables: Tables) -> Record:
    """The record from its ``documents`` row and its item rows (each ordered as ``ORDER``)."""
    d = document
    return Record(
        id=d["id"], text=d["text"], date=d["date"], title=d["title"], source=d["source"],
        url=d["url"], lang=d["lang"], schema=d["schema"],
        entities=entities_from(tables["entities"], tables["mentions"], tables["roles"]),
        times=tuple(time_from(r) for r in tables["times"]),
        quantities=tuple(quantity_from(r) for r in tables["quantities"]),
        claims=claims_from(tables["claims"], tables["claim_subjects"]),
        events=events_from(tables["events"], tables["event_participants"], tables["event_topics"]),
        quotes=tuple(quote_from(r) for r in tables["quotes"]),
    )


def entities_from(entities: Iterable[Mapping], mentions: Iterable[Mapping],
                  roles: Iterable[Mapping]) -> tuple[Entity, ...]:
    by_mention, by_role = _group(mentions, "entity_seq"), _group(roles, "entity_seq")
    return tuple(
        Entity(
            id=e["local_id"], key=e["key"], type=e["type"], name=e["name"], country=e["country"],
            roles=tuple(role_from(r) for r in by_role.get(e["seq"], ())),
            mentions=tuple(
                Mention(span=(m["start"], m["end"]), kind=m["kind"])
                for m in by_mention.get(e["seq"], ())
            ),
        )
        for e in entities
    )


def role_from(r: Mapping[str, Any]) -> Role:
    return Role(title=r["title"], of=r["of"], to=r["to"], span=_span(r["start"], r["end"]))


def time_from(r: Mapping[str, Any]) -> Time:
    return Time(span=(r["start"], r["end"]), text=r["text"], type=r["type"], value=r["value"])


def quantity_from(r: Mapping[str, Any]) -> Quantity:
    return Quantity(
        span=(r["start"], r["end"]), text=r["text"], value=r["value"], unit=r["unit"],
        approx=bool(r["approx"]), high=r["high"],
    )


def claim_from(r: Mapping[str, Any], subject: tuple[str, ...]) -> Claim:
    change = None
    if r["has_change"]:
        change = Change(value=r["change_value"], unit=r["change_unit"],
                        direction=r["change_direction"], basis=r["change_basis"])
    return Claim(
        id=r["local_id"], indicator=r["indicator"], subject=subject, value=r["value"],
        unit=r["unit"], period=r["period"], kind=r["kind"], change=change,
        qualifiers=tuple(json.loads(r["qualifiers"])), speaker=r["speaker"],
        evidence=_span(r["evidence_start"], r["evidence_end"]), approx=bool(r["approx"]),
        span=_span(r["span_start"], r["span_end"]),
    )


def claims_from(claims: Iterable[Mapping], subjects: Iterable[Mapping]) -> tuple[Claim, ...]:
    by_claim = _group(subjects, "claim_seq")
    return tuple(
        claim_from(c, tuple(s["key"] for s in by_claim.get(c["seq"], ()))) for c in claims
    )


def event_from(r: Mapping[str, Any], participants: Iterable[Mapping],
               topics: Iterable[Mapping]) -> Event:
    people = list(participants)
    return Event(
        id=r["local_id"], type=r["type"], cameo=r["cameo"],
        actors=tuple(p["entity_local_id"] for p in people if p["role"] == "actor"),
        targets=tuple(p["entity_local_id"] for p in people if p["role"] == "target"),
        date=r["date"], place=r["place"], topics=tuple(t["topic"] for t in topics),
        evidence=_span(r["evidence_start"], r["evidence_end"]), trigger=r["trigger"],
    )


def events_from(events: Iterable[Mapping], participants: Iterable[Mapping],
                topics: Iterable[Mapping]) -> tuple[Event, ...]:
    by_people, by_topic = _group(participants, "event_seq"), _group(topics, "event_seq")
    return tuple(
        event_from(v, by_people.get(v["seq"], ()), by_topic.get(v["seq"], ())) for v in events
    )


def quote_from(r: Mapping[str, Any]) -> Quote:
    return Quote(speaker=r["speaker"], span=(r["start"], r["end"]), cue=r["cue"],
                 direct=bool(r["direct"]))
