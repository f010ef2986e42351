"""Exports: records as JSON Lines, item tables as CSV and Parquet, read back."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from newsgraph.errors import QueryError
from newsgraph.record import record_from_dict
from newsgraph.store import TABLE_NAMES, Store, export
from store_records import realistic, synthetic

from conftest_store import backend, locations  # noqa: F401  (fixtures: one run per backend)

REAL = realistic()
RECORDS = [REAL, *map(synthetic, range(12))]
ITEM_TABLES = [t for t in TABLE_NAMES if t != "records"]


@pytest.fixture(scope="module")
def store(locations):
    with Store.open(locations.new()) as s:
        s.add(RECORDS)
        yield s


def expected_rows(table: str) -> int:
    if table == "documents":
        return len(RECORDS)
    return sum(len(getattr(r, table)) for r in RECORDS)


def test_records_jsonl_round_trips(store, tmp_path):
    out = tmp_path / "records.jsonl"
    assert export(store, "jsonl", out) == len(RECORDS)
    lines = out.read_text("utf-8").splitlines()
    assert [record_from_dict(json.loads(line)) for line in lines] == RECORDS
    assert lines[0] == REAL.to_json()


def test_records_to_text_and_binary_streams(store):
    text, binary = io.StringIO(), io.BytesIO()
    assert export(store, "jsonl", text) == export(store, "jsonl", binary) == len(RECORDS)
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert not binary.closed


@pytest.mark.parametrize("table", ITEM_TABLES)
def test_csv(store, tmp_path, table):
    out = tmp_path / f"{table}.csv"
    assert export(store, "csv", out, table=table) == expected_rows(table)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == expected_rows(table) and rows[0]["doc_id" if table != "documents" else "id"]


@pytest.mark.parametrize("table", ITEM_TABLES)
def test_parquet(store, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    assert export(store, "parquet", out, table=table) == expected_rows(table)
    assert pq.read_table(out).num_rows == expected_rows(table)


@pytest.mark.parametrize("table", ITEM_TABLES)
def test_table_jsonl(store, table):
    out = io.StringIO()
    assert export(store, "jsonl", out, table=table) == expected_rows(table)
    assert all(isinstance(json.loads(line), dict) for line in out.getvalue().splitlines())


def test_claim_columns(store, tmp_path):
    export(store, "csv", tmp_path / "c.csv", table="claims")
    with open(tmp_path / "c.csv", newline="", encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    assert first["doc_id"] == REAL.id and first["indicator"] == "trade turnover"
    assert json.loads(first["subject"]) == ["country:CN", "country:KZ"]
    assert first["value"] == "24000000000" and first["change_value"] == "34"
    assert first["approx"] == "false" and json.loads(first["qualifiers"]) == ["record"]
    assert first["evidence_text"].startswith("Last year trade")
    table = pq.read_table(export_parquet(store, tmp_path, "claims")).to_pylist()
    assert table[0]["subject"] == ["country:CN", "country:KZ"] and table[0]["value"] == 24e9
    assert table[2]["speaker_name"] == "Zhang Xiao" and table[2]["approx"] is True


def export_parquet(store, tmp_path, table):
    path = tmp_path / f"{table}.parquet"
    export(store, "parquet", path, table=table)
    return path


def test_event_and_entity_columns(store, tmp_path):
    events = pq.read_table(export_parquet(store, tmp_path, "events")).to_pylist()
    assert events[0]["actor_names"] == ["Alikhan Smailov"] and events[0]["topics"] == [
        "trade", "investment"]
    assert events[0]["place_name"] == "Astana"
    entities = pq.read_table(export_parquet(store, tmp_path, "entities")).to_pylist()
    zhang = entities[1]
    assert zhang["mentions"] == 2
    assert json.loads(zhang["roles"])[0] == {"title": "Ambassador", "of": "CN", "to": "KZ"}
    quotes = pq.read_table(export_parquet(store, tmp_path, "quotes")).to_pylist()
    assert quotes[0]["text"].startswith('"We value') and quotes[0]["speaker_name"] == (
        "Alikhan Smailov")


def test_parquet_to_binary_stream_and_empty_store(store, tmp_path, locations):
    buf = io.BytesIO()
    assert export(store, "parquet", buf, table="times") == expected_rows("times")
    assert pq.read_table(io.BytesIO(buf.getvalue())).num_rows == expected_rows("times")
    with Store.open(locations.new()) as empty:
        assert export(empty, "parquet", tmp_path / "e.parquet", table="claims") == 0
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
        assert export(empty, "csv", tmp_path / "e.csv", table="claims") == 0


def test_bad_format_or_table(store, tmp_path):
    with pytest.raises(QueryError, match="jsonl, csv, parquet"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(QueryError, match="records, documents"):
        export(store, "csv", tmp_path / "x", table="nope")
    with pytest.raises(QueryError, match="jsonl only"):
        export(store, "csv", tmp_path / "x", table="records")
    with pytest.raises(QueryError, match="binary"):
        export(store, "parquet", io.StringIO(), table="claims")
