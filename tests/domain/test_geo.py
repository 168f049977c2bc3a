"""Points, boxes and distances on the search sphere."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.geo import BBox, Point, haversine_m, parse_bbox, parse_point, radius_bbox


@pytest.mark.parametrize(
    ("text", "expected"),
    [("51.75,-1.25", Point(51.75, -1.25)), (" 51.75 , -1.25 ", Point(51.75, -1.25)), ("0,0", Point(0, 0))],
)
def test_parse_point_accepts_lat_lon(text: str, expected: Point) -> None:
    assert parse_point(text, "near") == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("51.75", "postcode or 'latitude,longitude'"),
        ("89.5,0", "latitude must be between -85 and 85"),
        ("-90,0", "latitude must be between -85 and 85"),
        ("51,181", "longitude must be between -180 and 180"),
        ("a,b", "postcode or"),
    ],
)
def test_parse_point_rejects_bad_values_naming_the_field(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_point(text, "near")
    assert caught.value.field == "near"
    assert reason in caught.value.message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-1.3,51.8,-1.2,51.7", "inverted"),
        ("-1.2,51.7,-1.3,51.8", "inverted"),
        ("-181,51,-1,52", "longitudes"),
        ("-1,51,-0.5,91", "latitudes"),
        ("-1,51,-0.5", "min_lon,min_lat,max_lon,max_lat"),
        ("", "min_lon,min_lat,max_lon,max_lat"),
    ],
)
def test_parse_bbox_rejects_inverted_or_out_of_range(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_bbox(text)
    assert caught.value.field == "bbox"
    assert reason in caught.value.message


def test_parse_bbox_accepts_a_degenerate_box() -> None:
    assert parse_bbox("-1.25,51.75,-1.25,51.75") == BBox(-1.25, 51.75, -1.25, 51.75)


def test_haversine_matches_known_distances() -> None:
    # One degree of latitude on this sphere is R * pi / 180.
    assert haversine_m(Point(51, -1), Point(52, -1)) == pytest.approx(111_195.08, abs=0.01)
    assert haversine_m(Point(51.5074, -0.1278), Point(48.8566, 2.3522)) == pytest.approx(343_556, rel=1e-3)
    assert haversine_m(Point(51.75, -1.25), Point(51.75, -1.25)) == 0.0


@given(
    lat=st.floats(-84, 84),
    lon=st.floats(-179, 179),
    radius=st.floats(0, 100_000),
    bearing=st.floats(0, 2 * math.pi),
    fraction=st.floats(0, 1),
)
def test_radius_bbox_contains_every_point_of_the_circle(
    lat: float, lon: float, radius: float, bearing: float, fraction: float
) -> None:
    centre = Point(lat, lon)
    # The destination point at `fraction * radius` along `bearing` (spherical direct problem).
    delta = radius * fraction / 6371008.7714
    phi1, lambda1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(bearing))
    lambda2 = lambda1 + math.atan2(
        math.sin(bearing) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    target = Point(math.degrees(phi2), math.degrees(lambda2))
    if abs(target.lon) > 180:
        return  # wrapped past the antimeridian: outside the UK-first scope of radius search
    assert haversine_m(centre, target) <= radius * 1.000001 + 1e-6
    assert radius_bbox(centre, radius).contains(target.lat, target.lon)
