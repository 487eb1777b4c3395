"""The Store: documents, frames and incidents in and out, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Any, Protocol, Self

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from incidentkb.errors import NotFound, StoreError
from incidentkb.model import Document, Frame, Incident

from . import rows
from .engine import reason, writing
from .tables import (
    claims,
    corrections,
    documents,
    frame_links,
    frames,
    incident_frames,
    incidents,
)

# Shorter prefixes would too often name several incidents once the database grows.
MIN_PREFIX = 6

IncidentEntry = tuple[str, Sequence[str], dict[str, Any]]  # (id, frame ids, public record)
Link = tuple[str, str, float]
# Any constant will do: every process resolving into one PostgreSQL database takes it.
PG_RESOLVE_LOCK = 7_201_845
# Days either side of a frame's interval that a candidate's interval may touch.
_SLACK = timedelta(days=1)


class Resolver(Protocol):
    """What the store asks of the resolve stage while it holds the write lock. Keys are the
    resolver's JSON per frame; the store reads `frame_id`, `country`, `city`, `day_lo`,
    `day_hi`, `wide` and the days a linkable frame must touch (`block_lo`, `block_hi`) from
    them to find candidates, and keeps the rest as it is."""

    def keys(self, doc: Document, found: Sequence[Frame]) -> list[dict[str, Any]]: ...

    def links(
        self, new: Sequence[dict[str, Any]], known: Sequence[dict[str, Any]]
    ) -> list[Link]: ...

    def regroup(
        self,
        keys: Sequence[dict[str, Any]],
        links: Sequence[Link],
        corrections: Sequence[dict[str, Any]],
        found: Mapping[str, Frame],
        docs: Mapping[str, Document],
    ) -> list[IncidentEntry]: ...


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

    def add(self, doc: Document, found: Sequence[Frame], resolver: Resolver) -> bool:
        """Store a document with its frames and claims, and re-group the incidents they touch.

        Under the write lock: the resolver links the new frames to stored candidates (same
        block), and the incidents of everything now linked to them are grouped afresh and
        replace the old ones. False, writing nothing, if the document is already stored.
        All or nothing: on any error nothing is written.
        """
        _check(doc, found)
        if self.has_document(doc.id):
            return False
        try:
            with writing(self._engine) as conn:
                _lock(conn)
                # Asked again under the write lock: another process may have just added it.
                if _has_document(conn, doc.id):
                    return False
                keys = resolver.keys(doc, found)
                _insert_document(conn, doc, found, keys)
                _link(conn, doc.id, keys, resolver)
                _regroup(conn, [k["frame_id"] for k in keys], resolver)
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

    def replace_frames(self, doc_id: str, found: Sequence[Frame], resolver: Resolver) -> None:
        """Re-extraction: the stored document's frames and claims replaced by `found`, its links
        found again, and everything they touched (before or after) grouped afresh. Analysts'
        corrections, which name frames and claims by document and position, apply again."""
        try:
            with writing(self._engine) as conn:
                _lock(conn)
                row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).first()
                if row is None:
                    raise NotFound(f"no document with id {doc_id!r} in {self.url}")
                doc = rows.document_from_row(row._mapping)
                old = list(
                    conn.execute(
                        sa.select(frames.c.id).where(frames.c.document_id == doc_id)
                    ).scalars()
                )
                before = _component(conn, old) - set(old)
                _drop_frames(conn, old)
                keys = resolver.keys(doc, found)
                _check(doc, found)
                _insert_frames(conn, doc, found, keys)
                _link(conn, doc.id, keys, resolver)
                # what the old frames joined (it may now fall apart) and what the new ones join
                _regroup(conn, [*before, *(k["frame_id"] for k in keys)], resolver)
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"cannot re-extract document {doc_id}: {reason(err)}") from err

    def correct(
        self,
        resolver: Resolver,
        kind: str,
        frame_ids: Sequence[str] = (),
        others: Sequence[str] = (),
        claim: tuple[str, str, int, int] | None = None,
        author: str | None = None,
        note: str | None = None,
    ) -> list[str]:
        """Record an analyst's correction and re-group what it touches; the ids of the
        incidents the touched frames now belong to."""
        row = {
            "kind": kind,
            "frames": list(frame_ids),
            "others": list(others),
            "claim": list(claim) if claim else None,
            "author": author,
            "note": note,
            "created_at": datetime.now(UTC),
        }
        touched = [*frame_ids, *others]
        try:
            with writing(self._engine) as conn:
                _lock(conn)
                if claim is not None:
                    found = _claim_frames(conn, claim)
                    if len({doc for doc, _ in found}) != 1:
                        what = f"{claim[0]}:{claim[2]}-{claim[3]}"
                        many = " (the document prefix is ambiguous)" if found else ""
                        raise NotFound(f"no claim at {what} in {self.url}{many}")
                    row["claim"] = [found[0][0], *claim[1:]]
                    touched += [f for _, f in found]
                conn.execute(corrections.insert(), row)
                _regroup(conn, touched, resolver)
                query = sa.select(incident_frames.c.incident_id).where(
                    incident_frames.c.frame_id.in_(touched)
                )
                return sorted(set(conn.execute(query).scalars()))
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"cannot store the {kind}: {reason(err)}") from err

    def document_ids(self, prefix: str) -> list[str]:
        """The ids of stored documents that start with `prefix`."""
        query = sa.select(documents.c.id).where(
            sa.func.substr(documents.c.id, 1, len(prefix)) == prefix
        )
        with self._engine.connect() as conn:
            return list(conn.execute(query.order_by(documents.c.id).limit(5)).scalars())

    def corrections(self) -> list[dict[str, Any]]:
        """The analysts' corrections, oldest first."""
        with self._engine.connect() as conn:
            return _corrections(conn)

    def incident_frame_ids(self, incident_id: str) -> list[str]:
        """The ids of an incident's frames; the id may be a unique prefix."""
        with self._engine.connect() as conn:
            row = _incident_row(conn, incident_id, self.url)
            query = (
                sa.select(incident_frames.c.frame_id)
                .where(incident_frames.c.incident_id == row.id)
                .order_by(incident_frames.c.id)
            )
            return list(conn.execute(query).scalars())

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


