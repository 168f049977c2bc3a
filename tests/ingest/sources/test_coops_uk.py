"""Co-operatives UK organisations CSV: row mapping, header drift, rejects, link discovery, real files."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from typing import Any, Literal

import httpx
import pytest

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.sources import load_source
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow
from ingest.sources.coops_uk import CoopsUkSource, find_link

HEADER_2017 = [
    "CUK Organisation ID", "Registered Number", "Registrar", "Registered Name", "Trading Name",
    "Legal Form", "Registered Street", "Registered City", "Registered State/Province", "Registered Postcode",
    "UK Nation", "SIC Code", "SIC section", "SIC code  - level 2", "SIC code  - level 2 description",
    "SIC code  - level 3", "SIC code  - level 3 description", "SIC code  - level 4",
    "SIC code  - level 4 description", "SIC code  - level 5", "SIC code  - level 5 description",
    "Sector - Simplified, High Level", "Ownership Classification", "Registered Status", "Incorporation Date",
    "Dissolved Date",
]  # fmt: skip
EXTRAS_2022 = [
    "Website", "Registered Admin County Code", "Registered Admin County Name",
    "Registered Admin District Code", "Registered Admin District Name", "Registered Admin Ward Code",
    "Registered Admin Ward Name", "Registered Constituency Code", "Registered Constituency Name",
    "Registered LSOA Name", "Registered MSOA Name", "Registered Parish Code", "Registered Parish Name",
]  # fmt: skip
EXTRAS_2023 = [
    "FCA Reporting Classification", "Description", "Registered Combined Athority", "Registered LSOA Code",
    "Registered MSOA Code", "Registered Region",
]  # fmt: skip
# The real 2017 row of Florence Park Social Club (FORMATS.md 1.2).
FLORENCE_PARK = {
    "CUK Organisation ID": "R001970",
    "Registered Number": "26814R",
    "Registrar": "FCA",
    "Registered Name": "Florence Park Social Club Limited",
    "Trading Name": "Florence Park Social Club Limited",
    "Legal Form": "Society",
    "Registered Street": "Cornwallis Road",
    "Registered City": "Oxford",
    "Registered State/Province": "Oxfordshire",
    "Registered Postcode": "OX4 3NH",
    "UK Nation": "England",
    "SIC Code": "UKSIC07-9499",
    "SIC section": "Other Service Activities",
    "SIC code  - level 2": "UKSIC07-94",
    "Sector - Simplified, High Level": "Membership associations, social clubs and trade unions",
    "Ownership Classification": "Consumers",
    "Registered Status": "Live",
    "Incorporation Date": "20/9/1989",
    "Dissolved Date": "",
}


def cuk_csv(
    rows: list[dict[str, str]],
    header: list[str] = HEADER_2017,
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_ALL,
    encoding: str = "utf-8",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, quoting=quoting, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def parse(data: bytes, settings: Settings) -> list[ParseResult]:
    return list(CoopsUkSource(settings).parse(data))


def parse_one(
    settings: Settings, changes: dict[str, str] | None = None, header: list[str] = HEADER_2017
) -> ParseResult:
    values = {**FLORENCE_PARK, **(changes or {})}
    (result,) = parse(cuk_csv([values], header), settings)
    return result


def record(result: ParseResult) -> ParsedRecord:
    assert isinstance(result, ParsedRecord), result
    return result


@pytest.fixture
def settings(source_settings: Callable[..., Settings]) -> Settings:
    return source_settings()


def test_load_source_finds_coops_uk() -> None:
    assert load_source("coops-uk") is CoopsUkSource


def test_parse_real_2017_row_maps_every_field(settings: Settings) -> None:
    parsed = record(parse_one(settings))
    assert parsed.source_id == "R001970"
    assert parsed.status_in_source == "live"
    assert parsed.links == {}
    assert parsed.raw["Registered Number"] == "26814R"
    assert parsed.fields == {
        "name": "Florence Park Social Club Limited",
        "other_names": [],
        "legal_form": "Society",
        "fca_number": "26814R",
        "companies_house_number": None,
        "organisational_structure": "Community Benefit Society / Industrial and Provident Society (IPS)",
        "ownership_type": "Consumers",
        "membership_type": "Consumer/Users",
        "sector": "Membership associations, social clubs and trade unions",
        "sic_code": "9499",
        "sic_section": "Other Service Activities",
        "description": None,
        "website": None,
        "street_address": "Cornwallis Road",
        "locality": "Oxford",
        "region": "Oxfordshire",
        "postcode": "OX4 3NH",
        "nation": "England",
        "incorporated_on": "1989-09-20",
        "dissolved_on": None,
        "status": "active",
    }


# (column changes, expected subset of fields)
MAPPING_CASES: list[tuple[dict[str, str], dict[str, Any]]] = [
    ({"Trading Name": "OCGMC"}, {"other_names": ["OCGMC"]}),
    ({"Trading Name": "florence park  SOCIAL club limited"}, {"other_names": []}),
    ({"Trading Name": ""}, {"other_names": []}),
    (
        {"Registered Number": "2906875", "Registrar": "Companies House", "Legal Form": "Company"},
        {"companies_house_number": "02906875", "fca_number": None, "organisational_structure": "Cooperative"},
    ),
    (
        {"Registered Number": "IP000348", "Registrar": "Legal Form is not defined", "Legal Form": ""},
        {"fca_number": "IP000348", "legal_form": None, "organisational_structure": None},
    ),
    ({"Legal Form": "Unknown legal form"}, {"legal_form": None}),
    (
        {"Registrar": "OSCR", "Registered Number": "SC012345"},
        {"fca_number": None, "companies_house_number": None},
    ),
    ({"Ownership Classification": "None"}, {"ownership_type": None, "membership_type": None}),
    ({"Ownership Classification": "Employee Trust"}, {"organisational_structure": "Employee trust"}),
    ({"Ownership Classification": "Tenants"}, {"membership_type": "Residents"}),
    ({"Sector - Simplified, High Level": "None"}, {"sector": None}),
    ({"Sector - Simplified, High Level": ""}, {"sector": None}),
    ({"SIC Code": "UKSIC07-47789"}, {"sic_code": "47789"}),
    ({"SIC Code": "84110"}, {"sic_code": "84110"}),
    ({"SIC Code": ""}, {"sic_code": None}),
    ({"SIC Code": "UKSIC07-"}, {"sic_code": None}),
    ({"Registered Street": "Central House\nHermes Road"}, {"street_address": "Central House, Hermes Road"}),
    ({"Registered Street": "Unit 3,\r\nThe Yard\n"}, {"street_address": "Unit 3, The Yard"}),
    ({"Registered Postcode": "TA7 ONZ"}, {"postcode": "TA7 0NZ"}),
    ({"Registered Postcode": "BT34"}, {"postcode": None}),
    ({"Registered Postcode": ""}, {"postcode": None}),
    ({"Registered State/Province": ""}, {"region": None}),
    ({"UK Nation": ""}, {"nation": None}),
    ({"Registered Name": "Caf\ufffd Ten Limited"}, {"name": "Caf Ten Limited"}),
    (
        {"Registered Status": "Dead", "Dissolved Date": "21/08/2012"},
        {"status": "dissolved", "dissolved_on": "2012-08-21"},
    ),
    ({"Registered Status": "Dead", "Dissolved Date": ""}, {"status": "dissolved", "dissolved_on": None}),
    ({"Incorporation Date": "23/06/1925"}, {"incorporated_on": "1925-06-23"}),
    ({"Incorporation Date": "11/8/1863"}, {"incorporated_on": "1863-08-11"}),
    ({"Incorporation Date": ""}, {"incorporated_on": None}),
]


@pytest.mark.parametrize(("changes", "expected"), MAPPING_CASES)
def test_parse_row_maps_columns(
    settings: Settings, changes: dict[str, str], expected: dict[str, Any]
) -> None:
    fields = record(parse_one(settings, changes)).fields
    assert {key: fields[key] for key in expected} == expected


def test_parse_dead_row_has_dead_status_in_source(settings: Settings) -> None:
    assert record(parse_one(settings, {"Registered Status": "Dead"})).status_in_source == "dead"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"CUK Organisation ID": "  "}, "no CUK Organisation ID"),
        ({"Registered Name": ""}, "no Registered Name"),
        ({"Registered Status": "Dormant"}, "unknown Registered Status 'Dormant'"),
        ({"Registered Status": ""}, "unknown Registered Status ''"),
        ({"Incorporation Date": "8/11/63"}, "bad Incorporation Date: not a day-first UK date"),
        ({"Dissolved Date": "31/02/2012"}, "bad Dissolved Date: not a real calendar date"),
    ],
)
def test_parse_unusable_row_is_rejected_with_reason(
    settings: Settings, changes: dict[str, str], reason: str
) -> None:
    result = parse_one(settings, changes)
    assert isinstance(result, RejectedRow)
    assert result.row_number == 1
    assert result.reason.startswith(reason)


def test_parse_bad_date_reason_names_the_value(settings: Settings) -> None:
    result = parse_one(settings, {"Dissolved Date": "31/02/2012"})
    assert isinstance(result, RejectedRow)
    assert "'31/02/2012'" in result.reason
    assert result.source_id == "R001970"


def test_parse_repeated_id_rejects_the_second_row(settings: Settings) -> None:
    other = {**FLORENCE_PARK, "CUK Organisation ID": "R000505"}
    data = cuk_csv([FLORENCE_PARK, other, {**FLORENCE_PARK, "Ownership Classification": "Workers"}])
    results = parse(data, settings)
    assert [type(result) for result in results] == [ParsedRecord, ParsedRecord, RejectedRow]
    assert results[2] == RejectedRow(3, "duplicate CUK Organisation ID R001970 (first at row 1)", "R001970")


def test_parse_row_with_extra_fields_is_rejected(settings: Settings) -> None:
    data = cuk_csv([FLORENCE_PARK]).replace(b'""\r\n', b'"","surplus"\r\n')
    (result,) = parse(data, settings)
    assert result == RejectedRow(1, "27 fields where the header has 26", "R001970")


def test_parse_2016_minimal_quoting(settings: Settings) -> None:
    # Real 2016 rows (FORMATS.md 1.2): minimal quoting, zero-padded dates, CH number without leading zero.
    header = ",".join(f'"{name}"' if "," in name else name for name in HEADER_2017)
    lines = [
        header,
        "R000045,IP000348,Legal Form is not defined,Fane Valley Co-operative Society Limited,Fane Valley "
        "Co-operative Society,,51 Alexandra Road,Armagh,Armagh,BT61 7JJ,Northern Ireland,UKSIC07-01,"
        '"Agriculture, Forestry and Fishing",UKSIC07-01,"Crop and animal production, hunting and related '
        'service activities",,,,,,,Agriculture,Enterprises,Live,27/08/1993,',
        "R000505,2906875,Companies House,Oxfordshire Craft Guild Marketing Co-operative Ltd,OCGMC,Company,"
        "7 Goddards Lane,Chipping Norton,Oxfordshire,OX7 5NP,England,UKSIC07-47789,Wholesale and Retail; "
        "Vehicle Repair,,,,,,,,,Retail,Consumers,Dead,10/03/1994,21/08/2012",
    ]
    fane, craft = (record(result) for result in parse("\r\n".join(lines).encode() + b"\r\n", settings))
    assert (fane.source_id, fane.fields["fca_number"], fane.fields["legal_form"]) == (
        "R000045",
        "IP000348",
        None,
    )
    assert fane.fields["other_names"] == ["Fane Valley Co-operative Society"]
    assert fane.fields["sic_section"] == "Agriculture, Forestry and Fishing"
    assert fane.fields["incorporated_on"] == "1993-08-27"
    assert craft.fields["companies_house_number"] == "02906875"
    assert craft.fields["organisational_structure"] == "Cooperative"  # a consumer-owned company
    assert (craft.fields["status"], craft.fields["dissolved_on"]) == ("dissolved", "2012-08-21")


def test_parse_2023_header_with_extras_in_another_order(settings: Settings) -> None:
    header = list(reversed(HEADER_2017 + EXTRAS_2022 + EXTRAS_2023))
    changes = {
        "Website": "www.florenceparkcommunitycentre.org.uk/",
        "Description": "A social club.\n\nBar and function room.",
        "Registered Admin Ward Name": "Rose Hill and Iffley",
    }
    parsed = record(parse_one(settings, changes, header))
    assert parsed.fields["website"] == "https://www.florenceparkcommunitycentre.org.uk"
    assert parsed.fields["description"] == "A social club.\nBar and function room."
    assert parsed.fields["postcode"] == "OX4 3NH"
    assert parsed.raw["Registered Admin Ward Name"] == "Rose Hill and Iffley"


def test_parse_latin1_file_decodes_names(settings: Settings) -> None:
    values = {**FLORENCE_PARK, "Registered Name": "Caf\u00e9 Co-operative Limited"}
    (result,) = parse(cuk_csv([values], encoding="latin-1"), settings)
    assert record(result).fields["name"] == "Caf\u00e9 Co-operative Limited"


def test_parse_utf8_bom_file_reads_first_column(settings: Settings) -> None:
    (result,) = parse(b"\xef\xbb\xbf" + cuk_csv([FLORENCE_PARK], quoting=csv.QUOTE_MINIMAL), settings)
    assert record(result).source_id == "R001970"


@pytest.mark.parametrize("missing", ["CUK Organisation ID", "Registered Status", "Incorporation Date"])
def test_parse_header_without_required_column_raises_source_error(settings: Settings, missing: str) -> None:
    header = [name for name in HEADER_2017 if name != missing]
    with pytest.raises(SourceError, match=f"missing column\\(s\\) '{missing}'$"):
        parse(cuk_csv([FLORENCE_PARK], header), settings)


@pytest.mark.parametrize("missing", ["SIC code  - level 2", "SIC code  - level 5 description"])
def test_parse_header_without_unread_column_still_parses(settings: Settings, missing: str) -> None:
    header = [name for name in HEADER_2017 if name != missing]
    assert isinstance(parse_one(settings, header=header), ParsedRecord)


def test_parse_outlets_file_raises_source_error_naming_missing_columns(settings: Settings) -> None:
    data = b'"CUK Organisation ID","Registered Name","Outlet Name","Street","City","Postcode"\r\n'
    with pytest.raises(SourceError, match="'Registered Number', 'Registrar'"):
        parse(data, settings)


def test_parse_html_page_raises_source_error(settings: Settings) -> None:
    with pytest.raises(SourceError, match="not the expected format"):
        parse(b"<!doctype html><html><body>Not found</body></html>", settings)


# --- locate ------------------------------------------------------------------------------------------------

PAGE = "https://www.uk.coop/resources/open-data"
CSV_URL = "https://www.uk.coop/sites/default/files/2023-06/open_data_organisations_2023.csv"


def landing_page(*hrefs: str) -> str:
    links = "".join(f'<li><a class="button" href="{href}">Download</a></li>' for href in hrefs)
    return f"<!doctype html><html><body><h1>Open data</h1><ul>{links}</ul></body></html>"


def serve(routes: dict[str, httpx.Response]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) not in routes:
            raise httpx.ConnectError("connection refused", request=request)
        return routes[str(request.url)]

    return httpx.Client(transport=httpx.MockTransport(handler))


def locate(
    source_settings: Callable[..., Settings], routes: dict[str, httpx.Response], **overrides: Any
) -> str:
    with serve(routes) as client:
        return CoopsUkSource(source_settings(**overrides)).locate(client)


def test_locate_returns_first_matching_link(source_settings: Callable[..., Settings]) -> None:
    page = landing_page("/guide.pdf", CSV_URL, "https://example.org/open_data_organisations_old.csv")
    assert locate(source_settings, {PAGE: httpx.Response(200, html=page)}) == CSV_URL


def test_locate_resolves_relative_link_against_the_page(source_settings: Callable[..., Settings]) -> None:
    page = landing_page(
        "../sites/default/files/2023-06/open_data_outlets.csv", "files/OPEN_DATA_ORGANISATIONS.csv"
    )
    located = locate(source_settings, {PAGE: httpx.Response(200, html=page)})
    assert located == "https://www.uk.coop/resources/files/OPEN_DATA_ORGANISATIONS.csv"


def test_locate_resolves_relative_link_against_the_redirected_page(
    source_settings: Callable[..., Settings],
) -> None:
    routes = {
        PAGE: httpx.Response(301, headers={"Location": "https://www.uk.coop/open-data/"}),
        "https://www.uk.coop/open-data/": httpx.Response(
            200, html=landing_page("open_data_organisations.csv")
        ),
    }
    assert locate(source_settings, routes) == "https://www.uk.coop/open-data/open_data_organisations.csv"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, html=landing_page("/open_data_outlets.csv")),
        httpx.Response(503, text="Service Unavailable"),
        None,
    ],
    ids=["no-link", "503", "unreachable"],
)
def test_locate_without_link_uses_fallback(
    source_settings: Callable[..., Settings], response: httpx.Response | None
) -> None:
    routes = {PAGE: response} if response is not None else {}
    assert locate(source_settings, routes, coops_uk_fallback_url=CSV_URL) == CSV_URL


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (httpx.Response(200, html=landing_page()), "no link containing 'open_data_organisations'"),
        (httpx.Response(503, text="Service Unavailable"), "the page could not be fetched"),
    ],
)
def test_locate_without_link_or_fallback_raises_source_error(
    source_settings: Callable[..., Settings], response: httpx.Response, problem: str
) -> None:
    with pytest.raises(SourceError) as error:
        locate(source_settings, {PAGE: response})
    assert problem in error.value.message
    assert "COOPMAP_COOPS_UK_FALLBACK_URL" in error.value.message


def test_find_link_ignores_anchors_without_href() -> None:
    assert find_link(
        '<a name="open_data_organisations">x</a><a href=" /x/open_data_organisations.csv ">'
    ) == ("/x/open_data_organisations.csv")


# --- the real files ----------------------------------------------------------------------------------------


def real(shared_file: Callable[[str], bytes], relative: str, settings: Settings) -> list[ParseResult]:
    return list(CoopsUkSource(settings).parse(shared_file(relative)))


@pytest.mark.shared_data
def test_parse_real_2017_file_gives_every_record(
    shared_file: Callable[[str], bytes], settings: Settings
) -> None:
    results = real(shared_file, "coops-uk/2017-06/open_data_organisations.csv", settings)
    records = [result for result in results if isinstance(result, ParsedRecord)]
    assert len(results) == len(records) == 6674
    assert Counter(r.status_in_source for r in records) == {"live": 5430, "dead": 1244}
    florence = next(r for r in records if r.source_id == "R001970")
    assert florence.fields["postcode"] == "OX4 3NH"
    # Every Society is a CBS/IPS in ESSGlobal terms, whatever its ownership (bar employee trusts).
    assert all(r.fields["organisational_structure"] for r in records if r.fields["legal_form"] == "Society")


@pytest.mark.shared_data
def test_parse_real_2016_file_rejects_only_repeated_ids(
    shared_file: Callable[[str], bytes], settings: Settings
) -> None:
    results = real(shared_file, "coops-uk/2016-06/2016open_data_organisations.csv", settings)
    rejected = [result for result in results if isinstance(result, RejectedRow)]
    assert len(results) == 6404
    assert len(rejected) == 18
    assert all(
        r.reason.startswith(f"duplicate CUK Organisation ID {r.source_id} (first at row") for r in rejected
    )
    assert len({r.source_id for r in results if isinstance(r, ParsedRecord)}) == 6386
