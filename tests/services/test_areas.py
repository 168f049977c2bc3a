"""The areas service on SQLite and PostGIS: idempotent imports, ids, and resolving a boundary for search."""

from __future__ import annotations

import pytest
from shapely.geometry import MultiPolygon, box
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.enums import AreaKind
from app.domain.errors import InvalidInput, NotFound
from app.services import areas
from app.services.areas import AreaInput
from ingest.demo.loader import demo_areas, demo_rows
from tests.db.test_areas_repository import indexed_area_ids

STOCKMORE_BAKERS = (-1.239052, 51.749066)  # demo-0001, on Cowley Road: inside East Oxford
HEADINGTON_EDGE = (-1.213284, 51.758122)  # demo-0011: inside East Oxford's bbox, outside its polygon


def area_input(code: str, x: float, y: float, name: str = "Test area", **properties: str) -> AreaInput:
    """A custom area: a 1-degree square with its south-west corner at (x, y)."""
    return AreaInput(
        kind=AreaKind.CUSTOM,
        code=code,
        name=name,
        properties=dict(properties),
        geometry=MultiPolygon([box(x, y, x + 1, y + 1)]),
    )


def test_import_counts_inserts_then_an_identical_reimport_changes_nothing(session: Session) -> None:
    inputs = [area_input("first", 10, 10), area_input("second", 12, 12)]
    assert areas.import_areas(session, inputs) == areas.ImportCounts(inserted=2)
    stamp = areas.get_area(session, "custom:first").updated_at
    assert areas.import_areas(session, inputs) == areas.ImportCounts(unchanged=2)
    assert areas.get_area(session, "custom:first").updated_at == stamp


def test_import_of_the_demo_areas_again_changes_nothing(session: Session) -> None:
    assert areas.import_areas(session, demo_areas()) == areas.ImportCounts(unchanged=len(demo_areas()))


def test_import_update_replaces_name_properties_and_polygon_and_the_index_follows(session: Session) -> None:
    areas.import_areas(session, [area_input("moving", 10, 10)])
    pk = areas.resolve_boundary(session, "custom:moving").pk
    counts = areas.import_areas(session, [area_input("moving", 20, 20, name="Moved", note="v2")])
    assert counts == areas.ImportCounts(updated=1)
    area = areas.get_area(session, "custom:moving")
    assert (area.id, area.name, area.properties) == (pk, "Moved", {"note": "v2"})
    assert areas.area_shape(area).bounds == (20, 20, 21, 21)
    assert pk not in indexed_area_ids(session, 10.5, 10.5)
    assert pk in indexed_area_ids(session, 20.5, 20.5)


def test_import_rejects_the_same_area_twice_in_one_call(session: Session) -> None:
    with pytest.raises(InvalidInput, match="custom:twice appears twice") as caught:
        areas.import_areas(session, [area_input("twice", 0, 0), area_input("twice", 1, 1)])
    assert caught.value.field == "code"


@pytest.mark.parametrize(
    ("code", "name", "field"), [("has space", "Name", "code"), ("ok", "", "name"), ("x" * 41, "Name", "code")]
)
def test_import_rejects_a_bad_code_or_name(session: Session, code: str, name: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        areas.import_areas(session, [area_input(code, 0, 0, name=name)])
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text_id", "expected"),
    [
        ("ward:E05000451", (AreaKind.WARD, "E05000451")),
        ("custom:east-oxford", (AreaKind.CUSTOM, "east-oxford")),
        ("lsoa:E01028522", (AreaKind.LSOA, "E01028522")),
        ("council:demo.oxford_1", (AreaKind.COUNCIL, "demo.oxford_1")),
    ],
)
def test_parse_area_id_splits_kind_and_code(text_id: str, expected: tuple[AreaKind, str]) -> None:
    assert areas.parse_area_id(text_id) == expected


@pytest.mark.parametrize(
    "text_id",
    [
        "",
        "E05000451",
        "ward:",
        "planet:earth",
        "Ward:E05000451",
        "ward:E05 000451",
        "ward:/etc",
        "ward:" + "x" * 41,
    ],
)
def test_parse_area_id_rejects_a_malformed_id_naming_the_field(text_id: str) -> None:
    with pytest.raises(InvalidInput, match="must be an area id like 'ward:E05000451'") as caught:
        areas.parse_area_id(text_id)
    assert caught.value.field == "area"


