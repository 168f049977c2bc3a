"""Source-record upserts, organisation creation and provenance."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import FieldProvenance, Organisation, SourceRecord
from app.domain.enums import LocationPrecision, OrganisationStatus
from app.domain.errors import InvalidInput
from app.services import linking, records
from tests.factories import make_organisation

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def upsert(
    session: Session, fields: dict[str, object], *, source_id: str = "X1", at: datetime = T0
) -> records.RecordOutcome:
    return records.upsert_source_record(
        session,
        source="unit",
        source_id=source_id,
        raw={"row": 1},
        fields=fields,
        status_in_source="live",
        seen_at=at,
    )


def test_upsert_inserts_then_leaves_identical_content_unchanged(session: Session) -> None:
    first = upsert(session, {"name": "Alpha Co-op", "postcode": "OX4 1DD"})
    again = upsert(session, {"postcode": "OX4 1DD", "name": "Alpha Co-op"}, at=T0 + timedelta(days=1))
    assert (first.change, again.change) == (records.Change.INSERTED, records.Change.UNCHANGED)
    assert again.record.id == first.record.id
    assert again.record.last_seen_at == T0 + timedelta(days=1)
    assert again.record.first_seen_at == T0


def test_upsert_updates_changed_content_and_hash(session: Session) -> None:
    first = upsert(session, {"name": "Alpha Co-op"})
    old_hash = first.record.content_hash
    changed = upsert(session, {"name": "Alpha Co-operative"})
    assert changed.change is records.Change.UPDATED
    assert changed.record.fields == {"name": "Alpha Co-operative"}
    assert changed.record.content_hash != old_hash
    count = session.scalar(
        select(func.count()).select_from(SourceRecord).where(SourceRecord.source == "unit")
    )
    assert count == 1


def test_one_batch_naming_an_id_twice_stores_one_record_with_the_later_content(session: Session) -> None:
    def item(name: str) -> records.RecordInput:
        return records.RecordInput(
            source_id="D1", raw={"name": name}, fields={"name": name}, status_in_source="live"
        )

    outcomes = records.upsert_records(
        session, source="unit", items=[item("Old Name"), item("New Name"), item("New Name")], seen_at=T0
    )
    assert [o.change for o in outcomes] == [
        records.Change.INSERTED,
        records.Change.UPDATED,
        records.Change.UNCHANGED,
    ]
    assert len({id(o.record) for o in outcomes}) == 1
    stored = session.scalars(select(SourceRecord).where(SourceRecord.source_id == "D1")).all()
    assert [(r.fields["name"], r.raw["name"], r.first_seen_at) for r in stored] == [
        ("New Name", "New Name", T0)
    ]
    assert outcomes[0].record.id == stored[0].id


def test_upsert_rejects_unknown_fields_naming_them(session: Session) -> None:
    with pytest.raises(InvalidInput) as caught:
        upsert(session, {"name": "A", "colour": "red"})
    assert caught.value.field == "colour"


def test_content_hash_ignores_key_order_but_not_values() -> None:
    assert records.content_hash({"a": 1, "b": [1, 2]}) == records.content_hash({"b": [1, 2], "a": 1})
    assert records.content_hash({"a": 1}) != records.content_hash({"a": 2})


def test_create_organisation_copies_fields_with_provenance(session: Session) -> None:
    outcome = upsert(
        session,
        {
            "name": "The Bicycle Kitchen",
            "postcode": "OX4 1DD",
            "status": "dissolved",
            "incorporated_on": "2001-05-04",
            "location_precision": "postcode",
            "description": "",
            "activities": [],
        },
    )
    org = linking.create_organisation(session, outcome.record, T0)
    assert (org.name, org.postcode, org.status) == (
        "The Bicycle Kitchen",
        "OX4 1DD",
        OrganisationStatus.DISSOLVED,
    )
    assert org.incorporated_on == date(2001, 5, 4)
    assert org.location_precision is LocationPrecision.POSTCODE
    assert org.sort_name == "bicycle kitchen"
    assert outcome.record.organisation_id == org.id
    provenance = session.scalars(
        select(FieldProvenance).where(FieldProvenance.organisation_id == org.id)
    ).all()
    # Blank values supply nothing, so they have no provenance.
    assert {p.field for p in provenance} == {
        "name",
        "postcode",
        "status",
        "incorporated_on",
        "location_precision",
    }
    assert all(p.source == "unit" and p.source_record_id == outcome.record.id for p in provenance)


def test_create_organisation_requires_a_name(session: Session) -> None:
    outcome = upsert(session, {"postcode": "OX4 1DD"})
    with pytest.raises(InvalidInput) as caught:
        linking.create_organisation(session, outcome.record, T0)
    assert caught.value.field == "name"


def test_slugs_stay_unique_for_shared_names(session: Session) -> None:
    first = make_organisation(session, name="Quince Village Shop Limited", locality="Winsham")
    second = make_organisation(session, name="Quince Village Shop Limited", locality="Chard")
    third = make_organisation(session, name="Quince Village Shop Limited", locality="Chard")
    assert first.slug == "quince-village-shop-limited"
    assert second.slug == "quince-village-shop-limited-chard"
    assert third.slug == "quince-village-shop-limited-2"
    assert len({first.public_id, second.public_id, third.public_id}) == 3


def test_public_ids_are_twelve_unambiguous_characters(session: Session) -> None:
    org: Organisation = make_organisation(session)
    assert len(org.public_id) == 12
    assert set(org.public_id) <= set("0123456789abcdefghjkmnpqrstvwxyz")
