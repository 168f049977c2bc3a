"""Moderator sign-in: cookies, rotation, failures, throttling, CSRF, one-time passwords, expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.api.auth import SESSION_COOKIE
from app.core.config import Settings
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import AuditEvent, User, UserSession
from app.main import create_app
from tests.moderation.helpers import PASSWORD, browser, csrf, make_user, sign_in


def test_no_account_exists_until_one_is_created(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(User)) == 0


def test_sign_in_sets_a_host_only_secure_session_cookie(app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        token = csrf(client)
        response = client.post(
            "/moderation/login",
            data={"email": "mod@example.org", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/moderation"
        cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE))
        attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
        assert {"secure", "httponly", "samesite", "path"} <= attributes
        assert "domain" not in attributes
        assert "samesite=strict" in cookie.lower()
        assert "path=/" in cookie.lower()
        assert client.get("/api/moderation/me").json()["email"] == "mod@example.org"


def test_each_sign_in_rotates_the_session(app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        sign_in(client, "mod@example.org")
        first = client.cookies[SESSION_COOKIE]
        sign_in(client, "mod@example.org")
        second = client.cookies[SESSION_COOKIE]
        assert first != second
    with browser(app) as stale:
        stale.cookies.set(SESSION_COOKIE, first)
        assert stale.get("/api/moderation/me").status_code == 401
    # Only a hash of the token is stored.
    hashes = set(session.scalars(select(UserSession.token_hash)))
    assert second not in hashes
    assert len(hashes) == 1


@pytest.mark.parametrize("email", ["mod@example.org", "nobody@example.org"])
def test_a_failed_sign_in_says_the_same_for_every_cause_and_is_audited(
    app: FastAPI, session: Session, email: str
) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        response = client.post(
            "/moderation/login",
            data={"email": email, "password": "wrong password", "csrf_token": csrf(client)},
        )
    assert response.status_code == 401
    assert "do not match an active account" in response.text
    assert SESSION_COOKIE not in response.cookies
    failures = session.scalars(select(AuditEvent).where(AuditEvent.action == "login.failed")).all()
    assert [event.data["email"] for event in failures] == [email]
    assert "wrong password" not in str(failures[0].data)


def test_sign_in_attempts_are_throttled(settings: Settings, database: Database, session: Session) -> None:
    app = create_app(settings.model_copy(update={"rate_limit_login": "2/hour"}), database)
    with browser(app) as client:
        statuses = [
            client.post(
                "/moderation/login",
                data={"email": "x@example.org", "password": "p", "csrf_token": csrf(client)},
            ).status_code
            for _ in range(3)
        ]
        assert statuses == [401, 401, 429]
        last = client.post(
            "/moderation/login", data={"email": "x@example.org", "password": "p", "csrf_token": csrf(client)}
        )
        assert int(last.headers["retry-after"]) > 0


@pytest.mark.parametrize("token", [None, "0" * 64])
def test_a_form_post_without_a_valid_csrf_token_is_refused(
    app: FastAPI, session: Session, token: str | None
) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        csrf(client)
        data = {"email": "mod@example.org", "password": PASSWORD} | ({"csrf_token": token} if token else {})
        response = client.post("/moderation/login", data=data, headers={"accept": "application/json"})
    assert response.status_code == 403
    assert "csrf_token" in response.json()["detail"]


def test_a_one_time_password_must_be_replaced_before_moderating(app: FastAPI, session: Session) -> None:
    make_user(session, "new@example.org", must_change=True)
    with browser(app) as client:
        sign_in(client, "new@example.org")
        assert client.get("/api/moderation/me").json()["must_change_password"] is True
        token = csrf(client, "/moderation/password")
        short = client.post(
            "/moderation/password",
            data={"current_password": PASSWORD, "new_password": "short", "csrf_token": token},
        )
        assert short.status_code == 422
        done = client.post(
            "/moderation/password",
            data={
                "current_password": PASSWORD,
                "new_password": "a much longer passphrase",
                "csrf_token": token,
            },
            follow_redirects=False,
        )
        assert done.status_code == 303
        assert client.get("/api/moderation/me").json()["must_change_password"] is False


def test_idle_expired_and_deactivated_sessions_stop_working(app: FastAPI, session: Session) -> None:
    user = make_user(session, "mod@example.org")
    with browser(app) as client:
        sign_in(client, "mod@example.org")
        assert client.get("/api/moderation/me").status_code == 200
        session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=3)))
        session.commit()
        assert client.get("/api/moderation/me").status_code == 401
        sign_in(client, "mod@example.org")
        session.execute(update(User).where(User.id == user.id).values(is_active=False))
        session.commit()
        assert client.get("/api/moderation/me").status_code == 401


def test_sign_out_ends_the_session(app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        sign_in(client, "mod@example.org")
        token = client.cookies[SESSION_COOKIE]
        response = client.post(
            "/moderation/logout", data={"csrf_token": csrf(client)}, follow_redirects=False
        )
        assert response.status_code == 303
    with browser(app) as other:
        other.cookies.set(SESSION_COOKIE, token)
        assert other.get("/api/moderation/me").status_code == 401


def test_the_next_page_after_sign_in_stays_on_this_site(app: FastAPI, session: Session) -> None:
    make_user(session, "mod@example.org")
    with browser(app) as client:
        for target in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
            response = client.post(
                "/moderation/login",
                data={
                    "email": "mod@example.org",
                    "password": PASSWORD,
                    "next": target,
                    "csrf_token": csrf(client),
                },
                follow_redirects=False,
            )
            assert response.headers["location"] == "/moderation"
