"""What moderators see and do, assembled for the pages and their JSON twins (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import AuditEvent, Organisation, Submission
from app.db.repositories.matching import MatchingRepository, RecordSummary
from app.db.repositories.moderation import ModerationRepository
from app.domain.errors import NotFound
from app.domain.review import FieldDiff
from app.services import community, match_decisions, submissions
from app.services.comparison import compare_submission
from app.services.match_decisions import PairView

PAGE = 100


@dataclass(frozen=True)
class Queue:
    """Pending submissions and possible duplicates."""

    submissions: list[tuple[Submission, str | None]]
    duplicates: list[PairView]


@dataclass(frozen=True)
class SubmissionReview:
    """A submission with its side-by-side rows."""

    submission: Submission
    organisation_name: str | None
    rows: list[FieldDiff]


@dataclass(frozen=True)
class OrganisationAdmin:
    """An organisation's records, pairs and history, for merge, split and revert."""

    organisation_id: int
    public_id: str
    name: str
    records: list[RecordSummary]
    pairs: list[PairView]
    history: list[AuditEvent]


def queue(session: Session) -> Queue:
    """The moderation queue (capped; oldest first)."""
    return Queue(submissions.queue(session, PAGE), match_decisions.queue(session, limit=PAGE))


def review(session: Session, public_id: str) -> SubmissionReview:
    """A submission side by side with its organisation and its registers."""
    submission = submissions.get(session, public_id)
    values = submissions.form_of(submission).values()
    organisation = (
        session.get(Organisation, submission.organisation_id) if submission.organisation_id else None
    )
    rows = compare_submission(session, values, submission.organisation_id)
    return SubmissionReview(submission, organisation.name if organisation else None, rows)


def duplicate(session: Session, pair_id: int) -> PairView:
    """One candidate pair with its explanation."""
    return match_decisions.pair(session, pair_id)


def organisation_admin(session: Session, ident: str) -> OrganisationAdmin:
    """Everything a moderator needs to merge, split or revert an organisation."""
    repository = MatchingRepository(session)
    org_id = repository.organisation_id_for(ident)
    organisation = session.get(Organisation, org_id) if org_id is not None else None
    if organisation is None:
        raise NotFound(f"no organisation {ident!r}")
    record_ids = repository.record_ids_of(organisation.id)
    summaries = repository.record_summaries(record_ids)
    return OrganisationAdmin(
        organisation_id=organisation.id,
        public_id=organisation.public_id,
        name=organisation.name,
        records=[summaries[record_id] for record_id in record_ids],
        pairs=match_decisions.explain(session, organisation.public_id),
        history=community.history(session, organisation.public_id),
    )


def audit(session: Session, *, before_id: int | None, action: str | None) -> list[AuditEvent]:
    """A page of the audit log, newest first."""
    return ModerationRepository(session).audit(limit=PAGE, before_id=before_id, action=action)


def stale(session: Session, *, months: int, after_id: int | None) -> list[tuple[Organisation, bool]]:
    """Organisations to re-check: not verified for `months`, or gone from every source."""
    cutoff = utcnow() - timedelta(days=round(months * 30.44))
    return ModerationRepository(session).stale(verified_before=cutoff, limit=PAGE, after_id=after_id)


def event_view(event: AuditEvent) -> dict[str, Any]:
    """An audit event as data (the actor's label, never a password or token)."""
    return {
        "id": event.id,
        "at": event.at.isoformat(),
        "actor": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "reason": event.reason,
        "data": event.data,
    }
