"""Moderator and admin accounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.security import hash_password, new_one_time_password
from app.db.models import User
from app.db.repositories.users import UserRepository
from app.domain.enums import Role
from app.domain.errors import Conflict, InvalidInput
from app.services.audit import record_event

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class NewUser:
    """A created user and the one-time password to hand over (never stored in clear)."""

    user: User
    one_time_password: str


def create_user(session: Session, *, email: str, role: Role, actor: str = "cli") -> NewUser:
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
