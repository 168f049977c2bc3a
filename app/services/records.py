"""Source records: what each source said, upserted by (source, source_id) with a content hash.

Identical content changes nothing (an unchanged re-ingest writes no data); changed content replaces
the stored fields and is applied to the organisation by `app.services.linking`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import SourceRecord
from app.db.repositories.source_records import SourceRecordRepository
from app.domain.errors import InvalidInput

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
_KNOWN_FIELDS = frozenset(ORGANISATION_FIELDS)


class Change(StrEnum):
    """What an upsert did to a source record."""

    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RecordInput:
    """One parsed record to store; `links` name records of other sources that are the same organisation."""

    source_id: str
    raw: dict[str, Any]
    fields: dict[str, Any]
    status_in_source: str
    links: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordOutcome:
    """The stored record and what changed."""

    record: SourceRecord
    change: Change


def content_hash(fields: dict[str, Any]) -> str:
    """SHA-256 of the parsed fields in canonical JSON: equal content, equal hash."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - _KNOWN_FIELDS
    if unknown:
        raise InvalidInput(sorted(unknown)[0], f"unknown organisation field(s): {', '.join(sorted(unknown))}")


def upsert_records(
    session: Session,
    *,
    source: str,
    items: Sequence[RecordInput],
    seen_at: datetime,
    run_id: int | None = None,
) -> list[RecordOutcome]:
    """Insert new records, update changed ones, bump last_seen_at of unchanged ones: a few statements."""
    for item in items:
        _check_fields(item.fields)
    repository = SourceRecordRepository(session)
    existing = repository.get_many(source, [item.source_id for item in items])
    changes: list[tuple[str, Change]] = []
    new_rows: dict[str, dict[str, Any]] = {}  # source_id -> the row to insert
    for item in items:
        digest = content_hash(item.fields)
        record = existing.get(item.source_id)
        row = new_rows.get(item.source_id)
        if row is not None:
            # The same id twice in one batch: the later row wins, as it would against a stored record.
            same = row["content_hash"] == digest and row["status_in_source"] == item.status_in_source
            row.update(
                raw=item.raw,
                fields=item.fields,
                content_hash=digest,
                status_in_source=item.status_in_source,
                links=dict(item.links),
            )
            changes.append((item.source_id, Change.UNCHANGED if same else Change.UPDATED))
        elif record is None:
            new_rows[item.source_id] = {
                "source": source,
                "source_id": item.source_id,
                "organisation_id": None,
                "raw": item.raw,
                "fields": item.fields,
                "content_hash": digest,
                "status_in_source": item.status_in_source,
                "first_seen_at": seen_at,
                "last_seen_at": seen_at,
                "last_run_id": run_id,
                "links": dict(item.links),
            }
            changes.append((item.source_id, Change.INSERTED))
        elif record.content_hash == digest and record.status_in_source == item.status_in_source:
            # Only bookkeeping changes; SQLAlchemy sends these as one executemany UPDATE.
            record.last_seen_at, record.last_run_id = seen_at, run_id
            if record.links != item.links:
                record.links = dict(item.links)
            changes.append((item.source_id, Change.UNCHANGED))
        else:
            record.raw, record.fields, record.content_hash = item.raw, item.fields, digest
            record.status_in_source = item.status_in_source
            record.last_seen_at, record.last_run_id = seen_at, run_id
            record.links = dict(item.links)
            changes.append((item.source_id, Change.UPDATED))
    existing.update(repository.insert_many(list(new_rows.values())))
    return [RecordOutcome(existing[source_id], change) for source_id, change in changes]


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
    """Upsert one record (see `upsert_records`)."""
    item = RecordInput(source_id=source_id, raw=raw, fields=fields, status_in_source=status_in_source)
    return upsert_records(session, source=source, items=[item], seen_at=seen_at, run_id=run_id)[0]
