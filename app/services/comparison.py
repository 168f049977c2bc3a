"""What a moderator compares: a submission against the organisation now and against its registers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.db.repositories.matching import MatchingRepository
from app.domain.review import FIELD_LABELS, FieldDiff, field_diffs
from app.domain.survivorship import REGISTER_SOURCES, base_source, survive
from app.services.survivorship import view


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
        view(row)
        for row in repository.record_rows_of([organisation_id])
        if base_source(row.source) in REGISTER_SOURCES
    ]
    register = survive(registers).values if registers else {}
    return field_diffs(submitted, current, register)
