"""Migrations run on both engines, round-trip, and match the ORM models (no drift)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.db import dialect, migrate
from app.db.base import Base


def drift(engine: Engine) -> list[object]:
    """Differences between the migrated database and the ORM metadata."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": dialect.ignore_in_metadata_compare},
        )
        return list(compare_metadata(context, Base.metadata))


def our_tables(engine: Engine) -> set[str]:
    """Tables of ours (not PostGIS's own)."""
    return {name for name in inspect(engine).get_table_names() if name != "spatial_ref_sys"}


def test_upgrade_creates_every_model_table_without_drift(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    assert set(Base.metadata.tables) <= our_tables(empty_engine)
    assert drift(empty_engine) == []
    assert migrate.is_up_to_date(empty_engine)


def test_drift_check_detects_a_model_change(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    extra = sa.Column("not_migrated", sa.String(10))
    Base.metadata.tables["organisations"].append_column(extra)
    try:
        assert any("not_migrated" in str(diff) for diff in drift(empty_engine))
    finally:
        Base.metadata.tables["organisations"]._columns.remove(extra)
    assert drift(empty_engine) == []


def test_downgrade_to_base_then_upgrade_again(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert our_tables(empty_engine) <= {"alembic_version"}
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert drift(empty_engine) == []


def test_upgrade_is_idempotent(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
