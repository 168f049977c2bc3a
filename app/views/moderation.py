"""The moderator area's pages: queue, submission review, duplicates, organisations, audit log, stale list.

Every route needs a moderator (one dependency); every form posts a CSRF token and the version seen, so
two moderators acting at once get one success and one 409 with a fresh view. JSON twins live under
/api/moderation (app/api/routes/moderation.py).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from app.api.auth import ModeratorDep
from app.core.csrf import require_csrf
from app.db.models import Organisation, Submission
from app.dependencies import SessionDep, SettingsDep
from app.domain.errors import Conflict, SourceError
from app.services import (
    community,
    edit_links,
    mail,
    match_decisions,
    moderation,
    submissions,
    suppressions,
)
from app.services.matching import match_config

router = APIRouter(include_in_schema=False)
logger = logging.getLogger(__name__)
CSRF = [Depends(require_csrf)]
Reason = Annotated[str, Form(max_length=2000)]


def _page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/moderation", response_class=HTMLResponse)
def queue_page(request: Request, session: SessionDep, user: ModeratorDep) -> Response:
    """Pending submissions and possible duplicates (JSON twin: /api/moderation/queue)."""
    found = moderation.queue(session)
    context = {"user": user, "queue": found, "json_twin": "/api/moderation/queue"}
    return _page(request, "moderation/queue.html", context)


def _review(
    request: Request, session: SessionDep, user: ModeratorDep, public_id: str, error: str | None, status: int
) -> Response:
    review = moderation.review(session, public_id)
    context = {
        "user": user,
        "review": review,
        "error": error,
        "json_twin": f"/api/moderation/submissions/{public_id}",
    }
    return _page(request, "moderation/submission.html", context, status)


@router.get("/moderation/submissions/{public_id}", response_class=HTMLResponse)
def submission_page(request: Request, session: SessionDep, user: ModeratorDep, public_id: str) -> Response:
    """A submission side by side with what is public and what the register says."""
    return _review(request, session, user, public_id, None, 200)


@router.post("/moderation/submissions/{public_id}/{action}", dependencies=CSRF)
def decide_submission(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: ModeratorDep,
    public_id: str,
    action: str,
    version: Annotated[int, Form()],
    reason: Reason = "",
) -> Response:
    """Approve | reject | request-changes | withdraw; a stale version is a 409 with the fresh view."""
    submission = submissions.get(session, public_id)
    try:
        if action == "approve":
            config = match_config(settings.match_auto_merge, settings.match_review)
            organisation = submissions.approve(
                session, submission, expected_version=version, actor=user, config=config
            )
            _send_edit_link(session, settings, organisation, submission.contact_email, user)
        elif action == "reject":
            submissions.reject(session, submission, expected_version=version, actor=user, reason=reason)
            _tell_the_group(settings, submission, "was not published", reason)
        elif action == "request-changes":
            submissions.request_changes(
                session, submission, expected_version=version, actor=user, reason=reason
            )
            _tell_the_group(settings, submission, "needs a change before it can be published", reason)
        elif action == "withdraw":
            submissions.withdraw(session, submission, expected_version=version, actor=user, reason=reason)
        else:
            return _page(request, "error.html", {"status": 404, "detail": "no such action"}, 404)
    except Conflict as exc:
        session.rollback()
        return _review(request, session, user, public_id, exc.message, 409)
    return RedirectResponse("/moderation", status_code=303)


def _send_edit_link(
    session: SessionDep,
    settings: SettingsDep,
    organisation: Organisation,
    email: str | None,
    user: ModeratorDep,
) -> None:
    """Give the group its private edit link; a mail failure must not undo the approval."""
    if not email:
        return
    try:
        edit_links.issue(session, settings, organisation, email, user)
    except SourceError as exc:
        logger.warning("approved, but the edit link email failed: %s", exc.message)


def _tell_the_group(settings: SettingsDep, submission: Submission, outcome: str, reason: str) -> None:
    """Email the group's contact the decision and the moderator's reason (a failure is only logged)."""
    if not submission.contact_email:
        return
    name = submission.payload.get("name") or "your organisation"
    again = f"{settings.public_url}/submit"
    try:
        mail.send(
            settings,
            to=submission.contact_email,
            subject=f"Your entry for {name} {outcome}",
            body=(
                f"Hello,\n\nYour entry for {name} (reference {submission.public_id}) {outcome}.\n\n"
                f"The moderator wrote: {reason.strip()}\n\nYou can send it again at {again}.\n"
            ),
        )
    except SourceError as exc:
        logger.warning("the decision email failed: %s", exc.message)


@router.get("/moderation/duplicates/{pair_id}", response_class=HTMLResponse)
def duplicate_page(request: Request, session: SessionDep, user: ModeratorDep, pair_id: int) -> Response:
    """A possible duplicate with why it was flagged."""
    context = {
        "user": user,
        "pair": moderation.duplicate(session, pair_id),
        "json_twin": f"/api/moderation/duplicates/{pair_id}",
    }
    return _page(request, "moderation/duplicate.html", context)


@router.post("/moderation/duplicates/{pair_id}", dependencies=CSRF)
def decide_duplicate(
    session: SessionDep,
    settings: SettingsDep,
    user: ModeratorDep,
    pair_id: int,
    decision: Annotated[str, Form(pattern="^(same|different)$")],
    reason: Reason = "",
) -> Response:
    """The same organisation, or not: sticky through every re-ingest."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    match_decisions.decide(session, pair_id, decision == "same", config=config, actor=user, reason=reason)
    return RedirectResponse("/moderation", status_code=303)


