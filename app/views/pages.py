"""Public pages: the organisation list (home) and an organisation's page."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.dependencies import SessionDep
from app.services import organisations

router = APIRouter(include_in_schema=False)
HOME_PAGE_SIZE = 50


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def _http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored `javascript:` URL must never become a link."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    session: SessionDep,
    cursor: Annotated[str | None, Query(max_length=600)] = None,
) -> HTMLResponse:
    """Organisations A to Z, a page at a time (JSON twin: /api/organisations)."""
    page = organisations.list_public(session, limit=HOME_PAGE_SIZE, cursor=cursor)
    return _templates(request).TemplateResponse(
        request, "home.html", {"page": page, "cursor": cursor, "json_twin": "/api/organisations"}
    )


@router.get("/organisations/{slug}", response_class=HTMLResponse)
def organisation_page(
    request: Request, session: SessionDep, slug: Annotated[str, Path(max_length=100)]
) -> HTMLResponse:
    """One organisation (JSON twin: /api/organisations/{id})."""
    org = organisations.get_public(session, slug)
    facts = [
        ("Legal form", org.legal_form, "legal_form"),
        ("Structure", org.organisational_structure, "organisational_structure"),
        ("Ownership", org.ownership_type, "ownership_type"),
        ("Sector", org.sector, "sector"),
        ("Goods and services", ", ".join(org.goods_services), "goods_services"),
        ("Address", ", ".join(p for p in (org.street_address, org.locality, org.postcode) if p), "postcode"),
        ("Phone", org.phone, "phone"),
        ("Email", organisations.public_email(org), "email"),
        ("FCA register number", org.fca_number, "fca_number"),
        ("Companies House number", org.companies_house_number, "companies_house_number"),
        ("Status", org.status.value, "status"),
    ]
    context = {
        "org": org,
        "facts": facts,
        "provenance": organisations.public_provenance(org),
        "sources": sorted(org.source_records, key=lambda r: (r.source, r.source_id)),
        "website": _http_url(org.website),
        "json_twin": f"/api/organisations/{org.public_id}",
    }
    return _templates(request).TemplateResponse(request, "organisation.html", context)
