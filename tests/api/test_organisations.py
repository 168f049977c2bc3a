"""GET /api/organisations and /api/organisations/{id}, on SQLite and PostGIS."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.models import Organisation
from app.domain.enums import Visibility
from app.domain.text import sort_key
from ingest.demo.loader import demo_rows
from tests.factories import make_organisation


def walk(client: TestClient, limit: int) -> list[dict[str, Any]]:
    """Follow links.next from the first page to the last."""
    items: list[dict[str, Any]] = []
    url: str | None = f"/api/organisations?limit={limit}"
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= limit
        items.extend(body["items"])
        url = body["links"]["next"]
        assert (url is None) == (body["next_cursor"] is None)
    return items


def test_list_returns_every_demo_organisation_once_in_name_order(client: TestClient) -> None:
    items = walk(client, limit=100)
    expected_names = sorted((row["name"] for row in demo_rows()), key=sort_key)
    assert len(items) == len(expected_names) >= 250
    assert len({item["id"] for item in items}) == len(items)
    assert [sort_key(item["name"]) for item in items] == [sort_key(name) for name in expected_names]


def test_list_default_limit_is_the_setting(client: TestClient) -> None:
    body = client.get("/api/organisations").json()
    assert len(body["items"]) == 50
    assert body["next_cursor"]


@pytest.mark.parametrize("limit", [1, 7, 500])
def test_list_first_page_holds_limit_items_or_all(client: TestClient, limit: int) -> None:
    total = len(list(demo_rows()))
    first = client.get(f"/api/organisations?limit={limit}").json()
    assert len(first["items"]) == min(limit, total)
    assert (first["next_cursor"] is None) == (limit >= total)


def test_list_walk_with_small_pages_matches_one_big_page(client: TestClient) -> None:
    assert [item["id"] for item in walk(client, limit=7)] == [item["id"] for item in walk(client, limit=500)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=WzEsMl0", "cursor"),  # valid base64 JSON of the wrong shape: [1,2]
        ("cursor=" + "A" * 700, "cursor"),
    ],
)
def test_list_rejects_bad_parameters_naming_them(client: TestClient, query: str, field: str) -> None:
    response = client.get(f"/api/organisations?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid"
    assert body["field"] == field
    assert field in body["detail"]


def test_list_hides_hidden_organisations(client: TestClient, session: Session) -> None:
    hidden = make_organisation(session, name="Aaaa Hidden Co-operative")
    hidden.visibility = Visibility.HIDDEN
    session.commit()
    names = [item["name"] for item in walk(client, limit=500)]
    assert "Aaaa Hidden Co-operative" not in names
    assert client.get(f"/api/organisations/{hidden.public_id}").status_code == 404


def test_pagination_is_stable_while_organisations_are_added(client: TestClient, session: Session) -> None:
    first = client.get("/api/organisations?limit=20").json()
    seen = [item["id"] for item in first["items"]]
    # An insert before the cursor must not shift the next page (no skipped or repeated items).
    make_organisation(session, name="Aaaaa First Alphabetically")
    session.commit()
    second = client.get(first["links"]["next"]).json()
    assert not set(seen) & {item["id"] for item in second["items"]}
    assert sort_key(second["items"][0]["name"]) >= sort_key(first["items"][-1]["name"])


def test_detail_by_id_and_by_slug_return_the_same_organisation(client: TestClient) -> None:
    summary = client.get("/api/organisations?limit=1").json()["items"][0]
    by_id = client.get(summary["links"]["self"])
    by_slug = client.get(f"/api/organisations/{summary['slug']}")
    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.json() == by_slug.json()
    assert by_id.json()["name"] == summary["name"]


def test_detail_includes_sources_and_field_provenance(client: TestClient, session: Session) -> None:
    org = make_organisation(session, source="test-register", name="Provenance Bakery", postcode="OX4 1DD")
    session.commit()
    body = client.get(f"/api/organisations/{org.public_id}").json()
    assert body["sources"] == [
        {
            "source": "test-register",
            "source_id": body["sources"][0]["source_id"],
            "status_in_source": "live",
            "first_seen_at": body["sources"][0]["first_seen_at"],
            "last_seen_at": body["sources"][0]["last_seen_at"],
        }
    ]
    assert body["provenance"]["name"]["source"] == "test-register"
    assert body["provenance"]["postcode"]["source"] == "test-register"
    assert body["last_verified_at"] is not None


def test_detail_publishes_email_only_with_consent(client: TestClient, session: Session) -> None:
    private = make_organisation(session, email="private@example.org", email_consent=False)
    public = make_organisation(session, email="hello@example.org", email_consent=True)
    session.commit()
    private_body = client.get(f"/api/organisations/{private.public_id}").json()
    public_body = client.get(f"/api/organisations/{public.public_id}").json()
    assert private_body["email"] is None
    assert "email" not in private_body["provenance"]
    assert "private@example.org" not in client.get(f"/api/organisations/{private.public_id}").text
    assert public_body["email"] == "hello@example.org"


def test_demo_emails_without_consent_never_appear_in_the_api(client: TestClient) -> None:
    unconsented = {row["email"] for row in demo_rows() if row["email"] and row["email_consent"] != "true"}
    assert unconsented, "the demo dataset should contain unconsented emails to test this"
    for item in walk(client, limit=500):
        body = client.get(item["links"]["self"]).text
        assert not any(email in body for email in unconsented)


def test_detail_unknown_id_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/organisations/does-not-exist")
    assert response.status_code == 404
    assert response.json() == {
        "error": "not_found",
        "detail": "no public organisation has the id or slug 'does-not-exist'",
    }


def test_unknown_api_route_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_detail_rejects_overlong_id(client: TestClient) -> None:
    response = client.get("/api/organisations/" + "x" * 101)
    assert response.status_code == 422
    assert response.json()["field"] == "id"


def test_summary_fields_match_the_stored_organisation(client: TestClient, session: Session) -> None:
    org: Organisation = make_organisation(
        session,
        name="Zzz Field Check Workers Co-operative",
        legal_form="Society",
        sector="Retail",
        locality="Preston",
        postcode="PR1 2AB",
        latitude=53.7632,
        longitude=-2.7031,
    )
    session.commit()
    body = client.get(f"/api/organisations/{org.public_id}").json()
    assert body["id"] == org.public_id
    assert body["slug"] == "zzz-field-check-workers-co-operative"
    assert (body["legal_form"], body["sector"], body["locality"], body["postcode"]) == (
        "Society",
        "Retail",
        "Preston",
        "PR1 2AB",
    )
    assert (body["latitude"], body["longitude"]) == (53.7632, -2.7031)
    assert body["links"]["html"] == "/organisations/zzz-field-check-workers-co-operative"
