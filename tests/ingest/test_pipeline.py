"""The ingest pipeline end to end on both engines: idempotent, converging, and all-or-nothing on failure."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.db.models import IngestRun, Organisation, SourceRecord
from app.domain.enums import IngestStatus, OrganisationStatus
from app.domain.errors import SourceError
from ingest.download import make_client
from ingest.pipeline import IngestRequest, run_ingest

CUK_HEADER = [
    "CUK Organisation ID", "Registered Number", "Registrar", "Registered Name", "Trading Name", "Legal Form",
    "Registered Street", "Registered City", "Registered State/Province", "Registered Postcode", "UK Nation",
    "SIC Code", "SIC section", "SIC code  - level 2", "SIC code  - level 2 description",
    "SIC code  - level 3", "SIC code  - level 3 description", "SIC code  - level 4",
    "SIC code  - level 4 description",
    "SIC code  - level 5", "SIC code  - level 5 description", "Sector - Simplified, High Level",
    "Ownership Classification", "Registered Status", "Incorporation Date", "Dissolved Date",
]  # fmt: skip
URL = "https://data.example/open_data_organisations.csv"


def cuk_row(number: int, **overrides: str) -> dict[str, str]:
    """A realistic Co-operatives UK organisations row (2017 layout)."""
    row = dict.fromkeys(CUK_HEADER, "")
    row.update(
        {
            "CUK Organisation ID": f"R9{number:05d}",
            "Registered Number": f"{30000 + number}R",
            "Registrar": "FCA",
            "Registered Name": f"Pipeline Test Co-operative {number} Limited",
            "Trading Name": f"Pipeline Test Co-op {number}",
            "Legal Form": "Society",
            "Registered Street": f"{number} Cowley Road",
            "Registered City": "Oxford",
            "Registered Postcode": "OX4 1DD",
            "UK Nation": "England",
            "SIC Code": "UKSIC07-47110",
            "Sector - Simplified, High Level": "Retail",
            "Ownership Classification": "Consumers",
            "Registered Status": "Live",
            "Incorporation Date": "3/4/1990",
        }
    )
    row.update(overrides)
    return row


def cuk_csv(rows: list[dict[str, str]]) -> bytes:
    """The rows as the 2017 file writes them: every field quoted, CRLF."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CUK_HEADER, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def settings() -> Settings:
    return Settings(_env_file=None, download_retries=1)


def ingest_file(database: Database, tmp_path: Path, rows: list[dict[str, str]], **request: Any) -> Any:
    path = tmp_path / "open_data_organisations.csv"
    path.write_bytes(cuk_csv(rows))
    return run_ingest(database, settings(), IngestRequest(source="coops-uk", file=path, **request))


