"""Schema migrations: numbered SQL files applied in order, tracked in ``PRAGMA user_version``.

Each file ``NNNN_name.sql`` under ``newsgraph/store/migrations/`` moves the schema
from version ``NNNN - 1`` to ``NNNN``. Each runs in its own ``BEGIN IMMEDIATE``
transaction together with the version bump, so a failed migration leaves the
store at the version before it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import StoreError

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int
    name: str
    sql: str


def _read(entries: list[tuple[str, str]]) -> tuple[Migration, ...]:
    found = sorted(
        (int(m.group(1)), name, text)
        for name, text in entries
        if (m := _NAME.match(name))
    )
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return tuple(Migration(version=v, name=n, sql=t) for v, n, t in found)


@cache
def bundled() -> tuple[Migration, ...]:
    """The migrations shipped in the package."""
    folder = resources.files("newsgraph.store").joinpath("migrations")
    entries = [(f.name, f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".sql")]
    return _read(entries)


def from_folder(path: str | Path) -> tuple[Migration, ...]:
    """Migrations from a folder (for tests and tools)."""
    files = Path(path).glob("*.sql")
    return _read([(f.name, f.read_text("utf-8")) for f in files])


def latest(migrations: tuple[Migration, ...] | None = None) -> int:
    """The schema version the code expects."""
    return len(migrations if migrations is not None else bundled())


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers stay whole)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip() and not _only_comments(buf):
        raise StoreError("migration script ends with an incomplete statement")
    return out


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.strip().startswith("--") for ln in text.splitlines())


def check(conn: sqlite3.Connection, migrations: tuple[Migration, ...] | None = None) -> int:
    """The store's version; StoreError if it is newer than the code."""
    current, wanted = version(conn), latest(migrations)
    if current > wanted:
        raise StoreError(
            f"store schema version {current} is newer than this newsgraph supports "
            f"({wanted}); upgrade newsgraph to open it"
        )
    return current


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] | None = None) -> list[int]:
    """Apply the pending migrations in order; the versions applied ([] when up to date).

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    todo = migrations if migrations is not None else bundled()
    if check(conn, todo) == latest(todo):
        return []
    return [m.version for m in todo if _apply(conn, m)]


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version(conn) >= migration.version:  # another process got there first
            conn.execute("COMMIT")
            return False
        for statement in statements(migration.sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
        return True
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"migration {migration.name} failed: {exc}") from exc
        raise
