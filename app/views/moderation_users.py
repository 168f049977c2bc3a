"""Admin only: the moderator and admin accounts (JSON twin: /api/moderation/users)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from app.api.auth import AdminDep
from app.core.csrf import require_csrf
from app.dependencies import SessionDep
from app.domain.enums import Role
from app.services import users

router = APIRouter(include_in_schema=False)
api = APIRouter(tags=["moderation"])
CSRF = [Depends(require_csrf)]


def _page(
    request: Request, admin: AdminDep, session: SessionDep, created: users.NewUser | None = None
) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context = {
        "user": admin,
        "accounts": users.list_users(session),
        "created": created,
        "json_twin": "/api/moderation/users",
    }
    response = templates.TemplateResponse(request, "moderation/users.html", context)
    response.headers["Cache-Control"] = "no-store"  # a one-time password may be on the page
    return response


@router.get("/moderation/users", response_class=HTMLResponse)
def users_page(request: Request, session: SessionDep, admin: AdminDep) -> Response:
    """The accounts, with forms to add one, change a role, deactivate or reactivate."""
    return _page(request, admin, session)


@router.post("/moderation/users", dependencies=CSRF)
def create_user(
    request: Request,
    session: SessionDep,
    admin: AdminDep,
    email: Annotated[str, Form(max_length=254)],
    role: Annotated[Role, Form()],
) -> Response:
    """Add an account; its one-time password is shown once, on this answer only."""
    created = users.create_user(session, email=email, role=role, actor=admin)
    return _page(request, admin, session, created)


@router.post("/moderation/users/{user_id}/role", dependencies=CSRF)
def change_role(
    session: SessionDep, admin: AdminDep, user_id: int, role: Annotated[Role, Form()]
) -> Response:
    """Make an account a moderator or an admin."""
    users.change_role(session, admin, user_id, role)
    return RedirectResponse("/moderation/users", status_code=303)


@router.post("/moderation/users/{user_id}/active", dependencies=CSRF)
def set_active(
    session: SessionDep, admin: AdminDep, user_id: int, active: Annotated[bool, Form()]
) -> Response:
    """Deactivate (signing the account out everywhere) or reactivate."""
    users.set_active(session, admin, user_id, active=active)
    return RedirectResponse("/moderation/users", status_code=303)


class Account(BaseModel):
    """A moderator or admin account (never its password hash)."""

    id: int
    email: str
    role: Role
    is_active: bool
    must_change_password: bool


@api.get("/api/moderation/users", response_model=list[Account], summary="Accounts (admin)")
def list_accounts(session: SessionDep, admin: AdminDep) -> list[Account]:
    """Every account, by email."""
    return [
        Account(
            id=u.id,
            email=u.email,
            role=u.role,
            is_active=u.is_active,
            must_change_password=u.must_change_password,
        )
        for u in users.list_users(session)
    ]
