"""Community submissions: accepted from the webform and the API, moderated through named transitions.

pending -> approved | rejected | changes_requested | withdrawn; changes_requested -> pending when the
group sends the form again. Each transition checks the version the moderator saw (two moderators at
once: one wins, the other gets 409) and is audited. Approval publishes the entry as community data.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db.base import utcnow
from app.db.models import Organisation, Submission, User
from app.db.repositories.submissions import SubmissionRepository
from app.domain.enums import SubmissionKind, SubmissionState
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.submission import SubmissionForm
from app.services import community
from app.services.audit import record_event
from ingest.matching import MatchConfig

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
# Which transitions each state allows.
_NEXT: dict[SubmissionState, frozenset[SubmissionState]] = {
    SubmissionState.PENDING: frozenset(
        {
            SubmissionState.APPROVED,
            SubmissionState.REJECTED,
            SubmissionState.CHANGES_REQUESTED,
            SubmissionState.WITHDRAWN,
        }
    ),
    SubmissionState.CHANGES_REQUESTED: frozenset({SubmissionState.PENDING, SubmissionState.WITHDRAWN}),
}


@dataclass(frozen=True)
class Received:
    """A stored submission, and whether it was new (False: an identical pending one already existed)."""

    submission: Submission
    created: bool


def ip_hash(secret_key: str, ip: str) -> str:
    """What is kept of the submitter's address: a keyed hash, never the address."""
    return hmac.new(secret_key.encode(), f"ip:{ip}".encode(), hashlib.sha256).hexdigest()


