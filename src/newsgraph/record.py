"""The document record, version 1 (``spec/record.md``): the one output contract.

Every item is a frozen dataclass. Offsets are ``(start, end)`` tuples into
``Record.text`` with ``text[start:end]`` equal to the mention. ``to_dict`` and
``from_dict`` convert to and from the JSON shape of the spec; the JSON Schema
that validates it ships as ``newsgraph/schema/record-v1.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_ID = "newsgraph/record-v1"

Span = tuple[int, int]

ENTITY_TYPES = ("PERSON", "COUNTRY", "ORG", "LOCATION", "FACILITY", "INITIATIVE", "OTHER")
MENTION_KINDS = ("name", "title", "pronoun", "demonym", "other")
CLAIM_KINDS = ("actual", "target", "plan", "forecast", "cumulative", "rank", "count")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")

_frozen = dataclass(frozen=True, slots=True, kw_only=True)


@_frozen
class Article:
    """A document as a reader yields it, before extraction."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str = "en"
    origin: str | None = None  # where it was read from: "file.csv:12", for messages


def document_id(text: str, date: str | None) -> str:
    """A stable id: the same text and date always give the same id."""
    digest = hashlib.sha256(f"{date or ''}\n{text}".encode("utf-8")).hexdigest()
    return digest[:16]


@_frozen
class Mention:
    span: Span
    kind: str = "name"


@_frozen
class Role:
    title: str
    of: str | None = None
    to: str | None = None
    span: Span | None = None


@_frozen
class Entity:
    id: str
    key: str
    type: str
    name: str
    country: str | None = None
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()


@_frozen
class Time:
    span: Span
    text: str
    type: str
    value: str | None


@_frozen
class Quantity:
    span: Span
    text: str
    value: float
    unit: str | None
    approx: bool = False
    high: float | None = None  # upper bound of a range ("10-12 billion")


@_frozen
class Change:
    value: float | None
    unit: str | None
    direction: str | None  # up | down | flat
    basis: str | None = None  # "previous period", "year-on-year", "from 10 billion" ...


@_frozen
class Claim:
    id: str
    indicator: str
    subject: tuple[str, ...]
    value: float
    unit: str | None
    period: str | None
    kind: str
    change: Change | None = None
    qualifiers: tuple[str, ...] = ()
    speaker: str | None = None
    evidence: Span | None = None
    approx: bool = False
    span: Span | None = None  # the quantity that states the figure


@_frozen
class Event:
    id: str
    type: str
    cameo: str | None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None
    topics: tuple[str, ...] = ()
    evidence: Span | None = None
    trigger: str | None = None  # the word that names the event ("met", "talks")


@_frozen
class Quote:
    speaker: str | None
    span: Span
    cue: str | None
    direct: bool


@_frozen
class Record:
    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "en"
    entities: tuple[Entity, ...] = ()
    times: tuple[Time, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    schema: str = field(default=SCHEMA_ID)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def spans(self) -> list[tuple[Span, str | None]]:
        """Every span in the record with the text it claims to cover (if any)."""
        out: list[tuple[Span, str | None]] = []
        for entity in self.entities:
            out += [(m.span, None) for m in entity.mentions]
            out += [(r.span, None) for r in entity.roles if r.span]
        out += [(t.span, t.text) for t in self.times]
        out += [(q.span, q.text) for q in self.quantities]
        out += [(c.evidence, None) for c in self.claims if c.evidence]
        out += [(c.span, None) for c in self.claims if c.span]
        out += [(e.evidence, None) for e in self.events if e.evidence]
        out += [(q.span, None) for q in self.quotes]
        return out


# --- JSON (de)serialization -------------------------------------------------

_ORDER = ("schema", "id", "date", "title", "source", "url", "lang", "text")


def to_dict(item: Any) -> Any:
    """Plain JSON-ready data: dataclasses become dicts, tuples become lists."""
    if dataclasses.is_dataclass(item):
        data = {f.name: to_dict(getattr(item, f.name)) for f in dataclasses.fields(item)}
        if isinstance(item, Record):
            head = {k: data.pop(k) for k in _ORDER}
            data = head | data
        return data
    if isinstance(item, (tuple, list)):
        return [to_dict(x) for x in item]
    if isinstance(item, float) and item.is_integer() and abs(item) < 2**53:
        return int(item)
    return item


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _build(cls: type, data: dict[str, Any], **convert: Any) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    for name, fn in convert.items():
        if name in kwargs:
            kwargs[name] = fn(kwargs[name])
    return cls(**kwargs)


def _tuple_of(fn: Any) -> Any:
    return lambda values: tuple(fn(v) for v in values or ())


def record_from_dict(data: dict[str, Any]) -> Record:
    """The inverse of ``Record.to_dict`` (unknown fields are ignored)."""
    role = lambda d: _build(Role, d, span=_span)  # noqa: E731
    mention = lambda d: _build(Mention, d, span=_span)  # noqa: E731
    entity = lambda d: _build(  # noqa: E731
        Entity, d, roles=_tuple_of(role), mentions=_tuple_of(mention)
    )
    change = lambda d: None if d is None else _build(Change, d)  # noqa: E731
    claim = lambda d: _build(  # noqa: E731
        Claim, d, subject=tuple, qualifiers=tuple, change=change,
        evidence=_span, span=_span,
    )
    event = lambda d: _build(  # noqa: E731
        Event, d, actors=tuple, targets=tuple, topics=tuple, evidence=_span
    )
    return _build(
        Record, data,
        entities=_tuple_of(entity),
        times=_tuple_of(lambda d: _build(Time, d, span=_span)),
        quantities=_tuple_of(lambda d: _build(Quantity, d, span=_span)),
        claims=_tuple_of(claim),
        events=_tuple_of(event),
        quotes=_tuple_of(lambda d: _build(Quote, d, span=_span)),
    )


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of the record, as shipped in the package."""
    text = resources.files("newsgraph.schema").joinpath("record-v1.json").read_text("utf-8")
    return json.loads(text)
