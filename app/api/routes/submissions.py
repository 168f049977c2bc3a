"""POST /api/submissions: the webform's JSON twin (rate-limited per IP, size-capped, no cookies needed)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from app.api.errors import ERROR_RESPONSES
from app.api.submission_schemas import PossibleMatch, SubmissionReceipt, SubmissionRequest
from app.core.ratelimit import Rate, client_key, limit
from app.dependencies import SessionDep, SettingsDep, body_cap
from app.domain.submission import SubmissionForm
from app.services import likely, submissions
from app.services.matching import match_config

router = APIRouter(tags=["submissions"], responses=ERROR_RESPONSES)


@router.post(
    "/api/submissions",
    status_code=201,
    response_model=SubmissionReceipt,
    summary="Add an organisation or suggest an edit",
    dependencies=[Depends(body_cap)],
    responses={
        413: {"description": "Body over 64 KB"},
        429: {"description": "Too many submissions from this address (see Retry-After)"},
    },
)
def create_submission(
    request: Request, response: Response, session: SessionDep, settings: SettingsDep, body: SubmissionRequest
) -> SubmissionReceipt:
    """Queue an entry for moderation. A 422 names each bad field, with the webform's rules and messages."""
    limit(request, "submit", Rate.parse(settings.rate_limit_submissions))
    organisation = (
        submissions.organisation_for_edit(session, body.organisation_id) if body.organisation_id else None
    )
    form = SubmissionForm.model_validate(body.model_dump(exclude={"organisation_id"}))
    found = (
        likely.likely_existing(session, form, match_config(settings.match_auto_merge, settings.match_review))
        if organisation is None
        else []
    )
    who = submissions.ip_hash(settings.secret_key, client_key(request, frozenset(settings.trusted_proxies)))
    received = submissions.receive(session, form, organisation=organisation, submitter_ip_hash=who)
    if not received.created:
        response.status_code = 200
    return SubmissionReceipt(
        id=received.submission.public_id,
        kind=received.submission.kind,
        state=received.submission.state,
        duplicate=not received.created,
        possible_matches=[
            PossibleMatch(
                id=m.public_id, slug=m.slug, name=m.name, postcode=m.postcode, probability=m.probability
            )
            for m in found
        ],
    )
