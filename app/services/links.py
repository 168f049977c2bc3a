"""`coopmap export links`: which organisation each source record belongs to, as CSV."""

from __future__ import annotations

import csv
from typing import TextIO

from sqlalchemy.orm import Session

from app.db.repositories.source_records import SourceRecordRepository

LINK_COLUMNS = ("organisation_id", "source", "source_record_id")


def write_links(session: Session, out: TextIO) -> int:
    """Write one CSV row per source record (organisation_id empty while unlinked); returns the row count.

    `organisation_id` is the public id the API uses, so the file joins with API and GeoJSON exports.
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LINK_COLUMNS)
    count = 0
    for public_id, source, source_id in SourceRecordRepository(session).links():
        writer.writerow((public_id or "", source, source_id))
        count += 1
    return count