def form_started(secret_key: str, now: float | None = None) -> str:
    """A signed "form loaded at" stamp for the minimum fill time."""
    issued = f"{int(now if now is not None else time.time())}"
    signature = hmac.new(secret_key.encode(), f"started:{issued}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{issued}.{signature}"


def check_fill_time(secret_key: str, stamp: str | None, minimum: float, now: float | None = None) -> None:
    """Refuse a form sent faster than a person can fill it (or with a forged stamp)."""
    issued, _, signature = (stamp or "").partition(".")
    expected = hmac.new(secret_key.encode(), f"started:{issued}".encode(), hashlib.sha256).hexdigest()[:32]
    if not issued.isdigit() or not hmac.compare_digest(signature, expected):
        raise InvalidInput("started", "the form is out of date: reload the page and fill it in again")
    if (now if now is not None else time.time()) - int(issued) < minimum:
        raise InvalidInput("started", "that was very fast: please check the form and send it again")


def _content_hash(kind: SubmissionKind, organisation_id: int | None, form: SubmissionForm) -> str:
    canonical = json.dumps(
        {"kind": kind.value, "organisation": organisation_id, "form": form.model_dump()},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def receive(
    session: Session,
    form: SubmissionForm,
    *,
    organisation: Organisation | None,
    submitter_ip_hash: str | None,
    via_edit_link: bool = False,
) -> Received:
    """Store a submission (a new organisation, or an edit of `organisation`); identical ones collapse."""
    kind = SubmissionKind.EDIT if organisation is not None else SubmissionKind.NEW
    organisation_id = organisation.id if organisation is not None else None
    digest = _content_hash(kind, organisation_id, form)
    repository = SubmissionRepository(session)
    existing = repository.pending_with_hash(digest)
    if existing is not None:
        return Received(existing, created=False)
    payload = form.public_payload() | {"via_edit_link": via_edit_link}
    submission = repository.add(
        Submission(
            public_id="".join(secrets.choice(_ALPHABET) for _ in range(12)),
            kind=kind,
            state=SubmissionState.PENDING,
            organisation_id=organisation_id,
            payload=payload,
            content_hash=digest,
            contact_name=form.contact_name,
            contact_email=form.contact_email,
            consent_publish_contact=form.consent_publish,
            submitter_ip_hash=submitter_ip_hash,
        )
    )
    record_event(
        session,
        actor="public",
        action="submission.received",
        target_type="submission",
        target_id=submission.public_id,
        data={"kind": kind.value, "organisation": organisation_id},
    )
    return Received(submission, created=True)


def get(session: Session, public_id: str) -> Submission:
    """A submission by public id (moderators only)."""
    found = SubmissionRepository(session).by_public_id(public_id)
    if found is None:
        raise NotFound(f"no submission {public_id!r}")
    return found


def form_of(submission: Submission) -> SubmissionForm:
    """The submission's answers as the form model again."""
    answers = {key: value for key, value in submission.payload.items() if key != "via_edit_link"}
    return SubmissionForm.model_validate(
        answers
        | {
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email or "unknown@example.invalid",
            "consent_publish": submission.consent_publish_contact,
        }
    )


def _transition(
    session: Session,
    submission: Submission,
    to: SubmissionState,
    *,
    expected_version: int,
    actor: User,
    reason: str | None,
) -> None:
    if submission.version != expected_version:
        raise Conflict(
            f"submission {submission.public_id} changed while you looked at it "
            f"(it is {submission.state.value} now): reload it and decide again"
        )
    if to not in _NEXT.get(submission.state, frozenset()):
        raise Conflict(f"a {submission.state.value} submission cannot become {to.value}")
    needs_reason = (SubmissionState.REJECTED, SubmissionState.CHANGES_REQUESTED, SubmissionState.WITHDRAWN)
    if to in needs_reason and not (reason or "").strip():
        raise InvalidInput("reason", "say why, so the group can act on it")
    submission.state = to
    submission.moderator_id = actor.id
    submission.reason = (reason or "").strip()[:2000] or None
    submission.decided_at = utcnow()
    try:
        session.flush()
    except StaleDataError:
        raise Conflict(f"submission {submission.public_id} was decided by someone else just now") from None
    record_event(
        session,
        actor=actor,
        action=f"submission.{to.value}",
        target_type="submission",
        target_id=submission.public_id,
        reason=submission.reason,
    )


def approve(
    session: Session, submission: Submission, *, expected_version: int, actor: User, config: MatchConfig
) -> Organisation:
    """Approve: the entry becomes community data of its organisation (new, matched, or the one edited)."""
    _transition(
        session,
        submission,
        SubmissionState.APPROVED,
        expected_version=expected_version,
        actor=actor,
        reason=None,
    )
    organisation = community.publish(
        session,
        submission_id=submission.public_id,
        values=form_of(submission).values(),
        organisation_id=submission.organisation_id,
        config=config,
        actor=actor,
    )
    submission.organisation_id = organisation.id
    session.flush()
    return organisation


def reject(
    session: Session, submission: Submission, *, expected_version: int, actor: User, reason: str
) -> None:
    """Reject, with the reason."""
    _transition(
        session,
        submission,
        SubmissionState.REJECTED,
        expected_version=expected_version,
        actor=actor,
        reason=reason,
    )


def request_changes(
    session: Session, submission: Submission, *, expected_version: int, actor: User, reason: str
) -> None:
    """Ask the group to change something (the reason says what)."""
    _transition(
        session,
        submission,
        SubmissionState.CHANGES_REQUESTED,
        expected_version=expected_version,
        actor=actor,
        reason=reason,
    )


def withdraw(
    session: Session, submission: Submission, *, expected_version: int, actor: User, reason: str
) -> None:
    """Withdraw at the group's request (the reason records how they asked)."""
    _transition(
        session,
        submission,
        SubmissionState.WITHDRAWN,
        expected_version=expected_version,
        actor=actor,
        reason=reason,
    )


def queue(session: Session, limit: int = 100) -> list[tuple[Submission, str | None]]:
    """Pending submissions, oldest first, with the name of the organisation an edit is for."""
    return SubmissionRepository(session).in_states([SubmissionState.PENDING], limit)


def organisation_for_edit(session: Session, ident: str) -> Organisation:
    """The public organisation an edit suggestion is for."""
    found = SubmissionRepository(session).public_organisation(ident)
    if found is None:
        raise NotFound(f"no public organisation {ident!r}")
    return found


def prefill(organisation: Organisation) -> dict[str, Any]:
    """The edit form's starting values: what is public now (never a private field)."""
    return {
        "name": organisation.name,
        "other_names": "\n".join(organisation.other_names),
        "description": organisation.description or "",
        "goods_services": "\n".join(organisation.goods_services),
        "activities": "\n".join(organisation.activities),
        "legal_form": organisation.legal_form or "",
        "registration_number": organisation.fca_number or organisation.companies_house_number or "",
        "street_address": organisation.street_address or "",
        "locality": organisation.locality or "",
        "postcode": organisation.postcode or "",
        "website": organisation.website or "",
        "phone": organisation.phone or "",
        "email": organisation.email if organisation.email_consent else "",
    }


def field_errors(errors: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Pydantic errors as {field: message} for the form."""
    found: dict[str, str] = {}
    for error in errors:
        name = str(error["loc"][0]) if error.get("loc") else "form"
        found.setdefault(name, str(error["msg"]).removeprefix("Value error, "))
    return found
