"""The moderator area: every route protected, the queue, approve with optimistic locking, duplicates,
history with revert, audit log and stale list, and user text shown as text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.db.models import AuditEvent, Organisation, Submission
from app.domain.enums import Role, SubmissionState
from app.main import create_app
from tests.factories import store_records
from tests.moderation.helpers import browser, csrf, make_user, sign_in

XSS = '<script>alert("x")</script>'
EXEMPT = {("GET", "/moderation/login"), ("POST", "/moderation/login"), ("POST", "/moderation/logout")}
SIGNED_IN_ONLY = {
    ("GET", "/moderation/password"),
    ("POST", "/moderation/password"),
    ("GET", "/api/moderation/me"),
}


@pytest.fixture
def quick_app(settings: Settings, database: Database) -> FastAPI:
    return create_app(settings.model_copy(update={"submit_min_seconds": 0.0}), database)


def api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every APIRoute, inside included routers too (FastAPI wraps those)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found.extend(api_routes(route.original_router.routes))
    return found


def moderator_routes(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in api_routes(list(app.routes))
        if route.path.startswith(("/moderation", "/api/moderation"))
        for method in sorted(route.methods or ())
    ]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_moderator_route_refuses_people_who_are_not_moderators(app: FastAPI, session: Session) -> None:
    routes = moderator_routes(app)
    assert len(routes) >= 15, routes
    make_user(session, "fresh@example.org", must_change=True)
    with browser(app) as anonymous:
        token = csrf(anonymous)
        for method, path in routes:
            if (method, path) in EXEMPT:
                continue
            response = anonymous.request(
                method,
                concrete(path),
                data={"csrf_token": token} if method == "POST" else None,
                follow_redirects=False,
            )
            if path.startswith("/api/"):
                assert response.status_code == 401, (method, path)
            else:
                assert response.status_code == 303, (method, path)
                assert response.headers["location"].startswith("/moderation/login")
    with browser(app) as fresh:
        sign_in(fresh, "fresh@example.org")
        token = csrf(fresh)
        for method, path in routes:
            if (method, path) in EXEMPT | SIGNED_IN_ONLY:
                continue
            response = fresh.request(
                method,
                concrete(path),
                data={"csrf_token": token} if method == "POST" else None,
                follow_redirects=False,
            )
            assert response.status_code == 403, (method, path)


def submit(client: TestClient, **fields: str) -> str:
    body = {"name": "Bramblegate Bike Kitchen", "postcode": "M1 1AA", "contact_email": "group@example.org"}
    response = client.post("/api/submissions", json=body | fields)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_a_submission_is_reviewed_side_by_side_approved_and_published(
    quick_app: FastAPI, session: Session
) -> None:
    make_user(session, "mod@example.org")
    with browser(quick_app) as client:
        reference = submit(client, description=XSS, name="Bramblegate <b>Bike</b> Kitchen")
        sign_in(client, "mod@example.org")
        queue = client.get("/moderation")
        assert reference in queue.text
        assert "Bramblegate &lt;b&gt;Bike&lt;/b&gt; Kitchen" in queue.text
        review = client.get(f"/moderation/submissions/{reference}")
        assert "&lt;script&gt;" in review.text
        assert "<script>alert" not in review.text
        assert "group@example.org" in review.text
        twin = client.get(f"/api/moderation/submissions/{reference}").json()
        assert twin["contact_email"] == "group@example.org"
        assert any(row["field"] == "description" and row["changed"] for row in twin["rows"])
        response = client.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(client), "version": twin["version"]},
            follow_redirects=False,
        )
        assert response.status_code == 303
        found = client.get("/api/organisations", params={"q": "Bramblegate", "limit": 5}).json()["items"]
    assert [item["name"] for item in found] == ["Bramblegate <b>Bike</b> Kitchen"]
    stored = session.scalars(select(Submission).where(Submission.public_id == reference)).one()
    session.refresh(stored)
    assert stored.state is SubmissionState.APPROVED
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"submission.received", "submission.approved", "organisation.edited"} <= actions


def test_two_moderators_deciding_at_once_one_wins_the_other_gets_409(
    quick_app: FastAPI, session: Session
) -> None:
    make_user(session, "one@example.org")
    make_user(session, "two@example.org")
    with browser(quick_app) as one, browser(quick_app) as two:
        reference = submit(one)
        sign_in(one, "one@example.org")
        sign_in(two, "two@example.org")
        version = one.get(f"/api/moderation/submissions/{reference}").json()["version"]
        assert two.get(f"/api/moderation/submissions/{reference}").json()["version"] == version
        first = one.post(
            f"/moderation/submissions/{reference}/reject",
            data={"csrf_token": csrf(one), "version": version, "reason": "not a co-op"},
            follow_redirects=False,
        )
        assert first.status_code == 303
        second = two.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(two), "version": version},
            follow_redirects=False,
        )
        assert second.status_code == 409
        assert "changed while you looked" in second.text
        assert "rejected" in second.text


def test_a_rejection_needs_a_reason(quick_app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    with browser(quick_app) as client:
        reference = submit(client)
        sign_in(client, "mod@example.org")
        version = client.get(f"/api/moderation/submissions/{reference}").json()["version"]
        response = client.post(
            f"/moderation/submissions/{reference}/reject",
            data={"csrf_token": csrf(client), "version": version, "reason": " "},
            headers={"accept": "application/json"},
        )
    assert response.status_code == 422
    assert response.json()["field"] == "reason"


def test_a_possible_duplicate_is_decided_on_its_page(app: FastAPI, session: Session) -> None:
    store_records(
        session, "coops-uk", {"Q1": {"name": "Quernstone Bread Co-operative Limited", "postcode": "NN4 7AD"}}
    )
    store_records(session, "digitalcommons:x", {"Q2": {"name": "Quernstone Bakery", "postcode": "NN4 7AD"}})
    session.commit()
    make_user(session, "mod@example.org")
    with browser(app) as client:
        sign_in(client, "mod@example.org")
        pairs = client.get("/api/moderation/queue").json()["duplicates"]
        [pair] = [p for p in pairs if p["left"]["source_id"] in ("Q1", "Q2")]
        page = client.get(f"/moderation/duplicates/{pair['id']}")
        assert "bits" in page.text
        response = client.post(
            f"/moderation/duplicates/{pair['id']}",
            data={"csrf_token": csrf(client), "decision": "same", "reason": "one bakery"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        twin = client.get(f"/api/moderation/duplicates/{pair['id']}").json()
    assert twin["decision"] == "confirmed"
    assert twin["left"]["organisation_id"] == twin["right"]["organisation_id"]


def test_an_approved_edit_shows_in_history_and_can_be_reverted(quick_app: FastAPI, session: Session) -> None:
    organisation = session.scalars(
        select(Organisation).where(Organisation.description.is_not(None)).limit(1)
    ).one()
    before = organisation.description
    make_user(session, "mod@example.org")
    with browser(quick_app) as client:
        response = client.post(
            "/api/submissions",
            json={
                "name": organisation.name,
                "description": "Rewritten by the group",
                "contact_email": "member@example.org",
                "organisation_id": organisation.public_id,
            },
        )
        reference = response.json()["id"]
        sign_in(client, "mod@example.org")
        version = client.get(f"/api/moderation/submissions/{reference}").json()["version"]
        client.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(client), "version": version},
        )
        assert (
            client.get(f"/api/organisations/{organisation.public_id}").json()["description"]
            == "Rewritten by the group"
        )
        admin = client.get(f"/api/moderation/organisations/{organisation.public_id}").json()
        [edit] = [event for event in admin["history"] if event["action"] == "organisation.edited"]
        assert edit["data"]["after"]["description"] == "Rewritten by the group"
        page = client.get(f"/moderation/organisations/{organisation.public_id}")
        assert "Revert this edit" in page.text
        client.post(
            f"/moderation/organisations/{organisation.public_id}/revert",
            data={"csrf_token": csrf(client), "target": str(edit["id"]), "reason": "vandalism"},
        )
        assert client.get(f"/api/organisations/{organisation.public_id}").json()["description"] == before


def test_audit_log_and_stale_list_have_pages_and_json_twins(app: FastAPI, session: Session) -> None:
    make_user(session, "admin@example.org", Role.ADMIN)
    with browser(app) as client:
        sign_in(client, "admin@example.org")
        audit = client.get("/api/moderation/audit").json()
        assert audit[0]["action"] == "login"
        assert "admin@example.org" in client.get("/moderation/audit").text
        stale = client.get("/api/moderation/stale").json()
        assert isinstance(stale, list)
        assert client.get("/moderation/stale").status_code == 200


def test_admin_routes_refuse_moderators(app: FastAPI, session: Session) -> None:
    admin_only = [(method, path) for method, path in moderator_routes(app) if "/users" in path]
    assert len(admin_only) >= 5
    make_user(session, "mod@example.org")
    with browser(app) as client:
        sign_in(client, "mod@example.org")
        token = csrf(client)
        for method, path in admin_only:
            data = {"csrf_token": token, "role": "admin", "active": "false", "email": "x@example.org"}
            response = client.request(method, concrete(path), data=data if method == "POST" else None)
            assert response.status_code == 403, (method, path)


def test_an_admin_adds_promotes_and_deactivates_accounts(app: FastAPI, session: Session) -> None:
    make_user(session, "admin@example.org", Role.ADMIN)
    with browser(app) as client:
        sign_in(client, "admin@example.org")
        created = client.post(
            "/moderation/users",
            data={"csrf_token": csrf(client), "email": "new@example.org", "role": "moderator"},
        )
        assert created.headers["cache-control"] == "no-store"
        password = re.search(r'id="one-time-password">([^<]+)<', created.text)
        assert password is not None
        accounts = {a["email"]: a for a in client.get("/api/moderation/users").json()}
        assert accounts["new@example.org"]["must_change_password"] is True
        assert "password_hash" not in str(accounts)
        assert "argon2" not in str(accounts)
        new_id = accounts["new@example.org"]["id"]
        client.post(f"/moderation/users/{new_id}/role", data={"csrf_token": csrf(client), "role": "admin"})
        client.post(
            f"/moderation/users/{new_id}/active", data={"csrf_token": csrf(client), "active": "false"}
        )
        own = accounts["admin@example.org"]["id"]
        refused = client.post(
            f"/moderation/users/{own}/active",
            data={"csrf_token": csrf(client), "active": "false"},
            headers={"accept": "application/json"},
        )
        assert refused.status_code == 403
        after = {a["email"]: a for a in client.get("/api/moderation/users").json()}
    assert (after["new@example.org"]["role"], after["new@example.org"]["is_active"]) == ("admin", False)
    with browser(app) as newcomer:
        response = newcomer.post(
            "/moderation/login",
            data={"email": "new@example.org", "password": password.group(1), "csrf_token": csrf(newcomer)},
        )
        assert response.status_code == 401


@pytest.mark.parametrize(
    ("action", "state"), [("request-changes", "changes_requested"), ("withdraw", "withdrawn")]
)
def test_named_transitions_with_a_reason_are_audited(
    quick_app: FastAPI, session: Session, action: str, state: str
) -> None:
    make_user(session, "mod@example.org")
    with browser(quick_app) as client:
        reference = submit(client)
        sign_in(client, "mod@example.org")
        version = client.get(f"/api/moderation/submissions/{reference}").json()["version"]
        response = client.post(
            f"/moderation/submissions/{reference}/{action}",
            data={"csrf_token": csrf(client), "version": version, "reason": "by email on 3 December"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        after = client.get(f"/api/moderation/submissions/{reference}").json()
        assert (after["state"], after["reason"]) == (state, "by email on 3 December")
        again = client.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(client), "version": after["version"]},
        )
        assert again.status_code == 409
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == f"submission.{state}")).one()
    assert event.actor_label == "mod@example.org"
