"""The benchmark's building blocks at a tiny size: generator, bulk loader, timed calls, wrk parsing, verdicts.

Behaviour only: no timing is asserted (the figures themselves come from `make bench`).
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, text

from app.core.config import Environment, Settings
from app.db import migrate
from app.db.engine import Database, make_database, make_session_factory
from app.domain.geo import Point, haversine_m
from app.domain.text import slugify, sort_key
from app.main import create_app
from app.services import search
from tests.bench import asgi, report, run, synthetic, wrk
from tests.bench import load as bulk
from tests.bench import matching as bench_matching

SMALL = 500
# Recorded from wrk 4.1 (Debian) against a server answering 404, plus the socket-error line wrk adds.
WRK_SAMPLE = """\
Running 1s test @ http://127.0.0.1:18765/nonexistent
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.35ms    6.34ms  57.12ms   91.06%
    Req/Sec   603.10    172.43     0.88k    60.00%
  Latency Distribution
     50%  705.00us
     75%    8.95ms
     90%   12.88ms
     99%    1.03s
  600 requests in 1.00s, 304.69KB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 600
Requests/sec:    599.41
Transfer/sec:    304.39KB
"""
WRK_CLEAN = """\
Running 10s test @ http://127.0.0.1:40000
  1 threads and 32 connections
  Latency Distribution
     50%   25.95ms
     75%   30.12ms
     90%   36.80ms
     99%   58.77ms
  11745 requests in 10.01s, 148.21MB read
