"""The HTML error page, used for browsers on HTML routes."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates


def render_error(request: Request, status: int, detail: str) -> Response:
    """error.html with the status and the safe message."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status
    )
