"""Spatial and text search structures of each engine (R*Tree + FTS5 on SQLite; PostGIS + GIN on PostgreSQL).

Revision ID: 0002_search_structures
Revises: 0001_initial
Create Date: 2026-11-22 06:10:00
"""

from collections.abc import Sequence

from alembic import op

from app.db import dialect

revision: str = "0002_search_structures"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the dialect's indexes, triggers and generated columns."""
    dialect.create_search_structures(op.get_bind())


def downgrade() -> None:
    """Drop them again."""
    dialect.drop_search_structures(op.get_bind())
