"""A candidate pair of source records, its score and explanation, and the decision taken on it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONType, TimestampMixin, UTCDateTime, enum_type
from app.domain.enums import MatchDecisionKind


class MatchDecision(TimestampMixin, Base):
    """Pairs are stored once (left < right); confirmed and rejected decisions survive every re-ingest."""

    __tablename__ = "match_decisions"
    __table_args__ = (
        UniqueConstraint("left_record_id", "right_record_id"),
        CheckConstraint("left_record_id < right_record_id", name="ordered_pair"),
        Index("ix_match_decisions_decision", "decision"),
        Index("ix_match_decisions_right_record_id", "right_record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    left_record_id: Mapped[int] = mapped_column(
        ForeignKey("source_records.id", ondelete="CASCADE"), nullable=False
    )
    right_record_id: Mapped[int] = mapped_column(
        ForeignKey("source_records.id", ondelete="CASCADE"), nullable=False
    )
    score: Mapped[float] = mapped_column(Float, nullable=False)
    features: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False, default=dict)
    decision: Mapped[MatchDecisionKind] = mapped_column(
        enum_type(MatchDecisionKind, "match_decision_kind"), nullable=False
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str | None] = mapped_column(Text)
