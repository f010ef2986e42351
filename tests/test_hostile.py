"""Hostile content and requests: scripts, billion laughs, gzip bombs, paths, oversized API requests.

Already covered elsewhere (not repeated here): the gzip bomb stopping at the limit with bounded
memory, billion laughs and external entities in TimeML, malformed HTML (``test_ingest_errors.py``);
script-free text on fuzzed HTML (``test_fuzz_readers.py``); a declared oversized API body, XSS in
the web UI (``test_api.py``, the web tests). Here: all of them at once through the real CLI with
the rest of the batch stored, billion laughs in HTML, the export path policy, and what the HTTP
API shows of the server's files.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import newsgraph_command
from newsgraph.errors import InputError
from newsgraph.ingest import read
from newsgraph.record import Article, Entity, Mention, Record
from newsgraph.store import Store, export

HERE = Path(__file__).resolve().parent
SCRIPTED = "XYZZY-SCRIPTED"
GOOD = "Kazakhstan and China signed an agreement on transport in Astana on Monday, the ministry said."
LAUGHS = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
LAUGHS_HTML = (
    f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{LAUGHS}]><html><head><title>Laughs</title>'
    "</head><body><article><p>Trade between Kazakhstan and China rose by 34 percent last year, the minister "
    "said on Monday in Astana. &lol9;</p><p>The two delegations signed agreements on transport.</p></article>"
    "</body></html>"
)
SCRIPT_HTML = (
    f"<html><head><title>Talks <script>document.title='{SCRIPTED}'</script></title>"
    f"<script>var x = '{SCRIPTED}';</script><style>body {{ --x: '{SCRIPTED}' }}</style></head><body>"
    f"<article><h1>Talks in Astana</h1><p onclick=\"alert('{SCRIPTED}')\">Trade between Kazakhstan and China "
    f"rose by 34% to a record $24 billion in 2022, officials said.</p>"
    f"<script type='module'>import('{SCRIPTED}')</script><p>The sides agreed to meet again "
    f"<a href=\"javascript:alert('{SCRIPTED}')\">next year</a> in Beijing.</p>"
    f"<iframe src=\"javascript:'{SCRIPTED}'\"></iframe><object data='{SCRIPTED}.swf'></object>"
    f"<svg><script>{SCRIPTED}</script></svg></article></body></html>"
)


def newsgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = newsgraph_command()
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"} | {"NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


# --- content ---------------------------------------------------------------------------------------

@pytest.mark.slow
def test_hostile_folder_through_the_cli_stores_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-script.html").write_text(SCRIPT_HTML, encoding="utf-8")
    with gzip.open(folder / "c-bomb.txt.gz", "wb", compresslevel=9) as handle:
        for _ in range(40):
            handle.write(b" " * 1_000_000)
    shutil.copyfile(HERE / "fixtures" / "ingest" / "laughs_timeml.xml", folder / "d-laughs.tml")
    (folder / "e-laughs.html").write_text(LAUGHS_HTML, encoding="utf-8")
    (folder / "f-long.txt").write_text((GOOD + " ") * 300, encoding="utf-8")
    (folder / "g-nested.html").write_text("<html><body>" + "<div>" * 100_000 + GOOD + "</body></html>")
    (folder / "h-good.jsonl").write_text('{"text": "Russia and India traded oil worth $5 billion in 2023."}\n')
    db = tmp_path / "hostile.db"
    done = newsgraph("ingest", str(folder), "--db", str(db), "--max-chars", "20000", "--time-limit", "30", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    err = done.stderr
    assert f"{folder / 'c-bomb.txt.gz'}: file is over the 10 MB limit once decompressed (--max-bytes)" in err
    assert f"{folder / 'd-laughs.tml'}: malformed TimeML: the DOCTYPE declares entity 'lol'" in err
    assert f"{folder / 'f-long.txt'}: text is {len(((GOOD + ' ') * 300).strip()):,} characters, over the 20,000 limit (--max-chars)" in err
    assert f"{folder / 'g-nested.html'}: no article text found in HTML" in err
    assert "Traceback" not in err
    with Store.open(db, readonly=True) as store:
        records = [store.document(i) for i in store.document_ids()]
        assert store.integrity_check() == []
    texts = {r.text.split(" ")[0]: r for r in records}
    assert set(texts) == {"Kazakhstan", "Talks", "Trade", "Russia"}, sorted(texts)
    scripted = texts["Talks"]
    assert SCRIPTED not in scripted.text and SCRIPTED not in (scripted.title or "")
    assert "<" not in scripted.text and "$24 billion" in scripted.text
    laughs = texts["Trade"]
    assert len(laughs.text) < 1000 and "lollol" not in laughs.text  # the entity was never expanded


def test_billion_laughs_in_html_are_not_expanded(tmp_path):
    for suffix in (".html", ".xhtml", ".htm"):
        path = tmp_path / f"laughs{suffix}"
        path.write_text(LAUGHS_HTML, encoding="utf-8")
        tracemalloc.start()
        started = time.perf_counter()
        try:
            (item,) = list(read([str(path)]))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert time.perf_counter() - started < 10 and peak < 60_000_000
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert len(item.text) < 1000 and "lollol" not in item.text


# --- paths ------------------------------------------------------------------------------------------

NASTY = ["../../escape", "/etc/passwd", "..\\..\\win", "a/../../b", "\x00nul", "con", "~root/.ssh/x"]


def _nasty_store(db: Path) -> None:
    records = [Record(id=name, text=f"{GOOD} ({i})", title=name, source=name, url=f"file://{name}",
                      entities=(Entity(id="e1", key=f"org:{name}", name=name, type="ORG",
                                       mentions=(Mention(span=(0, 10)),)),))
               for i, name in enumerate(NASTY)]
    with Store.open(db) as store:
        store.add(records)


def test_data_never_names_a_file(tmp_path):
    """Ids, titles, sources and keys full of path syntax end up in the export files, never in file names."""
    work = tmp_path / "work"
    (work / "out").mkdir(parents=True)
    _nasty_store(work / "store.db")
    before = {p for p in tmp_path.rglob("*")}
    with Store.open(work / "store.db", readonly=True) as store:
        export(store, "jsonl", work / "out" / "records.jsonl", table="records")
        for table in ("documents", "entities", "claims", "events", "quotes", "times", "quantities"):
            export(store, "csv", work / "out" / f"{table}.csv", table=table)
            export(store, "parquet", work / "out" / f"{table}.parquet", table=table)
    made = {p for p in tmp_path.rglob("*") if not p.name.startswith("store.db")} - before
    assert {p.parent for p in made} == {work / "out"} and len(made) == 15, sorted(made)
    assert "../../escape" in (work / "out" / "records.jsonl").read_text(encoding="utf-8")


def test_export_writes_where_the_user_asks_and_fails_clearly(tmp_path):
    db = tmp_path / "store.db"
    _nasty_store(db)
    (tmp_path / "sub").mkdir()
    done = newsgraph("export", "--db", str(db), "--out", "sub/../chosen.jsonl", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "chosen.jsonl").is_file(), done.stderr
    for out, fmt in ((tmp_path / "missing" / "x.jsonl", "jsonl"), (tmp_path / "missing" / "x.parquet", "parquet"),
                     (tmp_path / "sub", "csv")):
        failed = newsgraph("export", "--db", str(db), "--format", fmt, "--table", "documents", "--out", str(out),
                           cwd=tmp_path)
        assert failed.returncode == 2 and "Traceback" not in failed.stderr, failed.stderr
        assert failed.stderr.startswith(f"error: {out}: cannot write the export: "), failed.stderr


# --- HTTP requests ---------------------------------------------------------------------------------

@pytest.fixture
def api(tmp_path):
    pytest.importorskip("fastapi")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    from newsgraph.serve import create_app

    db = tmp_path / "secret-folder" / "api.db"
    db.parent.mkdir()
    _nasty_store(db)
    with TestClient(create_app(db, ingest_token="tok", max_body=100_000), raise_server_exceptions=False) as client:
        yield client, db


def error_shape(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    return body["error"]


AUTH = {"Authorization": "Bearer tok", "Content-Type": "application/json"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_oversized_and_malformed_requests_get_the_error_shape(api):
    client, _ = api

    def chunks():
        for _ in range(30):
            yield b"x" * 10_000

    streamed = client.post("/api/v1/documents", content=chunks(), headers=AUTH)  # no Content-Length
    assert streamed.request.headers.get("transfer-encoding") == "chunked"
    assert error_shape(streamed, 413)["code"] == "payload_too_large"
    deep = b'{"documents": ' + b"[" * 40_000 + b"]" * 40_000 + b"}"
    error_shape(client.post("/api/v1/documents", content=deep, headers=AUTH), 400)
    error_shape(client.get("/api/v1/documents", params={"q": "x" * 20_000}), 422)
    error_shape(client.get("/api/v1/entities/" + "k" * 5_000), 422)
    error_shape(client.get("/api/v1/dossier", params={"a": "a" * 5_000, "b": "b"}), 422)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_api_shows_no_file_path(api):
    client, db = api
    paths = ["/api/v1/health", "/api/v1/overview", "/api/v1/openapi.json", "/api/v1/documents",
             "/api/v1/documents/nope", "/api/v1/nope", "/api/v1/entities/org:nope", "/api/v1/dossier?a=x&b=y",
             "/static/%2e%2e/%2e%2e/api.py", "/static/..%2f..%2fapi.py", "/static/nope.js",
             "/api/v1/documents/..%2F..%2Fescape", "/api/v1/claims?limit=100000"]
    for path in paths:
        response = client.get(path)
        shown = response.text + " ".join(f"{k}: {v}" for k, v in response.headers.items())
        for secret in (str(db.parent), "secret-folder", "api.db", "site-packages", "/work/"):
            assert secret not in shown, f"{path} shows {secret!r}"
        assert response.status_code < 500, (path, response.text)
    assert "def create_app" not in client.get("/static/..%2fapi.py").text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_store_errors_do_not_show_the_store_path(api, monkeypatch):
    from newsgraph.errors import StoreError
    from newsgraph.serve import queries

    client, db = api

    def locked(store):
        raise StoreError("database is locked by another writer (waited 5 s)", where=str(db))

    monkeypatch.setattr(queries, "document_count", locked)
    response = client.get("/api/v1/health")
    error_shape(response, 503)
    assert "secret-folder" not in response.text and "api.db" not in response.text
