"""Private edit links (token hashes only) and the suppression list that every re-ingest honours.

Revision ID: 0008_edit_links_suppressions
Revises: 0007_moderator_sessions
Create Date: 2026-12-03 11:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_edit_links_suppressions"
down_revision: str | None = "0007_moderator_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """`edit_tokens` and `suppressions`."""
    op.create_table(
        "edit_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_edit_tokens_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edit_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_edit_tokens_token_hash")),
    )
    op.create_index("ix_edit_tokens_organisation_id", "edit_tokens", ["organisation_id"])
    op.create_table(
        "suppressions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=True),
        sa.Column("source_id", sa.String(length=120), nullable=True),
        sa.Column("fca_number", sa.String(length=20), nullable=True),
        sa.Column("companies_house_number", sa.String(length=8), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppressions")),
    )
    op.create_index("ix_suppressions_source_record", "suppressions", ["source", "source_id"])
    op.create_index("ix_suppressions_fca_number", "suppressions", ["fca_number"])
    op.create_index("ix_suppressions_companies_house_number", "suppressions", ["companies_house_number"])


def downgrade() -> None:
    """Drop both."""
    for index, table in (
        ("ix_suppressions_companies_house_number", "suppressions"),
        ("ix_suppressions_fca_number", "suppressions"),
        ("ix_suppressions_source_record", "suppressions"),
        ("ix_edit_tokens_organisation_id", "edit_tokens"),
    ):
        op.drop_index(index, table_name=table)
    op.drop_table("suppressions")
    op.drop_table("edit_tokens")
