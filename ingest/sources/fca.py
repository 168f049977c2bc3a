"""FCA Mutuals Public Register: the society list CSV ("Download the Register"), co-operative kinds only.

The register also holds building, friendly and other societies; `Settings.fca_include`/`fca_exclude`
choose which kinds are imported, matched against `Registered As` and `Registration Act` together. Both
the FCA header (with its real typo `Full Registation Number`) and the 10-column BEIS copy are read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any, ClassVar, Final

import httpx

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.normalise import (
    clean_text,
    extract_postcode,
    normalise_fca_number,
    normalise_postcode,
)
from ingest.sources.base import ParsedRecord, ParseResult, RejectedRow, SkippedRow
from ingest.sources.csvfile import CsvRow, CsvTable, check_identity, iso_date, read_csv, require_columns
from ingest.sources.vocab import ESSGLOBAL_VOCABULARY

logger = logging.getLogger(__name__)

WHAT: Final = "FCA society list CSV"
NUMBER: Final = "Society Number"
SUFFIX: Final = "Society Suffix"
# The FCA file misspells the column; the BEIS copy corrected it.
FULL_NUMBER: Final = ("Full Registation Number", "Full Registration Number")
NAME: Final = "Society Name"
REGISTERED_AS: Final = "Registered As"
ADDRESS: Final = "Society Address"
REGISTERED: Final = "Registration Date"
DEREGISTERED: Final = "Deregistration Date"
ACT: Final = "Registration Act"
SIC: Final = "Standard Industrial Classification Code (SIC)"
STATUS: Final = "Society Status"
REQUIRED: Final = (NUMBER, SUFFIX, NAME, REGISTERED_AS, ADDRESS, REGISTERED, DEREGISTERED, ACT, STATUS)
_ACTIVE_STATUS: Final = "registered"
_KNOWN_STATUSES: Final = frozenset({_ACTIVE_STATUS, "deregistered"})
_SIC_RE: Final = re.compile(r"\d{2,5}")


def organisational_structure(registered_as: str | None, act: str | None) -> str | None:
    """The ESSGlobal label of an imported society: Mutual, Cooperative, or Community Benefit Society / IPS."""
    registered = (registered_as or "").casefold()
    if "credit union" in f"{registered} {(act or '').casefold()}":
        code = "OS170"
    elif "co-operative" in registered or "cooperative" in registered:
        code = "OS115"
    else:
        # Community benefit societies and "registered" (industrial and provident) societies; the 2014 Act's
        # name says "co-operative" for both kinds, so only `Registered As` tells a co-operative apart.
        code = "OS130"
    return ESSGLOBAL_VOCABULARY.label(code)


def _drop_postcode(part: str, postcode: str) -> str:
    """`part` without the postcode that ends it, written with or without its space."""
    tokens = part.split()
    for count in (2, 1):
        if len(tokens) >= count and normalise_postcode("".join(tokens[-count:])) == postcode:
            return " ".join(tokens[:-count])
    return part


def split_address(address: str | None) -> tuple[str | None, str | None, str | None]:
    """(street_address, locality, postcode) of a `Society Address`.

    The postcode ends the address; of the comma-separated parts left, the last is taken as the locality
    (usually the town, sometimes the county: the register does not say which) and the rest as the street
    address. A single part is the street address with no locality.
    """
    postcode = extract_postcode(address)
    parts = [(clean_text(part) or "").strip(" .") for part in (address or "").split(",")]
    parts = [part for part in parts if part]
    if postcode is not None and parts:
        parts[-1] = _drop_postcode(parts[-1], postcode)
        parts = [part for part in parts if part]
    if len(parts) < 2:
        return (parts[0] if parts else None), None, postcode
    return ", ".join(parts[:-1]), parts[-1], postcode


def map_row(row: dict[str, str], fca_number: str) -> dict[str, Any]:
    """The organisation fields of one imported society (ValueError for an unparseable date)."""
    street_address, locality, postcode = split_address(row[ADDRESS])
    sic = (row.get(SIC) or "").strip()
    return {
        "name": clean_text(row[NAME]),
        "legal_form": "Society",
        "fca_number": fca_number,
        "organisational_structure": organisational_structure(row[REGISTERED_AS], row[ACT]),
        "sic_code": sic if _SIC_RE.fullmatch(sic) else None,
        "street_address": street_address,
        "locality": locality,
        "postcode": postcode,
        "incorporated_on": iso_date(row, REGISTERED),
        "dissolved_on": iso_date(row, DEREGISTERED),
    }


class FcaSource:
    """FCA Mutuals Public Register society list (Open Government Licence v3.0)."""

    name: ClassVar[str] = "fca"
    title: ClassVar[str] = "FCA Mutuals Public Register"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._include = [term.casefold() for term in settings.fca_include]
        self._exclude = [term.casefold() for term in settings.fca_exclude]

    def locate(self, client: httpx.Client) -> str:
        """The configured society list URL (one static CSV)."""
        return self.settings.fca_url

    def parse(self, data: bytes) -> Iterator[ParseResult]:
        """One result per society; SourceError if required columns are missing."""
        table = read_csv(data, WHAT)
        require_columns(table, REQUIRED, WHAT)
        full_number = _full_number_column(table)
        first_seen: dict[str, int] = {}
        unknown_statuses: set[str] = set()
        for row in table.rows:
            yield self._parse_row(row, full_number, first_seen, unknown_statuses)

    def skip_reason(self, registered_as: str, act: str) -> str | None:
        """Why a society of this kind is not imported, or None when it is."""
        kind = f"{registered_as} {act}".casefold()
        shown = f"{REGISTERED_AS} {registered_as!r} under {act!r}"
        excluded = next((term for term in self._exclude if term in kind), None)
        if excluded is not None:
            return f"{shown} is not imported (excluded kind {excluded!r})"
        if not any(term in kind for term in self._include):
            return f"{shown} is not imported (not an included kind)"
        return None

    def _parse_row(
        self, row: CsvRow, full_number: str, first_seen: dict[str, int], unknown_statuses: set[str]
    ) -> ParseResult:
        values = row.values
        parts = values[NUMBER].strip() + values[SUFFIX].strip()
        source_id = normalise_fca_number(values[full_number]) or normalise_fca_number(parts)
        if source_id is None:
            shown = f"{full_number} {values[full_number]!r}, {NUMBER} and {SUFFIX} {parts!r}"
            return RejectedRow(row.number, f"no usable registration number ({shown})")
        rejected = check_identity(row, source_id, "registration number", first_seen)
        if rejected is not None:
            return rejected
        skip = self.skip_reason(clean_text(values[REGISTERED_AS]) or "", clean_text(values[ACT]) or "")
        if skip is not None:
            return SkippedRow(row.number, skip, source_id)
        if clean_text(values[NAME]) is None:
            return RejectedRow(row.number, f"no {NAME}", source_id)
        try:
            fields = map_row(values, source_id)
        except ValueError as error:
            return RejectedRow(row.number, str(error), source_id)
        status = (clean_text(values[STATUS]) or "unknown").casefold()
        if status not in _KNOWN_STATUSES and status not in unknown_statuses:
            # Only Registered and Deregistered are confirmed values; anything else is treated as inactive.
            unknown_statuses.add(status)
            logger.warning("FCA row %d: unknown %s %r treated as dissolved", row.number, STATUS, status)
        fields["status"] = "active" if status == _ACTIVE_STATUS else "dissolved"
        return ParsedRecord(source_id=source_id, fields=fields, raw=values, status_in_source=status)


def _full_number_column(table: CsvTable) -> str:
    column = table.first_of(*FULL_NUMBER)
    if column is None:
        spellings = " or ".join(repr(name) for name in FULL_NUMBER)
        raise SourceError(f"{WHAT}: not the expected format, missing column {spellings}")
    return column
