"""Plain functions that store test data through the same service path as real sources."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Organisation
from app.services import linking, records

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
