"""Private edit links by token hash, and erasure suppressions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select, tuple_, update
from sqlalchemy.orm import Session

from app.db.models import EditToken, Suppression


class EditTokenRepository:
    """Edit links of organisations."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token: EditToken) -> EditToken:
        """Store a new link."""
        self.session.add(token)
        self.session.flush()
        return token

    def by_hash(self, token_hash: str) -> EditToken | None:
        """The link with this token hash."""
        return self.session.scalars(select(EditToken).where(EditToken.token_hash == token_hash)).first()

    def revoke_all(self, organisation_id: int, at: datetime) -> int:
        """Revoke every live link of an organisation; returns how many."""
        result = self.session.execute(
            update(EditToken)
            .where(EditToken.organisation_id == organisation_id, EditToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return int(getattr(result, "rowcount", 0) or 0)


class SuppressionRepository:
    """What ingest must never bring back."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, rows: Sequence[Suppression]) -> None:
        """Store suppressions."""
        self.session.add_all(rows)
        self.session.flush()

    def suppressed(
        self, source: str, source_ids: Sequence[str], fca_numbers: Sequence[str], ch_numbers: Sequence[str]
    ) -> tuple[set[str], set[str], set[str]]:
        """Which of these source ids, FCA numbers and Companies House numbers are suppressed."""
        ids: set[str] = set()
        fca: set[str] = set()
        companies: set[str] = set()
        if self.session.execute(select(Suppression.id).limit(1)).first() is None:
            return ids, fca, companies  # the usual case: nothing erased, so no lookups by the thousand
        for start in range(0, max(len(source_ids), len(fca_numbers), len(ch_numbers)), 500):
            chunk_ids = list(source_ids[start : start + 500])
            chunk_fca = list(fca_numbers[start : start + 500])
            chunk_ch = list(ch_numbers[start : start + 500])
            statement = select(
                Suppression.source,
                Suppression.source_id,
                Suppression.fca_number,
                Suppression.companies_house_number,
            ).where(
                or_(
                    tuple_(Suppression.source, Suppression.source_id).in_([(source, i) for i in chunk_ids]),
                    Suppression.fca_number.in_(chunk_fca),
                    Suppression.companies_house_number.in_(chunk_ch),
                )
            )
            for row_source, row_id, row_fca, row_ch in self.session.execute(statement):
                if row_source == source and row_id in chunk_ids:
                    ids.add(row_id)
                if row_fca in chunk_fca:
                    fca.add(row_fca)
                if row_ch in chunk_ch:
                    companies.add(row_ch)
        return ids, fca, companies
