"""The public webform: add an organisation (/submit) or suggest an edit (/organisations/{slug}/edit).

No account: CSRF token, a honeypot field, a minimum fill time, a per-IP rate limit and size caps keep
robots out. On an error the form comes back with everything typed and a message at each bad field.
Before a new organisation is stored, likely existing ones are shown ("is this you?").
(JSON twin: POST /api/submissions.)
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from app.core.csrf import require_csrf
from app.core.ratelimit import Rate, client_key, limit
from app.db.models import Organisation
from app.dependencies import SessionDep, SettingsDep, body_cap
from app.domain.errors import InvalidInput
from app.domain.submission import SubmissionForm
from app.services import likely, submissions
from app.services.matching import match_config

router = APIRouter(include_in_schema=False)
logger = logging.getLogger(__name__)
HONEYPOT = "company_url"  # looks like a field a form-filling robot fills; people never see it
FIELDS = tuple(SubmissionForm.model_fields)


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def render_form(
    request: Request,
    *,
    organisation: Organisation | None,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    candidates: list[likely.Likely] | None = None,
    status_code: int = 200,
    action: str | None = None,
) -> Response:
    """The form with values, errors and "is this you?" candidates."""
    settings = request.app.state.settings
    context = {
        "organisation": organisation,
        "values": values,
        "errors": errors or {},
        "candidates": candidates or [],
        "started": submissions.form_started(settings.secret_key),
        "action": action or (f"/organisations/{organisation.slug}/edit" if organisation else "/submit"),
    }
    return _templates(request).TemplateResponse(request, "submit.html", context, status_code=status_code)


@router.get("/submit", response_class=HTMLResponse)
def submit_form(request: Request) -> Response:
    """An empty form for a new organisation."""
    return render_form(request, organisation=None, values={})


@router.get("/organisations/{slug}/edit", response_class=HTMLResponse, name="organisation_edit")
def edit_form(request: Request, session: SessionDep, slug: str) -> Response:
    """The form prefilled with what is public now."""
    organisation = submissions.organisation_for_edit(session, slug)
    return render_form(request, organisation=organisation, values=submissions.prefill(organisation))


async def form_answers(request: Request) -> dict[str, Any]:
    """The posted form's answers (read here, asynchronously, so the handler can run in a thread)."""
    form = await request.form()
    answers: dict[str, Any] = {name: form.get(name) for name in FIELDS if form.get(name) is not None}
    answers["consent_publish"] = form.get("consent_publish") == "on"
    for name in ("started", HONEYPOT, "confirmed_new"):
        answers[name] = form.get(name)
    return answers


AnswersDep = Annotated[dict[str, Any], Depends(form_answers)]
_GUARDS = [Depends(body_cap), Depends(require_csrf)]


def receive_answers(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    organisation: Organisation | None,
    answers: dict[str, Any],
    *,
    via_edit_link: bool = False,
) -> Response:
    """Check the posted answers and store them, or show the form again with what is wrong."""
    action = str(request.url.path)
    limit(request, "submit", Rate.parse(settings.rate_limit_submissions))
    if answers.pop(HONEYPOT, None):
        logger.info("submission honeypot filled; nothing stored")
        return RedirectResponse("/submit/thanks", status_code=303)
    shown = {key: value for key, value in answers.items() if key in FIELDS}
    try:
        submissions.check_fill_time(settings.secret_key, answers.get("started"), settings.submit_min_seconds)
        form = SubmissionForm.model_validate(shown)
    except InvalidInput as exc:
        errors = {exc.field: exc.message}
        return render_form(
            request, organisation=organisation, values=shown, errors=errors, status_code=422, action=action
        )
    except ValidationError as exc:
        errors = submissions.field_errors(exc.errors())
        return render_form(
            request, organisation=organisation, values=shown, errors=errors, status_code=422, action=action
        )
    if organisation is None and answers.get("confirmed_new") != "yes":
        config = match_config(settings.match_auto_merge, settings.match_review)
        found = likely.likely_existing(session, form, config)
        if found:
            return render_form(request, organisation=None, values=shown, candidates=found)
    who = submissions.ip_hash(settings.secret_key, client_key(request, frozenset(settings.trusted_proxies)))
    received = submissions.receive(
        session, form, organisation=organisation, submitter_ip_hash=who, via_edit_link=via_edit_link
    )
    return RedirectResponse(f"/submit/thanks?id={received.submission.public_id}", status_code=303)


@router.post("/submit", dependencies=_GUARDS)
def submit(request: Request, session: SessionDep, settings: SettingsDep, answers: AnswersDep) -> Response:
    """Check and store a new organisation's entry, or show the form again with what is wrong."""
    return receive_answers(request, session, settings, None, answers)


@router.post("/organisations/{slug}/edit", dependencies=_GUARDS)
def submit_edit(
    request: Request, session: SessionDep, settings: SettingsDep, answers: AnswersDep, slug: str
) -> Response:
    """Check and store a suggested edit of a listed organisation."""
    organisation = submissions.organisation_for_edit(session, slug)
    return receive_answers(request, session, settings, organisation, answers)


@router.get("/submit/thanks", response_class=HTMLResponse)
def thanks(request: Request, id: str | None = None) -> Response:
    """What happens next."""
    reference = id if id and id.isalnum() and len(id) <= 16 else None
    return _templates(request).TemplateResponse(request, "submit_thanks.html", {"reference": reference})
