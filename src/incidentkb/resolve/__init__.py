"""Resolve: frames -> incidents. Pure functions; no database, clock or network."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from incidentkb.model import Frame, Incident, content_id
from incidentkb.resolve.cluster import CORRECTION_KINDS, Correction, cluster, incident_id
from incidentkb.resolve.match import FrameKey, Link, all_links, frame_key, links_between, window
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


def resolve_keys(
    keys: Sequence[FrameKey], corrections: Sequence[Correction] = ()
) -> list[list[FrameKey]]:
    """Many frames at once (from many documents) -> incidents, each a list of frame keys."""
    return cluster(keys, all_links(keys), corrections)


__all__ = [
    "CORRECTION_KINDS",
    "Correction",
    "FrameKey",
    "Link",
    "all_links",
    "cluster",
    "frame_key",
    "history",
    "incident_id",
    "links_between",
    "reconcile_count",
    "resolve",
    "resolve_keys",
    "window",
]
