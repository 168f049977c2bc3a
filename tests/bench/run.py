"""`make bench`: ingest, geo search latency and API throughput on SQLite and PostGIS, against DESIGN.md.

Usage: python -m tests.bench.run [--sizes 20000,1000000] [--repeat 300] [--skip-ingest] [--skip-wrk]
                                 [--skip-browser]
                                 [--quick] [--sqlite-large] [--reuse-db] [--wrk-seconds 10]

For each size, seeded synthetic organisations (clustered around towns, 15% rural) are bulk-loaded
(`tests.bench.load`), then radius (2 km, at most 100 results) and viewport bbox (about 8 x 6.7 km,
GeoJSON capped at 2,000 features) searches are timed in-process at three levels:
- `service`: `app.services.search.search()` in its own session (query + rows, no HTTP);
- `ASGI app`: the whole request through the FastAPI app called directly as ASGI (routing, validation,
  search, serialisation), without an HTTP client: the server time the targets speak of;
- `TestClient`: the same through Starlette's TestClient (adds the client's own overhead; for reference).
Then one `coopmap serve` process is loaded by wrk -t1 -c32 on loopback with radius queries, and at
20,000 the home page's map is timed in headless Chromium (`tests.bench.browser`).
Sizes above 100,000 run on PostGIS only unless --sqlite-large is given.

PostGIS runs when COOPMAP_BENCH_POSTGIS_URL is reachable (default: the test server, database
`coopmap_bench`; each size gets its own database `<name>_<size>`, dropped and re-created unless
--reuse-db finds one already loaded with the same rows).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

from app.core.config import Environment, Settings
from app.core.runtime import settle_heap
from app.db.engine import Database, make_database, warm_pool
from app.main import create_app
from tests.bench import browser, wrk
from tests.bench.asgi import AsgiDriver, count_items
from tests.bench.databases import bench_database, prepare_postgis
from tests.bench.report import (
    FAIL,
    PASS,
    Figure,
    Report,
    Sample,
    console,
    describe_features,
    describe_rows,
    ms,
    percentiles,
    run_samples,
    summarise,
    targets_for,
)
from tests.bench.synthetic import DEFAULT_SEED, query_points
from tests.bench.writes import ingest_figures, matching_figures

RADIUS_KM = 2.0
RADIUS_LIMIT = 100
BBOX_LIMIT = 2000
# A zoom-13-ish viewport around a point: 0.12 degrees of longitude by 0.06 of latitude (~8 x 6.7 km).
VIEWPORT_HALF_LON = 0.06
VIEWPORT_HALF_LAT = 0.03
MAP_ZOOM = 13
UK_VIEW = (-8.2, 49.9, 1.8, 58.7)
SQLITE_MAX_DEFAULT = 100_000
CLIENT_LEVEL_MAX = 100_000  # larger sizes skip the TestClient figures (reference only) to save time
WARMUP = 30
WRK_POINTS = 200
BROWSER_MAX = 20_000  # the map figures of DESIGN.md are for 20k organisations


def near_text(lat: float, lon: float) -> str:
    """`lat,lon` as a client sends it."""
    return f"{lat:.5f},{lon:.5f}"


def radius_path(lat: float, lon: float) -> str:
    """The radius search of the acceptance figures."""
    return f"/api/organisations?near={near_text(lat, lon)}&radius_km={RADIUS_KM:g}&limit={RADIUS_LIMIT}"


def viewport(lat: float, lon: float) -> tuple[float, float, float, float]:
    """A zoom-13-ish viewport centred on the point: (min_lon, min_lat, max_lon, max_lat)."""
    return (
        round(lon - VIEWPORT_HALF_LON, 5),
        round(lat - VIEWPORT_HALF_LAT, 5),
        round(lon + VIEWPORT_HALF_LON, 5),
        round(lat + VIEWPORT_HALF_LAT, 5),
    )


def bbox_text(box: Sequence[float]) -> str:
    """`min_lon,min_lat,max_lon,max_lat`."""
    return ",".join(f"{value:g}" for value in box)


def bbox_path(box: Sequence[float]) -> str:
    """The viewport GeoJSON search of the acceptance figures."""
    return f"/api/organisations?bbox={bbox_text(box)}&limit={BBOX_LIMIT}&format=geojson"


def map_path(box: Sequence[float], zoom: int) -> str:
    """The map viewport (points or server-side clusters)."""
    return f"/api/map?bbox={bbox_text(box)}&zoom={zoom}"


def check_radius_order(database: Database, points: Sequence[tuple[float, float]]) -> str | None:
    """A problem with radius results (unsorted, outside the radius, too many), or None."""
    from app.services import search

    for lat, lon in points:
        with database.session_factory() as session:
            query = search.SearchQuery(near=f"{lat},{lon}", radius_km=RADIUS_KM)
            result = search.search(session, query, limit=RADIUS_LIMIT)
        distances = [hit.distance_m for hit in result.hits]
        if any(d is None for d in distances):
            return "a radius result has no distance_m"
        known = [d for d in distances if d is not None]
        if known != sorted(known):
            return f"radius results near {lat},{lon} are not sorted by distance"
        if known and known[-1] > RADIUS_KM * 1000 + 1:
            return f"a radius result near {lat},{lon} is {known[-1]:.0f} m away"
        if len(known) > RADIUS_LIMIT:
            return f"{len(known)} radius results, more than the limit {RADIUS_LIMIT}"
    return None


def latency_figures(
    report: Report, engine: str, size: int, settings: Settings, repeat: int, seed: int
) -> None:
    """In-process p50/p95 of radius and bbox at three levels, and of the map when the app has one."""
    from app.services import search

    label = f"{size:,}"
    targets = targets_for(size)
    points = query_points(WARMUP + repeat, seed + 1)
    boxes = [viewport(lat, lon) for lat, lon in query_points(WARMUP + repeat, seed + 2)]
    radius_urls = [radius_path(lat, lon) for lat, lon in points]
    bbox_urls = [bbox_path(box) for box in boxes]
    database = make_database(settings)
    warm_pool(database.engine, settings.db_pool_size)
    problem = check_radius_order(database, points[:20])
    if problem:
        console.print(f"[red]Radius results look wrong:[/red] {problem}")
    app = create_app(settings, database)
    settle_heap()  # as `coopmap serve` does at start-up
    driver = AsgiDriver(app)

    def service_call(query: search.SearchQuery, limit: int) -> Callable[[], Sample]:
        def call() -> Sample:
            start = time.perf_counter()
            with database.session_factory() as session:
                result = search.search(session, query, limit=limit)
            return Sample((time.perf_counter() - start) * 1000, 200, len(result.hits))

        return call

    def asgi_call(url: str) -> Callable[[], Sample]:
        def call() -> Sample:
            elapsed, status, body = driver.get(url)
            return Sample(elapsed, status, count_items(body) if status == 200 else 0, len(body))

        return call

    def client_call(client: TestClient, url: str) -> Callable[[], Sample]:
        def call() -> Sample:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            items = count_items(response.content) if response.status_code == 200 else 0
            return Sample(elapsed, response.status_code, items, len(response.content))

        return call

    radius_queries = [
        search.SearchQuery(near=near_text(lat, lon), radius_km=RADIUS_KM) for lat, lon in points
    ]
    bbox_queries = [search.SearchQuery(bbox=bbox_text(box)) for box in boxes]
    try:
        for what, service_calls, urls, target, describe in (
            (
                "radius 2 km ≤100",
                [service_call(q, RADIUS_LIMIT) for q in radius_queries],
                radius_urls,
                targets.radius,
                describe_rows,
            ),
            (
                "bbox ~8x6.7 km GeoJSON ≤2,000",
                [service_call(q, BBOX_LIMIT) for q in bbox_queries],
                bbox_urls,
                targets.bbox,
                describe_features,
            ),
        ):
            run_samples(service_calls, len(service_calls))  # prime the caches: figures are warm-cache
            for level, calls, judged in (
                ("service search()", service_calls, target),
                ("ASGI app = server time", [asgi_call(url) for url in urls], target),
            ):
                samples = run_samples(calls, WARMUP)
                summarise(report, engine, label, f"{what}: {level}", samples, judged, describe)
            if size <= CLIENT_LEVEL_MAX:  # for reference only; skipped where the run time matters
                with TestClient(app) as client:
                    samples = run_samples([client_call(client, url) for url in urls], WARMUP)
                summarise(report, engine, label, f"{what}: TestClient (+client)", samples, None, describe)
        map_figures(report, engine, label, driver, boxes)
    finally:
        driver.close()
        database.engine.dispose()


def map_figures(
    report: Report, engine: str, label: str, driver: AsgiDriver, boxes: Sequence[Sequence[float]]
) -> None:
    """`/api/map` at zoom 13 over the viewports, and the whole UK at zoom 6 (first call and cached)."""
    _elapsed, status, _body = driver.get(map_path(boxes[0], MAP_ZOOM))
    if status == 404:
        console.print("[yellow]/api/map skipped:[/yellow] the app answers 404 (no map endpoint yet)")
        return

    def call(url: str) -> Callable[[], Sample]:
        def timed_call() -> Sample:
            elapsed, code, body = driver.get(url)
            return Sample(elapsed, code, count_items(body) if code == 200 else 0, len(body))

        return timed_call

    summarise(
        report,
        engine,
        label,
        f"/api/map z{MAP_ZOOM} viewport: ASGI app",
        run_samples([call(map_path(box, MAP_ZOOM)) for box in boxes], WARMUP),
        None,
        lambda samples: "points + clusters " + describe_rows(samples).removeprefix("results "),
    )
    cold = call(map_path(UK_VIEW, 6))()
    warm = run_samples([call(map_path(UK_VIEW, 6))] * 20, 0)
    report.add(
        Figure(
            engine,
            label,
            "/api/map z6 whole UK: first call, then cached",
            ms(cold.ms),
            "",
            f"{cold.items:,} clusters, {cold.size_bytes / 1024:,.0f} KB; cached p50 "
            f"{ms(percentiles([s.ms for s in warm])[0])}"
            + ("" if cold.status == 200 else f"; status {cold.status}"),
        )
    )


def calibration_figure(report: Report, seconds: float) -> None:
    """wrk -c32 against a minimal FastAPI app: this machine's framework floor next to the reference one."""
    if wrk.wrk_path() is None:
        return
    with wrk.serve_ping() as base:
        wrk.run_wrk(base, ["/ping"], connections=32, seconds=2)
        result = wrk.run_wrk(base, ["/ping"], connections=32, seconds=seconds)
    share = result.requests_per_second / wrk.REFERENCE_PING_RPS * 100
    report.add(
        Figure(
            "—",
            "—",
            "calibration: minimal FastAPI /ping, wrk -t1 -c32",
            ms(result.latency_ms.get(50, float("nan"))),
            "p99 " + ms(result.latency_ms.get(99, float("nan"))),
            f"{result.requests_per_second:,.0f} req/s ({share:.0f}% of the reference box)",
            f"reference box: {wrk.REFERENCE_PING_RPS:,} req/s",
        )
    )


