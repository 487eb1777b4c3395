"""The first tables: documents, frames, claims, incidents, incident_frames.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("ref", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "frames",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("document_id", sa.String(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
    )
    op.create_index("ix_frames_document_id", "frames", ["document_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("frame_id", sa.String(), sa.ForeignKey("frames.id"), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("qualifier", sa.String(), nullable=False),
        sa.Column("low", sa.Integer()),
        sa.Column("high", sa.Integer()),
        sa.Column("role", sa.String()),
        sa.Column("attributed_to", sa.Text()),
        sa.Column("reported_at", sa.Date()),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_claims_frame_id", "claims", ["frame_id"])
    _create_incidents()


def _create_incidents() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("type", sa.String()),
        sa.Column("date", sa.String()),
        sa.Column("country_code", sa.String()),
        sa.Column("killed_best", sa.Integer()),
        sa.Column("injured_best", sa.Integer()),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incidents_date", "incidents", ["date"])
    op.create_index("ix_incidents_country_code", "incidents", ["country_code"])
    op.create_index("ix_incidents_type", "incidents", ["type"])
    op.create_table(
        "incident_frames",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(), sa.ForeignKey("incidents.id"), nullable=False),
        sa.Column("frame_id", sa.String(), sa.ForeignKey("frames.id"), nullable=False),
        sa.UniqueConstraint("incident_id", "frame_id", name="uq_incident_frames"),
    )
    op.create_index("ix_incident_frames_frame_id", "incident_frames", ["frame_id"])


def downgrade() -> None:
    for index, table in [
        ("ix_incident_frames_frame_id", "incident_frames"),
        ("ix_incidents_type", "incidents"),
        ("ix_incidents_country_code", "incidents"),
        ("ix_incidents_date", "incidents"),
        ("ix_claims_frame_id", "claims"),
        ("ix_frames_document_id", "frames"),
    ]:
        op.drop_index(index, table_name=table)
    for table in ["incident_frames", "incidents", "claims", "frames", "documents"]:
        op.drop_table(table)
