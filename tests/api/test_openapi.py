"""The OpenAPI document is valid and declares what the API returns."""

from __future__ import annotations

from typing import Any

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


def _examples(parameter: dict[str, Any]) -> list[Any]:
    schema = parameter.get("schema", {})
    found = list(schema.get("examples", []))
    if "example" in parameter:
        found.append(parameter["example"])
    found.extend(example["value"] for example in parameter.get("examples", {}).values())
    return found


def test_every_documented_example_works(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    tried = 0
    for path, operations in spec["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        parameters = operations["get"].get("parameters", [])
        required = {p["name"]: _examples(p)[0] for p in parameters if p.get("required")}
        for parameter in parameters:
            for example in _examples(parameter):
                params = {**required, parameter["name"]: example}
                if parameter["name"] == "radius_km":
                    params["near"] = "OX4 1DD"  # a radius is documented as a radius around `near`
                response = client.get(path, params=params)
                assert response.status_code == 200, (path, params, response.text)
                tried += 1
    assert tried >= 8


def test_search_declares_geojson_and_csv_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/api/organisations"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("/SearchPage")
    geojson = content["application/geo+json"]["schema"]["$ref"]
    assert geojson.rsplit("/", 1)[1] in spec["components"]["schemas"]
    assert "text/csv" in content
