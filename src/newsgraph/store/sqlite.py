"""The SQLite store: one file, WAL journal, FTS5 search, versioned schema.

Everything SQLite-specific (connection, PRAGMAs, locking, FTS5) lives here and in
``fts.py``; what both backends share (the write SQL, the methods above SQL) is in
``common.py``, with ``flatten.py`` (record <-> rows) and ``queries.py`` (read queries).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from . import migrations, queries
from .common import BUSY_TIMEOUT_S, StoreBase
from .rows import DocumentHit, StoreStats


def _uri(path: Path, readonly: bool) -> str:
    return path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")


def _is_locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class Store(StoreBase):
    """A newsgraph store in one SQLite file.

    One connection per object: use a Store from one thread at a time (it may be
    handed between threads). Also a context manager that closes it.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool,
                 timeout: float) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self.timeout = timeout

    # --- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False,
             timeout: float = BUSY_TIMEOUT_S) -> "Store":
        """Open the store at ``path``, creating and migrating it unless ``readonly``.

        A ``postgresql://`` URL opens a PostgreSQL store instead (``postgres.py``).
        """
        if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
            from .postgres import PostgresStore

            return PostgresStore.open(path, readonly=readonly, timeout=timeout)  # type: ignore[return-value]
        path = Path(path)
        if readonly and not path.exists():
            raise StoreError("no store at this path", where=str(path))
        try:
            conn = sqlite3.connect(_uri(path, readonly), uri=True, timeout=timeout,
                                   isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", where=str(path)) from exc
        return cls(conn, path, readonly=readonly, timeout=timeout)._ready()

    def _prepare(self) -> None:
        conn = self._conn
        conn.row_factory = sqlite3.Row
        with self._errors("cannot open the store"):
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if self.readonly:
                self._check_version()
                return
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrations.migrate(conn)

    def _versions(self) -> tuple[int, int]:
        return migrations.check(self._conn), migrations.latest()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    # --- transactions and errors ---------------------------------------------

    @contextmanager
    def _errors(self, what: str, where: str | None = None) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            if _is_locked(exc):
                raise self._locked() from exc
            raise StoreError(f"{what}: {exc}", where=where or str(self.path)) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        self._require_writable()
        with self._errors("cannot start a write"):
            self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            with self._errors("cannot commit"):
                self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # SQLite may have rolled back already
                self._conn.execute("ROLLBACK")
            raise

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction (one consistent snapshot); re-entrant."""
        if self._conn.in_transaction:
            yield self._conn
            return
        with self._errors("cannot read the store"):
            self._conn.execute("BEGIN")
        try:
            with self._errors("cannot read the store"):
                yield self._conn
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    # --- queries ---------------------------------------------------------------

    def search(self, query: str | None = None, *, date_from: str | None = None,
               date_to: str | None = None, source: str | None = None,
               entity: str | None = None, limit: int = 20, offset: int = 0,
               raw: bool = False) -> list[DocumentHit]:
        """Documents matching the words of ``query`` (all of them) and the filters.

        Words are matched as words (stemmed), ``"a phrase"`` as a phrase, ``word*``
        as a prefix; ``raw=True`` passes FTS5 query syntax through instead.
        Dates compare as ISO strings; ``date_to`` includes everything it prefixes.
        """
        with self.read() as conn:
            return queries.search(conn, query, date_from=date_from, date_to=date_to,
                                  source=source, entity=entity, limit=limit,
                                  offset=offset, raw=raw)

    def stats(self) -> StoreStats:
        """Counts over the store."""
        with self.read() as conn:
            counts = queries.counts(conn)
        return StoreStats(**counts, schema_version=migrations.version(self._conn))

    # --- health ----------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """Problems found by SQLite's integrity, foreign key and FTS5 checks; [] when fine."""
        conn = self._conn
        with self._errors("cannot check the store"):
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [
                f"foreign key: {r[0]} row {r[1]} has no parent in {r[2]}"
                for r in conn.execute("PRAGMA foreign_key_check")
            ]
        if not self.readonly:
            problems += self._fts_check()
        return problems

    def _fts_check(self) -> list[str]:
        try:
            self._conn.execute(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.Error as exc:
            if _is_locked(exc):
                return []
            return [f"full-text index: {exc}"]
        return []

    def rebuild_search_index(self) -> None:
        """Rebuild the full-text index from the documents (a repair for integrity problems)."""
        with self._write(), self._errors("cannot rebuild the search index"):
            self._conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")

    # for export and tools: the raw connection, read-only use only
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        cur = self._conn.execute(sql, params)
        while chunk := cur.fetchmany(1000):
            yield from chunk


def open_store(path: str | Path, *, readonly: bool = False,
               timeout: float = BUSY_TIMEOUT_S) -> Store:
    """Open (and create or migrate) the store at ``path``; the same as ``Store.open``."""
    return Store.open(path, readonly=readonly, timeout=timeout)
