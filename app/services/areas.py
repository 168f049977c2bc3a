"""Areas (boundaries): importing them, reading them, and resolving an area id for inside-boundary searches.

An area's public id is `"{kind}:{code}"` (`ward:E05000451`, `custom:east-oxford`): it is the same in
every database, unlike the primary key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shapely
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Area
from app.db.repositories.areas import AreaRepository
from app.domain.enums import AreaKind
from app.domain.errors import InvalidInput, NotFound
from app.services.cache import LRUCache, database_key
from app.services.pagination import decode_cursor, encode_cursor

CODE_MAX_LENGTH = 40
NAME_MAX_LENGTH = 200
ID_EXAMPLE = "ward:E05000451"
# Codes end up in URL paths (`/api/areas/custom:east-oxford`), so they are kept URL-safe.
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_IMPORT_CHUNK = 200  # areas per comparison query and upsert statement (polygons can be large)
_SHAPE_CACHE_SIZE = 32
_KINDS = frozenset(kind.value for kind in AreaKind)


@dataclass(frozen=True)
class AreaInput:
    """One boundary as a file describes it, with its polygons in WGS84 longitude/latitude."""

    kind: AreaKind
    code: str
    name: str
    properties: dict[str, Any]  # the file's other properties, JSON-safe
    geometry: Any  # a shapely MultiPolygon (shapely ships no type hints)


@dataclass(frozen=True)
class ImportCounts:
    """What an import did to the stored areas."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class AreaPage:
    """One page of areas and the cursor of the next page (None on the last)."""

    items: Sequence[Area]
    next_cursor: str | None


@dataclass(frozen=True)
class ResolvedArea:
    """An area ready for an inside-boundary search: keys for the SQL index and a prepared polygon."""

    pk: int
    id: str
    name: str
    bbox: tuple[float, float, float, float]  # (min_lat, min_lon, max_lat, max_lon)
    geometry: Any  # a prepared shapely MultiPolygon; shared between requests, so never modify it

    def covers(self, longitude: float, latitude: float) -> bool:
        """True when the point is inside the area or on its edge (what ST_Covers answers on PostGIS)."""
        return bool(shapely.intersects_xy(self.geometry, longitude, latitude))

    def covers_many(self, longitudes: Sequence[float], latitudes: Sequence[float]) -> list[bool]:
        """`covers` for many points at once (one vectorised GEOS call)."""
        if len(longitudes) == 0:
            return []
        return [bool(hit) for hit in shapely.intersects_xy(self.geometry, longitudes, latitudes)]


def area_id(kind: AreaKind, code: str) -> str:
    """The public id of an area."""
    return f"{kind.value}:{code}"


def public_id(area: Area) -> str:
    """The public id of a stored area."""
    return area_id(area.kind, area.code)


def code_problem(code: str) -> str | None:
    """Why `code` cannot be an area code, or None when it can."""
    if not code:
        return "the code is empty"
    if len(code) > CODE_MAX_LENGTH:
        return f"the code {code[:50]!r} is longer than {CODE_MAX_LENGTH} characters"
    if not _CODE.fullmatch(code):
        return f"the code {code!r} may only use letters, digits, '.', '_' and '-'"
    return None


def name_problem(name: str) -> str | None:
    """Why `name` cannot be an area name, or None when it can."""
    if not name:
        return "the name is empty"
    if len(name) > NAME_MAX_LENGTH:
        return f"the name {name[:50]!r}... is longer than {NAME_MAX_LENGTH} characters"
    return None


def parse_area_id(text: str, field: str = "area") -> tuple[AreaKind, str]:
    """Split `kind:code`; anything else is a 422 naming `field`."""
    kind_text, separator, code = text.partition(":")
    if separator and kind_text in _KINDS and code_problem(code) is None:
        return AreaKind(kind_text), code
    kinds = ", ".join(kind.value for kind in AreaKind)
    shown = text if len(text) <= 60 else text[:60] + "..."
    raise InvalidInput(
        field, f"{field} must be an area id like {ID_EXAMPLE!r} (kind one of {kinds}), not {shown!r}"
    )


