"""Search results as JSON, GeoJSON and CSV bytes (orjson: the hot paths skip per-item model validation).

The shapes are the models of `app.api.search_schemas`; tests validate real responses against them.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from app.services.organisations import PUBLIC_HTML_PREFIX, PUBLIC_JSON_PREFIX
from app.services.search import Hit, SearchResult

CSV_COLUMNS = (
    "id",
    "name",
    "url",
    "legal_form",
    "organisational_structure",
    "ownership_type",
    "membership_type",
    "sector",
    "sic_section",
    "status",
    "street_address",
    "locality",
    "postcode",
    "latitude",
    "longitude",
    "location_precision",
    "website",
    "phone",
    "email",
    "goods_services",
    "last_verified_at",
    "distance_km",
)
# A cell starting with one of these is a formula in spreadsheet programs; such text gets a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def item(hit: Hit) -> dict[str, Any]:
    """One result as the JSON `OrganisationResult`."""
    row = hit.row
    return {
        "id": row.public_id,
        "slug": row.slug,
        "name": row.name,
        "legal_form": row.legal_form,
        "organisational_structure": row.organisational_structure,
        "ownership_type": row.ownership_type,
        "membership_type": row.membership_type,
        "sector": row.sector,
        "sic_section": row.sic_section,
        "status": row.status,
        "locality": row.locality,
        "postcode": row.postcode,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "location_precision": row.location_precision,
        "website": row.website,
        "links": {"self": PUBLIC_JSON_PREFIX + row.public_id, "html": PUBLIC_HTML_PREFIX + row.slug},
        "distance_m": None if hit.distance_m is None else round(hit.distance_m, 1),
        "score": hit.score,
    }


def json_page(result: SearchResult, next_url: str | None) -> bytes:
    """The JSON `SearchPage`."""
    centre = result.centre
    area = result.area
    return orjson.dumps(
        {
            "items": [item(hit) for hit in result.hits],
            "next_cursor": result.next_cursor,
            "links": {"next": next_url},
            "order": result.order,
            "centre": None
            if centre is None
            else {
                "latitude": centre.point.lat,
                "longitude": centre.point.lon,
                "postcode": centre.postcode,
                "radius_km": centre.radius_km,
            },
            "area": None if area is None else {"id": area.id, "name": area.name},
        }
    )


def geojson_page(result: SearchResult, next_url: str | None) -> bytes:
    """The GeoJSON `OrganisationFeatureCollection`."""
    features = []
    for hit in result.hits:
        properties = item(hit)
        row = hit.row
        geometry = None
        if row.latitude is not None and row.longitude is not None:
            geometry = {"type": "Point", "coordinates": [row.longitude, row.latitude]}
        features.append(
            {"type": "Feature", "id": properties["id"], "geometry": geometry, "properties": properties}
        )
    return orjson.dumps(
        {
            "type": "FeatureCollection",
            "features": features,
            "next_cursor": result.next_cursor,
            "links": {"next": next_url},
        }
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def csv_page(result: SearchResult, base_url: str) -> bytes:
    """The results as CSV with a header row; contact email only where the organisation consented."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for hit in result.hits:
        row = hit.row
        distance_km = None if hit.distance_m is None else round(hit.distance_m / 1000.0, 3)
        writer.writerow(
            [
                _cell(row.public_id),
                _cell(row.name),
                base_url + PUBLIC_HTML_PREFIX + row.slug,
                *(_cell(getattr(row, name)) for name in CSV_COLUMNS[3:17]),
                _cell(row.phone),
                _cell(row.email if row.email_consent else None),
                _cell("; ".join(row.goods_services or [])),
                _cell(row.last_verified_at.isoformat() if row.last_verified_at else None),
                _cell(distance_km),
            ]
        )
    return buffer.getvalue().encode("utf-8")
