"""Postcode tables read as streams, postcodes.io through httpx.MockTransport, and the whole geocode run."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.repositories.postcodes import PostcodeRepository
from app.domain.enums import LocationPrecision
from app.domain.errors import SourceError
from app.services import geocoding
from ingest.download import make_client
from ingest.geocode import PostcodesIoClient, read_postcode_table, run_geocode
from ingest.normalise import normalise_postcode
from tests.factories import make_organisation

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DATA = REPO_ROOT / "tests" / "data" / "postcodes"
BASE_URL = "https://postcodes.test"
BULK_URL = f"{BASE_URL}/postcodes?filter=postcode,longitude,latitude"
KW15_1FL = (58.991936, -2.976089)
KW15_1GL = (58.9884, -2.975728)
KW15_1RG = (58.992812, -2.971885)


def settings(**overrides: object) -> Settings:
    return Settings(_env_file=None, download_retries=2, postcodes_io_url=BASE_URL, **overrides)  # type: ignore[arg-type]


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return make_client(settings(), transport=httpx.MockTransport(handler))


def postcodes_io(
    client: httpx.Client, waits: list[float] | None = None, retries: int = 2
) -> PostcodesIoClient:
    record = waits if waits is not None else []
    return PostcodesIoClient(client, BASE_URL, retries, sleep=record.append)


def bulk_answer(known: dict[str, tuple[float, float]]) -> Callable[[httpx.Request], httpx.Response]:
    """A handler shaped like postcodes.io's filtered bulk answer; unknown postcodes get `result: null`."""

    def handler(request: httpx.Request) -> httpx.Response:
        queries = json.loads(request.content)["postcodes"]
        result = [
            {
                "query": query,
                "result": (
                    {"postcode": query, "longitude": known[query][1], "latitude": known[query][0]}
                    if query in known
                    else None
                ),
            }
            for query in queries
        ]
        return httpx.Response(200, json={"status": 200, "result": result})

    return handler


# --- read_postcode_table ------------------------------------------------------------------------------------


def test_read_postcode_table_any_column_order_with_extra_columns() -> None:
    rows = list(read_postcode_table(DATA / "table_mixed_columns.csv"))

    assert rows == [
        ("KW15 1FL", 58.991936, -2.976089),
        ("kw151gl", 58.9884, -2.975728),
        ("KW15 1HP", None, None),
        ("NOT A POSTCODE", 58.983583, -2.958194),
        ("KW15 1HU", None, None),  # an unparsable longitude makes the point unknown
    ]


def test_read_postcode_table_onspd_header_names_and_no_grid_reference() -> None:
    rows = list(read_postcode_table(DATA / "onspd_extract.csv"))

    assert rows == [
        ("KW15 1FL", 58.991936, -2.976089),
        ("OX4 1DD", 51.748935, -1.236631),
        ("KW15 1ZZ", None, None),  # ONSPD's 99.999999 latitude means "no grid reference"
    ]


def test_read_postcode_table_missing_column_raises_naming_it_before_any_row() -> None:
    with pytest.raises(ValueError, match="'longitude'"):
        read_postcode_table(DATA / "missing_longitude.csv")


def test_read_postcode_table_empty_file_raises_value_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")

    with pytest.raises(ValueError, match="'postcode'"):
        read_postcode_table(empty)


def test_read_postcode_table_missing_file_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_postcode_table(tmp_path / "absent.csv")


def test_read_postcode_table_streams_rows_lazily(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("postcode,latitude,longitude\nKW15 1FL,58.99,-2.97\n", encoding="utf-8")

    rows = read_postcode_table(path)

    assert isinstance(rows, Iterator)
    assert next(rows) == ("KW15 1FL", 58.99, -2.97)
    assert next(rows, None) is None


# --- PostcodesIoClient --------------------------------------------------------------------------------------


def test_lookup_posts_the_postcodes_and_reads_a_recorded_answer_with_a_null_result() -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, content=(DATA / "postcodes_io_bulk.json").read_bytes())

    found = postcodes_io(client_for(handler)).lookup(["KW15 1FL", "KW15 1GL", "KW15 9ZZ"])

    assert found == {"KW15 1FL": KW15_1FL, "KW15 1GL": KW15_1GL, "KW15 9ZZ": None}
    assert len(requests) == 1
    assert requests[0].method == "POST"
    assert str(requests[0].url) == BULK_URL
    assert json.loads(requests[0].content) == {"postcodes": ["KW15 1FL", "KW15 1GL", "KW15 9ZZ"]}