def import_areas(session: Session, inputs: Sequence[AreaInput]) -> ImportCounts:
    """Insert new areas and replace changed ones by (kind, code); an identical re-import changes nothing."""
    _check_inputs(inputs)
    repository = AreaRepository(session)
    inserted = updated = unchanged = 0
    now = utcnow()
    for start in range(0, len(inputs), _IMPORT_CHUNK):
        chunk = inputs[start : start + _IMPORT_CHUNK]
        changed: list[dict[str, Any]] = []
        for kind in dict.fromkeys(item.kind for item in chunk):
            of_kind = [item for item in chunk if item.kind == kind]
            stored = repository.stored(kind, [item.code for item in of_kind])
            for item in of_kind:
                row = _row(item, now)
                previous = stored.get(item.code)
                if previous is None:
                    inserted += 1
                elif (previous.name, previous.properties, previous.boundary_wkb) == (
                    row["name"],
                    row["properties"],
                    row["boundary_wkb"],
                ):
                    unchanged += 1
                    continue
                else:
                    updated += 1
                changed.append(row)
        repository.upsert_many(changed)
    session.flush()
    return ImportCounts(inserted=inserted, updated=updated, unchanged=unchanged)


def list_areas(
    session: Session, *, kind: AreaKind | None, q: str | None, limit: int, cursor: str | None
) -> AreaPage:
    """Areas in (kind, code) order, optionally of one kind or with `q` in the name, keyset-paginated."""
    after = _decode_area_cursor(cursor) if cursor else None
    rows = AreaRepository(session).page(kind=kind, q=q, limit=limit + 1, after=after)
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor(public_id(items[-1]), items[-1].id)
    return AreaPage(items=items, next_cursor=next_cursor)


def get_area(session: Session, ident: str, field: str = "id") -> Area:
    """One area with its polygon by public id; a malformed id is a 422 naming `field`, an unknown one 404."""
    kind, code = parse_area_id(ident, field)
    area = AreaRepository(session).get(kind, code)
    if area is None:
        raise NotFound(f"no area has the id {ident!r}")
    return area


def area_shape(area: Area) -> Any:
    """The area's polygons as a shapely MultiPolygon (WGS84 longitude/latitude)."""
    return shapely.from_wkb(area.boundary_wkb)


def resolve_boundary(session: Session, ident: str) -> ResolvedArea:
    """The area a search is limited to; a malformed or unknown id is a 422 naming `area`."""
    kind, code = parse_area_id(ident, "area")
    repository = AreaRepository(session)
    boundary = repository.get_boundary(kind, code)
    if boundary is None:
        raise InvalidInput("area", f"no area has the id {ident!r}; see /api/areas for the known areas")

    def load() -> Any:
        wkb = repository.boundary_wkb(boundary.pk)
        if wkb is None:  # deleted between the two reads
            raise InvalidInput("area", f"no area has the id {ident!r}")
        return _prepared(wkb)

    geometry = _shapes.get((database_key(session), boundary.pk, boundary.updated_at), load)
    return ResolvedArea(
        pk=boundary.pk, id=area_id(kind, code), name=boundary.name, bbox=boundary.bbox, geometry=geometry
    )


# Parsed polygons; an import bumps `updated_at`, which is part of the key, so stale shapes are never used.
_shapes: LRUCache[Any] = LRUCache(_SHAPE_CACHE_SIZE)


def _prepared(wkb: bytes) -> Any:
    geometry = shapely.from_wkb(wkb)
    shapely.prepare(geometry)
    # GEOS builds the point-in-polygon index lazily on first use; build it now, before threads share it.
    shapely.intersects_xy(geometry, 0.0, 0.0)
    return geometry


def _row(item: AreaInput, now: datetime) -> dict[str, Any]:
    min_lon, min_lat, max_lon, max_lat = item.geometry.bounds
    return {
        "kind": item.kind,
        "code": item.code,
        "name": item.name,
        "properties": item.properties,
        "boundary_wkb": shapely.to_wkb(item.geometry, output_dimension=2, byte_order=1),
        "min_lat": min_lat,
        "min_lon": min_lon,
        "max_lat": max_lat,
        "max_lon": max_lon,
        "created_at": now,
        "updated_at": now,
    }


def _check_inputs(inputs: Sequence[AreaInput]) -> None:
    seen: set[tuple[AreaKind, str]] = set()
    for item in inputs:
        for field, problem in (("code", code_problem(item.code)), ("name", name_problem(item.name))):
            if problem is not None:
                raise InvalidInput(field, problem)
        if item.geometry.geom_type != "MultiPolygon" or item.geometry.is_empty:
            raise InvalidInput("geometry", f"area {area_id(item.kind, item.code)} needs a MultiPolygon")
        if (item.kind, item.code) in seen:
            raise InvalidInput("code", f"area {area_id(item.kind, item.code)} appears twice")
        seen.add((item.kind, item.code))


def _decode_area_cursor(cursor: str) -> tuple[str, str, int]:
    sort_id, pk = decode_cursor(cursor)
    try:
        kind, code = parse_area_id(sort_id, "cursor")
    except InvalidInput:
        raise InvalidInput(
            "cursor", "cursor is not valid: pass the next_cursor value of a previous page"
        ) from None
    return kind.value, code, pk
