"""The PostgreSQL store's own parts: SQL translation, migrations, locking, NUL characters,
and the same answers as SQLite from the same records."""

from __future__ import annotations

import io
import sys

import pytest

from newsgraph.errors import StoreError
from newsgraph.record import Record
from newsgraph.store import Store, export
from newsgraph.store.migrations import from_folder
from newsgraph.store.postgres_sql import translate
from store_records import realistic, synthetic

from conftest_store import Locations, need_postgres, with_schema


def test_translation():
    sql = translate("SELECT max(1, x), max(y) FROM t WHERE a LIKE ? AND b = '5%' ORDER BY d DESC, e "
                    "LIMIT ?")
    assert sql == ("SELECT greatest(1, x), max(y) FROM t WHERE a ILIKE %s AND b = '5%%' "
                   "ORDER BY d DESC NULLS LAST, e NULLS FIRST LIMIT %s")
    nested = translate("SELECT (SELECT f(k) FROM (SELECT k FROM s ORDER BY s.seq)) AS v FROM t")
    assert nested == ("SELECT (SELECT f(k) FROM (SELECT k FROM s ORDER BY s.seq NULLS FIRST) "
                      "AS _sub1) AS v FROM t")


@pytest.fixture(scope="module")
def pg(tmp_path_factory):
    need_postgres()
    places = Locations("postgres", tmp_path_factory.mktemp("pg"))
    yield places
    places.cleanup()


def raw_connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def test_empty_schema_is_migrated_once(pg):
    url = pg.new()
    with Store.open(url) as store:
        assert store.stats().schema_version == 3 and store.integrity_check() == []
    with Store.open(url) as store, raw_connect(url) as conn:
        rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == [1, 2, 3] and rows[0][1] == "0001_initial.sql"


def test_migrations_apply_in_order_and_fail_atomically(pg, tmp_path):
    from newsgraph.store import postgres_schema

    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x INTEGER);\n")
    (folder / "0002_b.sql").write_text("CREATE TABLE b (x INTEGER);\nINSERT INTO b VALUES (1);\n")
    with raw_connect(pg.new()) as conn:
        assert postgres_schema.migrate(conn, from_folder(folder)) == [1, 2]
        (folder / "0003_bad.sql").write_text("CREATE TABLE c (x INTEGER);\nTHIS IS NOT SQL;\n")
        with pytest.raises(StoreError, match="0003_bad.sql"):
            postgres_schema.migrate(conn, from_folder(folder))
        assert postgres_schema.version(conn) == 2
        assert conn.execute("SELECT to_regclass('c')").fetchone()[0] is None


def test_newer_store_and_unmigrated_readonly_are_refused(pg):
    url = pg.new()
    with pytest.raises(StoreError, match="older"):
        Store.open(url, readonly=True)
    Store.open(url).close()
    with raw_connect(url) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'future.sql')")
    with pytest.raises(StoreError, match="newer"):
        Store.open(url)


def test_readonly_and_password_never_shown(pg):
    url = pg.new()
    Store.open(url).close()
    with Store.open(url, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add([synthetic(1)])
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://user:s3cret@127.0.0.1:1/none", timeout=1)
    assert "s3cret" not in caught.value.line() and "***" in caught.value.line()


def test_locked_writer_gets_a_clear_error(pg):
    from newsgraph.store.postgres import WRITE_LOCK

    url = pg.new()
    Store.open(url).close()
    with raw_connect(url) as holder:
        holder.execute("BEGIN")
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        with Store.open(url, timeout=0.2) as store:
            with pytest.raises(StoreError, match="locked by another writer"):
                store.add([synthetic(1)])
            assert not store.has(synthetic(1).id)
        holder.execute("ROLLBACK")


def test_nul_characters_round_trip(pg):
    record = Record(id="nul", text="a\x00b trade", title="t\x00")
    with Store.open(pg.new()) as store:
        store.add([record])
        assert store.document("nul") == record
        assert store.search("trade")[0].snippet == "a\x00b trade"


def _answers(store) -> dict:
    out = io.StringIO()
    for table in ("entities", "claims", "events", "quotes", "times", "quantities"):
        export(store, "csv", out, table=table)
    return {
        "stats": store.stats(), "export": out.getvalue(),
        "entities": store.entities(limit=100), "entity": store.entity("person:zhang-xiao"),
        "claims": store.claims(limit=1000), "events": store.events(limit=1000),
        "browse": store.search(None, limit=100),
        "search": sorted(h.id for h in store.search("trade", limit=100)),
        "documents": [store.document(i) for i in store.document_ids()],
    }


def test_same_answers_as_sqlite(pg, tmp_path):
    records = [realistic(), *map(synthetic, range(30)), Record(id="bare", text="Trade.")]
    answers = []
    for target in (str(tmp_path / "same.db"), pg.new()):
        with Store.open(target) as store:
            store.add(records)
            answers.append(_answers(store))
    sqlite, postgres = answers
    for name in sqlite:
        assert sqlite[name] == postgres[name], name


def test_cli_with_a_postgres_url(pg, seed_path, capsys):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    url = pg.new()
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(seed_path), "--db", url])
    assert result.exit_code == 0, result.output
    found = runner.invoke(app, ["search", "trade", "--db", url, "--json"])
    assert found.exit_code == 0 and "000_e63359579d5b3a1c" not in found.output.split("\n")[0][:0]
    assert len(found.output.strip().splitlines()) == 1


def test_schema_in_url(pg):
    assert with_schema("postgresql://h/db", "s") == "postgresql://h/db?options=-csearch_path%3Ds"
    assert sys.modules["newsgraph.store.postgres"].redact("postgresql://u:p@h:5/d") == (
        "postgresql://u:***@h:5/d")
