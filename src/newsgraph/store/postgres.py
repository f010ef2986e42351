"""The PostgreSQL store: the SQLite store's interface and behaviour on a shared server.

``Store.open("postgresql://user@host:port/db")`` returns a :class:`PostgresStore`. It
shares the rest of the store: the methods and write SQL of ``common.py``, ``flatten.py``
(record <-> rows), ``rows.py``, the read SQL of ``queries.py`` and ``resolve_queries.py``
and the export SQL, all translated once by ``postgres_sql.py``. What differs is here:
the connection, transactions (writers take turns through an advisory lock, as SQLite's
writers do through its file lock), migrations (``postgres_schema.py``) and full-text
search (``postgres_search.py``).

The tables live in the first schema of the connection's ``search_path``; add
``?options=-csearch_path%3Dname`` to the URL to keep several stores in one database.
PostgreSQL text cannot hold NUL characters: they are stored as U+FFFF (a
noncharacter, kept for internal use) and read back as NUL, so offsets hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from . import postgres_schema, postgres_search, queries
from .common import BUSY_TIMEOUT_S, StoreBase
from .postgres_sql import translate
from .rows import DocumentHit, StoreStats

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

class PostgresStore(StoreBase):
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
        return cls(Connection(raw), url, readonly=readonly, timeout=timeout)._ready()

    def _prepare(self) -> None:
        raw = self._conn.raw
        with self._errors("cannot open the store"):
            raw.execute(f"SET lock_timeout = {int(self.timeout * 1000)}")
            if self.readonly:
                raw.execute("SET default_transaction_read_only = on")
                self._check_version()
                return
            postgres_schema.migrate(raw)

    def _versions(self) -> tuple[int, int]:
        return postgres_schema.check(self._conn.raw), postgres_schema.latest()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.raw.close()

    # --- transactions and errors ---------------------------------------------

    @contextmanager
    def _errors(self, what: str, where: str | None = None) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            if exc.sqlstate in _LOCKED:
                raise self._locked() from exc
            raise StoreError(f"{what}: {_reason(exc)}", where=where or self.path) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        self._require_writable()
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
        self._require_writable()
        with self._errors("cannot rebuild the search index"):
            self._conn.raw.execute("REINDEX INDEX documents_search")

    # for export and tools: read-only use only, inside ``read()``
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        with self._conn.raw.cursor(name="newsgraph_rows") as cur:
            cur.execute(translate(sql), [_in(p) for p in params])
            while chunk := cur.fetchmany(1000):
                yield from chunk


__all__ = ["Connection", "PostgresStore", "Row", "is_url", "redact"]
