"""Timing requests through the ASGI app itself, without an HTTP client in the way."""

from __future__ import annotations

import asyncio
import time
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlsplit

import orjson
from fastapi import FastAPI


class AsgiDriver:
    """Calls the ASGI app directly on one event loop: the server's own time, with no HTTP client."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()

    def close(self) -> None:
        """Close the event loop."""
        self.loop.close()

    async def _get(self, url: str) -> tuple[int, bytes]:
        parts = urlsplit(url)
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": parts.path,
            "raw_path": parts.path.encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(b"host", b"bench.local"), (b"accept", b"*/*")],
            "client": ("127.0.0.1", 50000),
            "server": ("bench.local", 80),
            "state": {},
        }
        status = 0
        body: list[bytes] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(body)

    def get(self, url: str) -> tuple[float, int, bytes]:
        """(milliseconds, status, body) of one GET."""

        async def timed_get() -> tuple[float, int, bytes]:
            start = time.perf_counter()
            status, body = await self._get(url)
            return (time.perf_counter() - start) * 1000, status, body

        return self.loop.run_until_complete(timed_get())


def count_items(body: bytes) -> int:
    """Items of a JSON page or features of a FeatureCollection (or map points + clusters)."""
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return 0
    if not isinstance(document, dict):
        return 0
    if "features" in document:
        return len(document["features"])
    if "items" in document:
        return len(document["items"])
    return len(document.get("points", [])) + len(document.get("clusters", []))
