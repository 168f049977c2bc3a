"""Public pages: an organisation's page (the home page and its map are in `map_pages`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.routing import NoMatchFound

from app.db.models import FieldProvenance, Organisation
from app.dependencies import SessionDep, SettingsDep
from app.domain.enums import LocationPrecision
from app.domain.text import http_url
from app.services import organisations

router = APIRouter(include_in_schema=False)

# The small map zooms in as far as the location is precise (a district centroid is only roughly right).
_ZOOM = {LocationPrecision.EXACT: 16, LocationPrecision.POSTCODE: 15, LocationPrecision.DISTRICT: 12}


@dataclass(frozen=True)
class Fact:
    """One line of the page: what it is, its value, and where the value came from (if recorded)."""

    label: str
    value: str
    source: str | None = None
    observed_at: str | None = None


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def _date(value: date) -> str:
    """`3 December 2026` (a date or a datetime)."""
    return f"{value.day} {value:%B %Y}"


def _facts(org: Organisation) -> list[Fact]:
    """Every published fact with a value, each with the source and date of its provenance."""
    provenance = organisations.public_provenance(org)
    address = ", ".join(
        p for p in dict.fromkeys((org.street_address, org.locality, org.region, org.postcode)) if p
    )
    rows: list[tuple[str, Any, tuple[str, ...]]] = [
        ("Other names", ", ".join(org.other_names), ("other_names",)),
        ("Legal form", org.legal_form, ("legal_form",)),
        ("Structure", org.organisational_structure, ("organisational_structure",)),
        ("Ownership", org.ownership_type, ("ownership_type",)),
        ("Membership", org.membership_type, ("membership_type",)),
        ("Sector", org.sector, ("sector",)),
        (
            "Industry (SIC)",
            " ".join(p for p in (org.sic_code, org.sic_section) if p),
            ("sic_code", "sic_section"),
        ),
        ("Activities", ", ".join(org.activities), ("activities",)),
        ("Goods and services", ", ".join(org.goods_services), ("goods_services",)),
        ("Address", address, ("street_address", "postcode", "locality")),
        ("Nation", org.nation, ("nation",)),
        ("Phone", org.phone, ("phone",)),
        ("Email", organisations.public_email(org), ("email",)),
        ("FCA register number", org.fca_number, ("fca_number",)),
        ("Companies House number", org.companies_house_number, ("companies_house_number",)),
        ("Incorporated", org.incorporated_on and _date(org.incorporated_on), ("incorporated_on",)),
        ("Dissolved", org.dissolved_on and _date(org.dissolved_on), ("dissolved_on",)),
        ("Status", org.status.value, ("status",)),
    ]
    facts = []
    for label, value, fields in rows:
        if not value:
            continue
        origin: FieldProvenance | None = next((provenance[f] for f in fields if f in provenance), None)
        facts.append(
            Fact(
                label,
                str(value),
                organisations.source_label(origin.source) if origin else None,
                _date(origin.observed_at) if origin else None,
            )
        )
    return facts


def _edit_url(request: Request, slug: str) -> str | None:
    """The edit form's URL, or None while the app has no such route (never a dead link)."""
    try:
        return str(request.app.url_path_for("organisation_edit", slug=slug))
    except NoMatchFound:
        return None


def _map_config(org: Organisation, tile_url: str, tile_attribution: str) -> dict[str, Any] | None:
    """What organisation.js needs to draw the small map (read as JSON data), or None without a location."""
    if org.latitude is None or org.longitude is None:
        return None
    return {
        "latitude": org.latitude,
        "longitude": org.longitude,
        "zoom": _ZOOM.get(org.location_precision, 15),
        "name": org.name,
        "tile_url": tile_url,
        "tile_attribution": tile_attribution,
    }


@router.get("/organisations/{slug}", response_class=HTMLResponse)
def organisation_page(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    slug: Annotated[str, Path(max_length=100)],
) -> HTMLResponse:
    """One organisation, with where each fact came from (JSON twin: /api/organisations/{id})."""
    org = organisations.get_public(session, slug)
    context = {
        "org": org,
        "facts": _facts(org),
        "sources": [
            {
                "label": organisations.source_label(record.source),
                "record": record,
                "first_seen": _date(record.first_seen_at),
                "last_seen": _date(record.last_seen_at),
            }
            for record in sorted(org.source_records, key=lambda r: (r.source, r.source_id))
        ],
        "website": http_url(org.website),
        "last_verified": _date(org.last_verified_at) if org.last_verified_at else None,
        "map_config": _map_config(org, settings.tile_url, settings.tile_attribution),
        "edit_url": _edit_url(request, org.slug),
        "json_twin": f"/api/organisations/{org.public_id}",
    }
    return _templates(request).TemplateResponse(request, "organisation.html", context)
