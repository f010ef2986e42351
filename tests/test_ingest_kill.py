"""The real ``newsgraph ingest``, killed with SIGKILL at random points, loses nothing committed.

The experiment lives in ``benchmarks/kill_ingest.py`` (50+ kills outside CI); here it runs with a
few kills on a small corpus. ``test_store_crash.py`` kills a bare store writer; this kills the CLI
with its readers, spaCy and progress bar.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from newsgraph.store import Store

REPO = Path(__file__).resolve().parents[1]
KILLS, DOCS, BATCH = 6, 240, 8

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


def harness():
    spec = importlib.util.spec_from_file_location("kill_ingest", REPO / "benchmarks" / "kill_ingest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kill_ingest", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_killed_ingest_loses_nothing_and_reruns_to_completion(tmp_path):
    lines: list[str] = []
    figures = harness().run(tmp_path, KILLS, DOCS, seed=7, batch=BATCH, say=lines.append)
    assert figures["kills"] == KILLS and figures["lost"] == 0 and figures["problems"] == 0, lines
    assert any(0 < n < DOCS for n in figures["stored_at_kill"]), f"no kill landed mid-ingest: {lines}"
    with Store.open(tmp_path / "kill.db") as store:
        assert store.integrity_check() == []
        ids = list(store.document_ids())
    assert len(ids) == len(set(ids)) == DOCS


def test_corpus_is_stable_and_distinct(tmp_path):
    kill = harness()
    first = kill.make_corpus(tmp_path / "a.jsonl", 50, seed=3).read_bytes()
    assert first == kill.make_corpus(tmp_path / "b.jsonl", 50, seed=3).read_bytes()
    from newsgraph.ingest import read

    assert len({a.id for a in read([str(tmp_path / "a.jsonl")])}) == 50
