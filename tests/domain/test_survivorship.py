"""Survivorship rules, one table row per rule, plus order independence."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.survivorship import RecordView, survive

OLD = datetime(2017, 6, 1, tzinfo=UTC)
NEW = datetime(2023, 6, 1, tzinfo=UTC)


def record(
    number: int, source: str, seen_at: datetime = OLD, present: bool = True, **fields: Any
) -> RecordView:
    return RecordView(
        id=number, source=source, source_id=f"S{number}", fields=fields, seen_at=seen_at, present=present
    )


CASES: list[tuple[str, list[RecordView], str, Any, int | None]] = [
    (
        "the register owns the legal name even against fresher community data",
        [
            record(1, "coops-uk", name="Oxford Food Co-operative Limited"),
            record(2, "community", NEW, name="Oxford Food Coop"),
        ],
        "name",
        "Oxford Food Co-operative Limited",
        1,
    ),
    (
        "the register owns the status",
        [record(1, "fca", status="dissolved"), record(2, "community", NEW, status="active")],
        "status",
        "dissolved",
        1,
    ),
    (
        "community data wins descriptive fields against a fresher register",
        [
            record(1, "coops-uk", NEW, description="From the register"),
            record(2, "community", OLD, description="In our own words"),
        ],
        "description",
        "In our own words",
        2,
    ),
    (
        "community data fills an identity gap when no register supplies it",
        [
            record(1, "digitalcommons:oxford", name="Bike Kitchen"),
            record(2, "community", name="The Bike Kitchen"),
        ],
        "name",
        "The Bike Kitchen",
        2,
    ),
    (
        "fresher beats older among equals",
        [
            record(1, "coops-uk", OLD, website="https://old.example"),
            record(2, "digitalcommons:oxford", NEW, website="https://new.example"),
        ],
        "website",
        "https://new.example",
        2,
    ),
    (
        "a record still listed beats one gone missing, however fresh",
        [
            record(1, "coops-uk", NEW, present=False, phone="01865 000000"),
            record(2, "coops-uk", OLD, phone="01865 111111"),
        ],
        "phone",
        "01865 111111",
        2,
    ),
    (
        "the rank of the source breaks a tie of freshness",
        [record(1, "demo", phone="0"), record(2, "coops-uk", phone="1")],
        "phone",
        "1",
        2,
    ),
    (
        "an empty value never wins",
        [record(1, "community", NEW, website=""), record(2, "coops-uk", OLD, website="https://a.example")],
        "website",
        "https://a.example",
        2,
    ),
    (
        "an unknown value stays unknown",
        [record(1, "coops-uk", name="A")],
        "website",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("why", "records", "field", "expected", "origin"), CASES, ids=[c[0] for c in CASES])
def test_survivorship_rules(
    why: str, records: list[RecordView], field: str, expected: Any, origin: int | None
) -> None:
    survivor = survive(records)
    assert survivor.values.get(field) == expected, why
    assert (survivor.origins[field].record_id if field in survivor.origins else None) == origin


def test_location_comes_whole_from_one_record() -> None:
    register = record(1, "coops-uk", NEW, postcode="OX4 1DD", locality="Oxford")
    community = record(2, "community", OLD, postcode="OX1 1AA", latitude=51.75, longitude=-1.26)
    survivor = survive([register, community])
    assert survivor.values["postcode"] == "OX1 1AA"
    assert survivor.values["latitude"] == 51.75
    # The register's locality belongs to another address: it must not sit beside the community postcode.
    assert "locality" not in survivor.values
    assert {survivor.origins[name].record_id for name in ("postcode", "latitude", "longitude")} == {2}


def test_email_and_its_consent_come_from_one_record() -> None:
    survivor = survive(
        [
            record(1, "community", OLD, email="hello@coop.example", email_consent=True),
            record(2, "digitalcommons:oxford", NEW, email="old@coop.example", email_consent=False),
        ]
    )
    assert (survivor.values["email"], survivor.values["email_consent"]) == ("hello@coop.example", True)


def test_other_names_gather_every_other_name_once() -> None:
    survivor = survive(
        [
            record(1, "coops-uk", name="Oxford Food Co-operative Limited", other_names=["OFC"]),
            record(2, "digitalcommons:oxford", name="Oxford Food Coop"),
            record(3, "community", name="oxford food coop", other_names=["Oxford Food Co-operative Limited"]),
        ]
    )
    assert survivor.values["name"] == "Oxford Food Co-operative Limited"
    assert survivor.values["other_names"] == ["oxford food coop", "OFC"]


def test_survivorship_needs_a_record() -> None:
    with pytest.raises(ValueError, match="at least one record"):
        survive([])


SOURCES = ["coops-uk", "fca", "community", "digitalcommons:x", "demo"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(SOURCES),
            st.sampled_from([OLD, NEW]),
            st.booleans(),
            st.sampled_from(["A", "B", "", None]),
            st.sampled_from(["AB1 2CD", "EF3 4GH", None]),
        ),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
)
def test_survivorship_does_not_depend_on_the_order_of_records(
    rows: list[tuple[str, datetime, bool, str | None, str | None]], rng: Any
) -> None:
    records = [
        record(n, source, seen, present, name=name or f"Org {n}", description=name, postcode=postcode)
        for n, (source, seen, present, name, postcode) in enumerate(rows)
    ]
    shuffled = list(records)
    rng.shuffle(shuffled)
    assert survive(shuffled) == survive(records)


def test_a_bare_town_survives_when_no_record_has_a_postcode() -> None:
    survivor = survive([record(1, "coops-uk", locality="Oxford"), record(2, "demo", region="South East")])
    assert survivor.values["locality"] == "Oxford"
    assert "region" not in survivor.values


FIELD_VALUES = {
    "name": st.sampled_from(["Oxford Food Co-operative Limited", "", None]),
    "fca_number": st.sampled_from(["IP12345R", None]),
    "email": st.sampled_from(["hello@food.example", None]),
    "email_consent": st.sampled_from([True, False, None]),
    "postcode": st.sampled_from(["OX4 1DD", "", None]),
    "locality": st.sampled_from(["Oxford", None]),
    "latitude": st.sampled_from([51.75, None]),
    "description": st.sampled_from(["Food for all", "", None]),
    "other_names": st.sampled_from([["Food Coop"], [], None]),
}


@given(
    st.sampled_from(SOURCES),
    st.sampled_from([OLD, NEW]),
    st.booleans(),
    st.fixed_dictionaries({}, optional=FIELD_VALUES),
)
def test_one_record_survives_as_the_general_rules_would_have_it(
    source: str, seen: datetime, present: bool, fields: dict[str, Any]
) -> None:
    """One record takes a shortcut; beside a record that supplies nothing and always loses, it agrees."""
    only = record(1, source, seen, present, **fields)
    nothing = record(2, "demo", datetime(2000, 1, 1, tzinfo=UTC), False)
    alone = survive([only])
    assert alone == survive([only, nothing])
    supplied = {k: v for k, v in fields.items() if k != "other_names" and v not in (None, "", [])}
    assert {k: v for k, v in alone.values.items() if k != "other_names"} == supplied
    assert {origin.record_id for origin in alone.origins.values()} <= {1}
