"""Private edit links (hashed, expiring, revocable, emailed through a real local SMTP server) and
erasure that every re-ingest honours."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from markupsafe import escape
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import EditToken, Organisation, SourceRecord, Submission
from app.domain.enums import Visibility
from app.main import create_app
from app.services import edit_links, suppressions
from tests.ingest.test_pipeline import cuk_row, ingest_file
from tests.mail import Inbox, smtp_server
from tests.moderation.helpers import browser, csrf, make_user, sign_in

LINK = re.compile(r"/edit/([A-Za-z0-9_-]{20,100})")


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server, server.port


@pytest.fixture
def mail_app(settings: Settings, database: Database, inbox: tuple[Inbox, int]) -> FastAPI:
    tuned = settings.model_copy(
        update={
            "submit_min_seconds": 0.0,
            "smtp_host": "127.0.0.1",
            "smtp_port": inbox[1],
            "smtp_starttls": False,
            "public_url": "https://coopmap.example",
        }
    )
    return create_app(tuned, database)


def test_approval_emails_a_private_link_that_edits_through_moderation(
    mail_app: FastAPI, session: Session, inbox: tuple[Inbox, int]
) -> None:
    messages = inbox[0].messages
    make_user(session, "mod@example.org")
    with browser(mail_app) as client:
        reference = client.post(
            "/api/submissions",
            json={"name": "Foxglove Food Hub", "postcode": "M1 1AA", "contact_email": "hub@example.org"},
        ).json()["id"]
        sign_in(client, "mod@example.org")
        version = client.get(f"/api/moderation/submissions/{reference}").json()["version"]
        client.post(
            f"/moderation/submissions/{reference}/approve",
            data={"csrf_token": csrf(client), "version": version},
        )
    [message] = messages
    assert message["To"] == "hub@example.org"
    body = message.get_payload()
    assert "https://coopmap.example/edit/" in body
    token = LINK.search(body).group(1)  # type: ignore[union-attr]
    stored = set(session.scalars(select(EditToken.token_hash)))
    assert token not in stored
    assert len(stored) == 1
    with browser(mail_app) as group:
        form = group.get(f"/edit/{token}")
        assert form.status_code == 200
        assert 'value="Foxglove Food Hub"' in form.text
        started = re.search(r'name="started" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        sent = group.post(
            f"/edit/{token}",
            data={
                "csrf_token": csrf(group, f"/edit/{token}"),
                "started": started,
                "name": "Foxglove Food Hub",
                "description": "Veg boxes on Fridays",
                "contact_email": "hub@example.org",
            },
            follow_redirects=False,
        )
        assert sent.status_code == 303
    session.expire_all()
    edit = session.scalars(select(Submission).order_by(Submission.id.desc()).limit(1)).one()
    assert edit.payload["via_edit_link"] is True
    assert edit.payload["description"] == "Veg boxes on Fridays"


def test_expired_revoked_and_unknown_links_are_refused(mail_app: FastAPI, session: Session) -> None:
    organisation = session.scalars(select(Organisation).limit(1)).one()
    settings = mail_app.state.settings.model_copy(update={"smtp_host": None})
    expired = edit_links.issue(session, settings, organisation, "a@example.org", "test")
    revoked = edit_links.issue(session, settings, organisation, "b@example.org", "test")
    session.execute(update(EditToken).values(expires_at=utcnow() - timedelta(days=1)))
    live = edit_links.issue(session, settings, organisation, "c@example.org", "test")
    session.commit()
    with browser(mail_app) as client:
        assert client.get(f"/edit/{expired}").status_code == 410
        assert client.get(f"/edit/{live}").status_code == 200
        edit_links.revoke(session, organisation, "test")
        session.commit()
        assert client.get(f"/edit/{live}").status_code == 410
        assert client.get(f"/edit/{revoked}").status_code == 410
        assert client.get("/edit/" + "x" * 43).status_code == 404


def test_asking_for_a_link_answers_the_same_whether_or_not_an_email_is_known(
    mail_app: FastAPI, session: Session, inbox: tuple[Inbox, int]
) -> None:
    with_email, without = session.scalars(select(Organisation).order_by(Organisation.id).limit(2)).all()
    with_email.email, without.email = "public@example.org", None
    session.commit()
    with browser(mail_app) as client:
        pages = [
            client.post(f"/organisations/{org.slug}/edit-link", data={"csrf_token": csrf(client)})
            for org in (with_email, without)
        ]
    assert [page.status_code for page in pages] == [200, 200]
    # Only the organisation's own name and slug differ between the two answers.
    masked = [
        page.text.replace(str(escape(org.name)), "NAME").replace(org.slug, "SLUG")
        for page, org in zip(pages, (with_email, without), strict=True)
    ]
    assert masked[0] == masked[1]
    assert [message["To"] for message in inbox[0].messages] == ["public@example.org"]


def test_an_erased_organisation_never_comes_back_with_a_re_ingest(
    database: Database, session: Session, tmp_path: Path
) -> None:
    rows = [cuk_row(1), cuk_row(2)]
    ingest_file(database, tmp_path, rows)
    organisation = session.scalars(
        select(Organisation)
        .join(SourceRecord, SourceRecord.organisation_id == Organisation.id)
        .where(SourceRecord.source_id == "R900001")
    ).one()
    suppressions.suppress(session, organisation.public_id, actor="admin", reason="erasure request")
    session.commit()
    report = ingest_file(database, tmp_path, rows)
    assert report.tally.suppressed == 1
    session.expire_all()
    assert session.scalar(select(func.count()).where(SourceRecord.source_id == "R900001")) == 0
    again = session.get(Organisation, organisation.id)
    assert again is not None
    assert (again.visibility, again.email, again.phone) == (Visibility.HIDDEN, None, None)
    name = "Pipeline Test Co-operative 1 Limited"
    assert (
        session.scalar(
            select(func.count()).where(
                Organisation.name == name, Organisation.visibility == Visibility.PUBLIC
            )
        )
        == 0
    )


def test_a_request_for_changes_tells_the_group_why(
    mail_app: FastAPI, session: Session, inbox: tuple[Inbox, int]
) -> None:
    make_user(session, "mod@example.org")
    with browser(mail_app) as client:
        reference = client.post(
            "/api/submissions",
            json={"name": "Heartwood Housing", "postcode": "M1 1AA", "contact_email": "hh@example.org"},
        ).json()["id"]
        sign_in(client, "mod@example.org")
        version = client.get(f"/api/moderation/submissions/{reference}").json()["version"]
        client.post(
            f"/moderation/submissions/{reference}/request-changes",
            data={
                "csrf_token": csrf(client),
                "version": version,
                "reason": "Please add your postcode's street",
            },
        )
    [message] = inbox[0].messages
    assert message["To"] == "hh@example.org"
    assert "needs a change" in message["Subject"]
    assert "Please add your postcode's street" in message.get_payload()
