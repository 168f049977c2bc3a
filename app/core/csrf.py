"""CSRF protection for HTML forms, for anonymous visitors too (the public webform has no session).

Double submit, signed: every browser gets a random secret in a `__Host-` cookie (Secure, HttpOnly,
SameSite=Lax, Path=/, no Domain, so no other site or subdomain can set it), and every form carries
`csrf_token` = HMAC(secret_key, that secret). A cross-site page can neither read the cookie nor compute
the token, so a forged POST is refused with 403. JSON clients send the token in `X-CSRF-Token`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.domain.errors import Forbidden

COOKIE = "__Host-coopmap_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_STATE_KEY = "csrf_secret"


def _secret_of(cookie: str | None) -> str | None:
    return cookie if cookie is not None and _SECRET.match(cookie) else None


def token_for(secret_key: str, browser_secret: str) -> str:
    """The form token of a browser secret."""
    return hmac.new(secret_key.encode(), f"csrf:{browser_secret}".encode(), hashlib.sha256).hexdigest()


class CsrfCookieMiddleware:
    """Gives each browser its CSRF secret: read from the cookie, or made and set on the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Put the secret in `scope["state"]`; set the cookie when it is new."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        existing = _secret_of(HTTPConnection(scope).cookies.get(COOKIE))
        secret = existing or secrets.token_urlsafe(32)
        scope.setdefault("state", {})[_STATE_KEY] = secret

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and existing is None:
                MutableHeaders(scope=message).append(
                    "set-cookie", f"{COOKIE}={secret}; Path=/; Secure; HttpOnly; SameSite=Lax"
                )
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def form_token(request: Request) -> str:
    """The token a page puts in its forms (a Jinja global)."""
    secret: str = request.scope["state"][_STATE_KEY]
    return token_for(request.app.state.settings.secret_key, secret)


async def require_csrf(request: Request) -> None:
    """Refuse a state-changing request whose token is missing or wrong (403 naming `csrf_token`)."""
    secret = _secret_of(request.cookies.get(COOKIE))
    sent = request.headers.get(HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(FIELD)
        sent = value if isinstance(value, str) else None
    expected = token_for(request.app.state.settings.secret_key, secret) if secret else None
    if not sent or expected is None or not hmac.compare_digest(sent, expected):
        raise Forbidden("the form's csrf_token is missing or out of date: reload the page and try again")
