"""A writer killed with SIGKILL at random moments leaves a consistent, complete store."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import Store
from store_records import synthetic

from conftest_store import backend, db, locations  # noqa: F401  (fixtures: one run per backend)

COUNT, BATCH, KILLS = 12000, 20, 5
HERE = Path(__file__).resolve().parent
SCRIPT = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import store_records; "
          "store_records.write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


def run_writer(db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(db), str(COUNT), str(BATCH)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def check_consistent(db: str, index: dict[str, int], rng: random.Random) -> int:
    """Integrity, whole batches only, every item of every stored document; the count."""
    with Store.open(db) as store:
        assert store.integrity_check() == []
        stored = sorted(index[i] for i in store.document_ids())
        assert stored == list(range(len(stored)))  # the writer goes in order...
        assert len(stored) % BATCH == 0  # ...and a batch is all or nothing
        n = len(stored)
        stats = store.stats()
        assert (stats.documents, stats.mentions, stats.claims) == (n, 2 * n, n)
        assert (stats.events, stats.quotes, stats.times, stats.quantities) == (n, n, n, n)
        sample = stored[-BATCH:] + rng.sample(stored, min(len(stored), 100))
        for i in sample:
            assert store.document(synthetic(i).id) == synthetic(i)
        return n


def test_killed_writer_leaves_a_consistent_store(db):
    rng = random.Random(20230901)
    index = {synthetic(i).id: i for i in range(COUNT)}
    counts = []
    for _ in range(KILLS):
        writer = run_writer(db)
        time.sleep(rng.uniform(0.4, 1.6))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        counts.append(check_consistent(db, index, rng))
    assert 0 < counts[-1] < COUNT, f"kills landed outside the writing: {counts}"
    writer = run_writer(db)
    _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err.decode()
    assert check_consistent(db, index, rng) == COUNT
    with Store.open(db) as store:
        again = store.add([synthetic(i) for i in range(0, COUNT, 97)])
        assert again.stored == () and len(again.duplicates) == len(range(0, COUNT, 97))
