"""Reading boundary GeoJSON: field detection, coordinate systems, repairs and the errors, table-driven."""

from __future__ import annotations

import json
from typing import Any

import pytest
import shapely
from shapely.geometry import Point

from app.domain.enums import AreaKind
from ingest.boundaries import (
    BRITISH_NATIONAL_GRID,
    WGS84,
    BoundaryFileError,
    FeatureProblem,
    read_boundaries,
)
from ingest.demo.loader import demo_areas, demo_rows

BNG_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}


def square(x: float, y: float, size: float) -> dict[str, Any]:
    """A GeoJSON Polygon: a square with its south-west corner at (x, y)."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(properties: dict[str, Any] | None, geometry: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry or square(-1.25, 51.74, 0.01)}


def collection(*features: dict[str, Any], **members: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", **members, "features": list(features)}).encode()


def problems_of(data: bytes, kind: AreaKind = AreaKind.COUNCIL, **fields: str) -> list[FeatureProblem]:
    with pytest.raises(BoundaryFileError) as caught:
        read_boundaries(data, kind=kind, **fields)
    return caught.value.problems


ONS_COUNCIL = {
    "FID": 1,
    "LAD23CD": "E07000178",
    "LAD23NM": "Oxford",
    "LAD23NMW": " ",
    "BNG_E": 451234,
    "BNG_N": 206789,
    "LONG": -1.2591,
    "LAT": 51.7575,
    "GlobalID": "0f6c1a4e",
}


def test_read_takes_name_and_code_from_ons_columns_and_keeps_the_rest() -> None:
    [area] = read_boundaries(collection(feature(ONS_COUNCIL)), kind=AreaKind.COUNCIL).areas
    assert (area.kind, area.code, area.name) == (AreaKind.COUNCIL, "E07000178", "Oxford")
    assert area.properties == {k: v for k, v in ONS_COUNCIL.items() if k not in ("LAD23CD", "LAD23NM")}
    assert area.geometry.geom_type == "MultiPolygon"


@pytest.mark.parametrize(
    ("kind", "properties", "expected"),
    [
        (AreaKind.WARD, {"WD23CD": "E05000451", "WD23NM": "Cowley", "WD23NMW": ""}, ("E05000451", "Cowley")),
        # Ward files can carry their council's columns too: the kind picks the ward ones.
        (
            AreaKind.WARD,
            {"WD23CD": "E05000451", "WD23NM": "Cowley", "LAD23CD": "E07000178", "LAD23NM": "Oxford"},
            ("E05000451", "Cowley"),
        ),
        (
            AreaKind.COUNCIL,
            {"WD23CD": "E05000451", "WD23NM": "Cowley", "LAD23CD": "E07000178", "LAD23NM": "Oxford"},
            ("E07000178", "Oxford"),
        ),
        (AreaKind.LSOA, {"LSOA21CD": "E01028522", "LSOA21NM": "Oxford 008A"}, ("E01028522", "Oxford 008A")),
        (
            AreaKind.COUNCIL,
            {"ctyua23cd": "E10000025", "ctyua23nm": "Oxfordshire"},
            ("E10000025", "Oxfordshire"),
        ),
        (AreaKind.CUSTOM, {"code": "east-oxford", "name": "East Oxford"}, ("east-oxford", "East Oxford")),
        (AreaKind.CUSTOM, {"code": 42, "name": " Padded "}, ("42", "Padded")),
    ],
)
def test_read_detects_the_name_and_code_fields(
    kind: AreaKind, properties: dict[str, Any], expected: tuple[str, str]
) -> None:
    [area] = read_boundaries(collection(feature(properties)), kind=kind).areas
    assert (area.code, area.name) == expected


def test_read_uses_the_fields_given() -> None:
    props = {"ref": "hq", "label": "Head office", "WD23CD": "E05000451", "WD23NM": "Cowley"}
    [area] = read_boundaries(
        collection(feature(props)), kind=AreaKind.CUSTOM, name_field="label", code_field="ref"
    ).areas
    assert (area.code, area.name) == ("hq", "Head office")
    assert area.properties == {"WD23CD": "E05000451", "WD23NM": "Cowley"}


def test_read_ambiguous_fields_error_lists_the_property_names() -> None:
    props = {"WD23CD": "E05000451", "WD23NM": "Cowley", "LAD23CD": "E07000178", "LAD23NM": "Oxford"}
    problems = problems_of(collection(feature(props)), kind=AreaKind.CUSTOM)
    assert [problem.field for problem in problems] == ["--name-field", "--code-field"]
    assert all("WD23NM, LAD23CD" in problem.message for problem in problems)


def test_read_given_field_absent_from_every_feature_is_named() -> None:
    [problem] = problems_of(collection(feature(ONS_COUNCIL)), name_field="NAME")
    assert problem.field == "--name-field"
    assert "'NAME'" in problem.message
    assert "LAD23NM" in problem.message


@pytest.mark.parametrize(
    ("properties", "field", "words"),
    [
        ({"LAD23CD": "E07000179"}, "properties.LAD23NM", "missing"),
        ({"LAD23NM": "Cherwell"}, "properties.LAD23CD", "missing"),
        ({"LAD23CD": "E07000179", "LAD23NM": ""}, "properties.LAD23NM", "empty"),
        ({"LAD23CD": "E07 000179", "LAD23NM": "Cherwell"}, "properties.LAD23CD", "letters, digits"),
        ({"LAD23CD": "E" * 41, "LAD23NM": "Cherwell"}, "properties.LAD23CD", "longer than 40"),
        ({"LAD23CD": "E07000179", "LAD23NM": {"en": "Cherwell"}}, "properties.LAD23NM", "must be text"),
        (
            {"LAD23CD": "E07000178", "LAD23NM": "Oxford again"},
            "properties.LAD23CD",
            "already used by feature 0",
        ),
    ],
)
def test_read_bad_feature_error_names_the_feature_and_field(
    properties: dict[str, Any], field: str, words: str
) -> None:
    [problem] = problems_of(collection(feature(ONS_COUNCIL), feature(properties)))
    assert (problem.index, problem.field) == (1, field)
    assert words in problem.message
    assert f"feature 1, {field}" in str(problem)


@pytest.mark.parametrize(
    ("geometry", "field"),
    [
        ({"type": "Point", "coordinates": [-1.25, 51.75]}, "geometry.type"),
        ({"type": "LineString", "coordinates": [[-1.25, 51.75], [-1.24, 51.76]]}, "geometry.type"),
        ({"type": "GeometryCollection", "geometries": []}, "geometry.type"),
        ({"type": "Polygon", "coordinates": "nonsense"}, "geometry.coordinates"),
        ({"type": "Polygon", "coordinates": [[[-1.25, 51.75], [-1.24]]]}, "geometry.coordinates"),
    ],
)
def test_read_rejects_geometry_that_is_not_a_polygon(geometry: dict[str, Any], field: str) -> None:
    [problem] = problems_of(collection(feature(ONS_COUNCIL, geometry)))
    assert (problem.index, problem.field) == (0, field)


def test_read_rejects_a_feature_without_geometry() -> None:
    bare = {"type": "Feature", "properties": ONS_COUNCIL, "geometry": None}
    [problem] = problems_of(collection(bare))
    assert (problem.index, problem.field, problem.message) == (0, "geometry", "is missing")


def test_read_collects_every_problem_in_the_file() -> None:
    point = {"type": "Point", "coordinates": [0, 0]}
    problems = problems_of(
        collection(feature({"LAD23CD": "A1", "LAD23NM": "x"}, point), feature({"LAD23CD": "A2"}))
    )
    assert [(p.index, p.field) for p in problems] == [(0, "geometry.type"), (1, "properties.LAD23NM")]
    with pytest.raises(BoundaryFileError, match=r"feature 0, geometry.type: 'Point'.*feature 1"):
        read_boundaries(
            collection(feature({"LAD23CD": "A1", "LAD23NM": "x"}, point), feature({"LAD23CD": "A2"})),
            kind=AreaKind.COUNCIL,
        )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not json at all", "not GeoJSON"),
        ("{}".encode("utf-16"), "FeatureCollection is expected, not None"),
        (b"\xff\xfe\xfa", "not GeoJSON"),
        (b"[1, 2]", "FeatureCollection is expected, not 'list'"),
        (json.dumps(feature(ONS_COUNCIL)).encode(), "FeatureCollection is expected, not 'Feature'"),
        (b'{"type": "FeatureCollection", "features": []}', "no features"),
        (b'{"type": "FeatureCollection"}', "no features"),
        (
            collection(feature(ONS_COUNCIL), {"type": "Nope"}),
            "feature 1, type: a GeoJSON Feature is expected",
        ),
    ],
)
def test_read_rejects_a_file_that_is_not_a_feature_collection(data: bytes, words: str) -> None:
    with pytest.raises(BoundaryFileError, match=words):
        read_boundaries(data, kind=AreaKind.COUNCIL)


@pytest.mark.parametrize("crs", [BNG_CRS, None], ids=["declared", "detected"])
def test_read_transforms_british_national_grid_to_wgs84(crs: dict[str, Any] | None) -> None:
    members = {"crs": crs} if crs else {}
    parsed = read_boundaries(
        collection(feature(ONS_COUNCIL, square(451234 - 50, 206789 - 50, 100)), **members),
        kind=AreaKind.COUNCIL,
    )
    assert parsed.crs == BRITISH_NATIONAL_GRID
    centre = parsed.areas[0].geometry.centroid
    # BNG 451234 E, 206789 N is in Oxford; the no-grid Helmert transform is good to a few metres.
    assert (centre.x, centre.y) == pytest.approx((-1.25912, 51.75745), abs=1e-4)
    assert parsed.bbox == pytest.approx((-1.2598, 51.7570, -1.2584, 51.7579), abs=1e-4)


@pytest.mark.parametrize(
    "name",
    [
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "EPSG:4326",
        "urn:ogc:def:crs:EPSG::4326",
        "urn:ogc:def:crs:EPSG:6.6:4326",
    ],
)
def test_read_accepts_wgs84_crs_names(name: str) -> None:
    crs = {"type": "name", "properties": {"name": name}}
    parsed = read_boundaries(collection(feature(ONS_COUNCIL), crs=crs), kind=AreaKind.COUNCIL)
    assert parsed.crs == WGS84
    assert parsed.areas[0].geometry.bounds == pytest.approx((-1.25, 51.74, -1.24, 51.75))


@pytest.mark.parametrize(
    ("members", "geometry", "words"),
    [
        ({}, square(-139000, 6750000, 1000), "neither WGS84 longitude/latitude nor British National Grid"),
        (
            {"crs": {"type": "name", "properties": {"name": "EPSG:3857"}}},
            square(-139000, 6750000, 1000),
            "'EPSG:3857' is not supported",
        ),
        ({"crs": {"type": "link"}}, square(-1.25, 51.74, 0.01), "is not supported"),
        ({"crs": BNG_CRS}, square(-1.25, 51.74, 0.01), "do not fit the file's crs EPSG:27700"),
        (
            {"crs": {"type": "name", "properties": {"name": "EPSG:4326"}}},
            square(451234, 206789, 100),
            "do not fit",
        ),
    ],
)
def test_read_rejects_coordinates_of_an_unknown_system(
    members: dict[str, Any], geometry: dict[str, Any], words: str
) -> None:
    with pytest.raises(BoundaryFileError, match=words):
        read_boundaries(collection(feature(ONS_COUNCIL, geometry), **members), kind=AreaKind.COUNCIL)


def test_read_repairs_a_self_intersecting_polygon() -> None:
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[-1.25, 51.74], [-1.24, 51.75], [-1.24, 51.74], [-1.25, 51.75], [-1.25, 51.74]]],
    }
    assert not shapely.geometry.shape(bowtie).is_valid
    parsed = read_boundaries(collection(feature(ONS_COUNCIL, bowtie)), kind=AreaKind.COUNCIL)
    polygons = parsed.areas[0].geometry
    assert parsed.repaired == 1
    assert polygons.is_valid
    assert polygons.geom_type == "MultiPolygon"
    assert len(polygons.geoms) == 2
    assert polygons.covers(Point(-1.2475, 51.745))


def test_read_rejects_a_polygon_without_area() -> None:
    flat = {
        "type": "Polygon",
        "coordinates": [[[-1.25, 51.74], [-1.24, 51.74], [-1.23, 51.74], [-1.25, 51.74]]],
    }
    [problem] = problems_of(collection(feature(ONS_COUNCIL, flat)))
    assert (problem.index, problem.field) == (0, "geometry")
    assert "no area" in problem.message


def test_read_keeps_multipolygons_and_drops_heights() -> None:
    multi = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[-1.25, 51.74, 60], [-1.24, 51.74, 61], [-1.24, 51.75, 62], [-1.25, 51.74, 60]]],
            [[[-1.20, 51.70, 0], [-1.19, 51.70, 0], [-1.19, 51.71, 0], [-1.20, 51.70, 0]]],
        ],
    }
    [area] = read_boundaries(collection(feature(ONS_COUNCIL, multi)), kind=AreaKind.COUNCIL).areas
    assert len(area.geometry.geoms) == 2
    assert not area.geometry.has_z


def test_read_turns_nan_properties_into_null() -> None:
    data = collection(feature({**ONS_COUNCIL, "Shape__Area": 1.0})).replace(b"1.0", b"NaN")
    [area] = read_boundaries(data, kind=AreaKind.COUNCIL).areas
    assert area.properties["Shape__Area"] is None


def test_read_lists_at_most_twenty_problems_in_the_message() -> None:
    with pytest.raises(BoundaryFileError) as caught:
        read_boundaries(collection(*[feature(ONS_COUNCIL)] * 26), kind=AreaKind.COUNCIL)
    assert len(caught.value.problems) == 25
    assert caught.value.message.endswith("and 5 more problems")


def test_demo_areas_each_contain_several_demo_organisations() -> None:
    points = [Point(float(r["longitude"]), float(r["latitude"])) for r in demo_rows() if r["latitude"]]
    areas = demo_areas()
    assert {area.kind for area in areas} == {AreaKind.CUSTOM, AreaKind.COUNCIL, AreaKind.WARD}
    assert any(len(area.geometry.geoms) > 1 for area in areas)
    for area in areas:
        assert "kind" not in area.properties
        assert sum(area.geometry.covers(point) for point in points) >= 5, area.code
