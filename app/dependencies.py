"""Request dependencies shared by the API and the pages: settings and the unit-of-work session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.domain.errors import PayloadTooLarge
from app.services.search import SearchLimits


async def get_settings(request: Request) -> Settings:
    """The Settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; committed when the handler succeeds, rolled back otherwise.

    Async so that opening it costs no worker-thread hop (a session does no I/O until its first query);
    the commit and the rollback do I/O, so they run in the thread pool.
    """
    database: Database = request.app.state.database
    session = database.session_factory()
    try:
        yield session
    except BaseException:
        await anyio.to_thread.run_sync(_end, session, False, limiter=_END_LIMITER)
        raise
    await anyio.to_thread.run_sync(_end, session, True, limiter=_END_LIMITER)


# Ending a session returns its connection to the pool, so it must never queue behind handlers that are
# themselves waiting for a pooled connection in the shared thread pool: under enough concurrent
# requests that is a deadlock until the pool times out. Its own small limiter keeps ends flowing.
_END_LIMITER = anyio.CapacityLimiter(8)


def _end(session: Session, commit: bool) -> None:
    """Commit or roll back, then close: one trip to the thread pool."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


async def get_search_limits(request: Request) -> SearchLimits:
    """The radius default and cap of searches, from the settings."""
    settings: Settings = request.app.state.settings
    return SearchLimits(settings.search_default_radius_km, settings.search_max_radius_km)


SettingsDep = Annotated[Settings, Depends(get_settings)]
SearchLimitsDep = Annotated[SearchLimits, Depends(get_search_limits)]
# scope="function": the commit happens before the response is sent, so a failed commit is never a 200.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


MAX_BODY = 64 * 1024  # public writes: a filled webform is a few KB


async def body_cap(request: Request) -> None:
    """Refuse a public write over 64 KB (413), by its declared length before reading it."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise PayloadTooLarge(f"the request may hold at most {MAX_BODY // 1024} KB")
    if len(await request.body()) > MAX_BODY:
        raise PayloadTooLarge(f"the request may hold at most {MAX_BODY // 1024} KB")
