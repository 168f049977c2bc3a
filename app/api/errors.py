"""The one place API errors become JSON: domain errors, validation errors and HTTP errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.errors import CoopmapError, InvalidInput, Moved, RateLimited, Unauthenticated


class FieldError(BaseModel):
    """One invalid input field."""

    field: str
    location: str
    message: str


class ErrorBody(BaseModel):
    """Every API error: a machine-readable kind, a human message and, for 422, the fields at fault."""

    error: str
    detail: str
    field: str | None = None
    errors: list[FieldError] = []


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid parameter (the field is named)"},
}


# Renders an error for a browser (the HTML surface's handler); None means JSON everywhere.
HtmlRenderer = Callable[[Request, int, str], Response]


def _wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/healthz")) or path == "/api":
        return True
    return "text/html" not in request.headers.get("accept", "")


def _respond(
    request: Request, status: int, body: ErrorBody, headers: Mapping[str, str] | None = None
) -> Response:
    renderer: HtmlRenderer | None = getattr(request.app.state, "html_error_renderer", None)
    if renderer is not None and not _wants_json(request):
        page = renderer(request, status, body.detail)
        page.headers.update(headers or {})
        return page
    return JSONResponse(
        body.model_dump(exclude_defaults=True), status_code=status, headers=dict(headers) if headers else None
    )


def _field_name(loc: tuple[Any, ...]) -> tuple[str, str]:
    location = str(loc[0]) if loc else "request"
    field = ".".join(str(part) for part in loc[1:]) or location
    return field, location


async def _domain_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, CoopmapError):
        raise exc
    if isinstance(exc, Moved):
        # The same URL with the merged-away identifier replaced by the surviving organisation's.
        parts = request.url.path.split("/")
        path = "/".join(exc.target if part == exc.ident else part for part in parts)
        location = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(location, status_code=exc.status)
    if isinstance(exc, Unauthenticated) and not _wants_json(request):
        # A page behind the login: sign in, then come back (a same-site path only).
        return RedirectResponse(f"/moderation/login?next={quote(request.url.path)}", status_code=303)
    field = exc.field if isinstance(exc, InvalidInput) else None
    errors = [FieldError(field=field, location="query", message=exc.message)] if field else []
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return _respond(
        request,
        exc.status,
        ErrorBody(error=exc.kind, detail=exc.message, field=field, errors=errors),
        headers=headers,
    )


async def _validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):
        raise exc
    errors = []
    for item in exc.errors():
        field, location = _field_name(tuple(item.get("loc", ())))
        errors.append(FieldError(field=field, location=location, message=str(item.get("msg", "invalid"))))
    first = errors[0] if errors else FieldError(field="request", location="request", message="invalid")
    detail = f"{first.field}: {first.message}"
    return _respond(request, 422, ErrorBody(error="invalid", detail=detail, field=first.field, errors=errors))


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):
        raise exc
    kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) else "request failed"
    return _respond(request, exc.status_code, ErrorBody(error=kind, detail=detail), headers=exc.headers)


def install_error_handlers(app: FastAPI, html_renderer: HtmlRenderer | None = None) -> None:
    """Register the error handlers; browsers on HTML pages get `html_renderer`'s page instead of JSON."""
    app.state.html_error_renderer = html_renderer
    app.add_exception_handler(CoopmapError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
