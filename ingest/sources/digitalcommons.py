"""Digital Commons "standard" CSV: the data files behind Mykomap maps (Co-ops UK map, Owned by Oxford, ...).

Columns are read by name, so the Co-ops UK map variant (with Sector ... Legal Form) and the Owned by Oxford
variant (with Combined Activities and Relationship) are both read. Vocabulary columns hold ESSGlobal term
URIs, turned into labels with `vocab`; set `source.vocab = load_vocab(path)` to use a map's own vocab file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, ClassVar, Final

import httpx

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.normalise import (
    clean_text,
    normalise_companies_house_number,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_url,
)
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow
from ingest.sources.csvfile import (
    CsvRow,
    check_identity,
    clean_paragraphs,
    join_lines,
    read_csv,
    require_columns,
)
from ingest.sources.vocab import ESSGLOBAL_VOCABULARY, Vocabulary

WHAT: Final = "Digital Commons standard CSV"
ID: Final = "Identifier"
NAME: Final = "Name"
# Identity and location: what every Mykomap standard file has. Other columns are optional because the
# standard has grown over time and each map adds its own (Sector, Relationship, ...).
REQUIRED: Final = (ID, NAME, "Street Address", "Locality", "Postcode")
ACTIVITY_COLUMNS: Final = ("Primary Activity", "Activities", "Combined Activities")
_CUK_ID_RE: Final = re.compile(r"R\d{6}")
_SIC_RE: Final = re.compile(r"\d{2,5}")
# The files list only live organisations (the Co-ops UK map is built from the live rows of the release).
_STATUS_IN_SOURCE: Final = "live"


def _coordinates(row: dict[str, str], latitude: str, longitude: str) -> tuple[float, float] | None:
    """A (latitude, longitude) pair from two columns, or None when either is blank or not a coordinate."""
    try:
        lat, lon = float(row.get(latitude, "")), float(row.get(longitude, ""))
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _location(row: dict[str, str]) -> dict[str, Any]:
    exact = _coordinates(row, "Latitude", "Longitude")
    if exact is not None:
        return {"latitude": exact[0], "longitude": exact[1], "location_precision": "exact"}
    # Geo Container is the postcode unit; its coordinates are the postcode centroid.
    centroid = _coordinates(row, "Geo Container Latitude", "Geo Container Longitude")
    if centroid is not None:
        return {"latitude": centroid[0], "longitude": centroid[1], "location_precision": "postcode"}
    # None rather than "none": a precision of "none" would be supplied and overwrite another source's.
    return {"latitude": None, "longitude": None, "location_precision": None}


def _optional(value: str | None) -> str | None:
    text = clean_text(value)
    return None if text is None or text.casefold() == "none" else text


def map_row(row: dict[str, str], vocab: Vocabulary) -> dict[str, Any]:
    """The organisation fields of one standard-CSV row."""
    email = normalise_email(row.get("Email"))
    structures = vocab.labels(row.get("Organisational Structure"))
    sic = (row.get("SIC Code") or "").strip()
    return {
        "name": clean_text(row[NAME]),
        "description": clean_paragraphs(row.get("Description")),
        # One structure is stored; Owned by Oxford lists several (`OS10;OS20`) in code order, first kept.
        "organisational_structure": structures[0] if structures else None,
        "membership_type": vocab.label(row.get("Membership Type")),
        "activities": vocab.labels(*(row.get(column) for column in ACTIVITY_COLUMNS)),
        "legal_form": _optional(row.get("Legal Form")),
        "ownership_type": _optional(row.get("Ownership Classification")),
        "sector": _optional(row.get("Sector")),
        "sic_section": clean_text(row.get("SIC Section")),
        "sic_code": sic if _SIC_RE.fullmatch(sic) else None,
        "companies_house_number": normalise_companies_house_number(row.get("Companies House Number")),
        "website": normalise_url(row.get("Website")),
        "phone": normalise_phone(row.get("Phone")),
        "email": email,
        # Imported addresses are not published until the organisation confirms; no email, nothing to say.
        "email_consent": False if email is not None else None,
        # Owned by Oxford separates address lines with ";", the Co-ops UK map with line breaks.
        "street_address": join_lines(row["Street Address"], separators=";"),
        "locality": clean_text(row["Locality"]),
        "region": clean_text(row.get("Region")),
        "postcode": normalise_postcode(row["Postcode"]),
        **_location(row),
        "status": "active",
    }


class DigitalCommonsSource:
    """Digital Commons Co-operative standard CSV files (imported from a given file or URL)."""

    name: ClassVar[str] = "digitalcommons"
    title: ClassVar[str] = "Digital Commons standard CSV"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Replaced by the CLI with `load_vocab(path)` when a map's vocabs.json is given.
        self.vocab: Vocabulary = ESSGLOBAL_VOCABULARY

    def locate(self, client: httpx.Client) -> str:
        """Always SourceError: each map publishes its own file, so there is no single URL."""
        raise SourceError("digitalcommons imports need --file or --url: there is no single upstream URL")

    def parse(self, data: bytes) -> Iterator[ParseResult]:
        """One result per initiative; SourceError if required columns are missing."""
        table = read_csv(data, WHAT)
        require_columns(table, REQUIRED, WHAT)
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
        fields = map_row(row.values, self.vocab)
        if fields["name"] is None:
            return RejectedRow(row.number, f"no {NAME}", source_id)
        # The Co-ops UK map keys its rows by CUK Organisation ID: certainly the same organisation.
        links = {"coops-uk": source_id} if _CUK_ID_RE.fullmatch(source_id) else {}
        return ParsedRecord(
            source_id=source_id,
            fields=fields,
            raw=row.values,
            status_in_source=_STATUS_IN_SOURCE,
            links=links,
        )
