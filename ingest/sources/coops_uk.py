"""Co-operatives UK open data: the organisations CSV of the "co-operative economy" dataset.

Columns are read by name because the header grows between releases (26 columns in 2016/2017; 2022 adds
Website and ONS geography columns, 2023 Description and more). Only the organisations file is imported:
the outlets file has no registration numbers or coordinates and is mostly Co-operative Group shops.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, ClassVar, Final
from urllib.parse import urljoin

import httpx

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.normalise import (
    clean_text,
    normalise_postcode,
    normalise_url,
    registration_from_cuk,
)
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow
from ingest.sources.csvfile import (
    CsvRow,
    check_identity,
    clean_paragraphs,
    iso_date,
    join_lines,
    read_csv,
    require_columns,
)
from ingest.sources.vocab import ESSGLOBAL_VOCABULARY, cuk_membership_type, cuk_organisational_structure

logger = logging.getLogger(__name__)

LINK_MARKER: Final = "open_data_organisations"
ID: Final = "CUK Organisation ID"
NAME: Final = "Registered Name"
STATUS: Final = "Registered Status"
INCORPORATED: Final = "Incorporation Date"
DISSOLVED: Final = "Dissolved Date"
# Every column this module reads, except the 2022+ Website and 2023 Description; a renamed column must fail
# the import loudly rather than silently blank a field for thousands of organisations.
REQUIRED: Final = (
    ID,
    "Registered Number",
    "Registrar",
    NAME,
    "Trading Name",
    "Legal Form",
    "Registered Street",
    "Registered City",
    "Registered State/Province",
    "Registered Postcode",
    "UK Nation",
    "SIC Code",
    "SIC section",
    "Sector - Simplified, High Level",
    "Ownership Classification",
    STATUS,
    INCORPORATED,
    DISSOLVED,
)
_STATUSES: Final = {"live": ("active", "live"), "dead": ("dissolved", "dead")}
# Placeholders that mean "not known" in the Registrar/Legal Form, Sector and Ownership columns.
_UNKNOWN: Final = frozenset({"legal form is not defined", "unknown legal form", "none"})
# "UKSIC07-47789"; one 2017 row has the bare "84110".
_SIC_RE: Final = re.compile(r"(?:UKSIC07-)?(\d{2,5})")


class _FirstLink(HTMLParser):
    """Finds the href of the first <a> whose href contains a marker."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker = marker.casefold()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the first matching link."""
        if self.href is not None or tag != "a":
            return
        href = dict(attrs).get("href")
        if href and self.marker in href.casefold():
            self.href = href.strip()


def find_link(html: str, marker: str = LINK_MARKER) -> str | None:
    """The href of the first link in `html` whose href contains `marker` (case-insensitive), or None."""
    parser = _FirstLink(marker)
    parser.feed(html)
    parser.close()
    return parser.href


def _optional(value: str | None) -> str | None:
    text = clean_text(value)
    return None if text is None or text.casefold() in _UNKNOWN else text


def _sic_code(value: str) -> str | None:
    match = _SIC_RE.fullmatch(value.strip())
    return match.group(1) if match is not None else None


def map_row(row: dict[str, str]) -> dict[str, Any]:
    """The organisation fields of one organisations row (ValueError for an unparseable date)."""
    name = clean_text(row[NAME])
    trading = clean_text(row["Trading Name"])
    legal_form = _optional(row["Legal Form"])
    ownership = _optional(row["Ownership Classification"])
    registration = registration_from_cuk(row["Registered Number"], row["Registrar"], row["Legal Form"])
    structure = cuk_organisational_structure(legal_form, ownership)
    membership = cuk_membership_type(ownership)
    same_name = trading is None or (name or "").casefold() == trading.casefold()
    return {
        "name": name,
        "other_names": [] if same_name else [trading],
        "legal_form": legal_form,
        "fca_number": registration.value if registration and registration.kind == "fca" else None,
        "companies_house_number": (
            registration.value if registration and registration.kind == "companies_house" else None
        ),
        "organisational_structure": ESSGLOBAL_VOCABULARY.label(structure),
        "ownership_type": ownership,
        "membership_type": ESSGLOBAL_VOCABULARY.label(membership),
        "sector": _optional(row["Sector - Simplified, High Level"]),
        "sic_code": _sic_code(row["SIC Code"]),
        "sic_section": clean_text(row["SIC section"]),
        "description": clean_paragraphs(row.get("Description")),
        "website": normalise_url(row.get("Website")),
        "street_address": join_lines(row["Registered Street"]),
        "locality": clean_text(row["Registered City"]),
        "region": clean_text(row["Registered State/Province"]),
        "postcode": normalise_postcode(row["Registered Postcode"]),
        "nation": clean_text(row["UK Nation"]),
        "incorporated_on": iso_date(row, INCORPORATED),
        "dissolved_on": iso_date(row, DISSOLVED),
    }


class CoopsUkSource:
    """Co-operatives UK open data organisations file (ODC-By 1.0, attribute Co-operatives UK)."""

    name: ClassVar[str] = "coops-uk"
    title: ClassVar[str] = "Co-operatives UK open data"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def locate(self, client: httpx.Client) -> str:
        """The organisations CSV linked from the open data page, else the configured fallback URL."""
        page = self.settings.coops_uk_page_url
        try:
            response = client.get(page, follow_redirects=True)
            response.raise_for_status()
            href = find_link(response.text)
            if href is not None:
                return urljoin(str(response.url), href)
            problem = f"no link containing {LINK_MARKER!r}"
        except httpx.HTTPError as error:
            problem = f"the page could not be fetched ({error})"
        fallback = self.settings.coops_uk_fallback_url
        if fallback:
            logger.warning("Co-operatives UK: %s on %s; using the fallback URL %s", problem, page, fallback)
            return fallback
        raise SourceError(
            f"Co-operatives UK organisations CSV not found: {problem} on {page}. "
            "Set COOPMAP_COOPS_UK_FALLBACK_URL or pass --url or --file."
        )

    def parse(self, data: bytes) -> Iterator[ParseResult]:
        """One result per record of an organisations CSV; SourceError if required columns are missing."""
        what = "Co-operatives UK organisations CSV"
        table = read_csv(data, what)
        require_columns(table, REQUIRED, what)
        first_seen: dict[str, int] = {}
        for row in table.rows:
            yield self._parse_row(row, first_seen)

    def _parse_row(self, row: CsvRow, first_seen: dict[str, int]) -> ParseResult:
        source_id = clean_text(row.values[ID])
        if source_id is None:
            return RejectedRow(row.number, f"no {ID}")
        rejected = check_identity(row, source_id, ID, first_seen)
        if rejected is not None:
            return rejected
        if clean_text(row.values[NAME]) is None:
            return RejectedRow(row.number, f"no {NAME}", source_id)
        status = _STATUSES.get((clean_text(row.values[STATUS]) or "").casefold())
        if status is None:
            return RejectedRow(row.number, f"unknown {STATUS} {row.values[STATUS]!r}", source_id)
        try:
            fields = map_row(row.values)
        except ValueError as error:
            return RejectedRow(row.number, str(error), source_id)
        fields["status"] = status[0]
        return ParsedRecord(source_id=source_id, fields=fields, raw=row.values, status_in_source=status[1])
