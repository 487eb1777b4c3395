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
    # The resolver's key for the frame (JSON) and the columns its candidate query blocks on.
    sa.Column("key", Json),
    sa.Column("country_code", sa.String()),
    sa.Column("city", sa.Text),
    sa.Column("day_lo", sa.Date),
    sa.Column("day_hi", sa.Date),
    sa.Column("wide", sa.Boolean),
    sa.Index("ix_frames_document_id", "document_id"),
    sa.Index("ix_frames_block", "country_code", "day_lo"),
    sa.Index("ix_frames_city", "city"),
)

# Pairs of frames (from different documents) the resolver found to describe one incident;
# incidents are the groups these links make, so a new report re-groups only what it touches.
frame_links = sa.Table(
    "frame_links",
    metadata,
    sa.Column("a", sa.String(), sa.ForeignKey("frames.id"), primary_key=True),
    sa.Column("b", sa.String(), sa.ForeignKey("frames.id"), primary_key=True),
    sa.Column("strength", sa.Float, nullable=False),
    sa.Index("ix_frame_links_b", "b"),
)

# An analyst's merge, split or rejected claim: who, when, and on what; applied over the
# machine's grouping every time it is redone, so it survives new reports and re-extraction.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(), nullable=False),  # merge | split | reject
    sa.Column("frames", Json, nullable=False),  # [frame id, ...]
    sa.Column("others", Json, nullable=False),  # split: the frames they are kept apart from
    sa.Column("claim", Json),  # reject: [document id, field, start, end]
    sa.Column("author", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
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
