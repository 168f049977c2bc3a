"""`make bench`: ingest and read-path figures on SQLite and PostGIS, printed as a table.

Usage: python -m tests.bench.run [--count 20000] [--repeat 300]
PostGIS runs when COOPMAP_BENCH_POSTGIS_URL is reachable (default: the test server, database `coopmap_bench`).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.core.config import Environment, Settings
from app.db import migrate
from app.db.base import utcnow
from app.db.engine import make_database
from app.main import create_app
from app.services import ingestion, records
from ingest.pipeline import IngestRequest, run_ingest
from tests.bench.synthetic import generate

console = Console()


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    """p50 and p95 of the samples."""
    ordered = sorted(samples_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Run `call` after a warm-up and return p50/p95 in milliseconds."""
    for _ in range(min(20, repeat)):
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def ingest(settings: Settings, count: int) -> tuple[float, int]:
    """Store `count` synthetic organisations via the ingest services; returns (seconds, rows changed)."""
    database = make_database(settings)
    rows = list(generate(count))
    start = time.perf_counter()
    tally = ingestion.RunTally()
    with database.session_factory.begin() as session:
        now = utcnow()
        for first in range(0, count, 1000):
            items = [
                records.RecordInput(
                    source_id=str(first + n), raw=fields, fields=fields, status_in_source="live"
                )
                for n, fields in enumerate(rows[first : first + 1000])
            ]
            ingestion.store_batch(session, source="bench", items=items, tally=tally, seen_at=now, run_id=None)
    database.engine.dispose()
    return time.perf_counter() - start, tally.inserted + tally.updated


def real_file_ingest(settings: Settings, path: Path) -> tuple[float, float, float, int]:
    """Ingest a real file twice: (seconds, re-run seconds, peak MiB, rows changed by the re-run)."""
    database = make_database(settings)
    request = IngestRequest(source="coops-uk", file=path)
    start = time.perf_counter()
    run_ingest(database, settings, request)
    first = time.perf_counter() - start
    # Peak resident memory of this process so far (it runs first, so this is the interpreter + the ingest).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    again = run_ingest(database, settings, request)
    rerun = time.perf_counter() - start
    database.engine.dispose()
    return first, rerun, peak / 2**20, again.tally.inserted + again.tally.updated


def read_path(settings: Settings, repeat: int) -> dict[str, tuple[float, float]]:
    """In-process HTTP (ASGI) timings of the organisation endpoints."""
    database = make_database(settings)
    figures: dict[str, tuple[float, float]] = {}
    with TestClient(create_app(settings, database)) as client:
        first = client.get("/api/organisations?limit=50").json()
        deep_cursor = first["next_cursor"]
        for _ in range(40):  # walk 2,000 rows in to time a page from the middle
            deep_cursor = client.get(f"/api/organisations?limit=50&cursor={deep_cursor}").json()[
                "next_cursor"
            ]
        detail = first["items"][0]["links"]["self"]
        figures["GET /api/organisations (first page, 50)"] = timed(
            lambda: client.get("/api/organisations?limit=50"), repeat
        )
        figures["GET /api/organisations (page 41, 50)"] = timed(
            lambda: client.get(f"/api/organisations?limit=50&cursor={deep_cursor}"), repeat
        )
        figures["GET /api/organisations/{id}"] = timed(lambda: client.get(detail), repeat)
        figures["GET /healthz"] = timed(lambda: client.get("/healthz"), repeat)
    database.engine.dispose()
    return figures


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


def main() -> None:
    """Run the benchmark on each available engine and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()

    engines: list[tuple[str, str]] = []
    workdir = Path(tempfile.mkdtemp(prefix="coopmap-bench-"))
    engines.append(("SQLite", f"sqlite:///{workdir / 'bench.db'}"))
    test_url = os.environ.get("COOPMAP_TEST_POSTGIS_URL", "postgresql://postgres@127.0.0.1:5432/coopmap_test")
    pg_url = os.environ.get("COOPMAP_BENCH_POSTGIS_URL", test_url.rsplit("/", 1)[0] + "/coopmap_bench")
    pg_engine = prepare_postgis(pg_url)
    if pg_engine is not None:
        pg_engine.dispose()
        engines.append(("PostGIS", pg_url))

    table = Table(
        title=f"Coopmap benchmark: {args.count:,} synthetic organisations, {args.repeat} requests each"
    )
    for column in ("engine", "what", "p50 / figure", "p95", "target (DESIGN.md)"):
        table.add_column(column)
    shared = Path(
        os.environ.get("COOPMAP_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
    )
    cuk_2017 = shared / "coops-uk/2017-06/open_data_organisations.csv"
    for label, url in engines:
        if cuk_2017.is_file():
            real_url = url.replace("bench.db", "real.db") if url.startswith("sqlite") else url
            real_settings = Settings(_env_file=None, database_url=real_url, environment=Environment.TEST)
            migrate.upgrade(make_database(real_settings).engine)
            first, rerun, peak_mib, changed = real_file_ingest(real_settings, cuk_2017)
            table.add_row(
                label, "ingest real 2017 Co-ops UK file (6,674 rows)", f"{first:.2f} s", "", "<= 5 s (SQLite)"
            )
            table.add_row(
                label, "  unchanged re-run", f"{rerun:.2f} s", f"{changed} rows changed", "<= 2 s, 0 rows"
            )
            table.add_row(label, "  peak process memory (RSS)", f"{peak_mib:.0f} MiB", "", "—")
            if not url.startswith("sqlite"):
                pg = prepare_postgis(url)  # start the synthetic run below from an empty database again
                if pg is not None:
                    pg.dispose()
        else:
            console.print(f"[yellow]Real-file ingest skipped:[/yellow] {cuk_2017} not found")
        settings = Settings(_env_file=None, database_url=url, environment=Environment.TEST)
        migrate.upgrade(make_database(settings).engine)
        seconds, changed = ingest(settings, args.count)
        table.add_row(
            label,
            "ingest via services (no matching)",
            f"{seconds:.1f} s",
            f"{args.count / seconds:,.0f} rows/s",
            "<= 5 s with match + merge",
        )
        seconds, changed = ingest(settings, args.count)
        table.add_row(
            label, "unchanged re-run", f"{seconds:.1f} s", f"{changed} rows changed", "0 rows changed"
        )
        for what, (p50, p95) in read_path(settings, args.repeat).items():
            table.add_row(label, what + " (ASGI in-process)", f"{p50:.2f} ms", f"{p95:.2f} ms", "—")
    console.print(table)
    console.print("Radius, bbox and wrk throughput figures arrive with the geo search API.")


if __name__ == "__main__":
    main()
