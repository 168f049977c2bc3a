"""A small thread-safe LRU for values derived from stored data; keys include a data version to stay true."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

V = TypeVar("V")


class LRUCache(Generic[V]):
    """At most `size` values; `get` computes a missing value outside the lock (a race computes it twice)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], V]) -> V:
        """The cached value of `key`, loading and storing it when absent."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = load()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()


def database_key(session: Session) -> str:
    """The session's database, for cache keys: ids and data versions repeat across databases."""
    return session.get_bind().engine.url.render_as_string(hide_password=True)
