"""Model objects to rows and back. Pure functions: no connection here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from incidentkb.model import Claim, Document, Frame, Section

# A row read by column name; SQLAlchemy's RowMapping also takes Column keys, hence Any.
RowMap = Mapping[Any, Any]


def frame_id(document_id: str, ordinal: int) -> str:
    return f"{document_id}:{ordinal}"


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "ref": doc.ref,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "format": doc.format,
        "text": doc.text,
        "sections": [[s.title, s.start, s.end] for s in doc.sections],
        "ingested_at": datetime.now(UTC),
    }


def document_from_row(row: RowMap) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        ref=row["ref"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        format=row["format"],
        sections=tuple(Section(t, s, e) for t, s, e in row["sections"]),
    )


def frame_row(frame: Frame, ordinal: int, key: Mapping[str, Any] | None = None) -> dict[str, Any]:
    key = key or {}
    return {
        "id": frame_id(frame.document_id, ordinal),
        "document_id": frame.document_id,
        "ordinal": ordinal,
        "background": frame.background,
        "summary": frame.summary,
        "key": dict(key) if key else None,
        "country_code": key.get("country"),
        "city": key.get("city"),
        "day_lo": _day(key.get("day_lo")),
        "day_hi": _day(key.get("day_hi")),
        "wide": key.get("wide"),
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def claim_row(claim: Claim, frame: str) -> dict[str, Any]:
    return {
        "frame_id": frame,
        "field": claim.field,
        "value": claim.value,
        "qualifier": claim.qualifier,
        "low": claim.low,
        "high": claim.high,
        "role": claim.role,
        "attributed_to": claim.attributed_to,
        "reported_at": claim.reported_at,
        "status": claim.status,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "detail": [list(pair) for pair in claim.detail],
    }


def claim_from_row(row: RowMap, document_id: str) -> Claim:
    return Claim(
        field=row["field"],
        value=row["value"],
        document_id=document_id,
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        qualifier=row["qualifier"],
        low=row["low"],
        high=row["high"],
        role=row["role"],
        attributed_to=row["attributed_to"],
        reported_at=row["reported_at"],
        status=row["status"],
        detail=tuple((k, v) for k, v in row["detail"]),
    )


def frame_from_rows(row: RowMap, claims: Sequence[RowMap]) -> Frame:
    return Frame(
        document_id=row["document_id"],
        claims=tuple(claim_from_row(c, row["document_id"]) for c in claims),
        background=row["background"],
        summary=row["summary"],
    )


def incident_row(incident_id: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """The incidents row: the record itself plus the values the filters and ordering use."""
    country = _get(record, "location", "country_code")
    return {
        "id": incident_id,
        "title": record.get("title"),
        "type": record.get("type"),
        "date": _text(_get(record, "date", "value")),
        # Upper case in the column, so that a filter compares without a function on the index.
        "country_code": country.upper() if isinstance(country, str) else None,
        "killed_best": _get(record, "killed", "best"),
        "injured_best": _get(record, "injured", "best"),
        "background": bool(record.get("background", False)),
        "record": dict(record),
        "updated_at": datetime.now(UTC),
    }


def _text(value: Any) -> str | None:
    # A date object would be stored by the driver as its own type; the column is ISO text.
    return None if value is None else str(value)


def _get(record: Mapping[str, Any], key: str, inner: str) -> Any:
    # The record stage may leave a whole part out, or set it to null, when nothing is known.
    part = record.get(key)
    return part.get(inner) if isinstance(part, Mapping) else None
