"""The store on every backend: round trip, idempotence, atomicity, locking; SQLite's own
migrations, PRAGMAs and integrity checks (PostgreSQL's are in test_postgres.py)."""

from __future__ import annotations

import json
import sqlite3
import sys
import threading

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsgraph.errors import QueryError, StoreError
from newsgraph.record import (
    Change, Claim, Entity, Event, Mention, Quantity, Quote, Record, Role, Time,
)
from newsgraph.store import AddResult, Store, open_store
from newsgraph.store import migrations
from newsgraph.store.flatten import COLUMNS, DOCUMENT_COLUMNS
from store_records import realistic, synthetic

from conftest_store import backend, db, locations  # noqa: F401  (fixtures: one run per backend)

TABLE_COLUMNS = {
    "documents": tuple(c for c in DOCUMENT_COLUMNS if c != "ingested_at"),
    "entity_keys": ("key", "type", "name", "country"),
    **COLUMNS,
}


@pytest.fixture
def sqlite_db(tmp_path):
    return tmp_path / "news.db"


@pytest.fixture
def store(db):
    with Store.open(db) as s:
        yield s


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every table (ingested_at left out), for before/after comparisons."""
    quoted = lambda cols: ", ".join(f'"{c}"' for c in cols)  # noqa: E731
    with store.read():
        return {t: sorted((tuple(r) for r in store._rows(f"SELECT {quoted(cols)} FROM {t}")),
                          key=repr) for t, cols in TABLE_COLUMNS.items()}


# --- round trip ---------------------------------------------------------------------------

def test_round_trip_realistic(store):
    record = realistic()
    assert store.add([record]) == AddResult(stored=(record.id,), duplicates=())
    assert store.document(record.id) == record
    assert store.document(record.id).to_json() == record.to_json()


def test_round_trip_survives_reopen(db):
    record = realistic()
    with open_store(db) as s:
        s.add([record])
    with Store.open(db, readonly=True) as s:
        assert s.has(record.id)
        assert s.document(record.id) == record


def test_round_trip_record_from_json(store):
    from newsgraph.record import record_from_dict
    import json

    record = record_from_dict(json.loads(realistic().to_json()))  # ints where floats were
    store.add([record])
    assert store.document(record.id) == record


def test_unknown_document_is_query_error(store):
    assert not store.has("nope")
    with pytest.raises(QueryError, match="no document"):
        store.document("nope")


texts = st.text(max_size=12)
maybe = lambda s: st.none() | s  # noqa: E731
spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)
_frozen = dict(deadline=None, max_examples=60,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

entities_st = st.builds(
    Entity, id=texts, key=texts, type=texts, name=texts, country=maybe(texts),
    roles=st.lists(st.builds(Role, title=texts, of=maybe(texts), to=maybe(texts),
                             span=maybe(spans)), max_size=2).map(tuple),
    mentions=st.lists(st.builds(Mention, span=spans, kind=texts), max_size=3).map(tuple),
)
claims_st = st.builds(
    Claim, id=texts, indicator=texts, subject=st.lists(texts, max_size=3).map(tuple),
    value=numbers, unit=maybe(texts), period=maybe(texts), kind=texts,
    change=maybe(st.builds(Change, value=maybe(numbers), unit=maybe(texts),
                           direction=maybe(texts), basis=maybe(texts))),
    qualifiers=st.lists(texts, max_size=2).map(tuple), speaker=maybe(texts),
    evidence=maybe(spans), approx=st.booleans(), span=maybe(spans),
)
events_st = st.builds(
    Event, id=texts, type=texts, cameo=maybe(texts),
    actors=st.lists(texts, max_size=2).map(tuple), targets=st.lists(texts, max_size=2).map(tuple),
    date=maybe(texts), place=maybe(texts), topics=st.lists(texts, max_size=2).map(tuple),
    evidence=maybe(spans), trigger=maybe(texts),
)
records_st = st.builds(
    Record, id=st.text(min_size=1, max_size=8), text=st.text(max_size=40),
    date=maybe(texts), title=maybe(texts), source=maybe(texts), url=maybe(texts), lang=texts,
    entities=st.lists(entities_st, max_size=3).map(tuple),
    times=st.lists(st.builds(Time, span=spans, text=texts, type=texts, value=maybe(texts)),
                   max_size=2).map(tuple),
    quantities=st.lists(st.builds(Quantity, span=spans, text=texts, value=numbers,
                                  unit=maybe(texts), approx=st.booleans(), high=maybe(numbers)),
                        max_size=2).map(tuple),
    claims=st.lists(claims_st, max_size=2).map(tuple),
    events=st.lists(events_st, max_size=2).map(tuple),
    quotes=st.lists(st.builds(Quote, speaker=maybe(texts), span=spans, cue=maybe(texts),
                              direct=st.booleans()), max_size=2).map(tuple),
)


@settings(**_frozen)
@given(record=records_st)
def test_round_trip_generated(locations, record):
    if locations.backend == "postgres":  # PostgreSQL keeps NUL as U+FFFF, so U+FFFF reads back as NUL
        assume("\uffff" not in json.dumps(record.to_dict(), ensure_ascii=False))
    with Store.open(locations.new()) as s:
        s.add([record])
        assert s.document(record.id) == record
        assert s.integrity_check() == []


# --- idempotence and atomicity ------------------------------------------------------------------

def test_same_batch_twice_changes_nothing(store):
    batch = [realistic(), *map(synthetic, range(5))]
    first = store.add(batch)
    assert first.stored == tuple(r.id for r in batch) and first.duplicates == ()
    before = dump(store)
    second = store.add(batch)
    assert second.stored == () and second.duplicates == first.stored
    assert dump(store) == before


def test_duplicate_inside_one_batch(store):
    r = synthetic(1)
    result = store.add([r, synthetic(2), r])
    assert result.stored == (r.id, synthetic(2).id) and result.duplicates == (r.id,)


def test_entity_key_keeps_the_fullest_name(store):
    short = Entity(id="E1", key="person:x", type="PERSON", name="Smailov")
    full = Entity(id="E1", key="person:x", type="PERSON", name="Alikhan Smailov", country="KZ")
    store.add([Record(id="a", text="Smailov", entities=(short,)),
               Record(id="b", text="Alikhan Smailov", entities=(full,)),
               Record(id="c", text="Smailov", entities=(short,))])
    detail = store.entity("person:x")
    assert (detail.name, detail.country) == ("Alikhan Smailov", "KZ")
    assert store.document("a").entities[0].name == "Smailov"  # the record itself is kept as is


def test_failure_mid_batch_rolls_back_everything(store, monkeypatch):
    store.add([synthetic(100)])
    before = dump(store)
    backend_module = sys.modules[type(store)._insert.__module__]  # where flatten is called
    real = backend_module.flatten
    calls = []

    def failing(record):
        calls.append(record.id)
        if len(calls) == 3:
            raise RuntimeError("boom")
        return real(record)

    monkeypatch.setattr(backend_module, "flatten", failing)
    with pytest.raises(RuntimeError, match="boom"):
        store.add([synthetic(i) for i in range(5)])
    assert dump(store) == before
    monkeypatch.setattr(backend_module, "flatten", real)
    assert store.add([synthetic(i) for i in range(5)]).duplicates == ()


def test_bad_record_names_itself_and_rolls_back(store):
    bad = Record(id="bad", text="x", entities=(Entity(id="E1", key="k", type=None, name="n"),))
    with pytest.raises(StoreError) as caught:
        store.add([synthetic(1), bad, synthetic(2)])
    reason = caught.value.reason.lower().replace("-", " ")  # SQLite: NOT NULL; PostgreSQL: not-null
    assert caught.value.where == "bad" and "not null" in reason
    assert store.stats().documents == 0


# --- migrations ------------------------------------------------------------------------------

def test_v0_file_is_migrated(sqlite_db):
    db = sqlite_db
    sqlite3.connect(db).close()  # an empty (version 0) database file
    conn = sqlite3.connect(db)
    assert migrations.version(conn) == 0
    conn.close()
    with Store.open(db) as s:
        assert s.stats().schema_version == migrations.latest() >= 1
        assert s.integrity_check() == []


def test_up_to_date_store_is_a_no_op(sqlite_db):
    db = sqlite_db
    Store.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        changes = conn.total_changes
        assert migrations.migrate(conn) == []
        assert conn.total_changes == changes
    finally:
        conn.close()


def test_migrations_apply_in_order_and_fail_atomically(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x INTEGER);\n")
    (folder / "0002_b.sql").write_text(
        "CREATE TABLE b (x INTEGER);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
        "  INSERT INTO b VALUES (new.x);\nEND;\n")
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrations.migrate(conn, migrations.from_folder(folder)) == [1, 2]
    (folder / "0003_bad.sql").write_text("CREATE TABLE c (x);\nTHIS IS NOT SQL;\n")
    with pytest.raises(StoreError, match="0003_bad.sql"):
        migrations.migrate(conn, migrations.from_folder(folder))
    assert migrations.version(conn) == 2
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'c'").fetchone()[0] == 0
    conn.close()


def test_store_newer_than_code_is_refused(sqlite_db):
    db = sqlite_db
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.latest() + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)
    with pytest.raises(StoreError, match="newer"):
        Store.open(db, readonly=True)


def test_readonly_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.db", readonly=True)


def test_pragmas(sqlite_db):
    store = Store.open(sqlite_db)
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    store.close()


# --- read-only, locking, integrity ------------------------------------------------------------

def test_readonly(db):
    Store.open(db).close()
    with Store.open(db, readonly=True) as s:
        with pytest.raises(StoreError, match="read-only"):
            s.add([synthetic(1)])
        assert s.integrity_check() == []


def test_locked_writer_gets_a_clear_error(sqlite_db):
    db = sqlite_db
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(db, timeout=0.2) as s:
            with pytest.raises(StoreError, match="locked by another writer"):
                s.add([synthetic(1)])
            assert not s.has(synthetic(1).id)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_writers_take_turns(db):
    Store.open(db).close()
    errors = []

    def writer(first):
        try:
            with Store.open(db) as s:
                for i in range(first, first + 40, 4):
                    s.add([synthetic(j) for j in range(i, i + 4)])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(db) as s:
        assert s.stats().documents == 80
        assert s.integrity_check() == []


def test_integrity_check_reports_problems(sqlite_db):
    db = sqlite_db
    store = Store.open(db)
    store.add([synthetic(1)])
    assert store.integrity_check() == []
    conn = sqlite3.connect(db)  # foreign keys off on this connection
    conn.execute("INSERT INTO mentions VALUES ('ghost', 0, 0, 0, 1, 'name')")
    conn.commit()
    conn.close()
    problems = store.integrity_check()
    assert any(p.startswith("foreign key: mentions") for p in problems)


def test_fts_out_of_step_is_reported_and_repaired(sqlite_db):
    db = sqlite_db
    store = Store.open(db)
    store.add([synthetic(1)])
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER documents_fts_update")
    conn.execute("UPDATE documents SET text = 'something else entirely'")
    conn.commit()
    conn.close()
    assert any("full-text" in p for p in store.integrity_check())
    store.rebuild_search_index()
    assert store.integrity_check() == []
