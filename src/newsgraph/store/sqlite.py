"""The SQLite store: one file, WAL journal, FTS5 search, versioned schema.

Everything SQLite-specific (connection, PRAGMAs, locking, FTS5) lives here and in
``fts.py``; ``flatten.py`` (record <-> rows) and ``queries.py`` (read queries)
keep the shape a second backend can follow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import QueryError, StoreError
from ..record import Record
from . import migrations, queries, resolve_queries
from .flatten import COLUMNS, DOCUMENT_COLUMNS, ORDER, document_row, flatten, rebuild
from .rows import (
    AddResult, ClaimRow, DocumentHit, EntityDetail, EntitySummary, EventRow, StoreStats,
)

BUSY_TIMEOUT_S = 5.0

_INSERT_DOCUMENT = (
    f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))}) ON CONFLICT(id) DO NOTHING"
)
def _quoted(name: str) -> str:
    return '"' + name + '"'


_UPSERT_KEY = """
INSERT INTO entity_keys (key, type, name, country) VALUES (?, ?, ?, ?)
ON CONFLICT(key) DO UPDATE SET
    name = CASE WHEN length(excluded.name) > length(entity_keys.name)
                THEN excluded.name ELSE entity_keys.name END,
    country = coalesce(entity_keys.country, excluded.country)
"""
_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(map(_quoted, cols))}) "
    f"VALUES ({', '.join('?' * len(cols))})"
    for table, cols in COLUMNS.items()
}
_SELECT = {table: f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}"
           for table, order in ORDER.items()}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _uri(path: Path, readonly: bool) -> str:
    return path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")


def _is_locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class Store:
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
        store = cls(conn, path, readonly=readonly, timeout=timeout)
        try:
            store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

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

    def _check_version(self) -> None:
        current = migrations.check(self._conn)
        if current < migrations.latest():
            raise StoreError(
                f"store schema version {current} is older than {migrations.latest()}; "
                "open it once writable to migrate it", where=str(self.path))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "readwrite"
        return f"<Store {str(self.path)!r} {mode}>"

    # --- transactions and errors ---------------------------------------------

    @contextmanager
    def _errors(self, what: str, where: str | None = None) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            if _is_locked(exc):
                raise StoreError(
                    f"database is locked by another writer (waited {self.timeout:g} s); "
                    "try again when it has finished", where=str(self.path)) from exc
            raise StoreError(f"{what}: {exc}", where=where or str(self.path)) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError("the store is open read-only", where=str(self.path))
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

    # --- writing ---------------------------------------------------------------

    def add(self, records: Sequence[Record]) -> AddResult:
        """Store a batch in one transaction; records already stored are left as they are."""
        stored: list[str] = []
        duplicates: list[str] = []
        ingested_at = _now()
        with self._write():
            for record in records:
                new = self._insert(record, ingested_at)
                (stored if new else duplicates).append(record.id)
        return AddResult(stored=tuple(stored), duplicates=tuple(duplicates))

    def _insert(self, record: Record, ingested_at: str) -> bool:
        with self._errors("cannot store the record", where=record.id):
            cur = self._conn.execute(_INSERT_DOCUMENT, document_row(record, ingested_at))
            if cur.rowcount == 0:
                return False
            keys = [(e.key, e.type, e.name, e.country) for e in record.entities]
            self._conn.executemany(_UPSERT_KEY, keys)
            for table, rows in flatten(record).items():
                if rows:
                    self._conn.executemany(_INSERT[table], rows)
            resolve_queries.write_derived(self._conn, record)
        return True

    def index_pending(self, *, batch: int = 200) -> int:
        """Index for ``resolve`` the documents stored before its tables existed; how many."""
        done = 0
        while True:
            with self.read() as conn:
                todo = resolve_queries.pending(conn, batch)
            if not todo:
                return done
            records = [self.document(doc_id) for doc_id in todo]
            with self._write(), self._errors("cannot index the documents for resolve"):
                for record in records:
                    resolve_queries.clear_derived(self._conn, record.id)
                    resolve_queries.write_derived(self._conn, record)
            done += len(records)

    def has_pending(self) -> bool:
        """Whether documents wait to be indexed for ``resolve`` (see ``index_pending``)."""
        with self.read() as conn:
            return resolve_queries.has_pending(conn)

    # --- reading one document --------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.read() as conn:
            row = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id: str) -> Record:
        """The stored record, rebuilt from the tables; QueryError if unknown."""
        with self.read() as conn:
            head = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if head is None:
                raise QueryError("no document with this id in the store", where=doc_id)
            tables = {t: conn.execute(sql, (doc_id,)).fetchall() for t, sql in _SELECT.items()}
        return rebuild(head, tables)

    def document_ids(self, *, batch: int = 500) -> Iterator[str]:
        """Every stored id in insertion order, read in pages (for streaming exports)."""
        last = 0
        while True:
            with self.read() as conn:
                rows = conn.execute(
                    "SELECT num, id FROM documents WHERE num > ? ORDER BY num LIMIT ?",
                    (last, batch)).fetchall()
            if not rows:
                return
            yield from (r["id"] for r in rows)
            last = rows[-1]["num"]

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

    def entities(self, *, type: str | None = None, query: str | None = None,
                 limit: int = 50, offset: int = 0) -> list[EntitySummary]:
        """Entity keys, most documents first; ``query`` matches name or key (substring)."""
        with self.read() as conn:
            return queries.entities(conn, type=type, query=query, limit=limit, offset=offset)

    def entity(self, key: str, *, limit: int = 100) -> EntityDetail:
        """One entity key: its roles (oldest first) and up to ``limit`` documents (newest first)."""
        with self.read() as conn:
            return queries.entity(conn, key, limit=limit)

    def claims(self, *, indicator: str | None = None, subject: str | None = None,
               kind: str | None = None, period: str | None = None, doc_id: str | None = None,
               limit: int = 100, offset: int = 0) -> list[ClaimRow]:
        """Claims matching every filter given (exact values), by document date."""
        with self.read() as conn:
            return queries.claims(conn, indicator=indicator, subject=subject, kind=kind,
                                  period=period, doc_id=doc_id, limit=limit, offset=offset)

    def events(self, *, type: str | None = None, entity: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               limit: int = 100, offset: int = 0) -> list[EventRow]:
        """Events matching every filter given; ``entity`` is a key among the participants."""
        with self.read() as conn:
            return queries.events(conn, type=type, entity=entity, date_from=date_from,
                                  date_to=date_to, limit=limit, offset=offset)

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
