"""GET /export/map on both engines: a standalone HTML download of the same search as /api/organisations."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.main import create_app
from tests.conftest import make_settings
from tests.factories import make_organisation


def _marker_names(page: str) -> list[str]:
    data = re.search(r'<script type="application/json" id="coopmap-rows">(.*?)</script>', page, re.S)
    assert data
    return [row["name"] for row in json.loads(data.group(1))["rows"]]


def test_export_map_is_an_html_download_named_by_date(client: TestClient) -> None:
    response = client.get("/export/map", params={"near": "OX4 1DD", "radius_km": 1})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    today = datetime.now(UTC).date().isoformat()
    assert response.headers["content-disposition"] == f'attachment; filename="coopmap-map-{today}.html"'
    assert "<h1>Coopmap: Organisations within 1 km of OX4 1DD</h1>" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"q": "cooprative bakry"},
        {"near": "OX4 1DD", "radius_km": "3", "sector": "Housing"},
        {"bbox": "-1.30,51.70,-1.20,51.80"},
        {"area": "custom:east-oxford"},
    ],
)
def test_export_map_shows_what_the_search_api_finds(client: TestClient, params: dict[str, str]) -> None:
    api = client.get("/api/organisations", params={**params, "format": "geojson"}).json()
    expected = [f["properties"]["name"] for f in api["features"] if f["geometry"] is not None]
    assert expected
    assert _marker_names(client.get("/export/map", params=params).text) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"near": "nowhere"}, "near"),
        ({"bbox": "1,2"}, "bbox"),
        ({"radius_km": "3"}, "radius_km"),
        ({"sector": "No Such Sector"}, "sector"),
        ({"limit": "5"}, "limit"),  # an export has no pages: its cap is the server's
    ],
)
def test_bad_parameters_are_422_json_naming_the_field(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    response = client.get("/export/map", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    assert response.json()["field"] == field


@pytest.fixture
def capped_client(settings_url: str, database: Database) -> Iterator[TestClient]:
    """The app with an export cap of 3 rows."""
    app = create_app(make_settings(settings_url, api_export_max_limit=3), database)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def settings_url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def test_export_map_is_capped_by_the_setting_and_says_so(capped_client: TestClient) -> None:
    page = capped_client.get("/export/map", params={"near": "OX4 1DD", "radius_km": 3}).text
    assert len(_marker_names(page)) == 3
    assert "only the first 3 are included" in page


def test_export_map_escapes_names(client: TestClient, session: Session) -> None:
    make_organisation(session, name="<img src=x onerror=alert(1)>", latitude=50.5, longitude=-4.5)
    session.commit()
    page = client.get("/export/map", params={"bbox": "-4.6,50.4,-4.4,50.6"}).text
    assert "<img src=x" not in page
    assert "<tr><td>&lt;img src=x onerror=alert(1)&gt;</td>" in page
    assert _marker_names(page) == ["<img src=x onerror=alert(1)>"]


def test_export_map_is_documented_as_html(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/export/map"]["get"]
    assert list(operation["responses"]["200"]["content"]) == ["text/html"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "near", "radius_km", "bbox", "area", "sector"} <= names
    assert "limit" not in names
    assert "cursor" not in names
