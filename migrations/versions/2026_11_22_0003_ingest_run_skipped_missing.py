"""Ingest runs count rows skipped by configuration and records gone from the source.

Revision ID: 0003_ingest_run_counts
Revises: 0002_search_structures
Create Date: 2026-11-22 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_ingest_run_counts"
down_revision: str | None = "0002_search_structures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add skipped_count and missing_count."""
    with op.batch_alter_table("ingest_runs") as batch_op:
        batch_op.add_column(sa.Column("skipped_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("missing_count", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("ingest_runs") as batch_op:
        batch_op.drop_column("missing_count")
        batch_op.drop_column("skipped_count")
