"""add() is all or nothing: a failure part-way leaves the database as it was."""

from __future__ import annotations

import pytest
from store_samples import KERMAN_ID, Given, given, kerman_report, ramming_report

from incidentkb.errors import StoreError
from incidentkb.store import Store


def test_store_failed_add_writes_nothing(store: Store) -> None:
    store.add(*given(ramming_report()))
    before = store.counts()
    doc, frames, entries = kerman_report()
    # The second incident's record cannot be written: by then the document, its frames,
    # claims and the first incident are already inserted, and must be rolled back.
    broken = [entries[0], (entries[1][0], entries[1][1], entries[1][2] | {"x": object()})]
    with pytest.raises(StoreError, match=f"cannot store document {doc.id}: .*JSON serializable"):
        store.add(doc, frames, Given(broken))
    assert store.counts() == before
    assert not store.has_document(doc.id)
    assert store.add(doc, frames, Given(entries)) is True


def test_store_failed_update_keeps_old_record(store: Store) -> None:
    doc, frames, entries = kerman_report()
    store.add(doc, frames, Given(entries))
    old = store.record(KERMAN_ID)
    later, later_frames, _ = ramming_report()
    with pytest.raises(StoreError):
        store.add(later, later_frames, Given([(KERMAN_ID, [0], old | {"bad": {1, 2}})]))
    assert store.record(KERMAN_ID) == old
    assert len(store.incident(KERMAN_ID).frames) == 1
    assert not store.has_document(later.id)
