"""Security headers on every response: a strict Content-Security-Policy without inline script.

No page may be framed (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) except `/embed`, the map made
for partner websites, which partners frame under the `embed_frame_ancestors` setting.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Swagger UI injects inline styles, so /docs alone may use them; scripts stay 'self' everywhere.
_BASE_CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:"
)
_DOCS_CSP = _BASE_CSP + "; style-src 'self' 'unsafe-inline'"
_PAGE_CSP = _BASE_CSP + "; style-src 'self'"
EMBED_PATH = "/embed"


class SecurityHeadersMiddleware:
    """Adds CSP, nosniff, referrer and framing headers (pure ASGI, no per-request allocation of policy)."""

    def __init__(
        self, app: ASGIApp, *, tile_origin: str | None = None, embed_frame_ancestors: str = "*"
    ) -> None:
        self.app = app
        extra = f" {tile_origin}" if tile_origin else ""
        self.page_csp = _PAGE_CSP.replace("img-src 'self' data:", f"img-src 'self' data:{extra}")
        self.embed_csp = self.page_csp.replace(
            "frame-ancestors 'none'", f"frame-ancestors {embed_frame_ancestors}"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap `send` to add the headers to the response start message."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        embed = path == EMBED_PATH
        csp = _DOCS_CSP if path == "/docs" else self.embed_csp if embed else self.page_csp

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", csp)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                if not embed:  # X-Frame-Options cannot name several sites; the CSP above decides for /embed
                    headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, send_with_headers)
