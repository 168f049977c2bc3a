"""`coopmap export links` as a service: one CSV row per source record, on both engines."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Organisation, SourceRecord
from app.services import links, records
from tests.factories import make_organisation


def _rows(session: Session) -> list[dict[str, str]]:
    out = io.StringIO()
    count = links.write_links(session, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows)
    assert out.getvalue().startswith("organisation_id,source,source_record_id\r\n")
    return rows


def test_every_source_record_is_a_row_naming_its_organisation_by_public_id(session: Session) -> None:
    organisation = make_organisation(session, source="links-test", name="Linked Co-operative")
    loose = records.upsert_source_record(
        session,
        source="links-test",
        source_id="unlinked-1",
        raw={"name": "Not yet matched"},
        fields={"name": "Not yet matched"},
        status_in_source="live",
        seen_at=utcnow(),
    ).record
    session.flush()
    rows = _rows(session)
    stored = session.execute(
        select(Organisation.public_id, SourceRecord.source, SourceRecord.source_id).outerjoin(
            Organisation, Organisation.id == SourceRecord.organisation_id
        )
    ).all()
    assert len(rows) == len(stored)
    assert {(r["organisation_id"], r["source"], r["source_record_id"]) for r in rows} == {
        (public_id or "", source, source_id) for public_id, source, source_id in stored
    }
    mine = [r for r in rows if r["source"] == "links-test"]
    assert {"organisation_id": "", "source": "links-test", "source_record_id": loose.source_id} in mine
    assert any(r["organisation_id"] == organisation.public_id for r in mine)
    keys = [(r["source"], r["source_record_id"]) for r in rows]
    assert keys == sorted(keys)  # stable order: diffs between two exports stay small
