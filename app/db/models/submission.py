"""A webform entry (a new organisation or an edit), moderated through named transitions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONType, TimestampMixin, UTCDateTime, enum_type
from app.domain.enums import SubmissionKind, SubmissionState


class Submission(TimestampMixin, Base):
    """Submitter contact and IP are private: never returned by the public API."""

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_state_created", "state", "created_at"),
        Index("ix_submissions_content_hash", "content_hash"),
        Index("ix_submissions_organisation_id", "organisation_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True, nullable=False)
    kind: Mapped[SubmissionKind] = mapped_column(enum_type(SubmissionKind, "submission_kind"), nullable=False)
    state: Mapped[SubmissionState] = mapped_column(
        enum_type(SubmissionState, "submission_state"), nullable=False, default=SubmissionState.PENDING
    )
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)
    # Identical resubmissions collapse onto the pending submission with the same hash.
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    consent_publish_contact: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    submitter_ip_hash: Mapped[str | None] = mapped_column(String(64))
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (read once by the mapper)
