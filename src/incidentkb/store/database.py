"""The Store: documents, frames and incidents in and out, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from incidentkb.errors import NotFound, StoreError
from incidentkb.model import Document, Frame, Incident

from . import rows
from .engine import reason, writing
from .tables import claims, documents, frames, incident_frames, incidents

# Shorter prefixes would too often name several incidents once the database grows.
MIN_PREFIX = 6

IncidentEntry = tuple[str, Sequence[int], dict[str, Any]]

# INSERT … ON CONFLICT is spelled the same in both, but each dialect builds its own.
_UPSERTS: dict[str, Callable[..., Any]] = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class Store:
    """An open database. Make one with open_store(); close it, or use it in a `with`."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    @property
    def url(self) -> str:
        """The database, password hidden: for messages."""
        return self._engine.url.render_as_string(hide_password=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    def add(
        self, doc: Document, frames: Sequence[Frame], incidents: Sequence[IncidentEntry]
    ) -> bool:
        """Store a document, its frames and claims, and the incidents they belong to.

        Each incident is (id, ordinals of its frames in `frames`, its public record); an id
        already stored is updated and gains the new frames. False, writing nothing, if the
        document is already stored. All or nothing: on any error nothing is written.
        """
        _check(doc, frames, incidents)
        if self.has_document(doc.id):
            return False
        try:
            with writing(self._engine) as conn:
                # Asked again under the write lock: another process may have just added it.
                if _has_document(conn, doc.id):
                    return False
                _insert_document(conn, doc, frames)
                for incident_id, ordinals, record in incidents:
                    ids = [rows.frame_id(doc.id, n) for n in dict.fromkeys(ordinals)]
                    _upsert_incident(conn, incident_id, record, ids)
        except sa.exc.IntegrityError as err:
            # PostgreSQL: a concurrent add of the same document committed first.
            if self.has_document(doc.id):
                return False
            raise StoreError(f"cannot store document {doc.id}: {reason(err)}") from err
        # TypeError, ValueError: a record json.dumps cannot write. SQLAlchemy wraps them for
        # SQLite; psycopg serialises JSON itself and lets them through unwrapped.
        except (sa.exc.SQLAlchemyError, TypeError, ValueError) as err:
            raise StoreError(f"cannot store document {doc.id}: {reason(err)}") from err
        return True

    def has_document(self, doc_id: str) -> bool:
        with self._engine.connect() as conn:
            return _has_document(conn, doc_id)

    def document(self, doc_id: str) -> Document:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            raise NotFound(f"no document with id {doc_id!r} in {self.url}")
        return rows.document_from_row(row._mapping)

    def documents(self) -> list[Document]:
        """Every document, in the order they were added."""
        query = sa.select(documents).order_by(documents.c.ingested_at, documents.c.id)
        with self._engine.connect() as conn:
            return [rows.document_from_row(r._mapping) for r in conn.execute(query)]

    def frames(self, doc_id: str) -> list[Frame]:
        """The document's frames, in the order they were given to add()."""
        with self._engine.connect() as conn:
            found = _frames(conn, frames.c.document_id == doc_id, frames.c.ordinal)
            if not found and not _has_document(conn, doc_id):
                raise NotFound(f"no document with id {doc_id!r} in {self.url}")
        return found

    def incidents(
        self,
        q: str | None = None,
        country: str | None = None,
        since: date | None = None,
        type: str | None = None,
        include_background: bool = True,
    ) -> list[dict[str, Any]]:
        """The records of the incidents that pass every filter given, newest first.

        q: in the title or in any claim's quote, ignoring case; country: ISO alpha-2 code;
        since: on or after that day (an incident dated only to its month or year counts if
        that month or year contains the day).
        """
        where = _filters(q, country, since, type, include_background)
        query = (
            sa.select(incidents.c.record)
            .where(*where)
            .order_by(incidents.c.date.desc().nulls_last(), incidents.c.title, incidents.c.id)
        )
        with self._engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).scalars()]

    def record(self, incident_id: str) -> dict[str, Any]:
        """The incident's public record; the id may be a unique prefix of 6 or more characters."""
        with self._engine.connect() as conn:
            return dict(_incident_row(conn, incident_id, self.url).record)

    def incident(self, incident_id: str) -> Incident:
        """The incident rebuilt from its frames, in the order they joined it; ids as record()."""
        with self._engine.connect() as conn:
            row = _incident_row(conn, incident_id, self.url)
            joined = incident_frames.c.incident_id == row.id
            found = _frames(conn, joined, incident_frames.c.id, incident_frames)
        return Incident(row.id, tuple(found), background=row.background)

    def counts(self) -> dict[str, int]:
        """How many documents, frames, claims and incidents are stored."""
        counted = (documents, frames, claims, incidents)
        with self._engine.connect() as conn:
            return {
                table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in counted
            }


