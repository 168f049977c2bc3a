"""The OpenAPI document is valid and declares what the API returns."""

from __future__ import annotations

from fastapi.testclient import TestClient
from openapi_spec_validator import validate


def test_openapi_document_is_valid(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    validate(spec)
    assert {"/healthz", "/api/organisations", "/api/organisations/{id}"} <= set(spec["paths"])


def test_openapi_declares_response_models_and_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/api/organisations/{id}"]["get"]["responses"]
    assert responses["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/OrganisationDetail")
    assert responses["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    limit = next(p for p in spec["paths"]["/api/organisations"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["in"] == "query"


def test_html_routes_are_not_in_the_api_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths
    assert "/docs" not in paths
