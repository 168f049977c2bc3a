"""Signing in through the real forms, as a browser does (CSRF token read from the page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.security import hash_password
from app.db.models import User
from app.domain.enums import Role
from app.services import users

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]{64})"')


def make_user(
    session: Session, email: str, role: Role = Role.MODERATOR, *, must_change: bool = False
) -> User:
    """An account with a known password, committed so the app's requests see it."""
    created = users.create_user(session, email=email, role=role)
    created.user.password_hash = hash_password(PASSWORD)
    created.user.must_change_password = must_change
    session.commit()
    return created.user


def csrf_from(html: str) -> str:
    """The CSRF token in a page's form."""
    found = _TOKEN.search(html)
    assert found is not None, "no csrf_token in the page"
    return found.group(1)


def csrf(client: TestClient, path: str = "/moderation/login") -> str:
    """Load a page (which sets the CSRF cookie) and return its form token."""
    page = client.get(path, headers={"accept": "text/html"})
    return csrf_from(page.text)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    """Sign in through the form; fails the test unless it redirects."""
    response = client.post(
        "/moderation/login",
        data={"email": email, "password": password, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


@contextmanager
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A client over https (so `__Host-`/Secure cookies are kept), asking for pages."""
    with TestClient(app, base_url="https://testserver", headers={"accept": "text/html"}) as client:
        yield client
