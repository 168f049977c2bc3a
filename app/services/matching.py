"""Match and merge stored records: cluster them, give each cluster one organisation, recompute its fields.

A run reads every source record and every human decision, runs the pure matcher (`ingest.matching`),
then writes only what differs: records that move, organisations created or merged away, survivorship
values with provenance, and explained pairs (auto-merged, or queued for review). Re-running on the same
data writes nothing. Human decisions are inputs, never outputs: a "not the same" is never overridden.

Organisations keep their identity across runs: each cluster keeps the organisation most of its records
already belong to (the biggest cluster chooses first), so public ids and slugs stay stable.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from app.core.runtime import batch_heap
from app.db.base import utcnow
from app.db.repositories.matching import MatchingRepository, RecordRow, StoredPair
from app.db.repositories.postcodes import PostcodeRepository
from app.domain.enums import MatchDecisionKind
from app.domain.survivorship import REGISTER_SOURCES, base_source
from app.services import survivorship
from ingest.matching import Decisions, MatchConfig, MatchedPair, MatchRecord, Outcome, match
from ingest.matching.decide import HUMAN_SAME

logger = logging.getLogger(__name__)

_KIND_OF_OUTCOME = {
    Outcome.MERGED: MatchDecisionKind.AUTO_MERGED,
    Outcome.REVIEW: MatchDecisionKind.PENDING_REVIEW,
}


@dataclass
class MatchRunReport:
    """What a matching run changed."""

    records: int = 0
    clusters: int = 0
    organisations_created: int = 0
    organisations_merged_away: int = 0
    records_moved: int = 0
    organisations_updated: int = 0
    pairs_merged: int = 0
    pairs_review: int = 0
    pairs_written: int = 0
    # Human "same" decisions a rule refused (two register numbers, ...): (left key, right key, why).
    refused: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


# Sources that list each organisation at most once. The FCA lists each registration once; Co-operatives UK
# does not quite (it re-lists some renamed organisations under the same Companies House number), so its
# records rely on the register rule instead: different registration numbers are never one organisation.
DUPLICATE_FREE_SOURCES = frozenset({"fca"})


def match_config(auto_merge: float, review: float) -> MatchConfig:
    """The matcher's settings for stored data."""
    return MatchConfig(auto_merge=auto_merge, review=review, duplicate_free_sources=DUPLICATE_FREE_SOURCES)


def record_key(row: RecordRow) -> str:
    """The matcher's key of a stored record."""
    return f"{row.source}:{row.source_id}"


def _match_record(row: RecordRow) -> MatchRecord:
    return MatchRecord.from_fields(
        row.source, row.source_id, row.fields, register=base_source(row.source) in REGISTER_SOURCES
    )


def _decisions(rows: Sequence[RecordRow], human: Sequence[StoredPair]) -> Decisions:
    """Human decisions plus links a source asserts (e.g. a Digital Commons row naming its Co-ops UK id)."""
    key_of = {row.id: record_key(row) for row in rows}
    keys = set(key_of.values())
    same = [(key_of[p.left], key_of[p.right]) for p in human if p.decision is MatchDecisionKind.CONFIRMED]
    different = [(key_of[p.left], key_of[p.right]) for p in human if p.decision is MatchDecisionKind.REJECTED]
    for row in rows:
        for source, source_id in (row.links or {}).items():
            other = f"{source}:{source_id}"
            if other in keys and other != record_key(row):
                same.append((record_key(row), other))
    return Decisions.of(same=tuple(same), different=tuple(different))


def _centroids(session: Session, rows: Sequence[RecordRow]) -> dict[str, tuple[float, float]]:
    postcodes = sorted({p for row in rows if isinstance(p := row.fields.get("postcode"), str)})
    found = PostcodeRepository(session).lookup(postcodes)
    return {
        postcode: (entry.latitude, entry.longitude)
        for postcode, entry in found.items()
        if entry.latitude is not None and entry.longitude is not None
    }


def _assign(
    clusters: Sequence[Sequence[RecordRow]],
) -> tuple[list[tuple[Sequence[RecordRow], int | None]], dict[int, int]]:
    """Give each cluster the organisation most of its records hold; the biggest cluster chooses first.

    Returns (cluster, organisation id or None for a new one) and, for organisations no cluster kept,
    the organisation that received most of their records.
    """
    claimed: set[int] = set()
    chosen: list[tuple[Sequence[RecordRow], int | None]] = []
    for members in sorted(clusters, key=lambda c: (-len(c), min(row.id for row in c))):
        counts = Counter(row.organisation_id for row in members if row.organisation_id is not None)
        free = [(-count, org) for org, count in counts.items() if org not in claimed]
        org = min(free)[1] if free else None
        if org is not None:
            claimed.add(org)
        chosen.append((members, org))
    received: dict[int, Counter[int]] = defaultdict(Counter)
    for members, org in chosen:
        for row in members:
            if row.organisation_id is not None and row.organisation_id not in claimed and org is not None:
                received[row.organisation_id][org] += 1
    merged = {
        old: min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for old, counter in received.items()
    }
    return chosen, merged


