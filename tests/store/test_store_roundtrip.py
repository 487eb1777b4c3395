"""What goes in comes out equal: documents, frames, claims (detail pairs, dates, value types)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import Given, kerman_report, ramming_report

import incidentkb.store
from incidentkb.errors import NotFound
from incidentkb.model import Claim, Document, Frame
from incidentkb.store import Store


def test_store_public_api_is_open_store_and_store() -> None:
    assert sorted(incidentkb.store.__all__) == ["Store", "open_store"]


def test_store_round_trips_document(store: Store) -> None:
    doc, frames, incidents = kerman_report()
    assert store.add(doc, frames, Given(incidents)) is True
    assert store.has_document(doc.id)
    assert store.document(doc.id) == doc
    assert store.documents() == [doc]


def test_store_round_trips_document_without_optional_fields(store: Store) -> None:
    doc, frames, incidents = ramming_report()
    assert doc.published is None and doc.url is None
    store.add(doc, frames, Given(incidents))
    assert store.document(doc.id) == doc


def test_store_round_trips_frames_and_claims(store: Store) -> None:
    doc, frames, incidents = kerman_report()
    store.add(doc, frames, Given(incidents))
    back = store.frames(doc.id)
    assert back == frames
    claim = back[0].of("location")[0]
    assert claim.detail == (("country_code", "IR"), ("lat", "30.2839"), ("lon", "57.0834"))
    assert back[1].of("date")[0].reported_at == date(2020, 1, 7)
    assert back[1].background is True
    assert all(doc.text[c.start : c.end] == c.quote for f in back for c in f.claims)


def test_store_keeps_value_type_int_or_str(store: Store) -> None:
    doc, frames, incidents = ramming_report()
    as_text = replace(frames[0].claims[1], value="7")
    frames = [replace(frames[0], claims=(*frames[0].claims, as_text))]
    store.add(doc, frames, Given(incidents))
    values = [c.value for c in store.frames(doc.id)[0].of("killed")]
    assert values == [7, "7"]
    assert [type(v) for v in values] == [int, str]


def test_store_rebuilds_incident_from_frames(store: Store) -> None:
    doc, frames, incidents = kerman_report()
    store.add(doc, frames, Given(incidents))
    incident = store.incident(incidents[0][0])
    assert incident.frames == (frames[0],)
    assert incident.background is False
    assert store.incident(incidents[1][0]).background is True


def test_store_add_twice_is_a_noop(store: Store) -> None:
    doc, frames, incidents = kerman_report()
    assert store.add(doc, frames, Given(incidents)) is True
    before = store.counts()
    assert store.add(doc, frames, Given(incidents)) is False
    assert store.counts() == before == {"documents": 1, "frames": 2, "claims": 11, "incidents": 2}


def test_store_document_without_frames(store: Store) -> None:
    doc = Document.make("Nothing happened today.", title="Quiet day")
    assert store.add(doc, [], Given([]))
    assert store.frames(doc.id) == []
    assert store.counts()["frames"] == 0


@pytest.mark.parametrize("read", ["document", "frames"])
def test_store_unknown_document_is_not_found(store: Store, read: str) -> None:
    with pytest.raises(NotFound, match="no document with id 'feedfacefeedface'"):
        getattr(store, read)("feedfacefeedface")


texts = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=texts,
    value=st.one_of(st.integers(0, 10**6), texts),
    detail=st.dictionaries(st.sampled_from(["by", "group", "kind", "precision"]), texts),
    reported=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1))),
)
def test_store_claim_round_trip_property(
    store: Store, text: str, value: int | str, detail: dict[str, str], reported: date | None
) -> None:
    # A fresh text each example: the same text would be the same document, already stored.
    head = f"report {uuid.uuid4().hex}: "
    doc = Document.make(head + text)
    claim = Claim.at(
        doc, len(head), len(doc.text), "event", value, detail=detail, reported_at=reported
    )
    frame = Frame(doc.id, (claim,), summary=text)
    store.add(doc, [frame], Given([]))
    assert store.frames(doc.id) == [frame]
    assert store.document(doc.id) == doc
