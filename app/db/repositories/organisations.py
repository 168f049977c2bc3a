"""Queries over organisations and their provenance."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import exists, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from app.db.models import Organisation
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

    def page_public(self, limit: int, after: tuple[str, int] | None) -> Sequence[Organisation]:
        """Up to `limit` public organisations in name order, strictly after the (sort_name, id) key."""
        statement = select(Organisation).where(Organisation.visibility == Visibility.PUBLIC)
        if after is not None:
            statement = statement.where(tuple_(Organisation.sort_name, Organisation.id) > tuple_(*after))
        statement = statement.order_by(Organisation.sort_name, Organisation.id).limit(limit)
        return self.session.scalars(statement).all()

    def slugs_starting_with(self, prefix: str) -> set[str]:
        """Existing slugs equal to `prefix` or `prefix-...` (to pick a free one)."""
        statement = select(Organisation.slug).where(
            or_(Organisation.slug == prefix, Organisation.slug.startswith(prefix + "-", autoescape=True))
        )
        return set(self.session.scalars(statement))

    def public_id_exists(self, public_id: str) -> bool:
        """True when the public id is already used."""
        return bool(self.session.scalar(select(exists().where(Organisation.public_id == public_id))))

    def add(self, organisation: Organisation) -> Organisation:
        """Stage a new organisation and flush so it gets its id."""
        self.session.add(organisation)
        self.session.flush()
        return organisation
