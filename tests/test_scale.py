"""Dask ingest: the same store as the single-process run, errors in their place, the CLI."""

from __future__ import annotations

from itertools import islice

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read
from newsgraph.ingesting import ingest_stream
from newsgraph.record import Article
from newsgraph.store import Store

from conftest import SHARED, need

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

DOCS = 24


@pytest.fixture(scope="module")
def client():
    from newsgraph.scale import dask_client

    with dask_client(workers=2) as c:
        yield c


def corpus(tmp_path):
    """Press releases with a bad row and a duplicate among them (a JSONL file, in order)."""
    source = need(SHARED / "data" / "press-releases" / "putin.csv")
    articles = [a for a in islice(read([str(source)]), DOCS) if isinstance(a, Article)]
    import json

    lines = [json.dumps({"text": a.text, "title": a.title, "date": a.date}) for a in articles]
    lines.insert(5, "{not json")
    lines.append(lines[3])
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


def stored(db: str) -> list:
    with Store.open(db, readonly=True) as store:
        return [store.document(i) for i in store.document_ids()]


def test_same_records_as_one_process(client, tmp_path, pipeline):
    from newsgraph.scale import ingest_dask

    paths = corpus(tmp_path)
    one = ingest_stream(read(paths), str(tmp_path / "one.db"), batch=8, pipeline=pipeline)
    many = ingest_dask(read(paths), str(tmp_path / "many.db"), client=client, batch=8,
                       partition_size=5, staging=str(tmp_path), in_flight=2)
    assert (many.read, many.stored, many.duplicates) == (one.read, one.stored, one.duplicates)
    assert many.failures == one.failures and len(one.failures) == 1
    assert "line 6" in one.failures[0]
    assert stored(str(tmp_path / "many.db")) == stored(str(tmp_path / "one.db"))
    assert list(tmp_path.glob("newsgraph-*")) == []  # the staging folder is cleaned up
    again = ingest_dask(read(paths), str(tmp_path / "many.db"), client=client)
    assert again.stored == 0 and again.duplicates == one.read


def test_partition_files(tmp_path, pipeline):
    from newsgraph.scale import extract_partition, read_partition

    articles = [Article(id="a", text="Trade rose 5% to $3 billion in 2022.", date="2023-01-02"),
                Article(id="b", text="The minister met the ambassador.")]
    path = str(tmp_path / "p.parquet")
    assert extract_partition(articles, path)["documents"] == 2
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.column_names == ["pos", "id", "date", "record", "error"]
    assert table.column("id").to_pylist() == ["a", "b"]
    assert read_partition(path) == list(pipeline.run(articles))


def test_cli_workers(tmp_path, seed_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    bad = tmp_path / "empty.txt"
    bad.write_text("")
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["ingest", str(seed_path), str(bad), "--db", db,
                                      "--workers", "1"])
    assert result.exit_code == 1, result.output  # the empty file failed, the rest was stored
    with Store.open(db, readonly=True) as store:
        assert store.stats().documents == 1
    assert isinstance(next(read([str(bad)])), InputError)
