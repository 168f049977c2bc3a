"""Many concurrent requests on a small connection pool and thread pool finish instead of deadlocking."""

from __future__ import annotations

import asyncio
from pathlib import Path

import anyio.to_thread
import httpx
from sqlalchemy import create_engine, event

from app.db import dialect, migrate
from app.db.engine import Database, make_session_factory
from app.main import create_app
from tests.conftest import make_settings

CONCURRENT = 12


def test_session_ends_do_not_queue_behind_handlers_waiting_for_a_connection(tmp_path: Path) -> None:
    # One pooled connection and two worker threads: handlers holding both threads wait for the connection,
    # which only comes back when a finished request's session ends. If ending a session needed one of those
    # threads, every request would wait until the pool timeout and fail.
    url = f"sqlite:///{tmp_path / 'small-pool.db'}"
    settings = make_settings(url)
    engine = create_engine(
        url, pool_size=1, max_overflow=0, pool_timeout=3, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        dialect.configure_sqlite_connection(dbapi_connection, settings.sqlite_busy_timeout_ms)

    migrate.upgrade(engine)
    app = create_app(settings, Database(engine=engine, session_factory=make_session_factory(engine)))

    async def many_requests() -> list[httpx.Response]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 2
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(
                *(client.get("/api/organisations?limit=5") for _ in range(CONCURRENT))
            )

    try:
        responses = asyncio.run(asyncio.wait_for(many_requests(), timeout=20))
    finally:
        engine.dispose()
    assert [response.status_code for response in responses] == [200] * CONCURRENT
