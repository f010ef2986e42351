"""What the SQLite and PostgreSQL stores share: the write SQL and the methods above SQL.

:class:`StoreBase` holds every method that reads and writes through the store's
query modules alone. Each backend subclasses it and provides the hooks it relies
on: ``_conn`` (a connection that takes SQLite-dialect SQL with ``?`` parameters),
``read()``, ``_write()``, ``_errors()`` and ``_versions()``, plus ``path``,
``readonly`` and ``timeout``. What differs (opening, transactions, full-text
search, health checks) stays in ``sqlite.py`` and ``postgres.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ..errors import QueryError, StoreError
from ..record import Record
from . import queries, resolve_queries
from .flatten import COLUMNS, DOCUMENT_COLUMNS, ORDER, document_row, flatten, rebuild
from .rows import AddResult, ClaimRow, EntityDetail, EntitySummary, EventRow

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


class StoreBase:
    """The store methods both backends share; a backend provides the hooks."""

    _conn: Any
    readonly: bool
    timeout: float

    if TYPE_CHECKING:  # the hooks each backend defines
        path: Any

        def read(self) -> AbstractContextManager[Any]: ...

        def _write(self) -> AbstractContextManager[None]: ...

        def _errors(self, what: str,
                    where: str | None = None) -> AbstractContextManager[None]: ...

        def _versions(self) -> tuple[int, int]: ...

        def _prepare(self) -> None: ...

        def close(self) -> None: ...

    # --- opening and closing -------------------------------------------------

    def _ready(self) -> Self:
        """The store, prepared for use (``_prepare``); closed again if that fails."""
        try:
            self._prepare()
        except BaseException:
            self.close()
            raise
        return self

    def _check_version(self) -> None:
        current, latest = self._versions()
        if current < latest:
            raise StoreError(f"store schema version {current} is older than {latest}; "
                             "open it once writable to migrate it", where=str(self.path))

    def _locked(self) -> StoreError:
        """The error for a write that waited ``timeout`` for another writer in vain."""
        return StoreError(f"database is locked by another writer (waited {self.timeout:g} s); "
                          "try again when it has finished", where=str(self.path))

    def _require_writable(self) -> None:
        if self.readonly:
            raise StoreError("the store is open read-only", where=str(self.path))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "readwrite"
        return f"<{type(self).__name__} {str(self.path)!r} {mode}>"

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
        conn = self._conn
        with self._errors("cannot store the record", where=record.id):
            cur = conn.execute(_INSERT_DOCUMENT, document_row(record, ingested_at))
            if cur.rowcount == 0:
                return False
            keys = [(e.key, e.type, e.name, e.country) for e in record.entities]
            conn.executemany(_UPSERT_KEY, keys)
            for table, rows in flatten(record).items():
                if rows:
                    conn.executemany(_INSERT[table], rows)
            resolve_queries.write_derived(conn, record)
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
