"""GET /api/organisations as a search: text, near, bbox, area, filters, formats, errors; both engines."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

import pytest
import shapely
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.api.search_schemas import OrganisationFeatureCollection, SearchPage
from app.domain.geo import Point, haversine_m
from ingest.demo.loader import demo_rows
from tests.factories import add_located_organisations, make_organisation

OX4_1DD = Point(51.748935, -1.236631)  # the centroid of OX4 1DD in the demo postcodes


def get(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/organisations", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    SearchPage.model_validate(body)
    return body


def walk(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    """Every item of a search, following links.next."""
    body = get(client, **params)
    items = list(body["items"])
    while body["links"]["next"] is not None:
        response = client.get(body["links"]["next"])
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["items"])
    return items


def demo_located() -> list[dict[str, str]]:
    return [row for row in demo_rows() if row["latitude"].strip()]


def test_typo_query_finds_the_bakeries_first(client: TestClient) -> None:
    body = get(client, q="cooprative bakry", limit=3)
    assert body["order"] == "score"
    assert all("Bakery" in item["name"] for item in body["items"])
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)


def test_near_a_postcode_sorts_by_distance_within_the_radius(client: TestClient) -> None:
    items = walk(client, near="ox4 1dd", radius_km=3, limit=20)
    expected = {
        row["name"]
        for row in demo_located()
        if haversine_m(OX4_1DD, Point(float(row["latitude"]), float(row["longitude"]))) <= 3000
    }
    assert {item["name"] for item in items} == expected
    distances = [item["distance_m"] for item in items]
    assert distances == sorted(distances)
    assert len(expected) > 20  # more than one page was walked


def test_near_reports_the_resolved_centre(client: TestClient) -> None:
    body = get(client, near="OX4 1DD", radius_km=1)
    assert body["centre"] == {
        "latitude": OX4_1DD.lat,
        "longitude": OX4_1DD.lon,
        "postcode": "OX4 1DD",
        "radius_km": 1.0,
    }


def test_near_food_within_3_km_of_ox4_1dd_is_what_procurement_asks(client: TestClient) -> None:
    body = get(client, near="OX4 1DD", radius_km=3, q="food")
    assert body["items"], "the demo has food co-ops near OX4 1DD"
    assert all(item["distance_m"] <= 3000 for item in body["items"])
    assert all(item["score"] is not None for item in body["items"])


def test_zero_radius_returns_only_organisations_at_that_point(client: TestClient, session: Session) -> None:
    add_located_organisations(session, [(51.5, -0.5), (51.5, -0.5), (51.5, -0.50001)])
    items = get(client, near="51.5,-0.5", radius_km=0)["items"]
    assert len(items) == 2
    assert all(item["distance_m"] == 0 for item in items)


def test_duplicates_at_one_point_page_without_loss(client: TestClient, session: Session) -> None:
    ids = add_located_organisations(session, [(51.0, -0.9)] * 7)
    items = walk(client, near="51.0,-0.9", radius_km=0.1, limit=2)
    assert len(items) == len(ids) == len({item["id"] for item in items})


def test_bbox_returns_exactly_the_organisations_inside(client: TestClient) -> None:
    box = (-1.26, 51.74, -1.22, 51.76)
    items = walk(client, bbox=",".join(map(str, box)), limit=50)
    expected = {
        row["name"]
        for row in demo_located()
        if box[0] <= float(row["longitude"]) <= box[2] and box[1] <= float(row["latitude"]) <= box[3]
    }
    assert {item["name"] for item in items} == expected
    assert expected


def test_a_box_fills_from_its_middle_on_the_map_plane_and_pages_through_ties(
    client: TestClient, session: Session
) -> None:
    # A box far from the demo data: a grid of points plus five organisations at one point.
    grid = [(50.5 + i * 0.004, -3.6 + j * 0.006) for i in range(9) for j in range(9)]
    points = grid + [(50.51, -3.59)] * 5
    ids = add_located_organisations(session, points)
    box = (-3.6, 50.5, -3.552, 50.532)
    middle = ((box[1] + box[3]) / 2, (box[0] + box[2]) / 2)

    def planar(point: tuple[float, float]) -> float:
        return float(((point[0] - middle[0]) ** 2 + (point[1] - middle[1]) ** 2) ** 0.5)

    expected = sorted(
        (planar(point), org_id)
        for org_id, point in zip(ids, points, strict=True)
        if box[0] <= point[1] <= box[2] and box[1] <= point[0] <= box[3]
    )
    items = walk(client, bbox=",".join(map(str, box)), limit=7)  # pages of 7 cut the five-way tie
    assert len(items) == len(expected) == len({item["id"] for item in items})
    distances = [planar((item["latitude"], item["longitude"])) for item in items]
    assert distances == sorted(distances)  # nearest to the middle first, in degrees on the map
    for item in items:  # the distance shown is still metres on the ground from the middle
        shown = haversine_m(Point(*middle), Point(item["latitude"], item["longitude"]))
        assert item["distance_m"] == pytest.approx(shown, abs=0.1)


def test_area_returns_exactly_the_organisations_inside_its_boundary(client: TestClient) -> None:
    collection = json.loads(resources.files("ingest.demo").joinpath("areas.geojson").read_text())
    feature = next(f for f in collection["features"] if f["properties"].get("code") == "east-oxford")
    boundary = shapely.geometry.shape(feature["geometry"])
    expected = {
        row["name"]
        for row in demo_located()
        if boundary.covers(shapely.Point(float(row["longitude"]), float(row["latitude"])))
    }
    body = get(client, area="custom:east-oxford", limit=500)
    assert body["area"]["id"] == "custom:east-oxford"
    assert {item["name"] for item in body["items"]} == expected
    assert expected


def test_filters_match_case_insensitively_and_combine(client: TestClient) -> None:
    housing = walk(client, sector="housing", limit=100)
    assert housing
    assert all(item["sector"] == "Housing" for item in housing)
    either = walk(client, sector=["Housing", "Agriculture"], limit=100)
    assert {item["sector"] for item in either} == {"Housing", "Agriculture"}
    narrowed = walk(client, sector="Housing", status="dissolved", limit=100)
    assert all(item["status"] == "dissolved" for item in narrowed)
    assert len(narrowed) < len(housing)


def test_source_filter_selects_organisations_with_a_record_there(client: TestClient) -> None:
    community = walk(client, source="demo-community", limit=100)
    names = {row["name"] for row in demo_rows() if row["kind"] == "community"}
    assert {item["name"] for item in community} == names


def test_empty_results_are_200_with_an_empty_list(client: TestClient) -> None:
    body = get(client, bbox="-30,40,-29,41")
    assert body["items"] == []
    assert body["next_cursor"] is None


def test_geojson_by_parameter_or_accept_header(client: TestClient) -> None:
    for response in (
        client.get("/api/organisations", params={"bbox": "-1.3,51.7,-1.2,51.8", "format": "geojson"}),
        client.get(
            "/api/organisations",
            params={"bbox": "-1.3,51.7,-1.2,51.8"},
            headers={"Accept": "application/geo+json"},
        ),
    ):
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        collection = OrganisationFeatureCollection.model_validate(response.json())
        assert collection.features
        for feature in collection.features:
            assert feature.geometry is not None
            lon, lat = feature.geometry.coordinates
            assert (lat, lon) == (feature.properties.latitude, feature.properties.longitude)


def test_csv_has_the_same_rows_as_json_and_a_header(client: TestClient) -> None:
    params: dict[str, Any] = {"near": "OX4 1DD", "radius_km": 2}
    response = client.get("/api/organisations", params={**params, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    items = get(client, **params, limit=500)["items"]
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    assert rows[0]["url"].endswith(items[0]["links"]["html"])
    assert float(rows[0]["distance_km"]) == pytest.approx(items[0]["distance_m"] / 1000, abs=0.001)


def test_csv_neutralises_spreadsheet_formulas_and_hides_unconsented_email(
    client: TestClient, session: Session
) -> None:
    make_organisation(
        session,
        name='=HYPERLINK("http://evil.example")',
        email="x@example.org",
        latitude=50.1,
        longitude=-5.1,
    )
    response = client.get("/api/organisations", params={"near": "50.1,-5.1", "radius_km": 0, "format": "csv"})
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert row["name"].startswith("'=HYPERLINK")
    assert row["email"] == ""


@pytest.mark.parametrize(
    ("params", "field", "reason"),
    [
        ({"bbox": "-1.2,51.8,-1.3,51.7"}, "bbox", "inverted"),
        ({"bbox": "-1.3,51.7,-1.2,95"}, "bbox", "latitudes"),
        ({"bbox": "nonsense"}, "bbox", "min_lon"),
        ({"near": "OX4 9ZZ"}, "near", "not known"),
        ({"near": "not a place"}, "near", "postcode"),
        ({"near": "89.9,0"}, "near", "latitude"),
        ({"near": "OX4 1DD", "radius_km": 101}, "radius_km", "between 0 and 100"),
        ({"near": "OX4 1DD", "radius_km": -1}, "radius_km", "between 0 and 100"),
        ({"radius_km": 2}, "radius_km", "needs near"),
        ({"sector": "Underwater Basket Weaving"}, "sector", "unknown sector"),
        ({"status": "asleep"}, "status", "unknown status"),
        ({"sectr": "Housing"}, "sectr", "not permitted"),
        ({"area": "custom:atlantis"}, "area", "atlantis"),
        ({"q": "!!!"}, "q", "letters or digits"),
        ({"limit": 501}, "limit", "at most 500"),
        ({"limit": 5001, "format": "csv"}, "limit", "at most 5000"),
        ({"format": "xml"}, "format", ""),
        ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor", "not valid"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(
    client: TestClient, params: dict[str, Any], field: str, reason: str
) -> None:
    response = client.get("/api/organisations", params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["field"] == field
    assert reason in body["detail"]


def test_a_cursor_of_another_order_is_refused(client: TestClient) -> None:
    by_name = get(client, limit=2)
    response = client.get("/api/organisations", params={"near": "OX4 1DD", "cursor": by_name["next_cursor"]})
    assert response.status_code == 422
    assert response.json()["field"] == "cursor"


def test_pages_stay_stable_while_data_changes(client: TestClient, session: Session) -> None:
    first = get(client, near="OX4 1DD", radius_km=5, limit=10)
    seen = [item["id"] for item in first["items"]]
    # New organisations nearer than the cursor must not shift the next page.
    add_located_organisations(session, [(OX4_1DD.lat, OX4_1DD.lon)] * 3)
    rest = walk(client, near="OX4 1DD", radius_km=5, limit=10, cursor=first["next_cursor"])
    everything = get(client, near="OX4 1DD", radius_km=5, limit=500)["items"]
    original = [item["id"] for item in everything if not item["name"].startswith("Bulk Organisation")]
    assert seen + [item["id"] for item in rest] == original


def test_filters_endpoint_lists_values_in_use_with_counts(client: TestClient) -> None:
    response = client.get("/api/filters")
    assert response.status_code == 200
    filters = response.json()["filters"]
    housing = next(entry for entry in filters["sector"] if entry["value"] == "Housing")
    assert housing["count"] == len(walk(client, sector="Housing", limit=100))
    assert {entry["value"] for entry in filters["status"]} <= {"active", "dissolved"}
