"""Private edit links: ask for one (sent to the organisation's public email), and edit through one."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from app.core.csrf import require_csrf
from app.core.ratelimit import Rate, limit
from app.dependencies import SessionDep, SettingsDep, body_cap
from app.services import edit_links, submissions
from app.views.submit_pages import AnswersDep, receive_answers, render_form

router = APIRouter(include_in_schema=False)


@router.post("/organisations/{slug}/edit-link", dependencies=[Depends(body_cap), Depends(require_csrf)])
def request_edit_link(request: Request, session: SessionDep, settings: SettingsDep, slug: str) -> Response:
    """Send a private link to the organisation's public email; the answer never says whether it has one."""
    limit(request, "edit-link", Rate.parse(settings.rate_limit_submissions))
    organisation = submissions.organisation_for_edit(session, slug)
    edit_links.request_link(session, settings, organisation)
    templates: Jinja2Templates = request.app.state.templates
    context = {"organisation": organisation}
    return templates.TemplateResponse(request, "edit_link_sent.html", context)


@router.get("/edit/{token}", response_class=HTMLResponse)
def edit_with_link(request: Request, session: SessionDep, token: str) -> Response:
    """The edit form, prefilled, for the link's organisation (404 unknown, 410 expired or withdrawn)."""
    organisation = edit_links.open_link(session, token)
    values = submissions.prefill(organisation)
    return render_form(request, organisation=organisation, values=values, action=f"/edit/{token}")


@router.post("/edit/{token}", dependencies=[Depends(body_cap), Depends(require_csrf)])
def submit_with_link(
    request: Request, session: SessionDep, settings: SettingsDep, answers: AnswersDep, token: str
) -> Response:
    """Queue the edit for moderation, marked as sent through the organisation's own link."""
    organisation = edit_links.open_link(session, token)
    return receive_answers(request, session, settings, organisation, answers, via_edit_link=True)
