"""Plain factories for matcher tests."""

from __future__ import annotations

from typing import Any

from ingest.matching import MatchRecord


def record(key: str, name: str, postcode: str | None = None, **fields: Any) -> MatchRecord:
    """A record whose source is the part of `key` before the colon."""
    return MatchRecord(key=key, source=key.split(":", 1)[0], name=name, postcode=postcode, **fields)


def register(key: str, name: str, postcode: str | None = None, **fields: Any) -> MatchRecord:
    """A register record (its numbers identify the organisation)."""
    return record(key, name, postcode, register=True, **fields)
