"""Moderator and admin accounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.security import hash_password, new_one_time_password
from app.db.models import User
from app.db.repositories.sessions import SessionRepository
from app.db.repositories.users import UserRepository
from app.domain.enums import Role
from app.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.services.audit import record_event

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class NewUser:
    """A created user and the one-time password to hand over (never stored in clear)."""

    user: User
    one_time_password: str


def create_user(session: Session, *, email: str, role: Role, actor: User | str = "cli") -> NewUser:
    """Create an account with a random one-time password that must be changed at first login."""
    email = email.strip().lower()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidInput("email", f"{email!r} is not a valid email address")
    repository = UserRepository(session)
    if repository.get_by_email(email) is not None:
        raise Conflict(f"a user with email {email} already exists")
    password = new_one_time_password()
    user = repository.add(
        User(email=email, password_hash=hash_password(password), role=role, must_change_password=True)
    )
    record_event(
        session,
        actor=actor,
        action="user.created",
        target_type="user",
        target_id=str(user.id),
        data={"email": email, "role": role.value},
    )
    return NewUser(user=user, one_time_password=password)


def _target(session: Session, user_id: int) -> User:
    user = UserRepository(session).get(user_id)
    if user is None:
        raise NotFound(f"no user {user_id}")
    return user


def list_users(session: Session, *, limit: int = 200) -> list[User]:
    """Accounts by email (a few dozen at most)."""
    return UserRepository(session).page(limit=limit)


def change_role(session: Session, actor: User, user_id: int, role: Role) -> User:
    """Make a user a moderator or an admin (audited); an admin cannot demote themself."""
    user = _target(session, user_id)
    if user.id == actor.id and role is not Role.ADMIN:
        raise Forbidden("an admin cannot remove their own admin role")
    if user.role is not role:
        record_event(
            session,
            actor=actor,
            action="user.role_changed",
            target_type="user",
            target_id=str(user.id),
            data={"from": user.role.value, "to": role.value},
        )
        user.role = role
    return user


def set_active(session: Session, actor: User, user_id: int, *, active: bool) -> User:
    """Deactivate (ending every session at once) or reactivate an account (audited); never oneself."""
    user = _target(session, user_id)
    if user.id == actor.id:
        raise Forbidden("an admin cannot deactivate themself")
    if user.is_active is not active:
        user.is_active = active
        if not active:
            SessionRepository(session).delete_for_user(user.id)
        action = "user.reactivated" if active else "user.deactivated"
        record_event(session, actor=actor, action=action, target_type="user", target_id=str(user.id))
    return user
