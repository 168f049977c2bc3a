"""GET /api/areas and /api/areas/{id} (GeoJSON), on SQLite and PostGIS."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from shapely.geometry import MultiPolygon, Polygon, shape
from sqlalchemy.orm import Session

from app.domain.enums import AreaKind
from app.services import areas
from app.services.areas import AreaInput
from ingest.demo.loader import demo_areas

DEMO_IDS = {areas.area_id(area.kind, area.code) for area in demo_areas()}


def walk(client: TestClient, url: str | None) -> list[dict[str, Any]]:
    """Follow links.next from the first page to the last."""
    items: list[dict[str, Any]] = []
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["items"])
        url = body["links"]["next"]
        assert (url is None) == (body["next_cursor"] is None)
    return items


def test_list_returns_the_demo_areas_in_kind_then_code_order(client: TestClient) -> None:
    items = client.get("/api/areas").json()["items"]
    assert {item["id"] for item in items} == DEMO_IDS
    kinds = [item["kind"] for item in items]
    assert kinds == sorted(kinds)


def test_list_item_has_bbox_properties_and_links(client: TestClient) -> None:
    items = client.get("/api/areas?kind=custom").json()["items"]
    [east] = [item for item in items if item["id"] == "custom:east-oxford"]
    assert east == {
        "id": "custom:east-oxford",
        "kind": "custom",
        "code": "east-oxford",
        "name": "East Oxford",
        "properties": {"note": east["properties"]["note"]},
        "bbox": [-1.255, 51.735, -1.205, 51.76],
        "links": {
            "self": "/api/areas/custom:east-oxford",
            "organisations": "/api/organisations?area=custom:east-oxford",
        },
    }


@pytest.mark.parametrize("kind", list(AreaKind))
def test_list_filters_by_kind(client: TestClient, kind: AreaKind) -> None:
    items = client.get(f"/api/areas?kind={kind.value}").json()["items"]
    assert {item["id"] for item in items} == {
        ident for ident in DEMO_IDS if ident.startswith(f"{kind.value}:")
    }


def test_list_filters_by_name_ignoring_case(client: TestClient) -> None:
    items = client.get("/api/areas?q=OXFORD").json()["items"]
    assert {item["id"] for item in items} == {"custom:east-oxford", "council:demo-oxford"}


def test_list_walk_with_small_pages_matches_one_big_page(client: TestClient, session: Session) -> None:
    areas.import_areas(
        session,
        [
            AreaInput(
                AreaKind.LSOA,
                f"E0100{n:04}",
                f"Test LSOA {n}",
                {},
                MultiPolygon([Polygon([(n, 0), (n + 1, 0), (n, 1)])]),
            )
            for n in range(11)
        ],
    )
    session.commit()
    small = walk(client, "/api/areas?limit=2")
    assert len(small) == len(DEMO_IDS) + 11
    assert [item["id"] for item in small] == [item["id"] for item in walk(client, "/api/areas?limit=500")]
    lsoas = walk(client, "/api/areas?kind=lsoa&q=test&limit=3")
    assert [item["code"] for item in lsoas] == [f"E0100{n:04}" for n in range(11)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kind=planet", "kind"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("q=" + "x" * 101, "q"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=WyJub3BlIiwxXQ", "cursor"),  # valid base64 JSON of the wrong id: ["nope",1]
    ],
)
def test_list_rejects_bad_parameters_naming_them(client: TestClient, query: str, field: str) -> None:
    response = client.get(f"/api/areas?{query}")
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_detail_is_a_geojson_feature(client: TestClient) -> None:
    response = client.get("/api/areas/council:demo-torbay")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    body = response.json()
    assert (body["type"], body["id"], body["geometry"]["type"]) == (
        "Feature",
        "council:demo-torbay",
        "MultiPolygon",
    )
    assert body["properties"]["id"] == "council:demo-torbay"
    assert (body["properties"]["kind"], body["properties"]["code"]) == ("council", "demo-torbay")
    assert body["properties"]["name"] == "Torbay towns (demo)"
    assert body["bbox"] == body["properties"]["bbox"]
    polygons = body["geometry"]["coordinates"]
    assert len(polygons) == 3
    assert all(ring[0] == ring[-1] for polygon in polygons for ring in polygon)
    assert shape(body["geometry"]).is_valid


def test_detail_list_item_links_to_the_detail(client: TestClient) -> None:
    for item in client.get("/api/areas").json()["items"]:
        detail = client.get(item["links"]["self"])
        assert detail.status_code == 200
        assert detail.json()["properties"] == item


def test_detail_rounds_coordinates_to_six_decimal_places(client: TestClient, session: Session) -> None:
    polygon = Polygon([(-1.123456789, 51.0), (-1.0, 51.987654321), (-1.0, 51.0)])
    areas.import_areas(
        session, [AreaInput(AreaKind.CUSTOM, "precise", "Precise", {}, MultiPolygon([polygon]))]
    )
    session.commit()
    ring = client.get("/api/areas/custom:precise").json()["geometry"]["coordinates"][0][0]
    assert [-1.123457, 51.0] in ring
    assert [-1.0, 51.987654] in ring


def test_detail_keeps_holes(client: TestClient, session: Session) -> None:
    outer, hole = [(0, 0), (4, 0), (4, 4), (0, 4)], [(1, 1), (2, 1), (2, 2), (1, 2)]
    areas.import_areas(
        session, [AreaInput(AreaKind.CUSTOM, "holed", "Holed", {}, MultiPolygon([Polygon(outer, [hole])]))]
    )
    session.commit()
    geometry = client.get("/api/areas/custom:holed").json()["geometry"]
    assert len(geometry["coordinates"][0]) == 2
    assert shape(geometry).area == 15


def test_detail_unknown_id_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/areas/ward:E05000000", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "no area has the id 'ward:E05000000'"}


@pytest.mark.parametrize("ident", ["east-oxford", "planet:earth", "ward:has space", "x" * 81])
def test_detail_malformed_id_is_a_422_naming_the_id(client: TestClient, ident: str) -> None:
    response = client.get(f"/api/areas/{ident}")
    assert response.status_code == 422
    assert response.json()["field"] == "id"


def test_openapi_declares_the_geojson_detail_and_the_page(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    detail = paths["/api/areas/{id}"]["get"]["responses"]
    assert detail["200"]["content"]["application/geo+json"]["schema"]["$ref"].endswith("/AreaFeature")
    assert detail["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    page = paths["/api/areas"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert page["$ref"].endswith("/AreaPage")
