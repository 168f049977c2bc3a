"""GET /api/organisations (search: JSON, GeoJSON, CSV), /api/organisations/{id}[/matches], /api/filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.errors import ERROR_RESPONSES
from app.api.formats import csv_page, geojson_page, json_page
from app.api.match_schemas import MatchPair, MatchPairs
from app.api.openapi import query_model, query_parameters
from app.api.schemas import OrganisationDetail
from app.api.search_schemas import (
    Filters,
    FilterValue,
    Format,
    SearchPage,
    SearchParams,
)
from app.dependencies import SearchLimitsDep, SessionDep, SettingsDep
from app.domain.errors import InvalidInput
from app.services import match_decisions, organisations, search

router = APIRouter(tags=["organisations"], responses=ERROR_RESPONSES)

MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
}
_SEARCH_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "A page of organisations: JSON (`SearchPage`), GeoJSON or CSV.",
        "content": {
            "application/geo+json": {
                "schema": {"$ref": "#/components/schemas/OrganisationFeatureCollection"}
            },
            "text/csv": {"schema": {"type": "string"}},
        },
    }
}


def _format(request: Request, asked: Format | None) -> Format:
    if asked is not None:
        return asked
    accept = request.headers.get("accept", "")
    if "application/geo+json" in accept:
        return "geojson"
    return "csv" if "text/csv" in accept else "json"


def _limit(settings: SettingsDep, asked: int | None, chosen: Format) -> int:
    cap = settings.api_max_limit if chosen == "json" else settings.api_export_max_limit
    if asked is not None and asked > cap:
        raise InvalidInput("limit", f"limit must be at most {cap} for {chosen}")
    return asked or (settings.api_default_limit if chosen == "json" else cap)


@router.get(
    "/api/organisations",
    summary="Search organisations",
    response_model=SearchPage,
    responses=_SEARCH_RESPONSES,
    openapi_extra={"parameters": query_parameters(SearchParams)},
)
def search_organisations(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limits: SearchLimitsDep,
    params: Annotated[SearchParams, Depends(query_model(SearchParams))],
) -> Response:
    """Public organisations by text, distance, box, area and filters; JSON, GeoJSON or CSV, paginated."""
    chosen = _format(request, params.format)
    limit = _limit(settings, params.limit, chosen)
    result = search.search(
        session, params.query(), limit=limit, cursor=params.cursor, limits=limits, export=chosen == "csv"
    )
    next_url = None
    if result.next_cursor is not None:
        next_url = str(request.url.include_query_params(cursor=result.next_cursor, limit=limit))
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    if chosen == "geojson":
        body = geojson_page(result, next_url)
    elif chosen == "csv":
        body = csv_page(result, str(request.base_url).rstrip("/"))
        headers["Content-Disposition"] = 'attachment; filename="coopmap-organisations.csv"'
    else:
        body = json_page(result, next_url)
    return Response(body, media_type=MEDIA_TYPES[chosen], headers=headers)


@router.get("/api/organisations/{id}", summary="One organisation", response_model=OrganisationDetail)
def get_organisation(
    session: SessionDep,
    id: Annotated[str, Path(max_length=100, description="Public id (or slug) of the organisation.")],
) -> OrganisationDetail:
    """Everything public about one organisation, with its sources and where each field came from."""
    return OrganisationDetail.from_model(organisations.get_public(session, id))


@router.get(
    "/api/organisations/{id}/matches",
    summary="Why an organisation's records were merged",
    response_model=MatchPairs,
)
def get_organisation_matches(
    session: SessionDep,
    id: Annotated[str, Path(max_length=100, description="Public id (or slug) of the organisation.")],
) -> MatchPairs:
    """Every automatic merge and possible duplicate touching the organisation, with score and features."""
    organisation = organisations.get_public(session, id)
    pairs = match_decisions.explain(session, organisation.public_id)
    return MatchPairs(
        organisation_id=organisation.public_id, pairs=[MatchPair.from_view(view) for view in pairs]
    )


@router.get("/api/filters", summary="Filter values in use", response_model=Filters)
def list_filters(session: SessionDep) -> Filters:
    """Every search filter's values among public organisations, with counts (for building filter menus)."""
    values = search.filter_values(session)
    return Filters(
        filters={name: [FilterValue(value=v, count=n) for v, n in pairs] for name, pairs in values.items()}
    )
