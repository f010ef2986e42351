"""Memory while streaming: peak RSS of ingesting the whole Reuters corpus vs a tenth of it.

    python benchmarks/memory.py [--fractions 0.1 1] [--no-zone] [--json]

Each fraction runs in its own subprocess (a fresh interpreter, a fresh SQLite
store in a temporary folder) that ingests the first fraction of the documents of
../shared/data/reuters21578/*.sgm with ``ingest_stream`` and reports its peak RSS
(``ru_maxrss``), the size of spaCy's string store at the end and the time taken.
The goal: the whole corpus within 20% of a tenth of it. ``--no-zone`` turns off
the pipeline's ``memory_zone`` to show what it saves. The whole corpus takes a
while on two cores (tens of minutes): CI never runs it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "reuters21578"
TOTAL = 21_578  # REUTERS elements in the corpus (documents with and without a body)


def _files() -> list[str]:
    return sorted(str(p) for p in CORPUS.glob("*.sgm"))


def child(count: int, zone: bool) -> dict:
    """Ingest the first ``count`` documents into a temporary store; figures as a dict."""
    from newsgraph import pipeline as pipeline_module
    from newsgraph.ingest import read
    from newsgraph.ingesting import ingest_stream
    from newsgraph.pipeline import Pipeline

    if not zone:
        pipeline_module._memory_zone = lambda nlp: nullcontext()  # type: ignore[assignment]
    pipe = Pipeline()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        summary = ingest_stream(islice(read(_files()), count), str(Path(folder) / "m.db"),
                                pipeline=pipe)
    return {
        "documents": count, "stored": summary.stored, "failed": summary.failed,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "strings": len(pipe.nlp.vocab.strings), "zone": zone,
    }


def run(fraction: float, zone: bool) -> dict:
    count = max(1, round(TOTAL * fraction))
    command = [sys.executable, __file__, "--child", str(count)] + ([] if zone else ["--no-zone"])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {"fraction": fraction, **json.loads(out.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--no-zone", action="store_true", help="run without spaCy's memory_zone")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child, zone=not args.no_zone)))
        return 0
    if not CORPUS.exists():
        print(f"{CORPUS} is absent (the shared data lives beside the repository)", file=sys.stderr)
        return 2
    runs = []
    for fraction in args.fractions:
        runs.append(r := run(fraction, zone=not args.no_zone))
        if not args.json:  # each line as soon as its run is over: the whole corpus takes long
            print(f"{r['fraction']:>5.0%} {r['documents']:>6} docs: peak RSS {r['peak_rss_mb']:7.1f} MB, "
                  f"{r['strings']:>7} strings, {r['seconds']:7.1f} s, {r['stored']} stored, "
                  f"{r['failed']} failed (zone: {r['zone']})", flush=True)
    ratio = runs[-1]["peak_rss_mb"] / runs[0]["peak_rss_mb"]
    if args.json:
        print(json.dumps({"runs": runs, "ratio": ratio}, indent=2))
        return 0
    print(f"peak RSS ratio, {runs[-1]['fraction']:.0%} / {runs[0]['fraction']:.0%}: {ratio:.2f} "
          "(goal: <= 1.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
