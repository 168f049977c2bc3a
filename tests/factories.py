"""Plain functions that store test data through the same service path as real sources."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Organisation
from app.services import ingestion, linking, records
from app.services.matching import MatchRunReport, match_config, rematch

_counter = itertools.count(1)


def make_organisation(session: Session, *, source: str = "test", **fields: Any) -> Organisation:
    """Store a source record and the organisation made from it; `fields` override the defaults."""
    number = next(_counter)
    values: dict[str, Any] = {
        "name": f"Test Organisation {number}",
        "status": "active",
        "latitude": 51.75,
        "longitude": -1.25,
        "location_precision": "postcode",
    }
    values.update(fields)
    outcome = records.upsert_source_record(
        session,
        source=source,
        source_id=f"{source}-{number}",
        raw=dict(values),
        fields=values,
        status_in_source="live",
        seen_at=utcnow(),
    )
    organisation = linking.create_organisation(session, outcome.record, utcnow())
    session.flush()
    return organisation


def add_located_organisations(
    session: Session, points: list[tuple[float, float]], **fields: Any
) -> list[int]:
    """Insert bare public organisations at the given (lat, lon) points in one statement; returns their ids."""
    now = utcnow()
    start = next(_counter) * 100_000
    rows = []
    for offset, (lat, lon) in enumerate(points):
        number = start + offset
        rows.append(
            {
                "public_id": f"bulk{number:08d}"[-12:],
                "slug": f"bulk-organisation-{number}",
                "name": f"Bulk Organisation {number}",
                "sort_name": f"bulk organisation {number}",
                "other_names": [],
                "activities": [],
                "goods_services": [],
                "latitude": lat,
                "longitude": lon,
                "location_precision": "postcode",
                "status": "active",
                "visibility": "public",
                "email_consent": False,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                **fields,
            }
        )
    ids = session.scalars(insert(Organisation).returning(Organisation.id), rows).all()
    return list(ids)


MATCH_CONFIG = match_config(0.95, 0.5)


def store_records(
    session: Session, source: str, rows: dict[str, dict[str, Any]], **links: dict[str, str]
) -> MatchRunReport:
    """Store records through the ingest service path, then match and merge as an ingest does."""
    tally = ingestion.RunTally()
    items = [
        records.RecordInput(
            source_id=key, raw=dict(fields), fields=fields, status_in_source="live", links=links.get(key, {})
        )
        for key, fields in rows.items()
    ]
    ingestion.store_batch(session, source=source, items=items, tally=tally, seen_at=utcnow(), run_id=None)
    return rematch(session, MATCH_CONFIG, touched=tally.touched)
