"""Engines and connections: SQLite pragmas, URL normalisation, a warm pool."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from app.db.dialect import normalise_url
from app.db.engine import warm_pool


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_sqlite_connection_uses_wal_foreign_keys_busy_timeout_and_a_larger_cache(session: Session) -> None:
    assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    assert session.execute(text("PRAGMA cache_size")).scalar() == -32768  # KiB, for bulk writes


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("sqlite:///./coopmap.db", "sqlite"),
    ],
)
def test_normalise_url_picks_the_psycopg_driver(given: str, driver: str) -> None:
    assert normalise_url(given).drivername == driver


def test_warm_pool_leaves_open_connections_ready(engine: Engine) -> None:
    fresh = create_engine(engine.url, pool_size=3)
    try:
        warm_pool(fresh, 3)
        assert fresh.pool.checkedin() == 3  # type: ignore[attr-defined]
    finally:
        fresh.dispose()
