"""Erasure: an organisation leaves the directory for good, and no re-ingest brings it back.

Its source records are deleted (with their raw rows), its contact details are cleared, it is hidden,
its edit links are withdrawn, and its record identities and registration numbers go on the suppression
list, which ingest checks for every batch. The hidden row stays only so old links answer "not found".
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import Organisation, Suppression, User
from app.db.repositories.edit_tokens import SuppressionRepository
from app.db.repositories.matching import MatchingRepository
from app.domain.enums import Visibility
from app.domain.errors import NotFound
from app.services import edit_links
from app.services.audit import record_event


def suppress(session: Session, ident: str, *, actor: User | str, reason: str | None) -> Organisation:
    """Erase an organisation (public id or slug) and suppress it for every later ingest."""
    repository = MatchingRepository(session)
    org_id = repository.organisation_id_for(ident)
    organisation = session.get(Organisation, org_id) if org_id is not None else None
    if organisation is None:
        raise NotFound(f"no organisation {ident!r}")
    by = actor.email if isinstance(actor, User) else actor
    records = repository.record_rows_of([organisation.id])
    rows = [
        Suppression(source=r.source, source_id=r.source_id, reason=reason, created_by=by) for r in records
    ]
    numbers = {(r.fields.get("fca_number"), r.fields.get("companies_house_number")) for r in records} | {
        (organisation.fca_number, organisation.companies_house_number)
    }
    rows += [
        Suppression(fca_number=fca, companies_house_number=company, reason=reason, created_by=by)
        for fca, company in sorted(numbers, key=str)
        if fca or company
    ]
    SuppressionRepository(session).add_all(rows)
    for record in records:
        repository.delete_record(record.id)
    organisation.visibility = Visibility.HIDDEN
    organisation.email = organisation.phone = organisation.street_address = None
    organisation.email_consent = False
    edit_links.revoke(session, organisation, actor)
    record_event(
        session,
        actor=actor,
        action="organisation.suppressed",
        target_type="organisation",
        target_id=organisation.public_id,
        reason=reason,
        data={"records": len(records)},
    )
    session.flush()
    return organisation
