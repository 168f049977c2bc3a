"""Composition root of the web app: `create_app(settings)` wires settings, database, routes and pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

import app as app_package
from app.api.errors import install_error_handlers
from app.api.openapi import install_openapi
from app.api.routes import areas, clusters, health, organisations, submissions
from app.api.routes import moderation as moderation_api
from app.api.search_schemas import OrganisationFeatureCollection
from app.core.config import Settings
from app.core.csrf import CsrfCookieMiddleware
from app.core.headers import SecurityHeadersMiddleware
from app.core.ratelimit import RateLimiter
from app.core.runtime import settle_heap
from app.db.engine import Database, make_database, warm_pool
from app.views import (
    docs,
    edit_link_pages,
    exports,
    map_pages,
    moderation,
    moderation_auth,
    moderation_users,
    pages,
    submit_pages,
)
from app.views.errors import render_error
from app.views.templating import make_templates
from web import STATIC_DIR

API_DESCRIPTION = """
Coopmap maps the co-operative and democratic economy: public registers (Co-operatives UK, the FCA
Mutuals Public Register, Digital Commons exports) merged with community submissions, with the origin
of every field. Lists are keyset-paginated: follow `links.next` (or pass `next_cursor` as `cursor`).
Errors are JSON `{"error", "detail", "field"}`; a 422 names the parameter at fault.
"""


def create_app(settings: Settings, database: Database | None = None) -> FastAPI:
    """Build the app; `database` is injected by tests, otherwise made from settings (and disposed on exit)."""
    owned = database is None
    db = database if database is not None else make_database(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if owned:  # a served process, not a test: tests inject their database
            warm_pool(db.engine, settings.db_pool_size)
            settle_heap()
        yield
        if owned:
            db.engine.dispose()

    application = FastAPI(
        title="Coopmap API",
        version=app_package.__version__,
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    application.state.settings = settings
    application.state.database = db
    application.state.templates = make_templates(settings)

    application.state.rate_limiter = RateLimiter()
    install_error_handlers(application, html_renderer=render_error)
    tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(settings.tile_url.replace("{s}", "a")))
    application.add_middleware(
        SecurityHeadersMiddleware,
        tile_origin=tile_origin,
        embed_frame_ancestors=settings.embed_frame_ancestors,
    )
    # JSON, GeoJSON and CSV compress about tenfold; tiny answers (and 304s) are not worth the CPU. Level 1
    # of a 2,000-feature GeoJSON page (840 KB) takes 4 ms for 100 KB; Starlette's default level 9 takes
    # 23 ms for 85 KB, which alone would spend the bbox search's whole time budget.
    application.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=1)
    application.add_middleware(CsrfCookieMiddleware)
    application.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in (
        health.router,
        organisations.router,
        submissions.router,
        clusters.router,
        areas.router,
        map_pages.router,
        pages.router,
        exports.router,
        docs.router,
        moderation_auth.router,
        submit_pages.router,
        edit_link_pages.router,
        moderation.router,
        moderation_users.router,
        moderation_users.api,
        moderation_api.router,
        moderation_auth.api,
    ):
        application.include_router(router)
    install_openapi(application, [OrganisationFeatureCollection])
    return application
