"""Survivorship in the database: values recomputed from their records, writing only differences.

The rules themselves are pure (`app.domain.survivorship`); this module reads the records, current values
and provenance in a few statements, and writes changed columns and provenance back. Coordinates the
geocoder found stay while no record supplies its own and the postcode is unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.repositories.matching import MatchingRepository, ProvenanceRow, RecordRow
from app.db.repositories.organisations import OrganisationRepository
from app.domain.enums import LocationPrecision, OrganisationStatus, Visibility
from app.domain.survivorship import RecordView, Survivor, survive
from app.domain.text import sort_key
from app.services import linking
from app.services.records import ORGANISATION_FIELDS

_LIST_FIELDS = frozenset({"other_names", "activities", "goods_services"})
_DEFAULTS: dict[str, Any] = {
    "email_consent": False,
    "status": OrganisationStatus.ACTIVE,
    "location_precision": LocationPrecision.NONE,
}
_COORDINATES = ("latitude", "longitude", "location_precision")
MISSING_STATUS = "missing"


def view(row: RecordRow) -> RecordView:
    """What survivorship needs of a stored record."""
    return RecordView(
        id=row.id,
        source=row.source,
        source_id=row.source_id,
        fields=row.fields,
        seen_at=row.last_seen_at,
        present=row.status_in_source != MISSING_STATUS,
    )


def _column_values(survivor: Survivor) -> dict[str, Any]:
    values = {name: linking.column_value(name, survivor.values.get(name)) for name in ORGANISATION_FIELDS}
    for name in ORGANISATION_FIELDS:
        if values[name] is None:
            values[name] = [] if name in _LIST_FIELDS else _DEFAULTS.get(name)
    return values


def _keeps_geocoded(
    survivor: Survivor, current: dict[str, Any], provenance: dict[str, ProvenanceRow]
) -> bool:
    """Coordinates the geocoder found for this postcode stay while no record supplies its own."""
    origin = provenance.get("latitude")
    return (
        survivor.values.get("latitude") is None
        and origin is not None
        and origin.source_record_id is None
        and current.get("postcode") == survivor.values.get("postcode")
    )


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, date) and isinstance(right, str):
        return left.isoformat() == right
    if isinstance(left, float) and isinstance(right, float):
        return abs(left - right) < 1e-9
    return bool(left == right)


def recompute(
    session: Session, organisation_ids: Iterable[int], rows: Sequence[RecordRow] | None = None
) -> int:
    """Recompute survivorship of some organisations from their records; writes only differences."""
    ids = sorted(set(organisation_ids))
    if not ids:
        return 0
    repository = MatchingRepository(session)
    if rows is None:
        rows = repository.record_rows_of(ids)
    by_org: dict[int, list[RecordRow]] = defaultdict(list)
    wanted = set(ids)
    for row in rows:
        if row.organisation_id in wanted:
            by_org[row.organisation_id].append(row)
    columns = [*ORGANISATION_FIELDS, "sort_name"]
    current = repository.organisation_rows(by_org, columns)
    provenance = repository.provenance_of(by_org)
    now = utcnow()
    updates: list[dict[str, Any]] = []
    upserts: list[ProvenanceRow] = []
    removals: list[tuple[int, str]] = []
    for org_id, members in sorted(by_org.items()):
        survivor = survive([view(row) for row in members])
        values = _column_values(survivor)
        have = current[org_id]
        origins: dict[str, tuple[str, int | None, datetime]] = {
            name: (o.source, o.record_id, o.observed_at) for name, o in survivor.origins.items()
        }
        existing = provenance.get(org_id, {})
        if _keeps_geocoded(survivor, have, existing):
            for name in _COORDINATES:
                values[name] = have[name]
                if name in existing:
                    origins[name] = (existing[name].source, None, existing[name].observed_at)
        values["name"] = values["name"] or have["name"]
        values["sort_name"] = sort_key(values["name"])
        changed = {name: value for name, value in values.items() if not _same(have[name], value)}
        if changed:
            updates.append({"id": org_id, **changed, "last_verified_at": now})
        for name, (source, record_id, observed_at) in origins.items():
            old = existing.get(name)
            if old is None or (old.source, old.source_record_id) != (source, record_id):
                upserts.append(ProvenanceRow(org_id, name, source, record_id, observed_at))
        removals.extend((org_id, name) for name in existing if name not in origins)
    repository.update_organisations(updates, now)
    repository.delete_provenance(removals)
    repository.upsert_provenance(upserts)
    return len(updates)


def create(session: Session, clusters: Sequence[Sequence[RecordRow]], now: datetime) -> dict[int, int]:
    """New organisations for clusters that hold none; their fields come from survivorship."""
    if not clusters:
        return {}
    repository = OrganisationRepository(session)
    survivors = [survive([view(row) for row in members]) for members in clusters]
    slugs = linking.SlugAllocator(
        repository, [(s.values.get("name") or "organisation", s.values.get("locality")) for s in survivors]
    )
    rows = []
    for survivor in survivors:
        values = _column_values(survivor)
        name = values["name"] or "organisation"
        rows.append(
            values
            | {
                "public_id": linking.new_public_id(),
                "slug": slugs.allocate(name, values.get("locality")),
                "name": name,
                "sort_name": sort_key(name),
                "last_verified_at": now,
                "visibility": Visibility.PUBLIC,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
    matching = MatchingRepository(session)
    ids = matching.insert_organisations(rows)
    matching.insert_provenance(
        [
            ProvenanceRow(org_id, name, origin.source, origin.record_id, origin.observed_at)
            for org_id, survivor in zip(ids, survivors, strict=True)
            for name, origin in survivor.origins.items()
        ]
    )
    return {id(members): org_id for members, org_id in zip(clusters, ids, strict=True)}
