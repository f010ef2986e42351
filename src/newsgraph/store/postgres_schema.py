"""PostgreSQL schema migrations: ``migrations_pg/NNNN_name.sql``, tracked in ``schema_migrations``.

Each migration runs in its own transaction together with its row in
``schema_migrations`` (PostgreSQL's DDL is transactional), under an advisory lock,
so that two processes opening a new store at once migrate it once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..errors import StoreError
from .migrations import Migration, _read

MIGRATE_LOCK = 0x6E67_0001  # advisory lock key held while migrating ("ng" 1)

_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)"""


@cache
def bundled() -> tuple[Migration, ...]:
    """The PostgreSQL migrations shipped in the package."""
    folder = resources.files("newsgraph.store").joinpath("migrations_pg")
    return _read([(f.name, f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".sql")])


def latest(migrations: tuple[Migration, ...] | None = None) -> int:
    return len(migrations if migrations is not None else bundled())


def version(conn: Any) -> int:
    """The store's schema version (0 for an empty schema); ``conn`` is a psycopg connection."""
    if conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])


def check(conn: Any, migrations: tuple[Migration, ...] | None = None) -> int:
    """The store's version; StoreError if it is newer than the code."""
    current, wanted = version(conn), latest(migrations)
    if current > wanted:
        raise StoreError(
            f"store schema version {current} is newer than this newsgraph supports "
            f"({wanted}); upgrade newsgraph to open it")
    return current


def migrate(conn: Any, migrations: tuple[Migration, ...] | None = None) -> list[int]:
    """Apply the pending migrations in order; the versions applied. ``conn`` is in autocommit."""
    todo = migrations if migrations is not None else bundled()
    if check(conn, todo) == latest(todo):
        return []
    return [m.version for m in todo if _apply(conn, m)]


def _apply(conn: Any, migration: Migration) -> bool:
    import psycopg

    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            conn.execute(_TABLE)
            if version(conn) >= migration.version:  # another process got there first
                return False
            conn.execute(migration.sql)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                         (migration.version, migration.name))
        return True
    except psycopg.Error as exc:
        reason = exc.diag.message_primary or str(exc)
        raise StoreError(f"migration {migration.name} failed: {reason}") from exc