Requests/sec:   1173.37
Transfer/sec:     14.81MB
"""


def test_load_rows_have_unique_ids_and_the_apps_slugs_and_sort_keys() -> None:
    rows = list(synthetic.load_rows(SMALL))
    assert len(rows) == SMALL
    assert all(len(row) == len(synthetic.LOAD_COLUMNS) for row in rows)
    public_ids = [row[0] for row in rows]
    assert len(set(public_ids)) == SMALL
    assert all(len(pid) == 12 and set(pid) <= set("0123456789abcdefghjkmnpqrstvwxyz") for pid in public_ids)
    assert len({row[1] for row in rows}) == SMALL
    for public_id, slug, name, sort_name, *_rest in rows:
        assert slug == slugify(name)
        assert sort_name == sort_key(name)
        assert public_id == synthetic.public_id(int(name.rsplit(" ", 1)[1]))


def test_the_generator_is_seeded_clustered_and_shared_by_both_outputs() -> None:
    fields = list(synthetic.generate(SMALL))
    rows = list(synthetic.load_rows(SMALL))
    assert fields == list(synthetic.generate(SMALL))
    assert [(f["name"], f["latitude"], f["longitude"]) for f in fields] == [(r[2], r[9], r[10]) for r in rows]
    assert fields != list(synthetic.generate(SMALL, seed=1))
    rural = sum(1 for f in fields if f["locality"] is None) / SMALL
    assert 0.08 < rural < 0.25  # about 15%
    london = Point(51.5074, -0.1278)
    near_london = sum(1 for f in fields if haversine_m(london, Point(f["latitude"], f["longitude"])) < 20_000)
    assert near_london > SMALL * 0.2  # the heaviest town really is a cluster
    points = synthetic.query_points(50)
    assert len(points) == 50
    assert all(49 < lat < 59 and -9 < lon < 2 for lat, lon in points)


def test_the_loader_gives_every_not_null_column_a_value() -> None:
    assert bulk.missing_columns() == set()


def _migrated(engine: Engine) -> Settings:
    migrate.upgrade(engine)
    return Settings(
        _env_file=None,
        database_url=engine.url.render_as_string(hide_password=False),
        environment=Environment.TEST,
    )


def test_bulk_load_then_timed_radius_and_bbox_calls(empty_engine: Engine) -> None:
    settings = _migrated(empty_engine)
    report = bulk.load(empty_engine, SMALL)
    assert report.rows == SMALL
    with empty_engine.connect() as connection:
        stored = connection.execute(
            text("SELECT count(*), count(DISTINCT public_id), min(version) FROM organisations")
        ).one()
        assert tuple(stored) == (SMALL, SMALL, 1)
        if empty_engine.dialect.name == "sqlite":  # the R*Tree and FTS triggers fired
            assert connection.scalar(text("SELECT count(*) FROM organisations_rtree")) == SMALL
            assert connection.scalar(text("SELECT count(*) FROM organisations_fts")) == SMALL
        else:  # the dropped indexes are back, with the generated columns filled in
            indexes = connection.scalars(
                text("SELECT indexname FROM pg_indexes WHERE tablename = 'organisations'")
            ).all()
            assert {"ix_organisations_geog", "ix_organisations_visibility_sort"} <= set(indexes)
            assert connection.scalar(text("SELECT count(geog) FROM organisations")) == SMALL

    database = Database(engine=empty_engine, session_factory=make_session_factory(empty_engine))
    london = synthetic.TOWNS[0]
    assert run.check_radius_order(database, [(london[1], london[2])]) is None
    with database.session_factory() as session:
        query = search.SearchQuery(near=f"{london[1]},{london[2]}", radius_km=run.RADIUS_KM)
        result = search.search(session, query, limit=run.RADIUS_LIMIT)
    distances = [hit.distance_m or 0.0 for hit in result.hits]
    assert distances
    assert all(hit.distance_m is not None and hit.distance_m <= 2000.5 for hit in result.hits)
    assert distances == sorted(distances)

    driver = asgi.AsgiDriver(create_app(settings, database))
    try:
        elapsed, status, body = driver.get(run.radius_path(london[1], london[2]))
        assert status == 200
        assert elapsed > 0
        items = orjson.loads(body)["items"]
        assert len(items) == len(distances)
        assert [item["distance_m"] for item in items] == sorted(item["distance_m"] for item in items)
        box = run.viewport(london[1], london[2])
        _elapsed, status, body = driver.get(run.bbox_path(box))
        assert status == 200
        collection = orjson.loads(body)
        assert collection["type"] == "FeatureCollection"
        assert asgi.count_items(body) == len(collection["features"]) > 0
        for feature in collection["features"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert box[0] <= lon <= box[2]
            assert box[1] <= lat <= box[3]
    finally:
        driver.close()


def test_the_served_app_answers_the_wrk_paths(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    database = make_database(Settings(_env_file=None, database_url=url))
    try:
        migrate.upgrade(database.engine)
        bulk.load(database.engine, SMALL)
    finally:
        database.engine.dispose()
    paths = [run.radius_path(lat, lon) for lat, lon in synthetic.query_points(3)]
    with wrk.serve(url) as base:
        assert base.startswith("http://127.0.0.1:")
        assert [wrk.get_status(base + path) for path in paths] == [200, 200, 200]
    script = wrk.lua_script(paths)
    assert all(path in script for path in paths)
    assert "wrk.format" in script


def test_wrk_reports_are_parsed() -> None:
    report = wrk.parse_wrk(WRK_SAMPLE)
    assert report.requests == 600
    assert report.seconds == pytest.approx(1.0)
    assert report.requests_per_second == pytest.approx(599.41)
    assert report.latency_ms == pytest.approx({50: 0.705, 75: 8.95, 90: 12.88, 99: 1030.0})
    assert report.non_2xx == 600
    assert report.socket_errors == {"connect": 0, "read": 2, "write": 0, "timeout": 1}
    assert report.errors == 603
    clean = wrk.parse_wrk(WRK_CLEAN)
    assert (clean.requests, clean.errors, clean.latency_ms[99]) == (11745, 0, 58.77)
    with pytest.raises(ValueError, match="not a wrk report"):
        wrk.parse_wrk("wrk: command not found")


def test_verdicts_say_by_how_much_a_target_is_met_or_missed() -> None:
    latency = report.LatencyTarget(2, 5)
    assert latency.verdict(1.0, 4.0) == "✓ 20% headroom"
    missed = latency.verdict(3.0, 4.0)
    assert missed.startswith("✗")
    assert "p50 +1.0 ms (+50%)" in missed
    assert "p95" not in missed
    throughput = report.ThroughputTarget(1000)
    assert throughput.verdict(1210, 0) == "✓ +21%"
    assert throughput.verdict(900, 0).startswith("✗ -100 req/s")
    assert throughput.verdict(1500, 3) == "✗ 3 errors"
    assert report.targets_for(20_000).radius == latency
    assert report.targets_for(1_000_000).throughput.min_rps == 500


def test_quick_runs_small_and_skips_the_slow_parts() -> None:
    args = run.parse_args(["--quick"])
    assert args.size_list == [2000]
    assert args.skip_ingest
    assert run.parse_args(["--sizes", "20_000,1000000"]).size_list == [20_000, 1_000_000]
    assert report.percentiles([float(n) for n in range(1, 101)]) == (50.5, 96.0)


def test_the_calibration_app_is_a_minimal_fastapi_app() -> None:
    namespace: dict[str, object] = {}
    exec(compile(wrk.PING_APP, "bench_ping.py", "exec"), namespace)  # noqa: S102  (our own constant)
    assert type(namespace["app"]).__name__ == "FastAPI"


def test_matching_bench_stores_matches_and_scores_a_small_set(tmp_path: Path) -> None:
    result = bench_matching.run(f"sqlite:///{tmp_path / 'm.db'}", 400, seed=3)
    assert result["records"] >= 400
    assert result["rerun_writes"] == 0
    assert result["false_register_merges"] == 0
    assert result["precision"] >= 0.95
    assert result["organisations_created"] < result["records"]  # entries joined register organisations
