"""Approved community submissions become `community` source records, merged like any other source.

A new organisation's submission is stored under its own id and matching decides whether it joins an
existing organisation. An edit replaces the organisation's community record (one per organisation), or
creates it tied to the organisation by a sticky "same" decision, so later ingests never move it away.
Survivorship then lets the community values win descriptive and contact fields while register-owned
identity (legal name, numbers, status) stays with the registers. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import AuditEvent, Organisation, User
from app.db.repositories.matching import MatchingRepository
from app.db.repositories.users import AuditRepository
from app.domain.enums import MatchDecisionKind
from app.domain.errors import Conflict, NotFound
from app.domain.postcode import normalise_postcode, parse_postcode_district
from app.services import geocoding, linking, records
from app.services.audit import record_event
from app.services.matching import rematch
from ingest.matching import MatchConfig

COMMUNITY_SOURCE = "community"
EDITED = "organisation.edited"


def _fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """The organisation fields of a submission (other answers stay in the raw payload only)."""
    return {name: value for name, value in values.items() if name in records.ORGANISATION_FIELDS}


def publish(
    session: Session,
    *,
    submission_id: str,
    values: Mapping[str, Any],
    organisation_id: int | None,
    config: MatchConfig,
    actor: User | str,
) -> Organisation:
    """Store an approved submission as community data and return the organisation it is part of."""
    repository = MatchingRepository(session)
    source_id = submission_id
    anchor: int | None = None
    if organisation_id is not None:
        members = repository.record_rows_of([organisation_id])
        if not members:
            raise NotFound(f"organisation {organisation_id} has no records to edit")
        own = [row for row in members if row.source == COMMUNITY_SOURCE]
        if own:
            source_id = own[0].source_id  # one community record per organisation: the edit replaces it
        else:
            anchor = members[0].id
    now = utcnow()
    previous = repository.record_fields(COMMUNITY_SOURCE, source_id)
    outcome = records.upsert_source_record(
        session,
        source=COMMUNITY_SOURCE,
        source_id=source_id,
        raw=dict(values),
        fields=_fields(values),
        status_in_source="live",
        seen_at=now,
    )
    record = outcome.record
    if anchor is not None:
        record.organisation_id = organisation_id  # joins the edited organisation; never a new one
        session.flush()
        left, right = sorted((anchor, record.id))
        repository.decide_pair(
            left,
            right,
            MatchDecisionKind.CONFIRMED,
            user_id=actor.id if isinstance(actor, User) else None,
            reason=f"edit of the organisation through submission {submission_id}",
            at=now,
        )
    # A new entry gets its organisation from matching: an existing one it matches, or a new one.
    linking.link_and_apply(session, [outcome], {}, now, create=False)
    touched = {record.organisation_id} if record.organisation_id is not None else set()
    if organisation_id is not None:
        touched.add(organisation_id)
    rematch(session, config, touched=touched)
    session.refresh(record)
    if record.organisation_id is not None:
        # Onto the map at once, from the local postcode table (never the network inside a request).
        geocoding.resolve_organisations(
            session,
            None,
            normalise=normalise_postcode,
            district_of=parse_postcode_district,
            only=[record.organisation_id],
        )
    organisation = session.get(Organisation, record.organisation_id)
    if organisation is None:  # pragma: no cover - matching gives every record an organisation
        raise NotFound("the submission's organisation disappeared")
    record_event(
        session,
        actor=actor,
        action=EDITED,
        target_type="organisation",
        target_id=organisation.public_id,
        data={
            "submission": submission_id,
            "record": f"{COMMUNITY_SOURCE}:{source_id}",
            "before": previous,
            "after": _fields(values),
        },
    )
    return organisation


def history(session: Session, public_id: str) -> list[AuditEvent]:
    """What was done to an organisation (edits with before/after, merges, splits, reverts), newest first."""
    return list(reversed(AuditRepository(session).for_target("organisation", public_id)))


def revert(
    session: Session,
    public_id: str,
    event_id: int,
    *,
    config: MatchConfig,
    actor: User | str,
    reason: str | None = None,
) -> Organisation:
    """Undo an approved edit: its community record goes back to what it was before (or goes away)."""
    event = session.get(AuditEvent, event_id)
    if event is None or event.action != EDITED or event.target_id != public_id:
        raise NotFound(f"no edit {event_id} of organisation {public_id!r}")
    source, _, source_id = str(event.data["record"]).partition(":")
    repository = MatchingRepository(session)
    record_id = repository.record_id_for(source, source_id)
    if record_id is None:
        raise Conflict("that edit's community record no longer exists")
    organisation_id = repository.organisation_id_for(public_id)
    before = event.data.get("before")
    if before is None:
        repository.delete_record(record_id)
    else:
        records.upsert_source_record(
            session,
            source=source,
            source_id=source_id,
            raw=dict(before),
            fields=_fields(before),
            status_in_source="live",
            seen_at=utcnow(),
        )
    session.flush()
    rematch(session, config, touched=[organisation_id] if organisation_id is not None else [])
    record_event(
        session,
        actor=actor,
        action="organisation.reverted",
        target_type="organisation",
        target_id=public_id,
        reason=reason,
        data={"event": event_id, "record": event.data["record"]},
    )
    found = session.get(Organisation, organisation_id) if organisation_id is not None else None
    if found is None:
        raise NotFound(f"organisation {public_id!r} is gone")
    return found
