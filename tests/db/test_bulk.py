"""Bulk inserts and reserved ids behave like a plain INSERT on each engine."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialect import bulk_insert, reserve_ids
from app.db.models import Organisation
from app.domain.enums import Visibility
from tests.factories import make_organisation

ORGANISATIONS = cast(Table, Organisation.__table__)


NOW = utcnow()


def organisation_row(key: str) -> dict[str, Any]:
    return {
        "public_id": f"bulk{key}",
        "slug": f"bulk-{key}",
        "name": 'Tab\tand "quotes", back\\slash',
        "sort_name": "tab and quotes back slash",
        "description": "Line one\nline two; DROP TABLE organisations; --",
        "incorporated_on": date(2010, 5, 1),
        "latitude": 51.7519,
        "longitude": -1.2578,
        "visibility": Visibility.PUBLIC,
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
    }  # other_names, activities, email_consent, status... left to their defaults


def stored(session: Session, public_id: str) -> dict[str, Any]:
    row = (
        session.execute(select(ORGANISATIONS).where(ORGANISATIONS.c.public_id == public_id)).mappings().one()
    )
    return {key: value for key, value in row.items() if key not in {"id", "public_id", "slug"}}


def test_a_bulk_insert_stores_what_an_insert_stores(session: Session) -> None:
    session.execute(insert(ORGANISATIONS), [organisation_row("a")])
    bulk_insert(session, ORGANISATIONS, [organisation_row("b"), organisation_row("c")])
    assert stored(session, "bulkb") == stored(session, "bulka") == stored(session, "bulkc")
    assert stored(session, "bulkb")["other_names"] == []
    assert stored(session, "bulkb")["description"] == "Line one\nline two; DROP TABLE organisations; --"


def test_reserved_ids_are_fresh_and_later_inserts_do_not_collide(session: Session) -> None:
    before = make_organisation(session)
    keys = reserve_ids(session, ORGANISATIONS, 3)
    assert len(set(keys)) == 3
    assert min(keys) > before.id
    bulk_insert(session, ORGANISATIONS, [{**organisation_row(str(key)), "id": key} for key in keys])
    after = make_organisation(session)
    assert after.id not in keys
    assert reserve_ids(session, ORGANISATIONS, 0) == []
