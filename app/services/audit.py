"""Writing the audit log: who did what to which thing, when and why."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import AuditEvent, User
from app.db.repositories.users import AuditRepository


def record_event(
    session: Session,
    *,
    actor: User | str,
    action: str,
    target_type: str,
    target_id: str,
    reason: str | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an audit event; `actor` is a user or a system label such as "cli"."""
    event = AuditEvent(
        at=utcnow(),
        actor_id=actor.id if isinstance(actor, User) else None,
        actor_label=actor.email if isinstance(actor, User) else actor,
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason=reason,
        data=data or {},
    )
    return AuditRepository(session).add(event)
