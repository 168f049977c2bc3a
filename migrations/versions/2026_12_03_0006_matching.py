"""Matching in the database: links a source asserts, and where a merged-away organisation went.

Revision ID: 0006_matching
Revises: 0005_location_statistics
Create Date: 2026-12-03 10:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db import dialect
from app.db.base import JSONType

revision: str = "0006_matching"
down_revision: str | None = "0005_location_statistics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
_FK = "fk_organisations_merged_into_id_organisations"


def upgrade() -> None:
    """`source_records.links` and `organisations.merged_into_id` (plain ADD COLUMN on both engines)."""
    op.add_column(
        "source_records", sa.Column("links", JSONType, nullable=False, server_default=sa.text("'{}'"))
    )
    connection = op.get_bind()
    if dialect.is_sqlite(connection):
        # SQLite cannot add a named foreign key in place: re-create the table, then its search triggers.
        with op.batch_alter_table("organisations", recreate="always") as batch:
            batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(_FK, "organisations", ["merged_into_id"], ["id"], ondelete="SET NULL")
        dialect.create_search_structures(connection)
        dialect.create_geo_search_structures(connection)
    else:
        op.add_column("organisations", sa.Column("merged_into_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            _FK, "organisations", "organisations", ["merged_into_id"], ["id"], ondelete="SET NULL"
        )
    op.create_index("ix_organisations_merged_into_id", "organisations", ["merged_into_id"])


def downgrade() -> None:
    """Drop both columns; SQLite must re-create `organisations` (a foreign key column) and its triggers."""
    op.drop_index("ix_organisations_merged_into_id", table_name="organisations")
    connection = op.get_bind()
    if dialect.is_sqlite(connection):
        with op.batch_alter_table("organisations", recreate="always") as batch:
            batch.drop_column("merged_into_id")
        dialect.create_search_structures(connection)
        dialect.create_geo_search_structures(connection)
    else:
        op.drop_column("organisations", "merged_into_id")
    op.drop_column("source_records", "links")
