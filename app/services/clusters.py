"""What the map needs for a viewport: the organisations when few, server-side grid clusters when many.

Cells are anchored to a fixed grid per zoom (never to the viewport), so a cluster stays put while the
map pans, and a national view costs one GROUP BY instead of shipping every point. Responses carry a
version of the data so HTTP caches can revalidate them cheaply (ETag).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db.repositories.search import GridCell, SearchRepository, SearchSpec
from app.domain.geo import BBox, parse_bbox
from app.services.cache import LRUCache
from app.services.search import canonical_filters

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


def etag(session: Session, bbox: str, zoom: int, filters: Mapping[str, Sequence[str]]) -> str:
    """A validator of the view: changes when the data or the request changes (no search is run)."""
    version = SearchRepository(session).data_version()
    canonical = sorted((name, tuple(sorted(values))) for name, values in filters.items() if values)
    digest = hashlib.sha256(repr((version, bbox, zoom, canonical)).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def view(session: Session, bbox: str, zoom: int, filters: Mapping[str, Sequence[str]]) -> MapView:
    """The map's content for a viewport and zoom, with the search filters applied."""
    box = parse_bbox(bbox)
    spec = SearchSpec(filters=canonical_filters(session, filters), bbox=box)
    repository = SearchRepository(session)
    key = (
        session.get_bind().engine.url.render_as_string(hide_password=True),
        repository.data_version(),
        box,
        zoom,
        tuple(sorted(spec.filters.items())),
    )
    return _views.get(key, lambda: _compute(repository, spec, box, zoom))


def _compute(repository: SearchRepository, spec: SearchSpec, box: BBox, zoom: int) -> MapView:
    rows: Sequence[Any] = repository.points(spec, POINT_LIMIT + 1)
    if len(rows) <= POINT_LIMIT:
        points = [MapPoint(r.public_id, r.slug, r.name, r.latitude, r.longitude) for r in rows]
        return MapView(zoom, box, "points", len(points), points, [])
    cell_lat, cell_lon = cell_size(zoom)
    cells = repository.grid(spec, cell_lat, cell_lon, MAX_CELLS)
    return MapView(zoom, box, "clusters", sum(c.count for c in cells), [], cells)
