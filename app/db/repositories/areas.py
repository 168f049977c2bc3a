"""Queries over areas (boundaries): upserts by (kind, code), keyset pages and boundary look-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, tuple_
from sqlalchemy.orm import Session, defer

from app.db.dialect import upsert_statement
from app.db.models import Area
from app.domain.enums import AreaKind

# Columns an import replaces when a (kind, code) is already stored.
_REPLACED = ("name", "properties", "boundary_wkb", "min_lat", "min_lon", "max_lat", "max_lon", "updated_at")
_IN_CHUNK = 500


@dataclass(frozen=True)
class StoredArea:
    """What an import compares against to decide whether a stored area changed."""

    name: str
    properties: dict[str, Any]
    boundary_wkb: bytes


@dataclass(frozen=True)
class AreaBoundary:
    """The index keys of an area without its polygon: enough to filter, and to key a parsed-polygon cache."""

    pk: int
    name: str
    updated_at: datetime
    bbox: tuple[float, float, float, float]  # (min_lat, min_lon, max_lat, max_lon)


class AreaRepository:
    """Areas keyed by (kind, code); the polygon is WKB and its bbox feeds each engine's spatial index."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def stored(self, kind: AreaKind, codes: Sequence[str]) -> dict[str, StoredArea]:
        """The stored name, properties and WKB of these codes of one kind, by code (chunked IN queries)."""
        found: dict[str, StoredArea] = {}
        unique = list(dict.fromkeys(codes))
        for start in range(0, len(unique), _IN_CHUNK):
            statement = select(Area.code, Area.name, Area.properties, Area.boundary_wkb).where(
                Area.kind == kind, Area.code.in_(unique[start : start + _IN_CHUNK])
            )
            for code, name, properties, wkb in self.session.execute(statement):
                found[code] = StoredArea(name=name, properties=properties, boundary_wkb=bytes(wkb))
        return found

    def upsert_many(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows, or replace name, properties, polygon and bbox of an existing (kind, code)."""
        if not rows:
            return
        table = cast(Table, Area.__table__)
        statement = upsert_statement(self.session, table).values(list(rows))
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.kind, table.c.code],
            set_={name: statement.excluded[name] for name in _REPLACED},
        )
        self.session.execute(statement)
        # The statement bypassed the ORM, so areas already loaded in this session are stale.
        for instance in list(self.session.identity_map.values()):
            if isinstance(instance, Area):
                self.session.expire(instance)

    def page(
        self, *, kind: AreaKind | None, q: str | None, limit: int, after: tuple[str, str, int] | None
    ) -> Sequence[Area]:
        """Up to `limit` areas in (kind, code) order after the key, without their polygons."""
        statement = select(Area).options(defer(Area.boundary_wkb))
        if kind is not None:
            statement = statement.where(Area.kind == kind)
        if q:
            escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            statement = statement.where(Area.name.ilike(f"%{escaped}%", escape="\\"))
        if after is not None:
            statement = statement.where(tuple_(Area.kind, Area.code, Area.id) > tuple_(*after))
        statement = statement.order_by(Area.kind, Area.code, Area.id).limit(limit)
        return self.session.scalars(statement).all()

    def get(self, kind: AreaKind, code: str) -> Area | None:
        """One area with its polygon."""
        return self.session.scalars(select(Area).where(Area.kind == kind, Area.code == code)).first()

    def get_boundary(self, kind: AreaKind, code: str) -> AreaBoundary | None:
        """An area's primary key, name, version and bbox, without reading the (possibly large) polygon."""
        statement = select(
            Area.id, Area.name, Area.updated_at, Area.min_lat, Area.min_lon, Area.max_lat, Area.max_lon
        ).where(Area.kind == kind, Area.code == code)
        row = self.session.execute(statement).first()
        if row is None:
            return None
        pk, name, updated_at, min_lat, min_lon, max_lat, max_lon = row
        return AreaBoundary(
            pk=pk, name=name, updated_at=updated_at, bbox=(min_lat, min_lon, max_lat, max_lon)
        )

    def boundary_wkb(self, pk: int) -> bytes | None:
        """The polygon of an area as WKB."""
        wkb = self.session.scalar(select(Area.boundary_wkb).where(Area.id == pk))
        return None if wkb is None else bytes(wkb)
