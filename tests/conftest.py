"""Fixtures: Settings, migrated databases on SQLite and PostGIS, per-test rollback, ASGI clients.

Every database test runs on both engines through the `engine` fixture. PostGIS tests skip with a
reason when the server is unreachable, unless COOPMAP_REQUIRE_POSTGIS=1 turns the skip into a failure.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import Environment, Settings
from app.db import migrate
from app.db.engine import Database, make_engine
from app.main import create_app
from ingest.demo.loader import load_demo

DEFAULT_POSTGIS_URL = "postgresql://postgres@127.0.0.1:5432/coopmap_test"
REPO_ROOT = Path(__file__).resolve().parent.parent


def postgis_url() -> str:
    """The PostGIS test database URL."""
    return os.environ.get("COOPMAP_TEST_POSTGIS_URL", DEFAULT_POSTGIS_URL)


def skip_or_fail(what: str, reason: str, require_env: str) -> None:
    """Skip with the reason, or fail when the environment requires the component."""
    if os.environ.get(require_env) == "1":
        pytest.fail(f"{what} is required ({require_env}=1) but {reason}", pytrace=False)
    pytest.skip(f"{what} tests skipped: {reason} (set {require_env}=1 to make this a failure)")


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_healthy(base: str, seconds: float) -> None:
    """Poll `{base}/healthz` until it answers 200, or fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{base} did not become healthy in {seconds:.0f} s")


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for tests (no .env file is read)."""
    return Settings(_env_file=None, database_url=database_url, environment=Environment.TEST, **overrides)


def connect_postgis(url: str) -> Engine:
    """An engine on the PostGIS test database, or skip/fail with the reason."""
    engine = make_engine(make_settings(url))
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except OperationalError as exc:
        engine.dispose()
        skip_or_fail("PostGIS", f"{url} is unreachable ({exc.orig})", "COOPMAP_REQUIRE_POSTGIS")
    except ProgrammingError as exc:
        engine.dispose()
        skip_or_fail(
            "PostGIS",
            f"the postgis extension is not available in {url} ({exc.orig})",
            "COOPMAP_REQUIRE_POSTGIS",
        )
    return engine


def reset_postgis(engine: Engine) -> None:
    """Drop every table of ours (extensions stay), so migrations start from nothing."""
    with engine.begin() as connection:
        tables = connection.scalars(
            text(
                "SELECT tablename FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'"
            )
        ).all()
        for table in tables:
            connection.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated SQLite file with the demo dataset committed."""
    path = tmp_path_factory.mktemp("sqlite") / "coopmap.db"
    engine = make_engine(make_settings(f"sqlite:///{path}"))
    migrate.upgrade(engine)
    with sessionmaker(bind=engine).begin() as session:
        load_demo(session)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgis_engine() -> Iterator[Engine]:
    """The migrated PostGIS test database with the demo dataset committed."""
    engine = connect_postgis(postgis_url())
    reset_postgis(engine)
    migrate.upgrade(engine)
    with sessionmaker(bind=engine).begin() as session:
        load_demo(session)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def empty_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database with none of our tables: a new SQLite file, or a PostGIS database `<test db>_scratch`."""
    if request.param == "sqlite":
        engine = make_engine(make_settings(f"sqlite:///{tmp_path_factory.mktemp('empty') / 'empty.db'}"))
    else:
        admin = connect_postgis(postgis_url())
        url = admin.url.set(database=f"{admin.url.database}_scratch")
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}
            )
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{url.database}"'))
        admin.dispose()
        engine = connect_postgis(url.render_as_string(hide_password=False))
        reset_postgis(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def engine(request: pytest.FixtureRequest) -> Engine:
    """Each database test runs once per engine."""
    resolved: Engine = request.getfixturevalue(f"{request.param}_engine")
    return resolved


@pytest.fixture
def database(engine: Engine) -> Iterator[Database]:
    """A Database whose sessions run inside one outer transaction that is rolled back after the test."""
    connection = engine.connect()
    transaction = connection.begin()
    factory = sessionmaker(
        bind=connection, expire_on_commit=False, autoflush=False, join_transaction_mode="create_savepoint"
    )
    yield Database(engine=engine, session_factory=factory)
    transaction.rollback()
    connection.close()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session inside the test's transaction."""
    with database.session_factory() as db_session:
        yield db_session


@pytest.fixture
def settings(engine: Engine) -> Settings:
    """Settings pointing at the engine under test."""
    return make_settings(engine.url.render_as_string(hide_password=False))


@pytest.fixture
def app(settings: Settings, database: Database) -> FastAPI:
    """The real app, built from settings, on the test's transaction."""
    return create_app(settings, database)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Real HTTP requests through the ASGI app."""
    with TestClient(app) as test_client:
        yield test_client
