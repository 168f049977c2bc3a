"""An erasure: a source record or registration number that ingest must never bring back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class Suppression(Base):
    """One suppressed identity: (source, source_id), an FCA number or a Companies House number."""

    __tablename__ = "suppressions"
    __table_args__ = (
        Index("ix_suppressions_source_record", "source", "source_id"),
        Index("ix_suppressions_fca_number", "fca_number"),
        Index("ix_suppressions_companies_house_number", "companies_house_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[str | None] = mapped_column(String(120))
    fca_number: Mapped[str | None] = mapped_column(String(20))
    companies_house_number: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(254), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
