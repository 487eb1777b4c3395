"""Chains the stages: read -> extract -> resolve -> record -> store. The only module that
knows them all; each stage stays a pure function or a store call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from incidentkb.errors import InputError, StoreError, UsageError
from incidentkb.extract import extract
from incidentkb.ingest import read_paths
from incidentkb.model import Document, Frame, Incident
from incidentkb.record import document_json, to_record
from incidentkb.resolve import (
    Correction,
    FrameKey,
    Link,
    cluster,
    frame_key,
    incident_id,
    links_between,
    resolve,
    window,
)
from incidentkb.store import Store
from incidentkb.store.rows import frame_id

Progress = Callable[[int], None]
_CHUNK = 16  # documents per task sent to a worker process: amortises pickling and IPC


@dataclass(slots=True)
class IngestResult:
    read: int = 0
    new: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.read} documents read, {self.new} new, {self.skipped} skipped, {self.failed} failed"


def analyse(doc: Document) -> tuple[list[Frame], list[tuple[str, list[int], dict[str, Any]]]]:
    """A document's frames and, per incident, its id, frame ordinals and public record."""
    frames = extract(doc)
    incidents = []
    for n, incident in enumerate(resolve(frames)):
        incidents.append((incident.id, [n], to_record(incident, [doc])))
    return frames, incidents


class Resolution:
    """The resolve and record stages as the store drives them while it holds the write lock:
    keys for new frames, links to stored candidates, and the incidents of a linked group."""

    def keys(self, doc: Document, found: Sequence[Frame]) -> list[dict[str, Any]]:
        out = []
        for n, f in enumerate(found):
            key = frame_key(f, frame_id(doc.id, n), doc.published, doc.title, doc.text)
            days = window(key)
            block = (
                {"block_lo": days[0].isoformat(), "block_hi": days[1].isoformat()} if days else {}
            )
            out.append({**key.to_json(), "wide": key.wide, **block})
        return out

    def links(self, new: Sequence[dict[str, Any]], known: Sequence[dict[str, Any]]) -> list[Link]:
        return links_between([_key(k) for k in new], [_key(k) for k in known])

    def regroup(
        self,
        keys: Sequence[dict[str, Any]],
        links: Sequence[Link],
        corrections: Sequence[dict[str, Any]],
        found: Mapping[str, Frame],
        docs: Mapping[str, Document],
    ) -> list[tuple[str, list[str], dict[str, Any]]]:
        fixes = [correction(c) for c in corrections]
        rejected = {c.claim for c in fixes if c.kind == "reject" and c.claim}
        entries = []
        for members in cluster([_key(k) for k in keys], links, fixes):
            frames = tuple(_rejecting(found[m.frame_id], rejected) for m in members)
            background = all(m.background for m in members)
            incident = Incident(incident_id(members), frames, background=background)
            shown = [docs[d] for d in incident.document_ids if d in docs]
            entries.append((incident.id, [m.frame_id for m in members], to_record(incident, shown)))
        return entries


def _key(data: Mapping[str, Any]) -> FrameKey:
    return FrameKey.from_json({k: v for k, v in data.items() if k not in _STORE_ONLY})


_STORE_ONLY = ("wide", "block_lo", "block_hi")


def correction(row: Mapping[str, Any]) -> Correction:
    """A stored correction row as the resolver's Correction."""
    claim = row.get("claim")
    return Correction(
        kind=row["kind"],
        frames=tuple(row.get("frames") or ()),
        others=tuple(row.get("others") or ()),
        claim=(claim[0], claim[1], int(claim[2]), int(claim[3])) if claim else None,
        author=row.get("author"),
        at=row.get("created_at") if isinstance(row.get("created_at"), datetime) else None,
        note=row.get("note"),
    )


def _rejecting(frame: Frame, rejected: set[tuple[str, str, int, int]]) -> Frame:
    """The frame with the claims an analyst rejected marked so; they stay in the record."""
    if not rejected:
        return frame
    marked = tuple(
        replace(c, status="rejected")
        if (c.document_id, c.field, c.start, c.end) in rejected
        or (c.document_id, "", c.start, c.end) in rejected
        else c
        for c in frame.claims
    )
    return replace(frame, claims=marked)


def _extract_many(docs: list[Document]) -> list[tuple[Document, list[Frame]]]:
    return [(d, extract(d)) for d in docs]


def _analyse_many(docs: list[Document]) -> list[tuple[Document, Any]]:
    return [(d, analyse(d)) for d in docs]


# Below this many new documents one process is faster: a worker spends ~2 s loading the gazetteer.
_PARALLEL_FROM = 200


def workers_for(n_docs: int, workers: int | None) -> int:
    """The processes to use: as asked, or all cores for a batch big enough to pay for them."""
    if workers is not None:
        return workers
    return max(1, min(os.cpu_count() or 1, 8)) if n_docs >= _PARALLEL_FROM else 1


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse_all(docs: Iterable[Document], workers: int = 1) -> Iterator[tuple[Document, Any]]:
    """`analyse` over many documents, in order; with workers > 1, in that many processes."""
    return _map(_analyse_many, docs, workers)