@router.get("/moderation/organisations/{ident}", response_class=HTMLResponse)
def organisation_page(request: Request, session: SessionDep, user: ModeratorDep, ident: str) -> Response:
    """An organisation's records (split), pairs, history (revert) and a merge form."""
    admin = moderation.organisation_admin(session, ident)
    context = {"user": user, "admin": admin, "json_twin": f"/api/moderation/organisations/{admin.public_id}"}
    return _page(request, "moderation/organisation.html", context)


@router.post("/moderation/organisations/{ident}/{action}", dependencies=CSRF)
def change_organisation(
    session: SessionDep,
    settings: SettingsDep,
    user: ModeratorDep,
    ident: str,
    action: str,
    target: Annotated[str, Form(max_length=200)],
    reason: Reason = "",
) -> Response:
    """Merge (target: another organisation) | split (source:id) | revert (event id) | suppress (`erase`)."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    if action == "merge":
        match_decisions.merge(session, ident, target, config=config, actor=user, reason=reason)
    elif action == "split":
        match_decisions.split(session, ident, target, config=config, actor=user, reason=reason)
    elif action == "revert" and target.isdigit():
        community.revert(session, ident, int(target), config=config, actor=user, reason=reason)
    elif action == "suppress" and target == "erase":
        suppressions.suppress(session, ident, actor=user, reason=reason)
        return RedirectResponse("/moderation", status_code=303)
    else:
        raise Conflict(f"unknown action {action!r} or target")
    return RedirectResponse(f"/moderation/organisations/{ident}", status_code=303)


@router.get("/moderation/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    session: SessionDep,
    user: ModeratorDep,
    before: int | None = None,
    action: str | None = None,
) -> Response:
    """The audit log, newest first."""
    events = moderation.audit(session, before_id=before, action=action)
    context = {"user": user, "events": events, "action": action, "json_twin": "/api/moderation/audit"}
    return _page(request, "moderation/audit.html", context)


@router.get("/moderation/stale", response_class=HTMLResponse)
def stale_page(
    request: Request, session: SessionDep, settings: SettingsDep, user: ModeratorDep, after: int | None = None
) -> Response:
    """Organisations to re-check: not verified for a long time, or gone from every source."""
    rows = moderation.stale(session, months=settings.stale_after_months, after_id=after)
    context = {
        "user": user,
        "rows": rows,
        "months": settings.stale_after_months,
        "json_twin": "/api/moderation/stale",
    }
    return _page(request, "moderation/stale.html", context)
