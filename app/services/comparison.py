"""What a moderator compares: a submission against the organisation now and against its registers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.db.repositories.matching import MatchingRepository
from app.domain.review import FIELD_LABELS, FieldDiff, field_diffs
from app.domain.survivorship import REGISTER_SOURCES, RecordView, base_source, survive
from app.services.survivorship import MISSING_STATUS


def compare_submission(
    session: Session, submitted: Mapping[str, Any], organisation_id: int | None
) -> list[FieldDiff]:
    """Side-by-side rows; a new organisation has no current or register values."""
    if organisation_id is None:
        return field_diffs(submitted, {}, {})
    repository = MatchingRepository(session)
    columns = [name for name in FIELD_LABELS if name != "other_names"] + ["other_names"]
    current = repository.organisation_rows([organisation_id], columns).get(organisation_id, {})
    registers = [
        RecordView(
            id=row.id,
            source=row.source,
            source_id=row.source_id,
            fields=row.fields,
            seen_at=row.last_seen_at,
            present=row.status_in_source != MISSING_STATUS,
        )
        for row in repository.record_rows_of([organisation_id])
        if base_source(row.source) in REGISTER_SOURCES
    ]
    register = survive(registers).values if registers else {}
    return field_diffs(submitted, current, register)