def extract_all(
    docs: Iterable[Document], workers: int = 1
) -> Iterator[tuple[Document, list[Frame]]]:
    """`extract` over many documents, in order; with workers > 1, in that many processes."""
    return _map(_extract_many, docs, workers)


def _map(
    work: Callable[[list[Document]], list[tuple[Document, Any]]],
    docs: Iterable[Document],
    workers: int,
) -> Iterator[tuple[Document, Any]]:
    if workers <= 1:
        for chunk in _chunks(docs, 1):
            yield from work(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(work, _chunks(docs, _CHUNK)):
            yield from batch


def ingest(
    paths: Iterable[Path],
    store: Store,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestResult:
    """Read reports into the store; a report already stored is skipped, a bad one is named and
    the rest of the batch still goes in."""
    result = IngestResult()
    fresh: dict[str, Document] = {}
    for item in read_paths(paths):
        if isinstance(item, InputError):
            result.failed += 1
            result.problems.append(item)
        elif store.has_document(item.id) or item.id in fresh:
            result.read += 1
            result.skipped += 1
        else:
            result.read += 1
            fresh[item.id] = item
            continue
        if progress:
            progress(1)
    for doc, frames in extract_all(fresh.values(), workers_for(len(fresh), workers)):
        _store_one(store, doc, frames, result)
        if progress:
            progress(1)
    return result


RESOLUTION = Resolution()


def _store_one(store: Store, doc: Document, frames: list[Frame], result: IngestResult) -> None:
    try:
        added = store.add(doc, frames, RESOLUTION)
    except StoreError as err:
        result.failed += 1
        result.problems.append(InputError(Path(doc.source or doc.id), f"not stored: {err}"))
        return
    if added:
        result.new += 1
    else:
        result.skipped += 1


def reextract(store: Store, progress: Progress | None = None) -> int:
    """Extract every stored document again (after the extractor changed) and re-group what its
    frames touch; analysts' corrections apply again. The number of documents."""
    n = 0
    for doc in store.documents():
        store.replace_frames(doc.id, extract(doc), RESOLUTION)
        n += 1
        if progress:
            progress(1)
    return n


def merge(store: Store, incident_ids: Sequence[str], author: str | None, note: str | None) -> str:
    """Put incidents together as one, for good: later reports and re-grouping keep them so.
    The id of the merged incident."""
    if len(incident_ids) < 2:
        raise UsageError("merge needs two or more incident ids")
    frames = [f for i in incident_ids for f in store.incident_frame_ids(i)]
    touched = store.correct(RESOLUTION, "merge", frames, author=author, note=note)
    return touched[0]


def split(
    store: Store, incident_id: str, documents: Sequence[str], author: str | None, note: str | None
) -> list[str]:
    """Take the frames of some documents out of an incident, for good. The ids of the
    incidents they and the rest now make."""
    frames = store.incident_frame_ids(incident_id)
    doc_of = {f: f.rsplit(":", 1)[0] for f in frames}
    wanted = [d.strip() for d in documents if d.strip()]
    short = [d for d in wanted if len(d) < 6]
    if short:
        raise UsageError(f"document ids need at least 6 characters: {', '.join(short)}")
    out = [f for f in frames if any(doc_of[f].startswith(d) for d in wanted)]
    rest = [f for f in frames if f not in out]
    unknown = [d for d in wanted if not any(doc_of[f].startswith(d) for f in frames)]
    if unknown:
        raise UsageError(f"incident {incident_id} has no document {', '.join(unknown)}")
    if not rest:
        raise UsageError("those are all of the incident's documents: nothing would be left")
    return store.correct(RESOLUTION, "split", out, rest, author=author, note=note)


def reject(
    store: Store, claim: str, field: str | None, author: str | None, note: str | None
) -> list[str]:
    """Mark a claim wrong: it stays in the record, shown as rejected, and counts for nothing.
    `claim` is DOCUMENT:START-END, as `show` prints it. The ids of the incidents it is in."""
    try:
        doc, span = claim.rsplit(":", 1)
        start, end = (int(x) for x in span.split("-"))
    except ValueError:
        raise UsageError(f"{claim!r} is not a claim reference; use DOCUMENT:START-END") from None
    return store.correct(
        RESOLUTION, "reject", claim=(doc, field or "", start, end), author=author, note=note
    )


def extract_paths(paths: Iterable[Path], workers: int = 1) -> Iterator[dict[str, Any] | InputError]:
    """Per document, what it alone says: its metadata and its incident records."""
    problems: list[InputError] = []

    def docs() -> Iterator[Document]:
        for item in read_paths(paths):
            if isinstance(item, InputError):
                problems.append(item)
            else:
                yield item

    for doc, (_, incidents) in analyse_all(docs(), workers):
        yield {"document": document_json(doc), "incidents": [record for _, _, record in incidents]}
    yield from problems
