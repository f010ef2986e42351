"""Kill ``newsgraph ingest`` with SIGKILL at random points, many times; nothing committed is lost.

    python benchmarks/kill_ingest.py --kills 50 --docs 400

Each round starts the real CLI on a synthetic JSON Lines corpus, waits until the
store holds a random number of further documents (plus a random few
milliseconds, so that kills land inside extraction and inside a transaction
too), and kills it. After every kill: the store's integrity check is empty,
every document stored before is still there, each stored document equals the
record the pipeline makes of it, and the item counts are exactly those of the
stored documents (no half documents, no duplicates). At the end a re-run
completes, every document is stored exactly once, and one more run stores
nothing. ``tests/test_ingest_kill.py`` runs the same with a few kills.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

COUNTRIES = ["Kazakhstan", "China", "Russia", "India", "Uzbekistan", "Turkey", "Germany", "Brazil", "Egypt", "Japan"]
VERBS = ["rose", "fell", "grew", "reached"]
TEMPLATES = [
    "{a} and {b} signed {n} agreements in {city} on {day} September.",
    "Trade between {a} and {b} {verb} by {pct}% to ${amount} billion in {year}.",
    "The minister of {a} met the ambassador of {b} on {day} September to discuss transport.",
    "Exports from {a} to {b} {verb} to {tonnes} tonnes last year, officials said.",
]
CITIES = ["Astana", "Beijing", "Moscow", "Delhi", "Tashkent"]


def make_corpus(path: Path, count: int, seed: int = 1) -> Path:
    """A JSON Lines corpus of ``count`` short, distinct news items."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            a, b = rng.sample(COUNTRIES, 2)
            values = dict(a=a, b=b, n=rng.randint(2, 40), city=rng.choice(CITIES), day=rng.randint(1, 28),
                          verb=rng.choice(VERBS), pct=rng.randint(1, 90), amount=rng.randint(1, 99),
                          year=rng.randint(2015, 2023), tonnes=rng.randint(1000, 90000))
            text = " ".join(t.format(**values) for t in rng.sample(TEMPLATES, 2)) + f" (Report {i}.)"
            row = {"id": f"k{i}", "title": f"{a} and {b}, report {i}", "date": f"2023-09-{1 + i % 28:02d}", "text": text}
            out.write(json.dumps(row) + "\n")
    return path


def newsgraph_command() -> list[str]:
    """The ``newsgraph`` console script of the Python running this, not whichever is first on PATH."""
    exe = Path(sys.executable).with_name("newsgraph")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsgraph"]


def expected_records(corpus: Path) -> dict:
    """What the pipeline makes of every document of ``corpus``, by id."""
    from newsgraph.ingest import read
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Record

    records = [o for o in Pipeline().run(read([str(corpus)])) if isinstance(o, Record)]
    return {r.id: r for r in records}


