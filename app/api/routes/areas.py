"""GET /api/areas and /api/areas/{id} (GeoJSON)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from app.api.area_schemas import AreaFeature, AreaPage, AreaSummary
from app.api.deps import LimitDep
from app.api.errors import ERROR_RESPONSES
from app.api.schemas import PageLinks
from app.dependencies import SessionDep
from app.domain.enums import AreaKind
from app.services import areas

GEOJSON = "application/geo+json"
# Errors stay JSON: re-declared here, or OpenAPI would list them under this route's GeoJSON media type.
_JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": spec["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }
    for status, spec in ERROR_RESPONSES.items()
}

router = APIRouter(prefix="/api/areas", tags=["areas"], responses=ERROR_RESPONSES)


class GeoJSONResponse(JSONResponse):
    """JSON sent as `application/geo+json` (RFC 7946)."""

    media_type = GEOJSON


@router.get("", summary="List areas", response_model=AreaPage)
def list_areas(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    kind: Annotated[AreaKind | None, Query(description="Only areas of this kind.")] = None,
    q: Annotated[
        str | None, Query(max_length=100, description="Only areas whose name contains this.")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=600, description="`next_cursor` of the previous page.")
    ] = None,
) -> AreaPage:
    """Boundaries that searches can be limited to, in (kind, code) order, with cursor pagination."""
    page = areas.list_areas(session, kind=kind, q=q, limit=limit, cursor=cursor)
    next_url = None
    if page.next_cursor is not None:
        next_url = str(request.url.include_query_params(cursor=page.next_cursor, limit=limit))
    return AreaPage(
        items=[AreaSummary.from_model(area) for area in page.items],
        next_cursor=page.next_cursor,
        links=PageLinks(next=next_url),
    )


@router.get(
    "/{id}",
    summary="One area as GeoJSON",
    response_model=AreaFeature,
    response_class=GeoJSONResponse,
    responses={200: {"description": "A GeoJSON Feature with a MultiPolygon."}, **_JSON_ERRORS},
)
def get_area(
    session: SessionDep,
    id: Annotated[str, Path(max_length=80, description="Public id `kind:code`, e.g. `ward:E05000451`.")],
) -> AreaFeature:
    """An area's boundary as a GeoJSON Feature (WGS84, coordinates rounded to 6 decimal places)."""
    area = areas.get_area(session, id)
    return AreaFeature.from_model(area, areas.area_shape(area))
