"""A live uvicorn server on a migrated demo database, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy.orm import Session, sessionmaker

from app.db import migrate
from app.db.engine import make_database
from app.main import create_app
from ingest.demo.loader import load_demo
from tests.bench.browser import CHROMIUM_ARGS, chromium_path
from tests.conftest import free_port, make_settings, skip_or_fail, wait_until_healthy

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def serve(path: Path, fill: Callable[[Session], object], **overrides: Any) -> Iterator[str]:
    """The real app under uvicorn on a free port, on a new migrated SQLite file that `fill` stocks."""
    settings = make_settings(f"sqlite:///{path}", **overrides)
    database = make_database(settings)
    migrate.upgrade(database.engine)
    with sessionmaker(bind=database.engine).begin() as session:
        fill(session)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, database), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, 30)
    yield base
    server.should_exit = True
    thread.join(timeout=10)
    database.engine.dispose()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on a SQLite file holding the demo data."""
    yield from serve(tmp_path_factory.mktemp("live") / "live.db", load_demo)


# Package scope: Playwright's sync API leaves its event loop marked as running in this thread, which
# would break later tests that run a loop of their own (TestClient, the bench's ASGI driver).
@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """Headless Debian chromium, or skip (fail under COOPMAP_REQUIRE_BROWSER=1) with the reason."""
    executable = chromium_path()
    if executable is None:
        skip_or_fail(
            "Browser",
            "Debian's chromium is not installed (apt-get install chromium)",
            "COOPMAP_REQUIRE_BROWSER",
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("Browser", "the playwright package is not installed", "COOPMAP_REQUIRE_BROWSER")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
