"""The public webform and POST /api/submissions: validation, abuse controls, privacy, "is this you?"."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.db.models import Organisation, Submission
from app.domain.enums import SubmissionKind, SubmissionState
from app.main import create_app
from tests.moderation.helpers import browser, csrf_from

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SQLISH = "'; DROP TABLE organisations; --"
GOOD = {
    "name": "Thistlewood Tool Library",
    "description": "Borrow a drill, not buy one",
    "postcode": "OX4 1DD",
    "website": "thistlewood.example",
    "contact_email": "Organiser@Example.org",
    "contact_name": "Sam",
}


@pytest.fixture
def quick_app(settings: Settings, database: Database) -> FastAPI:
    """The app with no minimum fill time (tests send forms at once) and a small submission limit."""
    tuned = settings.model_copy(update={"submit_min_seconds": 0.0, "rate_limit_submissions": "4/hour"})
    return create_app(tuned, database)


def form_page(client: TestClient, path: str = "/submit") -> dict[str, str]:
    page = client.get(path)
    assert page.status_code == 200
    started = re.search(r'name="started" value="([^"]+)"', page.text)
    assert started is not None
    return {"csrf_token": csrf_from(page.text), "started": started.group(1)}


def submissions(session: Session) -> list[Submission]:
    session.expire_all()
    return list(session.scalars(select(Submission).order_by(Submission.id)))


def test_a_new_organisation_is_queued_with_its_contact_kept_private(
    quick_app: FastAPI, session: Session
) -> None:
    with browser(quick_app) as client:
        response = client.post("/submit", data=form_page(client) | GOOD, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/submit/thanks?id=")
        thanks = client.get(response.headers["location"])
        assert "A moderator will check your entry" in thanks.text
    [stored] = submissions(session)
    assert (stored.kind, stored.state) == (SubmissionKind.NEW, SubmissionState.PENDING)
    assert stored.payload["website"] == "https://thistlewood.example"
    assert stored.contact_email == "organiser@example.org"
    assert "contact_email" not in stored.payload
    assert stored.submitter_ip_hash is not None
    assert "testclient" not in stored.submitter_ip_hash


def test_a_bad_form_comes_back_with_everything_typed_and_a_message_at_each_field(
    quick_app: FastAPI, session: Session
) -> None:
    typed = GOOD | {"postcode": "NOT A CODE", "contact_email": "nope", "description": XSS, "name": SQLISH}
    with browser(quick_app) as client:
        response = client.post("/submit", data=form_page(client) | typed)
    assert response.status_code == 422
    assert "not a UK postcode" in response.text
    assert "not an email address" in response.text
    assert 'value="NOT A CODE"' in response.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in response.text
    assert "<script>alert" not in response.text
    assert "&#39;; DROP TABLE organisations; --" in response.text
    assert submissions(session) == []


def test_sql_ish_text_is_stored_and_shown_verbatim(quick_app: FastAPI, session: Session) -> None:
    with browser(quick_app) as client:
        client.post("/submit", data=form_page(client) | GOOD | {"name": SQLISH, "description": XSS})
    [stored] = submissions(session)
    assert stored.payload["name"] == SQLISH
    assert stored.payload["description"] == XSS
    assert (session.scalar(select(func.count()).select_from(Organisation)) or 0) > 0


def test_the_honeypot_stores_nothing_but_looks_accepted(quick_app: FastAPI, session: Session) -> None:
    with browser(quick_app) as client:
        data = form_page(client) | GOOD | {"company_url": "http://spam.example"}
        response = client.post("/submit", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert submissions(session) == []


def test_a_form_sent_too_fast_is_refused(app: FastAPI, session: Session) -> None:
    with browser(app) as client:
        response = client.post("/submit", data=form_page(client) | GOOD)
    assert response.status_code == 422
    assert "very fast" in response.text
    assert submissions(session) == []


def test_a_form_without_csrf_token_is_refused(quick_app: FastAPI, session: Session) -> None:
    with browser(quick_app) as client:
        data = {key: value for key, value in form_page(client).items() if key != "csrf_token"}
        assert client.post("/submit", data=data | GOOD).status_code == 403
    assert submissions(session) == []


def test_likely_existing_organisations_are_offered_before_a_new_one_is_stored(
    quick_app: FastAPI, session: Session
) -> None:
    existing = session.scalars(select(Organisation).where(Organisation.postcode.is_not(None)).limit(1)).one()
    typed = GOOD | {"name": existing.name, "postcode": existing.postcode}
    with browser(quick_app) as client:
        first = client.post("/submit", data=form_page(client) | typed)
        assert first.status_code == 200
        assert "Is this you?" in first.text
        assert f"/organisations/{existing.slug}/edit" in first.text
        assert submissions(session) == []
        again = client.post(
            "/submit", data=form_page(client) | typed | {"confirmed_new": "yes"}, follow_redirects=False
        )
        assert again.status_code == 303
    assert len(submissions(session)) == 1


def test_an_edit_is_prefilled_and_queued_for_its_organisation(quick_app: FastAPI, session: Session) -> None:
    organisation = session.scalars(select(Organisation).limit(1)).one()
    with browser(quick_app) as client:
        page = client.get(f"/organisations/{organisation.slug}/edit")
        assert f'value="{organisation.name}"' in page.text.replace("&#39;", "'").replace("&amp;", "&")
        data = form_page(client, f"/organisations/{organisation.slug}/edit") | {
            "name": organisation.name,
            "description": "Now open on Sundays",
            "contact_email": "member@example.org",
        }
        response = client.post(f"/organisations/{organisation.slug}/edit", data=data, follow_redirects=False)
        assert response.status_code == 303
    [stored] = submissions(session)
    assert (stored.kind, stored.organisation_id) == (SubmissionKind.EDIT, organisation.id)


def test_the_json_twin_names_bad_fields_and_collapses_duplicates(
    quick_app: FastAPI, session: Session
) -> None:
    with TestClient(quick_app) as client:
        bad = client.post("/api/submissions", json=GOOD | {"postcode": "nope"})
        assert bad.status_code == 422
        assert bad.json()["field"] == "postcode"
        first = client.post("/api/submissions", json=GOOD)
        assert first.status_code == 201
        body = first.json()
        assert (body["kind"], body["state"], body["duplicate"]) == ("new", "pending", False)
        assert "contact_email" not in body
        second = client.post("/api/submissions", json=GOOD)
        assert second.status_code == 200
        assert (second.json()["id"], second.json()["duplicate"]) == (body["id"], True)
    assert len(submissions(session)) == 1


def test_public_writes_are_rate_limited_and_size_capped(quick_app: FastAPI) -> None:
    with TestClient(quick_app) as client:
        huge = client.post("/api/submissions", json=GOOD | {"description": "x" * 70_000})
        assert huge.status_code == 413
        statuses = [
            client.post("/api/submissions", json=GOOD | {"name": f"Thistlewood {n}"}).status_code
            for n in range(5)
        ]
        assert statuses[-1] == 429
        limited = client.post("/api/submissions", json=GOOD | {"name": "One more"})
        assert int(limited.headers["retry-after"]) > 0
