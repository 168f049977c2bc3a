"""FCA society list: the sample fixture, the BEIS layout, the kind filter, addresses and statuses."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.sources import load_source
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow, SkippedRow
from ingest.sources.fca import FcaSource, organisational_structure, split_address

TEST_DATA = Path(__file__).resolve().parents[2] / "data" / "fca"
SAMPLE = TEST_DATA / "SocietyList-sample.csv"
BEIS = TEST_DATA / "SocietyList-beis-2022.csv"
HEADER = (
    "Society Number,Society Suffix,Full Registation Number,Society Name,Registered As,Society Address,"
    "Registration Date,Deregistration Date,Registration Act,Standard Industrial Classification Code (SIC),"
    "Reporting Classification,Society Status"
)
CCBS = "Co-operative and Community Benefit Societies Act 2014"


def society(
    number: str = "7334",
    suffix: str = "CBS",
    full: str = "7334CBS",
    name: str = "Riverside Community Energy Limited",
    registered_as: str = "Community Benefit Society",
    address: str = '"Unit 4, Mill Yard, Hebden Bridge, HX7 8AD"',
    registered: str = "14/03/2016",
    deregistered: str = "",
    act: str = CCBS,
    sic: str = "35110",
    status: str = "Registered",
) -> str:
    return ",".join(
        [
            number,
            suffix,
            full,
            name,
            registered_as,
            address,
            registered,
            deregistered,
            act,
            sic,
            "Energy",
            status,
        ]
    )


def fca_csv(*rows: str, header: str = HEADER) -> bytes:
    return "\r\n".join([header, *rows, ""]).encode()


@pytest.fixture
def settings(source_settings: Callable[..., Settings]) -> Settings:
    return source_settings()


def parse(data: bytes, settings: Settings) -> list[ParseResult]:
    return list(FcaSource(settings).parse(data))


def by_id(results: list[ParseResult]) -> dict[str | None, ParseResult]:
    return {result.source_id: result for result in results}


def test_load_source_finds_fca() -> None:
    assert load_source("fca") is FcaSource


def test_locate_returns_configured_url(source_settings: Callable[..., Settings]) -> None:
    settings = source_settings(fca_url="https://example.org/SocietyList.csv")
    with httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(500))) as client:
        assert FcaSource(settings).locate(client) == "https://example.org/SocietyList.csv"


def test_sample_fixture_has_the_real_layout() -> None:
    data = SAMPLE.read_bytes()
    assert data.startswith(HEADER.encode() + b"\r\n")
    assert data.count(b"\r\n") == data.count(b"\n") == 41


def test_parse_sample_counts_records_skips_and_rejects(settings: Settings) -> None:
    results = parse(SAMPLE.read_bytes(), settings)
    assert Counter(type(result) for result in results) == {
        ParsedRecord: 34,
        SkippedRow: 5,
        RejectedRow: 1,
    }
    assert [result.row_number for result in results if not isinstance(result, ParsedRecord)] == [
        8,
        9,
        10,
        12,
        32,
        33,
    ]


def test_parse_sample_maps_a_community_benefit_society(settings: Settings) -> None:
    parsed = by_id(parse(SAMPLE.read_bytes(), settings))["7334CBS"]
    assert isinstance(parsed, ParsedRecord)
    assert parsed.status_in_source == "registered"
    assert parsed.raw["Reporting Classification"] == "Energy generation and supply"
    assert parsed.fields == {
        "name": "Riverside Community Energy Limited",
        "legal_form": "Society",
        "fca_number": "7334CBS",
        "organisational_structure": "Community Benefit Society / Industrial and Provident Society (IPS)",
        "sic_code": "35110",
        "street_address": "Unit 4, Mill Yard",
        "locality": "Hebden Bridge",
        "postcode": "HX7 8AD",
        "incorporated_on": "2016-03-14",
        "dissolved_on": None,
        "status": "active",
    }


SAMPLE_CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "31245R",
        {"organisational_structure": "Community Benefit Society / Industrial and Provident Society (IPS)"},
    ),
    ("4242CS", {"organisational_structure": "Cooperative", "street_address": "Flat 2, 88 Canal Street"}),
    ("500C", {"organisational_structure": "Mutual", "locality": "Cornwall"}),
    ("14CUS", {"organisational_structure": "Mutual"}),
    (
        "IP000412",
        {"fca_number": "IP000412", "organisational_structure": "Cooperative", "postcode": "BT32 3EH"},
    ),
    ("CU000069", {"organisational_structure": "Mutual", "incorporated_on": "1988-10-03"}),
    ("2059RS", {"status": "dissolved", "dissolved_on": "2011-08-12", "sic_code": "03110"}),
    (
        "7403CBS",
        {"postcode": None, "street_address": "The Old Forge, Church Lane", "locality": "Little Wenham"},
    ),
    ("7401CBS", {"fca_number": "7401CBS", "name": "Sandling Bay Swimming Pool Limited"}),
    ("7336CBS", {"fca_number": "7336CBS"}),
    ("7455CBS", {"street_address": "5 Bridge Street Totnes", "locality": None, "postcode": "TQ9 5AA"}),
    ("4388CS", {"locality": "Oxford", "postcode": "OX4 3NH"}),
    ("22918R", {"name": "Hope, Faith and Charity Housing Co-operative Limited"}),
    ("22918R", {"street_address": '"Hope House", 9 Tenter Lane', "locality": "Sheffield"}),
    ("28455R", {"sic_code": None, "status": "dissolved", "dissolved_on": "2016-09-30"}),
    ("4611CS", {"sic_code": None}),
    ("19876R", {"status": "dissolved"}),
]


@pytest.mark.parametrize(("source_id", "expected"), SAMPLE_CASES)
def test_parse_sample_maps_row(settings: Settings, source_id: str, expected: dict[str, Any]) -> None:
    parsed = by_id(parse(SAMPLE.read_bytes(), settings))[source_id]
    assert isinstance(parsed, ParsedRecord)
    assert {key: parsed.fields[key] for key in expected} == expected


def test_parse_sample_status_in_source_is_the_status_lower_cased(settings: Settings) -> None:
    records = [r for r in parse(SAMPLE.read_bytes(), settings) if isinstance(r, ParsedRecord)]
    assert Counter(r.status_in_source for r in records) == {
        "registered": 30,
        "deregistered": 3,
        "cancelled": 1,
    }


def test_parse_unknown_status_is_dissolved_and_logged_once(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    data = fca_csv(society(status="Cancelled"), society(full="7335CBS", status="Cancelled"))
    with caplog.at_level(logging.WARNING, logger="ingest.sources.fca"):
        results = parse(data, settings)
    assert [r.fields["status"] for r in results if isinstance(r, ParsedRecord)] == ["dissolved", "dissolved"]
    assert [record.getMessage() for record in caplog.records] == [
        "FCA row 1: unknown Society Status 'cancelled' treated as dissolved"
    ]


def test_parse_sample_broken_date_is_rejected_naming_column_and_value(settings: Settings) -> None:
    rejected = by_id(parse(SAMPLE.read_bytes(), settings))["7402CBS"]
    assert isinstance(rejected, RejectedRow)
    assert rejected.row_number == 12
    assert rejected.reason.startswith("bad Registration Date: not a real calendar date")
    assert "'31/02/2015'" in rejected.reason


def test_parse_sample_skips_building_and_friendly_societies(settings: Settings) -> None:
    skipped = [r for r in parse(SAMPLE.read_bytes(), settings) if isinstance(r, SkippedRow)]
    assert [r.source_id for r in skipped] == ["1234B", "123F", "455FS", "240F", "1456B"]
    assert skipped[0].reason == (
        "Registered As 'Building Society' under 'Building Societies Act 1986' is not imported "
        "(excluded kind 'building societ')"
    )
    assert "(excluded kind 'friendly societ')" in skipped[1].reason


@pytest.mark.parametrize(
    ("overrides", "registered_as", "act", "imported"),
    [
        ({}, "Registered Society", "Industrial and Provident Societies Act 1965", True),
        ({}, "Registered Society", "Friendly Societies Act 1974", False),
        ({}, "Working Mens Club", "Some Other Act", False),
        (
            {"fca_include": ["building society"], "fca_exclude": []},
            "Building Society",
            "Building Societies Act 1986",
            True,
        ),
        ({"fca_include": ["CREDIT UNION"]}, "Credit Union", "Credit Unions Act 1979", True),
        ({"fca_include": ["credit union"]}, "Co-operative Society", CCBS, False),
        ({"fca_exclude": ["credit union"]}, "Credit Union", "Credit Unions Act 1979", False),
    ],
)
def test_parse_filter_follows_settings(
    source_settings: Callable[..., Settings],
    overrides: dict[str, list[str]],
    registered_as: str,
    act: str,
    imported: bool,
) -> None:
    (result,) = parse(fca_csv(society(registered_as=registered_as, act=act)), source_settings(**overrides))
    assert isinstance(result, ParsedRecord) is imported
    if not imported:
        assert isinstance(result, SkippedRow)
        assert result.reason.startswith(f"Registered As {registered_as!r} under {act!r} is not imported")


def test_parse_beis_layout_with_corrected_header(settings: Settings) -> None:
    results = parse(BEIS.read_bytes(), settings)
    assert [type(result) for result in results] == [ParsedRecord, ParsedRecord, ParsedRecord, SkippedRow]
    credit_union = results[2]
    assert isinstance(credit_union, ParsedRecord)
    assert credit_union.source_id == "612C"
    assert credit_union.fields["sic_code"] is None
    assert (credit_union.fields["status"], credit_union.fields["dissolved_on"]) == ("dissolved", "2017-02-28")


@pytest.mark.parametrize(
    ("row", "result"),
    [
        (
            society(full="", number="", suffix=""),
            RejectedRow(
                1,
                "no usable registration number "
                "(Full Registation Number '', Society Number and Society Suffix '')",
            ),
        ),
        (society(name=""), RejectedRow(1, "no Society Name", "7334CBS")),
        (society() + ",surplus", RejectedRow(1, "13 fields where the header has 12", "7334CBS")),
    ],
)
def test_parse_unusable_row_is_rejected(settings: Settings, row: str, result: RejectedRow) -> None:
    assert parse(fca_csv(row), settings) == [result]


def test_parse_repeated_number_rejects_the_second_row(settings: Settings) -> None:
    results = parse(fca_csv(society(), society(full="07334CBS")), settings)
    assert results[1] == RejectedRow(2, "duplicate registration number 7334CBS (first at row 1)", "7334CBS")


@pytest.mark.parametrize("header", [HEADER.replace("Registation", "Registration"), HEADER])
def test_parse_accepts_both_spellings_of_full_number(settings: Settings, header: str) -> None:
    (result,) = parse(fca_csv(society(), header=header), settings)
    assert result.source_id == "7334CBS"


def test_parse_without_full_number_column_raises_source_error(settings: Settings) -> None:
    header = HEADER.replace("Full Registation Number", "Number")
    with pytest.raises(SourceError, match="'Full Registation Number' or 'Full Registration Number'"):
        parse(fca_csv(society(), header=header), settings)


def test_parse_old_lower_case_layout_raises_source_error_naming_columns(settings: Settings) -> None:
    with pytest.raises(SourceError, match="missing column\\(s\\) 'Society Number', 'Society Suffix'"):
        parse(b"societynumber,organisationname,address\r\n7334,Riverside,Hebden Bridge\r\n", settings)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (
            "33 High Street, Oxford, Oxfordshire, OX1 4AA",
            ("33 High Street, Oxford", "Oxfordshire", "OX1 4AA"),
        ),
        ("33 High Street, Oxford OX1 4AA", ("33 High Street", "Oxford", "OX1 4AA")),
        ("33 High Street, Oxford, OX14AA.", ("33 High Street", "Oxford", "OX1 4AA")),
        ("The Old Forge, Church Lane, Little Wenham", ("The Old Forge, Church Lane", "Little Wenham", None)),
        ("Sea Road, , Sandling,", ("Sea Road", "Sandling", None)),
        ("Pier Road", ("Pier Road", None, None)),
        ("KA27 8HL", (None, None, "KA27 8HL")),
        ("", (None, None, None)),
        (None, (None, None, None)),
    ],
)
def test_split_address_takes_postcode_then_locality(
    address: str | None, expected: tuple[str | None, str | None, str | None]
) -> None:
    assert split_address(address) == expected


@pytest.mark.parametrize(
    ("registered_as", "act", "expected"),
    [
        ("Credit Union", "Credit Unions Act 1979", "Mutual"),
        ("Registered Society", "The Credit Unions (Northern Ireland) Order 1985", "Mutual"),
        ("Co-operative Society", CCBS, "Cooperative"),
        (
            "Community Benefit Society",
            CCBS,
            "Community Benefit Society / Industrial and Provident Society (IPS)",
        ),
        ("Registered Society", CCBS, "Community Benefit Society / Industrial and Provident Society (IPS)"),
    ],
)
def test_organisational_structure_by_kind(registered_as: str, act: str, expected: str) -> None:
    assert organisational_structure(registered_as, act) == expected
