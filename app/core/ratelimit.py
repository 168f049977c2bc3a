"""Per-client rate limits for public writes and logins: a sliding window, in this process.

The limiter lives in the app (one per process), which suits one node; behind several processes a
shared store (Redis) is the scale-out step. Memory is bounded: the least recently seen clients are
forgotten first. Clients are keyed by IP (`X-Forwarded-For` only from configured trusted proxies).
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request

from app.domain.errors import RateLimited

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?\s*$")
MAX_CLIENTS = 50_000


@dataclass(frozen=True, slots=True)
class Rate:
    """At most `count` events per `seconds`."""

    count: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> Rate:
        """`5/hour`, `10/15minutes`, `100/day`."""
        found = _RATE.match(text)
        if found is None or int(found.group(1)) < 1:
            raise ValueError(f"{text!r} is not a rate such as '5/hour' or '10/15minutes'")
        return cls(int(found.group(1)), int(found.group(2) or 1) * _UNITS[found.group(3)])


class RateLimiter:
    """Sliding-window counters per (bucket, client); thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_clients: int = MAX_CLIENTS) -> None:
        self.clock = clock
        self.max_clients = max_clients
        self._hits: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, bucket: str, client: str, rate: Rate) -> None:
        """Count one event, or raise RateLimited (with the seconds until one is allowed again)."""
        now = self.clock()
        key = (bucket, client)
        with self._lock:
            window = self._hits.pop(key, None) or deque()
            while window and window[0] <= now - rate.seconds:
                window.popleft()
            self._hits[key] = window
            while len(self._hits) > self.max_clients:
                self._hits.popitem(last=False)
            if len(window) >= rate.count:
                raise RateLimited(max(1, math.ceil(window[0] + rate.seconds - now)))
            window.append(now)


def client_key(request: Request, trusted_proxies: frozenset[str]) -> str:
    """The client's address; the last untrusted hop of X-Forwarded-For when a trusted proxy sent it."""
    peer = request.client.host if request.client else "unknown"
    if peer not in trusted_proxies:
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    untrusted = [hop for hop in hops if hop not in trusted_proxies]
    return untrusted[-1] if untrusted else peer


def limit(request: Request, bucket: str, rate: Rate, client: str | None = None) -> None:
    """Count a request of `bucket` against the app's limiter (per IP, or per `client` when given)."""
    settings = request.app.state.settings
    who = client or client_key(request, frozenset(settings.trusted_proxies))
    request.app.state.rate_limiter.hit(bucket, who, rate)