def throughput_figures(report: Report, engine: str, size: int, url: str, seconds: float, seed: int) -> None:
    """wrk -t1 -c32 (and -c1) against one `coopmap serve` process with rotating radius queries."""
    label = f"{size:,}"
    target = targets_for(size).throughput
    if wrk.wrk_path() is None:
        console.print("[yellow]wrk skipped:[/yellow] wrk is not installed (Debian: apt-get install wrk)")
        report.add(
            Figure(engine, label, "radius via uvicorn, wrk -c32", target=target.describe(), met="skipped")
        )
        return
    paths = [radius_path(lat, lon) for lat, lon in query_points(WRK_POINTS, seed + 3)]
    with wrk.serve(url) as base:
        status = wrk.get_status(base + paths[0])
        if status != 200:
            raise RuntimeError(f"{paths[0]} answered {status} from coopmap serve")
        wrk.run_wrk(base, paths, connections=32, seconds=2)  # warm the pool, caches and code paths
        loaded = wrk.run_wrk(base, paths, connections=32, seconds=seconds)
        unloaded = wrk.run_wrk(base, paths, connections=1, seconds=max(2.0, seconds / 3))
    for connections, result, judged in ((32, loaded, True), (1, unloaded, False)):
        errors = f"{result.errors:,} errors" if result.errors else "0 errors"
        report.add(
            Figure(
                engine,
                label,
                f"radius via uvicorn, wrk -t1 -c{connections}" + ("" if judged else " (unloaded latency)"),
                ms(result.latency_ms.get(50, float("nan"))),
                "p99 " + ms(result.latency_ms.get(99, float("nan"))),
                f"{result.requests_per_second:,.0f} req/s, {errors}",
                target.describe() if judged else "—",
                target.verdict(result.requests_per_second, result.errors) if judged else "",
            )
        )


