"""GET /api/organisations and /api/organisations/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import LimitDep
from app.api.errors import ERROR_RESPONSES
from app.api.schemas import OrganisationDetail, OrganisationPage, OrganisationSummary, PageLinks
from app.dependencies import SessionDep
from app.services import organisations

router = APIRouter(prefix="/api/organisations", tags=["organisations"], responses=ERROR_RESPONSES)


@router.get("", summary="List organisations", response_model=OrganisationPage)
def list_organisations(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    cursor: Annotated[
        str | None, Query(max_length=600, description="`next_cursor` of the previous page.")
    ] = None,
) -> OrganisationPage:
    """Public organisations in name order, with cursor pagination (stable while data changes)."""
    page = organisations.list_public(session, limit=limit, cursor=cursor)
    next_url = None
    if page.next_cursor is not None:
        next_url = str(request.url.include_query_params(cursor=page.next_cursor, limit=limit))
    return OrganisationPage(
        items=[OrganisationSummary.from_model(org) for org in page.items],
        next_cursor=page.next_cursor,
        links=PageLinks(next=next_url),
    )


@router.get("/{id}", summary="One organisation", response_model=OrganisationDetail)
def get_organisation(
    session: SessionDep,
    id: Annotated[str, Path(max_length=100, description="Public id (or slug) of the organisation.")],
) -> OrganisationDetail:
    """Everything public about one organisation, with its sources and where each field came from."""
    return OrganisationDetail.from_model(organisations.get_public(session, id))
