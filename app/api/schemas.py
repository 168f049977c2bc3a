"""Response schemas of the JSON API (the OpenAPI document is generated from these)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from app.db.models import Organisation
from app.domain.enums import LocationPrecision, OrganisationStatus
from app.services import organisations


class OrganisationLinks(BaseModel):
    """Where to find this organisation as JSON and as a page."""

    self: str = Field(description="This organisation in the JSON API.")
    html: str = Field(description="This organisation's page.")


class OrganisationSummary(BaseModel):
    """The fields a list or a map needs."""

    id: str = Field(description="Stable public id.", examples=["8x2m4kq7vd3p"])
    slug: str = Field(examples=["riverside-bakery-co-operative"])
    name: str
    legal_form: str | None
    organisational_structure: str | None
    ownership_type: str | None
    sector: str | None
    status: OrganisationStatus
    locality: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    location_precision: LocationPrecision
    website: str | None
    links: OrganisationLinks

    @classmethod
    def from_model(cls, org: Organisation) -> OrganisationSummary:
        """Build from an ORM organisation."""
        return cls(**_summary_fields(org))


class SourceReference(BaseModel):
    """A record in one source that describes this organisation."""

    source: str = Field(examples=["coops-uk"])
    source_id: str = Field(examples=["R001970"])
    status_in_source: str
    first_seen_at: datetime
    last_seen_at: datetime


class FieldOrigin(BaseModel):
    """Where a field's current value came from, and when it was observed there."""

    source: str
    observed_at: datetime


class OrganisationDetail(OrganisationSummary):
    """Everything public about one organisation, with its sources and per-field provenance."""

    other_names: list[str]
    fca_number: str | None = Field(description="FCA Mutuals Public Register number, normalised.")
    companies_house_number: str | None
    membership_type: str | None
    sic_code: str | None
    sic_section: str | None
    activities: list[str]
    description: str | None
    goods_services: list[str]
    phone: str | None
    email: str | None = Field(description="Published only when the organisation consented.")
    street_address: str | None
    region: str | None
    nation: str | None
    incorporated_on: date | None
    dissolved_on: date | None
    last_verified_at: datetime | None
    sources: list[SourceReference]
    provenance: dict[str, FieldOrigin] = Field(description="Field name -> the source that supplied it.")

    @classmethod
    def from_model(cls, org: Organisation) -> OrganisationDetail:
        """Build from an ORM organisation loaded with its provenance and source records."""
        return cls(
            **_summary_fields(org),
            other_names=org.other_names,
            fca_number=org.fca_number,
            companies_house_number=org.companies_house_number,
            membership_type=org.membership_type,
            sic_code=org.sic_code,
            sic_section=org.sic_section,
            activities=org.activities,
            description=org.description,
            goods_services=org.goods_services,
            phone=org.phone,
            email=organisations.public_email(org),
            street_address=org.street_address,
            region=org.region,
            nation=org.nation,
            incorporated_on=org.incorporated_on,
            dissolved_on=org.dissolved_on,
            last_verified_at=org.last_verified_at,
            sources=[
                SourceReference(
                    source=r.source,
                    source_id=r.source_id,
                    status_in_source=r.status_in_source,
                    first_seen_at=r.first_seen_at,
                    last_seen_at=r.last_seen_at,
                )
                for r in sorted(org.source_records, key=lambda r: (r.source, r.source_id))
            ],
            provenance={
                field: FieldOrigin(source=p.source, observed_at=p.observed_at)
                for field, p in organisations.public_provenance(org).items()
            },
        )


class PageLinks(BaseModel):
    """Link to the next page, or null on the last page."""

    next: str | None


class Health(BaseModel):
    """Liveness and database reachability."""

    status: str = Field(examples=["ok"])
    database: str = Field(examples=["sqlite"])
    version: str


def _summary_fields(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.public_id,
        "slug": org.slug,
        "name": org.name,
        "legal_form": org.legal_form,
        "organisational_structure": org.organisational_structure,
        "ownership_type": org.ownership_type,
        "sector": org.sector,
        "status": org.status,
        "locality": org.locality,
        "postcode": org.postcode,
        "latitude": org.latitude,
        "longitude": org.longitude,
        "location_precision": org.location_precision,
        "website": org.website,
        "links": OrganisationLinks(
            self=organisations.PUBLIC_JSON_PREFIX + org.public_id,
            html=organisations.PUBLIC_HTML_PREFIX + org.slug,
        ),
    }
