"""Ingest runs: start, store batches of parsed records, finish (marking what disappeared) or fail.

The pipeline in `ingest/` calls these; it never writes SQL. A run's data is written in one transaction
by the caller, so a failed or killed run leaves the previous data exactly as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.base import utcnow
from app.db.models import IngestRun
from app.db.repositories.edit_tokens import SuppressionRepository
from app.db.repositories.ingest_runs import IngestRunRepository
from app.db.repositories.source_records import SourceRecordRepository
from app.domain.enums import IngestStatus
from app.domain.errors import NotFound
from app.services import linking, matching, records

MAX_STORED_REJECTS = 1000  # the run keeps the first reasons; counts stay exact


@dataclass
class RunTally:
    """Counts of one run, accumulated batch by batch."""

    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0
    missing: int = 0
    organisations_created: int = 0
    suppressed: int = 0  # rows skipped because their organisation was erased
    records_merged: int = 0  # records matching moved into another organisation
    pairs_review: int = 0  # possible duplicates waiting for a moderator after the run
    # Organisations whose records this run inserted or changed: their survivorship is recomputed.
    touched: set[int] = field(default_factory=set)
    rejects: list[dict[str, Any]] = field(default_factory=list)

    def reject(self, row_number: int, reason: str, source_id: str | None) -> None:
        """Count a rejected row and keep its reason."""
        self.rejected += 1
        if len(self.rejects) < MAX_STORED_REJECTS:
            self.rejects.append({"row": row_number, "source_id": source_id, "reason": reason})


def fail_interrupted_runs(session: Session, source: str) -> int:
    """Mark runs left `running` by a killed process as failed; returns how many."""
    stale = IngestRunRepository(session).running(source)
    for run in stale:
        run.status = IngestStatus.FAILED
        run.finished_at = utcnow()
        run.error = "interrupted: the process stopped before the run finished; its data was not kept"
    session.flush()
    return len(stale)


def start_run(session: Session, *, source: str, location: str | None) -> IngestRun:
    """Record that a run began."""
    run = IngestRun(source=source, location=location, status=IngestStatus.RUNNING, started_at=utcnow())
    return IngestRunRepository(session).add(run)


def previous_validators(session: Session, source: str) -> tuple[str | None, str | None, str | None]:
    """(ETag, Last-Modified, location) of the last successful run, for a conditional download."""
    run = IngestRunRepository(session).last_succeeded(source)
    return (run.etag, run.last_modified, run.location) if run else (None, None, None)


def store_batch(
    session: Session,
    *,
    source: str,
    items: Sequence[records.RecordInput],
    tally: RunTally,
    seen_at: datetime,
    run_id: int | None,
    create_organisations: bool = True,
) -> None:
    """Upsert a batch of records, link them to organisations and apply their fields.

    Records on the suppression list (erased organisations) are skipped, never stored. Pass
    `create_organisations=False` when `match_and_merge` follows in the same transaction.
    """
    items = _not_suppressed(session, source, items, tally)
    outcomes = records.upsert_records(session, source=source, items=items, seen_at=seen_at, run_id=run_id)
    for outcome in outcomes:
        if outcome.change is records.Change.INSERTED:
            tally.inserted += 1
        elif outcome.change is records.Change.UPDATED:
            tally.updated += 1
        else:
            tally.unchanged += 1
    links = {item.source_id: item.links for item in items if item.links}
    created = linking.link_and_apply(session, outcomes, links, seen_at, create=create_organisations)
    tally.organisations_created += len(created)
    changed = Counter(
        o.record.organisation_id
        for o in outcomes
        if o.change is not records.Change.UNCHANGED and o.record.organisation_id is not None
    )
    # A new organisation made from one record already holds exactly that record's values.
    tally.touched.update(org for org, count in changed.items() if org not in created or count > 1)


def _not_suppressed(
    session: Session, source: str, items: Sequence[records.RecordInput], tally: RunTally
) -> Sequence[records.RecordInput]:
    ids, fca, companies = SuppressionRepository(session).suppressed(
        source,
        [item.source_id for item in items],
        [item.fields["fca_number"] for item in items if item.fields.get("fca_number")],
        [
            item.fields["companies_house_number"]
            for item in items
            if item.fields.get("companies_house_number")
        ],
    )
    if not (ids or fca or companies):
        return items
    kept = [
        item
        for item in items
        if item.source_id not in ids
        and item.fields.get("fca_number") not in fca
        and item.fields.get("companies_house_number") not in companies
    ]
    tally.skipped += len(items) - len(kept)
    tally.suppressed += len(items) - len(kept)
    return kept


def match_and_merge(session: Session, settings: Settings, tally: RunTally) -> None:
    """Cluster all records after a run's batches, in the run's transaction; counts go on the tally."""
    report = matching.rematch(
        session,
        matching.match_config(settings.match_auto_merge, settings.match_review),
        touched=tally.touched,
    )
    tally.records_merged = report.records_moved
    tally.pairs_review = report.pairs_review
    tally.organisations_created += report.organisations_created


def mark_missing(session: Session, *, source: str, present_ids: set[str], run_id: int | None) -> int:
    """After a complete file: records of the source that it no longer lists become `missing`."""
    return SourceRecordRepository(session).mark_missing_except(source, present_ids, run_id)


def finish_run(
    session: Session,
    run_id: int,
    tally: RunTally,
    *,
    sha256: str | None,
    etag: str | None,
    last_modified: str | None,
) -> IngestRun:
    """Store the counts and mark the run succeeded."""
    run = IngestRunRepository(session).get(run_id)
    if run is None:
        raise NotFound(f"ingest run {run_id} does not exist")
    run.status = IngestStatus.SUCCEEDED
    run.finished_at = utcnow()
    run.read_count, run.inserted_count, run.updated_count = tally.read, tally.inserted, tally.updated
    run.unchanged_count, run.rejected_count = tally.unchanged, tally.rejected
    run.skipped_count, run.missing_count = tally.skipped, tally.missing
    run.rejects = tally.rejects
    run.content_sha256, run.etag, run.last_modified = sha256, etag, last_modified
    session.flush()
    return run


def live_record_count(session: Session, source: str) -> int:
    """How many records of the source are not marked missing."""
    return SourceRecordRepository(session).count_present(source)


def set_run_location(session: Session, run_id: int, location: str) -> None:
    """Record where the run's data came from (the discovered URL or the file)."""
    run = IngestRunRepository(session).get(run_id)
    if run is not None:
        run.location = location[:1000]
        session.flush()


def finish_unmodified_run(session: Session, run_id: int, *, location: str, etag: str | None) -> None:
    """A conditional download said nothing changed: the run succeeds without reading anything."""
    repository = IngestRunRepository(session)
    run = repository.get(run_id)
    if run is None:
        raise NotFound(f"ingest run {run_id} does not exist")
    previous = repository.last_succeeded(run.source)
    run.status = IngestStatus.SUCCEEDED
    run.finished_at = utcnow()
    run.location = location[:1000]
    run.error = "not modified since the previous run"
    if previous is not None:
        run.etag, run.last_modified, run.content_sha256 = (
            previous.etag,
            previous.last_modified,
            previous.content_sha256,
        )
    else:
        run.etag = etag
    session.flush()


def fail_run(session: Session, run_id: int, error: str) -> None:
    """Mark a run failed with the reason (its data was rolled back by the caller)."""
    run = IngestRunRepository(session).get(run_id)
    if run is not None:
        run.status = IngestStatus.FAILED
        run.finished_at = utcnow()
        run.error = error[:2000]
        session.flush()
