"""Queries over users and the audit log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, User


class UserRepository:
    """Moderator and admin accounts."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_email(self, email: str) -> User | None:
        """The user with this (case-insensitive) email."""
        return self.session.scalars(select(User).where(User.email == email.lower())).first()

    def get(self, user_id: int) -> User | None:
        """A user by id."""
        return self.session.get(User, user_id)

    def page(self, *, limit: int) -> list[User]:
        """Users by email."""
        return list(self.session.scalars(select(User).order_by(User.email).limit(limit)))

    def add(self, user: User) -> User:
        """Stage a new user and flush so it gets its id."""
        self.session.add(user)
        self.session.flush()
        return user


class AuditRepository:
    """The append-only audit log."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, event: AuditEvent) -> AuditEvent:
        """Append an event."""
        self.session.add(event)
        self.session.flush()
        return event

    def for_target(self, target_type: str, target_id: str) -> list[AuditEvent]:
        """Events about one thing, oldest first."""
        statement = (
            select(AuditEvent)
            .where(AuditEvent.target_type == target_type, AuditEvent.target_id == target_id)
            .order_by(AuditEvent.at, AuditEvent.id)
        )
        return list(self.session.scalars(statement))
