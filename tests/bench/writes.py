"""Write-path figures: the real 2017 Co-ops UK file and synthetic records through the ingest services."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from fastapi.testclient import TestClient

from app.core.config import Environment, Settings
from app.db import migrate
from app.db.base import utcnow
from app.db.engine import make_database
from app.main import create_app
from app.services import ingestion, records
from ingest.pipeline import IngestRequest, run_ingest
from tests.bench.databases import prepare_postgis
from tests.bench.report import FAIL, PASS, Figure, Report, console, ms, timed, within_seconds
from tests.bench.synthetic import generate


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
    """In-process HTTP (ASGI) timings of the organisation list and detail endpoints."""
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


def ingest_figures(report: Report, label: str, url: str, count: int, repeat: int, shared: Path) -> None:
    """The write-path figures of one engine: the real 2017 file and `count` synthetic records."""
    cuk_2017 = shared / "coops-uk/2017-06/open_data_organisations.csv"
    if cuk_2017.is_file():
        real_url = url.replace("bench.db", "real.db") if url.startswith("sqlite") else url
        real_settings = Settings(_env_file=None, database_url=real_url, environment=Environment.TEST)
        migrate.upgrade(make_database(real_settings).engine)
        first, rerun, peak_mib, changed = real_file_ingest(real_settings, cuk_2017)
        size = "6,674 real"
        report.add(
            Figure(
                label,
                size,
                "ingest the real 2017 Co-ops UK file",
                figure=f"{first:.2f} s",
                target="≤ 5 s",
                met=within_seconds(first, 5),
            )
        )
        report.add(
            Figure(
                label,
                size,
                "  unchanged re-run",
                figure=f"{rerun:.2f} s, {changed} rows changed",
                target="≤ 2 s, 0 rows",
                met=PASS if rerun <= 2 and changed == 0 else f"{FAIL} {rerun:.1f} s, {changed} rows",
            )
        )
        report.add(Figure(label, size, "  peak process memory (RSS)", figure=f"{peak_mib:.0f} MiB"))
        if not url.startswith("sqlite"):
            pg = prepare_postgis(url)  # start the synthetic run below from an empty database again
            if pg is not None:
                pg.dispose()
    else:
        console.print(f"[yellow]Real-file ingest skipped:[/yellow] {cuk_2017} not found")
    settings = Settings(_env_file=None, database_url=url, environment=Environment.TEST)
    migrate.upgrade(make_database(settings).engine)
    size = f"{count:,}"
    seconds, changed = ingest(settings, count)
    report.add(
        Figure(
            label,
            size,
            "ingest synthetic via services (no matching)",
            figure=f"{seconds:.1f} s, {count / seconds:,.0f} rows/s",
            target="≤ 5 s with match + merge",
            met=within_seconds(seconds, 5),
        )
    )
    seconds, changed = ingest(settings, count)
    report.add(
        Figure(
            label,
            size,
            "  unchanged re-run",
            figure=f"{seconds:.1f} s, {changed} rows changed",
            target="0 rows changed",
            met=PASS if changed == 0 else f"{FAIL} {changed} rows",
        )
    )
    for what, (p50, p95) in read_path(settings, repeat).items():
        report.add(Figure(label, size, what + " (TestClient)", ms(p50), ms(p95)))


# Issue 7's targets for match and merge (2 cores): seconds and, for 100k, peak memory.
MATCH_TARGETS = {20_000: (5.0, None), 100_000: (60.0, 2048)}


def matching_figures(report: Report, label: str, url: str, counts: Sequence[int]) -> None:
    """Match and merge synthetic records in a child process per size (its own peak memory)."""
    for count in counts:
        if url.startswith("sqlite"):
            path = Path(url.removeprefix("sqlite:///")).with_name(f"match-{count}.db")
            path.unlink(missing_ok=True)
            target_url = f"sqlite:///{path}"
        else:
            engine = prepare_postgis(url)
            if engine is None:
                continue
            engine.dispose()
            target_url = url
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.matching", "--url", target_url, "--count", str(count)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            report.add(Figure(label, f"{count:,}", "match + merge", figure=f"{FAIL}: {done.stderr[-300:]}"))
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        seconds, memory = MATCH_TARGETS.get(count, (None, None))
        size = f"{result['records']:,} synthetic"
        mib = result["peak_mib"]
        met = within_seconds(result["match_merge_s"], seconds) if seconds else ""
        if memory is not None and mib > memory:
            met = f"{FAIL} {mib} MiB"
        report.add(
            Figure(
                label,
                size,
                "match + merge (cluster, create organisations, survivorship, pairs)",
                figure=f"{result['match_merge_s']:.2f} s, peak {mib} MiB",
                target=f"≤ {seconds:.0f} s" + (f", ≤ {memory / 1024:.0f} GB" if memory else "")
                if seconds
                else "",
                met=met,
            )
        )
        stages = ", ".join(f"{name} {value:.2f}" for name, value in result["stages_s"].items())
        report.add(Figure(label, size, "  stages (s)", figure=stages))
        report.add(
            Figure(
                label,
                size,
                "  unchanged re-run",
                figure=f"{result['rerun_s']:.2f} s, {result['rerun_writes']} writes",
                target="0 writes",
                met=PASS if result["rerun_writes"] == 0 else f"{FAIL} {result['rerun_writes']} writes",
            )
        )
        report.add(
            Figure(
                label,
                size,
                "  stored organisations vs truth: P / R / F1, false register merges",
                figure=(
                    f"{result['precision']:.4f} / {result['recall']:.4f} / {result['f1']:.4f}, "
                    f"{result['false_register_merges']}"
                ),
            )
        )
        report.add(
            Figure(
                label,
                size,
                "  store before matching (records only, as an ingest does)",
                figure=f"{result['store_s']:.1f} s",
            )
        )
