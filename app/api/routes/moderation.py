"""JSON twins of the moderator pages (GET); decisions are the pages' form posts (CSRF, sessions)."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.auth import ModeratorDep
from app.api.match_schemas import MatchPair
from app.api.moderation_schemas import (
    DiffRow,
    EventOut,
    OrganisationAdminOut,
    QueueOut,
    RecordOut,
    StaleOut,
    SubmissionOut,
    SubmissionSummary,
)
from app.db.models import Submission
from app.dependencies import SessionDep, SettingsDep
from app.services import moderation

router = APIRouter(tags=["moderation"])


def _summary(submission: Submission, organisation_name: str | None) -> SubmissionSummary:
    return SubmissionSummary(
        id=submission.public_id,
        kind=submission.kind,
        state=submission.state,
        name=submission.payload.get("name"),
        organisation_name=organisation_name,
        received_at=submission.created_at,
        version=submission.version,
    )


@router.get("/api/moderation/queue", response_model=QueueOut, summary="Pending submissions and duplicates")
def get_queue(session: SessionDep, user: ModeratorDep) -> QueueOut:
    """The moderation queue, oldest first (at most 100 of each)."""
    found = moderation.queue(session)
    return QueueOut(
        submissions=[_summary(s, name) for s, name in found.submissions],
        duplicates=[MatchPair.from_view(view) for view in found.duplicates],
    )


@router.get("/api/moderation/submissions/{public_id}", response_model=SubmissionOut, summary="A submission")
def get_submission(session: SessionDep, user: ModeratorDep, public_id: str) -> SubmissionOut:
    """A submission with its private contact and the side-by-side rows."""
    review = moderation.review(session, public_id)
    s = review.submission
    return SubmissionOut(
        **_summary(s, review.organisation_name).model_dump(),
        contact_name=s.contact_name,
        contact_email=s.contact_email,
        consent_publish_contact=s.consent_publish_contact,
        reason=s.reason,
        payload=s.payload,
        rows=[
            DiffRow(
                field=row.field,
                label=row.label,
                submitted=row.submitted,
                current=row.current,
                register_value=row.register,
                changed=row.changed,
                locked=row.locked,
            )
            for row in review.rows
        ],
    )


@router.get("/api/moderation/duplicates/{pair_id}", response_model=MatchPair, summary="A possible duplicate")
def get_duplicate(session: SessionDep, user: ModeratorDep, pair_id: int) -> MatchPair:
    """A candidate pair with its explanation."""
    return MatchPair.from_view(moderation.duplicate(session, pair_id))


@router.get(
    "/api/moderation/organisations/{ident}",
    response_model=OrganisationAdminOut,
    summary="An organisation's records",
)
def get_organisation(session: SessionDep, user: ModeratorDep, ident: str) -> OrganisationAdminOut:
    """Records, explained pairs and history of an organisation."""
    admin = moderation.organisation_admin(session, ident)
    return OrganisationAdminOut(
        id=admin.public_id,
        name=admin.name,
        records=[
            RecordOut(source=r.source, source_id=r.source_id, name=r.name, postcode=r.postcode)
            for r in admin.records
        ],
        pairs=[MatchPair.from_view(view) for view in admin.pairs],
        history=[EventOut(**moderation.event_view(event)) for event in admin.history],
    )


@router.get("/api/moderation/audit", response_model=list[EventOut], summary="The audit log")
def get_audit(
    session: SessionDep, user: ModeratorDep, before: int | None = None, action: str | None = None
) -> list[EventOut]:
    """A page of 100 events, newest first; pass the last id as `before` for the next."""
    return [
        EventOut(**moderation.event_view(e))
        for e in moderation.audit(session, before_id=before, action=action)
    ]


@router.get("/api/moderation/stale", response_model=list[StaleOut], summary="Stale organisations")
def get_stale(
    session: SessionDep, settings: SettingsDep, user: ModeratorDep, after: int | None = None
) -> list[StaleOut]:
    """Organisations not verified for `COOPMAP_STALE_AFTER_MONTHS`, or gone from every source."""
    return [
        StaleOut(
            id=o.public_id,
            slug=o.slug,
            name=o.name,
            last_verified_at=o.last_verified_at,
            gone_from_every_source=gone,
        )
        for o, gone in moderation.stale(session, months=settings.stale_after_months, after_id=after)
    ]