def stored_count(db: Path) -> int:
    """Documents committed now (0 while the store does not exist yet)."""
    try:
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def start(corpus: Path, db: Path, batch: int) -> subprocess.Popen:
    env = os.environ | {"NO_COLOR": "1", "NEWSGRAPH_DB": str(db)}
    return subprocess.Popen([*newsgraph_command(), "ingest", str(corpus), "--db", str(db), "--batch", str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def kill_at_random(corpus: Path, db: Path, total: int, rng: random.Random, batch: int) -> tuple[int, float]:
    """One round: run, wait for a random number of new documents and a few ms, SIGKILL; (target, seconds).

    One round in five kills at a random moment of the first seconds instead (start-up, schema
    creation, the first batches); its target is 0.
    """
    before = stored_count(db)
    early = rng.random() < 0.2
    target = 0 if early else before + rng.randint(1, max(1, (total - before) * 2 // 3))
    extra = rng.uniform(0.2, 4.0) if early else rng.uniform(0, 0.25)
    process = start(corpus, db, batch)
    started = time.perf_counter()
    while process.poll() is None and stored_count(db) < target:
        time.sleep(0.01)
    time.sleep(extra)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    return target, time.perf_counter() - started


@dataclass
class Check:
    """What one look at the store found."""

    stored: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def check_store(db: Path, expected: dict, committed: set[str]) -> Check:
    """Integrity, nothing committed lost, each document whole and as extracted, no extra items."""
    from newsgraph.store import Store

    found = Check()
    with Store.open(db) as store:
        found.problems += store.integrity_check()
        ids = list(store.document_ids())
        found.stored = set(ids)
        if len(ids) != len(found.stored):
            found.problems.append(f"{len(ids) - len(found.stored)} duplicate document ids")
        found.problems += [f"lost committed document {i}" for i in sorted(committed - found.stored)]
        found.problems += [f"unexpected document {i}" for i in sorted(found.stored - expected.keys())]
        found.problems += [f"document {i} differs from its record" for i in sorted(found.stored & expected.keys())
                           if store.document(i) != expected[i]]
        stats = store.stats()
    want = reference_stats(db.parent / f"{db.stem}.reference.db", [expected[i] for i in ids if i in expected])
    if (stats.documents, stats.mentions, stats.claims, stats.events, stats.quotes, stats.times,
            stats.quantities) != want:
        found.problems.append(f"item counts {stats} differ from those of the stored documents {want}")
    return found


def reference_stats(path: Path, records: list) -> tuple[int, ...]:
    """The counts a store holding exactly ``records`` has."""
    from newsgraph.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Store.open(path) as store:
        store.add(records)
        s = store.stats()
    return (s.documents, s.mentions, s.claims, s.events, s.quotes, s.times, s.quantities)


def finish(corpus: Path, db: Path, batch: int) -> tuple[int, str, str]:
    process = start(corpus, db, batch)
    out, err = process.communicate(timeout=900)
    return process.returncode, out, err


def run(workdir: Path, kills: int, docs: int, seed: int, batch: int, say=print) -> dict:
    """The whole experiment; returns its figures (raises AssertionError on a problem)."""
    corpus = make_corpus(workdir / "corpus.jsonl", docs, seed)
    db = workdir / "kill.db"
    expected = expected_records(corpus)
    assert len(expected) == docs, f"the pipeline failed on {docs - len(expected)} corpus documents"
    rng = random.Random(seed)
    committed: set[str] = set()
    figures = {"kills": 0, "lost": 0, "duplicates": 0, "problems": 0, "stored_at_kill": []}
    for round_ in range(kills):
        if len(committed) >= docs:
            say(f"round {round_}: everything stored already; starting over with a fresh store")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            committed = set()
        target, seconds = kill_at_random(corpus, db, docs, rng, batch)
        found = check_store(db, expected, committed)
        figures["kills"] += 1
        figures["lost"] += len(committed - found.stored)
        figures["problems"] += len(found.problems)
        figures["stored_at_kill"].append(len(found.stored))
        say(f"kill {round_ + 1}: after {seconds:.1f} s (target {target}), {len(found.stored)}/{docs} stored, "
            f"problems: {found.problems or 'none'}")
        assert not found.problems, found.problems
        committed = found.stored
    code, out, err = finish(corpus, db, batch)
    assert code == 0, f"the re-run failed ({code}): {err[-2000:]}"
    found = check_store(db, expected, committed)
    assert not found.problems and found.stored == set(expected), found.problems
    figures["rerun"] = out.strip().splitlines()[0] if out.strip() else ""
    code, out, _ = finish(corpus, db, batch)
    assert code == 0 and f"stored 0, skipped {docs} as duplicates" in out, out
    figures["duplicates"] = 0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--batch", type=int, default=8, help="documents per transaction (--batch of ingest)")
    parser.add_argument("--seed", type=int, default=20230901)
    parser.add_argument("--workdir", type=Path, default=None, help="where the corpus and store go (default: a temp dir)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kill_ingest_") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        figures = run(workdir, args.kills, args.docs, args.seed, args.batch)
    at = figures.pop("stored_at_kill")
    print(json.dumps(figures | {"docs": args.docs, "seconds": round(time.perf_counter() - started, 1),
                                "distinct_kill_points": len(set(at)), "min_stored_at_kill": min(at, default=0),
                                "max_stored_at_kill": max(at, default=0)}))


if __name__ == "__main__":
    main()
