"""Scaling: the same documents ingested with 1 and with 2 Dask workers; docs/s, words/s, speed-up.

    python benchmarks/scaling.py [PATH ...] [--docs N] [--workers 1 2] [--json]

Default corpus: the press releases in ../shared/data/press-releases/putin.csv. Each
run starts a local cluster (processes, one thread each), loads the pipeline on every
worker before the clock starts, then times ``ingest_dask`` end to end (extraction on
the workers, Parquet, loading into a fresh SQLite store in input order). The goal on
a 2-core machine: 2 workers at least 1.7 times one (85% efficiency).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "press-releases" / "putin.csv"


def load_articles(paths: list[str], limit: int) -> list:
    from newsgraph.ingest import read
    from newsgraph.record import Article

    articles = [a for a in read(paths) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def time_workers(articles: list, workers: int, partition_size: int) -> float:
    from newsgraph.scale import dask_client, ingest_dask, prepare_workers

    with dask_client(workers=workers) as client, tempfile.TemporaryDirectory() as folder:
        prepare_workers(client)
        started = time.perf_counter()
        summary = ingest_dask(articles, str(Path(folder) / "s.db"), client=client,
                              partition_size=partition_size, staging=folder)
        seconds = time.perf_counter() - started
    assert summary.stored == len(articles), summary
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--docs", type=int, default=200, help="documents to use (0: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    articles = load_articles(args.paths, args.docs)
    n_words = sum(len(a.text.split()) for a in articles)
    runs = {}
    for workers in args.workers:
        seconds = time_workers(articles, workers, args.partition_size)
        runs[workers] = {"seconds": round(seconds, 2), "docs_per_s": len(articles) / seconds,
                         "words_per_s": n_words / seconds}
    base = runs[args.workers[0]]["seconds"]
    for workers, run in runs.items():
        run["speedup"] = base / run["seconds"]
        run["efficiency"] = run["speedup"] / (workers / args.workers[0])
    if args.json:
        print(json.dumps({"documents": len(articles), "words": n_words, "runs": runs}, indent=2))
        return 0
    print(f"corpus: {len(articles)} documents, {n_words} words, "
          f"partitions of {args.partition_size}")
    print(f"{'workers':>8}{'seconds':>10}{'docs/s':>10}{'words/s':>10}{'speed-up':>10}{'efficiency':>12}")
    for workers, run in runs.items():
        print(f"{workers:>8}{run['seconds']:>10.1f}{run['docs_per_s']:>10.2f}"
              f"{run['words_per_s']:>10.0f}{run['speedup']:>10.2f}{run['efficiency']:>12.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
