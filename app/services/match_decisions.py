"""Human decisions on matching: "same", "not the same", merge and split, and the explanations behind them.

Every decision is stored as a pair decision (`confirmed` or `rejected`) and matching is re-run at once,
so a decision takes effect now and survives every later ingest: the matcher takes human pairs as hard
constraints. Merge = "same" between the two organisations; split = "not the same" between a record and
every other record of its organisation. Nothing here commits; the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import User
from app.db.repositories.matching import MatchingRepository, RecordSummary, StoredPair
from app.domain.enums import MatchDecisionKind
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.services.audit import record_event
from app.services.matching import MatchRunReport, rematch
from ingest.matching import MatchConfig

MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class PairView:
    """An explained pair: both records, the decision, the score and why."""

    id: int
    decision: MatchDecisionKind
    score: float
    rule: str | None
    weight: float | None
    features: dict[str, Any]
    contributions: dict[str, float]
    left: RecordSummary
    right: RecordSummary


def _organisation(repository: MatchingRepository, ident: str) -> int:
    found = repository.organisation_id_for(ident)
    if found is None:
        raise NotFound(f"no organisation {ident!r}")
    return found


def _record(repository: MatchingRepository, ident: str) -> int:
    """A record named `source:source_id` (the source may itself contain a colon) or by numeric id."""
    if ident.isdigit():
        return int(ident)
    source, _, source_id = ident.rpartition(":")
    found = repository.record_id_for(source, source_id) if source else None
    if found is None:
        raise NotFound(f"no source record {ident!r} (use source:source_id, e.g. coops-uk:R000001)")
    return found


def _reason(reason: str | None) -> str | None:
    if reason is not None and len(reason) > MAX_REASON:
        raise InvalidInput("reason", f"reason must be at most {MAX_REASON} characters")
    return reason.strip() or None if reason else None


def _refusal(repository: MatchingRepository, report: MatchRunReport, left: int, right: int) -> str | None:
    """Why matching refused this human "same" pair, if it did."""
    summaries = repository.record_summaries((left, right))
    keys = {f"{summaries[n].source}:{summaries[n].source_id}" for n in (left, right)}
    return next((why for a, b, why in report.refused if {a, b} == keys), None)


def _actor_id(actor: User | str) -> int | None:
    return actor.id if isinstance(actor, User) else None


def merge(
    session: Session,
    first: str,
    second: str,
    *,
    config: MatchConfig,
    actor: User | str,
    reason: str | None = None,
) -> MatchRunReport:
    """Make two organisations one, for good; the one holding more records keeps its identity.

    Refused (409) when a rule forbids it, e.g. two different registration numbers on one register.
    """
    repository = MatchingRepository(session)
    ids = [_organisation(repository, first), _organisation(repository, second)]
    if ids[0] == ids[1]:
        raise InvalidInput("organisation", "cannot merge an organisation with itself")
    records = [repository.record_ids_of(org) for org in ids]
    if not all(records):
        raise Conflict("an organisation without records cannot be merged (was it merged already?)")
    left, right = sorted((records[0][0], records[1][0]))
    note = _reason(reason)
    repository.decide_pair(
        left, right, MatchDecisionKind.CONFIRMED, user_id=_actor_id(actor), reason=note, at=utcnow()
    )
    report = rematch(session, config)
    refusal = _refusal(repository, report, left, right)
    if refusal is not None:
        raise Conflict(f"cannot merge {first} and {second}: {refusal}")
    survivor = repository.record_summaries([left])[left].organisation_public_id
    for ident in (first, second):
        record_event(
            session,
            actor=actor,
            action="organisation.merged",
            target_type="organisation",
            target_id=repository.public_id_of(_organisation(repository, ident)),
            reason=note,
            data={"merged": [first, second], "survivor": survivor},
        )
    return report


def split(
    session: Session,
    organisation: str,
    record: str,
    *,
    config: MatchConfig,
    actor: User | str,
    reason: str | None = None,
) -> MatchRunReport:
    """Take a source record out of its organisation, for good: it becomes (or joins) another organisation."""
    repository = MatchingRepository(session)
    org_id = _organisation(repository, organisation)
    record_id = _record(repository, record)
    members = repository.record_ids_of(org_id)
    if record_id not in members:
        raise InvalidInput("record", f"record {record} does not belong to organisation {organisation}")
    if len(members) == 1:
        raise InvalidInput(
            "record", f"record {record} is the only record of {organisation}: nothing to split"
        )
    note, now = _reason(reason), utcnow()
    for other in members:
        if other != record_id:
            left, right = sorted((record_id, other))
            repository.decide_pair(
                left, right, MatchDecisionKind.REJECTED, user_id=_actor_id(actor), reason=note, at=now
            )
    # The record leaves with no organisation, so matching gives it a new one (or the one it now matches).
    repository.assign_records([(record_id, None)])
    report = rematch(session, config, touched=[org_id])
    record_event(
        session,
        actor=actor,
        action="organisation.split",
        target_type="organisation",
        target_id=repository.public_id_of(org_id),
        reason=note,
        data={"record": record},
    )
    return report


def decide(
    session: Session,
    pair_id: int,
    same: bool,
    *,
    config: MatchConfig,
    actor: User | str,
    reason: str | None = None,
) -> MatchRunReport:
    """Settle a queued (or any stored) pair: the same organisation, or not."""
    repository = MatchingRepository(session)
    pair = repository.pair(pair_id)
    if pair is None:
        raise NotFound(f"no candidate pair {pair_id}")
    note = _reason(reason)
    kind = MatchDecisionKind.CONFIRMED if same else MatchDecisionKind.REJECTED
    repository.decide_pair(pair.left, pair.right, kind, user_id=_actor_id(actor), reason=note, at=utcnow())
    report = rematch(session, config)
    refusal = _refusal(repository, report, pair.left, pair.right) if same else None
    if refusal is not None:
        raise Conflict(f"cannot treat pair {pair_id} as the same organisation: {refusal}")
    record_event(
        session,
        actor=actor,
        action="match.confirmed" if same else "match.rejected",
        target_type="match_pair",
        target_id=str(pair_id),
        reason=note,
    )
    return report


def _views(repository: MatchingRepository, pairs: Sequence[StoredPair]) -> list[PairView]:
    summaries = repository.record_summaries({p.left for p in pairs} | {p.right for p in pairs})
    return [
        PairView(
            id=pair.id,
            decision=pair.decision,
            score=pair.score,
            rule=pair.features.get("rule"),
            weight=pair.features.get("weight"),
            features=dict(pair.features.get("values") or {}),
            contributions=dict(pair.features.get("bits") or {}),
            left=summaries[pair.left],
            right=summaries[pair.right],
        )
        for pair in pairs
    ]


def explain(session: Session, organisation: str) -> list[PairView]:
    """Every stored pair that touches the organisation's records: why they merged, or may."""
    repository = MatchingRepository(session)
    org_id = _organisation(repository, organisation)
    return _views(repository, repository.pairs_of_records(repository.record_ids_of(org_id)))


def queue(session: Session, *, limit: int = 50, after_id: int = 0) -> list[PairView]:
    """Possible duplicates waiting for a moderator, oldest first."""
    repository = MatchingRepository(session)
    return _views(repository, repository.pairs_by_decision(MatchDecisionKind.PENDING_REVIEW, limit, after_id))


def pair(session: Session, pair_id: int) -> PairView:
    """One stored pair with its explanation."""
    repository = MatchingRepository(session)
    stored = repository.pair(pair_id)
    if stored is None:
        raise NotFound(f"no candidate pair {pair_id}")
    return _views(repository, [stored])[0]
