"""Reading organisations for the public API and pages."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation
from app.db.repositories.matching import MatchingRepository
from app.db.repositories.organisations import OrganisationRepository
from app.domain.errors import Moved, NotFound

PUBLIC_JSON_PREFIX = "/api/organisations/"
PUBLIC_HTML_PREFIX = "/organisations/"


def is_empty(session: Session) -> bool:
    """True when no organisation is stored yet (e.g. a fresh install)."""
    return not OrganisationRepository(session).any_exist()


def get_public(session: Session, ident: str) -> Organisation:
    """A public organisation by public id or slug, with sources and provenance."""
    organisation = OrganisationRepository(session).get_public_detail(ident)
    if organisation is None:
        target = MatchingRepository(session).merged_target(ident)
        if target is not None:
            raise Moved(ident, target)
        raise NotFound(f"no public organisation has the id or slug {ident!r}")
    return organisation


def public_email(org: Organisation) -> str | None:
    """The contact email, only when the organisation consented to publishing it."""
    return org.email if org.email_consent else None


def public_provenance(org: Organisation) -> dict[str, FieldProvenance]:
    """Field -> provenance, without fields that are not published (an unconsented email)."""
    hidden = set() if org.email_consent else {"email"}
    return {p.field: p for p in sorted(org.provenance, key=lambda p: p.field) if p.field not in hidden}


# Source keys as stored (`digitalcommons:owned-by-oxford` names a dataset) -> what readers call them.
SOURCE_LABELS = {
    "coops-uk": "Co-operatives UK",
    "fca": "FCA Mutuals Public Register",
    "digitalcommons": "Digital Commons export",
    "community": "Community submission",
    "demo": "Demo data",
    "demo-community": "Demo data (community submission)",
    "geocoder": "Postcode lookup",
}


def source_label(source: str) -> str:
    """A source key in words: `digitalcommons:oxford` -> `Digital Commons export (oxford)`."""
    base, _, dataset = source.partition(":")
    label = SOURCE_LABELS.get(base, base)
    return f"{label} ({dataset})" if dataset else label
