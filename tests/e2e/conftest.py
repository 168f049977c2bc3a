"""A live uvicorn server on a migrated demo database, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy.orm import sessionmaker

from app.db import migrate
from app.db.engine import make_database
from app.main import create_app
from ingest.demo.loader import load_demo
from tests.conftest import make_settings, skip_or_fail

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    """Debian's chromium (Playwright's own browser download does not work here)."""
    return os.environ.get("COOPMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app under uvicorn on a free port, on a SQLite file holding the demo data."""
    path = tmp_path_factory.mktemp("live") / "live.db"
    settings = make_settings(f"sqlite:///{path}")
    database = make_database(settings)
    migrate.upgrade(database.engine)
    with sessionmaker(bind=database.engine).begin() as session:
        load_demo(session)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, database), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base
    server.should_exit = True
    thread.join(timeout=10)
    database.engine.dispose()


@pytest.fixture(scope="session")
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
