"""What the moderator area lists: the audit log and stale organisations (keyset pages, capped)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, Organisation, SourceRecord
from app.domain.enums import Visibility

GONE = ("missing", "dead", "deregistered")


class ModerationRepository:
    """Read-only lists for moderators."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def audit(self, *, limit: int, before_id: int | None, action: str | None) -> list[AuditEvent]:
        """Audit events, newest first, optionally of one action (keyset on id)."""
        statement = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if before_id is not None:
            statement = statement.where(AuditEvent.id < before_id)
        if action:
            statement = statement.where(AuditEvent.action == action)
        return list(self.session.scalars(statement))

    def stale(
        self, *, verified_before: datetime, limit: int, after_id: int | None
    ) -> list[tuple[Organisation, bool]]:
        """Public organisations not verified since the date, or with every record gone from its source.

        Returns (organisation, gone everywhere), oldest verification first within each page of ids.
        """
        live = exists().where(
            and_(SourceRecord.organisation_id == Organisation.id, SourceRecord.status_in_source.not_in(GONE))
        )
        statement = (
            select(Organisation, ~live)
            .where(
                Organisation.visibility == Visibility.PUBLIC,
                (Organisation.last_verified_at < verified_before)
                | Organisation.last_verified_at.is_(None)
                | ~live,
            )
            .order_by(Organisation.id)
            .limit(limit)
        )
        if after_id is not None:
            statement = statement.where(Organisation.id > after_id)
        return [(row[0], bool(row[1])) for row in self.session.execute(statement)]
