"""GET /export/map: the current search as a printable, standalone HTML map (CSV and GeoJSON: the API)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from app.api.errors import ERROR_RESPONSES
from app.api.openapi import query_model, query_parameters
from app.api.search_schemas import SearchFields
from app.dependencies import SearchLimitsDep, SessionDep, SettingsDep
from app.services import exports

router = APIRouter(tags=["exports"], responses=ERROR_RESPONSES)

_MAP_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "A standalone HTML file (a download, `coopmap-map-YYYY-MM-DD.html`): a map of the "
        "results, then a printable table of them (at most `COOPMAP_API_EXPORT_MAX_LIMIT`; the file says when "
        "the list was cut), with the search's description, the date and the data credits. Leaflet is inside "
        "the file: only map tiles are fetched.",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/export/map",
    summary="Printable map of a search",
    response_class=Response,
    responses=_MAP_RESPONSES,
    openapi_extra={"parameters": query_parameters(SearchFields)},
)
def export_map(
    session: SessionDep,
    settings: SettingsDep,
    limits: SearchLimitsDep,
    params: Annotated[SearchFields, Depends(query_model(SearchFields))],
) -> Response:
    """The organisations a search finds (up to the export cap) on a map and in a table, as one HTML file.

    The file needs no web server and no CDN: Leaflet is inside it, and only the map tiles are fetched.
    """
    look = exports.MapLook(settings.site_name, settings.tile_url, settings.tile_attribution)
    made = exports.printable_map(
        session, params.query(), look=look, cap=settings.api_export_max_limit, limits=limits
    )
    # A download: opened from disk, the file is outside this site's origin and its CSP.
    disposition = f'attachment; filename="{made.filename}"'
    return Response(
        made.html, media_type="text/html; charset=utf-8", headers={"Content-Disposition": disposition}
    )
