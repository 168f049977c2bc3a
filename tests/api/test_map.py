"""GET /api/map: points when few, grid clusters when many, cacheable with ETags; both engines."""

from __future__ import annotations

import random

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.services.clusters import POINT_LIMIT
from tests.factories import add_located_organisations

UK = "-8.5,49.5,2.0,59.0"


def test_small_viewport_returns_points(client: TestClient) -> None:
    response = client.get("/api/map", params={"bbox": "-1.3,51.7,-1.2,51.8", "zoom": 13})
    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "points"
    assert body["total"] == len(body["points"]) > 0
    assert all(-1.3 <= p["lon"] <= -1.2 and 51.7 <= p["lat"] <= 51.8 for p in body["points"])
    listed = client.get("/api/organisations", params={"bbox": "-1.3,51.7,-1.2,51.8", "limit": 500}).json()
    assert {p["id"] for p in body["points"]} == {
        item["id"] for item in listed["items"] if item["latitude"] is not None
    }


def test_many_organisations_come_back_as_clusters_that_add_up(client: TestClient, session: Session) -> None:
    rng = random.Random(7)
    add_located_organisations(
        session, [(rng.uniform(51.0, 51.2), rng.uniform(-0.6, -0.3)) for _ in range(POINT_LIMIT + 50)]
    )
    body = client.get("/api/map", params={"bbox": UK, "zoom": 6}).json()
    assert body["mode"] == "clusters"
    assert body["points"] == []
    in_view = client.get("/api/map", params={"bbox": UK, "zoom": 6}).json()["total"]
    assert sum(c["count"] for c in body["clusters"]) == in_view >= POINT_LIMIT + 50
    for cluster in body["clusters"]:
        min_lon, min_lat, max_lon, max_lat = cluster["bbox"]
        assert min_lat <= cluster["lat"] <= max_lat
        assert min_lon <= cluster["lon"] <= max_lon
    # Zooming in splits clusters into more, smaller cells.
    closer = client.get("/api/map", params={"bbox": "-0.7,50.9,-0.2,51.3", "zoom": 10}).json()
    assert closer["mode"] == "clusters"
    assert len(closer["clusters"]) > len(body["clusters"])


def test_etag_revalidates_and_changes_with_the_data(client: TestClient, session: Session) -> None:
    params: dict[str, str | int] = {"bbox": "-1.3,51.7,-1.2,51.8", "zoom": 12}
    first = client.get("/api/map", params=params)
    assert first.headers["cache-control"] == "public, max-age=60"
    tag = first.headers["etag"]
    again = client.get("/api/map", params=params, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    add_located_organisations(session, [(51.75, -1.25)])
    changed = client.get("/api/map", params=params, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != tag
    assert changed.json()["total"] == first.json()["total"] + 1


def test_filters_narrow_the_map(client: TestClient) -> None:
    everything = client.get("/api/map", params={"bbox": UK, "zoom": 6}).json()["total"]
    housing = client.get("/api/map", params={"bbox": UK, "zoom": 6, "sector": "housing"}).json()
    assert 0 < housing["total"] < everything


def test_bad_map_parameters_are_422_naming_the_field(client: TestClient) -> None:
    cases: list[tuple[dict[str, str | int], str]] = [
        ({"bbox": "2,50,1,51", "zoom": 5}, "bbox"),
        ({"bbox": UK, "zoom": 21}, "zoom"),
        ({"bbox": UK}, "zoom"),
        ({"zoom": 5}, "bbox"),
        ({"bbox": UK, "zoom": 5, "sector": "nope"}, "sector"),
    ]
    for params, field in cases:
        response = client.get("/api/map", params=params)
        assert response.status_code == 422, params
        assert response.json()["field"] == field
