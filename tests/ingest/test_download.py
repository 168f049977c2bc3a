"""Downloads through httpx.MockTransport: complete or nothing, retried, conditional, size-checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from app.core.config import Settings
from app.domain.errors import SourceError
from ingest.download import fetch, make_client, read_file

URL = "https://register.example/SocietyList.csv"
BODY = b"Society Number,Society Name\r\n1,Alpha\r\n"


def settings(**overrides: object) -> Settings:
    return Settings(_env_file=None, download_retries=2, **overrides)  # type: ignore[arg-type]


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return make_client(settings(), transport=httpx.MockTransport(handler))


def no_sleep(_seconds: float) -> None:
    return None


def test_fetch_returns_the_complete_body_with_validators() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=BODY, headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026"}
        )

    download = fetch(client_for(handler), URL, settings=settings(), sleep=no_sleep)
    assert download.data == BODY
    assert (download.etag, download.last_modified) == ('"v1"', "Mon, 02 Nov 2026")
    assert download.sha256 is not None
    assert len(download.sha256) == 64
    assert not download.not_modified


def test_fetch_sends_conditional_headers_and_understands_304() -> None:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(304)

    download = fetch(client_for(handler), URL, settings=settings(), etag='"v1"', last_modified="yesterday")
    assert download.not_modified
    assert seen[0]["If-None-Match"] == '"v1"'
    assert seen[0]["If-Modified-Since"] == "yesterday"


def test_fetch_retries_a_503_then_succeeds_with_backoff() -> None:
    statuses = iter([503, 502, 200])
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses)
        return httpx.Response(status, content=BODY if status == 200 else b"busy")

    download = fetch(client_for(handler), URL, settings=settings(), sleep=waits.append)
    assert download.data == BODY
    assert waits == [0.5, 1.0]


def test_fetch_gives_up_after_the_retries_naming_the_reason() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(503)

    with pytest.raises(SourceError, match=r"failed after 3 attempts \(HTTP 503\)"):
        fetch(client_for(handler), URL, settings=settings(), sleep=no_sleep)
    assert calls == 3


def test_fetch_treats_a_truncated_body_as_a_failure() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=BODY[:10], headers={"Content-Length": str(len(BODY))})

    with pytest.raises(SourceError, match="truncated: received 10 of"):
        fetch(client_for(handler), URL, settings=settings(), sleep=no_sleep)


def test_fetch_retries_timeouts_then_fails() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(SourceError, match="timed out"):
        fetch(client_for(handler), URL, settings=settings(), sleep=no_sleep)


def test_fetch_does_not_retry_a_404() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(404)

    with pytest.raises(SourceError, match="HTTP 404"):
        fetch(client_for(handler), URL, settings=settings(), sleep=no_sleep)
    assert calls == 1


@pytest.mark.parametrize("declared", [True, False])
def test_fetch_refuses_a_file_over_the_size_limit(declared: bool) -> None:
    big = b"x" * 2048

    def handler(request: httpx.Request) -> httpx.Response:
        if declared:
            return httpx.Response(200, content=big)
        return httpx.Response(200, stream=httpx.ByteStream(big))

    with pytest.raises(SourceError, match="byte limit"):
        fetch(client_for(handler), URL, settings=settings(download_max_bytes=1024), sleep=no_sleep)


def test_read_file_reads_and_checks_size(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(BODY)
    assert read_file(path, 1024).data == BODY
    with pytest.raises(SourceError, match="byte limit"):
        read_file(path, 5)
    with pytest.raises(SourceError, match="cannot read"):
        read_file(tmp_path / "missing.csv", 1024)
