"""fetch -> parse -> store: one ingest run of one source.

The run row is committed first (so an interrupted run is visible and later marked failed); the data,
the disappearance marks and the run's success are then written in ONE transaction. A failed download,
an unparseable file or a killed process therefore leaves the previous data exactly as it was, and a
re-run converges to the same contents. Bad rows are counted with their reasons, never fatal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.core.config import Settings
from app.core.runtime import batch_heap
from app.db.base import utcnow
from app.db.engine import Database
from app.domain.errors import SourceError
from app.services import ingestion
from app.services.records import RecordInput
from ingest import download
from ingest.sources import load_source
from ingest.sources.base import ParsedRecord, RejectedRow, Source
from ingest.sources.vocab import load_vocab

logger = logging.getLogger(__name__)
BATCH_SIZE = 1000
# A complete file listing under half of the records we hold is more likely broken than real.
SHRINK_GUARD = 0.5


@dataclass(frozen=True)
class IngestRequest:
    """What to ingest and how."""

    source: str
    file: Path | None = None
    url: str | None = None
    dataset: str | None = None
    dry_run: bool = False
    allow_shrink: bool = False
    vocab: Path | None = None


@dataclass(frozen=True)
class IngestReport:
    """The outcome of a run (also stored as an `ingest_runs` row unless dry-run)."""

    source: str
    location: str
    run_id: int | None
    tally: ingestion.RunTally
    not_modified: bool = False
    dry_run: bool = False


class _DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run after counting."""


def stored_source_name(request: IngestRequest) -> str:
    """The name records are stored under: `digitalcommons:owned-by-oxford` for a named dataset."""
    return f"{request.source}:{request.dataset}" if request.dataset else request.source


def _obtain(
    request: IngestRequest,
    source: Source,
    settings: Settings,
    client: httpx.Client,
    validators: tuple[str | None, str | None, str | None],
) -> download.Download:
    if request.file is not None:
        return download.read_file(request.file, settings.download_max_bytes)
    url = request.url or source.locate(client)
    etag, last_modified, previous_location = validators
    if previous_location != url:
        etag = last_modified = None
    return download.fetch(client, url, settings=settings, etag=etag, last_modified=last_modified)


def _store(
    database: Database,
    request: IngestRequest,
    source: Source,
    fetched: download.Download,
    run_id: int | None,
    on_progress: Callable[[int], None] | None,
    settings: Settings,
) -> ingestion.RunTally:
    """Parse and store everything in one transaction (rolled back for a dry run)."""
    assert fetched.data is not None  # noqa: S101  (not-modified downloads never reach here)
    name = stored_source_name(request)
    tally = ingestion.RunTally()
    seen_at = utcnow()
    present: set[str] = set()
    batch: list[RecordInput] = []
    try:
        with batch_heap(), database.session_factory.begin() as session:
            known = ingestion.live_record_count(session, name)

            def flush_batch() -> None:
                ingestion.store_batch(
                    session,
                    source=name,
                    items=batch,
                    tally=tally,
                    seen_at=seen_at,
                    run_id=run_id,
                    create_organisations=not settings.match_after_ingest,
                )
                batch.clear()
                if on_progress is not None:
                    on_progress(tally.read)

            for result in source.parse(fetched.data):
                tally.read += 1
                if isinstance(result, ParsedRecord):
                    present.add(result.source_id)
                    batch.append(result)
                    if len(batch) >= BATCH_SIZE:
                        flush_batch()
                elif isinstance(result, RejectedRow):
                    tally.reject(result.row_number, result.reason, result.source_id)
                    # Still listed by the source: a bad row must not mark its record missing.
                    if result.source_id:
                        present.add(result.source_id)
                else:
                    tally.skipped += 1
            if batch:
                flush_batch()
            if known and len(present) < known * SHRINK_GUARD and not request.allow_shrink:
                raise SourceError(
                    f"the file lists {len(present):,} records but {known:,} are live from {name}: refusing "
                    "to mark the rest missing (a partial file?). Re-run with --allow-shrink if this is real."
                )
            tally.missing = ingestion.mark_missing(session, source=name, present_ids=present, run_id=run_id)
            if settings.match_after_ingest:
                ingestion.match_and_merge(session, settings, tally)
            if request.dry_run:
                raise _DryRunRollback
            if run_id is not None:
                ingestion.finish_run(
                    session,
                    run_id,
                    tally,
                    sha256=fetched.sha256,
                    etag=fetched.etag,
                    last_modified=fetched.last_modified,
                )
    except _DryRunRollback:
        pass
    return tally


def run_ingest(
    database: Database,
    settings: Settings,
    request: IngestRequest,
    *,
    client: httpx.Client | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Run one ingest; raises SourceError (run marked failed, previous data intact) when it cannot."""
    source_class = load_source(request.source)
    source = source_class(settings)
    if request.vocab is not None:
        if not hasattr(source, "vocab"):
            raise SourceError(f"--vocab applies to sources that read ESSGlobal terms, not {request.source}")
        try:
            source.vocab = load_vocab(request.vocab)
        except (OSError, ValueError) as exc:
            raise SourceError(f"cannot read the vocab file {request.vocab}: {exc}") from None
    name = stored_source_name(request)
    own_client = client is None
    http = client if client is not None else download.make_client(settings)
    run_id: int | None = None
    try:
        with database.session_factory.begin() as session:
            interrupted = ingestion.fail_interrupted_runs(session, name)
            if interrupted:
                logger.warning("%d earlier %s run(s) were interrupted; marked failed", interrupted, name)
            validators = ingestion.previous_validators(session, name)
            if not request.dry_run:
                location = str(request.file) if request.file else request.url
                run_id = ingestion.start_run(session, source=name, location=location).id
        try:
            fetched = _obtain(request, source, settings, http, validators)
            if fetched.not_modified:
                if run_id is not None:
                    with database.session_factory.begin() as session:
                        ingestion.finish_unmodified_run(
                            session, run_id, location=fetched.location, etag=fetched.etag
                        )
                return IngestReport(name, fetched.location, run_id, ingestion.RunTally(), not_modified=True)
            if run_id is not None:
                with database.session_factory.begin() as session:
                    ingestion.set_run_location(session, run_id, fetched.location)
            tally = _store(database, request, source, fetched, run_id, on_progress, settings)
        except Exception as exc:
            if run_id is not None:
                with database.session_factory.begin() as session:
                    ingestion.fail_run(session, run_id, str(exc) or exc.__class__.__name__)
            raise
        return IngestReport(name, fetched.location, run_id, tally, dry_run=request.dry_run)
    finally:
        if own_client:
            http.close()