def _pair_rows(
    pairs: Sequence[MatchedPair], ids: dict[str, int], stored: dict[tuple[int, int], StoredPair]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
    """Inserts, updates and deletions that make the stored machine pairs equal to this run's."""
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    kept: set[tuple[int, int]] = set()
    for pair in pairs:
        kind = _KIND_OF_OUTCOME.get(pair.outcome)
        left, right = sorted((ids[pair.left], ids[pair.right]))
        old = stored.get((left, right))
        if kind is None or (
            old is not None and old.decision in (MatchDecisionKind.CONFIRMED, MatchDecisionKind.REJECTED)
        ):
            kept.add((left, right))
            continue
        explanation = pair.explanation
        features = {
            "rule": explanation.rule,
            "weight": explanation.weight,
            "values": dict(explanation.features),
            "bits": dict(explanation.contributions),
        }
        score = round(explanation.probability, 6)
        kept.add((left, right))
        if old is None:
            inserts.append(
                {
                    "left_record_id": left,
                    "right_record_id": right,
                    "decision": kind,
                    "score": score,
                    "features": features,
                }
            )
        elif (old.decision, old.score, old.features) != (kind, score, features):
            updates.append({"b_id": old.id, "b_decision": kind, "b_score": score, "b_features": features})
    deletes = [
        old.id
        for key, old in stored.items()
        if key not in kept and old.decision not in (MatchDecisionKind.CONFIRMED, MatchDecisionKind.REJECTED)
    ]
    return inserts, updates, deletes


class _Laps:
    """Seconds per stage, into the report."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.started = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self.started, 3)
        self.started = now


def rematch(
    session: Session, config: MatchConfig, *, touched: Iterable[int] = (), full: bool = False
) -> MatchRunReport:
    """Cluster every record, keep organisations stable, write only differences; see the module docstring.

    Survivorship is recomputed for organisations whose records moved, those in `touched` (organisations of
    records an ingest changed), or all of them with `full`.
    """
    with batch_heap():
        return _rematch(session, config, touched, full)


def _rematch(session: Session, config: MatchConfig, touched: Iterable[int], full: bool) -> MatchRunReport:
    session.flush()
    report = MatchRunReport()
    lap = _Laps(report.seconds)
    repository = MatchingRepository(session)
    rows = repository.record_rows()
    report.records = len(rows)
    if not rows:
        return report
    human = repository.stored_pairs(human_only=True)
    by_key = {record_key(row): row for row in rows}
    config = replace(config, centroids=_centroids(session, rows) or None)
    lap("load")
    match_records = [_match_record(row) for row in rows]
    decisions = _decisions(rows, human)
    lap("prepare")
    result = match(match_records, decisions, config)
    report.seconds.update(result.stats.seconds)
    report.clusters = len(result.clusters)
    lap.started = time.perf_counter()
    rows, targets, dirty = _organise(session, report, [[by_key[key] for key in c] for c in result.clusters])
    lap("organise")
    report.organisations_updated = survivorship.recompute(
        session, targets if full else (dirty | set(touched)) & targets, rows
    )
    lap("survivorship")
    ids = {record_key(row): row.id for row in rows}
    stored = {(p.left, p.right): p for p in repository.stored_pairs()}
    inserts, updates, deletes = _pair_rows(result.pairs, ids, stored)
    repository.insert_pairs(inserts)
    repository.update_pairs(updates)
    repository.delete_pairs(deletes)
    report.pairs_written = len(inserts) + len(updates) + len(deletes)
    report.pairs_merged = sum(pair.outcome is Outcome.MERGED for pair in result.pairs)
    report.pairs_review = sum(pair.outcome is Outcome.REVIEW for pair in result.pairs)
    report.refused = [
        (pair.left, pair.right, pair.explanation.rule)
        for pair in result.pairs
        if pair.outcome is Outcome.REJECTED and pair.explanation.rule.startswith(HUMAN_SAME)
    ]
    session.expire_all()
    lap("pairs")
    logger.info("matching: %s", report)
    return report


def _organise(
    session: Session, report: MatchRunReport, clusters: Sequence[Sequence[RecordRow]]
) -> tuple[list[RecordRow], set[int], set[int]]:
    """Give clusters organisations and move records; returns rows as they are now, kept and dirty ids."""
    repository = MatchingRepository(session)
    chosen, merged = _assign(clusters)
    now = utcnow()
    new_clusters = [members for members, org in chosen if org is None]
    created = survivorship.create(session, new_clusters, now)
    moves: list[tuple[int, int]] = []
    dirty: set[int] = set()
    moved = 0
    for members, org in chosen:
        target = org if org is not None else created[id(members)]
        for row in members:
            if row.organisation_id != target:
                moves.append((row.id, target))
                if org is not None:
                    dirty.add(target)  # a new organisation's values were computed as it was made
                if row.organisation_id is not None:
                    moved += 1
                    dirty.add(row.organisation_id)  # it lost a record; recomputed if a cluster kept it
    repository.assign_records(moves)
    repository.mark_merged(merged, now)
    repository.clear_merged([org for _, org in chosen if org is not None], now)
    report.organisations_created = len(created)
    report.organisations_merged_away = len(merged)
    report.records_moved = moved
    moved_to = dict(moves)
    rows = [
        row if row.id not in moved_to else _moved(row, moved_to[row.id])
        for members, _ in chosen
        for row in members
    ]
    targets = {org for _, org in chosen if org is not None} | set(created.values())
    return rows, targets, dirty


def _moved(row: RecordRow, organisation_id: int) -> RecordRow:
    return RecordRow(
        row.id,
        row.source,
        row.source_id,
        row.fields,
        row.links,
        row.status_in_source,
        row.last_seen_at,
        organisation_id,
    )
