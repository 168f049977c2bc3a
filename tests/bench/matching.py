"""Match and merge in the database: seeded synthetic records stored, then `rematch` timed, in a child process.

    python -m tests.bench.matching --url sqlite:////tmp/m.db --count 20000

Prints one JSON object: seconds to store the records (as an ingest does before matching: no organisations
yet), seconds of the first match-and-merge run (cluster, create the organisations, survivorship, pairs),
seconds and writes of an unchanged re-run, the pairwise precision/recall/F1 of the stored organisations
against the generator's truth, and the process's peak memory. A child process per size keeps the
memory figure its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from app.core.config import Environment, Settings
from app.core.runtime import batch_heap
from app.db import migrate
from app.db.base import utcnow
from app.db.engine import make_database
from app.db.models import SourceRecord
from app.services import ingestion, records
from app.services.matching import match_config, rematch
from ingest.matching.metrics import pairwise
from ingest.matching.model import MatchRecord
from ingest.matching.synthetic import generate

# Synthetic register records play the FCA (listed once each, numbered); entries play community data.
SOURCES = {"register": "fca", "community": "community"}


def _fields(record: MatchRecord) -> dict[str, Any]:
    fields = {
        "name": record.name,
        "postcode": record.postcode,
        "fca_number": record.fca_number,
        "companies_house_number": record.companies_house_number,
        "website": record.website,
        "phone": record.phone,
        "incorporated_on": record.incorporated_on.isoformat() if record.incorporated_on else None,
    }
    return {name: value for name, value in fields.items() if value is not None}


def run(url: str, count: int, seed: int) -> dict[str, Any]:
    """Store `count` synthetic records, match and merge twice, score the stored clusters."""
    settings = Settings(_env_file=None, database_url=url, environment=Environment.TEST)
    database = make_database(settings)
    migrate.upgrade(database.engine)
    generated = generate(count, seed)
    config = match_config(settings.match_auto_merge, settings.match_review)
    by_source: dict[str, list[records.RecordInput]] = {}
    for record in generated.records:
        source, _, source_id = record.key.partition(":")
        by_source.setdefault(SOURCES[source], []).append(
            records.RecordInput(source_id=source_id, raw={}, fields=_fields(record), status_in_source="live")
        )
    started = time.perf_counter()
    with batch_heap(), database.session_factory.begin() as session:  # as the ingest pipeline stores
        now = utcnow()
        for source, items in by_source.items():
            for first in range(0, len(items), 1000):
                ingestion.store_batch(
                    session,
                    source=source,
                    items=items[first : first + 1000],
                    tally=ingestion.RunTally(),
                    seen_at=now,
                    run_id=None,
                    create_organisations=False,  # as an ingest does when matching follows
                )
    stored = time.perf_counter() - started
    started = time.perf_counter()
    with database.session_factory.begin() as session:
        first_report = rematch(session, config)
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with database.session_factory.begin() as session:
        again = rematch(session, config)
    again_seconds = time.perf_counter() - started
    with database.session_factory() as session:
        rows = session.execute(
            select(SourceRecord.source, SourceRecord.source_id, SourceRecord.organisation_id)
        )
        clusters: dict[int | None, list[str]] = {}
        reverse = {value: key for key, value in SOURCES.items()}
        for source, source_id, organisation_id in rows:
            clusters.setdefault(organisation_id, []).append(f"{reverse[source]}:{source_id}")
    score = pairwise(list(clusters.values()), generated.truth, generated.register_keys)
    database.engine.dispose()
    return {
        "records": len(generated.records),
        "store_s": round(stored, 2),
        "match_merge_s": round(first_seconds, 2),
        "stages_s": first_report.seconds,
        "organisations_created": first_report.organisations_created,
        "records_moved": first_report.records_moved,
        "merged_away": first_report.organisations_merged_away,
        "review_pairs": first_report.pairs_review,
        "rerun_s": round(again_seconds, 2),
        "rerun_writes": again.records_moved + again.organisations_updated + again.pairs_written,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "false_register_merges": score.false_register_merges,
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, run, print JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", required=True, help="An empty (or throwaway) database URL.")
    parser.add_argument("--count", type=int, default=20_000, help="Synthetic organisations to generate.")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    json.dump(run(options.url, options.count, options.seed), sys.stdout)
    print()


if __name__ == "__main__":
    main()
