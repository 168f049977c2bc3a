"""GET /api/map: points or server-side clusters for a map viewport, cacheable with ETags."""

from __future__ import annotations

from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from app.api.errors import ERROR_RESPONSES
from app.api.openapi import query_model, query_parameters
from app.api.search_schemas import SearchFields
from app.dependencies import SearchLimitsDep, SessionDep
from app.services import clusters

router = APIRouter(tags=["map"], responses=ERROR_RESPONSES)
CACHE_CONTROL = "public, max-age=60"


class MapParams(SearchFields):
    """The viewport, the zoom and the search (as `/api/organisations`); unknown parameters are a 422."""

    bbox: str = Field(  # required here: the viewport
        max_length=100,
        description="The viewport: `min_lon,min_lat,max_lon,max_lat` (WGS 84).",
        examples=["-1.30,51.70,-1.20,51.80"],
    )
    zoom: int = Field(
        ge=0, le=20, description="The map zoom (0-20): sets the cluster cell size.", examples=[13]
    )


class MapPointOut(BaseModel):
    """One organisation."""

    id: str
    slug: str
    name: str
    lat: float
    lon: float


class MapCluster(BaseModel):
    """Organisations of one grid cell: their count, mean position and extent (zoom to it on click)."""

    lat: float
    lon: float
    count: int
    bbox: list[float] = Field(description="`[min_lon, min_lat, max_lon, max_lat]` of the members.")


class MapViewOut(BaseModel):
    """`points` when the viewport holds at most 1,000 organisations, else `clusters`."""

    mode: Literal["points", "clusters"]
    zoom: int
    bbox: list[float]
    total: int = Field(
        description="Organisations in view: what `/api/organisations` finds for the same search and bbox "
        "(in clusters mode, those in the cells returned)."
    )
    points: list[MapPointOut]
    clusters: list[MapCluster]


@router.get(
    "/api/map",
    summary="Map viewport",
    response_model=MapViewOut,
    responses={304: {"description": "Not modified"}},
    openapi_extra={"parameters": query_parameters(MapParams)},
)
def map_view(
    request: Request,
    session: SessionDep,
    limits: SearchLimitsDep,
    params: Annotated[MapParams, Depends(query_model(MapParams))],
) -> Response:
    """What the map shows for a viewport and a search: points when few, clusters when many (ETag)."""
    wanted = clusters.request(session, params.query(), params.zoom, limits)
    headers = {"ETag": wanted.etag, "Cache-Control": CACHE_CONTROL}
    if wanted.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    found = clusters.view(session, wanted)
    body = {
        "mode": found.mode,
        "zoom": found.zoom,
        "bbox": found.bbox.as_list(),
        "total": found.total,
        "points": [
            {"id": p.id, "slug": p.slug, "name": p.name, "lat": p.latitude, "lon": p.longitude}
            for p in found.points
        ],
        "clusters": [
            {
                "lat": round(c.latitude, 6),
                "lon": round(c.longitude, 6),
                "count": c.count,
                "bbox": [c.min_lon, c.min_lat, c.max_lon, c.max_lat],
            }
            for c in found.clusters
        ],
    }
    return Response(orjson.dumps(body), media_type="application/json", headers=headers)
