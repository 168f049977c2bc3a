"""Search queries over public organisations: filters, geo predicates, text candidates, grid aggregates."""

from __future__ import annotations

import collections
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    BindParameter,
    Float,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    func,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.db import dialect
from app.db.models import Organisation, SourceRecord
from app.domain.enums import Visibility
from app.domain.geo import BBox, Point

Order = Literal["name", "distance", "none"]

# What a result row carries for lists and maps. Enum columns are read as plain strings: converting them per
# row costs more than the indexed query itself.
SUMMARY_COLUMNS: tuple[Any, ...] = (
    Organisation.id,
    Organisation.public_id,
    Organisation.slug,
    Organisation.name,
    Organisation.sort_name,
    Organisation.legal_form,
    Organisation.organisational_structure,
    Organisation.ownership_type,
    Organisation.membership_type,
    Organisation.sector,
    Organisation.sic_section,
    type_coerce(Organisation.status, String()).label("status"),
    Organisation.locality,
    Organisation.postcode,
    Organisation.latitude,
    Organisation.longitude,
    type_coerce(Organisation.location_precision, String()).label("location_precision"),
    Organisation.website,
)
# What an export adds: the contact fields of a shortlist.
EXPORT_COLUMNS: tuple[Any, ...] = (
    Organisation.street_address,
    Organisation.phone,
    Organisation.email,
    Organisation.email_consent,
    Organisation.goods_services,
    Organisation.last_verified_at,
)
TEXT_COLUMNS: tuple[Any, ...] = (
    Organisation.other_names,
    Organisation.goods_services,
    Organisation.description,
)
# Filterable organisation columns (the `source` filter goes through source_records).
FILTER_COLUMNS: Mapping[str, Any] = {
    "sector": Organisation.sector,
    "sic_section": Organisation.sic_section,
    "legal_form": Organisation.legal_form,
    "ownership_type": Organisation.ownership_type,
    "membership_type": Organisation.membership_type,
    "organisational_structure": Organisation.organisational_structure,
    "status": Organisation.status,
    "location_precision": Organisation.location_precision,
}


@dataclass(frozen=True)
class AreaBounds:
    """An area's primary key and bbox, as the geo predicate needs them."""

    pk: int
    bbox: BBox


@dataclass(frozen=True)
class SearchSpec:
    """Which public organisations a search selects (everything here is already validated)."""

    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # The centre of distance order; with `radius_m`, also a filter.
    near: Point | None = None
    # Distance order on the map's plane (degrees) instead of the sphere (metres): see `dialect.distance_key`.
    plane: bool = False
    radius_m: float | None = None
    bbox: BBox | None = None
    area: AreaBounds | None = None
    # Query words, each with the indexed words it may be a misspelling of.
    text: Sequence[tuple[str, Sequence[str]]] = ()


@dataclass(frozen=True)
class GridCell:
    """Organisations aggregated in one cell of a map grid."""

    count: int
    latitude: float
    longitude: float
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float


@functools.cache
def _record_class(keys: tuple[str, ...]) -> Any:
    return collections.namedtuple("SearchRecord", keys)


def _records(result: CursorResult[Any]) -> list[Any]:
    """The rows as named tuples: reading a field of one costs a twentieth of a SQLAlchemy Row's."""
    make = _record_class(tuple(result.keys()))._make
    return [make(row) for row in result.all()]


# Statements are built once per shape (dialect, order, which clauses) and reused with new parameters.
_statements: dict[tuple[Any, ...], Any] = {}


def _shape(spec: SearchSpec) -> tuple[Any, ...]:
    return (
        tuple(sorted(spec.filters)),
        spec.near is not None and spec.radius_m is not None,
        spec.bbox is not None,
        spec.area is not None,
        tuple(len(word) for word, _variants in spec.text),
        spec.plane,
    )


