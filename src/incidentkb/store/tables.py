"""The tables, as SQLAlchemy Core. The migrations in migrations/versions create them; a test
checks that the two agree, so a change here needs a new migration."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# Strings carry no length: ids and vocabularies belong to other stages, and a length here
# would turn their change into a failed write on PostgreSQL (SQLite ignores lengths).
# Plain JSON, not PostgreSQL's JSONB: JSONB reorders keys, and the record's key order is what
# users see in exports.
Json = sa.JSON

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column("ref", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(), nullable=False),
    sa.Column("format", sa.String(), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sections", Json, nullable=False),  # [[title, start, end], ...]
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

frames = sa.Table(
    "frames",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),  # f"{document_id}:{ordinal}"
    sa.Column("document_id", sa.String(), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("background", sa.Boolean, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Index("ix_frames_document_id", "document_id"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("frame_id", sa.String(), sa.ForeignKey("frames.id"), nullable=False),
    sa.Column("field", sa.String(), nullable=False),
    sa.Column("value", Json, nullable=False),  # an int or a str, kept as that type
    sa.Column("qualifier", sa.String(), nullable=False),
    sa.Column("low", sa.Integer),
    sa.Column("high", sa.Integer),
    sa.Column("role", sa.String()),
    sa.Column("attributed_to", sa.Text),
    sa.Column("reported_at", sa.Date),
    sa.Column("status", sa.String(), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("detail", Json, nullable=False),  # [[key, value], ...], sorted by key
    sa.Index("ix_claims_frame_id", "frame_id"),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    # Index columns copied out of the record so that filters need not parse JSON.
    sa.Column("title", sa.Text),
    sa.Column("type", sa.String()),
    sa.Column("date", sa.String()),  # ISO text: "2024-01-03", or "2024-01" at month precision
    sa.Column("country_code", sa.String()),  # upper case, ISO 3166-1 alpha-2
    sa.Column("killed_best", sa.Integer),
    sa.Column("injured_best", sa.Integer),
    sa.Column("background", sa.Boolean, nullable=False),
    sa.Column("record", Json, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_incidents_date", "date"),
    sa.Index("ix_incidents_country_code", "country_code"),
    sa.Index("ix_incidents_type", "type"),
)

incident_frames = sa.Table(
    "incident_frames",
    metadata,
    # A surrogate key only to remember the order in which frames joined the incident.
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.String(), sa.ForeignKey("incidents.id"), nullable=False),
    sa.Column("frame_id", sa.String(), sa.ForeignKey("frames.id"), nullable=False),
    sa.UniqueConstraint("incident_id", "frame_id", name="uq_incident_frames"),
    sa.Index("ix_incident_frames_frame_id", "frame_id"),
)
