"""Geocoding by postcode on SQLite and PostGIS: table loads, the cache, postcodes.io, district fallback.

The demo dataset is in every test database, so report counts are compared with a pass made before this
test's organisations existed.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation
from app.db.repositories.postcodes import PostcodeRepository
from app.domain.enums import LocationPrecision
from app.domain.errors import InvalidInput, SourceError
from app.services import geocoding
from app.services.geocoding import GeocodeReport, MissingLookup
from ingest.normalise import normalise_postcode, parse_postcode_district
from tests.factories import make_organisation

# 2016 OS centroids of real Orkney (KW15) postcodes.
KW15_1FL = (58.991936, -2.976089)
KW15_1GL = (58.9884, -2.975728)
KW15_1HP = (58.983583, -2.958194)


class RecordingLookup:
    """A stand-in for postcodes.io: answers from a fixed table and records what it was asked."""

    def __init__(self, known: dict[str, tuple[float, float]], *, fail: bool = False) -> None:
        self.known = known
        self.fail = fail
        self.asked: list[list[str]] = []

    def __call__(self, postcodes: list[str]) -> dict[str, tuple[float, float] | None]:
        self.asked.append(list(postcodes))
        if self.fail:
            raise SourceError("postcodes.io look-up failed after 3 attempts (HTTP 503)")
        return {postcode: self.known.get(postcode) for postcode in postcodes}


def load(session: Session, rows: list[tuple[str, float | None, float | None]], **options: bool) -> int:
    return geocoding.load_postcode_table(session, rows, "test-table", normalise=normalise_postcode, **options)


def resolve(session: Session, lookup: MissingLookup | None = None, batch_size: int = 1000) -> GeocodeReport:
    return geocoding.resolve_organisations(
        session,
        lookup,
        normalise=normalise_postcode,
        district_of=parse_postcode_district,
        batch_size=batch_size,
    )


def unlocated(session: Session, postcode: str | None) -> Organisation:
    return make_organisation(
        session, postcode=postcode, latitude=None, longitude=None, location_precision="none"
    )


def location(
    session: Session, organisation: Organisation
) -> tuple[float | None, float | None, LocationPrecision]:
    session.refresh(organisation)
    return organisation.latitude, organisation.longitude, organisation.location_precision


def counts(report: GeocodeReport) -> dict[str, int]:
    return {
        "total": report.total,
        "exact": report.exact,
        "resolved_postcode": report.resolved_postcode,
        "resolved_district": report.resolved_district,
        "unresolved": report.unresolved,
        "no_postcode": report.no_postcode,
    }


def change(before: GeocodeReport, after: GeocodeReport) -> dict[str, int]:
    return {key: value - counts(before)[key] for key, value in counts(after).items()}


# --- load_postcode_table ------------------------------------------------------------------------------------


def test_load_postcode_table_normalises_and_skips_invalid_and_blank_rows(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    repository = PostcodeRepository(session)
    before = repository.count()

    with caplog.at_level(logging.INFO, logger="app.services.geocoding"):
        stored = load(
            session,
            [
                ("kw151fl", *KW15_1FL),
                ("KW15 1GL", *KW15_1GL),
                ("KW15 1HP", None, None),
                ("NOT A CODE", 1.0, 1.0),
            ],
        )

    assert stored == 2
    assert repository.count() == before + 2
    cached = repository.lookup(["KW15 1FL", "KW15 1HP"])
    assert set(cached) == {"KW15 1FL"}
    assert (cached["KW15 1FL"].district, cached["KW15 1FL"].origin) == ("KW15", "test-table")
    assert "2 stored, 1 invalid postcodes skipped, 1 without coordinates skipped" in caplog.text


def test_load_postcode_table_with_cache_misses_stores_blank_rows_as_misses(session: Session) -> None:
    stored = load(session, [("KW15 1FL", *KW15_1FL), ("KW15 1HP", None, None)], cache_misses=True)

    assert stored == 2
    miss = PostcodeRepository(session).lookup(["KW15 1HP"])["KW15 1HP"]
    assert (miss.latitude, miss.longitude) == (None, None)


@pytest.mark.parametrize("origin", ["", "district", "x" * 41])
def test_load_postcode_table_unusable_origin_raises(session: Session, origin: str) -> None:
    with pytest.raises(InvalidInput):
        geocoding.load_postcode_table(session, [], origin, normalise=normalise_postcode)


# --- resolve_organisations ----------------------------------------------------------------------------------


def test_resolve_organisations_cached_postcode_sets_its_centroid_with_provenance(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    before = resolve(session)
    organisation = unlocated(session, "kw15 1fl")

    report = resolve(session)

    assert location(session, organisation) == (*KW15_1FL, LocationPrecision.POSTCODE)
    assert change(before, report)["resolved_postcode"] == 1
    assert report.updated == 1
    sources = session.scalars(
        select(FieldProvenance.source).where(
            FieldProvenance.organisation_id == organisation.id,
            FieldProvenance.field.in_(["latitude", "longitude", "location_precision"]),
        )
    ).all()
    assert sources == ["geocoder"] * 3


def test_resolve_organisations_unknown_postcode_falls_back_to_the_district_centroid(session: Session) -> None:
    load(session, [("KW15 1FL", 59.0, -3.0), ("KW15 1GL", 58.0, -2.0)])
    before = resolve(session)
    full = unlocated(session, "KW15 1ZZ")
    partial = unlocated(session, "KW15 1")

    report = resolve(session)

    latitude, longitude, precision = location(session, full)
    assert (latitude, longitude) == pytest.approx((58.5, -2.5))
    assert precision is LocationPrecision.DISTRICT
    assert location(session, partial)[2] is LocationPrecision.DISTRICT
    assert change(before, report)["resolved_district"] == 2


def test_resolve_organisations_unknown_district_leaves_the_organisation_unresolved(session: Session) -> None:
    before = resolve(session)
    organisation = unlocated(session, "ZE9 9ZZ")
    unlocated(session, "not known")

    report = resolve(session)

    assert location(session, organisation) == (None, None, LocationPrecision.NONE)
    assert change(before, report)["unresolved"] == 2


def test_resolve_organisations_without_postcode_counts_as_unresolved(session: Session) -> None:
    before = resolve(session)
    unlocated(session, None)

    report = resolve(session)

    assert change(before, report) == {
        "total": 1,
        "exact": 0,
        "resolved_postcode": 0,
        "resolved_district": 0,
        "unresolved": 1,
        "no_postcode": 1,
    }


def test_resolve_organisations_report_counts_add_up_to_the_total(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    unlocated(session, "KW15 1FL")
    unlocated(session, "KW15 1GL")
    unlocated(session, None)
    make_organisation(session, postcode="KW15 1FL", location_precision="exact")

    report = resolve(session)

    assert (
        report.total == report.exact + report.resolved_postcode + report.resolved_district + report.unresolved
    )
    assert report.total == session.scalar(select(func.count()).select_from(Organisation))


def test_resolve_organisations_only_these_organisations_gives_exact_counts_and_examples(
    session: Session,
) -> None:
    session.execute(delete(Organisation))  # the demo dataset, removed inside the rolled-back transaction
    load(session, [("KW15 1FL", *KW15_1FL)])
    unlocated(session, "KW15 1FL")
    unlocated(session, "KW15 1GL")
    unlocated(session, None)
    make_organisation(session, postcode="KW15 1FL", location_precision="exact")
    unknown = [f"ZE9 {n}AB" for n in range(10)] + [f"ZE9 {n}DE" for n in range(10)] + ["ZE9 9XY"]
    for postcode in ["ZE9 0AB", *unknown]:  # the first one twice
        unlocated(session, postcode)

    report = resolve(session)

    assert counts(report) == {
        "total": 26,
        "exact": 1,
        "resolved_postcode": 1,
        "resolved_district": 1,
        "unresolved": 23,
        "no_postcode": 1,
    }
    assert report.unresolved_examples == unknown[: geocoding.MAX_EXAMPLES]


def test_resolve_organisations_never_moves_an_exact_location(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    before = resolve(session)
    organisation = make_organisation(
        session, postcode="KW15 1FL", latitude=58.99, longitude=-2.9, location_precision="exact"
    )

    report = resolve(session)

    assert location(session, organisation) == (58.99, -2.9, LocationPrecision.EXACT)
    assert change(before, report)["exact"] == 1
    assert report.updated == 0


def test_resolve_organisations_keeps_a_source_postcode_centroid_over_a_district_centroid(
    session: Session,
) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    organisation = make_organisation(
        session,
        postcode="KW15 1HP",
        latitude=KW15_1HP[0],
        longitude=KW15_1HP[1],
        location_precision="postcode",
    )

    resolve(session)

    assert location(session, organisation) == (*KW15_1HP, LocationPrecision.POSTCODE)


def test_resolve_organisations_replaces_a_district_centroid_once_the_postcode_is_known(
    session: Session,
) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    organisation = unlocated(session, "KW15 1GL")
    resolve(session)
    assert location(session, organisation)[2] is LocationPrecision.DISTRICT

    load(session, [("KW15 1GL", *KW15_1GL)])
    resolve(session)

    assert location(session, organisation) == (*KW15_1GL, LocationPrecision.POSTCODE)


def test_resolve_organisations_second_pass_changes_nothing(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    unlocated(session, "KW15 1FL")
    unlocated(session, "KW15 1GL")
    resolve(session)

    again = resolve(session)

    assert again.updated == 0


def test_resolve_organisations_asks_for_uncached_postcodes_once_and_caches_answers_and_misses(
    session: Session,
) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    resolve(session, RecordingLookup({}))  # the demo dataset's postcodes are cached (as misses) first
    found = unlocated(session, "KW15 1GL")
    missing = unlocated(session, "KW15 1ZZ")
    unlocated(session, "KW15 1FL")
    lookup = RecordingLookup({"KW15 1GL": KW15_1GL})

    report = resolve(session, lookup)
    resolve(session, lookup)

    assert lookup.asked == [["KW15 1GL", "KW15 1ZZ"]]
    assert report.looked_up == 2
    assert location(session, found) == (*KW15_1GL, LocationPrecision.POSTCODE)
    assert location(session, missing)[2] is LocationPrecision.DISTRICT
    cached = PostcodeRepository(session).lookup(["KW15 1GL", "KW15 1ZZ"])
    assert {pc: (row.latitude, row.origin) for pc, row in cached.items()} == {
        "KW15 1GL": (KW15_1GL[0], "postcodes.io"),
        "KW15 1ZZ": (None, "postcodes.io"),
    }


def test_resolve_organisations_lookup_failure_is_reported_and_the_pass_continues(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL)])
    organisations = [unlocated(session, f"KW15 1G{letter}") for letter in "ABD"]
    lookup = RecordingLookup({}, fail=True)

    report = resolve(session, lookup, batch_size=1)

    assert report.lookup_error is not None
    assert "HTTP 503" in report.lookup_error
    assert len(lookup.asked) == 1  # not asked again after the failure
    assert all(location(session, org)[2] is LocationPrecision.DISTRICT for org in organisations)
    # Nothing was cached for the failed postcodes, so the next pass asks again.
    assert PostcodeRepository(session).lookup(["KW15 1GA", "KW15 1GB", "KW15 1GD"]) == {}


def test_resolve_organisations_small_batches_give_the_same_result(session: Session) -> None:
    load(session, [("KW15 1FL", *KW15_1FL), ("KW15 1GL", *KW15_1GL)])
    organisations = [
        unlocated(session, pc) for pc in ("KW15 1FL", "KW15 1GL", "KW15 1ZZ", "ZE9 9ZZ", "KW15 1GL")
    ]

    resolve(session, batch_size=2)

    assert [location(session, org)[2] for org in organisations] == [
        LocationPrecision.POSTCODE,
        LocationPrecision.POSTCODE,
        LocationPrecision.DISTRICT,
        LocationPrecision.NONE,
        LocationPrecision.POSTCODE,
    ]
