"""Geo search: planar points and trigram text on PostGIS, the FTS5 vocabulary on SQLite, filter indexes.

Revision ID: 0004_geo_search
Revises: 0003_ingest_run_counts
Create Date: 2026-12-02 16:40:00
"""

from collections.abc import Sequence

from alembic import op

from app.db import dialect

revision: str = "0004_geo_search"
down_revision: str | None = "0003_ingest_run_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain CREATE INDEX needs no batch mode on SQLite, so the R*Tree and FTS triggers stay in place.
_INDEXES = {
    "ix_organisations_ownership_type": "ownership_type",
    "ix_organisations_membership_type": "membership_type",
    "ix_organisations_organisational_structure": "organisational_structure",
    "ix_organisations_sic_section": "sic_section",
    "ix_organisations_updated_at": "updated_at",
}


def upgrade() -> None:
    """Add the filter indexes and the dialect's geo search structures."""
    for name, column in _INDEXES.items():
        op.create_index(name, "organisations", [column])
    dialect.create_geo_search_structures(op.get_bind())


def downgrade() -> None:
    """Drop them again."""
    dialect.drop_geo_search_structures(op.get_bind())
    for name in _INDEXES:
        op.drop_index(name, table_name="organisations")
