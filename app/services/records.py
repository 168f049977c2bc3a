"""Storing what sources say: upsert source records by content hash and build organisations with provenance.

Ingest (registers, the demo dataset, later the webform) goes through here; it never writes SQL itself.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation, SourceRecord
from app.db.repositories.organisations import OrganisationRepository
from app.db.repositories.source_records import SourceRecordRepository
from app.domain.enums import LocationPrecision, OrganisationStatus
from app.domain.errors import InvalidInput
from app.domain.text import slugify, sort_key

# Organisation fields a source can supply; each supplied value gets a provenance row.
ORGANISATION_FIELDS: tuple[str, ...] = (
    "name",
    "other_names",
    "legal_form",
    "fca_number",
    "companies_house_number",
    "organisational_structure",
    "ownership_type",
    "membership_type",
    "sector",
    "sic_code",
    "sic_section",
    "activities",
    "description",
    "goods_services",
    "website",
    "phone",
    "email",
    "email_consent",
    "street_address",
    "locality",
    "region",
    "postcode",
    "nation",
    "latitude",
    "longitude",
    "location_precision",
    "status",
    "incorporated_on",
    "dissolved_on",
)
_DATE_FIELDS = frozenset({"incorporated_on", "dissolved_on"})
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "status": OrganisationStatus,
    "location_precision": LocationPrecision,
}
_PUBLIC_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32: no i, l, o, u


class Change(StrEnum):
    """What an upsert did to a source record."""

    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RecordOutcome:
    """The stored record and what changed."""

    record: SourceRecord
    change: Change


def content_hash(fields: dict[str, Any]) -> str:
    """SHA-256 of the parsed fields in canonical JSON: equal content, equal hash."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def upsert_source_record(
    session: Session,
    *,
    source: str,
    source_id: str,
    raw: dict[str, Any],
    fields: dict[str, Any],
    status_in_source: str,
    seen_at: datetime,
    run_id: int | None = None,
) -> RecordOutcome:
    """Insert or update the record (source, source_id); identical content changes nothing but last_seen_at."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise InvalidInput(sorted(unknown)[0], f"unknown organisation field(s): {', '.join(sorted(unknown))}")
    repository = SourceRecordRepository(session)
    digest = content_hash(fields)
    record = repository.get(source, source_id)
    if record is None:
        record = SourceRecord(
            source=source,
            source_id=source_id,
            raw=raw,
            fields=fields,
            content_hash=digest,
            status_in_source=status_in_source,
            first_seen_at=seen_at,
            last_seen_at=seen_at,
            last_run_id=run_id,
        )
        return RecordOutcome(repository.add(record), Change.INSERTED)
    record.last_seen_at = seen_at
    record.last_run_id = run_id
    if record.content_hash == digest and record.status_in_source == status_in_source:
        return RecordOutcome(record, Change.UNCHANGED)
    record.raw, record.fields, record.content_hash = raw, fields, digest
    record.status_in_source = status_in_source
    session.flush()
    return RecordOutcome(record, Change.UPDATED)


def _column_value(field: str, value: Any) -> Any:
    """Convert a JSON-safe field value to what the column holds."""
    if value is None:
        return None
    if field in _DATE_FIELDS:
        return value if isinstance(value, date) else date.fromisoformat(value)
    if field in _ENUM_FIELDS:
        return _ENUM_FIELDS[field](value)
    return value


def _is_supplied(value: Any) -> bool:
    return value not in (None, "", [])


def apply_fields(organisation: Organisation, record: SourceRecord, observed_at: datetime) -> None:
    """Copy the record's supplied fields onto the organisation, recording provenance for each."""
    existing = {p.field: p for p in organisation.provenance}
    for field, value in record.fields.items():
        if not _is_supplied(value):
            continue
        setattr(organisation, field, _column_value(field, value))
        provenance = existing.get(field)
        if provenance is None:
            organisation.provenance.append(
                FieldProvenance(
                    field=field, source=record.source, source_record_id=record.id, observed_at=observed_at
                )
            )
        else:
            provenance.source, provenance.source_record_id = record.source, record.id
            provenance.observed_at = observed_at
    organisation.sort_name = sort_key(organisation.name)


def _free_slug(repository: OrganisationRepository, name: str, locality: str | None) -> str:
    base = slugify(name)
    taken = repository.slugs_starting_with(base)
    if base not in taken:
        return base
    if locality:
        with_place = slugify(f"{name} {locality}")
        if with_place not in repository.slugs_starting_with(with_place):
            return with_place
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def _new_public_id(repository: OrganisationRepository) -> str:
    while True:
        candidate = "".join(secrets.choice(_PUBLIC_ID_ALPHABET) for _ in range(12))
        if not repository.public_id_exists(candidate):
            return candidate


def create_organisation(session: Session, record: SourceRecord, observed_at: datetime) -> Organisation:
    """Create an organisation from one source record and link the record to it."""
    name = record.fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput("name", "a source record needs a name to create an organisation")
    repository = OrganisationRepository(session)
    organisation = Organisation(
        public_id=_new_public_id(repository),
        slug=_free_slug(repository, name, record.fields.get("locality")),
        name=name,
        sort_name=sort_key(name),
        other_names=[],
        activities=[],
        goods_services=[],
        provenance=[],
        last_verified_at=observed_at,
    )
    repository.add(organisation)
    apply_fields(organisation, record, observed_at)
    record.organisation_id = organisation.id
    session.flush()
    return organisation
