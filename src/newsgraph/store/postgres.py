"""The PostgreSQL store: the SQLite store's interface and behaviour on a shared server.

``Store.open("postgresql://user@host:port/db")`` returns a :class:`PostgresStore`. It
shares the rest of the store: ``flatten.py`` (record <-> rows), ``rows.py``, the read
SQL of ``queries.py`` and ``resolve_queries.py`` and the export SQL, translated once
by ``postgres_sql.py``. What differs is here: the connection, transactions (writers
take turns through an advisory lock, as SQLite's writers do through its file lock),
migrations (``postgres_schema.py``) and full-text search (``postgres_search.py``).

The tables live in the first schema of the connection's ``search_path``; add
``?options=-csearch_path%3Dname`` to the URL to keep several stores in one database.
PostgreSQL text cannot hold NUL characters: they are stored as U+FFFF (a
noncharacter, kept for internal use) and read back as NUL, so offsets hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import QueryError, StoreError
from ..record import Record
from . import postgres_schema, postgres_search, queries, resolve_queries
from .flatten import document_row, flatten, rebuild
from .postgres_sql import translate
from .rows import (
    AddResult, ClaimRow, DocumentHit, EntityDetail, EntitySummary, EventRow, StoreStats,
)
from .sqlite import _INSERT, _INSERT_DOCUMENT, _SELECT, _UPSERT_KEY, BUSY_TIMEOUT_S, _now

SCHEMES = ("postgresql://", "postgres://")
WRITE_LOCK = 0x6E67_0002  # advisory lock key a writer holds for its transaction ("ng" 2)
_NUL, _NUL_STORED = "\x00", "\uffff"
_LOCKED = {"55P03", "40P01"}  # lock_not_available, deadlock_detected


def is_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL store (a ``postgresql://`` URL)."""
    return isinstance(target, str) and target.startswith(SCHEMES)


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


# --- rows and the connection the query modules see ------------------------------------

class Row(Mapping[str, Any]):
    """A result row read by name or position, like ``sqlite3.Row``."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = [_out(v) for v in values]
        self._index = index

    def __getitem__(self, key: str | int) -> Any:  # type: ignore[override]
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self) -> Iterator[Any]:  # values, as sqlite3.Row iterates
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(self._index)


def _out(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(_NUL_STORED, _NUL) if _NUL_STORED in value else value
    if isinstance(value, (list, dict)):  # json from json_group_array / json_object, as SQLite writes it
        import json

        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _in(value: Any) -> Any:
    return value.replace(_NUL, _NUL_STORED) if isinstance(value, str) and _NUL in value else value


def _row_factory(cursor: Any) -> Any:
    if cursor.description is None:
        return lambda values: values
    index = {c.name: i for i, c in enumerate(cursor.description)}
    return lambda values: Row(values, index)


class Connection:
    """A psycopg connection that takes the store's SQLite-dialect SQL with ``?`` parameters."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(translate(sql), [_in(p) for p in params])

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(translate(sql), [[_in(v) for v in row] for row in rows])

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE


def _reason(exc: Exception) -> str:
    diag = getattr(exc, "diag", None)
    return (diag.message_primary if diag is not None else None) or str(exc)


# --- the store ------------------------------------------------------------------------------

