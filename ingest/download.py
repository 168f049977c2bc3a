"""Downloads that are complete or nothing: timeouts, retries with backoff, conditional requests, size checks.

A truncated, oversized or failed download raises SourceError and is never handed to a parser, so the
previous data stays live.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

import app
from app.core.config import Settings
from app.domain.errors import SourceError

USER_AGENT = f"coopmap/{app.__version__} (+https://github.com/coopmap)"
_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Download:
    """A complete download (or a 304 Not Modified, with `data` None)."""

    location: str
    data: bytes | None
    sha256: str | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """True when the server said the file has not changed since the last run."""
        return self.data is None


class _Retryable(Exception):
    """A failure worth another attempt (5xx, 429, timeout, broken or truncated transfer)."""


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An httpx client with our timeouts and user agent; tests pass an `httpx.MockTransport`."""
    return httpx.Client(
        timeout=httpx.Timeout(settings.download_timeout_s),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        transport=transport,
    )


def read_file(path: Path, max_bytes: int) -> Download:
    """A local file as a download (same size rule)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"{path} is {size:,} bytes, over the {max_bytes:,} byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    return Download(location=str(path), data=data, sha256=hashlib.sha256(data).hexdigest())


def _attempt(client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int) -> Download:
    with client.stream("GET", url, headers=headers) as response:
        if response.status_code == 304:
            return Download(location=url, data=None, sha256=None, etag=headers.get("If-None-Match"))
        if response.status_code in _RETRYABLE_STATUS:
            raise _Retryable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise SourceError(f"download of {url} failed: HTTP {response.status_code}")
        declared = response.headers.get("Content-Length")
        expected = int(declared) if declared and declared.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise SourceError(f"{url} is {expected:,} bytes, over the {max_bytes:,} byte limit")
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > max_bytes:
                raise SourceError(f"{url} is over the {max_bytes:,} byte limit")
            digest.update(chunk)
            chunks.append(chunk)
        # Content-Length counts the bytes on the wire (before any gzip decoding); a response that was
        # already read in memory (as httpx.MockTransport gives) reports none, so count what we got.
        on_wire = response.num_bytes_downloaded or received
        if expected is not None and on_wire != expected:
            raise _Retryable(f"truncated: received {on_wire:,} of {expected:,} bytes")
        return Download(
            location=url,
            data=b"".join(chunks),
            sha256=digest.hexdigest(),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


def fetch(
    client: httpx.Client,
    url: str,
    *,
    settings: Settings,
    etag: str | None = None,
    last_modified: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Download:
    """GET `url` completely, retrying transient failures; conditional on the previous ETag/Last-Modified."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    reason = "no attempt made"
    for attempt in range(settings.download_retries + 1):
        if attempt:
            sleep(min(30.0, 0.5 * 2 ** (attempt - 1)))
        try:
            return _attempt(client, url, headers, settings.download_max_bytes)
        except _Retryable as exc:
            reason = str(exc)
        except httpx.TimeoutException:
            reason = "timed out"
        except httpx.TransportError as exc:
            reason = f"{exc.__class__.__name__}: {exc}"
    raise SourceError(f"download of {url} failed after {settings.download_retries + 1} attempts ({reason})")
