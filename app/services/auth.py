"""Signing moderators in and out: argon2id passwords, server-side sessions, throttled failures.

The cookie holds a random token; the database only its SHA-256. A new token is made at every sign-in
(any earlier one of that browser is ended), sessions end after `session_idle_minutes` without use or
`session_max_hours` after sign-in, and a deactivated user's sessions stop working at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.security import hash_password, verify_password
from app.db.base import utcnow
from app.db.models import User, UserSession
from app.db.repositories.sessions import SessionRepository
from app.db.repositories.users import UserRepository
from app.domain.errors import InvalidInput, Unauthenticated
from app.services.audit import record_event

WRONG = "that email and password do not match an active account"
MIN_PASSWORD = 12
MAX_PASSWORD = 200
# Touch last_seen_at at most this often, so browsing does not write on every request.
_TOUCH = timedelta(minutes=1)


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(session: Session, *, email: str, password: str, settings: Settings, replaces: str | None) -> str:
    """A new session token for a right password, or Unauthenticated with one message for every failure."""
    users = UserRepository(session)
    user = users.get_by_email(email.strip())
    if user is None or not user.is_active or not verify_password(user.password_hash, password[:MAX_PASSWORD]):
        record_event(
            session,
            actor="anonymous",
            action="login.failed",
            target_type="user",
            target_id=str(user.id) if user else "unknown",
            data={"email": email.strip().lower()[:254]},
        )
        raise Unauthenticated(WRONG)
    repository = SessionRepository(session)
    now = utcnow()
    repository.delete_expired(now)
    if replaces:
        repository.delete(token_hash(replaces))  # rotation: the browser's earlier session ends here
    token = secrets.token_urlsafe(32)
    repository.add(
        UserSession(
            token_hash=token_hash(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=settings.session_max_hours),
        )
    )
    user.last_login_at = now
    record_event(session, actor=user, action="login", target_type="user", target_id=str(user.id))
    return token


def authenticate(session: Session, token: str | None, settings: Settings) -> User | None:
    """The active user of a live session, or None."""
    if not token or len(token) > 100:
        return None
    repository = SessionRepository(session)
    found = repository.with_user(token_hash(token))
    if found is None:
        return None
    row, user = found
    now = utcnow()
    idle_end = row.last_seen_at + timedelta(minutes=settings.session_idle_minutes)
    if row.expires_at <= now or idle_end <= now or not user.is_active:
        repository.delete(row.token_hash)
        return None
    if now - row.last_seen_at >= _TOUCH:
        row.last_seen_at = now
    return user


def sign_out(session: Session, token: str | None) -> None:
    """End the session (nothing to do without one)."""
    if token:
        SessionRepository(session).delete(token_hash(token))


def change_password(session: Session, user: User, *, current: str, new: str, token: str | None) -> None:
    """Set a new password after checking the current one; other sessions of the user end."""
    if not verify_password(user.password_hash, current[:MAX_PASSWORD]):
        raise InvalidInput("current_password", "the current password is wrong")
    if not MIN_PASSWORD <= len(new) <= MAX_PASSWORD:
        raise InvalidInput(
            "new_password", f"choose a password of {MIN_PASSWORD} to {MAX_PASSWORD} characters"
        )
    if new == current:
        raise InvalidInput("new_password", "choose a password different from the current one")
    user.password_hash = hash_password(new)
    user.must_change_password = False
    SessionRepository(session).delete_for_user(user.id, keep=token_hash(token) if token else None)
    record_event(session, actor=user, action="password.changed", target_type="user", target_id=str(user.id))


def end_sessions(session: Session, user: User) -> None:
    """Sign a user out everywhere (on deactivation)."""
    SessionRepository(session).delete_for_user(user.id)
