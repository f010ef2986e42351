"""Ingest: read, extract and store a stream of documents, batch by batch.

Documents already in the store are skipped before extraction, so a re-run
after a killed ingest only does what is left. Each batch is one transaction:
a kill loses at most the batch in flight, never what was committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .errors import NewsgraphError
from .pipeline import Item, Pipeline
from .record import Article, Record


@dataclass(slots=True, kw_only=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)


def _progress(total_bytes: int | None) -> object:
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.fields[docs]} docs"),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=console, transient=False, disable=not console.is_terminal,
    ) if total_bytes else Progress(
        TextColumn("[bold]ingest"), MofNCompleteColumn(), TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(), console=console, disable=not console.is_terminal,
    )


def ingest_stream(items: Iterable[Item], db: str, *, batch: int = 64,
                  total_bytes: int | None = None, pipeline: Pipeline | None = None) -> IngestSummary:
    """Extract and store ``items`` into the store at ``db``."""
    from .store import Store

    summary = IngestSummary()
    started = time.perf_counter()
    with Store.open(db) as store, _progress(total_bytes) as progress:  # type: ignore[attr-defined]
        task = progress.add_task("ingest", total=total_bytes, docs=0, rate=0.0)

        def tick(article: Article) -> None:
            summary.read += 1
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=len(article.text.encode()) if total_bytes else 1,
                            docs=summary.read, rate=summary.read / elapsed)

        fresh = _skip_stored(items, store, summary, tick)
        outcomes = (pipeline or Pipeline()).run(fresh)
        while chunk := list(islice(outcomes, batch)):
            records = [o for o in chunk if isinstance(o, Record)]
            summary.failures += [o.line() for o in chunk if isinstance(o, NewsgraphError)]
            result = store.add(records)
            summary.stored += len(result.stored)
            summary.duplicates += len(result.duplicates)
    summary.seconds = time.perf_counter() - started
    return summary


def _skip_stored(items: Iterable[Item], store: object, summary: IngestSummary,
                 tick: Callable[[Article], None]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Article):
            tick(item)
            if store.has(item.id):  # type: ignore[attr-defined]
                summary.duplicates += 1
                continue
        yield item
