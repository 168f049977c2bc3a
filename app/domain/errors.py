"""Domain errors: each carries its HTTP meaning and a message safe to show to users.

CoopmapError            500  (never raised directly)
├── Moved               301  an organisation was merged into another: go there
├── NotFound            404  a thing that was asked for does not exist (or is not public)
├── InvalidInput        422  a named field or parameter is wrong
├── Conflict            409  the state changed under the caller (optimistic locking, duplicates)
├── Gone                410  it existed but has expired or was withdrawn
├── PayloadTooLarge     413  the request body is over the cap
├── Unauthenticated     401  sign in first
├── Forbidden           403  the caller may not do this
├── RateLimited         429  too many requests from this client: retry after some seconds
└── SourceError         502  an upstream register or download failed
"""

from __future__ import annotations


class CoopmapError(Exception):
    """Base of every expected error; `status` is the HTTP meaning, `message` is safe to show."""

    status: int = 500
    kind: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Moved(CoopmapError):
    """The thing now lives under another identifier (an organisation merged into another)."""

    status = 301
    kind = "moved"

    def __init__(self, ident: str, target: str) -> None:
        super().__init__(f"{ident!r} was merged into {target!r}")
        self.ident, self.target = ident, target


class NotFound(CoopmapError):
    """The requested thing does not exist or is not public."""

    status = 404
    kind = "not_found"


class InvalidInput(CoopmapError):
    """A named input field or parameter is invalid."""

    status = 422
    kind = "invalid"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Conflict(CoopmapError):
    """The request conflicts with the current state."""

    status = 409
    kind = "conflict"


class Gone(CoopmapError):
    """The thing existed but has expired or was withdrawn."""

    status = 410
    kind = "gone"


class PayloadTooLarge(CoopmapError):
    """The request body is bigger than this endpoint accepts."""

    status = 413
    kind = "too_large"


class Forbidden(CoopmapError):
    """The caller is not allowed to do this."""

    status = 403
    kind = "forbidden"


class Unauthenticated(CoopmapError):
    """The caller must sign in (pages redirect to the login form)."""

    status = 401
    kind = "unauthenticated"


class RateLimited(CoopmapError):
    """Too many requests from one client; `retry_after` seconds until the next is allowed."""

    status = 429
    kind = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many requests: try again in {retry_after} seconds")
        self.retry_after = retry_after


class SourceError(CoopmapError):
    """An upstream source could not be fetched or parsed."""

    status = 502
    kind = "source_error"
