"""What the server holds: its settings, one read-only store per worker thread, the pipeline.

A :class:`~newsgraph.store.Store` is one SQLite connection for one thread at a
time; request handlers run in a thread pool, so each thread opens its own
read-only store on first use. Writes (ingest) open a writable store per request
and are serialized by a lock.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import Any

from ..store import Store

DEFAULT_MAX_BODY = 5_000_000  # bytes in one request body


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: str  # a SQLite path or a postgresql:// URL
    ingest_token: str | None = None
    max_body: int = DEFAULT_MAX_BODY


class Stores:
    """A pool of read-only stores: each request holds one to itself, from start to end.

    A store is one SQLite connection, and one connection serves one transaction at a
    time; handing a request its own store (not its thread's: FastAPI may run a
    dependency and its endpoint in different threads) keeps requests apart.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            store = Store.open(self.db, readonly=True)
            with self._lock:
                self._opened.append(store)
            return store

    def release(self, store: Store) -> None:
        self._idle.put(store)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


class Writer:
    """Extraction and writes for ingest, one request at a time; spaCy loads on first use."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.lock = threading.Lock()
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def after_write(self, store: Store) -> None:
        """Bring the cross-document indexes up to date after a write."""
        _refresh(store)


def prepare(db: str) -> None:
    """Create or migrate the store so that read-only connections can open it."""
    with Store.open(db) as store:
        _refresh(store)


def _refresh(store: Store) -> None:
    from .. import resolve

    resolve.refresh(store)
