"""Moderator sign-in, sign-out and password change (JSON twin of who is signed in: /api/moderation/me)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from app.api.auth import SESSION_COOKIE, SignedInDep, session_token
from app.core.csrf import require_csrf
from app.core.ratelimit import Rate, limit
from app.dependencies import SessionDep, SettingsDep
from app.domain.errors import InvalidInput, Unauthenticated
from app.services import auth

router = APIRouter(include_in_schema=False)
api = APIRouter(tags=["moderation"])
CsrfDep = Depends(require_csrf)


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def _safe_next(value: str | None) -> str:
    """Only a path on this site (no scheme, no host, no `//`): never an open redirect."""
    if not value or not value.startswith("/") or value.startswith("//") or urlsplit(value).netloc:
        return "/moderation"
    return value


def _set_session(response: Response, token: str, max_hours: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_hours * 3600,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


@router.get("/moderation/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    context = {"next": _safe_next(next), "email": "", "error": None, "user": None}
    return _templates(request).TemplateResponse(request, "moderation/login.html", context)


@router.post("/moderation/login", dependencies=[CsrfDep])
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form(max_length=500)] = "/moderation",
) -> Response:
    """Check the password; a new session (the old one of this browser ends) or the form again with 401."""
    rate = Rate.parse(settings.rate_limit_login)
    limit(request, "login", rate)
    limit(request, "login-email", rate, client=email.strip().lower())
    try:
        token = auth.sign_in(
            session, email=email, password=password, settings=settings, replaces=session_token(request)
        )
    except Unauthenticated as exc:
        # Returned, not raised: the request's unit of work commits the audited failure.
        context = {"next": _safe_next(next), "email": email, "error": exc.message, "user": None}
        return _templates(request).TemplateResponse(
            request, "moderation/login.html", context, status_code=401
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    _set_session(response, token, settings.session_max_hours)
    return response


@router.post("/moderation/logout", dependencies=[CsrfDep])
def logout(request: Request, session: SessionDep) -> Response:
    """End the session and clear the cookie."""
    auth.sign_out(session, session_token(request))
    response = RedirectResponse("/moderation/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@router.get("/moderation/password", response_class=HTMLResponse)
def password_form(request: Request, user: SignedInDep) -> Response:
    """The change-password form (required after a one-time password)."""
    context = {"user": user, "error": None}
    return _templates(request).TemplateResponse(request, "moderation/password.html", context)


@router.post("/moderation/password", dependencies=[CsrfDep])
def change_password(
    request: Request,
    session: SessionDep,
    user: SignedInDep,
    current_password: Annotated[str, Form(max_length=200)],
    new_password: Annotated[str, Form(max_length=200)],
) -> Response:
    """Save a new password, or show the form again with the reason (422)."""
    try:
        auth.change_password(
            session, user, current=current_password, new=new_password, token=session_token(request)
        )
    except InvalidInput as exc:
        context = {"user": user, "error": exc.message}
        return _templates(request).TemplateResponse(
            request, "moderation/password.html", context, status_code=422
        )
    return RedirectResponse("/moderation", status_code=303)


class Me(BaseModel):
    """Who is signed in."""

    email: str
    role: str
    must_change_password: bool


@api.get("/api/moderation/me", response_model=Me, summary="The signed-in moderator")
def me(user: SignedInDep) -> Me:
    """The account of the session cookie (401 without one)."""
    return Me(email=user.email, role=user.role.value, must_change_password=user.must_change_password)
