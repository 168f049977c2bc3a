"""Engine and session factory for either engine, built from Settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import Settings
from app.db import dialect


@dataclass(frozen=True)
class Database:
    """An engine and the session factory requests and ingest batches use."""

    engine: Engine
    session_factory: sessionmaker[Session]


def make_engine(settings: Settings) -> Engine:
    """Create the engine: SQLite with WAL and pragmas, or PostgreSQL with a warm, pre-pinged pool."""
    url = dialect.normalise_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        busy_timeout_ms = settings.sqlite_busy_timeout_ms

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dialect.configure_sqlite_connection(dbapi_connection, busy_timeout_ms)

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine
    return create_engine(
        url,
        pool_size=settings.db_pool_size,
        pool_pre_ping=True,
        connect_args=dialect.POSTGRESQL_CONNECT_ARGS,
    )


def make_session_factory(bind: Engine | Connection) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (responses are built after the unit of work)."""
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)


def make_database(settings: Settings) -> Database:
    """Engine plus session factory for the composition roots."""
    engine = make_engine(settings)
    return Database(engine=engine, session_factory=make_session_factory(engine))


def warm_pool(engine: Engine, size: int) -> None:
    """Open `size` connections once at start-up so the first requests do not pay for cold backends."""
    connections = [engine.connect() for _ in range(size)]
    try:
        for connection in connections:
            connection.exec_driver_sql("SELECT 1")
    finally:
        for connection in connections:
            connection.close()
