"""Approved submissions as community source records: new entries, edits, locked identity, stickiness."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Organisation, SourceRecord
from app.domain.enums import Visibility
from app.domain.errors import NotFound
from app.services import community
from app.services.comparison import compare_submission
from tests.factories import MATCH_CONFIG, store_records

REGISTER = {
    "name": "Lanternfield Housing Co-operative Limited",
    "postcode": "LS6 1AA",
    "fca_number": "IP4242R",
    "status": "active",
    "phone": "0113 000000",
}


def organisations(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Organisation)) or 0)


def test_a_new_entry_becomes_a_public_organisation(session: Session) -> None:
    before = organisations(session)
    organisation = community.publish(
        session,
        submission_id="sub1",
        values={"name": "Bramblegate Bike Kitchen", "postcode": "M1 1AA", "description": "Fix your bike"},
        organisation_id=None,
        config=MATCH_CONFIG,
        actor="test",
    )
    assert organisation.name == "Bramblegate Bike Kitchen"
    assert organisation.visibility is Visibility.PUBLIC
    assert organisations(session) == before + 1


def test_an_edit_wins_descriptive_fields_but_the_register_keeps_the_legal_name(session: Session) -> None:
    store_records(session, "fca", {"L1": REGISTER})
    organisation_id = session.scalars(
        select(SourceRecord.organisation_id).where(SourceRecord.source_id == "L1")
    ).one()
    assert organisation_id is not None
    before = organisations(session)
    edited = community.publish(
        session,
        submission_id="sub2",
        values={
            "name": "Lanternfield Co-op",
            "fca_number": "IP9999R",
            "status": "dissolved",
            "description": "Twelve homes, one garden",
            "phone": "0113 111111",
            "areas_served": "Leeds",
        },
        organisation_id=organisation_id,
        config=MATCH_CONFIG,
        actor="test",
    )
    assert edited.id == organisation_id
    assert organisations(session) == before, "an edit never makes a new organisation"
    assert (edited.name, edited.fca_number, edited.status.value) == (REGISTER["name"], "IP4242R", "active")
    assert (edited.description, edited.phone) == ("Twelve homes, one garden", "0113 111111")
    assert "Lanternfield Co-op" in edited.other_names
    # A second edit replaces the same community record, and a re-ingest keeps it with the organisation.
    community.publish(
        session,
        submission_id="sub3",
        values={"name": "Lanternfield Co-op", "description": "Thirteen homes"},
        organisation_id=organisation_id,
        config=MATCH_CONFIG,
        actor="test",
    )
    store_records(session, "fca", {"L1": REGISTER | {"postcode": "LS6 2BB"}})
    own = session.scalars(
        select(SourceRecord).where(
            SourceRecord.source == "community", SourceRecord.organisation_id == organisation_id
        )
    ).all()
    assert [record.source_id for record in own] == ["sub2"]
    final = session.get(Organisation, organisation_id)
    assert final is not None
    session.refresh(final)
    assert final.description == "Thirteen homes"


def test_history_shows_edits_and_revert_restores_the_previous_values(session: Session) -> None:
    store_records(session, "fca", {"L1": REGISTER | {"description": "From the register"}})
    organisation_id = session.scalars(
        select(SourceRecord.organisation_id).where(SourceRecord.source_id == "L1")
    ).one()
    assert organisation_id is not None
    first = community.publish(
        session,
        submission_id="e1",
        values={"name": "Lanternfield Co-op", "description": "First words"},
        organisation_id=organisation_id,
        config=MATCH_CONFIG,
        actor="moderator@example.org",
    )
    community.publish(
        session,
        submission_id="e2",
        values={"name": "Lanternfield Co-op", "description": "Second words"},
        organisation_id=organisation_id,
        config=MATCH_CONFIG,
        actor="moderator@example.org",
    )
    events = community.history(session, first.public_id)
    assert [event.action for event in events] == ["organisation.edited", "organisation.edited"]
    assert events[0].data["before"]["description"] == "First words"
    assert events[0].data["after"]["description"] == "Second words"
    assert events[1].data["before"] is None

    reverted = community.revert(
        session, first.public_id, events[0].id, config=MATCH_CONFIG, actor="admin", reason="spam"
    )
    assert reverted.description == "First words"
    # Reverting the first edit removes the community record: the register's text comes back.
    again = community.revert(session, first.public_id, events[1].id, config=MATCH_CONFIG, actor="admin")
    session.refresh(again)
    assert again.description == "From the register"
    assert community.history(session, first.public_id)[0].action == "organisation.reverted"


def test_revert_of_an_unknown_event_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        community.revert(session, "nope", 999999, config=MATCH_CONFIG, actor="admin")


def test_a_submission_compares_with_the_organisation_and_its_register(session: Session) -> None:
    store_records(session, "fca", {"L1": REGISTER})
    organisation_id = session.scalars(
        select(SourceRecord.organisation_id).where(SourceRecord.source_id == "L1")
    ).one()
    rows = {
        row.field: row
        for row in compare_submission(
            session, {"name": "Lanternfield Co-op", "phone": "0113 000000"}, organisation_id
        )
    }
    assert (rows["name"].current, rows["name"].register, rows["name"].locked) == (
        REGISTER["name"],
        REGISTER["name"],
        True,
    )
    assert rows["phone"].changed is False
    assert [row.field for row in compare_submission(session, {"name": "X"}, None)] == ["name"]
