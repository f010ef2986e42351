"""Ingest with Dask: per-document extraction mapped over partitions, records loaded in order.

The client reads the input and skips documents already stored (as ``ingest_stream``
does), cuts the rest into partitions and submits each to the cluster, where a worker
extracts it and writes a Parquet file (``partitions.py``). The client loads finished
partitions into the store in input order, a transaction per ``batch`` records, with a
bounded number of partitions in flight, so memory stays flat however long the input.
Input errors never leave the client; they are reported in their place.

The staging folder must be visible to the client and every worker: a local folder
for a local cluster, a shared file system for a real one.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import NewsgraphError
from ..ingesting import IngestSummary, _progress, _skip_stored
from ..pipeline import Item
from ..record import Article, Record
from .partitions import extract_partition, read_partition, warm_up

PARTITION = 64  # documents per partition


@dataclass(slots=True)
class _Partition:
    items: list[Item]
    future: Any = None
    path: str = ""
    articles: list[Article] = field(default_factory=list)


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client: of the cluster at ``scheduler``, else of a local cluster of ``workers``
    processes with one thread each."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def ingest_dask(items: Iterable[Item], db: str, *, client: Any, batch: int = 64,
                partition_size: int = PARTITION, staging: str | None = None,
                pipeline_options: dict[str, Any] | None = None,
                total_bytes: int | None = None, in_flight: int | None = None) -> IngestSummary:
    """Extract ``items`` on the cluster of ``client`` and store them at ``db``, in input order."""
    from ..store import Store

    options = tuple(sorted((pipeline_options or {}).items()))
    limit = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    summary = IngestSummary()
    started = time.perf_counter()
    with Store.open(db) as store, _progress(total_bytes) as progress, \
            tempfile.TemporaryDirectory(prefix="newsgraph-", dir=staging) as folder:
        task = progress.add_task("ingest", total=total_bytes, docs=0, rate=0.0)

        def tick(article: Article) -> None:
            summary.read += 1
            rate = summary.read / max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=len(article.text.encode()) if total_bytes else 1,
                            docs=summary.read, rate=rate)

        fresh = iter(_skip_stored(items, store, summary, tick))
        pending: deque[_Partition] = deque()
        number = 0
        while part := list(islice(fresh, partition_size)):
            pending.append(_submit(client, _Partition(items=part), folder, number, options))
            number += 1
            while len(pending) > limit:
                _load(pending.popleft(), store, summary, batch)
        while pending:
            _load(pending.popleft(), store, summary, batch)
    summary.seconds = time.perf_counter() - started
    return summary


def _submit(client: Any, part: _Partition, folder: str, number: int,
            options: tuple[tuple[str, Any], ...]) -> _Partition:
    part.articles = [i for i in part.items if isinstance(i, Article)]
    if part.articles:
        part.path = os.path.join(folder, f"part-{number:06d}.parquet")
        part.future = client.submit(extract_partition, part.articles, part.path, options,
                                    pure=False, key=f"newsgraph-extract-{number}-{os.getpid()}")
    return part


def _outcomes(part: _Partition) -> Iterator[Record | str]:
    done: Iterator[Record | str] = iter(())
    if part.future is not None:
        part.future.result()
        done = iter(read_partition(part.path))
        os.remove(part.path)
    for item in part.items:
        yield item.line() if isinstance(item, NewsgraphError) else next(done)


def _load(part: _Partition, store: Any, summary: IngestSummary, batch: int) -> None:
    outcomes = _outcomes(part)
    while chunk := list(islice(outcomes, batch)):
        records = [o for o in chunk if isinstance(o, Record)]
        summary.failures += [o for o in chunk if isinstance(o, str)]
        result = store.add(records)
        summary.stored += len(result.stored)
        summary.duplicates += len(result.duplicates)


def prepare_workers(client: Any, pipeline_options: dict[str, Any] | None = None) -> None:
    """Load the pipeline on every worker now (so that timing starts with warm workers)."""
    client.run(warm_up, tuple(sorted((pipeline_options or {}).items())))
