"""/docs: Swagger UI from vendored assets (the JSON twin is /openapi.json)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Interactive API documentation."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "docs.html", {})
