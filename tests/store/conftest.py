"""The store under test, once on SQLite and once on PostgreSQL.

PostgreSQL needs INCIDENTKB_TEST_PG (set by scripts/with-postgres, which `make test` uses):
each test gets a fresh database with a random name, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from incidentkb.store import Store, open_store

PG_SKIP = (
    "INCIDENTKB_TEST_PG not set: run `make test` (starts a throwaway PostgreSQL) "
    "to include PostgreSQL"
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody has used yet: a SQLite path, or a postgresql:// URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "incidentkb.db")
        return
    admin = os.environ.get("INCIDENTKB_TEST_PG")
    if not admin:
        pytest.skip(PG_SKIP)
    name = f"incidentkb_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            # FORCE: a test that failed half-way may have left a connection open.
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
