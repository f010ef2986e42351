"""Ingest while the HTTP API serves reads: a reader never sees a half-written document.

A real ``newsgraph serve`` (loopback, free port) and a real ``newsgraph ingest`` share one
SQLite file. While the ingest runs, the test polls the document list and fetches every new
document; each one it saw must equal, item for item, what the store holds once the ingest
has finished, and no request fails.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")

from conftest import span_problems  # noqa: E402
from newsgraph.record import record_from_dict  # noqa: E402
from newsgraph.store import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DOCS = 160

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX processes")]


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def poll(client: httpx.Client, seen: dict[str, dict], problems: list[str]) -> int:
    """Fetch every document not seen yet; the count the API reports now."""
    count = client.get("/api/v1/health").json()["documents"]
    offset = 0
    while True:
        response = client.get("/api/v1/documents", params={"limit": 100, "offset": offset})
        if response.status_code != 200:
            problems.append(f"list: {response.status_code} {response.text[:200]}")
            return count
        page = response.json()
        for hit in page["items"]:
            if hit["id"] not in seen:
                got = client.get(f"/api/v1/documents/{hit['id']}")
                if got.status_code != 200:
                    problems.append(f"{hit['id']}: {got.status_code} {got.text[:200]}")
                else:
                    seen[hit["id"]] = got.json()
        if page.get("next_offset") is None:
            return count
        offset = page["next_offset"]


def test_readers_never_see_a_half_written_document(tmp_path):
    kill, load_api = load("kill_ingest"), load("load_api")
    corpus = kill.make_corpus(tmp_path / "corpus.jsonl", DOCS, seed=21)
    db = tmp_path / "live.db"
    with Store.open(db):
        pass
    seen: dict[str, dict] = {}
    problems: list[str] = []
    counts: list[int] = []
    with load_api.serve(db) as base, httpx.Client(base_url=base, timeout=30) as client:
        ingest = kill.start(corpus, db, 4)
        seen_while_running = 0
        while ingest.poll() is None:
            counts.append(poll(client, seen, problems))
            seen_while_running = len(seen)
            time.sleep(0.05)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err[-2000:]
        counts.append(poll(client, seen, problems))
    assert problems == []
    assert counts == sorted(counts) and counts[-1] == DOCS, "the document count only grows"
    assert 0 < seen_while_running and len({c for c in counts if 0 < c < DOCS}) >= 2, \
        f"too few reads landed during the ingest: {counts}"
    with Store.open(db, readonly=True) as store:
        for doc_id, body in seen.items():
            record = record_from_dict(body)
            assert record == store.document(doc_id), f"{doc_id} was seen half-written"
            assert span_problems(record) == []
    assert len(seen) == DOCS


def test_concurrent_reads_all_succeed(tmp_path):
    import itertools
    import threading

    from newsgraph.record import Record

    load_api = load("load_api")
    db = tmp_path / "reads.db"
    with Store.open(db) as store:
        store.add([Record(id=f"r{i}", text=f"Trade between Kazakhstan and China rose in {2000 + i % 24}, report {i}.",
                          title=f"Report {i}") for i in range(300)])
    failures: list[str] = []
    with load_api.serve(db) as base:
        urls = [f"{base}/api/v1/documents?q={q}&limit={n}" for q in ("trade", "China", "report") for n in (10, 50)]

        def work() -> None:
            with httpx.Client(timeout=30) as client:
                for url in itertools.islice(itertools.cycle(urls), 250):
                    try:
                        response = client.get(url)
                        if response.status_code != 200:
                            failures.append(f"{response.status_code} {response.text[:200]}")
                    except httpx.HTTPError as exc:
                        failures.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