def test_resolve_boundary_gives_keys_and_a_polygon_that_refines_the_bbox(session: Session) -> None:
    resolved = areas.resolve_boundary(session, "custom:east-oxford")
    area = areas.get_area(session, "custom:east-oxford")
    assert (resolved.pk, resolved.id, resolved.name) == (area.id, "custom:east-oxford", "East Oxford")
    assert resolved.bbox == (area.min_lat, area.min_lon, area.max_lat, area.max_lon)
    min_lat, min_lon, max_lat, max_lon = resolved.bbox
    lon, lat = HEADINGTON_EDGE
    assert min_lon <= lon <= max_lon
    assert min_lat <= lat <= max_lat
    assert resolved.covers(*STOCKMORE_BAKERS)
    assert not resolved.covers(*HEADINGTON_EDGE)
    assert resolved.covers_many(*zip(STOCKMORE_BAKERS, HEADINGTON_EDGE, strict=True)) == [True, False]
    assert resolved.covers_many([], []) == []


def test_resolve_boundary_counts_a_point_on_the_edge_as_inside(session: Session) -> None:
    areas.import_areas(session, [area_input("edged", 10, 10)])
    resolved = areas.resolve_boundary(session, "custom:edged")
    assert resolved.covers(10.0, 10.5)
    assert not resolved.covers(9.999, 10.5)


def test_resolve_boundary_reuses_the_parsed_polygon_until_the_area_changes(session: Session) -> None:
    areas.import_areas(session, [area_input("cached", 10, 10)])
    first = areas.resolve_boundary(session, "custom:cached")
    assert areas.resolve_boundary(session, "custom:cached").geometry is first.geometry
    areas.import_areas(session, [area_input("cached", 30, 30)])
    moved = areas.resolve_boundary(session, "custom:cached")
    assert moved.geometry is not first.geometry
    assert moved.covers(30.5, 30.5)
    assert not moved.covers(10.5, 10.5)


@pytest.mark.parametrize(
    ("text_id", "words"),
    [("custom:nowhere", "no area has the id 'custom:nowhere'"), ("nowhere", "must be an area id")],
)
def test_resolve_boundary_of_an_unknown_or_malformed_id_is_invalid_area(
    session: Session, text_id: str, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        areas.resolve_boundary(session, text_id)
    assert caught.value.field == "area"


def test_get_area_unknown_is_not_found_and_malformed_names_the_id(session: Session) -> None:
    with pytest.raises(NotFound, match="no area has the id 'ward:nowhere'"):
        areas.get_area(session, "ward:nowhere")
    with pytest.raises(InvalidInput) as caught:
        areas.get_area(session, "nowhere")
    assert caught.value.field == "id"


def test_list_areas_pages_through_every_area_once(session: Session) -> None:
    areas.import_areas(session, [area_input(f"page-{n:02}", n, 0) for n in range(7)])
    seen: list[str] = []
    cursor = None
    while True:
        page = areas.list_areas(session, kind=AreaKind.CUSTOM, q=None, limit=3, cursor=cursor)
        seen.extend(areas.public_id(area) for area in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    everything = areas.list_areas(session, kind=AreaKind.CUSTOM, q=None, limit=100, cursor=None)
    assert seen == [areas.public_id(area) for area in everything.items]
    assert len(seen) == len(set(seen)) == 8  # seven new ones and the demo's East Oxford


@pytest.mark.parametrize("engine", [pytest.param("postgis", marks=pytest.mark.postgis)], indirect=True)
def test_polygon_refine_agrees_with_postgis_st_covers_for_every_demo_organisation(session: Session) -> None:
    for area in demo_areas():
        resolved = areas.resolve_boundary(session, areas.area_id(area.kind, area.code))
        in_postgis = set(
            session.scalars(
                text(
                    "SELECT o.name FROM organisations o JOIN areas a ON a.id = :pk "
                    "WHERE ST_Covers(a.geom, o.geog::geometry)"
                ),
                {"pk": resolved.pk},
            )
        )
        located = [row for row in demo_rows() if row["latitude"]]
        in_shapely = {
            row["name"] for row in located if resolved.covers(float(row["longitude"]), float(row["latitude"]))
        }
        assert in_shapely == in_postgis, area.code
        assert len(in_postgis) >= 5
