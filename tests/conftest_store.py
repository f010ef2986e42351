"""The backends the store tests run on: SQLite always, PostgreSQL when ``NEWSGRAPH_TEST_PG`` is set.

Import the fixtures into a test module (``from conftest_store import backend, db, locations``)
and every test using them runs once per backend. ``scripts/setup.d/10-postgresql.sh`` starts a
throwaway server and sets ``NEWSGRAPH_TEST_PG`` (a ``postgresql://`` URL); each PostgreSQL
store of a test is a fresh schema of that database, dropped at the end of the session.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG", "")
BACKENDS = ("sqlite", "postgres")


def need_postgres() -> str:
    """The test server's URL, or skip with the reason."""
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is unset: no PostgreSQL server to test against "
                    "(scripts/test.sh starts one)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    return PG_URL


def with_schema(url: str, schema: str) -> str:
    """``url`` with ``schema`` first on its search_path."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


class Locations:
    """Fresh, empty store locations of one backend: a file path or a URL to a new schema."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self.schemas: list[str] = []

    def new(self) -> str:
        if self.backend == "sqlite":
            return str(self.folder / f"{uuid.uuid4().hex[:12]}.db")
        import psycopg

        schema = f"ng_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        return with_schema(PG_URL, schema)

    def cleanup(self) -> None:
        if not self.schemas:
            return
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for schema in self.schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    if request.param == "postgres":
        need_postgres()
    return request.param


@pytest.fixture(scope="session")
def locations(backend, tmp_path_factory):
    places = Locations(backend, tmp_path_factory.mktemp(f"stores-{backend}"))
    yield places
    places.cleanup()


@pytest.fixture
def db(locations) -> str:
    """A fresh, empty store location of the backend under test."""
    return locations.new()
