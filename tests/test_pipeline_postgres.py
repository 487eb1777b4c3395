"""The whole pipeline into PostgreSQL gives what it gives into SQLite. Needs the throwaway
server of scripts/with-postgres (`pg_url` in conftest.py); without it the test skips, saying why."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentkb import pipeline
from incidentkb.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "reports"

pytestmark = pytest.mark.postgres


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
