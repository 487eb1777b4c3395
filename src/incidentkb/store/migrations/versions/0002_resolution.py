"""Cross-document resolution: frame keys and blocking columns, frame links, corrections.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FRAME_COLUMNS = [
    ("key", sa.JSON),
    ("country_code", sa.String),
    ("city", sa.Text),
    ("day_lo", sa.Date),
    ("day_hi", sa.Date),
    ("wide", sa.Boolean),
]


def upgrade() -> None:
    # Frames stored before this revision have no key: they stay incidents of their own.
    with op.batch_alter_table("frames") as batch:
        for name, kind in _FRAME_COLUMNS:
            batch.add_column(sa.Column(name, kind()))
    op.create_index("ix_frames_block", "frames", ["country_code", "day_lo"])
    op.create_index("ix_frames_city", "frames", ["city"])
    op.create_table(
        "frame_links",
        sa.Column("a", sa.String(), sa.ForeignKey("frames.id"), primary_key=True),
        sa.Column("b", sa.String(), sa.ForeignKey("frames.id"), primary_key=True),
        sa.Column("strength", sa.Float(), nullable=False),
    )
    op.create_index("ix_frame_links_b", "frame_links", ["b"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("frames", sa.JSON(), nullable=False),
        sa.Column("others", sa.JSON(), nullable=False),
        sa.Column("claim", sa.JSON()),
        sa.Column("author", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("corrections")
    op.drop_index("ix_frame_links_b", table_name="frame_links")
    op.drop_table("frame_links")
    op.drop_index("ix_frames_city", table_name="frames")
    op.drop_index("ix_frames_block", table_name="frames")
    with op.batch_alter_table("frames") as batch:
        for name, _ in reversed(_FRAME_COLUMNS):
            batch.drop_column(name)
