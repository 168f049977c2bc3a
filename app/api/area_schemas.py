"""Response schemas of the areas API: pages of areas, and one area as a GeoJSON Feature."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import shapely
from pydantic import BaseModel, Field

from app.api.schemas import PageLinks
from app.db.models import Area
from app.domain.enums import AreaKind
from app.services import areas

COORDINATE_DIGITS = 6  # about 0.1 m: finer than any boundary file, and it keeps responses small

Bbox = Annotated[
    list[float],
    Field(
        min_length=4,
        max_length=4,
        description="[min_lon, min_lat, max_lon, max_lat] (WGS84).",
        examples=[[-1.255, 51.735, -1.205, 51.76]],
    ),
]


class AreaLinks(BaseModel):
    """Where to find this area's boundary and the organisations inside it."""

    self: str = Field(description="This area as a GeoJSON Feature.")
    organisations: str = Field(description="Organisations inside this area.")


class AreaSummary(BaseModel):
    """An area without its polygons."""

    id: str = Field(description="Stable public id: `kind:code`.", examples=["ward:E05000451"])
    kind: AreaKind
    code: str = Field(
        description="The code in its source (an ONS GSS code, or custom).", examples=["E05000451"]
    )
    name: str = Field(examples=["Cowley"])
    properties: dict[str, Any] = Field(description="The other properties of the imported feature.")
    bbox: Bbox
    links: AreaLinks

    @classmethod
    def from_model(cls, area: Area) -> AreaSummary:
        """Build from an ORM area (its polygon is not read)."""
        ident = areas.public_id(area)
        return cls(
            id=ident,
            kind=area.kind,
            code=area.code,
            name=area.name,
            properties=area.properties,
            bbox=[area.min_lon, area.min_lat, area.max_lon, area.max_lat],
            links=AreaLinks(self=f"/api/areas/{ident}", organisations=f"/api/organisations?area={ident}"),
        )


class AreaPage(BaseModel):
    """A page of areas in (kind, code) order; follow `links.next` (or pass `cursor`) for more."""

    items: list[AreaSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last.")
    links: PageLinks


class MultiPolygonGeometry(BaseModel):
    """A GeoJSON MultiPolygon: polygons of rings of [longitude, latitude] positions."""

    type: Literal["MultiPolygon"] = "MultiPolygon"
    coordinates: list[list[list[list[float]]]]


class AreaFeature(BaseModel):
    """One area as a GeoJSON Feature (RFC 7946); its properties are the area's list item."""

    type: Literal["Feature"] = "Feature"
    id: str = Field(examples=["ward:E05000451"])
    bbox: Bbox
    geometry: MultiPolygonGeometry
    properties: AreaSummary

    @classmethod
    def from_model(cls, area: Area, shape: Any) -> AreaFeature:
        """Build from an ORM area and its polygons (a shapely MultiPolygon)."""
        summary = AreaSummary.from_model(area)
        coordinates = [
            [
                shapely.get_coordinates(ring).round(COORDINATE_DIGITS).tolist()
                for ring in (polygon.exterior, *polygon.interiors)
            ]
            for polygon in shape.geoms
        ]
        return cls(
            id=summary.id,
            bbox=summary.bbox,
            geometry=MultiPolygonGeometry(coordinates=coordinates),
            properties=summary,
        )
