"""AreaRepository on SQLite and PostGIS: upserts keep each engine's spatial index in step."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import MultiPolygon, box
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.repositories.areas import AreaRepository
from app.domain.enums import AreaKind


def area_row(
    code: str, polygon: Any, name: str = "Test area", kind: AreaKind = AreaKind.CUSTOM
) -> dict[str, Any]:
    """A row of the areas table for a shapely polygon."""
    min_lon, min_lat, max_lon, max_lat = polygon.bounds
    now = utcnow()
    return {
        "kind": kind,
        "code": code,
        "name": name,
        "properties": {"source": "test"},
        "boundary_wkb": shapely.to_wkb(MultiPolygon([polygon])),
        "min_lat": min_lat,
        "min_lon": min_lon,
        "max_lat": max_lat,
        "max_lon": max_lon,
        "created_at": now,
        "updated_at": now,
    }


def indexed_area_ids(session: Session, lon: float, lat: float) -> set[int]:
    """Areas whose indexed shape holds the point: the R*Tree bbox on SQLite, `geom` on PostGIS."""
    if session.get_bind().dialect.name == "sqlite":
        sql = (
            "SELECT id FROM areas_rtree WHERE min_lon <= :lon AND max_lon >= :lon "
            "AND min_lat <= :lat AND max_lat >= :lat"
        )
    else:
        sql = "SELECT id FROM areas WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"
    return set(session.scalars(text(sql), {"lon": lon, "lat": lat}))


def test_upsert_many_inserts_then_replaces_and_the_index_follows(session: Session) -> None:
    repository = AreaRepository(session)
    repository.upsert_many([area_row("moving", box(10.0, 10.0, 11.0, 11.0))])
    pk = repository.get(AreaKind.CUSTOM, "moving")
    assert pk is not None
    assert pk.id in indexed_area_ids(session, 10.5, 10.5)

    repository.upsert_many([area_row("moving", box(20.0, 20.0, 21.0, 21.0), name="Moved")])
    assert pk.id not in indexed_area_ids(session, 10.5, 10.5)
    assert pk.id in indexed_area_ids(session, 20.5, 20.5)
    moved = repository.get(AreaKind.CUSTOM, "moving")
    assert moved is not None
    assert (moved.id, moved.name, moved.min_lon) == (pk.id, "Moved", 20.0)


def test_upsert_many_keeps_the_same_code_of_another_kind_apart(session: Session) -> None:
    repository = AreaRepository(session)
    repository.upsert_many(
        [
            area_row("twin", box(10.0, 10.0, 11.0, 11.0), kind=AreaKind.WARD),
            area_row("twin", box(12.0, 12.0, 13.0, 13.0), kind=AreaKind.LSOA),
        ]
    )
    ward, lsoa = repository.get(AreaKind.WARD, "twin"), repository.get(AreaKind.LSOA, "twin")
    assert ward is not None
    assert lsoa is not None
    assert ward.id != lsoa.id
    assert set(repository.stored(AreaKind.WARD, ["twin", "absent"])) == {"twin"}


def test_get_boundary_returns_keys_and_bbox_without_the_polygon(session: Session) -> None:
    repository = AreaRepository(session)
    repository.upsert_many([area_row("keyed", box(1.0, 2.0, 3.0, 4.0), name="Keyed")])
    boundary = repository.get_boundary(AreaKind.CUSTOM, "keyed")
    assert boundary is not None
    assert (boundary.name, boundary.bbox) == ("Keyed", (2.0, 1.0, 4.0, 3.0))
    assert shapely.from_wkb(repository.boundary_wkb(boundary.pk)).bounds == (1.0, 2.0, 3.0, 4.0)
    assert repository.get_boundary(AreaKind.WARD, "keyed") is None


def test_page_filters_by_kind_and_name_and_orders_by_kind_then_code(session: Session) -> None:
    repository = AreaRepository(session)
    repository.upsert_many(
        [
            area_row("b-2", box(0, 0, 1, 1), name="Zeta 100% Ward", kind=AreaKind.WARD),
            area_row("a-1", box(0, 0, 1, 1), name="Alpha_Ward", kind=AreaKind.WARD),
        ]
    )
    wards = repository.page(kind=AreaKind.WARD, q=None, limit=50, after=None)
    codes = [area.code for area in wards]
    assert codes.index("a-1") < codes.index("b-2")
    assert all(area.kind == AreaKind.WARD for area in wards)
    first = next(area for area in wards if area.code == "a-1")
    after_first = repository.page(kind=AreaKind.WARD, q=None, limit=50, after=("ward", "a-1", first.id))
    assert "a-1" not in [area.code for area in after_first]
    assert "b-2" in [area.code for area in after_first]
    # LIKE wildcards in `q` are literal text.
    assert [area.code for area in repository.page(kind=None, q="100%", limit=50, after=None)] == ["b-2"]
    assert [area.code for area in repository.page(kind=None, q="a_w", limit=50, after=None)] == ["a-1"]
    assert [area.code for area in repository.page(kind=None, q="ALPHA", limit=50, after=None)] == ["a-1"]
