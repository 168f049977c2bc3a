"""The OpenAPI document: FastAPI's, plus the schemas of non-JSON responses (GeoJSON) it cannot see."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema

M = TypeVar("M", bound=BaseModel)


def install_openapi(app: FastAPI, extra_models: Sequence[type[BaseModel]]) -> None:
    """Generate the document once, adding `extra_models` to `components.schemas` for `$ref`s to them."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            _, definitions = models_json_schema(
                [(model, "serialization") for model in extra_models],
                ref_template="#/components/schemas/{model}",
            )
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in definitions.get("$defs", {}).items():
                schemas.setdefault(name, schema)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """OpenAPI `parameters` for a model read by `parse_query` (the route declares them via openapi_extra)."""
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    parameters = []
    for name, field_schema in schema["properties"].items():
        description = field_schema.pop("description", None)
        examples = field_schema.pop("examples", None)
        field_schema.pop("title", None)
        parameter: dict[str, Any] = {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": field_schema,
        }
        if description:
            parameter["description"] = description
        if examples:
            parameter["examples"] = {f"example{n + 1}": {"value": v} for n, v in enumerate(examples)}
        parameters.append(parameter)
    return parameters


def query_model(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A dependency reading the query string as `model` (document it with `query_parameters`)."""

    async def dependency(request: Request) -> M:
        return parse_query(request, model)

    return dependency


def parse_query(request: Request, model: type[M], *, skip_empty: bool = False) -> M:
    """The query string as `model` (list fields repeat); errors are FastAPI's 422 naming the parameter.

    FastAPI's own handling of a model of query parameters costs about a millisecond per request; this is
    a dictionary and one Pydantic validation. `skip_empty` drops empty values, as an HTML form sends
    for the fields left blank.
    """
    raw: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if skip_empty and not value.strip():
            continue
        field = model.model_fields.get(key)
        if field is not None and getattr(field.annotation, "__origin__", None) is list:
            raw.setdefault(key, []).append(value)
        else:
            raw[key] = value
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = [{**error, "loc": ("query", *error["loc"])} for error in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from None