def test_lookup_known_postcode_without_coordinates_returns_none() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        answer = {"postcode": "GY1 1AA", "longitude": None, "latitude": None}
        return httpx.Response(200, json={"status": 200, "result": [{"query": "GY1 1AA", "result": answer}]})

    assert postcodes_io(client_for(handler)).lookup(["GY1 1AA"]) == {"GY1 1AA": None}


def test_lookup_more_than_100_postcodes_splits_into_requests_of_at_most_100() -> None:
    sizes: list[int] = []
    answer = bulk_answer({"KW15 1FL": KW15_1FL})

    def handler(request: httpx.Request) -> httpx.Response:
        sizes.append(len(json.loads(request.content)["postcodes"]))
        return answer(request)

    letters = "ABDEFGHJLN"
    postcodes = ["KW15 1FL"] + [f"ZE9 {n // 100}{letters[n // 10 % 10]}{letters[n % 10]}" for n in range(249)]
    found = postcodes_io(client_for(handler)).lookup([*postcodes, "KW15 1FL"])  # a repeat is asked once

    assert sizes == [100, 100, 50]
    assert len(found) == 250
    assert found["KW15 1FL"] == KW15_1FL
    assert found[postcodes[-1]] is None


def test_lookup_retries_a_503_then_succeeds_with_backoff() -> None:
    statuses = iter([503, 200])
    waits: list[float] = []
    answer = bulk_answer({"KW15 1FL": KW15_1FL})

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses)
        return answer(request) if status == 200 else httpx.Response(status, json={"status": status})

    found = postcodes_io(client_for(handler), waits).lookup(["KW15 1FL"])

    assert found == {"KW15 1FL": KW15_1FL}
    assert waits == [0.5]


def test_lookup_three_503s_raise_source_error_after_the_last_retry() -> None:
    calls: list[int] = []
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, json={"status": 503, "error": "Service Unavailable"})

    with pytest.raises(SourceError, match=r"after 3 attempts \(HTTP 503\)"):
        postcodes_io(client_for(handler), waits, retries=2).lookup(["KW15 1FL"])
    assert len(calls) == 3
    assert waits == [0.5, 1.0]


def test_lookup_timeout_is_retried() -> None:
    attempts: list[int] = []
    answer = bulk_answer({"KW15 1FL": KW15_1FL})

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            raise httpx.ReadTimeout("timed out", request=request)
        return answer(request)

    assert postcodes_io(client_for(handler)).lookup(["KW15 1FL"]) == {"KW15 1FL": KW15_1FL}
    assert len(attempts) == 2


def test_lookup_timeouts_on_every_attempt_raise_source_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    with pytest.raises(SourceError, match="timed out"):
        postcodes_io(client_for(handler)).lookup(["KW15 1FL"])


def test_lookup_connection_error_is_retried_then_raises_source_error_naming_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(SourceError, match="ConnectError: connection refused"):
        postcodes_io(client_for(handler)).lookup(["KW15 1FL"])


def test_lookup_429_is_retried() -> None:
    statuses = iter([429, 200])
    answer = bulk_answer({})

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses)
        return answer(request) if status == 200 else httpx.Response(status)

    assert postcodes_io(client_for(handler)).lookup(["KW15 9ZZ"]) == {"KW15 9ZZ": None}


def test_lookup_400_raises_source_error_without_retrying() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(400, json={"status": 400, "error": "Invalid JSON submitted"})

    with pytest.raises(SourceError, match="HTTP 400"):
        postcodes_io(client_for(handler)).lookup(["KW15 1FL"])
    assert len(calls) == 1


@pytest.mark.parametrize(
    "body",
    [b"<html>busy</html>", b'{"status": 200}', b'[{"query": "KW15 1FL"}]'],
    ids=["html", "no-result", "list"],
)
def test_lookup_malformed_answer_raises_source_error(body: bytes) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    with pytest.raises(SourceError, match=r"postcodes\.io"):
        postcodes_io(client_for(handler)).lookup(["KW15 1FL"])


