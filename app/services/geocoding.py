"""Geocoding by postcode: fill the postcode cache, then locate every organisation from its postcode.

An organisation gets its postcode's centroid (precision `postcode`), else its district's centroid
(`district`), else stays as it is. Exact locations are never touched, and a district centroid never
replaces a postcode centroid another source supplied. Postcode rules live in `ingest/normalise.py`,
which services may not import, so callers pass them in (`normalise`, `district_of`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.repositories.geocoding import GeocodeTarget, GeocodingRepository, Location
from app.db.repositories.postcodes import DISTRICT_ORIGIN, PostcodeRepository
from app.domain.enums import LocationPrecision
from app.domain.errors import InvalidInput, SourceError

GEOCODER_SOURCE = "geocoder"  # the provenance source of locations written here
POSTCODES_IO_ORIGIN = "postcodes.io"
MAX_EXAMPLES = 20
_ORIGIN_MAX_LENGTH = 40
_RANK = {
    LocationPrecision.NONE: 0,
    LocationPrecision.DISTRICT: 1,
    LocationPrecision.POSTCODE: 2,
    LocationPrecision.EXACT: 3,
}

# A raw postcode -> its canonical unit form `OX4 3NH`, or None (ingest.normalise.normalise_postcode).
Normaliser = Callable[[str], str | None]
# A raw full or partial postcode -> its district `OX4`, or None (ingest.normalise.parse_postcode_district).
DistrictParser = Callable[[str], str | None]
# Canonical postcodes -> (latitude, longitude), or None when the service does not know the postcode.
MissingLookup = Callable[[list[str]], dict[str, tuple[float, float] | None]]

logger = logging.getLogger(__name__)


@dataclass
class GeocodeReport:
    """What one geocoding pass found; total = exact + resolved_postcode + resolved_district + unresolved."""

    total: int = 0  # every organisation
    exact: int = 0  # exactly located: never touched
    resolved_postcode: int = 0  # their postcode's centroid is known
    resolved_district: int = 0  # only their district's centroid is known
    unresolved: int = 0  # neither, including those without a postcode...
    no_postcode: int = 0  # ...who are also counted here
    updated: int = 0  # organisations whose location changed
    table_rows: int = 0  # rows cached from a postcode table file in this run
    looked_up: int = 0  # postcodes asked of postcodes.io
    lookup_error: str | None = None  # why postcodes.io stopped being asked, if it failed
    unresolved_examples: list[str] = field(default_factory=list)  # the first distinct unresolved postcodes


def load_postcode_table(
    session: Session,
    rows: Iterable[tuple[str, float | None, float | None]],
    origin: str,
    *,
    normalise: Normaliser,
    cache_misses: bool = False,
) -> int:
    """Cache (postcode, latitude, longitude) rows under `origin`; returns how many rows were stored.

    Invalid postcodes are skipped and counted in the log. A row without coordinates is cached as a known
    miss only with `cache_misses` (a complete register such as ONSPD); in a partial table a blank just
    means "not in this table", so postcodes.io may still be asked.
    """
    if not origin or len(origin) > _ORIGIN_MAX_LENGTH or origin == DISTRICT_ORIGIN:
        raise InvalidInput(
            "origin", f"origin must be 1-{_ORIGIN_MAX_LENGTH} characters and not {DISTRICT_ORIGIN!r}"
        )
    fetched_at = utcnow()
    skipped = {"invalid": 0, "blank": 0}

    def cache_rows() -> Iterator[dict[str, Any]]:
        for raw, latitude, longitude in rows:
            postcode = normalise(raw)
            if postcode is None:
                skipped["invalid"] += 1
                continue
            if latitude is not None and longitude is not None:
                yield _cache_row(postcode, (latitude, longitude), origin, fetched_at)
            elif cache_misses:
                yield _cache_row(postcode, None, origin, fetched_at)
            else:
                skipped["blank"] += 1

    stored = PostcodeRepository(session).upsert_many(cache_rows())
    logger.info(
        "postcode table %s: %d stored, %d invalid postcodes skipped, %d without coordinates skipped",
        origin,
        stored,
        skipped["invalid"],
        skipped["blank"],
    )
    return stored


def resolve_organisations(
    session: Session,
    lookup_missing: MissingLookup | None,
    *,
    normalise: Normaliser,
    district_of: DistrictParser,
    batch_size: int = 1000,
    only: Sequence[int] | None = None,
) -> GeocodeReport:
    """Locate every organisation that has a postcode from the cache, `lookup_missing`, or its district.

    Postcodes not in the cache are asked of `lookup_missing` (postcodes.io) once: answers and misses are
    both cached. If it fails, the error is reported and the rest of the pass uses the cache only.
    """
    # Core queries follow; make pending ORM changes visible to them (sessions may not autoflush).
    session.flush()
    organisations = GeocodingRepository(session)
    cache = PostcodeRepository(session)
    counts = organisations.counts()
    report = GeocodeReport(
        total=counts.total, exact=counts.exact, no_postcode=counts.no_postcode, unresolved=counts.no_postcode
    )
    observed_at = utcnow()
    for batch in organisations.targets(batch_size, only):
        units = {target.id: normalise(target.postcode) for target in batch}
        wanted = sorted({unit for unit in units.values() if unit is not None})
        cached = cache.lookup(wanted)
        located = {
            postcode: (row.latitude, row.longitude)
            for postcode, row in cached.items()
            if row.latitude is not None and row.longitude is not None
        }
        missing = [unit for unit in wanted if unit not in cached]
        if missing and lookup_missing is not None:
            try:
                located.update(_ask(cache, lookup_missing, missing, normalise))
            except SourceError as exc:
                logger.warning("postcode look-up failed, using the cache only from now on: %s", exc.message)
                report.lookup_error = exc.message
                lookup_missing = None
            report.looked_up += len(missing)
        districts = {target.id: district_of(target.postcode) for target in batch}
        fallback = cache.district_centroids(sorted({d for d in districts.values() if d is not None}))
        writes = []
        for target in batch:
            found = _locate(target.id, units[target.id], districts[target.id], located, fallback)
            if found is None:
                report.unresolved += 1
                _add_example(report.unresolved_examples, target.postcode)
                continue
            if found.precision is LocationPrecision.POSTCODE:
                report.resolved_postcode += 1
            else:
                report.resolved_district += 1
            if _improves(target, found):
                writes.append(found)
        organisations.write_locations(writes, source=GEOCODER_SOURCE, observed_at=observed_at)
        report.updated += len(writes)
    logger.info("geocoding: %s", report)
    return report


def _cache_row(
    postcode: str, point: tuple[float, float] | None, origin: str, fetched_at: datetime
) -> dict[str, Any]:
    latitude, longitude = point if point is not None else (None, None)
    return {
        "postcode": postcode,
        "district": postcode.split(" ")[0],
        "latitude": latitude,
        "longitude": longitude,
        "origin": origin,
        "fetched_at": fetched_at,
    }


def _ask(
    cache: PostcodeRepository, lookup_missing: MissingLookup, missing: list[str], normalise: Normaliser
) -> dict[str, tuple[float, float]]:
    """Ask for the missing postcodes and cache every answer, misses included; returns the located ones."""
    asked = set(missing)
    answers: dict[str, tuple[float, float] | None] = {}
    for key, point in lookup_missing(missing).items():
        postcode = normalise(key)
        # A postcode the service did not answer for is not cached, so the next pass asks again.
        if postcode in asked:
            answers[postcode] = point
    fetched_at = utcnow()
    cache.upsert_many(_cache_row(pc, point, POSTCODES_IO_ORIGIN, fetched_at) for pc, point in answers.items())
    return {postcode: point for postcode, point in answers.items() if point is not None}


def _add_example(examples: list[str], postcode: str) -> None:
    if len(examples) < MAX_EXAMPLES and postcode not in examples:
        examples.append(postcode)


def _locate(
    organisation_id: int,
    unit: str | None,
    district: str | None,
    located: dict[str, tuple[float, float]],
    fallback: dict[str, tuple[float, float]],
) -> Location | None:
    """The postcode centroid, else the district centroid, else None."""
    if unit is not None and unit in located:
        return Location(organisation_id, *located[unit], LocationPrecision.POSTCODE)
    if district is not None and district in fallback:
        return Location(organisation_id, *fallback[district], LocationPrecision.DISTRICT)
    return None


def _improves(target: GeocodeTarget, found: Location) -> bool:
    """True when writing `found` changes the organisation without lowering its precision."""
    if _RANK[found.precision] < _RANK[target.location_precision]:
        return False
    current = (target.latitude, target.longitude, target.location_precision)
    return current != (found.latitude, found.longitude, found.precision)
