"""A boundary (council, ward, LSOA or custom) that searches can be limited to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONType, TimestampMixin, enum_type
from app.domain.enums import AreaKind


class Area(TimestampMixin, Base):
    """The polygon is WKB (portable); its bbox feeds the R*Tree on SQLite, PostGIS derives a geometry."""

    __tablename__ = "areas"
    __table_args__ = (UniqueConstraint("kind", "code"), Index("ix_areas_name", "name"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[AreaKind] = mapped_column(enum_type(AreaKind, "area_kind"), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    properties: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False, default=dict)
    boundary_wkb: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    min_lat: Mapped[float] = mapped_column(Float, nullable=False)
    min_lon: Mapped[float] = mapped_column(Float, nullable=False)
    max_lat: Mapped[float] = mapped_column(Float, nullable=False)
    max_lon: Mapped[float] = mapped_column(Float, nullable=False)
