"""Organisation-side geocoding queries on SQLite and PostGIS: keyset batches and bulk location writes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation
from app.db.repositories.geocoding import GeocodingRepository, Location
from app.domain.enums import LocationPrecision
from tests.factories import make_organisation

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def unlocated(session: Session, postcode: str | None) -> Organisation:
    return make_organisation(
        session, postcode=postcode, latitude=None, longitude=None, location_precision="none"
    )


def test_targets_walks_every_organisation_with_a_postcode_in_small_batches(session: Session) -> None:
    repository = GeocodingRepository(session)
    before = [target.id for batch in repository.targets(batch_size=1000) for target in batch]
    mine = [unlocated(session, f"KW15 1F{letter}") for letter in "ABDEFGH"]
    unlocated(session, None)
    make_organisation(session, postcode="KW15 1GL", location_precision="exact")

    batches = list(repository.targets(batch_size=3))

    assert all(len(batch) <= 3 for batch in batches)
    ids = [target.id for batch in batches for target in batch]
    assert ids == sorted(before + [org.id for org in mine])
    target = next(t for batch in batches for t in batch if t.id == mine[0].id)
    assert (target.postcode, target.location_precision, target.latitude) == (
        "KW15 1FA",
        LocationPrecision.NONE,
        None,
    )


def test_counts_splits_exact_and_no_postcode(session: Session) -> None:
    repository = GeocodingRepository(session)
    before = repository.counts()
    unlocated(session, None)
    unlocated(session, "KW15 1FL")
    make_organisation(session, postcode=None, location_precision="exact")

    after = repository.counts()

    assert (
        after.total - before.total,
        after.exact - before.exact,
        after.no_postcode - before.no_postcode,
    ) == (
        3,
        1,
        1,
    )


def test_write_locations_sets_coordinates_provenance_and_bumps_the_version(session: Session) -> None:
    organisation = unlocated(session, "KW15 1FL")
    version = organisation.version

    GeocodingRepository(session).write_locations(
        [Location(organisation.id, 58.99, -2.97, LocationPrecision.POSTCODE)],
        source="geocoder",
        observed_at=T0,
    )

    session.refresh(organisation)
    assert (organisation.latitude, organisation.longitude) == (58.99, -2.97)
    assert organisation.location_precision is LocationPrecision.POSTCODE
    assert organisation.version == version + 1
    provenance = session.scalars(
        select(FieldProvenance).where(
            FieldProvenance.organisation_id == organisation.id,
            FieldProvenance.field.in_(["latitude", "longitude", "location_precision"]),
        )
    ).all()
    assert {(p.field, p.source, p.source_record_id, p.observed_at) for p in provenance} == {
        (field, "geocoder", None, T0) for field in ("latitude", "longitude", "location_precision")
    }


def test_write_locations_expires_organisations_already_loaded(session: Session) -> None:
    organisation = unlocated(session, "KW15 1FL")

    GeocodingRepository(session).write_locations(
        [Location(organisation.id, 58.99, -2.97, LocationPrecision.DISTRICT)],
        source="geocoder",
        observed_at=T0,
    )

    # Read through the ORM copy made before the write: it reloads instead of showing stale values.
    assert organisation.latitude == 58.99
    organisation.name = "Renamed after geocoding"
    session.flush()  # the optimistic-lock version matches the bumped one: no StaleDataError


def test_write_locations_never_moves_an_exact_location(session: Session) -> None:
    organisation = make_organisation(
        session, postcode="KW15 1FL", latitude=58.1, longitude=-2.1, location_precision="exact"
    )

    GeocodingRepository(session).write_locations(
        [Location(organisation.id, 58.99, -2.97, LocationPrecision.POSTCODE)],
        source="geocoder",
        observed_at=T0,
    )

    session.refresh(organisation)
    assert (organisation.latitude, organisation.longitude) == (58.1, -2.1)
    assert organisation.location_precision is LocationPrecision.EXACT


def test_write_locations_more_than_one_chunk_writes_them_all(session: Session) -> None:
    organisations = [unlocated(session, "KW15 1FL") for _ in range(510)]

    GeocodingRepository(session).write_locations(
        [
            Location(org.id, 58.0 + n / 1000, -2.0, LocationPrecision.POSTCODE)
            for n, org in enumerate(organisations)
        ],
        source="geocoder",
        observed_at=T0,
    )

    ids = [org.id for org in organisations]
    statement = select(Organisation.id, Organisation.latitude).where(Organisation.id.in_(ids))
    latitudes = dict(session.execute(statement).all())
    assert latitudes[ids[509]] == 58.509
    assert all(latitude is not None for latitude in latitudes.values())