class SearchRepository:
    """The SQL of organisation search on either engine (dialect differences come from `dialect`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = dialect.dialect_name(session)

    def _where(self, shape: tuple[Any, ...]) -> list[ColumnElement[bool]]:
        filters, radius, box, area, text, _plane = shape
        prefiltered = bool(radius or box or area or text)
        clauses = [dialect.public_only(self.dialect, prefiltered=prefiltered)]
        for name in filters:
            values: BindParameter[Any] = bindparam(f"filter_{name}", expanding=True)
            if name == "source":
                linked = select(SourceRecord.organisation_id).where(SourceRecord.source.in_(values))
                clauses.append(Organisation.id.in_(linked))
            else:
                clauses.append(FILTER_COLUMNS[name].in_(values))
        if radius:
            clauses.append(dialect.within_radius(self.dialect))
        if box:
            clauses.append(dialect.within_bbox(self.dialect))
        if area:
            clauses.append(dialect.within_area(self.dialect))
        if text:
            clauses.append(dialect.text_match(self.dialect, text))
        return clauses

    def _params(self, spec: SearchSpec) -> dict[str, Any]:
        params: dict[str, Any] = {f"filter_{name}": list(values) for name, values in spec.filters.items()}
        if spec.near is not None:
            params.update(dialect.centre_params(spec.near))
            if spec.radius_m is not None:
                params.update(dialect.radius_params(spec.near, spec.radius_m))
        if spec.bbox is not None:
            params.update(dialect.box_params("bbox", spec.bbox))
        if spec.area is not None:
            params.update(dialect.area_params(spec.area.pk, spec.area.bbox))
        if spec.text:
            dialect.prepare_text_search(self.session)
            params.update(dialect.text_params(self.dialect, spec.text))
        return params

    def _statement(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        statement = _statements.get(key)
        if statement is None:
            statement = _statements[key] = build()
        return statement

    def rows(
        self,
        spec: SearchSpec,
        *,
        order: Order,
        after: tuple[Any, int] | None = None,
        limit: int,
        with_text: bool = False,
        export: bool = False,
    ) -> Sequence[Any]:
        """Up to `limit` result rows in `order`, strictly after the keyset position `after`.

        With `order="distance"` each row has `distance_key` (metres, or degrees when `spec.plane`: see
        `dialect.distance_key`), and rows at the same distance come in no
        particular order (see `rows_at_distance`); `with_text` adds the searchable text fields and
        `export` the contact fields.
        """
        if order == "distance" and spec.near is None:
            raise ValueError("distance order needs a centre")
        shape = _shape(spec)
        key = ("rows", self.dialect, shape, order, after is not None, with_text, export)
        statement = self._statement(
            key, lambda: self._build_rows(shape, order, after is not None, with_text, export)
        )
        params = self._params(spec)
        params["row_limit"] = limit
        if after is not None:
            params["after_value"], params["after_id"] = after
        return _records(self.session.connection().execute(statement, params))

    def rows_at_distance(
        self, spec: SearchSpec, distance: float, *, with_text: bool = False, export: bool = False
    ) -> Sequence[Any]:
        """Every row at exactly `distance` (a `distance_key`) from the centre, by id.

        It completes a tie cut by a LIMIT.
        """
        shape = _shape(spec)
        key = ("tie", self.dialect, shape, with_text, export)
        statement = self._statement(key, lambda: self._build_tie(shape, with_text, export))
        params = self._params(spec)
        params["tie_distance"] = distance
        return _records(self.session.connection().execute(statement, params))

    def _columns(self, with_text: bool, export: bool) -> list[Any]:
        columns: dict[str, Any] = {column.key: column for column in SUMMARY_COLUMNS}
        for extra in (*(TEXT_COLUMNS if with_text else ()), *(EXPORT_COLUMNS if export else ())):
            columns[extra.key] = extra
        return list(columns.values())

    def _distances(self, plane: bool) -> list[Any]:
        """`distance_key`, and on the plane also `distance_m` (metres, computed by the database: cheaper)."""
        columns = [dialect.distance_key(self.dialect, plane).label("distance_key")]
        if plane:
            columns.append(dialect.haversine_m(self.dialect).label("distance_m"))
        return columns

    def _build_tie(self, shape: tuple[Any, ...], with_text: bool, export: bool) -> Any:
        plane = shape[-1]
        distance = dialect.distance_key(self.dialect, plane)
        tie = bindparam("tie_distance", type_=Float())
        within = dialect.within_distance(self.dialect, tie + dialect.TIE_PADDING[plane], plane)
        clauses = [*self._where(shape), within, distance == tie]
        statement = select(*self._columns(with_text, export), *self._distances(plane))
        return statement.where(*clauses).order_by(Organisation.id)

    def _build_rows(
        self, shape: tuple[Any, ...], order: Order, keyset: bool, with_text: bool, export: bool
    ) -> Any:
        clauses = self._where(shape)
        statement = select(*self._columns(with_text, export))
        after_id = bindparam("after_id", type_=Integer())
        if order == "distance":
            plane = shape[-1]
            distance = dialect.distance_key(self.dialect, plane)
            statement = statement.add_columns(*self._distances(plane))
            if keyset:
                after_value = bindparam("after_value", type_=Float())
                beyond = and_(distance == after_value, Organisation.id > after_id)
                clauses.append(or_(distance > after_value, beyond))
            statement = statement.order_by(dialect.distance_order(self.dialect, plane))
        elif order == "name":
            if keyset:
                after_name = bindparam("after_value", type_=String())
                clauses.append(tuple_(Organisation.sort_name, Organisation.id) > tuple_(after_name, after_id))
            statement = statement.order_by(Organisation.sort_name, Organisation.id)
        return statement.where(*clauses).limit(bindparam("row_limit", type_=Integer()))

    def values(self, name: str) -> list[tuple[str, int]]:
        """Distinct values of a filter among public organisations, with how many have each."""
        if name == "source":
            column: Any = SourceRecord.source
            statement = (
                select(column, func.count(func.distinct(Organisation.id)))
                .join(Organisation, Organisation.id == SourceRecord.organisation_id)
                .where(Organisation.visibility == Visibility.PUBLIC)
            )
        else:
            column = FILTER_COLUMNS[name]
            statement = select(column, func.count()).where(
                Organisation.visibility == Visibility.PUBLIC, column.is_not(None)
            )
        rows = self.session.execute(statement.group_by(column).order_by(column)).all()
        return [(str(value), int(count)) for value, count in rows]

    def data_version(self) -> tuple[datetime | None, int | None]:
        """(latest update, highest id): changes when an organisation is added or edited (two index reads)."""
        updated = self.session.scalar(select(func.max(Organisation.updated_at)))
        highest = self.session.scalar(select(func.max(Organisation.id)))
        return updated, highest

    def points(self, spec: SearchSpec, limit: int) -> Sequence[Any]:
        """Located organisations for a map, at most `limit` (unordered: the map shows them all)."""
        shape = _shape(spec)
        statement = self._statement(("points", self.dialect, shape), lambda: self._build_points(shape))
        params = self._params(spec)
        params["row_limit"] = limit
        return _records(self.session.connection().execute(statement, params))

    def _build_points(self, shape: tuple[Any, ...]) -> Any:
        columns = (
            Organisation.public_id,
            Organisation.slug,
            Organisation.name,
            Organisation.latitude,
            Organisation.longitude,
        )
        clauses = [*self._where(shape), Organisation.latitude.is_not(None)]
        return select(*columns).where(*clauses).limit(bindparam("row_limit", type_=Integer()))

    def grid(self, spec: SearchSpec, cell_lat: float, cell_lon: float, max_cells: int) -> list[GridCell]:
        """Located organisations counted per grid cell (cells anchored at -90/-180, so they never move).

        Returns at most `max_cells` of the fullest cells.
        """
        shape = _shape(spec)
        statement = self._statement(("grid", self.dialect, shape), lambda: self._build_grid(shape))
        params = self._params(spec)
        params.update(cell_lat=cell_lat, cell_lon=cell_lon, max_cells=max_cells)
        return [GridCell(*row) for row in self.session.connection().execute(statement, params)]

    def _build_grid(self, shape: tuple[Any, ...]) -> Any:
        cell_lat = bindparam("cell_lat", type_=Float())
        cell_lon = bindparam("cell_lon", type_=Float())
        # The shifted coordinates are never negative, so an integer cast is a floor on both engines.
        row_index: ColumnElement[Any] = cast((Organisation.latitude + 90.0) / cell_lat, Integer)
        col_index: ColumnElement[Any] = cast((Organisation.longitude + 180.0) / cell_lon, Integer)
        if self.dialect == "postgresql":
            row_index = func.floor((Organisation.latitude + 90.0) / cell_lat)
            col_index = func.floor((Organisation.longitude + 180.0) / cell_lon)
        count = func.count().label("n")
        return (
            select(
                count,
                cast(func.avg(Organisation.latitude), Float),
                cast(func.avg(Organisation.longitude), Float),
                func.min(Organisation.latitude),
                func.min(Organisation.longitude),
                func.max(Organisation.latitude),
                func.max(Organisation.longitude),
            )
            .where(*self._where(shape), Organisation.latitude.is_not(None))
            .group_by(row_index, col_index)
            .order_by(count.desc())
            .limit(bindparam("max_cells", type_=Integer()))
        )
