"""A fixed random sample of merged events from the press releases, for checking by hand.

    python benchmarks/merged_events_sample.py [--db FILE] [--n 30] [--seed 7] [--all] [--csv FILE]

The store (default ``/tmp/newsgraph-press.db``) is built first if it is missing, by
ingesting every file of ``../shared/data/press-releases``. Events that merge two or
more reports are sampled first (a single report cannot be merged wrongly; ``--all``
samples every event alike); when there are fewer than ``--n`` of them, all of them
are shown and single-report events fill the rest. Each event prints with every report: document date, title and the
sentence. ``--csv`` writes a sheet (id, signature, reports, correct, why) to fill in;
the judged sheet lives in ``benchmarks/merged_events_judged.csv``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRESS = ROOT.parent / "shared" / "data" / "press-releases"
JUDGED = Path(__file__).with_name("merged_events_judged.csv")


def build(db: Path) -> None:
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest import read
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store

    files = sorted(str(p) for p in PRESS.glob("*.csv"))
    with Store.open(db) as store:
        batch = []
        for record in Pipeline().run(read(files)):
            if not isinstance(record, NewsgraphError):
                batch.append(record)
            if len(batch) == 64:
                store.add(batch)
                batch = []
        store.add(batch)


def signature(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.type} {event.date} {' + '.join(event.participant_names)}"


def sample(db: Path, n: int, seed: int, everything: bool) -> tuple[list, int, int]:
    from newsgraph import resolve
    from newsgraph.store import Store

    with Store.open(db) as store:
        events = resolve.events(store)
    merged = [e for e in events if everything or len(e.reports) >= 2]
    rng = random.Random(seed)
    chosen = rng.sample(merged, min(n, len(merged)))
    if len(chosen) < n:  # fewer merges than asked for: every one, topped up with single reports
        single = [e for e in events if len(e.reports) == 1]
        chosen += rng.sample(single, min(n - len(chosen), len(single)))
    return chosen, len(events), len(merged)


def show(events: list) -> None:
    for number, event in enumerate(events, start=1):
        print(f"\n#{number} {event.id}  {signature(event)}  ({len(event.reports)} reports)")
        for r in event.reports:
            text = " ".join(r.evidence_text.split())
            print(f"   - {r.doc_date} [{r.doc_id} {r.event_id}] {r.title}\n       \u201c{text[:300]}\u201d")


def write_sheet(path: Path, events: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["event_id", "signature", "reports", "correct", "why"])
        for event in events:
            out.writerow([event.id, signature(event), len(event.reports), "", ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/newsgraph-press.db")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="sample single-report events too")
    parser.add_argument("--csv", default=None, help="write a sheet to judge")
    args = parser.parse_args(argv)
    db = Path(args.db)
    if not db.exists():
        if not PRESS.exists():
            print(f"{PRESS} is absent", file=sys.stderr)
            return 1
        build(db)
    chosen, total, merged = sample(db, args.n, args.seed, args.all)
    print(f"{total} merged events; {merged} of them from two or more reports; sample of {len(chosen)}")
    show(chosen)
    if args.csv:
        write_sheet(Path(args.csv), chosen)
    if JUDGED.exists():
        with open(JUDGED, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        right = sum(r["correct"] == "yes" for r in rows)
        print(f"\njudged sample ({JUDGED.name}): {right}/{len(rows)} correct = {right / max(1, len(rows)):.2f}")
        multi = [r for r in rows if int(r["reports"]) >= 2]
        right = sum(r["correct"] == "yes" for r in multi)
        print(f"  of the events merging two or more reports: {right}/{len(multi)} = {right / max(1, len(multi)):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
