"""Organisation-side queries of the geocoder: who has a postcode, and writing the locations it found."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from app.db.dialect import upsert_statement
from app.db.models import FieldProvenance, Organisation
from app.domain.enums import LocationPrecision

LOCATION_FIELDS = ("latitude", "longitude", "location_precision")
_WRITE_CHUNK = 500  # organisations per statement; their provenance is 3 rows x 5 columns each


@dataclass(frozen=True)
class GeocodeTarget:
    """An organisation the geocoder may locate: it has a postcode and no exact location."""

    id: int
    postcode: str
    location_precision: LocationPrecision
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Location:
    """A location the geocoder found for an organisation."""

    organisation_id: int
    latitude: float
    longitude: float
    precision: LocationPrecision


@dataclass(frozen=True)
class GeocodeCounts:
    """How many organisations there are, how many are exactly located, and how many lack a postcode."""

    total: int
    exact: int
    no_postcode: int


class GeocodingRepository:
    """Reads postcodes of organisations and writes their postcode-derived locations in bulk."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def counts(self) -> GeocodeCounts:
        """Totals for the geocoding report, in one aggregate query."""
        exact = Organisation.location_precision == LocationPrecision.EXACT
        no_postcode = or_(Organisation.postcode.is_(None), Organisation.postcode == "")
        statement = select(
            func.count(),
            func.coalesce(func.sum(case((exact, 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(~exact, no_postcode), 1), else_=0)), 0),
        ).select_from(Organisation)
        total, exact_count, no_postcode_count = self.session.execute(statement).one()
        return GeocodeCounts(total=int(total), exact=int(exact_count), no_postcode=int(no_postcode_count))

    def targets(
        self, batch_size: int = 1000, only: Sequence[int] | None = None
    ) -> Iterator[list[GeocodeTarget]]:
        """Organisations with a postcode and no exact location, in id order, in keyset batches.

        `only` limits them to some organisations (a newly approved entry).
        """
        after: int | None = None
        while True:
            statement = select(
                Organisation.id,
                Organisation.postcode,
                Organisation.location_precision,
                Organisation.latitude,
                Organisation.longitude,
            ).where(
                Organisation.postcode.is_not(None),
                Organisation.postcode != "",
                Organisation.location_precision != LocationPrecision.EXACT,
            )
            if only is not None:
                statement = statement.where(Organisation.id.in_(list(only)[:1000]))
            if after is not None:
                statement = statement.where(Organisation.id > after)
            statement = statement.order_by(Organisation.id).limit(batch_size)
            batch = [
                GeocodeTarget(
                    id=row.id,
                    postcode=cast(str, row.postcode),
                    location_precision=LocationPrecision(row.location_precision),
                    latitude=row.latitude,
                    longitude=row.longitude,
                )
                for row in self.session.execute(statement)
            ]
            if not batch:
                return
            yield batch
            after = batch[-1].id

    def write_locations(self, locations: Sequence[Location], *, source: str, observed_at: datetime) -> None:
        """Set latitude, longitude and precision with their provenance; never touches an exact location.

        One executemany UPDATE and one provenance upsert per chunk. Each write bumps the optimistic-lock
        version, and copies of these organisations already loaded in the session are expired.
        """
        organisations = cast(Table, Organisation.__table__)
        provenance = cast(Table, FieldProvenance.__table__)
        move = (
            update(organisations)
            .where(
                organisations.c.id == bindparam("b_id"),
                # Services never pass exact ones; this keeps the rule true even if one became exact meanwhile.
                organisations.c.location_precision != LocationPrecision.EXACT,
            )
            .values(
                latitude=bindparam("b_latitude"),
                longitude=bindparam("b_longitude"),
                location_precision=bindparam("b_precision"),
                version=organisations.c.version + 1,
                updated_at=observed_at,
            )
        )
        for start in range(0, len(locations), _WRITE_CHUNK):
            chunk = locations[start : start + _WRITE_CHUNK]
            self.session.execute(
                move,
                [
                    {
                        "b_id": location.organisation_id,
                        "b_latitude": location.latitude,
                        "b_longitude": location.longitude,
                        "b_precision": location.precision,
                    }
                    for location in chunk
                ],
            )
            insert = upsert_statement(self.session, provenance).values(
                [
                    {
                        "organisation_id": location.organisation_id,
                        "field": field,
                        "source": source,
                        "source_record_id": None,
                        "observed_at": observed_at,
                    }
                    for location in chunk
                    for field in LOCATION_FIELDS
                ]
            )
            self.session.execute(
                insert.on_conflict_do_update(
                    index_elements=[provenance.c.organisation_id, provenance.c.field],
                    set_={
                        "source": insert.excluded.source,
                        "source_record_id": insert.excluded.source_record_id,
                        "observed_at": insert.excluded.observed_at,
                    },
                )
            )
            self._expire_loaded(chunk)

    def _expire_loaded(self, locations: Sequence[Location]) -> None:
        # The UPDATE bypassed the ORM: drop stale copies (and their version number) from the identity map.
        identity_map = self.session.identity_map
        for location in locations:
            keys = [identity_key(Organisation, location.organisation_id)] + [
                identity_key(FieldProvenance, (location.organisation_id, field)) for field in LOCATION_FIELDS
            ]
            for key in keys:
                loaded = identity_map.get(key)
                if loaded is not None:
                    self.session.expire(loaded)
