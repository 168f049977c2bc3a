"""Finer planner statistics of the location columns on PostgreSQL (nothing on SQLite).

Revision ID: 0005_location_statistics
Revises: 0004_geo_search
Create Date: 2026-12-03 06:50:00
"""

from collections.abc import Sequence

from alembic import op

from app.db import dialect

revision: str = "0005_location_statistics"
down_revision: str | None = "0004_geo_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Sample `geog` and `geom` finely; the next ANALYZE (`coopmap db optimise`) uses it."""
    dialect.set_location_statistics(op.get_bind())


def downgrade() -> None:
    """Back to the default statistics target."""
    dialect.set_location_statistics(op.get_bind(), None)
