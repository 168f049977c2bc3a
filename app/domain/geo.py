"""Points, boxes and great-circle distance on the sphere both engines use (pure, no I/O).

Distances use the sphere of PostGIS's `use_spheroid => false` (the WGS 84 mean radius), so SQLite's
haversine and PostGIS's `ST_DWithin(..., false)` agree to the millimetre.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from app.domain.errors import InvalidInput

EARTH_RADIUS_M: Final = 6371008.7714  # (2a + b) / 3 of WGS 84, the radius PostGIS uses for a sphere
# Radius searches build a longitude window of radius / cos(latitude); near the poles it degenerates.
MAX_NEAR_LATITUDE: Final = 85.0
_NUMBER = r"\s*(-?\d+(?:\.\d+)?)\s*"
_POINT_RE: Final = re.compile(rf"^{_NUMBER},{_NUMBER}$")
_BBOX_RE: Final = re.compile(rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$")


@dataclass(frozen=True)
class Point:
    """A WGS 84 position."""

    lat: float
    lon: float


@dataclass(frozen=True)
class BBox:
    """A latitude/longitude rectangle (never crossing the antimeridian)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point is inside or on the edge."""
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon

    def as_list(self) -> list[float]:
        """`[min_lon, min_lat, max_lon, max_lat]`, the GeoJSON order."""
        return [self.min_lon, self.min_lat, self.max_lon, self.max_lat]


def looks_like_point(text: str) -> bool:
    """True when the text is two comma-separated numbers (otherwise it may be a postcode)."""
    return _POINT_RE.match(text) is not None


def parse_point(text: str, field: str) -> Point:
    """Parse `lat,lon`; a malformed or out-of-range value is a 422 naming `field`."""
    match = _POINT_RE.match(text)
    if match is None:
        raise InvalidInput(field, f"{field} must be a postcode or 'latitude,longitude', got {text!r}")
    lat, lon = float(match[1]), float(match[2])
    if not -MAX_NEAR_LATITUDE <= lat <= MAX_NEAR_LATITUDE:
        raise InvalidInput(
            field, f"{field} latitude must be between -{MAX_NEAR_LATITUDE:g} and {MAX_NEAR_LATITUDE:g}"
        )
    if not -180.0 <= lon <= 180.0:
        raise InvalidInput(field, f"{field} longitude must be between -180 and 180")
    return Point(lat, lon)


def parse_bbox(text: str, field: str = "bbox") -> BBox:
    """Parse `min_lon,min_lat,max_lon,max_lat`; out of range or inverted is a 422 naming `field`."""
    match = _BBOX_RE.match(text)
    if match is None:
        raise InvalidInput(field, f"{field} must be 'min_lon,min_lat,max_lon,max_lat', got {text!r}")
    box = BBox(float(match[1]), float(match[2]), float(match[3]), float(match[4]))
    if not (-180.0 <= box.min_lon <= 180.0 and -180.0 <= box.max_lon <= 180.0):
        raise InvalidInput(field, f"{field} longitudes must be between -180 and 180")
    if not (-90.0 <= box.min_lat <= 90.0 and -90.0 <= box.max_lat <= 90.0):
        raise InvalidInput(field, f"{field} latitudes must be between -90 and 90")
    if box.min_lon > box.max_lon or box.min_lat > box.max_lat:
        raise InvalidInput(field, f"{field} is inverted: the minimum must not exceed the maximum")
    return box


def haversine_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlambda = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def radius_bbox(centre: Point, radius_m: float) -> BBox:
    """A box that contains every point within `radius_m` of the centre (a prefilter, never too small)."""
    # Pad by a millionth of a degree so float rounding never cuts off a point on the circle.
    dlat = math.degrees(radius_m / EARTH_RADIUS_M) + 1e-6
    # The widest longitude span of a small circle is at latitude asin(sin(lat) / cos(d)); bounding it
    # by the cosine of the circle's most poleward latitude is simple and always wide enough.
    poleward = min(90.0, abs(centre.lat) + dlat)
    cos_lat = math.cos(math.radians(poleward))
    dlon = 180.0 if cos_lat <= 1e-9 else min(180.0, dlat / cos_lat + 1e-6)
    return BBox(
        min_lon=max(-180.0, centre.lon - dlon),
        min_lat=max(-90.0, centre.lat - dlat),
        max_lon=min(180.0, centre.lon + dlon),
        max_lat=min(90.0, centre.lat + dlat),
    )
