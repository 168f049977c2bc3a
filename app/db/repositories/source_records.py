"""Queries over source records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import SourceRecord


class SourceRecordRepository:
    """Source records keyed by (source, source_id)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, source: str, source_id: str) -> SourceRecord | None:
        """The record a source published under this id, if stored."""
        statement = select(SourceRecord).where(
            SourceRecord.source == source, SourceRecord.source_id == source_id
        )
        return self.session.scalars(statement).first()

    def add(self, record: SourceRecord) -> SourceRecord:
        """Stage a new record and flush so it gets its id."""
        self.session.add(record)
        self.session.flush()
        return record
