"""Moderator sessions by token hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import User, UserSession


class SessionRepository:
    """Sessions of signed-in users."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: UserSession) -> UserSession:
        """Store a new session."""
        self.session.add(row)
        self.session.flush()
        return row

    def with_user(self, token_hash: str) -> tuple[UserSession, User] | None:
        """The session with this token hash and its user (one query)."""
        statement = (
            select(UserSession, User)
            .join(User, User.id == UserSession.user_id)
            .where(UserSession.token_hash == token_hash)
        )
        found = self.session.execute(statement).first()
        return (found[0], found[1]) if found else None

    def delete(self, token_hash: str) -> None:
        """End one session."""
        self.session.execute(delete(UserSession).where(UserSession.token_hash == token_hash))

    def delete_for_user(self, user_id: int, keep: str | None = None) -> None:
        """End every session of a user (except `keep`)."""
        statement = delete(UserSession).where(UserSession.user_id == user_id)
        if keep is not None:
            statement = statement.where(UserSession.token_hash != keep)
        self.session.execute(statement)

    def delete_expired(self, now: datetime) -> None:
        """Forget sessions past their end."""
        self.session.execute(delete(UserSession).where(UserSession.expires_at <= now))
