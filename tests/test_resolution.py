"""Many reports, one incident: the stream of samples/stream through ingest, on SQLite and on
PostgreSQL, and the analysts' corrections on top of it."""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from incidentkb import pipeline
from incidentkb.errors import UsageError
from incidentkb.store import Store, open_store

REPORTS = Path(__file__).resolve().parent.parent / "samples" / "stream" / "reports"
KABUL = sorted(REPORTS.glob("kabul-*"))
PRAGUE = sorted(REPORTS.glob("prague-*"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "stream.db")
    else:
        yield request.getfixturevalue("pg_url")


def ingest(db: str, paths: list[Path]) -> Store:
    store = open_store(db)
    for p in paths:
        assert pipeline.ingest([p], store, workers=1).failed == 0
    return store


def grouping(store: Store) -> set[tuple[Any, ...]]:
    """Each incident as its frames and headline values: what must not depend on order."""
    return {
        (
            tuple(sorted(store.incident_frame_ids(r["id"]))),
            r["id"],
            (r.get("killed") or {}).get("best"),
            (r.get("injured") or {}).get("best"),
        )
        for r in store.incidents()
    }


def main_incident(store: Store, path: Path) -> dict[str, Any]:
    doc = next(d for d in store.documents() if d.source and d.source.endswith(path.name))
    return next(r for r in store.incidents() if f"{doc.id}:0" in store.incident_frame_ids(r["id"]))


def test_reports_of_one_incident_make_one_record_with_its_history(db: str) -> None:
    with ingest(db, PRAGUE) as store:
        records = [r for r in store.incidents() if not r["background"]]
        assert len(records) == 1
        (record,) = records
        assert len(record["documents"]) == len(PRAGUE)
        history = record["killed"]["history"]
        assert [h["reported_at"] for h in history] == sorted(h["reported_at"] for h in history)
        assert {h["document"] for h in history} == {d["id"] for d in record["documents"]}
        assert record["killed"]["best"] in {h["value"] for h in history}


def test_two_attacks_in_one_city_in_one_week_stay_apart(db: str) -> None:
    with ingest(db, KABUL) as store:
        hotel = main_incident(store, REPORTS / "kabul-intercontinental-1.txt")
        ambulance = main_incident(store, REPORTS / "kabul-ambulance-1.txt")
        assert hotel["id"] != ambulance["id"]
        assert hotel["date"]["value"] < ambulance["date"]["value"]
        assert main_incident(store, REPORTS / "kabul-ambulance-2.txt")["id"] == ambulance["id"]


def test_order_and_repetition_do_not_change_the_incidents(db: str, tmp_path: Path) -> None:
    paths = KABUL + PRAGUE
    with ingest(db, paths) as store:
        expected = grouping(store)
        assert pipeline.ingest(paths, store).new == 0  # the same reports again
        assert grouping(store) == expected
    shuffled = paths[:]
    random.Random(5).shuffle(shuffled)
    with ingest(str(tmp_path / "shuffled.db"), shuffled) as other:
        assert grouping(other) == expected


def test_corrections_are_kept_when_more_reports_arrive(db: str) -> None:
    first, *rest = PRAGUE
    with ingest(db, [first, *KABUL]) as store:
        prague = main_incident(store, first)["id"]
        hotel = main_incident(store, REPORTS / "kabul-intercontinental-1.txt")["id"]
        merged = pipeline.merge(store, [prague, hotel], "analyst", "test")
        assert main_incident(store, REPORTS / "kabul-intercontinental-1.txt")["id"] == merged
        for p in rest:
            pipeline.ingest([p], store)
        record = main_incident(store, first)
        assert main_incident(store, REPORTS / "kabul-intercontinental-1.txt")["id"] == record["id"]
        assert len(record["documents"]) >= len(PRAGUE) + 1
        # the analyst changes their mind: the Kabul report goes out again, for good
        kabul_doc = main_incident(store, KABUL[0])["documents"][0]["id"]
        kabul_docs = [
            d["id"] for d in record["documents"] if d["id"] not in {x.id for x in _prague(store)}
        ]
        ids = pipeline.split(store, record["id"], kabul_docs, "analyst", None)
        assert len(ids) == 2
        assert kabul_doc
        assert len(main_incident(store, first)["documents"]) == len(PRAGUE)
        kinds = [c["kind"] for c in store.corrections()]
        assert kinds == ["merge", "split"] and store.corrections()[0]["author"] == "analyst"


def _prague(store: Store) -> list[Any]:
    return [d for d in store.documents() if d.source and "prague" in d.source]


def test_a_rejected_claim_is_shown_and_no_longer_counts(db: str) -> None:
    with ingest(db, PRAGUE) as store:
        record = next(r for r in store.incidents() if not r["background"])
        best = record["killed"]["best"]
        wrong = next(c for c in record["killed"]["claims"] if c["value"] == best)
        ref = f"{wrong['document'][:8]}:{wrong['start']}-{wrong['end']}"
        pipeline.reject(store, ref, "killed", "analyst", "double counted")
        after = store.record(record["id"])
        statuses = {(c["document"], c["start"]): c["status"] for c in after["killed"]["claims"]}
        assert statuses[(wrong["document"], wrong["start"])] == "rejected"
        others = [c["value"] for c in after["killed"]["claims"] if c["status"] != "rejected"]
        assert (after["killed"] or {}).get("best") in (set(others) or {None})
        with pytest.raises(UsageError, match="not a claim reference"):
            pipeline.reject(store, "nonsense", None, None, None)


def test_corrections_survive_re_extraction(db: str) -> None:
    first, *rest = PRAGUE
    with ingest(db, [*PRAGUE, KABUL[0]]) as store:
        prague = main_incident(store, first)["id"]
        hotel = main_incident(store, KABUL[0])["id"]
        pipeline.merge(store, [prague, hotel], "analyst", None)
        record = main_incident(store, first)
        wrong = record["killed"]["claims"][0]
        ref = f"{wrong['document']}:{wrong['start']}-{wrong['end']}"
        pipeline.reject(store, ref, "killed", "analyst", None)
        before = grouping(store)
        assert pipeline.reextract(store) == len(PRAGUE) + 1
        assert grouping(store) == before
        again = main_incident(store, first)
        assert main_incident(store, KABUL[0])["id"] == again["id"]
        statuses = {(c["document"], c["start"]): c["status"] for c in again["killed"]["claims"]}
        assert statuses[(wrong["document"], wrong["start"])] == "rejected"


def _ingest_each(url: str, paths: list[str], start: Any, done: Any) -> None:
    """Worker: wait for the other one, then ingest the reports one by one."""
    with open_store(url) as store:
        start.wait(timeout=60)
        for p in paths:
            pipeline.ingest([Path(p)], store, workers=1)
    done.put(len(paths))


def test_two_processes_ingesting_at_once_group_as_one_would(db: str, tmp_path: Path) -> None:
    paths = KABUL + PRAGUE
    with ingest(str(tmp_path / "alone.db"), paths) as alone:
        expected = grouping(alone)
    ctx = multiprocessing.get_context("spawn")
    start, done = ctx.Barrier(2), ctx.Queue()
    halves = [[str(p) for p in paths[0::2]], [str(p) for p in paths[1::2]]]
    workers = [ctx.Process(target=_ingest_each, args=(db, h, start, done)) for h in halves]
    for w in workers:
        w.start()
    assert sorted(done.get(timeout=180) for _ in workers) == sorted(len(h) for h in halves)
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    with open_store(db) as store:
        assert store.counts()["documents"] == len(paths)
        assert grouping(store) == expected
