"""The home page (a map beside a results list, with search and filters) and `/embed` (the same, framed).

The URL is the state: the search parameters of `/api/organisations` plus `bbox`, the map's view. The
server renders the first page of results for it, so the list works without JavaScript; `map.js` then
keeps map, list and URL in step through `/api/map` and `/api/organisations` (the JSON twins).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import Field
from sqlalchemy.orm import Session

from app.api.formats import item
from app.api.openapi import parse_query
from app.api.search_schemas import SearchFields
from app.core.config import Settings
from app.dependencies import SearchLimitsDep, SessionDep, SettingsDep
from app.domain.errors import InvalidInput
from app.domain.text import http_url
from app.services import search

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
# The first view when the URL names no place: Great Britain and Northern Ireland.
DEFAULT_BBOX = (-8.2, 49.9, 1.8, 58.7)
# The filters offered as menus (all of `search.FILTERS` work in the URL).
MENU_FILTERS = (
    ("sector", "Sector"),
    ("legal_form", "Legal form"),
    ("ownership_type", "Ownership"),
    ("organisational_structure", "Structure"),
    ("status", "Status"),
)


class PageParams(SearchFields):
    """The page's URL: the search (with `bbox` and `zoom`, the map's view) and the list's cursor."""

    zoom: int | None = Field(None, ge=0, le=20)
    cursor: str | None = Field(None, max_length=600)


def _state(params: PageParams) -> list[tuple[str, str]]:
    """The search as query-string pairs, in the model's order (no cursor)."""
    pairs: list[tuple[str, str]] = []
    for name, value in params.model_dump(exclude={"cursor"}, exclude_none=True).items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((name, f"{v:g}" if isinstance(v, float) else str(v)) for v in values)
    return pairs


def _list_state(params: PageParams) -> list[tuple[str, str]]:
    """What the list shows (`/api/organisations`): the search, in the map's box unless around `near`."""
    dropped = {"zoom", "bbox"} if params.near else {"zoom"}
    return [(k, v) for k, v in _state(params) if k not in dropped]


def _config(settings: Settings, result: search.SearchResult, embed: bool) -> dict[str, Any]:
    """What map.js needs, passed as JSON data (never as code)."""
    centre = result.centre
    return {
        "tileUrl": settings.tile_url,
        "tileAttribution": settings.tile_attribution,
        "defaultBbox": DEFAULT_BBOX,
        "pageSize": PAGE_SIZE,
        "embed": embed,
        "maxRadiusKm": settings.search_max_radius_km,
        "centre": None
        if centre is None or centre.radius_km is None
        else {"lat": centre.point.lat, "lon": centre.point.lon, "radiusKm": centre.radius_km},
    }


def _render(
    request: Request,
    session: Session,
    settings: Settings,
    limits: search.SearchLimits,
    template: str,
) -> HTMLResponse:
    params = parse_query(request, PageParams, skip_empty=True)
    query = params.query()
    if params.near:
        query = replace(query, bbox=None)
    error: InvalidInput | None = None
    try:
        result = search.search(session, query, limit=PAGE_SIZE, cursor=params.cursor, limits=limits)
    except InvalidInput as problem:
        # The form comes back with the message beside it: a mistyped postcode is one edit away, without JS.
        error, result = problem, search.SearchResult(hits=[], next_cursor=None, order="name")
    list_query = urlencode(_list_state(params))
    embed = template == "embed.html"
    items = [{**item(hit), "website": http_url(hit.row.website)} for hit in result.hits]
    more = None
    if result.next_cursor:
        more = request.url.path + "?" + urlencode([*_state(params), ("cursor", result.next_cursor)])
    in_use = search.filter_values(session)  # one look-up (it checks the data version) for every menu
    context = {
        "items": items,
        "params": params,
        "filters": [(name, label, in_use[name], getattr(params, name)) for name, label in MENU_FILTERS],
        "list_query": list_query,
        "json_twin": "/api/organisations" + (f"?{list_query}" if list_query else ""),
        "more_url": more,
        "first_url": request.url.path + "?" + urlencode(_state(params)) if params.cursor else None,
        "embed": embed,
        "config": _config(settings, result, embed),
        "error": None if error is None else {"field": error.field, "message": str(error)},
    }
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=200 if error is None else 422)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request, session: SessionDep, settings: SettingsDep, limits: SearchLimitsDep
) -> HTMLResponse:
    """The map and the results list for the URL's search (JSON twins: /api/organisations, /api/map)."""
    return _render(request, session, settings, limits, "home.html")


@router.get("/embed", response_class=HTMLResponse)
def embed(
    request: Request, session: SessionDep, settings: SettingsDep, limits: SearchLimitsDep
) -> HTMLResponse:
    """The home page's map and list without the site's chrome, for partners' iframes."""
    return _render(request, session, settings, limits, "embed.html")
