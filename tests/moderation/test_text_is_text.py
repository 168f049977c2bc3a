"""Markup and SQL-ish strings typed into every text field are stored verbatim and shown as text on every
page that shows them: the form with errors, the moderator's queue and review, the organisation's public
page, its moderator page and the home page's list."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.main import create_app
from tests.moderation.helpers import browser, csrf, make_user, sign_in

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>'; DROP TABLE organisations; --"
TEXT_FIELDS = (
    "description",
    "legal_form",
    "street_address",
    "locality",
    "areas_served",
    "contact_name",
)
LIST_FIELDS = ("other_names", "goods_services", "activities")


@pytest.fixture
def quick_app(settings: Settings, database: Database) -> FastAPI:
    return create_app(settings.model_copy(update={"submit_min_seconds": 0.0}), database)


def assert_text_only(html: str, where: str) -> None:
    assert "<script>alert(1)" not in html, where
    assert "<img src=x" not in html, where


def test_markup_in_every_field_is_text_on_every_page(quick_app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    body = dict.fromkeys(TEXT_FIELDS, PAYLOAD) | {name: [PAYLOAD] for name in LIST_FIELDS}
    body["legal_form"] = PAYLOAD[:80]  # the field's cap
    body |= {"name": "Zz " + PAYLOAD[:150], "postcode": "OX4 1DD", "contact_email": "x@example.org"}
    with browser(quick_app) as client:
        response = client.post("/api/submissions", json=body)
        assert response.status_code == 201, response.text
        reference = response.json()["id"]
        sign_in(client, "mod@example.org")
        for path in ("/moderation", f"/moderation/submissions/{reference}"):
            page = client.get(path)
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text, path
            assert_text_only(page.text, path)
        stored = client.get(f"/api/moderation/submissions/{reference}").json()
        assert stored["payload"]["description"] == PAYLOAD
        version = stored["version"]
        client.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(client), "version": version},
        )
        [item] = client.get("/api/organisations", params={"q": "Zz DROP TABLE", "limit": 3}).json()["items"]
        assert item["name"] == "Zz " + PAYLOAD[:150]
        for path in (
            f"/organisations/{item['slug']}",
            f"/moderation/organisations/{item['id']}",
            "/?q=Zz+DROP+TABLE",
            f"/organisations/{item['slug']}/edit",
        ):
            page = client.get(path)
            assert page.status_code == 200, path
            assert_text_only(page.text, path)
            assert "DROP TABLE organisations" in page.text, path