def client(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return make_client(settings(), transport=httpx.MockTransport(handler))


def snapshot(session: Session) -> list[tuple[Any, ...]]:
    """The stored content of our source's records and their organisations (no timestamps)."""
    statement = (
        select(SourceRecord.source_id, SourceRecord.content_hash, SourceRecord.status_in_source,
               Organisation.name, Organisation.status, Organisation.fca_number, Organisation.postcode)
        .join(Organisation, Organisation.id == SourceRecord.organisation_id)
        .where(SourceRecord.source == "coops-uk")
        .order_by(SourceRecord.source_id)
    )  # fmt: skip
    return [tuple(row) for row in session.execute(statement)]


@pytest.fixture
def base_rows() -> list[dict[str, str]]:
    return [cuk_row(n) for n in range(1, 21)]


@pytest.fixture
def loaded(database: Database, tmp_path: Path, base_rows: list[dict[str, str]]) -> Database:
    ingest_file(database, tmp_path, base_rows)
    return database


def test_ingest_creates_one_organisation_per_record(
    database: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    report = ingest_file(database, tmp_path, base_rows)
    assert (report.tally.read, report.tally.inserted, report.tally.rejected) == (20, 20, 0)
    with database.session_factory() as session:
        rows = snapshot(session)
        assert len(rows) == 20
        assert rows[0][3] == "Pipeline Test Co-operative 1 Limited"
        assert rows[0][5] == "30001R"
        run = session.get(IngestRun, report.run_id)
        assert run is not None
        assert (run.status, run.read_count, run.inserted_count) == (IngestStatus.SUCCEEDED, 20, 20)


def test_rerunning_the_same_file_changes_nothing(
    loaded: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    with loaded.session_factory() as session:
        before = snapshot(session)
    report = ingest_file(loaded, tmp_path, base_rows)
    assert (report.tally.inserted, report.tally.updated, report.tally.unchanged) == (0, 0, 20)
    assert report.tally.organisations_created == 0
    with loaded.session_factory() as session:
        assert snapshot(session) == before


def test_newer_release_updates_marks_dead_and_missing(
    loaded: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    newer = [dict(row) for row in base_rows[1:]]  # organisation 1 has gone from the register
    newer[0]["Registered Name"] = "Renamed Co-operative Limited"  # organisation 2 renamed
    newer[1].update({"Registered Status": "Dead", "Dissolved Date": "1/2/2020"})  # organisation 3 died
    newer.append(cuk_row(99))
    report = ingest_file(loaded, tmp_path, newer)
    tally = report.tally
    assert (tally.inserted, tally.updated, tally.unchanged, tally.missing) == (1, 2, 17, 1)
    with loaded.session_factory() as session:
        by_id = {row[0]: row for row in snapshot(session)}
        assert by_id["R900001"][2] == "missing"
        assert by_id["R900002"][3] == "Renamed Co-operative Limited"
        assert by_id["R900003"][4] is OrganisationStatus.DISSOLVED
        assert by_id["R900003"][2] == "dead"
        assert len(by_id) == 21


def test_bad_rows_are_rejected_with_reasons_not_fatal(database: Database, tmp_path: Path) -> None:
    rows = [
        cuk_row(1),
        cuk_row(2, **{"Registered Name": ""}),
        cuk_row(3, **{"Incorporation Date": "31/02/2001"}),
    ]
    rows.append(cuk_row(1))  # a duplicate id
    report = ingest_file(database, tmp_path, rows)
    assert report.tally.inserted == 1
    assert report.tally.rejected == 3
    reasons = " | ".join(reject["reason"] for reject in report.tally.rejects)
    assert "name" in reasons.lower()
    assert "31/02/2001" in reasons
    assert "duplicate" in reasons.lower()
    with database.session_factory() as session:
        run = session.get(IngestRun, report.run_id)
        assert run is not None
        assert run.rejected_count == 3
        assert len(run.rejects) == 3


def test_dry_run_counts_but_stores_nothing(
    database: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    report = ingest_file(database, tmp_path, base_rows, dry_run=True)
    assert report.tally.inserted == 20
    assert report.run_id is None
    with database.session_factory() as session:
        assert snapshot(session) == []
        assert (
            session.scalar(select(func.count()).select_from(IngestRun).where(IngestRun.source == "coops-uk"))
            == 0
        )


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (lambda request: httpx.Response(503), "HTTP 503"),
        (
            lambda request: httpx.Response(
                200, content=b'"CUK Organisation ID"', headers={"Content-Length": "9999"}
            ),
            "truncated",
        ),
        (lambda request: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=request)), "timed out"),
        (lambda request: httpx.Response(200, content=b"not,a,register\r\n1,2,3\r\n"), "missing"),
    ],
    ids=["503", "truncated", "timeout", "wrong-format"],
)
def test_failed_download_or_parse_leaves_previous_data_and_fails_the_run(
    loaded: Database, failure: Callable[[httpx.Request], httpx.Response], message: str
) -> None:
    with loaded.session_factory() as session:
        before = snapshot(session)
    with pytest.raises(SourceError, match=message):
        run_ingest(loaded, settings(), IngestRequest(source="coops-uk", url=URL), client=client(failure))
    with loaded.session_factory() as session:
        assert snapshot(session) == before
        last = session.scalars(select(IngestRun).order_by(IngestRun.id.desc()).limit(1)).one()
        assert last.status is IngestStatus.FAILED
        assert message.split()[0].lower() in (last.error or "").lower()


def test_conditional_download_skips_an_unchanged_file(
    database: Database, base_rows: list[dict[str, str]]
) -> None:
    body = cuk_csv(base_rows)
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=body, headers={"ETag": '"v1"'})

    first = run_ingest(
        database, settings(), IngestRequest(source="coops-uk", url=URL), client=client(handler)
    )
    second = run_ingest(
        database, settings(), IngestRequest(source="coops-uk", url=URL), client=client(handler)
    )
    assert first.tally.inserted == 20
    assert second.not_modified
    assert seen == [None, '"v1"']


def test_a_much_smaller_file_is_refused_unless_allowed(
    loaded: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    with pytest.raises(SourceError, match="allow-shrink"):
        ingest_file(loaded, tmp_path, base_rows[:5])
    report = ingest_file(loaded, tmp_path, base_rows[:5], allow_shrink=True)
    assert report.tally.missing == 15


def test_a_run_left_running_is_marked_failed_by_the_next(
    database: Database, tmp_path: Path, base_rows: list[dict[str, str]]
) -> None:
    with database.session_factory.begin() as session:
        session.add(IngestRun(source="coops-uk", status=IngestStatus.RUNNING))
    ingest_file(database, tmp_path, base_rows)
    with database.session_factory() as session:
        runs = session.scalars(
            select(IngestRun).where(IngestRun.source == "coops-uk").order_by(IngestRun.id)
        ).all()
        assert [run.status for run in runs] == [IngestStatus.FAILED, IngestStatus.SUCCEEDED]
        assert "interrupted" in (runs[0].error or "")


def test_records_with_the_same_register_number_share_an_organisation(
    database: Database, tmp_path: Path
) -> None:
    rows = [cuk_row(1), cuk_row(2, **{"Registered Number": "30001R"})]
    report = ingest_file(database, tmp_path, rows)
    assert report.tally.inserted == 2
    assert report.tally.organisations_created == 1
