"""Alembic environment: the URL comes from Settings, or a connection is handed in by `app.db.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import app.db.models  # noqa: F401  (registers every table on Base.metadata)
from app.core.config import load_settings
from app.db import dialect
from app.db.base import Base
from app.db.engine import make_engine

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=dialect.is_sqlite(connection),
        compare_type=True,
        include_object=dialect.ignore_in_metadata_compare,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the connection given by the caller, or one made from Settings."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(load_settings())
    try:
        with engine.connect() as new_connection:
            _run(new_connection)
            new_connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit(
        "offline (--sql) migrations are not supported: the search structures need a live connection"
    )
run_migrations_online()
