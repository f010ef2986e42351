"""The record contract: dict/JSON round trip, stable document ids, the shipped JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.record import (
    CLAIM_KINDS, ENTITY_TYPES, MENTION_KINDS, SCHEMA_ID, TIME_TYPES, Article, Change, Claim,
    Entity, Event, Mention, Quantity, Quote, Record, Role, Time, document_id, json_schema,
    record_from_dict,
)
from store_records import realistic, synthetic


def round_trip(record: Record) -> Record:
    return record_from_dict(json.loads(record.to_json()))


# --- round trip ---------------------------------------------------------------------------

def test_realistic_record_round_trips():
    record = realistic()
    assert record_from_dict(record.to_dict()) == record
    assert round_trip(record) == record
    assert round_trip(record).to_json() == record.to_json()


def test_empty_record_round_trips():
    record = Record(id="x", text="")
    assert record_from_dict(record.to_dict()) == record
    assert record.to_dict()["schema"] == SCHEMA_ID


def test_dict_starts_with_the_document_fields():
    keys = list(realistic().to_dict())
    assert keys[:8] == ["schema", "id", "date", "title", "source", "url", "lang", "text"]
    assert keys[8:] == ["entities", "times", "quantities", "claims", "events", "quotes"]


def test_whole_floats_become_ints_and_others_stay():
    data = realistic().to_dict()
    assert data["claims"][0]["value"] == 24_000_000_000
    assert isinstance(data["claims"][0]["value"], int)
    assert data["quantities"][3]["value"] == 23.5e9
    assert isinstance(data["entities"][0]["roles"][0]["span"], list)


def test_unknown_fields_are_ignored():
    data = realistic().to_dict() | {"extra": 1}
    data["entities"][0]["future_field"] = "x"
    assert record_from_dict(data) == realistic()


def test_tuples_come_back_as_tuples():
    record = record_from_dict(realistic().to_dict())
    assert isinstance(record.entities, tuple) and isinstance(record.entities[0].mentions, tuple)
    assert isinstance(record.entities[0].mentions[0].span, tuple)
    assert isinstance(record.claims[0].subject, tuple) and isinstance(record.claims[0].evidence, tuple)
    hash(record)  # frozen all the way down: usable as a key


def test_records_are_frozen():
    record = realistic()
    with pytest.raises(AttributeError):
        record.id = "other"  # type: ignore[misc]


_text = st.text(max_size=20)
_opt_text = st.none() | _text
_span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
_number = st.floats(allow_nan=False, allow_infinity=False, width=64)
_ids = st.lists(_text, max_size=3).map(tuple)

_roles = st.builds(Role, title=_text, of=_opt_text, to=_opt_text, span=st.none() | _span)
_entities = st.builds(
    Entity, id=_text, key=_text, type=st.sampled_from(ENTITY_TYPES), name=_text, country=_opt_text,
    roles=st.lists(_roles, max_size=2).map(tuple),
    mentions=st.lists(st.builds(Mention, span=_span, kind=st.sampled_from(MENTION_KINDS)),
                      max_size=3).map(tuple),
)
_changes = st.none() | st.builds(Change, value=st.none() | _number, unit=_opt_text,
                                 direction=st.sampled_from([None, "up", "down", "flat"]),
                                 basis=_opt_text)
_claims = st.builds(
    Claim, id=_text, indicator=_text, subject=_ids, value=_number, unit=_opt_text,
    period=_opt_text, kind=st.sampled_from(CLAIM_KINDS), change=_changes, qualifiers=_ids,
    speaker=_opt_text, evidence=st.none() | _span, approx=st.booleans(), span=st.none() | _span,
)
_events = st.builds(
    Event, id=_text, type=_text, cameo=_opt_text, actors=_ids, targets=_ids, date=_opt_text,
    place=_opt_text, topics=_ids, evidence=st.none() | _span, trigger=_opt_text,
)
_records = st.builds(
    Record, id=_text, text=st.text(max_size=200), date=_opt_text, title=_opt_text,
    source=_opt_text, url=_opt_text, lang=_text,
    entities=st.lists(_entities, max_size=3).map(tuple),
    times=st.lists(st.builds(Time, span=_span, text=_text, type=st.sampled_from(TIME_TYPES),
                             value=_opt_text), max_size=3).map(tuple),
    quantities=st.lists(st.builds(Quantity, span=_span, text=_text, value=_number, unit=_opt_text,
                                  approx=st.booleans(), high=st.none() | _number),
                        max_size=3).map(tuple),
    claims=st.lists(_claims, max_size=3).map(tuple),
    events=st.lists(_events, max_size=3).map(tuple),
    quotes=st.lists(st.builds(Quote, speaker=_opt_text, span=_span, cue=_opt_text,
                              direct=st.booleans()), max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(_records)
def test_any_record_round_trips(record):
    assert record_from_dict(record.to_dict()) == record
    assert round_trip(record) == record


# --- document ids --------------------------------------------------------------------------

def test_document_id_is_stable():
    text = "Trade rose by 34% to $24 billion."
    assert document_id(text, "2023-09-01") == document_id(text, "2023-09-01")
    assert document_id(text, None) == document_id(text, None)
    assert len(document_id(text, None)) == 16


def test_document_id_depends_on_date_and_text():
    text = "Trade rose by 34% to $24 billion."
    ids = {document_id(text, "2023-09-01"), document_id(text, "2023-09-02"),
           document_id(text, None), document_id(text + " ", "2023-09-01")}
    assert len(ids) == 4


def test_known_document_id():
    # sha256("2023-09-01\nabc")[:16]: a change here breaks every stored id, so it must be deliberate
    import hashlib

    assert document_id("abc", "2023-09-01") == hashlib.sha256(b"2023-09-01\nabc").hexdigest()[:16]


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=50), st.dates().map(str), st.dates().map(str))
def test_document_id_separates_dates(text, date, other):
    first = document_id(text, date)
    assert first == document_id(text, date)
    assert len(first) == 16 and all(c in "0123456789abcdef" for c in first)
    assert (first == document_id(text, other)) == (date == other)


def test_article_defaults():
    article = Article(id="a", text="t")
    assert (article.title, article.date, article.lang, article.origin) == (None, None, "en", None)


# --- the JSON Schema ----------------------------------------------------------------------

def test_schema_is_valid_draft_2020_12():
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_is_cached_and_names_the_version():
    assert json_schema() is json_schema()
    assert json_schema()["properties"]["schema"] == {"const": SCHEMA_ID}


def test_schema_requires_every_top_level_field():
    assert set(json_schema()["required"]) == set(Record(id="x", text="").to_dict())


@pytest.mark.parametrize("record", [realistic(), synthetic(0), synthetic(7), Record(id="x", text="")],
                         ids=["realistic", "synthetic0", "synthetic7", "empty"])
def test_valid_records_pass_the_schema(record, check_record):
    check_record(record)


@pytest.mark.parametrize(("path", "value"), [
    (("schema",), "newsgraph/record-v2"),
    (("id",), ""),
    (("date",), "1 September 2023"),
    (("entities", 0, "type"), "PEOPLE"),
    (("entities", 0, "key"), "Person:Alikhan Smailov"),
    (("entities", 0, "id"), "P1"),
    (("entities", 0, "mentions", 0, "span"), [1]),
    (("entities", 0, "mentions", 0, "span"), [-1, 3]),
    (("claims", 0, "kind"), "guess"),
    (("claims", 0, "value"), "24 billion"),
    (("times", 0, "type"), "YEAR"),
])
def test_schema_rejects_broken_records(path, value, schema_validator):
    data = realistic().to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not schema_validator.is_valid(data)


def test_schema_rejects_a_missing_field(schema_validator):
    data = realistic().to_dict()
    del data["quotes"]
    assert not schema_validator.is_valid(data)
