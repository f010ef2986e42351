"""Two real ``newsgraph ingest`` processes on one SQLite file take turns, or one fails clearly.

Each batch is one short ``BEGIN IMMEDIATE`` transaction after its extraction, so two ingests
interleave their commits; a document both extracted is stored once (the other counts it as a
duplicate). A writer that holds the lock longer than the busy timeout makes an ingest stop with
one clear line and exit status 2, having stored nothing half-way.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import Store
from newsgraph.store.sqlite import BUSY_TIMEOUT_S

REPO = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"read (\d+) documents in [\d.]+s: stored (\d+), skipped (\d+) as duplicates, failed (\d+)")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX file locking")]


def harness():
    spec = importlib.util.spec_from_file_location("kill_ingest", REPO / "benchmarks" / "kill_ingest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kill_ingest", module)
    spec.loader.exec_module(module)
    return module


def summary(out: str) -> tuple[int, int, int, int]:
    found = SUMMARY.search(out)
    assert found, out
    return tuple(int(n) for n in found.groups())  # type: ignore[return-value]


def test_two_ingests_on_one_file_take_turns(tmp_path):
    kill = harness()
    docs = 160
    corpus = kill.make_corpus(tmp_path / "corpus.jsonl", docs, seed=11)
    db = tmp_path / "shared.db"
    first, second = kill.start(corpus, db, 4), kill.start(corpus, db, 4)  # both create the store too
    results = [p.communicate(timeout=300) for p in (first, second)]
    codes = [first.returncode, second.returncode]
    for code, (out, err) in zip(codes, results):
        assert code == 0 or (code == 2 and "database is locked by another writer" in err), (code, err[-2000:])
    done = [summary(out) for code, (out, _) in zip(codes, results) if code == 0]
    assert done, "at least one ingest finishes"
    with Store.open(db) as store:
        assert store.integrity_check() == []
        ids = list(store.document_ids())
    assert len(ids) == len(set(ids)) == docs
    if codes == [0, 0]:
        assert sum(s[1] for s in done) == docs  # every document stored by exactly one of them
        assert all(s[1] + s[2] == docs and s[3] == 0 for s in done)


def test_ingest_blocked_by_a_long_writer_fails_clearly_and_keeps_the_store(tmp_path):
    kill = harness()
    corpus = kill.make_corpus(tmp_path / "corpus.jsonl", 30, seed=12)
    db = tmp_path / "locked.db"
    with Store.open(db):
        pass  # the store exists, migrated
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock...
    try:
        started = time.perf_counter()
        blocked = kill.start(corpus, db, 8)
        out, err = blocked.communicate(timeout=120)
        waited = time.perf_counter() - started
    finally:
        holder.execute("ROLLBACK")  # ...and lets go only after the ingest gave up
        holder.close()
    assert blocked.returncode == 2, (out, err)
    assert f"database is locked by another writer (waited {BUSY_TIMEOUT_S:g} s); try again when it has finished" in err
    assert "Traceback" not in err and waited >= BUSY_TIMEOUT_S
    with Store.open(db) as store:
        assert store.integrity_check() == [] and store.stats().documents == 0
    rerun = kill.start(corpus, db, 8)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert summary(out)[1] == 30
