"""The one role dependency of the moderator area: who is signed in, and may they do this.

Anonymous page requests are sent to the login form (303); JSON requests get 401. A signed-in user with
the wrong role gets 403, as does one who must still replace a one-time password.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.db.models import User
from app.dependencies import SessionDep, SettingsDep
from app.domain.enums import Role
from app.domain.errors import Forbidden, Unauthenticated
from app.services import auth

SESSION_COOKIE = "__Host-coopmap_session"
_RANK = {Role.MODERATOR: 1, Role.ADMIN: 2}


def session_token(request: Request) -> str | None:
    """The session token the browser sent."""
    return request.cookies.get(SESSION_COOKIE)


def signed_in(request: Request, session: SessionDep, settings: SettingsDep) -> User:
    """The signed-in user (even one who must change the password), or Unauthenticated."""
    user = auth.authenticate(session, session_token(request), settings)
    if user is None:
        raise Unauthenticated("sign in to the moderator area first")
    return user


def _require(role: Role) -> Callable[[User], User]:
    """A dependency admitting users of `role` or above."""

    def dependency(user: Annotated[User, Depends(signed_in)]) -> User:
        if user.must_change_password:
            raise Forbidden("choose a new password first (at /moderation/password)")
        if _RANK[user.role] < _RANK[role]:
            raise Forbidden(f"this needs the {role.value} role")
        return user

    return dependency


SignedInDep = Annotated[User, Depends(signed_in)]
ModeratorDep = Annotated[User, Depends(_require(Role.MODERATOR))]
AdminDep = Annotated[User, Depends(_require(Role.ADMIN))]
