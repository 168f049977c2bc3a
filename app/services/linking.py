"""Organisations from source records: link by exact identifier or create, then apply fields with provenance.

Until fuzzy matching lands, a record joins an existing organisation only through an exact identifier:
a link to another source's record (e.g. a Digital Commons row carrying a Co-operatives UK id), the
normalised FCA number, or the Companies House number. Which source's value a field keeps is decided
by a small precedence table (register data over exports, moderated community data over both;
fresher wins among equals), recorded per field in `field_provenance`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation, SourceRecord
from app.db.repositories.organisations import OrganisationRepository
from app.db.repositories.source_records import SourceRecordRepository
from app.domain.enums import LocationPrecision, OrganisationStatus
from app.domain.errors import InvalidInput
from app.domain.survivorship import source_rank
from app.domain.text import slugify, sort_key
from app.services.records import Change, RecordOutcome

_DATE_FIELDS = frozenset({"incorporated_on", "dissolved_on"})
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "status": OrganisationStatus,
    "location_precision": LocationPrecision,
}
_PUBLIC_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32: no i, l, o, u


def column_value(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in _DATE_FIELDS:
        return value if isinstance(value, date) else date.fromisoformat(value)
    if field in _ENUM_FIELDS:
        return _ENUM_FIELDS[field](value)
    return value


def _is_supplied(value: Any) -> bool:
    return value not in (None, "", [])


_GEOCODED = ("latitude", "longitude", "location_precision")


def _forget_geocoded_location(organisation: Organisation, existing: dict[str, FieldProvenance]) -> None:
    """A new postcode voids coordinates the geocoder found for the old one (no record supplied them)."""
    origin = existing.get("latitude")
    if origin is None or origin.source_record_id is not None:
        return
    organisation.latitude = organisation.longitude = None
    organisation.location_precision = LocationPrecision.NONE
    for field in _GEOCODED:
        if field in existing:
            organisation.provenance.remove(existing.pop(field))


def apply_fields(organisation: Organisation, record: SourceRecord, observed_at: datetime) -> bool:
    """Copy the record's supplied fields that win precedence onto the organisation; True if any changed."""
    existing = {p.field: p for p in organisation.provenance}
    rank = source_rank(record.source)
    changed = False
    for field, value in record.fields.items():
        if not _is_supplied(value):
            continue
        provenance = existing.get(field)
        if provenance is not None and source_rank(provenance.source) > rank:
            continue
        new_value = column_value(field, value)
        value_changed = getattr(organisation, field) != new_value
        if value_changed:
            setattr(organisation, field, new_value)
            changed = True
            if field == "postcode":
                _forget_geocoded_location(organisation, existing)
        if provenance is None:
            organisation.provenance.append(
                FieldProvenance(
                    field=field, source=record.source, source_record_id=record.id, observed_at=observed_at
                )
            )
        elif value_changed or provenance.source_record_id != record.id:
            provenance.source, provenance.source_record_id = record.source, record.id
            provenance.observed_at = observed_at
    if changed:
        organisation.sort_name = sort_key(organisation.name)
        organisation.last_verified_at = observed_at
    return changed


def _identifier_keys(fields: dict[str, Any]) -> list[str]:
    keys = []
    if fields.get("fca_number"):
        keys.append(f"fca:{fields['fca_number']}")
    if fields.get("companies_house_number"):
        keys.append(f"ch:{fields['companies_house_number']}")
    return keys


def new_public_id() -> str:
    # 60 random bits: a collision is astronomically unlikely and the unique constraint would catch it.
    bits = secrets.randbits(60)
    return "".join(_PUBLIC_ID_ALPHABET[(bits >> shift) & 31] for shift in range(0, 60, 5))


def _preferred_slugs(name: str, locality: str | None) -> list[str]:
    base = slugify(name)
    return [base] + ([slugify(f"{name} {locality}")] if locality else [])


class SlugAllocator:
    """Free slugs for a batch of new organisations: name, then name + place, then the lowest number."""

    def __init__(self, repository: OrganisationRepository, wanted: list[tuple[str, str | None]]) -> None:
        self.repository = repository
        self.claimed: set[str] = set()
        self.preferred = {key: _preferred_slugs(*key) for key in wanted}
        # One lookup for every preferred slug of the batch; numbered fallbacks are rare and looked up lazily.
        self.known_taken = repository.existing_slugs([s for slugs in self.preferred.values() for s in slugs])
        # Where the numbered search of each base continues: names repeat, and rescanning from 2 is quadratic.
        self.next_number: dict[str, int] = {}

    def _free(self, slug: str) -> bool:
        return slug not in self.known_taken and slug not in self.claimed

    def allocate(self, name: str, locality: str | None) -> str:
        """A slug no organisation uses yet (nor any allocated earlier in this batch)."""
        preferred = self.preferred.get((name, locality)) or _preferred_slugs(name, locality)
        base = preferred[0]
        choice = next((slug for slug in preferred if self._free(slug)), None)
        start = self.next_number.get(base, 2)
        while choice is None:
            numbered = [f"{base}-{n}" for n in range(start, start + 20)]
            in_use = self.repository.existing_slugs(numbered)
            choice = next((slug for slug in numbered if slug not in in_use and self._free(slug)), None)
            start += 20 if choice is None else 0
        if choice not in preferred:
            self.next_number[base] = int(choice.rsplit("-", 1)[1]) + 1
        self.claimed.add(choice)
        return choice