class PostgresStore:
    """A newsgraph store in a PostgreSQL database; the interface of the SQLite ``Store``.

    One connection per object: use it from one thread at a time. Also a context manager.
    """

    def __init__(self, conn: Connection, url: str, *, readonly: bool, timeout: float) -> None:
        self._conn = conn
        self.path = redact(url)  # what messages show: never the password
        self.readonly = readonly
        self.timeout = timeout

    @classmethod
    def open(cls, url: str, *, readonly: bool = False,
             timeout: float = BUSY_TIMEOUT_S) -> "PostgresStore":
        """Connect to the store at ``url``, creating and migrating it unless ``readonly``."""
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - an install problem
            raise StoreError("PostgreSQL stores need psycopg (pip install 'psycopg[binary]')",
                             where=redact(url)) from exc
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                  connect_timeout=max(1, int(timeout) or 1))
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the store: {_reason(exc)}", where=redact(url)) from exc
        store = cls(Connection(raw), url, readonly=readonly, timeout=timeout)
        try:
            store._prepare()
        except BaseException:
            raw.close()
            raise
        return store

    def _prepare(self) -> None:
        raw = self._conn.raw
        with self._errors("cannot open the store"):
            raw.execute(f"SET lock_timeout = {int(self.timeout * 1000)}")
            if self.readonly:
                raw.execute("SET default_transaction_read_only = on")
                self._check_version()
                return
            postgres_schema.migrate(raw)

    def _check_version(self) -> None:
        current, latest = postgres_schema.check(self._conn.raw), postgres_schema.latest()
        if current < latest:
            raise StoreError(f"store schema version {current} is older than {latest}; "
                             "open it once writable to migrate it", where=self.path)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.raw.close()

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "readwrite"
        return f"<PostgresStore {self.path!r} {mode}>"

    # --- transactions and errors ---------------------------------------------

    @contextmanager
    def _errors(self, what: str, where: str | None = None) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            if exc.sqlstate in _LOCKED:
                raise StoreError(
                    f"database is locked by another writer (waited {self.timeout:g} s); "
                    "try again when it has finished", where=self.path) from exc
            raise StoreError(f"{what}: {_reason(exc)}", where=where or self.path) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError("the store is open read-only", where=self.path)
        raw = self._conn.raw
        with self._errors("cannot start a write"):
            raw.execute("BEGIN")
        try:
            with self._errors("cannot start a write"):
                raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
            with self._errors("cannot commit"):
                raw.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                raw.execute("ROLLBACK")
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction (one consistent snapshot); re-entrant."""
        if self._conn.in_transaction:
            yield self._conn
            return
        raw = self._conn.raw
        with self._errors("cannot read the store"):
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try:
            with self._errors("cannot read the store"):
                yield self._conn
        finally:
            if self._conn.in_transaction:
                raw.execute("ROLLBACK")  # nothing to keep: it only read

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

    def search(self, query: str | None = None, *, date_from: str | None = None,
               date_to: str | None = None, source: str | None = None,
               entity: str | None = None, limit: int = 20, offset: int = 0,
               raw: bool = False) -> list[DocumentHit]:
        """Documents matching the words of ``query`` (all of them) and the filters.

        As ``Store.search``; ``raw=True`` passes PostgreSQL ``to_tsquery`` syntax
        (``trade & (china | russia)``) through instead of FTS5's.
        """
        with self.read() as conn:
            if query is None or not query.strip():
                return queries.search(conn, None, date_from=date_from, date_to=date_to,
                                      source=source, entity=entity, limit=limit, offset=offset)
            filters = (
                queries._date_range("d.date", date_from, date_to),
                queries._equal([("d.source", source)]),
                ([queries._HAS_ENTITY], [entity]) if entity else ([], []),
            )
            return postgres_search.search(conn, query, filters=filters,
                                          page=queries._page(limit, offset), raw=raw)

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
            version = postgres_schema.version(conn.raw)
        return StoreStats(**counts, schema_version=version)

    # --- health ----------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """Problems found: PostgreSQL enforces keys itself, so only a schema older than the code."""
        with self.read() as conn:
            current = postgres_schema.version(conn.raw)
        latest = postgres_schema.latest()
        return [] if current == latest else [f"schema version {current}, expected {latest}"]

    def rebuild_search_index(self) -> None:
        """Rebuild the full-text index (the tsvector column is kept in step by PostgreSQL)."""
        if self.readonly:
            raise StoreError("the store is open read-only", where=self.path)
        with self._errors("cannot rebuild the search index"):
            self._conn.raw.execute("REINDEX INDEX documents_search")

    # for export and tools: read-only use only, inside ``read()``
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        with self._conn.raw.cursor(name="newsgraph_rows") as cur:
            cur.execute(translate(sql), [_in(p) for p in params])
            while chunk := cur.fetchmany(1000):
                yield from chunk


__all__ = ["Connection", "PostgresStore", "Row", "is_url", "redact"]
