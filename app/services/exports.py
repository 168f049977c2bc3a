"""Exports of a search: the printable standalone map (CSV and GeoJSON are formats of the search API)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.db.repositories.source_records import SourceRecordRepository
from app.domain.text import http_url
from app.services import map_document, search
from app.services.organisations import source_label

# Filter names as a title says them.
_FILTER_WORDS = {
    "sic_section": "SIC section",
    "ownership_type": "ownership",
    "membership_type": "membership",
    "organisational_structure": "structure",
}


@dataclass(frozen=True)
class MapLook:
    """How the map looks (from settings): the site's name and the tile layer."""

    site_name: str
    tile_url: str
    tile_attribution: str


@dataclass(frozen=True)
class Collected:
    """The first `cap` results of a search, whether it had more, and how the search was understood."""

    hits: list[search.Hit]
    truncated: bool
    last_page: search.SearchResult


@dataclass(frozen=True)
class MapExport:
    """The printable map: its HTML, a file name, how many rows it lists and whether the list was cut."""

    html: str
    filename: str
    count: int
    truncated: bool


def collect(
    session: Session, query: search.SearchQuery, *, cap: int, limits: search.SearchLimits | None = None
) -> Collected:
    """Results in the search's order up to one more than `cap` (so a longer list is known to be cut)."""
    hits: list[search.Hit] = []
    cursor = None
    while True:
        # A page that refines rows in Python may come back short with a cursor: keep following it.
        page = search.search(
            session, query, limit=cap + 1 - len(hits), cursor=cursor, limits=limits, export=True
        )
        hits.extend(page.hits)
        cursor = page.next_cursor
        if cursor is None or len(hits) > cap:
            return Collected(hits[:cap], len(hits) > cap, page)


def describe(query: search.SearchQuery, result: search.SearchResult) -> str:
    """What the search was, in words: "Organisations matching “bakery”; within 3 km of OX4 1DD"."""
    parts = []
    if query.q and query.q.strip():
        parts.append(f"matching “{query.q.strip()}”")
    centre = result.centre
    if centre is not None and centre.radius_km is not None:
        place = centre.postcode or f"{centre.point.lat:.5f},{centre.point.lon:.5f}"
        parts.append(f"within {centre.radius_km:g} km of {place}")
    if query.bbox:
        parts.append(f"in the box {query.bbox.strip()}")
    if result.area is not None:
        parts.append(f"in {result.area.name}")
    for name, values in query.filters.items():
        if values:
            parts.append(f"{_FILTER_WORDS.get(name, name.replace('_', ' '))}: {' or '.join(values)}")
    return "Organisations " + "; ".join(parts) if parts else "All organisations"


def _address(row: Any) -> str | None:
    parts = (row.street_address, row.locality, row.postcode)
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def _credits(session: Session, hits: list[search.Hit], look: MapLook) -> str:
    """Data credits naming the sources the listed organisations came from, then the tiles."""
    sources = SourceRecordRepository(session).sources_of([hit.row.id for hit in hits])
    names = list(dict.fromkeys(source_label(s) for s in sources))
    data = f"Data: {', '.join(names)}; compiled by {look.site_name}." if names else f"Data: {look.site_name}."
    if any(s.startswith("coops-uk") for s in sources):
        data += " Co-operatives UK open data is licensed under ODC-By 1.0."
    return f"{data} Map tiles: {look.tile_attribution}."


def printable_map(
    session: Session,
    query: search.SearchQuery,
    *,
    look: MapLook,
    cap: int,
    limits: search.SearchLimits | None = None,
    now: datetime | None = None,
) -> MapExport:
    """The search's results (at most `cap`) as a standalone HTML map and table; bad input is a 422."""
    collected = collect(session, query, cap=cap, limits=limits)
    made_at = now or datetime.now(UTC)
    rows = [
        map_document.MapRow(
            name=hit.row.name,
            sector=hit.row.sector,
            legal_form=hit.row.legal_form,
            address=_address(hit.row),
            website=http_url(hit.row.website),
            latitude=hit.row.latitude,
            longitude=hit.row.longitude,
        )
        for hit in collected.hits
    ]
    document = map_document.MapDocument(
        title=f"{look.site_name}: {describe(query, collected.last_page)}",
        made=f"Made {made_at.day} {made_at:%B %Y at %H:%M} UTC",
        rows=rows,
        truncated_at=cap if collected.truncated else None,
        tile_url=look.tile_url,
        tile_attribution=look.tile_attribution,
        credits=_credits(session, collected.hits, look),
    )
    return MapExport(
        html=map_document.render(document),
        filename=f"coopmap-map-{made_at:%Y-%m-%d}.html",
        count=len(rows),
        truncated=collected.truncated,
    )
