"""GET /healthz: liveness plus a database round trip (HEAD answers the same, for uptime monitors)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

import app
from app.api.schemas import Health
from app.dependencies import SessionDep
from app.services import health

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    summary="Health check",
    response_model=Health,
    responses={503: {"model": Health, "description": "Database unreachable"}},
)
def healthz(session: SessionDep) -> Health | JSONResponse:
    """`ok` when the app can query its database; 503 otherwise."""
    engine_name = session.get_bind().dialect.name
    if health.database_ok(session):
        return Health(status="ok", database=engine_name, version=app.__version__)
    body = Health(status="unavailable", database=engine_name, version=app.__version__)
    return JSONResponse(body.model_dump(), status_code=503)


@router.head("/healthz", include_in_schema=False)
def healthz_head(session: SessionDep) -> Response:
    """Status only: 200 or 503."""
    return Response(status_code=200 if health.database_ok(session) else 503)
