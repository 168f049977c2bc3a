"""Queries over ingest runs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import IngestRun
from app.domain.enums import IngestStatus


class IngestRunRepository:
    """The history of ingest runs."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, run: IngestRun) -> IngestRun:
        """Stage a run and flush so it gets its id."""
        self.session.add(run)
        self.session.flush()
        return run

    def get(self, run_id: int) -> IngestRun | None:
        """A run by id."""
        return self.session.get(IngestRun, run_id)

    def running(self, source: str) -> list[IngestRun]:
        """Runs of a source still marked running."""
        statement = select(IngestRun).where(
            IngestRun.source == source, IngestRun.status == IngestStatus.RUNNING
        )
        return list(self.session.scalars(statement))

    def last_succeeded(self, source: str) -> IngestRun | None:
        """The newest successful run of a source (its ETag makes the next download conditional)."""
        statement = (
            select(IngestRun)
            .where(IngestRun.source == source, IngestRun.status == IngestStatus.SUCCEEDED)
            .order_by(IngestRun.started_at.desc(), IngestRun.id.desc())
            .limit(1)
        )
        return self.session.scalars(statement).first()

    def recent(self, limit: int) -> list[IngestRun]:
        """The newest runs, newest first."""
        statement = select(IngestRun).order_by(IngestRun.started_at.desc(), IngestRun.id.desc()).limit(limit)
        return list(self.session.scalars(statement))
