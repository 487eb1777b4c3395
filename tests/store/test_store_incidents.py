"""Incidents: filters, order, lookup by id prefix, and updates from later reports."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from store_samples import (
    KERMAN_ID,
    RAMMING_ID,
    SHOOTING_ID,
    STAMPEDE_ID,
    Given,
    given,
    kerman_report,
    ramming_report,
    record,
    shooting_report,
    span,
)

from incidentkb.errors import NotFound, StoreError
from incidentkb.model import Claim, Document, Frame
from incidentkb.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    for report in (kerman_report, ramming_report, shooting_report):
        store.add(*given(report()))
    return store


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def test_store_incidents_newest_first(filled: Store) -> None:
    assert ids(filled.incidents()) == [SHOOTING_ID, KERMAN_ID, RAMMING_ID, STAMPEDE_ID]


def test_store_incidents_returns_records_as_given(filled: Store) -> None:
    _doc, _frames, entries = shooting_report()
    assert filled.incidents(type="shooting") == [entries[0][2]]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "IR"}, [KERMAN_ID, STAMPEDE_ID]),
        ({"country": "ke"}, [RAMMING_ID]),
        ({"country": "FR"}, []),
        ({"country": "IR", "include_background": False}, [KERMAN_ID]),
        ({"include_background": False}, [SHOOTING_ID, KERMAN_ID, RAMMING_ID]),
        ({"type": "bombing"}, [KERMAN_ID]),
        ({"type": "crowd_crush"}, [STAMPEDE_ID]),
        ({"since": date(2024, 1, 3)}, [SHOOTING_ID, KERMAN_ID]),
        ({"since": date(2024, 1, 4)}, [SHOOTING_ID]),
        # "2023-03" is dated to its month only: it may be on or after 20 March
        ({"since": date(2023, 3, 20)}, [SHOOTING_ID, KERMAN_ID, RAMMING_ID]),
        ({"since": date(2023, 4, 1)}, [SHOOTING_ID, KERMAN_ID]),
        ({"q": "KERMAN"}, [KERMAN_ID]),
        ({"q": "stampede"}, [STAMPEDE_ID]),
        ({"q": "briefcases"}, [KERMAN_ID]),  # only in a claim's quote
        ({"q": "commuters"}, []),  # in the text, but in no claim's quote
        ({"q": "%"}, []),  # a LIKE wildcard is just a character
        ({"q": "shooting", "country": "US", "since": date(2024, 1, 1)}, [SHOOTING_ID]),
        ({"q": "shooting", "country": "IR"}, []),
    ],
)
def test_store_incidents_filters(
    filled: Store, filters: dict[str, Any], expected: list[str]
) -> None:
    assert ids(filled.incidents(**filters)) == expected


def test_store_incidents_same_date_ordered_by_title(store: Store) -> None:
    for n, title in enumerate(["Zeta attack", "Alpha attack"]):
        doc = Document.make(f"report {n}")
        entry = (
            f"same-day-{n}",
            [],
            record(f"same-day-{n}", title, "other", "2024-03-01", "FR", None),
        )
        store.add(doc, [], Given([entry]))
    assert [r["title"] for r in store.incidents()] == ["Alpha attack", "Zeta attack"]


def test_store_incidents_tolerate_missing_record_parts(store: Store) -> None:
    doc = Document.make("A sparse report.")
    assert store.add(doc, [], Given([("sparse0001", [], {"id": "sparse0001", "location": None})]))
    assert store.incidents() == [{"id": "sparse0001", "location": None}]
    assert store.incidents(country="FR") == []


def test_store_record_by_id_and_unique_prefix(filled: Store) -> None:
    assert filled.record(RAMMING_ID)["title"] == "Nairobi bus terminal ramming"
    assert filled.record(RAMMING_ID[:6])["id"] == RAMMING_ID
    assert filled.incident(SHOOTING_ID[:8]).id == SHOOTING_ID


def test_store_record_short_prefix_is_not_found(filled: Store) -> None:
    with pytest.raises(NotFound, match="a prefix needs at least 6 characters"):
        filled.record(RAMMING_ID[:5])


def test_store_record_ambiguous_prefix_names_the_candidates(filled: Store) -> None:
    with pytest.raises(NotFound, match=f"ambiguous: it starts {KERMAN_ID}, {STAMPEDE_ID}"):
        filled.record(KERMAN_ID[:6])


@pytest.mark.parametrize("read", ["record", "incident"])
def test_store_unknown_incident_is_not_found(filled: Store, read: str) -> None:
    with pytest.raises(NotFound, match="no incident with id 'ffffffffffff'"):
        getattr(filled, read)("ffffffffffff")


def test_store_later_report_updates_incident(filled: Store) -> None:
    text = "Iran's interior minister said on Friday the Kerman toll had risen to 95 dead.\n"
    doc = Document.make(text, published=date(2024, 1, 5))
    frame = Frame(doc.id, (Claim.at(doc, *span(doc, "risen to 95 dead"), "killed", 95),))
    updated = filled.record(KERMAN_ID) | {"killed": {"best": 95, "claims": []}}
    assert filled.add(doc, [frame], Given([(KERMAN_ID, [0], updated)]))
    assert filled.record(KERMAN_ID) == updated
    _doc, kerman_frames, _ = kerman_report()
    assert filled.incident(KERMAN_ID).frames == (kerman_frames[0], frame)
    assert filled.counts()["incidents"] == 4


def test_store_rejects_incident_of_unknown_frame(store: Store) -> None:
    doc, frames, _ = ramming_report()
    with pytest.raises(StoreError, match=f"cannot store document {doc.id}"):
        store.add(doc, frames, Given([(RAMMING_ID, [3], {"id": RAMMING_ID})]))
    assert not store.has_document(doc.id)


def test_store_rejects_frame_of_another_document(store: Store) -> None:
    doc, frames, entries = ramming_report()
    other = Document.make("Another report.")
    with pytest.raises(StoreError, match="frame 0 is from another document"):
        store.add(other, frames, Given(entries))
    assert store.counts()["documents"] == 0
