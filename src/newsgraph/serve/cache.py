"""A small cache of serialized answers, valid while the store holds the same documents.

The store only grows (ingest adds documents, nothing edits them), so the highest
document number is a version: any write moves it, and entries of an older version
are never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ..store import Store


def store_version(store: Store) -> int:
    """Changes whenever a document is added, by this process or any other."""
    with store.read() as conn:
        return conn.execute("SELECT coalesce(max(num), 0) FROM documents").fetchone()[0]


class AnswerCache:
    """The answers used last, as bytes, up to ``max_bytes`` in all; safe across threads."""

    def __init__(self, max_bytes: int = 64_000_000) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        body = make()  # outside the lock: two threads may both build it, both get the same
        with self._lock:
            self.misses += 1
            if key not in self._items:
                self._items[key] = body
                self.size += len(body)
            while self.size > self.max_bytes and len(self._items) > 1:
                self.size -= len(self._items.popitem(last=False)[1])
        return body
