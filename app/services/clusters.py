"""What the map needs for a viewport: the organisations when few, server-side grid clusters when many.

Cells are anchored to a fixed grid per zoom (never to the viewport), so a cluster stays put while the
map pans, and a national view costs one GROUP BY instead of shipping every point. Responses carry a
version of the data so HTTP caches can revalidate them cheaply (ETag).

The map selects exactly what `app.services.search` lists for the same query and box: the same plan,
and when that plan leaves a step to Python (the text score, the polygon test on SQLite) the same
candidate rows refined the same way, then counted per cell in Python.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from app.db.repositories.search import GridCell, SearchRepository
from app.domain.geo import BBox, parse_bbox
from app.services import search
from app.services.cache import LRUCache, database_key

POINT_LIMIT = 1000  # a viewport with at most this many organisations gets them as points
CELL_PIXELS = 64  # cluster cell edge on screen, with 256-pixel tiles
MAX_CELLS = 2500  # a 1920x1080 viewport holds about 500 cells of 64 pixels
# Cells are square on screen at UK latitudes (about cos 53 degrees of a longitude cell).
_LAT_CELL_RATIO = 0.6

_views: LRUCache[MapView] = LRUCache(256)


@dataclass(frozen=True)
class MapPoint:
    """One organisation on the map."""

    id: str
    slug: str
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class MapView:
    """Either points (every organisation in view) or clusters (counts per grid cell)."""

    zoom: int
    bbox: BBox
    mode: str
    total: int
    points: Sequence[MapPoint]
    clusters: Sequence[GridCell]


def cell_size(zoom: int) -> tuple[float, float]:
    """(latitude, longitude) degrees of a cluster cell at this zoom."""
    cell_lon = 360.0 / (2**zoom) / 256.0 * CELL_PIXELS
    return cell_lon * _LAT_CELL_RATIO, cell_lon


def _query_key(session: Session, query: search.SearchQuery, limits: search.SearchLimits) -> Hashable:
    """The query as a hashable value; filters as stored, so `Housing` and `housing` share one entry."""
    filters = search.canonical_filters(session, query.filters)
    q = " ".join(query.q.split()) if query.q else None
    return (q, query.near, query.radius_km, query.bbox, query.area, tuple(sorted(filters.items())), limits)


@dataclass(frozen=True)
class ViewRequest:
    """A map view asked for, with its cache key and ETag: the data version and query are read once."""

    query: search.SearchQuery
    zoom: int
    limits: search.SearchLimits
    key: Hashable
    etag: str


def request(
    session: Session, query: search.SearchQuery, zoom: int, limits: search.SearchLimits
) -> ViewRequest:
    """The view's identity: changes when the data or the request changes (no search is run)."""
    version = SearchRepository(session).data_version()
    identity = (version, zoom, _query_key(session, query, limits))
    digest = hashlib.sha256(repr(identity).encode()).hexdigest()
    return ViewRequest(query, zoom, limits, (database_key(session), *identity), f'W/"{digest[:32]}"')


def view(session: Session, wanted: ViewRequest) -> MapView:
    """The map's content for the request's query (its `bbox` is the viewport); bad input is a 422."""
    query = wanted.query
    if query.bbox is None:
        raise ValueError("a map view needs a bbox")
    box = parse_bbox(query.bbox)
    return _views.get(
        wanted.key, lambda: _compute(session, search.plan(session, query, wanted.limits), box, wanted.zoom)
    )


def _compute(session: Session, plan: search.Plan, box: BBox, zoom: int) -> MapView:
    repository = SearchRepository(session)
    spec = plan.spec
    if spec.radius_m is None:
        spec = replace(spec, near=None, plane=False)  # the middle of the box orders a list, not a map
    if plan.refines:
        rows = repository.rows(spec, order="none", limit=plan.candidate_cap, with_text=bool(plan.words))
        located = [row for row in search.matching(plan, rows) if row.latitude is not None]
        if len(located) > POINT_LIMIT:
            cells = _grid(located, *cell_size(zoom))
            return MapView(zoom, box, "clusters", sum(c.count for c in cells), [], cells)
    else:
        located = list(repository.points(spec, POINT_LIMIT + 1))
        if len(located) > POINT_LIMIT:
            cells = repository.grid(spec, *cell_size(zoom), MAX_CELLS)
            return MapView(zoom, box, "clusters", sum(c.count for c in cells), [], cells)
    points = [MapPoint(r.public_id, r.slug, r.name, r.latitude, r.longitude) for r in located]
    return MapView(zoom, box, "points", len(points), points, [])


def _grid(rows: Sequence[Any], cell_lat: float, cell_lon: float) -> list[GridCell]:
    """`SearchRepository.grid` in Python, for rows only Python can select (same cells, same order)."""
    members: dict[tuple[int, int], list[Any]] = {}
    for row in rows:
        cell = (int((row.latitude + 90.0) / cell_lat), int((row.longitude + 180.0) / cell_lon))
        members.setdefault(cell, []).append(row)
    cells = []
    for group in members.values():
        lats = [row.latitude for row in group]
        lons = [row.longitude for row in group]
        count = len(group)
        cells.append(
            GridCell(count, sum(lats) / count, sum(lons) / count, min(lats), min(lons), max(lats), max(lons))
        )
    cells.sort(key=lambda cell: -cell.count)
    return cells[:MAX_CELLS]
