"""One run of an ingest source, with its counts and the reasons rows were rejected."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONType, UTCDateTime, enum_type, utcnow
from app.domain.enums import IngestStatus


class IngestRun(Base):
    """Counts of read / inserted / updated / unchanged / rejected / skipped / missing rows, with reasons."""

    __tablename__ = "ingest_runs"
    __table_args__ = (Index("ix_ingest_runs_source_started", "source", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[IngestStatus] = mapped_column(
        enum_type(IngestStatus, "ingest_status"), nullable=False, default=IngestStatus.RUNNING
    )
    location: Mapped[str | None] = mapped_column(String(1000))
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(String(200))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    inserted_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Valid rows deliberately not imported (e.g. building societies), and records gone from the source.
    skipped_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    missing_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    rejects: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False, default=list)
    error: Mapped[str | None] = mapped_column(Text)
