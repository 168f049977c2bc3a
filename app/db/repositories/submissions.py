"""Submissions for the public form and the moderation queue."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Organisation, Submission
from app.domain.enums import SubmissionState


class SubmissionRepository:
    """Webform entries."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, submission: Submission) -> Submission:
        """Store a new submission."""
        self.session.add(submission)
        self.session.flush()
        return submission

    def pending_with_hash(self, content_hash: str) -> Submission | None:
        """A pending submission with this content (identical resubmissions collapse onto it)."""
        statement = select(Submission).where(
            Submission.content_hash == content_hash, Submission.state == SubmissionState.PENDING
        )
        return self.session.scalars(statement).first()

    def by_public_id(self, public_id: str) -> Submission | None:
        """One submission by its public id."""
        return self.session.scalars(select(Submission).where(Submission.public_id == public_id)).first()

    def in_states(self, states: Sequence[SubmissionState], limit: int) -> list[tuple[Submission, str | None]]:
        """Submissions in some states, oldest first, with the name of the organisation an edit is for."""
        statement = (
            select(Submission, Organisation.name)
            .outerjoin(Organisation, Organisation.id == Submission.organisation_id)
            .where(Submission.state.in_(states))
            .order_by(Submission.created_at, Submission.id)
            .limit(limit)
        )
        return [(row[0], row[1]) for row in self.session.execute(statement)]

    def public_organisation(self, ident: str) -> Organisation | None:
        """A public organisation by slug or public id (what an edit is for)."""
        statement = select(Organisation).where(
            (Organisation.slug == ident) | (Organisation.public_id == ident),
            Organisation.visibility == "public",
        )
        return self.session.scalars(statement).first()