def test_lookup_nothing_asked_sends_no_request() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    assert postcodes_io(client_for(handler)).lookup([]) == {}


# --- run_geocode --------------------------------------------------------------------------------------------


def test_run_geocode_loads_the_table_then_asks_postcodes_io_for_the_rest(session: Session) -> None:
    organisations = [
        make_organisation(session, postcode=pc, latitude=None, longitude=None, location_precision="none")
        for pc in ("KW15 1FL", "KW15 1RG", "KW15 1ZZ")
    ]
    asked: list[str] = []
    answer = bulk_answer({"KW15 1RG": KW15_1RG})

    def handler(request: httpx.Request) -> httpx.Response:
        asked.extend(json.loads(request.content)["postcodes"])
        return answer(request)

    report = run_geocode(
        session,
        postcodes_file=DATA / "table_mixed_columns.csv",
        client=client_for(handler),
        settings=settings(),
    )

    assert report.table_rows == 2
    assert {"KW15 1RG", "KW15 1ZZ"} <= set(asked)
    assert "KW15 1FL" not in asked  # answered by the table
    precisions = []
    for organisation in organisations:
        session.refresh(organisation)
        precisions.append(organisation.location_precision)
    assert precisions == [LocationPrecision.POSTCODE, LocationPrecision.POSTCODE, LocationPrecision.DISTRICT]
    assert (organisations[1].latitude, organisations[1].longitude) == KW15_1RG


def test_run_geocode_without_client_uses_only_the_cache(session: Session) -> None:
    organisation = make_organisation(
        session, postcode="OX4 1DD", latitude=None, longitude=None, location_precision="none"
    )

    report = run_geocode(session, postcodes_file=DATA / "onspd_extract.csv", client=None, settings=settings())

    session.refresh(organisation)
    assert (organisation.latitude, organisation.longitude) == (51.748935, -1.236631)
    assert report.looked_up == 0
    assert report.lookup_error is None


def test_resolve_with_postcodes_io_outage_reports_the_error_instead_of_raising(session: Session) -> None:
    make_organisation(session, postcode="KW15 1ZZ", latitude=None, longitude=None, location_precision="none")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    client = PostcodesIoClient(client_for(handler), BASE_URL, 0, sleep=lambda _s: None)
    report = geocoding.resolve_organisations(
        session, client.lookup, normalise=normalise_postcode, district_of=lambda _raw: None
    )

    assert report.lookup_error is not None
    assert "HTTP 503" in report.lookup_error


# --- real data (skipped when ../shared/data is absent) -----------------------------------------------------


def shared_data_dir() -> Path:
    """The real-data folder: $COOPMAP_SHARED_DATA or <repo>/../shared/data."""
    return Path(os.environ.get("COOPMAP_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.mark.shared_data
def test_load_postcode_table_real_2016_os_cache_stores_every_located_postcode(session: Session) -> None:
    path = shared_data_dir() / "postcodes" / "os_postcode_cache_2016.csv"
    if not path.is_file():
        pytest.skip(f"shared data not found at {path} (set COOPMAP_SHARED_DATA to the shared/data folder)")
    repository = PostcodeRepository(session)
    before = (repository.count(located=True), repository.count(located=False))
    table = [row[0] for row in read_postcode_table(path) if row[1] is not None]
    # The demo data already holds a few of these postcodes; the table replaces them.
    already = len(repository.lookup([p for p in map(normalise_postcode, table) if p]))

    stored = geocoding.load_postcode_table(
        session, read_postcode_table(path), path.name, normalise=normalise_postcode
    )

    after = (repository.count(located=True), repository.count(located=False))
    assert stored == 12_435
    # The 634 blanks are not stored.
    assert (after[0] - before[0], after[1] - before[1]) == (12_435 - already, 0)
    oxford = repository.lookup(["OX4 1DD"])["OX4 1DD"]
    assert (oxford.latitude, oxford.longitude, oxford.origin) == (51.748935, -1.236631, path.name)
    centroid = repository.district_centroid("OX4")
    assert centroid is not None
    assert 51.7 < centroid[0] < 51.8
    assert -1.3 < centroid[1] < -1.1
