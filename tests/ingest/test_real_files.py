"""Acceptance on the real files in ../shared/data, on both engines (skipped with a reason when absent)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.core.config import Settings
from app.db.engine import Database
from app.db.models import Organisation, SourceRecord
from ingest.geocode import run_geocode
from ingest.pipeline import IngestReport, IngestRequest, run_ingest

pytestmark = pytest.mark.shared_data
ROOT = Path(os.environ.get("COOPMAP_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
CUK_2016 = ROOT / "coops-uk/2016-06/2016open_data_organisations.csv"
CUK_2017 = ROOT / "coops-uk/2017-06/open_data_organisations.csv"
DCC = ROOT / "digitalcommons/coopsuk-standard-2023-03-02.csv"
OBO = ROOT / "digitalcommons/owned-by-oxford-standard-2023-01-26.csv"
OBO_VOCAB = ROOT / "digitalcommons/owned-by-oxford-vocabs-2023-01-26.json"
POSTCODES = ROOT / "postcodes/os_postcode_cache_2016.csv"


def require(*paths: Path) -> None:
    for path in paths:
        if not path.is_file():
            pytest.skip(f"shared data not found at {path}")


def ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["CUK Organisation ID"] for row in csv.DictReader(io.StringIO(handle.read(), newline=""))}


def ingest(database: Database, source: str, path: Path, **options: Any) -> IngestReport:
    request = IngestRequest(source=source, file=path, **options)
    return run_ingest(database, Settings(_env_file=None), request)


def test_2016_then_2017_gives_one_organisation_per_cuk_id_and_rerun_changes_nothing(
    database: Database,
) -> None:
    require(CUK_2016, CUK_2017)
    first = ingest(database, "coops-uk", CUK_2016)
    second = ingest(database, "coops-uk", CUK_2017)
    again = ingest(database, "coops-uk", CUK_2017)
    ids_2016, ids_2017 = ids(CUK_2016), ids(CUK_2017)

    assert first.tally.rejected == 18  # the 2016 file repeats 18 ids
    assert all(reject["reason"] for reject in first.tally.rejects)
    assert second.tally.inserted == len(ids_2017 - ids_2016)
    assert second.tally.updated + second.tally.unchanged == len(ids_2017 & ids_2016)
    assert second.tally.missing == len(ids_2016 - ids_2017)
    assert (again.tally.inserted, again.tally.updated, again.tally.unchanged) == (0, 0, len(ids_2017))
    assert again.tally.organisations_created == 0

    with database.session_factory() as session:
        records = session.execute(
            select(SourceRecord.source_id, SourceRecord.organisation_id).where(
                SourceRecord.source == "coops-uk"
            )
        ).all()
        assert len(records) == len(ids_2016 | ids_2017)
        assert all(org_id is not None for _, org_id in records)
    # Updates, not duplicates: ids already held never create an organisation; new ids create at most one
    # each (fewer when they carry the register number of an organisation already held).
    assert second.tally.organisations_created <= second.tally.inserted
    assert first.tally.organisations_created <= first.tally.inserted == len(ids_2016)


def test_digital_commons_exports_import_and_link_to_coops_uk(database: Database) -> None:
    require(CUK_2017, DCC, OBO, OBO_VOCAB)
    ingest(database, "coops-uk", CUK_2017)
    coopsuk_map = ingest(database, "digitalcommons", DCC, dataset="coopsuk")
    oxford = ingest(database, "digitalcommons", OBO, dataset="owned-by-oxford", vocab=OBO_VOCAB)
    assert (coopsuk_map.tally.read, coopsuk_map.tally.rejected) == (5798, 0)
    assert (oxford.tally.read, oxford.tally.inserted, oxford.tally.rejected) == (81, 81, 0)
    # Map rows carrying a Co-operatives UK id that is also in the 2017 file join that organisation.
    shared = len(
        ids(CUK_2017) & {row["Identifier"] for row in csv.DictReader(io.StringIO(DCC.read_text("utf-8")))}
    )
    assert coopsuk_map.tally.organisations_created <= 5798 - shared
    with database.session_factory() as session:
        labels = session.scalars(
            select(Organisation.organisational_structure)
            .join(SourceRecord, SourceRecord.organisation_id == Organisation.id)
            .where(SourceRecord.source == "digitalcommons:owned-by-oxford")
        ).all()
        assert labels
        assert not any(label and label.startswith("http") for label in labels)


def test_geocoding_2017_with_the_shared_table_reports_coverage_honestly(database: Database) -> None:
    require(CUK_2017, POSTCODES)
    ingest(database, "coops-uk", CUK_2017)
    with database.session_factory.begin() as session:
        report = run_geocode(
            session, postcodes_file=POSTCODES, client=None, settings=Settings(_env_file=None)
        )
    assert (
        report.total == report.exact + report.resolved_postcode + report.resolved_district + report.unresolved
    )
    with database.session_factory() as session:
        cuk_orgs = session.scalar(
            select(func.count(func.distinct(SourceRecord.organisation_id))).where(
                SourceRecord.source == "coops-uk"
            )
        )
    # The 2016 OS cache locates 86% of the 2017 organisations to a postcode unit on its own (the rest
    # need postcodes.io, which tests never call); a district centroid covers most of the remainder.
    assert report.resolved_postcode >= 0.85 * (cuk_orgs or 1)
    assert report.resolved_postcode + report.resolved_district >= 0.95 * (cuk_orgs or 1)