def link_and_apply(
    session: Session,
    outcomes: Sequence[RecordOutcome],
    links: dict[str, dict[str, str]],
    observed_at: datetime,
    *,
    create: bool = True,
) -> set[int]:
    """Give each new or changed record an organisation and apply its fields; returns the ids of new ones.

    `links` maps a record's source_id to {other source: its source_id} for records known to be the same.
    With `create=False` a record no identifier links stays without an organisation: matching, which runs
    next in the same transaction, gives it one (or an existing one), so none is made only to be merged away.
    """
    repository = OrganisationRepository(session)
    pending = [
        o.record for o in outcomes if o.change is not Change.UNCHANGED or o.record.organisation_id is None
    ]
    unlinked = [r for r in pending if r.organisation_id is None]
    for record in unlinked:
        if not isinstance(record.fields.get("name"), str) or not record.fields["name"].strip():
            raise InvalidInput("name", f"record {record.source}/{record.source_id} has no name")

    link_keys = [(s, i) for r in unlinked for s, i in links.get(r.source_id, {}).items()]
    by_link = SourceRecordRepository(session).organisation_ids_for(link_keys)
    by_identifier = repository.ids_by_identifier(
        [r.fields["fca_number"] for r in unlinked if r.fields.get("fca_number")],
        [r.fields["companies_house_number"] for r in unlinked if r.fields.get("companies_house_number")],
    )
    slugs = SlugAllocator(
        repository, [(r.fields["name"], r.fields.get("locality")) for r in unlinked] if create else []
    )
    created: list[Organisation] = []
    first_record: dict[int, SourceRecord] = {}
    new_for_identifier: dict[str, Organisation] = {}
    new_owner: dict[int, Organisation] = {}
    for record in unlinked:
        org_id = next((by_link[k] for k in links.get(record.source_id, {}).items() if k in by_link), None)
        keys = _identifier_keys(record.fields)
        org_id = org_id or next((by_identifier[k] for k in keys if k in by_identifier), None)
        if org_id is not None:
            record.organisation_id = org_id
            continue
        if not create:
            continue
        # Two new records of one batch with the same identifier make one organisation, not two.
        organisation = next((new_for_identifier[k] for k in keys if k in new_for_identifier), None)
        if organisation is None:
            name = record.fields["name"]
            organisation = Organisation(
                public_id=new_public_id(),
                slug=slugs.allocate(name, record.fields.get("locality")),
                name=name,
                other_names=[],
                activities=[],
                goods_services=[],
                last_verified_at=observed_at,
            )
            created.append(organisation)
            # The first record of a new organisation supplies every field: set them before the INSERT.
            for field, value in record.fields.items():
                if _is_supplied(value):
                    setattr(organisation, field, column_value(field, value))
            organisation.sort_name = sort_key(organisation.name)
            first_record[id(organisation)] = record
        for key in keys:
            new_for_identifier.setdefault(key, organisation)
        new_owner[id(record)] = organisation
    repository.add_all(created)
    for record in unlinked:
        if id(record) in new_owner:
            record.organisation_id = new_owner[id(record)].id
    repository.add_provenance_rows(
        [
            {
                "organisation_id": org.id,
                "field": field,
                "source": record.source,
                "source_record_id": record.id,
                "observed_at": observed_at,
            }
            for org in created
            for record in (first_record[id(org)],)
            for field, value in record.fields.items()
            if _is_supplied(value)
        ]
    )

    # Records joining existing organisations, or changed, go through precedence field by field.
    firsts = {id(record) for record in first_record.values()}
    # Without `create`, records left unlinked wait for matching.
    rest = [r for r in pending if id(r) not in firsts and r.organisation_id is not None]
    organisations = repository.with_provenance([r.organisation_id for r in rest if r.organisation_id])
    for record in rest:
        assert record.organisation_id is not None  # noqa: S101  (filtered above)
        apply_fields(organisations[record.organisation_id], record, observed_at)
    session.flush()
    return {organisation.id for organisation in created}


def create_organisation(session: Session, record: SourceRecord, observed_at: datetime) -> Organisation:
    """Create (or link) the organisation of one stored record and apply its fields."""
    link_and_apply(session, [RecordOutcome(record, Change.INSERTED)], {}, observed_at)
    organisation = session.get(Organisation, record.organisation_id)
    assert organisation is not None  # noqa: S101
    return organisation