def _check(doc: Document, found: Sequence[Frame]) -> None:
    # Frames and claims are stored under their document, so a stray one would be misfiled.
    for n, frame in enumerate(found):
        strays = [c for c in frame.claims if c.document_id != doc.id]
        if frame.document_id != doc.id or strays:
            raise StoreError(f"cannot store document {doc.id}: frame {n} is from another document")


def _lock(conn: sa.Connection) -> None:
    # SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL's would each group
    # without seeing the other's uncommitted frames, so they take turns here.
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_RESOLVE_LOCK)))


def _has_document(conn: sa.Connection, doc_id: str) -> bool:
    query = sa.select(documents.c.id).where(documents.c.id == doc_id)
    return conn.execute(query).first() is not None


def _insert_document(
    conn: sa.Connection, doc: Document, found: Sequence[Frame], keys: Sequence[dict[str, Any]]
) -> None:
    conn.execute(documents.insert(), rows.document_row(doc))
    _insert_frames(conn, doc, found, keys)


def _drop_frames(conn: sa.Connection, ids: list[str]) -> None:
    """A document's frames gone, with their claims, links and incident memberships; an
    incident left with no frame goes too."""
    if not ids:
        return
    old = set(
        conn.execute(
            sa.select(incident_frames.c.incident_id).where(incident_frames.c.frame_id.in_(ids))
        ).scalars()
    )
    conn.execute(incident_frames.delete().where(incident_frames.c.frame_id.in_(ids)))
    conn.execute(
        frame_links.delete().where(sa.or_(frame_links.c.a.in_(ids), frame_links.c.b.in_(ids)))
    )
    conn.execute(claims.delete().where(claims.c.frame_id.in_(ids)))
    conn.execute(frames.delete().where(frames.c.id.in_(ids)))
    _drop_empty(conn, old)


def _drop_empty(conn: sa.Connection, ids: set[str]) -> None:
    """Of these incidents, delete those no frame belongs to any more."""
    emptied = sa.select(incident_frames.c.id).where(incident_frames.c.incident_id == incidents.c.id)
    conn.execute(incidents.delete().where(incidents.c.id.in_(ids), ~emptied.exists()))


def _link(
    conn: sa.Connection, doc_id: str, keys: Sequence[dict[str, Any]], resolver: Resolver
) -> None:
    """Store the links the resolver finds from a document's new frames to stored candidates."""
    found = resolver.links(keys, _candidates(conn, keys, doc_id))
    if found:
        conn.execute(frame_links.insert(), [{"a": a, "b": b, "strength": w} for a, b, w in found])


def _insert_frames(
    conn: sa.Connection, doc: Document, found: Sequence[Frame], keys: Sequence[dict[str, Any]]
) -> None:
    if not found:
        return
    conn.execute(frames.insert(), [rows.frame_row(f, n, keys[n]) for n, f in enumerate(found)])
    claim_rows = [
        rows.claim_row(c, rows.frame_id(doc.id, n)) for n, f in enumerate(found) for c in f.claims
    ]
    if claim_rows:
        conn.execute(claims.insert(), claim_rows)


def _candidates(
    conn: sa.Connection, keys: Sequence[dict[str, Any]], doc_id: str
) -> list[dict[str, Any]]:
    """The stored keys of frames a new frame could link to: overlapping days in its country
    (or with no country), its city (or none); for a frame dated only to a year, its city."""
    found: dict[str, dict[str, Any]] = {}
    for key in keys:
        where = _block(key)
        if where is None:
            continue
        query = sa.select(frames.c.id, frames.c.key).where(
            frames.c.document_id != doc_id, frames.c.key.is_not(None), *where
        )
        for frame_id, stored in conn.execute(query):
            found[frame_id] = stored
    return [found[f] for f in sorted(found)]


