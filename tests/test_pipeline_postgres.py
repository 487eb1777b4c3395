"""The whole pipeline into PostgreSQL gives what it gives into SQLite. Needs the throwaway
server of scripts/with-postgres (INCIDENTKB_TEST_PG); without it the test skips, saying why."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from incidentkb import pipeline
from incidentkb.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "reports"
# the same words as tests/store/conftest.py, so a skipped run says one thing
PG_SKIP = (
    "INCIDENTKB_TEST_PG not set: run `make test` (starts a throwaway PostgreSQL) "
    "to include PostgreSQL"
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database with a random name on the throwaway server, dropped afterwards."""
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
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ingest(url: str) -> tuple[pipeline.IngestResult, list[dict], dict[str, int]]:
    with open_store(url) as store:
        result = pipeline.ingest([SAMPLES], store)
        records = store.incidents(include_background=True)
        counts = store.counts()
    return result, records, counts


def test_pipeline_postgres_matches_sqlite(pg_url: str, tmp_path: Path) -> None:
    pg_result, pg_records, pg_counts = _ingest(pg_url)
    lite_result, lite_records, lite_counts = _ingest(str(tmp_path / "samples.db"))
    assert pg_result.summary() == "14 documents read, 14 new, 0 skipped, 0 failed"
    assert pg_result.summary() == lite_result.summary()
    assert len([r for r in pg_records if not r["background"]]) == 14
    assert len(pg_records) == len(lite_records)
    assert pg_counts == lite_counts
    assert sorted(r["id"] for r in pg_records) == sorted(r["id"] for r in lite_records)
    by_id = {r["id"]: r for r in lite_records}
    for r in pg_records:
        assert r["killed"] == by_id[r["id"]]["killed"], r["title"]


def test_pipeline_postgres_reingest_skips(pg_url: str) -> None:
    _ingest(pg_url)
    again, records, _ = _ingest(pg_url)
    assert again.summary() == "14 documents read, 0 new, 14 skipped, 0 failed"
    assert len([r for r in records if not r["background"]]) == 14
