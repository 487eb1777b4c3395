"""Chains the stages: read -> extract -> resolve -> record -> store. The only module that
knows them all; each stage stays a pure function or a store call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incidentkb.errors import InputError, StoreError
from incidentkb.extract import extract
from incidentkb.ingest import read_paths
from incidentkb.model import Document, Frame
from incidentkb.record import document_json, to_record
from incidentkb.resolve import resolve
from incidentkb.store import Store

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
    if workers <= 1:
        for d in docs:
            yield d, analyse(d)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(_analyse_many, _chunks(docs, _CHUNK)):
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
    for doc, (frames, incidents) in analyse_all(fresh.values(), workers_for(len(fresh), workers)):
        _store_one(store, doc, frames, incidents, result)
        if progress:
            progress(1)
    return result


def _store_one(
    store: Store, doc: Document, frames: Any, incidents: Any, result: IngestResult
) -> None:
    try:
        added = store.add(doc, frames, incidents)
    except StoreError as err:
        result.failed += 1
        result.problems.append(InputError(Path(doc.source or doc.id), f"not stored: {err}"))
        return
    if added:
        result.new += 1
    else:
        result.skipped += 1


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
