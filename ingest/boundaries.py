"""Reading boundary GeoJSON (e.g. ONS council, ward and LSOA boundaries) into areas: pure, no database.

A file is a FeatureCollection of Polygon and MultiPolygon features, in WGS84 longitude/latitude or in
British National Grid (EPSG:27700, declared by a `crs` member or recognised by its metre-sized
coordinates, and transformed to WGS84). Invalid polygons are repaired. Every problem is collected with
its feature index and field, and a file with any problem is refused as a whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from pyproj import Transformer
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, shape

from app.domain.enums import AreaKind
from app.domain.errors import SourceError
from app.services.areas import AreaInput, code_problem, name_problem

WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"
_CRS_NAMES = {"4326": WGS84, "CRS84": WGS84, "27700": BRITISH_NATIONAL_GRID}
# (min x, min y, max x, max y) each coordinate system can hold; BNG with 10 km of slack around GB.
_EXTENTS = {WGS84: (-180.0, -90.0, 180.0, 90.0), BRITISH_NATIONAL_GRID: (-10e3, -10e3, 710e3, 1310e3)}
# ONS names its columns <prefix><year><NM|CD>; when a file has several, the kind's prefix decides.
_KIND_PREFIXES = {
    AreaKind.COUNCIL: ("LAD", "CTYUA", "CTY", "UTLA", "LTLA"),
    AreaKind.WARD: ("WD",),
    AreaKind.LSOA: ("LSOA",),
    AreaKind.CUSTOM: (),
}
_POLYGONAL = ("Polygon", "MultiPolygon")
_MAX_LISTED = 20


@dataclass(frozen=True)
class FeatureProblem:
    """Why a file, or one of its features, cannot be imported."""

    index: int | None  # position in `features`; None for the file as a whole
    field: str  # e.g. `properties.LAD23CD`, `geometry.type`, `crs`
    message: str

    def __str__(self) -> str:
        where = "" if self.index is None else f"feature {self.index}, "
        return f"{where}{self.field}: {self.message}" if self.field else self.message


class BoundaryFileError(SourceError):
    """A boundary file that cannot be imported, with every problem found."""

    def __init__(self, problems: Sequence[FeatureProblem]) -> None:
        self.problems = list(problems)
        listed = "; ".join(str(problem) for problem in self.problems[:_MAX_LISTED])
        more = len(self.problems) - _MAX_LISTED
        super().__init__(listed + (f"; and {more} more problems" if more > 0 else ""))


@dataclass(frozen=True)
class BoundaryFile:
    """The areas of a file and how they were read."""

    areas: list[AreaInput]
    crs: str  # what the file's coordinates were in (WGS84 or BRITISH_NATIONAL_GRID)
    repaired: int  # features whose invalid polygons were repaired
    bbox: tuple[float, float, float, float]  # (min_lon, min_lat, max_lon, max_lat) of every area


def read_boundaries(
    data: bytes, *, kind: AreaKind, name_field: str | None = None, code_field: str | None = None
) -> BoundaryFile:
    """Parse a GeoJSON FeatureCollection into areas of one kind; raises BoundaryFileError."""
    return parse_features(
        load_feature_collection(data), kind=kind, name_field=name_field, code_field=code_field
    )


def load_feature_collection(data: bytes) -> dict[str, Any]:
    """The decoded FeatureCollection (NaN and Infinity become null); raises BoundaryFileError otherwise."""
    try:
        document = json.loads(data, parse_constant=lambda _constant: None)
    except UnicodeDecodeError:
        raise _file_error("", "the file is not GeoJSON: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _file_error("", f"the file is not GeoJSON: {exc.msg} at line {exc.lineno}") from None
    found = document.get("type") if isinstance(document, dict) else type(document).__name__
    if found != "FeatureCollection":
        raise _file_error("type", f"a GeoJSON FeatureCollection is expected, not {found!r}")
    collection: dict[str, Any] = document
    if not isinstance(collection.get("features"), list) or not collection["features"]:
        raise _file_error("features", "the collection has no features")
    return collection


def parse_features(
    collection: dict[str, Any], *, kind: AreaKind, name_field: str | None, code_field: str | None
) -> BoundaryFile:
    """Areas from a decoded FeatureCollection (see `read_boundaries`)."""
    features: list[Any] = collection["features"]
    problems: list[FeatureProblem] = []
    names = list(dict.fromkeys(key for feature in features for key in _properties(feature)))
    name_key = _choose_field(names, name_field, "NM", "name", kind, problems)
    code_key = _choose_field(names, code_field, "CD", "code", kind, problems)
    declared = _declared_crs(collection, problems)
    if problems or name_key is None or code_key is None:
        raise BoundaryFileError(problems)
    parsed = _read_features(features, name_key, code_key)
    shapes = [feature.shape for feature in parsed]
    crs = _source_crs(shapes, declared)
    if crs == BRITISH_NATIONAL_GRID:
        transformer = Transformer.from_crs(BRITISH_NATIONAL_GRID, WGS84, always_xy=True)
        shapes = [shapely.transform(item, transformer.transform, interleaved=False) for item in shapes]
    polygons = [_multipolygon(item) for item in shapes]
    empty = [index for index, item in enumerate(polygons) if item is None]
    if empty:
        message = "the polygon has no area, even after repair"
        raise BoundaryFileError([FeatureProblem(index, "geometry", message) for index in empty])
    areas = [
        AreaInput(kind=kind, code=feature.code, name=feature.name, properties=feature.others, geometry=item)
        for feature, item in zip(parsed, polygons, strict=True)
    ]
    bounds = shapely.total_bounds(polygons)
    return BoundaryFile(
        areas=areas,
        crs=crs,
        repaired=sum(1 for item in shapes if not item.is_valid),
        bbox=(float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3])),
    )


@dataclass(frozen=True)
class _Feature:
    code: str
    name: str
    others: dict[str, Any]  # the remaining properties
    shape: Any  # in the file's coordinates


def _read_features(features: list[Any], name_key: str, code_key: str) -> list[_Feature]:
    """Code, name, other properties and polygons of every feature; raises with every problem found."""
    problems: list[FeatureProblem] = []
    parsed: list[_Feature] = []
    first_index: dict[str, int] = {}
    for index, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(FeatureProblem(index, "type", "a GeoJSON Feature is expected"))
            continue
        props = _properties(feature)
        code = _text(index, props, code_key, code_problem, problems)
        name = _text(index, props, name_key, name_problem, problems)
        if code is not None and code in first_index:
            message = f"the code {code!r} is already used by feature {first_index[code]}"
            problems.append(FeatureProblem(index, f"properties.{code_key}", message))
        elif code is not None:
            first_index[code] = index
        shape_ = _source_shape(index, feature.get("geometry"), problems)
        if code is not None and name is not None and shape_ is not None:
            others = {key: value for key, value in props.items() if key not in (name_key, code_key)}
            parsed.append(_Feature(code=code, name=name, others=others, shape=shape_))
    if problems:
        raise BoundaryFileError(problems)
    return parsed


def _file_error(field: str, message: str) -> BoundaryFileError:
    return BoundaryFileError([FeatureProblem(None, field, message)])


def _properties(feature: Any) -> dict[str, Any]:
    props = feature.get("properties") if isinstance(feature, dict) else None
    return props if isinstance(props, dict) else {}


def _choose_field(
    names: list[str],
    given: str | None,
    suffix: str,
    what: str,
    kind: AreaKind,
    problems: list[FeatureProblem],
) -> str | None:
    """The property holding the name (or code): the one given, or the only ONS-style `*NM` (`*CD`) one."""
    option = f"--{what}-field"
    listed = ", ".join(names) or "none"
    if given is not None:
        if given not in names:
            problems.append(
                FeatureProblem(None, option, f"no feature has a property {given!r}; properties: {listed}")
            )
        return given
    candidates = [name for name in names if name.upper().endswith(suffix)]
    if len(candidates) > 1:
        candidates = [name for name in candidates if name.upper().startswith(_KIND_PREFIXES[kind])]
    if not candidates:
        candidates = [name for name in names if name.lower() == what]
    if len(candidates) == 1:
        return candidates[0]
    problems.append(
        FeatureProblem(
            None,
            option,
            f"cannot tell which property holds the {what}: choose one with {option}; properties: {listed}",
        )
    )
    return None


def _declared_crs(collection: dict[str, Any], problems: list[FeatureProblem]) -> str | None:
    """The coordinate system named by a (pre-RFC 7946) `crs` member, or None when there is none."""
    member = collection.get("crs")
    if member is None:
        return None
    details = member.get("properties") if isinstance(member, dict) else None
    name = details.get("name") if isinstance(details, dict) else None
    match = re.search(r"(?:EPSG:(?:[\d.]*:)?(\d+)|(CRS84))$", name) if isinstance(name, str) else None
    found = _CRS_NAMES.get(match.group(1) or match.group(2)) if match else None
    if found is None:
        problems.append(
            FeatureProblem(
                None,
                "crs",
                f"{name or member!r} is not supported: "
                "use WGS84 (EPSG:4326) or British National Grid (EPSG:27700)",
            )
        )
    return found


def _text(
    index: int,
    props: dict[str, Any],
    key: str,
    check: Callable[[str], str | None],
    problems: list[FeatureProblem],
) -> str | None:
    """The stripped text of a name or code property, or None after recording why it is unusable."""
    value = props.get(key)
    field = f"properties.{key}"
    if value is None:
        problems.append(FeatureProblem(index, field, "is missing"))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        problems.append(FeatureProblem(index, field, f"must be text, not {value!r}"))
        return None
    text = str(value).strip()
    problem = check(text)
    if problem is not None:
        problems.append(FeatureProblem(index, field, problem))
        return None
    return text


def _source_shape(index: int, geometry: Any, problems: list[FeatureProblem]) -> Any:
    """The feature's polygons in the file's coordinates (2-D), or None after recording the problem."""
    if not isinstance(geometry, dict):
        problems.append(FeatureProblem(index, "geometry", "is missing"))
        return None
    if geometry.get("type") not in _POLYGONAL:
        message = f"{geometry.get('type')!r} is not supported: only Polygon and MultiPolygon"
        problems.append(FeatureProblem(index, "geometry.type", message))
        return None
    try:
        return shapely.force_2d(shape(geometry))
    except (ValueError, TypeError, IndexError, AttributeError, GEOSException) as exc:
        problems.append(FeatureProblem(index, "geometry.coordinates", f"are malformed ({exc})"))
        return None


def _source_crs(shapes: list[Any], declared: str | None) -> str:
    """The declared crs if the coordinates fit it, else WGS84 or BNG by the size of the coordinates."""
    # Real BNG coordinates never all fit in +-180/+-90 (that is a few hundred metres of sea off Scilly).
    looks_wgs84 = _fits(shapes, WGS84)
    if declared is None:
        if looks_wgs84:
            return WGS84
        if _fits(shapes, BRITISH_NATIONAL_GRID):
            return BRITISH_NATIONAL_GRID
        raise _file_error(
            "coordinates",
            "are neither WGS84 longitude/latitude nor British National Grid metres: "
            "reproject the file to EPSG:4326 or EPSG:27700",
        )
    if not _fits(shapes, declared) or (declared == BRITISH_NATIONAL_GRID and looks_wgs84):
        raise _file_error("coordinates", f"do not fit the file's crs {declared}")
    return declared


def _fits(shapes: list[Any], crs: str) -> bool:
    min_x, min_y, max_x, max_y = shapely.total_bounds(shapes)
    low_x, low_y, high_x, high_y = _EXTENTS[crs]
    return bool(low_x <= min_x and max_x <= high_x and low_y <= min_y and max_y <= high_y)


def _multipolygon(geometry: Any) -> Any:
    """The geometry as a valid MultiPolygon (repairing it and keeping its polygonal parts), or None."""
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    parts = _polygons(geometry)
    if not parts:
        return None
    polygons = MultiPolygon(parts)
    if not polygons.is_valid:  # repaired parts may share edges; dissolve them
        polygons = MultiPolygon(_polygons(shapely.union_all(parts)))
    return None if polygons.is_empty or polygons.area == 0 else polygons


def _polygons(geometry: Any) -> list[Any]:
    if geometry.geom_type == "Polygon":
        return [] if geometry.is_empty else [geometry]
    if geometry.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [part for member in geometry.geoms for part in _polygons(member)]
    return []
