"""Resolve: frames -> incidents. Pure functions; no database, clock or network."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from incidentkb.model import Frame, Incident, content_id
from incidentkb.resolve.reconcile import history, reconcile_count


def resolve(frames: Iterable[Frame], known: Sequence[Incident] = ()) -> list[Incident]:
    """One incident per frame (single-document resolution): a document's main incident and each
    background incident it mentions stay apart. Ids are hashes of the document and frame position,
    so re-extracting the same document gives the same ids."""
    del known  # cross-document matching joins frames to known incidents (issue 5)
    out: list[Incident] = []
    ordinal: dict[str, int] = {}
    for frame in frames:
        n = ordinal.get(frame.document_id, 0)
        ordinal[frame.document_id] = n + 1
        out.append(
            Incident(content_id(f"{frame.document_id}:{n}"), (frame,), background=frame.background)
        )
    return out


__all__ = ["resolve", "reconcile_count", "history"]
