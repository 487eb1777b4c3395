"""Fixtures shared across test folders: a fresh PostgreSQL database on the throwaway server.

PostgreSQL needs INCIDENTKB_TEST_PG (set by scripts/with-postgres, which `make test` uses):
each test gets a database with a random name, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import make_url

PG_SKIP = (
    "INCIDENTKB_TEST_PG not set: run `make test` (starts a throwaway PostgreSQL) "
    "to include PostgreSQL"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A postgresql:// URL of a database nobody has used yet; skips when there is no server."""
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
