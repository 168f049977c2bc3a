"""Matching in the database, on both engines: merges, review pairs, stickiness, survivorship, stability."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import FieldProvenance, MatchDecision, Organisation, SourceRecord
from app.domain.enums import MatchDecisionKind, Visibility
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.services import match_decisions
from app.services.matching import rematch
from tests.factories import MATCH_CONFIG, store_records

CONFIG = MATCH_CONFIG

OXFORD_FOOD = {"name": "Oxford Food Co-operative Limited", "postcode": "OX4 1DD", "fca_number": "IP12345R"}
OXFORD_FOOD_EXPORT = {
    "name": "Oxford Food Coop",
    "postcode": "OX4 1DD",
    "description": "Wholefoods by bike",
    "website": "https://oxfordfood.example",
}


def org_of(session: Session, source: str, source_id: str) -> Organisation:
    record = session.scalars(
        select(SourceRecord).where(SourceRecord.source == source, SourceRecord.source_id == source_id)
    ).one()
    organisation = session.get(Organisation, record.organisation_id)
    assert organisation is not None
    return organisation


def pairs_of(session: Session, source: str, source_id: str) -> list[MatchDecision]:
    """Stored pairs touching one record (the shared test database also holds the demo data)."""
    record_id = session.scalar(
        select(SourceRecord.id).where(SourceRecord.source == source, SourceRecord.source_id == source_id)
    )
    return list(
        session.scalars(
            select(MatchDecision).where(
                (MatchDecision.left_record_id == record_id) | (MatchDecision.right_record_id == record_id)
            )
        )
    )


def public_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(Organisation.visibility == Visibility.PUBLIC)) or 0)


def test_a_trading_name_in_an_export_merges_with_its_register_record(session: Session) -> None:
    baseline = public_count(session)
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD})
    register_org = org_of(session, "coops-uk", "R1").public_id
    report = store_records(session, "digitalcommons:oxford", {"D1": OXFORD_FOOD_EXPORT})
    organisation = org_of(session, "digitalcommons:oxford", "D1")
    assert organisation.public_id == register_org, "the register's organisation keeps its identity"
    assert report.organisations_merged_away == 1
    assert organisation.name == "Oxford Food Co-operative Limited"
    assert organisation.description == "Wholefoods by bike"
    assert "Oxford Food Coop" in organisation.other_names
    assert public_count(session) == baseline + 1
    provenance = {
        p.field: p.source
        for p in session.scalars(
            select(FieldProvenance).where(FieldProvenance.organisation_id == organisation.id)
        )
    }
    assert provenance["name"] == "coops-uk"
    assert provenance["description"] == "digitalcommons:oxford"
    [pair] = pairs_of(session, "digitalcommons:oxford", "D1")
    assert pair.decision is MatchDecisionKind.AUTO_MERGED
    assert pair.score >= 0.95
    assert pair.features["rule"]
    assert pair.features["bits"]["name"] > 0


def test_re_running_writes_nothing_and_keeps_every_identifier(session: Session) -> None:
    store_records(
        session,
        "coops-uk",
        {"R1": OXFORD_FOOD, "R2": {"name": "Bristol Bike Project", "postcode": "BS2 0QN"}},
    )
    store_records(session, "digitalcommons:oxford", {"D1": OXFORD_FOOD_EXPORT})
    before = {(o.public_id, o.slug, o.version) for o in session.scalars(select(Organisation))}
    report = rematch(session, CONFIG, full=True)
    assert (report.records_moved, report.organisations_updated, report.pairs_written) == (0, 0, 0)
    assert (report.organisations_created, report.organisations_merged_away) == (0, 0)
    assert {(o.public_id, o.slug, o.version) for o in session.scalars(select(Organisation))} == before


def test_two_societies_sharing_a_name_with_different_numbers_stay_apart(session: Session) -> None:
    baseline = public_count(session)
    winsham = {"name": "Winsham Shop Limited", "postcode": "TA20 4HU"}
    store_records(
        session,
        "fca",
        {"F1": winsham | {"fca_number": "IP29841R"}, "F2": winsham | {"fca_number": "IP31250R"}},
    )
    assert org_of(session, "fca", "F1").id != org_of(session, "fca", "F2").id
    assert public_count(session) == baseline + 2


def test_a_grey_band_pair_is_queued_with_its_explanation(session: Session) -> None:
    store_records(
        session, "coops-uk", {"R1": {"name": "Quernstone Bread Co-operative Limited", "postcode": "NN4 7AD"}}
    )
    store_records(session, "digitalcommons:x", {"D1": {"name": "Quernstone Bakery", "postcode": "NN4 7AD"}})
    queued = [v for v in match_decisions.queue(session, limit=1000) if v.left.source_id in ("R1", "D1")]
    assert len(queued) == 1
    view = queued[0]
    assert view.decision is MatchDecisionKind.PENDING_REVIEW
    assert 0.5 <= view.score < 0.95
    assert {view.left.source, view.right.source} == {"coops-uk", "digitalcommons:x"}
    assert view.contributions
    assert view.features
    assert org_of(session, "coops-uk", "R1").id != org_of(session, "digitalcommons:x", "D1").id


def test_not_the_same_splits_a_merge_and_survives_every_re_ingest(session: Session) -> None:
    baseline = public_count(session)
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD})
    store_records(session, "digitalcommons:oxford", {"D1": OXFORD_FOOD_EXPORT})
    [pair] = pairs_of(session, "coops-uk", "R1")
    match_decisions.decide(session, pair.id, False, config=CONFIG, actor="test", reason="two shops")
    assert org_of(session, "coops-uk", "R1").id != org_of(session, "digitalcommons:oxford", "D1").id
    # A re-ingest with changed content runs matching again: the human decision holds.
    store_records(
        session, "digitalcommons:oxford", {"D1": OXFORD_FOOD_EXPORT | {"description": "Now on Cowley Road"}}
    )
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD})
    assert org_of(session, "coops-uk", "R1").id != org_of(session, "digitalcommons:oxford", "D1").id
    [decision] = pairs_of(session, "coops-uk", "R1")
    session.refresh(decision)
    assert (decision.decision, decision.reason) == (MatchDecisionKind.REJECTED, "two shops")
    assert public_count(session) == baseline + 2


def test_merge_is_sticky_and_the_old_identifier_points_to_the_survivor(session: Session) -> None:
    store_records(session, "coops-uk", {"R1": {"name": "Aurorascope Bakery Limited", "postcode": "M1 1AA"}})
    store_records(session, "digitalcommons:x", {"D1": {"name": "Moonrise Loaves", "postcode": "M60 2BB"}})
    first, second = org_of(session, "coops-uk", "R1"), org_of(session, "digitalcommons:x", "D1")
    assert first.id != second.id
    match_decisions.merge(session, first.public_id, second.public_id, config=CONFIG, actor="test")
    survivor = org_of(session, "coops-uk", "R1")
    assert org_of(session, "digitalcommons:x", "D1").id == survivor.id
    gone = session.get(Organisation, second.id if survivor.id == first.id else first.id)
    assert gone is not None
    assert (gone.merged_into_id, gone.visibility) == (survivor.id, Visibility.HIDDEN)
    store_records(session, "digitalcommons:x", {"D1": {"name": "Moonrise Loaves", "postcode": "M60 2BC"}})
    assert org_of(session, "digitalcommons:x", "D1").id == survivor.id


def test_a_merge_a_rule_forbids_is_refused(session: Session) -> None:
    store_records(
        session,
        "fca",
        {
            "F1": {"name": "A Limited", "fca_number": "IP1R"},
            "F2": {"name": "B Limited", "fca_number": "IP2R"},
        },
    )
    first, second = org_of(session, "fca", "F1").public_id, org_of(session, "fca", "F2").public_id
    with pytest.raises(Conflict, match="cannot merge"):
        match_decisions.merge(session, first, second, config=CONFIG, actor="test")


def test_split_takes_a_record_out_for_good(session: Session) -> None:
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD})
    store_records(session, "digitalcommons:oxford", {"D1": OXFORD_FOOD_EXPORT})
    organisation = org_of(session, "coops-uk", "R1")
    match_decisions.split(
        session, organisation.public_id, "digitalcommons:oxford:D1", config=CONFIG, actor="test"
    )
    assert org_of(session, "coops-uk", "R1").public_id == organisation.public_id
    split_off = org_of(session, "digitalcommons:oxford", "D1")
    assert split_off.id != organisation.id
    assert split_off.visibility is Visibility.PUBLIC
    assert split_off.name == "Oxford Food Coop"
    # The register's organisation no longer carries the export's description.
    assert org_of(session, "coops-uk", "R1").description is None
    rematch(session, CONFIG, full=True)
    assert org_of(session, "digitalcommons:oxford", "D1").id == split_off.id


@pytest.mark.parametrize(
    ("organisation", "record", "error"),
    [
        ("nope", "coops-uk:R1", NotFound),
        (None, "coops-uk:R404", NotFound),
        (None, "coops-uk:R2", InvalidInput),
        (None, "coops-uk:R1", InvalidInput),
    ],
)
def test_split_refuses_bad_input(
    session: Session, organisation: str | None, record: str, error: type[Exception]
) -> None:
    store_records(
        session, "coops-uk", {"R1": OXFORD_FOOD, "R2": {"name": "Other Limited", "postcode": "AB1 2CD"}}
    )
    ident = organisation or org_of(session, "coops-uk", "R1").public_id
    with pytest.raises(error):
        match_decisions.split(session, ident, record, config=CONFIG, actor="test")


def test_community_data_wins_descriptive_fields_but_not_the_legal_name(session: Session) -> None:
    store_records(
        session, "coops-uk", {"R1": OXFORD_FOOD | {"description": "Register text", "phone": "01865 000000"}}
    )
    organisation = org_of(session, "coops-uk", "R1")
    store_records(
        session,
        "community",
        {"S1": {"name": "Oxford Food Coop", "description": "Our words"}},
        S1={"coops-uk": "R1"},
    )
    merged = org_of(session, "community", "S1")
    assert merged.id == organisation.id
    assert (merged.name, merged.description, merged.phone) == (
        OXFORD_FOOD["name"],
        "Our words",
        "01865 000000",
    )


def test_geocoded_coordinates_stay_while_the_postcode_is_unchanged(session: Session) -> None:
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD})
    organisation = org_of(session, "coops-uk", "R1")
    organisation.latitude, organisation.longitude = 51.74, -1.21
    session.add(
        FieldProvenance(
            organisation_id=organisation.id, field="latitude", source="geocoder", observed_at=utcnow()
        )
    )
    session.flush()
    rematch(session, CONFIG, full=True)
    assert org_of(session, "coops-uk", "R1").latitude == 51.74
    store_records(session, "coops-uk", {"R1": OXFORD_FOOD | {"postcode": "OX1 1AA"}})
    assert org_of(session, "coops-uk", "R1").latitude is None, "a new postcode needs geocoding again"
