"""Response models of the moderator area's JSON twins (private data: moderators only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from app.api.match_schemas import MatchPair
from app.domain.enums import SubmissionKind, SubmissionState


class SubmissionSummary(BaseModel):
    """A submission in the queue."""

    id: str
    kind: SubmissionKind
    state: SubmissionState
    name: str | None
    organisation_name: str | None
    received_at: datetime
    version: int


class QueueOut(BaseModel):
    """Pending submissions and possible duplicates."""

    submissions: list[SubmissionSummary]
    duplicates: list[MatchPair]


class DiffRow(BaseModel):
    """One field side by side."""

    field: str
    label: str
    submitted: str
    current: str
    register_value: str
    changed: bool
    locked: bool


class SubmissionOut(SubmissionSummary):
    """A submission under review, with its private contact (moderators only)."""

    contact_name: str | None
    contact_email: str | None
    consent_publish_contact: bool
    reason: str | None
    payload: dict[str, Any]
    rows: list[DiffRow]


class RecordOut(BaseModel):
    """A source record of an organisation."""

    source: str
    source_id: str
    name: str | None
    postcode: str | None


class EventOut(BaseModel):
    """An audit event."""

    id: int
    at: str
    actor: str
    action: str
    target_type: str
    target_id: str
    reason: str | None
    data: dict[str, Any]


class OrganisationAdminOut(BaseModel):
    """An organisation's records, pairs and history."""

    id: str
    name: str
    records: list[RecordOut]
    pairs: list[MatchPair]
    history: list[EventOut]


class StaleOut(BaseModel):
    """An organisation to re-check."""

    id: str
    slug: str
    name: str
    last_verified_at: datetime | None
    gone_from_every_source: bool
