"""One record as a source published it: the raw row, its parsed fields and its content hash."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, JSONType, UTCDateTime, utcnow

if TYPE_CHECKING:
    from app.db.models.organisation import Organisation


class SourceRecord(Base):
    """A (source, source_id) row; re-ingesting unchanged content leaves it untouched (same hash)."""

    __tablename__ = "source_records"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        Index("ix_source_records_organisation_id", "organisation_id"),
        Index("ix_source_records_source_status", "source", "status_in_source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    source_id: Mapped[str] = mapped_column(String(120), nullable=False)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    raw: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False)
    # Records of other sources this one names as the same organisation, e.g. {"coops-uk": "R000001"}.
    links: Mapped[dict[str, str]] = mapped_column(JSONType, nullable=False, default=dict, server_default="{}")
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    # e.g. live / dead on Co-operatives UK, registered / deregistered on the FCA register, missing when gone.
    status_in_source: Mapped[str] = mapped_column(String(40), nullable=False, default="live")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation | None] = relationship(back_populates="source_records", lazy="raise")
