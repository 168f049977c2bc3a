"""Survivorship: which source record supplies each field of an organisation, as a pure function.

Rules, applied per field group so values that belong together come from one record:

- **Identity** (legal name, numbers, legal form, status, dates) is register-owned: a record of a register
  (Co-operatives UK, the FCA) supplies it whenever one does; community or export data only fills a gap.
- **Descriptive and contact** fields: moderator-approved community data wins, then the fresher record.
- **Location** (address, postcode, coordinates) comes whole from one record, chosen like descriptive fields,
  so a postcode never sits with another record's coordinates.
- Among equals: a record still listed by its source beats one gone missing, fresher (`seen_at`) beats older,
  then the source's rank, then the record key, so the result never depends on input order.
- `other_names` gathers every other name any record uses, so a trading name stays searchable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

COMMUNITY = "community"
REGISTER_SOURCES = frozenset({"coops-uk", "fca"})
# Higher ranks first among records equal on every other rule; unknown sources rank with the exports.
SOURCE_RANK = {"community": 40, "fca": 35, "coops-uk": 30, "digitalcommons": 20, "geocoder": 20, "demo": 10}
DEFAULT_RANK = 20

IDENTITY_FIELDS = (
    "name",
    "legal_form",
    "fca_number",
    "companies_house_number",
    "status",
    "incorporated_on",
    "dissolved_on",
)
CONTACT_GROUP = ("email", "email_consent")  # consent belongs to that email, so both come from one record
LOCATION_FIELDS = (
    "street_address",
    "locality",
    "region",
    "postcode",
    "nation",
    "latitude",
    "longitude",
    "location_precision",
)
DESCRIPTIVE_FIELDS = (
    "organisational_structure",
    "ownership_type",
    "membership_type",
    "sector",
    "sic_code",
    "sic_section",
    "activities",
    "description",
    "goods_services",
    "website",
    "phone",
)
_ALL_FIELDS = IDENTITY_FIELDS + DESCRIPTIVE_FIELDS + CONTACT_GROUP + LOCATION_FIELDS


def base_source(source: str) -> str:
    """`digitalcommons:owned-by-oxford` -> `digitalcommons`."""
    return source.split(":", 1)[0]


def source_rank(source: str) -> int:
    """Precedence of a source among records equal on every other rule."""
    return SOURCE_RANK.get(base_source(source), DEFAULT_RANK)


def is_supplied(value: Any) -> bool:
    """A value a record actually gives (not empty)."""
    return value not in (None, "", [])


@dataclass(frozen=True, slots=True)
class RecordView:
    """What survivorship needs of a source record."""

    id: int
    source: str
    source_id: str
    fields: Mapping[str, Any]
    seen_at: datetime
    present: bool = True  # still listed by its source (not `missing`)

    @property
    def key(self) -> str:
        """`source:source_id`, the tie-break of last resort."""
        return f"{self.source}:{self.source_id}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a surviving value came from."""

    record_id: int
    source: str
    observed_at: datetime


@dataclass(frozen=True, slots=True)
class Survivor:
    """The organisation's values and, for each supplied one, its origin."""

    values: dict[str, Any]
    origins: dict[str, Origin]


def _freshness(record: RecordView) -> tuple[bool, datetime, int, str]:
    return (record.present, record.seen_at, source_rank(record.source), record.key)


def _register_first(record: RecordView) -> tuple[bool, bool, datetime, int, str]:
    return (base_source(record.source) in REGISTER_SOURCES, *_freshness(record))


def _community_first(record: RecordView) -> tuple[bool, bool, datetime, int, str]:
    return (base_source(record.source) == COMMUNITY, *_freshness(record))


# A record in one of the two orders, with the names of the fields it supplies (worked out once).
_Ranked = tuple["RecordView", frozenset[str]]


def _rank(records: Sequence[RecordView], key: Callable[[RecordView], Any]) -> list[_Ranked]:
    return [(record, _supplied(record)) for record in sorted(records, key=key, reverse=True)]


def _supplied(record: RecordView) -> frozenset[str]:
    return frozenset(name for name, value in record.fields.items() if is_supplied(value))


def _first(ordered: Sequence[_Ranked], wanted: frozenset[str]) -> RecordView | None:
    """The first record that supplies any of the wanted fields."""
    return next((record for record, has in ordered if not has.isdisjoint(wanted)), None)


def _take(
    values: dict[str, Any], origins: dict[str, Origin], record: RecordView, fields: Sequence[str]
) -> None:
    for name in fields:
        value = record.fields.get(name)
        if is_supplied(value):
            values[name] = value
            origins[name] = Origin(record.id, record.source, record.seen_at)


def _other_names(records: Sequence[RecordView], name: Any) -> list[str]:
    """Every other name, records taken in the given order (community first), once each, ignoring case."""
    seen = {str(name).casefold()} if name else set()
    names: list[str] = []
    for record in records:
        for candidate in (record.fields.get("name"), *(record.fields.get("other_names") or ())):
            if isinstance(candidate, str) and candidate.strip() and candidate.casefold() not in seen:
                seen.add(candidate.casefold())
                names.append(candidate)
    return names


_ONE = {name: frozenset((name,)) for name in _ALL_FIELDS}
# Field groups taken whole from one record: the fields that choose it, then any field of the group.
_GROUPS = (
    (CONTACT_GROUP, _ONE["email"], frozenset(CONTACT_GROUP)),
    (LOCATION_FIELDS, frozenset(("postcode", "latitude")), frozenset(LOCATION_FIELDS)),
)


def survive(records: Sequence[RecordView]) -> Survivor:
    """The organisation made of these records (at least one), with the origin of every value."""
    if not records:
        raise ValueError("survivorship needs at least one record")
    values: dict[str, Any] = {}
    origins: dict[str, Origin] = {}
    if len(records) == 1:
        # Most organisations have one record: every field it supplies is the answer, group rules included.
        only = records[0]
        origin = Origin(only.id, only.source, only.seen_at)
        for name in _ALL_FIELDS:
            value = only.fields.get(name)
            if is_supplied(value):
                values[name] = value
                origins[name] = origin
        others = _other_names(records, values.get("name"))
        if others:
            values["other_names"] = others
            origins["other_names"] = origin
        return Survivor(values=values, origins=origins)
    # Each order once (record keys are unique, so the orders are total); then the first supplier wins.
    register_first = _rank(records, _register_first)
    community_first = _rank(records, _community_first)
    for name in IDENTITY_FIELDS:
        winner = _first(register_first, _ONE[name])
        if winner is not None:
            _take(values, origins, winner, (name,))
    for name in DESCRIPTIVE_FIELDS:
        winner = _first(community_first, _ONE[name])
        if winner is not None:
            _take(values, origins, winner, (name,))
    for group, wanted, any_of_group in _GROUPS:
        # Without a postcode or coordinates anywhere, a bare town or region is still worth keeping.
        winner = _first(community_first, wanted) or _first(community_first, any_of_group)
        if winner is not None:
            _take(values, origins, winner, group)
    others = _other_names([record for record, _ in community_first], values.get("name"))
    if others:
        values["other_names"] = others
        first = community_first[0][0]
        origins["other_names"] = Origin(first.id, first.source, first.seen_at)
    return Survivor(values=values, origins=origins)


__all__ = [
    "COMMUNITY",
    "DESCRIPTIVE_FIELDS",
    "IDENTITY_FIELDS",
    "LOCATION_FIELDS",
    "REGISTER_SOURCES",
    "Origin",
    "RecordView",
    "Survivor",
    "base_source",
    "is_supplied",
    "source_rank",
    "survive",
]
