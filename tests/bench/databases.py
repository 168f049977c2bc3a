"""The bench databases: a fresh or reusable PostGIS database per size, or a SQLite file, bulk-loaded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.core.config import Environment, Settings
from app.db import migrate
from app.db.engine import make_database
from tests.bench import load as bulk
from tests.bench.report import Figure, Report, console


def prepare_postgis(url: str) -> Engine | None:
    """A clean PostGIS bench database, or None when unreachable."""
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    try:
        admin = make_database(Settings(_env_file=None, database_url=admin_url)).engine
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        engine = make_database(Settings(_env_file=None, database_url=url)).engine
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        return engine
    except (OperationalError, ProgrammingError) as exc:
        console.print(f"[yellow]PostGIS skipped:[/yellow] {exc.__class__.__name__}: {exc.orig}")
        return None


def load_signature(size: int, seed: int) -> str:
    """What a reusable bench database holds (stored as the database's comment)."""
    return f"coopmap-bench rows={size} seed={seed} revision={migrate.head_revision()}"


def reusable_postgis(url: str, signature: str) -> bool:
    """True when the database exists, is migrated to head and was loaded with this signature."""
    name = url.rsplit("/", 1)[1]
    try:
        engine = make_database(Settings(_env_file=None, database_url=url)).engine
        try:
            with engine.connect() as connection:
                comment = connection.scalar(
                    text("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :n"),
                    {"n": name},
                )
            return comment == signature and migrate.is_up_to_date(engine)
        finally:
            engine.dispose()
    except (OperationalError, ProgrammingError):
        return False


def bench_database(
    report: Report, engine_label: str, size: int, base_url: str, workdir: Path, seed: int, reuse: bool
) -> str | None:
    """A migrated database holding `size` synthetic organisations; returns its URL (None if unavailable)."""
    if engine_label == "SQLite":
        url = f"sqlite:///{workdir / f'bench-{size}.db'}"
    else:
        url = f"{base_url}_{size}"
        signature = load_signature(size, seed)
        if reuse and reusable_postgis(url, signature):
            report.add(Figure(engine_label, f"{size:,}", "bulk load (reused, --reuse-db)", figure="0 s"))
            return url
        engine = prepare_postgis(url)
        if engine is None:
            return None
        engine.dispose()
    settings = Settings(_env_file=None, database_url=url, environment=Environment.TEST)
    database = make_database(settings)
    try:
        migrate.upgrade(database.engine)
        loaded = bulk.load(database.engine, size, seed)
        if engine_label != "SQLite":
            with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                name = url.rsplit("/", 1)[1]
                connection.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{load_signature(size, seed)}'"))
    finally:
        database.engine.dispose()
    phases = f"insert {loaded.insert_seconds:.1f} s, db optimise {loaded.optimise_seconds:.1f} s"
    if engine_label != "SQLite":
        phases += f", indexes {loaded.index_seconds:.1f} s, vacuum {loaded.vacuum_seconds:.1f} s"
    report.add(
        Figure(
            engine_label,
            f"{size:,}",
            "bulk load + coopmap db optimise",
            figure=f"{loaded.seconds:.1f} s ({phases}); {loaded.rows_per_second:,.0f} rows/s",
        )
    )
    return url
