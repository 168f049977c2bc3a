"""The golden record of an organisation, and where each of its fields came from."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, JSONType, TimestampMixin, UTCDateTime, enum_type
from app.domain.enums import LocationPrecision, OrganisationStatus, Visibility

if TYPE_CHECKING:
    from app.db.models.source_record import SourceRecord


class Organisation(TimestampMixin, Base):
    """One real-world organisation, merged from every source that describes it."""

    __tablename__ = "organisations"
    __table_args__ = (
        # Keyset pagination of the public list walks this index in order.
        Index("ix_organisations_visibility_sort", "visibility", "sort_name", "id"),
        Index("ix_organisations_fca_number", "fca_number"),
        Index("ix_organisations_companies_house_number", "companies_house_number"),
        Index("ix_organisations_postcode", "postcode"),
        Index("ix_organisations_sector", "sector"),
        Index("ix_organisations_legal_form", "legal_form"),
        Index("ix_organisations_status", "status"),
        Index("ix_organisations_last_verified_at", "last_verified_at"),
        # Search filters, and the data version (max updated_at) that keys caches and map ETags.
        Index("ix_organisations_ownership_type", "ownership_type"),
        Index("ix_organisations_membership_type", "membership_type"),
        Index("ix_organisations_organisational_structure", "organisational_structure"),
        Index("ix_organisations_sic_section", "sic_section"),
        Index("ix_organisations_updated_at", "updated_at"),
        Index("ix_organisations_merged_into_id", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True, nullable=False)
    slug: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    name: Mapped[str] = mapped_column(String(300), nullable=False)
    sort_name: Mapped[str] = mapped_column(String(300), nullable=False)
    other_names: Mapped[list[str]] = mapped_column(JSONType, nullable=False, default=list)
    legal_form: Mapped[str | None] = mapped_column(String(80))
    fca_number: Mapped[str | None] = mapped_column(String(20))
    companies_house_number: Mapped[str | None] = mapped_column(String(8))

    organisational_structure: Mapped[str | None] = mapped_column(String(120))
    ownership_type: Mapped[str | None] = mapped_column(String(60))
    membership_type: Mapped[str | None] = mapped_column(String(60))
    sector: Mapped[str | None] = mapped_column(String(80))
    sic_code: Mapped[str | None] = mapped_column(String(8))
    sic_section: Mapped[str | None] = mapped_column(String(80))
    activities: Mapped[list[str]] = mapped_column(JSONType, nullable=False, default=list)

    description: Mapped[str | None] = mapped_column(Text)
    goods_services: Mapped[list[str]] = mapped_column(JSONType, nullable=False, default=list)
    website: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    # The email is published only when the organisation consented to it.
    email_consent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    street_address: Mapped[str | None] = mapped_column(String(500))
    locality: Mapped[str | None] = mapped_column(String(120))
    region: Mapped[str | None] = mapped_column(String(120))
    postcode: Mapped[str | None] = mapped_column(String(10))
    nation: Mapped[str | None] = mapped_column(String(40))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    location_precision: Mapped[LocationPrecision] = mapped_column(
        enum_type(LocationPrecision, "location_precision"), nullable=False, default=LocationPrecision.NONE
    )

    status: Mapped[OrganisationStatus] = mapped_column(
        enum_type(OrganisationStatus, "organisation_status"),
        nullable=False,
        default=OrganisationStatus.ACTIVE,
    )
    incorporated_on: Mapped[date | None] = mapped_column(Date)
    dissolved_on: Mapped[date | None] = mapped_column(Date)
    visibility: Mapped[Visibility] = mapped_column(
        enum_type(Visibility, "visibility"), nullable=False, default=Visibility.PUBLIC
    )
    last_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when matching merged this organisation into another: its old URLs redirect there.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))

    provenance: Mapped[list[FieldProvenance]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", lazy="raise"
    )
    source_records: Mapped[list[SourceRecord]] = relationship(back_populates="organisation", lazy="raise")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (read once by the mapper)


class FieldProvenance(Base):
    """Which source record supplied an organisation's field, and when that value was observed."""

    __tablename__ = "field_provenance"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    source_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_records.id", ondelete="SET NULL"), index=True
    )
    observed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)

    organisation: Mapped[Organisation] = relationship(back_populates="provenance", lazy="raise")
