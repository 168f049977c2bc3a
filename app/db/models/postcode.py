"""The geocoding cache: postcode -> centroid, from a loaded table or postcodes.io."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class Postcode(Base):
    """A canonical postcode (`OX4 1DD`) or district (`OX4`, precision district) and its centroid."""

    __tablename__ = "postcodes"
    __table_args__ = (Index("ix_postcodes_district", "district"),)

    postcode: Mapped[str] = mapped_column(String(10), primary_key=True)
    district: Mapped[str] = mapped_column(String(5), nullable=False)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Where the centroid came from: a loaded table file's name, postcodes.io, or "district" for a district
    # centroid; null coordinates are a cached miss (postcodes.io did not know it).
    origin: Mapped[str] = mapped_column(String(40), nullable=False)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
