"""Digital Commons standard CSV: both variants, vocabulary labels, coordinates, links, real files."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.sources import load_source
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow
from ingest.sources.digitalcommons import DigitalCommonsSource
from ingest.sources.vocab import ESSGLOBAL, load_vocab

COMMON = [
    "Identifier", "Name", "Description", "Organisational Structure", "Primary Activity", "Activities",
    "Street Address", "Locality", "Region", "Postcode", "Country ID", "Territory ID", "Website", "Phone",
    "Email", "Twitter", "Facebook", "Companies House Number", "Qualifiers", "Membership Type", "Latitude",
    "Longitude", "Geo Container", "Geo Container Latitude", "Geo Container Longitude",
]  # fmt: skip
COOPSUK_HEADER = [*COMMON, "Sector", "SIC Section", "SIC Code", "Ownership Classification", "Legal Form"]
OBO_HEADER = [*COMMON[:6], "Combined Activities", *COMMON[6:], "Relationship"]
OS = ESSGLOBAL + "organisational-structure/"
ICA = ESSGLOBAL + "activities-ica/"
AM = ESSGLOBAL + "activities-modified/"
BMT = ESSGLOBAL + "base-membership-type/"
# The real example row of the Co-ops UK map file (FORMATS.md 4).
FLORENCE_PARK = {
    "Identifier": "R001970",
    "Name": "Florence Park Social Club",
    "Organisational Structure": OS + "OS130",
    "Primary Activity": ICA + "ICA280",
    "Street Address": "Cornwallis Road",
    "Locality": "Oxford",
    "Region": "Oxfordshire",
    "Postcode": "OX4 3NH",
    "Country ID": "GB",
    "Website": "http://www.florenceparkcommunitycentre.org.uk",
    "Membership Type": BMT + "BMT10",
    "Geo Container": "http://data.ordnancesurvey.co.uk/id/postcodeunit/OX43NH",
    "Geo Container Latitude": "51.734828",
    "Geo Container Longitude": "-1.230588",
    "Sector": "Membership associations, social clubs and trade unions",
    "SIC Section": "Other Service Activities",
    "SIC Code": "94990",
    "Ownership Classification": "Consumers",
    "Legal Form": "Society",
}
SOUTH_OXFORD = {
    "Identifier": "3FInPQhBl8CNx0",
    "Name": "South Oxford Farmers Market",
    "Description": "A weekly market.\nLocal food.",
    "Organisational Structure": f"{OS}OS10;{OS}OS20",
    "Primary Activity": AM + "AM60",
    "Activities": AM + "AM70",
    "Combined Activities": f"{AM}AM60;{AM}AM70",
    "Street Address": "South Oxford Community Centre;Lake Street",
    "Locality": "Oxford",
    "Postcode": "OX1 4RP",
    "Email": "Info@SouthOxfordMarket.org.uk",
    "Latitude": "51.73467",
    "Longitude": "-1.22952",
    "Geo Container Latitude": "51.739299",
    "Geo Container Longitude": "-1.256146",
    "Relationship": "Enterprise or Initiative",
}


def dc_csv(rows: list[dict[str, str]], header: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


@pytest.fixture
def source(source_settings: Callable[..., Settings]) -> DigitalCommonsSource:
    return DigitalCommonsSource(source_settings())


def parse_one(
    source: DigitalCommonsSource,
    base: dict[str, str],
    header: list[str],
    changes: dict[str, str] | None = None,
) -> ParseResult:
    (result,) = source.parse(dc_csv([{**base, **(changes or {})}], header))
    return result


def record(result: ParseResult) -> ParsedRecord:
    assert isinstance(result, ParsedRecord), result
    return result


def test_load_source_finds_digitalcommons() -> None:
    assert load_source("digitalcommons") is DigitalCommonsSource


def test_locate_raises_source_error(source: DigitalCommonsSource) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with (
        httpx.Client(transport=transport) as client,
        pytest.raises(SourceError, match="need --file or --url"),
    ):
        source.locate(client)


def test_parse_coopsuk_variant_maps_every_field(source: DigitalCommonsSource) -> None:
    parsed = record(parse_one(source, FLORENCE_PARK, COOPSUK_HEADER))
    assert (parsed.source_id, parsed.status_in_source) == ("R001970", "live")
    assert parsed.links == {"coops-uk": "R001970"}
    assert parsed.fields == {
        "name": "Florence Park Social Club",
        "description": None,
        "organisational_structure": "Community Benefit Society / Industrial and Provident Society (IPS)",
        "membership_type": "Consumer/Users",
        "activities": ["Other Services"],
        "legal_form": "Society",
        "ownership_type": "Consumers",
        "sector": "Membership associations, social clubs and trade unions",
        "sic_section": "Other Service Activities",
        "sic_code": "94990",
        "companies_house_number": None,
        "website": "http://www.florenceparkcommunitycentre.org.uk",
        "phone": None,
        "email": None,
        "email_consent": None,
        "street_address": "Cornwallis Road",
        "locality": "Oxford",
        "region": "Oxfordshire",
        "postcode": "OX4 3NH",
        "latitude": 51.734828,
        "longitude": -1.230588,
        "location_precision": "postcode",
        "status": "active",
    }


def test_parse_obo_variant_resolves_labels_and_address_lines(source: DigitalCommonsSource) -> None:
    parsed = record(parse_one(source, SOUTH_OXFORD, OBO_HEADER))
    assert parsed.links == {}
    assert parsed.raw["Relationship"] == "Enterprise or Initiative"
    fields = parsed.fields
    assert fields["organisational_structure"] == "Community group (formal or informal)"
    assert fields["activities"] == ["Food", "Goods & Services"]
    assert fields["street_address"] == "South Oxford Community Centre, Lake Street"
    assert fields["description"] == "A weekly market.\nLocal food."
    assert (fields["email"], fields["email_consent"]) == ("Info@southoxfordmarket.org.uk", False)
    assert (fields["latitude"], fields["longitude"], fields["location_precision"]) == (
        51.73467,
        -1.22952,
        "exact",
    )
    assert (fields["legal_form"], fields["sector"], fields["sic_code"]) == (None, None, None)


MAPPING_CASES: list[tuple[dict[str, str], dict[str, Any]]] = [
    ({"Street Address": "Central House\nHermes Road"}, {"street_address": "Central House, Hermes Road"}),
    (
        {"Organisational Structure": f"{OS}OS999;{OS}OS60"},
        {"organisational_structure": "Workers cooperative"},
    ),
    ({"Organisational Structure": f"{OS}OS999"}, {"organisational_structure": None}),
    ({"Primary Activity": "", "Activities": f"{ICA}ICA10;{ICA}ICA10"}, {"activities": ["Agriculture"]}),
    ({"Membership Type": ""}, {"membership_type": None}),
    ({"Companies House Number": "4518100"}, {"companies_house_number": "04518100"}),
    ({"Phone": "+44 (0)1865 123456"}, {"phone": "01865123456"}),
    ({"Phone": "TBC"}, {"phone": None}),
    ({"Email": "not an email"}, {"email": None, "email_consent": None}),
    ({"Website": "javascript:alert(1)"}, {"website": None}),
    ({"Postcode": "OX4"}, {"postcode": None}),
    ({"SIC Code": ""}, {"sic_code": None}),
    ({"Ownership Classification": "None", "Sector": "None"}, {"ownership_type": None, "sector": None}),
    ({"Legal Form": ""}, {"legal_form": None}),
    ({"Identifier": "R12345"}, {"name": "Florence Park Social Club"}),
]


@pytest.mark.parametrize(("changes", "expected"), MAPPING_CASES)
def test_parse_row_maps_columns(
    source: DigitalCommonsSource, changes: dict[str, str], expected: dict[str, Any]
) -> None:
    fields = record(parse_one(source, FLORENCE_PARK, COOPSUK_HEADER, changes)).fields
    assert {key: fields[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"Latitude": "51.7", "Longitude": "-1.2"}, (51.7, -1.2, "exact")),
        ({"Latitude": "51.7", "Longitude": ""}, (51.734828, -1.230588, "postcode")),
        ({"Latitude": "nan", "Longitude": "-1.2"}, (51.734828, -1.230588, "postcode")),
        ({"Latitude": "95", "Longitude": "-1.2"}, (51.734828, -1.230588, "postcode")),
        ({"Geo Container Latitude": "", "Geo Container Longitude": ""}, (None, None, None)),
        ({"Geo Container Latitude": "north", "Geo Container Longitude": "-1.2"}, (None, None, None)),
    ],
)
def test_parse_coordinates_prefer_exact_then_postcode_centroid(
    source: DigitalCommonsSource, columns: dict[str, str], expected: tuple[Any, Any, Any]
) -> None:
    fields = record(parse_one(source, FLORENCE_PARK, COOPSUK_HEADER, columns)).fields
    assert (fields["latitude"], fields["longitude"], fields["location_precision"]) == expected


@pytest.mark.parametrize(
    ("identifier", "links"), [("R001970", {"coops-uk": "R001970"}), ("R12345", {}), ("X001970", {})]
)
def test_parse_links_only_cuk_shaped_identifiers(
    source: DigitalCommonsSource, identifier: str, links: dict[str, str]
) -> None:
    assert record(parse_one(source, FLORENCE_PARK, COOPSUK_HEADER, {"Identifier": identifier})).links == links


def test_parse_uses_vocab_set_by_the_caller(source: DigitalCommonsSource) -> None:
    document = {"prefixes": {AM: "aci"}, "vocabs": {"aci:": {"EN": {"terms": {"aci:AM60": "Food & Drink"}}}}}
    source.vocab = load_vocab(json.dumps(document).encode())
    assert record(parse_one(source, SOUTH_OXFORD, OBO_HEADER)).fields["activities"] == [
        "Food & Drink",
        "Goods & Services",
    ]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"Identifier": ""}, "no Identifier"), ({"Name": " "}, "no Name")],
)
def test_parse_row_without_identity_is_rejected(
    source: DigitalCommonsSource, changes: dict[str, str], reason: str
) -> None:
    result = parse_one(source, FLORENCE_PARK, COOPSUK_HEADER, changes)
    assert isinstance(result, RejectedRow)
    assert result.reason == reason


def test_parse_repeated_identifier_rejects_the_second_row(source: DigitalCommonsSource) -> None:
    results = list(source.parse(dc_csv([FLORENCE_PARK, FLORENCE_PARK], COOPSUK_HEADER)))
    assert results[1] == RejectedRow(2, "duplicate Identifier R001970 (first at row 1)", "R001970")


def test_parse_minimal_header_reads_identity_and_location(source: DigitalCommonsSource) -> None:
    header = ["Identifier", "Name", "Street Address", "Locality", "Postcode"]
    fields = record(parse_one(source, FLORENCE_PARK, header)).fields
    assert (fields["name"], fields["postcode"], fields["activities"], fields["latitude"]) == (
        "Florence Park Social Club",
        "OX4 3NH",
        [],
        None,
    )


def test_parse_header_without_required_columns_raises_source_error(source: DigitalCommonsSource) -> None:
    header = [name for name in COOPSUK_HEADER if name not in ("Identifier", "Postcode")]
    with pytest.raises(SourceError, match=r"missing column\(s\) 'Identifier', 'Postcode'$"):
        list(source.parse(dc_csv([FLORENCE_PARK], header)))


# --- the real files ----------------------------------------------------------------------------------------


def real_records(
    shared_file: Callable[[str], bytes], relative: str, source: DigitalCommonsSource
) -> list[ParsedRecord]:
    results = list(source.parse(shared_file(relative)))
    records = [result for result in results if isinstance(result, ParsedRecord)]
    assert len(records) == len(results)
    return records


def assert_no_raw_terms(records: list[ParsedRecord]) -> None:
    for parsed in records:
        values = [parsed.fields["organisational_structure"], parsed.fields["membership_type"]]
        values += parsed.fields["activities"]
        assert not [value for value in values if value and "://" in value], parsed.source_id


@pytest.mark.shared_data
def test_parse_real_coopsuk_file_resolves_labels(
    shared_file: Callable[[str], bytes], source: DigitalCommonsSource
) -> None:
    records = real_records(shared_file, "digitalcommons/coopsuk-standard-2023-03-02.csv", source)
    assert len(records) == 5798
    assert_no_raw_terms(records)
    assert all(parsed.links == {"coops-uk": parsed.source_id} for parsed in records)
    with_structure = [p for p in records if p.raw["Organisational Structure"]]
    assert all(p.fields["organisational_structure"] for p in with_structure)
    assert Counter(p.fields["location_precision"] for p in records) == {"postcode": 5566, None: 232}


@pytest.mark.shared_data
def test_parse_real_obo_file_resolves_labels(
    shared_file: Callable[[str], bytes], source: DigitalCommonsSource
) -> None:
    records = real_records(shared_file, "digitalcommons/owned-by-oxford-standard-2023-01-26.csv", source)
    assert len(records) == 81
    assert_no_raw_terms(records)
    assert all(parsed.fields["activities"] for parsed in records if parsed.raw["Combined Activities"])
    assert all(";" not in (parsed.fields["street_address"] or "") for parsed in records)
    assert Counter(p.fields["location_precision"] for p in records) == {"postcode": 63, "exact": 8, None: 10}