def _block(key: dict[str, Any]) -> list[sa.ColumnElement[bool]] | None:
    if not key.get("day_lo") or not key.get("day_hi"):
        return None
    if key.get("wide"):
        return [frames.c.city == key["city"]] if key.get("city") else None
    lo = date.fromisoformat(key.get("block_lo") or key["day_lo"]) - _SLACK
    hi = date.fromisoformat(key.get("block_hi") or key["day_hi"]) + _SLACK
    where = [frames.c.day_lo <= hi, frames.c.day_hi >= lo]
    if key.get("country"):
        where.append(
            sa.or_(frames.c.country_code == key["country"], frames.c.country_code.is_(None))
        )
    if key.get("city"):
        where.append(sa.or_(frames.c.city == key["city"], frames.c.city.is_(None)))
    return where


def _component(conn: sa.Connection, start: Iterable[str]) -> set[str]:
    """The frames joined to `start` by links or by an analyst's merge, transitively."""
    merges = [set(c["frames"]) for c in _corrections(conn) if c["kind"] == "merge"]
    seen = set(start)
    frontier = set(seen)
    while frontier:
        batch = list(frontier)
        found: set[str] = set()
        for chunk in _chunked(batch):
            query = sa.select(frame_links.c.a, frame_links.c.b).where(
                sa.or_(frame_links.c.a.in_(chunk), frame_links.c.b.in_(chunk))
            )
            for a, b in conn.execute(query):
                found |= {a, b}
        for group in merges:
            if group & frontier:
                found |= group
        frontier = found - seen
        seen |= frontier
    return seen


def _chunked(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    # SQLite allows a limited number of bound parameters per statement.
    for n in range(0, len(ids), size):
        yield ids[n : n + size]


def _regroup(conn: sa.Connection, start: Sequence[str], resolver: Resolver) -> None:
    """Group afresh the frames linked to `start`, and replace their incidents."""
    ids = sorted(_component(conn, start))
    keys: list[dict[str, Any]] = []
    for chunk in _chunked(ids):
        query = sa.select(frames.c.key).where(frames.c.id.in_(chunk), frames.c.key.is_not(None))
        keys += list(conn.execute(query).scalars())
    ids = sorted(k["frame_id"] for k in keys)
    links: list[Link] = []
    found: dict[str, Frame] = {}
    for chunk in _chunked(ids):
        query = sa.select(frame_links).where(frame_links.c.a.in_(chunk))
        links += [(r.a, r.b, r.strength) for r in conn.execute(query)]
        found.update(zip(chunk, _frames(conn, frames.c.id.in_(chunk), frames.c.id), strict=True))
    docs = _document_heads(conn, {f.document_id for f in found.values()})
    entries = resolver.regroup(keys, links, _corrections(conn), found, docs)
    _replace_incidents(conn, ids, entries)


def _document_heads(conn: sa.Connection, ids: set[str]) -> dict[str, Document]:
    """Documents without their text: what records show of them."""
    out: dict[str, Document] = {}
    cols = [c for c in documents.c if c.name not in ("text", "sections")]
    for chunk in _chunked(sorted(ids)):
        for r in conn.execute(sa.select(*cols).where(documents.c.id.in_(chunk))):
            out[r.id] = rows.document_from_row({**r._mapping, "text": "", "sections": []})
    return out


def _replace_incidents(
    conn: sa.Connection, ids: list[str], entries: Sequence[IncidentEntry]
) -> None:
    old: set[str] = set()
    for chunk in _chunked(ids):
        query = sa.select(incident_frames.c.incident_id).where(
            incident_frames.c.frame_id.in_(chunk)
        )
        old |= set(conn.execute(query).scalars())
        conn.execute(incident_frames.delete().where(incident_frames.c.frame_id.in_(chunk)))
    for incident_id, frame_ids, record in entries:
        _upsert_incident(conn, incident_id, record, list(frame_ids))
    # An old incident none of whose frames remain is gone (its frames joined another).
    _drop_empty(conn, old)


def _corrections(conn: sa.Connection) -> list[dict[str, Any]]:
    query = sa.select(corrections).order_by(corrections.c.id)
    return [dict(r._mapping) for r in conn.execute(query)]


def _claim_frames(conn: sa.Connection, claim: tuple[str, str, int, int]) -> list[tuple[str, str]]:
    """(document id, frame id) of the claims at a span; the document id may be a prefix."""
    doc_id, field, start, end = claim
    query = (
        sa.select(frames.c.document_id, claims.c.frame_id)
        .join(frames, frames.c.id == claims.c.frame_id)
        .where(
            sa.func.substr(frames.c.document_id, 1, len(doc_id)) == doc_id,
            claims.c.start == start,
            claims.c.end == end,
        )
    )
    if field:
        query = query.where(claims.c.field == field)
    return sorted({(d, f) for d, f in conn.execute(query)})


def _upsert_incident(
    conn: sa.Connection, incident_id: str, record: dict[str, Any], frame_ids: list[str]
) -> None:
    row = rows.incident_row(incident_id, record)
    insert = _UPSERTS[conn.dialect.name](incidents).values(row)
    # The record given is the incident as resolved now: it replaces the old.
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
