"""The geocoding cache: postcode centroids loaded from tables or fetched from postcodes.io."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.db.dialect import upsert_statement
from app.db.models import Postcode

DISTRICT_ORIGIN = "district"  # a stored district centroid (postcode == district), e.g. from an outcode table
UPSERT_BATCH = 1000  # rows per INSERT; 6 columns keep it far below SQLite's and PostgreSQL's parameter limits
_IN_CHUNK = 500


class PostcodeRepository:
    """Postcode centroids keyed by canonical postcode (`OX4 3NH`); null coordinates are cached misses."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def upsert_many(self, rows: Iterable[dict[str, Any]]) -> int:
        """Insert or replace rows of (postcode, district, latitude, longitude, origin, fetched_at) in batches.

        One INSERT ... ON CONFLICT DO UPDATE per batch of `UPSERT_BATCH` rows. A miss (null coordinates)
        never replaces a stored centroid, so a table's blank for a postcode that another table or
        postcodes.io located does not erase it. Returns how many distinct rows were sent.
        """
        table = cast(Table, Postcode.__table__)
        sent = 0
        batch: dict[str, dict[str, Any]] = {}
        for row in rows:
            # The same key twice in one statement is an error on PostgreSQL; keep the located one.
            previous = batch.get(row["postcode"])
            if previous is None or row["latitude"] is not None or previous["latitude"] is None:
                batch[row["postcode"]] = row
            if len(batch) >= UPSERT_BATCH:
                sent += self._upsert(table, list(batch.values()))
                batch = {}
        if batch:
            sent += self._upsert(table, list(batch.values()))
        return sent

    def _upsert(self, table: Table, rows: list[dict[str, Any]]) -> int:
        statement = upsert_statement(self.session, table).values(rows)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.postcode],
            set_={
                "district": statement.excluded.district,
                "latitude": statement.excluded.latitude,
                "longitude": statement.excluded.longitude,
                "origin": statement.excluded.origin,
                "fetched_at": statement.excluded.fetched_at,
            },
            where=or_(statement.excluded.latitude.is_not(None), table.c.latitude.is_(None)),
        )
        self.session.execute(statement)
        return len(rows)

    def lookup(self, postcodes: Sequence[str]) -> dict[str, Postcode]:
        """Cached rows (located or misses) for these canonical postcodes, in chunked IN queries."""
        found: dict[str, Postcode] = {}
        unique = list(dict.fromkeys(postcodes))
        for start in range(0, len(unique), _IN_CHUNK):
            statement = (
                select(Postcode)
                .where(Postcode.postcode.in_(unique[start : start + _IN_CHUNK]))
                # Rows may have been replaced by upsert_many (Core) since they were first loaded.
                .execution_options(populate_existing=True)
            )
            found.update((row.postcode, row) for row in self.session.scalars(statement))
        return found

    def district_centroid(self, district: str) -> tuple[float, float] | None:
        """(lat, lon) of a district: its stored district row, else the mean of its located postcodes."""
        return self.district_centroids([district]).get(district)

    def district_centroids(self, districts: Sequence[str]) -> dict[str, tuple[float, float]]:
        """District centroids for many districts, one grouped aggregate query per chunk."""
        is_district_row = Postcode.origin == DISTRICT_ORIGIN
        located = and_(Postcode.latitude.is_not(None), Postcode.longitude.is_not(None))

        def centroid_of(column: Any) -> Any:
            # A stored district centroid wins; otherwise average the unit centroids.
            return func.coalesce(
                func.max(case((and_(is_district_row, located), column))),
                func.avg(case((and_(~is_district_row, located), column))),
            )

        found: dict[str, tuple[float, float]] = {}
        unique = list(dict.fromkeys(districts))
        for start in range(0, len(unique), _IN_CHUNK):
            statement = (
                select(Postcode.district, centroid_of(Postcode.latitude), centroid_of(Postcode.longitude))
                .where(Postcode.district.in_(unique[start : start + _IN_CHUNK]))
                .group_by(Postcode.district)
            )
            for district, latitude, longitude in self.session.execute(statement):
                if latitude is not None and longitude is not None:
                    found[district] = (float(latitude), float(longitude))
        return found

    def count(self, *, located: bool | None = None) -> int:
        """How many postcodes are cached: all, only located (`True`) or only misses (`False`)."""
        statement = select(func.count()).select_from(Postcode)
        if located is True:
            statement = statement.where(Postcode.latitude.is_not(None))
        elif located is False:
            statement = statement.where(Postcode.latitude.is_(None))
        return int(self.session.scalar(statement) or 0)
