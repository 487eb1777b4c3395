"""Two processes writing one database at once: both succeed, nothing is lost or doubled."""

from __future__ import annotations

import multiprocessing
from typing import Any

from store_samples import Given, given, numbered_report

from incidentkb.store import database, open_store

PER_PROCESS = 15


def _add_reports(url: str, numbers: list[int], start: Any, results: Any) -> None:
    """Worker: open the store, wait for the other worker, add the numbered reports."""
    with open_store(url) as store:
        start.wait(timeout=60)
        added = [n for n in numbers if store.add(*given(numbered_report(n)))]
    results.put(added)


def _run_two(url: str, first: list[int], second: list[int]) -> list[list[int]]:
    # spawn, as on macOS and Windows: nothing inherited, each process opens its own engine.
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=_add_reports, args=(url, numbers, start, results))
        for numbers in (first, second)
    ]
    for worker in workers:
        worker.start()
    added = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    return added


def test_store_two_processes_add_different_documents(store_url: str) -> None:
    evens = list(range(0, 2 * PER_PROCESS, 2))
    odds = list(range(1, 2 * PER_PROCESS, 2))
    added = _run_two(store_url, evens, odds)
    assert sorted(added) == [evens, odds]
    with open_store(store_url) as store:
        n = 2 * PER_PROCESS
        assert store.counts() == {"documents": n, "frames": n, "claims": n, "incidents": n}
        assert {d.title for d in store.documents()} == {f"Market explosion {i}" for i in range(n)}


def test_store_two_processes_race_on_the_same_documents(store_url: str) -> None:
    same = list(range(PER_PROCESS))
    added = _run_two(store_url, same, same)
    # Each document is added exactly once, by one process or the other.
    assert sorted(added[0] + added[1]) == same
    with open_store(store_url) as store:
        assert store.counts()["documents"] == PER_PROCESS
        assert store.counts()["claims"] == PER_PROCESS


def test_store_add_losing_a_race_returns_false(store_url: str, monkeypatch: Any) -> None:
    # Deterministically what the race above does by chance: another process commits the same
    # document after this one checked for it, so the insert fails on the primary key.
    doc, frames, entries = numbered_report(7)
    with open_store(store_url) as store:
        assert store.add(doc, frames, Given(entries))
        before = store.counts()
        real, calls = database._has_document, []

        def blind_twice(conn: Any, doc_id: str) -> bool:
            calls.append(doc_id)
            return False if len(calls) <= 2 else real(conn, doc_id)

        monkeypatch.setattr(database, "_has_document", blind_twice)
        assert store.add(doc, frames, Given(entries)) is False
        assert len(calls) == 3  # the two checks it was blind to, then the one after the error
        assert store.counts() == before
