"""GET /api/map: points when few, grid clusters when many, cacheable with ETags; both engines."""

from __future__ import annotations

import random

import pytest
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


OXFORD = "-1.40,51.65,-1.10,51.85"


def listed_ids(client: TestClient, params: dict[str, str | int]) -> set[str]:
    """Every organisation /api/organisations finds for `params`, following the cursor to the end."""
    found: set[str] = set()
    query = {**params, "limit": 500}
    while True:
        page = client.get("/api/organisations", params=query)
        assert page.status_code == 200, page.text
        body = page.json()
        found.update(item["id"] for item in body["items"] if item["latitude"] is not None)
        if body["next_cursor"] is None:
            return found
        query["cursor"] = body["next_cursor"]


@pytest.mark.parametrize(
    "search",
    [
        {"q": "food"},
        {"q": "bakry"},
        {"near": "OX4 1DD", "radius_km": 3},
        {"near": "OX4 1DD", "radius_km": 3, "q": "food"},
        {"area": "custom:east-oxford"},
        {"area": "council:demo-oxford", "q": "housing"},
        {"q": "co-operative", "sector": "Retail"},
    ],
    ids=lambda search: "&".join(f"{k}={v}" for k, v in search.items()),
)
def test_search_narrows_the_map_to_what_the_list_finds(
    client: TestClient, search: dict[str, str | int]
) -> None:
    everything = client.get("/api/map", params={"bbox": OXFORD, "zoom": 12}).json()
    body = client.get("/api/map", params={"bbox": OXFORD, "zoom": 12, **search}).json()
    assert body["mode"] == "points"
    expected = listed_ids(client, {"bbox": OXFORD, **search})
    assert {p["id"] for p in body["points"]} == expected
    assert body["total"] == len(expected)
    assert 0 < body["total"] < everything["total"]


def test_text_search_clusters_in_python_as_the_database_does(client: TestClient, session: Session) -> None:
    # A box with no demo data, filled past the point limit with organisations named "Bulk Organisation".
    rng = random.Random(11)
    box = "-0.7,50.9,-0.2,51.3"
    add_located_organisations(
        session, [(rng.uniform(51.0, 51.2), rng.uniform(-0.6, -0.3)) for _ in range(POINT_LIMIT + 30)]
    )
    by_sql = client.get("/api/map", params={"bbox": box, "zoom": 9}).json()
    by_text = client.get("/api/map", params={"bbox": box, "zoom": 9, "q": "bulk"}).json()
    assert by_sql["mode"] == by_text["mode"] == "clusters"
    assert by_text["total"] == by_sql["total"] == POINT_LIMIT + 30
    assert sorted(map(repr, by_text["clusters"])) == sorted(map(repr, by_sql["clusters"]))
    assert by_text["total"] == len(listed_ids(client, {"bbox": box, "q": "bulk"}))
    none = client.get("/api/map", params={"bbox": box, "zoom": 9, "q": "zzyzx"}).json()
    assert (none["mode"], none["total"], none["points"]) == ("points", 0, [])


def test_etag_changes_with_the_search(client: TestClient) -> None:
    params: dict[str, str | int] = {"bbox": OXFORD, "zoom": 12}
    plain = client.get("/api/map", params=params).headers["etag"]
    searched = client.get("/api/map", params={**params, "q": "food"})
    assert searched.headers["etag"] != plain
    again = client.get("/api/map", params={**params, "q": "food"}, headers={"If-None-Match": plain})
    assert again.status_code == 200
    revalidated = client.get(
        "/api/map", params={**params, "q": "food"}, headers={"If-None-Match": searched.headers["etag"]}
    )
    assert revalidated.status_code == 304


@pytest.mark.parametrize(
    ("search", "field"),
    [
        ({"q": "!!!"}, "q"),
        ({"near": "not a postcode"}, "near"),
        ({"near": "ZZ9 9ZZ"}, "near"),
        ({"radius_km": 3}, "radius_km"),
        ({"near": "OX4 1DD", "radius_km": 1000}, "radius_km"),
        ({"near": "OX4 1DD", "radius_km": "far"}, "radius_km"),
        ({"area": "custom:nowhere"}, "area"),
        ({"area": "not an id"}, "area"),
        ({"limit": 5}, "limit"),
    ],
)
def test_bad_search_parameters_are_422_naming_the_field(
    client: TestClient, search: dict[str, str | int], field: str
) -> None:
    response = client.get("/api/map", params={"bbox": OXFORD, "zoom": 12, **search})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


def test_map_answers_are_gzipped_without_losing_the_etag(client: TestClient, session: Session) -> None:
    rng = random.Random(3)
    add_located_organisations(
        session, [(rng.uniform(51.0, 51.2), rng.uniform(-0.6, -0.3)) for _ in range(300)]
    )
    params: dict[str, str | int] = {"bbox": "-0.7,50.9,-0.2,51.3", "zoom": 12}
    zipped = client.get("/api/map", params=params, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert int(zipped.headers["content-length"]) < len(zipped.content) / 3  # httpx has inflated it
    assert zipped.json()["total"] == 300
    tag = zipped.headers["etag"]
    again = client.get("/api/map", params=params, headers={"Accept-Encoding": "gzip", "If-None-Match": tag})
    assert again.status_code == 304
    assert again.headers["etag"] == tag
    assert "content-encoding" not in again.headers
    tiny = client.get(
        "/api/map", params={"bbox": "0,0,0.1,0.1", "zoom": 12}, headers={"Accept-Encoding": "gzip"}
    )
    assert "content-encoding" not in tiny.headers  # under the minimum size: not worth compressing
    csv = client.get(
        "/api/organisations", params={"bbox": OXFORD, "format": "csv"}, headers={"Accept-Encoding": "gzip"}
    )
    assert csv.headers["content-encoding"] == "gzip"
    assert csv.text.startswith("id,name,url,")


def test_openapi_documents_the_search_parameters_of_the_map(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/map"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert {"bbox", "zoom", "q", "near", "radius_km", "area", "sector", "status"} <= set(parameters)
    assert parameters["bbox"]["required"] is True
    assert parameters["q"]["required"] is False
    assert "typo-tolerant" in parameters["q"]["description"]