def _check(doc: Document, found: Sequence[Frame], entries: Sequence[IncidentEntry]) -> None:
    # Frames and claims are stored under their document, so a stray one would be misfiled.
    for n, frame in enumerate(found):
        strays = [c for c in frame.claims if c.document_id != doc.id]
        if frame.document_id != doc.id or strays:
            raise StoreError(f"cannot store document {doc.id}: frame {n} is from another document")
    for incident_id, ordinals, _record in entries:
        bad = [n for n in ordinals if not 0 <= n < len(found)]
        if bad:
            raise StoreError(
                f"cannot store document {doc.id}: incident {incident_id} names frames {bad},"
                f" but the document has {len(found)} frames"
            )


def _has_document(conn: sa.Connection, doc_id: str) -> bool:
    query = sa.select(documents.c.id).where(documents.c.id == doc_id)
    return conn.execute(query).first() is not None


def _insert_document(conn: sa.Connection, doc: Document, found: Sequence[Frame]) -> None:
    conn.execute(documents.insert(), rows.document_row(doc))
    if not found:
        return
    conn.execute(frames.insert(), [rows.frame_row(f, n) for n, f in enumerate(found)])
    claim_rows = [
        rows.claim_row(c, rows.frame_id(doc.id, n)) for n, f in enumerate(found) for c in f.claims
    ]
    if claim_rows:
        conn.execute(claims.insert(), claim_rows)


def _upsert_incident(
    conn: sa.Connection, incident_id: str, record: dict[str, Any], frame_ids: list[str]
) -> None:
    row = rows.incident_row(incident_id, record)
    insert = _UPSERTS[conn.dialect.name](incidents).values(row)
    # The record given is the incident as resolved with this document: it replaces the old.
    changed = {k: insert.excluded[k] for k in row if k != "id"}
    conn.execute(insert.on_conflict_do_update(index_elements=["id"], set_=changed))
    if frame_ids:
        links = [{"incident_id": incident_id, "frame_id": f} for f in frame_ids]
        conn.execute(incident_frames.insert(), links)


def _frames(
    conn: sa.Connection,
    where: sa.ColumnElement[bool],
    order: sa.ColumnElement[Any],
    join: sa.Table | None = None,
) -> list[Frame]:
    """Frames and their claims, claims in the order they were stored."""
    frame_query = sa.select(frames).where(where).order_by(order)
    claim_query = sa.select(claims).join(frames, claims.c.frame_id == frames.c.id).where(where)
    if join is not None:
        frame_query = frame_query.join(join, join.c.frame_id == frames.c.id)
        claim_query = claim_query.join(join, join.c.frame_id == frames.c.id)
    by_frame: dict[str, list[sa.RowMapping]] = {}
    for claim in conn.execute(claim_query.order_by(claims.c.id)):
        by_frame.setdefault(claim.frame_id, []).append(claim._mapping)
    return [
        rows.frame_from_rows(f._mapping, by_frame.get(f.id, [])) for f in conn.execute(frame_query)
    ]


def _filters(
    q: str | None, country: str | None, since: date | None, type: str | None, background: bool
) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if q:
        quoted = (
            sa.select(incident_frames.c.id)
            .join(claims, claims.c.frame_id == incident_frames.c.frame_id)
            .where(incident_frames.c.incident_id == incidents.c.id)
            .where(claims.c.quote.icontains(q, autoescape=True))
        )
        where.append(sa.or_(incidents.c.title.icontains(q, autoescape=True), quoted.exists()))
    if country:
        where.append(incidents.c.country_code == country.upper())
    if since:
        day = sa.literal(since.isoformat(), sa.String)
        # "2024-01" (month precision) is the prefix of every day in January 2024.
        contains = sa.func.substr(day, 1, sa.func.length(incidents.c.date)) == incidents.c.date
        where.append(sa.or_(incidents.c.date >= since.isoformat(), contains))
    if type:
        where.append(incidents.c.type == type)
    if not background:
        where.append(incidents.c.background.is_(False))
    return where


def _incident_row(conn: sa.Connection, incident_id: str, url: str) -> sa.Row[Any]:
    """The incidents row for an id or a unique prefix of one."""
    row = conn.execute(sa.select(incidents).where(incidents.c.id == incident_id)).first()
    if row is not None:
        return row
    if len(incident_id) < MIN_PREFIX:
        raise NotFound(
            f"no incident with id {incident_id!r} in {url}"
            f" (a prefix needs at least {MIN_PREFIX} characters)"
        )
    prefix = sa.func.substr(incidents.c.id, 1, len(incident_id)) == incident_id
    ids = conn.execute(sa.select(incidents.c.id).where(prefix).limit(5)).scalars().all()
    if not ids:
        raise NotFound(f"no incident with id {incident_id!r} in {url}")
    if len(ids) > 1:
        raise NotFound(
            f"incident id prefix {incident_id!r} is ambiguous: it starts {', '.join(ids)}"
            + (", …" if len(ids) == 5 else "")
            + "; give more characters"
        )
    return conn.execute(sa.select(incidents).where(incidents.c.id == ids[0])).one()