# ------------------------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------------------------


def environment_note(pg_url: str | None) -> str:
    """The machine's load and the PostgreSQL settings that move these figures most."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    note = f"Machine: {os.cpu_count()} CPUs, load average {load} (other work on the box skews the figures)"
    if pg_url is None:
        return note
    engine = make_database(Settings(_env_file=None, database_url=pg_url)).engine
    try:
        with engine.connect() as connection:
            version = connection.scalar(text("SHOW server_version"))
            settings = {
                name: connection.scalar(text(f"SHOW {name}"))
                for name in ("shared_buffers", "work_mem", "random_page_cost", "jit")
            }
    finally:
        engine.dispose()
    listed = ", ".join(f"{name}={value}" for name, value in settings.items())
    return f"{note}\nPostgreSQL {version}: {listed}"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (see the module docstring)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="20000,1000000", help="Organisation counts, comma-separated.")
    parser.add_argument("--repeat", type=int, default=300, help="Timed requests per figure.")
    parser.add_argument("--ingest-count", type=int, default=20_000, help="Synthetic records to ingest.")
    parser.add_argument("--skip-ingest", action="store_true", help="Skip the ingest (write path) figures.")
    parser.add_argument(
        "--match-counts",
        default="20000,100000",
        help="Synthetic records to match and merge (SQLite; PostGIS runs the first only).",
    )
    parser.add_argument("--skip-wrk", action="store_true", help="Skip the wrk throughput figures.")
    parser.add_argument("--skip-browser", action="store_true", help="Skip the map figures in Chromium.")
    parser.add_argument("--wrk-seconds", type=float, default=10.0, help="Duration of the wrk -c32 run.")
    parser.add_argument(
        "--quick", action="store_true", help="Smoke run: sizes 2000, 60 requests, 3 s of wrk, no ingest."
    )
    parser.add_argument(
        "--sqlite-large",
        action="store_true",
        help=f"Also run SQLite at sizes above {SQLITE_MAX_DEFAULT:,} (slow to load: triggers fire per row).",
    )
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="Reuse a PostGIS bench database already loaded with the same rows, seed and schema.",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the synthetic data.")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = "2000"
        args.repeat = 60
        args.wrk_seconds = 3.0
        args.skip_ingest = True
    args.size_list = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark on each available engine and print the figures."""
    args = parse_args(argv)
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="coopmap-bench-"))
    test_url = os.environ.get("COOPMAP_TEST_POSTGIS_URL", "postgresql://postgres@127.0.0.1:5432/coopmap_test")
    pg_url = os.environ.get("COOPMAP_BENCH_POSTGIS_URL", test_url.rsplit("/", 1)[0] + "/coopmap_bench")
    engines: list[tuple[str, str]] = [("SQLite", f"sqlite:///{workdir / 'bench.db'}")]
    pg_engine = prepare_postgis(pg_url)
    if pg_engine is not None:
        pg_engine.dispose()
        engines.append(("PostGIS", pg_url))

    report = Report(expected_samples=args.repeat)
    console.print(environment_note(pg_url if pg_engine is not None else None))
    shared = Path(
        os.environ.get("COOPMAP_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
    )
    if not args.skip_wrk:
        calibration_figure(report, min(args.wrk_seconds, 5.0))
    if not args.skip_ingest:
        console.rule("Ingest (write path, through the services)")
        for label, url in engines:
            ingest_figures(report, label, url, args.ingest_count, args.repeat, shared)
        console.rule("Match and merge (issue 7)")
        counts = [int(count.replace("_", "")) for count in args.match_counts.split(",") if count.strip()]
        for label, url in engines:
            matching_figures(report, label, url, counts if label == "SQLite" else counts[:1])
    for size in args.size_list:
        for label, url in engines:
            if label == "SQLite" and size > SQLITE_MAX_DEFAULT and not args.sqlite_large:
                console.print(f"[dim]SQLite at {size:,} skipped (PostGIS only; --sqlite-large runs it)[/dim]")
                continue
            console.rule(f"{label}, {size:,} organisations")
            bench_url = bench_database(report, label, size, url, workdir, args.seed, args.reuse_db)
            if bench_url is None:
                continue
            settings = Settings(_env_file=None, database_url=bench_url, environment=Environment.TEST)
            latency_figures(report, label, size, settings, args.repeat, args.seed)
            if not args.skip_wrk:
                throughput_figures(report, label, size, bench_url, args.wrk_seconds, args.seed)
            if not args.skip_browser and size <= BROWSER_MAX:
                browser.figures(report, label, size, bench_url)
    elapsed = time.perf_counter() - started
    console.print(
        report.table(
            f"Coopmap benchmark: {args.repeat} timed requests per latency figure "
            f"(p50/p95 over distinct query points, seed {args.seed})"
        )
    )
    missed = [row for row in report.rows if row.met.startswith(FAIL)]
    met = [row for row in report.rows if row.met.startswith(PASS)]
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    console.print(
        f"Targets met: {len(met)}, missed: {len(missed)}. Total run time {elapsed / 60:.1f} min "
        f"(load average now {load})."
    )


if __name__ == "__main__":
    main()
