"""Search queries over public organisations: filters, geo predicates, text candidates, grid aggregates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Float, Integer, Row, and_, cast, func, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.db import dialect
from app.db.models import Organisation, SourceRecord
from app.domain.enums import Visibility
from app.domain.geo import BBox, Point

Order = Literal["name", "distance", "none"]

# What a result row carries: the list/map fields plus the contact fields an export needs.
RESULT_COLUMNS = (
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
    Organisation.status,
    Organisation.street_address,
    Organisation.locality,
    Organisation.postcode,
    Organisation.latitude,
    Organisation.longitude,
    Organisation.location_precision,
    Organisation.website,
    Organisation.phone,
    Organisation.email,
    Organisation.email_consent,
    Organisation.goods_services,
    Organisation.last_verified_at,
)
TEXT_COLUMNS = (Organisation.other_names, Organisation.description)
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
    near: Point | None = None
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


class SearchRepository:
    """The SQL of organisation search on either engine (dialect differences come from `dialect`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = dialect.dialect_name(session)

    def _where(self, spec: SearchSpec) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = [Organisation.visibility == Visibility.PUBLIC]
        for name, values in spec.filters.items():
            if name == "source":
                linked = select(SourceRecord.organisation_id).where(SourceRecord.source.in_(list(values)))
                clauses.append(Organisation.id.in_(linked))
            else:
                clauses.append(FILTER_COLUMNS[name].in_(list(values)))
        if spec.near is not None and spec.radius_m is not None:
            clauses.append(dialect.within_radius(self.dialect, spec.near, spec.radius_m))
        if spec.bbox is not None:
            clauses.append(dialect.within_bbox(self.dialect, spec.bbox))
        if spec.area is not None:
            clauses.append(dialect.within_area(self.dialect, spec.area.pk, spec.area.bbox))
        if spec.text:
            dialect.prepare_text_search(self.session)
            clauses.append(dialect.text_match(self.dialect, spec.text))
        return clauses

    def rows(
        self,
        spec: SearchSpec,
        *,
        order: Order,
        after: tuple[Any, int] | None = None,
        limit: int,
        with_text: bool = False,
    ) -> Sequence[Row[Any]]:
        """Up to `limit` result rows in `order`, strictly after the keyset position `after`.

        With `order="distance"` each row has `distance_m`; `with_text` adds the other text fields.
        """
        columns: list[Any] = [*RESULT_COLUMNS, *(TEXT_COLUMNS if with_text else ())]
        clauses = self._where(spec)
        statement = select(*columns)
        if order == "distance":
            if spec.near is None:
                raise ValueError("distance order needs a centre")
            distance = dialect.distance_m(self.dialect, spec.near)
            statement = statement.add_columns(distance.label("distance_m"))
            if after is not None:
                clauses.append(
                    or_(distance > after[0], and_(distance == after[0], Organisation.id > after[1]))
                )
            statement = statement.order_by(distance, Organisation.id)
        elif order == "name":
            if after is not None:
                clauses.append(tuple_(Organisation.sort_name, Organisation.id) > tuple_(*after))
            statement = statement.order_by(Organisation.sort_name, Organisation.id)
        return self.session.execute(statement.where(*clauses).limit(limit)).all()

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

    def points(self, spec: SearchSpec, limit: int) -> Sequence[Row[Any]]:
        """Located organisations for a map, at most `limit` (unordered: the map shows them all)."""
        columns: list[Any] = [
            Organisation.public_id,
            Organisation.slug,
            Organisation.name,
            Organisation.latitude,
            Organisation.longitude,
        ]
        statement = select(*columns)
        clauses = [*self._where(spec), Organisation.latitude.is_not(None)]
        return self.session.execute(statement.where(*clauses).limit(limit)).all()

    def grid(self, spec: SearchSpec, cell_lat: float, cell_lon: float, max_cells: int) -> list[GridCell]:
        """Located organisations counted per grid cell (cells anchored at -90/-180, so they never move).

        Returns at most `max_cells` of the fullest cells.
        """
        # The shifted coordinates are never negative, so an integer cast is a floor on both engines.
        row_index: ColumnElement[Any] = cast((Organisation.latitude + 90.0) / cell_lat, Integer)
        col_index: ColumnElement[Any] = cast((Organisation.longitude + 180.0) / cell_lon, Integer)
        if self.dialect == "postgresql":
            row_index = func.floor((Organisation.latitude + 90.0) / cell_lat)
            col_index = func.floor((Organisation.longitude + 180.0) / cell_lon)
        count = func.count().label("n")
        statement = (
            select(
                count,
                cast(func.avg(Organisation.latitude), Float),
                cast(func.avg(Organisation.longitude), Float),
                func.min(Organisation.latitude),
                func.min(Organisation.longitude),
                func.max(Organisation.latitude),
                func.max(Organisation.longitude),
            )
            .where(*self._where(spec), Organisation.latitude.is_not(None))
            .group_by(row_index, col_index)
            .order_by(count.desc())
            .limit(max_cells)
        )
        return [GridCell(*row) for row in self.session.execute(statement)]
