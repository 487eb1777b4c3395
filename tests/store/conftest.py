"""The store under test, once on SQLite and once on PostgreSQL.

PostgreSQL comes from the `pg_url` fixture of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from incidentkb.store import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody has used yet: a SQLite path, or a postgresql:// URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "incidentkb.db")
        return
    yield request.getfixturevalue("pg_url")  # tests/conftest.py: a fresh database


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
