"""Queries over organisations and their provenance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, exists, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from app.db.dialect import reserve_ids
from app.db.models import FieldProvenance, Organisation
from app.domain.enums import Visibility


class OrganisationRepository:
    """Organisations as the public and the services see them."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def any_exist(self) -> bool:
        """True when at least one organisation is stored (public or not)."""
        return bool(self.session.scalar(select(exists().where(Organisation.id.is_not(None)))))

    def get_public_detail(self, ident: str) -> Organisation | None:
        """A public organisation by public id or slug, with provenance and sources loaded."""
        statement = (
            select(Organisation)
            .where(
                Organisation.visibility == Visibility.PUBLIC,
                or_(Organisation.public_id == ident, Organisation.slug == ident),
            )
            .options(selectinload(Organisation.provenance), selectinload(Organisation.source_records))
            # A public id match wins over a slug match if both exist.
            .order_by((Organisation.public_id == ident).desc())
            .limit(1)
        )
        return self.session.scalars(statement).first()

    def existing_slugs(self, candidates: Sequence[str]) -> set[str]:
        """Which of the candidate slugs are already used (indexed IN lookups)."""
        unique = list(dict.fromkeys(candidates))
        taken: set[str] = set()
        for start in range(0, len(unique), 500):
            statement = select(Organisation.slug).where(Organisation.slug.in_(unique[start : start + 500]))
            taken.update(self.session.scalars(statement))
        return taken

    def add_provenance_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert provenance rows of new organisations in one executemany."""
        if rows:
            self.session.execute(insert(FieldProvenance), list(rows))

    def with_provenance(self, ids: Sequence[int]) -> dict[int, Organisation]:
        """Organisations by id with their provenance loaded (one query for the rows, one for provenance)."""
        found: dict[int, Organisation] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            statement = (
                select(Organisation)
                .where(Organisation.id.in_(unique[start : start + 500]))
                .options(selectinload(Organisation.provenance))
                # Refresh collections of organisations already in the session (e.g. created this run).
                .execution_options(populate_existing=True)
            )
            found.update((org.id, org) for org in self.session.scalars(statement))
        return found

    def ids_by_identifier(self, fca_numbers: Sequence[str], ch_numbers: Sequence[str]) -> dict[str, int]:
        """Organisation ids keyed by `fca:<number>` / `ch:<number>` for exact identifier linking."""
        found: dict[str, int] = {}
        for column, prefix, values in (
            (Organisation.fca_number, "fca:", fca_numbers),
            (Organisation.companies_house_number, "ch:", ch_numbers),
        ):
            unique = list(dict.fromkeys(values))
            for start in range(0, len(unique), 500):
                statement = select(column, Organisation.id).where(column.in_(unique[start : start + 500]))
                for value, org_id in self.session.execute(statement):
                    found.setdefault(f"{prefix}{value}", org_id)
        return found

    def add_all(self, organisations: Sequence[Organisation]) -> None:
        """Stage new organisations with reserved ids and flush once (one executemany)."""
        keys = reserve_ids(self.session, cast(Table, Organisation.__table__), len(organisations))
        for organisation, key in zip(organisations, keys, strict=True):
            organisation.id = key
        self.session.add_all(organisations)
        self.session.flush()

    def add(self, organisation: Organisation) -> Organisation:
        """Stage a new organisation and flush so it gets its id."""
        self.session.add(organisation)
        self.session.flush()
        return organisation
