"""Private edit links: a group edits its entry again without an account.

A link is a random token; only its SHA-256 is stored. It expires after `edit_link_days`, can be revoked,
and an edit made through it is still a submission that a moderator approves. Links are sent on approval
(to the group's contact) and on request (to the organisation's public email only).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.base import utcnow
from app.db.models import EditToken, Organisation, User
from app.db.repositories.edit_tokens import EditTokenRepository
from app.domain.errors import Gone, NotFound
from app.services import mail
from app.services.audit import record_event


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(
    session: Session, settings: Settings, organisation: Organisation, email: str, actor: User | str
) -> str:
    """Make a link for `email` and send it; returns the token (shown to nobody else)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    EditTokenRepository(session).add(
        EditToken(
            token_hash=_hash(token),
            organisation_id=organisation.id,
            email=email,
            created_at=now,
            expires_at=now + timedelta(days=settings.edit_link_days),
        )
    )
    record_event(
        session,
        actor=actor,
        action="edit_link.issued",
        target_type="organisation",
        target_id=organisation.public_id,
        data={"email": email},
    )
    mail.send(
        settings,
        to=email,
        subject=f"Your private link to update {organisation.name} on {settings.site_name}",
        body=(
            f"Hello,\n\nUse this private link to update the entry of {organisation.name}:\n\n"
            f"{settings.public_url}/edit/{token}\n\n"
            f"It works for {settings.edit_link_days} days. Anyone with it can suggest changes, which a "
            "moderator checks before they are published, so keep it to your organisation.\n"
        ),
    )
    return token


def request_link(session: Session, settings: Settings, organisation: Organisation) -> bool:
    """Send a link to the organisation's public email, if it has one (the caller says the same either way)."""
    if not organisation.email:
        return False
    issue(session, settings, organisation, organisation.email, "public request")
    return True


def open_link(session: Session, token: str) -> Organisation:
    """The organisation a live link is for (404 unknown, 410 expired or revoked)."""
    found = EditTokenRepository(session).by_hash(_hash(token)) if 20 <= len(token) <= 100 else None
    if found is None:
        raise NotFound("this edit link is not known: ask for a new one from the organisation's page")
    if found.revoked_at is not None or found.expires_at <= utcnow():
        raise Gone(
            "this edit link has expired or was withdrawn: ask for a new one from the organisation's page"
        )
    organisation = session.get(Organisation, found.organisation_id)
    if organisation is None:
        raise NotFound("the organisation of this link no longer exists")
    found.last_used_at = utcnow()
    return organisation


def revoke(session: Session, organisation: Organisation, actor: User | str) -> int:
    """Withdraw every live link of an organisation; returns how many."""
    count = EditTokenRepository(session).revoke_all(organisation.id, utcnow())
    record_event(
        session,
        actor=actor,
        action="edit_link.revoked",
        target_type="organisation",
        target_id=organisation.public_id,
        data={"count": count},
    )
    return count
